//! The SQL of goals and of the metrics they count.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{Goal, Metric, PastPeriod, Period};
use crate::error::Result;

impl Metric {
    /// The SQL that sums the metric from `?1` to `?2` (dates, inclusive).
    pub fn sql(self) -> &'static str {
        match self {
            Metric::Applications => {
                "SELECT count(*) FROM applications WHERE applied_on BETWEEN ?1 AND ?2"
            }
            Metric::Interactions => {
                "SELECT count(*) FROM interactions WHERE date BETWEEN ?1 AND ?2"
            }
            Metric::Contacts => "SELECT count(*) FROM contacts WHERE added_on BETWEEN ?1 AND ?2",
            Metric::VolunteerHours => {
                "SELECT round(coalesce(sum(hours), 0), 2) FROM volunteer_shifts WHERE date BETWEEN ?1 AND ?2"
            }
            Metric::Interviews => {
                "SELECT count(*) FROM application_events
                 WHERE kind = 'interview' AND date BETWEEN ?1 AND ?2"
            }
            Metric::Events => "SELECT count(*) FROM events WHERE date BETWEEN ?1 AND ?2",
            Metric::EmployerContacts => {
                "SELECT count(*) FROM application_events
                 WHERE kind = 'employer_contact' AND direction = 'outbound'
                   AND date BETWEEN ?1 AND ?2"
            }
        }
    }

    /// The metric's total from `first` to `last` (inclusive). Callers
    /// stop `last` at today where planned entries must not count.
    pub fn done(self, conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<f64> {
        Ok(conn
            .prepare_cached(self.sql())?
            .query_row(params![first, last], |r| r.get(0))?)
    }
}

/// Every goal with its progress on `today`, in metric order (a weekly goal
/// before the same metric's monthly one).
pub fn goals(conn: &Connection, today: NaiveDate) -> Result<Vec<Goal>> {
    let order: String = Metric::ALL
        .iter()
        .enumerate()
        .map(|(rank, metric)| format!(" WHEN '{metric}' THEN {rank}"))
        .collect();
    let mut statement = conn.prepare_cached(&format!(
        "SELECT metric, period, target FROM goals
         ORDER BY CASE metric{order} END, period = 'month'"
    ))?;
    let rows = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<(Metric, Period, i64)>>>()?;
    rows.into_iter()
        .map(|(metric, period, target)| with_progress(conn, metric, period, target, today))
        .collect()
}

/// A goal with the progress of the period holding `today` (entries dated
/// after today, such as a planned interview, do not count yet).
pub fn with_progress(
    conn: &Connection,
    metric: Metric,
    period: Period,
    target: i64,
    today: NaiveDate,
) -> Result<Goal> {
    let (first, last) = period.around(today);
    Ok(Goal {
        metric,
        period,
        target,
        done: metric.done(conn, first, last.min(today))?,
        history: None,
    })
}

/// The goal's periods from the one holding `first_day` to the current one,
/// each with its total against the target.
pub fn history(
    conn: &Connection,
    goal: &Goal,
    first_day: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<PastPeriod>> {
    goal.period
        .since(first_day, today)
        .into_iter()
        .map(|(first, last)| {
            let done = goal.metric.done(conn, first, last.min(today))?;
            Ok(PastPeriod {
                start: first,
                done,
                target: goal.target,
                met: done >= goal.target as f64,
            })
        })
        .collect()
}

/// Sets (or replaces) the goal for a metric and period.
pub fn set(conn: &Connection, metric: Metric, period: Period, target: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO goals (metric, period, target) VALUES (?1, ?2, ?3)
         ON CONFLICT (metric, period) DO UPDATE SET target = excluded.target",
        params![metric, period, target],
    )?;
    Ok(())
}

/// Removes a metric's goal for `period`, or for both periods when `None`;
/// returns the periods removed (empty when there was none).
pub fn delete(conn: &Connection, metric: Metric, period: Option<Period>) -> Result<Vec<Period>> {
    let mut statement = conn.prepare_cached(
        "DELETE FROM goals WHERE metric = ?1 AND (?2 IS NULL OR period = ?2)
         RETURNING period",
    )?;
    let rows = statement.query_map(params![metric, period], |r| r.get(0))?;
    let mut removed = rows.collect::<rusqlite::Result<Vec<Period>>>()?;
    removed.sort_by_key(|period| *period == Period::Month);
    Ok(removed)
}
