//! `agenda`: what to do and when — follow-ups, interviews, exams, events,
//! renewals and stale applications — overdue first, then by date; and the
//! same items as an iCalendar feed (`--ics`).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use clap::Args;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::applications::STALE_DAYS;
use crate::applications::{rules_sql, Status};
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::output::{Column, Tone};
use crate::text_enum;

text_enum! {
    /// What an agenda item is; `id` is a row of the table the kind names.
    pub enum Kind {
        /// An application's follow-up date (id: the application)
        AppFollowUp = "app_follow_up" / "app follow-up",
        /// A contact's follow-up date (id: the contact)
        ContactFollowUp = "contact_follow_up" / "contact follow-up",
        /// A planned interview of an active application (id: the interview entry in its history; the lowest of entries on the same day)
        Interview = "interview",
        /// A certification exam not yet passed or failed (id: the certification)
        Exam = "exam",
        /// A networking event (id: the event)
        Event = "event",
        /// A membership renewal (id: the membership)
        Renewal = "renewal",
        /// An application quiet for 21 days, dated the day it went stale (id: the application)
        Stale = "stale",
        /// A CEU cycle ending within 90 days with CEUs short, whatever --days says (id: the certification)
        CeuDeadline = "ceu_deadline" / "CEU deadline",
        /// An offer's answer-by date, while the status is offer (id: the application)
        OfferDeadline = "offer_deadline" / "offer deadline",
        /// A thank-you note due the day after an interview of the last 7 days, until you contact the employer or add a note (id: the interview entry)
        ThankYou = "thank_you" / "thank-you",
        /// The day a saved posting closes, while it is still saved (id: the application)
        Closing = "closing",
    }
}

/// One thing to do on a date.
#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub date: NaiveDate,
    pub kind: Kind,
    /// What to do, naming the person or organization.
    pub title: String,
    pub id: i64,
    /// Dated before today.
    pub overdue: bool,
    /// The application the item is about (follow-ups, interviews, stale).
    pub application_id: Option<i64>,
    /// The contact the item is about.
    pub contact_id: Option<i64>,
    /// The networking event the item is.
    pub event_id: Option<i64>,
    /// The certification the item is about (exams, CEU deadlines).
    pub certification_id: Option<i64>,
    /// What the item refers to, as people name it (`app 14`, `contact 12`,
    /// `cert RHIT`, `org Mercy Health`); the ids above carry it in JSON.
    #[serde(skip)]
    pub reference: String,
    /// The status of the application the item is about, for ranking.
    #[serde(skip)]
    pub status: Option<Status>,
}

