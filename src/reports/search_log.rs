//! `report search-log`: every job-search activity in a date range, the
//! record unemployment offices and job centres ask for.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::applications::referrer_sql;
use crate::ctx::Ctx;
use crate::dates::week_of;
use crate::db::Access;
use crate::error::Result;
use crate::output::Tone;
use crate::output::{count_of, Column};

/// One activity.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub date: NaiveDate,
    /// The employer or organization.
    pub org: Option<String>,
    /// The job title, for application activities.
    pub position: Option<String>,
    /// The person: the referral contact, or the contact of an interaction.
    pub contact: Option<String>,
    /// The application's source, the interaction's channel or the event's kind.
    pub method: Option<String>,
    /// The status reached, or the note.
    pub result: Option<String>,
}

/// Applications sent, later status changes, interviews, interactions and
/// events from `?1` to `?2`, in date order. A move to `interview` on the
/// day of an interview entry is that interview (one row, with the entry's
/// note, else the move's), and an interview entered twice on one day is one
/// row.
pub(super) const ACTIVITIES: &str = concat!("
SELECT date, org, position, contact, method, result FROM (
    SELECT a.applied_on AS date, o.name AS org, a.title AS position, c.name AS contact,
           a.source AS method, 'applied' AS result, 0 AS part, a.id AS id
    FROM applications a JOIN organizations o ON o.id = a.org_id
    LEFT JOIN contacts c ON c.id = ", referrer_sql!(), "
    WHERE a.applied_on BETWEEN ?1 AND ?2
  UNION ALL
    SELECT e.date, o.name, a.title, c.name, a.source,
           CASE
             -- a move to interview made when one was booked for a later day
             WHEN e.to_status = 'interview' AND EXISTS (
                 SELECT 1 FROM application_events f
                 WHERE f.application_id = e.application_id AND f.kind = 'interview' AND f.date > e.date)
             THEN 'interview scheduled for ' || (
                 SELECT min(f.date) FROM application_events f
                 WHERE f.application_id = e.application_id AND f.kind = 'interview' AND f.date > e.date)
             -- applying again after going back to saved
             WHEN e.to_status = 'applied' THEN 'applied again'
             ELSE e.to_status
           END || coalesce(': ' || e.note, ''), 1, e.id
    FROM application_events e JOIN applications a ON a.id = e.application_id
    JOIN organizations o ON o.id = a.org_id
    LEFT JOIN contacts c ON c.id = ", referrer_sql!(), "
    WHERE e.date BETWEEN ?1 AND ?2 AND e.kind = 'status' AND e.to_status <> 'saved'
      -- the first application is the row above (dated applied_on)
      AND NOT (e.to_status = 'applied' AND (e.from_status IS NULL OR e.date = a.applied_on))
      -- an interview moves the application to `interview` the same day:
      -- one activity, listed once, as the interview
      AND NOT (e.to_status = 'interview' AND EXISTS (
          SELECT 1 FROM application_events i
          WHERE i.application_id = e.application_id AND i.kind = 'interview' AND i.date = e.date))
  UNION ALL
    SELECT e.date, o.name, a.title, c.name, a.source,
           'interview' || coalesce(': ' || coalesce(e.note, (
               -- the note of the move to interview it stands for
               SELECT s.note FROM application_events s
               WHERE s.application_id = e.application_id AND s.kind = 'status'
                 AND s.date = e.date AND s.to_status = 'interview' AND s.note IS NOT NULL
               ORDER BY s.id LIMIT 1)), ''), 1, e.id
    FROM application_events e JOIN applications a ON a.id = e.application_id
    JOIN organizations o ON o.id = a.org_id
    LEFT JOIN contacts c ON c.id = ", referrer_sql!(), "
    WHERE e.date BETWEEN ?1 AND ?2 AND e.kind = 'interview'
      -- the same interview entered twice is one activity
      AND NOT EXISTS (
          SELECT 1 FROM application_events d
          WHERE d.application_id = e.application_id AND d.kind = 'interview'
            AND d.date = e.date AND d.id < e.id)
  UNION ALL
    SELECT i.date, o.name, NULL, c.name, i.channel, i.note, 2, i.id
    FROM interactions i JOIN contacts c ON c.id = i.contact_id
    LEFT JOIN organizations o ON o.id = c.org_id
    WHERE i.date BETWEEN ?1 AND ?2
  UNION ALL
    SELECT v.date, o.name, NULL, NULL, v.kind, v.title || coalesce(': ' || v.notes, ''), 3, v.id
    FROM events v LEFT JOIN organizations o ON o.id = v.org_id
    WHERE v.date BETWEEN ?1 AND ?2
) ORDER BY date, part, id");

/// Every activity from `since` to `until` (inclusive).
pub fn activities(conn: &Connection, since: NaiveDate, until: NaiveDate) -> Result<Vec<Activity>> {
    let mut statement = conn.prepare_cached(ACTIVITIES)?;
    let rows = statement.query_map(params![since, until], |r| {
        Ok(Activity {
            date: r.get(0)?,
            org: r.get(1)?,
            position: r.get(2)?,
            contact: r.get(3)?,
            method: r.get(4)?,
            result: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Runs `report search-log [--since D] [--until D] [--csv]`: by default the
/// Monday–Sunday week holding today; with one end given, the other is the
/// end of that end's week.
pub fn run(ctx: &Ctx, since: Option<String>, until: Option<String>, csv: bool) -> Result<()> {
    let today = ctx.today()?;
    let since = ctx.opt_date("--since", since.as_deref())?;
    let until = ctx.opt_date("--until", until.as_deref())?;
    let (since, until) = match (since, until) {
        (Some(since), Some(until)) => (since, until),
        (Some(since), None) => (since, week_of(today).1.max(since)),
        (None, Some(until)) => (week_of(until).0, until),
        (None, None) => week_of(today),
    };
    crate::input::check_range(Some(since), Some(until))?;
    let conn = ctx.open(Access::Existing)?;
    // The log records what was done: planned interviews and events (dated
    // after today) are not activity yet.
    let rows = activities(&conn, since, until.min(today))?;
    if csv {
        return ctx.out.print_csv(
            &[
                "date",
                "organization",
                "position",
                "contact_person",
                "method",
                "result",
            ],
            rows.into_iter().map(|a| {
                [
                    Some(a.date.to_string()),
                    a.org,
                    a.position,
                    a.contact,
                    a.method,
                    a.result,
                ]
            }),
        );
    }
    if ctx.out.json {
        return ctx.out.print_json(&rows);
    }
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
        Column::whole("Method", 4),
        Column::text("Result", 6),
    ]);
    for row in &rows {
        let text = |v: &Option<String>| out.cell(v.as_deref().unwrap_or(""), Tone::Plain);
        table.add_row(vec![
            out.cell(row.date, Tone::Plain),
            text(&row.org),
            text(&row.position),
            text(&row.contact),
            text(&row.method),
            text(&row.result),
        ]);
    }
    out.print_table(&table)
}
