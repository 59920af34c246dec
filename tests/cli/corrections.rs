//! Corrections: history entries, interactions and other records edited or
//! removed, with everything that depends on them following.

use crate::util::TestEnv;
use serde_json::Value;

/// The id of the application's history entry of `kind` that reached
/// `to_status` (or, for other kinds, the first of that kind).
fn entry(app: &Value, kind: &str, to_status: Option<&str>) -> i64 {
    app["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind && to_status.is_none_or(|s| e["to_status"] == s))
        .unwrap_or_else(|| panic!("no {kind} entry in {app}"))["id"]
        .as_i64()
        .unwrap()
}

#[test]
fn a_deleted_mistaken_status_leaves_the_funnel() {
    let env = TestEnv::new();
    let twin = TestEnv::new();
    for e in [&env, &twin] {
        e.ok(&[
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--applied",
            "2026-11-02",
            "--source",
            "indeed",
        ]);
    }
    env.ok(&["app", "set", "1", "rejected", "--on", "2026-11-20"]);
    assert_eq!(
        env.json(&["report", "apps"])["by_source"][0]["responses"],
        1
    );
    let shown = env.json(&["app", "show", "1"]);
    let rejected = entry(&shown, "status", Some("rejected"));
    let human = env.ok(&["app", "show", "1"]);
    assert!(
        human.contains(&format!(" {rejected} ")),
        "the entry id is shown:\n{human}"
    );
    let said = env.ok(&["app", "history", "rm", &rejected.to_string()]);
    assert_eq!(
        said,
        format!("Removed history entry {rejected} (rejected on 2026-11-20) from application 1; it is applied now\n")
    );
    // Exactly as if the mistake had never been made: status, follow-up,
    // history and the derived columns the reports read.
    let derived =
        "SELECT status, applied_on, follow_up_on, stage_since, last_activity_on, furthest_status, \
                   responded_on, first_interview_on, added_on FROM applications";
    let row = |e: &TestEnv| -> Vec<Option<String>> {
        e.sql()
            .query_row(derived, [], |r| (0..9).map(|i| r.get(i)).collect())
            .unwrap()
    };
    assert_eq!(row(&env), row(&twin));
    let strip = |mut v: Value| {
        v.as_object_mut().unwrap().remove("updated_at");
        v.as_object_mut().unwrap().remove("created_at");
        v
    };
    assert_eq!(
        strip(env.json(&["app", "show", "1"])),
        strip(twin.json(&["app", "show", "1"]))
    );
    assert_eq!(
        env.json(&["report", "apps"]),
        twin.json(&["report", "apps"])
    );
    assert_eq!(env.json(&["report", "apps"])["by_status"]["applied"], 1);
    // And it is one step to undo.
    env.ok(&["undo"]);
    assert_eq!(env.json(&["app", "show", "1"])["status"], "rejected");
}

#[test]
fn removing_a_middle_status_rechains_the_history() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-02",
    ]);
    env.ok(&["app", "set", "1", "screening", "--on", "2026-11-05"]);
    env.ok(&["app", "set", "1", "interview", "--on", "2026-11-10"]);
    let shown = env.json(&["app", "show", "1"]);
    env.ok(&[
        "app",
        "history",
        "rm",
        &entry(&shown, "status", Some("screening")).to_string(),
    ]);
    let shown = env.json(&["app", "show", "1"]);
    let statuses: Vec<(Value, Value)> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "status")
        .map(|e| (e["from_status"].clone(), e["to_status"].clone()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Value::Null, "applied".into()),
            ("applied".into(), "interview".into())
        ]
    );
    assert_eq!(shown["status"], "interview");
    assert_eq!(
        shown["follow_up_on"], "2026-11-14",
        "the interview's follow-up stays"
    );
    // Moving the first "applied" later moves applied_on with it.
    let first = entry(&shown, "status", Some("applied"));
    env.ok(&[
        "app",
        "history",
        "edit",
        &first.to_string(),
        "--on",
        "2026-11-03",
    ]);
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["applied_on"], "2026-11-03");
    assert_eq!(
        env.count("SELECT count(*) FROM application_events WHERE date = '2026-11-05'"),
        0
    );
}

