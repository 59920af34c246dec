//! `report` (the dashboard): this week, goals, the pipeline, what is due in
//! the next seven days, the credentials being tracked, and 12 weeks of
//! activity.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use super::agenda::{self, AgendaItem};
use super::certs::CertReport;
use super::{status_counts, weekly_counts, Counts};
use crate::applications::Status;
use crate::ctx::Ctx;
use crate::dates::week_of;
use crate::db::Access;
use crate::error::Result;
use crate::goals::{self, Goal, Metric};

/// The Monday–Sunday week holding today.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    /// Its Monday.
    pub start: NaiveDate,
    pub applications: i64,
    pub interactions: i64,
    pub volunteer_hours: f64,
}

/// What the dashboard prints.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub week: Week,
    pub goals: Vec<Goal>,
    /// Active applications per status.
    pub pipeline: Counts,
    /// Overdue items and items from today to today + 6 (agenda items),
    /// ranked by the stage of their application (see `stage_rank`), then
    /// as the agenda orders them.
    pub due: Vec<AgendaItem>,
    /// One line per tracked credential, with CEU progress.
    pub certs: Vec<CertReport>,
}

/// Days ahead the dashboard's `due` list reaches (today + 6: one week).
const DUE_DAYS: u64 = 6;

/// The last day the dashboard's due list reaches.
fn due_through(today: NaiveDate) -> NaiveDate {
    today + Days::new(DUE_DAYS)
}

/// Where an item's application stands in the due list: offers first, then
/// interviews, screenings and applications sent, then everything else, so
/// an offer's follow-up is never hidden behind old ones.
fn stage_rank(status: Option<Status>) -> u8 {
    match status {
        Some(Status::Offer) => 0,
        Some(Status::Interview) => 1,
        Some(Status::Screening) => 2,
        Some(Status::Applied) => 3,
        _ => 4,
    }
}

/// Builds the dashboard for `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<Dashboard> {
    let (start, end) = week_of(today);
    let week = Week {
        start,
        applications: Metric::Applications.done(conn, start, end)? as i64,
        interactions: Metric::Interactions.done(conn, start, end)? as i64,
        volunteer_hours: Metric::VolunteerHours.done(conn, start, end)?,
    };
    let mut due = agenda::items(conn, today, due_through(today))?;
    // Stable: within a stage, overdue first, then by date.
    due.sort_by_key(|item| stage_rank(item.status));
    Ok(Dashboard {
        week,
        goals: goals::goals(conn, today)?,
        pipeline: status_counts(conn, Status::ACTIVE, None)?,
        due,
        certs: super::certs::certs(conn, today)?,
    })
}

/// Runs `report` / `report dashboard`.
pub fn run(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    show(ctx, &conn, today)
}

/// Prints the dashboard of an open database: JSON with `--json`, else the
/// screenful (`demo` ends with it too).
pub fn show(ctx: &Ctx, conn: &Connection, today: NaiveDate) -> Result<()> {
    let dashboard = build(conn, today)?;
    if ctx.out.json {
        return ctx.out.print_json(&dashboard);
    }
    print(ctx, conn, &dashboard, today)
}

/// The dashboard for people: one screenful.
pub fn print(ctx: &Ctx, conn: &Connection, dashboard: &Dashboard, today: NaiveDate) -> Result<()> {
    let out = &ctx.out;
    let week = &dashboard.week;
    out.line(out.heading(&format!("This week (from Monday {})", week.start)))?;
    out.line(format!(
        "  applications {} · interactions {} · volunteer hours {}",
        week.applications,
        week.interactions,
        crate::output::hours(week.volunteer_hours)
    ))?;
    let applications = weekly_counts(conn, "applications", "applied_on", today)?;
    let interactions = weekly_counts(conn, "interactions", "date", today)?;
    let counts = |weeks: &[(NaiveDate, i64)]| weeks.iter().map(|(_, n)| *n).collect::<Vec<_>>();
    out.line(format!(
        "  last 12 weeks, applications:  {}",
        out.sparkline(&counts(&applications))
    ))?;
    out.line(format!(
        "  last 12 weeks, interactions:  {}",
        out.sparkline(&counts(&interactions))
    ))?;

    if !dashboard.goals.is_empty() {
        out.line("")?;
        out.line(out.heading("Goals"))?;
        for line in goals::progress_lines(&ctx.out, &dashboard.goals) {
            ctx.out.line(line)?;
        }
    }

    out.line("")?;
    out.line(out.heading("Pipeline"))?;
    if dashboard.pipeline.0.iter().all(|(_, n)| *n == 0) {
        out.line("  no active applications")?;
    } else {
        super::apps::print_stage_bars(ctx, &dashboard.pipeline)?;
    }

    out.line("")?;
    out.line(out.heading(&format!("Due through {}", due_through(today))))?;
    if dashboard.due.is_empty() {
        out.line("  nothing due")?;
    } else {
        agenda::print_items(ctx, &dashboard.due, 5)?;
    }

    if !dashboard.certs.is_empty() {
        out.line("")?;
        out.line(out.heading("Credentials"))?;
        super::certs::print_lines(ctx, &dashboard.certs, today)?;
    }
    Ok(())
}
