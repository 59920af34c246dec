//! Looking after the database itself: `init`, `demo`, `backup`, `doctor`.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::db::{self, Access, Opened};
use crate::error::{Error, Result};
use crate::files;
use crate::output::{shell_command, shell_word, Tone};

/// What `init` reports.
#[derive(Debug, Serialize)]
pub struct InitReport {
    pub path: String,
    pub user_version: i64,
    pub created: bool,
}

/// `jobtrack init`: creates the database, or upgrades an older one, and
/// prints where it lives.
pub fn init(ctx: &Ctx) -> Result<()> {
    let path = ctx.db_path()?;
    let (conn, opened) = db::open(&path, Access::Create)?;
    // A copy restored by hand may have left WAL mode (doctor says init
    // mends it): set it back.
    let journal: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
    if !journal.eq_ignore_ascii_case("wal") {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    let report = InitReport {
        path: path.path.display().to_string(),
        user_version: db::CURRENT_VERSION,
        created: opened == Opened::Created,
    };
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    if ctx.out.quiet {
        return ctx.out.line(&report.path);
    }
    match opened {
        Opened::Created => ctx
            .out
            .line(format!("Created a new database at {}", report.path)),
        Opened::Upgraded(from) => ctx.out.line(format!(
            "Upgraded the database at {} from version {from} to {} (the old copy is {})",
            report.path,
            db::CURRENT_VERSION,
            db::backup_path(&path.path, from).display()
        )),
        Opened::Existing => ctx.out.line(format!(
            "The database at {} is ready (schema version {})",
            report.path,
            db::CURRENT_VERSION
        )),
    }
}

/// What `backup` reports.
#[derive(Debug, Serialize)]
pub struct BackupReport {
    pub path: String,
    pub bytes: u64,
}

/// `jobtrack backup FILE [--force]`: one consistent snapshot of the database
/// (`VACUUM INTO`, safe while others write), written to a private temporary
/// file beside FILE and renamed into place, so FILE is never half-written.
pub fn backup(ctx: &Ctx, file: &Path, force: bool) -> Result<()> {
    let db_path = ctx.db_path()?;
    files::check_target(file, force, &db_path.path, "the backup file")?;
    let conn = ctx.open(Access::Existing)?;
    let bytes = db::snapshot_into(&conn, file, force)?;
    let report = BackupReport {
        path: file.display().to_string(),
        bytes,
    };
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    if ctx.out.quiet {
        return ctx.out.line(&report.path);
    }
    ctx.out.line(format!(
        "Backed up {} to {} ({})",
        db_path.path.display(),
        report.path,
        human_bytes(bytes)
    ))
}

fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / (1u64 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.0} KiB", b as f64 / 1024.0),
        b => format!("{b} bytes"),
    }
}

/// One line of `doctor`.
#[derive(Debug, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

/// What `doctor` reports.
#[derive(Debug, Serialize)]
pub struct DoctorReport {
    pub ok: bool,
    pub checks: Vec<Check>,
    pub counts: BTreeMap<String, i64>,
}

/// Every table, in dependency order: the one list the export and import
/// already keep.
fn tables() -> impl Iterator<Item = &'static str> {
    crate::transfer::spec::SPECS.iter().map(|spec| spec.name())
}

/// `jobtrack doctor`: checks the file, its schema and its permissions;
/// exit 1 with a recovery hint when something is wrong.
pub fn doctor(ctx: &Ctx) -> Result<()> {
    let db_path = ctx.db_path()?;
    let path = &db_path.path;
    if !path.exists() {
        return Err(Error::NoDatabase(path.clone()));
    }
    let mut checks = Vec::new();
    let mut counts = BTreeMap::new();
    match inspect(path, &mut checks, &mut counts) {
        Ok(()) => {}
        Err(e) => checks.push(Check {
            name: "open",
            ok: false,
            detail: format!("cannot read the database: {}", db::explain(e, path)),
        }),
    }
    checks.extend(permission_checks(path));
    let report = DoctorReport {
        ok: checks.iter().all(|c| c.ok),
        checks,
        counts,
    };
    if ctx.out.json {
        ctx.out.print_json(&report)?;
    } else {
        print_doctor(ctx, path, &report)?;
    }
    if report.ok {
        Ok(())
    } else {
        Err(Error::Reported)
    }
}

