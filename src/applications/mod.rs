//! The `app` noun: job applications and their dated history.
//!
//! `command.rs` holds the clap subcommands, `view.rs` list and show,
//! `write.rs` the writes and their rules, `store.rs` the SQL;
//! this file holds the types and the rules they carry.

mod command;
pub mod store;
mod view;
mod write;

pub use command::{run, AppCommand};
pub use view::{detail, status_tone};

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::network::Contact;
use crate::text_enum;

text_enum! {
    /// Where an application stands. The first five are active, the rest closed.
    pub enum Status {
        /// A posting kept for later; not applied for yet
        Saved = "saved",
        /// Application sent
        Applied = "applied",
        /// A recruiter or phone screen
        Screening = "screening",
        /// Interviewing
        Interview = "interview",
        /// An offer is on the table
        Offer = "offer",
        /// Offer accepted
        Accepted = "accepted",
        /// Turned down by the employer
        Rejected = "rejected",
        /// Withdrawn by you
        Withdrawn = "withdrawn",
        /// No answer, ever
        Ghosted = "ghosted",
    }
}

impl Status {
    /// The active statuses: the search is still going.
    pub const ACTIVE: &'static [Status] = &[
        Status::Saved,
        Status::Applied,
        Status::Screening,
        Status::Interview,
        Status::Offer,
    ];

    /// The closed statuses.
    pub const CLOSED: &'static [Status] = &[
        Status::Accepted,
        Status::Rejected,
        Status::Withdrawn,
        Status::Ghosted,
    ];

    /// True for `saved` through `offer`.
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }

    /// Days after entering this status that a follow-up falls due, for the
    /// statuses that set one (applied 7, interview 4, offer 2).
    pub fn follow_up_days(self) -> Option<u64> {
        match self {
            Status::Applied => Some(7),
            Status::Interview => Some(4),
            Status::Offer => Some(2),
            _ => None,
        }
    }

    /// True for the statuses whose quiet spell makes an application stale.
    pub fn can_go_stale(self) -> bool {
        matches!(
            self,
            Status::Applied | Status::Screening | Status::Interview
        )
    }
}

text_enum! {
    /// Where the work happens.
    pub enum WorkMode {
        Onsite = "onsite",
        Hybrid = "hybrid",
        Remote = "remote",
    }
}

text_enum! {
    /// The kinds of dated entry in an application's history.
    pub enum EventKind {
        /// A status change (the first one has no `from_status`)
        Status = "status",
        /// An interview, past or planned
        Interview = "interview",
        /// A free-text note
        Note = "note",
        /// The follow-up date changed (note: the new date or `cleared`)
        FollowUp = "follow_up",
    }
}

/// Days without activity after which an applied/screening/interview
/// application counts as stale.
pub const STALE_DAYS: i64 = 21;

/// An application as stored (organization by name).
#[derive(Debug, Clone, Serialize)]
pub struct Application {
    pub id: i64,
    pub org: String,
    pub title: String,
    pub status: Status,
    pub source: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<WorkMode>,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    pub applied_on: Option<NaiveDate>,
    pub follow_up_on: Option<NaiveDate>,
    pub referral_contact_id: Option<i64>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    #[serde(skip)]
    pub org_id: i64,
    #[serde(skip)]
    pub stage_since: Option<NaiveDate>,
    #[serde(skip)]
    pub last_activity_on: Option<NaiveDate>,
}

impl Application {
    /// Days since the latest status change.
    pub fn days_in_stage(&self, today: NaiveDate) -> Option<i64> {
        self.stage_since.map(|d| (today - d).num_days().max(0))
    }

    /// Days since the latest activity (never negative: a planned interview
    /// counts as activity today).
    pub fn days_quiet(&self, today: NaiveDate) -> Option<i64> {
        self.last_activity_on.map(|d| (today - d).num_days().max(0))
    }

    /// True when the application waits on the employer and has been quiet
    /// for `STALE_DAYS` or more.
    pub fn is_stale(&self, today: NaiveDate) -> bool {
        self.status.can_go_stale() && self.days_quiet(today).is_some_and(|d| d >= STALE_DAYS)
    }
}

/// One dated entry of an application's history.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EventKind,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub note: Option<String>,
}

/// An application with everything `app show` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ApplicationDetail {
    #[serde(flatten)]
    pub application: Application,
    pub events: Vec<Event>,
    pub referral: Option<Contact>,
    pub requires: Vec<String>,
    pub prefers: Vec<String>,
    pub contacts_here: Vec<Contact>,
}

