//! Dates: the grammar users type, "today" (which `JOBTRACK_TODAY` pins) and
//! timestamps. This is the only module that reads the clock, so every figure
//! jobtrack computes follows a pinned today.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::error::{Error, Result};

/// The environment variable that pins today (`YYYY-MM-DD`).
pub const TODAY_VAR: &str = "JOBTRACK_TODAY";

/// The accepted date forms, for error messages and help.
pub const DATE_FORMS: &str =
    "a date: YYYY-MM-DD, today, yesterday, tomorrow, or +N/-N followed by d, w or m (like -3d or +2w)";

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

/// Parses the date grammar: `YYYY-MM-DD`, `today`, `yesterday`, `tomorrow`
/// (any case), or `+N`/`-N` followed by `d`, `w` or `m`. Month steps clamp
/// to the month's end.
pub fn parse_relative(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let lower = text.trim().to_ascii_lowercase();
    match lower.as_str() {
        "today" => return Some(today),
        "yesterday" => return today.checked_sub_days(Days::new(1)),
        "tomorrow" => return today.checked_add_days(Days::new(1)),
        _ => {}
    }
    if let Some(date) = parse_iso(&lower) {
        return Some(date);
    }
    let (forward, rest) = match lower.as_bytes().first()? {
        b'+' => (true, &lower[1..]),
        b'-' => (false, &lower[1..]),
        _ => return None,
    };
    let unit = rest.chars().last()?;
    let digits = &rest[..rest.len() - unit.len_utf8()];
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    match (unit, forward) {
        ('d', true) => today.checked_add_days(Days::new(n.into())),
        ('d', false) => today.checked_sub_days(Days::new(n.into())),
        ('w', true) => today.checked_add_days(Days::new(u64::from(n) * 7)),
        ('w', false) => today.checked_sub_days(Days::new(u64::from(n) * 7)),
        ('m', true) => today.checked_add_months(Months::new(n)),
        ('m', false) => today.checked_sub_months(Months::new(n)),
        _ => None,
    }
}

/// Parses a date typed for `field`, or says what is accepted.
pub fn parse(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    parse_relative(text, today).ok_or_else(|| Error::invalid(field, text, DATE_FORMS))
}

/// `date` plus `days` (saturating at chrono's range, which no user reaches).
pub fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
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
            "+3y",
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