/// Runs the checks that need the file open, without changing it (no
/// schema creation or upgrade: doctor only looks).
fn inspect(path: &Path, checks: &mut Vec<Check>, counts: &mut BTreeMap<String, i64>) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db::configure(&conn)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    checks.push(version_check(version));
    checks.push(integrity_check(&conn)?);
    checks.push(foreign_key_check(&conn)?);
    let journal: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
    checks.push(Check {
        name: "journal_mode",
        ok: journal.eq_ignore_ascii_case("wal"),
        detail: if journal.eq_ignore_ascii_case("wal") {
            "wal".into()
        } else {
            format!("{journal}; 'jobtrack init' sets wal")
        },
    });
    if version > 0 {
        for table in tables() {
            if let Ok(n) =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            {
                counts.insert(table.to_string(), n);
            }
        }
    }
    Ok(())
}

/// Whether the schema version is one this jobtrack reads.
fn version_check(version: i64) -> Check {
    let current = db::CURRENT_VERSION;
    Check {
        name: "schema_version",
        ok: version <= current && version > 0,
        detail: match version {
            0 => "no jobtrack schema version: this is not a jobtrack database".into(),
            v if v > current => {
                format!("version {v} is newer than this jobtrack ({current}); use a newer jobtrack")
            }
            v if v != current => {
                format!("version {v}; 'jobtrack init' will upgrade it to {current}")
            }
            v => format!("version {v} (current)"),
        },
    }
}

/// SQLite's integrity check (the first 20 problems).
fn integrity_check(conn: &Connection) -> Result<Check> {
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check(20)")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let ok = integrity.len() == 1 && integrity[0] == "ok";
    Ok(Check {
        name: "integrity",
        ok,
        detail: if ok {
            "ok".into()
        } else {
            integrity.join("; ")
        },
    })
}

/// References to missing rows (the first 20).
fn foreign_key_check(conn: &Connection) -> Result<Check> {
    let orphans: Vec<(String, i64, String)> = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                r.get(2)?,
            ))
        })?
        .take(20)
        .collect::<rusqlite::Result<_>>()?;
    Ok(Check {
        name: "foreign_keys",
        ok: orphans.is_empty(),
        detail: if orphans.is_empty() {
            "every reference points at a row".into()
        } else {
            orphans
                .iter()
                .map(|(table, row, parent)| {
                    format!("{table} row {row} points at a missing {parent} row")
                })
                .collect::<Vec<_>>()
                .join("; ")
        },
    })
}

fn permission_checks(path: &Path) -> Vec<Check> {
    let mut checks = Vec::new();
    let mut open_files = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let file = PathBuf::from(name);
        if let Ok(meta) = fs::metadata(&file) {
            if meta.permissions().mode() & 0o077 != 0 {
                open_files.push(format!(
                    "{} is {:o}",
                    file.display(),
                    meta.permissions().mode() & 0o777
                ));
            }
        }
    }
    checks.push(Check {
        name: "file_permissions",
        ok: open_files.is_empty(),
        detail: if open_files.is_empty() {
            "only you can read the database".into()
        } else {
            format!(
                "others can read your job search: {}; fix with: chmod 600 {}",
                open_files.join(", "),
                path.display()
            )
        },
    });
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(meta) = fs::metadata(folder) {
            let mode = meta.permissions().mode() & 0o777;
            checks.push(Check {
                name: "folder_permissions",
                ok: true,
                detail: if mode & 0o077 == 0 {
                    format!("{} is private ({mode:o})", folder.display())
                } else {
                    format!(
                        "{} is {mode:o}: others can list it (the database file itself is what matters)",
                        folder.display()
                    )
                },
            });
        }
    }
    checks
}

fn print_doctor(ctx: &Ctx, path: &Path, report: &DoctorReport) -> Result<()> {
    let out = &ctx.out;
    out.line(out.heading(&format!("Database {}", path.display())))?;
    for check in &report.checks {
        let mark = if check.ok {
            out.paint("ok  ", Tone::Good)
        } else {
            out.paint("FAIL", Tone::Alert)
        };
        out.line(format!("  {mark}  {:<18} {}", check.name, check.detail))?;
    }
    if !report.counts.is_empty() {
        let rows: Vec<String> = tables()
            .filter_map(|t| report.counts.get(t).map(|n| format!("{t} {n}")))
            .collect();
        out.line(format!("  rows  {}", rows.join(", ")))?;
    }
    if report.ok {
        return out.line("Everything looks right.");
    }
    // Advice follows what failed: a backup is for damage, not for a
    // permission or version problem (restoring one would lose recent work).
    let failed = |name: &str| report.checks.iter().any(|c| c.name == name && !c.ok);
    if failed("open") || failed("integrity") || failed("foreign_keys") {
        out.line(format!(
            "The database is damaged. To recover: copy this file aside, then restore your latest backup \
             (made with 'jobtrack backup FILE'): cp BACKUP {}; {} may rescue rows \
             from a damaged file.",
            shell_word(&path.to_string_lossy()),
            shell_command(["sqlite3", &path.to_string_lossy(), ".recover"])
        ))?;
    }
    if failed("schema_version") {
        out.line("Fix the version as the check says: 'jobtrack init' upgrades an older database; a newer one needs a newer jobtrack. Your data is intact.")?;
    }
    if failed("journal_mode") {
        out.line("Run 'jobtrack init' to switch the database to WAL; your data is intact.")?;
    }
    if failed("file_permissions") {
        out.line(format!(
            "Make the file private with: chmod 600 {}; your data is intact.",
            path.display()
        ))?;
    }
    Ok(())
}

