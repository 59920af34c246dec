//! One cell of a CSV row: checked and turned into the value bound to the
//! INSERT (`Param`, borrowing the record's text where it can), including the
//! organization cache and the derived columns of a newly imported application.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::ToSql;

use super::{Loader, Prepared};
use crate::applications::Status;
use crate::error::{Error, Result};
use crate::orgs;
use crate::transfer::spec::{Column, Kind, Spec};

/// One value to bind, borrowing the CSV record's text where it can.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Param<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    Owned(String),
}

impl Param<'_> {
    pub(super) fn text(&self) -> Option<&str> {
        match self {
            Param::Text(text) => Some(text),
            Param::Owned(text) => Some(text),
            _ => None,
        }
    }
}

impl ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Param::Null => ValueRef::Null,
            Param::Integer(n) => ValueRef::Integer(*n),
            Param::Real(x) => ValueRef::Real(*x),
            Param::Text(text) => ValueRef::Text(text.as_bytes()),
            Param::Owned(text) => ValueRef::Text(text.as_bytes()),
        }))
    }
}

impl<'c> Loader<'c> {
    /// Checks one non-empty cell and turns it into what is stored. The
    /// inner error is the reason the cell is refused.
    pub(super) fn parse<'r>(
        &self,
        spec: &Spec,
        prepared: &mut Prepared<'c>,
        index: usize,
        column: &Column,
        text: &'r str,
    ) -> Result<Checked<'r>> {
        Ok(match column.kind {
            Kind::Id | Kind::Ref(_) => return id_cell(spec, prepared, index, column.kind, text),
            Kind::Org => Ok(Param::Integer(self.org(prepared, column, text)?)),
            Kind::OrgName => Ok(Param::Owned(orgs::normalize(text))),
            Kind::Text => Ok(Param::Text(text)),
            Kind::Source => Ok(source_cell(text)),
            Kind::Code => Ok(upper_cased(text)),
            Kind::CodeGroup => match crate::input::parse_code_group(column.name, text) {
                Ok(group) => Ok(Param::Owned(group)),
                Err(_) => refused(
                    "expected a credential code of letters, digits and '-', \
                     or codes joined by '|' (RHIA|RHIT)",
                ),
            },
            Kind::Choice(choose) => match choose(text) {
                Ok(choice) => {
                    if choice != text {
                        // A word read as a value: shown by `--dry-run`.
                        let key = (column.name, text.trim().to_string());
                        prepared.words.entry(key).or_insert(choice);
                    }
                    Ok(Param::Text(choice))
                }
                Err(accepted) => Err(format!("expected {accepted}")),
            },
            Kind::Date => date_cell(prepared, index, text, self.date_format),
            Kind::PastDate => date_cell(prepared, index, text, self.date_format)
                .and_then(|date| not_after(date, &self.latest_past)),
            Kind::Timestamp if utc_timestamp(text) => Ok(Param::Text(text)),
            Kind::Timestamp => refused("expected a UTC timestamp written YYYY-MM-DDTHH:MM:SSZ"),
            Kind::Money => money_cell(text),
            Kind::Integer | Kind::Score => match text.parse::<i64>() {
                Ok(n) => Ok(Param::Integer(n)),
                _ => refused("expected a whole number"),
            },
            Kind::Count => match text.parse::<i64>() {
                Ok(n) if n > 0 => Ok(Param::Integer(n)),
                _ => refused("expected a whole number above 0"),
            },
            Kind::Bool => bool_cell(text),
            Kind::Hours(max) => hours_cell(text, max),
        })
    }

    /// The id of the organization called `name`, found or created once per
    /// distinct name in the file.
    fn org(&self, prepared: &mut Prepared<'c>, column: &Column, name: &str) -> Result<i64> {
        // The key: the stored spelling (`orgs::normalize`) folded like NOCASE.
        let key = &mut prepared.key;
        key.clear();
        for word in name.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
        }
        key.make_ascii_lowercase();
        if let Some(id) = prepared.orgs.get(key.as_str()) {
            return Ok(*id);
        }
        let (id, _, _) = orgs::find_or_create(self.conn, column.name, name, &self.timestamp)?;
        prepared.orgs.insert(key.clone(), id);
        Ok(id)
    }
}

/// A checked cell: the value to bind, or the reason it is refused.
pub(super) type Checked<'r> = std::result::Result<Param<'r>, String>;

