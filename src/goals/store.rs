//! The SQL of goals and of the metrics they count.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{Goal, Metric, Period};
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
        }
    }

    /// The metric's total from `first` to `last` (inclusive).
    pub fn done(self, conn: &Connection, first: NaiveDate, last: NaiveDate) -> Result<f64> {
        Ok(conn
            .prepare_cached(self.sql())?
            .query_row(params![first, last], |r| r.get(0))?)
    }
}

/// Every goal with its progress on `today`, in metric order.
pub fn goals(conn: &Connection, today: NaiveDate) -> Result<Vec<Goal>> {
    let mut statement = conn.prepare_cached(
        "SELECT metric, period, target FROM goals ORDER BY CASE metric
             WHEN 'applications' THEN 0 WHEN 'interactions' THEN 1 WHEN 'contacts' THEN 2 ELSE 3 END",
    )?;
    let rows = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<(Metric, Period, i64)>>>()?;
    rows.into_iter()
        .map(|(metric, period, target)| with_progress(conn, metric, period, target, today))
        .collect()
}

/// A goal with the progress of the period holding `today`.
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
        done: metric.done(conn, first, last)?,
    })
}

/// Sets (or replaces) the goal for a metric.
pub fn set(conn: &Connection, metric: Metric, period: Period, target: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO goals (metric, period, target) VALUES (?1, ?2, ?3)
         ON CONFLICT (metric) DO UPDATE SET period = excluded.period, target = excluded.target",
        params![metric, period, target],
    )?;
    Ok(())
}

/// Removes a metric's goal; false when it had none.
pub fn delete(conn: &Connection, metric: Metric) -> Result<bool> {
    let found: Option<String> = conn
        .query_row(
            "SELECT metric FROM goals WHERE metric = ?1",
            [metric],
            |r| r.get(0),
        )
        .optional()?;
    if found.is_none() {
        return Ok(false);
    }
    conn.execute("DELETE FROM goals WHERE metric = ?1", [metric])?;
    Ok(true)
}
