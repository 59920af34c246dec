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
