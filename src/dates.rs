//! Dates: the grammar users type, "today" (which `JOBTRACK_TODAY` pins) and
//! timestamps. This is the only module that reads the clock, so every figure
//! jobtrack computes follows a pinned today.
//!
//! A typed date is read for a field of some [`DateKind`]: the kind says
//! whether the field may name the future and which way a bare weekday or a
//! date without a year resolves. Every date that comes out lies in the years
//! 1 to 9999; arithmetic that would leave them is an input error naming the
//! field, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::error::{Error, Result};

/// The environment variable that pins today (`YYYY-MM-DD`).
pub const TODAY_VAR: &str = "JOBTRACK_TODAY";

/// The accepted date forms, briefly, for error messages.
pub const DATE_FORMS: &str = "a date: YYYY-MM-DD, YYYYMMDD, M/D/YYYY, M/D, Oct 1, 1 Oct 2026, \
    October 1, 2026, today, yesterday, tomorrow, +N/-N followed by d, w, m or y (like -3d or +2w), \
    N days|weeks|months|years ago, in N days|weeks|months|years, or a weekday \
    (fri, friday, last fri, next fri)";

/// The accepted month-only forms, for error messages of education and work
/// dates.
pub const MONTH_FORMS: &str = "a month: May 2026, 2026-05 or 05/2026";

/// The date grammar as help text, appended to every date option's help.
pub const GRAMMAR: &str = "\
Dates: YYYY-MM-DD, YYYYMMDD, M/D/YYYY, M/D; Oct 1, 1 Oct 2026,
October 1, 2026; today, yesterday, tomorrow; +3d -2w +1m -1y;
3 days ago, in 2 weeks; fri, friday, last fri, next fri. A date
without a year is the nearest one in the direction the option allows.";

/// Ahead fields keep a yearless date in this year when it fell at most this
/// many days ago (a date just missed is more likely a typo than next year).
const AHEAD_GRACE_DAYS: i64 = 30;

/// Which way from today a date field may point, and so how a bare weekday or
/// a date without a year resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// Something that already happened (an application sent, a shift worked):
    /// a date after today is refused; a bare weekday is the latest one on or
    /// before today, a yearless date the latest one on or before today.
    Past,
    /// Something planned (a follow-up, a deadline): the future is allowed; a
    /// bare weekday is the next one on or after today, a yearless date the
    /// next one on or after today, except that one within the last 30 days
    /// stays in this year.
    Ahead,
    /// A bound or a span (`--since`, `--until`, education dates): both
    /// directions are allowed, but bare weekdays and yearless dates resolve
    /// backward as for `Past`.
    Range,
}

/// Today: `JOBTRACK_TODAY` when set and not empty, else the local calendar date.
pub fn today() -> Result<NaiveDate> {
    match std::env::var(TODAY_VAR) {
        Ok(value) if !value.is_empty() => parse_iso(&value).ok_or_else(|| {
            Error::invalid(TODAY_VAR, value, "a date written YYYY-MM-DD, or unset it")
        }),
        _ => Ok(clock_local_date()),
    }
}

/// A timestamp `YYYY-MM-DDTHH:MM:SSZ` in UTC. When today is pinned it takes
/// the pinned day with the real time of day.
pub fn timestamp() -> Result<String> {
    let now = clock_utc();
    let pinned = match std::env::var(TODAY_VAR) {
        Ok(value) if !value.is_empty() => Some(today()?),
        _ => None,
    };
    Ok(match pinned {
        Some(day) => format!("{}T{}Z", day.format("%Y-%m-%d"), now.format("%H:%M:%S")),
        None => now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })
}

#[allow(clippy::disallowed_methods)] // the one place that reads the clock
fn clock_local_date() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[allow(clippy::disallowed_methods)] // the one place that reads the clock
fn clock_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Parses strictly `YYYY-MM-DD` (four-digit year, two-digit month and day).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Parses the date grammar for a [`DateKind::Range`] field, or `None` for
/// text that is not a date or that leaves the years 1 to 9999.
pub fn parse_relative(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    parse_as("date", text, today, DateKind::Range).ok()
}

/// Parses a date typed for `field`, or says what is accepted. The future is
/// allowed and yearless dates resolve backward ([`DateKind::Range`]); fields
/// that refuse the future check it themselves or use [`parse_as`].
pub fn parse(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse_as(field, text, today, DateKind::Range)
}

/// Parses a date typed for a `field` of the given `kind` (any case, spaces
/// around ignored): `YYYY-MM-DD`, `YYYYMMDD`, `M/D/YYYY`, `M/D`, month names
/// (`Oct 1`, `October 1, 2026`, `1 Oct 2026`), `today`, `yesterday`,
/// `tomorrow`, `+N`/`-N` followed by `d`, `w`, `m` or `y`, `N days ago`,
/// `in N weeks`, weekdays (`fri`, `friday`, `last fri`, `next fri`). Month
/// and year steps clamp to the month's end (`+1m` from 01-31 is 02-28/29).
pub fn parse_as(field: &str, text: &str, today: NaiveDate, kind: DateKind) -> Result<NaiveDate> {
    let lower = text.trim().to_ascii_lowercase();
    let date = match read(&lower, today, kind) {
        Ok(Some(date)) if in_years(date) => date,
        Ok(None) => return Err(Error::invalid(field, text, DATE_FORMS)),
        Ok(Some(_)) | Err(OutOfRange) => return Err(out_of_range(field, text)),
    };
    if kind == DateKind::Past && date > today {
        return Err(Error::Input(format!(
            "{field} cannot be after today ({today}); got {date}"
        )));
    }
    Ok(date)
}

