//! Goals: a weekly or monthly target for a metric (applications sent,
//! interactions, new contacts, volunteer hours) and how far along the
//! current period is.

pub mod store;

pub use store::goals;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::dates::{month_of, week_of};
use crate::output::Output;
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

/// A line per goal with a progress bar, as `goal list` and the dashboard
/// print them.
pub fn progress_lines(out: &Output, goals: &[Goal]) -> Vec<String> {
    let width = goals
        .iter()
        .map(|g| g.metric.words().len() + g.period.as_str().len() + 5)
        .max()
        .unwrap_or(0);
    goals
        .iter()
        .map(|goal| {
            let label = format!("{} per {}", goal.metric.words(), goal.period);
            format!(
                "  {label:<width$}  {}",
                out.progress(goal.done, goal.target as f64, 20)
            )
        })
        .collect()
}
