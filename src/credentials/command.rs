//! The `cert` subcommands: arguments, the exam and CEU rules, and what each
//! prints.

use std::cell::Cell;

use chrono::NaiveDate;
use clap::Subcommand;
use rusqlite::Connection;

use super::catalog::{self, Credential, Req, Scale};
use super::eligibility::{self, Check};
use super::tracking::{self, CertStatus, Certification, Progress};
use crate::applications::parse_code;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::output::{hours, Tone};
use crate::volunteer::{not_after_today, parse_hours};
use crate::{dates, Ctx};

const CERT_EXAMPLES: &str = "\
Examples:
  jobtrack cert check                 are you eligible for the RHIT, RHIA, CPHIMS, …?
  jobtrack cert add RHIT
  jobtrack cert score RHIT 312 --on 2026-11-20
  jobtrack cert ceu RHIT 1.5 --title \"Coding Clinic webinar\" --provider AHIMA";

/// `jobtrack cert …`
#[derive(Debug, Subcommand)]
#[command(after_help = CERT_EXAMPLES)]
pub enum CertCommand {
    /// The built-in credentials: eligibility routes, exams, renewal, sources
    #[command(after_help = "Examples:\n  jobtrack cert catalog\n  jobtrack --json cert catalog")]
    Catalog,
    /// Eligibility from your education, experience and held credentials
    #[command(
        after_help = "Examples:\n  jobtrack cert check\n  jobtrack cert check RHIA\n  jobtrack --json cert check CPHIMS"
    )]
    Check {
        /// One catalog code [default: all of them]
        code: Option<String>,
    },
    /// Start tracking a credential (a catalog code, or your own with --name)
    #[command(
        after_help = "Examples:\n  jobtrack cert add RHIT\n  jobtrack cert add CPC --name \"Certified Professional Coder\" --issuer AAPC"
    )]
    Add {
        /// The code, like RHIT
        code: String,
        /// The full name (needed for a code outside the catalog)
        #[arg(long, value_name = "N")]
        name: Option<String>,
        /// Who issues it
        #[arg(long, value_name = "I")]
        issuer: Option<String>,
    },
    /// Set where a credential stands
    #[command(
        after_help = "Examples:\n  jobtrack cert set RHIT applied --on 2026-09-01\n  jobtrack cert set CHPS passed --on 2026-10-15\n  jobtrack cert set RHIT scheduled --on 2026-12-10"
    )]
    Set {
        /// The code
        code: String,
        /// The new status
        #[arg(value_enum)]
        status: CertStatus,
        /// When: the day applied, scheduled, passed, failed or expired [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
    },
    /// Record an exam date, past or planned (a retake is a new date)
    #[command(
        after_help = "Examples:\n  jobtrack cert exam RHIT --on 2026-12-10\n  jobtrack cert exam CPHIMS --on +6w"
    )]
    Exam {
        /// The code
        code: String,
        /// The exam date
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: String,
    },
    /// Record an exam score: passed or failed by the catalog's pass mark
    #[command(
        after_help = "Examples:\n  jobtrack cert score RHIT 312 --on 2026-11-20\n  jobtrack cert score CPHIMS 640\n\nWithout a known scale (CHPS, your own codes): jobtrack cert set CODE passed|failed"
    )]
    Score {
        /// The code
        code: String,
        /// The scaled score
        #[arg(allow_hyphen_values = true)]
        score: String,
        /// The exam day (not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
    },
    /// Log continuing-education hours (CEUs; one CEU is 60 minutes)
    #[command(
        after_help = "Examples:\n  jobtrack cert ceu RHIT 1.5 --title \"Coding Clinic webinar\" --provider AHIMA\n  jobtrack cert ceu CPHIMS 2 --on 2026-11-02 --title \"Ethics in health IT\""
    )]
    Ceu {
        /// The code
        code: String,
        /// Hours: more than 0, at most 2 decimals
        #[arg(allow_hyphen_values = true)]
        hours: String,
        /// The day (not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// What it was
        #[arg(long, value_name = "T", allow_hyphen_values = true)]
        title: Option<String>,
        /// Who gave it (AHIMA, a state association, HIMSS, …)
        #[arg(long, value_name = "P", allow_hyphen_values = true)]
        provider: Option<String>,
    },
    /// Tracked credentials with their CEU progress in the current cycle
    List,
}