/// Where each kind comes from: SQL selecting `(date, id, title,
/// application_id, contact_id, event_id, certification_id, reference,
/// status)` with
/// `?1` today and `?2` the last day shown. A new kind adds a variant and a
/// line.
pub(super) const SOURCES: &[(Kind, &str)] = &[
    (
        Kind::AppFollowUp,
        "SELECT a.follow_up_on, a.id, 'Follow up: ' || a.title || ' at ' || o.name,
                a.id, NULL, NULL, NULL, 'app ' || a.id, a.status
         FROM applications a JOIN organizations o ON o.id = a.org_id
         WHERE a.follow_up_on <= ?2",
    ),
    (
        Kind::ContactFollowUp,
        "SELECT c.follow_up_on, c.id, 'Follow up with ' || c.name || coalesce(' at ' || o.name, ''),
                NULL, c.id, NULL, NULL, 'contact ' || c.id, NULL
         FROM contacts c LEFT JOIN organizations o ON o.id = c.org_id
         WHERE c.follow_up_on <= ?2",
    ),
    (
        Kind::Interview,
        "SELECT e.date, e.id,
                'Interview' || coalesce(' at ' || e.at, '') || ': ' || a.title || ' at ' || o.name
                || ' (application ' || a.id || ')',
                a.id, NULL, NULL, NULL, 'app ' || a.id, a.status
         FROM application_events e
         JOIN applications a ON a.id = e.application_id
         JOIN organizations o ON o.id = a.org_id
         WHERE e.kind = 'interview' AND e.date BETWEEN ?1 AND ?2
           -- the same interview entered twice (same day and time) is one
           -- item: the lowest id
           AND NOT EXISTS (
               SELECT 1 FROM application_events d
               WHERE d.application_id = e.application_id AND d.kind = 'interview'
                 AND d.date = e.date AND d.at IS e.at AND d.id < e.id)
           -- unary + keeps the planner on the events' date index (few rows)
           -- rather than walking every active application
           AND +a.status IN {active}",
    ),
    (
        Kind::Exam,
        "SELECT c.exam_on, c.id, c.code || ' exam' || CASE WHEN c.name <> c.code THEN ' (' || c.name || ')' ELSE '' END,
                NULL, NULL, NULL, c.id, 'cert ' || c.code, NULL
         FROM certifications c
         WHERE c.exam_on BETWEEN ?1 AND ?2 AND c.status NOT IN ('passed', 'failed')",
    ),
    (
        Kind::Event,
        "SELECT v.date, v.id, v.title || coalesce(' (' || o.name || ')', ''),
                NULL, NULL, v.id, NULL, 'event ' || v.id, NULL
         FROM events v LEFT JOIN organizations o ON o.id = v.org_id
         WHERE v.date BETWEEN ?1 AND ?2",
    ),
    (
        Kind::Renewal,
        "SELECT m.renews_on, m.id, 'Renew membership: ' || o.name,
                NULL, NULL, NULL, NULL, 'org ' || o.name, NULL
         FROM memberships m JOIN organizations o ON o.id = m.org_id
         WHERE m.renews_on <= ?2",
    ),
    (
        Kind::OfferDeadline,
        "SELECT a.offer_deadline, a.id, 'Answer the offer: ' || a.title || ' at ' || o.name,
                a.id, NULL, NULL, NULL, 'app ' || a.id, a.status
         FROM applications a JOIN organizations o ON o.id = a.org_id
         WHERE a.offer_deadline <= ?2 AND a.status = 'offer'",
    ),
    (
        Kind::Closing,
        "SELECT a.closes_on, a.id, 'Apply by: ' || a.title || ' at ' || o.name,
                a.id, NULL, NULL, NULL, 'app ' || a.id, a.status
         FROM applications a JOIN organizations o ON o.id = a.org_id
         WHERE a.closes_on <= ?2 AND a.status = 'saved'",
    ),
    (
        Kind::ThankYou,
        "SELECT date(e.date, '+1 day'), e.id,
                'Send a thank-you: ' || a.title || ' at ' || o.name || ' (interview ' || e.date || ')',
                a.id, NULL, NULL, NULL, 'app ' || a.id, a.status
         FROM application_events e
         JOIN applications a ON a.id = e.application_id
         JOIN organizations o ON o.id = a.org_id
         WHERE e.kind = 'interview' AND e.date BETWEEN date(?1, '-7 days') AND ?1
           AND date(e.date, '+1 day') <= ?2
           AND NOT EXISTS (
               SELECT 1 FROM application_events d
               WHERE d.application_id = e.application_id AND d.kind = 'interview'
                 AND d.date = e.date AND d.at IS e.at AND d.id < e.id)
           AND +a.status IN {active}
           -- done: a contact you made on or after the day, or a note dated
           -- on or after it and entered after the interview
           AND NOT EXISTS (
               SELECT 1 FROM application_events c
               WHERE c.application_id = e.application_id AND c.date >= e.date
                 AND ((c.kind = 'employer_contact' AND c.direction = 'outbound')
                      OR (c.kind = 'note' AND c.id > e.id)))",
    ),
    (
        Kind::Stale,
        "SELECT date(a.last_news_on, printf('+%d days', ?3)), a.id,
                'Stale: ' || a.title || ' at ' || o.name || ' (' || a.status || ', no news since ' || a.last_news_on || ')',
                a.id, NULL, NULL, NULL, 'app ' || a.id, a.status
         FROM applications a JOIN organizations o ON o.id = a.org_id
         WHERE a.status IN {can_go_stale}
           AND a.last_news_on <= date(?2, printf('-%d days', ?3))",
    ),
];

