//! Help, completions, the man page and messages.

use crate::util::TestEnv;

#[test]
fn bash_completion_loads_and_completes_nouns() {
    let env = TestEnv::new();
    let script = env.ok(&["completions", "bash"]);
    let file = env.path("jobtrack.bash");
    std::fs::write(&file, &script).unwrap();
    // Load it in a real bash and ask it to complete "jobtrack ap".
    let probe = format!(
        "source {}; COMP_WORDS=(jobtrack ap); COMP_CWORD=1; COMP_LINE='jobtrack ap'; COMP_POINT=11; \
         _jobtrack jobtrack ap jobtrack; printf '%s\\n' \"${{COMPREPLY[@]}}\"; complete -p jobtrack",
        file.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.lines().any(|l| l == "app"),
        "{text}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        text.contains("complete") && text.contains("jobtrack"),
        "{text}"
    );
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        assert!(!env.ok(&["completions", shell]).is_empty());
    }
    env.fails(2, &["completions", "tcsh"]);
    assert!(!env.db.exists(), "completions never open the database");
}

#[test]
fn man_page_is_roff_with_a_section_per_command() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH jobtrack"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(
        page.contains(".SH \"JOBTRACK APP ADD\""),
        "every subcommand gets a section"
    );
    assert!(page.contains("follow\\-up"), "options are listed");
    assert!(!env.db.exists());
}

#[test]
fn add_help_shows_examples() {
    let env = TestEnv::new();
    let help = env.ok(&["app", "add", "--help"]);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("jobtrack app add \"Mercy Health\""), "{help}");
}

#[test]
fn unknown_enum_values_list_the_accepted_ones() {
    let env = TestEnv::new();
    let stderr = env.fails(2, &["app", "list", "--status", "hired"]);
    assert!(
        stderr.contains("saved") && stderr.contains("ghosted"),
        "{stderr}"
    );
}

#[test]
fn ids_are_never_reused_after_rm() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "First"]);
    env.ok(&["app", "add", "A", "Second"]);
    env.ok(&["app", "rm", "2"]);
    assert_eq!(env.ok(&["-q", "app", "add", "A", "Third"]).trim(), "3");
    env.ok(&["contact", "add", "Dana Reyes"]);
    env.ok(&["contact", "rm", "1"]);
    assert_eq!(env.ok(&["-q", "contact", "add", "Sam Ortiz"]).trim(), "2");
}

#[test]
fn a_new_organization_close_to_a_known_one_gets_a_note() {
    let env = TestEnv::new();
    env.ok(&["vol", "log", "Riverside Hospital", "2"]);
    let output = env
        .cmd()
        .args(["vol", "log", "Riverside Hosptial", "2.25"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("new organization \"Riverside Hosptial\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean \"Riverside Hospital\""),
        "{stderr}"
    );
    assert!(stderr.contains("org rename"), "{stderr}");
    // A name far from every other one gets no note.
    let output = env
        .cmd()
        .args(["contact", "add", "Dana", "--org", "Ohio HIMA"])
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // And suggestions never offer a one-letter organization for a long typo.
    env.ok(&["app", "add", "Y", "Clerk"]);
    let stderr = env.fails(2, &["org", "show", "Mercy Helth"]);
    assert!(!stderr.contains("\"Y\""), "{stderr}");
}

#[test]
fn an_organization_named_dash_is_refused() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let stderr = env.fails(2, &["app", "add", "-", "Coder"]);
    assert!(stderr.contains("ORG") && stderr.contains("'-'"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);
}

#[test]
fn field_messages_for_numbers_and_statuses_in_the_wrong_place() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    let stderr = env.fails(2, &["app", "list", "--limit", "-1"]);
    assert!(
        stderr.contains("--limit") && stderr.contains("at least 1"),
        "{stderr}"
    );
    let stderr = env.fails(2, &["app", "add", "A", "T", "--salary", "45,00"]);
    assert!(stderr.contains("--salary"), "{stderr}");
    let stderr = env.fails(2, &["app", "edit", "1", "--status", "offer"]);
    assert!(stderr.contains("jobtrack app set 1 offer"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);
}

#[test]
fn an_unknown_credential_code_on_a_posting_gets_a_note() {
    let env = TestEnv::new();
    let output = env
        .cmd()
        .args(["app", "add", "A", "T", "--requires", "RHTI"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("RHTI is not a credential") && stderr.contains("did you mean RHIT"),
        "{stderr}"
    );
    // A code near none in the catalog reads as a sentence too.
    let output = env
        .cmd()
        .args(["app", "add", "A", "T3", "--requires", "XYZQW"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "XYZQW is not a credential jobtrack knows or you track (see 'jobtrack cert catalog')"
        ),
        "{stderr}"
    );
    let output = env
        .cmd()
        .args(["app", "add", "A", "T2", "--requires", "RHIT"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("not a credential"));
}

#[test]
fn color_always_wins_over_no_color() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T", "--status", "interview"]);
    let output = env
        .cmd()
        .env("NO_COLOR", "1")
        .args(["--color", "always", "app", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("\x1b[3"),
        "a foreground colour is set: {text:?}"
    );
    assert!(
        !text.contains("\x1b[m"),
        "no empty escape sequences: {text:?}"
    );
}

#[test]
fn export_out_without_all_is_refused_not_ignored() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "T"]);
    let stderr = env.fails(2, &["export", "applications", "--out", "foo.csv"]);
    assert!(
        stderr.contains("--out") && stderr.contains("--all"),
        "{stderr}"
    );
    assert!(!env.path("foo.csv").exists());
}

