//! Writing tables out: CSV (RFC 4180, `\n`, spreadsheet-safe text) or a
//! JSON array, one row at a time so memory stays flat on any table size.

use std::io::{BufWriter, Write};
use std::path::Path;

use std::collections::HashMap;

use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Serialize as DeriveSerialize;
use serde_json::Value as Json;

use super::import::documents_dir;
use super::spec::{Kind, Spec, Table, SPECS};
use super::{progress, Format};
use crate::documents::{self, Document};
use crate::error::{Error, Result};
use crate::files;
use crate::output::{self, JsonArray};
use crate::output::{csv_line, spreadsheet_safe};

/// The SELECT that reads a table for export: its columns in order, with
/// organization ids replaced by names.
fn select(spec: &Spec) -> String {
    let columns: Vec<String> = spec
        .columns
        .iter()
        .map(|c| match c.kind {
            Kind::Org => format!(
                "(SELECT o.name FROM organizations o WHERE o.id = t.{})",
                c.sql
            ),
            _ => format!("t.{}", c.sql),
        })
        .collect();
    format!(
        "SELECT {} FROM {} t ORDER BY {}",
        columns.join(", "),
        spec.name(),
        spec.order_by
    )
}

/// Writes one table to `out` and returns how many rows it wrote. With
/// `excel`, CSV starts with a UTF-8 byte order mark and ends its lines with
/// CRLF, which Excel needs to read `Zoë` as UTF-8.
/// I/O errors come back as `Error::Output`; callers writing a file name it.
pub fn write_table(
    conn: &Connection,
    spec: &Spec,
    format: Format,
    excel: bool,
    out: &mut dyn Write,
) -> Result<u64> {
    let total: i64 = conn.query_row(&format!("SELECT count(*) FROM {}", spec.name()), [], |r| {
        r.get(0)
    })?;
    let bar = progress(total as u64, spec.name());
    let derived = Derived::of(conn, spec)?;
    let mut statement = conn.prepare(&select(spec))?;
    let mut rows = statement.query([])?;
    let mut written = 0u64;
    match format {
        Format::Csv => {
            let header: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
            if excel {
                out.write_all("\u{feff}".as_bytes())
                    .map_err(Error::output)?;
            }
            let line = csv_line(header.iter().map(|h| Some(*h)));
            out.write_all(line_end(line, excel).as_bytes())
                .map_err(Error::output)?;
            while let Some(row) = rows.next()? {
                let mut cells = Vec::with_capacity(spec.columns.len());
                for (index, column) in spec.columns.iter().enumerate() {
                    let over = derived.cell(row, index)?;
                    let value = over.as_ref().map_or(row.get_ref(index), |v| Ok(v.into()))?;
                    cells.push(csv_cell(column.kind, value)?);
                }
                let line = csv_line(cells.iter().map(|c| c.as_deref()));
                out.write_all(line_end(line, excel).as_bytes())
                    .map_err(Error::output)?;
                written += 1;
                if written % 1024 == 0 {
                    bar.set_position(written);
                }
            }
        }
        Format::Json => {
            let mut array = JsonArray::new(&mut *out)?;
            while let Some(row) = rows.next()? {
                let mut values = Vec::with_capacity(spec.columns.len());
                for (index, column) in spec.columns.iter().enumerate() {
                    let over = derived.cell(row, index)?;
                    let value = over.as_ref().map_or(row.get_ref(index), |v| Ok(v.into()))?;
                    values.push(json_cell(column.kind, value)?);
                }
                array.push(&JsonRow { spec, values })?;
                written += 1;
                if written % 1024 == 0 {
                    bar.set_position(written);
                }
            }
            array.finish()?;
        }
    }
    bar.finish_and_clear();
    Ok(written)
}

