//! `jobtrack goal …`: set, list and remove weekly or monthly targets.

use clap::Subcommand;

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::goals::{goals, progress_lines, store, Metric, Period};

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
        /// Only the goal for this period
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
        GoalCommand::List => list(ctx),
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
    for line in progress_lines(&ctx.out, &goals) {
        ctx.out.line(line)?;
    }
    Ok(())
}

fn remove(ctx: &Ctx, metric: Metric, per: Option<Period>) -> Result<()> {
    let today = ctx.today()?;
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    if let Some(per) = per {
        let held = store::goals(&tx, today)?
            .into_iter()
            .find(|g| g.metric == metric)
            .map(|g| g.period);
        if held.is_some_and(|period| period != per) {
            return Err(Error::NotFound(format!(
                "no {per} goal for {metric}; its goal is per {} (see 'jobtrack goal list')",
                held.map_or(String::new(), |p| p.to_string())
            )));
        }
    }
    if !store::delete(&tx, metric)? {
        return Err(Error::NotFound(format!(
            "no goal for {metric} (see 'jobtrack goal list')"
        )));
    }
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
