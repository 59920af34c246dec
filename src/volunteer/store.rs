//! The SQL of volunteer shifts.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::{OrgHours, Shift};
use crate::error::Result;

const SHIFT_COLUMNS: &str = "v.id, o.name, v.date, v.hours, v.role, v.notes";

fn shift_from_row(r: &Row<'_>) -> rusqlite::Result<Shift> {
    Ok(Shift {
        id: r.get(0)?,
        org: r.get(1)?,
        date: r.get(2)?,
        hours: r.get(3)?,
        role: r.get(4)?,
        notes: r.get(5)?,
    })
}

/// The shift with this id.
pub fn shift(conn: &Connection, id: i64) -> Result<Option<Shift>> {
    let sql = format!(
        "SELECT {SHIFT_COLUMNS} FROM volunteer_shifts v JOIN organizations o ON o.id = v.org_id WHERE v.id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], shift_from_row)
        .optional()?)
}

/// Total hours logged at an organization.
pub fn hours_at(conn: &Connection, org_id: i64) -> Result<f64> {
    let total: f64 = conn
        .prepare_cached(
            "SELECT coalesce(round(sum(hours), 2), 0) FROM volunteer_shifts WHERE org_id = ?1",
        )?
        .query_row([org_id], |r| r.get(0))?;
    Ok(total)
}

/// The shifts at an organization, newest first.
pub fn shifts_at(conn: &Connection, org_id: i64) -> Result<Vec<Shift>> {
    let sql = format!(
        "SELECT {SHIFT_COLUMNS} FROM volunteer_shifts v JOIN organizations o ON o.id = v.org_id
         WHERE v.org_id = ?1 ORDER BY v.date DESC, v.id DESC"
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([org_id], shift_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Logs a shift; returns its id.
pub fn insert(
    conn: &Connection,
    org_id: i64,
    date: NaiveDate,
    hours: f64,
    role: Option<&str>,
    notes: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO volunteer_shifts (org_id, date, hours, role, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![org_id, date, hours, role, notes])?;
    Ok(conn.last_insert_rowid())
}

/// The hours logged on one day, at every organization.
pub fn hours_on(conn: &Connection, date: NaiveDate) -> Result<f64> {
    Ok(conn
        .prepare_cached("SELECT total(hours) FROM volunteer_shifts WHERE date = ?1")?
        .query_row(params![date], |r| r.get(0))?)
}

/// Which shifts `volunteer list` keeps.
#[derive(Debug, Default)]
pub struct Filter {
    /// Keep these organizations (any of them); empty keeps all.
    pub org_ids: Vec<i64>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// The shifts the filter keeps (newest first) and their hours by
/// organization (most first).
pub fn list(conn: &Connection, filter: &Filter) -> Result<(Vec<Shift>, Vec<OrgHours>)> {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if !filter.org_ids.is_empty() {
        let marks = vec!["?"; filter.org_ids.len()].join(", ");
        clauses.push(format!("v.org_id IN ({marks})"));
        values.extend(filter.org_ids.iter().map(|id| Value::Integer(*id)));
    }
    if let Some(since) = filter.since {
        clauses.push("v.date >= ?".into());
        values.push(Value::Text(since.to_string()));
    }
    if let Some(until) = filter.until {
        clauses.push("v.date <= ?".into());
        values.push(Value::Text(until.to_string()));
    }
    let where_clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let sql = format!(
        "SELECT {SHIFT_COLUMNS} FROM volunteer_shifts v JOIN organizations o ON o.id = v.org_id
         {where_clause} ORDER BY v.date DESC, v.id DESC"
    );
    let shifts = conn
        .prepare(&sql)?
        .query_map(params_from_iter(values.iter()), shift_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let sql = format!(
        "SELECT o.name, round(sum(v.hours), 2), count(*) FROM volunteer_shifts v
         JOIN organizations o ON o.id = v.org_id {where_clause}
         GROUP BY v.org_id ORDER BY sum(v.hours) DESC, o.name COLLATE NOCASE"
    );
    let by_org = conn
        .prepare(&sql)?
        .query_map(params_from_iter(values.iter()), |r| {
            Ok(OrgHours {
                org: r.get(0)?,
                hours: r.get(1)?,
                shifts: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((shifts, by_org))
}

/// Deletes a shift.
/// Changes a shift; `org_id` None keeps its organization.
pub fn update(conn: &Connection, shift: &Shift, org_id: Option<i64>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE volunteer_shifts SET org_id = coalesce(?2, org_id), date = ?3, hours = ?4, role = ?5, notes = ?6
         WHERE id = ?1",
    )?
    .execute(params![shift.id, org_id, shift.date, shift.hours, shift.role, shift.notes])?;
    Ok(())
}

/// Deletes one shift.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM volunteer_shifts WHERE id = ?1", [id])?;
    Ok(())
}
