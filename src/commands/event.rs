//! `jobtrack event …`: chapter meetings, conferences, career fairs and
//! webinars, past or planned.

use clap::{Args, Subcommand};

use crate::ctx::Ctx;
use crate::dates::DateKind;
use crate::db::{self, Access};
use crate::error::Result;
use crate::input::{edited_notes, nothing_to_change};
use crate::network::{store, EventKind, EVENT};
use crate::orgs;
use crate::output::{Column, Tone};

const EVENT_EXAMPLES: &str = "\
Examples:
  jobtrack event add \"Ohio AHIMA\" \"Fall chapter meeting\" --on 2026-12-03 --kind meeting
  jobtrack event add \"HIMSS Central Ohio\" \"Career fair\" --on +3w --kind career_fair
  jobtrack event list --upcoming";

/// `jobtrack event …`
#[derive(Debug, Subcommand)]
#[command(after_help = EVENT_EXAMPLES)]
pub enum EventCommand {
    /// Record an event, past or planned
    #[command(after_help = EVENT_EXAMPLES)]
    Add {
        /// Who holds it (created on first use; any case matches)
        #[arg(allow_hyphen_values = true)]
        org: String,
        /// What it is called
        #[arg(allow_hyphen_values = true)]
        title: String,
        /// When it is (future allowed; past too)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: String,
        /// What kind of event
        #[arg(long, value_enum, value_name = "K", default_value_t = EventKind::Other)]
        kind: EventKind,
        /// Notes ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// List events, newest first; or the coming ones, soonest first
    #[command(
        after_help = "Examples:\n  jobtrack event list --upcoming\n  jobtrack --json event list"
    )]
    List {
        /// Only events today or later, soonest first
        #[arg(long)]
        upcoming: bool,
    },
    /// Correct an event: organization, title, date, kind or notes
    #[command(
        after_help = "Examples:\n  jobtrack event edit 2 --on 2026-12-10\n  jobtrack event edit 2 --note \"bring resumes\"   (added as a dated line)"
    )]
    Edit(EditArgs),
    /// Delete an event
    #[command(after_help = "Example:\n  jobtrack event rm 2")]
    Rm {
        /// The event: its id, or part of its title (see 'jobtrack event list')
        #[arg(value_name = "EVENT", allow_hyphen_values = true)]
        id: String,
    },
}

/// `event edit` arguments.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The event id (see 'jobtrack event list')
    pub id: i64,
    /// Who holds it (created on first use; any case matches)
    #[arg(long)]
    pub org: Option<String>,
    /// What it is called
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// When it is (past or future)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// What kind of event
    #[arg(long, value_enum, value_name = "K")]
    pub kind: Option<EventKind>,
    /// A note, added to the notes as a dated line ('-' reads standard input)
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        conflicts_with = "replace_note"
    )]
    pub note: Option<String>,
    /// Replace the notes with this text
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub replace_note: Option<String>,
    /// Empty the notes
    #[arg(long, conflicts_with_all = ["note", "replace_note"])]
    pub clear_notes: bool,
}

/// Runs an `event` subcommand.
pub fn run(ctx: &Ctx, command: EventCommand) -> Result<()> {
    match command {
        EventCommand::Add {
            org,
            title,
            on,
            kind,
            note,
        } => add(ctx, org, title, on, kind, note),
        EventCommand::List { upcoming } => list(ctx, upcoming),
        EventCommand::Edit(args) => edit(ctx, args),
        EventCommand::Rm { id } => remove(ctx, ctx.reference(&EVENT, "EVENT", &id)?),
    }
}

fn add(
    ctx: &Ctx,
    org: String,
    title: String,
    on: String,
    kind: EventKind,
    note: Option<String>,
) -> Result<()> {
    let title = ctx.required_text("TITLE", title)?;
    let date = ctx.date_of(DateKind::Ahead, "--on", &on)?;
    let notes = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let (org_id, org_name, _) = orgs::find_or_create_noting(ctx, &tx, "ORG", &org, &timestamp)?;
    let id = store::insert_event(&tx, org_id, &title, date, kind, notes.as_deref())?;
    let record = ctx.out.json_record(|| store::require_event(&tx, id))?;
    db::commit(tx)?;
    ctx.out.written(
        id,
        &format!("Added event {id}: {title} ({kind}) at {org_name} on {date}"),
        || Ok(record),
    )
}

fn list(ctx: &Ctx, upcoming: bool) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let events = store::events(&conn, upcoming.then_some(today))?;
    if ctx.out.json {
        return ctx.out.print_json(&events);
    }
    if events.is_empty() {
        return ctx.out.line(if upcoming {
            "No upcoming events."
        } else {
            "No events yet; 'jobtrack event add ORG TITLE --on DATE' records one."
        });
    }
    let mut table = ctx.out.table([
        Column::keep("ID"),
        Column::whole("Date", 9),
        Column::whole("Kind", 5),
        Column::text("Organization", 7),
        Column::text("Title", 8),
    ]);
    for event in &events {
        let tone = if event.date >= today {
            Tone::Active
        } else {
            Tone::Plain
        };
        table.add_row(vec![
            ctx.out.number(event.id),
            ctx.out.cell(event.date, tone),
            ctx.out.cell(event.kind.words(), Tone::Plain),
            ctx.out
                .cell(event.org.as_deref().unwrap_or(""), Tone::Plain),
            ctx.out.cell(&event.title, Tone::Plain),
        ]);
    }
    ctx.out.print_table(&table)
}

fn remove(ctx: &Ctx, id: i64) -> Result<()> {
    ctx.remove(id, |tx| {
        let event = store::require_event(tx, id)?;
        store::delete_event(tx, id)?;
        Ok(format!(
            "Removed event {id}: {} on {}",
            event.title, event.date
        ))
    })
}

fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    let given = args.org.is_some()
        || args.title.is_some()
        || args.on.is_some()
        || args.kind.is_some()
        || args.note.is_some()
        || args.replace_note.is_some()
        || args.clear_notes;
    if !given {
        return Err(nothing_to_change("event", args.id, "event"));
    }
    let title = args
        .title
        .map(|t| ctx.required_text("--title", t))
        .transpose()?;
    let date = args
        .on
        .as_deref()
        .map(|on| ctx.date("--on", on))
        .transpose()?;
    let note = ctx.text("--note", args.note)?;
    let replace = ctx.text("--replace-note", args.replace_note)?;
    let today = ctx.today()?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let mut event = store::require_event(&tx, args.id)?;
    let org_id = match &args.org {
        Some(org) => Some(orgs::find_or_create_noting(ctx, &tx, "--org", org, &timestamp)?.0),
        None => None,
    };
    event.title = title.unwrap_or(event.title);
    event.date = date.unwrap_or(event.date);
    event.kind = args.kind.unwrap_or(event.kind);
    event.notes = if args.clear_notes {
        None
    } else {
        edited_notes(
            event.notes.as_deref(),
            note.as_deref(),
            replace.as_deref(),
            today,
        )
    };
    store::update_event(&tx, &event, org_id)?;
    let event = store::require_event(&tx, args.id)?;
    db::commit(tx)?;
    let message = format!(
        "Changed event {}: {} ({}) at {} on {}",
        event.id,
        event.title,
        event.kind,
        event.org.as_deref().unwrap_or("no organization"),
        event.date
    );
    ctx.out.written(event.id, &message, || Ok(event.clone()))
}
