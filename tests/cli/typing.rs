//! What people type, as DESIGN §10.3 reads it: every date form through real
//! commands with today pinned (a Thursday, 2026-11-26), past-only and
//! future-allowed fields, month-only education and work dates, pay with
//! periods, normalized sources, and goals per week and month.

use serde_json::{json, Value};

use crate::util::TestEnv;

/// `app add --applied TEXT` (a past field): the stored `applied_on`.
fn applied(env: &TestEnv, text: &str) -> Value {
    let app = env.json(&["app", "add", "Mercy Health", "HIT", "--applied", text]);
    app["applied_on"].clone()
}

#[test]
fn past_fields_read_every_date_form_backward() {
    let env = TestEnv::new();
    for (typed, stored) in [
        ("2026-11-20", "2026-11-20"),
        ("20261120", "2026-11-20"),
        ("11/20/2026", "2026-11-20"),
        ("11/20", "2026-11-20"),
        ("Nov 20", "2026-11-20"),
        ("November 20, 2026", "2026-11-20"),
        ("20 Nov 2026", "2026-11-20"),
        ("nov 20 2026", "2026-11-20"),
        ("today", "2026-11-26"),
        ("yesterday", "2026-11-25"),
        ("-3d", "2026-11-23"),
        ("-1w", "2026-11-19"),
        ("-1m", "2026-10-26"),
        ("3 days ago", "2026-11-23"),
        ("2 weeks ago", "2026-11-12"),
        ("1 month ago", "2026-10-26"),
        ("1 year ago", "2025-11-26"),
        ("mon", "2026-11-23"),
        ("Monday", "2026-11-23"),
        ("thu", "2026-11-26"),
        ("fri", "2026-11-20"),
        ("last thu", "2026-11-19"),
        ("last friday", "2026-11-20"),
        // A date without a year is the latest one on or before today.
        ("Dec 1", "2025-12-01"),
        ("12/1", "2025-12-01"),
        ("  TODAY  ", "2026-11-26"),
    ] {
        assert_eq!(applied(&env, typed), json!(stored), "--applied {typed:?}");
    }
}

#[test]
fn past_fields_refuse_the_future_and_write_nothing() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    env.ok(&["contact", "add", "Dana Reyes"]);
    env.ok(&["cert", "add", "RHIT"]);
    let before = env.count("SELECT count(*) FROM applications");
    for args in [
        &[
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--applied",
            "tomorrow",
        ][..],
        &["app", "add", "Mercy Health", "Coder", "--applied", "+2d"],
        &[
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--applied",
            "in 3 days",
        ],
        &[
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--applied",
            "next fri",
        ],
        &[
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--applied",
            "2026-12-01",
        ],
        &["app", "set", "1", "screening", "--on", "tomorrow"],
        &["app", "note", "1", "Called", "--on", "in 2 days"],
        &["contact", "log", "1", "--on", "next mon"],
        &["volunteer", "log", "St. Brendan", "3", "--on", "+1d"],
        &["cert", "score", "RHIT", "350", "--on", "in 1 week"],
        &["cert", "ceu", "RHIT", "1", "--on", "tomorrow"],
    ] {
        let err = env.fails(2, args);
        assert!(err.contains("cannot be after today"), "{args:?}: {err}");
    }
    assert_eq!(env.count("SELECT count(*) FROM applications"), before);
    assert_eq!(env.count("SELECT count(*) FROM interactions"), 0);
    assert_eq!(env.count("SELECT count(*) FROM volunteer_shifts"), 0);
    assert_eq!(env.count("SELECT count(*) FROM ceus"), 0);
    // A bare weekday on a past field is the latest one: last Friday.
    let shift = env.json(&["volunteer", "log", "St. Brendan", "3", "--on", "fri"]);
    assert_eq!(shift["date"], "2026-11-20");
}

/// `app edit 1 --follow-up TEXT` (an ahead field): the stored follow-up.
fn follow_up(env: &TestEnv, text: &str) -> Value {
    env.json(&["app", "edit", "1", "--follow-up", text])["follow_up_on"].clone()
}

