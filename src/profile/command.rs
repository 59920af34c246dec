//! The `edu` and `work` subcommands: arguments, checks and what each prints.

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use rusqlite::params;

use super::{
    describe_edu, education, experience, require_edu, require_work, EduStatus, Education,
    Experience, Level,
};
use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::orgs;
use crate::output::Tone;

const EDU_ADD_HELP: &str = "\
--cahiim means a CAHIIM-accredited Health Information Management (HIM) program:
an HIM associate's, bachelor's or master's, or a post-bachelor's HIM certificate.
These lead to the RHIT (associate's) and the RHIA (bachelor's, master's, certificate).
CAHIIM also accredits health-informatics master's programs, which do not lead to the
RHIA: enter a health-informatics master's WITHOUT --cahiim.

Examples:
  jobtrack edu add associate \"Health Information Technology\" --school \"Cuyahoga CC\" --cahiim --completed 2025-05-15
  jobtrack edu add bachelor \"Health Information Management\" --cahiim --status final_term
  jobtrack edu add master \"Health Informatics\" --completed 2024-12-20";

const EDU_EXAMPLES: &str = "\
Examples:
  jobtrack edu add associate \"Health Information Technology\" --cahiim --completed 2025-05-15
  jobtrack edu list
  jobtrack edu edit 1 --status final_term
  jobtrack cert check";

const WORK_EXAMPLES: &str = "\
Examples:
  jobtrack work add \"Mercy Health\" \"Patient Access Representative\" --from 2022-03-01 --healthcare
  jobtrack work add \"Best Buy\" \"Sales Associate\" --from 2019-06-01 --to 2022-02-28
  jobtrack work list
  jobtrack work edit 1 --to 2026-10-31";

/// `jobtrack edu …`
#[derive(Debug, Subcommand)]
#[command(after_help = EDU_EXAMPLES)]
pub enum EduCommand {
    /// Add a degree, certificate or program you are in
    #[command(after_help = EDU_ADD_HELP)]
    Add {
        /// The level
        #[arg(value_enum)]
        level: Level,
        /// The field of study, like "Health Information Management"
        field: String,
        /// The school (created on first use)
        #[arg(long, value_name = "NAME")]
        school: Option<String>,
        /// A CAHIIM-accredited HIM program (not a health-informatics master's; see below)
        #[arg(long)]
        cahiim: bool,
        /// Where it stands [default: completed with --completed, else enrolled]
        #[arg(long, value_enum, value_name = "S")]
        status: Option<EduStatus>,
        #[command(flatten)]
        dates: EduDates,
    },
    /// List your education
    List,
    /// Change an education row
    #[command(
        after_help = "Examples:\n  jobtrack edu edit 1 --status final_term\n  jobtrack edu edit 1 --completed 2026-05-15\n  jobtrack edu edit 2 --no-cahiim --clear school"
    )]
    Edit {
        /// The row id (see 'jobtrack edu list')
        id: i64,
        /// A new level
        #[arg(long, value_enum)]
        level: Option<Level>,
        /// A new field of study
        #[arg(long)]
        field: Option<String>,
        /// A new school
        #[arg(long, value_name = "NAME")]
        school: Option<String>,
        /// Mark it a CAHIIM-accredited HIM program
        #[arg(long, conflicts_with = "no_cahiim")]
        cahiim: bool,
        /// Mark it not CAHIIM-accredited (or a health-informatics program)
        #[arg(long)]
        no_cahiim: bool,
        /// A new status (--completed alone also sets completed)
        #[arg(long, value_enum, value_name = "S")]
        status: Option<EduStatus>,
        #[command(flatten)]
        dates: EduDates,
        /// Empty a field (repeat for more)
        #[arg(long, value_enum, value_name = "FIELD")]
        clear: Vec<EduClear>,
    },
    /// Delete an education row
    Rm {
        /// The row id
        id: i64,
    },
}

/// The dates `edu add` and `edu edit` take.
#[derive(Debug, Args)]
pub struct EduDates {
    /// When you started
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub started: Option<String>,
    /// When you finished (not after today)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub completed: Option<String>,
}

/// What `edu edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum EduClear {
    School,
    Started,
    Completed,
}

