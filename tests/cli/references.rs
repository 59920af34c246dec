//! References: every ID argument takes a number or part of a name. One
//! match is used and named on standard error; several or none are exit 2
//! with nothing written. Also the `--org` filters, which keep every
//! organization a text names, and the organization typo hint.

use crate::util::TestEnv;

/// Runs a command that must succeed; returns its standard output and error.
fn ok_with_stderr(env: &TestEnv, args: &[&str]) -> (String, String) {
    let output = env.cmd().args(args).output().expect("run jobtrack");
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(
        output.status.success(),
        "jobtrack {args:?} failed ({:?}):\n{stderr}",
        output.status.code()
    );
    (String::from_utf8_lossy(&output.stdout).to_string(), stderr)
}

/// Two Annas, one Tom, and applications at three employers.
fn seeded() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Tom Baker", "--org", "Mercy Health"]);
    env.ok(&["contact", "add", "Anna Lee"]);
    env.ok(&["contact", "add", "Anna Leeds", "--org", "Sparrow Health"]);
    env.ok(&["app", "add", "Mercy Health", "Coding Specialist"]);
    env.ok(&["app", "add", "Mercy Health", "Release of Information Clerk"]);
    env.ok(&["app", "add", "Sparrow Health", "Coding Specialist"]);
    env
}

/// What a command could have written, for "nothing written" checks.
fn footprint(env: &TestEnv) -> Vec<String> {
    [
        "SELECT count(*) FROM interactions",
        "SELECT count(*) FROM application_events",
        "SELECT group_concat(id || status || coalesce(location, '')) FROM applications",
        "SELECT group_concat(application_id || contact_id || role) FROM application_contacts",
        "SELECT group_concat(id || name || coalesce(role, '') || coalesce(follow_up_on, '')) FROM contacts",
        "SELECT group_concat(id || title) FROM events",
        "SELECT group_concat(id || name) FROM organizations",
        "SELECT count(*) FROM memberships",
    ]
    .iter()
    .map(|sql| {
        env.sql()
            .query_row(&format!("SELECT quote(({sql}))"), [], |r| r.get(0))
            .expect(sql)
    })
    .collect()
}

#[test]
fn contact_log_tom_works_when_one_tom_exists() {
    let env = seeded();
    let (stdout, stderr) = ok_with_stderr(&env, &["contact", "log", "Tom", "--channel", "call"]);
    assert!(
        stdout.contains("Logged a call with Tom Baker (contact 1)"),
        "{stdout}"
    );
    assert!(
        stderr.contains("using contact 1: Tom Baker (Mercy Health)"),
        "{stderr}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM interactions WHERE contact_id = 1"),
        1
    );
}

