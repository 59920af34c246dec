//! `jobtrack volunteer …` (alias `vol`): shifts, hours and totals.

use crate::util::TestEnv;

#[test]
fn log_prints_the_shift_and_the_running_total() {
    let env = TestEnv::new();
    let shift = env.json(&[
        "volunteer",
        "log",
        "Mercy Health",
        "4",
        "--role",
        "HIM volunteer",
        "--on",
        "yesterday",
    ]);
    assert_eq!(shift["id"], 1);
    assert_eq!(shift["org"], "Mercy Health");
    assert_eq!(shift["hours"], 4.0);
    assert_eq!(shift["date"], "2026-11-25");
    assert_eq!(shift["role"], "HIM volunteer");
    assert_eq!(shift["notes"], serde_json::Value::Null);
    let human = env.ok(&["vol", "log", "mercy health", "2.25"]);
    assert_eq!(
        human.trim(),
        "Logged 2.25 hours at Mercy Health on 2026-11-26 (shift 2; 6.25 hours there in all)"
    );
    assert_eq!(env.ok(&["-q", "vol", "log", "Red Cross", "1"]).trim(), "3");
}

#[test]
fn hours_outside_the_range_or_not_numbers_are_refused_and_nothing_is_written() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Mercy Health", "1"]);
    let err = env.fails(2, &["vol", "log", "X", "-3"]);
    assert_eq!(
        err.trim(),
        "error: hours must be more than 0 and at most 24 (got -3)"
    );
    for bad in ["0", "25", "24.5"] {
        let err = env.fails(2, &["vol", "log", "X", bad]);
        assert!(err.contains("more than 0 and at most 24"), "{bad}: {err}");
    }
    for bad in ["abc", "1.234", "2h"] {
        let err = env.fails(2, &["vol", "log", "X", bad]);
        assert!(err.contains("hours"), "{bad}: {err}");
    }
    let err = env.fails(2, &["vol", "log", "X", "2", "--on", "tomorrow"]);
    assert!(err.contains("--on cannot be after today"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM volunteer_shifts"), 1);
    assert_eq!(
        env.count("SELECT count(*) FROM organizations WHERE name = 'X'"),
        0
    );
}

#[test]
fn list_totals_hours_by_organization_with_filters() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Mercy Health", "4", "--on", "2026-10-01"]);
    env.ok(&["vol", "log", "Red Cross", "2.5", "--on", "2026-10-15"]);
    env.ok(&["vol", "log", "Mercy Health", "3.25", "--on", "2026-11-20"]);
    let all = env.json(&["vol", "list"]);
    assert_eq!(all["total_hours"], 9.75);
    assert_eq!(all["shifts"].as_array().unwrap().len(), 3);
    assert_eq!(all["shifts"][0]["date"], "2026-11-20", "newest first");
    assert_eq!(all["by_org"][0]["org"], "Mercy Health");
    assert_eq!(all["by_org"][0]["hours"], 7.25);
    assert_eq!(all["by_org"][0]["shifts"], 2);
    assert_eq!(all["by_org"][1]["org"], "Red Cross");
    assert_eq!(all["by_org"][1]["hours"], 2.5);

    let mercy = env.json(&["vol", "list", "--org", "MERCY HEALTH"]);
    assert_eq!(mercy["total_hours"], 7.25);
    let october = env.json(&[
        "vol",
        "list",
        "--since",
        "2026-10-01",
        "--until",
        "2026-10-31",
    ]);
    assert_eq!(october["total_hours"], 6.5);
    assert_eq!(october["by_org"].as_array().unwrap().len(), 2);

    let human = env.ok(&["vol", "list"]);
    assert!(human.contains("Total: 9.75 hours"), "{human}");
    assert!(human.contains("Mercy Health"), "{human}");

    // Part of a name keeps the organizations it names, and says which.
    let output = env
        .cmd()
        .args(["vol", "list", "--org", "Mercy"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--org \"Mercy\" keeps 1 organization: Mercy Health"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Total: 7.25 hours"));

    let output = env
        .cmd()
        .args(["vol", "list", "--org", "Mercy Helth"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean \"Mercy Health\""));
    assert!(String::from_utf8_lossy(&output.stdout).contains("No volunteer shifts match"));
}

#[test]
fn rm_removes_one_shift() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Mercy Health", "4"]);
    env.ok(&["vol", "log", "Mercy Health", "2"]);
    let removed = env.json(&["vol", "rm", "1"]);
    assert_eq!(removed, serde_json::json!({"id": 1, "removed": true}));
    assert_eq!(env.json(&["vol", "list"])["total_hours"], 2.0);
    let err = env.fails(2, &["vol", "rm", "1"]);
    assert!(err.contains("no volunteer shift with id 1"), "{err}");
}

#[test]
fn reading_without_a_database_creates_nothing() {
    let env = TestEnv::new();
    let err = env.fails(1, &["vol", "list"]);
    assert!(err.contains("no database at"), "{err}");
    assert!(!env.db.exists());
}

#[test]
fn list_refuses_an_empty_range_naming_both_options() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Mercy Health", "2", "--on", "2026-11-10"]);
    let err = env.fails(
        2,
        &[
            "volunteer",
            "list",
            "--since",
            "2026-12-01",
            "--until",
            "2026-11-01",
        ],
    );
    assert_eq!(
        err.trim(),
        "error: --until (2026-11-01) is before --since (2026-12-01); give an --until on or after --since"
    );
    // The same as `report search-log` says for the same mistake.
    let log = env.fails(
        2,
        &[
            "report",
            "search-log",
            "--since",
            "2026-12-01",
            "--until",
            "2026-11-01",
        ],
    );
    assert_eq!(log, err);
    // Relative dates too, and with an unknown organization.
    let err = env.fails(
        2,
        &[
            "vol", "list", "--org", "Nowhere", "--since", "today", "--until", "-1w",
        ],
    );
    assert!(err.contains("--until") && err.contains("--since"), "{err}");
    // One day at both ends is a range.
    let one_day = env.json(&[
        "vol",
        "list",
        "--since",
        "2026-11-10",
        "--until",
        "2026-11-10",
    ]);
    assert_eq!(one_day["total_hours"], 2.0);
}

#[test]
fn shifts_adding_up_to_more_than_a_day_get_a_warning() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Mercy Health", "20", "--on", "2026-11-20"]);
    let output = env
        .cmd()
        .args(["vol", "log", "Riverside Clinic", "6", "--on", "2026-11-20"])
        .output()
        .unwrap();
    assert!(output.status.success(), "a warning, not a refusal");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("26 hours"),
        "{stderr}"
    );
    let quiet = env
        .cmd()
        .args(["vol", "log", "Riverside Clinic", "6", "--on", "2026-11-21"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("warning"));
}