/// Runs a `cert` subcommand.
pub fn run(ctx: &Ctx, command: CertCommand) -> Result<()> {
    match command {
        CertCommand::Catalog => show_catalog(ctx),
        CertCommand::Check { code } => check(ctx, code),
        CertCommand::Add { code, name, issuer } => add(ctx, code, name, issuer),
        CertCommand::Set { code, status, on } => set(ctx, code, status, on),
        CertCommand::Exam { code, on } => exam(ctx, code, on),
        CertCommand::Score { code, score, on } => record_score(ctx, code, score, on),
        CertCommand::Ceu {
            code,
            hours,
            on,
            title,
            provider,
        } => ceu(ctx, code, hours, on, title, provider),
        CertCommand::List => list(ctx),
    }
}

fn show_catalog(ctx: &Ctx) -> Result<()> {
    let out = &ctx.out;
    if out.json {
        return out.print_json(catalog::CATALOG);
    }
    for (i, credential) in catalog::CATALOG.iter().enumerate() {
        if i > 0 {
            out.line("")?;
        }
        out.line(out.heading(&format!(
            "{}  {} ({})",
            credential.code, credential.name, credential.issuer
        )))?;
        let confidence = credential.confidence.as_str();
        let eligibility = if credential.advice_only() {
            format!(
                "advice only ({confidence}): {}; confirm with the issuer",
                credential.advice.join("; ")
            )
        } else {
            let routes: Vec<String> = credential.routes.iter().map(describe_route).collect();
            let mut text = format!("({confidence}) {}", routes.join("; or "));
            if !credential.advice.is_empty() {
                text.push_str(&format!("; {}", credential.advice.join("; ")));
            }
            text
        };
        let exam = credential.exam.map(|exam| {
            let mut parts = vec![exam.delivery.to_string(), exam.length.to_string()];
            if let Some(scale) = exam.scale {
                parts.push(format!(
                    "scaled {}–{}, pass {}",
                    scale.min, scale.max, scale.pass
                ));
            }
            if let Some(fees) = exam.fees {
                parts.push(fees.to_string());
            }
            format!("({}) {}", exam.confidence.as_str(), parts.join("; "))
        });
        let renewal = &credential.renewal;
        let cycle = format!(
            "({}) every {} years, {} CEUs; {}{}",
            renewal.confidence.as_str(),
            renewal.cycle_years,
            renewal.ceu_required,
            renewal.rules,
            if credential.is_ahima() {
                "; several AHIMA credentials share one cycle and CEU pool"
            } else {
                ""
            }
        );
        out.print_fields(&[
            ("eligibility", Some(eligibility)),
            ("exam", exam),
            ("keeping it", Some(cycle)),
            ("sources", Some(credential.sources.join("\n"))),
            ("checked", Some(credential.checked.to_string())),
        ])?;
    }
    Ok(())
}

fn describe_route(route: &catalog::Route) -> String {
    if has_final_term(&route.requires) {
        format!("{} (completed, or in its final term)", route.label)
    } else {
        route.label.to_string()
    }
}

fn has_final_term(req: &Req) -> bool {
    match req {
        Req::Degree { final_term, .. } => *final_term,
        Req::All { of } => of.iter().any(has_final_term),
        _ => false,
    }
}

/// A code typed by the user: upper-cased and checked.
fn code_arg(text: &str) -> Result<String> {
    parse_code("CODE", text)
}

fn check(ctx: &Ctx, code: Option<String>) -> Result<()> {
    let today = ctx.today()?;
    let wanted: Vec<&Credential> = match code {
        Some(text) => {
            let code = code_arg(&text)?;
            vec![catalog::find(&code).ok_or_else(|| {
                Error::NotFound(format!(
                    "{code} is not in the catalog ({}); jobtrack judges eligibility only for those",
                    catalog::codes()
                ))
            })?]
        }
        None => catalog::CATALOG.iter().collect(),
    };
    let conn = ctx.open(Access::Existing)?;
    let facts = tracking::facts(&conn, today)?;
    let checks: Vec<Check> = wanted
        .iter()
        .map(|c| eligibility::check(c, &facts))
        .collect();
    let out = &ctx.out;
    if out.json {
        return out.print_json(&checks);
    }
    out.line(format!(
        "Judged on {} education {}, {} years of experience ({} in healthcare) and {} held credentials.",
        facts.education.len(),
        if facts.education.len() == 1 { "row" } else { "rows" },
        facts.years.total_text(),
        facts.years.healthcare_text(),
        facts.held.len()
    ))?;
    for check in &checks {
        out.line("")?;
        let (verdict, tone) = match check.eligible {
            Some(true) => ("eligible".to_string(), Tone::Good),
            Some(false) => ("not eligible yet".to_string(), Tone::Alert),
            None => (
                "advice only: confirm with the issuer".to_string(),
                Tone::Active,
            ),
        };
        let route = match (&check.route, check.closest_route) {
            (Some(route), _) => format!(" by {route}"),
            (None, Some(closest)) => format!(" (closest route: {closest})"),
            _ => String::new(),
        };
        out.line(format!(
            "{}  {}{route}  [{} confidence]",
            out.heading(check.code),
            out.paint(&verdict, tone),
            check.confidence.as_str()
        ))?;
        for missing in &check.missing {
            out.line(format!("  - {missing}"))?;
        }
        for advice in &check.advice {
            out.line(format!("  · {advice}"))?;
        }
    }
    Ok(())
}

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

