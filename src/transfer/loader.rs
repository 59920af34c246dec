//! The row loader behind every CSV import: maps a header onto a table's
//! columns, validates each cell in Rust (so errors name row and column),
//! inserts valid rows and collects every refusal into `Problems`.

use std::io::Read;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, ErrorCode};

use super::import::crash_hook;
use super::spec::{Column, Fill, Kind, Spec, Table};
use super::{progress, spreadsheet_unsafe};
use crate::applications::store;
use crate::applications::{EventKind, Status};
use crate::error::{Error, Result};
use crate::{dates, orgs};

/// Whether imported applications bring their history with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum History {
    /// `import --all`: events come from application_events.csv.
    Kept,
    /// `import applications`: each new application gets one status event.
    Started,
}

/// Validates and inserts rows, one table at a time.
pub(super) struct Loader<'c> {
    conn: &'c Connection,
    timestamp: String,
    today: NaiveDate,
    history: History,
    inserted: u64,
}

impl<'c> Loader<'c> {
    pub(super) fn new(conn: &'c Connection, history: History) -> Result<Self> {
        Ok(Loader {
            conn,
            timestamp: dates::timestamp()?,
            today: dates::today()?,
            history,
            inserted: 0,
        })
    }

    /// Loads one CSV into `spec`'s table; refused rows go to `problems`.
    /// Returns how many rows were inserted.
    pub(super) fn load(
        &mut self,
        spec: &Spec,
        file: &str,
        input: impl Read,
        length: u64,
        problems: &mut Problems,
    ) -> Result<u64> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(input);
        let header = reader
            .headers()
            .map_err(|e| unreadable(file, 1, e))?
            .clone();
        if header
            .iter()
            .all(|h| h.trim_start_matches('\u{feff}').trim().is_empty())
        {
            return Ok(0);
        }
        let positions = header_positions(spec, file, &header)?;
        let sql = insert_sql(spec);
        let bar = progress(length, spec.name());
        let mut record = csv::StringRecord::new();
        let mut row = 1u64;
        let mut added = 0u64;
        loop {
            let read = reader.read_record(&mut record);
            row += 1;
            match read {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => match e.kind() {
                    csv::ErrorKind::Io(_) => return Err(unreadable(file, row, e)),
                    _ => {
                        problems.push(file, row, "", "", csv_reason(&e));
                        continue;
                    }
                },
            }
            if record.len() != header.len() {
                let reason = format!(
                    "has {} cells; the header has {}",
                    record.len(),
                    header.len()
                );
                problems.push(file, row, "", "", reason);
                continue;
            }
            if let Some(values) = self.values(spec, &positions, &record, file, row, problems)? {
                if self.insert(spec, &sql, &values, file, row, problems)? {
                    added += 1;
                }
            }
            if row % 512 == 0 {
                bar.set_position(reader.position().byte());
            }
        }
        bar.finish_and_clear();
        Ok(added)
    }

    /// The row's values in column order, or `None` when a cell was refused.
    fn values(
        &self,
        spec: &Spec,
        positions: &[Option<usize>],
        record: &csv::StringRecord,
        file: &str,
        row: u64,
        problems: &mut Problems,
    ) -> Result<Option<Vec<Value>>> {
        let cell = |name: &str| {
            spec.index(name)
                .and_then(|i| positions[i])
                .and_then(|p| record.get(p))
                .filter(|c| !c.trim().is_empty())
        };
        let mut values = Vec::with_capacity(spec.columns.len());
        let mut valid = true;
        for (column, position) in spec.columns.iter().zip(positions) {
            let raw = position.and_then(|p| record.get(p));
            let text = raw
                .map(|r| {
                    if column.kind.is_text() {
                        spreadsheet_unsafe(r)
                    } else {
                        r.trim()
                    }
                })
                .filter(|t| !t.trim().is_empty());
            let value = match text {
                Some(text) => self.parse(spec, column, text)?,
                None => match column.fill {
                    Fill::Null => Ok(Value::Null),
                    Fill::Required => Err("cannot be empty".to_string()),
                    Fill::Now => Ok(Value::Text(self.timestamp.clone())),
                    Fill::Today => Ok(Value::Text(self.today.to_string())),
                    Fill::Text(text) => Ok(Value::Text(text.to_string())),
                    Fill::Int(n) => Ok(Value::Integer(n)),
                    Fill::EducationStatus => Ok(Value::Text(
                        if cell("completed_on").is_some() {
                            "completed"
                        } else {
                            "enrolled"
                        }
                        .to_string(),
                    )),
                },
            };
            match value {
                Ok(value) => values.push(value),
                Err(reason) => {
                    valid = false;
                    problems.push(file, row, column.name, raw.unwrap_or(""), reason);
                }
            }
        }
        Ok(valid.then_some(values))
    }

    /// Checks one non-empty cell and turns it into what is stored. The
    /// inner error is the reason the cell is refused.
    fn parse(
        &self,
        spec: &Spec,
        column: &Column,
        text: &str,
    ) -> Result<std::result::Result<Value, String>> {
        let refused = |reason: &str| Ok(Err(reason.to_string()));
        Ok(Ok(match column.kind {
            Kind::Id | Kind::Ref(_) => {
                let Some(id) = text.parse::<i64>().ok().filter(|id| *id > 0) else {
                    return refused("expected an id: a whole number above 0");
                };
                let (table, wanted) = match column.kind {
                    Kind::Ref(table) => (table, true),
                    _ => (spec.name(), false),
                };
                let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)");
                let exists: bool = self
                    .conn
                    .prepare_cached(&sql)?
                    .query_row([id], |r| r.get(0))?;
                if exists != wanted {
                    return Ok(Err(if wanted {
                        format!("no row with id {id} in {table}")
                    } else {
                        format!("id {id} is already in {table}")
                    }));
                }
                Value::Integer(id)
            }
            Kind::Org => {
                let (id, _, _) =
                    orgs::find_or_create(self.conn, column.name, text, &self.timestamp)?;
                Value::Integer(id)
            }
            Kind::OrgName => Value::Text(orgs::normalize(text)),
            Kind::Text => Value::Text(text.to_string()),
            Kind::Lower => Value::Text(text.trim().to_lowercase()),
            Kind::Code => Value::Text(text.trim().to_uppercase()),
            Kind::Choice(choose) => match choose(text) {
                Ok(choice) => Value::Text(choice.to_string()),
                Err(accepted) => return Ok(Err(format!("expected {accepted}"))),
            },
            Kind::Date => match dates::parse_iso(text) {
                Some(date) => Value::Text(date.to_string()),
                None => return refused("expected a date written YYYY-MM-DD"),
            },
            Kind::Timestamp => {
                let shaped = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ")
                    .is_ok_and(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string() == text);
                if !shaped {
                    return refused("expected a UTC timestamp written YYYY-MM-DDTHH:MM:SSZ");
                }
                Value::Text(text.to_string())
            }
            Kind::Money => match text.parse::<i64>() {
                Ok(amount) if amount >= 0 => Value::Integer(amount),
                _ => return refused("expected a whole amount, 0 or more (like 42000)"),
            },
            Kind::Integer => match text.parse::<i64>() {
                Ok(n) => Value::Integer(n),
                _ => return refused("expected a whole number"),
            },
            Kind::Count => match text.parse::<i64>() {
                Ok(n) if n > 0 => Value::Integer(n),
                _ => return refused("expected a whole number above 0"),
            },
            Kind::Bool => match text.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" => Value::Integer(1),
                "0" | "false" | "no" => Value::Integer(0),
                _ => return refused("expected 1 or 0 (true or false)"),
            },
            Kind::Hours(max) => {
                let hours = text.parse::<f64>().ok().filter(|h| h.is_finite());
                let in_range = hours.filter(|h| *h > 0.0 && max.is_none_or(|m| *h <= m));
                let cents = in_range
                    .map(|h| h * 100.0)
                    .filter(|c| (c - c.round()).abs() < 1e-6);
                match (cents, max) {
                    (Some(cents), _) => Value::Real(cents.round() / 100.0),
                    (None, Some(max)) => {
                        return Ok(Err(format!(
                            "expected hours more than 0 and at most {max}, with at most 2 decimals"
                        )))
                    }
                    (None, None) => {
                        return refused("expected hours more than 0, with at most 2 decimals")
                    }
                }
            }
        }))
    }

    /// Inserts a valid row; a constraint SQLite refuses becomes a problem.
    fn insert(
        &mut self,
        spec: &Spec,
        sql: &str,
        values: &[Value],
        file: &str,
        row: u64,
        problems: &mut Problems,
    ) -> Result<bool> {
        let result = self
            .conn
            .prepare_cached(sql)?
            .execute(params_from_iter(values));
        match result {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                let (column, reason) = constraint(spec, &e);
                problems.push(file, row, &column, "", reason);
                return Ok(false);
            }
            Err(e) => return Err(e.into()),
        }
        if spec.table == Table::Applications && self.history == History::Started {
            let id = self.conn.last_insert_rowid();
            let text = |name: &str| match spec.index(name).map(|i| &values[i]) {
                Some(Value::Text(text)) => Some(text.as_str()),
                _ => None,
            };
            let status: Status = text("status")
                .unwrap_or_default()
                .parse()
                .map_err(Error::Input)?;
            let date = text("applied_on")
                .and_then(dates::parse_iso)
                .unwrap_or(self.today);
            start_history(self.conn, id, status, date)?;
        }
        self.inserted += 1;
        crash_hook(self.inserted);
        Ok(true)
    }
}

