//! `jobtrack volunteer …` (alias `vol`): volunteer shifts, their hours and the
//! totals by organization that go on a resume.

use clap::{Args, Subcommand, ValueEnum};

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::{
    check_edit_options, check_range, edited_notes, kept, nothing_to_change, parse_hours,
    round_hours,
};
use crate::orgs;
use crate::output::{hours, hours_phrase, Column, Tone};
use crate::volunteer::{store, ShiftList};

const VOLUNTEER_EXAMPLES: &str = "\
Examples:
  jobtrack vol log \"Mercy Health\" 4 --role \"HIM department volunteer\"
  jobtrack vol log \"Red Cross\" 2.5 --on yesterday --note \"blood drive check-in\"
  jobtrack vol list --since 2026-01-01
  jobtrack vol list --org \"Mercy Health\"";

/// `jobtrack volunteer …`
#[derive(Debug, Subcommand)]
#[command(after_help = VOLUNTEER_EXAMPLES)]
pub enum VolunteerCommand {
    /// Log a volunteer shift
    #[command(
        after_help = "Examples:\n  jobtrack vol log \"Mercy Health\" 4 --role \"HIM department volunteer\"\n  jobtrack vol log \"Red Cross\" 2.5 --on -3d"
    )]
    Log {
        /// Where you volunteered (created on first use; any case matches)
        #[arg(allow_hyphen_values = true)]
        org: String,
        /// Hours worked: more than 0 and at most 24, at most 2 decimals (like 3 or 2.5)
        #[arg(allow_hyphen_values = true)]
        hours: String,
        /// The day of the shift (a past date: not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// What you did
        #[arg(long, value_name = "R", allow_hyphen_values = true)]
        role: Option<String>,
        /// A note ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// List shifts, newest first, with the total hours by organization
    #[command(
        after_help = "Examples:\n  jobtrack vol list\n  jobtrack vol list --org \"Mercy Health\" --since -6m\n  jobtrack --json vol list --until 2026-06-30"
    )]
    List {
        /// Keep this organization
        #[arg(long, allow_hyphen_values = true)]
        org: Option<String>,
        /// Keep shifts on or after this date (any date)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: Option<String>,
        /// Keep shifts on or before this date (any date)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        until: Option<String>,
    },
    /// Correct a shift: organization, hours, date, role or notes
    #[command(
        after_help = "Examples:\n  jobtrack vol edit 7 --hours 5\n  jobtrack vol edit 7 --on 2026-11-20 --note \"covered the front desk\""
    )]
    Edit(EditArgs),
    /// Delete a shift
    Rm {
        /// The shift id (see 'jobtrack vol list')
        #[arg(value_parser = crate::input::refs::id_number)]
        id: i64,
    },
}

/// `volunteer edit` arguments.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The shift id (see 'jobtrack vol list')
    pub id: i64,
    /// Where you volunteered (created on first use; any case matches)
    #[arg(long)]
    pub org: Option<String>,
    /// Hours worked: more than 0 and at most 24, at most 2 decimals
    #[arg(long, value_name = "HOURS", allow_hyphen_values = true)]
    pub hours: Option<String>,
    /// The day of the shift (not after today)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// What you did
    #[arg(long, value_name = "R", allow_hyphen_values = true)]
    pub role: Option<String>,
    /// A note, added to the notes as a dated line ('-' reads standard input)
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        conflicts_with = "replace_note"
    )]
    pub note: Option<String>,
    /// Replace the notes with this text
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub replace_note: Option<String>,
    /// Empty a field (repeat for more)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
}

/// What `volunteer edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ClearField {
    Role,
    Notes,
}

/// Runs a `volunteer` subcommand.
pub fn run(ctx: &Ctx, command: VolunteerCommand) -> Result<()> {
    match command {
        VolunteerCommand::Log {
            org,
            hours,
            on,
            role,
            note,
        } => log(ctx, org, hours, on, role, note),
        VolunteerCommand::List { org, since, until } => list(ctx, org, since, until),
        VolunteerCommand::Edit(args) => edit(ctx, args),
        VolunteerCommand::Rm { id } => remove(ctx, id),
    }
}

fn log(
    ctx: &Ctx,
    org: String,
    hours_text: String,
    on: Option<String>,
    role: Option<String>,
    note: Option<String>,
) -> Result<()> {
    let _today = ctx.today()?;
    let hours_value = parse_hours("hours", &hours_text, Some(24.0))?;
    let date = ctx.past_date("--on", on.as_deref())?;
    let role = ctx.text("--role", role)?;
    let notes = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let (org_id, org_name, _) = orgs::find_or_create_noting(ctx, &tx, "ORG", &org, &timestamp)?;
    let id = store::insert(
        &tx,
        org_id,
        date,
        hours_value,
        role.as_deref(),
        notes.as_deref(),
    )?;
    let record = store::shift(&tx, id)?;
    let total = store::hours_at(&tx, org_id)?;
    let that_day = store::hours_on(&tx, date)?;
    db::commit(tx)?;
    if that_day > 24.0 {
        ctx.out.warning(format!(
            "your shifts on {date} now add up to {}, more than a day holds; check the dates ('jobtrack vol list --since {date} --until {date}')",
            hours_phrase(round_hours(that_day))
        ));
    }
    ctx.out.written(
        id,
        &format!(
            "Logged {} at {org_name} on {date} (shift {id}; {} there in all)",
            hours_phrase(hours_value),
            hours_phrase(total)
        ),
        || Ok(record),
    )
}

