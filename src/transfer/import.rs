//! Reading CSV into tables: `import TABLE FILE` and the one loader behind
//! `import --all` and `demo` (`import_all`). Rows are validated and
//! inserted in one pass inside the caller's transaction; every refused cell
//! is collected (row, column, value, reason) and reported together, and the
//! caller rolls back.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use rusqlite::Connection;

use super::loader::{parse_map, History, Loader, Problems};
use super::spec::{Spec, Table, SPECS};
use super::{DateFormat, ImportReport};
use crate::applications::store::refresh_derived_sql;
use crate::db::undo;
use crate::documents;
use crate::error::{Error, Result};
use crate::files::{self, Limited};
use crate::output::count_of;

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

/// "1 organization, 2 application events": rows counted by table, in
/// words that agree with each count.
pub fn table_counts<'a>(counts: impl IntoIterator<Item = (&'a str, u64)>) -> String {
    counts
        .into_iter()
        .map(|(table, n)| {
            let many = table.replace('_', " ");
            let one = many.strip_suffix('s').unwrap_or(&many);
            count_of(i64::try_from(n).unwrap_or(i64::MAX), one, &many)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Loads every `<table>.csv` the source holds, in dependency order, keeping
/// ids, timestamps and histories (no events are added), then recomputes the
/// derived application columns. A missing file is an empty table. Run it
/// inside a write transaction on a database with no rows (see `rows_held`);
/// on error the caller drops the transaction and nothing is written.
pub fn import_all(conn: &Connection, source: &Source<'_>) -> Result<Vec<Loaded>> {
    undo::record(conn, &refresh_derived_sql(), 0)?;
    let mut loader = Loader::new(conn, History::Kept)?;
    if matches!(source, Source::Files(_)) {
        loader.allow_later_dates();
    }
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
    restore_documents(conn, source, &loaded)?;
    refresh_all(conn)?;
    Ok(loaded)
}

/// The folder of an export that holds each document's bytes, in a file
/// named by its SHA-256.
pub fn documents_dir(dir: &Path) -> std::path::PathBuf {
    dir.join("documents")
}

/// Puts each imported document's bytes in place, from
/// `DIR/documents/<sha256>`: a missing file, or one whose size or SHA-256
/// is not the row's, refuses the whole import (naming the file). The rows
/// went in with room of their size; the undo entry already removes them,
/// so filling the room is not recorded.
fn restore_documents(conn: &Connection, source: &Source<'_>, loaded: &[Loaded]) -> Result<()> {
    if !loaded
        .iter()
        .any(|l| l.table == Table::Documents && l.added > 0)
    {
        return Ok(());
    }
    let Source::Dir(dir) = source else {
        return Err(Error::Input(
            "documents.csv lists documents whose bytes are not given; \
             'jobtrack import --all DIR' reads them from DIR/documents/"
                .into(),
        ));
    };
    let folder = documents_dir(dir);
    let bulk = undo::pause(conn, false)?;
    for document in documents::store::list(conn)? {
        let path = folder.join(&document.sha256);
        let label = path.display().to_string();
        let bytes = match files::read_file_limited(&path, documents::MAX_SIZE) {
            Ok(Limited::Bytes(bytes)) => bytes,
            Ok(Limited::TooBig(size)) => return Err(documents::too_big(&label, size)),
            Err(Error::Input(_)) if !path.exists() => {
                return Err(Error::Input(format!(
                    "{label} is missing: documents.csv lists document {} ({}) but the export holds no bytes for it",
                    document.id, document.name
                )))
            }
            Err(e) => return Err(e),
        };
        if bytes.len() as i64 != document.size {
            return Err(Error::Input(format!(
                "{label} holds {} bytes; documents.csv gives document {} ({}) {} bytes",
                bytes.len(),
                document.id,
                document.name,
                document.size
            )));
        }
        if documents::sha256_hex(&bytes) != document.sha256 {
            return Err(Error::Input(format!(
                "{label} does not match its SHA-256 (document {}, {}): the file was changed or damaged",
                document.id, document.name
            )));
        }
        documents::store::set_content(conn, document.id, &bytes)?;
    }
    bulk.resume(conn)
}

fn file_name(spec: &Spec) -> String {
    format!("{}.csv", spec.name())
}

/// How `import TABLE FILE` reads its file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--update`: rows whose ids are stored update those records.
    pub update: bool,
    /// `--map 'Header=column,…'`.
    pub map: Option<String>,
    /// `--date-format`: how to read dates like 3/4/2026.
    pub date_format: Option<DateFormat>,
}

/// `import TABLE FILE`: loads one table's CSV inside the caller's transaction.
pub fn import_table(
    conn: &Connection,
    table: Table,
    input: Input,
    options: &Options,
    dry_run: bool,
) -> Result<ImportReport> {
    let Input {
        reader,
        length,
        label,
        ..
    } = input;
    let spec = super::spec::spec(table);
    if table == Table::ApplicationEvents {
        undo::record(conn, &refresh_derived_sql(), 0)?;
    }
    let map = match &options.map {
        Some(text) => parse_map(spec, text)?,
        None => Vec::new(),
    };
    let mut loader = Loader::new(conn, History::Started)?
        .updating(options.update)
        .mapping(map)
        .dates(options.date_format);
    let mut problems = Problems::default();
    let added = loader.load(spec, &label, reader, length, &mut problems)?;
    let (updated, already_there) = loader.matched();
    let header = loader.header();
    let mut mapping: Vec<String> = header
        .renamed
        .iter()
        .map(|(name, column)| format!("{name} → {column}"))
        .collect();
    mapping.extend(
        header
            .words
            .iter()
            .map(|(column, word, value)| format!("{column} {word} → {value}")),
    );
    let ignored = header.ignored.clone();
    problems.check()?;
    // Applications imported here get their derived columns as they go in
    // (see `loader::derived`); new events change those of their applications.
    if table == Table::ApplicationEvents {
        refresh_all(conn)?;
    }
    Ok(ImportReport {
        table: table.as_str(),
        added,
        updated,
        already_there,
        dry_run,
        mapping,
        ignored,
        ..ImportReport::default()
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

/// An input opened for an import: read once from its start, whatever it is
/// (a file, a pipe, a FIFO or standard input).
pub(in crate::transfer) struct Input {
    /// The bytes, the start already read back in front of the rest.
    pub(in crate::transfer) reader: Box<dyn Read>,
    /// The size when the input is a file (0 for a pipe): the progress bar's
    /// length and the loader's estimate of the rows coming.
    pub(in crate::transfer) length: u64,
    /// What refusals call it: the path, or "standard input".
    pub(in crate::transfer) label: String,
    /// True when the whole input is blank.
    pub(in crate::transfer) empty: bool,
}

/// How much of an input is read to see whether it is blank.
const START: u64 = 4096;

/// Opens an input: `-` is standard input; a missing file is bad input
/// (exit 2). The start is read here, once, and kept in front of the rest,
/// so a pipe is never read twice.
pub(in crate::transfer) fn open_input(path: &Path, sheet: Option<&str>) -> Result<Input> {
    let workbook = super::sheets::is_workbook(path);
    if sheet.is_some() && !workbook {
        return Err(Error::Input(format!(
            "--sheet goes with an .xlsx or .ods file; {} is read as CSV",
            path.display()
        )));
    }
    let (rest, length, label): (Box<dyn Read>, u64, String) = if is_stdin(path) {
        (Box::new(std::io::stdin()), 0, "standard input".to_string())
    } else if workbook && path.is_file() {
        let bytes = super::sheets::sheet_as_csv(path, sheet)?;
        let length = bytes.len() as u64;
        (
            Box::new(std::io::Cursor::new(bytes)),
            length,
            path.display().to_string(),
        )
    } else {
        let (file, meta) = crate::files::open_input(path, "give a CSV file (or use --all DIR)")?;
        (Box::new(file), meta.len(), path.display().to_string())
    };
    let mut rest = rest;
    let mut start = Vec::with_capacity(START as usize);
    (&mut rest)
        .take(START)
        .read_to_end(&mut start)
        .map_err(|e| Error::io(path, e))?;
    let empty = (start.len() as u64) < START && start.iter().all(u8::is_ascii_whitespace);
    let reader = Box::new(BufReader::new(std::io::Cursor::new(start).chain(rest)));
    Ok(Input {
        reader,
        length,
        label,
        empty,
    })
}

/// True for the `-` that names standard input.
pub(in crate::transfer) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
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
