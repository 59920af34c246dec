//! Property tests through the binary: any text survives a CSV export and a
//! re-import exactly, whatever characters it holds. Also, through the
//! library, the date grammar every date option reads: each written form of a
//! date reads back as that date, and no text makes it panic; and the same
//! for salaries and sources.

use chrono::{Datelike, Days, NaiveDate};
use jobtrack::dates::{parse_as, parse_month, DateKind};
use jobtrack::input::{normalize_source, parse_salary, PayPeriod};
use proptest::prelude::*;

use crate::util::TestEnv;

/// Text as users paste it: any characters but NUL, not only spaces (an
/// all-space cell is an empty one by design).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,40}",
        "[=+\\-@'\t\r\n\",; a-zé✓\u{202e}]{1,30}",
        any::<String>(),
    ]
    .prop_filter("not empty and NUL-free", |s| {
        !s.trim().is_empty() && !s.contains('\0')
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_text_round_trips_through_csv(title in any_text(), notes in any_text(), org in any_text()) {
        let env = TestEnv::new();
        env.ok(&["init"]);
        let org = org.split_whitespace().collect::<Vec<_>>().join(" ");
        // `-` is refused as an organization name (it would mean standard input).
        prop_assume!(org != "-");
        {
            let conn = env.sql();
            conn.execute(
                "INSERT INTO organizations (name, created_at) VALUES (?1, '2026-11-01T00:00:00Z')",
                [&org],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO applications (org_id, title, status, notes, created_at, updated_at)
                 VALUES (1, ?1, 'applied', ?2, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')",
                [&title, &notes],
            )
            .unwrap();
        }
        let first = env.path("first");
        env.ok(&["export", "--all", "--out", first.to_str().unwrap()]);
        let copy = TestEnv::new();
        copy.ok(&["import", "--all", first.to_str().unwrap()]);
        let stored: (String, String, String) = copy
            .sql()
            .query_row(
                "SELECT a.title, a.notes, o.name FROM applications a JOIN organizations o ON o.id = a.org_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        prop_assert_eq!(stored, (title, notes, org));
        let second = copy.path("second");
        copy.ok(&["export", "--all", "--out", second.to_str().unwrap()]);
        for table in ["organizations", "applications"] {
            let a = std::fs::read(first.join(format!("{table}.csv"))).unwrap();
            let b = std::fs::read(second.join(format!("{table}.csv"))).unwrap();
            prop_assert_eq!(a, b, "{}.csv differs", table);
        }
    }
}

const KINDS: [DateKind; 3] = [DateKind::Past, DateKind::Ahead, DateKind::Range];

/// Any day jobtrack keeps: years 1 to 9999.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    (1i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// A day and a today that are sometimes the same and often close.
fn day_and_today() -> impl Strategy<Value = (NaiveDate, NaiveDate)> {
    prop_oneof![
        (any_day(), any_day()),
        (any_day(), -400i64..400).prop_filter_map("inside the years", |(day, shift)| {
            let today = day.checked_add_signed(chrono::TimeDelta::days(shift))?;
            (1..=9999).contains(&today.year()).then_some((day, today))
        }),
    ]
}

/// The forms that name a day with its year, written for `day`.
fn written_forms(day: NaiveDate) -> Vec<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, d) = (day.year(), day.month(), day.day());
    let name = MONTHS[m as usize - 1];
    let short = &name[..3];
    vec![
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{y:04}{m:02}{d:02}"),
        format!("{m}/{d}/{y:04}"),
        format!("{m:02}/{d:02}/{y:04}"),
        format!("{name} {d}, {y:04}"),
        format!("{d} {short} {y:04}"),
        format!("{} {d} {y:04}", short.to_lowercase()),
        format!("{} {d}, {y:04}", name.to_uppercase()),
    ]
}

proptest! {
    #[test]
    fn every_written_form_of_a_day_reads_back_as_that_day((day, today) in day_and_today()) {
        for text in written_forms(day) {
            for kind in KINDS {
                let read = parse_as("--on", &text, today, kind);
                if kind == DateKind::Past && day > today {
                    let message = read.unwrap_err().to_string();
                    prop_assert!(message.contains("--on cannot be after today"), "{}", message);
                } else {
                    prop_assert_eq!(read.unwrap(), day, "{} from {} as {:?}", text, today, kind);
                }
            }
            prop_assert_eq!(parse_month("--from", &text, today, true).unwrap(), day);
        }
    }

    #[test]
    fn counted_days_ago_and_ahead_are_exact(today in any_day(), n in 0u32..=99999) {
        let back = today.checked_sub_days(Days::new(n.into())).filter(|d| d.year() >= 1);
        let ahead = today.checked_add_days(Days::new(n.into())).filter(|d| d.year() <= 9999);
        for kind in KINDS {
            let ago = parse_as("--on", &format!("{n} days ago"), today, kind);
            match back {
                Some(expected) => prop_assert_eq!(ago.unwrap(), expected),
                None => prop_assert!(ago.unwrap_err().to_string().contains("9999-12-31")),
            }
            let within = parse_as("--on", &format!("in {n} days"), today, kind);
            match ahead {
                Some(expected) if kind != DateKind::Past || n == 0 => {
                    prop_assert_eq!(within.unwrap(), expected);
                }
                _ => prop_assert!(within.is_err()),
            }
        }
    }

    #[test]
    fn months_read_as_their_first_and_last_days(today in any_day(), day in any_day()) {
        let (y, m) = (day.year(), day.month());
        let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        let last = first.checked_add_months(chrono::Months::new(1)).unwrap().pred_opt().unwrap();
        let name = first.format("%B").to_string();
        for text in [format!("{name} {y:04}"), format!("{y:04}-{m:02}"), format!("{m:02}/{y:04}"), format!("{m}/{y:04}")] {
            prop_assert_eq!(parse_month("--from", &text, today, false).unwrap(), first);
            prop_assert_eq!(parse_month("--to", &text, today, true).unwrap(), last);
        }
    }

    #[test]
    fn any_text_is_a_date_or_an_error_naming_the_field(
        text in prop_oneof![
            "\\PC{0,30}",
            "[0-9a-z/,.+ -]{0,16}",
            any::<String>(),
        ],
        today in any_day(),
    ) {
        for kind in KINDS {
            match parse_as("--on", &text, today, kind) {
                Ok(date) => {
                    prop_assert!((1..=9999).contains(&date.year()));
                    prop_assert!(kind != DateKind::Past || date <= today);
                }
                Err(error) => {
                    prop_assert!(error.to_string().contains("--on"));
                    prop_assert_eq!(error.exit_code(), 2);
                }
            }
        }
        for end in [false, true] {
            if let Err(error) = parse_month("--from", &text, today, end) {
                prop_assert!(error.to_string().contains("--from"));
                prop_assert_eq!(error.exit_code(), 2);
            }
        }
    }
}

/// A figure of pay in cents, with its written forms: plain, with
/// thousands separators and a `$`.
fn written_amounts(cents: i64) -> Vec<String> {
    let whole = cents / 100;
    let fraction = if cents % 100 == 0 {
        String::new()
    } else {
        format!(".{:02}", cents % 100)
    };
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    vec![
        format!("{whole}{fraction}"),
        format!("{grouped}{fraction}"),
        format!("${grouped}{fraction}"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_written_range_reads_back_with_its_period(
        low in 0i64..=50_000_000,
        extra in 0i64..=5_000_000,
        period in prop::sample::select(vec![
            ("/hr", PayPeriod::Hour),
            ("/hour", PayPeriod::Hour),
            ("/mo", PayPeriod::Month),
            ("/month", PayPeriod::Month),
            ("/yr", PayPeriod::Year),
            ("", PayPeriod::Year),
        ]),
        dash in prop::sample::select(vec!["-", " - ", "\u{2013}", " \u{2014} "]),
    ) {
        let high = low + extra;
        let (suffix, expected) = period;
        for (low_text, high_text) in written_amounts(low).into_iter().zip(written_amounts(high)) {
            let text = format!("{low_text}{dash}{high_text}{suffix}");
            let read = parse_salary("--salary", &text);
            if expected == PayPeriod::Year && low < 100_000 {
                let error = read.unwrap_err();
                prop_assert!(error.to_string().contains("--salary"));
                prop_assert_eq!(error.exit_code(), 2);
                continue;
            }
            let salary = read.unwrap();
            prop_assert_eq!(salary.min, low as f64 / 100.0, "{}", text);
            prop_assert_eq!(salary.max, high as f64 / 100.0, "{}", text);
            prop_assert_eq!(salary.period, expected);
            prop_assert!(salary.annual_max() >= salary.max);
        }
    }

    #[test]
    fn thousands_read_as_thousands(
        (low, high) in (1i64..=999).prop_flat_map(|low| (Just(low), low..=999)),
    ) {
        for text in [format!("{low}-{high}k"), format!("{low}k-{high}"), format!("{low}k-{high}k")] {
            let salary = parse_salary("--salary", &text).unwrap();
            prop_assert_eq!(salary.min, (low * 1000) as f64, "{}", text);
            prop_assert_eq!(salary.max, (high * 1000) as f64, "{}", text);
        }
    }

    #[test]
    fn any_text_is_a_salary_or_an_error_naming_the_field(
        text in prop_oneof!["\\PC{0,30}", "[0-9kK$,./ \u{2013}-]{0,16}(/hr|/mo)?", any::<String>()],
    ) {
        match parse_salary("--min-salary", &text) {
            Ok(salary) => {
                prop_assert!(salary.min <= salary.max);
                prop_assert!(salary.min >= 0.0);
                prop_assert_eq!((salary.max * 100.0).round() / 100.0, salary.max);
            }
            Err(error) => {
                prop_assert!(error.to_string().contains("--min-salary"));
                prop_assert_eq!(error.exit_code(), 2);
            }
        }
    }

    #[test]
    fn sources_normalize_once_and_fit_the_schema(text in prop_oneof![
        "[A-Za-z .\\-_]{0,20}(\\.com|\\.org)?",
        "\\PC{0,20}",
    ]) {
        if let Some(source) = normalize_source(&text) {
            prop_assert_eq!(normalize_source(&source), Some(source.clone()));
            prop_assert!(!source.is_empty());
            prop_assert_eq!(source.trim(), source.as_str());
            prop_assert!(!source.contains(|c: char| c.is_whitespace() || c == '.' || c == '-'));
            prop_assert!(!source.starts_with('_') && !source.ends_with('_'));
            prop_assert_eq!(source.to_lowercase(), source.clone());
        }
    }
}
