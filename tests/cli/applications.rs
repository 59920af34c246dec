//! `jobtrack app …`: logging applications and moving them through stages.

use serde_json::Value;

use crate::util::TestEnv;

fn add_mercy(env: &TestEnv) -> Value {
    env.json(&[
        "app",
        "add",
        "Mercy Health",
        "Health Information Technician",
        "--source",
        "indeed",
        "--applied",
        "yesterday",
        "--salary",
        "42000-48000",
    ])
}

#[test]
fn add_stores_and_prints_the_record() {
    let env = TestEnv::new();
    let app = add_mercy(&env);
    assert_eq!(app["id"], 1);
    assert_eq!(app["org"], "Mercy Health");
    assert_eq!(app["title"], "Health Information Technician");
    assert_eq!(app["status"], "applied");
    assert_eq!(app["source"], "indeed");
    assert_eq!(app["applied_on"], "2026-11-25");
    assert_eq!(app["salary_min"], 42000);
    assert_eq!(app["salary_max"], 48000);
    assert_eq!(app["follow_up_on"], "2026-12-02", "applied + 7 days");
    assert!(
        app.get("org_id").is_none(),
        "JSON never shows organization ids"
    );
    assert_eq!(app["events"][0]["kind"], "status");
    assert_eq!(app["events"][0]["to_status"], "applied");
    assert_eq!(app["events"][0]["from_status"], Value::Null);
    assert_eq!(app["events"][0]["date"], "2026-11-25");

    let human = env.ok(&["app", "add", "Mercy Health", "Coding Specialist"]);
    assert!(
        human.starts_with("Added application 2: Coding Specialist at Mercy Health"),
        "{human}"
    );
    assert_eq!(
        env.ok(&["-q", "app", "add", "Mercy Health", "Clerk"])
            .trim(),
        "3"
    );
}

#[test]
fn organization_names_match_any_case_and_keep_the_first_spelling() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "A"]);
    let second = env.json(&["app", "add", "  MERCY   health ", "B"]);
    assert_eq!(second["org"], "Mercy Health");
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
}

#[test]
fn set_records_a_dated_history_and_follow_ups() {
    let env = TestEnv::new();
    env.on("2026-11-01")
        .ok(&["app", "add", "Mercy Health", "HIT", "--source", "indeed"]);
    let moved = env.json(&[
        "app",
        "set",
        "1",
        "interview",
        "--on",
        "2026-11-12",
        "--note",
        "panel",
    ]);
    assert_eq!(moved["status"], "interview");
    assert_eq!(moved["follow_up_on"], "2026-11-16", "interview + 4 days");
    let shown = env.json(&["app", "show", "1"]);
    let events: Vec<(String, String, String)> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_string(),
                e["kind"].as_str().unwrap().to_string(),
                e["to_status"]
                    .as_str()
                    .or(e["note"].as_str())
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        events,
        vec![
            ("2026-11-01".into(), "status".into(), "applied".into()),
            ("2026-11-01".into(), "follow_up".into(), "2026-11-08".into()),
            ("2026-11-12".into(), "status".into(), "interview".into()),
            ("2026-11-12".into(), "follow_up".into(), "2026-11-16".into()),
        ]
    );
    assert_eq!(shown["events"][2]["from_status"], "applied");
    assert_eq!(shown["events"][2]["note"], "panel");

    let human = env.ok(&["app", "show", "1"]);
    for expected in [
        "2026-11-01",
        "added as applied",
        "applied → interview",
        "panel",
        "2026-11-12",
    ] {
        assert!(
            human.contains(expected),
            "missing {expected:?} in:\n{human}"
        );
    }
}

