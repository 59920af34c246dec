//! Credentials in postings: any-of groups typed by hand (`--requires
//! "RHIT|RHIA"`), detection in a description on `app add`/`app edit`, the
//! flags that replace it, `app list --qualified [--eligible]` over groups,
//! undo and import.

use serde_json::{json, Value};

use crate::util::TestEnv;

/// Runs a command that must succeed; returns (stdout, stderr).
fn run(env: &TestEnv, args: &[&str]) -> (String, String) {
    let output = env.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "{args:?}: {stderr}");
    (String::from_utf8(output.stdout).unwrap(), stderr)
}

/// Adds an application with a posting text; returns its JSON record and
/// what was said on standard error.
fn add_posting(env: &TestEnv, org: &str, title: &str, description: &str) -> (Value, String) {
    let (stdout, stderr) = run(
        env,
        &[
            "--json",
            "app",
            "add",
            org,
            title,
            "--description",
            description,
        ],
    );
    (serde_json::from_str(&stdout).unwrap(), stderr)
}

fn lists(record: &Value) -> (Value, Value) {
    (record["requires"].clone(), record["prefers"].clone())
}

fn ids(env: &TestEnv, args: &[&str]) -> Vec<i64> {
    env.json(args)
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect()
}

const CODER_POSTING: &str = "Inpatient Coder II\n\
    Mercy Health is hiring an inpatient coder for its HIM department.\n\
    \n\
    RHIT or RHIA required. CCS preferred.\n\
    Pay is competitive.\n";

const DIRECTOR_POSTING: &str = "HIM Director. Must hold RHIA; CPHIMS a plus. \
    Reports to the CFO; leads a team of 14 (two rhit coders among them).";

const ANALYST_POSTING: &str = "Data Integrity Analyst\n\
    \n\
    Responsibilities:\n\
    - Review charts for documentation gaps\n\
    - Train staff on CDIP practices\n\
    \n\
    Requirements:\n\
    • Associate degree in Health Information Management\n\
    • Registered Health Information Technician (RHIT) or RHIT-eligible\n\
    • Two years in a hospital setting\n\
    \n\
    Preferred Qualifications:\n\
    • Certified in Healthcare Privacy and Security (CHPS)\n\
    • Epic experience\n";

#[test]
fn credentials_in_a_description_are_detected_on_add() {
    let env = TestEnv::new();
    let (coder, said) = add_posting(&env, "Mercy Health", "Inpatient Coder", CODER_POSTING);
    assert_eq!(lists(&coder), (json!(["RHIA|RHIT"]), json!(["CCS"])));
    assert!(
        said.contains("found in the posting: requires RHIA or RHIT; prefers CCS"),
        "{said}"
    );
    assert!(
        said.contains("jobtrack app edit 1 --requires CODE --prefers CODE"),
        "{said}"
    );
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("requires   RHIA or RHIT"), "{shown}");
    assert!(shown.contains("prefers    CCS"), "{shown}");

    // "Must" requires; "a plus" prefers; a lower-case "rhit" in prose is no code.
    let (director, said) = add_posting(&env, "St. Luke's", "HIM Director", DIRECTOR_POSTING);
    assert_eq!(lists(&director), (json!(["RHIA"]), json!(["CPHIMS"])));
    assert!(said.contains("requires RHIA; prefers CPHIMS"), "{said}");

    // Headings: items under Requirements are required, under Preferred
    // Qualifications preferred, under Responsibilities by their own words.
    let (analyst, _) = add_posting(&env, "OhioHealth", "Analyst", ANALYST_POSTING);
    assert_eq!(lists(&analyst), (json!(["RHIT"]), json!(["CDIP", "CHPS"])));
    assert_eq!(
        env.count("SELECT count(*) FROM application_credentials WHERE application_id = 3"),
        3
    );
}

