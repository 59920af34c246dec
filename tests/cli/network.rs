//! `jobtrack contact …`, `event …` and the networking side of `org …`:
//! contacts, interactions, follow-ups, events, memberships, renames.

use serde_json::Value;

use crate::util::TestEnv;

fn add_dana(env: &TestEnv) -> Value {
    env.json(&[
        "contact",
        "add",
        "Dana Reyes",
        "--org",
        "Mercy Health",
        "--role",
        "HIM Director",
        "--relationship",
        "mentor",
    ])
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|c| c["name"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_coffee_with_a_mentor_comes_due_on_its_follow_up_day() {
    let env = TestEnv::new();
    let added = add_dana(&env);
    assert_eq!(added["id"], 1);
    assert_eq!(added["org"], "Mercy Health");
    assert_eq!(added["relationship"], "mentor");
    assert_eq!(added["added_on"], "2026-11-26");
    assert_eq!(added["interactions"], serde_json::json!([]));
    assert_eq!(added["referred"], serde_json::json!([]));
    assert!(added.get("org_id").is_none(), "JSON never shows org ids");

    let logged = env.json(&[
        "contact",
        "log",
        "1",
        "--channel",
        "coffee",
        "--note",
        "talked about the RHIT exam",
        "--follow-up",
        "+2w",
    ]);
    assert_eq!(logged["contact_id"], 1);
    assert_eq!(logged["channel"], "coffee");
    assert_eq!(logged["date"], "2026-11-26");
    assert_eq!(logged["note"], "talked about the RHIT exam");
    assert_eq!(logged["follow_up_on"], "2026-12-10");

    assert_eq!(
        names(&env.json(&["contact", "list", "--due"])),
        Vec::<String>::new()
    );
    assert_eq!(
        names(&env.on("2026-12-09").json(&["contact", "list", "--due"])),
        Vec::<String>::new(),
        "not due the day before"
    );
    let due = env.on("2026-12-10").json(&["contact", "list", "--due"]);
    assert_eq!(names(&due), vec!["Dana Reyes"]);
    assert_eq!(due[0]["follow_up_on"], "2026-12-10");
    assert_eq!(due[0]["last_interaction_on"], "2026-11-26");
    let human = env.on("2026-12-10").ok(&["contact", "list", "--due"]);
    assert!(
        human.contains("Dana Reyes") && human.contains("2026-12-10"),
        "{human}"
    );
    assert!(
        env.ok(&["contact", "list", "--due"])
            .contains("No follow-ups due"),
        "the human view says when nothing is due"
    );
    assert_eq!(
        names(&env.on("2027-01-05").json(&["contact", "list", "--due"])),
        vec!["Dana Reyes"],
        "still due (overdue) later"
    );

    let shown = env.ok(&["contact", "show", "1"]);
    for expected in [
        "Dana Reyes",
        "Mercy Health",
        "HIM Director",
        "coffee",
        "talked about the RHIT exam",
        "2026-12-10 (in 14 days)",
    ] {
        assert!(
            shown.contains(expected),
            "missing {expected:?} in:\n{shown}"
        );
    }
}

#[test]
fn logging_replaces_the_follow_up_or_clears_the_one_that_has_passed() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Sam Ortiz", "--follow-up", "2026-11-20"]);
    env.ok(&["contact", "add", "Priya Shah", "--follow-up", "2026-12-20"]);

    let out = env.ok(&["contact", "log", "1", "--channel", "email"]);
    assert!(out.contains("cleared"), "{out}");
    let sam = env.json(&["contact", "show", "1"]);
    assert_eq!(
        sam["follow_up_on"],
        Value::Null,
        "the passed one is cleared"
    );
    assert_eq!(sam["interactions"][0]["follow_up_on"], Value::Null);

    env.ok(&["contact", "log", "2", "--channel", "call", "--on", "-2d"]);
    assert_eq!(
        env.json(&["contact", "show", "2"])["follow_up_on"],
        "2026-12-20",
        "a later follow-up is kept"
    );
    env.ok(&[
        "contact",
        "log",
        "2",
        "--channel",
        "message",
        "--follow-up",
        "2027-01-04",
    ]);
    let priya = env.json(&["contact", "show", "2"]);
    assert_eq!(
        priya["follow_up_on"], "2027-01-04",
        "--follow-up replaces it"
    );
    let dates: Vec<&str> = priya["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, vec!["2026-11-24", "2026-11-26"], "oldest first");

    // An interaction dated before a due follow-up leaves it.
    env.ok(&["contact", "add", "Lee Park", "--follow-up", "2026-11-25"]);
    env.ok(&["contact", "log", "3", "--on", "2026-11-20"]);
    let lee = env.json(&["contact", "show", "3"]);
    assert_eq!(lee["follow_up_on"], "2026-11-25");
    assert_eq!(lee["interactions"][0]["channel"], "other", "the default");
    assert_eq!(env.ok(&["-q", "contact", "log", "3"]).trim(), "5");
}

#[test]
fn unknown_relationships_and_channels_list_the_accepted_values_and_write_nothing() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Sam Ortiz"]);
    let stderr = env.fails(2, &["contact", "add", "Dana", "--relationship", "boss"]);
    for expected in ["--relationship", "boss", "mentor", "career_office", "other"] {
        assert!(stderr.contains(expected), "missing {expected:?}: {stderr}");
    }
    let stderr = env.fails(2, &["contact", "log", "1", "--channel", "lunch"]);
    for expected in ["--channel", "lunch", "coffee", "email", "meeting"] {
        assert!(stderr.contains(expected), "missing {expected:?}: {stderr}");
    }
    let stderr = env.fails(2, &["contact", "edit", "1", "--relationship", "pal"]);
    assert!(stderr.contains("recruiter"), "{stderr}");
    let stderr = env.fails(
        2,
        &["event", "add", "X", "Y", "--on", "today", "--kind", "gala"],
    );
    assert!(stderr.contains("career_fair"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 1);
    assert_eq!(env.count("SELECT count(*) FROM interactions"), 0);
    assert_eq!(env.count("SELECT count(*) FROM events"), 0);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);
    assert_eq!(
        env.json(&["contact", "show", "1"])["relationship"],
        "other",
        "the default, unchanged"
    );
}

#[test]
fn bad_dates_and_values_exit_2_naming_the_field() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Sam Ortiz"]);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[
                "contact",
                "add",
                "Dana",
                "--org",
                "Mercy",
                "--follow-up",
                "soon",
            ],
            &["--follow-up", "YYYY-MM-DD", "+N/-N"],
        ),
        (
            &["contact", "log", "1", "--on", "tomorrow"],
            &["--on", "after today"],
        ),
        (
            &["contact", "log", "1", "--on", "2026-02-30"],
            &["--on", "YYYY-MM-DD"],
        ),
        (
            &["contact", "log", "1", "--follow-up", "next week"],
            &["--follow-up"],
        ),
        (
            &["contact", "edit", "1", "--follow-up", "13/01"],
            &["--follow-up"],
        ),
        (
            &[
                "contact",
                "add",
                "Dana",
                "--org",
                "Mercy",
                "--email",
                "dana at mercy",
            ],
            &["--email", "example.org"],
        ),
        (
            &["contact", "add", "Dana", "--linkedin", "dana-reyes"],
            &["--linkedin", "linkedin.com/in/"],
        ),
        (&["contact", "add", "  "], &["NAME", "empty"]),
        (
            &["event", "add", "Ohio AHIMA", "Meeting", "--on", "someday"],
            &["--on"],
        ),
        (
            &["org", "join", "Ohio AHIMA", "--since", "2026-13-01"],
            &["--since"],
        ),
        (
            &[
                "org",
                "join",
                "Ohio AHIMA",
                "--since",
                "2026-06-01",
                "--renews",
                "2026-01-01",
            ],
            &["--renews", "before"],
        ),
    ];
    for (args, expected) in cases {
        let stderr = env.fails(2, args);
        for text in *expected {
            assert!(
                stderr.contains(text),
                "{args:?}: missing {text:?} in {stderr}"
            );
        }
    }
    let stderr = env.fails(2, &["event", "add", "Ohio AHIMA", "Meeting"]);
    assert!(stderr.contains("--on"), "--on is required: {stderr}");
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 1);
    assert_eq!(env.count("SELECT count(*) FROM interactions"), 0);
    assert_eq!(env.count("SELECT count(*) FROM events"), 0);
    assert_eq!(env.count("SELECT count(*) FROM memberships"), 0);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);
    assert_eq!(
        env.json(&["contact", "show", "1"])["follow_up_on"],
        Value::Null
    );
}