/// Cells a table's rules give instead of the stored value. A credential's
/// `expires_on` is derived when read for every status but `expired`
/// (DESIGN §10.9): a stored one goes stale as days pass without a write,
/// so the export writes what `cert list` shows, and writes nothing back.
struct Derived {
    /// The column replaced, and its value by the row's id (column 0).
    column: Option<(usize, HashMap<i64, Value>)>,
}

impl Derived {
    fn of(conn: &Connection, spec: &Spec) -> Result<Derived> {
        if spec.table != Table::Certifications {
            return Ok(Derived { column: None });
        }
        let index = spec
            .columns
            .iter()
            .position(|c| c.sql == "expires_on")
            .expect("certifications export expires_on");
        let today = crate::dates::today()?;
        let values = crate::credentials::tracking::progress(conn, today)?
            .into_iter()
            .map(|row| {
                let value = row
                    .expires_on
                    .map_or(Value::Null, |d| Value::Text(d.to_string()));
                (row.id, value)
            })
            .collect();
        Ok(Derived {
            column: Some((index, values)),
        })
    }

    fn cell(&self, row: &rusqlite::Row<'_>, index: usize) -> Result<Option<Value>> {
        match &self.column {
            Some((column, values)) if *column == index => {
                let id: i64 = row.get(0)?;
                Ok(values.get(&id).cloned())
            }
            _ => Ok(None),
        }
    }
}

/// A CSV line (ending `\n`) as written: with CRLF for Excel.
#[inline]
fn line_end(mut line: String, excel: bool) -> String {
    if excel {
        line.pop();
        line.push_str("\r\n");
    }
    line
}

fn unexpected(kind: Kind, value: ValueRef<'_>) -> Error {
    Error::Runtime(format!(
        "unexpected {:?} value in a {kind:?} column; run 'jobtrack doctor'",
        value.data_type()
    ))
}

/// One CSV cell: `None` for an empty cell.
fn csv_cell(kind: Kind, value: ValueRef<'_>) -> Result<Option<String>> {
    Ok(match value {
        ValueRef::Null => None,
        ValueRef::Integer(n) => Some(n.to_string()),
        ValueRef::Real(hours) => Some(output::hours(hours)),
        ValueRef::Text(bytes) => {
            let text = std::str::from_utf8(bytes).map_err(|_| unexpected(kind, value))?;
            Some(if kind.is_text() {
                spreadsheet_safe(text).into_owned()
            } else {
                text.to_string()
            })
        }
        ValueRef::Blob(_) => return Err(unexpected(kind, value)),
    })
}

/// One JSON value: booleans true/false, hours rounded to 2 decimals.
fn json_cell(kind: Kind, value: ValueRef<'_>) -> Result<Json> {
    Ok(match (kind, value) {
        (_, ValueRef::Null) => Json::Null,
        (Kind::Bool, ValueRef::Integer(n)) => Json::Bool(n != 0),
        (_, ValueRef::Integer(n)) => Json::from(n),
        (Kind::Money, ValueRef::Real(amount)) => {
            let rounded = (amount * 100.0).round() / 100.0;
            if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
                Json::from(rounded as i64)
            } else {
                Json::from(rounded)
            }
        }
        (_, ValueRef::Real(hours)) => Json::from((hours * 100.0).round() / 100.0),
        (_, ValueRef::Text(bytes)) => Json::String(
            std::str::from_utf8(bytes)
                .map_err(|_| unexpected(kind, value))?
                .to_string(),
        ),
        (_, ValueRef::Blob(_)) => return Err(unexpected(kind, value)),
    })
}

/// A row as a JSON object with its keys in column order.
struct JsonRow<'a> {
    spec: &'a Spec,
    values: Vec<Json>,
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (column, value) in self.spec.columns.iter().zip(&self.values) {
            map.serialize_entry(column.name, value)?;
        }
        map.end()
    }
}

/// One file `export --all` wrote.
#[derive(Debug, DeriveSerialize)]
pub struct Written {
    pub table: &'static str,
    pub rows: u64,
    pub file: String,
}