#[test]
fn history_corrections_refuse_what_they_cannot_do() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-02",
    ]);
    env.ok(&["app", "note", "1", "Called HR", "--on", "2026-11-04"]);
    let shown = env.json(&["app", "show", "1"]);
    let first = entry(&shown, "status", None);
    let follow_up = entry(&shown, "follow_up", None);
    let before = env.count("SELECT count(*) FROM application_events");
    let err = env.fails(2, &["app", "history", "rm", &first.to_string()]);
    assert!(
        err.contains("first status") && err.contains("jobtrack app rm 1"),
        "{err}"
    );
    let err = env.fails(2, &["app", "history", "rm", &follow_up.to_string()]);
    assert!(err.contains("jobtrack app edit 1 --follow-up"), "{err}");
    let err = env.fails(
        2,
        &[
            "app",
            "history",
            "edit",
            &follow_up.to_string(),
            "--on",
            "2026-11-03",
        ],
    );
    assert!(err.contains("--follow-up"), "{err}");
    let err = env.fails(2, &["app", "history", "rm", "999"]);
    assert!(err.contains("no history entry 999"), "{err}");
    let err = env.fails(2, &["app", "history", "edit", &first.to_string()]);
    assert!(err.contains("--on DATE or --note TEXT"), "{err}");
    let err = env.fails(
        2,
        &[
            "app",
            "history",
            "edit",
            &first.to_string(),
            "--on",
            "2026-12-01",
        ],
    );
    assert!(err.contains("--on"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM application_events"), before);
    // A note entry's text and date can change, and it can go.
    let note = entry(&shown, "note", None);
    let changed = env.json(&[
        "app",
        "history",
        "edit",
        &note.to_string(),
        "--note",
        "Called HR twice",
    ]);
    assert_eq!(
        changed["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == note)
            .unwrap()["note"],
        "Called HR twice"
    );
    assert_eq!(
        env.json(&["app", "history", "rm", &note.to_string()]),
        serde_json::json!({"id": note, "removed": true})
    );
    assert_eq!(
        env.json(&["app", "show", "1"])["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "note")
            .count(),
        0
    );
}

#[test]
fn an_interaction_on_the_wrong_person_moves_and_the_reports_follow() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    env.ok(&["contact", "add", "Ben Ortiz"]);
    env.ok(&["goal", "set", "interactions", "3", "--per", "week"]);
    let id = env.ok(&[
        "-q",
        "contact",
        "log",
        "1",
        "--channel",
        "call",
        "--on",
        "2026-11-24",
        "--note",
        "coder job",
        "--follow-up",
        "2026-12-01",
    ]);
    let id = id.trim();
    let human = env.ok(&["contact", "show", "1"]);
    assert!(
        human.contains(&format!(" {id} ")),
        "the entry id is shown:\n{human}"
    );
    let said = env.ok(&["contact", "history", "edit", id, "--contact", "2"]);
    assert_eq!(
        said,
        format!("Changed interaction {id}: call with Ben Ortiz (contact 2) on 2026-11-24 (moved from Anna Lee, contact 1)\n")
    );
    assert!(env.json(&["contact", "show", "1"])["interactions"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        env.json(&["contact", "show", "1"])["follow_up_on"],
        Value::Null,
        "the follow-up went with it"
    );
    let ben = env.json(&["contact", "show", "2"]);
    assert_eq!(ben["interactions"][0]["note"], "coder job");
    assert_eq!(ben["follow_up_on"], "2026-12-01");
    let log = env.json(&["report", "search-log"]);
    assert_eq!(log[0]["contact_person"], "Ben Ortiz");
    assert_eq!(env.json(&["goal", "list"])[0]["done"], 1);
    // Dated in the wrong week: the goal and the weekly counts follow.
    let moved = env.json(&[
        "contact",
        "history",
        "edit",
        id,
        "--on",
        "2026-11-20",
        "--channel",
        "meeting",
    ]);
    assert_eq!(moved["date"], "2026-11-20");
    assert_eq!(moved["channel"], "meeting");
    assert_eq!(env.json(&["goal", "list"])[0]["done"], 0);
    let weeks = env.json(&["report", "network"])["interactions_per_week"].clone();
    let count = |week: &str| {
        weeks
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["week_start"] == week)
            .unwrap()["count"]
            .clone()
    };
    assert_eq!(count("2026-11-16"), 1);
    assert_eq!(count("2026-11-23"), 0);
    // Removed: the person stays, the interaction is gone everywhere.
    let said = env.ok(&["contact", "history", "rm", id]);
    assert_eq!(
        said,
        format!("Removed interaction {id} (meeting with Ben Ortiz on 2026-11-20)\n")
    );
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 2);
    assert!(env
        .json(&["report", "search-log", "--since", "2026-11-16"])
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(
        env.json(&["contact", "show", "2"])["follow_up_on"],
        Value::Null
    );
    env.ok(&["undo"]);
    assert_eq!(
        env.json(&["contact", "show", "2"])["interactions"][0]["channel"],
        "meeting"
    );
}

#[test]
fn interaction_corrections_refuse_bad_input_and_write_nothing() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    env.ok(&["contact", "log", "1", "--on", "2026-11-24"]);
    let err = env.fails(2, &["contact", "history", "edit", "1"]);
    assert!(err.contains("nothing to change"), "{err}");
    let err = env.fails(2, &["contact", "history", "edit", "1", "--contact", "9"]);
    assert!(err.contains('9'), "{err}");
    let err = env.fails(
        2,
        &["contact", "history", "edit", "1", "--on", "2026-12-24"],
    );
    assert!(err.contains("--on"), "{err}");
    let err = env.fails(2, &["contact", "history", "rm", "7"]);
    assert!(err.contains("no interaction 7"), "{err}");
    assert_eq!(
        env.json(&["contact", "show", "1"])["interactions"][0]["date"],
        "2026-11-24"
    );
    assert_eq!(env.json(&["undo", "--list"]).as_array().unwrap().len(), 2);
}

#[test]
fn edit_notes_are_appended_dated_unless_replaced() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--note",
        "found at the fair",
    ]);
    let edited = env.json(&["app", "edit", "1", "--note", "HR called back"]);
    assert_eq!(
        edited["notes"],
        "found at the fair\n2026-11-26: HR called back"
    );
    let edited = env.json(&["app", "edit", "1", "--replace-note", "start over"]);
    assert_eq!(edited["notes"], "start over");
    env.fails(
        2,
        &["app", "edit", "1", "--note", "a", "--replace-note", "b"],
    );
    env.fails(
        2,
        &[
            "app",
            "edit",
            "1",
            "--replace-note",
            "b",
            "--clear",
            "notes",
        ],
    );
    assert_eq!(env.json(&["app", "show", "1"])["notes"], "start over");
}

