//! Reports, the agenda and goals: SQL aggregates over every table, handed
//! to `output.rs` to render.
//!
//! One file per report; this file holds the `report` subcommands, the
//! periods (weeks, months) every report shares, and the funnel counts that
//! `report apps` and `report network` both use.

mod agenda;
mod apps;
mod certs;
mod dashboard;
mod html;
mod network;
mod search_log;
mod search_log_page;
mod volunteer;

pub use agenda::{run as agenda, AgendaArgs, AgendaItem, Kind as AgendaKind};
pub use certs::{CertReport, CertsReport};
pub use dashboard::show as show_dashboard;

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use clap::{Args, Subcommand};
use rusqlite::Connection;
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::applications::Status;
use crate::ctx::Ctx;
use crate::dates;
use crate::error::Result;

const REPORT_EXAMPLES: &str = "\
Examples:
  jobtrack report                          the dashboard: this week, goals, pipeline, what is due
  jobtrack report apps --since 2026-09-01  the funnel by source
  jobtrack report apps --by resume         which résumé brings interviews?
  jobtrack report network                  do referrals bring interviews?
  jobtrack report volunteer --by month
  jobtrack report search-log --since -2w --csv > search-log.csv
  jobtrack report --html report.html       everything on one page, to print or open on a phone";

/// `jobtrack report [SUBCOMMAND]`
#[derive(Debug, Args)]
#[command(after_help = REPORT_EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct ReportArgs {
    /// Which report [default: dashboard]
    #[command(subcommand)]
    pub command: Option<ReportCommand>,

    #[command(flatten)]
    pub html: HtmlArgs,
}

/// `--html FILE [--force]`: the dashboard and every report as one page.
#[derive(Debug, Default, Args)]
pub struct HtmlArgs {
    /// Write one self-contained HTML page (dashboard, funnel, weekly activity, goals,
    /// volunteer hours, credentials) to FILE, owner-only
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,

    /// Replace FILE if it exists
    #[arg(long, requires = "html")]
    pub force: bool,
}

/// The reports.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// This week's activity, goals, the pipeline, what is due, credentials
    #[command(
        after_help = "Examples:\n  jobtrack report dashboard\n  jobtrack report dashboard --html report.html"
    )]
    Dashboard(HtmlArgs),
    /// The funnel: applications, responses and interviews by source (or by résumé)
    #[command(
        after_help = "Examples:\n  jobtrack report apps\n  jobtrack report apps --since -3m\n  jobtrack report apps --by resume      which résumé brings interviews?\n  jobtrack report apps --csv > funnel.csv"
    )]
    Apps {
        /// Only applications applied for on or after this date (any date)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: Option<String>,
        /// Group the funnel by where you found the job or by the résumé you sent
        #[arg(long, value_enum, default_value_t = apps::GroupBy::Source)]
        by: apps::GroupBy,
        /// Print the grouped funnel as CSV (spreadsheet-safe)
        #[arg(long)]
        csv: bool,
    },
    /// Contacts, weekly interactions, and referral against non-referral results
    Network,
    /// Tracked credentials: eligibility, exam dates, CEUs in the current cycle, lapses
    Certs,
    /// Volunteer hours by organization or month, ready for a resume
    #[command(
        after_help = "Examples:\n  jobtrack report volunteer\n  jobtrack report volunteer --by month"
    )]
    Volunteer {
        /// Group by organization or by month
        #[arg(long, value_enum, default_value_t = volunteer::GroupBy::Org)]
        by: volunteer::GroupBy,
    },
    /// Every job-search activity in a date range (for unemployment offices)
    #[command(
        after_help = "Examples:\n  jobtrack report search-log\n  jobtrack report search-log --since 2026-11-01 --until 2026-11-30 --csv > november.csv\n  jobtrack report search-log --since -8w --weekly --min 3\n  jobtrack report search-log --since 2026-11-01 --html log.html --name \"Maria Lopez\""
    )]
    SearchLog(search_log::SearchLogArgs),
}

