//! Goals: a weekly or monthly target for a metric (applications sent,
//! interactions, new contacts, volunteer hours, interviews, events), how far
//! along the current period is and how past weeks or months went. A metric
//! may have both a weekly and a monthly goal.

pub mod store;

pub use store::goals;

use chrono::NaiveDate;
use serde::Serialize;

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
        /// Interviews (by interview date, up to today)
        Interviews = "interviews",
        /// Events (by date, up to today)
        Events = "events",
        /// Contacts you made with employers (`app contact`, by date, up to today)
        EmployerContacts = "employer_contacts",
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

    /// The periods from the one holding `first_day` to the one holding
    /// `today`, oldest first, each as its first and last day.
    pub fn since(self, first_day: NaiveDate, today: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
        let mut periods = Vec::new();
        let mut day = first_day.min(today);
        loop {
            let (first, last) = self.around(day);
            periods.push((first, last));
            if last >= today {
                return periods;
            }
            day = last + chrono::Days::new(1);
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
    #[serde(serialize_with = "crate::output::whole_if_whole")]
    pub done: f64,
    /// Past periods against the target, oldest first, ending with the
    /// current one (`goal list --weeks N`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<PastPeriod>>,
}

/// One week or month of a goal's history.
#[derive(Debug, Clone, Serialize)]
pub struct PastPeriod {
    /// The period's first day.
    pub start: NaiveDate,
    /// The metric's total in it (up to today for the current period).
    #[serde(serialize_with = "crate::output::whole_if_whole")]
    pub done: f64,
    pub target: i64,
    /// True when the total reached the target.
    pub met: bool,
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