#[test]
fn org_edit_and_leave() {
    let env = TestEnv::new();
    env.ok(&["org", "join", "Ohio AHIMA", "--since", "2026-01-15"]);
    let said = env.ok(&[
        "org",
        "edit",
        "ohio ahima",
        "--website",
        "https://ohioahima.example",
        "--location",
        "Columbus, OH",
        "--note",
        "chapter meets monthly",
    ]);
    assert_eq!(said, "Changed organization \"Ohio AHIMA\"\n");
    let org = env.json(&["org", "show", "Ohio AHIMA"]);
    assert_eq!(org["website"], "https://ohioahima.example");
    assert_eq!(org["location"], "Columbus, OH");
    assert_eq!(org["notes"], "2026-11-26: chapter meets monthly");
    let org = env.json(&[
        "org",
        "edit",
        "Ohio AHIMA",
        "--clear",
        "website",
        "--note",
        "dues $60",
    ]);
    assert_eq!(org["website"], Value::Null);
    assert_eq!(
        org["notes"],
        "2026-11-26: chapter meets monthly\n2026-11-26: dues $60"
    );
    let err = env.fails(2, &["org", "edit", "Ohio AHIMA"]);
    assert!(err.contains("nothing to change"), "{err}");
    let err = env.fails(2, &["org", "edit", "Ohio AHIM", "--location", "x"]);
    assert!(err.contains("Ohio AHIMA"), "{err}");
    let said = env.ok(&["org", "leave", "Ohio AHIMA"]);
    assert_eq!(said, "Removed your membership of \"Ohio AHIMA\"\n");
    assert!(env.json(&["org", "show", "Ohio AHIMA"])["memberships"]
        .as_array()
        .unwrap()
        .is_empty());
    let err = env.fails(2, &["org", "leave", "Ohio AHIMA"]);
    assert!(err.contains("no membership"), "{err}");
    env.ok(&["undo"]);
    assert_eq!(
        env.json(&["org", "show", "Ohio AHIMA"])["memberships"][0]["since"],
        "2026-01-15"
    );
}

