//! Postings (DESIGN §10.6): the posting's dates, kind of job and text kept
//! with an application, `app posting`, and corrections of each.

use crate::util::TestEnv;

/// `app add … --description -` with `text` on standard input.
fn add_with_pasted(env: &TestEnv, text: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "app",
        "add",
        "Mercy Health",
        "Coding Specialist",
        "--description",
        "-",
    ];
    args.extend_from_slice(extra);
    let output = env
        .cmd()
        .args(&args)
        .write_stdin(text.as_bytes().to_vec())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_pasted_description_is_kept_and_printed_by_app_posting() {
    let env = TestEnv::new();
    let pasted = "Coding Specialist\r\n\r\nReviews inpatient records.\r\nShift: days\r\n";
    add_with_pasted(&env, pasted, &["--status", "saved"]);
    let kept: String = env
        .sql()
        .query_row(
            "SELECT description FROM applications WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Trimmed, and Windows line ends become plain ones.
    assert_eq!(
        kept,
        "Coding Specialist\n\nReviews inpatient records.\nShift: days"
    );
    let printed = env.ok(&["app", "posting", "1"]);
    assert_eq!(
        printed,
        format!("Coding Specialist at Mercy Health\n\n{kept}\n")
    );
    let json = env.json(&["app", "posting", "Mercy"]);
    assert_eq!(json["description"], kept.as_str());
    assert_eq!(json["id"], 1);
    // app show names the text by its size and the command that prints it.
    let shown = env.ok(&["app", "show", "1"]);
    assert!(
        shown.contains("posting  7 words (jobtrack app posting 1)"),
        "{shown}"
    );
    assert_eq!(
        env.json(&["app", "show", "1"])["description"],
        kept.as_str()
    );
    // Lists never carry the text.
    let rows = env.json(&["app", "list"]);
    assert!(rows[0].get("description").is_none(), "{rows}");
}

#[test]
fn control_characters_in_a_posting_are_shown_escaped_but_kept() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Clerk",
        "--description",
        "Line one\n\u{1b}[2Jline two",
    ]);
    let printed = env.ok(&["app", "posting", "1"]);
    assert!(
        printed.contains("Line one\n\\u{1b}[2Jline two"),
        "{printed}"
    );
    assert_eq!(
        env.json(&["app", "posting", "1"])["description"],
        "Line one\n\u{1b}[2Jline two"
    );
}

#[test]
fn posting_dates_and_kind_are_set_shown_and_cleared() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Clerk",
        "--status",
        "saved",
        "--posted",
        "2026-11-20",
        "--closes",
        "dec 15",
        "--employment-type",
        "per_diem",
    ]);
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["posted_on"], "2026-11-20");
    assert_eq!(app["closes_on"], "2026-12-15");
    assert_eq!(app["employment_type"], "per_diem");
    let shown = env.ok(&["app", "show", "1"]);
    assert!(shown.contains("job type  per_diem"), "{shown}");
    assert!(shown.contains("closes    2026-12-15"), "{shown}");
    assert_eq!(env.json(&["app", "list"])[0]["closes_on"], "2026-12-15");

    env.ok(&[
        "app",
        "edit",
        "1",
        "--closes",
        "2026-12-20",
        "--clear",
        "employment_type",
    ]);
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["closes_on"], "2026-12-20");
    assert_eq!(app["employment_type"], serde_json::Value::Null);
    assert_eq!(app["posted_on"], "2026-11-20");
    env.ok(&["undo"]);
    assert_eq!(
        env.json(&["app", "show", "1"])["employment_type"],
        "per_diem"
    );
}

#[test]
fn an_edit_replaces_or_clears_the_description_and_keeps_it_otherwise() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Clerk",
        "--description",
        "First text",
    ]);
    env.ok(&["app", "edit", "1", "--title", "Records Clerk"]);
    assert_eq!(
        env.ok(&["app", "posting", "1"]),
        "Records Clerk at Mercy\n\nFirst text\n"
    );
    env.ok(&["app", "edit", "1", "--description", "Second text"]);
    assert!(env
        .ok(&["app", "posting", "1"])
        .ends_with("\nSecond text\n"));
    env.ok(&["app", "edit", "1", "--clear", "description"]);
    let said = env.fails(2, &["app", "posting", "1"]);
    assert!(said.contains("has no saved posting"), "{said}");
    assert!(
        said.contains("jobtrack app edit 1 --description -"),
        "{said}"
    );
    let said = env.fails(
        2,
        &[
            "app",
            "edit",
            "1",
            "--description",
            "x",
            "--clear",
            "description",
        ],
    );
    assert!(said.contains("--description"), "{said}");
}

#[test]
fn bad_posting_options_are_refused_with_nothing_written() {
    let env = TestEnv::new();
    let said = env.fails(2, &["app", "add", "Mercy", "Clerk", "--posted", "soonish"]);
    assert!(said.contains("--posted"), "{said}");
    let said = env.fails(
        2,
        &["app", "add", "Mercy", "Clerk", "--employment-type", "gig"],
    );
    assert!(said.contains("per_diem"), "{said}");
    assert!(!env.db.exists() || env.count("SELECT count(*) FROM applications") == 0);
    env.ok(&["app", "add", "Mercy", "Clerk", "--description", "  "]);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE description IS NULL"),
        1
    );
}