/// The one `status` event (from NULL) an application imported without its
/// history gets.
pub(super) fn start_history(
    conn: &Connection,
    application_id: i64,
    status: Status,
    date: NaiveDate,
) -> Result<()> {
    store::add_event(
        conn,
        application_id,
        date,
        EventKind::Status,
        None,
        Some(status),
        None,
    )
}

/// Whether `sql` (an `EXISTS` query on `?1`) finds `value`; false for none.
pub(super) fn exists(conn: &Connection, sql: &str, value: Option<&str>) -> Result<bool> {
    match value {
        Some(value) => Ok(conn.prepare_cached(sql)?.query_row([value], |r| r.get(0))?),
        None => Ok(false),
    }
}

fn insert_sql(spec: &Spec) -> String {
    let names: Vec<&str> = spec.columns.iter().map(|c| c.sql).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        spec.name(),
        names.join(", "),
        marks.join(", ")
    )
}

/// Maps header names (any case, a BOM skipped) to the table's columns.
fn header_positions(
    spec: &Spec,
    file: &str,
    header: &csv::StringRecord,
) -> Result<Vec<Option<usize>>> {
    let mut positions = vec![None; spec.columns.len()];
    for (position, name) in header.iter().enumerate() {
        let clean = name
            .trim_start_matches('\u{feff}')
            .trim()
            .to_ascii_lowercase();
        let Some(index) = spec.index(&clean) else {
            return Err(Error::Input(format!(
                "{file}: unknown column {name:?} in the header; {} accepts: {}",
                spec.name(),
                spec.header_names()
            )));
        };
        if positions[index].replace(position).is_some() {
            return Err(Error::Input(format!(
                "{file}: the column {clean} appears twice in the header"
            )));
        }
    }
    let missing: Vec<&str> = spec
        .columns
        .iter()
        .zip(&positions)
        .filter(|(c, p)| c.fill == Fill::Required && p.is_none())
        .map(|(c, _)| c.name)
        .collect();
    if !missing.is_empty() {
        return Err(Error::Input(format!(
            "{file}: the header has no {} column, which {} needs (it accepts: {})",
            missing.join(", "),
            spec.name(),
            spec.header_names()
        )));
    }
    Ok(positions)
}

