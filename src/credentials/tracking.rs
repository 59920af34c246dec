//! Tracked credentials: their rows, CEU cycles and the shared AHIMA pool,
//! and the progress `cert list`, `report certs` and the agenda read.

use chrono::{Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::catalog::{self, Credential};
use super::eligibility::{self, Facts, Years};
use crate::error::{Error, Result};
use crate::text_enum;

text_enum! {
    /// Where a tracked credential stands.
    pub enum CertStatus {
        /// Thinking about it
        Planning = "planning",
        /// Applied to sit the exam
        Applied = "applied",
        /// An exam date is set
        Scheduled = "scheduled",
        /// Passed: the credential is held
        Passed = "passed",
        /// The last attempt failed
        Failed = "failed",
        /// Held once, no longer
        Expired = "expired",
    }
}

/// A certifications row.
#[derive(Debug, Clone, Serialize)]
pub struct Certification {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub issuer: Option<String>,
    pub status: CertStatus,
    pub applied_on: Option<NaiveDate>,
    pub exam_on: Option<NaiveDate>,
    pub score: Option<i64>,
    pub passed_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub notes: Option<String>,
    /// The last failed exam (kept when a retake is scheduled).
    pub failed_on: Option<NaiveDate>,
}

const COLUMNS: &str =
    "id, code, name, issuer, status, applied_on, exam_on, score, passed_on, expires_on, notes, failed_on";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Certification> {
    Ok(Certification {
        id: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        issuer: r.get(3)?,
        status: r.get(4)?,
        applied_on: r.get(5)?,
        exam_on: r.get(6)?,
        score: r.get(7)?,
        passed_on: r.get(8)?,
        expires_on: r.get(9)?,
        notes: r.get(10)?,
        failed_on: r.get(11)?,
    })
}

/// The tracked credential with this code, if any.
pub fn get(conn: &Connection, code: &str) -> Result<Option<Certification>> {
    let sql = format!("SELECT {COLUMNS} FROM certifications WHERE code = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code], from_row)
        .optional()?)
}

/// Every tracked credential, in the order they were added.
pub fn all(conn: &Connection) -> Result<Vec<Certification>> {
    let sql = format!("SELECT {COLUMNS} FROM certifications ORDER BY id");
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Starts tracking a credential; returns its id.
pub fn insert(conn: &Connection, code: &str, name: &str, issuer: Option<&str>) -> Result<i64> {
    conn.prepare_cached("INSERT INTO certifications (code, name, issuer) VALUES (?1, ?2, ?3)")?
        .execute(params![code, name, issuer])?;
    Ok(conn.last_insert_rowid())
}

/// Writes the status, dates and score of a tracked credential.
pub fn update(conn: &Connection, cert: &Certification) -> Result<()> {
    conn.prepare_cached(
        "UPDATE certifications SET status = ?2, applied_on = ?3, exam_on = ?4, score = ?5,
             passed_on = ?6, failed_on = ?7 WHERE id = ?1",
    )?
    .execute(params![
        cert.id,
        cert.status,
        cert.applied_on,
        cert.exam_on,
        cert.score,
        cert.passed_on,
        cert.failed_on
    ])?;
    Ok(())
}

/// Records the day a tracked credential expired (`cert set … expired --on`).
pub fn set_expires_on(conn: &Connection, id: i64, day: NaiveDate) -> Result<()> {
    conn.prepare_cached("UPDATE certifications SET expires_on = ?2 WHERE id = ?1")?
        .execute(params![id, day])?;
    Ok(())
}

/// Logs CEU hours against a tracked credential.
pub fn add_ceu(
    conn: &Connection,
    certification_id: i64,
    date: NaiveDate,
    hours: f64,
    title: Option<&str>,
    provider: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO ceus (certification_id, date, hours, title, provider) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![certification_id, date, hours, title, provider])?;
    Ok(conn.last_insert_rowid())
}

/// `date` plus whole years; 29 February clamps to 28 February.
pub fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years * 12))
        .unwrap_or(date)
}

/// A CEU cycle: its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    /// 0 for the cycle starting on the day the exam was passed.
    pub index: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Cycle `k` from `anchor` (the day passed): `anchor + k×N years` through
