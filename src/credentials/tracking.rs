//! Tracked credentials: their rows, CEU cycles and the shared AHIMA pool,
//! and the progress `cert list`, `report certs` and the agenda read.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::catalog::{self, Credential, CycleRule, Renewal};
use super::eligibility::{self, Facts, Years};
use crate::error::{Error, Result};
use crate::output::hours;
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

/// Stops tracking a credential; its CEUs go with it (`ON DELETE
/// CASCADE`). Returns how many CEU entries went.
pub fn delete(conn: &Connection, id: i64) -> Result<i64> {
    let ceus: i64 = conn.query_row(
        "SELECT count(*) FROM ceus WHERE certification_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    conn.execute("DELETE FROM certifications WHERE id = ?1", [id])?;
    Ok(ceus)
}

/// Writes the name, issuer, status, dates and score of a tracked credential.
pub fn update(conn: &Connection, cert: &Certification) -> Result<()> {
    conn.prepare_cached(
        "UPDATE certifications SET status = ?2, applied_on = ?3, exam_on = ?4, score = ?5,
             passed_on = ?6, failed_on = ?7, name = ?8, issuer = ?9 WHERE id = ?1",
    )?
    .execute(params![
        cert.id,
        cert.status,
        cert.applied_on,
        cert.exam_on,
        cert.score,
        cert.passed_on,
        cert.failed_on,
        cert.name,
        cert.issuer
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

/// How a pool's cycles are laid out: the issuer's rule and the cycle length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub rule: CycleRule,
    pub years: u32,
}

impl Schedule {
    /// The schedule of a catalog credential.
    pub fn of(renewal: &Renewal) -> Schedule {
        Schedule {
            rule: renewal.cycle_rule,
            years: renewal.cycle_years.max(1),
        }
    }

    /// Cycle `index` of a credential passed on `anchor`. AHIMA: `anchor +
    /// k×N years` through the day before `anchor + (k+1)×N years`. HIMSS:
    /// each cycle ends on the last day of the month of its anniversary and
    /// the next starts the day after. NCRA: the first cycle ends 31 December
    /// of the year after the pass year, then whole N-year calendar cycles.
    pub fn cycle(self, anchor: NaiveDate, index: u32) -> Cycle {
        let years = self.years;
        let (start, end) = match self.rule {
            CycleRule::Anniversary => {
                let next = add_years(anchor, (index + 1) * years);
                (
                    add_years(anchor, index * years),
                    next.pred_opt().unwrap_or(next),
                )
            }
            CycleRule::MonthEnd => {
                let start = if index == 0 {
                    anchor
                } else {
                    let previous_end = month_end(add_years(anchor, index * years));
                    previous_end.succ_opt().unwrap_or(previous_end)
                };
                (start, month_end(add_years(anchor, (index + 1) * years)))
            }
            CycleRule::CalendarYears => {
                let end_year = anchor.year() + 1 + (index * years) as i32;
                let start = if index == 0 {
                    anchor
                } else {
                    year_day(end_year + 1 - years as i32, 1, 1).unwrap_or(anchor)
                };
                (start, year_day(end_year, 12, 31).unwrap_or(anchor))
            }
        };
        Cycle { index, start, end }
    }

    /// The cycle holding `day` (cycle 0 when `day` is before `anchor`).
    pub fn holding(self, anchor: NaiveDate, day: NaiveDate) -> Cycle {
        // Every rule's cycle k ends at least k×N years after the anchor's
        // year, so starting one below the year count never overshoots.
        let guess = (day.year() - anchor.year()).max(0) as u32 / self.years;
        let mut index = guess.saturating_sub(1);
        while self.cycle(anchor, index).end < day {
            index += 1;
        }
        self.cycle(anchor, index)
    }
}

/// The last day of `date`'s month.
fn month_end(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

fn year_day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
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
    /// Eligible by the catalog's rules (true when held); null for
    /// advice-only or own credentials not held.
    pub eligible: Option<bool>,
    pub applied_on: Option<NaiveDate>,
    pub exam_on: Option<NaiveDate>,
    pub score: Option<i64>,
    pub passed_on: Option<NaiveDate>,
    /// The end of the current cycle, derived on every read; for status
    /// `expired`, the day the user gave.
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
    /// Passed in the middle of a shared AHIMA cycle: the day it joins the
    /// pool (the next cycle's start); the running cycle keeps its requirement.
    pub joins_pool_on: Option<NaiveDate>,
    /// CEU hours of the current cycle from the issuer or the providers it
    /// counts (AHIMA or a state association; HIMSS), when it has such a rule.
    pub ceu_from_issuer: Option<f64>,
    /// The hours that rule asks for (AHIMA: 40% of the requirement; HIMSS: 25).
    pub ceu_from_issuer_needed: Option<f64>,
    /// CEU hours of the current cycle logged without a provider.
    pub ceu_without_provider: Option<f64>,
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

/// The catalog codes the user is eligible for today (by the rules, or held;
/// advice-only credentials not held are never in it).
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
    /// The renewal rules of the pool (every AHIMA credential shares AHIMA's).
    renewal: Renewal,
    issuer: &'static str,
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
                eligible: match entry {
                    Some(c) => eligibility::check(c, &facts).eligible,
                    None => (cert.status == CertStatus::Passed).then_some(true),
                },
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
                joins_pool_on: None,
                ceu_from_issuer: None,
                ceu_from_issuer_needed: None,
                ceu_without_provider: None,
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
    // Derived, never read back from the row: a stored date goes stale as
    // days pass without a write. Only `expired` keeps the user's date.
    for row in rows.iter_mut() {
        if row.status != CertStatus::Expired {
            row.expires_on = row.cycle_end;
        }
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
            ahima.push((i, entry));
        } else {
            pools.push(Pool {
                members: vec![i],
                renewal: entry.renewal,
                issuer: entry.issuer,
                revokes: false,
            });
        }
    }
    if let Some(&(_, first)) = ahima.first() {
        pools.push(Pool {
            members: ahima.iter().map(|&(i, _)| i).collect(),
            renewal: first.renewal,
            issuer: first.issuer,
            revokes: true,
        });
    }
    pools
}

/// The requirement of the cycle starting on `start`: its members are the
/// credentials passed by then (one passed mid-cycle joins from the next
/// cycle), and RHIA replaces RHIT.
fn requirement_on(certs: &[Certification], members: &[usize], start: NaiveDate) -> Option<u32> {
    let held: Vec<&Certification> = members
        .iter()
        .map(|&i| &certs[i])
        .filter(|c| c.passed_on.is_some_and(|p| p <= start))
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

/// Hours of a cycle by provider, for the issuer's provider share: the hours
/// that count, and those logged without a provider.
fn provider_hours(
    conn: &Connection,
    ids: &[i64],
    cycle: Cycle,
    issuer: &str,
) -> Result<(f64, f64)> {
    let mut statement = conn.prepare_cached(
        "SELECT c.provider, sum(c.hours) FROM ceus c JOIN certifications t ON t.id = c.certification_id
         WHERE c.certification_id = ?1 AND c.date >= t.passed_on AND c.date BETWEEN ?2 AND ?3
         GROUP BY c.provider",
    )?;
    let (mut counted, mut unknown) = (0.0, 0.0);
    for id in ids {
        let rows = statement.query_map(params![id, cycle.start, cycle.end], |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, f64>(1)?))
        })?;
        for row in rows {
            match row? {
                (None, hours) => unknown += hours,
                (Some(provider), hours) if catalog::provider_counts(issuer, &provider) => {
                    counted += hours
                }
                _ => {}
            }
        }
    }
    let round = crate::input::round_hours;
    Ok((round(counted), round(unknown)))
}

