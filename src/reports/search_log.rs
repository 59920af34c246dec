//! `report search-log`: the work-search record unemployment offices and job
//! centres ask for — every contact with an employer, application,
//! interview, networking conversation and event attended in a date range,
//! with whom, how, and where the job was found; by row or counted by week,
//! as a table, CSV, JSON or a printable page.

use std::io::Write;
use std::path::PathBuf;

use chrono::{Datelike, Days, NaiveDate};
use clap::{Args, ValueEnum};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::files;
use crate::output::{count_of, Column, Tone};

/// `report search-log` arguments.
#[derive(Debug, Args)]
pub struct SearchLogArgs {
    /// First day (any date) [default: the first day of the current week]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Last day (any date) [default: the last day of the current week]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Print CSV: date, organization, position, contact_person, contact_info, method, source, result
    #[arg(long, conflicts_with = "html")]
    pub csv: bool,
    /// Add the text of notes to the result (left out by default: they may be private)
    #[arg(long)]
    pub include_notes: bool,
    /// One line per week with its count of activities
    #[arg(long)]
    pub weekly: bool,
    /// The day weeks start on
    #[arg(long, value_enum, default_value_t = WeekStart::Mon)]
    pub week_start: WeekStart,
    /// With --weekly: mark weeks with fewer activities than N (what your office asks for)
    #[arg(long, value_name = "N", requires = "weekly")]
    pub min: Option<u32>,
    /// Write a printable page to FILE instead
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// With --html: the claimant's name for the page's header
    #[arg(long, value_name = "TEXT", requires = "html")]
    pub name: Option<String>,
    /// With --html: replace FILE if it exists
    #[arg(long, requires = "html")]
    pub force: bool,
}

/// The first day of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WeekStart {
    /// Sunday
    Sun,
    /// Monday
    Mon,
}

impl WeekStart {
    /// The first day of the week holding `date`.
    fn start_of(self, date: NaiveDate) -> NaiveDate {
        let back = match self {
            WeekStart::Mon => date.weekday().num_days_from_monday(),
            WeekStart::Sun => date.weekday().num_days_from_sunday(),
        };
        date - Days::new(u64::from(back))
    }
}

/// One activity, named as the CSV header names its columns.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub date: NaiveDate,
    /// The employer or organization.
    pub organization: Option<String>,
    /// The job title (an event's title for an event).
    pub position: Option<String>,
    /// The entry's own person, else the application's recruiter, then its
    /// hiring manager.
    pub contact_person: Option<String>,
    /// That person's email or phone, else the organization's website, else
    /// the posting's URL.
    pub contact_info: Option<String>,
    /// How the contact was made: online, email, phone, in_person, mail, event.
    pub method: String,
    /// Where the job was found.
    pub source: Option<String>,
    /// One word (the status reached, sent, received, interview, attended or
    /// the channel), and the note with `--include-notes`.
    pub result: String,
}

/// The person linked to application `a` in the roles the log names, as
/// `{field}` of `contacts` (a literal for `concat!`).
macro_rules! linked {
    ($field:literal) => {
        concat!(
            "(SELECT ",
            $field,
            " FROM application_contacts l JOIN contacts p ON p.id = l.contact_id
              WHERE l.application_id = a.id AND l.role IN ('recruiter', 'hiring_manager')
              ORDER BY l.role = 'hiring_manager', l.rowid LIMIT 1)"
        )
    };
}

/// The entry `e`'s own person, as `{field}` of `contacts`.
macro_rules! own {
    ($field:literal) => {
        concat!(
            "(SELECT ",
            $field,
            " FROM entry_contacts x JOIN contacts p ON p.id = x.contact_id
              WHERE x.event_id = e.id ORDER BY x.rowid LIMIT 1)"
        )
    };
}