#[test]
fn entering_statuses_sets_keeps_or_clears_the_follow_up() {
    let env = TestEnv::new();
    env.on("2026-11-20")
        .ok(&["app", "add", "A", "T", "--status", "saved"]);
    let saved = env.json(&["app", "show", "1"]);
    assert_eq!(saved["applied_on"], Value::Null);
    assert_eq!(saved["follow_up_on"], Value::Null);
    let applied = env.json(&["app", "set", "1", "applied", "--on", "-3d"]);
    assert_eq!(
        applied["applied_on"], "2026-11-23",
        "moving to applied sets applied_on"
    );
    assert_eq!(applied["follow_up_on"], "2026-11-30");
    let screening = env.json(&["app", "set", "1", "screening"]);
    assert_eq!(
        screening["follow_up_on"], "2026-12-01",
        "screening follows up in 5 days (DESIGN §10.5)"
    );
    let offer = env.json(&["app", "set", "1", "offer", "--follow-up", "2026-12-24"]);
    assert_eq!(
        offer["follow_up_on"], "2026-12-24",
        "an explicit follow-up wins"
    );
    let rejected = env.json(&["app", "set", "1", "rejected"]);
    assert_eq!(rejected["follow_up_on"], Value::Null, "closing clears it");
    let last = rejected["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "follow_up");
    assert_eq!(last["note"], "cleared");
    // A closed application can be reopened.
    let reopened = env.json(&["app", "set", "1", "interview"]);
    assert_eq!(reopened["status"], "interview");
    assert_eq!(reopened["follow_up_on"], "2026-11-30");
}

#[test]
fn setting_the_same_status_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    let events = env.count("SELECT count(*) FROM application_events");
    let out = env.ok(&["app", "set", "1", "applied"]);
    assert!(
        out.contains("already applied") && out.contains("nothing changed"),
        "{out}"
    );
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);
}

#[test]
fn status_changes_cannot_be_dated_after_today_or_before_the_last_change() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T", "--applied", "2026-11-20"]);
    let stderr = env.fails(2, &["app", "set", "1", "screening", "--on", "tomorrow"]);
    assert!(
        stderr.contains("--on") && stderr.contains("after today"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["app", "set", "1", "screening", "--on", "2026-11-19"]);
    assert!(stderr.contains("before"), "{stderr}");
    assert_eq!(
        env.count("SELECT count(*) FROM application_events WHERE kind = 'status'"),
        1
    );
}

#[test]
fn bad_input_names_the_field_and_writes_nothing() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["app", "add", "A", "T", "--applied", "2026-13-01"],
            &["--applied", "YYYY-MM-DD", "+N/-N"],
        ),
        (
            &["app", "add", "A", "T", "--applied", "last week"],
            &["--applied", "yesterday"],
        ),
        (
            &["app", "add", "A", "T", "--status", "hired-ish"],
            &["--status", "saved", "ghosted"],
        ),
        (
            &["app", "add", "A", "T", "--salary", "lots"],
            &["--salary", "42k-48k"],
        ),
        (
            &["app", "add", "A", "T", "--salary", "50000-40000"],
            &["--salary", "above"],
        ),
        (
            &["app", "add", "A", "T", "--work-mode", "moon"],
            &["--work-mode", "onsite", "remote"],
        ),
        (
            &["app", "add", "A", "T", "--follow-up", "soon"],
            &["--follow-up"],
        ),
        (
            &["app", "add", "A", "T", "--referral", "7"],
            &["--referral", "no contact with id 7"],
        ),
        (
            &[
                "app",
                "add",
                "A",
                "T",
                "--status",
                "saved",
                "--applied",
                "today",
            ],
            &["--applied", "saved"],
        ),
        (
            &["app", "add", "A", "T", "--applied", "+2d"],
            &["--applied", "after today"],
        ),
        (&["app", "add", "A", "   "], &["TITLE", "empty"]),
        (
            &["app", "add", "A", "T", "--requires", "R H"],
            &["--requires", "credential code"],
        ),
    ];
    for (args, expected) in cases {
        let stderr = env.fails(2, args);
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        for needle in *expected {
            assert!(
                stderr.contains(needle),
                "{args:?}: {needle:?} missing in {stderr}"
            );
        }
    }
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);
}