#[test]
fn events_and_shifts_can_be_corrected() {
    let env = TestEnv::new();
    env.ok(&[
        "event",
        "add",
        "Ohio AHIMA",
        "Fall meeting",
        "--on",
        "2026-12-03",
        "--kind",
        "meeting",
    ]);
    let said = env.ok(&[
        "event",
        "edit",
        "1",
        "--on",
        "2026-12-10",
        "--kind",
        "conference",
        "--note",
        "bring resumes",
    ]);
    assert_eq!(
        said,
        "Changed event 1: Fall meeting (conference) at Ohio AHIMA on 2026-12-10\n"
    );
    let event = env.json(&["event", "edit", "1", "--org", "HIMSS Central Ohio"]);
    assert_eq!(event["org"], "HIMSS Central Ohio");
    assert_eq!(event["notes"], "2026-11-26: bring resumes");
    assert_eq!(event["date"], "2026-12-10");
    env.fails(2, &["event", "edit", "1"]);
    env.fails(2, &["event", "edit", "5", "--title", "x"]);

    env.ok(&[
        "vol",
        "log",
        "St. Brendan Hospital",
        "24",
        "--on",
        "2026-11-19",
    ]);
    env.ok(&[
        "vol",
        "log",
        "St. Brendan Hospital",
        "5",
        "--on",
        "2026-11-20",
        "--role",
        "desk",
    ]);
    let said = env.ok(&["vol", "edit", "2", "--hours", "3.5", "--clear", "role"]);
    assert_eq!(
        said,
        "Changed shift 2: 3.5 hours at St. Brendan Hospital on 2026-11-20\n"
    );
    assert_eq!(
        env.json(&["report", "volunteer"])["total_hours"],
        3.5 + 24.0
    );
    let err = env.fails(2, &["vol", "edit", "2", "--hours", "30"]);
    assert!(err.contains("at most 24"), "{err}");
    let err = env.fails(2, &["vol", "edit", "2", "--role", "x", "--clear", "role"]);
    assert!(err.contains("contradict"), "{err}");
    let shift = env.json(&[
        "vol",
        "edit",
        "2",
        "--on",
        "2026-11-21",
        "--note",
        "front desk",
    ]);
    assert_eq!(shift["role"], Value::Null);
    assert_eq!(shift["notes"], "2026-11-26: front desk");
    assert_eq!(shift["date"], "2026-11-21");
}

#[test]
fn goal_rm_per_removes_only_that_period() {
    let env = TestEnv::new();
    env.ok(&["goal", "set", "applications", "10", "--per", "month"]);
    let err = env.fails(2, &["goal", "rm", "applications", "--per", "week"]);
    assert!(err.contains("no goal for applications per week"), "{err}");
    assert_eq!(env.json(&["goal", "list"]).as_array().unwrap().len(), 1);
    env.ok(&["goal", "rm", "applications", "--per", "month"]);
    assert!(env.json(&["goal", "list"]).as_array().unwrap().is_empty());
    env.ok(&["undo"]);
    assert_eq!(env.json(&["goal", "list"])[0]["target"], 10);
}

#[test]
fn cert_rm_stops_tracking_with_the_ceus() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2026-06-20"]);
    env.ok(&["cert", "ceu", "RHIT", "50", "--on", "2026-09-10"]);
    let said = env.ok(&["cert", "rm", "rhit"]);
    assert_eq!(said, "Stopped tracking RHIT and removed its 1 CEU entry\n");
    assert!(env.json(&["cert", "list"]).as_array().unwrap().is_empty());
    assert_eq!(env.count("SELECT count(*) FROM ceus"), 0);
    let err = env.fails(2, &["cert", "rm", "RHIT"]);
    assert!(err.contains("RHIT is not tracked"), "{err}");
    env.ok(&["undo"]);
    assert_eq!(env.json(&["cert", "list"])[0]["ceu_earned"], 50.0);
}

