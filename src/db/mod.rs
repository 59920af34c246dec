//! Opening the database: where it lives, creating it owner-only, the pragmas
//! every connection gets, IMMEDIATE write transactions and the upgrade ladder.

use std::fs::{self, DirBuilder, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::files;

pub mod undo;

/// The current schema, run on a new database.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// One upgrade step: takes the database from version `n` to `n + 1`.
pub type Step = fn(&Transaction) -> rusqlite::Result<()>;

/// The upgrade ladder: `UPGRADES[i]` takes version `i + 1` to `i + 2`.
pub const UPGRADES: &[Step] = &[v1_to_v2, v2_to_v3];

/// Version 2: `certifications.failed_on`, the date of the last failed exam,
/// which a rescheduled exam no longer overwrites (the retake wait counts
/// from it). Filled from the old rows: a `failed` credential failed on its
/// exam date.
fn v1_to_v2(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "ALTER TABLE certifications ADD COLUMN failed_on TEXT CHECK (date(failed_on, '+0 days') IS failed_on);
         UPDATE certifications SET failed_on = exam_on WHERE status = 'failed';",
    )
}

/// Version 3: the undo log (`undo_log`, its `undo_steps`, and
/// `undo_recording`, which names the entry a command is recording). The
/// triggers that fill it are made by `undo::install_triggers` after every
/// step, from the schema as it then stands.
fn v2_to_v3(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE undo_log (
             seq      INTEGER PRIMARY KEY,
             at       TEXT NOT NULL,
             command  TEXT NOT NULL,
             rows     INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
             bytes    INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
             undone   INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
         ) STRICT;
         CREATE TABLE undo_steps (
             seq   INTEGER NOT NULL REFERENCES undo_log(seq) ON DELETE CASCADE,
             id    INTEGER NOT NULL,
             sql   TEXT NOT NULL,
             rows  INTEGER NOT NULL DEFAULT 1 CHECK (rows >= 0),
             PRIMARY KEY (seq, id)
         ) STRICT, WITHOUT ROWID;
         CREATE TABLE undo_recording (
             seq  INTEGER NOT NULL
         ) STRICT;",
    )
}

/// The schema version this binary writes (`PRAGMA user_version`).
pub const CURRENT_VERSION: i64 = UPGRADES.len() as i64 + 1;

/// Whether a command may create a missing database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads (and `rm`): a missing database is an error.
    Existing,
    /// Writes: a missing database is created from `schema.sql`.
    Create,
}

/// Where the database is and whether jobtrack chose the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbPath {
    /// The database file.
    pub path: PathBuf,
    /// True for the default location, whose `jobtrack` folder jobtrack may create.
    pub is_default: bool,
}

/// Resolves the database path: `--db`/`JOBTRACK_DB` (empty counts as unset),
/// else `$XDG_DATA_HOME/jobtrack/jobtrack.db`, else the platform data folder.
pub fn resolve_path(flag: Option<&Path>, xdg_data_home: Option<&Path>) -> Result<DbPath> {
    if let Some(path) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(DbPath {
            path: path.to_path_buf(),
            is_default: false,
        });
    }
    let base = xdg_data_home
        .filter(|p| p.is_absolute())
        .map(Path::to_path_buf)
        .or_else(dirs::data_dir)
        .ok_or_else(|| {
            Error::Runtime(
                "cannot find a data folder for the database; give one with --db PATH or JOBTRACK_DB"
                    .into(),
            )
        })?;
    Ok(DbPath {
        path: base.join("jobtrack").join("jobtrack.db"),
        is_default: true,
    })
}

/// What `open` found or did, for `init`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The file was created now.
    Created,
    /// The file existed at an older version and was upgraded.
    Upgraded(i64),
    /// The file existed at the current version.
    Existing,
}