/// `jobtrack work …`
#[derive(Debug, Subcommand)]
#[command(after_help = WORK_EXAMPLES)]
pub enum WorkCommand {
    /// Add a job (paid or not) you hold or held
    #[command(
        after_help = "Examples:\n  jobtrack work add \"Mercy Health\" \"Patient Access Representative\" --from 2022-03-01 --healthcare\n  jobtrack work add \"Best Buy\" \"Sales Associate\" --from 2019-06-01 --to 2022-02-28"
    )]
    Add {
        /// The employer (created on first use)
        org: String,
        /// The job title
        title: String,
        /// The first day
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        from: String,
        /// The last day [default: none, a current job]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        to: Option<String>,
        /// The job was in healthcare (counts toward healthcare years)
        #[arg(long)]
        healthcare: bool,
        /// A note ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// List your jobs with your years of experience
    List,
    /// Change a job
    #[command(
        after_help = "Examples:\n  jobtrack work edit 1 --to 2026-10-31\n  jobtrack work edit 2 --healthcare\n  jobtrack work edit 1 --clear to"
    )]
    Edit {
        /// The job id (see 'jobtrack work list')
        id: i64,
        /// A new employer
        #[arg(long)]
        org: Option<String>,
        /// A new title
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// A new first day
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        from: Option<String>,
        /// A new last day
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        to: Option<String>,
        /// Mark it a healthcare job
        #[arg(long, conflicts_with = "not_healthcare")]
        healthcare: bool,
        /// Mark it not a healthcare job
        #[arg(long)]
        not_healthcare: bool,
        /// A new note ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// Empty a field: `to` makes it a current job (repeat for more)
        #[arg(long, value_enum, value_name = "FIELD")]
        clear: Vec<WorkClear>,
    },
    /// Delete a job
    Rm {
        /// The job id
        id: i64,
    },
}

/// What `work edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum WorkClear {
    To,
    Note,
}

/// Runs an `edu` subcommand.
pub fn run_edu(ctx: &Ctx, command: EduCommand) -> Result<()> {
    match command {
        EduCommand::Add {
            level,
            field,
            school,
            cahiim,
            status,
            dates,
        } => {
            let draft = EduDraft {
                level,
                field: ctx.required_text("FIELD", field)?,
                school,
                cahiim,
                status,
                started_on: ctx.opt_date("--started", dates.started.as_deref())?,
                completed_on: ctx.opt_date("--completed", dates.completed.as_deref())?,
            };
            check_edu(&draft, ctx.today()?)?;
            save_edu(ctx, None, |_| Ok(draft))
        }
        EduCommand::List => list_edu(ctx),
        EduCommand::Edit {
            id,
            level,
            field,
            school,
            cahiim,
            no_cahiim,
            status,
            dates,
            clear,
        } => {
            let nothing = level.is_none()
                && field.is_none()
                && school.is_none()
                && !cahiim
                && !no_cahiim
                && status.is_none()
                && dates.started.is_none()
                && dates.completed.is_none()
                && clear.is_empty();
            if nothing {
                return Err(nothing_to_change("education row", id, "edu"));
            }
            let started_on = ctx.opt_date("--started", dates.started.as_deref())?;
            let completed_on = ctx.opt_date("--completed", dates.completed.as_deref())?;
            let field = field.map(|f| ctx.required_text("--field", f)).transpose()?;
            save_edu(ctx, Some(id), move |old: Option<Education>| {
                let old = old.ok_or_else(|| Error::NotFound(format!("no education row {id}")))?;
                let keep = |given: Option<NaiveDate>, old: Option<NaiveDate>, what: EduClear| {
                    kept(clear.contains(&what), given, old)
                };
                let status = match (status, completed_on.is_some()) {
                    (Some(status), _) => status,
                    (None, true) => EduStatus::Completed,
                    (None, false) => old.status,
                };
                // Moving a finished program back (to final_term, say) drops its end date.
                let completed_on = match status {
                    EduStatus::Completed => {
                        keep(completed_on, old.completed_on, EduClear::Completed)
                    }
                    _ => completed_on,
                };
                Ok(EduDraft {
                    level: level.unwrap_or(old.level),
                    field: field.unwrap_or(old.field),
                    school: kept(clear.contains(&EduClear::School), school, old.school),
                    cahiim: (old.cahiim_accredited || cahiim) && !no_cahiim,
                    status: Some(status),
                    started_on: keep(started_on, old.started_on, EduClear::Started),
                    completed_on,
                })
            })
        }
        EduCommand::Rm { id } => remove(ctx, "education", id),
    }
}

