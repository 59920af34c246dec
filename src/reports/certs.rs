//! `report certs`: each tracked credential's status, eligibility, exam date
//! and CEU progress in the current cycle; and the CEU deadline the agenda
//! and the dashboard warn about.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use crate::credentials::{self, catalog, tracking, CertStatus, Progress};
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::Result;
use crate::output::{hours, Tone};

/// Days before a cycle ends that missing CEUs show in the agenda.
pub const CEU_WARNING_DAYS: u64 = 90;

/// One credential in `report certs` (and on the dashboard).
#[derive(Debug, Clone, Serialize)]
pub struct CertReport {
    pub code: String,
    pub status: CertStatus,
    /// Held (status `passed`).
    pub held: bool,
    /// Eligible by the catalog's rules, true when held; null for advice-only
    /// or own credentials not held.
    pub eligible: Option<bool>,
    /// The catalog gives advice instead of a verdict.
    pub advice_only: bool,
    pub exam_on: Option<NaiveDate>,
    /// The end of the current cycle (derived when read; for `expired`, the
    /// day the user gave).
    pub expires_on: Option<NaiveDate>,
    pub cycle_start: Option<NaiveDate>,
    pub cycle_end: Option<NaiveDate>,
    pub ceu_earned: Option<f64>,
    pub ceu_required: Option<u32>,
    /// The last cycle that ended did so short of CEUs.
    pub lapsed: bool,
    /// When a lapsed AHIMA credential is revoked (derived, never applied).
    pub revocation_on: Option<NaiveDate>,
    /// The credential that replaced this one (RHIA replaces RHIT).
    pub replaced_by: Option<String>,
    /// Passed mid-cycle: the day it joins the shared AHIMA pool.
    pub joins_pool_on: Option<NaiveDate>,
    /// Current-cycle hours from the issuer (AHIMA or a state association;
    /// HIMSS), what its rule asks, and hours logged without a provider.
    pub ceu_from_issuer: Option<f64>,
    pub ceu_from_issuer_needed: Option<f64>,
    pub ceu_without_provider: Option<f64>,
}

/// What `report certs --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct CertsReport {
    pub certs: Vec<CertReport>,
}

impl From<Progress> for CertReport {
    fn from(p: Progress) -> Self {
        let held = p.status == CertStatus::Passed;
        CertReport {
            advice_only: catalog::find(&p.code).is_some_and(|c| c.advice_only()),
            code: p.code,
            status: p.status,
            held,
            eligible: if held { Some(true) } else { p.eligible },
            exam_on: p.exam_on,
            expires_on: p.expires_on,
            cycle_start: p.cycle_start,
            cycle_end: p.cycle_end,
            ceu_earned: p.ceu_earned,
            ceu_required: p.ceu_required,
            lapsed: p.lapsed,
            revocation_on: p.revocation_on,
            replaced_by: p.replaced_by,
            joins_pool_on: p.joins_pool_on,
            ceu_from_issuer: p.ceu_from_issuer,
            ceu_from_issuer_needed: p.ceu_from_issuer_needed,
            ceu_without_provider: p.ceu_without_provider,
        }
    }
}

/// Every tracked credential, by code.
pub fn certs(conn: &Connection, today: NaiveDate) -> Result<Vec<CertReport>> {
    let mut rows: Vec<CertReport> = credentials::progress(conn, today)?
        .into_iter()
        .map(CertReport::from)
        .collect();
    rows.sort_by(|a, b| a.code.cmp(&b.code));
    Ok(rows)
}

/// A cycle ending within `CEU_WARNING_DAYS` with CEUs still short: the
/// cycle's last day, the credential's id and code, and a title for the
/// agenda. A pool
/// shared by several AHIMA credentials gives one item, and a credential
/// replaced by another (RHIT by RHIA) gives none.
pub fn ceu_deadlines(
    conn: &Connection,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, i64, String, String)>> {
    let horizon = today + Days::new(CEU_WARNING_DAYS);
    let mut seen: Vec<(NaiveDate, String)> = Vec::new();
    let mut deadlines = Vec::new();
    for p in credentials::progress(conn, today)? {
        let (Some(end), Some(earned), Some(required)) = (p.cycle_end, p.ceu_earned, p.ceu_required)
        else {
            continue;
        };
        if p.replaced_by.is_some() || end > horizon || earned >= f64::from(required) {
            continue;
        }
        let mut pool: Vec<String> = p.shared_with.clone();
        pool.push(p.code.clone());
        pool.sort();
        let key = (end, pool.join("+"));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let missing = f64::from(required) - earned;
        deadlines.push((
            end,
            p.id,
            p.code.clone(),
            format!(
                "CEUs: {} needs {} more hours by {end} ({} of {required})",
                pool.join("/"),
                hours(missing),
                hours(earned)
            ),
        ));
    }
    Ok(deadlines)
}