#[test]
fn unknown_ids_exit_2() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    for args in [
        vec!["app", "show", "9"],
        vec!["app", "set", "9", "interview"],
        vec!["app", "note", "9", "hello"],
        vec!["app", "interview", "9", "--on", "today"],
        vec!["app", "edit", "9", "--title", "X"],
        vec!["app", "rm", "9"],
    ] {
        let stderr = env.fails(2, &args);
        assert!(
            stderr.contains("no application with id 9"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn list_filters() {
    let env = TestEnv::new();
    env.on("2026-10-01").ok(&[
        "app",
        "add",
        "Mercy Health",
        "Old HIT",
        "--source",
        "Indeed",
    ]);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--source",
        "linkedin",
        "--applied",
        "2026-11-20",
    ]);
    env.ok(&[
        "app",
        "add",
        "Regional Medical",
        "ROI Specialist",
        "--source",
        "indeed",
        "--applied",
        "2026-11-24",
    ]);
    env.ok(&[
        "app",
        "add",
        "Regional Medical",
        "Analyst",
        "--status",
        "saved",
    ]);
    env.ok(&["app", "set", "1", "rejected"]);
    env.ok(&["app", "set", "3", "interview"]);

    let ids = |args: &[&str]| -> Vec<i64> {
        let mut all = vec!["app", "list"];
        all.extend_from_slice(args);
        env.json(&all)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_i64().unwrap())
            .collect()
    };
    let mut active = ids(&["--active"]);
    active.sort();
    assert_eq!(active, vec![2, 3, 4]);
    assert_eq!(ids(&["--closed"]), vec![1]);
    assert_eq!(ids(&["--status", "interview"]), vec![3]);
    let mut two = ids(&["--status", "interview", "--status", "saved"]);
    two.sort();
    assert_eq!(two, vec![3, 4]);
    let mut indeed = ids(&["--source", "INDEED"]);
    indeed.sort();
    assert_eq!(indeed, vec![1, 3], "sources are stored lower-case");
    let mut mercy = ids(&["--org", "mercy health"]);
    mercy.sort();
    assert_eq!(mercy, vec![1, 2]);
    let mut recent = ids(&["--since", "2026-11-21"]);
    recent.sort();
    assert_eq!(
        recent,
        vec![3, 4],
        "saved rows count from the day they were added"
    );
    assert_eq!(
        ids(&["--active", "--status", "rejected"]),
        Vec::<i64>::new()
    );

    let rows = env.json(&["app", "list", "--status", "interview"]);
    assert_eq!(rows[0]["days_in_stage"], 0);
    assert_eq!(rows[0]["days_quiet"], 0);
    let rows = env.json(&["app", "list", "--status", "rejected"]);
    assert_eq!(rows[0]["days_in_stage"], 0);
}

#[test]
fn list_orders_by_activity_and_shows_days_in_stage_and_quiet() {
    let env = TestEnv::new();
    env.on("2026-11-01").ok(&["app", "add", "A", "First"]);
    env.on("2026-11-10").ok(&["app", "add", "B", "Second"]);
    env.on("2026-11-20")
        .ok(&["app", "note", "1", "called them"]);
    let rows = env.json(&["app", "list"]);
    assert_eq!(
        rows[0]["id"], 1,
        "the note made application 1 the most recently active"
    );
    assert_eq!(rows[0]["days_in_stage"], 25);
    assert_eq!(rows[0]["days_quiet"], 6);
    assert_eq!(rows[1]["days_quiet"], 16);
    let table = env.ok(&["app", "list"]);
    assert!(
        table.contains("Stage") && table.contains("Quiet"),
        "{table}"
    );
    assert!(table.contains("25d") && table.contains("6d"), "{table}");
}

#[test]
fn an_unknown_organization_filter_matches_nothing_and_suggests() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let output = env
        .cmd()
        .args(["app", "list", "--org", "Mercy Helth"])
        .output()
        .unwrap();
    assert!(output.status.success());
    // DESIGN §10.4: a filter that matches nothing says so.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "No applications match.\n"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean \"Mercy Health\""), "{stderr}");
}

#[test]
fn the_human_list_shows_fifty_rows_unless_asked() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    env.sql()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 59)
             INSERT INTO applications (org_id, title, status, created_at, updated_at)
             SELECT 1, 'Coder ' || i, 'applied', '2026-11-26T00:00:00Z', '2026-11-26T00:00:00Z' FROM n",
        )
        .unwrap();
    let table = env.ok(&["app", "list"]);
    assert!(table.contains("10 more (showing 50 of 60"), "{table}");
    let limited = env.ok(&["app", "list", "--limit", "5"]);
    assert!(limited.contains("55 more"), "{limited}");
    let all = env.ok(&["app", "list", "--all"]);
    assert!(!all.contains("more"), "{all}");
    assert_eq!(env.json(&["app", "list"]).as_array().unwrap().len(), 60);
}