/// Opens (and, with `Access::Create`, creates) the database, sets the
/// pragmas, and brings an older schema up to date.
pub fn open(db: &DbPath, access: Access) -> Result<(Connection, Opened)> {
    let path = &db.path;
    let exists = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::Runtime(format!(
                "{} is a folder, not a database file",
                path.display()
            )))
        }
        Ok(meta) if meta.len() == 0 && access == Access::Existing => {
            // An empty file (say, made by `touch`): a read must not write a
            // schema into it.
            return Err(Error::Runtime(format!(
                "{} is an empty file, not a jobtrack database yet (run 'jobtrack init' to make it one)",
                path.display()
            )));
        }
        Ok(_) => true,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut created = false;
    if !exists {
        if access == Access::Existing {
            return Err(Error::NoDatabase(path.clone()));
        }
        created = create_database(db)?;
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| explain(e.into(), path))?;
    match configure(&conn).and_then(|()| prepare_schema(&mut conn, path)) {
        Ok(opened) => {
            if access == Access::Existing {
                // Reads (reports, lists) go through a memory map instead of
                // a read() per page; writes touch few pages and skip it.
                conn.pragma_update(None, "mmap_size", 256i64 << 20)
                    .map_err(|e| explain(e.into(), path))?;
            }
            let opened = if created { Opened::Created } else { opened };
            Ok((conn, opened))
        }
        // A file we may not write, in a folder we may not write either:
        // SQLite cannot set up its WAL index, so reads go through an
        // immutable read-only view (nobody can be writing it). Writes still
        // fail with the read-only message.
        Err(e) if access == Access::Existing && is_read_only_failure(&e) && !writable(path) => {
            drop(conn);
            open_immutable(path)
        }
        Err(e) => Err(explain(e, path)),
    }
}

fn is_read_only_failure(err: &Error) -> bool {
    matches!(err, Error::Sqlite(e) if matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
    ))
}

fn writable(path: &Path) -> bool {
    OpenOptions::new().write(true).open(path).is_ok()
}

fn open_immutable(path: &Path) -> Result<(Connection, Opened)> {
    let mut uri = String::from("file:");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{byte:02X}")),
            _ => uri.push(char::from(byte)),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    let conn = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| explain(e.into(), path))?;
    configure(&conn).map_err(|e| explain(e, path))?;
    let version = user_version(&conn).map_err(|e| explain(e.into(), path))?;
    if version != CURRENT_VERSION {
        return Err(Error::Runtime(format!(
            "database version {version} at {} cannot be used read-only; run 'jobtrack init' with write access",
            path.display()
        )));
    }
    Ok((conn, Opened::Existing))
}

/// Creates the database file with its schema; false when another command
/// created it first.
fn create_database(db: &DbPath) -> Result<bool> {
    let path = &db.path;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if db.is_default {
        // Only the `jobtrack` folder itself is ours to create.
        if let Some(data_home) = parent.parent().filter(|p| !p.is_dir()) {
            return Err(Error::Runtime(format!(
                "the data folder {} does not exist; create it, or choose a database with --db PATH",
                data_home.display()
            )));
        }
        if !parent.exists() {
            DirBuilder::new()
                .mode(0o700)
                .create(&parent)
                .map_err(|e| Error::io(&parent, e))?;
        }
    } else if !parent.is_dir() {
        return Err(Error::Runtime(format!(
            "the folder {} does not exist; create it first or choose another --db path",
            parent.display()
        )));
    }
    // Build the whole database (schema, WAL mode) in a private file beside
    // the target, then link it into place: the path never holds a
    // half-made database, and when two commands create it at once, one
    // wins and the other simply opens the winner's.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = parent.join(format!(".{name}.new-{}", std::process::id()));
    let made = (|| -> Result<bool> {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
            .map_err(|e| {
                Error::Runtime(format!(
                    "cannot create the database {}: {e}",
                    path.display()
                ))
            })?;
        {
            let mut conn = Connection::open(&temp)?;
            configure(&conn)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            create_schema(&tx)?;
            tx.commit()?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        match fs::hard_link(&temp, path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            // A file system without hard links: rename, unless another
            // command has made the database meanwhile.
            Err(_) if !path.exists() => fs::rename(&temp, path)
                .map(|()| true)
                .map_err(|e| Error::io(path, e)),
            Err(_) => Ok(false),
        }
    })();
    let _ = fs::remove_file(&temp);
    made
}

/// Builds a new database: `schema.sql`, then the undo triggers.
fn create_schema(tx: &Transaction) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    undo::install_triggers(tx)
}