#[test]
fn ceus_typed_wrong_are_corrected_or_removed() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2026-06-20"]);
    env.ok(&[
        "cert",
        "ceu",
        "RHIT",
        "50",
        "--on",
        "2026-09-10",
        "--title",
        "Coding update",
    ]);
    env.ok(&["cert", "ceu", "RHIT", "2", "--on", "2026-10-10"]);
    assert_eq!(env.json(&["cert", "list"])[0]["ceu_earned"], 52.0);
    let entries = env.json(&["cert", "ceus", "RHIT"]);
    assert_eq!(entries[1]["hours"], 50.0);
    let id = entries[1]["id"].as_i64().unwrap().to_string();
    let table = env.ok(&["cert", "ceus"]);
    assert!(table.contains("Coding update"), "{table}");
    let said = env.ok(&[
        "cert",
        "ceu-edit",
        &id,
        "--hours",
        "5",
        "--provider",
        "AHIMA",
    ]);
    assert_eq!(
        said,
        format!("Changed CEU entry {id}: 5 hours for RHIT on 2026-09-10\n")
    );
    assert_eq!(env.json(&["cert", "list"])[0]["ceu_earned"], 7.0);
    let err = env.fails(2, &["cert", "ceu-edit", &id, "--hours", "-5"]);
    assert!(err.contains("more than 0"), "{err}");
    let err = env.fails(2, &["cert", "ceu-edit", &id]);
    assert!(err.contains("nothing to change"), "{err}");
    env.fails(2, &["cert", "ceu-rm", "99"]);
    let other = entries[0]["id"].as_i64().unwrap().to_string();
    env.ok(&["cert", "ceu-rm", &other]);
    assert_eq!(env.json(&["cert", "list"])[0]["ceu_earned"], 5.0);
    env.ok(&["undo"]);
    env.ok(&["undo"]);
    assert_eq!(env.json(&["cert", "list"])[0]["ceu_earned"], 52.0);
}

#[test]
fn contact_and_work_edit_notes_are_appended_dated_unless_replaced() {
    let env = TestEnv::new();
    env.ok(&[
        "contact",
        "add",
        "Anna Lee",
        "--note",
        "met at the chapter meeting",
    ]);
    let edited = env.json(&["contact", "edit", "1", "--note", "prefers email"]);
    assert_eq!(
        edited["notes"],
        "met at the chapter meeting\n2026-11-26: prefers email"
    );
    let edited = env.json(&["contact", "edit", "1", "--replace-note", "mentor"]);
    assert_eq!(edited["notes"], "mentor");
    env.fails(
        2,
        &[
            "contact",
            "edit",
            "1",
            "--replace-note",
            "x",
            "--clear",
            "notes",
        ],
    );
    env.ok(&[
        "work",
        "add",
        "St. Brendan Hospital",
        "Unit clerk",
        "--from",
        "2023-06-01",
        "--note",
        "nights",
    ]);
    env.ok(&["work", "edit", "1", "--note", "moved to days"]);
    let jobs = env.json(&["work", "list"]);
    let job = if jobs.is_array() {
        jobs[0].clone()
    } else {
        jobs["jobs"][0].clone()
    };
    assert_eq!(job["notes"], "nights\n2026-11-26: moved to days", "{jobs}");
    env.ok(&["work", "edit", "1", "--replace-note", "days"]);
    let jobs = env.json(&["work", "list"]);
    let job = if jobs.is_array() {
        jobs[0].clone()
    } else {
        jobs["jobs"][0].clone()
    };
    assert_eq!(job["notes"], "days");
}

#[test]
fn cert_edit_fixes_a_score_and_says_when_the_status_disagrees() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "score", "RHIT", "290", "--on", "2026-11-20"]);
    let output = env
        .std_cmd()
        .args(["cert", "edit", "rhit", "--score", "312"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Changed RHIT: Registered Health Information Technician (AHIMA), failed; \
         exam on 2026-11-20, score 312\n"
    );
    let note = String::from_utf8_lossy(&output.stderr);
    assert!(
        note.contains("RHIT stays failed")
            && note.contains("'jobtrack cert set RHIT passed --on 2026-11-20'"),
        "{note}"
    );
    let row = &env.json(&["cert", "list"])[0];
    assert_eq!(row["score"], 312);
    assert_eq!(row["status"], "failed");
    assert_eq!(row["exam_on"], "2026-11-20");
}