/// Every item dated up to `last` (overdue ones whatever their date),
/// overdue first, then by date, kind and id.
pub fn items(conn: &Connection, today: NaiveDate, last: NaiveDate) -> Result<Vec<AgendaItem>> {
    let mut items = Vec::new();
    for (kind, sql) in SOURCES {
        let mut statement = conn.prepare_cached(&rules_sql(sql))?;
        // Only the stale query takes the quiet-days threshold as `?3`.
        let bound = if *kind == Kind::Stale {
            statement.query(params![today, last, STALE_DAYS])?
        } else {
            statement.query(params![today, last])?
        };
        let rows = bound.mapped(|r| {
            let date: NaiveDate = r.get(0)?;
            Ok(AgendaItem {
                date,
                kind: *kind,
                title: r.get(2)?,
                id: r.get(1)?,
                overdue: date < today,
                application_id: r.get(3)?,
                contact_id: r.get(4)?,
                event_id: r.get(5)?,
                certification_id: r.get(6)?,
                reference: r.get(7)?,
                status: r.get(8)?,
            })
        });
        for row in rows {
            items.push(row?);
        }
    }
    // CEU deadlines come from the cycle arithmetic, not one query, and show
    // 90 days ahead whatever the window.
    for (date, id, code, title) in super::certs::ceu_deadlines(conn, today)? {
        items.push(AgendaItem {
            date,
            kind: Kind::CeuDeadline,
            title,
            id,
            overdue: date < today,
            application_id: None,
            contact_id: None,
            event_id: None,
            certification_id: Some(id),
            reference: format!("cert {code}"),
            status: None,
        });
    }
    items.sort_by(|a, b| {
        (!a.overdue, a.date, a.kind as u8, a.id).cmp(&(!b.overdue, b.date, b.kind as u8, b.id))
    });
    Ok(items)
}

/// `agenda` options.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  jobtrack agenda\n  jobtrack agenda --days 30\n  jobtrack agenda --ics > jobtrack.ics     (import into any calendar; re-importing updates)"
)]
pub struct AgendaArgs {
    /// Show items up to this many days ahead (overdue items always show)
    #[arg(
        long,
        value_name = "N",
        default_value = "14",
        allow_hyphen_values = true
    )]
    pub days: String,
    /// Show every item (the table otherwise stops at 30 per kind)
    #[arg(long)]
    pub all: bool,
    /// Print an iCalendar (RFC 5545) feed instead of a table
    #[arg(long)]
    pub ics: bool,
}

/// Items per kind the human view shows without `--all`.
const PER_KIND: usize = 30;

/// Runs `agenda`.
pub fn run(ctx: &Ctx, args: AgendaArgs) -> Result<()> {
    let days: u64 = args
        .days
        .trim()
        .parse()
        .ok()
        .filter(|d| *d <= 3660)
        .ok_or_else(|| {
            Error::invalid(
                "--days",
                &args.days,
                "a whole number of days from 0 to 3660",
            )
        })?;
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let last = today + Days::new(days);
    if args.ics {
        let items = ics_items(&conn, today, last)?;
        return ctx.out.raw(ics(&conn, &items, today)?);
    }
    let items = items(&conn, today, last)?;
    if ctx.out.json {
        return ctx.out.print_json(&items);
    }
    if items.is_empty() {
        return ctx
            .out
            .line(format!("Nothing due in the next {days} days."));
    }
    print_items(ctx, &items, if args.all { usize::MAX } else { PER_KIND })
}

