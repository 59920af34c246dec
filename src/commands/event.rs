//! `jobtrack event …`: chapter meetings, conferences, career fairs and
//! webinars, past or planned.

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::dates::DateKind;
use crate::db::{self, Access};
use crate::error::Result;
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
    /// Delete an event
    #[command(after_help = "Example:\n  jobtrack event rm 2")]
    Rm {
        /// The event: its id, or part of its title (see 'jobtrack event list')
        #[arg(value_name = "EVENT", allow_hyphen_values = true)]
        id: String,
    },
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