#[test]
fn ahead_fields_read_every_date_form_forward() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    for (typed, stored) in [
        ("2026-12-04", "2026-12-04"),
        ("20261204", "2026-12-04"),
        ("12/4/2026", "2026-12-04"),
        ("tomorrow", "2026-11-27"),
        ("+2w", "2026-12-10"),
        ("+1y", "2027-11-26"),
        ("in 3 days", "2026-11-29"),
        ("in 1 month", "2026-12-26"),
        ("fri", "2026-11-27"),
        ("thu", "2026-11-26"),
        ("next thu", "2026-12-03"),
        ("next fri", "2026-11-27"),
        ("Dec 1", "2026-12-01"),
        ("12/1", "2026-12-01"),
        ("1/15", "2027-01-15"),
        ("January 15", "2027-01-15"),
        // Within the last 30 days a yearless date stays in this year…
        ("Nov 20", "2026-11-20"),
        // …and further back it is next year's.
        ("Oct 1", "2027-10-01"),
        // The past is allowed too.
        ("3 days ago", "2026-11-23"),
    ] {
        assert_eq!(
            follow_up(&env, typed),
            json!(stored),
            "--follow-up {typed:?}"
        );
    }
}

#[test]
fn future_allowed_fields_take_the_next_day_named() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    let event = env.json(&["event", "add", "Ohio HIMA", "Fall meeting", "--on", "fri"]);
    assert_eq!(event["date"], "2026-11-27");
    let interview = env.json(&["app", "interview", "1", "--on", "next tue"]);
    let dates: Vec<&Value> = interview["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "interview")
        .map(|e| &e["date"])
        .collect();
    assert_eq!(dates, [&json!("2026-12-01")]);
    env.ok(&["cert", "add", "RHIT"]);
    let exam = env.json(&["cert", "exam", "RHIT", "--on", "Jan 15"]);
    assert_eq!(exam["exam_on"], "2027-01-15");
    let joined = env.json(&["org", "join", "Ohio HIMA", "--renews", "1/15"]);
    assert_eq!(joined["renews_on"], "2027-01-15");
    let contact = env.json(&["contact", "add", "Dana Reyes", "--follow-up", "in 2 weeks"]);
    assert_eq!(contact["follow_up_on"], "2026-12-10");
}

#[test]
fn range_fields_resolve_backward_but_allow_the_future() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "HIT",
        "--applied",
        "2026-11-19",
    ]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-23",
    ]);
    // Weekdays count back from today for --since.
    let titles = |since: &str| -> Vec<Value> {
        env.json(&["app", "list", "--since", since])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["title"].clone())
            .collect()
    };
    assert_eq!(titles("fri"), [json!("Coder")], "last Friday, the 20th");
    assert_eq!(titles("thu").len(), 0, "Thursday is today");
    assert_eq!(titles("last thu"), [json!("Coder"), json!("HIT")]);
    assert_eq!(titles("mon"), [json!("Coder")]);
    assert_eq!(titles("11/19"), [json!("Coder"), json!("HIT")]);
    // A range field may name the future.
    assert_eq!(titles("+1w").len(), 0);
}