#[test]
fn a_second_application_at_an_organization_mentions_the_first() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-09-01",
    ]);
    let output = env
        .cmd()
        .args(["app", "add", "mercy health", "HIT"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("applied to Mercy Health before"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Coder") && stderr.contains("2026-09-01"),
        "{stderr}"
    );

    env.ok(&["app", "set", "1", "ghosted"]);
    let output = env
        .cmd()
        .args(["--json", "app", "add", "Mercy Health", "Clerk"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("ghosted"),
        "{stderr}"
    );
    serde_json::from_slice::<Value>(&output.stdout).expect("stdout stays pure JSON");
}

#[test]
fn note_appends_and_handles_the_follow_up() {
    let env = TestEnv::new();
    env.on("2026-11-10").ok(&["app", "add", "A", "T"]);
    // The automatic follow-up (11-17) has passed: a note without --follow-up clears it.
    let noted = env.json(&["app", "note", "1", "Called HR"]);
    assert_eq!(noted["follow_up_on"], Value::Null);
    let events = noted["events"].as_array().unwrap();
    assert!(events
        .iter()
        .any(|e| e["kind"] == "note" && e["note"] == "Called HR" && e["date"] == "2026-11-26"));
    let again = env.json(&["app", "note", "1", "Sent thanks", "--follow-up", "+1w"]);
    assert_eq!(again["follow_up_on"], "2026-12-03");
    // A follow-up still ahead survives a note.
    let kept = env.json(&["app", "note", "1", "more"]);
    assert_eq!(kept["follow_up_on"], "2026-12-03");
}

#[test]
fn notes_can_come_from_standard_input() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    let long = "line one\nline two, with \"quotes\"\n".repeat(2000);
    env.cmd()
        .args(["app", "note", "1", "-"])
        .write_stdin(long.clone())
        .assert()
        .success();
    let stored: String = env
        .sql()
        .query_row(
            "SELECT note FROM application_events WHERE kind = 'note'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, long.trim());
}

#[test]
fn interview_moves_early_statuses_and_allows_future_dates() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T", "--applied", "2026-11-20"]);
    let planned = env.json(&[
        "app",
        "interview",
        "1",
        "--on",
        "2026-12-03",
        "--note",
        "panel",
    ]);
    assert_eq!(planned["status"], "interview");
    let events = planned["events"].as_array().unwrap();
    assert!(events
        .iter()
        .any(|e| e["kind"] == "interview" && e["date"] == "2026-12-03" && e["note"] == "panel"));
    assert!(
        events.iter().any(|e| e["kind"] == "status"
            && e["to_status"] == "interview"
            && e["date"] == "2026-11-26"),
        "the status move is dated min(DATE, today)"
    );
    assert_eq!(
        planned["follow_up_on"], "2026-12-07",
        "4 days after the planned interview, never before it"
    );
    env.ok(&["app", "set", "1", "offer"]);
    let second = env.json(&["app", "interview", "1", "--on", "2026-12-05"]);
    assert_eq!(
        second["status"], "offer",
        "an offer is not moved back to interview"
    );
}

#[test]
fn edit_changes_details_but_not_the_status() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "A",
        "T",
        "--url",
        "https://example.org/1",
        "--salary",
        "40k",
    ]);
    let edited = env.json(&[
        "app",
        "edit",
        "1",
        "--title",
        "Senior T",
        "--org",
        "B",
        "--work-mode",
        "remote",
        "--clear",
        "url",
        "--requires",
        "rhit",
        "--prefers",
        "CCS",
    ]);
    assert_eq!(edited["title"], "Senior T");
    assert_eq!(edited["org"], "B");
    assert_eq!(edited["work_mode"], "remote");
    assert_eq!(edited["url"], Value::Null);
    assert_eq!(edited["salary_min"], 40000);
    assert_eq!(edited["requires"], serde_json::json!(["RHIT"]));
    assert_eq!(edited["prefers"], serde_json::json!(["CCS"]));
    env.cmd()
        .args(["app", "edit", "1", "--status", "offer"])
        .assert()
        .code(2);
    let stderr = env.fails(2, &["app", "edit", "1"]);
    assert!(stderr.contains("nothing to change"), "{stderr}");
    let stderr = env.fails(2, &["app", "edit", "1", "--url", "x", "--clear", "url"]);
    assert!(stderr.contains("contradict"), "{stderr}");
    let moved = env.json(&["app", "edit", "1", "--follow-up", "2026-12-01"]);
    let last = moved["events"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["kind"].as_str(),
            last["note"].as_str(),
            last["date"].as_str()
        ),
        (Some("follow_up"), Some("2026-12-01"), Some("2026-11-26"))
    );
}

#[test]
fn rm_deletes_the_application_and_its_history() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T", "--requires", "RHIT"]);
    let removed = env.json(&["app", "rm", "1"]);
    assert_eq!(removed, serde_json::json!({"id": 1, "removed": true}));
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    assert_eq!(env.count("SELECT count(*) FROM application_events"), 0);
    assert_eq!(env.count("SELECT count(*) FROM application_credentials"), 0);
}