/// Runs `report certs`.
pub fn run(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let report = CertsReport {
        certs: certs(&conn, today)?,
    };
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    let out = &ctx.out;
    if report.certs.is_empty() {
        return out.line(
            "No credentials tracked yet; 'jobtrack cert check' shows what you are eligible for, \
             'jobtrack cert add RHIT' starts tracking one.",
        );
    }
    out.line(out.heading("Credentials"))?;
    print_lines(ctx, &report.certs, today)?;
    let held: Vec<&CertReport> = report.certs.iter().filter(|c| c.held).collect();
    let shares = provider_shares(&held);
    if !shares.is_empty() {
        out.line("")?;
        out.line("CEUs by provider (this cycle):")?;
        for share in shares {
            out.line(format!("  {share}"))?;
        }
    }
    let reminders = reminders(&held);
    if !reminders.is_empty() {
        out.line("")?;
        out.line("Reminders (not checked):")?;
        for reminder in reminders {
            out.line(format!("  {reminder}"))?;
        }
    }
    Ok(())
}

/// The issuers' provider rules as figures, one line per pool: AHIMA's 40%
/// from AHIMA or state associations, HIMSS's 25 CE from HIMSS.
pub fn provider_shares(held: &[&CertReport]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut seen: Vec<(String, Option<NaiveDate>)> = Vec::new();
    for cert in held {
        let (Some(entry), Some(counted), Some(needed), Some(unknown)) = (
            catalog::find(&cert.code),
            cert.ceu_from_issuer,
            cert.ceu_from_issuer_needed,
            cert.ceu_without_provider,
        ) else {
            continue;
        };
        // AHIMA credentials share one pool: one line for all of them.
        let key = if entry.is_ahima() {
            (entry.issuer.to_string(), cert.cycle_end)
        } else {
            (cert.code.clone(), cert.cycle_end)
        };
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let (whose, from, rule) = match entry.renewal.provider_share {
            Some(catalog::ProviderShare::Percent(percent)) => (
                entry.issuer.to_string(),
                "AHIMA or a state association",
                format!(
                    "at least {percent}% of the {} required",
                    cert.ceu_required.unwrap_or(0)
                ),
            ),
            Some(catalog::ProviderShare::Hours(_)) => (
                format!("{} {}", entry.issuer, cert.code),
                "HIMSS",
                "at least that many from HIMSS or approved providers".to_string(),
            ),
            None => continue,
        };
        let mut line = format!(
            "{whose}: {} of {} hours from {from} ({rule})",
            hours(counted),
            hours(needed)
        );
        if unknown > 0.0 {
            let (have, are) = if unknown == 1.0 {
                ("has", "is")
            } else {
                ("have", "are")
            };
            line.push_str(&format!(
                "; {} {have} no provider recorded and {are} not counted",
                crate::output::hours_phrase(unknown)
            ));
        }
        lines.push(line);
    }
    lines
}

/// The rules jobtrack cannot check, each under its issuer's name, once.
pub fn reminders(held: &[&CertReport]) -> Vec<String> {
    let mut reminders: Vec<String> = held
        .iter()
        .filter_map(|c| catalog::find(&c.code))
        .flat_map(|entry| {
            entry
                .renewal
                .reminders
                .iter()
                .map(move |r| format!("{}: {r}", entry.issuer))
        })
        .collect();
    reminders.sort();
    reminders.dedup();
    reminders
}

/// One line per credential with a CEU progress bar: for `report certs` and
/// the dashboard.
pub fn print_lines(ctx: &Ctx, certs: &[CertReport], today: NaiveDate) -> Result<()> {
    let out = &ctx.out;
    for cert in certs {
        let mut line = format!("  {:<8} {}", cert.code, cert.status);
        if let Some(exam) = cert.exam_on.filter(|_| cert.status != CertStatus::Passed) {
            line.push_str(&format!(", exam {exam}"));
        }
        if !cert.held {
            match cert.eligible {
                Some(true) => line.push_str(", eligible"),
                Some(false) => line.push_str(", not yet eligible"),
                None if cert.advice_only => line.push_str(", eligibility: advice only"),
                None => {}
            }
        }
        if let Some(by) = &cert.replaced_by {
            line.push_str(&format!(", replaced by {by}"));
        }
        if let (Some(earned), Some(required), Some(end)) =
            (cert.ceu_earned, cert.ceu_required, cert.cycle_end)
        {
            let days_left = (end - today).num_days();
            let tone = if earned >= f64::from(required) {
                Tone::Good
            } else if days_left <= CEU_WARNING_DAYS as i64 {
                Tone::Alert
            } else {
                Tone::Plain
            };
            line.push_str(&format!(
                "  CEUs {} by {end}",
                out.paint(&out.progress(earned, f64::from(required), 10), tone)
            ));
        }
        if cert.lapsed {
            let revoked = cert.revocation_on.map_or(String::new(), |d| {
                format!("; {}", tracking::revocation_text(d, today))
            });
            line.push_str(&out.paint(
                &format!("  LAPSED: a cycle ended short of CEUs{revoked}"),
                Tone::Alert,
            ));
        }
        if let Some(joins) = cert.joins_pool_on {
            line.push_str(&format!("  ({})", tracking::joins_pool_text(joins)));
        }
        out.line(line)?;
    }
    Ok(())
}