/// Prints items as a table, at most `per_kind` of each kind, then says how
/// many were left out.
pub fn print_items(ctx: &Ctx, items: &[AgendaItem], per_kind: usize) -> Result<()> {
    let out = &ctx.out;
    let mut shown: HashMap<Kind, usize> = HashMap::new();
    let mut hidden = 0;
    let mut table = out.table([
        Column::keep("Date"),
        Column::whole("Kind", 5),
        Column::text("What", 9),
        Column::keep("Ref"),
    ]);
    for item in items {
        let count = shown.entry(item.kind).or_default();
        if *count >= per_kind {
            hidden += 1;
            continue;
        }
        *count += 1;
        let tone = if item.overdue {
            Tone::Alert
        } else {
            Tone::Plain
        };
        let date = if item.overdue {
            format!("{} overdue", item.date)
        } else {
            item.date.to_string()
        };
        table.add_row(vec![
            out.cell(date, tone),
            out.cell(item.kind.words(), Tone::Dim),
            out.cell(&item.title, Tone::Plain),
            out.cell(&item.reference, Tone::Plain),
        ]);
    }
    out.print_table(&table)?;
    if hidden > 0 {
        out.line(format!(
            "{hidden} more not shown (at most {per_kind} per kind; see them all with 'jobtrack agenda --all')"
        ))?;
    }
    Ok(())
}

/// The kinds `--ics` includes up to `ICS_HORIZON_DAYS` ahead whatever
/// `--days` says: a calendar is where they must not be missed.
const ICS_HORIZON_KINDS: &[Kind] = &[
    Kind::Exam,
    Kind::Event,
    Kind::Interview,
    Kind::OfferDeadline,
    Kind::Closing,
    // CEU deadlines always look 90 days ahead, in the table as here.
    Kind::CeuDeadline,
];

/// How far ahead `--ics` looks for `ICS_HORIZON_KINDS`.
const ICS_HORIZON_DAYS: u64 = 90;

/// The items of the `--ics` feed: those the window `last` keeps, and the
/// horizon kinds up to 90 days ahead.
fn ics_items(conn: &Connection, today: NaiveDate, last: NaiveDate) -> Result<Vec<AgendaItem>> {
    let horizon = last.max(today + Days::new(ICS_HORIZON_DAYS));
    let mut all = items(conn, today, horizon)?;
    all.retain(|item| item.date <= last || ICS_HORIZON_KINDS.contains(&item.kind));
    Ok(all)
}

/// What a timed interview's VEVENT says beyond its summary.
#[derive(Debug, Default)]
struct Timing {
    at: Option<String>,
    minutes: Option<i64>,
    place: Option<String>,
    kind: Option<String>,
    url: Option<String>,
    with: Option<String>,
}

fn timing(conn: &Connection, entry: i64) -> Result<Timing> {
    Ok(conn
        .prepare_cached(
            "SELECT e.at, e.minutes, e.place, e.interview_kind, a.url,
                    (SELECT group_concat(c.name, ', ') FROM entry_contacts x
                     JOIN contacts c ON c.id = x.contact_id WHERE x.event_id = e.id)
             FROM application_events e JOIN applications a ON a.id = e.application_id
             WHERE e.id = ?1",
        )?
        .query_row([entry], |r| {
            Ok(Timing {
                at: r.get(0)?,
                minutes: r.get(1)?,
                place: r.get(2)?,
                kind: r.get(3)?,
                url: r.get(4)?,
                with: r.get(5)?,
            })
        })?)
}

