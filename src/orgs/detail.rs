//! `org show` and `org join`: an organization with everything that refers
//! to it, and the user's membership of it.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use super::{find, unknown_error};
use crate::applications::{self, Application};
use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::network::{self, Contact, Membership};
use crate::output::{self, Tone};

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

pub(super) fn show(ctx: &Ctx, name: &str) -> Result<()> {
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

pub(super) fn join(
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
    let (org_id, org_name, _) = super::find_or_create_noting(ctx, &tx, "NAME", name, &timestamp)?;
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
    let unchanged = old.as_ref().is_some_and(|m| {
        m.since == membership.since
            && m.renews_on == membership.renews_on
            && m.notes == membership.notes
    });
    let mut message = match old {
        Some(_) if unchanged => format!("Already a member of {org_name}; nothing changed"),
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
