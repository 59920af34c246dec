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
