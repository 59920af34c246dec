//! `jobtrack work …`: jobs held, the experience side of credential
//! eligibility.

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::{edited_notes, kept, nothing_to_change};
use crate::orgs;
use crate::output::{Column, Tone};
use crate::profile::{experience, require_work, store, Experience, Years};

const WORK_EXAMPLES: &str = "\
Examples:
  jobtrack work add \"Mercy Health\" \"Patient Access Representative\" --from 2022-03-01 --healthcare
  jobtrack work add \"Best Buy\" \"Sales Associate\" --from 2019-06-01 --to 2022-02-28
  jobtrack work list
  jobtrack work edit 1 --to 2026-10-31";

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
        #[arg(allow_hyphen_values = true)]
        org: String,
        /// The job title
        #[arg(allow_hyphen_values = true)]
        title: String,
        /// The first day (any date, or a month such as May 2024: its 1st)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        from: String,
        /// The last day (any date, or a month such as May 2026: its last day) [default: none, a current job]
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
        #[arg(value_parser = crate::input::refs::id_number)]
        id: i64,
        /// A new employer
        #[arg(long, allow_hyphen_values = true)]
        org: Option<String>,
        /// A new title
        #[arg(long, value_name = "T", allow_hyphen_values = true)]
        title: Option<String>,
        /// A new first day (any date, or a month: its 1st)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        from: Option<String>,
        /// A new last day (any date, or a month: its last day)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        to: Option<String>,
        /// Mark it a healthcare job
        #[arg(long, conflicts_with = "not_healthcare")]
        healthcare: bool,
        /// Mark it not a healthcare job
        #[arg(long)]
        not_healthcare: bool,
        /// A note, added to the notes as a dated line ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// Replace the notes with this text
        #[arg(
            long,
            value_name = "TEXT",
            allow_hyphen_values = true,
            conflicts_with = "note"
        )]
        replace_note: Option<String>,
        /// Empty a field: `to` makes it a current job (repeat for more)
        #[arg(long, value_enum, value_name = "FIELD")]
        clear: Vec<WorkClear>,
    },
    /// Delete a job
    Rm {
        /// The job id
        #[arg(value_parser = crate::input::refs::id_number)]
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

/// Runs a `work` subcommand.
pub fn run(ctx: &Ctx, command: WorkCommand) -> Result<()> {
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
                started_on: ctx.month("--from", &from, false)?,
                ended_on: ctx.opt_month("--to", to.as_deref(), true)?,
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
            replace_note,
            clear,
        } => {
            let nothing = org.is_none()
                && title.is_none()
                && from.is_none()
                && to.is_none()
                && !healthcare
                && !not_healthcare
                && note.is_none()
                && replace_note.is_none()
                && clear.is_empty();
            if nothing {
                return Err(nothing_to_change("job", id, "work"));
            }
            let title = title.map(|t| ctx.required_text("--title", t)).transpose()?;
            let started_on = ctx.opt_month("--from", from.as_deref(), false)?;
            let ended_on = ctx.opt_month("--to", to.as_deref(), true)?;
            let notes = ctx.text("--note", note)?;
            let replace = ctx.text("--replace-note", replace_note)?;
            let today = ctx.today()?;
            save_work(ctx, Some(id), move |old: Option<Experience>| {
                let old = old.ok_or_else(|| Error::NotFound(format!("no job {id}")))?;
                Ok(WorkDraft {
                    org: org.unwrap_or(old.org),
                    title: title.unwrap_or(old.title),
                    started_on: started_on.unwrap_or(old.started_on),
                    ended_on: kept(clear.contains(&WorkClear::To), ended_on, old.ended_on),
                    healthcare: (old.healthcare || healthcare) && !not_healthcare,
                    notes: if clear.contains(&WorkClear::Note) {
                        None
                    } else {
                        edited_notes(
                            old.notes.as_deref(),
                            notes.as_deref(),
                            replace.as_deref(),
                            today,
                        )
                    },
                })
            })
        }
        WorkCommand::Rm { id } => ctx.remove(id, |tx| {
            let job = require_work(tx, id)?;
            store::delete_work(tx, id)?;
            Ok(format!("Removed job {id}: {} at {}", job.title, job.org))
        }),
    }
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
    let id = store::save_work(
        &tx,
        id,
        &store::WorkRow {
            org_id,
            title: &draft.title,
            started_on: draft.started_on,
            ended_on: draft.ended_on,
            healthcare: draft.healthcare,
            notes: draft.notes.as_deref(),
        },
    )?;
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
    let mut table = out.table([
        Column::keep("ID"),
        Column::text("Organization", 8),
        Column::text("Title", 9),
        Column::whole("From", 6),
        Column::whole("To", 5),
        Column::whole("Healthcare", 4),
    ]);
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
    let years = Years::of(&rows, today);
    out.line(format!(
        "Experience: {} years, {} of them in healthcare (overlapping jobs count once)",
        years.total_text(),
        years.healthcare_text()
    ))
}
