//! Parsing what people type, before it reaches a store: the enumerations
//! stored as TEXT, the checks of an `edit`'s options, and numbers (hours,
//! salary), credential codes and date ranges.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::output::hours;

/// Defines an enumeration stored as TEXT: clap `ValueEnum`, serde, `FromStr`,
/// `Display` and rusqlite conversions, all spelled by the one literal given
/// for each variant (snake_case everywhere).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize, serde::Deserialize)]
        #[value(rename_all = "snake_case")]
        #[serde(rename_all = "snake_case")]
        $vis enum $name {
            $( $(#[$vmeta])* #[value(name = $text)] #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and typed spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted spellings, comma-separated, for error messages.
            pub fn accepted() -> String {
                [$($text),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> std::result::Result<Self, String> {
                let wanted = text.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| format!("one of: {}", $name::accepted()))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse().map_err(|_| rusqlite::types::FromSqlError::Other(
                    format!("unexpected {} value {:?}", stringify!($name), text).into(),
                ))
            }
        }
    };
}

/// Checks the options of an `edit`: `options` pairs each `--clear` value
/// with whether its option was given and the option's name; `others_given`
/// says whether an option without a `--clear` value was given. Refuses a
/// field both set and cleared, and an edit that changes nothing (with the
/// message `nothing` returns).
pub fn check_edit_options<F: clap::ValueEnum + PartialEq + Copy>(
    options: &[(F, bool, &str)],
    clear: &[F],
    others_given: bool,
    nothing: impl FnOnce() -> String,
) -> Result<()> {
    for (field, given, flag) in options {
        if *given && clear.contains(field) {
            let name = field
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            return Err(Error::Input(format!(
                "{flag} and --clear {name} contradict each other; give one"
            )));
        }
    }
    if !others_given && clear.is_empty() && !options.iter().any(|o| o.1) {
        return Err(Error::Input(nothing()));
    }
    Ok(())
}

/// `Some(text)` unless it is empty.
pub fn non_empty(text: &str) -> Option<String> {
    if text.is_empty() {
        None
    } else {
        Some(text.to_string())
    }
}

/// Parses an amount of hours typed for `field`: a decimal with at most two
/// decimals, more than 0 and (when `max` is given) at most `max`.
pub fn parse_hours(field: &str, text: &str, max: Option<f64>) -> Result<f64> {
    let trimmed = text.trim();
    let range = match max {
        Some(max) => format!("more than 0 and at most {}", hours(max)),
        None => "more than 0".to_string(),
    };
    let unsigned = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let shaped = !unsigned.is_empty()
        && unsigned.len() <= 12
        && (!whole.is_empty() || !fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    let value = match trimmed.parse::<f64>() {
        Ok(value) if shaped && value.is_finite() => value,
        _ => {
            return Err(Error::invalid(
                field,
                text,
                format!("a number of hours {range}, with at most 2 decimals (like 3 or 2.5)"),
            ))
        }
    };
    if value <= 0.0 || max.is_some_and(|max| value > max) {
        return Err(Error::Input(format!(
            "{field} must be {range} (got {trimmed})"
        )));
    }
    if fraction.trim_end_matches('0').len() > 2 {
        return Err(Error::Input(format!(
            "{field} may have at most 2 decimals (got {trimmed})"
        )));
    }
    // Whole hundredths divided once: the nearest double, which SQLite's
    // round(hours, 2) = hours check accepts.
    Ok((value * 100.0).round() / 100.0)
}

/// Rounds a sum of hours to 2 decimals.
pub fn round_hours(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The accepted salary forms, for error messages.
pub const SALARY_FORMS: &str =
    "an amount or a range: 45000, 45k, 42,000-48,000 or 42k-48k (whole units, not negative)";

/// Parses `--salary`: `N` or `N-M`, each with an optional `k` and thousands
/// separators; `N` alone sets both ends.
pub fn parse_salary(text: &str) -> Result<(i64, i64)> {
    let invalid = || Error::invalid("--salary", text, SALARY_FORMS);
    let cleaned: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let (low, high) = match cleaned.split_once('-') {
        Some((low, high)) => (low, Some(high)),
        None => (cleaned.as_str(), None),
    };
    let low = parse_amount(low).ok_or_else(invalid)?;
    let high = match high {
        Some(high) => parse_amount(high).ok_or_else(invalid)?,
        None => low,
    };
    if low > high {
        return Err(Error::Input(format!(
            "invalid --salary {text:?}: the minimum {low} is above the maximum {high}"
        )));
    }
    Ok((low, high))
}

fn parse_amount(text: &str) -> Option<i64> {
    let text = text.strip_prefix('$').unwrap_or(text);
    let (number, thousands) = match text.strip_suffix(['k', 'K']) {
        Some(number) => (number, true),
        None => (text, false),
    };
    // A comma must separate thousands (42,000): "45,00" is a typo or a
    // decimal comma, and guessing would store the wrong pay.
    let whole_part = number.split('.').next().unwrap_or("");
    if whole_part.contains(',') {
        let mut groups = whole_part.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let digits: String = number.chars().filter(|c| *c != ',' && *c != '_').collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    if thousands {
        let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
        if whole.is_empty() && fraction.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
            || fraction.len() > 3
        {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        let fraction_value: i64 = format!("{fraction:0<3}").parse().ok()?;
        whole.checked_mul(1000)?.checked_add(fraction_value)
    } else {
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

/// Normalizes a credential code typed for `--requires`/`--prefers`.
pub fn parse_code(field: &str, text: &str) -> Result<String> {
    let code = text.trim().to_ascii_uppercase();
    let valid = !code.is_empty()
        && code.len() <= 20
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(code)
    } else {
        Err(Error::invalid(
            field,
            text,
            "a credential code of letters, digits and '-' (like RHIT or CCS-P)",
        ))
    }
}

/// Refuses a `--since`/`--until` range that ends before it starts (exit
/// 2, naming both options), so no command answers an impossible range with
/// an empty list; one day at both ends is a range. Shared by `report
/// search-log` and `volunteer list`.
pub fn check_range(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<()> {
    match (since, until) {
        (Some(since), Some(until)) if until < since => Err(Error::Input(format!(
            "--until ({until}) is before --since ({since}); give an --until on or after --since"
        ))),
        _ => Ok(()),
    }
}

/// An edited value: empty when cleared, else the new one or the old.
pub fn kept<T>(cleared: bool, given: Option<T>, old: Option<T>) -> Option<T> {
    if cleared {
        None
    } else {
        given.or(old)
    }
}

/// The notes an `edit` leaves: `--replace-note` replaces them; plain
/// `--note` appends the line `YYYY-MM-DD: TEXT` (today's date), so earlier
/// notes are never lost silently; neither keeps them as they were.
pub fn edited_notes(
    old: Option<&str>,
    note: Option<&str>,
    replace: Option<&str>,
    today: NaiveDate,
) -> Option<String> {
    match (note, replace) {
        (_, Some(replacement)) => non_empty(replacement),
        (Some(line), None) => Some(match old.filter(|o| !o.is_empty()) {
            Some(old) => format!("{old}\n{today}: {line}"),
            None => format!("{today}: {line}"),
        }),
        (None, None) => old.map(str::to_string),
    }
}

/// The refusal of an `edit` given no option.
pub fn nothing_to_change(what: &str, id: i64, noun: &str) -> Error {
    Error::Input(format!(
        "nothing to change for {what} {id}; give an option (see 'jobtrack {noun} edit --help')"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_note_is_appended_dated_unless_replaced() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(
            edited_notes(Some("met at the fair"), Some("called back"), None, day).as_deref(),
            Some("met at the fair\n2026-11-26: called back")
        );
        assert_eq!(
            edited_notes(None, Some("first"), None, day).as_deref(),
            Some("2026-11-26: first")
        );
        assert_eq!(
            edited_notes(Some("old"), None, Some("new"), day).as_deref(),
            Some("new")
        );
        assert_eq!(
            edited_notes(Some("old"), None, None, day).as_deref(),
            Some("old")
        );
    }

    #[test]
    fn salary_forms() {
        assert_eq!(parse_salary("42000-48000").unwrap(), (42000, 48000));
        assert_eq!(parse_salary("45000").unwrap(), (45000, 45000));
        assert_eq!(parse_salary("42k-48k").unwrap(), (42000, 48000));
        assert_eq!(parse_salary("42,000 - 48,000").unwrap(), (42000, 48000));
        assert_eq!(parse_salary("$52.5k").unwrap(), (52500, 52500));
        assert_eq!(parse_salary("0").unwrap(), (0, 0));
    }

    #[test]
    fn salary_refusals() {
        for bad in [
            "",
            "abc",
            "-5",
            "42000-",
            "k",
            "1.5",
            "48k-42k",
            "4e5",
            "42000-48000-50000",
        ] {
            let err = parse_salary(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            assert!(err.to_string().contains("--salary"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn codes_are_upper_cased() {
        assert_eq!(parse_code("--requires", " rhit ").unwrap(), "RHIT");
        assert_eq!(parse_code("--requires", "ccs-p").unwrap(), "CCS-P");
        assert!(parse_code("--requires", "R H").is_err());
    }

    #[test]
    fn hours_accept_decimals_in_range() {
        assert_eq!(parse_hours("hours", "3", Some(24.0)).unwrap(), 3.0);
        assert_eq!(parse_hours("hours", "2.5", Some(24.0)).unwrap(), 2.5);
        assert_eq!(parse_hours("hours", "0.25", Some(24.0)).unwrap(), 0.25);
        assert_eq!(parse_hours("hours", "24", Some(24.0)).unwrap(), 24.0);
        assert_eq!(parse_hours("hours", "1.50", Some(24.0)).unwrap(), 1.5);
        assert_eq!(parse_hours("hours", ".5", Some(24.0)).unwrap(), 0.5);
        assert_eq!(parse_hours("CEU hours", "120", None).unwrap(), 120.0);
    }

    #[test]
    fn hours_refuse_out_of_range_and_non_numbers() {
        let err = parse_hours("hours", "-3", Some(24.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "hours must be more than 0 and at most 24 (got -3)"
        );
        for bad in ["0", "25", "24.01", "0.00"] {
            let err = parse_hours("hours", bad, Some(24.0)).unwrap_err();
            assert!(err.to_string().contains("at most 24"), "{bad}: {err}");
            assert_eq!(err.exit_code(), 2);
        }
        for bad in ["abc", "", "1e2", "inf", "NaN", "2,5", "3h", "."] {
            let err = parse_hours("hours", bad, Some(24.0)).unwrap_err();
            assert!(err.to_string().contains("hours"), "{bad}: {err}");
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
        assert!(parse_hours("hours", "1.234", Some(24.0))
            .unwrap_err()
            .to_string()
            .contains("2 decimals"));
    }
}
