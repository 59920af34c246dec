//! `jobtrack goal …`: set, list and remove weekly or monthly targets.

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::goals::{goals, progress_lines, store, Goal, Metric, Period};
use crate::output::hours;

const GOAL_EXAMPLES: &str = "\
Examples:
  jobtrack goal set applications 10 --per week
  jobtrack goal set volunteer_hours 16 --per month
  jobtrack goal set interviews 2 --per month
  jobtrack goal list
  jobtrack goal list --weeks 8
  jobtrack goal rm contacts --per week";

/// `jobtrack goal …`
#[derive(Debug, Subcommand)]
#[command(after_help = GOAL_EXAMPLES)]
pub enum GoalCommand {
    /// Set (or replace) the target for a metric and period (a metric may have both a weekly and
    /// a monthly goal)
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
    List {
        /// Also show the last N weeks (the current one included) against each goal: weekly goals
        /// week by week, monthly goals by the months those weeks touch
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        weeks: Option<String>,
    },
    /// Remove a metric's goal
    Rm {
        /// The metric whose goal to remove
        #[arg(value_enum)]
        metric: Metric,
        /// Only the weekly or the monthly goal [default: both]
        #[arg(long, value_enum)]
        per: Option<Period>,
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
        GoalCommand::List { weeks } => list(ctx, weeks.as_deref()),
        GoalCommand::Rm { metric, per } => remove(ctx, metric, per),
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
    store::set(&tx, metric, period, target)?;
    let goal = store::with_progress(&tx, metric, period, target, today)?;
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

/// The most weeks `goal list --weeks` looks back.
const MAX_WEEKS: i64 = 520;

fn list(ctx: &Ctx, weeks: Option<&str>) -> Result<()> {
    let weeks = weeks
        .map(|text| {
            text.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=MAX_WEEKS).contains(n))
                .ok_or_else(|| {
                    Error::invalid(
                        "--weeks",
                        text,
                        format!("a whole number of weeks from 1 to {MAX_WEEKS}"),
                    )
                })
        })
        .transpose()?;
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let mut goals = goals(&conn, today)?;
    if let Some(weeks) = weeks {
        let first_day = crate::dates::week_start(today) - chrono::Days::new((weeks as u64 - 1) * 7);
        for goal in &mut goals {
            goal.history = Some(store::history(&conn, goal, first_day, today)?);
        }
    }
    if ctx.out.json {
        return ctx.out.print_json(&goals);
    }
    if goals.is_empty() {
        return ctx
            .out
            .line("No goals yet. Set one: jobtrack goal set applications 10 --per week");
    }
    for (goal, line) in goals.iter().zip(progress_lines(&ctx.out, &goals)) {
        ctx.out.line(line)?;
        print_history(ctx, goal)?;
    }
    Ok(())
}

/// The past periods of a goal under its progress line, one a line, the
/// current one marked as so far.
fn print_history(ctx: &Ctx, goal: &Goal) -> Result<()> {
    let Some(history) = &goal.history else {
        return Ok(());
    };
    let count = history.len();
    for (index, past) in history.iter().enumerate() {
        let label = match goal.period {
            Period::Week => format!("week of {}", past.start),
            Period::Month => past.start.format("%B %Y").to_string(),
        };
        let verdict = match (past.met, index + 1 == count) {
            (true, _) => "met",
            (false, true) => "so far",
            (false, false) => "missed",
        };
        ctx.out.line(format!(
            "      {label:<19} {:>5} of {}  {verdict}",
            hours(past.done),
            past.target
        ))?;
    }
    Ok(())
}

fn remove(ctx: &Ctx, metric: Metric, period: Option<Period>) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let removed = store::delete(&tx, metric, period)?;
    if removed.is_empty() {
        let which = period.map_or(String::new(), |p| format!(" per {p}"));
        return Err(Error::NotFound(format!(
            "no goal for {metric}{which} (see 'jobtrack goal list')"
        )));
    }
    db::commit(tx)?;
    if ctx.out.json {
        ctx.out
            .print_json(&serde_json::json!({"metric": metric, "periods": removed, "removed": true}))
    } else if ctx.out.quiet {
        ctx.out.line(metric.as_str())
    } else {
        let periods: Vec<String> = removed.iter().map(|p| format!("{p}ly")).collect();
        ctx.out.line(format!(
            "Removed the {} {} goal{}",
            periods.join(" and "),
            metric.words(),
            if removed.len() > 1 { "s" } else { "" }
        ))
    }
}