/// Writes every table to `dir/<table>.<ext>` and each document's bytes to
/// `dir/documents/<sha256>`, each through a temporary file renamed into
/// place (0600). Refuses files that exist unless `force`. Returns the
/// tables written and how many documents.
pub fn write_all(
    conn: &Connection,
    dir: &Path,
    format: Format,
    excel: bool,
    force: bool,
) -> Result<(Vec<Written>, u64)> {
    files::ensure_private_dir(dir)?;
    let path_of = |spec: &Spec| dir.join(format!("{}.{}", spec.name(), format.extension()));
    // Checked before anything is written, so the folder is never half-replaced.
    for spec in SPECS {
        files::check_kind(&path_of(spec))?;
    }
    if !force {
        let existing: Vec<String> = SPECS
            .iter()
            .filter(|spec| path_of(spec).exists())
            .map(|spec| format!("{}.{}", spec.name(), format.extension()))
            .collect();
        if !existing.is_empty() {
            return Err(Error::Input(format!(
                "{} already holds {}; add --force to replace them, or choose another --out folder",
                dir.display(),
                existing.join(", "),
            )));
        }
    }
    let documents = documents::store::list(conn)?;
    check_document_files(dir, &documents, force)?;
    // Every file is written under a temporary name before any takes its
    // own, so an error or Ctrl-C midway leaves the folder as it was.
    let mut staged = Vec::with_capacity(SPECS.len() + documents.len());
    let mut written = Vec::with_capacity(SPECS.len());
    for spec in SPECS {
        let path = path_of(spec);
        let (file, rows) = write_file(conn, spec, (format, excel), dir, &path)?;
        staged.push(file);
        written.push(Written {
            table: spec.name(),
            rows,
            file: path.display().to_string(),
        });
    }
    staged.extend(stage_documents(conn, dir, &documents)?);
    for file in staged {
        file.place(force)?;
    }
    Ok((written, documents.len() as u64))
}

/// Refuses, before anything is written, a document file that is not a
/// regular file, or that exists without `force`.
fn check_document_files(dir: &Path, documents: &[Document], force: bool) -> Result<()> {
    let folder = documents_dir(dir);
    let mut existing = Vec::new();
    for document in documents {
        let path = folder.join(&document.sha256);
        files::check_kind(&path)?;
        if path.exists() {
            existing.push(format!("documents/{}", document.sha256));
        }
    }
    if !force && !existing.is_empty() {
        return Err(Error::Input(format!(
            "{} already holds {}; add --force to replace them, or choose another --out folder",
            dir.display(),
            existing.join(", "),
        )));
    }
    Ok(())
}

/// Stages each document's bytes as `DIR/documents/<sha256>` (0600; the
/// folder 0700), one document in memory at a time.
fn stage_documents(
    conn: &Connection,
    dir: &Path,
    documents: &[Document],
) -> Result<Vec<files::Staged>> {
    if documents.is_empty() {
        return Ok(Vec::new());
    }
    let folder = documents_dir(dir);
    files::ensure_private_dir(&folder)?;
    let mut staged = Vec::with_capacity(documents.len());
    for document in documents {
        let path = folder.join(&document.sha256);
        let bytes = documents::store::content(conn, document.id)?;
        let (file, ()) = files::stage(&path, &folder, |file, _| {
            file.write_all(&bytes).map_err(|e| Error::io(&path, e))
        })?;
        staged.push(file);
    }
    Ok(staged)
}

fn write_file(
    conn: &Connection,
    spec: &Spec,
    (format, excel): (Format, bool),
    dir: &Path,
    path: &Path,
) -> Result<(files::Staged, u64)> {
    files::stage(path, dir, |file, _| {
        let mut out = BufWriter::new(file);
        let rows = write_table(conn, spec, format, excel, &mut out).map_err(|e| match e {
            Error::Output(io) => Error::io(path, io),
            other => other,
        })?;
        out.flush().map_err(|e| Error::io(path, e))?;
        Ok(rows)
    })
}
