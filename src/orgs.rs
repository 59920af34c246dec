//! The `org` noun: organizations (employers, schools, chapters, volunteer
//! sites), found by name without regard to case and created on first use.

use chrono::NaiveDate;
use clap::Subcommand;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::applications::{self, Application};
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::network::{self, Contact, Membership};
use crate::output::{self, Tone};
use crate::Ctx;

const ORG_EXAMPLES: &str = "\
Examples:
  jobtrack org show \"Mercy Health\"
  jobtrack org join \"Ohio AHIMA\" --since 2026-01-15 --renews 2027-01-15
  jobtrack org rename \"Mercy Hosp\" \"Mercy Health\"
  jobtrack org rm \"Typo Clinic\"";

/// `jobtrack org …`
#[derive(Debug, Subcommand)]
#[command(after_help = ORG_EXAMPLES)]
pub enum OrgCommand {
    /// List organizations with how many applications and contacts each has
    List,
    /// Show an organization with everything that points at it
    #[command(
        after_help = "Examples:\n  jobtrack org show \"Mercy Health\"\n  jobtrack --json org show \"mercy health\""
    )]
    Show {
        /// The organization (any case)
        name: String,
    },
    /// Record (or update) your membership of an association
    #[command(
        after_help = "Examples:\n  jobtrack org join \"Ohio AHIMA\" --since 2026-01-15 --renews 2027-01-15\n  jobtrack org join \"HIMSS Central Ohio\"\n  jobtrack org join \"Ohio AHIMA\" --renews 2028-01-15"
    )]
    Join {
        /// The association (created on first use; any case matches)
        name: String,
        /// Member since [default for a new membership: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: Option<String>,
        /// When the membership renews
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        renews: Option<String>,
        /// Notes ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Rename an organization, or merge it into another that has the new name
    #[command(
        after_help = "Examples:\n  jobtrack org rename \"mercy health\" \"Mercy Health\"\n  jobtrack org rename \"Mercy Hosp\" \"Mercy Health\"   (merges when Mercy Health exists)"
    )]
    Rename {
        /// The current name (any case)
        old: String,
        /// The new name; when an organization has it already, OLD is merged into it
        new: String,
    },
    /// Delete an organization nothing refers to
    #[command(after_help = "Example:\n  jobtrack org rm \"Typo Clinic\"")]
    Rm {
        /// The organization (any case)
        name: String,
    },
}

/// Runs an `org` subcommand.
pub fn run(ctx: &Ctx, command: OrgCommand) -> Result<()> {
    match command {
        OrgCommand::List => list(ctx),
        OrgCommand::Show { name } => show(ctx, &name),
        OrgCommand::Join {
            name,
            since,
            renews,
            note,
        } => join(ctx, &name, since, renews, note),
        OrgCommand::Rename { old, new } => rename(ctx, &old, &new),
        OrgCommand::Rm { name } => remove(ctx, &name),
    }
}

/// An organization as `org list` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    pub website: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
    pub applications: i64,
    pub contacts: i64,
}

/// An organization name as stored: trimmed, inner whitespace collapsed.
pub fn normalize(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
    if let Some((id, stored)) = find(conn, &clean)? {
        return Ok((id, stored, false));
    }
    conn.prepare_cached("INSERT INTO organizations (name, created_at) VALUES (?1, ?2)")?
        .execute(params![clean, timestamp])?;
    Ok((conn.last_insert_rowid(), clean, true))
}

/// The names closest to `name` (case-insensitive edit distance, or one
/// containing the other), best first, at most three.
pub fn suggestions(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let wanted = normalize(name).to_lowercase();
    let mut statement = conn.prepare_cached("SELECT name FROM organizations")?;
    let mut scored: Vec<(usize, String)> = statement
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok())
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance = edit_distance(&wanted, &lower);
            let close = distance <= (wanted.chars().count() / 3).max(2);
            let contains =
                wanted.len() >= 3 && (lower.contains(&wanted) || wanted.contains(&lower));
            (close || contains).then_some((if contains { 0 } else { distance }, candidate))
        })
        .collect();
    scored.sort();
    Ok(scored.into_iter().take(3).map(|(_, n)| n).collect())
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

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

fn list(ctx: &Ctx) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let mut statement = conn.prepare(
        "SELECT o.id, o.name, o.website, o.location, o.notes, o.created_at,
                (SELECT count(*) FROM applications a WHERE a.org_id = o.id),
                (SELECT count(*) FROM contacts c WHERE c.org_id = o.id)
         FROM organizations o ORDER BY o.name COLLATE NOCASE",
    )?;
    let rows = statement
        .query_map([], |r| {
            Ok(OrgSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                website: r.get(2)?,
                location: r.get(3)?,
                notes: r.get(4)?,
                created_at: r.get(5)?,
                applications: r.get(6)?,
                contacts: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if ctx.out.json {
        return ctx.out.print_json(&rows);
    }
    if rows.is_empty() {
        return ctx
            .out
            .line("No organizations yet; 'jobtrack app add ORG TITLE' creates one.");
    }
    let mut table = ctx
        .out
        .table(["Organization", "Location", "Applications", "Contacts"]);
    for org in &rows {
        table.add_row(vec![
            ctx.out.cell(&org.name, Tone::Plain),
            ctx.out
                .cell(org.location.as_deref().unwrap_or(""), Tone::Plain),
            ctx.out.number(org.applications),
            ctx.out.number(org.contacts),
        ]);
    }
    ctx.out.print_table(&table)
}

/// An organization as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    pub id: i64,
    pub name: String,
    pub website: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
}

/// A volunteer shift, as `org show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Shift {
    pub id: i64,
    pub org: String,
    pub date: NaiveDate,
    pub hours: f64,
    pub role: Option<String>,
    pub notes: Option<String>,
}

