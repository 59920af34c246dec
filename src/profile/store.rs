//! The SQL of education and experience.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{EduStatus, Education, Experience, Level};
use crate::error::{Error, Result};

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

/// The education row with this id (exit 2 when there is none).
pub fn require_edu(conn: &Connection, id: i64) -> Result<Education> {
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

/// The job with this id (exit 2 when there is none).
pub fn require_work(conn: &Connection, id: i64) -> Result<Experience> {
    let sql = format!(
        "SELECT {WORK_COLUMNS} FROM experience x JOIN organizations o ON o.id = x.org_id WHERE x.id = ?1"
    );
    conn.prepare_cached(&sql)?
        .query_row([id], work_from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no job with id {id} (see 'jobtrack work list')")))
}

/// An education row to write.
pub struct EduRow<'a> {
    pub school_id: Option<i64>,
    pub level: Level,
    pub field: &'a str,
    pub cahiim: bool,
    pub status: EduStatus,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
}

/// Writes an education row: updates `id`, or inserts one when `id` is
/// `None`; returns its id.
pub fn save_edu(conn: &Connection, id: Option<i64>, row: &EduRow<'_>) -> Result<i64> {
    let values = params![
        row.school_id,
        row.level,
        row.field,
        row.cahiim,
        row.status,
        row.started_on,
        row.completed_on,
        id
    ];
    match id {
        Some(id) => {
            conn.prepare_cached(
                "UPDATE education SET school_id = ?1, level = ?2, field = ?3, cahiim_accredited = ?4,
                     status = ?5, started_on = ?6, completed_on = ?7 WHERE id = ?8",
            )?
            .execute(values)?;
            Ok(id)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO education (school_id, level, field, cahiim_accredited, status, started_on, completed_on, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(values)?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// A job to write.
pub struct WorkRow<'a> {
    pub org_id: i64,
    pub title: &'a str,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub healthcare: bool,
    pub notes: Option<&'a str>,
}

/// Writes a job: updates `id`, or inserts one when `id` is `None`; returns
/// its id.
pub fn save_work(conn: &Connection, id: Option<i64>, row: &WorkRow<'_>) -> Result<i64> {
    let values = params![
        row.org_id,
        row.title,
        row.started_on,
        row.ended_on,
        row.healthcare,
        row.notes,
        id
    ];
    match id {
        Some(id) => {
            conn.prepare_cached(
                "UPDATE experience SET org_id = ?1, title = ?2, started_on = ?3, ended_on = ?4,
                     healthcare = ?5, notes = ?6 WHERE id = ?7",
            )?
            .execute(values)?;
            Ok(id)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO experience (org_id, title, started_on, ended_on, healthcare, notes, id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(values)?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// Deletes an education row.
pub fn delete_edu(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM education WHERE id = ?1", [id])?;
    Ok(())
}

/// Deletes a job.
pub fn delete_work(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM experience WHERE id = ?1", [id])?;
    Ok(())
}
