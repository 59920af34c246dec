//! Education and work experience: the facts credential eligibility is
//! judged on, and the years of experience they add up to.

pub mod store;

pub use store::{education, experience, require_edu, require_work};

use chrono::NaiveDate;
use serde::Serialize;

use crate::text_enum;

text_enum! {
    /// A degree or program level.
    pub enum Level {
        /// A certificate program (a post-bachelor's HIM certificate, a coding certificate, …)
        Certificate = "certificate",
        /// An associate's degree
        Associate = "associate",
        /// A bachelor's degree
        Bachelor = "bachelor",
        /// A master's degree
        Master = "master",
        /// A doctorate
        Doctorate = "doctorate",
    }
}

impl Level {
    /// How a sentence names a program of this level: "associate's".
    pub fn possessive(self) -> &'static str {
        match self {
            Level::Certificate => "certificate",
            Level::Associate => "associate's",
            Level::Bachelor => "bachelor's",
            Level::Master => "master's",
            Level::Doctorate => "doctorate",
        }
    }
}

text_enum! {
    /// Where a program stands.
    pub enum EduStatus {
        /// Not started yet
        Planned = "planned",
        /// Studying
        Enrolled = "enrolled",
        /// In the final term (AHIMA lets CAHIIM students sit the RHIT/RHIA now)
        FinalTerm = "final_term",
        /// Finished
        Completed = "completed",
    }
}

/// An education row (school by name).
#[derive(Debug, Clone, Serialize)]
pub struct Education {
    pub id: i64,
    pub school: Option<String>,
    pub level: Level,
    pub field: String,
    pub cahiim_accredited: bool,
    pub status: EduStatus,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
}

/// A job (organization by name); `ended_on` empty means current.
#[derive(Debug, Clone, Serialize)]
pub struct Experience {
    pub id: i64,
    pub org: String,
    pub title: String,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub healthcare: bool,
    pub notes: Option<String>,
}

/// "associate's in Health Information Technology (CAHIIM), completed 2025-05-15".
pub fn describe_edu(edu: &Education) -> String {
    let mut text = format!("{} in {}", edu.level.possessive(), edu.field);
    if edu.cahiim_accredited {
        text.push_str(" (CAHIIM)");
    }
    if let Some(school) = &edu.school {
        text.push_str(&format!(" at {school}"));
    }
    match (edu.status, edu.completed_on) {
        (EduStatus::Completed, Some(date)) => text.push_str(&format!(", completed {date}")),
        (status, _) => text.push_str(&format!(", {status}")),
    }
    text
}

/// Years of experience, in hundredths of a year (the 2-decimal rounding of
/// `credentials.md` is done once, here, before any comparison).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Years {
    /// All experience, overlaps counted once.
    pub total: i64,
    /// Healthcare experience, overlaps counted once.
    pub healthcare: i64,
}

impl Years {
    /// The years of a list of jobs as of `today`: days in the union of the
    /// ranges (first and last day included; an open range and any range
    /// reaching past today stop at today) ÷ 365.25, to 2 decimals.
    pub fn of(jobs: &[Experience], today: NaiveDate) -> Years {
        let all: Vec<_> = jobs.iter().map(|j| (j.started_on, j.ended_on)).collect();
        let healthcare: Vec<_> = jobs
            .iter()
            .filter(|j| j.healthcare)
            .map(|j| (j.started_on, j.ended_on))
            .collect();
        Years {
            total: hundredths(union_days(&all, today)),
            healthcare: hundredths(union_days(&healthcare, today)),
        }
    }

    /// "3.08".
    pub fn total_text(&self) -> String {
        years_text(self.total)
    }

    /// "2.49".
    pub fn healthcare_text(&self) -> String {
        years_text(self.healthcare)
    }
}

/// Hundredths of a year as "2.49".
pub fn years_text(hundredths: i64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// The number of days in the union of inclusive ranges, each ending at
/// `end` or (when open) today, and never counting days after today.
pub fn union_days(ranges: &[(NaiveDate, Option<NaiveDate>)], today: NaiveDate) -> i64 {
    let mut clipped: Vec<(NaiveDate, NaiveDate)> = ranges
        .iter()
        .map(|&(start, end)| (start, end.unwrap_or(today).min(today)))
        .filter(|(start, end)| start <= end)
        .collect();
    clipped.sort();
    let mut days = 0;
    let mut current: Option<(NaiveDate, NaiveDate)> = None;
    for (start, end) in clipped {
        current = match current {
            // Overlapping or touching: extend the run.
            Some((run_start, run_end)) if (start - run_end).num_days() <= 1 => {
                Some((run_start, run_end.max(end)))
            }
            Some((run_start, run_end)) => {
                days += (run_end - run_start).num_days() + 1;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((run_start, run_end)) = current {
        days += (run_end - run_start).num_days() + 1;
    }
    days
}

/// Days as hundredths of a year: ÷ 365.25, rounded to 2 decimals.
pub fn hundredths(days: i64) -> i64 {
    (days as f64 * 100.0 / 365.25).round() as i64
}