/// An organization with everything `org show` prints.
#[derive(Debug, Clone, Serialize)]
pub struct OrgDetail {
    #[serde(flatten)]
    pub organization: Organization,
    pub applications: Vec<Application>,
    pub contacts: Vec<Contact>,
    pub events: Vec<network::Event>,
    pub memberships: Vec<Membership>,
    pub volunteer_shifts: Vec<Shift>,
}

/// The organization called `name` (any case), or the exit-2 error with the
/// closest names.
pub fn require(conn: &Connection, name: &str) -> Result<Organization> {
    let Some((id, _)) = find(conn, name)? else {
        return Err(unknown_error(conn, name)?);
    };
    Ok(conn
        .prepare_cached(
            "SELECT id, name, website, location, notes, created_at FROM organizations WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Organization {
                id: r.get(0)?,
                name: r.get(1)?,
                website: r.get(2)?,
                location: r.get(3)?,
                notes: r.get(4)?,
                created_at: r.get(5)?,
            })
        })?)
}

fn shifts_at(conn: &Connection, org_id: i64) -> Result<Vec<Shift>> {
    let mut statement = conn.prepare_cached(
        "SELECT v.id, o.name, v.date, v.hours, v.role, v.notes
         FROM volunteer_shifts v JOIN organizations o ON o.id = v.org_id
         WHERE v.org_id = ?1 ORDER BY v.date DESC, v.id DESC",
    )?;
    let rows = statement.query_map([org_id], |r| {
        Ok(Shift {
            id: r.get(0)?,
            org: r.get(1)?,
            date: r.get(2)?,
            hours: r.get(3)?,
            role: r.get(4)?,
            notes: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Everything `org show` prints about the organization called `name`.
pub fn detail(conn: &Connection, name: &str) -> Result<OrgDetail> {
    let organization = require(conn, name)?;
    let id = organization.id;
    Ok(OrgDetail {
        applications: applications::store::at_org(conn, id)?,
        contacts: network::contacts_at(conn, id)?,
        events: network::store::events_at(conn, id)?,
        memberships: network::store::membership_at(conn, id)?
            .into_iter()
            .collect(),
        volunteer_shifts: shifts_at(conn, id)?,
        organization,
    })
}

fn show(ctx: &Ctx, name: &str) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let detail = detail(&conn, name)?;
    if ctx.out.json {
        return ctx.out.print_json(&detail);
    }
    let out = &ctx.out;
    let org = &detail.organization;
    out.line(out.heading(&org.name))?;
    let membership = detail.memberships.first().map(|m| {
        let mut text = match m.since {
            Some(since) => format!("member since {since}"),
            None => "member".to_string(),
        };
        if let Some(renews) = m.renews_on {
            text.push_str(&format!(", renews {renews}"));
        }
        text
    });
    out.print_fields(&[
        ("location", org.location.clone()),
        ("website", org.website.clone()),
        ("membership", membership),
        ("notes", org.notes.clone()),
    ])?;
    let nothing = detail.applications.is_empty()
        && detail.contacts.is_empty()
        && detail.events.is_empty()
        && detail.volunteer_shifts.is_empty();
    if nothing {
        return out.line(format!(
            "No applications, contacts, events or volunteer shifts at {} yet.",
            org.name
        ));
    }
    if !detail.applications.is_empty() {
        out.line("")?;
        out.line(out.heading(&format!("Applications ({})", detail.applications.len())))?;
        let mut table = out.table(["ID", "Title", "Status", "Applied", "Referred by"]);
        for app in &detail.applications {
            let referrer = match app.referral_contact_id {
                Some(contact_id) => network::contact(&conn, contact_id)?
                    .map(|c| c.describe())
                    .unwrap_or_default(),
                None => String::new(),
            };
            table.add_row(vec![
                out.number(app.id),
                out.cell(&app.title, Tone::Plain),
                out.cell(app.status, applications::status_tone(app.status)),
                out.cell(
                    app.applied_on.map(|d| d.to_string()).unwrap_or_default(),
                    Tone::Plain,
                ),
                out.cell(referrer, Tone::Plain),
            ]);
        }
        out.print_table(&table)?;
    }
    if !detail.contacts.is_empty() {
        out.line("")?;
        out.line(out.heading(&format!("Contacts ({})", detail.contacts.len())))?;
        let mut table = out.table(["ID", "Name", "Role", "Relationship", "Follow up"]);
        for contact in &detail.contacts {
            table.add_row(vec![
                out.number(contact.id),
                out.cell(&contact.name, Tone::Plain),
                out.cell(contact.role.as_deref().unwrap_or(""), Tone::Plain),
                out.cell(contact.relationship, Tone::Plain),
                out.cell(
                    contact
                        .follow_up_on
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    Tone::Plain,
                ),
            ]);
        }
        out.print_table(&table)?;
    }
    if !detail.events.is_empty() {
        out.line("")?;
        out.line(out.heading(&format!("Events ({})", detail.events.len())))?;
        let mut table = out.table(["ID", "Date", "Kind", "Title"]);
        for event in &detail.events {
            table.add_row(vec![
                out.number(event.id),
                out.cell(event.date, Tone::Plain),
                out.cell(event.kind, Tone::Plain),
                out.cell(&event.title, Tone::Plain),
            ]);
        }
        out.print_table(&table)?;
    }
    if !detail.volunteer_shifts.is_empty() {
        let total: f64 = detail.volunteer_shifts.iter().map(|s| s.hours).sum();
        out.line("")?;
        out.line(out.heading(&format!(
            "Volunteer shifts ({}, {} hours)",
            detail.volunteer_shifts.len(),
            output::hours(total)
        )))?;
        let mut table = out.table(["Date", "Hours", "Role"]);
        for shift in &detail.volunteer_shifts {
            table.add_row(vec![
                out.cell(shift.date, Tone::Plain),
                out.number(output::hours(shift.hours)),
                out.cell(shift.role.as_deref().unwrap_or(""), Tone::Plain),
            ]);
        }
        out.print_table(&table)?;
    }
    Ok(())
}

fn join(
    ctx: &Ctx,
    name: &str,
    since: Option<String>,
    renews: Option<String>,
    note: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let since = ctx.opt_date("--since", since.as_deref())?;
    let renews = ctx.opt_date("--renews", renews.as_deref())?;
    let note = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let (org_id, org_name, _) = find_or_create(&tx, "NAME", name, &timestamp)?;
    let old = network::store::membership_at(&tx, org_id)?;
    let since = match &old {
        Some(old) => since.or(old.since),
        None => since.or(Some(today)),
    };
    let renews = renews.or(old.as_ref().and_then(|m| m.renews_on));
    let notes = note.or(old.as_ref().and_then(|m| m.notes.clone()));
    if let (Some(since), Some(renews)) = (since, renews) {
        if renews < since {
            return Err(Error::Input(format!(
                "--renews {renews} is before the membership began ({since}); give a later date"
            )));
        }
    }
    network::store::save_membership(&tx, org_id, since, renews, notes.as_deref())?;
    let membership = network::store::membership_at(&tx, org_id)?
        .ok_or_else(|| Error::Runtime(format!("the membership of {org_name} was not saved")))?;
    db::commit(tx)?;
    let mut message = match old {
        Some(_) => format!("Updated your membership of {org_name}"),
        None => format!("Joined {org_name}"),
    };
    let dates: Vec<String> = [
        since.map(|d| format!("member since {d}")),
        renews.map(|d| format!("renews {d}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !dates.is_empty() {
        message.push_str(&format!(" ({})", dates.join(", ")));
    }
    ctx.out
        .written(membership.id, &message, || Ok(membership.clone()))
}

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
    network::count_of(n, one, many)
}

/// "2 applications, 1 contact and 3 events".
fn join_counts(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What still refers to an organization: a phrase per referring table.
fn uses(conn: &Connection, org_id: i64) -> Result<Vec<String>> {
    let mut found = Vec::new();
    for (table, column) in references(conn)? {
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

fn rename(ctx: &Ctx, old: &str, new: &str) -> Result<()> {
    let new_name = normalize(new);
    if new_name.is_empty() {
        return Err(Error::Input("NEW cannot be empty".into()));
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

fn remove(ctx: &Ctx, name: &str) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let org = require(&tx, name)?;
    let used = uses(&tx, org.id)?;
    if !used.is_empty() {
        return Err(Error::Input(format!(
            "cannot remove {:?}: {} still {} to it; remove those first, or merge it into another organization with 'jobtrack org rename {:?} OTHER'",
            org.name,
            join_counts(&used),
            if used.len() == 1 && used[0].starts_with("1 ") { "refers" } else { "refer" },
            org.name
        )));
    }
    tx.execute("DELETE FROM organizations WHERE id = ?1", [org.id])?;
    db::commit(tx)?;
    ctx.out.written(
        org.id,
        &format!("Removed organization {:?}", org.name),
        || Ok(serde_json::json!({"id": org.id, "removed": true})),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_collapsed() {
        assert_eq!(normalize("  Mercy   Health \t"), "Mercy Health");
    }

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

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("mercy", "mercy"), 0);
        assert_eq!(edit_distance("mercy", "mercey"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
