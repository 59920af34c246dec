//! CEU entries one at a time: listed with their ids, corrected and removed
//! (`cert ceus`, `cert ceu-edit`, `cert ceu-rm`). Progress against a cycle
//! is `tracking`'s.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::error::{Error, Result};

/// One logged CEU entry.
#[derive(Debug, Clone, Serialize)]
pub struct Ceu {
    pub id: i64,
    /// The credential's code.
    pub code: String,
    pub date: NaiveDate,
    pub hours: f64,
    pub title: Option<String>,
    pub provider: Option<String>,
}

const COLUMNS: &str = "c.id, t.code, c.date, c.hours, c.title, c.provider";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Ceu> {
    Ok(Ceu {
        id: r.get(0)?,
        code: r.get(1)?,
        date: r.get(2)?,
        hours: r.get(3)?,
        title: r.get(4)?,
        provider: r.get(5)?,
    })
}

/// The CEU entries of one credential (or of all), newest first.
pub fn list(conn: &Connection, code: Option<&str>) -> Result<Vec<Ceu>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM ceus c JOIN certifications t ON t.id = c.certification_id
         WHERE ?1 IS NULL OR t.code = ?1 ORDER BY c.date DESC, c.id DESC"
    ))?;
    let rows = statement.query_map([code], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The CEU entry `id`, or exit 2 saying where the ids are shown.
pub fn require(conn: &Connection, id: i64) -> Result<Ceu> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM ceus c JOIN certifications t ON t.id = c.certification_id WHERE c.id = ?1"
        ),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!(
            "no CEU entry {id} (the ids are in 'jobtrack cert ceus')"
        ))
    })
}

/// Overwrites an entry's date, hours, title and provider.
pub fn update(conn: &Connection, ceu: &Ceu) -> Result<()> {
    conn.execute(
        "UPDATE ceus SET date = ?2, hours = ?3, title = ?4, provider = ?5 WHERE id = ?1",
        params![ceu.id, ceu.date, ceu.hours, ceu.title, ceu.provider],
    )?;
    Ok(())
}

/// Deletes one entry.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM ceus WHERE id = ?1", [id])?;
    Ok(())
}
