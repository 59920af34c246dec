//! Reading CSV into tables: `import TABLE FILE` and the one loader behind
//! `import --all` and `demo` (`import_all`). Rows are validated and
//! inserted in one pass inside the caller's transaction; every refused cell
//! is collected (row, column, value, reason) and reported together, and the
//! caller rolls back.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use rusqlite::Connection;

use super::loader::{History, Loader, Problems};
use super::spec::{Spec, Table, SPECS};
use super::ImportReport;
use crate::applications::store::refresh_derived_sql;
use crate::db::undo;
use crate::error::{Error, Result};

/// Where `import_all` finds the table files.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A folder holding `<table>.csv` files (an `export --all`).
    Dir(&'a Path),
    /// In-memory files as (file name, contents), like `("applications.csv", …)`.
    Files(&'a [(&'a str, &'a [u8])]),
}

/// How many rows `import_all` loaded into one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub table: Table,
    pub added: u64,
}

/// The tables that hold rows, with their counts (empty: a blank database).
pub fn rows_held(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    let mut held = Vec::new();
    for spec in SPECS {
        let count: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {}", spec.name()), [], |r| {
                r.get(0)
            })?;
        if count > 0 {
            held.push((spec.name(), count));
        }
    }
    Ok(held)
}

/// Loads every `<table>.csv` the source holds, in dependency order, keeping
/// ids, timestamps and histories (no events are added), then recomputes the
/// derived application columns. A missing file is an empty table. Run it
/// inside a write transaction on a database with no rows (see `rows_held`);
/// on error the caller drops the transaction and nothing is written.
pub fn import_all(conn: &Connection, source: &Source<'_>) -> Result<Vec<Loaded>> {
    undo::record(conn, &refresh_derived_sql(), 0)?;
    let mut loader = Loader::new(conn, History::Kept)?;
    let mut problems = Problems::default();
    let mut loaded = Vec::with_capacity(SPECS.len());
    let mut found = 0;
    match source {
        Source::Dir(dir) => {
            if !dir.is_dir() {
                return Err(Error::Input(if dir.exists() {
                    format!(
                        "{} is a file; import --all takes the folder an 'export --all' wrote \
                         (one file goes in with 'import TABLE FILE')",
                        dir.display()
                    )
                } else {
                    format!("no folder at {}", dir.display())
                }));
            }
        }
        Source::Files(files) => {
            if let Some((name, _)) = files
                .iter()
                .find(|(name, _)| !SPECS.iter().any(|s| file_name(s) == *name))
            {
                return Err(Error::Input(format!(
                    "{name} is not a table file (expected <table>.csv for one of: {})",
                    Table::accepted()
                )));
            }
        }
    }
    for spec in SPECS {
        let name = file_name(spec);
        let added = match source {
            Source::Dir(dir) => {
                let path = dir.join(&name);
                match File::open(&path) {
                    Ok(file) => {
                        found += 1;
                        let length = file.metadata().map(|m| m.len()).unwrap_or(0);
                        let label = path.display().to_string();
                        let input = BufReader::new(file);
                        loader.load(spec, &label, input, length, &mut problems)?
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
                    Err(e) => return Err(Error::io(path, e)),
                }
            }
            Source::Files(files) => match files.iter().find(|(n, _)| *n == name) {
                Some((_, bytes)) => {
                    found += 1;
                    let length = bytes.len() as u64;
                    loader.load(spec, &name, *bytes, length, &mut problems)?
                }
                None => 0,
            },
        };
        loaded.push(Loaded {
            table: spec.table,
            added,
        });
    }
    if found == 0 {
        let place = match source {
            Source::Dir(dir) => dir.display().to_string(),
            Source::Files(_) => "the files given".to_string(),
        };
        return Err(Error::Input(format!(
            "{place} holds none of the table files (organizations.csv, applications.csv, …); \
             'jobtrack export --all --out DIR' writes them"
        )));
    }
    problems.check()?;
    refresh_all(conn)?;
    Ok(loaded)
}

fn file_name(spec: &Spec) -> String {
    format!("{}.csv", spec.name())
}

/// `import TABLE FILE`: loads one table's CSV inside the caller's transaction.
pub fn import_table(
    conn: &Connection,
    table: Table,
    path: &Path,
    dry_run: bool,
) -> Result<ImportReport> {
    let (input, length) = open_input(path)?;
    let spec = super::spec::spec(table);
    if table == Table::ApplicationEvents {
        undo::record(conn, &refresh_derived_sql(), 0)?;
    }
    let mut loader = Loader::new(conn, History::Started)?;
    let mut problems = Problems::default();
    let label = path.display().to_string();
    let added = loader.load(spec, &label, input, length, &mut problems)?;
    problems.check()?;
    // Applications imported here get their derived columns as they go in
    // (see `loader::derived`); new events change those of their applications.
    if table == Table::ApplicationEvents {
        refresh_all(conn)?;
    }
    Ok(ImportReport {
        table: table.as_str(),
        added,
        skipped: 0,
        dry_run,
    })
}

/// Recomputes every application's derived columns after a load, without
/// an undo step per application: the caller recorded the same statement
/// before loading, so an undo runs it after the loaded rows are gone.
fn refresh_all(conn: &Connection) -> Result<()> {
    let bulk = undo::pause(conn, true)?;
    conn.execute(&refresh_derived_sql(), [])?;
    bulk.resume(conn)
}

/// Opens an input file: a missing one is bad input (exit 2).
pub(super) fn open_input(path: &Path) -> Result<(BufReader<File>, u64)> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::Input(format!("no file at {}", path.display())))
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::Input(format!(
            "{} is a folder; give a CSV file (or use --all DIR)",
            path.display()
        )));
    }
    Ok((BufReader::new(file), meta.len()))
}

