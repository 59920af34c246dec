//! `jobtrack contact …`: the people in a job search, what was said and
//! when to follow up.

mod history;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use rusqlite::Connection;
use serde::Serialize;

use crate::applications::{self, status_tone, Application, Linked};
use crate::ctx::Ctx;
use crate::dates::DateKind;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::{edited_notes, kept};
use crate::network::store::{self, ContactFields, ContactFilter};
use crate::network::{follow_up_after, Channel, Contact, Interaction, Relationship, CONTACT};
use crate::output::count_of;
use crate::output::{Column, JsonArray, Tone};
use crate::{dates, orgs};

const CONTACT_EXAMPLES: &str = "\
Examples:
  jobtrack contact add \"Dana Reyes\" --org \"Mercy Health\" --role \"HIM Director\" --relationship mentor
  jobtrack contact log 1 --channel coffee --note \"talked about the RHIT exam\" --follow-up +2w
  jobtrack contact list --due
  jobtrack contact show 1";

const ADD_EXAMPLES: &str = "\
Examples:
  jobtrack contact add \"Dana Reyes\" --org \"Mercy Health\" --role \"HIM Director\" --relationship mentor
  jobtrack contact add \"Sam Ortiz\" --relationship alumni --met-via \"AHIMA chapter meeting\" --follow-up +1w
  jobtrack contact add \"Priya Shah\" --org \"Regional Medical Center\" --relationship recruiter --email priya@example.org";

/// `jobtrack contact …`
#[derive(Debug, Subcommand)]
#[command(after_help = CONTACT_EXAMPLES)]
pub enum ContactCommand {
    /// Add a person you know (or want to know)
    #[command(after_help = ADD_EXAMPLES)]
    Add(AddArgs),
    /// List contacts by name, or the follow-ups due with --due
    #[command(
        after_help = "Examples:\n  jobtrack contact list --due\n  jobtrack contact list --org \"Mercy Health\"\n  jobtrack contact list --relationship recruiter\n  jobtrack --json contact list"
    )]
    List {
        /// Keep the people at this organization
        #[arg(long, allow_hyphen_values = true)]
        org: Option<String>,
        /// Keep this relationship
        #[arg(long, value_enum, value_name = "REL")]
        relationship: Option<Relationship>,
        /// Keep the people whose follow-up falls today or earlier
        #[arg(long)]
        due: bool,
    },
    /// Show a contact with your interactions and the applications they referred
    #[command(after_help = "Example:\n  jobtrack contact show 1")]
    Show {
        /// The contact: their id, or part of their name (see 'jobtrack contact list')
        #[arg(value_name = "CONTACT", allow_hyphen_values = true)]
        id: String,
    },
    /// Record a conversation; sets the next follow-up or clears the one due
    #[command(
        after_help = "Examples:\n  jobtrack contact log 1 --channel coffee --note \"talked about the RHIT exam\" --follow-up +2w\n  jobtrack contact log 3 --channel email --on yesterday\n  jobtrack contact log 3 --channel call --note - < call-notes.txt"
    )]
    Log {
        /// The contact: their id, or part of their name (see 'jobtrack contact list')
        #[arg(value_name = "CONTACT", allow_hyphen_values = true)]
        id: String,
        /// How you talked
        #[arg(long, value_enum, value_name = "CH", default_value_t = Channel::Other)]
        channel: Channel,
        /// When (a past date: not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// What was said ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// Follow up on this date (future allowed; without it, a follow-up already due is cleared)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        follow_up: Option<String>,
    },
    /// Change a contact's details
    #[command(
        after_help = "Examples:\n  jobtrack contact edit 1 --role \"Director of HIM\" --org \"Mercy Health\"\n  jobtrack contact edit 1 --follow-up +3d\n  jobtrack contact edit 1 --clear phone --clear follow_up"
    )]
    Edit(EditArgs),
    /// Delete a contact and their interactions (referred applications stay)
    #[command(after_help = "Example:\n  jobtrack contact rm 4")]
    Rm {
        /// The contact: their id, or part of their name (see 'jobtrack contact list')
        #[arg(value_name = "CONTACT", allow_hyphen_values = true)]
        id: String,
    },
    /// Correct, move or remove one interaction
    #[command(subcommand)]
    History(history::HistoryCommand),
}