/// An id (`Kind::Id`) that must be new to its table, or a reference
/// (`Kind::Ref`) that must name a stored row.
#[inline]
fn id_cell<'r>(
    spec: &Spec,
    prepared: &mut Prepared<'_>,
    index: usize,
    kind: Kind,
    text: &'r str,
) -> Result<Checked<'r>> {
    let Some(id) = text.parse::<i64>().ok().filter(|id| *id > 0) else {
        return Ok(refused("expected an id: a whole number above 0"));
    };
    if id > MAX_ID {
        // A larger id leaves no room for the ids later rows are given, and
        // JSON readers lose digits past 2^53.
        return Ok(refused("expected an id of at most 9007199254740992 (2^53)"));
    }
    let (table, wanted) = match kind {
        Kind::Ref(table) => (table, true),
        _ => (spec.name(), false),
    };
    let stored: bool = match prepared.checks[index].as_mut() {
        Some(check) => check.query_row([id], |r| r.get(0))?,
        None => return Err(Error::Runtime(format!("no id check for {table}"))),
    };
    // An earlier row of this batch, not inserted yet, counts.
    let pending = !wanted && prepared.pending.contains(&id);
    if stored && !wanted {
        // Stored already: a re-import, decided once the row is checked.
        prepared.stored = Some(id);
        return Ok(Ok(Param::Integer(id)));
    }
    let exists = stored || pending;
    if exists != wanted {
        return Ok(Err(if wanted {
            format!("no row with id {id} in {table}")
        } else {
            format!("id {id} is already in {table}")
        }));
    }
    Ok(Ok(Param::Integer(id)))
}

/// The reason a cell is refused.
#[inline]
fn refused<'r>(reason: &str) -> Checked<'r> {
    Err(reason.to_string())
}

/// A source, normalized as `--source` is; an empty result stores NULL.
#[inline]
fn source_cell(text: &str) -> Param<'_> {
    match crate::input::normalize_source(text) {
        Some(source) if source == text => Param::Text(text),
        Some(source) => Param::Owned(source),
        None => Param::Null,
    }
}

/// Trimmed and upper-cased, borrowing the text when it already is.
#[inline]
fn upper_cased(text: &str) -> Param<'_> {
    let trimmed = text.trim();
    if trimmed
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_lowercase())
    {
        Param::Text(trimmed)
    } else {
        Param::Owned(trimmed.to_uppercase())
    }
}

/// A date as a spreadsheet saves it: stored as written when already
/// `YYYY-MM-DD` and valid, else read by the column's date order
/// (`--date-format` or the order its dates show).
#[inline]
fn date_cell<'r>(
    prepared: &mut Prepared<'_>,
    index: usize,
    text: &'r str,
    order: Option<super::super::DateFormat>,
) -> Checked<'r> {
    if iso_date(text) {
        return Ok(Param::Text(text));
    }
    prepared.dates[index]
        .read(text, prepared.row, order)
        .map(|date| Param::Owned(date.to_string()))
}

/// A date that may not lie after `latest` (today, as `YYYY-MM-DD`).
#[inline]
fn not_after<'r>(date: Param<'r>, latest: &str) -> Checked<'r> {
    match date.text() {
        Some(iso) if iso > latest => Err(format!(
            "expected a date on or before today ({latest}); a later date cannot have happened yet"
        )),
        _ => Ok(date),
    }
}

/// Refuses a score off the catalog's scale for `code` (a credential the
/// catalog knows no scale for keeps any whole number).
pub(super) fn on_scale(code: Option<&str>, score: i64) -> std::result::Result<(), String> {
    let scale = code
        .and_then(crate::credentials::catalog::find)
        .and_then(|entry| entry.exam.and_then(|exam| exam.scale));
    match scale {
        Some(scale) if score < scale.min || score > scale.max => Err(format!(
            "expected a whole number from {} to {} (the {} scale)",
            scale.min,
            scale.max,
            code.unwrap_or_default().trim().to_ascii_uppercase()
        )),
        _ => Ok(()),
    }
}

/// The largest id an import keeps: 2^53, the largest whole number every
/// JSON reader holds exactly.
const MAX_ID: i64 = 1 << 53;

/// An amount of money, not negative, with at most 2 decimals; a
/// spreadsheet's "42,000" or "$42k" is read as the salary grammar reads a
/// single figure.
#[inline]
fn money_cell(text: &str) -> Checked<'_> {
    let cents = text
        .parse::<f64>()
        .ok()
        .filter(|amount| amount.is_finite() && *amount >= 0.0 && *amount < 1e13)
        .map(|amount| amount * 100.0)
        .filter(|cents| (cents - cents.round()).abs() < 1e-6);
    match cents {
        Some(cents) => Ok(Param::Real(cents.round() / 100.0)),
        None => match crate::input::parse_salary("salary", text) {
            Ok(salary) if salary.min == salary.max => Ok(Param::Real(salary.min)),
            _ => {
                refused("expected an amount, 0 or more, with at most 2 decimals (like 42000, 42,000 or 19.50)")
            }
        },
    }
}