#[test]
fn codes_that_contain_others_and_codes_nobody_knows() {
    let env = TestEnv::new();
    let (record, _) = add_posting(
        &env,
        "Cleveland Clinic",
        "Pro-fee Coder",
        "Certified Coding Specialist – Physician-based (CCS-P) required; CCS is a plus.",
    );
    assert_eq!(lists(&record), (json!(["CCS-P"]), json!(["CCS"])));

    // CPC is neither in the catalog nor tracked: dropped, and said so.
    let (record, said) = add_posting(
        &env,
        "Summa",
        "Coder",
        "CPC required. Our rhit and rhia staff mentor new hires.",
    );
    assert_eq!(lists(&record), (json!([]), json!([])));
    assert!(
        said.contains("no credentials found in the posting"),
        "{said}"
    );
    // Once tracked, the user's own credential is found, by code or name.
    env.ok(&[
        "cert",
        "add",
        "CPC",
        "--name",
        "Certified Professional Coder",
    ]);
    let (record, _) = add_posting(
        &env,
        "Summa",
        "Coder II",
        "CPC required. A Certified Professional Coder or CCA credential preferred.",
    );
    assert_eq!(lists(&record), (json!(["CPC"]), json!(["CCA"])));
}

#[test]
fn groups_by_hand_are_stored_sorted_and_read_as_words() {
    let env = TestEnv::new();
    let record = env.json(&[
        "app",
        "add",
        "Mercy Health",
        "HIT",
        "--requires",
        "rhit | RHIA",
        "--requires",
        "CHPS,RHIA|RHIT",
        "--prefers",
        "CCS|CCS|CCS-P",
    ]);
    assert_eq!(
        lists(&record),
        (json!(["CHPS", "RHIA|RHIT"]), json!(["CCS|CCS-P"]))
    );
    assert_eq!(
        env.count("SELECT count(*) FROM application_credentials WHERE code = 'RHIA|RHIT'"),
        1
    );
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("requires   CHPS, (RHIA or RHIT)"), "{shown}");
    assert!(shown.contains("prefers    CCS or CCS-P"), "{shown}");

    // A code required in one group and preferred in another is refused.
    let err = env.fails(
        2,
        &[
            "app",
            "add",
            "A",
            "T",
            "--requires",
            "RHIT",
            "--prefers",
            "RHIA|RHIT",
        ],
    );
    assert!(
        err.contains("RHIT is given both in --requires and in --prefers"),
        "{err}"
    );
    let err = env.fails(2, &["app", "edit", "1", "--prefers", "RHIT|CTR"]);
    assert!(err.contains("RHIT is given both"), "{err}");
    let err = env.fails(2, &["app", "add", "A", "T", "--requires", "RHIT|"]);
    assert!(
        err.contains("--requires") && err.contains("RHIT|RHIA"),
        "{err}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);

    // An unknown code inside a group is noted, as a single one is.
    let (_, said) = run(&env, &["app", "add", "A", "T", "--requires", "RHIT|RHTI"]);
    assert!(said.contains("RHTI is not a credential"), "{said}");
}

#[test]
fn flags_on_the_command_line_replace_detection() {
    let env = TestEnv::new();
    let (stdout, said) = run(
        &env,
        &[
            "--json",
            "app",
            "add",
            "Mercy Health",
            "Coder",
            "--description",
            CODER_POSTING,
            "--prefers",
            "CCA",
        ],
    );
    let record: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(lists(&record), (json!([]), json!(["CCA"])));
    assert!(!said.contains("found in the posting"), "{said}");

    // An edit with a description sets both lists from it...
    let (stdout, said) = run(
        &env,
        &[
            "--json",
            "app",
            "edit",
            "1",
            "--description",
            DIRECTOR_POSTING,
        ],
    );
    let record: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(lists(&record), (json!(["RHIA"]), json!(["CPHIMS"])));
    assert!(said.contains("found in the posting"), "{said}");
    // ...unless a list is given: then nothing is detected, and the other list stays.
    let record = env.json(&[
        "app",
        "edit",
        "1",
        "--description",
        CODER_POSTING,
        "--requires",
        "CCS",
    ]);
    assert_eq!(lists(&record), (json!(["CCS"]), json!(["CPHIMS"])));
    let record = env.json(&[
        "app",
        "edit",
        "1",
        "--description",
        CODER_POSTING,
        "--clear",
        "prefers",
    ]);
    assert_eq!(lists(&record), (json!(["CCS"]), json!([])));
    // An edit without a description leaves the lists alone.
    let record = env.json(&["app", "edit", "1", "--title", "Coder II"]);
    assert_eq!(lists(&record), (json!(["CCS"]), json!([])));
}

