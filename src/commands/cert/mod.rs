//! `jobtrack cert …`: arguments, the exam and CEU rules, and what each
//! prints.

use chrono::NaiveDate;
use clap::Subcommand;

mod ceus;
mod edit;
mod write;

use crate::credentials::catalog::{self, Credential, Req};
use crate::credentials::eligibility::{self, Check};
use crate::credentials::tracking::{self, CertStatus};
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::input::parse_code;
use crate::output::{hours, Column, Tone};
use write::{add, ceu, exam, record_score, set};

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
        #[arg(allow_hyphen_values = true)]
        code: Option<String>,
    },
    /// Start tracking a credential (a catalog code, or your own with --name)
    #[command(
        after_help = "Examples:\n  jobtrack cert add RHIT\n  jobtrack cert add CPC --name \"Certified Professional Coder\" --issuer AAPC"
    )]
    Add {
        /// The code, like RHIT
        #[arg(allow_hyphen_values = true)]
        code: String,
        /// The full name (needed for a code outside the catalog)
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        name: Option<String>,
        /// Who issues it
        #[arg(long, value_name = "I", allow_hyphen_values = true)]
        issuer: Option<String>,
    },
    /// Set where a credential stands
    #[command(
        after_help = "Examples:\n  jobtrack cert set RHIT applied --on 2026-09-01\n  jobtrack cert set CHPS passed --on 2026-10-15\n  jobtrack cert set RHIT scheduled --on 2026-12-10"
    )]
    Set {
        /// The code
        #[arg(allow_hyphen_values = true)]
        code: String,
        /// The new status
        #[arg(value_enum)]
        status: CertStatus,
        /// When: the day applied, passed or failed (past dates: not after today), scheduled (future allowed) or expired (any date) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
    },
    /// Record an exam date, past or planned (a retake is a new date)
    #[command(
        after_help = "Examples:\n  jobtrack cert exam RHIT --on 2026-12-10\n  jobtrack cert exam CPHIMS --on +6w"
    )]
    Exam {
        /// The code
        #[arg(allow_hyphen_values = true)]
        code: String,
        /// The exam date (future allowed)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: String,
    },
    /// Record an exam score: passed or failed by the catalog's pass mark
    #[command(
        after_help = "Examples:\n  jobtrack cert score RHIT 312 --on 2026-11-20\n  jobtrack cert score CPHIMS 640\n\nWithout a known scale (CHPS, your own codes): jobtrack cert set CODE passed|failed"
    )]
    Score {
        /// The code
        #[arg(allow_hyphen_values = true)]
        code: String,
        /// The scaled score
        #[arg(allow_hyphen_values = true)]
        score: String,
        /// The exam day (a past date: not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
    },
    /// Correct a tracked credential's exam day, score, pass day, name or issuer (the status stays)
    Edit(edit::CertEditArgs),
    /// Log continuing-education hours (CEUs; one CEU is 60 minutes)
    #[command(
        after_help = "Examples:\n  jobtrack cert ceu RHIT 1.5 --title \"Coding Clinic webinar\" --provider AHIMA\n  jobtrack cert ceu CPHIMS 2 --on 2026-11-02 --title \"Ethics in health IT\""
    )]
    Ceu {
        /// The code
        #[arg(allow_hyphen_values = true)]
        code: String,
        /// Hours: more than 0, at most 2 decimals
        #[arg(allow_hyphen_values = true)]
        hours: String,
        /// The day (a past date: not after today) [default: today]
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
    /// CEU entries with their ids, newest first
    #[command(after_help = "Examples:\n  jobtrack cert ceus\n  jobtrack cert ceus RHIT")]
    Ceus {
        /// Only this credential's
        code: Option<String>,
    },
    /// Correct a CEU entry (hours, date, title, provider)
    CeuEdit(ceus::CeuEditArgs),
    /// Remove a CEU entry
    #[command(after_help = "Example:\n  jobtrack cert ceu-rm 12")]
    CeuRm {
        /// The entry id (see 'jobtrack cert ceus')
        id: i64,
    },
    /// Stop tracking a credential (its CEUs go with it)
    #[command(after_help = "Example:\n  jobtrack cert rm CCS")]
    Rm {
        /// The credential code
        code: String,
    },
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
        CertCommand::Edit(args) => edit::edit(ctx, args),
        CertCommand::Ceu {
            code,
            hours,
            on,
            title,
            provider,
        } => ceu(ctx, code, hours, on, title, provider),
        CertCommand::List => list(ctx),
        CertCommand::Rm { code } => write::remove(ctx, &code),
        CertCommand::Ceus { code } => ceus::list(ctx, code),
        CertCommand::CeuEdit(args) => ceus::edit(ctx, args),
        CertCommand::CeuRm { id } => ceus::remove(ctx, id),
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
        out.print_fields(&[
            ("eligibility", Some(eligibility)),
            ("exam", exam),
            ("keeping it", Some(credential.renewal_text())),
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
pub(super) fn code_arg(text: &str) -> Result<String> {
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
        "Judged on {} education {}, {} years of experience ({} in healthcare) and {} held {}.",
        facts.education.len(),
        if facts.education.len() == 1 {
            "row"
        } else {
            "rows"
        },
        facts.years.total_text(),
        facts.years.healthcare_text(),
        facts.held.len(),
        if facts.held.len() == 1 {
            "credential"
        } else {
            "credentials"
        }
    ))?;
    for check in &checks {
        out.line("")?;
        let (verdict, tone) = match check.eligible {
            Some(true) if check.held => ("held".to_string(), Tone::Good),
            Some(true) => ("eligible".to_string(), Tone::Good),
            Some(false) => ("not eligible yet".to_string(), Tone::Alert),
            None => (
                "advice only: confirm with the issuer".to_string(),
                Tone::Active,
            ),
        };
        let route = match (&check.route, check.closest_route) {
            (Some(route), _) if !check.held => format!(" by {route}"),
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
        // The verdict line already says "confirm with the issuer".
        for advice in check
            .advice
            .iter()
            .filter(|a| *a != "confirm with the issuer")
        {
            out.line(format!("  · {advice}"))?;
        }
    }
    Ok(())
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
        Column::keep("Code"),
        Column::keep("Status"),
        Column::whole("Eligible", 7),
        Column::whole("Exam", 5),
        Column::whole("Score", 3),
        Column::whole("Passed", 4),
        Column::whole("CEUs", 6),
        Column::whole("Cycle", 2),
    ]);
    for row in &rows {
        table.add_row(progress_cells(ctx, row));
    }
    out.print_table(&table)?;
    for row in &rows {
        print_progress_notes(ctx, row, today)?;
    }
    Ok(())
}

/// One row of `cert list`'s table.
fn progress_cells(ctx: &Ctx, row: &tracking::Progress) -> Vec<crate::output::Cell> {
    let out = &ctx.out;
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
    let eligible = row.eligible_word();
    vec![
        out.cell(&row.code, Tone::Plain),
        out.cell(row.status, tone),
        out.cell(eligible, Tone::Plain),
        out.cell(opt(row.exam_on), Tone::Plain),
        out.number(row.score.map_or(String::new(), |s| s.to_string())),
        out.cell(opt(row.passed_on), Tone::Plain),
        out.cell(ceus, ceu_tone),
        out.cell(cycle, Tone::Plain),
    ]
}

/// The lines under `cert list`'s table about one credential.
fn print_progress_notes(ctx: &Ctx, row: &tracking::Progress, today: NaiveDate) -> Result<()> {
    for note in row.notes(today) {
        let line = format!("{}: {}", row.code, note.text);
        if note.alert {
            ctx.out.line(ctx.out.paint(&line, Tone::Alert))?;
        } else {
            ctx.out.line(line)?;
        }
    }
    Ok(())
}

pub(super) fn opt(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
