//! `app history edit|rm`: corrects one entry of an application's history
//! (the ids `app show` prints) and recomputes what the history decides.

use clap::Subcommand;

use super::view::detail;
use crate::applications::history::{self, Entry};
use crate::applications::{store, EventKind};
use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};

/// `jobtrack app history …`
#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  jobtrack app history rm 31                 a status set by mistake\n  jobtrack app history edit 27 --on 2026-11-12\n  jobtrack app history edit 28 --note \"panel with the HIM director\""
)]
pub enum HistoryCommand {
    /// Correct an entry's date or note (status changes, interviews, notes)
    Edit {
        /// The entry id (see 'jobtrack app show ID')
        entry_id: i64,
        /// The entry's date (interviews may be ahead; others not after today)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// The entry's note, replacing the old one ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Remove an entry (the follow-up its command set goes with it)
    Rm {
        /// The entry id (see 'jobtrack app show ID')
        entry_id: i64,
    },
}

/// Runs an `app history` subcommand.
pub(super) fn run(ctx: &Ctx, command: HistoryCommand) -> Result<()> {
    match command {
        HistoryCommand::Edit { entry_id, on, note } => edit(ctx, entry_id, on, note),
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

fn edit(ctx: &Ctx, entry_id: i64, on: Option<String>, note: Option<String>) -> Result<()> {
    if on.is_none() && note.is_none() {
        return Err(Error::Input(
            "nothing to change: give --on DATE or --note TEXT".into(),
        ));
    }
    let note = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let entry = history::require(&tx, entry_id)?;
    check_correctable(&entry)?;
    let date = match (&on, entry.event.kind) {
        (None, _) => entry.event.date,
        (Some(on), EventKind::Interview) => ctx.date("--on", on)?,
        (Some(on), _) => ctx.past_date("--on", Some(on))?,
    };
    if entry.event.kind == EventKind::Note && note.is_none() && entry.event.note.is_none() {
        return Err(Error::Input("--note: a note entry needs its text".into()));
    }
    let note = note.or_else(|| entry.event.note.clone());
    history::change(&tx, entry_id, date, note.as_deref())?;
    let app_id = entry.application_id;
    history::recompute(&tx, app_id)?;
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
