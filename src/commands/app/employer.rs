//! The employer's side of an application: contacts with the employer
//! (`app contact`), interviews with their details and outcomes (`app
//! interview`), the people on it (`app link`, `app unlink`) and offers
//! (`app offer`).

use chrono::NaiveDate;

use super::view::{detail, salary_text};
use super::write::{finish_history_write, move_status};
use super::{ContactArgs, InterviewArgs};
use crate::applications::store;
use crate::applications::{
    parse_time, Application, Direction, EventKind, InterviewDetails, Outcome, Role, Status,
};
use crate::ctx::Ctx;
use crate::dates::{self, DateKind};
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::parse_salary;
use crate::network;
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

/// The details typed on `app interview`, checked.
fn interview_details(ctx: &Ctx, args: &InterviewArgs) -> Result<InterviewDetails> {
    Ok(InterviewDetails {
        at: checked_at(args.at.as_deref())?,
        minutes: checked_minutes(args.minutes.as_deref())?,
        kind: args.kind,
        place: ctx.text("--where", args.place.clone())?,
    })
}

/// An interview's `--at`, read into `HH:MM`.
pub(super) fn checked_at(text: Option<&str>) -> Result<Option<String>> {
    text.map(|text| {
        parse_time(text).ok_or_else(|| {
            Error::invalid(
                "--at",
                text,
                "a 24-hour local time HH:MM, like 09:30 or 14:00",
            )
        })
    })
    .transpose()
}

/// An interview's `--minutes`: a whole number from 1 to 1440.
pub(super) fn checked_minutes(text: Option<&str>) -> Result<Option<i64>> {
    text.map(|text| {
        text.trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=1440).contains(n))
            .ok_or_else(|| {
                Error::invalid(
                    "--minutes",
                    text,
                    "a whole number of minutes from 1 to 1440",
                )
            })
    })
    .transpose()
}