/// Every activity from `?1` to `?2` as (date, organization, position,
/// person, info, how, source, word, note), in date order. `how` is what the
/// method is worked out from (`sent:VIA`, `status:VIA`, `contact:VIA`,
/// `interview:KIND`, `interaction:CHANNEL`, `event`). A move to
/// `interview` on the day of an interview entry is that interview (one
/// row), an interview entered twice (same day and time) is one row, and
/// moves to saved, withdrawn or ghosted, and those `app close` made, are
/// not activities.
pub(super) const ACTIVITIES: &str = concat!(
    "SELECT date, org, position, person, info, how, source, word, note FROM (
    SELECT a.applied_on AS date, o.name AS org, a.title AS position,
           ", linked!("p.name"), " AS person,
           coalesce(", linked!("coalesce(p.email, p.phone)"), ", o.website, a.url) AS info,
           'sent:' || coalesce((SELECT c.via FROM application_events c
               WHERE c.application_id = a.id AND c.kind = 'employer_contact'
                 AND c.direction = 'outbound' AND c.date = a.applied_on ORDER BY c.id LIMIT 1), '') AS how,
           a.source AS source, 'applied' AS word, NULL AS note, 0 AS part, a.id AS id
    FROM applications a JOIN organizations o ON o.id = a.org_id
    WHERE a.applied_on BETWEEN ?1 AND ?2
  UNION ALL
    SELECT e.date, o.name, a.title, ", linked!("p.name"), ",
           coalesce(", linked!("coalesce(p.email, p.phone)"), ", o.website, a.url),
           'status:' || coalesce((SELECT c.via FROM application_events c
               WHERE c.application_id = a.id AND c.kind = 'employer_contact'
                 AND c.direction = 'inbound' AND c.date = e.date ORDER BY c.id LIMIT 1), ''),
           a.source, e.to_status, e.note, 1, e.id
    FROM application_events e JOIN applications a ON a.id = e.application_id
    JOIN organizations o ON o.id = a.org_id
    WHERE e.date BETWEEN ?1 AND ?2 AND e.kind = 'status'
      AND e.to_status NOT IN ('saved', 'withdrawn', 'ghosted')
      -- a move `app close` made: its follow-up entry has no note
      AND NOT EXISTS (
          SELECT 1 FROM application_events f
          WHERE f.caused_by = e.id AND f.kind = 'follow_up' AND f.note IS NULL)
      -- the first application is the row above (dated applied_on)
      AND NOT (e.to_status = 'applied' AND (e.from_status IS NULL OR e.date = a.applied_on))
      -- an interview moves the application to `interview` the same day:
      -- one activity, listed once, as the interview
      AND NOT (e.to_status = 'interview' AND EXISTS (
          SELECT 1 FROM application_events i
          WHERE i.application_id = e.application_id AND i.kind = 'interview' AND i.date = e.date))
  UNION ALL
    SELECT e.date, o.name, a.title, coalesce(", own!("p.name"), ", ", linked!("p.name"), "),
           coalesce(CASE WHEN ", own!("p.id"), " IS NOT NULL
                         THEN ", own!("coalesce(p.email, p.phone)"), "
                         ELSE ", linked!("coalesce(p.email, p.phone)"), " END, o.website, a.url),
           'contact:' || e.via, a.source,
           CASE e.direction WHEN 'inbound' THEN 'received' ELSE 'sent' END, e.note, 1, e.id
    FROM application_events e JOIN applications a ON a.id = e.application_id
    JOIN organizations o ON o.id = a.org_id
    WHERE e.date BETWEEN ?1 AND ?2 AND e.kind = 'employer_contact'
  UNION ALL
    SELECT e.date, o.name, a.title, coalesce(", own!("p.name"), ", ", linked!("p.name"), "),
           coalesce(CASE WHEN ", own!("p.id"), " IS NOT NULL
                         THEN ", own!("coalesce(p.email, p.phone)"), "
                         ELSE ", linked!("coalesce(p.email, p.phone)"), " END, o.website, a.url),
           'interview:' || coalesce(e.interview_kind, ''), a.source, 'interview',
           coalesce(e.note, (
               -- the note of the move to interview it stands for
               SELECT s.note FROM application_events s
               WHERE s.application_id = e.application_id AND s.kind = 'status'
                 AND s.date = e.date AND s.to_status = 'interview' AND s.note IS NOT NULL
               ORDER BY s.id LIMIT 1)), 1, e.id
    FROM application_events e JOIN applications a ON a.id = e.application_id
    JOIN organizations o ON o.id = a.org_id
    WHERE e.date BETWEEN ?1 AND ?2 AND e.kind = 'interview'
      -- the same interview entered twice is one activity
      AND NOT EXISTS (
          SELECT 1 FROM application_events d
          WHERE d.application_id = e.application_id AND d.kind = 'interview'
            AND d.date = e.date AND d.at IS e.at AND d.id < e.id)
  UNION ALL
    SELECT i.date, o.name, NULL, c.name, coalesce(c.email, c.phone, o.website),
           'interaction:' || i.channel, NULL, i.channel, i.note, 2, i.id
    FROM interactions i JOIN contacts c ON c.id = i.contact_id
    LEFT JOIN organizations o ON o.id = c.org_id
    WHERE i.date BETWEEN ?1 AND ?2
  UNION ALL
    SELECT v.date, o.name, v.title, NULL, o.website, 'event', NULL, 'attended', v.notes, 3, v.id
    FROM events v LEFT JOIN organizations o ON o.id = v.org_id
    WHERE v.date BETWEEN ?1 AND ?2
) ORDER BY date, part, id"
);

