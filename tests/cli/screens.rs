//! Screens on a real terminal: tables fitted to 60, 80 and 200 columns with
//! colour on and off, stored text escaped, and suggested commands that run
//! exactly what they say when pasted into a shell.

use std::path::Path;
use std::process::Command;

use crate::util::TestEnv;

/// Quotes a word for `sh`.
fn sh_word(word: &str) -> String {
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// Runs jobtrack under a pseudo-terminal `columns` wide (util-linux
/// `script`), with colour on (`auto` on a terminal) or off (`NO_COLOR`),
/// and returns what the terminal received, line ends as `\n`.
fn on_terminal(env: &TestEnv, columns: usize, color: bool, args: &[&str]) -> String {
    let binary = assert_cmd::cargo::cargo_bin!("jobtrack");
    let mut line = format!(
        "stty cols {columns} rows 50; exec {} --db {}",
        sh_word(&binary.to_string_lossy()),
        sh_word(&env.db.to_string_lossy())
    );
    for arg in args {
        line.push(' ');
        line.push_str(&sh_word(arg));
    }
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .env("JOBTRACK_TODAY", &env.today)
        .env("HOME", env.dir.path())
        .env_remove("JOBTRACK_DB")
        .env_remove("COLUMNS")
        .stdin(std::process::Stdio::null());
    if color {
        cmd.env_remove("NO_COLOR");
    } else {
        cmd.env("NO_COLOR", "1");
    }
    let output = cmd.output().expect("run script");
    assert!(
        output.status.success(),
        "jobtrack {args:?} failed on a terminal"
    );
    String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .replace("\r\n", "\n")
}

/// The text without colour codes (`ESC [ … m`).
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Long organization names and titles, every status worth showing, dates
/// in every date column, and contacts, events and a follow-up due.
fn long_names() -> TestEnv {
    let env = TestEnv::new();
    let orgs = [
        "Northwestern Regional Behavioral Health and Rehabilitation Medical Center",
        "Saint Elizabeth Ann Seton Community Hospital Health Information Department",
        "Mercy",
    ];
    let titles = [
        "Senior Clinical Documentation Integrity Specialist (Inpatient, Remote)",
        "Health Information Management Release of Information Coordinator II",
        "HIT",
    ];
    for (i, (org, title)) in orgs.iter().zip(titles).enumerate() {
        env.ok(&[
            "app",
            "add",
            org,
            title,
            "--applied",
            "2026-10-14",
            "--source",
            "a-very-long-job-board-name.example.com",
        ]);
        let id = (i + 1).to_string();
        let status = ["interview", "screening", "offer"][i];
        env.ok(&["app", "set", &id, status, "--on", "2026-11-20"]);
    }
    env.ok(&["app", "add", "Mercy", "Coder", "--status", "saved"]);
    env.ok(&[
        "contact",
        "add",
        "Maria Fernanda Rodriguez-Villanueva de la Cruz",
        "--org",
        orgs[0],
        "--role",
        "Director of Health Information Management Services",
        "--relationship",
        "career_office",
        "--follow-up",
        "2026-11-27",
    ]);
    env.ok(&[
        "event",
        "add",
        orgs[1],
        "Regional Health Information Management Association Annual Career Fair",
        "--on",
        "2026-11-30",
        "--kind",
        "career_fair",
    ]);
    env
}

/// Every line of `text` (colour codes removed) fits in `columns`, and no
/// date is split: every date-like word is a whole `YYYY-MM-DD`.
fn assert_fits(text: &str, columns: usize) {
    for line in plain(text).lines() {
        let width = line.chars().count();
        assert!(
            width <= columns,
            "a line of {width} columns on a {columns}-column terminal:\n{line}\n\n{text}"
        );
        for word in line.split_whitespace() {
            if word.starts_with("20") && word.contains('-') {
                let date = word.trim_end_matches(|c: char| !c.is_ascii_digit());
                assert!(
                    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                    "a split date {word:?} in:\n{text}"
                );
            }
        }
    }
}

/// Each application is one line holding its id and its whole status.
fn assert_rows_whole(env: &TestEnv, text: &str) {
    let text = plain(text);
    for app in env.json(&["app", "list"]).as_array().unwrap() {
        let id = app["id"].to_string();
        let status = app["status"].as_str().unwrap();
        assert!(
            text.lines().any(|line| {
                let mut words = line.split_whitespace();
                words.next() == Some(id.as_str()) && words.any(|w| w == status)
            }),
            "no line holds application {id} and its status {status}:\n{text}"
        );
    }
}

#[test]
fn tables_fit_60_80_and_200_columns_with_colour_on_and_off() {
    let env = long_names();
    for columns in [60, 80, 200] {
        for color in [true, false] {
            let list = on_terminal(&env, columns, color, &["app", "list"]);
            assert_fits(&list, columns);
            assert_rows_whole(&env, &list);
            assert_eq!(list.contains('\u{1b}'), color, "colour {color}:\n{list}");
            for args in [
                &["contact", "list"][..],
                &["event", "list"],
                &["org", "list"],
                &["agenda"],
                &["report", "apps"],
            ] {
                let text = on_terminal(&env, columns, color, args);
                assert_fits(&text, columns);
            }
            // Screens with sentences as well as tables: their tables and
            // fields fit from 80 columns (a sentence may wrap at 60).
            if columns >= 80 {
                for args in [
                    &["report"][..],
                    &["contact", "show", "1"],
                    &["org", "show", "Mercy"],
                ] {
                    assert_fits(&on_terminal(&env, columns, color, args), columns);
                }
            }
        }
    }
}

#[test]
fn narrow_terminals_cut_long_text_then_leave_out_columns_and_say_which() {
    let env = long_names();
    let narrow = plain(&on_terminal(&env, 80, false, &["app", "list"]));
    assert!(narrow.contains('…'), "long text cut:\n{narrow}");
    assert!(!narrow.contains("(Inpatient, Remote)"), "{narrow}");
    // The least important column goes first, and the footer names it.
    assert!(
        !narrow.lines().next().unwrap().contains("Source"),
        "{narrow}"
    );
    assert!(
        narrow.contains("Not shown for lack of room: Source (see it with --wide or --json)"),
        "{narrow}"
    );
    let wide = plain(&on_terminal(&env, 200, false, &["app", "list"]));
    assert!(
        wide.contains("Source") && !wide.contains("Not shown"),
        "{wide}"
    );
    // Under 60 columns, the table is laid out as 60.
    let tiny = plain(&on_terminal(&env, 40, false, &["app", "list"]));
    assert!(tiny.lines().any(|l| l.chars().count() > 40), "{tiny}");
    assert_fits(&tiny, 60);
    // --wide prints the whole table on a terminal too.
    let whole = plain(&on_terminal(&env, 80, false, &["--wide", "app", "list"]));
    assert!(whole.contains("(Inpatient, Remote)") && whole.contains("Source"));
    assert!(!whole.contains('…'), "{whole}");
}

#[test]
fn off_a_terminal_tables_are_never_cut() {
    let env = long_names();
    let output = env
        .cmd()
        .env("COLUMNS", "60")
        .args(["app", "list"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Northwestern Regional Behavioral Health and Rehabilitation Medical Center")
    );
    // The source as stored: normalized (DESIGN §10.3).
    assert!(
        text.contains("a_very_long_job_board_name_example"),
        "{text}"
    );
    assert!(!text.contains('…') && !text.contains("Not shown"), "{text}");
    assert!(
        text.lines().count() == 5,
        "a header and one line per row:\n{text}"
    );
}

#[test]
fn human_output_reads_words_not_stored_spellings() {
    let env = long_names();
    let contacts = env.ok(&["contact", "list"]);
    assert!(contacts.contains("career office") && !contacts.contains("career_office"));
    let show = env.ok(&["contact", "show", "1"]);
    assert!(show.contains("career office"), "{show}");
    let events = env.ok(&["event", "list"]);
    assert!(events.contains("career fair") && !events.contains("career_fair"));
    let agenda = env.ok(&["agenda"]);
    assert!(agenda.contains("contact follow-up"), "{agenda}");
    // JSON keeps the stored spellings.
    let json = env.json(&["agenda"]);
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|item| item["kind"] == "contact_follow_up"));
    assert_eq!(
        env.json(&["contact", "show", "1"])["relationship"],
        "career_office"
    );
}