fn list(
    ctx: &Ctx,
    org: Option<String>,
    since: Option<String>,
    until: Option<String>,
) -> Result<()> {
    let since = ctx.opt_date("--since", since.as_deref())?;
    let until = ctx.opt_date("--until", until.as_deref())?;
    check_range(since, until)?;
    let conn = ctx.open(Access::Existing)?;
    let mut filter = store::Filter {
        org_ids: Vec::new(),
        since,
        until,
    };
    if let Some(text) = &org {
        filter.org_ids = orgs::filter(ctx, &conn, text)?;
        if filter.org_ids.is_empty() {
            return print_list(ctx, &empty_list());
        }
    }
    let (shifts, by_org) = store::list(&conn, &filter)?;
    let total_hours = round_hours(by_org.iter().map(|o| o.hours).sum());
    print_list(
        ctx,
        &ShiftList {
            shifts,
            total_hours,
            by_org,
        },
    )
}

fn empty_list() -> ShiftList {
    ShiftList {
        shifts: Vec::new(),
        total_hours: 0.0,
        by_org: Vec::new(),
    }
}

fn print_list(ctx: &Ctx, list: &ShiftList) -> Result<()> {
    let out = &ctx.out;
    if out.json {
        return out.print_json(list);
    }
    if list.shifts.is_empty() {
        return out.line("No volunteer shifts match.");
    }
    let mut table = out.table([
        Column::keep("ID"),
        Column::whole("Date", 9),
        Column::text("Organization", 8),
        Column::whole("Hours", 9),
        Column::text("Role", 5),
        Column::text("Note", 4),
    ]);
    for shift in &list.shifts {
        table.add_row(vec![
            out.number(shift.id),
            out.cell(shift.date, Tone::Plain),
            out.cell(&shift.org, Tone::Plain),
            out.number(hours(shift.hours)),
            out.cell(shift.role.as_deref().unwrap_or(""), Tone::Plain),
            out.cell(shift.notes.as_deref().unwrap_or(""), Tone::Plain),
        ]);
    }
    out.print_table(&table)?;
    out.line("")?;
    let mut totals = out.table([
        Column::text("Organization", 9),
        Column::whole("Hours", 8),
        Column::whole("Shifts", 7),
    ]);
    for org in &list.by_org {
        totals.add_row(vec![
            out.cell(&org.org, Tone::Plain),
            out.number(hours(org.hours)),
            out.number(org.shifts),
        ]);
    }
    out.print_table(&totals)?;
    out.line(format!("Total: {}", hours_phrase(list.total_hours)))
}

fn remove(ctx: &Ctx, id: i64) -> Result<()> {
    ctx.remove(id, |tx| {
        let found = store::shift(tx, id)?.ok_or_else(|| {
            Error::NotFound(format!(
                "no volunteer shift with id {id} (see 'jobtrack vol list')"
            ))
        })?;
        store::delete(tx, id)?;
        Ok(format!(
            "Removed shift {id}: {} at {} on {}",
            hours_phrase(found.hours),
            found.org,
            found.date
        ))
    })
}

fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    check_edit_options(
        &[
            (ClearField::Role, args.role.is_some(), "--role"),
            (
                ClearField::Notes,
                args.note.is_some() || args.replace_note.is_some(),
                "--note",
            ),
        ],
        &args.clear,
        args.org.is_some() || args.hours.is_some() || args.on.is_some(),
        || nothing_to_change("shift", args.id, "vol").to_string(),
    )?;
    let hours_value = args
        .hours
        .as_deref()
        .map(|h| parse_hours("--hours", h, Some(24.0)))
        .transpose()?;
    let date = args
        .on
        .as_deref()
        .map(|on| ctx.past_date("--on", Some(on)))
        .transpose()?;
    let role = ctx.text("--role", args.role)?;
    let note = ctx.text("--note", args.note)?;
    let replace = ctx.text("--replace-note", args.replace_note)?;
    let today = ctx.today()?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let mut shift = store::shift(&tx, args.id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no volunteer shift with id {} (see 'jobtrack vol list')",
            args.id
        ))
    })?;
    let org_id = match &args.org {
        Some(org) => Some(orgs::find_or_create_noting(ctx, &tx, "--org", org, &timestamp)?.0),
        None => None,
    };
    let cleared = |field| args.clear.contains(&field);
    shift.hours = hours_value.unwrap_or(shift.hours);
    shift.date = date.unwrap_or(shift.date);
    shift.role = kept(cleared(ClearField::Role), role, shift.role);
    shift.notes = if cleared(ClearField::Notes) {
        None
    } else {
        edited_notes(
            shift.notes.as_deref(),
            note.as_deref(),
            replace.as_deref(),
            today,
        )
    };
    store::update(&tx, &shift, org_id)?;
    let shift = store::shift(&tx, args.id)?.unwrap_or(shift);
    db::commit(tx)?;
    let message = format!(
        "Changed shift {}: {} at {} on {}",
        shift.id,
        hours_phrase(shift.hours),
        shift.org,
        shift.date
    );
    ctx.out.written(shift.id, &message, || Ok(shift.clone()))
}