/// `contact add` arguments.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Their name
    #[arg(allow_hyphen_values = true)]
    pub name: String,
    #[command(flatten)]
    pub details: Details,
}

/// The options `add` and `edit` share.
#[derive(Debug, Args)]
pub struct Details {
    /// Where they work (created on first use; any case matches)
    #[arg(long, allow_hyphen_values = true)]
    pub org: Option<String>,
    /// Their job title
    #[arg(long, value_name = "R", allow_hyphen_values = true)]
    pub role: Option<String>,
    /// Their email address
    #[arg(long, value_name = "E", allow_hyphen_values = true)]
    pub email: Option<String>,
    /// Their phone number
    #[arg(long, value_name = "P", allow_hyphen_values = true)]
    pub phone: Option<String>,
    /// Their LinkedIn profile address
    #[arg(long, value_name = "URL", allow_hyphen_values = true)]
    pub linkedin: Option<String>,
    /// How you know them [add's default: other]
    #[arg(long, value_enum, value_name = "REL")]
    pub relationship: Option<Relationship>,
    /// Where you met ('-' reads standard input)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub met_via: Option<String>,
    /// When to get in touch next (future allowed)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub follow_up: Option<String>,
    /// Notes about them ('-' reads standard input)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
}

/// What `contact edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ClearField {
    Org,
    Role,
    Email,
    Phone,
    Linkedin,
    MetVia,
    FollowUp,
    Notes,
}

/// `contact edit` arguments.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The contact: their id, or part of their name
    #[arg(value_name = "CONTACT", allow_hyphen_values = true)]
    pub contact: String,
    /// The contact's id, resolved from CONTACT before the handler runs
    #[arg(skip)]
    pub id: i64,
    /// A new name
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub name: Option<String>,
    #[command(flatten)]
    pub details: Details,
    /// Replace the notes with this text (--note adds a dated line instead)
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        conflicts_with = "note"
    )]
    pub replace_note: Option<String>,
    /// Empty a field (repeat for more)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
}

/// A contact with everything `contact show` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ContactDetail {
    #[serde(flatten)]
    pub contact: Contact,
    /// Oldest first.
    pub interactions: Vec<Interaction>,
    /// The applications this contact referred the user to.
    pub referred: Vec<Application>,
    /// Every application the contact is linked to, with their role.
    pub applications: Vec<Linked>,
}

/// Everything `contact show` prints about one contact.
fn contact_detail(conn: &Connection, id: i64) -> Result<ContactDetail> {
    Ok(ContactDetail {
        contact: store::require_contact(conn, id)?,
        interactions: store::interactions(conn, id)?,
        referred: applications::store::referred_by(conn, id)?,
        applications: applications::store::linked_to(conn, id)?,
    })
}

/// Runs a `contact` subcommand. CONTACT is resolved to an id first, so
/// nothing is written when it is ambiguous.
pub fn run(ctx: &Ctx, command: ContactCommand) -> Result<()> {
    let contact = |text: &str| ctx.reference(&CONTACT, "CONTACT", text);
    match command {
        ContactCommand::Add(args) => add(ctx, args),
        ContactCommand::List {
            org,
            relationship,
            due,
        } => list(ctx, org, relationship, due),
        ContactCommand::Show { id } => show(ctx, contact(&id)?),
        ContactCommand::Log {
            id,
            channel,
            on,
            note,
            follow_up,
        } => log(ctx, contact(&id)?, channel, on, note, follow_up),
        ContactCommand::Edit(mut args) => {
            args.id = contact(&args.contact)?;
            edit(ctx, args)
        }
        ContactCommand::Rm { id } => remove(ctx, contact(&id)?),
        ContactCommand::History(command) => history::run(ctx, command),
    }
}

/// The typed values of the shared options (`None`: not given).
struct Parsed {
    role: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    linkedin_url: Option<String>,
    met_via: Option<String>,
    follow_up_on: Option<NaiveDate>,
    notes: Option<String>,
}