#[test]
fn education_and_work_dates_take_months() {
    let env = TestEnv::new();
    let edu = env.json(&[
        "edu",
        "add",
        "associate",
        "Health Information Technology",
        "--started",
        "Aug 2024",
        "--completed",
        "May 2026",
        "--status",
        "completed",
    ]);
    assert_eq!(edu["started_on"], "2024-08-01");
    assert_eq!(edu["completed_on"], "2026-05-31");
    let work = env.json(&[
        "work",
        "add",
        "Mercy Health",
        "Clerk",
        "--from",
        "2024-06",
        "--to",
        "02/2026",
    ]);
    assert_eq!(work["started_on"], "2024-06-01");
    assert_eq!(work["ended_on"], "2026-02-28");
    // Full dates still work, and a bad month names the forms.
    let work = env.json(&["work", "edit", "1", "--from", "6/3/2024"]);
    assert_eq!(work["started_on"], "2024-06-03");
    let err = env.fails(
        2,
        &[
            "work",
            "add",
            "Mercy Health",
            "Aide",
            "--from",
            "Smarch 2024",
        ],
    );
    assert!(err.contains("--from") && err.contains("May 2026"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM experience"), 1);
}

#[test]
fn the_date_grammar_keeps_its_lines_whole_at_80_columns() {
    // Re-wrapped at 80 columns, a grammar line broke into a ragged tail
    // ("October" on one line, "1, 2026;" alone on the next).
    let env = TestEnv::new();
    let output = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["app", "add", "--help"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = help.lines().map(str::trim).collect();
    for line in [
        "Dates: YYYY-MM-DD, YYYYMMDD, M/D/YYYY, M/D; Oct 1, 1 Oct 2026,",
        "October 1, 2026; today, yesterday, tomorrow; +3d -2w +1m -1y;",
        "3 days ago, in 2 weeks; fri, friday, last fri, next fri. A date",
        "without a year is the nearest one in the direction the option allows.",
    ] {
        assert!(lines.contains(&line), "{line:?} is not whole in\n{help}");
    }
}

#[test]
fn every_date_option_shows_its_kind_and_the_grammar() {
    let env = TestEnv::new();
    let add = env.ok(&["app", "add", "--help"]);
    assert!(add.contains("a past date: not after today"), "{add}");
    assert!(
        add.contains("Dates: YYYY-MM-DD, YYYYMMDD, M/D/YYYY"),
        "{add}"
    );
    assert!(add.contains("3 days ago, in 2 weeks"), "{add}");
    let edit = env.ok(&["app", "edit", "--help"]);
    assert!(edit.contains("(future allowed)"), "{edit}");
    let list = env.ok(&["app", "list", "--help"]);
    assert!(list.contains("(any date)"), "{list}");
    let man = env.ok(&["man"]);
    let grammar_lines = man.matches("Dates: YYYY").count();
    // One per date option: at least app add/set/note/interview/edit/list,
    // contact, event, org, volunteer, edu, work, cert and report options.
    assert!(
        grammar_lines >= 25,
        "{grammar_lines} date options in the man page"
    );
    assert!(man.contains("future allowed"));
}

/// `app add … --salary TEXT`: the stored figures and period.
fn salary(env: &TestEnv, text: &str) -> (Value, Value, Value) {
    let app = env.json(&["app", "add", "Mercy Health", "HIT", "--salary", text]);
    (
        app["salary_min"].clone(),
        app["salary_max"].clone(),
        app["salary_period"].clone(),
    )
}

#[test]
fn salaries_are_read_as_posted() {
    let env = TestEnv::new();
    for (typed, min, max, period) in [
        ("45000", json!(45000), json!(45000), "year"),
        ("45k", json!(45000), json!(45000), "year"),
        ("45-50k", json!(45000), json!(50000), "year"),
        ("45k-50", json!(45000), json!(50000), "year"),
        ("42000-48k", json!(42000), json!(48000), "year"),
        ("$42,000 – $48,000", json!(42000), json!(48000), "year"),
        ("42k—48k", json!(42000), json!(48000), "year"),
        ("$19-22/hr", json!(19), json!(22), "hour"),
        ("$19.50 - $22.75 / hour", json!(19.5), json!(22.75), "hour"),
        ("3,500/mo", json!(3500), json!(3500), "month"),
        ("4k/month", json!(4000), json!(4000), "month"),
        ("60k/yr", json!(60000), json!(60000), "year"),
        ("52.5k/year", json!(52500), json!(52500), "year"),
    ] {
        assert_eq!(
            salary(&env, typed),
            (min, max, json!(period)),
            "--salary {typed:?}"
        );
    }
    // Stored as figures with cents, and shown with the period.
    let stored: (f64, String) = env
        .sql()
        .query_row(
            "SELECT salary_min, salary_period FROM applications WHERE id = 9",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (19.5, "hour".to_string()));
    let shown = env.ok(&["app", "show", "9"]);
    assert!(shown.contains("19.50–22.75 an hour"), "{shown}");
    assert!(env
        .ok(&["app", "show", "3"])
        .contains("45,000–50,000 a year"));
    assert!(env.ok(&["app", "show", "10"]).contains("3,500 a month"));
}

#[test]
fn unlikely_salaries_are_refused_with_the_forms() {
    let env = TestEnv::new();
    let err = env.fails(
        2,
        &["app", "add", "Mercy Health", "HIT", "--salary", "45-50"],
    );
    assert!(
        err.contains("--salary") && err.contains("45k") && err.contains("/hr"),
        "{err}"
    );
    for bad in ["20/day", "19.555/hr", "lots", "50k-40k", "45,00"] {
        let err = env.fails(2, &["app", "add", "Mercy Health", "HIT", "--salary", bad]);
        assert!(err.contains("--salary"), "{bad}: {err}");
    }
    assert!(!env.db.exists(), "refused before the database is touched");
    // Editing and clearing keep the period with the figures.
    env.ok(&["app", "add", "Mercy Health", "HIT", "--salary", "20/hr"]);
    let edited = env.json(&["app", "edit", "1", "--salary", "48k"]);
    assert_eq!(edited["salary_period"], "year");
    let cleared = env.json(&["app", "edit", "1", "--clear", "salary"]);
    assert_eq!(cleared["salary_min"], Value::Null);
    assert_eq!(cleared["salary_period"], Value::Null);
}

#[test]
fn min_salary_compares_annual_equivalents() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "A Clinic",
        "Scheduler",
        "--salary",
        "19-22/hr",
    ]); // up to 45,760
    env.ok(&["app", "add", "B Hospital", "Coder", "--salary", "42-48k"]);
    env.ok(&["app", "add", "C Health", "Clerk", "--salary", "3,500/mo"]); // 42,000
    env.ok(&["app", "add", "D Health", "Analyst", "--salary", "55k"]);
    env.ok(&["app", "add", "E Health", "Unpaid"]);
    let kept = |min: &str| -> Vec<String> {
        let mut titles: Vec<String> = env
            .json(&["app", "list", "--min-salary", min])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["title"].as_str().unwrap().to_string())
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(kept("45k"), ["Analyst", "Coder", "Scheduler"]);
    assert_eq!(kept("45,761"), ["Analyst", "Coder"]);
    assert_eq!(kept("48000"), ["Analyst", "Coder"]);
    assert_eq!(kept("42k"), ["Analyst", "Clerk", "Coder", "Scheduler"]);
    assert_eq!(kept("25/hr"), ["Analyst"], "25/hr is 52,000 a year");
    assert_eq!(kept("4,500/mo"), ["Analyst"]);
    let err = env.fails(2, &["app", "list", "--min-salary", "45"]);
    assert!(err.contains("--min-salary"), "{err}");
}