/// Whether the pool's last ended cycle fell short of its CEUs: the lapse,
/// the revocation date (for issuers that revoke), and that cycle's start.
fn last_cycle_lapse(
    conn: &Connection,
    certs: &[Certification],
    pool: &Pool,
    ids: &[i64],
    schedule: &Schedule,
    anchor: NaiveDate,
    current: Cycle,
) -> Result<(bool, Option<NaiveDate>, Option<NaiveDate>)> {
    if current.index == 0 {
        return Ok((false, None, None));
    }
    let previous = schedule.cycle(anchor, current.index - 1);
    let needed = requirement_on(certs, &pool.members, previous.start);
    let had = earned_in(conn, ids, previous)?;
    if needed.is_some_and(|n| had < f64::from(n)) {
        let revocation_on = pool
            .revokes
            .then(|| crate::dates::add_days(previous.end, 180));
        return Ok((true, revocation_on, Some(previous.start)));
    }
    Ok((false, None, Some(previous.start)))
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
    let schedule = Schedule::of(&pool.renewal);
    let ids: Vec<i64> = pool.members.iter().map(|&i| certs[i].id).collect();
    let current = schedule.holding(anchor, today);
    let next_start = schedule.cycle(anchor, current.index + 1).start;
    let required = requirement_on(certs, &pool.members, current.start);
    let earned = earned_in(conn, &ids, current)?;
    let (lapsed, revocation_on, lapsed_cycle_start) =
        last_cycle_lapse(conn, certs, pool, &ids, &schedule, anchor, current)?;
    let share = match required.and_then(|r| pool.renewal.provider_hours_needed(r)) {
        Some(needed) => {
            let (counted, unknown) = provider_hours(conn, &ids, current, pool.issuer)?;
            Some((counted, needed, unknown))
        }
        None => None,
    };
    let codes: Vec<String> = pool
        .members
        .iter()
        .map(|&i| certs[i].code.clone())
        .collect();
    // RHIA replaces RHIT from the cycle in which the RHIA counts.
    let rhia_counts = pool.members.iter().any(|&i| {
        certs[i].code == "RHIA" && certs[i].passed_on.is_some_and(|p| p <= current.start)
    });
    for &i in &pool.members {
        let row = &mut rows[i];
        row.cycle_start = Some(current.start);
        row.cycle_end = Some(current.end);
        row.ceu_earned = Some(earned);
        row.ceu_required = required;
        // A lapse judges the members of the short cycle: one passed after
        // that cycle started joined from the next one and did not lapse.
        let member_then = match (certs[i].passed_on, lapsed_cycle_start) {
            (Some(passed), Some(start)) => passed <= start,
            _ => true,
        };
        row.lapsed = lapsed && member_then;
        row.revocation_on = if member_then { revocation_on } else { None };
        row.shared_with = codes.iter().filter(|c| **c != row.code).cloned().collect();
        if rhia_counts && row.code == "RHIT" {
            row.replaced_by = Some("RHIA".into());
        }
        if pool.members.len() > 1 && certs[i].passed_on.is_some_and(|p| p > current.start) {
            row.joins_pool_on = Some(next_start);
        }
        if let Some((counted, needed, unknown)) = share {
            row.ceu_from_issuer = Some(counted);
            row.ceu_from_issuer_needed = Some(needed);
            row.ceu_without_provider = Some(unknown);
        }
    }
    Ok(())
}