fn not_tracked(code: &str) -> Error {
    Error::NotFound(format!(
        "{code} is not tracked; start with 'jobtrack cert add {code}' (give --name for a code outside the catalog)"
    ))
}

/// The common end of every `cert` write: store `cert`, recompute the
/// cycles, commit and print the credential with its progress.
fn finish(
    ctx: &Ctx,
    mut conn: Connection,
    today: NaiveDate,
    change: impl FnOnce(&Connection) -> Result<Certification>,
    message: impl FnOnce(&Progress) -> String,
) -> Result<()> {
    let tx = db::write(&mut conn)?;
    let cert = change(&tx)?;
    tracking::update(&tx, &cert)?;
    tracking::refresh_expiry(&tx, today)?;
    let record = tracking::progress_of(&tx, &cert.code, today)?;
    db::commit(tx)?;
    ctx.out
        .written(record.id, &message(&record), || Ok(record.clone()))
}

fn add(ctx: &Ctx, code: String, name: Option<String>, issuer: Option<String>) -> Result<()> {
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
    let conn = ctx.open(Access::Create)?;
    let verdict = entry
        .map(|e| tracking::facts(&conn, today).map(|f| eligibility::check(e, &f)))
        .transpose()?;
    finish(
        ctx,
        conn,
        today,
        |tx| {
            if let Some(existing) = tracking::get(tx, &code)? {
                return Err(Error::Input(format!(
                    "{code} is already tracked (status {}); see 'jobtrack cert list'",
                    existing.status
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
            match verdict {
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

fn set(ctx: &Ctx, code: String, status: CertStatus, on: Option<String>) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let on = ctx.opt_date("--on", on.as_deref())?;
    if matches!(status, CertStatus::Passed | CertStatus::Failed) {
        if let Some(date) = on {
            not_after_today("--on", date, today)?;
        }
    }
    if status == CertStatus::Planning && on.is_some() {
        return Err(Error::Input(
            "--on has no meaning for planning; give it with applied, scheduled, passed, failed or expired"
                .into(),
        ));
    }
    let conn = ctx.open(Access::Create)?;
    let before = Cell::new(None);
    finish(
        ctx,
        conn,
        today,
        |tx| {
            let mut cert = tracked_or_new(ctx, tx, &code)?;
            before.set(Some(cert.status));
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
                }
                CertStatus::Scheduled => cert.exam_on = on.or(cert.exam_on),
                CertStatus::Applied => cert.applied_on = Some(on.unwrap_or(today)),
                CertStatus::Expired => {
                    if let Some(day) = on {
                        tx.execute(
                            "UPDATE certifications SET expires_on = ?2 WHERE id = ?1",
                            rusqlite::params![cert.id, day],
                        )?;
                    }
                }
                CertStatus::Planning => {}
            }
            if !matches!(status, CertStatus::Passed | CertStatus::Expired) {
                cert.passed_on = None;
            }
            cert.status = status;
            Ok(cert)
        },
        |record| {
            let from = before.get().map_or(String::new(), |b| format!("{b} → "));
            let mut message = format!("{}: {from}{}", record.code, record.status);
            let date = match record.status {
                CertStatus::Passed => record.passed_on,
                CertStatus::Failed | CertStatus::Scheduled => record.exam_on,
                CertStatus::Applied => record.applied_on,
                CertStatus::Expired => record.expires_on,
                CertStatus::Planning => None,
            };
            if let Some(date) = date {
                message.push_str(&format!(" on {date}"));
            }
            message.push_str(&cycle_text(record));
            message
        },
    )
}

fn cycle_text(record: &Progress) -> String {
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
    if let (CertStatus::Failed, Some(previous), Some(wait)) =
        (cert.status, cert.exam_on, entry.retake_wait_days)
    {
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

fn exam(ctx: &Ctx, code: String, on: String) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let day = ctx.date("--on", &on)?;
    let conn = ctx.open(Access::Create)?;
    finish(
        ctx,
        conn,
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

fn record_score(ctx: &Ctx, code: String, score_text: String, on: Option<String>) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&code)?;
    let (entry, scale) = scale_of(&code)?;
    let range = format!(
        "a whole number from {} to {} (the {code} scale)",
        scale.min, scale.max
    );
    let value: i64 = score_text
        .trim()
        .parse()
        .map_err(|_| Error::invalid("SCORE", &score_text, &range))?;
    if value < scale.min || value > scale.max {
        return Err(Error::Input(format!(
            "score {value} is off the {code} scale: expected {range}"
        )));
    }
    let day = match on {
        Some(text) => not_after_today("--on", ctx.date("--on", &text)?, today)?,
        None => today,
    };
    let passed = value >= scale.pass;
    let conn = ctx.open(Access::Create)?;
    finish(
        ctx,
        conn,
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

fn ceu(
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
    let day = match on {
        Some(text) => not_after_today("--on", ctx.date("--on", &text)?, today)?,
        None => today,
    };
    let title = ctx.text("--title", title)?;
    let provider = ctx.text("--provider", provider)?;
    let conn = ctx.open(Access::Create)?;
    let passed_on = Cell::new(None);
    finish(
        ctx,
        conn,
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
                    ctx.out.notice(&text);
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

fn list(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let rows = tracking::progress(&conn, today)?;
    let out = &ctx.out;
    if out.json {
        return out.print_json(&rows);
    }
    if rows.is_empty() {
        return out.line(
            "No credentials tracked yet; 'jobtrack cert check' shows what you are eligible for, \
             'jobtrack cert add RHIT' starts tracking one.",
        );
    }
    let mut table = out.table([
        "Code", "Status", "Eligible", "Exam", "Score", "Passed", "CEUs", "Cycle",
    ]);
    for row in &rows {
        let tone = match row.status {
            CertStatus::Passed => Tone::Good,
            CertStatus::Failed | CertStatus::Expired => Tone::Alert,
            CertStatus::Scheduled => Tone::Active,
            _ => Tone::Plain,
        };
        let ceus = match (row.ceu_earned, row.ceu_required) {
            (Some(earned), Some(required)) => format!("{} / {required}", hours(earned)),
            _ => String::new(),
        };
        let ceu_tone = match (row.ceu_earned, row.ceu_required) {
            (Some(earned), Some(required)) if earned >= f64::from(required) => Tone::Good,
            _ => Tone::Plain,
        };
        let cycle = match (row.cycle_start, row.cycle_end) {
            (Some(start), Some(end)) => format!("{start} – {end}"),
            _ => String::new(),
        };
        let eligible = match row.eligible {
            Some(true) => "yes",
            Some(false) => "not yet",
            None => "",
        };
        table.add_row(vec![
            out.cell(&row.code, Tone::Plain),
            out.cell(row.status, tone),
            out.cell(eligible, Tone::Plain),
            out.cell(opt(row.exam_on), Tone::Plain),
            out.number(row.score.map_or(String::new(), |s| s.to_string())),
            out.cell(opt(row.passed_on), Tone::Plain),
            out.cell(ceus, ceu_tone),
            out.cell(cycle, Tone::Plain),
        ]);
    }
    out.print_table(&table)?;
    for row in &rows {
        if let Some(by) = &row.replaced_by {
            out.line(format!(
                "{}: replaced by the {by}; it no longer adds to the CEU requirement",
                row.code
            ))?;
        }
        if row.lapsed {
            let revoked = row.revocation_on.map_or(String::new(), |d| {
                format!("; revoked on {d} unless reinstated")
            });
            out.line(out.paint(
                &format!(
                    "{}: the last cycle ended short of CEUs (lapsed){revoked}",
                    row.code
                ),
                Tone::Alert,
            ))?;
        }
        if row.ceu_uncounted > 0.0 {
            out.line(format!(
                "{}: {} CEU hours count toward no cycle (logged before it was passed)",
                row.code,
                hours(row.ceu_uncounted)
            ))?;
        }
    }
    Ok(())
}

fn opt(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