#[test]
fn contacts_by_whole_name_part_of_a_name_or_number() {
    let env = seeded();
    // "Anna Lee" is a whole name: it wins over "Anna Leeds", any case.
    let shown = env.json(&["contact", "show", "anna LEE"]);
    assert_eq!(shown["id"], 2);
    assert_eq!(shown["name"], "Anna Lee");
    let (_, stderr) = ok_with_stderr(&env, &["--json", "contact", "show", "leeds"]);
    assert!(
        stderr.contains("using contact 3: Anna Leeds (Sparrow Health)"),
        "{stderr}"
    );
    // -q still names the choice on standard error, and prints only the id.
    let output = env
        .cmd()
        .args(["-q", "contact", "edit", "leeds", "--role", "Coder"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "3");
    assert!(String::from_utf8_lossy(&output.stderr).contains("using contact 3: Anna Leeds"));
    assert_eq!(
        env.count("SELECT count(*) FROM contacts WHERE id = 3 AND role = 'Coder'"),
        1
    );
    // A number is always an id, and names nothing on standard error.
    let (stdout, stderr) = ok_with_stderr(&env, &["contact", "show", "2"]);
    assert!(stdout.contains("Contact 2: Anna Lee"), "{stdout}");
    assert!(!stderr.contains("using"), "{stderr}");
    let stderr = env.fails(2, &["contact", "show", "9"]);
    assert!(stderr.contains("no contact with id 9"), "{stderr}");
}

#[test]
fn an_ambiguous_contact_lists_the_candidates_and_writes_nothing() {
    let env = seeded();
    let before = footprint(&env);
    let stderr = env.fails(2, &["contact", "log", "anna", "--channel", "call"]);
    assert!(
        stderr.contains("CONTACT \"anna\" matches 2 contacts; give the id of the one you mean:"),
        "{stderr}"
    );
    assert!(stderr.contains("2  Anna Lee\n"), "{stderr}");
    assert!(
        stderr.contains("3  Anna Leeds (Sparrow Health)"),
        "{stderr}"
    );
    assert_eq!(footprint(&env), before);
    env.fails(2, &["contact", "rm", "anna"]);
    env.fails(2, &["contact", "edit", "ANNA", "--role", "Coder"]);
    assert_eq!(footprint(&env), before);
    assert_eq!(
        env.count("SELECT count(*) FROM contacts WHERE role IS NOT NULL"),
        0
    );
}

#[test]
fn an_unknown_contact_says_what_was_searched() {
    let env = seeded();
    let before = footprint(&env);
    let stderr = env.fails(2, &["contact", "log", "Zoe", "--channel", "call"]);
    assert!(
        stderr.contains(
            "no contact matches CONTACT \"Zoe\" (searched contact names; see 'jobtrack contact list')"
        ),
        "{stderr}"
    );
    assert_eq!(footprint(&env), before);
}

#[test]
fn removing_a_contact_by_name() {
    let env = seeded();
    let stdout = env.ok(&["contact", "rm", "tom"]);
    assert!(stdout.contains("Removed contact 1: Tom Baker"), "{stdout}");
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 2);
}

#[test]
fn more_than_ten_candidates_list_ten_and_how_many_more() {
    let env = TestEnv::new();
    for i in 1..=12 {
        env.ok(&["contact", "add", &format!("Sam {i:02}")]);
    }
    let stderr = env.fails(2, &["contact", "show", "sam"]);
    assert!(stderr.contains("matches 12 contacts"), "{stderr}");
    assert!(
        stderr.contains("Sam 10") && !stderr.contains("Sam 11"),
        "{stderr}"
    );
    assert!(
        stderr.contains("… and 2 more (see 'jobtrack contact list')"),
        "{stderr}"
    );
}

#[test]
fn applications_by_org_title_org_or_title() {
    let env = seeded();
    // The whole "org title" wins.
    let (stdout, stderr) = ok_with_stderr(
        &env,
        &["app", "set", "mercy health coding specialist", "screening"],
    );
    assert!(
        stdout.contains("Application 1: applied → screening"),
        "{stdout}"
    );
    assert!(
        stderr.contains("using application 1: Coding Specialist at Mercy Health"),
        "{stderr}"
    );
    assert_eq!(
        env.count("SELECT status = 'screening' FROM applications WHERE id = 1"),
        1
    );
    // Part of a title.
    let shown = env.json(&["app", "show", "release"]);
    assert_eq!(shown["id"], 2);
    // Part of an organization with one application.
    let (_, stderr) = ok_with_stderr(&env, &["app", "note", "sparrow", "Called HR"]);
    assert!(
        stderr.contains("using application 3: Coding Specialist at Sparrow Health"),
        "{stderr}"
    );
    assert_eq!(
        env.count(
            "SELECT count(*) FROM application_events WHERE application_id = 3 AND kind = 'note'"
        ),
        1
    );
    // A number is the id.
    assert_eq!(
        env.json(&["app", "show", "2"])["title"],
        "Release of Information Clerk"
    );
    env.ok(&["app", "interview", "Release", "--on", "2026-12-03"]);
    env.ok(&["app", "edit", "sparrow health", "--location", "Lansing"]);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE id = 3 AND location = 'Lansing'"),
        1
    );
}

