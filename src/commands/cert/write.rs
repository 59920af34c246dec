//! The `cert` writes: tracking, status, exams, scores and CEUs. Each runs
//! in one transaction and prints the credential with its CEU progress.

use std::cell::Cell;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{code_arg, opt};
use crate::credentials::catalog::{self, Credential, Scale};
use crate::credentials::eligibility::{self, Check};
use crate::credentials::tracking::{self, CertStatus, Certification, Progress};
use crate::ctx::Ctx;
use crate::dates;
use crate::dates::DateKind;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::parse_hours;
use crate::output::hours;

/// Finds a tracked credential, or starts tracking a catalog one (with a
/// notice); a code outside the catalog must be added first.
fn tracked_or_new(ctx: &Ctx, conn: &Connection, code: &str) -> Result<Certification> {
    if let Some(cert) = tracking::get(conn, code)? {
        return Ok(cert);
    }
    let Some(entry) = catalog::find(code) else {
        return Err(not_tracked(code));
    };
    tracking::insert(conn, entry.code, entry.name, Some(entry.issuer))?;
    ctx.out
        .notice(format!("now tracking {} ({})", entry.code, entry.name));
    tracking::get(conn, code)?.ok_or_else(|| not_tracked(code))
}

pub(super) fn not_tracked(code: &str) -> Error {
    Error::NotFound(format!(
        "{code} is not tracked; start with 'jobtrack cert add {code}' (give --name for a code outside the catalog)"
    ))
}

/// The common end of every `cert` write: store `cert`, recompute the
/// cycles, commit and print the credential with its progress.
pub(super) fn finish(
    ctx: &Ctx,
    today: NaiveDate,
    change: impl FnOnce(&Connection) -> Result<Certification>,
    message: impl FnOnce(&Progress) -> String,
) -> Result<()> {
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let cert = change(&tx)?;
    tracking::update(&tx, &cert)?;
    tracking::refresh_expiry(&tx, today)?;
    let record = tracking::progress_of(&tx, &cert.code, today)?;
    db::commit(tx)?;
    ctx.out
        .written(record.id, &message(&record), || Ok(record.clone()))
}

pub(super) fn add(
    ctx: &Ctx,
    code: String,
    name: Option<String>,
    issuer: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let name = name.map(|n| ctx.required_text("--name", n)).transpose()?;
    let issuer = ctx.text("--issuer", issuer)?;
    let entry = catalog::find(&code);
    let name = match (name, entry) {
        (Some(name), _) => name,
        (None, Some(entry)) => entry.name.to_string(),
        (None, None) => {
            return Err(Error::Input(format!(
                "{code} is not in the catalog ({}); give --name (and --issuer) to track your own credential",
                catalog::codes()
            )))
        }
    };
    let issuer = issuer.or_else(|| entry.map(|e| e.issuer.to_string()));
    let verdict = Cell::new(None);
    finish(
        ctx,
        today,
        |tx| {
            if let Some(existing) = tracking::get(tx, &code)? {
                return Err(Error::Input(format!(
                    "{code} is already tracked (status {}); see 'jobtrack cert list'",
                    existing.status
                )));
            }
            if let Some(entry) = entry {
                verdict.set(Some(eligibility::check(
                    entry,
                    &tracking::facts(tx, today)?,
                )));
            }
            tracking::insert(tx, &code, &name, issuer.as_deref())?;
            tracking::get(tx, &code)?.ok_or_else(|| not_tracked(&code))
        },
        |record| {
            let mut message = format!(
                "Tracking {}: {} ({})",
                record.code, record.name, record.status
            );
            match verdict.take() {
                Some(Check {
                    eligible: Some(true),
                    route: Some(route),
                    ..
                }) => message.push_str(&format!("; you are eligible by {route}")),
                Some(Check {
                    eligible: Some(false),
                    missing,
                    ..
                }) => message.push_str(&format!("; not eligible yet: {}", missing.join("; "))),
                Some(_) => message.push_str("; eligibility: confirm with the issuer"),
                None => {}
            }
            message
        },
    )
}