/// the day before `anchor + (k+1)×N years`.
pub fn cycle(anchor: NaiveDate, years: u32, index: u32) -> Cycle {
    let next = add_years(anchor, (index + 1) * years);
    Cycle {
        index,
        start: add_years(anchor, index * years),
        end: next.pred_opt().unwrap_or(next),
    }
}

/// The cycle holding `day` (cycle 0 when `day` is before `anchor`).
pub fn cycle_holding(anchor: NaiveDate, years: u32, day: NaiveDate) -> Cycle {
    use chrono::Datelike;
    let guess = (day.year() - anchor.year()).max(0) as u32 / years.max(1);
    let mut index = guess.saturating_sub(1);
    while cycle(anchor, years, index).end < day {
        index += 1;
    }
    cycle(anchor, years, index)
}

/// The CEU requirement of credentials sharing a cycle: the largest single
/// requirement plus 10 per extra credential, at most 50.
pub fn pooled_requirement(requirements: &[u32]) -> Option<u32> {
    let largest = requirements.iter().copied().max()?;
    let extra = 10 * (requirements.len() as u32 - 1);
    Some((largest + extra).min(50))
}

/// A tracked credential with its eligibility and CEU progress: what
/// `cert list`, `cert set/exam/score/ceu`, `report certs` and the agenda show.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub issuer: Option<String>,
    pub status: CertStatus,
    /// Eligible by the catalog's rules; null for advice-only or own credentials.
    pub eligible: Option<bool>,
    pub applied_on: Option<NaiveDate>,
    pub exam_on: Option<NaiveDate>,
    pub score: Option<i64>,
    pub passed_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    /// The current CEU cycle (the one holding today), when held.
    pub cycle_start: Option<NaiveDate>,
    pub cycle_end: Option<NaiveDate>,
    /// CEU hours earned in the current cycle (shared among AHIMA credentials).
    pub ceu_earned: Option<f64>,
    pub ceu_required: Option<u32>,
    /// CEU hours logged for this credential that count toward no cycle
    /// (dated before it was passed, or it is not passed).
    pub ceu_uncounted: f64,
    /// The last cycle that ended did so short of CEUs.
    pub lapsed: bool,
    /// When a lapsed AHIMA credential is revoked (cycle end + 180 days).
    pub revocation_on: Option<NaiveDate>,
    /// Other credentials sharing this one's cycle and CEU pool.
    pub shared_with: Vec<String>,
    /// The credential that replaced this one (RHIA replaces RHIT).
    pub replaced_by: Option<String>,
    pub notes: Option<String>,
}

/// What eligibility is judged on, read from the database.
pub fn facts(conn: &Connection, today: NaiveDate) -> Result<Facts> {
    let education = crate::profile::education(conn)?;
    let jobs = crate::profile::experience(conn)?;
    let held = conn
        .prepare_cached("SELECT code FROM certifications WHERE status = 'passed' ORDER BY code")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Facts {
        education,
        years: Years::of(&jobs, today),
        held,
    })
}

/// The catalog codes the user is eligible for today (by the rules; advice-
/// only credentials are never in it).
pub fn eligible_codes(conn: &Connection, today: NaiveDate) -> Result<Vec<String>> {
    let facts = facts(conn, today)?;
    Ok(catalog::CATALOG
        .iter()
        .filter(|c| eligibility::check(c, &facts).eligible == Some(true))
        .map(|c| c.code.to_string())
        .collect())
}

/// A group of held credentials sharing one cycle and CEU pool.
struct Pool {
    /// Indexes into the certification list.
    members: Vec<usize>,
    cycle_years: u32,
    /// AHIMA revokes a lapsed credential 180 days after its cycle ended;
    /// HIMSS and NCRA state no such date.
    revokes: bool,
}