#[test]
fn unknown_ids_exit_2() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    for args in [
        &["contact", "show", "9"][..],
        &["contact", "log", "9"],
        &["contact", "edit", "9", "--role", "x"],
        &["contact", "rm", "9"],
        &["event", "rm", "9"],
    ] {
        let stderr = env.fails(2, args);
        assert!(
            stderr.contains("no ") && stderr.contains(" 9"),
            "{args:?}: {stderr}"
        );
    }
    let stderr = env.fails(2, &["app", "add", "A", "T", "--referral", "9"]);
    assert!(stderr.contains("contact list"), "{stderr}");
}

#[test]
fn org_show_names_the_referrer_and_the_referred_application() {
    let env = TestEnv::new();
    add_dana(&env);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coding Specialist",
        "--referral",
        "1",
    ]);
    env.ok(&["app", "add", "Regional Medical Center", "HIT"]);
    env.ok(&[
        "event",
        "add",
        "Mercy Health",
        "Open house",
        "--on",
        "2026-12-05",
    ]);
    env.ok(&["org", "join", "Mercy Health", "--since", "2026-01-01"]);

    let shown = env.json(&["org", "show", "mercy health"]);
    let keys: Vec<&str> = shown
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "name",
        "applications",
        "contacts",
        "events",
        "memberships",
        "volunteer_shifts",
    ] {
        assert!(keys.contains(&key), "missing {key}: {keys:?}");
    }
    assert_eq!(shown["name"], "Mercy Health");
    assert_eq!(shown["applications"].as_array().unwrap().len(), 1);
    assert_eq!(shown["applications"][0]["title"], "Coding Specialist");
    assert_eq!(shown["applications"][0]["referral_contact_id"], 1);
    assert_eq!(names(&shown["contacts"]), vec!["Dana Reyes"]);
    assert_eq!(shown["events"][0]["title"], "Open house");
    assert_eq!(shown["memberships"][0]["since"], "2026-01-01");
    assert_eq!(shown["volunteer_shifts"], serde_json::json!([]));

    let human = env.ok(&["org", "show", "Mercy Health"]);
    for expected in [
        "Applications (1)",
        "Coding Specialist",
        "Dana Reyes (HIM Director, contact 1)",
        "Contacts (1)",
        "Events (1)",
        "Open house",
        "member since 2026-01-01",
    ] {
        assert!(
            human.contains(expected),
            "missing {expected:?} in:\n{human}"
        );
    }
    assert!(
        !human.contains(" HIT "),
        "another organization's application: {human}"
    );

    let contact = env.json(&["contact", "show", "1"]);
    assert_eq!(contact["referred"][0]["title"], "Coding Specialist");
    let human = env.ok(&["contact", "show", "1"]);
    assert!(
        human.contains("Referred you to") && human.contains("Coding Specialist"),
        "{human}"
    );

    let stderr = env.fails(2, &["org", "show", "Mercy Helth"]);
    assert!(
        stderr.contains("no organization named \"Mercy Helth\"")
            && stderr.contains("did you mean \"Mercy Health\""),
        "{stderr}"
    );
}

