//! What an import refuses: the header's problems (at once), and the row's
//! (collected in `Problems` and reported together, the first 100).

use crate::error::{Error, Result};
use crate::transfer::spec::{Fill, Spec, Table, LEGACY_REFERRAL};

/// Maps header names (any case, a BOM skipped) to the table's columns.
pub(super) fn header_positions(
    spec: &Spec,
    file: &str,
    header: &csv::StringRecord,
) -> Result<Vec<Option<usize>>> {
    let mut positions = vec![None; spec.columns.len()];
    let mut unknown = Vec::new();
    for (position, name) in header.iter().enumerate() {
        let clean = name
            .trim_start_matches('\u{feff}')
            .trim()
            .to_ascii_lowercase();
        if position == 0 && (clean.starts_with('[') || clean.starts_with('{')) {
            return Err(Error::Input(format!(
                "{file} looks like JSON; only CSV files are imported (export with --format csv)"
            )));
        }
        if spec.table == Table::Applications && clean == LEGACY_REFERRAL {
            continue;
        }
        let Some(index) = spec.index(&clean) else {
            unknown.push(format!("{:?}", name.trim()));
            continue;
        };
        if positions[index].replace(position).is_some() {
            return Err(Error::Input(format!(
                "{file}: the column {clean} appears twice in the header"
            )));
        }
    }
    if !unknown.is_empty() {
        return Err(Error::Input(format!(
            "{file}: unknown column{} {} in the header; {} accepts: {}",
            if unknown.len() == 1 { "" } else { "s" },
            unknown.join(", "),
            spec.name(),
            spec.header_names()
        )));
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
pub(super) fn constraint(spec: &Spec, e: &rusqlite::Error) -> (String, String) {
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

pub(super) fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text (save the file as UTF-8 CSV)".into(),
        _ => format!("cannot be read as CSV: {e}"),
    }
}

pub(super) fn unreadable(file: &str, row: u64, e: csv::Error) -> Error {
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
pub(in crate::transfer) struct Problems {
    lines: Vec<(String, u64, String)>,
    total: u64,
    rows: u64,
    last: Option<(String, u64)>,
}

/// How many problems an import lists before "and N more".
const SHOWN: usize = 100;

impl Problems {
    /// Records one refused cell (`column` empty for a whole-row problem).
    pub(in crate::transfer) fn push(
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
        self.lines.push((file.to_string(), row, line));
    }

    /// Ok when nothing was refused; otherwise the error listing the problems.
    pub(in crate::transfer) fn check(mut self) -> Result<()> {
        if self.total == 0 {
            return Ok(());
        }
        // Rows refused by a batch are re-checked one by one, so they can
        // arrive out of order: list them by file (in the order met), then row.
        let mut files: Vec<String> = Vec::new();
        for (file, _, _) in &self.lines {
            if !files.contains(file) {
                files.push(file.clone());
            }
        }
        self.lines
            .sort_by_key(|(file, row, _)| (files.iter().position(|f| f == file), *row));
        let one_file = files.len() == 1;
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
        for (file, _, line) in &self.lines {
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