#[test]
fn salary_periods_travel_through_export_and_import() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Scheduler",
        "--salary",
        "19.50-22/hr",
    ]);
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let csv = env.ok(&["export", "applications"]);
    assert!(csv.contains(",19.5,22,hour,"), "{csv}");
    let json = env.json(&["export", "applications"]);
    assert_eq!(json[0]["salary_min"], 19.5);
    assert_eq!(json[0]["salary_max"], 22);
    assert_eq!(json[0]["salary_period"], "hour");
    assert_eq!(json[1]["salary_period"], Value::Null);
    let file = env.path("apps.csv");
    std::fs::write(&file, &csv).unwrap();
    let other = TestEnv::new();
    other.ok(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(other.ok(&["export", "applications"]), csv);

    // A file from before pay periods: a salary is yearly, none is none.
    let old = env.path("old.csv");
    std::fs::write(
        &old,
        "org,title,salary_min,salary_max\nMercy Health,HIT,42000,48000\nMercy Health,Clerk,,\n",
    )
    .unwrap();
    let fresh = TestEnv::new();
    fresh.ok(&["import", "applications", old.to_str().unwrap()]);
    let apps = fresh.json(&["export", "applications"]);
    assert_eq!(apps[0]["salary_period"], "year");
    assert_eq!(apps[1]["salary_period"], Value::Null);
}

#[test]
fn sources_are_normalized_on_write_filter_and_import() {
    let env = TestEnv::new();
    for (title, typed) in [
        ("A", "Indeed.com"),
        ("B", "indeed"),
        ("C", "www.indeed.com"),
        ("D", "career fair"),
        ("E", "Career-Fair"),
    ] {
        env.ok(&["app", "add", "Mercy Health", title, "--source", typed]);
    }
    let stored: Vec<String> = {
        let conn = env.sql();
        let mut statement = conn
            .prepare("SELECT source FROM applications ORDER BY id")
            .unwrap();
        let rows = statement.query_map([], |r| r.get(0)).unwrap();
        rows.map(|r| r.unwrap()).collect()
    };
    assert_eq!(
        stored,
        ["indeed", "indeed", "indeed", "career_fair", "career_fair"]
    );
    let count = |source: &str| {
        env.json(&["app", "list", "--source", source])
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count("INDEED.COM"), 3);
    assert_eq!(count("career fair"), 2);
    let funnel = env.json(&["report", "apps"]);
    assert_eq!(funnel["by_source"].as_array().unwrap().len(), 2, "{funnel}");
    let edited = env.json(&["app", "edit", "5", "--source", "LinkedIn.com"]);
    assert_eq!(edited["source"], "linkedin");

    let file = env.path("apps.csv");
    std::fs::write(&file, "org,title,source\nMercy Health,F,Indeed.com\n").unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(count("indeed"), 4);
}