#[test]
fn contact_rm_keeps_the_application_and_clears_its_referral() {
    let env = TestEnv::new();
    add_dana(&env);
    env.ok(&["contact", "log", "1", "--channel", "call"]);
    env.ok(&["contact", "log", "1", "--channel", "email"]);
    env.ok(&["app", "add", "Mercy Health", "Coder", "--referral", "1"]);
    let out = env.ok(&["contact", "rm", "1"]);
    assert!(
        out.contains("Removed contact 1: Dana Reyes") && out.contains("2 interactions"),
        "{out}"
    );
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 0);
    assert_eq!(env.count("SELECT count(*) FROM interactions"), 0);
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["title"], "Coder");
    assert_eq!(app["referral_contact_id"], Value::Null);
    assert_eq!(app["referral"], Value::Null);
    assert_eq!(app["source"], "referral", "the source the user gave stays");

    let id = env.ok(&["-q", "contact", "add", "Sam Ortiz"]);
    let id: i64 = id.trim().parse().unwrap();
    assert_eq!(
        env.json(&["contact", "rm", &id.to_string()]),
        serde_json::json!({"id": id, "removed": true})
    );
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 0);
}

#[test]
fn list_filters_by_organization_and_relationship() {
    let env = TestEnv::new();
    add_dana(&env);
    env.ok(&[
        "contact",
        "add",
        "Sam Ortiz",
        "--org",
        "MERCY HEALTH",
        "--relationship",
        "alumni",
    ]);
    env.ok(&[
        "contact",
        "add",
        "Priya Shah",
        "--org",
        "Regional Medical Center",
        "--relationship",
        "recruiter",
    ]);
    env.ok(&[
        "contact",
        "add",
        "ann Lee",
        "--relationship",
        "alumni",
        "--follow-up",
        "2026-11-26",
    ]);

    assert_eq!(
        names(&env.json(&["contact", "list"])),
        vec!["ann Lee", "Dana Reyes", "Priya Shah", "Sam Ortiz"],
        "by name, any case"
    );
    assert_eq!(
        names(&env.json(&["contact", "list", "--org", "mercy health"])),
        vec!["Dana Reyes", "Sam Ortiz"]
    );
    assert_eq!(
        names(&env.json(&["contact", "list", "--relationship", "alumni"])),
        vec!["ann Lee", "Sam Ortiz"]
    );
    assert_eq!(
        names(&env.json(&[
            "contact",
            "list",
            "--org",
            "Mercy Health",
            "--relationship",
            "alumni"
        ])),
        vec!["Sam Ortiz"]
    );
    assert_eq!(
        names(&env.json(&["contact", "list", "--due", "--relationship", "alumni"])),
        vec!["ann Lee"],
        "due today counts"
    );

    let output = env
        .cmd()
        .args(["contact", "list", "--org", "Mercy Helth"])
        .output()
        .unwrap();
    assert!(output.status.success());
    // DESIGN §10.4: a filter that matches nothing says so.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "No contacts match.\n"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean \"Mercy Health\""), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 2);
}

