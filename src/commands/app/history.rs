//! `app history edit|rm`: corrects one entry of an application's history
//! (the ids `app show` prints) and recomputes what the history decides.

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use rusqlite::Connection;

use super::employer::{checked_at, checked_minutes};
use super::view::detail;
use crate::applications::history::{self, Entry};
use crate::applications::{store, EventKind, InterviewDetails, InterviewKind, Outcome, Status};
use crate::ctx::Ctx;
use crate::dates;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::network::CONTACT;

/// `jobtrack app history …`
#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  jobtrack app history rm 31                 a status set by mistake\n  jobtrack app history edit 27 --on 2026-11-12\n  jobtrack app history edit 28 --note \"panel with the HIM director\"\n  jobtrack app history edit 29 --on 2026-12-09 --at 14:00 --with \"Anna Lee\""
)]
pub enum HistoryCommand {
    /// Correct an entry: its date or note, an interview's details and people
    Edit(EditArgs),
    /// Remove an entry (the follow-up its command set goes with it)
    Rm {
        /// The entry id (see 'jobtrack app show ID')
        entry_id: i64,
    },
}

/// `app history edit` arguments: each one given replaces the entry's value.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The entry id (see 'jobtrack app show ID')
    entry_id: i64,
    /// The entry's date (interviews may be ahead; others not after today)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    on: Option<String>,
    /// An interview's local start time, 24-hour HH:MM (14:30)
    #[arg(long, value_name = "HH:MM", allow_hyphen_values = true)]
    at: Option<String>,
    /// How long an interview lasts, in minutes
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    minutes: Option<String>,
    /// What kind of interview it is
    #[arg(long, value_enum)]
    kind: Option<InterviewKind>,
    /// Where an interview is: an address, a room, or the video link
    #[arg(
        long = "where",
        value_name = "PLACE_OR_LINK",
        allow_hyphen_values = true
    )]
    place: Option<String>,
    /// Who was there (interviewers, the person contacted), replacing those named before: an id
    /// or part of a name (repeat for more)
    #[arg(long, value_name = "CONTACT", allow_hyphen_values = true)]
    with: Vec<String>,
    /// The entry's note, replacing the old one ('-' reads standard input)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    note: Option<String>,
    /// How an interview went
    #[arg(long, value_enum)]
    outcome: Option<Outcome>,
}

impl EditArgs {
    /// The interview-only options given, by name.
    fn interview_options(&self) -> Vec<&'static str> {
        [
            (self.at.is_some(), "--at"),
            (self.minutes.is_some(), "--minutes"),
            (self.kind.is_some(), "--kind"),
            (self.place.is_some(), "--where"),
            (self.outcome.is_some(), "--outcome"),
        ]
        .into_iter()
        .filter_map(|(given, name)| given.then_some(name))
        .collect()
    }
}

/// Runs an `app history` subcommand.
pub(super) fn run(ctx: &Ctx, command: HistoryCommand) -> Result<()> {
    match command {
        HistoryCommand::Edit(args) => edit(ctx, args),
        HistoryCommand::Rm { entry_id } => remove(ctx, entry_id),
    }
}

/// Refuses the entries that are not corrected here.
fn check_correctable(entry: &Entry) -> Result<()> {
    if entry.event.kind == EventKind::FollowUp {
        return Err(Error::Input(format!(
            "entry {} is a follow-up change, kept as the application's bookkeeping; change the \
             follow-up with 'jobtrack app edit {} --follow-up DATE' (or --clear follow_up)",
            entry.event.id, entry.application_id
        )));
    }
    Ok(())
}

/// "rejected on 2026-11-24", "interview on 2026-12-03", "note on …".
fn describe(entry: &Entry) -> String {
    let what = match (entry.event.kind, entry.event.to_status) {
        (EventKind::Status, Some(status)) => status.to_string(),
        (kind, _) => kind.to_string(),
    };
    format!("{what} on {}", entry.event.date)
}

/// Refuses options the entry's kind does not have: the interview details
/// on other entries, people on entries that have none.
fn check_options(entry: &Entry, args: &EditArgs) -> Result<()> {
    let kind = entry.event.kind;
    let refused = match kind {
        EventKind::Interview => None,
        _ => args.interview_options().first().copied(),
    };
    let refused = refused.or_else(|| {
        let has_people = matches!(kind, EventKind::Interview | EventKind::EmployerContact);
        (!args.with.is_empty() && !has_people).then_some("--with")
    });
    match refused {
        Some(option) => Err(Error::Input(format!(
            "{option}: entry {} is a {} entry, and {option} applies to {}",
            entry.event.id,
            kind,
            if option == "--with" {
                "interviews and employer contacts only"
            } else {
                "interviews only"
            }
        ))),
        None => Ok(()),
    }
}

