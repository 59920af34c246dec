//! `contact history edit|rm`: corrects one interaction (the ids `contact
//! show` prints): moves it to the right person, changes it, or removes it.
//! The goal, the network report and the search log count interactions as
//! stored, so they follow.

use chrono::NaiveDate;
use clap::Subcommand;
use rusqlite::Connection;

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::network::store;
use crate::network::{Channel, Interaction};

/// `jobtrack contact history …`
#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  jobtrack contact history edit 31 --contact 12     logged on the wrong person\n  jobtrack contact history edit 31 --on 2026-11-20 --channel call\n  jobtrack contact history rm 31"
)]
pub enum HistoryCommand {
    /// Correct an interaction: the person, date, channel, note or follow-up
    Edit {
        /// The interaction id (see 'jobtrack contact show ID')
        entry_id: i64,
        /// Move it to this contact id
        #[arg(long, value_name = "CONTACT")]
        contact: Option<i64>,
        /// When it happened (not after today)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// How you talked
        #[arg(long, value_enum, value_name = "CH")]
        channel: Option<Channel>,
        /// What was said, replacing the old note ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// The follow-up it sets (for its contact too)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        follow_up: Option<String>,
    },
    /// Remove an interaction (the person and the rest of their history stay)
    Rm {
        /// The interaction id (see 'jobtrack contact show ID')
        entry_id: i64,
    },
}

/// What `contact history edit` was given, checked before the database opens.
struct Change {
    contact: Option<i64>,
    on: Option<NaiveDate>,
    channel: Option<Channel>,
    note: Option<String>,
    follow_up: Option<NaiveDate>,
}

/// Runs a `contact history` subcommand.
pub(super) fn run(ctx: &Ctx, command: HistoryCommand) -> Result<()> {
    match command {
        HistoryCommand::Edit {
            entry_id,
            contact,
            on,
            channel,
            note,
            follow_up,
        } => {
            if contact.is_none()
                && on.is_none()
                && channel.is_none()
                && note.is_none()
                && follow_up.is_none()
            {
                return Err(Error::Input(
                    "nothing to change: give --contact, --on, --channel, --note or --follow-up"
                        .into(),
                ));
            }
            let change = Change {
                contact,
                on: on
                    .as_deref()
                    .map(|on| ctx.past_date("--on", Some(on)))
                    .transpose()?,
                channel,
                note: ctx.text("--note", note)?,
                follow_up: ctx.opt_date("--follow-up", follow_up.as_deref())?,
            };
            edit(ctx, entry_id, change)
        }
        HistoryCommand::Rm { entry_id } => remove(ctx, entry_id),
    }
}

fn edit(ctx: &Ctx, entry_id: i64, change: Change) -> Result<()> {
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let old = store::require_interaction(&tx, entry_id)?;
    let was = store::require_contact(&tx, old.contact_id)?;
    let person = store::require_contact(&tx, change.contact.unwrap_or(old.contact_id))?;
    let new = Interaction {
        id: old.id,
        contact_id: person.id,
        date: change.on.unwrap_or(old.date),
        channel: change.channel.unwrap_or(old.channel),
        note: change.note.or_else(|| old.note.clone()),
        follow_up_on: change.follow_up.or(old.follow_up_on),
    };
    store::update_interaction(&tx, &new)?;
    if new.contact_id != old.contact_id {
        forget_follow_up(&tx, &old)?;
    }
    // A follow-up given now, or the moved interaction's for a person
    // who has none, becomes the contact's.
    let takes_follow_up = change.follow_up.is_some()
        || (new.contact_id != old.contact_id && person.follow_up_on.is_none());
    if takes_follow_up && new.follow_up_on.is_some() {
        store::set_contact_follow_up(&tx, person.id, new.follow_up_on)?;
    }
    let record = ctx.out.json_record(|| store::interaction(&tx, entry_id))?;
    db::commit(tx)?;
    let mut message = format!(
        "Changed interaction {entry_id}: {} with {} (contact {}) on {}",
        new.channel, person.name, person.id, new.date
    );
    if person.id != was.id {
        message.push_str(&format!(" (moved from {}, contact {})", was.name, was.id));
    }
    ctx.out.written(entry_id, &message, || Ok(record))
}

/// When the interaction set its contact's current follow-up, the contact
/// falls back to the follow-up of their newest other interaction (or none).
fn forget_follow_up(conn: &Connection, interaction: &Interaction) -> Result<()> {
    let contact = store::require_contact(conn, interaction.contact_id)?;
    if contact.follow_up_on.is_some() && contact.follow_up_on == interaction.follow_up_on {
        let fallback = store::latest_interaction_follow_up(conn, contact.id)?;
        store::set_contact_follow_up(conn, contact.id, fallback)?;
    }
    Ok(())
}

fn remove(ctx: &Ctx, entry_id: i64) -> Result<()> {
    ctx.remove(entry_id, |tx| {
        let interaction = store::require_interaction(tx, entry_id)?;
        let contact = store::require_contact(tx, interaction.contact_id)?;
        store::delete_interaction(tx, entry_id)?;
        forget_follow_up(tx, &interaction)?;
        Ok(format!(
            "Removed interaction {entry_id} ({} with {} on {})",
            interaction.channel, contact.name, interaction.date
        ))
    })
}