#[test]
fn edit_changes_details_and_clears_fields() {
    let env = TestEnv::new();
    add_dana(&env);
    let edited = env.json(&[
        "contact",
        "edit",
        "1",
        "--email",
        "dana@example.org",
        "--linkedin",
        "www.linkedin.com/in/dana-reyes",
        "--org",
        "St. Luke's",
        "--follow-up",
        "+3d",
        "--relationship",
        "colleague",
    ]);
    assert_eq!(edited["email"], "dana@example.org");
    assert_eq!(
        edited["linkedin_url"],
        "https://www.linkedin.com/in/dana-reyes"
    );
    assert_eq!(edited["org"], "St. Luke's");
    assert_eq!(edited["follow_up_on"], "2026-11-29");
    assert_eq!(edited["relationship"], "colleague");
    assert_eq!(edited["role"], "HIM Director", "untouched fields stay");
    assert_eq!(edited["added_on"], "2026-11-26");

    let cleared = env.json(&[
        "contact",
        "edit",
        "1",
        "--clear",
        "org",
        "--clear",
        "follow_up",
        "--name",
        "Dana R. Reyes",
    ]);
    assert_eq!(cleared["org"], Value::Null);
    assert_eq!(cleared["follow_up_on"], Value::Null);
    assert_eq!(cleared["name"], "Dana R. Reyes");
    assert_eq!(cleared["email"], "dana@example.org");

    let stderr = env.fails(2, &["contact", "edit", "1"]);
    assert!(stderr.contains("nothing to change"), "{stderr}");
    let stderr = env.fails(
        2,
        &["contact", "edit", "1", "--role", "x", "--clear", "role"],
    );
    assert!(stderr.contains("contradict"), "{stderr}");
    assert_eq!(
        env.ok(&["contact", "edit", "1", "--role", "Director"])
            .trim(),
        "Updated contact 1: Dana R. Reyes (colleague)"
    );
}

