//! `jobtrack org …`: organizations, their combined view (`org show`: what
//! every other noun holds about one organization), memberships, renaming and
//! merging.

mod edit;

use clap::Subcommand;
use rusqlite::Connection;
use serde::Serialize;

use crate::applications::{self, Application};
use crate::ctx::Ctx;
use crate::dates::DateKind;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::network::{self, Contact};
use crate::orgs::{self, merge, Membership, Organization};
use crate::output::{self, Column, Tone};
use crate::volunteer::{self, Shift};

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
        /// The organization: its name or part of it (any case)
        #[arg(allow_hyphen_values = true)]
        name: String,
    },
    /// Record (or update) your membership of an association
    #[command(
        after_help = "Examples:\n  jobtrack org join \"Ohio AHIMA\" --since 2026-01-15 --renews 2027-01-15\n  jobtrack org join \"HIMSS Central Ohio\"\n  jobtrack org join \"Ohio AHIMA\" --renews 2028-01-15"
    )]
    Join {
        /// The association (created on first use; any case matches)
        #[arg(allow_hyphen_values = true)]
        name: String,
        /// Member since (any date) [default for a new membership: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: Option<String>,
        /// When the membership renews (future allowed)
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
        /// The organization: its name or part of it (any case)
        #[arg(allow_hyphen_values = true)]
        old: String,
        /// The new name; when an organization has it already, OLD is merged into it
        #[arg(allow_hyphen_values = true)]
        new: String,
    },
    /// Delete an organization nothing refers to
    #[command(after_help = "Example:\n  jobtrack org rm \"Typo Clinic\"")]
    Rm {
        /// The organization: its name or part of it (any case)
        #[arg(allow_hyphen_values = true)]
        name: String,
    },
    /// Change an organization's website, location or notes
    Edit(edit::EditArgs),
    /// End your membership of an association (the organization stays)
    #[command(after_help = "Example:\n  jobtrack org leave \"Ohio AHIMA\"")]
    Leave {
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
        OrgCommand::Edit(args) => edit::edit(ctx, args),
        OrgCommand::Leave { name } => edit::leave(ctx, &name),
    }
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

/// Everything `org show` prints about the organization called `name`.
pub fn detail(conn: &Connection, name: &str) -> Result<OrgDetail> {
    detail_of(conn, orgs::require(conn, name)?)
}

/// Everything `org show` prints about an organization.
fn detail_of(conn: &Connection, organization: Organization) -> Result<OrgDetail> {
    let id = organization.id;
    Ok(OrgDetail {
        applications: applications::store::at_org(conn, id)?,
        contacts: network::contacts_at(conn, id)?,
        events: network::store::events_at(conn, id)?,
        memberships: orgs::membership_at(conn, id)?.into_iter().collect(),
        volunteer_shifts: volunteer::store::shifts_at(conn, id)?,
        organization,
    })
}