/// Runs `jobtrack report …`.
pub fn report(ctx: &Ctx, args: ReportArgs) -> Result<()> {
    match args.command.unwrap_or(ReportCommand::Dashboard(args.html)) {
        ReportCommand::Dashboard(HtmlArgs {
            html: Some(file),
            force,
        }) => html::run(ctx, &file, force),
        ReportCommand::Dashboard(_) => dashboard::run(ctx),
        ReportCommand::Apps { since, by, csv } => apps::run(ctx, since, by, csv),
        ReportCommand::Network => network::run(ctx),
        ReportCommand::Certs => certs::run(ctx),
        ReportCommand::Volunteer { by } => volunteer::run(ctx, by),
        ReportCommand::SearchLog(args) => search_log::run(ctx, args),
    }
}

/// `part / whole` as a fraction rounded to 4 decimals; `None` when nothing
/// was applied for (a rate of nothing is unknown, not zero).
pub fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

/// Counts per key, printed as a JSON object in the order given (statuses in
/// pipeline order rather than alphabetical).
#[derive(Debug, Clone, Default)]
pub struct Counts(pub Vec<(String, i64)>);

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, count) in &self.0 {
            map.serialize_entry(key, count)?;
        }
        map.end()
    }
}

/// Applications per status for the statuses given (zeros included).
fn status_counts(
    conn: &Connection,
    statuses: &[Status],
    since: Option<NaiveDate>,
) -> Result<Counts> {
    let mut statement = conn.prepare_cached(
        "SELECT count(*) FROM applications
         WHERE status = ?1 AND (?2 IS NULL OR coalesce(applied_on, added_on) >= ?2)",
    )?;
    let mut counts = Vec::new();
    for status in statuses {
        let n: i64 = statement.query_row(rusqlite::params![status, since], |r| r.get(0))?;
        counts.push((status.to_string(), n));
    }
    Ok(Counts(counts))
}

/// The funnel figures of a group of applications applied for.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Funnel {
    /// Applications applied for (`applied_on` set).
    pub applications: i64,
    /// Those that drew a response (screening, interview, offer, accepted, rejected).
    pub responses: i64,
    /// Those that reached an interview (or had one), whatever came after.
    pub interviews: i64,
    /// Those that reached an offer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offers: Option<i64>,
    /// responses / applications.
    pub response_rate: Option<f64>,
    /// interviews / applications.
    pub interview_rate: Option<f64>,
}

impl Funnel {
    fn new(applications: i64, responses: i64, interviews: i64, offers: Option<i64>) -> Self {
        Funnel {
            applications,
            responses,
            interviews,
            offers,
            response_rate: rate(responses, applications),
            interview_rate: rate(interviews, applications),
        }
    }
}

/// A CTE `funnel(id, source, resume_id, referred, applied_on, responded_on,
/// interviewed, offered)` over the applications applied for on or after
/// `?2` (NULL: all; the range also leaves out rows without `applied_on`).
/// `?1` is today: a past or today's `interview` event (the derived
/// `first_interview_on`) counts as an interview and as a response, on its
/// date. One pass over applications, no per-row subquery.
const FUNNEL_CTE: &str = "WITH funnel AS (
    SELECT a.id, a.source, a.resume_id, a.applied_on,
           (EXISTS (SELECT 1 FROM application_contacts ac
                    WHERE ac.application_id = a.id AND ac.role = 'referrer')
            OR a.source IS 'referral') AS referred,
           CASE WHEN a.first_interview_on <= ?1
                THEN min(coalesce(a.responded_on, a.first_interview_on), a.first_interview_on)
                ELSE a.responded_on END AS responded_on,
           (coalesce(a.furthest_status IN {reached_interview}, 0)
            OR coalesce(a.first_interview_on <= ?1, 0)) AS interviewed,
           coalesce(a.furthest_status IN {reached_offer}, 0) AS offered
    FROM applications a
    WHERE a.applied_on >= coalesce(?2, '0000-01-01'))";

