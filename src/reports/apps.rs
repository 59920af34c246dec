//! `report apps`: the application funnel by status and by source, and the
//! median wait for a first response.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{funnel_from_row, status_counts, Counts, Funnel, FUNNEL_CTE, FUNNEL_SUMS};
use crate::applications::Status;
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::Result;
use crate::output::{Column, Tone};

/// The funnel of one source (`None`: applications without a source).
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub source: Option<String>,
    #[serde(flatten)]
    pub funnel: Funnel,
}

/// What `report apps` prints.
#[derive(Debug, Clone, Serialize)]
pub struct AppsReport {
    /// Applications per status, saved ones included.
    pub by_status: Counts,
    /// The funnel per source, largest first.
    pub by_source: Vec<SourceRow>,
    /// Days from applying to the first response (median); null when none.
    pub median_days_to_response: Option<f64>,
}

/// Builds the report over applications applied for (or, in `by_status`,
/// saved) on or after `since`.
pub fn build(conn: &Connection, today: NaiveDate, since: Option<NaiveDate>) -> Result<AppsReport> {
    let by_status = status_counts(conn, Status::ALL, since)?;
    let sql = crate::applications::rules_sql(&format!(
        "{FUNNEL_CTE} SELECT source, {FUNNEL_SUMS} FROM funnel
         GROUP BY source ORDER BY count(*) DESC, source IS NULL, source"
    ));
    let mut statement = conn.prepare_cached(&sql)?;
    let by_source = statement
        .query_map(params![today, since], |r| {
            Ok(SourceRow {
                source: r.get(0)?,
                funnel: funnel_from_row(r, 1, true)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(AppsReport {
        by_status,
        by_source,
        median_days_to_response: median_days_to_response(conn, today, since)?,
    })
}

/// The median of the days from `applied_on` to the first response: the
/// middle value, or the mean of the two middle values for an even count.
fn median_days_to_response(
    conn: &Connection,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Result<Option<f64>> {
    let sql = crate::applications::rules_sql(&format!(
        "{FUNNEL_CTE}, waits AS (
             SELECT julianday(responded_on) - julianday(applied_on) AS days
             FROM funnel WHERE responded_on IS NOT NULL),
         counted AS (SELECT count(*) AS n FROM waits)
         SELECT avg(days) FROM (
             SELECT days FROM waits ORDER BY days
             LIMIT 2 - (SELECT n FROM counted) % 2
             OFFSET ((SELECT n FROM counted) - 1) / 2)"
    ));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![today, since], |r| r.get::<_, Option<f64>>(0))?)
}

/// Runs `report apps [--since DATE]`.
pub fn run(ctx: &Ctx, since: Option<String>) -> Result<()> {
    let today = ctx.today()?;
    let since = ctx.opt_date("--since", since.as_deref())?;
    let conn = ctx.open(Access::Existing)?;
    let report = build(&conn, today, since)?;
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    let out = &ctx.out;
    let title = match since {
        Some(since) => format!("Applications since {since}"),
        None => "Applications".to_string(),
    };
    out.line(out.heading(&title))?;
    print_stage_bars(ctx, &report.by_status)?;
    out.line("")?;
    if report.by_source.is_empty() {
        out.line("No applications sent yet.")?;
        return Ok(());
    }
    let mut table = out.table([
        Column::text("Source", 9),
        Column::whole("Applied", 8),
        Column::whole("Responses", 7),
        Column::whole("Interviews", 6),
        Column::whole("Offers", 5),
        Column::whole("Response rate", 4),
        Column::whole("Interview rate", 3),
    ]);
    for row in &report.by_source {
        let funnel = &row.funnel;
        table.add_row(vec![
            out.cell(row.source.as_deref().unwrap_or("(none)"), Tone::Plain),
            out.number(funnel.applications),
            out.number(funnel.responses),
            out.number(funnel.interviews),
            out.number(funnel.offers.unwrap_or(0)),
            out.number(percent(funnel.response_rate)),
            out.number(percent(funnel.interview_rate)),
        ]);
    }
    out.print_table(&table)?;
    out.line(match report.median_days_to_response {
        Some(days) => format!(
            "Median days to a first response: {}",
            crate::output::hours(days)
        ),
        None => "Median days to a first response: no responses yet".to_string(),
    })
}

/// A bar per status, for the statuses that have applications.
pub fn print_stage_bars(ctx: &Ctx, counts: &Counts) -> Result<()> {
    let max = counts.0.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let width = counts.0.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
    for (status, n) in &counts.0 {
        if *n == 0 {
            continue;
        }
        let tone = status
            .parse::<Status>()
            .map_or(Tone::Plain, crate::applications::status_tone);
        ctx.out.line(format!(
            "  {status:<width$}  {:>4}  {}",
            n,
            ctx.out.bar(*n as f64, max as f64, 30, tone)
        ))?;
    }
    Ok(())
}

/// A rate as a whole percentage ("25%"), or "-" when unknown.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "-".to_string(), |r| format!("{:.0}%", r * 100.0))
}