pub(super) fn set(ctx: &Ctx, code: String, status: CertStatus, on: Option<String>) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let on = ctx.opt_date_of(set_date_kind(status), "--on", on.as_deref())?;
    check_set_date(status, on)?;
    let before = Cell::new(None);
    let unchanged = Cell::new(false);
    finish(
        ctx,
        today,
        |tx| {
            let tracked = tracking::get(tx, &code)?.is_some();
            let mut cert = tracked_or_new(ctx, tx, &code)?;
            before.set(Some(cert.status));
            if tracked
                && cert.status == status
                && on.is_none_or(|day| Some(day) == status_date(&cert, status))
            {
                unchanged.set(true);
                return Ok(cert);
            }
            let change = StatusChange {
                code: &code,
                status,
                on,
                today,
            };
            change.apply(ctx, tx, &mut cert)?;
            Ok(cert)
        },
        |record| set_message(record, before.get(), unchanged.get()),
    )
}

/// What `cert set STATUS --on` dates: the day applied, passed or failed
/// has happened; a scheduled exam is usually ahead; an expiry either way.
fn set_date_kind(status: CertStatus) -> DateKind {
    match status {
        CertStatus::Scheduled => DateKind::Ahead,
        CertStatus::Expired => DateKind::Range,
        _ => DateKind::Past,
    }
}

/// Refuses an `--on` that cannot go with `status` before anything is opened.
fn check_set_date(status: CertStatus, on: Option<NaiveDate>) -> Result<()> {
    if status == CertStatus::Planning && on.is_some() {
        return Err(Error::Input(
            "--on has no meaning for planning; give it with applied, scheduled, passed, failed or expired"
                .into(),
        ));
    }
    Ok(())
}

/// What `cert set CODE STATUS [--on DATE]` asks for.
struct StatusChange<'a> {
    code: &'a str,
    status: CertStatus,
    on: Option<NaiveDate>,
    today: NaiveDate,
}

impl StatusChange<'_> {
    /// Moves `cert` to the new status and sets the dates that status
    /// carries, warning about an exam day that breaks the issuer's timing.
    fn apply(&self, ctx: &Ctx, tx: &Connection, cert: &mut Certification) -> Result<()> {
        let StatusChange {
            code,
            status,
            on,
            today,
        } = *self;
        let exam_day = match status {
            CertStatus::Passed => Some(on.unwrap_or(today)),
            CertStatus::Failed | CertStatus::Scheduled => on,
            _ => None,
        };
        if let Some(day) = exam_day {
            timing_warnings(ctx, cert, catalog::find(code), day);
        }
        match status {
            CertStatus::Passed => {
                let day = on.unwrap_or(today);
                cert.passed_on = Some(day);
                if cert.exam_on.is_none_or(|exam| exam > day) {
                    cert.exam_on = Some(day);
                }
            }
            CertStatus::Failed => {
                cert.exam_on = on.or(cert.exam_on.filter(|d| *d <= today)).or(Some(today));
                cert.failed_on = cert.exam_on;
            }
            CertStatus::Scheduled => cert.exam_on = on.or(cert.exam_on),
            CertStatus::Applied => cert.applied_on = Some(on.unwrap_or(today)),
            CertStatus::Expired => {
                if let Some(day) = on {
                    tracking::set_expires_on(tx, cert.id, day)?;
                }
            }
            CertStatus::Planning => {}
        }
        if !matches!(status, CertStatus::Passed | CertStatus::Expired) {
            cert.passed_on = None;
        }
        cert.status = status;
        Ok(())
    }
}

/// The line `cert set` prints: the move and its date, or that nothing changed.
fn set_message(record: &Progress, before: Option<CertStatus>, unchanged: bool) -> String {
    let date = match record.status {
        CertStatus::Passed => record.passed_on,
        CertStatus::Failed | CertStatus::Scheduled => record.exam_on,
        CertStatus::Applied => record.applied_on,
        CertStatus::Expired => record.expires_on,
        CertStatus::Planning => None,
    };
    let on = date.map_or(String::new(), |d| format!(" on {d}"));
    if unchanged {
        return format!(
            "{} is already {}{on}; nothing changed",
            record.code, record.status
        );
    }
    let from = before.map_or(String::new(), |b| format!("{b} → "));
    format!(
        "{}: {from}{}{on}{}",
        record.code,
        record.status,
        cycle_text(record)
    )
}

