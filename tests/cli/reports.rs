//! `jobtrack report …`, `agenda` and `goal …`: the numbers on a seeded
//! database at a pinned today (Thursday 2026-11-26; its week runs from
//! Monday 2026-11-23 to Sunday 2026-11-29).

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::util::TestEnv;

/// Adds an application through the CLI and returns its id.
fn add(env: &TestEnv, org: &str, title: &str, extra: &[&str]) -> i64 {
    let mut args = vec!["app", "add", org, title];
    args.extend_from_slice(extra);
    env.json(&args)["id"].as_i64().expect("id")
}

/// Adds an application applied for on `on` (`source` "" for none).
fn applied(env: &TestEnv, org: &str, title: &str, source: &str, on: &str) -> i64 {
    if source.is_empty() {
        add(env, org, title, &["--applied", on])
    } else {
        add(env, org, title, &["--source", source, "--applied", on])
    }
}

/// Records an interview on `on`.
fn interview(env: &TestEnv, id: i64, on: &str) {
    env.ok(&["app", "interview", &id.to_string(), "--on", on]);
}

/// Moves an application to `status` on the date `on`.
fn set(env: &TestEnv, id: i64, status: &str, on: &str) {
    env.ok(&["app", "set", &id.to_string(), status, "--on", on]);
}

/// Runs a command that must succeed, ignoring what it prints.
fn run(env: &TestEnv, args: &[&str]) {
    env.ok(args);
}

/// Inserts rows the networking, volunteer and credential commands would.
fn sql(env: &TestEnv, statements: &str) {
    env.sql().execute_batch(statements).expect(statements);
}

