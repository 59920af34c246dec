//! Parsing what people type, before it reaches a store: the enumerations
//! stored as TEXT, the checks of an `edit`'s options, and numbers (hours,
//! salary), credential codes and date ranges; `refs` reads references (an
//! id or part of a name).

pub mod refs;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::output::hours;

/// Defines an enumeration stored as TEXT: clap `ValueEnum`, serde, `FromStr`,
/// `Display` and rusqlite conversions, all spelled by the one literal given
/// for each variant (snake_case everywhere). `words()` is how people read
/// it: the spelling with spaces for underscores (`career office`), or the
/// words given after a `/` (`AppFollowUp = "app_follow_up" / "app follow-up"`).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal $(/ $words:literal)? ),+ $(,)?
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

            /// How people read it, in tables, `show` output and messages
            /// (JSON, CSV and the command line keep `as_str`).
            pub fn words(self) -> std::borrow::Cow<'static, str> {
                match self { $($name::$variant => $crate::text_enum!(@words $text $(, $words)?)),+ }
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
    (@words $text:literal) => {
        $crate::input::words_of($text)
    };
    (@words $text:literal, $words:literal) => {
        std::borrow::Cow::Borrowed($words)
    };
}

/// A stored spelling as words: underscores become spaces (`final_term` →
/// `final term`); a spelling without one is returned as it is.
pub fn words_of(text: &'static str) -> std::borrow::Cow<'static, str> {
    if text.contains('_') {
        std::borrow::Cow::Owned(text.replace('_', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
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
pub const SALARY_FORMS: &str = "an amount or a range, yearly unless a pay period follows: \
    45000, 45k, 42,000-48,000, 42k-48k, 45-50k, $19-22/hr, 19.50/hour, 3,500/mo (periods /hr, /hour, \
    /mo, /month, /yr, /year)";

text_enum! {
    /// What a salary's figures are paid per.
    pub enum PayPeriod {
        /// An hourly rate
        Hour = "hour",
        /// A monthly salary
        Month = "month",
        /// A yearly salary
        Year = "year",
    }
}

impl PayPeriod {
    /// How many of this period make a year of full-time work (2080 hours).
    pub fn per_year(self) -> f64 {
        match self {
            PayPeriod::Hour => 2080.0,
            PayPeriod::Month => 12.0,
            PayPeriod::Year => 1.0,
        }
    }

    /// An SQL expression giving `per_year` for the period stored in
    /// `column`, so the SQL comparison follows the Rust rule.
    pub fn per_year_sql(column: &str) -> String {
        let arms: String = PayPeriod::ALL
            .iter()
            .map(|period| format!(" WHEN '{period}' THEN {}", period.per_year()))
            .collect();
        format!("(CASE {column}{arms} END)")
    }
}

/// A salary as typed: its lowest and highest figure (equal for a single
/// figure), with at most 2 decimals, and what they are paid per.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Salary {
    pub min: f64,
    pub max: f64,
    pub period: PayPeriod,
}

impl Salary {
    /// The annual equivalent of the highest figure (hour × 2080, month × 12).
    pub fn annual_max(self) -> f64 {
        self.max * self.period.per_year()
    }
}

/// Parses a salary typed for `field` (`--salary`, `--min-salary`): `N` or
/// `N-M`, `$` and spaces ignored, en and em dashes read as `-`, thousands
/// separators, `k` on either end applying to both (`45-50k` is 45,000 to
/// 50,000), and an optional pay period (`/hr`, `/hour`, `/mo`, `/month`,
/// `/yr`, `/year`; yearly without one). A yearly figure under 1,000 is
/// refused: it is almost always thousands or an hourly rate.
pub fn parse_salary(field: &str, text: &str) -> Result<Salary> {
    let invalid = || Error::invalid(field, text, SALARY_FORMS);
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '$')
        .map(|c| match c {
            '\u{2013}' | '\u{2014}' => '-',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    let (amounts, period) = match cleaned.split_once('/') {
        Some((amounts, period)) => (amounts, pay_period(period).ok_or_else(invalid)?),
        None => (cleaned.as_str(), PayPeriod::Year),
    };
    let (low, high) = match amounts.split_once('-') {
        Some((low, high)) => (low, Some(high)),
        None => (amounts, None),
    };
    let low = parse_amount(low).ok_or_else(invalid)?;
    let high = match high {
        Some(high) => parse_amount(high).ok_or_else(invalid)?,
        None => low,
    };
    let (low, high) = (low.with_thousands_of(high), high.with_thousands_of(low));
    let (min, max) = (low.cents as f64 / 100.0, high.cents as f64 / 100.0);
    if min > max {
        return Err(Error::Input(format!(
            "invalid {field} {text:?}: the minimum {} is above the maximum {}",
            hours(min),
            hours(max)
        )));
    }
    if period == PayPeriod::Year && min < 1000.0 {
        return Err(Error::Input(format!(
            "invalid {field} {text:?}: a yearly salary under 1,000 is unlikely; \
             write thousands with k (like 45k or 45-50k) or an hourly rate with /hr (like 19-22/hr)"
        )));
    }
    Ok(Salary { min, max, period })
}

/// A pay period after the `/` of a salary.
fn pay_period(text: &str) -> Option<PayPeriod> {
    match text {
        "hr" | "hour" => Some(PayPeriod::Hour),
        "mo" | "month" => Some(PayPeriod::Month),
        "yr" | "year" => Some(PayPeriod::Year),
        _ => None,
    }
}

/// One figure of a salary, in cents, and whether it ended in `k`.
#[derive(Clone, Copy)]
struct Amount {
    cents: i64,
    thousands: bool,
}

impl Amount {
    /// A `k` on the other end of a range applies to this figure too, when
    /// it is written in thousands itself (`45-50k`; not `42000-48k`).
    fn with_thousands_of(self, other: Amount) -> Amount {
        if other.thousands && !self.thousands && self.cents < 100_000 {
            Amount {
                cents: self.cents.saturating_mul(1000),
                thousands: true,
            }
        } else {
            self
        }
    }
}

fn parse_amount(text: &str) -> Option<Amount> {
    let (number, thousands) = match text.strip_suffix('k') {
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
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    // Cents: 2 decimals of units, or 5 of thousands (52.5k is 52,500).
    let decimals = if thousands { 5 } else { 2 };
    if whole.is_empty() && fraction.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > decimals
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: i64 = if fraction.is_empty() {
        0
    } else {
        format!("{fraction:0<decimals$}").parse().ok()?
    };
    let scale: i64 = if thousands { 100_000 } else { 100 };
    let cents = whole.checked_mul(scale)?.checked_add(fraction)?;
    Some(Amount { cents, thousands })
}

/// Normalizes a job source (DESIGN §10.3) so that one site or channel is
/// one funnel row however it is typed: trimmed and lower-cased, runs of
/// spaces, `-`, `.` and `_` become one `_` (none at either end), and a
/// leading `www_` and a trailing `_com`, `_org` or `_net` are dropped
/// (`Indeed.com` → `indeed`, `career fair` → `career_fair`). `None` for
/// text that leaves nothing.
pub fn normalize_source(text: &str) -> Option<String> {
    let mut joined = String::new();
    for word in text
        .trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | '_'))
        .filter(|word| !word.is_empty())
    {
        if !joined.is_empty() {
            joined.push('_');
        }
        joined.push_str(word);
    }
    // Dropped until none is left, so that normalizing a stored source
    // changes nothing (`a.com.org` is `a`, as its filter will be).
    let mut name = joined.as_str();
    loop {
        let shorter = name
            .strip_prefix("www_")
            .or_else(|| name.strip_suffix("_com"))
            .or_else(|| name.strip_suffix("_org"))
            .or_else(|| name.strip_suffix("_net"));
        match shorter {
            Some(rest) => name = rest,
            None => return non_empty(name),
        }
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

/// What joins the codes of an any-of group ("RHIT or RHIA": `RHIA|RHIT`),
/// as `application_credentials.code` stores it.
pub const CODE_GROUP_SEPARATOR: char = '|';

/// The stored form of an any-of group: its codes sorted, each once, joined
/// by `|` (a single code is a group of one).
pub fn code_group<S: AsRef<str>>(codes: &[S]) -> String {
    let mut codes: Vec<&str> = codes.iter().map(AsRef::as_ref).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.join(&CODE_GROUP_SEPARATOR.to_string())
}

/// The codes of a stored group, in its (sorted) order.
pub fn code_group_parts(group: &str) -> impl Iterator<Item = &str> {
    group.split(CODE_GROUP_SEPARATOR)
}

/// A group as people read it: "RHIA or RHIT".
pub fn code_group_words(group: &str) -> String {
    code_group_parts(group).collect::<Vec<_>>().join(" or ")
}

/// A list of groups as people read it, each group standing apart: "CHPS,
/// (RHIA or RHIT)" (a plain "CHPS, RHIA or RHIT" reads as one choice of
/// three). A list of one group needs no parentheses: "RHIA or RHIT".
pub fn code_groups_words(groups: &[String]) -> String {
    let several = groups.len() > 1;
    let words: Vec<String> = groups
        .iter()
        .map(|group| match code_group_words(group) {
            words if several && group.contains(CODE_GROUP_SEPARATOR) => format!("({words})"),
            words => words,
        })
        .collect();
    words.join(", ")
}

/// Normalizes a credential group typed for `--requires`/`--prefers` or read
/// from a file: one code, or several joined by `|` (any one of them will
/// do), each checked as `parse_code` checks it.
pub fn parse_code_group(field: &str, text: &str) -> Result<String> {
    let codes = text
        .split(CODE_GROUP_SEPARATOR)
        .map(|part| parse_code(field, part))
        .collect::<Result<Vec<_>>>()
        .map_err(|_| {
            Error::invalid(
                field,
                text,
                "a credential code of letters, digits and '-' (like RHIT or CCS-P), \
                 or several joined by '|' when any one of them will do (like \"RHIT|RHIA\", quoted)",
            )
        })?;
    Ok(code_group(&codes))
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

/// The largest cell an import takes (DESIGN §10.7).
pub const MAX_FIELD: usize = 1 << 20;

/// The most columns an import's header may have.
pub const MAX_COLUMNS: usize = 1000;

/// The bytes one CSV record may take before reading stops: room for many
/// full-size cells, and a bound on memory for input such as `/dev/zero`
/// that never ends a record.
pub const MAX_RECORD: u64 = 16 << 20;

/// A reader that fails (`FileTooLarge`) once `MAX_RECORD` bytes pass
/// without `RecordBudget::reset`, which the CSV reader's caller calls after
/// each record.
pub struct Bounded<R> {
    inner: R,
    taken: std::rc::Rc<std::cell::Cell<u64>>,
}

/// The handle that starts a new record's budget.
pub struct RecordBudget(std::rc::Rc<std::cell::Cell<u64>>);

impl RecordBudget {
    /// A record was read: the next one starts with a full budget.
    pub fn reset(&self) {
        self.0.set(0);
    }
}

/// Wraps `inner` with the per-record budget.
pub fn bounded<R: std::io::Read>(inner: R) -> (Bounded<R>, RecordBudget) {
    let taken = std::rc::Rc::new(std::cell::Cell::new(0));
    (
        Bounded {
            inner,
            taken: taken.clone(),
        },
        RecordBudget(taken),
    )
}

impl<R: std::io::Read> std::io::Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.taken.get() > MAX_RECORD {
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!(
                    "a row runs over {} MiB without ending; a cell may hold at most 1 MiB",
                    MAX_RECORD >> 20
                ),
            ));
        }
        let n = self.inner.read(buf)?;
        self.taken.set(self.taken.get() + n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn salary(text: &str) -> (f64, f64, PayPeriod) {
        let s = parse_salary("--salary", text).unwrap();
        (s.min, s.max, s.period)
    }

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
        use PayPeriod::{Hour, Month, Year};
        assert_eq!(salary("42000-48000"), (42000.0, 48000.0, Year));
        assert_eq!(salary("45000"), (45000.0, 45000.0, Year));
        assert_eq!(salary("42k-48k"), (42000.0, 48000.0, Year));
        assert_eq!(salary("42,000 - 48,000"), (42000.0, 48000.0, Year));
        assert_eq!(salary("$52.5k"), (52500.0, 52500.0, Year));
        assert_eq!(salary("45-50k"), (45000.0, 50000.0, Year));
        assert_eq!(salary("45K-50"), (45000.0, 50000.0, Year));
        assert_eq!(salary("42000-48k"), (42000.0, 48000.0, Year));
        assert_eq!(salary("$45,000 \u{2013} $50,000"), (45000.0, 50000.0, Year));
        assert_eq!(salary("45k\u{2014}50k/yr"), (45000.0, 50000.0, Year));
        assert_eq!(salary("$19-22/hr"), (19.0, 22.0, Hour));
        assert_eq!(salary("$19.50 - $22.75 / hour"), (19.5, 22.75, Hour));
        assert_eq!(salary("3,500/mo"), (3500.0, 3500.0, Month));
        assert_eq!(salary("4k/month"), (4000.0, 4000.0, Month));
        assert_eq!(salary("60000/year"), (60000.0, 60000.0, Year));
    }

    #[test]
    fn salary_annual_equivalents() {
        let hourly = parse_salary("--salary", "19-22/hr").unwrap();
        assert_eq!(hourly.annual_max(), 45760.0);
        let monthly = parse_salary("--salary", "3,500/mo").unwrap();
        assert_eq!(monthly.annual_max(), 42000.0);
        assert_eq!(
            PayPeriod::per_year_sql("p"),
            "(CASE p WHEN 'hour' THEN 2080 WHEN 'month' THEN 12 WHEN 'year' THEN 1 END)"
        );
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
            "45-50",
            "0",
            "19.505/hr",
            "20/day",
            "20/",
        ] {
            let err = parse_salary("--salary", bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
            assert!(err.to_string().contains("--salary"), "{bad:?}: {err}");
        }
        let err = parse_salary("--salary", "45-50").unwrap_err().to_string();
        assert!(err.contains("45k") && err.contains("/hr"), "{err}");
    }

    #[test]
    fn sources_are_normalized() {
        for (typed, stored) in [
            ("Indeed.com", "indeed"),
            ("indeed", "indeed"),
            ("  INDEED  ", "indeed"),
            ("www.indeed.com", "indeed"),
            ("career fair", "career_fair"),
            ("Career  -  Fair", "career_fair"),
            ("career_fair", "career_fair"),
            ("idealist.org", "idealist"),
            ("handshake.net", "handshake"),
            ("health-ecareers.com", "health_ecareers"),
            ("-linkedin-", "linkedin"),
            ("company website", "company_website"),
        ] {
            assert_eq!(
                normalize_source(typed).as_deref(),
                Some(stored),
                "{typed:?}"
            );
        }
        assert_eq!(normalize_source(" . - "), None);
        assert_eq!(
            normalize_source("www.jobs.com.org").as_deref(),
            Some("jobs")
        );
        assert_eq!(normalize_source("www.com").as_deref(), Some("com"));
        assert_eq!(normalize_source(""), None);
        // Only a whole word is dropped.
        assert_eq!(normalize_source("dotcom").as_deref(), Some("dotcom"));
    }

    #[test]
    fn codes_are_upper_cased() {
        assert_eq!(parse_code("--requires", " rhit ").unwrap(), "RHIT");
        assert_eq!(parse_code("--requires", "ccs-p").unwrap(), "CCS-P");
        assert!(parse_code("--requires", "R H").is_err());
        assert_eq!(
            parse_code_group("--requires", " rhit | RHIA ").unwrap(),
            "RHIA|RHIT"
        );
        assert_eq!(parse_code_group("--requires", "RHIT|rhit").unwrap(), "RHIT");
        assert_eq!(parse_code_group("--requires", "CCS-P").unwrap(), "CCS-P");
        assert!(parse_code_group("--requires", "RHIT|").is_err());
        assert!(parse_code_group("--requires", "RHIT||RHIA").is_err());
        assert_eq!(code_group_words("RHIA|RHIT"), "RHIA or RHIT");
        let groups = |list: &[&str]| list.iter().map(|g| g.to_string()).collect::<Vec<_>>();
        assert_eq!(code_groups_words(&groups(&["RHIA|RHIT"])), "RHIA or RHIT");
        assert_eq!(code_groups_words(&groups(&["CCS", "RHIT"])), "CCS, RHIT");
        assert_eq!(
            code_groups_words(&groups(&["CHPS", "RHIA|RHIT"])),
            "CHPS, (RHIA or RHIT)"
        );
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