fn parse_details(ctx: &Ctx, details: &Details) -> Result<Parsed> {
    Ok(Parsed {
        role: ctx.text("--role", details.role.clone())?,
        email: ctx
            .text("--email", details.email.clone())?
            .map(|e| email_address(&e))
            .transpose()?,
        phone: ctx.text("--phone", details.phone.clone())?,
        linkedin_url: ctx
            .text("--linkedin", details.linkedin.clone())?
            .map(|u| linkedin_url(&u))
            .transpose()?,
        met_via: ctx.text("--met-via", details.met_via.clone())?,
        follow_up_on: ctx.opt_date_of(
            DateKind::Ahead,
            "--follow-up",
            details.follow_up.as_deref(),
        )?,
        notes: ctx.text("--note", details.note.clone())?,
    })
}

/// Checks the shape of an email address: one `@` with text on both sides.
fn email_address(text: &str) -> Result<String> {
    let valid = match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !text.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(text.to_string())
    } else {
        Err(Error::invalid(
            "--email",
            text,
            "an email address like dana.reyes@example.org",
        ))
    }
}

/// Checks a profile address: `http(s)://…`, or `linkedin.com/…` (given
/// `https://`).
fn linkedin_url(text: &str) -> Result<String> {
    let lower = text.to_ascii_lowercase();
    let url = if lower.starts_with("https://") || lower.starts_with("http://") {
        text.to_string()
    } else if lower.starts_with("linkedin.com/") || lower.starts_with("www.linkedin.com/") {
        format!("https://{text}")
    } else {
        String::new()
    };
    if url.is_empty() || url.chars().any(char::is_whitespace) {
        return Err(Error::invalid(
            "--linkedin",
            text,
            "a profile address like https://www.linkedin.com/in/dana-reyes",
        ));
    }
    Ok(url)
}

/// "Dana Reyes (mentor at Mercy Health)".
fn who(name: &str, relationship: Relationship, org: Option<&str>) -> String {
    match org {
        Some(org) => format!("{name} ({} at {org})", relationship.words()),
        None => format!("{name} ({})", relationship.words()),
    }
}

fn add(ctx: &Ctx, args: AddArgs) -> Result<()> {
    let today = ctx.today()?;
    let name = ctx.required_text("NAME", args.name)?;
    let parsed = parse_details(ctx, &args.details)?;
    let relationship = args.details.relationship.unwrap_or(Relationship::Other);
    let timestamp = ctx.timestamp()?;

    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let org = args
        .details
        .org
        .as_deref()
        .map(|org| orgs::find_or_create_noting(ctx, &tx, "--org", org, &timestamp))
        .transpose()?;
    let namesakes = store::contacts_named(&tx, &name)?;
    let fields = ContactFields {
        name,
        org_id: org.as_ref().map(|o| o.0),
        role: parsed.role,
        email: parsed.email,
        phone: parsed.phone,
        linkedin_url: parsed.linkedin_url,
        relationship,
        met_via: parsed.met_via,
        follow_up_on: parsed.follow_up_on,
        notes: parsed.notes,
    };
    let id = store::insert_contact(&tx, &fields, today)?;
    let record = record(ctx, &tx, id)?;
    db::commit(tx)?;

    for namesake in &namesakes {
        ctx.out.notice(format!(
            "you already have a contact named {}: {}{} ('jobtrack contact rm {id}' removes the new one)",
            namesake.name,
            namesake.describe(),
            namesake
                .org
                .as_deref()
                .map_or(String::new(), |org| format!(" at {org}")),
        ));
    }
    let mut message = format!(
        "Added contact {id}: {}",
        who(
            &fields.name,
            relationship,
            org.as_ref().map(|o| o.1.as_str())
        )
    );
    if let Some(date) = fields.follow_up_on {
        message.push_str(&format!("; follow up by {date}"));
    }
    ctx.out.written(id, &message, || Ok(record))
}

/// The record a write prints with `--json` (read inside its transaction).
fn record(ctx: &Ctx, conn: &rusqlite::Connection, id: i64) -> Result<Option<ContactDetail>> {
    ctx.out.json_record(|| contact_detail(conn, id))
}

