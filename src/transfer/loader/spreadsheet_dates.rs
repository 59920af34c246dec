//! Dates as spreadsheets write them: ISO (also with a time after it),
//! `M/D/YYYY` or `D/M/YYYY` (two-digit years too, and a time after a comma
//! or space, as Excel and LinkedIn write them) and month names (`Aug 25,
//! 2026`, `25 August 2026`, `23-Apr-23`).
//!
//! Which of month/day or day/month a column uses is decided by its first
//! date that reads only one way (8/25/2026), or by `--date-format`. Rows
//! before that decision read an ambiguous date (3/4/2026) as month/day; if
//! the column turns out day/month, or no row ever decides, the import is
//! refused asking for `--date-format` (all or nothing, so nothing is lost).

use chrono::NaiveDate;

use crate::dates;
use crate::error::{Error, Result};
use crate::transfer::DateFormat;

/// What one column's dates have shown so far.
#[derive(Debug, Default, Clone)]
pub(super) struct DateColumn {
    /// The order a date that reads only one way has shown: (order, row).
    decided: Option<(DateFormat, u64)>,
    /// Rows whose ambiguous dates were read as month/day before any decision.
    ambiguous: u64,
    /// The first such row and its text.
    first_ambiguous: Option<(u64, String)>,
}

/// The accepted date forms, for refusals.
pub(super) const FORMS: &str =
    "a date like 2026-08-25 (YYYY-MM-DD), 8/25/2026, 25/8/2026, Aug 25, 2026 or 25-Aug-26";

impl DateColumn {
    /// Reads one non-ISO date cell of this column at `row`, or says why not.
    pub(super) fn read(
        &mut self,
        text: &str,
        row: u64,
        given: Option<DateFormat>,
    ) -> std::result::Result<NaiveDate, String> {
        let text = text.trim();
        if let Some(date) = iso_prefix(text).or_else(|| month_name(text)) {
            return Ok(date);
        }
        let Some((a, b, year)) = slashed(text) else {
            return Err(format!("expected {FORMS}"));
        };
        let mdy = NaiveDate::from_ymd_opt(year, a, b);
        let dmy = NaiveDate::from_ymd_opt(year, b, a);
        let order = given.or(self.decided.map(|(order, _)| order));
        match (mdy, dmy) {
            (None, None) => Err(format!("expected {FORMS}")),
            (Some(m), Some(d)) if m == d => Ok(m),
            (Some(m), Some(d)) => Ok(match order {
                Some(DateFormat::Dmy) => d,
                Some(DateFormat::Mdy) => m,
                None => {
                    self.ambiguous += 1;
                    self.first_ambiguous
                        .get_or_insert_with(|| (row, text.to_string()));
                    m
                }
            }),
            (Some(m), None) => self.only(DateFormat::Mdy, m, row, given),
            (None, Some(d)) => self.only(DateFormat::Dmy, d, row, given),
        }
    }

    /// A date that reads only in `order`.
    fn only(
        &mut self,
        order: DateFormat,
        date: NaiveDate,
        row: u64,
        given: Option<DateFormat>,
    ) -> std::result::Result<NaiveDate, String> {
        let other = |order| match order {
            DateFormat::Mdy => "month/day",
            DateFormat::Dmy => "day/month",
        };
        if let Some(given) = given.filter(|g| *g != order) {
            return Err(format!(
                "is not a {} date (--date-format {given})",
                other(given)
            ));
        }
        match self.decided {
            Some((decided, at)) if decided != order => Err(format!(
                "reads only as {}, but row {at} reads only as {}; correct one of them, \
                 or give --date-format mdy or dmy",
                other(order),
                other(decided)
            )),
            Some(_) => Ok(date),
            None => {
                self.decided = Some((order, row));
                Ok(date)
            }
        }
    }

