//! `app close`: closes many applications at once (after an accepted offer,
//! or to clear out the ones that went quiet), in one transaction and so one
//! undo entry.

use chrono::NaiveDate;
use clap::{ArgGroup, Args, ValueEnum};
use rusqlite::Connection;

use super::write::move_status;
use crate::applications::store::{self, Filter};
use crate::applications::{Application, ListRow, Status};
use crate::ctx::Ctx;
use crate::dates;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::output::count_of;

/// `app close` arguments.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["ids", "stale", "active", "quiet_for"])))]
pub struct CloseArgs {
    /// The application ids to close
    pub ids: Vec<i64>,
    /// Close the stale ones (waiting on the employer, quiet for 21 days or more)
    #[arg(long)]
    pub stale: bool,
    /// Close every active application (saved through offer)
    #[arg(long)]
    pub active: bool,
    /// Close the active ones quiet for this long: 30d, 6w, 2m, "3 weeks"
    #[arg(long, value_name = "DURATION")]
    pub quiet_for: Option<String>,
    /// The status they close with
    #[arg(long = "as", value_enum, value_name = "STATUS")]
    pub close_as: CloseAs,
    /// When (not after today) [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// Say what would be closed and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// The statuses `app close` can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum CloseAs {
    Withdrawn,
    Ghosted,
    Rejected,
}

impl CloseAs {
    fn status(self) -> Status {
        match self {
            CloseAs::Withdrawn => Status::Withdrawn,
            CloseAs::Ghosted => Status::Ghosted,
            CloseAs::Rejected => Status::Rejected,
        }
    }
}

/// Which applications the selector names.
enum Selector {
    Ids(Vec<i64>),
    Stale,
    Active,
    /// Quiet since this date or earlier.
    QuietSince(NaiveDate),
}

/// Closes the selected applications: all of them or, when any cannot take
/// the change, none (exit 2, listing them).
pub(super) fn close(ctx: &Ctx, args: CloseArgs) -> Result<()> {
    let today = ctx.today()?;
    let on = ctx.past_date("--on", args.on.as_deref())?;
    let selector = selector(&args, today)?;
    let to = args.close_as.status();
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let chosen = chosen(&tx, &selector, today)?;
    check_all_can_close(&chosen, on)?;
    if args.dry_run || chosen.is_empty() {
        drop(tx);
        return print(ctx, &chosen, to, on, today, args.dry_run);
    }
    for app in &chosen {
        move_status(&tx, app, to, on, None, None)?;
        store::mark_closed_in_bulk(&tx, app.id, on)?;
        store::touch(&tx, app.id, &timestamp)?;
        store::refresh_derived(&tx, app.id)?;
    }
    let closed = reread(&tx, &chosen)?;
    db::commit(tx)?;
    print(ctx, &closed, to, on, today, false)
}

fn selector(args: &CloseArgs, today: NaiveDate) -> Result<Selector> {
    Ok(if !args.ids.is_empty() {
        Selector::Ids(args.ids.clone())
    } else if args.stale {
        Selector::Stale
    } else if args.active {
        Selector::Active
    } else {
        let text = args.quiet_for.as_deref().unwrap_or_default();
        Selector::QuietSince(quiet_since(text, today)?)
    })
}

/// The date an application quiet for `text` (`30d`, `6w`, `2m`, `3 weeks`)
/// was last active on or before.
fn quiet_since(text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let invalid = || {
        Error::invalid(
            "--quiet-for",
            text,
            "a number of days, weeks or months: 30d, 6w, 2m, \"30 days\", \"3 weeks\", \"2 months\"",
        )
    };
    let trimmed = text.trim().to_ascii_lowercase();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let (number, unit) = trimmed.split_at(digits);
    let number: u32 = number.parse().map_err(|_| invalid())?;
    let unit = match unit.trim() {
        "d" | "day" | "days" => 'd',
        "w" | "week" | "weeks" => 'w',
        "m" | "month" | "months" => 'm',
        _ => return Err(invalid()),
    };
    dates::parse_relative(&format!("-{number}{unit}"), today).ok_or_else(invalid)
}

/// The applications the selector names: for ids, each must exist and be
/// active; the other selectors pick among active applications only.
fn chosen(conn: &Connection, selector: &Selector, today: NaiveDate) -> Result<Vec<Application>> {
    if let Selector::Ids(ids) = selector {
        let mut apps = Vec::new();
        for id in ids {
            let app = store::require(conn, *id)?;
            if !apps.iter().any(|a: &Application| a.id == *id) {
                apps.push(app);
            }
        }
        let closed: Vec<String> = apps
            .iter()
            .filter(|a| !a.status.is_active())
            .map(|a| format!("{} ({} at {}, {})", a.id, a.title, a.org, a.status))
            .collect();
        if !closed.is_empty() {
            return Err(Error::Input(format!(
                "already closed, so nothing was changed: {}",
                closed.join("; ")
            )));
        }
        return Ok(apps);
    }
    let filter = Filter {
        statuses: Status::ACTIVE.to_vec(),
        ..Filter::default()
    };
    let mut apps = Vec::new();
    store::for_each(conn, &filter, |app| {
        let keep = match selector {
            Selector::Stale => app.is_stale(today),
            Selector::QuietSince(since) => app.last_activity_on.is_some_and(|d| d <= *since),
            _ => true,
        };
        if keep {
            apps.push(app);
        }
        Ok(())
    })?;
    Ok(apps)
}

/// Refuses the whole close when any application changed status after `on`.
fn check_all_can_close(apps: &[Application], on: NaiveDate) -> Result<()> {
    let refused: Vec<String> = apps
        .iter()
        .filter_map(|a| {
            a.stage_since
                .filter(|since| on < *since)
                .map(|since| format!("{} ({} at {}, last changed {since})", a.id, a.title, a.org))
        })
        .collect();
    if refused.is_empty() {
        return Ok(());
    }
    Err(Error::Input(format!(
        "--on {on} is before the last status change of {}, so nothing was changed: {}",
        count_of(refused.len() as i64, "application", "applications"),
        refused.join("; ")
    )))
}

fn reread(conn: &Connection, apps: &[Application]) -> Result<Vec<Application>> {
    apps.iter().map(|a| store::require(conn, a.id)).collect()
}

fn print(
    ctx: &Ctx,
    apps: &[Application],
    to: Status,
    on: NaiveDate,
    today: NaiveDate,
    dry_run: bool,
) -> Result<()> {
    if ctx.out.json {
        let rows: Vec<ListRow> = apps
            .iter()
            .map(|a| ListRow {
                days_in_stage: a.days_in_stage(today),
                days_quiet: a.days_quiet(today),
                application: a.clone(),
            })
            .collect();
        return ctx.out.print_json(&rows);
    }
    if ctx.out.quiet {
        for app in apps {
            ctx.out.line(app.id.to_string())?;
        }
        return Ok(());
    }
    if apps.is_empty() {
        return ctx
            .out
            .line("Nothing to close: no active application matches");
    }
    let count = count_of(apps.len() as i64, "application", "applications");
    ctx.out.line(if dry_run {
        format!("Dry run: would close {count} as {to} on {on}; nothing was written")
    } else {
        format!("Closed {count} as {to} on {on}")
    })?;
    for app in apps {
        ctx.out.line(format!(
            "  {}  {} at {}",
            app.id,
            crate::output::visible(&app.title),
            crate::output::visible(&app.org)
        ))?;
    }
    Ok(())
}