/// The per-connection settings of DESIGN §3, all outside any transaction.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(60))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

fn prepare_schema(conn: &mut Connection, path: &Path) -> Result<Opened> {
    let version = user_version(conn)?;
    if version == 0 {
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if objects > 0 {
            return Err(Error::Runtime(format!(
                "{} is a SQLite database but not a jobtrack one (it has tables and no jobtrack version); \
                 choose another --db path",
                path.display()
            )));
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have created the schema while this one waited
        // for the write lock: look again under the lock.
        let created_meanwhile: i64 =
            tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if created_meanwhile == 0 {
            create_schema(&tx)?;
        }
        tx.commit()?;
        if created_meanwhile > 0 {
            return prepare_schema(conn, path);
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        return Ok(Opened::Created);
    }
    if version > CURRENT_VERSION {
        return Err(Error::Runtime(format!(
            "the database at {} has schema version {version}, newer than this jobtrack understands \
             ({CURRENT_VERSION}); use a newer jobtrack",
            path.display()
        )));
    }
    if version < CURRENT_VERSION {
        if conn.is_readonly("main")? {
            return Err(Error::Runtime(format!(
                "database version {version} needs upgrading; run 'jobtrack init' with write access to {}",
                path.display()
            )));
        }
        let backup = backup_path(path, version);
        if !backup.exists() {
            snapshot_into(conn, &backup, false)?;
        }
        upgrade(conn, version, UPGRADES)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        return Ok(Opened::Upgraded(version));
    }
    Ok(Opened::Existing)
}

/// Writes a consistent copy of the open database to `target` through the
/// private writer (0600, renamed into place; without `force` an existing
/// `target` is refused): filled by `VACUUM INTO` and put in WAL mode like
/// every jobtrack database, so the copy is ready to use. Returns its size.
pub fn snapshot_into(conn: &Connection, target: &Path, force: bool) -> Result<u64> {
    files::write_private(target, &files::folder_of(target), force, |_, temp| {
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
        let copy = Connection::open(temp)?;
        copy.pragma_update(None, "journal_mode", "WAL")?;
        drop(copy);
        Ok(fs::metadata(temp).map_err(|e| Error::io(target, e))?.len())
    })
}

/// The copy made before upgrading from `version`: `PATH.v<N>.bak`.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".v{version}.bak"));
    PathBuf::from(name)
}

/// Runs the steps that take `from` to the top of `steps`, each in its own
/// IMMEDIATE transaction that also bumps `user_version` and remakes the
/// undo triggers from the schema the step left. The undo log starts afresh
/// (the copy made before upgrading is the way back).
pub fn upgrade(conn: &mut Connection, from: i64, steps: &[Step]) -> Result<()> {
    for (index, step) in steps.iter().enumerate() {
        let step_from = index as i64 + 1;
        if step_from < from {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        step(&tx)?;
        undo::install_triggers(&tx)?;
        if index + 1 == steps.len() {
            undo::clear(&tx)?;
        }
        tx.pragma_update(None, "user_version", step_from + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Starts the one IMMEDIATE transaction of a write.
/// It records the command's undo entry (`undo::begin`).
pub fn write(conn: &mut Connection) -> Result<Transaction<'_>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    undo::begin(&tx)?;
    Ok(tx)
}

/// Commits a write with its undo entry. Debug builds honour `JOBTRACK_ABORT_BEFORE_COMMIT=1`, a
/// crash hook for the reliability tests.
pub fn commit(tx: Transaction<'_>) -> Result<()> {
    undo::finish(&tx)?;
    #[cfg(debug_assertions)]
    if std::env::var_os("JOBTRACK_ABORT_BEFORE_COMMIT").is_some_and(|v| v == "1") {
        std::process::abort();
    }
    tx.commit()?;
    Ok(())
}

/// Turns SQLite's busy, read-only and not-a-database errors into messages
/// that name the file and say what to do.
pub fn explain(err: Error, path: &Path) -> Error {
    let Error::Sqlite(sqlite) = &err else {
        return err;
    };
    match sqlite.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy(path.to_path_buf()),
        Some(ErrorCode::ReadOnly) => Error::Runtime(format!(
            "the database at {} is read-only; reading works, but this command writes (check the file's permissions)",
            path.display()
        )),
        Some(ErrorCode::NotADatabase) => Error::Runtime(format!(
            "{} is not a SQLite database (or it is damaged); choose another --db path or restore a backup",
            path.display()
        )),
        Some(ErrorCode::DiskFull | ErrorCode::SystemIoFailure) => Error::Runtime(format!(
            "could not write to the database at {} ({sqlite}): the disk may be full or a file size limit \
             reached; this command's changes were not saved — free some space and try again",
            path.display()
        )),
        Some(ErrorCode::CannotOpen) => Error::Runtime(format!(
            "cannot open the database at {}: {sqlite}",
            path.display()
        )),
        _ => err,
    }
}

/// The `EXPLAIN QUERY PLAN` lines of a query, for the tests that keep hot
/// queries on their indexes.
pub fn query_plan(
    conn: &Connection,
    sql: &str,
    values: &[rusqlite::types::Value],
) -> Result<Vec<String>> {
    let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let rows = statement.query_map(rusqlite::params_from_iter(values), |r| {
        r.get::<_, String>(3)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Panics when a plan scans one of `tables` (by name or alias in
/// parentheses, as `SCAN a (applications)` is not printed but `SCAN a` is)
/// without an index. For tests.
pub fn assert_no_full_scan(plan: &[String], tables: &[&str], context: &str) {
    for line in plan {
        let Some(rest) = line.trim().strip_prefix("SCAN ") else {
            continue;
        };
        let scanned = rest.split_whitespace().next().unwrap_or("");
        let indexed = rest.contains("USING INDEX") || rest.contains("USING COVERING INDEX");
        if tables.contains(&scanned) && !indexed {
            panic!("{context}: full scan of {scanned}:\n{}", plan.join("\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(SCHEMA).unwrap();
        tx.commit().unwrap();
        conn
    }

    #[test]
    fn schema_is_at_the_current_version() {
        let conn = fresh();
        assert_eq!(user_version(&conn).unwrap(), CURRENT_VERSION);
    }

    #[test]
    fn ladder_runs_each_step_once_and_bumps_the_version() {
        let mut conn = fresh();
        let steps: &[Step] = &[|tx| tx.execute_batch("ALTER TABLE goals ADD COLUMN note TEXT")];
        upgrade(&mut conn, 1, steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        conn.execute("INSERT INTO goals (metric, period, target, note) VALUES ('applications', 'week', 5, 'x')", [])
            .unwrap();
        // Already at version 2: the step is skipped.
        upgrade(&mut conn, 2, steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
    }

    #[test]
    fn a_failing_step_leaves_the_version_and_schema_alone() {
        let mut conn = fresh();
        let steps: &[Step] = &[|tx| {
            tx.execute_batch("ALTER TABLE goals ADD COLUMN note TEXT; SELECT no_such_function();")
        }];
        let before = user_version(&conn).unwrap();
        assert!(upgrade(&mut conn, 1, steps).is_err());
        assert_eq!(user_version(&conn).unwrap(), before);
        let has_note: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('goals') WHERE name = 'note'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(has_note, 0);
    }

    #[test]
    fn path_resolution_order() {
        let flag = Path::new("/tmp/x.db");
        let xdg = Path::new("/home/u/.local/share");
        assert_eq!(resolve_path(Some(flag), Some(xdg)).unwrap().path, flag);
        let default = resolve_path(Some(Path::new("")), Some(xdg)).unwrap();
        assert_eq!(default.path, xdg.join("jobtrack/jobtrack.db"));
        assert!(default.is_default);
        // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
        let fallback = resolve_path(None, Some(Path::new("relative"))).unwrap();
        assert!(fallback.path.ends_with("jobtrack/jobtrack.db"));
        assert!(!fallback.path.starts_with("relative"));
    }

    #[test]
    fn foreign_keys_are_enforced_even_when_the_library_default_is_off() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        configure(&conn).unwrap();
        let on: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
        let orphan = conn.execute(
            "INSERT INTO volunteer_shifts (org_id, date, hours) VALUES (999, '2026-01-01', 2)",
            [],
        );
        assert!(orphan.is_err());
    }
}
