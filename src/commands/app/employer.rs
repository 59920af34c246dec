//! The employer's side of an application: contacts with the employer
//! (`app contact`).

use chrono::NaiveDate;

use super::write::finish_history_write;
use super::ContactArgs;
use crate::applications::store;
use crate::applications::{Application, Direction, Status};
use crate::ctx::Ctx;
use crate::dates::{self, DateKind};
use crate::db::{self, Access};
use crate::error::Result;
use crate::output::shell_command;

/// Days after an outbound contact that the follow-up falls due.
const CONTACT_FOLLOW_UP_DAYS: u64 = 7;

/// The follow-up after a contact on `on` (DESIGN §10.9 "Employer
/// contacts"): an explicit date wins; on a closed application nothing is
/// set; outbound, `on` + 7 days; inbound, a follow-up dated on or before
/// the contact is answered and cleared, a later one kept.
fn follow_up_after_contact(
    app: &Application,
    direction: Direction,
    on: NaiveDate,
    explicit: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match (explicit, direction) {
        (Some(date), _) => Some(date),
        _ if !app.status.is_active() => app.follow_up_on,
        (None, Direction::Outbound) => Some(dates::add_days(on, CONTACT_FOLLOW_UP_DAYS)),
        (None, Direction::Inbound) => app.follow_up_on.filter(|old| *old > on),
    }
}

/// `app contact ID --via …`: records a contact with the employer.
pub(super) fn contact(ctx: &Ctx, id: i64, args: ContactArgs, with: Option<i64>) -> Result<()> {
    let on = ctx.past_date("--on", args.on.as_deref())?;
    let explicit = ctx.opt_date_of(DateKind::Ahead, "--follow-up", args.follow_up.as_deref())?;
    let note = ctx.text("--note", args.note)?;
    let direction = if args.from_them {
        Direction::Inbound
    } else {
        Direction::Outbound
    };
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    let entry = store::add_employer_contact(&tx, id, on, args.via, direction, note.as_deref())?;
    if let Some(contact_id) = with {
        store::add_entry_contact(&tx, entry, contact_id)?;
    }
    let follow_up = follow_up_after_contact(&app, direction, on, explicit);
    store::set_follow_up(&tx, id, app.follow_up_on, follow_up, on, Some(entry))?;
    let record = finish_history_write(ctx, tx, id, &timestamp)?;
    let what = match direction {
        Direction::Outbound => "Contacted",
        Direction::Inbound => "Heard from",
    };
    let mut message = format!(
        "{what} {} about application {id} ({}) by {} on {on}",
        app.org,
        app.title,
        args.via.words()
    );
    match follow_up {
        Some(date) if follow_up != app.follow_up_on => {
            message.push_str(&format!("; follow up by {date}"))
        }
        None if app.follow_up_on.is_some() => message.push_str("; follow-up cleared"),
        _ => {}
    }
    if direction == Direction::Inbound && app.status == Status::Applied {
        ctx.out.notice(format!(
            "news from the employer; if it was a screening call: {}",
            shell_command(["jobtrack", "app", "set", &id.to_string(), "screening"])
        ));
    }
    ctx.out.written(id, &message, || Ok(record))
}