/// A row of `app list`.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    #[serde(flatten)]
    pub application: Application,
    pub days_in_stage: Option<i64>,
    pub days_quiet: Option<i64>,
}

/// The accepted salary forms, for error messages.
pub const SALARY_FORMS: &str =
    "an amount or a range: 45000, 45k, 42,000-48,000 or 42k-48k (whole units, not negative)";

/// Parses `--salary`: `N` or `N-M`, each with an optional `k` and thousands
/// separators; `N` alone sets both ends.
pub fn parse_salary(text: &str) -> Result<(i64, i64)> {
    let invalid = || Error::invalid("--salary", text, SALARY_FORMS);
    let cleaned: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let (low, high) = match cleaned.split_once('-') {
        Some((low, high)) => (low, Some(high)),
        None => (cleaned.as_str(), None),
    };
    let low = parse_amount(low).ok_or_else(invalid)?;
    let high = match high {
        Some(high) => parse_amount(high).ok_or_else(invalid)?,
        None => low,
    };
    if low > high {
        return Err(Error::Input(format!(
            "invalid --salary {text:?}: the minimum {low} is above the maximum {high}"
        )));
    }
    Ok((low, high))
}

fn parse_amount(text: &str) -> Option<i64> {
    let text = text.strip_prefix('$').unwrap_or(text);
    let (number, thousands) = match text.strip_suffix(['k', 'K']) {
        Some(number) => (number, true),
        None => (text, false),
    };
    // A comma must separate thousands (42,000): "45,00" is a typo or a
    // decimal comma, and guessing would store the wrong pay.
    let whole_part = number.split('.').next().unwrap_or("");
    if whole_part.contains(',') {
        let mut groups = whole_part.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits: String = number.chars().filter(|c| *c != ',' && *c != '_').collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    if thousands {
        let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
        if whole.is_empty() && fraction.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || fraction.len() > 3
        {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let fraction_value: i64 = format!("{fraction:0<3}").parse().ok()?;
        whole.checked_mul(1000)?.checked_add(fraction_value)
    } else {
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

/// Normalizes a credential code typed for `--requires`/`--prefers`.
pub fn parse_code(field: &str, text: &str) -> Result<String> {
    let code = text.trim().to_ascii_uppercase();
    let valid = !code.is_empty()
        && code.len() <= 20
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(code)
    } else {
        Err(Error::invalid(
            field,
            text,
            "a credential code of letters, digits and '-' (like RHIT or CCS-P)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salary_forms() {
        assert_eq!(parse_salary("42000-48000").unwrap(), (42000, 48000));
        assert_eq!(parse_salary("45000").unwrap(), (45000, 45000));
        assert_eq!(parse_salary("42k-48k").unwrap(), (42000, 48000));
        assert_eq!(parse_salary("42,000 - 48,000").unwrap(), (42000, 48000));
        assert_eq!(parse_salary("$52.5k").unwrap(), (52500, 52500));
        assert_eq!(parse_salary("0").unwrap(), (0, 0));
    }

    #[test]
    fn salary_refusals() {
        for bad in [
            "",
            "abc",
            "-5",
            "42000-",
            "k",
            "1.5",
            "48k-42k",
            "4e5",
            "42000-48000-50000",
        ] {
            let err = parse_salary(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            assert!(err.to_string().contains("--salary"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn statuses_round_trip_and_classify() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>().unwrap(), *status);
        }
        assert_eq!("Interview".parse::<Status>().unwrap(), Status::Interview);
        assert!("hired-ish"
            .parse::<Status>()
            .unwrap_err()
            .contains("saved, applied"));
        assert_eq!(
            Status::ACTIVE.len() + Status::CLOSED.len(),
            Status::ALL.len()
        );
        assert!(Status::Offer.is_active() && !Status::Ghosted.is_active());
        assert_eq!(Status::Applied.follow_up_days(), Some(7));
        assert_eq!(Status::Screening.follow_up_days(), None);
    }

    #[test]
    fn codes_are_upper_cased() {
        assert_eq!(parse_code("--requires", " rhit ").unwrap(), "RHIT");
        assert_eq!(parse_code("--requires", "ccs-p").unwrap(), "CCS-P");
        assert!(parse_code("--requires", "R H").is_err());
    }
}