#[test]
fn qualified_needs_one_code_of_each_required_group() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "Technician", "--requires", "RHIT|RHIA"]);
    env.ok(&[
        "app",
        "add",
        "B",
        "Privacy",
        "--requires",
        "RHIA|RHIT",
        "--requires",
        "CHPS",
    ]);
    env.ok(&["app", "add", "C", "Clerk"]);
    env.ok(&["app", "add", "D", "Registrar", "--requires", "CTR|CDIP"]);
    env.ok(&["app", "add", "E", "Coder", "--requires", "CCS|RHIA"]);
    // Newest first: E, D, C, B, A.
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), [3]);
    // CCS needs only a diploma (eligible: true); CTR and CDIP are advice
    // only (eligible: null), which does not count.
    assert_eq!(
        ids(&env, &["app", "list", "--qualified", "--eligible"]),
        [5, 3]
    );

    // Eligible for one code of a group, by education.
    env.ok(&[
        "edu",
        "add",
        "associate",
        "HIT",
        "--cahiim",
        "--status",
        "final_term",
    ]);
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), [3]);
    assert_eq!(
        ids(&env, &["app", "list", "--qualified", "--eligible"]),
        [5, 3, 1]
    );

    // Holding one code of a group meets it; the other group still counts.
    env.ok(&["cert", "set", "RHIT", "passed", "--on", "2025-06-01"]);
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), [3, 1]);
    env.ok(&["cert", "set", "CHPS", "passed", "--on", "2025-07-01"]);
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), [3, 2, 1]);
    // A tracked credential not yet passed is not held.
    env.ok(&["cert", "add", "CTR"]);
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), [3, 2, 1]);
    // The count under a limited table agrees with the rows.
    let table = env.ok(&["app", "list", "--qualified", "--limit", "1"]);
    assert!(table.contains("2 more"), "{table}");
}

#[test]
fn undoing_an_add_removes_the_detected_credentials() {
    let env = TestEnv::new();
    add_posting(&env, "Mercy Health", "Coder", CODER_POSTING);
    assert_eq!(env.count("SELECT count(*) FROM application_credentials"), 2);
    env.ok(&["undo"]);
    assert_eq!(env.count("SELECT count(*) FROM application_credentials"), 0);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    env.ok(&["redo"]);
    let record = env.json(&["app", "show", "1"]);
    assert_eq!(lists(&record), (json!(["RHIA|RHIT"]), json!(["CCS"])));
}

