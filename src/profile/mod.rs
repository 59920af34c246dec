//! Education and work experience: the facts credential eligibility is
//! judged on. `command.rs` holds the `edu` and `work` nouns; this file the
//! types and their SQL.

mod command;

pub use command::{run_edu, run_work, EduClear, EduCommand, EduDates, WorkClear, WorkCommand};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::error::{Error, Result};
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

const EDU_COLUMNS: &str =
    "e.id, o.name, e.level, e.field, e.cahiim_accredited, e.status, e.started_on, e.completed_on";

fn edu_from_row(r: &Row<'_>) -> rusqlite::Result<Education> {
    Ok(Education {
        id: r.get(0)?,
        school: r.get(1)?,
        level: r.get(2)?,
        field: r.get(3)?,
        cahiim_accredited: r.get(4)?,
        status: r.get(5)?,
        started_on: r.get(6)?,
        completed_on: r.get(7)?,
    })
}

/// Every education row, most advanced first.
pub fn education(conn: &Connection) -> Result<Vec<Education>> {
    let sql = format!(
        "SELECT {EDU_COLUMNS} FROM education e LEFT JOIN organizations o ON o.id = e.school_id
         ORDER BY CASE e.level WHEN 'doctorate' THEN 0 WHEN 'master' THEN 1 WHEN 'bachelor' THEN 2
                  WHEN 'associate' THEN 3 ELSE 4 END, e.id"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([], edu_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn require_edu(conn: &Connection, id: i64) -> Result<Education> {
    let sql = format!(
        "SELECT {EDU_COLUMNS} FROM education e LEFT JOIN organizations o ON o.id = e.school_id WHERE e.id = ?1"
    );
    conn.prepare_cached(&sql)?
        .query_row([id], edu_from_row)
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "no education row with id {id} (see 'jobtrack edu list')"
            ))
        })
}

const WORK_COLUMNS: &str = "x.id, o.name, x.title, x.started_on, x.ended_on, x.healthcare, x.notes";

fn work_from_row(r: &Row<'_>) -> rusqlite::Result<Experience> {
    Ok(Experience {
        id: r.get(0)?,
        org: r.get(1)?,
        title: r.get(2)?,
        started_on: r.get(3)?,
        ended_on: r.get(4)?,
        healthcare: r.get(5)?,
        notes: r.get(6)?,
    })
}

/// Every job, most recent first.
pub fn experience(conn: &Connection) -> Result<Vec<Experience>> {
    let sql = format!(
        "SELECT {WORK_COLUMNS} FROM experience x JOIN organizations o ON o.id = x.org_id
         ORDER BY x.ended_on IS NOT NULL, x.ended_on DESC, x.started_on DESC, x.id"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([], work_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn require_work(conn: &Connection, id: i64) -> Result<Experience> {
    let sql = format!(
        "SELECT {WORK_COLUMNS} FROM experience x JOIN organizations o ON o.id = x.org_id WHERE x.id = ?1"
    );
    conn.prepare_cached(&sql)?
        .query_row([id], work_from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no job with id {id} (see 'jobtrack work list')")))
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
