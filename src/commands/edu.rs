//! `jobtrack edu …`: degrees and programs, the education side of
//! credential eligibility.

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::{kept, nothing_to_change};
use crate::orgs;
use crate::output::{date_text, Column, Tone};
use crate::profile::{describe_edu, education, require_edu, store, EduStatus, Education, Level};

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
        #[arg(allow_hyphen_values = true)]
        field: String,
        /// The school (created on first use)
        #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
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
        #[arg(value_parser = crate::input::refs::id_number)]
        id: i64,
        /// A new level
        #[arg(long, value_enum)]
        level: Option<Level>,
        /// A new field of study
        #[arg(long, allow_hyphen_values = true)]
        field: Option<String>,
        /// A new school
        #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
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
        #[arg(value_parser = crate::input::refs::id_number)]
        id: i64,
    },
}

/// The dates `edu add` and `edu edit` take.
#[derive(Debug, Args)]
pub struct EduDates {
    /// When you started (any date, or a month such as Aug 2024: its 1st)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub started: Option<String>,
    /// When you finished (not after today once completed; a month such as May 2026 is its last day)
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

/// Runs an `edu` subcommand.
pub fn run(ctx: &Ctx, command: EduCommand) -> Result<()> {
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
                started_on: ctx.opt_month("--started", dates.started.as_deref(), false)?,
                completed_on: ctx.opt_month("--completed", dates.completed.as_deref(), true)?,
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
        } => edit_edu(
            ctx,
            id,
            EduChanges {
                level,
                field,
                school,
                cahiim,
                no_cahiim,
                status,
                dates,
                clear,
            },
        ),
        EduCommand::Rm { id } => ctx.remove(id, |tx| {
            let edu = require_edu(tx, id)?;
            store::delete_edu(tx, id)?;
            Ok(format!("Removed education {id}: {}", describe_edu(&edu)))
        }),
    }
}

/// What `edu edit` was given, as typed.
struct EduChanges {
    level: Option<Level>,
    field: Option<String>,
    school: Option<String>,
    cahiim: bool,
    no_cahiim: bool,
    status: Option<EduStatus>,
    dates: EduDates,
    clear: Vec<EduClear>,
}

impl EduChanges {
    fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.field.is_none()
            && self.school.is_none()
            && !self.cahiim
            && !self.no_cahiim
            && self.status.is_none()
            && self.dates.started.is_none()
            && self.dates.completed.is_none()
            && self.clear.is_empty()
    }
}

fn edit_edu(ctx: &Ctx, id: i64, changes: EduChanges) -> Result<()> {
    if changes.is_empty() {
        return Err(nothing_to_change("education row", id, "edu"));
    }
    let started_on = ctx.opt_month("--started", changes.dates.started.as_deref(), false)?;
    let completed_on = ctx.opt_month("--completed", changes.dates.completed.as_deref(), true)?;
    let field = changes
        .field
        .clone()
        .map(|f| ctx.required_text("--field", f))
        .transpose()?;
    save_edu(ctx, Some(id), move |old: Option<Education>| {
        let old = old.ok_or_else(|| Error::NotFound(format!("no education row {id}")))?;
        Ok(edited_edu(old, changes, field, started_on, completed_on))
    })
}

/// The row after the edit. A status follows `--status`, else `--completed`
/// (which means completed), else stays.
fn edited_edu(
    old: Education,
    changes: EduChanges,
    field: Option<String>,
    started_on: Option<NaiveDate>,
    completed_on: Option<NaiveDate>,
) -> EduDraft {
    let clear = &changes.clear;
    let keep = |given: Option<NaiveDate>, old: Option<NaiveDate>, what: EduClear| {
        kept(clear.contains(&what), given, old)
    };
    let status = match (changes.status, completed_on.is_some()) {
        (Some(status), _) => status,
        (None, true) => EduStatus::Completed,
        (None, false) => old.status,
    };
    // Moving a finished program back (to final_term, say) drops its end date.
    let completed_on = match status {
        EduStatus::Completed => keep(completed_on, old.completed_on, EduClear::Completed),
        _ => completed_on,
    };
    EduDraft {
        level: changes.level.unwrap_or(old.level),
        field: field.unwrap_or(old.field),
        school: kept(
            clear.contains(&EduClear::School),
            changes.school,
            old.school,
        ),
        cahiim: (old.cahiim_accredited || changes.cahiim) && !changes.no_cahiim,
        status: Some(status),
        started_on: keep(started_on, old.started_on, EduClear::Started),
        completed_on,
    }
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
    let id = store::save_edu(
        &tx,
        id,
        &store::EduRow {
            school_id,
            level: draft.level,
            field: &draft.field,
            cahiim: draft.cahiim,
            status,
            started_on: draft.started_on,
            completed_on: draft.completed_on,
        },
    )?;
    let record = require_edu(&tx, id)?;
    db::commit(tx)?;
    ctx.out.written(
        id,
        &format!("{verb} education {id}: {}", describe_edu(&record)),
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
        Column::keep("ID"),
        Column::whole("Level", 7),
        Column::text("Field", 9),
        Column::text("School", 8),
        Column::whole("CAHIIM", 4),
        Column::keep("Status"),
        Column::whole("Started", 3),
        Column::whole("Completed", 5),
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
            out.cell(edu.status.words(), tone),
            out.cell(date_text(edu.started_on), Tone::Plain),
            out.cell(date_text(edu.completed_on), Tone::Plain),
        ]);
    }
    out.print_table(&table)
}