    /// Refuses a column whose order was never decided, or was decided
    /// day/month after ambiguous rows had been read as month/day.
    pub(super) fn finish(&self, file: &str, column: &str) -> Result<()> {
        let Some((row, text)) = &self.first_ambiguous else {
            return Ok(());
        };
        let ask = match self.decided {
            Some((DateFormat::Mdy, _)) => return Ok(()),
            Some((DateFormat::Dmy, at)) => format!(
                "row {at} shows its dates are day/month, but {} before it could be either \
                 (like row {row}, {text:?})",
                if self.ambiguous == 1 {
                    "one row"
                } else {
                    "rows"
                }
            ),
            None => format!(
                "every date in it reads as either month/day or day/month (like row {row}, \
                 {text:?})"
            ),
        };
        Err(Error::Input(format!(
            "{file}: column {column}: {ask}; say which with --date-format mdy (8/25/2026) \
             or --date-format dmy (25/8/2026); nothing was imported"
        )))
    }
}

/// `YYYY-MM-DD`, alone or before a time (`2026-08-25 14:30:00`,
/// `2026-08-25T14:30:00Z`).
fn iso_prefix(text: &str) -> Option<NaiveDate> {
    let head = text.get(..10)?;
    let rest = &text[10..];
    (rest.is_empty() || rest.starts_with([' ', 'T']))
        .then(|| dates::parse_iso(head))
        .flatten()
}

/// Month-name forms.
fn month_name(text: &str) -> Option<NaiveDate> {
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    const FORMATS: &[&str] = &[
        "%b %d, %Y",
        "%B %d, %Y",
        "%b %d %Y",
        "%B %d %Y",
        "%d %b %Y",
        "%d %B %Y",
        "%d-%b-%y",
        "%d-%b-%Y",
        "%d %b, %Y",
        "%a, %b %d, %Y",
    ];
    FORMATS
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// `A/B/YYYY` or `A/B/YY` (a time may follow after a comma or a space):
/// the two first numbers and the year.
fn slashed(text: &str) -> Option<(u32, u32, i32)> {
    let day_part = text.split([',', ' ']).next()?;
    let mut parts = day_part.split('/');
    let (a, b, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = match year.len() {
        2 => 2000 + i32::try_from(number(year, 2)?).ok()?,
        4 => i32::try_from(number(year, 4)?).ok()?,
        _ => return None,
    };
    Some((number(a, 2)?, number(b, 2)?, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn spreadsheet_date_forms() {
        let mut column = DateColumn::default();
        let mut read = |text: &str| column.read(text, 2, None);
        assert_eq!(read("8/25/2026"), Ok(day(2026, 8, 25)));
        assert_eq!(read("8/25/26, 2:20 PM"), Ok(day(2026, 8, 25)));
        assert_eq!(read("2026-08-25 00:00:00"), Ok(day(2026, 8, 25)));
        assert_eq!(read("Aug 25, 2026"), Ok(day(2026, 8, 25)));
        assert_eq!(read("25 August 2026"), Ok(day(2026, 8, 25)));
        assert_eq!(read("23-Apr-23"), Ok(day(2023, 4, 23)));
        assert_eq!(read("3/4/2026"), Ok(day(2026, 3, 4)), "month/day decided");
        assert!(read("25/8/2026").unwrap_err().contains("row 2"));
        assert!(read("soon").unwrap_err().contains("8/25/2026"));
        assert!(read("13/13/2026").is_err());
    }

    #[test]
    fn an_order_comes_from_the_column_or_the_option() {
        let mut column = DateColumn::default();
        assert_eq!(column.read("3/4/2026", 2, None), Ok(day(2026, 3, 4)));
        assert!(column
            .finish("f", "applied_on")
            .unwrap_err()
            .to_string()
            .contains("--date-format"));
        assert_eq!(column.read("25/8/2026", 3, None), Ok(day(2026, 8, 25)));
        let err = column.finish("f", "applied_on").unwrap_err().to_string();
        assert!(err.contains("row 3") && err.contains("row 2"), "{err}");

        let mut given = DateColumn::default();
        let dmy = Some(DateFormat::Dmy);
        assert_eq!(given.read("3/4/2026", 2, dmy), Ok(day(2026, 4, 3)));
        assert!(given.read("8/25/2026", 3, dmy).is_err());
        assert!(given.finish("f", "applied_on").is_ok());
    }
}
