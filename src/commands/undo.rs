//! `undo` and `redo`: revert the newest write, or apply again what was
//! undone; `undo --list` shows the log (the log itself is `db::undo`).

use clap::Args;

use crate::ctx::Ctx;
use crate::db::{undo, Access};
use crate::error::{Error, Result};
use crate::output::{count_of, Tone};

/// How many entries `undo --list` shows.
const LISTED: i64 = 20;

/// `jobtrack undo [--list]`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  jobtrack undo            revert the last write (an import or a bulk close is one step)\n  jobtrack undo --list     the last 20 writes, newest first\n  jobtrack redo            apply the last undone write again"
)]
pub struct UndoArgs {
    /// Show the last 20 writes (newest first) instead of undoing one
    #[arg(long)]
    pub list: bool,
}

/// Undoes the newest write, or lists the log with `--list`.
pub fn undo(ctx: &Ctx, args: &UndoArgs) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    if args.list {
        return list(ctx, &undo::entries(&conn, LISTED)?);
    }
    match undo::undo(&mut conn)? {
        Some(entry) => print(ctx, "Undid", &entry),
        None => Err(Error::Runtime(
            "nothing to undo: the undo log is empty (it starts afresh after an upgrade or a restore)"
                .into(),
        )),
    }
}

/// Applies the newest undone write again.
pub fn redo(ctx: &Ctx) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    match undo::redo(&mut conn)? {
        Some(entry) => print(ctx, "Redid", &entry),
        None => Err(Error::Runtime(
            "nothing to redo: only an undo can be redone, and a write after it clears what could be"
                .into(),
        )),
    }
}

fn print(ctx: &Ctx, done: &str, entry: &undo::Entry) -> Result<()> {
    ctx.out.written(
        entry.seq,
        &format!(
            "{done}: {} ({}, {})",
            entry.command,
            entry.when(),
            count_of(entry.rows, "row", "rows")
        ),
        || {
            Ok(serde_json::json!({
                "seq": entry.seq,
                "at": entry.at,
                "command": entry.command,
                "rows": entry.rows,
            }))
        },
    )
}

fn list(ctx: &Ctx, entries: &[undo::Entry]) -> Result<()> {
    if ctx.out.json {
        return ctx.out.print_json(entries);
    }
    if entries.is_empty() {
        ctx.out.notice("the undo log is empty");
        return Ok(());
    }
    let mut table = ctx.out.table(["#", "when", "command", "rows", ""]);
    for entry in entries {
        table.add_row(vec![
            ctx.out.number(entry.seq),
            ctx.out.cell(entry.when(), Tone::Plain),
            ctx.out.cell(&entry.command, Tone::Plain),
            ctx.out.number(entry.rows),
            ctx.out
                .cell(if entry.undone { "undone (redo)" } else { "" }, Tone::Dim),
        ]);
    }
    ctx.out.print_table(&table)
}