/// Parses a month-only date (`May 2026`, `2026-05`, `05/2026`) for education
/// and work dates: a start (`end` false) becomes the 1st, an end or
/// completion the last day of the month. Any full date form is taken as it
/// is, read as a [`DateKind::Range`] date.
pub fn parse_month(field: &str, text: &str, today: NaiveDate, end: bool) -> Result<NaiveDate> {
    let lower = text.trim().to_ascii_lowercase();
    if let Some((year, month)) = month_only(&lower) {
        return month_bound(year, month, end).ok_or_else(|| out_of_range(field, text));
    }
    parse_as(field, text, today, DateKind::Range).map_err(|error| match error {
        Error::Invalid { .. } => {
            Error::invalid(field, text, format!("{MONTH_FORMS}, or {DATE_FORMS}"))
        }
        other => other,
    })
}

/// Date arithmetic that left the years 1 to 9999.
struct OutOfRange;

/// What one form made of the text: `Ok(None)` when the text is not that form
/// (or names no real day), `Err` when it is but lands outside the years.
type Reading = std::result::Result<Option<NaiveDate>, OutOfRange>;

/// A unit of the relative forms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Which weekday relative to today a weekday form names.
#[derive(Clone, Copy)]
enum Toward {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names from Monday, so an index is `num_days_from_monday`.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Reads lower-cased, trimmed text as any date form.
fn read(text: &str, today: NaiveDate, kind: DateKind) -> Reading {
    match text {
        "today" => return Ok(Some(today)),
        "yesterday" => return step(today, 1, Unit::Day, false).map(Some),
        "tomorrow" => return step(today, 1, Unit::Day, true).map(Some),
        _ => {}
    }
    if let Some(date) = parse_iso(text).or_else(|| compact(text)) {
        return Ok(Some(date));
    }
    let forms: [fn(&str, NaiveDate, DateKind) -> Reading; 3] = [signed_offset, slashed, spelled];
    for form in forms {
        if let Some(date) = form(text, today, kind)? {
            return Ok(Some(date));
        }
    }
    Ok(None)
}

/// True when `date` lies in the years 1 to 9999.
fn in_years(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

/// The error for a date outside the years 1 to 9999.
fn out_of_range(field: &str, text: &str) -> Error {
    Error::Input(format!(
        "{field}: {text:?} falls outside the dates jobtrack keeps (0001-01-01 to 9999-12-31)"
    ))
}

/// `YYYYMMDD`, eight digits.
fn compact(text: &str) -> Option<NaiveDate> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = text[..4].parse().ok()?;
    let month = text[4..6].parse().ok()?;
    let day = text[6..].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `today` moved `n` units forward or back, within the years 1 to 9999.
fn step(
    today: NaiveDate,
    n: u32,
    unit: Unit,
    forward: bool,
) -> std::result::Result<NaiveDate, OutOfRange> {
    let moved = match unit {
        Unit::Day | Unit::Week => {
            let per = if unit == Unit::Week { 7 } else { 1 };
            let days = Days::new(u64::from(n) * per);
            if forward {
                today.checked_add_days(days)
            } else {
                today.checked_sub_days(days)
            }
        }
        Unit::Month | Unit::Year => {
            let per = if unit == Unit::Year { 12 } else { 1 };
            let months = Months::new(n.saturating_mul(per));
            if forward {
                today.checked_add_months(months)
            } else {
                today.checked_sub_months(months)
            }
        }
    };
    moved.filter(|date| in_years(*date)).ok_or(OutOfRange)
}

/// A count of units: one to five digits.
fn count(digits: &str) -> Option<u32> {
    let shaped = (1..=5).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    shaped.then(|| digits.parse().ok()).flatten()
}

/// `+N`/`-N` followed by `d`, `w`, `m` or `y`.
fn signed_offset(text: &str, today: NaiveDate, _kind: DateKind) -> Reading {
    let (forward, rest) = match text.as_bytes().first() {
        Some(b'+') => (true, &text[1..]),
        Some(b'-') => (false, &text[1..]),
        _ => return Ok(None),
    };
    let unit = match rest.as_bytes().last() {
        Some(b'd') => Unit::Day,
        Some(b'w') => Unit::Week,
        Some(b'm') => Unit::Month,
        Some(b'y') => Unit::Year,
        _ => return Ok(None),
    };
    match count(&rest[..rest.len() - 1]) {
        Some(n) => step(today, n, unit, forward).map(Some),
        None => Ok(None),
    }
}

/// One or two digits (a month or a day).
fn small(digits: &str) -> Option<u32> {
    let shaped = (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    shaped.then(|| digits.parse().ok()).flatten()
}

/// Exactly four digits.
fn four_digit_year(digits: &str) -> Option<i32> {
    let shaped = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit());
    shaped.then(|| digits.parse().ok()).flatten()
}

/// US `M/D/YYYY` and `M/D`.
fn slashed(text: &str, today: NaiveDate, kind: DateKind) -> Reading {
    let parts: Vec<&str> = text.split('/').collect();
    let (month, day, year) = match parts.as_slice() {
        [month, day] => (small(month), small(day), None),
        [month, day, year] => match four_digit_year(year) {
            Some(year) => (small(month), small(day), Some(year)),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return Ok(None);
    };
    match year {
        Some(year) => Ok(NaiveDate::from_ymd_opt(year, month, day)),
        None => yearless(month, day, today, kind),
    }
}

/// The forms made of words: `N days ago`, `in N days`, weekdays and month
/// names. Commas separate like spaces.
fn spelled(text: &str, today: NaiveDate, kind: DateKind) -> Reading {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|token| !token.is_empty())
        .collect();
    match tokens.as_slice() {
        [n, unit, "ago"] => relative(n, unit, today, false),
        ["in", n, unit] => relative(n, unit, today, true),
        ["last", name] => on_weekday(name, today, Toward::Before),
        ["next", name] => on_weekday(name, today, Toward::After),
        [name] => match kind {
            DateKind::Ahead => on_weekday(name, today, Toward::OnOrAfter),
            DateKind::Past | DateKind::Range => on_weekday(name, today, Toward::OnOrBefore),
        },
        _ => named_date(&tokens, today, kind),
    }
}

/// `N days ago` (`forward` false) or `in N days`, in any unit, singular or
/// plural.
fn relative(n: &str, unit: &str, today: NaiveDate, forward: bool) -> Reading {
    let unit = match unit.strip_suffix('s').unwrap_or(unit) {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        _ => return Ok(None),
    };
    match count(n) {
        Some(n) => step(today, n, unit, forward).map(Some),
        None => Ok(None),
    }
}

/// A weekday's full name or three-letter abbreviation (a trailing `.` too),
/// as days from Monday.
fn weekday(name: &str) -> Option<u32> {
    let name = name.strip_suffix('.').unwrap_or(name);
    let index = WEEKDAYS
        .iter()
        .position(|full| name == *full || (name.len() == 3 && full.starts_with(name)))?;
    u32::try_from(index).ok()
}

/// The day named `name` in the direction `toward` from today.
fn on_weekday(name: &str, today: NaiveDate, toward: Toward) -> Reading {
    let Some(target) = weekday(name) else {
        return Ok(None);
    };
    // Days to the target going forward and going back: 0 when it is today.
    let ahead = (7 + target - today.weekday().num_days_from_monday()) % 7;
    let behind = (7 - ahead) % 7;
    let (days, forward) = match toward {
        Toward::OnOrAfter => (ahead, true),
        Toward::After => (if ahead == 0 { 7 } else { ahead }, true),
        Toward::OnOrBefore => (behind, false),
        Toward::Before => (if behind == 0 { 7 } else { behind }, false),
    };
    step(today, days, Unit::Day, forward).map(Some)
}

/// A month's full name or three-letter abbreviation (`sept` too, and a
/// trailing `.`), as 1 to 12.
fn month_name(name: &str) -> Option<u32> {
    let name = name.strip_suffix('.').unwrap_or(name);
    if name == "sept" {
        return Some(9);
    }
    let index = MONTHS
        .iter()
        .position(|full| name == *full || (name.len() == 3 && full.starts_with(name)))?;
    u32::try_from(index + 1).ok()
}

/// A day of the month, optionally with an ordinal suffix (`1st`, `22nd`).
fn day_of_month(token: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| token.strip_suffix(suffix))
        .unwrap_or(token);
    small(digits)
}

/// Month, day and optional year of `Oct 1`, `1 Oct`, `Oct 1 2026` or
/// `1 Oct 2026` (commas already dropped).
fn named_parts(tokens: &[&str]) -> Option<(u32, u32, Option<i32>)> {
    let (first, second, year) = match tokens {
        [first, second] => (first, second, None),
        [first, second, year] => (first, second, Some(four_digit_year(year)?)),
        _ => return None,
    };
    let (month, day) = match (month_name(first), month_name(second)) {
        (Some(month), None) => (month, day_of_month(second)?),
        (None, Some(month)) => (month, day_of_month(first)?),
        _ => return None,
    };
    Some((month, day, year))
}

/// A date with a month name, with or without a year.
fn named_date(tokens: &[&str], today: NaiveDate, kind: DateKind) -> Reading {
    match named_parts(tokens) {
        Some((month, day, Some(year))) => Ok(NaiveDate::from_ymd_opt(year, month, day)),
        Some((month, day, None)) => yearless(month, day, today, kind),
        None => Ok(None),
    }
}

/// The year for a month and day typed without one: the nearest such date on
/// or before today for `Past` and `Range`; for `Ahead` this year's when it is
/// on or after today or at most [`AHEAD_GRACE_DAYS`] ago, else the next one
/// after today. February 29 skips to a leap year.
fn yearless(month: u32, day: u32, today: NaiveDate, kind: DateKind) -> Reading {
    // 2000 is a leap year: a day it lacks is a day no year has.
    if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Ok(None);
    }
    let in_year = |year: i32| NaiveDate::from_ymd_opt(year, month, day);
    let found = match kind {
        DateKind::Past | DateKind::Range => (1..=today.year())
            .rev()
            .filter_map(in_year)
            .find(|date| *date <= today),
        DateKind::Ahead => in_year(today.year())
            .filter(|date| days_between(*date, today) <= AHEAD_GRACE_DAYS)
            .or_else(|| {
                (today.year()..=9999)
                    .filter_map(in_year)
                    .find(|date| *date >= today)
            }),
    };
    found.map(Some).ok_or(OutOfRange)
}