/// Runs a `work` subcommand.
pub fn run_work(ctx: &Ctx, command: WorkCommand) -> Result<()> {
    match command {
        WorkCommand::Add {
            org,
            title,
            from,
            to,
            healthcare,
            note,
        } => {
            let draft = WorkDraft {
                org,
                title: ctx.required_text("TITLE", title)?,
                started_on: ctx.date("--from", &from)?,
                ended_on: ctx.opt_date("--to", to.as_deref())?,
                healthcare,
                notes: ctx.text("--note", note)?,
            };
            check_work(&draft)?;
            save_work(ctx, None, |_| Ok(draft))
        }
        WorkCommand::List => list_work(ctx),
        WorkCommand::Edit {
            id,
            org,
            title,
            from,
            to,
            healthcare,
            not_healthcare,
            note,
            clear,
        } => {
            let nothing = org.is_none()
                && title.is_none()
                && from.is_none()
                && to.is_none()
                && !healthcare
                && !not_healthcare
                && note.is_none()
                && clear.is_empty();
            if nothing {
                return Err(nothing_to_change("job", id, "work"));
            }
            let title = title.map(|t| ctx.required_text("--title", t)).transpose()?;
            let started_on = ctx.opt_date("--from", from.as_deref())?;
            let ended_on = ctx.opt_date("--to", to.as_deref())?;
            let notes = ctx.text("--note", note)?;
            save_work(ctx, Some(id), move |old: Option<Experience>| {
                let old = old.ok_or_else(|| Error::NotFound(format!("no job {id}")))?;
                Ok(WorkDraft {
                    org: org.unwrap_or(old.org),
                    title: title.unwrap_or(old.title),
                    started_on: started_on.unwrap_or(old.started_on),
                    ended_on: kept(clear.contains(&WorkClear::To), ended_on, old.ended_on),
                    healthcare: (old.healthcare || healthcare) && !not_healthcare,
                    notes: kept(clear.contains(&WorkClear::Note), notes, old.notes),
                })
            })
        }
        WorkCommand::Rm { id } => remove(ctx, "experience", id),
    }
}

/// An edited value: empty when cleared, else the new one or the old.
fn kept<T>(cleared: bool, given: Option<T>, old: Option<T>) -> Option<T> {
    if cleared {
        None
    } else {
        given.or(old)
    }
}

fn nothing_to_change(what: &str, id: i64, noun: &str) -> Error {
    Error::Input(format!(
        "nothing to change for {what} {id}; give an option (see 'jobtrack {noun} edit --help')"
    ))
}

struct EduDraft {
    level: Level,
    field: String,
    school: Option<String>,
    cahiim: bool,
    status: Option<EduStatus>,
    started_on: Option<NaiveDate>,
    completed_on: Option<NaiveDate>,
}

/// Checks a draft: the status agrees with the completion date, dates in
/// order, and no CAHIIM doctorate.
fn check_edu(draft: &EduDraft, today: NaiveDate) -> Result<EduStatus> {
    let status = draft.status.unwrap_or(if draft.completed_on.is_some() {
        EduStatus::Completed
    } else {
        EduStatus::Enrolled
    });
    if let Some(completed) = draft.completed_on {
        if status != EduStatus::Completed {
            return Err(Error::Input(format!(
                "--completed {completed} says the program is finished, but its status is {status}; \
                 drop --completed or use --status completed"
            )));
        }
        crate::dates::not_after_today("--completed", completed, today)?;
    }
    if let (Some(started), Some(completed)) = (draft.started_on, draft.completed_on) {
        if completed < started {
            return Err(Error::Input(format!(
                "--completed {completed} is before --started {started}"
            )));
        }
    }
    if draft.cahiim && matches!(draft.level, Level::Doctorate) {
        return Err(Error::Input(
            "--cahiim marks an HIM associate's, bachelor's, master's or post-bachelor's certificate; \
             CAHIIM does not accredit doctorates"
                .into(),
        ));
    }
    Ok(status)
}

/// Writes an education row in one transaction: `build` turns the stored
/// row (for an edit) into the new one.
fn save_edu(
    ctx: &Ctx,
    id: Option<i64>,
    build: impl FnOnce(Option<Education>) -> Result<EduDraft>,
) -> Result<()> {
    let today = ctx.today()?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let old = id.map(|id| require_edu(&tx, id)).transpose()?;
    let draft = build(old)?;
    let status = check_edu(&draft, today)?;
    let school_id = match &draft.school {
        Some(name) => Some(orgs::find_or_create_noting(ctx, &tx, "--school", name, &timestamp)?.0),
        None => None,
    };
    let verb = if id.is_some() { "Updated" } else { "Added" };
    let id = match id {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE education SET school_id = ?1, level = ?2, field = ?3, cahiim_accredited = ?4,
                     status = ?5, started_on = ?6, completed_on = ?7 WHERE id = ?8",
            )?
            .execute(params![
                school_id,
                draft.level,
                draft.field,
                draft.cahiim,
                status,
                draft.started_on,
                draft.completed_on,
                id
            ])?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO education (school_id, level, field, cahiim_accredited, status, started_on, completed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                school_id,
                draft.level,
                draft.field,
                draft.cahiim,
                status,
                draft.started_on,
                draft.completed_on
            ])?;
            tx.last_insert_rowid()
        }
    };
    let record = require_edu(&tx, id)?;
    db::commit(tx)?;
    ctx.out.written(
        id,
        &format!("{verb} education {id}: {}", describe_edu(&record)),
        || Ok(record.clone()),
    )
}

struct WorkDraft {
    org: String,
    title: String,
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
    healthcare: bool,
    notes: Option<String>,
}