/// The date `cert set CODE STATUS --on DATE` stores for `status`.
fn status_date(cert: &Certification, status: CertStatus) -> Option<NaiveDate> {
    match status {
        CertStatus::Passed => cert.passed_on,
        CertStatus::Failed | CertStatus::Scheduled => cert.exam_on,
        CertStatus::Applied => cert.applied_on,
        CertStatus::Expired => cert.expires_on,
        CertStatus::Planning => None,
    }
}

pub(super) fn cycle_text(record: &Progress) -> String {
    match (record.cycle_start, record.cycle_end, record.ceu_required) {
        (Some(start), Some(end), Some(required)) => format!(
            "; CEUs {} of {required} in the cycle {start} – {end}",
            hours(record.ceu_earned.unwrap_or(0.0))
        ),
        _ => String::new(),
    }
}

/// Warns (never refuses) when an exam on `day` breaks a timing rule.
fn timing_warnings(ctx: &Ctx, cert: &Certification, entry: Option<&Credential>, day: NaiveDate) {
    let Some(entry) = entry else { return };
    // The wait counts from the last failed exam, kept in `failed_on` even
    // when a retake has been scheduled since.
    let last_failure = match cert.status {
        CertStatus::Passed => None,
        _ => cert.failed_on,
    };
    if let (Some(previous), Some(wait)) = (last_failure, entry.retake_wait_days) {
        let earliest = dates::add_days(previous, u64::from(wait));
        if day > previous && day < earliest {
            ctx.out.warning(format!(
                "{} asks a retake of the {} to wait {wait} days after the failed attempt on {previous}; \
                 {day} is {} days after it (earliest: {earliest})",
                entry.issuer,
                entry.code,
                dates::days_between(previous, day)
            ));
        }
    }
    if let (true, Some(applied)) = (entry.is_ahima(), cert.applied_on) {
        let window_end = dates::add_days(applied, 120);
        if day > window_end {
            ctx.out.warning(format!(
                "AHIMA expects the {} exam within 120 days of approval; {day} is {} days after you applied \
                 ({applied}): check the date on your authorization to test",
                entry.code,
                dates::days_between(applied, day)
            ));
        }
    }
}

pub(super) fn exam(ctx: &Ctx, code: String, on: String) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let day = ctx.date_of(DateKind::Ahead, "--on", &on)?;
    finish(
        ctx,
        today,
        |tx| {
            let mut cert = tracked_or_new(ctx, tx, &code)?;
            timing_warnings(ctx, &cert, catalog::find(&code), day);
            if cert.status == CertStatus::Passed {
                ctx.out.notice(format!(
                    "{code} stays passed (on {}); the new exam date is recorded as a retake",
                    cert.passed_on
                        .map_or("an unknown day".into(), |d| d.to_string())
                ));
            } else {
                cert.status = CertStatus::Scheduled;
                cert.score = None;
                cert.passed_on = None;
            }
            cert.exam_on = Some(day);
            Ok(cert)
        },
        |record| {
            let when = if day > today { "planned" } else { "recorded" };
            format!("{}: exam {when} on {day} ({})", record.code, record.status)
        },
    )
}

fn scale_of(code: &str) -> Result<(&'static Credential, Scale)> {
    catalog::find(code)
        .and_then(|entry| entry.exam.and_then(|e| e.scale).map(|s| (entry, s)))
        .ok_or_else(|| {
            Error::Input(format!(
                "jobtrack knows no score scale for {code}; record the result with \
                 'jobtrack cert set {code} passed' or 'jobtrack cert set {code} failed'"
            ))
        })
}

/// A score typed for `field`, checked against the catalog's scale for
/// `code`; with the credential and its scale.
pub(super) fn parse_score(
    code: &str,
    field: &str,
    text: &str,
) -> Result<(&'static Credential, Scale, i64)> {
    let (entry, scale) = scale_of(code)?;
    let range = format!(
        "a whole number from {} to {} (the {code} scale)",
        scale.min, scale.max
    );
    let value: i64 = text
        .trim()
        .parse()
        .map_err(|_| Error::invalid(field, text, &range))?;
    if value < scale.min || value > scale.max {
        return Err(Error::Input(format!(
            "score {value} is off the {code} scale: expected {range}"
        )));
    }
    Ok((entry, scale, value))
}

