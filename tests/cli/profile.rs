//! `jobtrack edu …` and `jobtrack work …`: education and experience.

use serde_json::Value;

use crate::util::TestEnv;

#[test]
fn edu_add_defaults_the_status_from_completed() {
    let env = TestEnv::new();
    let done = env.json(&[
        "edu",
        "add",
        "associate",
        "Health Information Technology",
        "--school",
        "Cuyahoga CC",
        "--cahiim",
        "--completed",
        "2025-05-15",
    ]);
    assert_eq!(done["level"], "associate");
    assert_eq!(done["school"], "Cuyahoga CC");
    assert_eq!(done["cahiim_accredited"], true);
    assert_eq!(done["status"], "completed");
    assert_eq!(done["completed_on"], "2025-05-15");
    assert!(done.get("school_id").is_none());

    let studying = env.json(&["edu", "add", "bachelor", "Health Information Management"]);
    assert_eq!(studying["status"], "enrolled");
    assert_eq!(studying["cahiim_accredited"], false);
    assert_eq!(studying["school"], Value::Null);

    let list = env.json(&["edu", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["level"], "bachelor", "most advanced first");
}

#[test]
fn edu_add_refuses_contradictions_and_bad_levels() {
    let env = TestEnv::new();
    let err = env.fails(
        2,
        &[
            "edu",
            "add",
            "bachelor",
            "HIM",
            "--status",
            "enrolled",
            "--completed",
            "2025-05-15",
        ],
    );
    assert!(err.contains("--completed"), "{err}");
    let err = env.fails(
        2,
        &[
            "edu",
            "add",
            "bachelor",
            "HIM",
            "--started",
            "2025-01-01",
            "--completed",
            "2024-05-15",
        ],
    );
    assert!(err.contains("before --started"), "{err}");
    let err = env.fails(2, &["edu", "add", "phd", "HIM"]);
    assert!(err.contains("associate"), "lists the levels: {err}");
    let err = env.fails(2, &["edu", "add", "bachelor", "HIM", "--completed", "+1m"]);
    assert!(err.contains("after today"), "{err}");
    assert!(!env.db.exists() || env.count("SELECT count(*) FROM education") == 0);
}

#[test]
fn edu_help_explains_cahiim_and_health_informatics() {
    let env = TestEnv::new();
    let help = env.ok(&["edu", "add", "--help"]);
    assert!(help.contains("CAHIIM-accredited"), "{help}");
    assert!(help.contains("HIM"), "{help}");
    assert!(help.contains("health-informatics master's"), "{help}");
    assert!(help.contains("WITHOUT --cahiim"), "{help}");
}

#[test]
fn edu_edit_and_rm() {
    let env = TestEnv::new();
    env.ok(&[
        "edu", "add", "bachelor", "HIM", "--cahiim", "--school", "OSU",
    ]);
    let edited = env.json(&["edu", "edit", "1", "--status", "final_term"]);
    assert_eq!(edited["status"], "final_term");
    assert_eq!(edited["cahiim_accredited"], true, "kept");
    let finished = env.json(&["edu", "edit", "1", "--completed", "2026-05-15"]);
    assert_eq!(
        finished["status"], "completed",
        "--completed alone completes"
    );
    let plain = env.json(&["edu", "edit", "1", "--no-cahiim", "--clear", "school"]);
    assert_eq!(plain["cahiim_accredited"], false);
    assert_eq!(plain["school"], Value::Null);
    let err = env.fails(2, &["edu", "edit", "1"]);
    assert!(err.contains("nothing to change"), "{err}");
    let err = env.fails(2, &["edu", "edit", "9", "--field", "X"]);
    assert!(err.contains("no education row with id 9"), "{err}");
    assert_eq!(
        env.json(&["edu", "rm", "1"]),
        serde_json::json!({"id": 1, "removed": true})
    );
    assert_eq!(env.count("SELECT count(*) FROM education"), 0);
}

#[test]
fn work_add_list_and_years_with_overlaps_counted_once() {
    let env = TestEnv::new();
    let job = env.json(&[
        "work",
        "add",
        "Mercy Health",
        "Coder",
        "--from",
        "2021-01-01",
        "--to",
        "2022-12-31",
        "--healthcare",
    ]);
    assert_eq!(job["org"], "Mercy Health");
    assert_eq!(job["healthcare"], true);
    assert_eq!(job["ended_on"], "2022-12-31");
    env.ok(&[
        "work",
        "add",
        "St. Luke's",
        "Clerk",
        "--from",
        "2022-01-01",
        "--to",
        "2023-06-30",
        "--healthcare",
    ]);
    env.ok(&["work", "add", "Best Buy", "Sales", "--from", "2026-01-01"]);
    let list = env.json(&["work", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 3);
    assert_eq!(list[0]["ended_on"], Value::Null, "current job first");
    let human = env.ok(&["work", "list"]);
    // 911 days in healthcare (2.49 years) + 330 days at Best Buy.
    assert!(
        human.contains("Experience: 3.40 years, 2.49 of them in healthcare"),
        "{human}"
    );
}

#[test]
fn work_refuses_backwards_ranges_and_edits() {
    let env = TestEnv::new();
    let err = env.fails(
        2,
        &[
            "work",
            "add",
            "A",
            "B",
            "--from",
            "2024-01-01",
            "--to",
            "2023-01-01",
        ],
    );
    assert!(err.contains("before --from"), "{err}");
    let err = env.fails(2, &["work", "add", "A", "B"]);
    assert!(err.contains("--from"), "{err}");
    env.ok(&["work", "add", "A", "Coder", "--from", "2020-01-01"]);
    let ended = env.json(&["work", "edit", "1", "--to", "2024-12-31", "--healthcare"]);
    assert_eq!(ended["ended_on"], "2024-12-31");
    assert_eq!(ended["healthcare"], true);
    let open = env.json(&["work", "edit", "1", "--clear", "to", "--not-healthcare"]);
    assert_eq!(open["ended_on"], Value::Null);
    assert_eq!(open["healthcare"], false);
    assert_eq!(
        env.json(&["work", "rm", "1"]),
        serde_json::json!({"id": 1, "removed": true})
    );
    let err = env.fails(2, &["work", "rm", "1"]);
    assert!(err.contains("no job with id 1"), "{err}");
}
