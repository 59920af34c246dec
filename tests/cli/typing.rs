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
