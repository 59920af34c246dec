//! `cert edit CODE`: corrects what is recorded about a tracked credential
//! (exam day, score, pass day, name, issuer) without the status rules of
//! `cert set`, `exam` and `score`.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::code_arg;
use super::write::{cycle_text, finish, not_tracked, parse_score};
use crate::credentials::catalog::Scale;
use crate::credentials::tracking::{self, CertStatus, Certification, Progress};
use crate::ctx::Ctx;
use crate::dates::DateKind;
use crate::error::Result;
use crate::input::{check_edit_options, kept};

/// `cert edit` arguments.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  jobtrack cert edit RHIT --score 312\n  jobtrack cert edit RHIT --passed-on 2026-11-20\n  jobtrack cert edit CPC --issuer AAPC --clear exam_on\n\nThe status stays as it is: 'jobtrack cert set CODE STATUS' changes it."
)]
pub struct CertEditArgs {
    /// The code of a tracked credential
    #[arg(allow_hyphen_values = true)]
    pub code: String,
    /// The exam day (future allowed)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub exam_on: Option<String>,
    /// The scaled score, on the catalog's scale for the credential
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub score: Option<String>,
    /// The day passed (a past date: not after today)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub passed_on: Option<String>,
    /// The full name
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub name: Option<String>,
    /// Who issues it
    #[arg(long, value_name = "I", allow_hyphen_values = true)]
    pub issuer: Option<String>,
    /// Empty a field (repeat for more)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
}

/// What `cert edit --clear` can empty (a name cannot be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ClearField {
    ExamOn,
    Score,
    PassedOn,
    Issuer,
}

/// The corrections typed, checked before the database is opened.
struct Corrections {
    exam_on: Option<NaiveDate>,
    score: Option<(Scale, i64)>,
    passed_on: Option<NaiveDate>,
    name: Option<String>,
    issuer: Option<String>,
    clear: Vec<ClearField>,
}

/// Corrects a tracked credential and prints it with its CEU progress.
pub(super) fn edit(ctx: &Ctx, args: CertEditArgs) -> Result<()> {
    let today = ctx.today()?;
    let code = code_arg(&args.code)?;
    let fixes = parse(ctx, &code, args)?;
    finish(
        ctx,
        today,
        |tx| {
            let mut cert = tracking::get(tx, &code)?.ok_or_else(|| not_tracked(&code))?;
            fixes.apply(&mut cert);
            status_notes(ctx, &cert, &fixes);
            Ok(cert)
        },
        message,
    )
}

/// Refuses contradicting, empty or bad options; parses the rest.
fn parse(ctx: &Ctx, code: &str, args: CertEditArgs) -> Result<Corrections> {
    check_edit_options(
        &[
            (ClearField::ExamOn, args.exam_on.is_some(), "--exam-on"),
            (ClearField::Score, args.score.is_some(), "--score"),
            (
                ClearField::PassedOn,
                args.passed_on.is_some(),
                "--passed-on",
            ),
            (ClearField::Issuer, args.issuer.is_some(), "--issuer"),
        ],
        &args.clear,
        args.name.is_some(),
        || {
            format!(
                "nothing to change for {code}; give --exam-on, --score, --passed-on, --name, --issuer or --clear"
            )
        },
    )?;
    let exam_on = ctx.opt_date_of(DateKind::Ahead, "--exam-on", args.exam_on.as_deref())?;
    let score = args
        .score
        .as_deref()
        .map(|text| parse_score(code, "--score", text).map(|(_, scale, value)| (scale, value)))
        .transpose()?;
    let passed_on = ctx.opt_date_of(DateKind::Past, "--passed-on", args.passed_on.as_deref())?;
    let name = args
        .name
        .map(|n| ctx.required_text("--name", n))
        .transpose()?;
    let issuer = ctx.text("--issuer", args.issuer)?;
    Ok(Corrections {
        exam_on,
        score,
        passed_on,
        name,
        issuer,
        clear: args.clear,
    })
}

impl Corrections {
    fn cleared(&self, field: ClearField) -> bool {
        self.clear.contains(&field)
    }

    /// Replaces the fields given and empties the fields cleared. A failed
    /// exam's day (`failed_on`, which the retake wait counts from) follows
    /// a corrected exam day.
    fn apply(&self, cert: &mut Certification) {
        let exam_on = kept(self.cleared(ClearField::ExamOn), self.exam_on, cert.exam_on);
        if cert.status == CertStatus::Failed && cert.failed_on == cert.exam_on {
            cert.failed_on = exam_on;
        }
        cert.exam_on = exam_on;
        cert.score = kept(
            self.cleared(ClearField::Score),
            self.score.map(|(_, value)| value),
            cert.score,
        );
        cert.passed_on = kept(
            self.cleared(ClearField::PassedOn),
            self.passed_on,
            cert.passed_on,
        );
        cert.issuer = kept(
            self.cleared(ClearField::Issuer),
            self.issuer.clone(),
            cert.issuer.take(),
        );
        if let Some(name) = &self.name {
            cert.name.clone_from(name);
        }
    }
}

/// Says on standard error when a corrected fact disagrees with the status,
/// which an edit leaves alone, and the command that changes it.
fn status_notes(ctx: &Ctx, cert: &Certification, fixes: &Corrections) {
    let code = &cert.code;
    if let Some((scale, value)) = fixes.score {
        let passes = value >= scale.pass;
        let disagrees = match cert.status {
            CertStatus::Passed => !passes,
            CertStatus::Failed => passes,
            _ => false,
        };
        if disagrees {
            let verdict = if passes { "passed" } else { "failed" };
            let on = match (passes, cert.exam_on) {
                (true, Some(day)) => format!(" --on {day}"),
                _ => String::new(),
            };
            ctx.out.notice(format!(
                "{code} stays {}: a score of {value} against the pass mark {} is {verdict}; \
                 'jobtrack cert set {code} {verdict}{on}' changes the status",
                cert.status, scale.pass
            ));
        }
    }
    if let Some(day) = fixes.passed_on {
        if !matches!(cert.status, CertStatus::Passed | CertStatus::Expired) {
            ctx.out.notice(format!(
                "{code} stays {}; 'jobtrack cert set {code} passed --on {day}' makes it passed",
                cert.status
            ));
        }
    }
}

/// The line `cert edit` prints: the credential as it now stands.
fn message(record: &Progress) -> String {
    let mut facts = Vec::new();
    if let Some(day) = record.exam_on {
        facts.push(format!("exam on {day}"));
    }
    if let Some(score) = record.score {
        facts.push(format!("score {score}"));
    }
    if let Some(day) = record.passed_on {
        facts.push(format!("passed on {day}"));
    }
    let issuer = record
        .issuer
        .as_deref()
        .map_or(String::new(), |i| format!(" ({i})"));
    let facts = if facts.is_empty() {
        String::new()
    } else {
        format!("; {}", facts.join(", "))
    };
    format!(
        "Changed {}: {}{issuer}, {}{facts}{}",
        record.code,
        record.name,
        record.status,
        cycle_text(record)
    )
}