/// The sums over `funnel` that make a `Funnel`: applications, responses,
/// interviews, offers.
const FUNNEL_SUMS: &str = "count(*), coalesce(sum(responded_on IS NOT NULL), 0),
    coalesce(sum(interviewed), 0), coalesce(sum(offered), 0)";

/// Reads the four `FUNNEL_SUMS` columns starting at `first`.
fn funnel_from_row(
    row: &rusqlite::Row<'_>,
    first: usize,
    with_offers: bool,
) -> rusqlite::Result<Funnel> {
    Ok(Funnel::new(
        row.get(first)?,
        row.get(first + 1)?,
        row.get(first + 2)?,
        if with_offers {
            Some(row.get(first + 3)?)
        } else {
            None
        },
    ))
}

/// Counts per Monday–Sunday week for the 12 weeks ending with the week
/// holding `today` (oldest first, zeros included). `table` and `column` are
/// fixed names from the callers, never user input.
fn weekly_counts(
    conn: &Connection,
    table: &str,
    column: &str,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, i64)>> {
    let (_, last) = dates::week_of(today);
    let first = dates::week_start(today) - Days::new(7 * 11);
    let sql = format!(
        "SELECT date({column}, printf('-%d days', (strftime('%w', {column}) + 6) % 7)) AS week,
                count(*)
         FROM {table} WHERE {column} BETWEEN ?1 AND ?2 GROUP BY week"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let found = statement
        .query_map(rusqlite::params![first, last], |r| {
            Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, i64>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((0..12)
        .map(|i| {
            let week = first + Days::new(7 * i);
            let count = found
                .iter()
                .find(|(w, _)| *w == week)
                .map_or(0, |(_, n)| *n);
            (week, count)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query plan of `sql`, every parameter bound to NULL.
    fn plan(conn: &Connection, sql: &str) -> Vec<String> {
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let nulls = vec![rusqlite::types::Null; statement.parameter_count()];
        let rows = statement
            .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect()
    }

    #[test]
    fn report_queries_never_scan_applications_or_interactions() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        let mut queries: Vec<String> = agenda::SOURCES
            .iter()
            .map(|(_, sql)| crate::applications::rules_sql(sql))
            .collect();
        queries.push(search_log::ACTIVITIES.to_string());
        queries.extend(
            crate::goals::Metric::ALL
                .iter()
                .map(|m| m.sql().to_string()),
        );
        queries.push(crate::applications::rules_sql(&format!(
            "{FUNNEL_CTE} SELECT source, {FUNNEL_SUMS} FROM funnel GROUP BY source"
        )));
        queries.push(crate::applications::rules_sql(&format!(
            "{FUNNEL_CTE} SELECT {FUNNEL_SUMS} FROM funnel WHERE referred = ?3"
        )));
        queries.push(crate::applications::rules_sql(&format!(
            "{FUNNEL_CTE} SELECT resume_id, {FUNNEL_SUMS} FROM funnel GROUP BY resume_id"
        )));
        queries.push(
            "SELECT count(*) FROM applications
             WHERE status = ?1 AND (?2 IS NULL OR coalesce(applied_on, added_on) >= ?2)"
                .to_string(),
        );
        for sql in &queries {
            for line in plan(&conn, sql) {
                let scans_big_table = [
                    "SCAN a",
                    "SCAN applications",
                    "SCAN i",
                    "SCAN interactions",
                    "SCAN e",
                ]
                .iter()
                .any(|scan| line == *scan || line.starts_with(&format!("{scan} ")));
                assert!(
                    !scans_big_table || line.contains("USING"),
                    "{line} in the plan of:\n{sql}"
                );
            }
        }
    }

    #[test]
    fn rates_are_fractions_or_unknown() {
        assert_eq!(rate(1, 4), Some(0.25));
        assert_eq!(rate(2, 3), Some(0.6667));
        assert_eq!(rate(0, 0), None);
    }
}