/// Stores each credential's `expires_on` as `progress` derives it: run
/// after every change to credentials or CEUs. Reads never call it.
pub fn refresh_expiry(conn: &Connection, today: NaiveDate) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "UPDATE certifications SET expires_on = ?2 WHERE id = ?1 AND expires_on IS NOT ?2",
    )?;
    for row in progress(conn, today)? {
        statement.execute(params![row.id, row.expires_on])?;
    }
    Ok(())
}

/// A note under a credential's row: its text (without the code) and
/// whether it needs attention.
pub struct Note {
    pub text: String,
    pub alert: bool,
}

impl Progress {
    /// The Eligible cell: `held`, `yes`, `not yet`, `advice only` (a
    /// catalog credential judged by advice), or empty (not in the catalog).
    pub fn eligible_word(&self) -> &'static str {
        match self.eligible {
            _ if self.status == CertStatus::Passed => "held",
            Some(true) => "yes",
            Some(false) => "not yet",
            None if catalog::find(&self.code).is_some() => "advice only",
            None => "",
        }
    }

    /// The notes `cert list` and the HTML page print under the table:
    /// replaced, lapsed, joining a shared cycle later, or CEUs that count
    /// toward no cycle.
    pub fn notes(&self, today: NaiveDate) -> Vec<Note> {
        let mut notes = Vec::new();
        if let Some(by) = &self.replaced_by {
            notes.push(Note {
                text: format!("replaced by the {by}; it no longer adds to the CEU requirement"),
                alert: false,
            });
        }
        if self.lapsed {
            let revoked = self
                .revocation_on
                .map(|d| format!("; {}", revocation_text(d, today)))
                .unwrap_or_default();
            notes.push(Note {
                text: format!("the last cycle ended short of CEUs (lapsed){revoked}"),
                alert: true,
            });
        }
        if let Some(joins) = self.joins_pool_on {
            notes.push(Note {
                text: joins_pool_text(joins),
                alert: false,
            });
        }
        if self.ceu_uncounted > 0.0 {
            let counts = if self.ceu_uncounted == 1.0 {
                "hour counts"
            } else {
                "hours count"
            };
            notes.push(Note {
                text: format!(
                    "{} CEU {counts} toward no cycle (logged before it was passed)",
                    hours(self.ceu_uncounted)
                ),
                alert: false,
            });
        }
        notes
    }
}