fn check_work(draft: &WorkDraft) -> Result<()> {
    match draft.ended_on {
        Some(ended) if ended < draft.started_on => Err(Error::Input(format!(
            "--to {ended} is before --from {}",
            draft.started_on
        ))),
        _ => Ok(()),
    }
}

/// Writes a job in one transaction: `build` turns the stored job (for an
/// edit) into the new one.
fn save_work(
    ctx: &Ctx,
    id: Option<i64>,
    build: impl FnOnce(Option<Experience>) -> Result<WorkDraft>,
) -> Result<()> {
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let old = id.map(|id| require_work(&tx, id)).transpose()?;
    let draft = build(old)?;
    check_work(&draft)?;
    let (org_id, _, _) = orgs::find_or_create_noting(ctx, &tx, "ORG", &draft.org, &timestamp)?;
    let verb = if id.is_some() { "Updated" } else { "Added" };
    let id = match id {
        Some(id) => {
            tx.prepare_cached(
                "UPDATE experience SET org_id = ?1, title = ?2, started_on = ?3, ended_on = ?4,
                     healthcare = ?5, notes = ?6 WHERE id = ?7",
            )?
            .execute(params![
                org_id,
                draft.title,
                draft.started_on,
                draft.ended_on,
                draft.healthcare,
                draft.notes,
                id
            ])?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO experience (org_id, title, started_on, ended_on, healthcare, notes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                org_id,
                draft.title,
                draft.started_on,
                draft.ended_on,
                draft.healthcare,
                draft.notes
            ])?;
            tx.last_insert_rowid()
        }
    };
    let record = require_work(&tx, id)?;
    db::commit(tx)?;
    let until = record
        .ended_on
        .map_or_else(|| "now".to_string(), |d| d.to_string());
    let healthcare = if record.healthcare {
        ", healthcare"
    } else {
        ""
    };
    ctx.out.written(
        id,
        &format!(
            "{verb} job {id}: {} at {} ({} to {until}{healthcare})",
            record.title, record.org, record.started_on
        ),
        || Ok(record.clone()),
    )
}

fn list_edu(ctx: &Ctx) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let rows = education(&conn)?;
    let out = &ctx.out;
    if out.json {
        return out.print_json(&rows);
    }
    if rows.is_empty() {
        return out.line("No education yet; 'jobtrack edu add LEVEL FIELD' adds a degree.");
    }
    let mut table = out.table([
        "ID",
        "Level",
        "Field",
        "School",
        "CAHIIM",
        "Status",
        "Started",
        "Completed",
    ]);
    for edu in &rows {
        let tone = if edu.status == EduStatus::Completed {
            Tone::Good
        } else {
            Tone::Active
        };
        table.add_row(vec![
            out.number(edu.id),
            out.cell(edu.level, Tone::Plain),
            out.cell(&edu.field, Tone::Plain),
            out.cell(edu.school.as_deref().unwrap_or(""), Tone::Plain),
            out.cell(if edu.cahiim_accredited { "yes" } else { "" }, Tone::Plain),
            out.cell(edu.status, tone),
            out.cell(date_text(edu.started_on), Tone::Plain),
            out.cell(date_text(edu.completed_on), Tone::Plain),
        ]);
    }
    out.print_table(&table)
}

fn list_work(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let rows = experience(&conn)?;
    let out = &ctx.out;
    if out.json {
        return out.print_json(&rows);
    }
    if rows.is_empty() {
        return out.line("No jobs yet; 'jobtrack work add ORG TITLE --from DATE' adds one.");
    }
    let mut table = out.table(["ID", "Organization", "Title", "From", "To", "Healthcare"]);
    for job in &rows {
        table.add_row(vec![
            out.number(job.id),
            out.cell(&job.org, Tone::Plain),
            out.cell(&job.title, Tone::Plain),
            out.cell(job.started_on, Tone::Plain),
            out.cell(
                job.ended_on.map_or_else(|| "now".into(), |d| d.to_string()),
                Tone::Plain,
            ),
            out.cell(if job.healthcare { "yes" } else { "" }, Tone::Plain),
        ]);
    }
    out.print_table(&table)?;
    let years = crate::credentials::Years::of(&rows, today);
    out.line(format!(
        "Experience: {} years, {} of them in healthcare (overlapping jobs count once)",
        years.total_text(),
        years.healthcare_text()
    ))
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn remove(ctx: &Ctx, table: &str, id: i64) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let message = if table == "education" {
        format!(
            "Removed education {id}: {}",
            describe_edu(&require_edu(&tx, id)?)
        )
    } else {
        let job = require_work(&tx, id)?;
        format!("Removed job {id}: {} at {}", job.title, job.org)
    };
    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
    db::commit(tx)?;
    ctx.out.written(id, &message, || {
        Ok(serde_json::json!({"id": id, "removed": true}))
    })
}