/// The entry's new date: interviews may be ahead, other entries not.
fn new_date(ctx: &Ctx, entry: &Entry, on: Option<&str>) -> Result<NaiveDate> {
    match (on, entry.event.kind) {
        (None, _) => Ok(entry.event.date),
        (Some(on), EventKind::Interview) => ctx.date("--on", on),
        (Some(on), _) => ctx.past_date("--on", Some(on)),
    }
}

fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    let entry_id = args.entry_id;
    if args.on.is_none()
        && args.note.is_none()
        && args.with.is_empty()
        && args.interview_options().is_empty()
    {
        return Err(Error::Input(
            "nothing to change: give --on DATE or --note TEXT (or, for an interview, --at, \
             --minutes, --kind, --where, --with or --outcome)"
                .into(),
        ));
    }
    let details = InterviewDetails {
        at: checked_at(args.at.as_deref())?,
        minutes: checked_minutes(args.minutes.as_deref())?,
        kind: args.kind,
        place: ctx.text("--where", args.place.clone())?,
    };
    let with = args
        .with
        .iter()
        .map(|text| ctx.reference(&CONTACT, "--with", text))
        .collect::<Result<Vec<_>>>()?;
    let note = ctx.text("--note", args.note.clone())?;
    let today = ctx.today()?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let entry = history::require(&tx, entry_id)?;
    check_correctable(&entry)?;
    check_options(&entry, &args)?;
    let date = new_date(ctx, &entry, args.on.as_deref())?;
    if entry.event.kind == EventKind::Note && note.is_none() && entry.event.note.is_none() {
        return Err(Error::Input("--note: a note entry needs its text".into()));
    }
    let note = note.or_else(|| entry.event.note.clone());
    history::change(&tx, entry_id, date, note.as_deref())?;
    history::change_interview(&tx, entry_id, &details, args.outcome)?;
    if !args.with.is_empty() {
        history::replace_people(&tx, entry_id, &with)?;
    }
    let app_id = entry.application_id;
    history::recompute(&tx, app_id)?;
    if entry.event.kind == EventKind::Interview && (args.on.is_some() || args.at.is_some()) {
        follow_up_after_interviews(&tx, app_id, entry_id, date.min(today))?;
    }
    store::touch(&tx, app_id, &timestamp)?;
    let app = store::require(&tx, app_id)?;
    let record = ctx.out.json_record(|| detail(&tx, app_id))?;
    db::commit(tx)?;
    let message = format!(
        "Changed history entry {entry_id} of application {app_id} (was {}); it is {} now",
        describe(&entry),
        app.status
    );
    ctx.out.written(entry_id, &message, || Ok(record))
}

/// After an interview moved: an application at `interview` follows up 4
/// days after its latest interview, as `app interview` sets it; the change
/// is written as the moved entry's follow-up, dated `on`.
fn follow_up_after_interviews(
    tx: &Connection,
    app_id: i64,
    entry_id: i64,
    on: NaiveDate,
) -> Result<()> {
    let app = store::require(tx, app_id)?;
    if app.status != Status::Interview {
        return Ok(());
    }
    let latest = store::latest_interview(tx, app_id)?;
    let follow_up = latest.and_then(|latest| {
        Status::Interview
            .follow_up_days()
            .map(|days| dates::add_days(latest, days))
    });
    store::set_follow_up(tx, app_id, app.follow_up_on, follow_up, on, Some(entry_id))?;
    Ok(())
}

fn remove(ctx: &Ctx, entry_id: i64) -> Result<()> {
    let timestamp = ctx.timestamp()?;
    ctx.remove(entry_id, |tx| {
        let entry = history::require(tx, entry_id)?;
        check_correctable(&entry)?;
        let app_id = entry.application_id;
        if history::is_first_status(tx, &entry)? {
            return Err(Error::Input(format!(
                "entry {entry_id} is application {app_id}'s first status, which the rest of its history \
                 builds on; remove the whole application with 'jobtrack app rm {app_id}'"
            )));
        }
        history::remove(tx, &entry)?;
        history::recompute(tx, app_id)?;
        store::touch(tx, app_id, &timestamp)?;
        let app = store::require(tx, app_id)?;
        Ok(format!(
            "Removed history entry {entry_id} ({}) from application {app_id}; it is {} now",
            describe(&entry),
            app.status
        ))
    })
}