pub(super) fn record_score(
    ctx: &Ctx,
    code: String,
    score_text: String,
    on: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let (entry, scale, value) = parse_score(&code, "SCORE", &score_text)?;
    let day = ctx.past_date("--on", on.as_deref())?;
    let passed = value >= scale.pass;
    finish(
        ctx,
        today,
        |tx| {
            let mut cert = tracked_or_new(ctx, tx, &code)?;
            timing_warnings(ctx, &cert, Some(entry), day);
            cert.exam_on = Some(day);
            cert.score = Some(value);
            if passed {
                cert.status = CertStatus::Passed;
                cert.passed_on = Some(day);
            } else {
                cert.status = CertStatus::Failed;
                cert.passed_on = None;
                cert.failed_on = Some(day);
            }
            Ok(cert)
        },
        |record| {
            let confirm = match entry.exam.map(|e| e.confidence) {
                Some(catalog::Confidence::Low) => " (scale and pass mark: confirm with the issuer)",
                _ => "",
            };
            format!(
                "{}: {value} on the {}–{} scale, pass mark {}{confirm}: {} on {day}{}",
                record.code,
                scale.min,
                scale.max,
                scale.pass,
                record.status,
                cycle_text(record)
            )
        },
    )
}

pub(super) fn ceu(
    ctx: &Ctx,
    code: String,
    hours_text: String,
    on: Option<String>,
    title: Option<String>,
    provider: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let amount = parse_hours("CEU hours", &hours_text, None)?;
    let day = ctx.past_date("--on", on.as_deref())?;
    let title = ctx.text("--title", title)?;
    let provider = ctx.text("--provider", provider)?;
    let passed_on = Cell::new(None);
    finish(
        ctx,
        today,
        |tx| {
            let cert = tracking::get(tx, &code)?.ok_or_else(|| not_tracked(&code))?;
            tracking::add_ceu(
                tx,
                cert.id,
                day,
                amount,
                title.as_deref(),
                provider.as_deref(),
            )?;
            passed_on.set(cert.passed_on.filter(|_| cert.status == CertStatus::Passed));
            Ok(cert)
        },
        |record| {
            let logged = format!(
                "Logged {} CEU {} for {} on {day}",
                hours(amount),
                if amount == 1.0 { "hour" } else { "hours" },
                record.code
            );
            let why_not = match (passed_on.get(), record.cycle_start) {
                (None, _) => Some(format!("{} is not passed yet", record.code)),
                (Some(passed), _) if day < passed => Some(format!(
                    "they are dated before {} was passed ({passed})",
                    record.code
                )),
                (Some(_), Some(start)) if day < start => {
                    let text = format!(
                        "{logged}; they count toward an earlier cycle, not the current one ({start} – {})",
                        opt(record.cycle_end)
                    );
                    return text;
                }
                (Some(_), None) => Some(format!("jobtrack knows no CEU cycle for {}", record.code)),
                _ => None,
            };
            match why_not {
                Some(reason) => {
                    let text = format!("{reason}, so they count toward no cycle (they are kept)");
                    // The confirmation line says it; with --json or -q that
                    // line is not printed, so say it on standard error.
                    if ctx.out.json || ctx.out.quiet {
                        ctx.out.notice(&text);
                    }
                    format!("{logged}; {text}")
                }
                None => {
                    let shared = if record.shared_with.is_empty() {
                        String::new()
                    } else {
                        format!(" (one pool with {})", record.shared_with.join(", "))
                    };
                    format!("{logged}{}{shared}", cycle_text(record))
                }
            }
        },
    )
}

/// `cert rm CODE`: stops tracking a credential and removes its CEUs.
pub(super) fn remove(ctx: &Ctx, code: &str) -> Result<()> {
    let code = code_arg(code)?;
    let id = {
        let conn = ctx.open(Access::Existing)?;
        tracking::get(&conn, &code)?
            .ok_or_else(|| not_tracked(&code))?
            .id
    };
    ctx.remove(id, |tx| {
        let cert = tracking::get(tx, &code)?.ok_or_else(|| not_tracked(&code))?;
        let ceus = tracking::delete(tx, cert.id)?;
        Ok(match ceus {
            0 => format!("Stopped tracking {code}"),
            n => format!(
                "Stopped tracking {code} and removed its {}",
                crate::output::count_of(n, "CEU entry", "CEU entries")
            ),
        })
    })
}