#[test]
fn referral_sets_the_source() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.sql()
        .execute_batch(
            "INSERT INTO organizations (name, created_at) VALUES ('Mercy Health', '2026-11-01T00:00:00Z');
             INSERT INTO contacts (name, org_id, role, added_on) VALUES ('Dana Reyes', 1, 'HIM Director', '2026-11-01');",
        )
        .unwrap();
    let app = env.json(&["app", "add", "Mercy Health", "Coder", "--referral", "1"]);
    assert_eq!(app["source"], "referral");
    assert_eq!(app["referral"]["name"], "Dana Reyes");
    assert_eq!(app["referral_contact_id"], 1);
    let human = env.ok(&["app", "show", "1"]);
    assert!(
        human.contains("referred by") && human.contains("Dana Reyes"),
        "{human}"
    );
}

#[test]
fn contacts_at_the_organization_are_named_on_add() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    env.sql()
        .execute("INSERT INTO contacts (name, org_id, relationship, added_on) VALUES ('Sam Ortiz', 1, 'alumni', '2026-11-01')", [])
        .unwrap();
    let output = env
        .cmd()
        .args(["app", "add", "Mercy Health", "HIT"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("you know 1 person at Mercy Health: Sam Ortiz"),
        "{stderr}"
    );
    let shown = env.json(&["app", "show", "2"]);
    assert_eq!(shown["contacts_here"][0]["name"], "Sam Ortiz");
}

#[test]
fn an_interview_dated_before_the_application_is_recorded_with_a_warning() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T", "--applied", "2026-11-20"]);
    let output = env
        .cmd()
        .args(["app", "interview", "1", "--on", "2020-01-01"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("before application 1 was sent"),
        "{stderr}"
    );
}

#[test]
fn skipping_applied_still_dates_the_application() {
    let env = TestEnv::new();
    env.on("2026-11-20").ok(&[
        "app", "add", "D", "T8", "--status", "saved", "--source", "indeed",
    ]);
    let moved = env.json(&["app", "set", "1", "interview"]);
    assert_eq!(moved["applied_on"], "2026-11-26");
    env.on("2026-11-20")
        .ok(&["app", "add", "E", "T9", "--status", "saved"]);
    let interviewed = env.json(&["app", "interview", "2", "--on", "2026-11-30"]);
    assert_eq!(interviewed["applied_on"], "2026-11-26");
    let report = env.json(&["report", "apps"]);
    assert_eq!(report["by_status"]["interview"], 2);
    let applied: i64 = report["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["applications"].as_i64().unwrap())
        .sum();
    assert_eq!(applied, 2, "{report}");
    // Withdrawing a saved posting is not applying.
    env.on("2026-11-20")
        .ok(&["app", "add", "F", "T10", "--status", "saved"]);
    assert_eq!(
        env.json(&["app", "set", "3", "withdrawn"])["applied_on"],
        serde_json::Value::Null
    );
}

#[test]
fn messages_that_keep_the_user_oriented() {
    let env = TestEnv::new();
    env.on("2026-11-01").ok(&["app", "add", "A", "T"]);
    let out = env.ok(&["app", "set", "1", "screening"]);
    // Screening today follows up in 5 days (DESIGN §10.5).
    assert!(out.contains("follow up by 2026-12-01"), "{out}");
    let output = env
        .cmd()
        .args(["app", "set", "1", "screening", "--note", "HR call"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not recorded") && stderr.contains("app note 1"),
        "{stderr}"
    );
    env.ok(&["app", "add", "Saved Co", "Clerk", "--status", "saved"]);
    let output = env
        .cmd()
        .args(["app", "add", "Saved Co", "Coder"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("you saved a posting at Saved Co before") && !stderr.contains("applied to"),
        "{stderr}"
    );
    env.ok(&["contact", "add", "Quinn", "--org", "Q"]);
    env.ok(&["app", "add", "Q", "q1", "--referral", "1"]);
    let output = env
        .cmd()
        .args(["app", "edit", "4", "--clear", "referral"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("keeps the source \"referral\""));
    let logged = env.ok(&["contact", "log", "1", "--channel", "email"]);
    assert!(logged.contains("Logged an email with Quinn"), "{logged}");
    let stderr = env.fails(2, &["org", "rename", "Q", "-"]);
    assert!(stderr.contains("'-'"), "{stderr}");
}