#[test]
fn cert_edit_fixes_a_pass_date_and_the_cycle_follows() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2026-06-20"]);
    env.ok(&["cert", "ceu", "RHIT", "3", "--on", "2026-09-10"]);
    let before = env.json(&["cert", "list"])[0].clone();
    let record = env.json(&["cert", "edit", "RHIT", "--passed-on", "2025-06-20"]);
    assert_eq!(record["passed_on"], "2025-06-20");
    assert_eq!(record["status"], "passed");
    assert_eq!(record["ceu_earned"], 3.0);
    assert_ne!(record["cycle_start"], before["cycle_start"]);
    assert_eq!(env.json(&["cert", "list"])[0]["passed_on"], "2025-06-20");
    let said = env.ok(&["cert", "edit", "RHIT", "--passed-on", "2026-06-21"]);
    assert!(
        said.starts_with(
            "Changed RHIT: Registered Health Information Technician (AHIMA), passed; "
        ) && said.contains("passed on 2026-06-21; CEUs 3 of 20 in the cycle"),
        "{said}"
    );
}

#[test]
fn cert_edit_clears_renames_and_is_one_undo_step() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "CPC", "--name", "Coder", "--issuer", "AHIMA"]);
    env.ok(&["cert", "exam", "CPC", "--on", "2026-12-10"]);
    let said = env.ok(&[
        "cert",
        "edit",
        "CPC",
        "--name",
        "Certified Professional Coder",
        "--issuer",
        "AAPC",
        "--clear",
        "exam_on",
    ]);
    assert_eq!(
        said,
        "Changed CPC: Certified Professional Coder (AAPC), scheduled\n"
    );
    let row = &env.json(&["cert", "list"])[0];
    assert_eq!(row["exam_on"], Value::Null);
    assert_eq!(row["name"], "Certified Professional Coder");
    assert_eq!(row["status"], "scheduled");
    env.ok(&["cert", "edit", "CPC", "--clear", "issuer"]);
    assert_eq!(env.json(&["cert", "list"])[0]["issuer"], Value::Null);
    env.ok(&["undo"]);
    assert_eq!(env.json(&["cert", "list"])[0]["issuer"], "AAPC");
    let undone = env.ok(&["undo"]);
    assert!(
        undone.starts_with("Undid: cert edit CPC --name"),
        "{undone}"
    );
    let row = &env.json(&["cert", "list"])[0];
    assert_eq!(row["name"], "Coder");
    assert_eq!(row["issuer"], "AHIMA");
    assert_eq!(row["exam_on"], "2026-12-10");
}

#[test]
fn cert_edit_refuses_bad_input_and_writes_nothing() {
    let env = TestEnv::new();
    env.ok(&["cert", "add", "RHIT"]);
    env.ok(&["cert", "score", "RHIT", "312", "--on", "2026-11-20"]);
    env.ok(&[
        "cert",
        "add",
        "CPC",
        "--name",
        "Certified Professional Coder",
    ]);
    let err = env.fails(2, &["cert", "edit", "RHIT", "--score", "401"]);
    assert!(
        err.contains("score 401 is off the RHIT scale: expected a whole number from 100 to 400"),
        "{err}"
    );
    let err = env.fails(2, &["cert", "edit", "RHIT", "--score", "high"]);
    assert!(
        err.contains("--score") && err.contains("100 to 400"),
        "{err}"
    );
    let err = env.fails(2, &["cert", "edit", "CPC", "--score", "80"]);
    assert!(err.contains("no score scale for CPC"), "{err}");
    let err = env.fails(
        2,
        &["cert", "edit", "RHIT", "--score", "300", "--clear", "score"],
    );
    assert!(
        err.contains("--score and --clear score contradict each other"),
        "{err}"
    );
    let err = env.fails(2, &["cert", "edit", "RHIT"]);
    assert!(err.contains("nothing to change for RHIT"), "{err}");
    let err = env.fails(2, &["cert", "edit", "RHIT", "--passed-on", "2026-12-01"]);
    assert!(err.contains("--passed-on cannot be after today"), "{err}");
    let err = env.fails(2, &["cert", "edit", "RHIT", "--exam-on", "someday"]);
    assert!(err.contains("--exam-on"), "{err}");
    let err = env.fails(2, &["cert", "edit", "RHIT", "--clear", "name"]);
    assert!(err.contains("name"), "{err}");
    let err = env.fails(2, &["cert", "edit", "CCS", "--exam-on", "2026-12-10"]);
    assert!(err.contains("'jobtrack cert add CCS'"), "{err}");
    let row = &env.json(&["cert", "list"])[0];
    assert_eq!(row["score"], 312);
    assert_eq!(row["passed_on"], "2026-11-20");
    assert_eq!(env.json(&["undo", "--list"]).as_array().unwrap().len(), 3);
}