/// 1/true/yes or 0/false/no, in any case.
#[inline]
fn bool_cell(text: &str) -> Checked<'_> {
    match text.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Ok(Param::Integer(1)),
        "0" | "false" | "no" => Ok(Param::Integer(0)),
        _ => refused("expected 1 or 0 (true or false)"),
    }
}

/// Hours: more than 0, at most `max` when given, at most 2 decimals.
#[inline]
fn hours_cell(text: &str, max: Option<f64>) -> Checked<'_> {
    let hours = text.parse::<f64>().ok().filter(|h| h.is_finite());
    let in_range = hours.filter(|h| *h > 0.0 && max.is_none_or(|m| *h <= m));
    let cents = in_range
        .map(|h| h * 100.0)
        .filter(|c| (c - c.round()).abs() < 1e-6);
    match (cents, max) {
        (Some(cents), _) => Ok(Param::Real(cents.round() / 100.0)),
        (None, Some(max)) => Err(format!(
            "expected hours more than 0 and at most {max}, with at most 2 decimals"
        )),
        (None, None) => refused("expected hours more than 0, with at most 2 decimals"),
    }
}

/// The derived application columns an import sets itself (see `derived`).
pub(super) const DERIVED: &[&str] = &[
    "added_on",
    "stage_since",
    "last_activity_on",
    "furthest_status",
    "responded_on",
    "last_news_on",
];

/// The derived columns (`DERIVED`) of an application whose whole history is
/// one `status` event to `status` dated `date`: what
/// `applications::store::refresh_derived_sql` computes for it (a unit test
/// checks they agree), set as the row goes in instead of by an UPDATE of
/// every imported row afterwards. `date` is `applied_on` when given, and
/// `last_activity_on` and `last_news_on` = max(applied_on, event date) are
/// then that date too.
pub(super) fn derived(status: Status, date: Param<'_>) -> [Param<'_>; 6] {
    let furthest = if Status::PIPELINE.contains(&status) {
        Param::Text(status.as_str())
    } else {
        Param::Null
    };
    let responded = if Status::RESPONSES.contains(&status) {
        date.clone()
    } else {
        Param::Null
    };
    [
        date.clone(),
        date.clone(),
        date.clone(),
        furthest,
        responded,
        date,
    ]
}

/// True for a valid date written exactly `YYYY-MM-DD` (what
/// `dates::parse_iso` accepts, without chrono's format parser).
fn iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    shaped(b, b"dddd-dd-dd")
        && NaiveDate::from_ymd_opt(number(&b[0..4]) as i32, number(&b[5..7]), number(&b[8..10]))
            .is_some()
}

/// True for a timestamp written exactly `YYYY-MM-DDTHH:MM:SSZ` that names a
/// real UTC instant.
fn utc_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    let quick = shaped(b, b"dddd-dd-ddTdd:dd:ddZ")
        && iso_date(&text[..10])
        && number(&b[11..13]) < 24
        && number(&b[14..16]) < 60
        && number(&b[17..19]) < 60;
    // Anything else goes through chrono, whose verdict is the rule.
    quick
        || NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ")
            .is_ok_and(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string() == text)
}

/// True when `bytes` has `shape`'s length, a digit at each `d` and the
/// other bytes as written.
fn shaped(bytes: &[u8], shape: &[u8]) -> bool {
    bytes.len() == shape.len()
        && bytes.iter().zip(shape).all(|(b, s)| match s {
            b'd' => b.is_ascii_digit(),
            _ => b == s,
        })
}

/// The value of ASCII digits (checked by `shaped`).
fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |n, d| n * 10 + u32::from(d.wrapping_sub(b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_timestamps_are_checked_like_chrono_does() {
        for text in ["2026-02-28", "2024-02-29", "0001-01-01"] {
            assert!(iso_date(text), "{text}");
        }
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "2026-01-01 ",
            "２026-01-01",
        ] {
            assert!(!iso_date(text), "{text}");
        }
        for text in [
            "2026-11-26T00:00:00Z",
            "2026-11-26T23:59:59Z",
            "2026-11-26T23:59:60Z",
        ] {
            assert!(utc_timestamp(text), "{text}");
        }
        for text in [
            "2026-11-26T24:00:00Z",
            "2026-11-26T12:60:00Z",
            "2026-02-30T12:00:00Z",
            "2026-11-26 12:00:00Z",
            "2026-11-26T12:00:00",
        ] {
            assert!(!utc_timestamp(text), "{text}");
        }
    }
}