#[test]
fn import_stores_a_group_sorted_and_refuses_a_broken_one() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let file = env.path("credentials.csv");
    std::fs::write(
        &file,
        "application_id,code,required\n1,rhit|RHIA,1\n1,CCS | CCS-P,0\n",
    )
    .unwrap();
    env.ok(&["import", "application_credentials", file.to_str().unwrap()]);
    let record = env.json(&["app", "show", "1"]);
    assert_eq!(lists(&record), (json!(["RHIA|RHIT"]), json!(["CCS|CCS-P"])));

    let bad = env.path("bad.csv");
    std::fs::write(&bad, "application_id,code,required\n1,CTR|,1\n").unwrap();
    let err = env.fails(
        2,
        &["import", "application_credentials", bad.to_str().unwrap()],
    );
    assert!(err.contains("code") && err.contains("RHIA|RHIT"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM application_credentials"), 2);
}

#[test]
fn a_group_beside_other_requirements_reads_as_one_choice() {
    let env = TestEnv::new();
    // "CHPS, RHIA or RHIT" would read as one choice among three.
    let (record, said) = add_posting(
        &env,
        "Mercy Health",
        "Privacy Analyst",
        "CHPS required. RHIT or RHIA required. CDIP or CCS preferred; CCA preferred.",
    );
    assert_eq!(
        lists(&record),
        (json!(["CHPS", "RHIA|RHIT"]), json!(["CCA", "CCS|CDIP"]))
    );
    assert!(
        said.contains(
            "found in the posting: requires CHPS, (RHIA or RHIT); prefers CCA, (CCS or CDIP)"
        ),
        "{said}"
    );
    let shown = env.ok(&["app", "show", "1"]);
    assert!(
        shown.contains("requires   CHPS, (RHIA or RHIT)\n"),
        "{shown}"
    );
    assert!(shown.contains("prefers    CCA, (CCS or CDIP)\n"), "{shown}");
    // A group alone, and codes without groups, need no parentheses.
    env.ok(&[
        "app",
        "edit",
        "1",
        "--requires",
        "RHIA|RHIT",
        "--prefers",
        "CCA,CCS",
    ]);
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("requires   RHIA or RHIT\n"), "{shown}");
    assert!(shown.contains("prefers    CCA, CCS\n"), "{shown}");
}

#[test]
fn help_and_errors_quote_a_group_so_the_shell_keeps_the_bar() {
    // Typed as shown, RHIT|RHIA unquoted would pipe into a command RHIA.
    let env = TestEnv::new();
    let help = env.ok(&["app", "add", "--help"]);
    assert!(help.contains("\"RHIT|RHIA\" (quoted)"), "{help}");
    assert!(help.contains("\"A|B\", quoted"), "{help}");
    env.ok(&["app", "add", "A", "T"]);
    let err = env.fails(2, &["app", "edit", "1", "--requires", "RHIT or RHIA"]);
    assert!(err.contains("(like \"RHIT|RHIA\", quoted)"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM application_credentials"), 0);
}

#[test]
fn one_of_the_following_makes_a_list_one_group() {
    let env = TestEnv::new();
    let (record, said) = add_posting(
        &env,
        "Mercy Health",
        "HIM Technician",
        "One of the following credentials is required: RHIT, RHIA, CCS.\nCDIP preferred.",
    );
    assert_eq!(lists(&record), (json!(["CCS|RHIA|RHIT"]), json!(["CDIP"])));
    assert!(
        said.contains("requires CCS or RHIA or RHIT; prefers CDIP"),
        "{said}"
    );
    // Holding one of them is enough for --qualified.
    env.ok(&["cert", "set", "CCS", "passed", "--on", "2025-06-01"]);
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), vec![1]);
}

#[test]
fn an_unknown_alternative_does_not_hide_a_posting_from_qualified() {
    let env = TestEnv::new();
    // CPC is not a credential jobtrack knows: someone holding it meets
    // "CCS or CPC required", so CCS is only preferred here.
    let (record, said) = add_posting(
        &env,
        "Mercy",
        "Coder",
        "Coding Specialist. CCS or CPC required. RHIT a plus.",
    );
    assert_eq!(lists(&record), (json!([]), json!(["CCS", "RHIT"])));
    assert!(said.contains("prefers CCS, RHIT"), "{said}");
    let (record, _) = add_posting(&env, "Mercy", "Auditor", "CCS required; CPC welcome.");
    assert_eq!(lists(&record), (json!(["CCS"]), json!([])));
    // Newest first: the auditor needs CCS, the coder needs nothing known.
    assert_eq!(ids(&env, &["app", "list", "--qualified"]), [1]);
}