#[test]
fn a_hostile_contact_name_shows_escaped_in_contact_show_on_a_terminal() {
    let env = TestEnv::new();
    // An OSC 52 clipboard write, a title change and a right-to-left override.
    let name = "Eve\u{1b}]52;c;ZWNobyBwd25lZA==\u{7} Lee\u{1b}]0;owned\u{9c}\u{202e}gnp.exe";
    env.ok(&[
        "contact",
        "add",
        name,
        "--org",
        "Mercy\u{2066}Health",
        "--note",
        "a\u{1b}[2Jb\nsecond line",
    ]);
    for color in [true, false] {
        let text = on_terminal(&env, 80, color, &["contact", "show", "1"]);
        for raw in [
            "\u{1b}]",
            "\u{7}",
            "\u{9c}",
            "\u{202e}",
            "\u{2066}",
            "\u{1b}[2J",
        ] {
            assert!(
                !text.contains(raw),
                "{raw:?} reached the terminal:\n{text:?}"
            );
        }
        for shown in [
            "\\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}",
            "\\u{202e}gnp.exe",
            "Mercy\\u{2066}Health",
            "a\\u{1b}[2Jb",
        ] {
            assert!(text.contains(shown), "{shown} not shown:\n{text}");
        }
        // The note keeps its line break.
        assert!(text.contains("second line"), "{text}");
    }
    // JSON carries the text unchanged.
    assert_eq!(env.json(&["contact", "show", "1"])["name"], name);
    // Notices and errors escape it too.
    let output = env.cmd().args(["contact", "add", name]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
}

/// Runs `command` through `sh -c` in the test folder, with the binary first
/// on PATH and the test database, and returns its standard output.
fn pasted(env: &TestEnv, command: &str) -> String {
    let binary = assert_cmd::cargo::cargo_bin!("jobtrack");
    let folder = binary.parent().unwrap();
    let path = format!(
        "{}:{}",
        folder.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("sh")
        .args(["-c", command])
        .current_dir(env.dir.path())
        .env("PATH", path)
        .env("JOBTRACK_DB", &env.db)
        .env("JOBTRACK_TODAY", &env.today)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{command} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The suggested command in a notice: from `jobtrack` to the closing `)`.
fn suggested(stderr: &str) -> String {
    let start = stderr.find("jobtrack ").expect("a suggested command");
    let end = stderr.rfind(')').expect("the notice's closing parenthesis");
    stderr[start..end].to_string()
}

#[test]
fn a_suggested_command_pasted_into_a_shell_does_exactly_what_it_says() {
    let env = TestEnv::new();
    let hostile = "Mercy `touch one` $(touch two) it's \"here\"";
    for n in 0..6 {
        env.ok(&["app", "add", hostile, &format!("Coder {n}")]);
    }
    let output = env
        .cmd()
        .args(["app", "add", hostile, "Coder 6"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let command = suggested(stderr.lines().last().unwrap());
    assert!(
        command.starts_with("jobtrack app list --org '"),
        "{command}"
    );
    let listed = pasted(&env, &format!("{command} --json"));
    let rows: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 7, "{listed}");
    assert!(rows.as_array().unwrap().iter().all(|r| r["org"] == hostile));

    // The merge an organization typo suggests merges exactly those two.
    let output = env
        .cmd()
        .args(["app", "add", &format!("{hostile} Clinic"), "Analyst"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let merge = stderr
        .lines()
        .find(|l| l.contains("org rename"))
        .expect("a merge hint");
    pasted(&env, &suggested(merge));
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 8);
    for file in ["one", "two"] {
        assert!(
            !Path::new(&env.path(file)).exists(),
            "the shell ran `touch {file}`"
        );
    }
}

#[test]
fn agenda_items_name_what_they_refer_to_and_carry_every_id() {
    let env = long_names();
    let items = env.json(&["agenda"]);
    for item in items.as_array().unwrap() {
        for key in [
            "application_id",
            "contact_id",
            "event_id",
            "certification_id",
        ] {
            assert!(item.get(key).is_some(), "{key} missing from {item}");
        }
    }
    let contact = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "contact_follow_up")
        .unwrap();
    assert_eq!(contact["contact_id"], 1);
    assert!(contact["application_id"].is_null() && contact["event_id"].is_null());
    let human = env.ok(&["agenda"]);
    for reference in ["contact 1", "event 1", "app 2"] {
        assert!(human.contains(reference), "{reference} missing:\n{human}");
    }
}

#[test]
fn the_dashboard_ranks_due_items_by_stage_and_names_its_window() {
    let env = long_names();
    let due = env.json(&["report"])["due"].clone();
    let first = &due.as_array().unwrap()[0];
    // Application 3 is at offer: its follow-up leads, though others are older.
    assert_eq!(
        (first["kind"].as_str(), first["id"].as_i64()),
        (Some("app_follow_up"), Some(3))
    );
    let human = env.ok(&["report"]);
    assert!(human.contains("Due through 2026-12-02"), "{human}");
}

#[test]
fn empty_lists_say_whether_nothing_exists_or_nothing_matches() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let empty = env.ok(&["app", "list"]);
    assert!(empty.contains("No applications yet") && empty.contains("jobtrack app add"));
    env.ok(&["app", "add", "Mercy", "Coder"]);
    assert_eq!(
        env.ok(&["app", "list", "--status", "offer"]),
        "No applications match.\n"
    );
    let output = env
        .cmd()
        .args(["app", "add", "Mercy", "Analyst"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("its status is applied"), "{stderr}");
}

#[test]
fn global_options_stand_under_their_own_heading() {
    let env = TestEnv::new();
    let help = env.ok(&["app", "list", "--help"]);
    let lines: Vec<&str> = help.lines().collect();
    let global = lines
        .iter()
        .position(|l| *l == "Global options:")
        .expect("a Global options heading");
    // The line where an option is described (its own line, not prose).
    let described = |option: &str| {
        lines
            .iter()
            .position(|l| {
                let l = l.trim_start();
                l.starts_with(option) || l.starts_with(&format!("-q, {option}"))
            })
            .unwrap_or_else(|| panic!("{option}:\n{help}"))
    };
    for option in ["--db", "--json", "--color", "--quiet", "--wide"] {
        assert!(
            described(option) > global,
            "{option} is not under Global options:\n{help}"
        );
    }
    assert!(described("--status") < global, "{help}");
}

#[test]
fn the_overview_fits_80_columns_and_names_every_noun() {
    let env = TestEnv::new();
    let overview = env.ok(&[]);
    for line in overview.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    for noun in [
        "app", "contact", "doc", "search", "agenda", "undo", "restore",
    ] {
        assert!(
            overview.lines().any(|l| l.contains(&format!("  {noun} "))),
            "{noun} missing:\n{overview}"
        );
    }
}