/// The method a row's `how` stands for (DESIGN §10.9 "Work-search log").
fn method(how: &str) -> &'static str {
    let (what, detail) = how.split_once(':').unwrap_or((how, ""));
    match (what, detail) {
        ("event", _) | ("interaction", "event") => "event",
        ("interview", "phone") => "phone",
        ("interview", "video") => "online",
        ("interview", _) => "in_person",
        ("interaction", "call") => "phone",
        ("interaction", "meeting" | "coffee") => "in_person",
        ("interaction", "email") => "email",
        (_, "email") => "email",
        (_, "phone") => "phone",
        (_, "in_person") => "in_person",
        (_, "mail") => "mail",
        _ => "online",
    }
}

/// Every activity from `since` to `until` (inclusive); notes are added to
/// the result only when `include_notes`.
pub fn activities(
    conn: &Connection,
    since: NaiveDate,
    until: NaiveDate,
    include_notes: bool,
) -> Result<Vec<Activity>> {
    let mut statement = conn.prepare_cached(ACTIVITIES)?;
    let rows = statement.query_map(params![since, until], |r| {
        let how: String = r.get(5)?;
        let word: String = r.get(7)?;
        let note: Option<String> = r.get(8)?;
        let result = match note.filter(|_| include_notes) {
            Some(note) => format!("{word}: {note}"),
            None => word,
        };
        Ok(Activity {
            date: r.get(0)?,
            organization: r.get(1)?,
            position: r.get(2)?,
            contact_person: r.get(3)?,
            contact_info: r.get(4)?,
            method: method(&how).to_string(),
            source: r.get(6)?,
            result,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One week of `--weekly`.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    pub week_start: NaiveDate,
    pub week_end: NaiveDate,
    pub count: usize,
    /// Fewer than `--min` activities.
    pub below: bool,
}

/// Every week from the one holding `since` to the one holding `until`,
/// zero weeks included, with its count.
fn weeks(
    rows: &[Activity],
    since: NaiveDate,
    until: NaiveDate,
    start: WeekStart,
    min: Option<u32>,
) -> Vec<Week> {
    let mut weeks = Vec::new();
    let mut week_start = start.start_of(since);
    while week_start <= until {
        let week_end = week_start + Days::new(6);
        let count = rows
            .iter()
            .filter(|r| r.date >= week_start && r.date <= week_end)
            .count();
        weeks.push(Week {
            week_start,
            week_end,
            count,
            below: min.is_some_and(|min| count < min as usize),
        });
        week_start = week_start + Days::new(7);
    }
    weeks
}

/// The CSV header, which the JSON keys follow.
const HEADER: [&str; 8] = [
    "date",
    "organization",
    "position",
    "contact_person",
    "contact_info",
    "method",
    "source",
    "result",
];

/// The range asked for: both ends given, or the week (by `start`) of the
/// one given, or this week.
fn range(ctx: &Ctx, args: &SearchLogArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let since = ctx.opt_date("--since", args.since.as_deref())?;
    let until = ctx.opt_date("--until", args.until.as_deref())?;
    let week = |date: NaiveDate| {
        let start = args.week_start.start_of(date);
        (start, start + Days::new(6))
    };
    let (since, until) = match (since, until) {
        (Some(since), Some(until)) => (since, until),
        (Some(since), None) => (since, week(today).1.max(since)),
        (None, Some(until)) => (week(until).0, until),
        (None, None) => week(today),
    };
    crate::input::check_range(Some(since), Some(until))?;
    Ok((since, until))
}

/// Runs `report search-log`.
pub fn run(ctx: &Ctx, args: SearchLogArgs) -> Result<()> {
    let today = ctx.today()?;
    let (since, until) = range(ctx, &args, today)?;
    let name = ctx.text("--name", args.name.clone())?;
    let folder = match &args.html {
        Some(file) => Some(files::check_target(
            file,
            args.force,
            &ctx.db_path()?.path,
            "the page",
        )?),
        None => None,
    };
    let conn = ctx.open(Access::Existing)?;
    // The log records what was done: planned interviews and events (dated
    // after today) are not activity yet.
    let rows = activities(&conn, since, until.min(today), args.include_notes)?;
    let weeks = weeks(&rows, since, until, args.week_start, args.min);
    if let (Some(file), Some(folder)) = (&args.html, folder) {
        let page =
            super::search_log_page::render(&rows, &weeks, since, until, name.as_deref(), args.min);
        files::write_private(file, &folder, args.force, |out, _| {
            out.write_all(page.as_bytes())
                .map_err(|e| Error::io(file, e))
        })?;
        let path = file.display().to_string();
        return if ctx.out.json {
            ctx.out
                .print_json(&serde_json::json!({"path": path, "rows": rows.len()}))
        } else if ctx.out.quiet {
            ctx.out.line(&path)
        } else {
            ctx.out.line(format!("Wrote the work-search log to {path}"))
        };
    }
    if args.weekly {
        return print_weeks(ctx, &weeks, args.csv);
    }
    if args.csv {
        return ctx.out.print_csv(
            &HEADER,
            rows.into_iter().map(|a| {
                [
                    Some(a.date.to_string()),
                    a.organization,
                    a.position,
                    a.contact_person,
                    a.contact_info,
                    Some(a.method),
                    a.source,
                    Some(a.result),
                ]
            }),
        );
    }
    if ctx.out.json {
        return ctx.out.print_json(&rows);
    }
    print_rows(ctx, &rows, since, until)
}

fn print_weeks(ctx: &Ctx, weeks: &[Week], csv: bool) -> Result<()> {
    if csv {
        return ctx.out.print_csv(
            &["week_start", "week_end", "count", "below"],
            weeks.iter().map(|w| {
                [
                    Some(w.week_start.to_string()),
                    Some(w.week_end.to_string()),
                    Some(w.count.to_string()),
                    Some(if w.below { "1" } else { "0" }.to_string()),
                ]
            }),
        );
    }
    if ctx.out.json {
        return ctx.out.print_json(&weeks);
    }
    let out = &ctx.out;
    for week in weeks {
        let mut line = format!(
            "{} to {}  {}",
            week.week_start,
            week.week_end,
            count_of(week.count as i64, "activity", "activities")
        );
        if week.below {
            line.push_str(&format!("  {}", out.paint("below", Tone::Alert)));
        }
        out.line(line)?;
    }
    Ok(())
}

fn print_rows(ctx: &Ctx, rows: &[Activity], since: NaiveDate, until: NaiveDate) -> Result<()> {
    let out = &ctx.out;
    out.line(out.heading(&format!(
        "Job search activity {since} to {until}: {}",
        count_of(rows.len() as i64, "entry", "entries")
    )))?;
    if rows.is_empty() {
        return Ok(());
    }
    let mut table = out.table([
        Column::keep("Date"),
        Column::text("Organization", 8),
        Column::text("Position", 7),
        Column::text("Contact", 5),
        Column::text("Info", 2),
        Column::whole("Method", 4),
        Column::text("Source", 3),
        Column::text("Result", 6),
    ]);
    for row in rows {
        let text = |v: &Option<String>| out.cell(v.as_deref().unwrap_or(""), Tone::Plain);
        table.add_row(vec![
            out.cell(row.date, Tone::Plain),
            text(&row.organization),
            text(&row.position),
            text(&row.contact_person),
            text(&row.contact_info),
            out.cell(&row.method, Tone::Plain),
            text(&row.source),
            out.cell(&row.result, Tone::Plain),
        ]);
    }
    out.print_table(&table)
}