/// Every tracked credential with its progress as of `today`.
pub fn progress(conn: &Connection, today: NaiveDate) -> Result<Vec<Progress>> {
    let certs = all(conn)?;
    let facts = facts(conn, today)?;
    let mut rows: Vec<Progress> = certs
        .iter()
        .map(|cert| {
            let entry = catalog::find(&cert.code);
            Progress {
                id: cert.id,
                code: cert.code.clone(),
                name: cert.name.clone(),
                issuer: cert.issuer.clone(),
                status: cert.status,
                eligible: entry.and_then(|c| eligibility::check(c, &facts).eligible),
                applied_on: cert.applied_on,
                exam_on: cert.exam_on,
                score: cert.score,
                passed_on: cert.passed_on,
                expires_on: cert.expires_on,
                cycle_start: None,
                cycle_end: None,
                ceu_earned: None,
                ceu_required: None,
                ceu_uncounted: 0.0,
                lapsed: false,
                revocation_on: None,
                shared_with: Vec::new(),
                replaced_by: None,
                notes: cert.notes.clone(),
            }
        })
        .collect();
    let mut uncounted = conn.prepare_cached(
        "SELECT coalesce(round(sum(c.hours), 2), 0) FROM ceus c JOIN certifications t ON t.id = c.certification_id
         WHERE t.id = ?1 AND (t.status <> 'passed' OR t.passed_on IS NULL OR c.date < t.passed_on)",
    )?;
    for row in rows.iter_mut() {
        row.ceu_uncounted = uncounted.query_row([row.id], |r| r.get(0))?;
    }
    for pool in pools(&certs) {
        fill_pool(conn, &certs, &pool, &mut rows, today)?;
    }
    Ok(rows)
}

/// Groups the held catalog credentials: every AHIMA one in one pool, each
/// other one alone. Credentials outside the catalog have no known cycle.
fn pools(certs: &[Certification]) -> Vec<Pool> {
    let mut ahima = Vec::new();
    let mut pools = Vec::new();
    for (i, cert) in certs.iter().enumerate() {
        if cert.status != CertStatus::Passed || cert.passed_on.is_none() {
            continue;
        }
        let Some(entry) = catalog::find(&cert.code) else {
            continue;
        };
        if entry.is_ahima() {
            ahima.push(i);
        } else {
            pools.push(Pool {
                members: vec![i],
                cycle_years: entry.renewal.cycle_years,
                revokes: false,
            });
        }
    }
    if !ahima.is_empty() {
        pools.push(Pool {
            members: ahima,
            cycle_years: 2,
            revokes: true,
        });
    }
    pools
}

/// The requirement of the pool's members held on `as_of` (RHIA replaces RHIT).
fn requirement_on(certs: &[Certification], members: &[usize], as_of: NaiveDate) -> Option<u32> {
    let held: Vec<&Certification> = members
        .iter()
        .map(|&i| &certs[i])
        .filter(|c| c.passed_on.is_some_and(|p| p <= as_of))
        .collect();
    let has_rhia = held.iter().any(|c| c.code == "RHIA");
    let requirements: Vec<u32> = held
        .iter()
        .filter(|c| !(has_rhia && c.code == "RHIT"))
        .filter_map(|c| catalog::find(&c.code).map(|e: &Credential| e.renewal.ceu_required))
        .collect();
    pooled_requirement(&requirements)
}

fn earned_in(conn: &Connection, ids: &[i64], cycle: Cycle) -> Result<f64> {
    let mut statement = conn.prepare_cached(
        "SELECT coalesce(sum(c.hours), 0) FROM ceus c JOIN certifications t ON t.id = c.certification_id
         WHERE c.certification_id = ?1 AND c.date >= t.passed_on AND c.date BETWEEN ?2 AND ?3",
    )?;
    let mut total = 0.0;
    for id in ids {
        let hours: f64 = statement.query_row(params![id, cycle.start, cycle.end], |r| r.get(0))?;
        total += hours;
    }
    Ok(crate::input::round_hours(total))
}

