//! `restore FILE`: puts a backup in the database's place, after checking
//! that it is a sound jobtrack database and moving the current one aside.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::{dates, files};

/// What `restore --json` prints.
#[derive(Debug, Serialize)]
struct RestoreReport {
    path: String,
    from: String,
    /// Where the database that was in place now is (null when there was none).
    kept: Option<String>,
    /// The restored file's schema version before any upgrade.
    restored_version: i64,
    user_version: i64,
    dry_run: bool,
}

/// Restores `file` into the database's place; `dry_run` only says what
/// it would do. A file that is not a sound jobtrack database, or is newer
/// than this jobtrack, is refused (exit 2) with nothing changed.
pub fn restore(ctx: &Ctx, file: &Path, dry_run: bool) -> Result<()> {
    let target = ctx.db_path()?.path;
    if target.exists() && files::same_file(file, &target) {
        return Err(Error::Input(format!(
            "{} is the database itself; restore takes a backup of it",
            file.display()
        )));
    }
    let version = check_file(file)?;
    let kept = target.exists().then(|| kept_path(&target)).transpose()?;
    let report = RestoreReport {
        path: target.display().to_string(),
        from: file.display().to_string(),
        kept: kept.as_ref().map(|k| k.display().to_string()),
        restored_version: version,
        user_version: db::CURRENT_VERSION,
        dry_run,
    };
    if !dry_run {
        swap(file, &target, kept.as_deref())?;
        // Opening upgrades an older file (after its `.bak` copy). The
        // restored file's log describes another history: start afresh (the
        // kept copy is the way back).
        let conn = ctx.open(Access::Create)?;
        db::undo::clear(&conn)?;
    }
    print(ctx, &report)
}

/// Opens `file` read-only and checks it: a SQLite file, whole, with a
/// jobtrack schema this jobtrack reads. Returns its schema version.
fn check_file(file: &Path) -> Result<i64> {
    let unsound = |why: String| {
        Error::Input(format!(
            "cannot restore {}: {why}; nothing was changed",
            file.display()
        ))
    };
    match fs::metadata(file) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err(unsound("it is not a file".into())),
        Err(e) => return Err(unsound(e.to_string())),
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| unsound(format!("it cannot be opened ({e})")))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| unsound("it is not a SQLite database".into()))?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| unsound(format!("it is damaged ({e})")))?;
    if check != "ok" {
        return Err(unsound(format!("it is damaged ({check})")));
    }
    let has_applications: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'applications'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| unsound(e.to_string()))?;
    if version < 1 || !has_applications {
        return Err(unsound("it is not a jobtrack database".into()));
    }
    if version > db::CURRENT_VERSION {
        return Err(unsound(format!(
            "it has schema version {version}, newer than this jobtrack understands ({}); use a newer jobtrack",
            db::CURRENT_VERSION
        )));
    }
    Ok(version)
}

/// `PATH.before-restore-YYYYMMDDTHHMMSS.bak`, beside the database.
fn kept_path(target: &Path) -> Result<PathBuf> {
    let stamp: String = dates::timestamp()?
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let mut name = target.as_os_str().to_owned();
    name.push(format!(
        ".before-restore-{}.bak",
        stamp.trim_end_matches('Z')
    ));
    Ok(PathBuf::from(name))
}

/// Copies `file` (a consistent snapshot, private, in WAL mode) beside the
/// target, moves the current database and its WAL files to `kept`, then
/// renames the copy into place.
fn swap(file: &Path, target: &Path, kept: Option<&Path>) -> Result<()> {
    let source = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    files::write_private(target, &files::folder_of(target), false, |_, temp| {
        source.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
        let copy = Connection::open(temp)?;
        copy.pragma_update(None, "journal_mode", "WAL")?;
        drop(copy);
        if let Some(kept) = kept {
            for suffix in ["", "-wal", "-shm"] {
                let from = with_suffix(target, suffix);
                if from.exists() {
                    fs::rename(&from, with_suffix(kept, suffix))
                        .map_err(|e| Error::io(&from, e))?;
                }
            }
        }
        Ok(())
    })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn print(ctx: &Ctx, report: &RestoreReport) -> Result<()> {
    if ctx.out.json {
        return ctx.out.print_json(report);
    }
    if ctx.out.quiet {
        return ctx.out.line(&report.path);
    }
    let kept = match &report.kept {
        Some(kept) => format!(", keeping the database that was there as {kept}"),
        None => String::new(),
    };
    let upgraded = if report.restored_version < db::CURRENT_VERSION {
        format!(
            " (version {}, upgraded to {})",
            report.restored_version,
            db::CURRENT_VERSION
        )
    } else {
        String::new()
    };
    ctx.out.line(if report.dry_run {
        format!(
            "Dry run: would restore {} to {}{upgraded}{kept}; nothing was written",
            report.from, report.path
        )
    } else {
        format!(
            "Restored {} to {}{upgraded}{kept}",
            report.from, report.path
        )
    })
}