/// The column and a plain reason for a constraint SQLite refused.
fn constraint(spec: &Spec, e: &rusqlite::Error) -> (String, String) {
    let message = e.to_string();
    let named = message
        .split_once("failed: ")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    let column = |sql: &str| {
        spec.columns
            .iter()
            .find(|c| c.sql == sql)
            .map_or(sql.to_string(), |c| c.name.to_string())
    };
    let columns = || {
        named
            .split(", ")
            .filter_map(|part| part.split_once('.').map(|(_, c)| column(c)))
            .collect::<Vec<_>>()
            .join("+")
    };
    if message.starts_with("UNIQUE") {
        (columns(), "another row already has this value".into())
    } else if message.starts_with("NOT NULL") {
        (columns(), "cannot be empty".into())
    } else if message.starts_with("FOREIGN KEY") {
        (String::new(), "refers to a row that does not exist".into())
    } else if message.starts_with("CHECK") {
        (String::new(), format!("breaks the rule {named}"))
    } else {
        (String::new(), message)
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text (save the file as UTF-8 CSV)".into(),
        _ => format!("cannot be read as CSV: {e}"),
    }
}

fn unreadable(file: &str, row: u64, e: csv::Error) -> Error {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::io(file, io),
        _ => Error::Input(format!(
            "{file}: row {row} cannot be read as CSV: {message}"
        )),
    }
}

