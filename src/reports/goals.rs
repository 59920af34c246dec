//! `goal set|list|rm`: weekly or monthly targets and how far along this
//! period is.

use chrono::NaiveDate;
use clap::Subcommand;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Serialize, Serializer};

use crate::ctx::Ctx;
use crate::dates::{month_of, week_of};
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::text_enum;

text_enum! {
    /// What a goal counts.
    pub enum Metric {
        /// Applications sent (by applied date)
        Applications = "applications",
        /// Interactions with contacts (by date)
        Interactions = "interactions",
        /// New contacts (by date added)
        Contacts = "contacts",
        /// Volunteer hours (by shift date)
        VolunteerHours = "volunteer_hours",
    }
}

text_enum! {
    /// The period a goal's target is for.
    pub enum Period {
        /// Monday to Sunday, the week holding today
        Week = "week",
        /// The calendar month holding today
        Month = "month",
    }
}

impl Metric {
    /// The SQL that sums the metric from `?1` to `?2` (dates, inclusive).
    pub(super) fn sql(self) -> &'static str {
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

    /// The unit for people: "applications", "volunteer hours".
    fn words(self) -> &'static str {
        match self {
            Metric::VolunteerHours => "volunteer hours",
            other => other.as_str(),
        }
    }
}

impl Period {
    /// The first and last day of this period holding `today`.
    pub fn around(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        match self {
            Period::Week => week_of(today),
            Period::Month => month_of(today),
        }
    }
}

/// A goal and the progress of the current period.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub metric: Metric,
    pub period: Period,
    pub target: i64,
    /// The metric's total so far in the period holding today.
    #[serde(serialize_with = "whole_if_whole")]
    pub done: f64,
}

/// Counts print as integers, hours with their decimals.
fn whole_if_whole<S: Serializer>(
    value: &f64,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
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

fn with_progress(
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

const GOAL_EXAMPLES: &str = "\
Examples:
  jobtrack goal set applications 10 --per week
  jobtrack goal set volunteer_hours 16 --per month
  jobtrack goal list
  jobtrack goal rm contacts";

/// `jobtrack goal …`
#[derive(Debug, Subcommand)]
#[command(after_help = GOAL_EXAMPLES)]
pub enum GoalCommand {
    /// Set (or replace) the target for a metric
    #[command(after_help = GOAL_EXAMPLES)]
    Set {
        /// What to count
        #[arg(value_enum)]
        metric: Metric,
        /// The target per period (a whole number above 0)
        #[arg(allow_hyphen_values = true)]
        target: String,
        /// The period the target is for
        #[arg(long, value_enum)]
        per: Period,
    },
    /// The goals and how far along this week or month is
    List,
    /// Remove a metric's goal
    Rm {
        /// The metric whose goal to remove
        #[arg(value_enum)]
        metric: Metric,
    },
}

/// Runs `goal …`.
pub fn run(ctx: &Ctx, command: GoalCommand) -> Result<()> {
    match command {
        GoalCommand::Set {
            metric,
            target,
            per,
        } => set(ctx, metric, &target, per),
        GoalCommand::List => list(ctx),
        GoalCommand::Rm { metric } => remove(ctx, metric),
    }
}

fn set(ctx: &Ctx, metric: Metric, target_text: &str, period: Period) -> Result<()> {
    let target = target_text
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|t| *t > 0)
        .ok_or_else(|| Error::invalid("target", target_text, "a whole number above 0"))?;
    let today = ctx.today()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    tx.execute(
        "INSERT INTO goals (metric, period, target) VALUES (?1, ?2, ?3)
         ON CONFLICT (metric) DO UPDATE SET period = excluded.period, target = excluded.target",
        params![metric, period, target],
    )?;
    let goal = with_progress(&tx, metric, period, target, today)?;
    db::commit(tx)?;
    let message = format!(
        "Goal set: {} {} per {} ({} so far this {})",
        target,
        metric.words(),
        period,
        crate::output::hours(goal.done),
        period
    );
    // Goals have no id; `-q` prints the metric they are keyed by.
    if ctx.out.quiet && !ctx.out.json {
        return ctx.out.line(metric.as_str());
    }
    ctx.out.written(0, &message, || Ok(goal))
}

fn list(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let goals = goals(&conn, today)?;
    if ctx.out.json {
        return ctx.out.print_json(&goals);
    }
    if goals.is_empty() {
        return ctx
            .out
            .line("No goals yet. Set one: jobtrack goal set applications 10 --per week");
    }
    print_goals(ctx, &goals)
}

/// A line per goal with a progress bar.
pub fn print_goals(ctx: &Ctx, goals: &[Goal]) -> Result<()> {
    let width = goals
        .iter()
        .map(|g| g.metric.words().len() + g.period.as_str().len() + 5)
        .max()
        .unwrap_or(0);
    for goal in goals {
        let label = format!("{} per {}", goal.metric.words(), goal.period);
        ctx.out.line(format!(
            "  {label:<width$}  {}",
            ctx.out.progress(goal.done, goal.target as f64, 20)
        ))?;
    }
    Ok(())
}

fn remove(ctx: &Ctx, metric: Metric) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let found: Option<String> = tx
        .query_row(
            "SELECT metric FROM goals WHERE metric = ?1",
            [metric],
            |r| r.get(0),
        )
        .optional()?;
    if found.is_none() {
        return Err(Error::NotFound(format!(
            "no goal for {metric} (see 'jobtrack goal list')"
        )));
    }
    tx.execute("DELETE FROM goals WHERE metric = ?1", [metric])?;
    db::commit(tx)?;
    if ctx.out.json {
        ctx.out
            .print_json(&serde_json::json!({"metric": metric, "removed": true}))
    } else if ctx.out.quiet {
        ctx.out.line(metric.as_str())
    } else {
        ctx.out.line(format!("Removed the {} goal", metric.words()))
    }
}