fn list(
    ctx: &Ctx,
    org: Option<String>,
    relationship: Option<Relationship>,
    due: bool,
) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let org_ids = match &org {
        Some(text) => match orgs::filter(ctx, &conn, text)? {
            ids if ids.is_empty() => {
                return if ctx.out.json {
                    JsonArray::stdout()?.finish()
                } else {
                    ctx.out.line("No contacts match.")
                };
            }
            ids => ids,
        },
        None => Vec::new(),
    };
    let filter = ContactFilter {
        org_ids,
        relationship,
        due_by: due.then_some(today),
    };
    let rows = store::list_contacts(&conn, &filter)?;
    if ctx.out.json {
        return ctx.out.print_json(&rows);
    }
    if rows.is_empty() {
        let filtered = org.is_some() || relationship.is_some() || due;
        return ctx.out.line(match (filtered, due) {
            (_, true) => "No follow-ups due.",
            (true, false) => "No contacts match.",
            (false, false) => "No contacts yet; 'jobtrack contact add NAME' adds one.",
        });
    }
    let mut table = ctx.out.table([
        Column::keep("ID"),
        Column::text("Name", 9),
        Column::text("Organization", 7),
        Column::text("Role", 4),
        Column::whole("Relationship", 3),
        Column::whole("Last contact", 5),
        Column::whole("Follow up", 8),
    ]);
    for row in &rows {
        let contact = &row.contact;
        table.add_row(vec![
            ctx.out.number(contact.id),
            ctx.out.cell(&contact.name, Tone::Plain),
            ctx.out
                .cell(contact.org.as_deref().unwrap_or(""), Tone::Plain),
            ctx.out
                .cell(contact.role.as_deref().unwrap_or(""), Tone::Plain),
            ctx.out.cell(contact.relationship.words(), Tone::Plain),
            ctx.out.cell(opt_date(row.last_interaction_on), Tone::Plain),
            ctx.out.cell(
                opt_date(contact.follow_up_on),
                due_tone(contact.follow_up_on, today),
            ),
        ]);
    }
    ctx.out.print_table(&table)
}

fn opt_date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn due_tone(date: Option<NaiveDate>, today: NaiveDate) -> Tone {
    match date {
        Some(date) if date <= today => Tone::Alert,
        _ => Tone::Plain,
    }
}

fn show(ctx: &Ctx, id: i64) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let detail = contact_detail(&conn, id)?;
    if ctx.out.json {
        return ctx.out.print_json(&detail);
    }
    let out = &ctx.out;
    let contact = &detail.contact;
    out.line(out.heading(&format!("Contact {}: {}", contact.id, contact.name)))?;
    let follow_up = contact.follow_up_on.map(|date| {
        let when = match dates::days_between(today, date) {
            0 => "today".to_string(),
            d if d < 0 => format!("overdue by {}", count_of(-d, "day", "days")),
            d => format!("in {}", count_of(d, "day", "days")),
        };
        out.paint(&format!("{date} ({when})"), due_tone(Some(date), today))
    });
    out.print_fields(&[
        ("organization", contact.org.clone()),
        ("role", contact.role.clone()),
        (
            "relationship",
            Some(contact.relationship.words().into_owned()),
        ),
        ("email", contact.email.clone()),
        ("phone", contact.phone.clone()),
        ("linkedin", contact.linkedin_url.clone()),
        ("met via", contact.met_via.clone()),
        ("added", Some(contact.added_on.to_string())),
        ("follow up", follow_up),
        ("notes", contact.notes.clone()),
    ])?;
    out.line("")?;
    if detail.interactions.is_empty() {
        out.line(format!(
            "No interactions yet; 'jobtrack contact log {id} --channel coffee' records one."
        ))?;
    } else {
        out.line(out.heading("Interactions"))?;
        // The ids are what `contact history edit|rm` take.
        let mut table = out.table([
            Column::keep("Entry"),
            Column::keep("Date"),
            Column::whole("Channel", 5),
            Column::text("Note", 8),
            Column::whole("Follow up", 6),
        ]);
        for interaction in &detail.interactions {
            table.add_row(vec![
                out.number(interaction.id),
                out.cell(interaction.date, Tone::Plain),
                out.cell(interaction.channel, Tone::Plain),
                out.cell(interaction.note.as_deref().unwrap_or(""), Tone::Plain),
                out.cell(opt_date(interaction.follow_up_on), Tone::Plain),
            ]);
        }
        out.print_table(&table)?;
    }
    if !detail.referred.is_empty() {
        out.line("")?;
        out.line(out.heading("Referred you to"))?;
        let mut table = out.table([
            Column::keep("ID"),
            Column::text("Organization", 8),
            Column::text("Title", 9),
            Column::keep("Status"),
            Column::whole("Applied", 5),
        ]);
        for app in &detail.referred {
            table.add_row(vec![
                out.number(app.id),
                out.cell(&app.org, Tone::Plain),
                out.cell(&app.title, Tone::Plain),
                out.cell(app.status, status_tone(app.status)),
                out.cell(opt_date(app.applied_on), Tone::Plain),
            ]);
        }
        out.print_table(&table)?;
    }
    print_linked(ctx, &detail.applications)
}

