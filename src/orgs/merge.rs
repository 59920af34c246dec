//! The organization merge of `org rename`: every reference moves from one
//! organization to another. A schema-driven writer: it reads the foreign
//! keys from the schema, so it writes every table that refers to an
//! organization, including tables added later.

use rusqlite::{params, Connection};

use super::store::{membership_at, save_membership};
use super::Organization;
use crate::error::Result;

/// Every column that refers to an organization, as (table, column), read
/// from the schema so a table added later is covered too.
fn references(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare_cached(
        "SELECT m.name, f.\"from\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = 'organizations' ORDER BY m.name, f.\"from\"",
    )?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// "application"/"applications" for a referring table.
fn noun(table: &str, n: i64) -> String {
    let (one, many) = match table {
        "applications" => ("application", "applications"),
        "contacts" => ("contact", "contacts"),
        "events" => ("event", "events"),
        "memberships" => ("membership", "memberships"),
        "volunteer_shifts" => ("volunteer shift", "volunteer shifts"),
        "education" => ("education entry", "education entries"),
        "experience" => ("work experience entry", "work experience entries"),
        other => (other, other),
    };
    crate::output::count_of(n, one, many)
}

/// "2 applications, 1 contact and 3 events".
pub fn join_counts(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What still refers to an organization, a phrase per referring table,
/// leaving out the tables named in `except`.
pub fn uses(conn: &Connection, org_id: i64, except: &[&str]) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for (table, column) in references(conn)? {
        if except.contains(&table.as_str()) {
            continue;
        }
        let count: i64 = conn.query_row(
            &format!("SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = ?1"),
            [org_id],
            |r| r.get(0),
        )?;
        if count > 0 {
            found.push(noun(&table, count));
        }
    }
    Ok(found)
}

/// What a merge did: what moved, as phrases ("2 applications"), and a note
/// for the user when both organizations had a membership.
pub struct Merged {
    pub moved: Vec<String>,
    pub note: Option<String>,
}

/// Moves every reference from `from` to `into_id`, fills the details
/// `into` lacks, and deletes `from`.
pub fn merge(
    tx: &Connection,
    from: &Organization,
    into_id: i64,
    into_name: &str,
) -> Result<Merged> {
    let mut note = None;
    let from_membership = membership_at(tx, from.id)?;
    let into_membership = membership_at(tx, into_id)?;
    if let (Some(old), Some(kept)) = (&from_membership, &into_membership) {
        // One membership per organization: keep the target's, completed by
        // the other (the earlier start, the later renewal).
        let since = match (kept.since, old.since) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let renews = kept.renews_on.max(old.renews_on);
        let notes = match (&kept.notes, &old.notes) {
            (Some(a), Some(b)) if a != b => Some(format!("{a}\n{b}")),
            (a, b) => a.clone().or_else(|| b.clone()),
        };
        tx.execute("DELETE FROM memberships WHERE id = ?1", [old.id])?;
        save_membership(tx, into_id, since, renews, notes.as_deref())?;
        note = Some(format!(
            "both {:?} and {into_name:?} had a membership; kept {into_name:?}'s, completed with the other's dates and notes",
            from.name
        ));
    }
    let mut moved = Vec::new();
    for (table, column) in references(tx)? {
        let count = tx.execute(
            &format!("UPDATE \"{table}\" SET \"{column}\" = ?2 WHERE \"{column}\" = ?1"),
            params![from.id, into_id],
        )?;
        if count > 0 {
            moved.push(noun(&table, count as i64));
        }
    }
    tx.execute(
        "UPDATE organizations SET website = coalesce(website, ?2), location = coalesce(location, ?3),
             notes = coalesce(notes, ?4)
         WHERE id = ?1",
        params![into_id, from.website, from.location, from.notes],
    )?;
    tx.execute("DELETE FROM organizations WHERE id = ?1", [from.id])?;
    Ok(Merged { moved, note })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_a_list() {
        assert_eq!(join_counts(&[]), "");
        assert_eq!(join_counts(&["1 contact".into()]), "1 contact");
        assert_eq!(
            join_counts(&[
                "2 applications".into(),
                "1 contact".into(),
                "3 events".into()
            ]),
            "2 applications, 1 contact and 3 events"
        );
        assert_eq!(noun("volunteer_shifts", 2), "2 volunteer shifts");
    }
}