fn fill_pool(
    conn: &Connection,
    certs: &[Certification],
    pool: &Pool,
    rows: &mut [Progress],
    today: NaiveDate,
) -> Result<()> {
    let Some(anchor) = pool
        .members
        .iter()
        .filter_map(|&i| certs[i].passed_on)
        .min()
    else {
        return Ok(());
    };
    let ids: Vec<i64> = pool.members.iter().map(|&i| certs[i].id).collect();
    let current = cycle_holding(anchor, pool.cycle_years, today);
    let required = requirement_on(certs, &pool.members, NaiveDate::MAX);
    let earned = earned_in(conn, &ids, current)?;
    let mut lapsed = false;
    let mut revocation_on = None;
    let mut lapsed_cycle_end = None;
    if current.index > 0 {
        let previous = cycle(anchor, pool.cycle_years, current.index - 1);
        lapsed_cycle_end = Some(previous.end);
        let needed = requirement_on(certs, &pool.members, previous.end);
        let had = earned_in(conn, &ids, previous)?;
        if needed.is_some_and(|n| had < f64::from(n)) {
            lapsed = true;
            revocation_on = pool
                .revokes
                .then(|| crate::dates::add_days(previous.end, 180));
        }
    }
    let codes: Vec<String> = pool
        .members
        .iter()
        .map(|&i| certs[i].code.clone())
        .collect();
    let rhia_held = codes.iter().any(|c| c == "RHIA");
    for &i in &pool.members {
        let row = &mut rows[i];
        row.cycle_start = Some(current.start);
        row.cycle_end = Some(current.end);
        row.ceu_earned = Some(earned);
        row.ceu_required = required;
        // A lapse judges the credentials held when the short cycle ended: one
        // passed after that end did not lapse.
        let held_then = match (certs[i].passed_on, lapsed_cycle_end) {
            (Some(passed), Some(end)) => passed <= end,
            _ => true,
        };
        row.lapsed = lapsed && held_then;
        row.revocation_on = if held_then { revocation_on } else { None };
        row.shared_with = codes.iter().filter(|c| **c != row.code).cloned().collect();
        if rhia_held && row.code == "RHIT" {
            row.replaced_by = Some("RHIA".into());
        }
    }
    Ok(())
}

/// Stores each credential's `expires_on` (the end of its current cycle;
/// empty when it has none): run after every change to credentials or CEUs.
pub fn refresh_expiry(conn: &Connection, today: NaiveDate) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "UPDATE certifications SET expires_on = ?2 WHERE id = ?1 AND expires_on IS NOT ?2",
    )?;
    for row in progress(conn, today)? {
        let expires = match row.status {
            CertStatus::Expired => row.expires_on,
            _ => row.cycle_end,
        };
        statement.execute(params![row.id, expires])?;
    }
    Ok(())
}

/// The progress of one tracked credential.
pub fn progress_of(conn: &Connection, code: &str, today: NaiveDate) -> Result<Progress> {
    progress(conn, today)?
        .into_iter()
        .find(|p| p.code == code)
        .ok_or_else(|| Error::NotFound(format!("{code} is not tracked")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        crate::dates::parse_iso(text).unwrap()
    }

    #[test]
    fn cycles_run_n_years_less_a_day() {
        let c = cycle(d("2026-06-01"), 2, 0);
        assert_eq!((c.start, c.end), (d("2026-06-01"), d("2028-05-31")));
        let c = cycle(d("2026-06-01"), 3, 1);
        assert_eq!((c.start, c.end), (d("2029-06-01"), d("2032-05-31")));
    }

    #[test]
    fn february_29_clamps_to_february_28() {
        let c = cycle(d("2024-02-29"), 2, 0);
        assert_eq!((c.start, c.end), (d("2024-02-29"), d("2026-02-27")));
        let c = cycle(d("2024-02-29"), 2, 1);
        assert_eq!((c.start, c.end), (d("2026-02-28"), d("2028-02-28")));
        let c = cycle(d("2024-02-29"), 2, 2);
        assert_eq!(c.start, d("2028-02-29"));
    }

    #[test]
    fn the_current_cycle_holds_today() {
        let anchor = d("2020-03-15");
        assert_eq!(cycle_holding(anchor, 2, d("2020-03-15")).index, 0);
        assert_eq!(cycle_holding(anchor, 2, d("2022-03-14")).index, 0);
        assert_eq!(cycle_holding(anchor, 2, d("2022-03-15")).index, 1);
        assert_eq!(cycle_holding(anchor, 2, d("2026-11-26")).index, 3);
        assert_eq!(cycle_holding(anchor, 3, d("2026-11-26")).index, 2);
        assert_eq!(cycle_holding(anchor, 2, d("2019-01-01")).index, 0);
    }

    #[test]
    fn pooled_requirements_add_ten_per_extra_credential_up_to_fifty() {
        assert_eq!(pooled_requirement(&[]), None);
        assert_eq!(pooled_requirement(&[20]), Some(20));
        assert_eq!(pooled_requirement(&[45]), Some(45));
        assert_eq!(pooled_requirement(&[30, 20]), Some(40));
        assert_eq!(pooled_requirement(&[20, 20]), Some(30));
        assert_eq!(pooled_requirement(&[30, 20, 20]), Some(50));
        assert_eq!(pooled_requirement(&[30, 30, 20, 20]), Some(50));
    }
}
