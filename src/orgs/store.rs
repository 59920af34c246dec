//! The SQL of organizations and memberships.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{close_names, normalize, Membership, OrgSummary, Organization, ORGANIZATION};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::input::refs::{self, Candidate};
use crate::output::{count_of, shell_command, visible};

/// The id and stored spelling of the organization called `name` (any case).
pub fn find(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, name FROM organizations WHERE name = ?1")?
        .query_row([normalize(name)], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Finds the organization called `name` or creates it; returns its id, its
/// stored spelling (the first spelling is kept) and whether it is new.
pub fn find_or_create(
    conn: &Connection,
    field: &str,
    name: &str,
    timestamp: &str,
) -> Result<(i64, String, bool)> {
    let clean = normalize(name);
    if clean.is_empty() {
        return Err(Error::Input(format!("{field} cannot be empty")));
    }
    if clean == "-" {
        return Err(Error::Input(format!(
            "{field} cannot be '-': organization names are not read from standard input; type the name"
        )));
    }
    if let Some((id, stored)) = find(conn, &clean)? {
        return Ok((id, stored, false));
    }
    conn.prepare_cached("INSERT INTO organizations (name, created_at) VALUES (?1, ?2)")?
        .execute(params![clean, timestamp])?;
    Ok((conn.last_insert_rowid(), clean, true))
}

/// `find_or_create` for commands a person types: when the name is new and
/// close to one already known (a typo, say), a note on standard error names
/// the close ones and how to merge. Bulk imports use `find_or_create`.
pub fn find_or_create_noting(
    ctx: &Ctx,
    conn: &Connection,
    field: &str,
    name: &str,
    timestamp: &str,
) -> Result<(i64, String, bool)> {
    let (id, stored, created) = find_or_create(conn, field, name, timestamp)?;
    if created {
        let close: Vec<String> = suggestions(conn, &stored)?
            .into_iter()
            .filter(|n| *n != stored)
            .collect();
        if let Some(first) = close.first() {
            ctx.out.notice(format!(
                "new organization {stored:?}; did you mean {}? (merge with: {})",
                quote_list(&close),
                shell_command(["jobtrack", "org", "rename", &stored, first])
            ));
        }
    }
    Ok((id, stored, created))
}

/// The known names close to `name` (a likely typo: `close_names`),
/// best first, at most three.
pub fn suggestions(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached("SELECT name FROM organizations")?;
    let mut scored: Vec<(usize, String)> = statement
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok())
        .filter_map(|candidate| close_names(name, &candidate).map(|d| (d, candidate)))
        .collect();
    scored.sort();
    Ok(scored.into_iter().take(3).map(|(_, n)| n).collect())
}

/// Every organization as a reference may name it: by name.
pub fn candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    let mut statement =
        conn.prepare_cached("SELECT id, name FROM organizations ORDER BY name COLLATE NOCASE")?;
    let rows = statement.query_map([], |r| {
        let name: String = r.get(1)?;
        Ok(Candidate {
            id: r.get(0)?,
            key: name.clone(),
            label: name,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The organization a reference (NAME of `org show`, `org rm`, OLD of
/// `org rename`) names: the one called `text` (any case), else the one
/// whose name contains it, named on standard error; exit 2 listing them
/// when several do, or naming the closest names when none does.
pub fn resolve(ctx: &Ctx, conn: &Connection, field: &str, text: &str) -> Result<Organization> {
    refs::Reference::parse(&ORGANIZATION, field, text)?;
    let Some(id) = ctx.pick(conn, &ORGANIZATION, field, &normalize(text))? else {
        return Err(unknown_error(conn, text)?);
    };
    by_id(conn, id)
}

/// The organizations an `--org` filter keeps: the one called `text` (any
/// case), else every one whose name contains it, with a note naming them;
/// none (and a note with the closest names) when nothing matches.
pub fn filter(ctx: &Ctx, conn: &Connection, text: &str) -> Result<Vec<i64>> {
    let matches = refs::matches(&normalize(text), candidates(conn)?);
    if matches.found.is_empty() {
        report_unknown(ctx, conn, text)?;
        return Ok(Vec::new());
    }
    if !matches.exact {
        let names: Vec<String> = matches.found.iter().map(|c| visible(&c.label)).collect();
        ctx.out.notice(format!(
            "--org {:?} keeps {}: {}",
            visible(&normalize(text)),
            count_of(names.len() as i64, "organization", "organizations"),
            names.join(", ")
        ));
    }
    Ok(matches.found.iter().map(|c| c.id).collect())
}

/// Says on standard error that no organization has this name, with the
/// closest names. Filters call this and print nothing on standard output.
pub fn report_unknown(ctx: &Ctx, conn: &Connection, name: &str) -> Result<()> {
    let close = suggestions(conn, name)?;
    if close.is_empty() {
        ctx.out
            .notice(format!("no organization named {:?}", normalize(name)));
    } else {
        ctx.out.notice(format!(
            "no organization named {:?}; did you mean {}?",
            normalize(name),
            quote_list(&close)
        ));
    }
    Ok(())
}

/// The error for a command that needs an existing organization.
pub fn unknown_error(conn: &Connection, name: &str) -> Result<Error> {
    let close = suggestions(conn, name)?;
    let hint = if close.is_empty() {
        " (see 'jobtrack org list')".to_string()
    } else {
        format!("; did you mean {}?", quote_list(&close))
    };
    Ok(Error::NotFound(format!(
        "no organization named {:?}{hint}",
        normalize(name)
    )))
}

fn quote_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The organization called `name` (any case), or the exit-2 error with the
/// closest names.
pub fn require(conn: &Connection, name: &str) -> Result<Organization> {
    let Some((id, _)) = find(conn, name)? else {
        return Err(unknown_error(conn, name)?);
    };
    by_id(conn, id)
}

/// The organization with this id (one a reference or a lookup found).
fn by_id(conn: &Connection, id: i64) -> Result<Organization> {
    let sql = format!("SELECT {ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], organization_from_row)?)
}

/// The columns `organization_from_row` reads, for `FROM organizations o`.
pub const ORGANIZATION_COLUMNS: &str = "o.id, o.name, o.website, o.location, o.notes, o.created_at";

/// Reads an organization selected with `ORGANIZATION_COLUMNS`.
pub fn organization_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Organization> {
    Ok(Organization {
        id: r.get(0)?,
        name: r.get(1)?,
        website: r.get(2)?,
        location: r.get(3)?,
        notes: r.get(4)?,
        created_at: r.get(5)?,
    })
}

/// Every organization with how many applications and contacts refer to it,
/// by name.
pub fn summaries(conn: &Connection) -> Result<Vec<OrgSummary>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {ORGANIZATION_COLUMNS},
                (SELECT count(*) FROM applications a WHERE a.org_id = o.id),
                (SELECT count(*) FROM contacts c WHERE c.org_id = o.id)
         FROM organizations o ORDER BY o.name COLLATE NOCASE"
    ))?;
    let rows = statement.query_map([], |r| {
        Ok(OrgSummary {
            organization: organization_from_row(r)?,
            applications: r.get(6)?,
            contacts: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Gives the organization `id` the name `name` (already normalized).
pub fn rename(conn: &Connection, id: i64, name: &str) -> Result<()> {
    conn.execute(
        "UPDATE organizations SET name = ?2 WHERE id = ?1",
        params![id, name],
    )?;
    Ok(())
}

/// Sets an organization's website, location and notes.
pub fn update_details(
    conn: &Connection,
    id: i64,
    website: Option<&str>,
    location: Option<&str>,
    notes: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE organizations SET website = ?2, location = ?3, notes = ?4 WHERE id = ?1",
        params![id, website, location, notes],
    )?;
    Ok(())
}

/// Deletes the user's membership of an organization; false when there was none.
pub fn delete_membership(conn: &Connection, org_id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM memberships WHERE org_id = ?1", [org_id])? > 0)
}

/// Deletes an organization and the user's membership of it; returns how
/// many memberships went with it. The caller checks nothing else refers to it.
pub fn delete(conn: &Connection, id: i64) -> Result<usize> {
    let membership = conn.execute("DELETE FROM memberships WHERE org_id = ?1", [id])?;
    conn.execute("DELETE FROM organizations WHERE id = ?1", [id])?;
    Ok(membership)
}

/// The user's membership of an organization, if any.
pub fn membership_at(conn: &Connection, org_id: i64) -> Result<Option<Membership>> {
    Ok(conn
        .prepare_cached(
            "SELECT m.id, o.name, m.since, m.renews_on, m.notes
             FROM memberships m JOIN organizations o ON o.id = m.org_id WHERE m.org_id = ?1",
        )?
        .query_row([org_id], |r| {
            Ok(Membership {
                id: r.get(0)?,
                org: r.get(1)?,
                since: r.get(2)?,
                renews_on: r.get(3)?,
                notes: r.get(4)?,
            })
        })
        .optional()?)
}

/// Writes the membership of an organization (one per organization):
/// inserts it, or replaces the dates and notes of the one there.
pub fn save_membership(
    conn: &Connection,
    org_id: i64,
    since: Option<NaiveDate>,
    renews_on: Option<NaiveDate>,
    notes: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO memberships (org_id, since, renews_on, notes) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id) DO UPDATE SET
             since = excluded.since, renews_on = excluded.renews_on, notes = excluded.notes",
    )?
    .execute(params![org_id, since, renews_on, notes])?;
    Ok(())
}