/// Debug builds only: `JOBTRACK_ABORT_AFTER_ROWS=N` aborts the process once
/// an import's transaction holds N rows (DESIGN §8 crash tests).
#[cfg(debug_assertions)]
pub(super) fn crash_hook(rows: u64) {
    static LIMIT: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    let limit = LIMIT.get_or_init(|| {
        std::env::var("JOBTRACK_ABORT_AFTER_ROWS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
    });
    if *limit == Some(rows) {
        std::process::abort();
    }
}

/// Release builds have no crash hook.
#[cfg(not(debug_assertions))]
pub(super) fn crash_hook(_rows: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        crate::db::configure(&conn).unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        conn
    }

    #[test]
    fn import_all_reads_in_memory_files_and_recomputes_derived_columns() {
        let conn = blank();
        let files: &[(&str, &[u8])] = &[
            (
                "applications.csv",
                b"id,org,title,status,applied_on,created_at,updated_at\n\
                  7,Mercy Health,HIT,interview,2026-11-02,2026-11-02T10:00:00Z,2026-11-10T10:00:00Z\n",
            ),
            (
                "application_events.csv",
                b"id,application_id,date,kind,from_status,to_status,note\n\
                  1,7,2026-11-02,status,,applied,\n2,7,2026-11-10,status,applied,interview,\n",
            ),
            (
                "organizations.csv",
                b"id,name,website,location,notes,created_at\n3,Mercy Health,,,,2026-01-01T00:00:00Z\n",
            ),
        ];
        let loaded = import_all(&conn, &Source::Files(files)).unwrap();
        let added = |table| loaded.iter().find(|l| l.table == table).unwrap().added;
        assert_eq!(added(Table::Organizations), 1);
        assert_eq!(added(Table::Applications), 1);
        assert_eq!(added(Table::ApplicationEvents), 2);
        assert_eq!(added(Table::Goals), 0);
        let (org_id, stage_since, furthest): (i64, String, String) = conn
            .query_row(
                "SELECT org_id, stage_since, furthest_status FROM applications WHERE id = 7",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (org_id, stage_since.as_str(), furthest.as_str()),
            (3, "2026-11-10", "interview")
        );
        assert!(rows_held(&conn).unwrap().contains(&("applications", 1)));
    }

    #[test]
    fn import_all_refuses_unknown_file_names() {
        let conn = blank();
        let files: &[(&str, &[u8])] = &[("jobs.csv", b"id\n")];
        let err = import_all(&conn, &Source::Files(files)).unwrap_err();
        assert!(err.to_string().contains("jobs.csv"), "{err}");
    }
}