/// Year and month of `2026-05`, `05/2026`, `5/2026` or `May 2026`.
fn month_only(text: &str) -> Option<(i32, u32)> {
    let (year, month) = if let Some((year, month)) = text.split_once('-') {
        let month = (month.len() == 2).then(|| small(month)).flatten()?;
        (four_digit_year(year)?, month)
    } else if let Some((month, year)) = text.split_once('/') {
        (four_digit_year(year)?, small(month)?)
    } else {
        let tokens: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|token| !token.is_empty())
            .collect();
        let [name, year] = tokens.as_slice() else {
            return None;
        };
        (four_digit_year(year)?, month_name(name)?)
    };
    (1..=12).contains(&month).then_some((year, month))
}

/// The first (or, for an `end`, the last) day of a month in the years 1 to
/// 9999.
fn month_bound(year: i32, month: u32, end: bool) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let date = if end {
        first.checked_add_months(Months::new(1))?.pred_opt()?
    } else {
        first
    };
    Some(date).filter(|date| in_years(*date))
}

/// `date` plus `days` (saturating at chrono's range, which no user reaches).
pub fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// `date` plus `days` for a date that is stored: a result after
/// 9999-12-31 (which SQLite's date functions cannot hold) is bad input
/// naming `field`, not a failed write.
pub fn days_after(field: &str, date: NaiveDate, days: u64) -> Result<NaiveDate> {
    date.checked_add_days(Days::new(days))
        .filter(|later| in_years(*later))
        .ok_or_else(|| {
            Error::Input(format!(
                "{field}: {date} plus {days} days falls after 9999-12-31, the last date jobtrack keeps; \
                 give {field} a date"
            ))
        })
}