/// The SEQUENCE of an item: how often its date has moved (`ics_revisions`).
fn sequence(conn: &Connection, item: &AgendaItem) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT seq FROM ics_revisions WHERE kind = ?1 AND row_id = ?2")?
        .query_row(params![item.kind.as_str(), item.id], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// The items as an RFC 5545 calendar: one VEVENT per item (all-day, or
/// timed in floating local time for an interview with a time, with an
/// alarm an hour before), UIDs `<kind>-<id>-<dbid>@jobtrack`, a SEQUENCE
/// that grows when the item's date moves, overdue items placed on today,
/// CRLF line ends, lines folded at 75 octets.
pub fn ics(conn: &Connection, items: &[AgendaItem], today: NaiveDate) -> Result<String> {
    let dbid = crate::db::dbid(conn)?;
    let stamp = format!("{}T000000Z", today.format("%Y%m%d"));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//jobtrack//agenda//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "X-WR-CALNAME:jobtrack agenda".to_string(),
    ];
    for item in items {
        let uid = if dbid.is_empty() {
            format!("{}-{}@jobtrack", item.kind, item.id)
        } else {
            format!("{}-{}-{dbid}@jobtrack", item.kind, item.id)
        };
        let timing = match item.kind {
            Kind::Interview => timing(conn, item.id)?,
            _ => Timing::default(),
        };
        lines.push("BEGIN:VEVENT".to_string());
        lines.push(format!("UID:{uid}"));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("SEQUENCE:{}", sequence(conn, item)?));
        lines.extend(vevent_body(item, today, &timing));
        lines.push("END:VEVENT".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    let mut text = String::new();
    for line in lines {
        fold(&line, &mut text);
    }
    Ok(text)
}

/// The dates, summary, description and alarm of one VEVENT.
fn vevent_body(item: &AgendaItem, today: NaiveDate, timing: &Timing) -> Vec<String> {
    // A calendar hides the past: an overdue item is shown on today.
    let (date, summary) = if item.overdue {
        (
            today,
            format!("{} (overdue since {})", item.title, item.date),
        )
    } else {
        (item.date, item.title.clone())
    };
    let start = timing
        .at
        .as_deref()
        .and_then(|at| chrono::NaiveTime::parse_from_str(at, "%H:%M").ok())
        .map(|time| date.and_time(time));
    let mut lines = match start {
        Some(start) => {
            let end = start + chrono::Duration::minutes(timing.minutes.unwrap_or(60));
            vec![
                format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")),
                format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")),
                "TRANSP:OPAQUE".to_string(),
            ]
        }
        None => vec![
            format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (date + Days::new(1)).format("%Y%m%d")
            ),
            "TRANSP:TRANSPARENT".to_string(),
        ],
    };
    lines.push(format!("SUMMARY:{}", ics_text(&summary)));
    lines.push(format!(
        "DESCRIPTION:{}",
        ics_text(&description(item, timing))
    ));
    if let Some(place) = &timing.place {
        lines.push(format!("LOCATION:{}", ics_text(place)));
    }
    lines.push(format!("CATEGORIES:{}", item.kind));
    if start.is_some() {
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-PT1H".to_string(),
            format!("DESCRIPTION:{}", ics_text(&summary)),
            "END:VALARM".to_string(),
        ]);
    }
    lines
}

/// The DESCRIPTION: where, with whom, what kind and the posting for an
/// interview; then the jobtrack reference of every item.
fn description(item: &AgendaItem, timing: &Timing) -> String {
    let mut parts = Vec::new();
    if let Some(place) = &timing.place {
        parts.push(format!("Where: {place}"));
    }
    if let Some(with) = &timing.with {
        parts.push(format!("With: {with}"));
    }
    if let Some(kind) = &timing.kind {
        parts.push(format!("Kind: {kind}"));
    }
    if let Some(url) = &timing.url {
        parts.push(format!("Posting: {url}"));
    }
    parts.push(format!("jobtrack: {}", item.reference));
    parts.join("\n")
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn ics_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            _ => escaped.push(ch),
        }
    }
    escaped
}

/// Appends `line` folded into pieces of at most 75 octets (continuations
/// begin with a space), never splitting a UTF-8 character, each ending CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut text = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold(&line, &mut text);
        for piece in text.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(piece.len() <= 75, "{piece:?} is {} octets", piece.len());
        }
        assert_eq!(text.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(ics_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