/// `app interview ID --on DATE …`: adds an interview entry (always a new
/// one), moves an early status to `interview`, and sets the follow-up to 4
/// days after the application's latest interview.
pub(super) fn interview(ctx: &Ctx, id: i64, args: InterviewArgs, with: &[i64]) -> Result<()> {
    let today = ctx.today()?;
    let on_text = args.on.as_deref().unwrap_or_default();
    let on = ctx.date_of(DateKind::Ahead, "--on", on_text)?;
    let details = interview_details(ctx, &args)?;
    let note = ctx.text("--note", args.note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    if let Some(applied) = app.applied_on.filter(|applied| on < *applied) {
        ctx.out.warning(format!(
            "the interview date {on} is before application {id} was sent ({applied}); recorded as given"
        ));
    }
    let entry = store::add_interview(&tx, id, on, &details, note.as_deref())?;
    for contact_id in with {
        store::add_entry_contact(&tx, entry, *contact_id)?;
    }
    let moved = matches!(
        app.status,
        Status::Saved | Status::Applied | Status::Screening
    );
    // The follow-up is 4 days after the latest interview, never before it.
    let latest = store::latest_interview(&tx, id)?.unwrap_or(on).max(on);
    let after_interview = Status::Interview
        .follow_up_days()
        .map(|days| dates::add_days(latest, days));
    let follow_up = if moved {
        let moved_on = on.min(today).max(app.stage_since.unwrap_or(on));
        move_status(
            &tx,
            &app,
            Status::Interview,
            moved_on,
            None,
            after_interview,
        )?
    } else if app.status == Status::Interview {
        let dated = on.min(today);
        store::set_follow_up(
            &tx,
            id,
            app.follow_up_on,
            after_interview,
            dated,
            Some(entry),
        )?;
        after_interview
    } else {
        app.follow_up_on
    };
    let record = finish_history_write(ctx, tx, id, &timestamp)?;
    let message = interview_message(&app, on, today, &details, moved, follow_up);
    ctx.out.written(id, &message, || Ok(record))
}

/// "Interview planned for application 3 (Coder at Mercy) on 2026-12-01 at
/// 10:30; status applied → interview; follow up by 2026-12-05".
fn interview_message(
    app: &Application,
    on: NaiveDate,
    today: NaiveDate,
    details: &InterviewDetails,
    moved: bool,
    follow_up: Option<NaiveDate>,
) -> String {
    let when = if on > today { "planned" } else { "recorded" };
    let mut message = format!(
        "Interview {when} for application {} ({} at {}) on {on}",
        app.id, app.title, app.org
    );
    if let Some(at) = &details.at {
        message.push_str(&format!(" at {at}"));
    }
    if moved {
        message.push_str(&format!("; status {} → interview", app.status));
    }
    if let Some(date) = follow_up.filter(|_| follow_up != app.follow_up_on) {
        message.push_str(&format!("; follow up by {date}"));
    }
    message
}

/// `app interview ID --outcome O [--entry E]`: records how an interview
/// went; the status is left to `app set`.
pub(super) fn outcome(ctx: &Ctx, id: i64, outcome: Outcome, entry: Option<i64>) -> Result<()> {
    let today = ctx.today()?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    let Some((entry, date)) = store::interview_entry(&tx, id, entry, today)? else {
        return Err(match entry {
            Some(entry) => Error::Input(format!(
                "entry {entry} is not an interview of application {id} (see 'jobtrack app show {id}')"
            )),
            None => Error::Input(format!(
                "application {id} has no interview on or before today; record one with \
                 'jobtrack app interview {id} --on DATE', or name a planned one with --entry"
            )),
        });
    };
    store::set_outcome(&tx, entry, outcome)?;
    let record = finish_history_write(ctx, tx, id, &timestamp)?;
    if outcome == Outcome::Rejected && app.status.is_active() {
        ctx.out.notice(format!(
            "the status is still {}; to close the application: {}",
            app.status,
            shell_command(["jobtrack", "app", "set", &id.to_string(), "rejected"])
        ));
    }
    let message = format!(
        "Interview of {date} for application {id} ({} at {}): {}",
        app.title,
        app.org,
        outcome.words()
    );
    ctx.out.written(id, &message, || Ok(record))
}

/// `app link ID CONTACT --role R`.
pub(super) fn link(ctx: &Ctx, id: i64, contact_id: i64, role: Role) -> Result<()> {
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    let contact = network::store::require_contact(&tx, contact_id)?;
    let before = store::link(&tx, id, contact_id, role)?;
    let what = format!("application {id} ({} at {})", app.title, app.org);
    let message = match before {
        Some(old) if old == role => {
            format!(
                "{} is already on {what} as {}; nothing changed",
                contact.name,
                role.words()
            )
        }
        Some(old) => format!(
            "{} is now {} on {what} (was {})",
            contact.name,
            role.words(),
            old.words()
        ),
        None => format!("Linked {} to {what} as {}", contact.name, role.words()),
    };
    if before != Some(role) {
        store::touch(&tx, id, &timestamp)?;
    }
    let record = ctx.out.json_record(|| detail(&tx, id))?;
    db::commit(tx)?;
    ctx.out.written(id, &message, || Ok(record))
}

/// `app unlink ID CONTACT`.
pub(super) fn unlink(ctx: &Ctx, id: i64, contact_id: i64) -> Result<()> {
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    let contact = network::store::require_contact(&tx, contact_id)?;
    let Some(role) = store::unlink(&tx, id, contact_id)? else {
        return Err(Error::Input(format!(
            "{} is not linked to application {id}; nothing to unlink (see 'jobtrack app show {id}')",
            contact.name
        )));
    };
    store::touch(&tx, id, &timestamp)?;
    let record = ctx.out.json_record(|| detail(&tx, id))?;
    db::commit(tx)?;
    let message = format!(
        "Unlinked {} ({}) from application {id} ({} at {})",
        contact.name,
        role.words(),
        app.title,
        app.org
    );
    ctx.out.written(id, &message, || Ok(record))
}

/// `app offer ID [--salary] [--deadline] [--start] [--note]`: records the
/// terms given (a repeated offer replaces those and keeps the others) and
/// moves an application that has not reached `offer` there, dated today.
pub(super) fn offer(
    ctx: &Ctx,
    id: i64,
    salary: Option<String>,
    deadline: Option<String>,
    start: Option<String>,
    note: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let given = store::OfferTerms {
        salary: salary
            .as_deref()
            .map(|text| parse_salary("--salary", text))
            .transpose()?,
        deadline: ctx.opt_date_of(DateKind::Ahead, "--deadline", deadline.as_deref())?,
        start_on: ctx.opt_date_of(DateKind::Ahead, "--start", start.as_deref())?,
    };
    let note = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    let terms = store::OfferTerms {
        salary: given.salary.or(app.offer_salary()),
        deadline: given.deadline.or(app.offer_deadline),
        start_on: given.start_on.or(app.offer_start_on),
    };
    store::set_offer(&tx, id, &terms)?;
    let moves = matches!(
        app.status,
        Status::Saved | Status::Applied | Status::Screening | Status::Interview
    );
    let follow_up = if moves {
        move_status(&tx, &app, Status::Offer, today, note.as_deref(), None)?
    } else {
        if let Some(note) = &note {
            store::add_event(&tx, id, today, EventKind::Note, None, None, Some(note))?;
        }
        app.follow_up_on
    };
    let record = finish_history_write(ctx, tx, id, &timestamp)?;
    let mut message = format!(
        "Offer recorded for application {id} ({} at {})",
        app.title, app.org
    );
    if let Some(salary) = terms.salary {
        message.push_str(&format!(": {}", salary_text(salary)));
    }
    if let Some(date) = terms.deadline {
        message.push_str(&format!("; answer by {date}"));
    }
    if moves {
        message.push_str(&format!("; status {} → offer", app.status));
        if let Some(date) = follow_up {
            message.push_str(&format!("; follow up by {date}"));
        }
    }
    ctx.out.written(id, &message, || Ok(record))
}