/// The refused cells of an import, reported together (the first 100).
#[derive(Debug, Default)]
pub(super) struct Problems {
    lines: Vec<(String, String)>,
    total: u64,
    rows: u64,
    last: Option<(String, u64)>,
}

/// How many problems an import lists before "and N more".
const SHOWN: usize = 100;

impl Problems {
    /// Records one refused cell (`column` empty for a whole-row problem).
    pub(super) fn push(
        &mut self,
        file: &str,
        row: u64,
        column: &str,
        value: &str,
        reason: impl Into<String>,
    ) {
        let key = (file.to_string(), row);
        if self.last.as_ref() != Some(&key) {
            self.rows += 1;
            self.last = Some(key);
        }
        self.total += 1;
        if self.lines.len() >= SHOWN {
            return;
        }
        let mut line = format!("row {row}");
        if !column.is_empty() {
            line.push_str(&format!(", {column}"));
        }
        if !value.is_empty() {
            let shown: String = value.chars().take(60).collect();
            let cut = if shown.len() < value.len() { "…" } else { "" };
            line.push_str(&format!(" {shown:?}{cut}"));
        }
        line.push_str(&format!(": {}", reason.into()));
        self.lines.push((file.to_string(), line));
    }

    /// Ok when nothing was refused; otherwise the error listing the problems.
    pub(super) fn check(self) -> Result<()> {
        if self.total == 0 {
            return Ok(());
        }
        let one_file = self.lines.iter().all(|(f, _)| *f == self.lines[0].0);
        let rows = if self.rows == 1 {
            "1 row has a problem".to_string()
        } else {
            format!("{} rows have problems", self.rows)
        };
        let mut message = if one_file {
            format!("{}: {rows}, so nothing was imported:", self.lines[0].0)
        } else {
            format!("{rows}, so nothing was imported:")
        };
        for (file, line) in &self.lines {
            if one_file {
                message.push_str(&format!("\n  {line}"));
            } else {
                message.push_str(&format!("\n  {file} {line}"));
            }
        }
        let more = self.total - self.lines.len() as u64;
        if more > 0 {
            message.push_str(&format!("\n  and {more} more"));
        }
        Err(Error::Input(message))
    }
}