#[test]
fn adding_a_namesake_says_so() {
    let env = TestEnv::new();
    add_dana(&env);
    let output = env
        .cmd()
        .args(["contact", "add", "dana reyes"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("already have a contact named Dana Reyes") && stderr.contains("contact 1"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 2);
}

#[test]
fn events_list_newest_first_or_upcoming_soonest_first() {
    let env = TestEnv::new();
    let added = env.json(&[
        "event",
        "add",
        "Ohio AHIMA",
        "Fall chapter meeting",
        "--on",
        "+1w",
        "--kind",
        "meeting",
    ]);
    assert_eq!(added["org"], "Ohio AHIMA");
    assert_eq!(added["date"], "2026-12-03");
    assert_eq!(added["kind"], "meeting");
    env.ok(&[
        "event",
        "add",
        "HIMSS Central Ohio",
        "Spring conference",
        "--on",
        "2026-04-10",
        "--kind",
        "conference",
    ]);
    env.ok(&[
        "event",
        "add",
        "Ohio AHIMA",
        "Career fair",
        "--on",
        "today",
        "--kind",
        "career_fair",
    ]);
    env.ok(&["event", "add", "Ohio AHIMA", "Webinar", "--on", "+3w"]);

    let titles = |list: Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        titles(env.json(&["event", "list"])),
        vec![
            "Webinar",
            "Fall chapter meeting",
            "Career fair",
            "Spring conference"
        ]
    );
    assert_eq!(
        titles(env.json(&["event", "list", "--upcoming"])),
        vec!["Career fair", "Fall chapter meeting", "Webinar"]
    );
    assert_eq!(
        env.json(&["event", "list"])[0]["kind"],
        "other",
        "the default"
    );
    let human = env.ok(&["event", "list", "--upcoming"]);
    assert!(
        human.contains("career fair") && !human.contains("Spring"),
        "{human}"
    );
    assert_eq!(
        env.json(&["event", "rm", "4"]),
        serde_json::json!({"id": 4, "removed": true})
    );
    assert_eq!(env.count("SELECT count(*) FROM events"), 3);
}

#[test]
fn join_creates_then_updates_the_one_membership() {
    let env = TestEnv::new();
    let joined = env.json(&["org", "join", "Ohio AHIMA", "--renews", "2027-01-15"]);
    assert_eq!(joined["org"], "Ohio AHIMA");
    assert_eq!(
        joined["since"], "2026-11-26",
        "a new membership starts today"
    );
    assert_eq!(joined["renews_on"], "2027-01-15");
    let updated = env.json(&["org", "join", "ohio ahima", "--since", "2026-01-15"]);
    assert_eq!(updated["id"], joined["id"]);
    assert_eq!(updated["since"], "2026-01-15");
    assert_eq!(updated["renews_on"], "2027-01-15", "kept");
    assert_eq!(env.count("SELECT count(*) FROM memberships"), 1);
    let out = env.ok(&["org", "join", "Ohio AHIMA", "--renews", "2028-01-15"]);
    assert!(
        out.starts_with("Updated your membership of Ohio AHIMA"),
        "{out}"
    );
}

#[test]
fn rename_changes_the_spelling_or_merges_every_reference() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "mercy hosp", "Coder"]);
    env.ok(&["contact", "add", "Dana Reyes", "--org", "Mercy Hosp"]);
    env.ok(&["event", "add", "Mercy Hosp", "Open house", "--on", "+1w"]);
    env.ok(&[
        "org",
        "join",
        "Mercy Hosp",
        "--since",
        "2025-06-01",
        "--renews",
        "2026-06-01",
    ]);
    env.ok(&["app", "add", "Mercy Health", "HIT"]);
    env.ok(&["org", "join", "Mercy Health", "--since", "2026-01-01"]);
    {
        let db = env.sql();
        db.execute_batch(
            "INSERT INTO volunteer_shifts (org_id, date, hours) VALUES (1, '2026-11-01', 4);
             INSERT INTO education (school_id, level, field) VALUES (1, 'associate', 'HIT');
             INSERT INTO experience (org_id, title, started_on) VALUES (1, 'Clerk', '2024-01-01');",
        )
        .unwrap();
    }

    let out = env.ok(&["org", "rename", "mercy hosp", "Mercy Hospital"]);
    assert!(
        out.contains("Renamed \"mercy hosp\" to \"Mercy Hospital\""),
        "{out}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM organizations WHERE name = 'Mercy Hospital' AND id = 1"),
        1
    );

    let output = env
        .cmd()
        .args(["org", "rename", "Mercy Hospital", "MERCY HEALTH"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("Merged \"Mercy Hospital\" into \"Mercy Health\"")
            && stdout.contains("1 application"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("membership"), "{stderr}");

    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
    for table in [
        "applications",
        "contacts",
        "events",
        "volunteer_shifts",
        "experience",
    ] {
        assert_eq!(
            env.count(&format!("SELECT count(*) FROM {table} WHERE org_id <> 2")),
            0,
            "{table} moved"
        );
    }
    assert_eq!(
        env.count("SELECT count(*) FROM education WHERE school_id = 2"),
        1
    );
    let shown = env.json(&["org", "show", "Mercy Health"]);
    assert_eq!(shown["applications"].as_array().unwrap().len(), 2);
    assert_eq!(names(&shown["contacts"]), vec!["Dana Reyes"]);
    assert_eq!(shown["events"][0]["title"], "Open house");
    assert_eq!(shown["volunteer_shifts"][0]["hours"], 4.0);
    let memberships = shown["memberships"].as_array().unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0]["since"], "2025-06-01", "the earlier start");
    assert_eq!(memberships[0]["renews_on"], "2026-06-01");

    let stderr = env.fails(2, &["org", "rename", "Mercy Hosp", "X"]);
    assert!(stderr.contains("no organization named"), "{stderr}");
}