#[test]
fn an_ambiguous_or_unknown_application_writes_nothing() {
    let env = seeded();
    let before = footprint(&env);
    let stderr = env.fails(2, &["app", "set", "coding", "rejected"]);
    assert!(
        stderr.contains("APP \"coding\" matches 2 applications; give the id of the one you mean:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1  Coding Specialist at Mercy Health")
            && stderr.contains("3  Coding Specialist at Sparrow Health"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["app", "note", "mercy", "Called"]);
    assert!(stderr.contains("matches 2 applications"), "{stderr}");
    env.fails(2, &["app", "rm", "Mercy Health"]);
    env.fails(2, &["app", "interview", "coding", "--on", "2026-12-01"]);
    env.fails(2, &["app", "edit", "coding", "--location", "Lansing"]);
    assert_eq!(footprint(&env), before);

    let stderr = env.fails(2, &["app", "set", "Trinity", "rejected"]);
    assert!(
        stderr.contains(
            "no application matches APP \"Trinity\" (searched organizations and titles; see 'jobtrack app list')"
        ),
        "{stderr}"
    );
    env.fails(2, &["app", "rm", "Trinity"]);
    assert_eq!(footprint(&env), before);
    let stderr = env.fails(2, &["app", "rm", "42"]);
    assert!(stderr.contains("no application with id 42"), "{stderr}");
}

#[test]
fn removing_an_application_by_name() {
    let env = seeded();
    let stdout = env.ok(&["app", "rm", "release"]);
    assert!(stdout.contains("Removed application 2"), "{stdout}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 2);
}

#[test]
fn the_referral_option_takes_a_name() {
    let env = seeded();
    let (stdout, stderr) = ok_with_stderr(
        &env,
        &["app", "add", "Trinity Health", "Coder", "--referral", "tom"],
    );
    assert!(stdout.contains("Added application 4"), "{stdout}");
    assert!(stderr.contains("using contact 1: Tom Baker"), "{stderr}");
    assert_eq!(
        env.count("SELECT contact_id FROM application_contacts WHERE application_id = 4 AND role = 'referrer'"),
        1
    );
    env.ok(&["app", "edit", "trinity", "--referral", "anna lee"]);
    assert_eq!(
        env.count("SELECT contact_id FROM application_contacts WHERE application_id = 4 AND role = 'referrer'"),
        2
    );
    env.ok(&["app", "edit", "4", "--referral", "3"]);
    assert_eq!(
        env.count("SELECT contact_id FROM application_contacts WHERE application_id = 4 AND role = 'referrer'"),
        3
    );

    let before = footprint(&env);
    let stderr = env.fails(
        2,
        &[
            "app",
            "add",
            "Trinity Health",
            "Clerk",
            "--referral",
            "anna",
        ],
    );
    assert!(
        stderr.contains("--referral \"anna\" matches 2 contacts"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["app", "edit", "4", "--referral", "Zoe"]);
    assert!(
        stderr.contains("no contact matches --referral \"Zoe\""),
        "{stderr}"
    );
    assert_eq!(footprint(&env), before);
    assert_eq!(
        env.count("SELECT contact_id FROM application_contacts WHERE application_id = 4 AND role = 'referrer'"),
        3
    );
}

#[test]
fn events_by_title_or_number() {
    let env = TestEnv::new();
    env.ok(&[
        "event",
        "add",
        "Ohio AHIMA",
        "Fall chapter meeting",
        "--on",
        "2026-12-03",
    ]);
    env.ok(&[
        "event",
        "add",
        "Ohio AHIMA",
        "Spring chapter meeting",
        "--on",
        "2027-03-03",
    ]);
    env.ok(&["event", "add", "HIMSS", "Career fair", "--on", "2026-12-10"]);

    let before = env.count("SELECT count(*) FROM events");
    let stderr = env.fails(2, &["event", "rm", "chapter"]);
    assert!(
        stderr.contains("EVENT \"chapter\" matches 2 events"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1  Fall chapter meeting (2026-12-03)")
            && stderr.contains("2  Spring chapter meeting (2027-03-03)"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["event", "rm", "webinar"]);
    assert!(
        stderr.contains("no event matches EVENT \"webinar\" (searched event titles"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM events"), before);

    let (stdout, stderr) = ok_with_stderr(&env, &["event", "rm", "fall chapter meeting"]);
    assert!(
        stdout.contains("Removed event 1: Fall chapter meeting"),
        "{stdout}"
    );
    assert!(
        stderr.contains("using event 1: Fall chapter meeting (2026-12-03)"),
        "{stderr}"
    );
    env.ok(&["event", "rm", "3"]);
    let left: String = env
        .sql()
        .query_row("SELECT group_concat(title) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, "Spring chapter meeting");
}

#[test]
fn organizations_by_name_part_of_a_name_digits_included() {
    let env = seeded();
    env.ok(&["vol", "log", "3M", "2"]);
    // Exact name, any case.
    let shown = env.json(&["org", "show", "SPARROW HEALTH"]);
    assert_eq!(shown["name"], "Sparrow Health");
    // Part of a name, named on standard error.
    let (stdout, stderr) = ok_with_stderr(&env, &["org", "show", "sparrow"]);
    assert!(stdout.contains("Sparrow Health"), "{stdout}");
    assert!(
        stderr.contains("using organization Sparrow Health"),
        "{stderr}"
    );
    // Digits are a name, never an id.
    assert_eq!(env.json(&["org", "show", "3"])["name"], "3M");
    let stderr = env.fails(2, &["org", "show", "1"]);
    assert!(stderr.contains("no organization named \"1\""), "{stderr}");
    let stderr = env.fails(2, &["org", "show", " "]);
    assert!(
        stderr.contains("NAME cannot be empty; give the organization's name or part of it"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["contact", "show", ""]);
    assert!(
        stderr.contains("CONTACT cannot be empty; give the contact's id or part of its name"),
        "{stderr}"
    );

    // Several: exit 2, listed by name.
    env.ok(&["contact", "add", "Kim", "--org", "Mercy Partners"]);
    let stderr = env.fails(2, &["org", "show", "mercy"]);
    assert!(
        stderr.contains(
            "NAME \"mercy\" matches 2 organizations; give the whole name of the one you mean:"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("\n  Mercy Health\n  Mercy Partners"),
        "{stderr}"
    );
}

#[test]
fn org_rename_and_rm_take_part_of_a_name_and_write_nothing_when_unsure() {
    let env = seeded();
    env.ok(&["contact", "add", "Kim", "--org", "Mercy Partners"]);
    env.ok(&["org", "join", "Ohio AHIMA"]);
    let before = footprint(&env);
    let stderr = env.fails(2, &["org", "rename", "mercy", "Mercy Health System"]);
    assert!(
        stderr.contains("OLD \"mercy\" matches 2 organizations"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["org", "rename", "Trinity", "Trinity Health"]);
    assert!(
        stderr.contains("no organization named \"Trinity\""),
        "{stderr}"
    );
    env.fails(2, &["org", "rm", "mercy"]);
    assert_eq!(footprint(&env), before);
    assert_eq!(
        env.count("SELECT count(*) FROM organizations WHERE name = 'Mercy Partners'"),
        1
    );

    let (stdout, stderr) = ok_with_stderr(&env, &["org", "rename", "partners", "Mercy Health"]);
    assert!(
        stdout.contains("Merged \"Mercy Partners\" into \"Mercy Health\""),
        "{stdout}"
    );
    assert!(
        stderr.contains("using organization Mercy Partners"),
        "{stderr}"
    );
    let (stdout, _) = ok_with_stderr(&env, &["org", "rm", "ahima"]);
    assert!(
        stdout.contains("Removed organization \"Ohio AHIMA\""),
        "{stdout}"
    );
}

#[test]
fn org_filters_keep_every_organization_a_text_names() {
    let env = seeded();
    env.ok(&["app", "add", "Mercy Partners", "Clerk"]);
    env.ok(&["contact", "add", "Kim", "--org", "Mercy Partners"]);
    env.ok(&["vol", "log", "Mercy Partners", "2"]);
    env.ok(&["vol", "log", "Mercy Health", "3"]);

    // A whole name keeps that organization alone, silently.
    let (stdout, stderr) =
        ok_with_stderr(&env, &["--json", "app", "list", "--org", "mercy health"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert!(!stderr.contains("keeps"), "{stderr}");

    // Part of a name keeps every organization it names, with a note.
    let (stdout, stderr) = ok_with_stderr(&env, &["--json", "app", "list", "--org", "MERCY"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 3);
    assert!(
        stderr.contains("--org \"MERCY\" keeps 2 organizations: Mercy Health, Mercy Partners"),
        "{stderr}"
    );
    let contacts = env.json(&["contact", "list", "--org", "mercy"]);
    assert_eq!(contacts.as_array().unwrap().len(), 2);
    let shifts = env.json(&["vol", "list", "--org", "mercy"]);
    assert_eq!(shifts["total_hours"], 5.0);
    assert_eq!(shifts["by_org"].as_array().unwrap().len(), 2);
    let shifts = env.json(&["vol", "list", "--org", "partners"]);
    assert_eq!(shifts["total_hours"], 2.0);

    // Nothing matches: an empty list and the closest names.
    let (stdout, stderr) = ok_with_stderr(&env, &["--json", "app", "list", "--org", "Sparow"]);
    assert_eq!(stdout.trim(), "[]");
    assert!(
        stderr.contains("did you mean \"Sparrow Health\""),
        "{stderr}"
    );
}

#[test]
fn ids_only_arguments_explain_what_they_take() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Mercy Health", "2"]);
    for args in [
        &["vol", "rm", "Mercy"][..],
        &["edu", "rm", "first"][..],
        &["work", "edit", "clerk", "--title", "X"][..],
    ] {
        let stderr = env.fails(2, args);
        assert!(
            stderr.contains("expected an id: a whole number"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(env.count("SELECT count(*) FROM volunteer_shifts"), 1);
}

/// The note a new organization gets, if any.
fn new_org_note(env: &TestEnv, name: &str) -> String {
    let (_, stderr) = ok_with_stderr(env, &["vol", "log", name, "1"]);
    stderr
}

#[test]
fn the_typo_hint_ignores_words_many_names_share() {
    let env = TestEnv::new();
    for name in [
        "Munson Healthcare",
        "Trinity Health",
        "Sparrow Hospital",
        "Mercy Health",
    ] {
        env.ok(&["vol", "log", name, "1"]);
    }
    for unrelated in ["Bronson Healthcare", "Priority Health"] {
        let stderr = new_org_note(&env, unrelated);
        assert!(!stderr.contains("did you mean"), "{unrelated}: {stderr}");
    }
    let stderr = new_org_note(&env, "Mercy Heath");
    assert!(
        stderr.contains("new organization \"Mercy Heath\"; did you mean \"Mercy Health\"?"),
        "{stderr}"
    );
    let stderr = new_org_note(&env, "Sparow");
    assert!(
        stderr.contains("did you mean \"Sparrow Hospital\"?"),
        "{stderr}"
    );
    // The same rule suggests names for a reference that matches nothing.
    let stderr = env.fails(2, &["org", "show", "Sparow Health"]);
    assert!(
        stderr.contains("no organization named \"Sparow Health\"")
            && stderr.contains("\"Sparrow Hospital\""),
        "{stderr}"
    );
}
