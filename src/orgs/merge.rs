//! `org rename` and `org rm`: renaming, merging one organization into
//! another, and removing one nothing refers to.

use rusqlite::{params, Connection};

use super::{detail, find, normalize, require, Organization};
use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::network;

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
fn join_counts(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What still refers to an organization, a phrase per referring table,
/// leaving out the tables named in `except`.
fn uses(conn: &Connection, org_id: i64, except: &[&str]) -> Result<Vec<String>> {
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

pub(super) fn rename(ctx: &Ctx, old: &str, new: &str) -> Result<()> {
    let new_name = normalize(new);
    if new_name.is_empty() {
        return Err(Error::Input("NEW cannot be empty".into()));
    }
    if new_name == "-" {
        return Err(Error::Input(
            "NEW cannot be '-': organization names are not read from standard input; type the name"
                .into(),
        ));
    }
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let from = require(&tx, old)?;
    let target = find(&tx, &new_name)?.filter(|(id, _)| *id != from.id);
    let message = match target {
        None if from.name == new_name => {
            drop(tx);
            let message = format!("{:?} already has that name; nothing changed", from.name);
            return ctx
                .out
                .written(from.id, &message, || detail(&conn, &new_name));
        }
        None => {
            tx.execute(
                "UPDATE organizations SET name = ?2 WHERE id = ?1",
                params![from.id, new_name],
            )?;
            format!("Renamed {:?} to {new_name:?}", from.name)
        }
        Some((into_id, into_name)) => {
            let moved = merge(ctx, &tx, &from, into_id, &into_name)?;
            let mut message = format!("Merged {:?} into {into_name:?}", from.name);
            if !moved.is_empty() {
                message.push_str(&format!("; moved {}", join_counts(&moved)));
            }
            message
        }
    };
    let record = if ctx.out.json {
        Some(detail(&tx, &new_name)?)
    } else {
        None
    };
    let id = find(&tx, &new_name)?.map_or(from.id, |(id, _)| id);
    db::commit(tx)?;
    ctx.out.written(id, &message, || Ok(record))
}

/// Moves every reference from `from` to `into_id`, fills the details
/// `into` lacks, and deletes `from`. Returns what moved, as phrases.
fn merge(
    ctx: &Ctx,
    tx: &Connection,
    from: &Organization,
    into_id: i64,
    into_name: &str,
) -> Result<Vec<String>> {
    let from_membership = network::store::membership_at(tx, from.id)?;
    let into_membership = network::store::membership_at(tx, into_id)?;
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
        network::store::save_membership(tx, into_id, since, renews, notes.as_deref())?;
        ctx.out.notice(format!(
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
    Ok(moved)
}

pub(super) fn remove(ctx: &Ctx, name: &str) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let org = require(&tx, name)?;
    // The user's membership belongs to the organization and goes with it.
    let used = uses(&tx, org.id, &["memberships"])?;
    if !used.is_empty() {
        let verb = if used.len() == 1 && used[0].starts_with("1 ") {
            "refers"
        } else {
            "refer"
        };
        return Err(Error::Input(format!(
            "cannot remove {:?}: {} still {verb} to it; remove those first, or merge it into another organization with 'jobtrack org rename {:?} OTHER'",
            org.name,
            join_counts(&used),
            org.name
        )));
    }
    let membership = tx.execute("DELETE FROM memberships WHERE org_id = ?1", [org.id])?;
    tx.execute("DELETE FROM organizations WHERE id = ?1", [org.id])?;
    db::commit(tx)?;
    let mut message = format!("Removed organization {:?}", org.name);
    if membership > 0 {
        message.push_str(" and your membership of it");
    }
    ctx.out.written(org.id, &message, || {
        Ok(serde_json::json!({"id": org.id, "removed": true}))
    })
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