#[test]
fn rm_refuses_a_used_organization_and_removes_an_unused_one() {
    let env = TestEnv::new();
    add_dana(&env);
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    env.ok(&["event", "add", "Typo Clinc", "Fair", "--on", "today"]);
    let stderr = env.fails(2, &["org", "rm", "mercy health"]);
    assert!(
        stderr.contains("cannot remove \"Mercy Health\"")
            && stderr.contains("1 application and 1 contact"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 2);
    env.ok(&["event", "rm", "1"]);
    assert_eq!(
        env.json(&["org", "rm", "typo clinc"]),
        serde_json::json!({"id": 2, "removed": true})
    );
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
    let stderr = env.fails(2, &["org", "rm", "Typo Clinc"]);
    assert!(stderr.contains("no organization named"), "{stderr}");

    env.ok(&["org", "join", "Ohio AHIMA"]);
    let out = env.ok(&["org", "rm", "Ohio AHIMA"]);
    assert!(out.contains("and your membership"), "{out}");
    assert_eq!(env.count("SELECT count(*) FROM memberships"), 0);
    let stderr = env.fails(2, &["org", "rm", "Typo Clinc"]);
    assert!(stderr.contains("no organization named"), "{stderr}");
}

#[test]
fn reads_and_removals_need_an_existing_database() {
    let env = TestEnv::new();
    for args in [
        &["contact", "list"][..],
        &["event", "list"],
        &["contact", "rm", "1"],
        &["org", "show", "X"],
        &["org", "rename", "X", "Y"],
    ] {
        let stderr = env.fails(1, args);
        assert!(stderr.contains("no database at"), "{args:?}: {stderr}");
    }
    assert!(!env.db.exists());
}

#[test]
fn a_long_note_can_come_from_standard_input() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Sam Ortiz"]);
    let note = "Called about the coding job.\nShe will forward my resume.";
    env.cmd()
        .args(["contact", "log", "1", "--channel", "call", "--note", "-"])
        .write_stdin(format!("{note}\n\n"))
        .assert()
        .success();
    let shown = env.json(&["contact", "show", "1"]);
    assert_eq!(shown["interactions"][0]["note"], note);
}