fn show(ctx: &Ctx, name: &str) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let organization = orgs::resolve(ctx, &conn, "NAME", name)?;
    let detail = detail_of(&conn, organization)?;
    if ctx.out.json {
        return ctx.out.print_json(&detail);
    }
    let out = &ctx.out;
    let org = &detail.organization;
    out.line(out.heading(&org.name))?;
    out.print_fields(&[
        ("location", org.location.clone()),
        ("website", org.website.clone()),
        ("membership", membership_text(&detail.memberships)),
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
    print_applications(ctx, &conn, &detail.applications)?;
    print_contacts(ctx, &detail.contacts)?;
    print_events(ctx, &detail.events)?;
    print_shifts(ctx, &detail.volunteer_shifts)
}

/// The first membership as one field: "member since …, renews …".
fn membership_text(memberships: &[Membership]) -> Option<String> {
    memberships.first().map(|m| {
        let mut text = match m.since {
            Some(since) => format!("member since {since}"),
            None => "member".to_string(),
        };
        if let Some(renews) = m.renews_on {
            text.push_str(&format!(", renews {renews}"));
        }
        text
    })
}

/// `org show`'s applications, with who referred each.
fn print_applications(ctx: &Ctx, conn: &Connection, apps: &[Application]) -> Result<()> {
    if apps.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    out.line("")?;
    out.line(out.heading(&format!("Applications ({})", apps.len())))?;
    let mut table = out.table([
        Column::keep("ID"),
        Column::text("Title", 9),
        Column::keep("Status"),
        Column::whole("Applied", 6),
        Column::text("Referred by", 5),
    ]);
    for app in apps {
        let referrer = match app.referral_contact_id {
            Some(contact_id) => network::contact(conn, contact_id)?
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
    out.print_table(&table)
}

/// `org show`'s contacts.
fn print_contacts(ctx: &Ctx, contacts: &[Contact]) -> Result<()> {
    if contacts.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    out.line("")?;
    out.line(out.heading(&format!("Contacts ({})", contacts.len())))?;
    let mut table = out.table([
        Column::keep("ID"),
        Column::text("Name", 9),
        Column::text("Role", 6),
        Column::whole("Relationship", 5),
        Column::whole("Follow up", 7),
    ]);
    for contact in contacts {
        table.add_row(vec![
            out.number(contact.id),
            out.cell(&contact.name, Tone::Plain),
            out.cell(contact.role.as_deref().unwrap_or(""), Tone::Plain),
            out.cell(contact.relationship.words(), Tone::Plain),
            out.cell(
                contact
                    .follow_up_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                Tone::Plain,
            ),
        ]);
    }
    out.print_table(&table)
}

/// `org show`'s events.
fn print_events(ctx: &Ctx, events: &[network::Event]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    out.line("")?;
    out.line(out.heading(&format!("Events ({})", events.len())))?;
    let mut table = out.table([
        Column::keep("ID"),
        Column::whole("Date", 9),
        Column::whole("Kind", 5),
        Column::text("Title", 8),
    ]);
    for event in events {
        table.add_row(vec![
            out.number(event.id),
            out.cell(event.date, Tone::Plain),
            out.cell(event.kind.words(), Tone::Plain),
            out.cell(&event.title, Tone::Plain),
        ]);
    }
    out.print_table(&table)
}

/// `org show`'s volunteer shifts, with their total hours.
fn print_shifts(ctx: &Ctx, shifts: &[Shift]) -> Result<()> {
    if shifts.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    let total: f64 = shifts.iter().map(|s| s.hours).sum();
    out.line("")?;
    out.line(out.heading(&format!(
        "Volunteer shifts ({}, {} hours)",
        shifts.len(),
        output::hours(total)
    )))?;
    let mut table = out.table([
        Column::whole("Date", 9),
        Column::whole("Hours", 9),
        Column::text("Role", 5),
    ]);
    for shift in shifts {
        table.add_row(vec![
            out.cell(shift.date, Tone::Plain),
            out.number(output::hours(shift.hours)),
            out.cell(shift.role.as_deref().unwrap_or(""), Tone::Plain),
        ]);
    }
    out.print_table(&table)
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
    let renews = ctx.opt_date_of(DateKind::Ahead, "--renews", renews.as_deref())?;
    let note = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let (org_id, org_name, _) = orgs::find_or_create_noting(ctx, &tx, "NAME", name, &timestamp)?;
    let old = orgs::membership_at(&tx, org_id)?;
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
    orgs::save_membership(&tx, org_id, since, renews, notes.as_deref())?;
    let membership = orgs::membership_at(&tx, org_id)?
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
fn rename(ctx: &Ctx, old: &str, new: &str) -> Result<()> {
    let new_name = orgs::normalize(new);
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
    let from = orgs::resolve(ctx, &tx, "OLD", old)?;
    let target = orgs::find(&tx, &new_name)?.filter(|(id, _)| *id != from.id);
    let message = match target {
        None if from.name == new_name => {
            drop(tx);
            let message = format!("{:?} already has that name; nothing changed", from.name);
            return ctx
                .out
                .written(from.id, &message, || detail(&conn, &new_name));
        }
        None => {
            orgs::store::rename(&tx, from.id, &new_name)?;
            format!("Renamed {:?} to {new_name:?}", from.name)
        }
        Some((into_id, into_name)) => {
            let merged = merge::merge(&tx, &from, into_id, &into_name)?;
            if let Some(note) = merged.note {
                ctx.out.notice(note);
            }
            let mut message = format!("Merged {:?} into {into_name:?}", from.name);
            if !merged.moved.is_empty() {
                message.push_str(&format!("; moved {}", merge::join_counts(&merged.moved)));
            }
            message
        }
    };
    let record = ctx.out.json_record(|| detail(&tx, &new_name))?;
    let id = orgs::find(&tx, &new_name)?.map_or(from.id, |(id, _)| id);
    db::commit(tx)?;
    ctx.out.written(id, &message, || Ok(record))
}

fn remove(ctx: &Ctx, name: &str) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let org = orgs::resolve(ctx, &tx, "NAME", name)?;
    // The user's membership belongs to the organization and goes with it.
    let used = merge::uses(&tx, org.id, &["memberships"])?;
    if !used.is_empty() {
        let verb = if used.len() == 1 && used[0].starts_with("1 ") {
            "refers"
        } else {
            "refer"
        };
        return Err(Error::Input(format!(
            "cannot remove {:?}: {} still {verb} to it; remove those first, or merge it into another organization with: {} OTHER",
            org.name,
            merge::join_counts(&used),
            output::shell_command(["jobtrack", "org", "rename", &org.name])
        )));
    }
    let membership = orgs::store::delete(&tx, org.id)?;
    db::commit(tx)?;
    let mut message = format!("Removed organization {:?}", org.name);
    if membership > 0 {
        message.push_str(" and your membership of it");
    }
    ctx.out.written(org.id, &message, || {
        Ok(serde_json::json!({"id": org.id, "removed": true}))
    })
}

fn list(ctx: &Ctx) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let rows = orgs::store::summaries(&conn)?;
    if ctx.out.json {
        return ctx.out.print_json(&rows);
    }
    if rows.is_empty() {
        return ctx
            .out
            .line("No organizations yet; 'jobtrack app add ORG TITLE' creates one.");
    }
    let mut table = ctx.out.table([
        Column::text("Organization", 9),
        Column::text("Location", 5),
        Column::whole("Applications", 7),
        Column::whole("Contacts", 6),
    ]);
    for org in &rows {
        table.add_row(vec![
            ctx.out.cell(&org.organization.name, Tone::Plain),
            ctx.out.cell(
                org.organization.location.as_deref().unwrap_or(""),
                Tone::Plain,
            ),
            ctx.out.number(org.applications),
            ctx.out.number(org.contacts),
        ]);
    }
    ctx.out.print_table(&table)
}