/// Whole days from `earlier` to `later` (negative when `later` is earlier).
pub fn days_between(earlier: NaiveDate, later: NaiveDate) -> i64 {
    (later - earlier).num_days()
}

/// Refuses a date after today for `field` (the one "not after today" rule).
pub fn not_after_today(field: &str, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if date > today {
        return Err(Error::Input(format!(
            "{field} cannot be after today ({today}); got {date}"
        )));
    }
    Ok(date)
}

/// The Monday of the week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The first and last day of the Monday–Sunday week holding `date`.
pub fn week_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = week_start(date);
    (start, start + Days::new(6))
}

/// The first and last day of the calendar month holding `date`.
pub fn month_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = date.with_day(1).unwrap_or(date);
    let next = start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(start);
    (start, next.pred_opt().unwrap_or(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        parse_iso(text).unwrap()
    }

    #[test]
    fn words_and_iso() {
        let today = d("2026-11-26");
        assert_eq!(parse_relative("today", today), Some(today));
        assert_eq!(parse_relative("Yesterday", today), Some(d("2026-11-25")));
        assert_eq!(parse_relative("TOMORROW", today), Some(d("2026-11-27")));
        assert_eq!(parse_relative("2026-02-28", today), Some(d("2026-02-28")));
        assert_eq!(parse_relative(" 2024-02-29 ", today), Some(d("2024-02-29")));
    }

    #[test]
    fn offsets() {
        let today = d("2026-11-26");
        assert_eq!(parse_relative("-3d", today), Some(d("2026-11-23")));
        assert_eq!(parse_relative("+2w", today), Some(d("2026-12-10")));
        assert_eq!(parse_relative("+2W", today), Some(d("2026-12-10")));
        assert_eq!(parse_relative("-1m", today), Some(d("2026-10-26")));
        assert_eq!(parse_relative("+0d", today), Some(today));
        assert_eq!(parse_relative("+3y", today), Some(d("2029-11-26")));
        assert_eq!(parse_relative("-1Y", today), Some(d("2025-11-26")));
    }

    #[test]
    fn month_steps_clamp_to_the_month_end() {
        assert_eq!(
            parse_relative("+1m", d("2026-01-31")),
            Some(d("2026-02-28"))
        );
        assert_eq!(
            parse_relative("+1m", d("2028-01-31")),
            Some(d("2028-02-29"))
        );
        assert_eq!(
            parse_relative("-1m", d("2026-03-31")),
            Some(d("2026-02-28"))
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        let today = d("2026-11-26");
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "2026-2-3",
            "26-11-01",
            "3d",
            "+d",
            "+3x",
            "+-3d",
            "+999999d",
            "next week",
            "2026/11/01",
        ] {
            assert_eq!(
                parse_relative(bad, today),
                None,
                "{bad:?} should be refused"
            );
        }
    }

    /// Tuesday, the pinned today of the grammar tests.
    const TUESDAY: &str = "2026-12-01";

    fn read_as(text: &str, today: &str, kind: DateKind) -> NaiveDate {
        parse_as("--on", text, d(today), kind)
            .unwrap_or_else(|e| panic!("{text:?} from {today} as {kind:?}: {e}"))
    }

    fn refused_as(text: &str, today: &str, kind: DateKind) -> Error {
        match parse_as("--on", text, d(today), kind) {
            Ok(date) => panic!("{text:?} from {today} as {kind:?} gave {date}"),
            Err(e) => e,
        }
    }

    const KINDS: [DateKind; 3] = [DateKind::Past, DateKind::Ahead, DateKind::Range];

    #[test]
    fn counted_units_ago_and_ahead() {
        for (text, expected) in [
            ("3 days ago", "2026-11-28"),
            ("1 day ago", "2026-11-30"),
            ("0 days ago", TUESDAY),
            ("2 Weeks Ago", "2026-11-17"),
            ("1 month ago", "2026-11-01"),
            ("2 years ago", "2024-12-01"),
            ("in 3 days", "2026-12-04"),
            ("in 1 week", "2026-12-08"),
            ("IN 2 MONTHS", "2027-02-01"),
            ("in 1 year", "2027-12-01"),
            ("in  5   days", "2026-12-06"),
        ] {
            assert_eq!(
                read_as(text, TUESDAY, DateKind::Ahead),
                d(expected),
                "{text}"
            );
        }
        assert_eq!(
            read_as("in 1 month", "2026-01-31", DateKind::Ahead),
            d("2026-02-28")
        );
        assert_eq!(
            read_as("1 year ago", "2028-02-29", DateKind::Past),
            d("2027-02-28")
        );
        assert_eq!(
            read_as("+1y", "2028-02-29", DateKind::Ahead),
            d("2029-02-28")
        );
    }

    #[test]
    fn bare_weekdays_follow_the_kind() {
        // Today is a Tuesday: a bare "tue" is today in every kind.
        for kind in KINDS {
            assert_eq!(read_as("tue", TUESDAY, kind), d(TUESDAY));
        }
        for name in ["fri", "Friday", "FRI", "fri."] {
            assert_eq!(read_as(name, TUESDAY, DateKind::Past), d("2026-11-27"));
            assert_eq!(read_as(name, TUESDAY, DateKind::Range), d("2026-11-27"));
            assert_eq!(read_as(name, TUESDAY, DateKind::Ahead), d("2026-12-04"));
        }
        assert_eq!(read_as("mon", TUESDAY, DateKind::Past), d("2026-11-30"));
        assert_eq!(
            read_as("wednesday", TUESDAY, DateKind::Ahead),
            d("2026-12-02")
        );
        assert_eq!(read_as("sun", TUESDAY, DateKind::Ahead), d("2026-12-06"));
    }

    #[test]
    fn last_and_next_weekdays_skip_today() {
        for kind in [DateKind::Ahead, DateKind::Range] {
            assert_eq!(read_as("last tue", TUESDAY, kind), d("2026-11-24"));
            assert_eq!(read_as("next tue", TUESDAY, kind), d("2026-12-08"));
            assert_eq!(read_as("last fri", TUESDAY, kind), d("2026-11-27"));
            assert_eq!(read_as("next Friday", TUESDAY, kind), d("2026-12-04"));
            assert_eq!(read_as("last monday", TUESDAY, kind), d("2026-11-30"));
            assert_eq!(read_as("next wed", TUESDAY, kind), d("2026-12-02"));
        }
        assert_eq!(
            read_as("last sat", TUESDAY, DateKind::Past),
            d("2026-11-28")
        );
        let message = refused_as("next fri", TUESDAY, DateKind::Past).to_string();
        assert!(
            message.contains("--on") && message.contains("after today"),
            "{message}"
        );
    }

    #[test]
    fn month_names_in_every_order() {
        for text in [
            "October 1, 2026",
            "Oct 1 2026",
            "oct 1, 2026",
            "1 Oct 2026",
            "1 october 2026",
            "Oct. 1st, 2026",
            "OCT 1 2026",
        ] {
            for kind in KINDS {
                assert_eq!(read_as(text, TUESDAY, kind), d("2026-10-01"), "{text}");
            }
        }
        assert_eq!(
            read_as("Sept 3, 2026", TUESDAY, DateKind::Past),
            d("2026-09-03")
        );
        assert_eq!(
            read_as("May 22nd 2027", TUESDAY, DateKind::Ahead),
            d("2027-05-22")
        );
        assert_eq!(read_as("1 Oct", TUESDAY, DateKind::Past), d("2026-10-01"));
    }

    #[test]
    fn yearless_dates_take_the_nearest_year_in_the_allowed_direction() {
        for text in ["Oct 1", "10/1", "1 October"] {
            assert_eq!(read_as(text, TUESDAY, DateKind::Past), d("2026-10-01"));
            assert_eq!(read_as(text, TUESDAY, DateKind::Range), d("2026-10-01"));
            assert_eq!(read_as(text, TUESDAY, DateKind::Ahead), d("2027-10-01"));
        }
        for text in ["Dec 25", "12/25"] {
            assert_eq!(read_as(text, TUESDAY, DateKind::Past), d("2025-12-25"));
            assert_eq!(read_as(text, TUESDAY, DateKind::Range), d("2025-12-25"));
            assert_eq!(read_as(text, TUESDAY, DateKind::Ahead), d("2026-12-25"));
        }
        // Today itself counts as on or before and on or after.
        for kind in KINDS {
            assert_eq!(read_as("12/1", TUESDAY, kind), d(TUESDAY));
        }
        assert_eq!(read_as("3/4", TUESDAY, DateKind::Ahead), d("2027-03-04"));
    }

    #[test]
    fn ahead_keeps_the_last_30_days_in_this_year() {
        // 2026-11-15 is 16 days before today, 2026-11-01 exactly 30.
        assert_eq!(read_as("Nov 15", TUESDAY, DateKind::Ahead), d("2026-11-15"));
        assert_eq!(read_as("11/1", TUESDAY, DateKind::Ahead), d("2026-11-01"));
        assert_eq!(read_as("Oct 31", TUESDAY, DateKind::Ahead), d("2027-10-31"));
        // Only this year's date stays: last December is not "this year".
        assert_eq!(
            read_as("Dec 30", "2027-01-02", DateKind::Ahead),
            d("2027-12-30")
        );
    }

    #[test]
    fn yearless_dates_across_the_new_year() {
        assert_eq!(
            read_as("Dec 30", "2027-01-02", DateKind::Past),
            d("2026-12-30")
        );
        assert_eq!(
            read_as("12/30", "2027-01-02", DateKind::Range),
            d("2026-12-30")
        );
        assert_eq!(
            read_as("Dec 30", "2027-01-02", DateKind::Ahead),
            d("2027-12-30")
        );
        assert_eq!(
            read_as("1/1", "2026-12-31", DateKind::Ahead),
            d("2027-01-01")
        );
        assert_eq!(
            read_as("1/1", "2026-12-31", DateKind::Past),
            d("2026-01-01")
        );
        assert_eq!(
            read_as("Jan 3", "2027-01-02", DateKind::Past),
            d("2026-01-03")
        );
    }

    #[test]
    fn february_29_without_a_year_finds_a_leap_year() {
        assert_eq!(read_as("2/29", TUESDAY, DateKind::Past), d("2024-02-29"));
        assert_eq!(read_as("Feb 29", TUESDAY, DateKind::Ahead), d("2028-02-29"));
        // Within the last 30 days of a leap year's February 29: stays.
        assert_eq!(
            read_as("2/29", "2028-03-15", DateKind::Ahead),
            d("2028-02-29")
        );
        assert_eq!(
            read_as("2/29", "2028-04-15", DateKind::Ahead),
            d("2032-02-29")
        );
        // 2100 is not a leap year.
        assert_eq!(
            read_as("29 Feb", "2101-01-01", DateKind::Range),
            d("2096-02-29")
        );
        assert_eq!(
            read_as("2/29", "2097-01-01", DateKind::Ahead),
            d("2104-02-29")
        );
        assert_eq!(
            read_as("2/29/2028", TUESDAY, DateKind::Ahead),
            d("2028-02-29")
        );
    }

    #[test]
    fn us_and_compact_dates() {
        for kind in KINDS {
            assert_eq!(read_as("10/1/2026", TUESDAY, kind), d("2026-10-01"));
            assert_eq!(read_as("04/05/2026", TUESDAY, kind), d("2026-04-05"));
            assert_eq!(read_as("20261001", TUESDAY, kind), d("2026-10-01"));
        }
        assert_eq!(
            read_as("1/2/2027", TUESDAY, DateKind::Ahead),
            d("2027-01-02")
        );
    }

    #[test]
    fn past_refuses_the_future_naming_the_field() {
        for text in [
            "tomorrow",
            "+1d",
            "in 2 days",
            "2027-01-01",
            "12/2/2026",
            "next fri",
        ] {
            let error = refused_as(text, TUESDAY, DateKind::Past);
            let message = error.to_string();
            assert!(
                message.contains("--on cannot be after today (2026-12-01)"),
                "{message}"
            );
            assert_eq!(error.exit_code(), 2);
        }
        assert_eq!(read_as("today", TUESDAY, DateKind::Past), d(TUESDAY));
        for kind in [DateKind::Ahead, DateKind::Range] {
            assert_eq!(read_as("tomorrow", TUESDAY, kind), d("2026-12-02"));
        }
    }

    #[test]
    fn refuses_days_no_calendar_has() {
        for bad in [
            "2/30",
            "2/30/2026",
            "13/1",
            "0/1",
            "1/0",
            "Feb 30",
            "Feb 29, 2026",
            "31 Nov",
            "1/2/26",
            "oct 1 26",
            "oct",
            "oct 2026",
            "20260230",
            "2026100",
            "next week",
            "last week",
            "this fri",
            "in 3 fortnights",
            "3 days",
            "in days",
            "days ago",
            "in 100000 days",
            "fr",
            "fridays",
            "1 oct 2 2026",
            "oct oct",
        ] {
            for kind in KINDS {
                let error = refused_as(bad, TUESDAY, kind);
                assert!(matches!(error, Error::Invalid { .. }), "{bad:?}: {error}");
            }
        }
    }

    #[test]
    fn leaving_the_years_1_to_9999_is_an_input_error() {
        for (text, today, kind) in [
            ("in 3 days", "9999-12-30", DateKind::Ahead),
            ("tomorrow", "9999-12-31", DateKind::Range),
            ("+1y", "9999-06-01", DateKind::Ahead),
            ("+99999y", TUESDAY, DateKind::Ahead),
            ("in 99999 years", TUESDAY, DateKind::Range),
            ("-99999y", TUESDAY, DateKind::Past),
            ("yesterday", "0001-01-01", DateKind::Past),
            ("last mon", "0001-01-01", DateKind::Range),
            ("sun", "0001-01-01", DateKind::Past),
            ("next fri", "9999-12-31", DateKind::Ahead),
            ("1/1", "9999-12-31", DateKind::Ahead),
            ("2/29", "0003-06-01", DateKind::Past),
            ("0000-06-01", TUESDAY, DateKind::Range),
            ("00000601", TUESDAY, DateKind::Range),
        ] {
            let error = refused_as(text, today, kind);
            let message = error.to_string();
            assert!(matches!(error, Error::Input(_)), "{text:?}: {message}");
            assert!(message.contains("--on"), "{message}");
            assert!(message.contains("9999-12-31"), "{message}");
            assert_eq!(error.exit_code(), 2);
        }
        assert_eq!(
            read_as("fri", "9999-12-31", DateKind::Ahead),
            d("9999-12-31")
        );
        assert_eq!(
            read_as("12/31", "9999-12-31", DateKind::Ahead),
            d("9999-12-31")
        );
        assert_eq!(
            read_as("in 1 day", "9999-12-30", DateKind::Ahead),
            d("9999-12-31")
        );
        assert_eq!(
            read_as("mon", "0001-01-01", DateKind::Past),
            d("0001-01-01")
        );
    }

    #[test]
    fn parse_keeps_allowing_the_future_and_resolves_backward() {
        let today = d(TUESDAY);
        assert_eq!(parse("--on", "tomorrow", today).unwrap(), d("2026-12-02"));
        assert_eq!(parse("--on", "fri", today).unwrap(), d("2026-11-27"));
        assert_eq!(parse("--on", "Oct 1", today).unwrap(), d("2026-10-01"));
        assert_eq!(parse_relative("in 2 weeks", today), Some(d("2026-12-15")));
        assert_eq!(parse_relative("in 3 days", d("9999-12-30")), None);
    }

    #[test]
    fn months_become_their_first_or_last_day() {
        let today = d(TUESDAY);
        let month = |text: &str, end: bool| {
            parse_month("--from", text, today, end)
                .unwrap_or_else(|e| panic!("{text:?} (end {end}): {e}"))
        };
        for text in [
            "May 2026",
            "may, 2026",
            "2026-05",
            "05/2026",
            "5/2026",
            "MAY 2026",
        ] {
            assert_eq!(month(text, false), d("2026-05-01"), "{text}");
            assert_eq!(month(text, true), d("2026-05-31"), "{text}");
        }
        assert_eq!(month("Sept 2026", true), d("2026-09-30"));
        assert_eq!(month("2026-02", true), d("2026-02-28"));
        assert_eq!(month("February 2028", true), d("2028-02-29"));
        assert_eq!(month("12/9999", true), d("9999-12-31"));
        assert_eq!(month("0001-01", false), d("0001-01-01"));
        // A full date stays the day it names.
        assert_eq!(month("Oct 3, 2026", true), d("2026-10-03"));
        assert_eq!(month("2026-10-03", false), d("2026-10-03"));
        assert_eq!(month("2 years ago", true), d("2024-12-01"));
        assert_eq!(month("Oct 3", true), d("2026-10-03"));
    }

    #[test]
    fn months_refused_say_what_is_accepted() {
        let today = d(TUESDAY);
        for bad in [
            "2026-13",
            "13/2026",
            "0/2026",
            "Smarch 2026",
            "2026-5",
            "soon",
        ] {
            let error = parse_month("--from", bad, today, false).unwrap_err();
            let message = error.to_string();
            assert!(matches!(error, Error::Invalid { .. }), "{bad:?}: {message}");
            assert!(
                message.contains("--from") && message.contains("May 2026"),
                "{message}"
            );
            assert!(message.contains("YYYY-MM-DD"), "{message}");
        }
        let error = parse_month("--from", "0000-05", today, true).unwrap_err();
        assert!(matches!(error, Error::Input(_)), "{error}");
        let error = parse_month("--from", "in 9999 years", today, true).unwrap_err();
        assert!(matches!(error, Error::Input(_)), "{error}");
    }

    #[test]
    fn grammar_help_is_short() {
        let lines: Vec<&str> = GRAMMAR.lines().collect();
        assert!(lines.len() <= 4, "{GRAMMAR}");
        // Option help is indented by 10 columns: 70 keeps each line whole at 80.
        assert!(lines.iter().all(|line| line.len() <= 70), "{GRAMMAR}");
    }

    mod properties {
        use super::*;
        use chrono::Datelike;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            (1900i32..2200, 1u32..=12, 1u32..=31)
                .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        }

        proptest! {
            #[test]
            fn iso_dates_round_trip(date in any_date()) {
                prop_assert_eq!(parse_relative(&date.format("%Y-%m-%d").to_string(), date), Some(date));
            }

            #[test]
            fn day_and_week_offsets_are_exact(today in any_date(), n in 0u64..5000) {
                let plus = parse_relative(&format!("+{n}d"), today).unwrap();
                let minus = parse_relative(&format!("-{n}d"), today).unwrap();
                prop_assert_eq!((plus - today).num_days(), n as i64);
                prop_assert_eq!((today - minus).num_days(), n as i64);
                let weeks = parse_relative(&format!("+{n}W"), today).unwrap();
                prop_assert_eq!((weeks - today).num_days(), 7 * n as i64);
            }

            #[test]
            fn month_offsets_keep_the_day_or_clamp_to_the_month_end(today in any_date(), n in 0u32..240) {
                let later = parse_relative(&format!("+{n}m"), today).unwrap();
                let months = (later.year() - today.year()) * 12 + later.month() as i32 - today.month() as i32;
                prop_assert_eq!(months, n as i32);
                prop_assert!(later.day() == today.day() || (later.day() < today.day() && later.succ_opt().unwrap().day() == 1));
                // Going back the same number of months never passes the start.
                let back = parse_relative(&format!("-{n}m"), later).unwrap();
                prop_assert!(back <= today);
            }

            #[test]
            fn yearless_dates_keep_month_and_day_and_land_on_the_kind_side(
                today in any_date(),
                month in 1u32..=12,
                day in 1u32..=31,
            ) {
                prop_assume!(NaiveDate::from_ymd_opt(2000, month, day).is_some());
                let text = format!("{month}/{day}");
                let back = parse_as("--on", &text, today, DateKind::Past).unwrap();
                let ahead = parse_as("--on", &text, today, DateKind::Ahead).unwrap();
                prop_assert_eq!(parse_as("--on", &text, today, DateKind::Range).unwrap(), back);
                for date in [back, ahead] {
                    prop_assert_eq!((date.month(), date.day()), (month, day));
                }
                prop_assert!(back <= today);
                prop_assert!(ahead >= today || (ahead.year() == today.year() && days_between(ahead, today) <= 30));
                // Nothing nearer in the allowed direction: a year closer has no such
                // day (February 29) or lies on the wrong side.
                let nearer_back = NaiveDate::from_ymd_opt(back.year() + 1, month, day);
                prop_assert!(nearer_back.is_none_or(|nearer| nearer > today));
                if ahead > today && ahead.year() > today.year() {
                    let nearer_ahead = NaiveDate::from_ymd_opt(ahead.year() - 1, month, day);
                    prop_assert!(nearer_ahead.is_none_or(|nearer| nearer < today));
                }
            }

            #[test]
            fn weekday_forms_land_in_the_right_week(today in any_date(), index in 0usize..7) {
                let name = WEEKDAYS[index];
                let short = &name[..3];
                let cases = [
                    (name.to_string(), DateKind::Past, -6, 0),
                    (short.to_string(), DateKind::Range, -6, 0),
                    (name.to_string(), DateKind::Ahead, 0, 6),
                    (format!("last {short}"), DateKind::Range, -7, -1),
                    (format!("next {name}"), DateKind::Ahead, 1, 7),
                ];
                for (text, kind, earliest, latest) in cases {
                    let date = parse_as("--on", &text, today, kind).unwrap();
                    prop_assert_eq!(date.weekday().num_days_from_monday() as usize, index);
                    let offset = days_between(today, date);
                    prop_assert!((earliest..=latest).contains(&offset), "{} gave {}", text, date);
                }
            }

            #[test]
            fn parse_as_never_panics_near_the_ends_of_the_calendar(
                text in "(in |\\+|-)?[0-9]{0,6} ?(d|w|m|y|days?|weeks?|years?|ago|fri|oct 1|2/29)?( ago)?",
                today in prop_oneof![
                    (1i32..3, 1u32..=12, 1u32..=28),
                    (9998i32..=9999, 1u32..=12, 1u32..=31),
                ].prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            ) {
                for kind in [DateKind::Past, DateKind::Ahead, DateKind::Range] {
                    if let Ok(date) = parse_as("--on", &text, today, kind) {
                        prop_assert!((1..=9999).contains(&date.year()));
                    }
                }
            }

            #[test]
            fn any_text_is_a_date_or_an_error_never_a_panic(text in "\\PC{0,24}") {
                if let Some(date) = parse_relative(&text, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()) {
                    prop_assert!(date.year() > 0);
                } else {
                    let message = parse("--on", &text, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
                        .unwrap_err()
                        .to_string();
                    prop_assert!(message.contains("--on"));
                }
            }
        }
    }

    #[test]
    fn error_names_the_field_and_the_forms() {
        let err = parse("--on", "soon", d("2026-11-26")).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("--on"), "{message}");
        assert!(message.contains("\"soon\""), "{message}");
        assert!(message.contains("YYYY-MM-DD"), "{message}");
        assert!(
            message.contains("+N/-N") && message.contains("yesterday"),
            "{message}"
        );
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn weeks_run_monday_to_sunday_and_months_to_their_last_day() {
        let week = (d("2026-11-23"), d("2026-11-29"));
        for today in ["2026-11-23", "2026-11-26", "2026-11-29"] {
            assert_eq!(week_of(d(today)), week, "{today}");
        }
        for (today, first, last) in [
            ("2026-02-14", "2026-02-01", "2026-02-28"),
            ("2026-12-31", "2026-12-01", "2026-12-31"),
        ] {
            assert_eq!(month_of(d(today)), (d(first), d(last)));
        }
    }
}