/// The applications a contact is on, with their role.
fn print_linked(ctx: &Ctx, linked: &[Linked]) -> Result<()> {
    if linked.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    out.line("")?;
    out.line(out.heading("On applications"))?;
    let mut table = out.table([
        Column::keep("ID"),
        Column::whole("Role", 6),
        Column::text("Organization", 8),
        Column::text("Title", 9),
        Column::keep("Status"),
    ]);
    for link in linked {
        let app = &link.application;
        table.add_row(vec![
            out.number(app.id),
            out.cell(link.role.words(), Tone::Plain),
            out.cell(&app.org, Tone::Plain),
            out.cell(&app.title, Tone::Plain),
            out.cell(app.status, status_tone(app.status)),
        ]);
    }
    out.print_table(&table)
}

fn log(
    ctx: &Ctx,
    id: i64,
    channel: Channel,
    on: Option<String>,
    note: Option<String>,
    follow_up: Option<String>,
) -> Result<()> {
    let on = ctx.past_date("--on", on.as_deref())?;
    let given_follow_up = ctx.opt_date_of(DateKind::Ahead, "--follow-up", follow_up.as_deref())?;
    let note = ctx.text("--note", note)?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let contact = store::require_contact(&tx, id)?;
    let interaction_id =
        store::insert_interaction(&tx, id, on, channel, note.as_deref(), given_follow_up)?;
    let follow_up_on = follow_up_after(contact.follow_up_on, given_follow_up, on);
    if follow_up_on != contact.follow_up_on {
        store::set_contact_follow_up(&tx, id, follow_up_on)?;
    }
    let record = ctx
        .out
        .json_record(|| store::interaction(&tx, interaction_id))?;
    db::commit(tx)?;
    let what = match channel.as_str() {
        "other" => "an interaction".to_string(),
        "email" | "event" => format!("an {channel}"),
        "call" | "meeting" | "message" => format!("a {channel}"),
        _ => channel.to_string(),
    };
    let mut message = format!("Logged {what} with {} (contact {id}) on {on}", contact.name);
    match (follow_up_on, contact.follow_up_on) {
        (Some(date), _) if given_follow_up.is_some() => {
            message.push_str(&format!("; follow up by {date}"))
        }
        (None, Some(old)) => message.push_str(&format!("; the follow-up due {old} is cleared")),
        (Some(date), _) => message.push_str(&format!("; next follow-up still {date}")),
        (None, None) => {}
    }
    ctx.out.written(interaction_id, &message, || Ok(record))
}

fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    let details = &args.details;
    check_edit_args(&args)?;
    let name = args
        .name
        .clone()
        .map(|n| ctx.required_text("--name", n))
        .transpose()?;
    let parsed = parse_details(ctx, details)?;
    let replace = ctx.text("--replace-note", args.replace_note.clone())?;
    let today = ctx.today()?;
    let timestamp = ctx.timestamp()?;

    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let old = store::require_contact(&tx, args.id)?;
    let (org_id, org_name) = if args.clear.contains(&ClearField::Org) {
        (None, None)
    } else if let Some(org) = details.org.as_deref() {
        let (org_id, stored, _) = orgs::find_or_create_noting(ctx, &tx, "--org", org, &timestamp)?;
        (Some(org_id), Some(stored))
    } else {
        (old.org_id, old.org.clone())
    };
    let note = parsed.notes.clone();
    let mut fields = edited_fields(&old, &args, name, parsed, org_id);
    if !args.clear.contains(&ClearField::Notes) {
        fields.notes = edited_notes(
            old.notes.as_deref(),
            note.as_deref(),
            replace.as_deref(),
            today,
        );
    }
    store::update_contact(&tx, old.id, &fields)?;
    let record = record(ctx, &tx, old.id)?;
    db::commit(tx)?;
    let message = format!(
        "Updated contact {}: {}",
        old.id,
        who(&fields.name, fields.relationship, org_name.as_deref())
    );
    ctx.out.written(old.id, &message, || Ok(record))
}

/// Refuses a field both set and cleared, and an edit that changes nothing.
fn check_edit_args(args: &EditArgs) -> Result<()> {
    let details = &args.details;
    let given = [
        (ClearField::Org, details.org.is_some(), "--org"),
        (ClearField::Role, details.role.is_some(), "--role"),
        (ClearField::Email, details.email.is_some(), "--email"),
        (ClearField::Phone, details.phone.is_some(), "--phone"),
        (
            ClearField::Linkedin,
            details.linkedin.is_some(),
            "--linkedin",
        ),
        (ClearField::MetVia, details.met_via.is_some(), "--met-via"),
        (
            ClearField::FollowUp,
            details.follow_up.is_some(),
            "--follow-up",
        ),
        (
            ClearField::Notes,
            details.note.is_some() || args.replace_note.is_some(),
            "--note",
        ),
    ];
    crate::input::check_edit_options(
        &given,
        &args.clear,
        args.name.is_some() || details.relationship.is_some(),
        || {
            format!(
                "nothing to change for contact {}; give an option such as --role or --follow-up (see 'jobtrack contact edit --help')",
                args.id
            )
        },
    )
}

/// The contact's columns after the edit: each cleared, given or kept.
fn edited_fields(
    old: &Contact,
    args: &EditArgs,
    name: Option<String>,
    parsed: Parsed,
    org_id: Option<i64>,
) -> ContactFields {
    let cleared = |field: ClearField| args.clear.contains(&field);
    ContactFields {
        name: name.unwrap_or_else(|| old.name.clone()),
        org_id,
        role: kept(cleared(ClearField::Role), parsed.role, old.role.clone()),
        email: kept(cleared(ClearField::Email), parsed.email, old.email.clone()),
        phone: kept(cleared(ClearField::Phone), parsed.phone, old.phone.clone()),
        linkedin_url: kept(
            cleared(ClearField::Linkedin),
            parsed.linkedin_url,
            old.linkedin_url.clone(),
        ),
        relationship: args.details.relationship.unwrap_or(old.relationship),
        met_via: kept(
            cleared(ClearField::MetVia),
            parsed.met_via,
            old.met_via.clone(),
        ),
        follow_up_on: kept(
            cleared(ClearField::FollowUp),
            parsed.follow_up_on,
            old.follow_up_on,
        ),
        notes: kept(cleared(ClearField::Notes), parsed.notes, old.notes.clone()),
    }
}

fn remove(ctx: &Ctx, id: i64) -> Result<()> {
    ctx.remove(id, |tx| {
        let contact = store::require_contact(tx, id)?;
        let (interactions, referrals) = store::delete_contact(tx, id)?;
        let mut message = format!(
            "Removed contact {id}: {} and {}",
            contact.name,
            count_of(interactions, "interaction", "interactions")
        );
        if referrals > 0 {
            message.push_str(&format!(
                "; {} {}, without a referral contact",
                count_of(referrals, "referred application", "referred applications"),
                if referrals == 1 { "stays" } else { "stay" }
            ));
        }
        Ok(message)
    })
}