fn contact(env: &TestEnv, name: &str, org: &str, relationship: &str, added_on: &str) -> i64 {
    let conn = env.sql();
    conn.execute(
        "INSERT OR IGNORE INTO organizations (name, created_at) VALUES (?1, '2026-01-01T00:00:00Z')",
        [org],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO contacts (name, org_id, relationship, added_on)
         VALUES (?1, (SELECT id FROM organizations WHERE name = ?2), ?3, ?4)",
        [name, org, relationship, added_on],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// The funnel seed: four Indeed applications with one response, two
/// referred applications that both reached an interview (one then
/// rejected), one LinkedIn rejection and one saved posting.
fn seed_funnel(env: &TestEnv) -> (i64, i64) {
    run(env, &["init"]);
    let jane = contact(
        env,
        "Jane Doe",
        "Regional Medical Center",
        "mentor",
        "2026-09-01",
    );
    contact(env, "Sam Lee", "Mercy Health", "colleague", "2026-09-02");

    let a1 = applied(
        env,
        "Mercy Health",
        "Health Information Technician",
        "indeed",
        "2026-10-01",
    );
    set(env, a1, "screening", "2026-10-03"); // 2 days
    let a2 = applied(
        env,
        "County Hospital",
        "Coding Specialist",
        "indeed",
        "2026-10-05",
    );
    set(env, a2, "ghosted", "2026-11-01");
    let a3 = applied(
        env,
        "Valley Clinic",
        "Records Clerk",
        "Indeed",
        "2026-10-10",
    );
    set(env, a3, "withdrawn", "2026-10-12");
    applied(
        env,
        "Mercy Health",
        "Release of Information Specialist",
        "indeed",
        "2026-11-20",
    );

    let r1 = add(
        env,
        "Regional Medical Center",
        "ROI Specialist",
        &["--referral", &jane.to_string(), "--applied", "2026-10-01"],
    );
    set(env, r1, "interview", "2026-10-06"); // 5 days
    set(env, r1, "rejected", "2026-10-20");
    let r2 = applied(
        env,
        "Lakeside Clinic",
        "Cancer Registrar",
        "referral",
        "2026-10-02",
    );
    interview(env, r2, "2026-10-30"); // 28 days

    add(env, "Lakeside Clinic", "Coder II", &["--status", "saved"]);
    (r1, r2)
}

fn source_row(report: &Value, source: Value) -> &Value {
    report["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["source"] == source)
        .unwrap_or_else(|| panic!("no {source} row in {report:#}"))
}

#[test]
fn report_apps_counts_responses_interviews_and_the_median() {
    let env = TestEnv::new();
    seed_funnel(&env);
    let report = env.json(&["report", "apps"]);

    assert_eq!(report["by_status"]["saved"], 1, "saved only here");
    assert_eq!(report["by_status"]["applied"], 1);
    assert_eq!(report["by_status"]["screening"], 1);
    assert_eq!(report["by_status"]["interview"], 1);
    assert_eq!(report["by_status"]["rejected"], 1);
    assert_eq!(report["by_status"]["ghosted"], 1);
    assert_eq!(report["by_status"]["withdrawn"], 1);
    assert_eq!(report["by_status"]["offer"], 0);

    let indeed = source_row(&report, json!("indeed"));
    assert_eq!(indeed["applications"], 4);
    assert_eq!(
        indeed["responses"], 1,
        "ghosted and withdrawn are not responses"
    );
    assert_eq!(indeed["response_rate"], 0.25);
    assert_eq!(indeed["interviews"], 0);
    assert_eq!(indeed["interview_rate"], 0.0);

    let referral = source_row(&report, json!("referral"));
    assert_eq!(referral["applications"], 2);
    assert_eq!(
        referral["interviews"], 2,
        "rejected after an interview still counts"
    );
    assert_eq!(referral["interview_rate"], 1.0);
    assert_eq!(referral["offers"], 0);

    let sources: Vec<&Value> = report["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["source"])
        .collect();
    assert_eq!(
        sources,
        [&json!("indeed"), &json!("referral")],
        "largest first; saved rows not in the funnel"
    );

    // Waits of 2, 5 and 28 days: the middle one.
    assert_eq!(report["median_days_to_response"], 5.0);
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
    let env = TestEnv::new();
    seed_funnel(&env);
    let id = applied(
        &env,
        "Summit Health",
        "Data Analyst",
        "linkedin",
        "2026-11-01",
    );
    set(&env, id, "rejected", "2026-11-10"); // 9 days, a response
    let report = env.json(&["report", "apps"]);
    // Waits 2, 5, 9, 28.
    assert_eq!(report["median_days_to_response"], 7.0);
    let linkedin = source_row(&report, json!("linkedin"));
    assert_eq!(linkedin["responses"], 1, "a rejection is a response");
    assert_eq!(linkedin["response_rate"], 1.0);

    let human = env.ok(&["report", "apps"]);
    assert!(
        human.contains("Median days to a first response: 7"),
        "{human}"
    );
    assert!(human.contains("25%"), "indeed's response rate: {human}");
}

#[test]
fn report_apps_without_responses_or_since_filters() {
    let env = TestEnv::new();
    applied(&env, "Mercy Health", "Clerk", "", "2026-11-02");
    applied(&env, "Mercy Health", "Coder", "indeed", "2026-11-20");
    let report = env.json(&["report", "apps"]);
    assert_eq!(report["median_days_to_response"], Value::Null);
    assert_eq!(
        source_row(&report, Value::Null)["applications"],
        1,
        "no source groups under null"
    );
    assert!(env.ok(&["report", "apps"]).contains("(none)"));

    let since = env.json(&["report", "apps", "--since", "2026-11-10"]);
    assert_eq!(since["by_source"].as_array().unwrap().len(), 1);
    assert_eq!(since["by_source"][0]["source"], "indeed");
    assert_eq!(since["by_status"]["applied"], 1);

    let err = env.fails(2, &["report", "apps", "--since", "last week"]);
    assert!(err.contains("--since"), "{err}");
}

#[test]
fn a_past_interview_event_counts_as_an_interview() {
    let env = TestEnv::new();
    let id = applied(&env, "Mercy Health", "Coder", "indeed", "2026-10-01");
    set(&env, id, "rejected", "2026-10-20");
    // Recorded after the rejection: the status stays rejected.
    interview(&env, id, "2026-10-10");
    let future = applied(&env, "Mercy Health", "Clerk", "indeed", "2026-11-20");
    env.sql()
        .execute(
            "INSERT INTO application_events (application_id, date, kind) VALUES (?1, '2026-12-01', 'interview')",
            [future],
        )
        .unwrap();
    let indeed = source_row(&env.json(&["report", "apps"]), json!("indeed")).clone();
    assert_eq!(indeed["applications"], 2);
    assert_eq!(
        indeed["interviews"], 1,
        "the planned interview does not count yet"
    );
    assert_eq!(indeed["interview_rate"], 0.5);
}

#[test]
fn report_network_compares_referrals_and_finds_warm_paths() {
    let env = TestEnv::new();
    seed_funnel(&env);
    let jane = 1;
    sql(
        &env,
        &format!(
            "INSERT INTO interactions (contact_id, date, channel) VALUES
                 ({jane}, '2026-09-06', 'call'),   -- the Sunday before the 12 weeks
                 ({jane}, '2026-09-07', 'call'),   -- the first of the 12 weeks
                 ({jane}, '2026-11-22', 'coffee'), -- Sunday of last week
                 ({jane}, '2026-11-23', 'email'),
                 (2, '2026-11-26', 'message');"
        ),
    );
    let report = env.json(&["report", "network"]);

    assert_eq!(report["by_relationship"]["mentor"], 1);
    assert_eq!(report["by_relationship"]["colleague"], 1);
    assert_eq!(report["by_relationship"]["recruiter"], 0);

    assert_eq!(
        report["referral"],
        json!({"applications": 2, "responses": 2, "interviews": 2,
               "response_rate": 1.0, "interview_rate": 1.0})
    );
    assert_eq!(report["non_referral"]["applications"], 4);
    assert_eq!(report["non_referral"]["responses"], 1);
    assert_eq!(report["non_referral"]["response_rate"], 0.25);
    assert_eq!(report["non_referral"]["interviews"], 0);

    let weeks = report["interactions_per_week"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[0], json!({"week_start": "2026-09-07", "count": 1}));
    assert_eq!(weeks[10], json!({"week_start": "2026-11-16", "count": 1}));
    assert_eq!(weeks[11], json!({"week_start": "2026-11-23", "count": 2}));
    assert_eq!(
        weeks
            .iter()
            .map(|w| w["count"].as_i64().unwrap())
            .sum::<i64>(),
        4
    );
    assert_eq!(weeks[5]["count"], 0, "empty weeks are listed as zeros");

    // Sam Lee works at Mercy Health, where two applications are active;
    // Jane referred the Regional application, which is closed anyway.
    let paths = report["warm_paths"].as_array().unwrap();
    assert_eq!(paths.len(), 2, "{paths:#?}");
    for path in paths {
        assert_eq!(path["org"], "Mercy Health");
        assert_eq!(path["contacts"], json!(["Sam Lee"]));
    }
    let human = env.ok(&["report", "network"]);
    assert!(human.contains("you know Sam Lee"), "{human}");
}

#[test]
fn a_referral_contact_is_not_a_warm_path_for_the_application_they_referred() {
    let env = TestEnv::new();
    run(&env, &["init"]);
    let jane = contact(&env, "Jane Doe", "Mercy Health", "friend", "2026-09-01");
    add(
        &env,
        "Mercy Health",
        "Coder",
        &["--referral", &jane.to_string()],
    );
    assert_eq!(env.json(&["report", "network"])["warm_paths"], json!([]));
    contact(&env, "Ann Roe", "Mercy Health", "alumni", "2026-09-01");
    let paths = env.json(&["report", "network"])["warm_paths"].clone();
    assert_eq!(paths[0]["contacts"], json!(["Ann Roe"]));
}

/// Activity around the pinned week: the Sunday before must not count.
fn seed_week(env: &TestEnv) {
    applied(env, "Mercy Health", "Sunday Before", "", "2026-11-22");
    applied(env, "Mercy Health", "Monday", "indeed", "2026-11-23");
    add(env, "County Hospital", "Today", &["--source", "indeed"]);
    add(env, "County Hospital", "Saved", &["--status", "saved"]);
    let sam = contact(env, "Sam Lee", "Mercy Health", "colleague", "2026-11-22");
    contact(env, "Ann Roe", "County Hospital", "alumni", "2026-11-23");
    sql(
        env,
        &format!(
            "INSERT INTO interactions (contact_id, date) VALUES ({sam}, '2026-11-22'), ({sam}, '2026-11-24');
             INSERT INTO volunteer_shifts (org_id, date, hours, role) VALUES
                 (1, '2026-10-31', 4, 'Records'),
                 (1, '2026-11-22', 3, 'Records'),
                 (1, '2026-11-23', 2.25, 'Front desk'),
                 (1, '2026-11-25', 1.5, 'Records');
             INSERT INTO certifications (code, name, status, exam_on)
                 VALUES ('RHIT', 'Registered Health Information Technician', 'scheduled', '2026-12-05');"
        ),
    );
}

#[test]
fn the_dashboard_counts_this_week_from_monday() {
    let env = TestEnv::new();
    seed_week(&env);
    run(&env, &["goal", "set", "applications", "5", "--per", "week"]);
    run(
        &env,
        &["goal", "set", "volunteer_hours", "10", "--per", "month"],
    );
    run(
        &env,
        &["goal", "set", "interactions", "4", "--per", "month"],
    );
    run(&env, &["goal", "set", "contacts", "3", "--per", "week"]);

    let dashboard = env.json(&["report"]);
    assert_eq!(
        dashboard["week"],
        json!({"start": "2026-11-23", "applications": 2, "interactions": 1, "volunteer_hours": 3.75})
    );
    assert_eq!(
        dashboard["goals"],
        json!([
            {"metric": "applications", "period": "week", "target": 5, "done": 2},
            {"metric": "interactions", "period": "month", "target": 4, "done": 2},
            {"metric": "contacts", "period": "week", "target": 3, "done": 1},
            {"metric": "volunteer_hours", "period": "month", "target": 10, "done": 6.75},
        ])
    );
    assert_eq!(
        dashboard["pipeline"],
        json!({"saved": 1, "applied": 3, "screening": 0, "interview": 0, "offer": 0})
    );
    let certs = dashboard["certs"].as_array().unwrap();
    assert_eq!(certs.len(), 1);
    assert_eq!(
        (
            &certs[0]["code"],
            &certs[0]["status"],
            &certs[0]["exam_on"],
            &certs[0]["ceu_required"]
        ),
        (
            &json!("RHIT"),
            &json!("scheduled"),
            &json!("2026-12-05"),
            &json!(null)
        )
    );
    // Follow-ups: 11-29 and 11-30 fall within today + 6; today's (12-03) does not.
    let due: Vec<(String, String)> = dashboard["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["date"].as_str().unwrap().into(),
                i["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [
            ("2026-11-29".to_string(), "app_follow_up".to_string()),
            ("2026-11-30".to_string(), "app_follow_up".to_string())
        ]
    );
    assert_eq!(
        env.json(&["report", "dashboard"]),
        dashboard,
        "dashboard is the default"
    );

    let human = env.ok(&["report"]);
    assert!(
        human.contains("applications 2 · interactions 1 · volunteer hours 3.75"),
        "{human}"
    );
    assert!(human.contains("applications per week"), "{human}");
    assert!(human.contains("[########------------] 2/5"), "{human}");
    assert!(
        human.contains("[#############-------] 6.75/10"),
        "13.5 of 20 cells, rounded down: {human}"
    );
    assert!(
        human.contains("RHIT     scheduled, exam 2026-12-05, not yet eligible"),
        "{human}"
    );
    assert!(
        !human.contains('\x1b'),
        "no escape codes off a terminal: {human:?}"
    );
}

#[test]
fn the_dashboard_on_monday_and_sunday_of_the_same_week() {
    let env = TestEnv::new();
    seed_week(&env);
    let monday = env.on("2026-11-23").json(&["report"]);
    assert_eq!(monday["week"]["start"], "2026-11-23");
    assert_eq!(monday["week"]["volunteer_hours"], 3.75);
    let sunday = env.on("2026-11-22").json(&["report"]);
    assert_eq!(sunday["week"]["start"], "2026-11-16");
    assert_eq!(sunday["week"]["applications"], 1, "only the Sunday one");
    assert_eq!(sunday["week"]["volunteer_hours"], 3.0);
}

#[test]
fn goals_are_set_replaced_listed_and_removed() {
    let env = TestEnv::new();
    seed_week(&env);
    let goal = env.json(&["goal", "set", "applications", "10", "--per", "month"]);
    assert_eq!(
        goal,
        json!({"metric": "applications", "period": "month", "target": 10, "done": 3})
    );
    let weekly = env.json(&["goal", "set", "applications", "4", "--per", "week"]);
    assert_eq!(weekly["target"], 4);
    assert_eq!(weekly["done"], 2, "the Sunday before is last week");
    assert_eq!(
        env.count("SELECT count(*) FROM goals"),
        2,
        "a weekly goal beside the monthly one"
    );
    let replaced = env.json(&["goal", "set", "applications", "5", "--per", "week"]);
    assert_eq!(replaced["target"], 5);
    assert_eq!(env.count("SELECT count(*) FROM goals"), 2);
    assert_eq!(
        env.json(&["goal", "rm", "applications", "--per", "month"]),
        json!({"metric": "applications", "periods": ["month"], "removed": true})
    );
    assert_eq!(env.count("SELECT count(*) FROM goals"), 1);

    let line = env.ok(&["goal", "set", "volunteer_hours", "20", "--per", "month"]);
    assert_eq!(
        line.trim(),
        "Goal set: 20 volunteer hours per month (6.75 so far this month)"
    );
    let list = env.json(&["goal", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[1]["done"], 6.75, "October's shift is last month");

    let err = env.fails(2, &["goal", "set", "contacts", "-3", "--per", "week"]);
    assert!(err.contains("target") && err.contains("-3"), "{err}");
    env.fails(2, &["goal", "set", "contacts", "2.5", "--per", "week"]);
    let err = env.fails(2, &["goal", "set", "followers", "3", "--per", "week"]);
    assert!(err.contains("applications"), "lists the metrics: {err}");
    env.fails(2, &["goal", "set", "contacts", "3", "--per", "year"]);
    assert_eq!(
        env.count("SELECT count(*) FROM goals"),
        2,
        "nothing written"
    );

    assert_eq!(
        env.json(&["goal", "rm", "applications"]),
        json!({"metric": "applications", "periods": ["week"], "removed": true})
    );
    let err = env.fails(2, &["goal", "rm", "applications"]);
    assert!(err.contains("no goal for applications"), "{err}");
    env.ok(&["goal", "rm", "volunteer_hours"]);
    assert!(env.ok(&["goal", "list"]).contains("No goals yet"));
    assert_eq!(env.json(&["goal", "list"]), json!([]));
}

#[test]
fn goal_rm_and_reports_need_a_database_but_goal_set_creates_one() {
    let env = TestEnv::new();
    for args in [
        &["goal", "rm", "contacts"][..],
        &["goal", "list"],
        &["report"],
        &["report", "apps"],
        &["agenda"],
        &["report", "search-log"],
    ] {
        let err = env.fails(1, args);
        assert!(err.contains("no database"), "{args:?}: {err}");
    }
    assert!(!env.db.exists());
    env.ok(&["goal", "set", "contacts", "3", "--per", "week"]);
    assert!(env.db.exists());
}

/// One of every agenda kind, plus things that must stay out.
fn seed_agenda(env: &TestEnv) {
    // Applied 2026-11-20: follow-up 11-27.
    applied(
        env,
        "Mercy Health",
        "Health Information Technician",
        "",
        "2026-11-20",
    );
    // Quiet since 2026-10-20: stale from 11-10 (overdue), follow-up 10-27 (overdue).
    applied(
        env,
        "County Hospital",
        "Coding Specialist",
        "",
        "2026-10-20",
    );
    // An interview on 12-01 (future) of an active application.
    let interviewing = applied(env, "Lakeside Clinic", "Cancer Registrar", "", "2026-11-24");
    interview(env, interviewing, "2026-12-01");
    // Closed: its planned interview stays out; rejection clears the follow-up.
    let closed = applied(env, "Valley Clinic", "Records Clerk", "", "2026-11-24");
    interview(env, closed, "2026-12-02");
    run(env, &["app", "set", &closed.to_string(), "rejected"]);
    let jane = contact(
        env,
        "Jane Doe",
        "Regional Medical Center",
        "mentor",
        "2026-09-01",
    );
    sql(
        env,
        &format!(
            "UPDATE contacts SET follow_up_on = '2026-11-26' WHERE id = {jane};
             INSERT INTO certifications (code, name, status, exam_on) VALUES
                 ('RHIT', 'Registered Health Information Technician', 'scheduled', '2026-12-05'),
                 ('RHIA', 'Registered Health Information Administrator', 'passed', '2026-12-04'),
                 ('CCA', 'Certified Coding Associate', 'applied', '2026-11-01');
             INSERT INTO events (org_id, title, date, kind) VALUES
                 (1, 'Ohio HIMA fall meeting, Columbus; day 1', '2026-12-03', 'conference'),
                 (1, 'Old webinar', '2026-11-01', 'webinar'),
                 (1, 'Job fair next month', '2026-12-20', 'career_fair');
             INSERT INTO memberships (org_id, since, renews_on) VALUES (5, '2025-11-20', '2026-11-20');"
        ),
    );
}

fn kinds_and_ids(items: &Value) -> Vec<(String, String, i64, bool)> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["date"].as_str().unwrap().to_string(),
                i["kind"].as_str().unwrap().to_string(),
                i["id"].as_i64().unwrap(),
                i["overdue"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_agenda_lists_overdue_items_first_then_by_date() {
    let env = TestEnv::new();
    seed_agenda(&env);
    let items = env.json(&["agenda"]);
    let interview_event = env
        .count("SELECT id FROM application_events WHERE kind = 'interview' AND application_id = 3");
    let s = |t: &str| t.to_string();
    assert_eq!(
        kinds_and_ids(&items),
        [
            (s("2026-10-27"), s("app_follow_up"), 2, true),
            (s("2026-11-10"), s("stale"), 2, true),
            (s("2026-11-20"), s("renewal"), 1, true),
            (s("2026-11-26"), s("contact_follow_up"), 1, false),
            (s("2026-11-27"), s("app_follow_up"), 1, false),
            (s("2026-12-01"), s("interview"), interview_event, false),
            (s("2026-12-03"), s("event"), 1, false),
            // The interview of 12-01 follows up 4 days after it (DESIGN §10.5).
            (s("2026-12-05"), s("app_follow_up"), 3, false),
            (s("2026-12-05"), s("exam"), 1, false),
        ]
    );
    assert_eq!(
        items[4]["title"],
        "Follow up: Health Information Technician at Mercy Health"
    );
    assert_eq!(
        items[3]["title"],
        "Follow up with Jane Doe at Regional Medical Center"
    );
    assert_eq!(
        items[2]["title"],
        "Renew membership: Regional Medical Center"
    );
    assert_eq!(
        items[5]["title"],
        "Interview: Cancer Registrar at Lakeside Clinic (application 3)"
    );

    // --days widens the window; overdue items stay whatever it says.
    let wide = kinds_and_ids(&env.json(&["agenda", "--days", "30"]));
    assert!(wide
        .iter()
        .any(|(d, k, _, _)| d == "2026-12-20" && k == "event"));
    let narrow = kinds_and_ids(&env.json(&["agenda", "--days", "0"]));
    assert_eq!(
        narrow.len(),
        4,
        "three overdue items and today's: {narrow:?}"
    );
    let err = env.fails(2, &["agenda", "--days", "-1"]);
    assert!(err.contains("--days"), "{err}");

    // Stale from 12-01 for the application applied 11-10, within 14 days.
    add(
        &env,
        "Summit Health",
        "Data Analyst",
        &["--applied", "2026-11-10", "--follow-up", "2027-01-01"],
    );
    let later = kinds_and_ids(&env.json(&["agenda"]));
    assert!(
        later.contains(&(s("2026-12-01"), s("stale"), 5, false)),
        "{later:?}"
    );

    let human = env.ok(&["agenda"]);
    assert!(human.contains("2026-10-27 overdue"), "{human}");
    assert!(
        human.contains("Follow up: Health Information Technician at Mercy Health"),
        "{human}"
    );
}

#[test]
fn the_human_agenda_shows_at_most_30_per_kind() {
    let env = TestEnv::new();
    run(&env, &["init"]);
    let conn = env.sql();
    for i in 0..33 {
        conn.execute(
            "INSERT INTO contacts (name, added_on, follow_up_on) VALUES (?1, '2026-11-01', '2026-11-27')",
            [format!("Person {i:02}")],
        )
        .unwrap();
    }
    applied(&env, "Mercy Health", "Coder", "", "2026-11-25");
    assert_eq!(
        env.json(&["agenda"]).as_array().unwrap().len(),
        34,
        "JSON lists every item"
    );
    let human = env.ok(&["agenda"]);
    assert_eq!(human.matches("contact follow-up").count(), 30, "{human}");
    assert!(human.contains("app follow-up"), "{human}");
    assert!(human.contains("3 more"), "{human}");
    assert!(human.contains("agenda --all"), "{human}");
    let all = env.ok(&["agenda", "--all"]);
    assert_eq!(all.matches("contact follow-up").count(), 33);
    assert!(!all.contains("more not shown"));
}

#[test]
fn agenda_ics_parses_and_keeps_its_uids() {
    let env = TestEnv::new();
    seed_agenda(&env);
    // A long, punctuated title to fold and escape.
    applied(
        &env,
        "The Very Long Named Regional Health Information Management Association, Inc.",
        "Senior Clinical Documentation Integrity Specialist; Remote",
        "",
        "2026-11-24",
    );
    let text = env.ok(&["agenda", "--ics"]);
    assert_eq!(
        text,
        env.ok(&["agenda", "--ics"]),
        "the same feed on every run"
    );
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends CRLF"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    assert!(text.contains("\r\n "), "the long summary is folded");

    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let items = env.json(&["agenda"]);
    // The 14-day agenda, and the job fair of 12-20: events are included
    // 90 days ahead whatever --days says.
    assert_eq!(events.len(), items.as_array().unwrap().len() + 1);
    let prop = |event: &icalendar::parser::Component<'_>, name: &str| {
        event
            .find_prop(name)
            .map(|p| p.val.as_str().to_string())
            .unwrap_or_default()
    };
    let uids: BTreeSet<String> = events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    let interview_event = env
        .count("SELECT id FROM application_events WHERE kind = 'interview' AND application_id = 3");
    // UIDs carry the database's random id (DESIGN §10.5).
    let dbid: String = env
        .sql()
        .query_row("SELECT value FROM meta WHERE key = 'dbid'", [], |r| {
            r.get(0)
        })
        .unwrap();
    for uid in [
        "app_follow_up-1".to_string(),
        "contact_follow_up-1".to_string(),
        format!("interview-{interview_event}"),
        "exam-1".to_string(),
        "event-1".to_string(),
        "stale-2".to_string(),
        "renewal-1".to_string(),
    ]
    .map(|key| format!("{key}-{dbid}@jobtrack"))
    {
        assert!(uids.contains(&uid), "{uid} missing from {uids:?}");
    }
    for event in &events {
        assert_eq!(prop(event, "DTSTAMP"), "20261126T000000Z");
    }
    let exam = events
        .iter()
        .find(|e| prop(e, "UID") == format!("exam-1-{dbid}@jobtrack"))
        .unwrap();
    assert_eq!(prop(exam, "DTSTART"), "20261205");
    assert!(text.contains("DTSTART;VALUE=DATE:20261205"));
    let meeting = events
        .iter()
        .find(|e| prop(e, "UID") == format!("event-1-{dbid}@jobtrack"))
        .unwrap();
    assert_eq!(
        prop(meeting, "SUMMARY"),
        "Ohio HIMA fall meeting, Columbus; day 1 (Mercy Health)"
    );
    assert!(
        text.contains("SUMMARY:Ohio HIMA fall meeting\\, Columbus\\; day 1"),
        "commas and semicolons escaped: {text}"
    );
    let long = events
        .iter()
        .map(|e| prop(e, "SUMMARY"))
        .find(|s| s.contains("Senior Clinical"))
        .expect("the long follow-up");
    assert!(long.ends_with("Management Association, Inc."), "{long}");
}

/// Activities inside 2026-11-09..2026-11-15 and on either side of it.
fn seed_search_log(env: &TestEnv) {
    applied(env, "Outside Before", "Too Early", "indeed", "2026-11-08");
    let inside = applied(env, "Mercy Health", "Coder", "indeed", "2026-11-09");
    set(env, inside, "interview", "2026-11-12");
    run(
        env,
        &[
            "app",
            "interview",
            &inside.to_string(),
            "--on",
            "2026-11-13",
            "--note",
            "panel, with HIM director",
        ],
    );
    set(env, inside, "offer", "2026-11-17");
    let jane = contact(
        env,
        "Jane Doe",
        "Regional Medical Center",
        "mentor",
        "2026-09-01",
    );
    sql(
        env,
        &format!(
            "INSERT INTO interactions (contact_id, date, channel, note) VALUES
                 ({jane}, '2026-11-15', 'call', '=HYPERLINK(\"http://x\")'),
                 ({jane}, '2026-11-14', 'email', '''quoted'),
                 ({jane}, '2026-11-16', 'coffee', 'outside after');
             INSERT INTO events (org_id, title, date, kind) VALUES
                 (NULL, 'Virtual career fair', '2026-11-14', 'career_fair'),
                 (NULL, 'Too late', '2026-11-16', 'webinar');"
        ),
    );
}

#[test]
fn search_log_csv_lists_every_activity_in_the_range_and_nothing_else() {
    let env = TestEnv::new();
    seed_search_log(&env);
    let text = env.ok(&[
        "report",
        "search-log",
        "--since",
        "2026-11-09",
        "--until",
        "2026-11-15",
        "--csv",
    ]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "date",
            "organization",
            "position",
            "contact_person",
            "contact_info",
            "method",
            "source",
            "result"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let row = |cells: [&str; 8]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    // DESIGN §10.5: how the contact was made (method) apart from where the
    // job was found (source), and no note text without --include-notes.
    assert_eq!(
        rows,
        [
            row([
                "2026-11-09",
                "Mercy Health",
                "Coder",
                "",
                "",
                "online",
                "indeed",
                "applied"
            ]),
            row([
                "2026-11-12",
                "Mercy Health",
                "Coder",
                "",
                "",
                "online",
                "indeed",
                "interview"
            ]),
            row([
                "2026-11-13",
                "Mercy Health",
                "Coder",
                "",
                "",
                "in_person",
                "indeed",
                "interview"
            ]),
            row([
                "2026-11-14",
                "Regional Medical Center",
                "",
                "Jane Doe",
                "",
                "email",
                "",
                "email"
            ]),
            row([
                "2026-11-14",
                "",
                "Virtual career fair",
                "",
                "",
                "event",
                "",
                "attended"
            ]),
            row([
                "2026-11-15",
                "Regional Medical Center",
                "",
                "Jane Doe",
                "",
                "phone",
                "",
                "call"
            ]),
        ]
    );
    assert!(
        !text.contains("panel") && !text.contains("HYPERLINK"),
        "{text}"
    );
    assert!(!text.contains("outside") && !text.contains("Too"), "{text}");

    let with_notes = env.ok(&[
        "report",
        "search-log",
        "--since",
        "2026-11-09",
        "--until",
        "2026-11-15",
        "--csv",
        "--include-notes",
    ]);
    assert!(
        with_notes.contains("\"interview: panel, with HIM director\""),
        "RFC 4180 quoting: {with_notes}"
    );
    assert!(with_notes.contains("call: =HYPERLINK"), "{with_notes}");

    let json = env.json(&[
        "report",
        "search-log",
        "--since",
        "2026-11-09",
        "--until",
        "2026-11-15",
        "--include-notes",
    ]);
    assert_eq!(json.as_array().unwrap().len(), 6);
    assert_eq!(json[3]["result"], "email: 'quoted");
    assert_eq!(json[4]["organization"], Value::Null);
    assert_eq!(json[0]["source"], "indeed");
}

#[test]
fn search_log_defaults_to_this_week() {
    let env = TestEnv::new();
    seed_search_log(&env);
    applied(
        &env,
        "Mercy Health",
        "Sunday Before",
        "indeed",
        "2026-11-22",
    );
    applied(&env, "Mercy Health", "Monday", "linkedin", "2026-11-23");
    let rows = env.json(&["report", "search-log"]);
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows:#}");
    assert_eq!(rows[0]["position"], "Monday");
    assert_eq!(rows[0]["method"], "online");
    assert_eq!(rows[0]["source"], "linkedin");
    let human = env.ok(&["report", "search-log"]);
    assert!(
        human.contains("2026-11-23 to 2026-11-29: 1 entry"),
        "{human}"
    );

    let err = env.fails(
        2,
        &[
            "report",
            "search-log",
            "--since",
            "2026-11-20",
            "--until",
            "2026-11-10",
        ],
    );
    assert!(err.contains("--until"), "{err}");
}

#[test]
fn report_volunteer_groups_hours_for_a_resume() {
    let env = TestEnv::new();
    run(&env, &["init"]);
    sql(
        &env,
        "INSERT INTO organizations (name, created_at) VALUES
             ('Mercy Health', '2026-01-01T00:00:00Z'), ('County Hospital', '2026-01-01T00:00:00Z');
         INSERT INTO volunteer_shifts (org_id, date, hours, role) VALUES
             (1, '2026-09-05', 3.33, 'Records volunteer'),
             (1, '2026-10-10', 3.33, 'Front desk'),
             (1, '2026-11-20', 3.34, 'Records volunteer'),
             (2, '2026-10-02', 4.5, NULL);",
    );
    let report = env.json(&["report", "volunteer"]);
    assert_eq!(report["total_hours"], 14.5);
    assert_eq!(
        report["groups"],
        json!([
            {"org": "Mercy Health", "hours": 10.0, "first_date": "2026-09-05", "last_date": "2026-11-20",
             "roles": ["Front desk", "Records volunteer"]},
            {"org": "County Hospital", "hours": 4.5, "first_date": "2026-10-02", "last_date": "2026-10-02",
             "roles": []},
        ])
    );
    let months = env.json(&["report", "volunteer", "--by", "month"]);
    let listed: Vec<(&str, f64)> = months["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["month"].as_str().unwrap(), g["hours"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [("2026-11", 3.34), ("2026-10", 7.83), ("2026-09", 3.33)]
    );
    let human = env.ok(&["report", "volunteer"]);
    assert!(
        human
            .contains("Mercy Health, Front desk, Records volunteer: 10 hours, Sep 2026 – Nov 2026"),
        "{human}"
    );
    let err = env.fails(2, &["report", "volunteer", "--by", "year"]);
    assert!(err.contains("org") && err.contains("month"), "{err}");
}

#[test]
fn human_reports_draw_plain_charts_off_a_terminal() {
    let env = TestEnv::new();
    seed_funnel(&env);
    let apps = env.ok(&["report", "apps"]);
    let interview_bar = apps
        .lines()
        .find(|l| l.trim_start().starts_with("interview"))
        .expect(&apps);
    let applied_bar = apps
        .lines()
        .find(|l| l.trim_start().starts_with("applied"))
        .expect(&apps);
    assert!(interview_bar.ends_with(&"#".repeat(30)), "{apps}");
    assert!(applied_bar.contains('#'), "{apps}");
    assert!(!apps.contains('\x1b'), "{apps:?}");
    let dashboard = env.ok(&["report"]);
    assert!(
        dashboard.contains("last 12 weeks, applications:  0 0 0 3 2 0 0 0 0 0 1 0"),
        "weekly applications as numbers: {dashboard}"
    );
    let coloured = env.ok(&["--color", "always", "report"]);
    assert!(coloured.contains('\x1b'), "--color always paints");
    let mut no_color = env.cmd();
    let output = no_color
        .env("NO_COLOR", "1")
        .arg("report")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\x1b'));
}

mod certs {
    use crate::util::TestEnv;

    /// RHIT passed on 2025-02-01: its first cycle ends 2027-01-31, 66 days
    /// after the pinned today.
    fn rhit_passed(env: &TestEnv, ceus: &str) {
        env.ok(&["cert", "score", "RHIT", "350", "--on", "2025-02-01"]);
        env.ok(&[
            "cert",
            "ceu",
            "RHIT",
            ceus,
            "--on",
            "2026-10-01",
            "--title",
            "AHIMA webinar",
        ]);
    }

    #[test]
    fn report_certs_shows_the_cycle_and_ceus() {
        let env = TestEnv::new();
        rhit_passed(&env, "5");
        env.ok(&["cert", "exam", "CCS", "--on", "2026-12-15"]);
        let report = env.json(&["report", "certs"]);
        let rhit = &report["certs"][1];
        assert_eq!(rhit["code"], "RHIT");
        assert_eq!(rhit["status"], "passed");
        assert_eq!(rhit["cycle_start"], "2025-02-01");
        assert_eq!(rhit["cycle_end"], "2027-01-31");
        assert_eq!(rhit["ceu_earned"], 5.0);
        assert_eq!(rhit["ceu_required"], 20);
        assert_eq!(rhit["lapsed"], false);
        let ccs = &report["certs"][0];
        assert_eq!(ccs["code"], "CCS");
        assert_eq!(ccs["exam_on"], "2026-12-15");
        assert_eq!(ccs["ceu_required"], serde_json::Value::Null);
        let text = env.ok(&["report", "certs"]);
        assert!(
            text.contains("RHIT") && text.contains("5/20") && text.contains("2027-01-31"),
            "{text}"
        );
        assert!(
            text.contains("80%"),
            "the sub-rules are printed as reminders:\n{text}"
        );
    }

    #[test]
    fn the_agenda_warns_90_days_before_a_cycle_ends_short_of_ceus() {
        let env = TestEnv::new();
        rhit_passed(&env, "5");
        // Whatever --days says, the deadline 66 days away shows.
        let items = env.json(&["agenda", "--days", "3"]);
        let deadline: Vec<_> = items
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == "ceu_deadline")
            .collect();
        assert_eq!(deadline.len(), 1, "{items}");
        assert_eq!(deadline[0]["date"], "2027-01-31");
        assert_eq!(deadline[0]["id"], 1);
        assert!(
            deadline[0]["title"]
                .as_str()
                .unwrap()
                .contains("15 more hours"),
            "{}",
            deadline[0]
        );
        let ics = env.ok(&["agenda", "--ics"]);
        // The UID carries the database's id (DESIGN §10.5).
        let dbid: String = env
            .sql()
            .query_row("SELECT value FROM meta WHERE key = 'dbid'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(
            ics.contains(&format!("UID:ceu_deadline-1-{dbid}@jobtrack")),
            "{ics}"
        );
        let dashboard = env.json(&["report"]);
        assert_eq!(dashboard["certs"][0]["ceu_earned"], 5.0);
        assert!(dashboard["due"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "ceu_deadline"));

        // 91 days before the end: not yet.
        let early = env.on("2026-11-01").json(&["agenda"]);
        assert!(
            !early
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["kind"] == "ceu_deadline"),
            "{early}"
        );
    }

    #[test]
    fn enough_ceus_or_a_shared_pool_give_at_most_one_warning() {
        let env = TestEnv::new();
        rhit_passed(&env, "20");
        let items = env.json(&["agenda"]);
        assert!(
            !items
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["kind"] == "ceu_deadline"),
            "{items}"
        );

        let env = TestEnv::new();
        env.ok(&["cert", "score", "RHIT", "350", "--on", "2025-02-01"]);
        env.ok(&["cert", "set", "CCS", "passed", "--on", "2025-06-01"]);
        let items = env.json(&["agenda"]);
        let deadlines: Vec<_> = items
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == "ceu_deadline")
            .collect();
        assert_eq!(deadlines.len(), 1, "one pool, one warning: {items}");
        assert!(
            deadlines[0]["title"].as_str().unwrap().contains("CCS/RHIT"),
            "{}",
            deadlines[0]
        );
    }
}

/// The rows of `report search-log --json` for one day, as (position, result).
fn search_log_day(env: &TestEnv, day: &str) -> Vec<(String, String)> {
    env.json(&[
        "report",
        "search-log",
        "--since",
        day,
        "--until",
        day,
        "--include-notes",
    ])
    .as_array()
    .unwrap()
    .iter()
    .map(|r| {
        (
            r["position"].as_str().unwrap_or("").to_string(),
            r["result"].as_str().unwrap_or("").to_string(),
        )
    })
    .collect()
}

#[test]
fn an_interview_and_its_automatic_move_to_interview_are_one_search_log_row() {
    let env = TestEnv::new();
    // The interview moves the applied application to `interview` the same day.
    let coder = applied(&env, "Mercy Health", "Coder", "indeed", "2026-10-01");
    run(
        &env,
        &[
            "app",
            "interview",
            &coder.to_string(),
            "--on",
            "2026-10-08",
            "--note",
            "phone screen",
        ],
    );
    assert_eq!(
        env.count(&format!(
            "SELECT count(*) FROM application_events WHERE application_id = {coder} AND date = '2026-10-08'
             AND kind IN ('interview', 'status')"
        )),
        2,
        "the history keeps both entries"
    );
    // Moved to interview with a note, then the interview entered without one.
    let clerk = applied(&env, "Mercy Health", "Clerk", "indeed", "2026-10-01");
    run(
        &env,
        &[
            "app",
            "set",
            &clerk.to_string(),
            "interview",
            "--on",
            "2026-10-08",
            "--note",
            "with the HIM director",
        ],
    );
    interview(&env, clerk, "2026-10-08");
    // The same interview entered twice is still one activity.
    let analyst = applied(&env, "Mercy Health", "Analyst", "indeed", "2026-10-01");
    interview(&env, analyst, "2026-10-08");
    interview(&env, analyst, "2026-10-08");
    let s = |t: &str| t.to_string();
    assert_eq!(
        search_log_day(&env, "2026-10-08"),
        [
            (s("Coder"), s("interview: phone screen")),
            (s("Clerk"), s("interview: with the HIM director")),
            (s("Analyst"), s("interview")),
        ]
    );
    let csv = env.ok(&[
        "report",
        "search-log",
        "--since",
        "2026-10-08",
        "--until",
        "2026-10-08",
        "--csv",
    ]);
    assert_eq!(csv.lines().count(), 4, "a header and three rows: {csv}");
    // A move to interview on another day than the interview stays its own row.
    let registrar = applied(&env, "Lakeside Clinic", "Registrar", "", "2026-10-01");
    set(&env, registrar, "interview", "2026-10-09");
    interview(&env, registrar, "2026-10-12");
    assert_eq!(
        search_log_day(&env, "2026-10-09"),
        [(s("Registrar"), s("interview"))]
    );
    assert_eq!(
        search_log_day(&env, "2026-10-12"),
        [(s("Registrar"), s("interview"))]
    );
}

#[test]
fn goal_and_stage_bars_are_never_full_before_the_target() {
    let env = TestEnv::new();
    run(
        &env,
        &["goal", "set", "volunteer_hours", "10", "--per", "month"],
    );
    run(
        &env,
        &["vol", "log", "Mercy Health", "9.75", "--on", "2026-11-02"],
    );
    for args in [&["report"][..], &["goal", "list"][..]] {
        let human = env.ok(args);
        assert!(
            human.contains("[###################-] 9.75/10"),
            "19.5 of 20 cells is not full: {human}"
        );
    }
    run(
        &env,
        &["vol", "log", "Mercy Health", "0.25", "--on", "2026-11-03"],
    );
    assert!(
        env.ok(&["report"]).contains("[####################] 10/10"),
        "full once reached"
    );

    // 59 of 60 is 29.5 of 30 cells: the smaller bar stays short of full.
    let conn = env.sql();
    for (status, n) in [("applied", 60), ("screening", 59)] {
        for _ in 0..n {
            conn.execute(
                "INSERT INTO applications (org_id, title, status, applied_on, created_at, updated_at)
                 VALUES (1, 'Coder', ?1, '2026-11-02', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')",
                [status],
            )
            .unwrap();
        }
    }
    let apps = env.ok(&["report", "apps"]);
    let bar = |status: &str| {
        let line = apps
            .lines()
            .find(|l| l.trim_start().starts_with(status))
            .unwrap_or_else(|| panic!("no {status} bar: {apps}"));
        line.matches('#').count()
    };
    assert_eq!((bar("applied"), bar("screening")), (30, 29), "{apps}");
}

#[test]
fn report_tables_have_capitalised_headers() {
    let env = TestEnv::new();
    seed_agenda(&env);
    let header = |text: &str| {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let agenda = env.ok(&["agenda"]);
    assert_eq!(
        header(&agenda).as_deref(),
        Some("Date Kind What Ref"),
        "{agenda}"
    );

    let dashboard = env.ok(&["report"]);
    assert!(dashboard.contains("Due through 2026-12-02"), "{dashboard}");
    assert!(!dashboard.contains("Due this week"), "{dashboard}");
    let due = dashboard
        .split("Due through 2026-12-02")
        .nth(1)
        .unwrap_or_default();
    assert_eq!(
        header(due).as_deref(),
        Some("Date Kind What Ref"),
        "{dashboard}"
    );

    let log = env.ok(&["report", "search-log", "--since", "2026-11-20"]);
    let table = log
        .split_once('\n')
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    assert_eq!(
        header(table).as_deref(),
        Some("Date Organization Position Contact Info Method Source Result"),
        "{log}"
    );
    let apps = env.ok(&["report", "apps"]);
    assert!(
        apps.lines().any(|l| l.trim_start().starts_with("Source ")
            && l.contains("Response rate")
            && l.contains("Interview rate")),
        "{apps}"
    );
    let network = env.ok(&["report", "network"]);
    assert!(
        network
            .lines()
            .any(|l| l.contains("Applied") && l.contains("Response rate")),
        "{network}"
    );
}

#[test]
fn an_empty_search_log_range_is_refused_naming_both_options() {
    let env = TestEnv::new();
    run(&env, &["init"]);
    let err = env.fails(
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
    assert_eq!(
        err.trim(),
        "error: --until (2026-11-01) is before --since (2026-12-01); give an --until on or after --since"
    );
    // The same day at both ends is a range of one day.
    env.ok(&[
        "report",
        "search-log",
        "--since",
        "2026-11-01",
        "--until",
        "2026-11-01",
    ]);
}

#[test]
fn report_volunteer_names_a_single_month_once() {
    let env = TestEnv::new();
    run(
        &env,
        &[
            "vol",
            "log",
            "Mercy Health",
            "3",
            "--on",
            "2026-11-02",
            "--role",
            "Records",
        ],
    );
    run(
        &env,
        &["vol", "log", "Mercy Health", "2", "--on", "2026-11-20"],
    );
    run(
        &env,
        &["vol", "log", "Red Cross", "4", "--on", "2026-09-05"],
    );
    run(
        &env,
        &["vol", "log", "Red Cross", "1", "--on", "2026-10-05"],
    );
    let human = env.ok(&["report", "volunteer"]);
    assert!(
        human.contains("  Mercy Health, Records: 5 hours, Nov 2026\n"),
        "{human}"
    );
    assert!(
        human.contains("  Red Cross: 5 hours, Sep 2026 – Oct 2026\n"),
        "{human}"
    );
    let months = env.ok(&["report", "volunteer", "--by", "month"]);
    assert!(
        months.contains("  2026-11, Records: 5 hours, Nov 2026\n"),
        "{months}"
    );
    assert!(!months.contains("Nov 2026 – Nov 2026"), "{months}");
}

#[test]
fn the_same_interview_entered_twice_is_one_agenda_item() {
    let env = TestEnv::new();
    let coder = applied(&env, "Mercy Health", "Coder", "", "2026-11-24");
    interview(&env, coder, "2026-12-01");
    interview(&env, coder, "2026-12-01");
    // Another day is another interview.
    interview(&env, coder, "2026-12-04");
    let ids: Vec<i64> = env
        .sql()
        .prepare("SELECT id FROM application_events WHERE kind = 'interview' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ids.len(), 3);
    let interviews: Vec<(String, i64)> = kinds_and_ids(&env.json(&["agenda"]))
        .into_iter()
        .filter(|(_, kind, _, _)| kind == "interview")
        .map(|(date, _, id, _)| (date, id))
        .collect();
    assert_eq!(
        interviews,
        [
            ("2026-12-01".to_string(), ids[0]),
            ("2026-12-04".to_string(), ids[2])
        ],
        "the lowest id of the pair"
    );
    let human = env.ok(&["agenda"]);
    assert_eq!(
        human.matches("Interview: Coder at Mercy Health").count(),
        2,
        "{human}"
    );
    let ics = env.ok(&["agenda", "--ics"]);
    assert_eq!(ics.matches("CATEGORIES:interview").count(), 2, "{ics}");
    let dashboard = env.json(&["report"]);
    let due_interviews = dashboard["due"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "interview")
        .count();
    assert_eq!(due_interviews, 1, "12-04 is past today + 6; 12-01 once");
}