/// The sample data set (`examples/data`, export CSV format), embedded so
/// `demo` works from the binary alone.
const SAMPLE: &[(&str, &[u8])] = &[
    (
        "organizations.csv",
        include_bytes!("../examples/data/organizations.csv"),
    ),
    (
        "contacts.csv",
        include_bytes!("../examples/data/contacts.csv"),
    ),
    (
        "applications.csv",
        include_bytes!("../examples/data/applications.csv"),
    ),
    (
        "application_events.csv",
        include_bytes!("../examples/data/application_events.csv"),
    ),
    (
        "application_credentials.csv",
        include_bytes!("../examples/data/application_credentials.csv"),
    ),
    (
        "application_contacts.csv",
        include_bytes!("../examples/data/application_contacts.csv"),
    ),
    (
        "entry_contacts.csv",
        include_bytes!("../examples/data/entry_contacts.csv"),
    ),
    (
        "interactions.csv",
        include_bytes!("../examples/data/interactions.csv"),
    ),
    ("events.csv", include_bytes!("../examples/data/events.csv")),
    (
        "memberships.csv",
        include_bytes!("../examples/data/memberships.csv"),
    ),
    (
        "volunteer_shifts.csv",
        include_bytes!("../examples/data/volunteer_shifts.csv"),
    ),
    (
        "education.csv",
        include_bytes!("../examples/data/education.csv"),
    ),
    (
        "experience.csv",
        include_bytes!("../examples/data/experience.csv"),
    ),
    (
        "certifications.csv",
        include_bytes!("../examples/data/certifications.csv"),
    ),
    ("ceus.csv", include_bytes!("../examples/data/ceus.csv")),
    ("goals.csv", include_bytes!("../examples/data/goals.csv")),
];

/// The day the sample data was written for: its latest past activity falls
/// on it, and everything planned lies at least a week after it.
const SAMPLE_TODAY: (i32, u32, u32) = (2026, 11, 26);

/// `jobtrack demo`: the sample search in an empty database (the one
/// `--db`/`JOBTRACK_DB` names, else a new folder in the temp directory),
/// moved by whole weeks to end this week, then the dashboard.
pub fn demo(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let path = if ctx.has_explicit_db() {
        ctx.db_path()?
    } else {
        let folder = tempfile::Builder::new()
            .prefix("jobtrack-demo-")
            .tempdir()
            .map_err(|e| Error::io(std::env::temp_dir(), e))?
            .keep();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::io(&folder, e))?;
        db::DbPath {
            path: folder.join("jobtrack.db"),
            is_default: false,
        }
    };
    if path.path.exists() {
        let (conn, _) = db::open(&path, Access::Existing)?;
        let held = crate::transfer::rows_held(&conn)?;
        if !held.is_empty() {
            let applications: i64 =
                conn.query_row("SELECT count(*) FROM applications", [], |r| r.get(0))?;
            let holds = if applications > 0 {
                format!("{applications} applications")
            } else {
                held.iter()
                    .map(|(table, n)| format!("{n} {table}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(Error::Input(format!(
                "demo needs an empty database; {} already holds {holds}",
                path.path.display()
            )));
        }
    }
    let (mut conn, _) = db::open(&path, Access::Create)?;
    let tx = db::write(&mut conn)?;
    let anchor = NaiveDate::from_ymd_opt(SAMPLE_TODAY.0, SAMPLE_TODAY.1, SAMPLE_TODAY.2)
        .ok_or_else(|| Error::Runtime("the sample data's date is invalid".into()))?;
    crate::transfer::load_sample(&tx, SAMPLE, anchor, today)?;
    crate::credentials::tracking::refresh_expiry(&tx, today)?;
    db::commit(tx)?;
    eprintln!(
        "sample data in {} — try: jobtrack --db {} app list",
        path.path.display(),
        path.path.display()
    );
    crate::reports::show_dashboard(ctx, &conn, today)
}
