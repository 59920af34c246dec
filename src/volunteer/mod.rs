//! Volunteer shifts: where, when, how many hours, in what role.

pub mod store;

pub use store::{hours_at, shift, shifts_at};

use chrono::NaiveDate;
use serde::Serialize;

/// One volunteer shift (organization by name).
#[derive(Debug, Clone, Serialize)]
pub struct Shift {
    pub id: i64,
    pub org: String,
    pub date: NaiveDate,
    pub hours: f64,
    pub role: Option<String>,
    pub notes: Option<String>,
}

/// Hours at one organization, for the totals.
#[derive(Debug, Clone, Serialize)]
pub struct OrgHours {
    pub org: String,
    pub hours: f64,
    pub shifts: i64,
}

/// What `volunteer list --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ShiftList {
    pub shifts: Vec<Shift>,
    pub total_hours: f64,
    pub by_org: Vec<OrgHours>,
}
