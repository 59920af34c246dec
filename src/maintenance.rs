//! Looking after the database itself: `init`, `demo`, `backup`, `doctor`.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

mod restore;

pub use restore::restore;

use crate::ctx::Ctx;
use crate::db::{self, Access, Opened};
use crate::error::{Error, Result};
use crate::files;
use crate::output::{count_of, shell_command, shell_word, Tone};

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
    db::refuse_damage(&conn, &db_path.path)?;
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
    /// What `--fix` mended before the checks ran.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<String>,
}

/// Every table, in dependency order: the one list the export and import
/// already keep.
fn tables() -> impl Iterator<Item = &'static str> {
    crate::transfer::spec::SPECS.iter().map(|spec| spec.name())
}

/// `jobtrack doctor [--fix]`: checks the file, its schema and its
/// permissions; exit 1 with a recovery hint when something is wrong.
/// `--fix` first rebuilds the search index if it is out of step (the one
/// thing doctor mends: it is made from the records, so nothing is lost).
pub fn doctor(ctx: &Ctx, fix: bool) -> Result<()> {
    let db_path = ctx.db_path()?;
    let path = &db_path.path;
    if !path.exists() {
        return Err(Error::NoDatabase(path.clone()));
    }
    let fixed = if fix {
        fix_search_index(path)?
    } else {
        Vec::new()
    };
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
    checks.push(companion_check(path));
    checks.push(temp_file_check(path));
    let report = DoctorReport {
        ok: checks.iter().all(|c| c.ok),
        checks,
        counts,
        fixed,
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
        db::plain_name(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db::configure(&conn)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    checks.push(version_check(version));
    checks.push(integrity_check(&conn)?);
    checks.push(foreign_key_check(&conn)?);
    checks.push(constraint_check(&conn)?);
    checks.push(id_check(&conn)?);
    if version == db::CURRENT_VERSION {
        checks.push(search_index_check(&conn));
    }
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
    if let Ok((entries, bytes)) = db::undo::size(&conn) {
        checks.push(Check {
            name: "undo_log",
            ok: true,
            detail: format!(
                "{} ({} KiB of {} MiB)",
                count_of(entries, "entry", "entries"),
                (bytes + 1023) / 1024,
                db::undo::MAX_BYTES >> 20
            ),
        });
    }
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

/// Whether the search index is sound and holds exactly the records'
/// current text (DESIGN §10.8).
fn search_index_check(conn: &Connection) -> Check {
    let problems =
        db::search_index::problems(conn).unwrap_or_else(|e| vec![format!("cannot be read ({e})")]);
    Check {
        name: "search_index",
        ok: problems.is_empty(),
        detail: if problems.is_empty() {
            "in step".into()
        } else {
            format!(
                "{}; 'jobtrack doctor --fix' rebuilds it",
                problems.join("; ")
            )
        },
    }
}

/// `doctor --fix`: rebuilds the search index of a current database when it
/// is out of step, in one transaction that records no undo entry. Returns
/// what was mended.
fn fix_search_index(path: &Path) -> Result<Vec<String>> {
    let mut conn = Connection::open_with_flags(
        db::plain_name(path),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db::configure(&conn)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != db::CURRENT_VERSION {
        return Ok(Vec::new());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let problems =
        db::search_index::problems(&tx).unwrap_or_else(|e| vec![format!("cannot be read ({e})")]);
    if problems.is_empty() {
        return Ok(Vec::new());
    }
    db::search_index::rebuild(&tx)?;
    tx.commit()?;
    Ok(vec![format!(
        "rebuilt the search index ({})",
        problems.join("; ")
    )])
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

/// Rows that break a CHECK or NOT NULL constraint (a hand edit with the
/// checks switched off): each table's rows are copied into a TEMP table
/// built from the same definition, with `OR IGNORE` leaving out the rows
/// that break one; the first 20 are named with SQLite's reason.
fn constraint_check(conn: &Connection) -> Result<Check> {
    // References are foreign_keys' business, and a TEMP table cannot point
    // at the main schema's tables.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let mut broken = Vec::new();
    for table in tables() {
        if broken.len() >= 20 {
            break;
        }
        broken.extend(rows_breaking_checks(conn, table, 20 - broken.len())?);
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(Check {
        name: "constraints",
        ok: broken.is_empty(),
        detail: if broken.is_empty() {
            "every row keeps its table's rules".into()
        } else {
            broken.join("; ")
        },
    })
}

fn rows_breaking_checks(conn: &Connection, table: &str, limit: usize) -> Result<Vec<String>> {
    let sql: Option<String> = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )
        .ok();
    let Some(definition) = sql.and_then(|sql| {
        sql.find('(')
            .map(|open| format!("CREATE TEMP TABLE rules {}", &sql[open..]))
    }) else {
        return Ok(Vec::new());
    };
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS temp.rules; {definition};
         INSERT OR IGNORE INTO temp.rules SELECT * FROM main.{table};"
    ))?;
    let rowids: Vec<i64> = conn
        .prepare(&format!(
            "SELECT rowid FROM main.{table} WHERE rowid NOT IN (SELECT rowid FROM temp.rules) \
             ORDER BY rowid LIMIT {limit}"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut broken = Vec::new();
    for rowid in rowids {
        let reason = match conn.execute(
            &format!("INSERT INTO temp.rules SELECT * FROM main.{table} WHERE rowid = ?1"),
            [rowid],
        ) {
            Err(rusqlite::Error::SqliteFailure(_, Some(message))) => {
                message.split_whitespace().collect::<Vec<_>>().join(" ")
            }
            _ => "a rule of its table is broken".into(),
        };
        broken.push(format!("{table} row {rowid}: {reason}"));
    }
    conn.execute_batch("DROP TABLE temp.rules")?;
    Ok(broken)
}

/// Ids above 2^53: the next row would need an id past what JSON readers
/// hold (and at 2^63 - 1, SQLite gives none).
fn id_check(conn: &Connection) -> Result<Check> {
    let mut high = Vec::new();
    for table in tables() {
        let max: Option<i64> =
            conn.query_row(&format!("SELECT max(rowid) FROM {table}"), [], |r| r.get(0))?;
        if let Some(id) = max.filter(|id| *id > 1 << 53) {
            high.push(format!("{table} has id {id}"));
        }
    }
    Ok(Check {
        name: "ids",
        ok: high.is_empty(),
        detail: if high.is_empty() {
            "every id is at most 2^53".into()
        } else {
            format!(
                "{}: ids over 2^53 leave no room for new rows; export, fix the ids and import into a new database",
                high.join(", ")
            )
        },
    })
}

/// The `-wal` and `-shm` files must be writable for any command to write
/// (SQLite needs both, even to read a database in WAL mode from a folder
/// it cannot write).
fn companion_check(path: &Path) -> Check {
    let mut blocked = Vec::new();
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let file = PathBuf::from(name);
        if file.exists() && fs::OpenOptions::new().write(true).open(&file).is_err() {
            blocked.push(file.display().to_string());
        }
    }
    Check {
        name: "wal_files",
        ok: blocked.is_empty(),
        detail: if blocked.is_empty() {
            "jobtrack can write the -wal and -shm files".into()
        } else {
            format!(
                "jobtrack cannot write {}, so every write fails; make it yours and writable \
                 (chown, chmod 600) or remove it while no jobtrack command runs",
                blocked.join(" and ")
            )
        },
    }
}

/// Temporary files left beside the database by a command that was killed.
fn temp_file_check(path: &Path) -> Check {
    let stale = files::stale_temps(&files::folder_of(path));
    Check {
        name: "temp_files",
        ok: stale.is_empty(),
        detail: if stale.is_empty() {
            "no temporary files left behind".into()
        } else {
            let names: Vec<String> = stale.iter().map(|p| p.display().to_string()).collect();
            format!(
                "left by a command that was stopped: {}; the next write removes them, or: rm {}",
                names.join(", "),
                names.join(" ")
            )
        },
    }
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
                ok: mode & 0o022 == 0,
                detail: if mode & 0o077 == 0 {
                    format!("{} is private ({mode:o})", folder.display())
                } else if mode & 0o022 != 0 {
                    format!(
                        "{} is {mode:o}: others can write in it, so they could replace the database or \
                         its -wal file; fix with: chmod go-w {}",
                        folder.display(),
                        folder.display()
                    )
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
    for fixed in &report.fixed {
        out.line(format!("  {}  {fixed}", out.paint("fixed", Tone::Good)))?;
    }
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
    if failed("search_index") {
        out.line("Run 'jobtrack doctor --fix' to rebuild the search index from your records; your data is intact.")?;
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
                count_of(applications, "application", "applications")
            } else {
                crate::transfer::table_counts(held.iter().map(|&(t, n)| (t, n.unsigned_abs())))
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
    crate::output::to_stderr(&format!(
        "sample data in {} — try: jobtrack --db {} app list",
        path.path.display(),
        path.path.display()
    ));
    crate::reports::show_dashboard(ctx, &conn, today)
}