#[test]
fn a_new_source_close_to_a_stored_one_is_noted() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "A", "--source", "indeed"]);
    let output = env
        .cmd()
        .args(["app", "add", "Mercy Health", "B", "--source", "indead"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("\"indead\" is a new source") && stderr.contains("--source indeed"),
        "{stderr}"
    );
    // A source already used, or far from every stored one, says nothing.
    for source in ["indeed", "handshake"] {
        let output = env
            .cmd()
            .args(["app", "add", "Mercy Health", "C", "--source", source])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("new source"), "{source}: {stderr}");
    }
}

#[test]
fn goals_per_week_and_month_with_interviews_events_and_history() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "HIT",
        "--applied",
        "2026-11-02",
    ]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-24",
    ]);
    env.ok(&["app", "interview", "1", "--on", "2026-11-10"]);
    env.ok(&["app", "interview", "2", "--on", "2026-11-25"]);
    // Planned: not counted until it happens.
    env.ok(&["app", "interview", "2", "--on", "2026-11-28"]);
    env.ok(&[
        "event",
        "add",
        "Ohio HIMA",
        "Chapter meeting",
        "--on",
        "2026-11-18",
    ]);
    env.ok(&[
        "event",
        "add",
        "Ohio HIMA",
        "Career fair",
        "--on",
        "2026-11-30",
    ]);

    env.ok(&["goal", "set", "applications", "1", "--per", "week"]);
    env.ok(&["goal", "set", "applications", "4", "--per", "month"]);
    let interviews = env.json(&["goal", "set", "interviews", "1", "--per", "week"]);
    assert_eq!(interviews["done"], 1, "the 28th is planned, not done");
    let events = env.json(&["goal", "set", "events", "2", "--per", "month"]);
    assert_eq!(events["done"], 1, "the 30th has not happened");

    let goals = env.json(&["goal", "list"]);
    let keys: Vec<(Value, Value)> = goals
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["metric"].clone(), g["period"].clone()))
        .collect();
    assert_eq!(
        keys,
        [
            (json!("applications"), json!("week")),
            (json!("applications"), json!("month")),
            (json!("interviews"), json!("week")),
            (json!("events"), json!("month")),
        ]
    );
    assert!(goals[0].get("history").is_none());

    let with_history = env.json(&["goal", "list", "--weeks", "4"]);
    assert_eq!(
        with_history[0]["history"],
        json!([
            {"start": "2026-11-02", "done": 1, "target": 1, "met": true},
            {"start": "2026-11-09", "done": 0, "target": 1, "met": false},
            {"start": "2026-11-16", "done": 0, "target": 1, "met": false},
            {"start": "2026-11-23", "done": 1, "target": 1, "met": true},
        ])
    );
    assert_eq!(
        with_history[2]["history"][1],
        json!({"start": "2026-11-09", "done": 1, "target": 1, "met": true})
    );
    // A monthly goal shows the months those weeks touch.
    assert_eq!(
        with_history[1]["history"],
        json!([{"start": "2026-11-01", "done": 2, "target": 4, "met": false}])
    );
    let six = env.json(&["goal", "list", "--weeks", "6"]);
    assert_eq!(
        six[3]["history"].as_array().unwrap().len(),
        2,
        "October and November"
    );

    let text = env.ok(&["goal", "list", "--weeks", "4"]);
    assert!(text.contains("week of 2026-11-09"), "{text}");
    assert!(text.contains("missed") && text.contains("met"), "{text}");
    assert!(text.contains("November 2026"), "{text}");
    for bad in ["0", "x", "-2"] {
        let err = env.fails(2, &["goal", "list", "--weeks", bad]);
        assert!(err.contains("--weeks"), "{bad}: {err}");
    }

    // rm with --per removes one period; without it, both.
    let removed = env.ok(&["goal", "rm", "applications", "--per", "week"]);
    assert!(
        removed.contains("Removed the weekly applications goal"),
        "{removed}"
    );
    env.fails(2, &["goal", "rm", "applications", "--per", "week"]);
    env.ok(&["goal", "set", "applications", "2", "--per", "week"]);
    let both = env.ok(&["goal", "rm", "applications"]);
    assert!(
        both.contains("Removed the weekly and monthly applications goals"),
        "{both}"
    );
    assert_eq!(env.count("SELECT count(*) FROM goals"), 2);
}