/// How the derived revocation date reads: past tense once it has passed.
pub fn revocation_text(revocation_on: NaiveDate, today: NaiveDate) -> String {
    if revocation_on < today {
        format!("revoked on {revocation_on}")
    } else {
        format!("revoked on {revocation_on} unless reinstated")
    }
}

/// What a credential passed mid-cycle is told about joining the pool.
pub fn joins_pool_text(joins_pool_on: NaiveDate) -> String {
    format!(
        "passed during the shared cycle, so it joins the CEU pool on {joins_pool_on} and the \
         running cycle keeps its requirement (AHIMA's CEU Center has the exact dates)"
    )
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

    fn schedule(rule: CycleRule, years: u32) -> Schedule {
        Schedule { rule, years }
    }

    fn cycle(anchor: NaiveDate, years: u32, index: u32) -> Cycle {
        schedule(CycleRule::Anniversary, years).cycle(anchor, index)
    }

    fn cycle_holding(anchor: NaiveDate, years: u32, day: NaiveDate) -> Cycle {
        schedule(CycleRule::Anniversary, years).holding(anchor, day)
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
    fn himss_cycles_end_on_the_last_day_of_the_anniversary_month() {
        let himss = Schedule::of(&catalog::find("CPHIMS").unwrap().renewal);
        assert_eq!(himss, schedule(CycleRule::MonthEnd, 3));
        let c = himss.cycle(d("2024-12-05"), 0);
        assert_eq!((c.start, c.end), (d("2024-12-05"), d("2027-12-31")));
        let c = himss.cycle(d("2024-12-05"), 1);
        assert_eq!((c.start, c.end), (d("2028-01-01"), d("2030-12-31")));
        // The anniversary's month, not the month of the day before it.
        assert_eq!(himss.cycle(d("2024-12-01"), 0).end, d("2027-12-31"));
        let c = himss.cycle(d("2024-02-29"), 0);
        assert_eq!(c.end, d("2027-02-28"));
        let c = himss.cycle(d("2024-02-29"), 1);
        assert_eq!((c.start, c.end), (d("2027-03-01"), d("2030-02-28")));
        assert_eq!(himss.holding(d("2024-12-05"), d("2027-12-31")).index, 0);
        assert_eq!(himss.holding(d("2024-12-05"), d("2028-01-01")).index, 1);
    }

    #[test]
    fn ncra_cycles_end_on_31_december() {
        let ncra = Schedule::of(&catalog::find("CTR").unwrap().renewal);
        assert_eq!(ncra, schedule(CycleRule::CalendarYears, 2));
        let c = ncra.cycle(d("2025-05-10"), 0);
        assert_eq!((c.start, c.end), (d("2025-05-10"), d("2026-12-31")));
        let c = ncra.cycle(d("2025-05-10"), 1);
        assert_eq!((c.start, c.end), (d("2027-01-01"), d("2028-12-31")));
        let c = ncra.cycle(d("2025-01-01"), 0);
        assert_eq!(c.end, d("2026-12-31"));
        assert_eq!(ncra.holding(d("2025-05-10"), d("2026-12-31")).index, 0);
        assert_eq!(ncra.holding(d("2025-05-10"), d("2027-01-01")).index, 1);
        assert_eq!(ncra.holding(d("2025-05-10"), d("2031-06-30")).index, 3);
        assert_eq!(ncra.holding(d("2025-05-10"), d("2024-01-01")).index, 0);
    }

    #[test]
    fn every_rule_finds_the_cycle_holding_each_day() {
        // Contiguous cycles: each starts the day after the previous ends,
        // and `holding` finds the one whose dates contain the day.
        for rule in [
            CycleRule::Anniversary,
            CycleRule::MonthEnd,
            CycleRule::CalendarYears,
        ] {
            for years in [2, 3] {
                let plan = schedule(rule, years);
                for anchor in ["2020-01-01", "2020-02-29", "2021-07-31", "2022-12-31"] {
                    let anchor = d(anchor);
                    for index in 0..5 {
                        let this = plan.cycle(anchor, index);
                        let next = plan.cycle(anchor, index + 1);
                        assert!(this.start <= this.end, "{rule:?} {anchor} {index}");
                        assert_eq!(this.end.succ_opt(), Some(next.start), "{rule:?} {anchor}");
                        for day in [this.start, this.end] {
                            assert_eq!(plan.holding(anchor, day), this, "{rule:?} {day}");
                        }
                    }
                }
            }
        }
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

    fn database() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        conn
    }

    /// Tracks a catalog credential as passed on `passed_on`; returns its id.
    fn passed(conn: &Connection, code: &str, passed_on: &str) -> i64 {
        let entry = catalog::find(code).unwrap();
        conn.execute(
            "INSERT INTO certifications (code, name, issuer, status, passed_on)
             VALUES (?1, ?2, ?3, 'passed', ?4)",
            params![entry.code, entry.name, entry.issuer, passed_on],
        )
        .unwrap();
        conn.last_insert_rowid()
    }

    fn row<'a>(rows: &'a [Progress], code: &str) -> &'a Progress {
        rows.iter().find(|r| r.code == code).unwrap()
    }

    #[test]
    fn an_rhia_passed_100_days_before_a_shared_cycle_ends_does_not_make_the_rhit_lapse() {
        let conn = database();
        let rhit = passed(&conn, "RHIT", "2022-06-01");
        // The second cycle runs 2024-06-01 – 2026-05-31; 100 days before its end:
        let rhia_day = d("2026-05-31") - chrono::Days::new(100);
        assert_eq!(rhia_day, d("2026-02-20"));
        passed(&conn, "RHIA", "2026-02-20");
        add_ceu(&conn, rhit, d("2025-01-15"), 20.0, None, Some("AHIMA")).unwrap();

        // Inside that cycle: it keeps the RHIT's 20; the RHIA joins on 2026-06-01.
        let rows = progress(&conn, d("2026-04-01")).unwrap();
        assert_eq!(row(&rows, "RHIT").ceu_required, Some(20));
        assert_eq!(row(&rows, "RHIA").ceu_required, Some(20));
        assert_eq!(row(&rows, "RHIA").joins_pool_on, Some(d("2026-06-01")));
        assert_eq!(row(&rows, "RHIT").joins_pool_on, None);
        assert_eq!(
            row(&rows, "RHIT").replaced_by,
            None,
            "not before the RHIA counts"
        );

        // After it: 20 of 20 was enough, nothing lapsed, and the RHIA's 30 rules.
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        for code in ["RHIT", "RHIA"] {
            assert!(!row(&rows, code).lapsed, "{code}");
            assert_eq!(row(&rows, code).revocation_on, None, "{code}");
            assert_eq!(row(&rows, code).ceu_required, Some(30), "{code}");
            assert_eq!(row(&rows, code).joins_pool_on, None, "{code}");
            assert_eq!(row(&rows, code).cycle_end, Some(d("2028-05-31")));
        }
        assert_eq!(row(&rows, "RHIT").replaced_by.as_deref(), Some("RHIA"));
    }

    #[test]
    fn a_short_shared_cycle_lapses_only_its_members() {
        let conn = database();
        let rhit = passed(&conn, "RHIT", "2022-06-01");
        passed(&conn, "CHPS", "2026-02-20");
        add_ceu(&conn, rhit, d("2025-01-15"), 19.0, None, None).unwrap();
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        assert!(row(&rows, "RHIT").lapsed);
        assert_eq!(row(&rows, "RHIT").revocation_on, Some(d("2026-11-27")));
        assert!(!row(&rows, "CHPS").lapsed, "it joined from the next cycle");
        assert_eq!(row(&rows, "CHPS").ceu_required, Some(40));
    }

    #[test]
    fn expires_on_is_derived_when_read_and_reads_write_nothing() {
        let conn = database();
        let id = passed(&conn, "RHIT", "2022-01-10");
        conn.execute(
            "UPDATE certifications SET expires_on = '2024-01-09' WHERE id = ?1",
            [id],
        )
        .unwrap();
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        assert_eq!(rows[0].expires_on, Some(d("2028-01-09")));
        assert_eq!(rows[0].cycle_end, Some(d("2028-01-09")));
        let stored: String = conn
            .query_row("SELECT expires_on FROM certifications", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, "2024-01-09", "a read never writes");

        // `expired` keeps the day the user gave; the others follow the cycle.
        conn.execute(
            "UPDATE certifications SET status = 'expired', expires_on = '2025-03-01'",
            [],
        )
        .unwrap();
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        assert_eq!(rows[0].expires_on, Some(d("2025-03-01")));
        conn.execute(
            "UPDATE certifications SET status = 'planning', expires_on = '2025-03-01'",
            [],
        )
        .unwrap();
        assert_eq!(
            progress(&conn, d("2026-11-26")).unwrap()[0].expires_on,
            None
        );

        let cphims = passed(&conn, "CPHIMS", "2024-12-05");
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        assert_eq!(
            rows.iter().find(|r| r.id == cphims).unwrap().expires_on,
            Some(d("2027-12-31"))
        );
    }

    #[test]
    fn provider_shares_count_ahima_and_state_associations_and_set_blank_providers_apart() {
        let conn = database();
        let rhit = passed(&conn, "RHIT", "2026-01-10");
        for (hours, provider) in [
            (4.0, Some("AHIMA")),
            (2.0, Some("FHIMA")),
            (1.0, Some("Ohio Health Information Management Association")),
            (3.0, Some("Coursera")),
            (2.0, None),
        ] {
            add_ceu(&conn, rhit, d("2026-03-01"), hours, None, provider).unwrap();
        }
        // Before the pass: counts toward no cycle, so not toward the share.
        add_ceu(&conn, rhit, d("2025-12-01"), 5.0, None, Some("AHIMA")).unwrap();
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        assert_eq!(rows[0].ceu_earned, Some(12.0));
        assert_eq!(rows[0].ceu_from_issuer, Some(7.0));
        assert_eq!(rows[0].ceu_from_issuer_needed, Some(8.0), "40% of 20");
        assert_eq!(rows[0].ceu_without_provider, Some(2.0));

        let cphims = passed(&conn, "CPHIMS", "2026-01-10");
        add_ceu(
            &conn,
            cphims,
            d("2026-02-01"),
            6.0,
            None,
            Some("HIMSS Chapter"),
        )
        .unwrap();
        add_ceu(&conn, cphims, d("2026-02-02"), 2.0, None, Some("AHIMA")).unwrap();
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        let cphims = row(&rows, "CPHIMS");
        assert_eq!(cphims.ceu_from_issuer, Some(6.0));
        assert_eq!(cphims.ceu_from_issuer_needed, Some(25.0));
        assert_eq!(cphims.ceu_without_provider, Some(0.0));
        let ctr = passed(&conn, "CTR", "2026-01-10");
        let rows = progress(&conn, d("2026-11-26")).unwrap();
        let ctr = rows.iter().find(|r| r.id == ctr).unwrap();
        assert_eq!(ctr.ceu_from_issuer, None, "NCRA states no provider share");
    }

    #[test]
    fn a_past_revocation_date_reads_in_the_past_tense() {
        assert_eq!(
            revocation_text(d("2026-07-08"), d("2026-11-26")),
            "revoked on 2026-07-08"
        );
        assert_eq!(
            revocation_text(d("2026-12-08"), d("2026-11-26")),
            "revoked on 2026-12-08 unless reinstated"
        );
    }
}