#[test]
fn a_backup_is_a_ready_wal_database_and_init_mends_a_restored_copy() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let copy = env.path("copy.db");
    env.ok(&["backup", copy.to_str().unwrap()]);
    let journal = |path: &std::path::Path| -> String {
        rusqlite::Connection::open(path)
            .unwrap()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(journal(&copy), "wal");
    let doctor = env
        .bare()
        .args(["--json", "--db", copy.to_str().unwrap(), "doctor"])
        .output()
        .unwrap();
    assert!(
        doctor.status.success(),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );
    // A copy in rollback mode (made by another tool): init switches it back.
    rusqlite::Connection::open(&copy)
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    env.bare()
        .args(["--db", copy.to_str().unwrap(), "init"])
        .assert()
        .success();
    assert_eq!(journal(&copy), "wal");
}

#[test]
fn an_edited_status_counts_in_the_funnel_even_when_the_history_disagrees() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder", "--source", "indeed"]);
    env.ok(&["app", "set", "1", "rejected"]);
    let out = env.path("out");
    env.ok(&["export", "--all", "--out", out.to_str().unwrap()]);
    let apps = std::fs::read_to_string(out.join("applications.csv"))
        .unwrap()
        .replace(",rejected,", ",offer,");
    std::fs::write(out.join("applications.csv"), apps).unwrap();
    let copy = TestEnv::new();
    copy.ok(&["import", "--all", out.to_str().unwrap()]);
    let report = copy.json(&["report", "apps"]);
    assert_eq!(report["by_status"]["offer"], 1);
    assert_eq!(report["by_source"][0]["offers"], 1, "{report}");
}

#[test]
fn the_search_log_records_only_what_has_happened() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    env.ok(&["app", "interview", "1", "--on", "+7d"]);
    env.ok(&["event", "add", "OHIMA", "Chapter meeting", "--on", "+3d"]);
    let rows = env.json(&[
        "report",
        "search-log",
        "--since",
        "2026-11-01",
        "--until",
        "2026-12-31",
    ]);
    let methods: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    assert!(methods.iter().all(|d| *d <= "2026-11-26"), "{rows}");
    assert!(!rows.as_array().unwrap().is_empty());
}

#[test]
fn demo_names_what_a_database_without_applications_holds() {
    let env = TestEnv::new();
    env.ok(&["edu", "add", "associate", "HIT", "--cahiim"]);
    let stderr = env.fails(2, &["demo"]);
    assert!(
        stderr.contains("already holds") && stderr.contains("1 education"),
        "{stderr}"
    );
    assert!(!stderr.contains("0 applications"), "{stderr}");
}

#[test]
fn one_letter_apart_acronyms_are_different_associations() {
    let env = TestEnv::new();
    env.ok(&["org", "join", "AHIMA"]);
    let output = env
        .cmd()
        .args(["event", "add", "OHIMA", "Fall meeting", "--on", "+3d"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
