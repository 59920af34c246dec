//! `jobtrack search`: what it finds, that every write (undo and redo
//! included) reaches the index at once, the query rules, the output, and
//! `doctor` noticing and `doctor --fix` mending an index out of step.

use serde_json::Value;

use crate::util::TestEnv;

/// The (kind, id) of every hit for `query`, in the order printed.
fn hits(env: &TestEnv, query: &[&str]) -> Vec<(String, i64)> {
    let mut args = vec!["search", "--all"];
    args.extend_from_slice(query);
    env.json(&args)
        .as_array()
        .expect("an array")
        .iter()
        .map(|h| {
            (
                h["kind"].as_str().unwrap().to_string(),
                h["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn kinds(env: &TestEnv, query: &[&str]) -> Vec<String> {
    hits(env, query).into_iter().map(|(kind, _)| kind).collect()
}

/// A database with one record of every kind, each holding its own word.
fn seeded() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "St. Luke's Hospital",
        "Coding Specialist",
        "--note",
        "résumé tailored for outpatient work",
    ]);
    env.sql()
        .execute(
            "UPDATE applications SET description = 'Experience with Epic and 3M encoders' WHERE id = 1",
            [],
        )
        .unwrap();
    env.ok(&[
        "app",
        "note",
        "1",
        "Called HR about the e-mail from Tuesday",
    ]);
    env.ok(&[
        "contact",
        "add",
        "Dana Reyes",
        "--role",
        "HIM Director",
        "--note",
        "Knows the cancer registry team",
    ]);
    env.ok(&[
        "contact",
        "log",
        "Dana",
        "--channel",
        "coffee",
        "--note",
        "Suggested the tumor registrar certification",
    ]);
    env.ok(&[
        "event",
        "add",
        "Ohio HIMA",
        "Spring chapter meeting",
        "--on",
        "2026-12-10",
        "--note",
        "Bring business cards",
    ]);
    env.ok(&["org", "edit", "Ohio HIMA", "--note", "Dues renew in March"]);
    env.sql()
        .execute(
            "INSERT INTO documents (sha256, kind, name, size, added_on, content)
             VALUES (printf('%064d', 7), 'resume', 'Portfolio of abstracts.pdf', 1, '2026-11-01', x'25')",
            [],
        )
        .unwrap();
    env
}

#[test]
fn search_finds_words_in_every_kind_of_record() {
    let env = seeded();
    assert_eq!(
        hits(&env, &["epic"]),
        [("application".into(), 1)],
        "description"
    );
    assert_eq!(kinds(&env, &["outpatient"]), ["application"], "app notes");
    assert_eq!(kinds(&env, &["Tuesday"]), ["history"], "history notes");
    assert_eq!(kinds(&env, &["registry"]), ["contact"], "contact notes");
    assert_eq!(kinds(&env, &["director"]), ["contact"], "contact role");
    // The role and the notes stay apart on the hit's line.
    let shown = env.ok(&["search", "registry"]);
    assert!(
        shown.contains("HIM Director · Knows the cancer registry team"),
        "{shown}"
    );
    assert_eq!(kinds(&env, &["tumor"]), ["interaction"]);
    assert_eq!(kinds(&env, &["business"]), ["event"], "event notes");
    assert_eq!(kinds(&env, &["spring"]), ["event"], "event title");
    assert_eq!(kinds(&env, &["dues"]), ["organization"], "org notes");
    assert_eq!(kinds(&env, &["abstracts"]), ["document"], "document name");
    // An organization's name: the organization and the application at it.
    assert_eq!(kinds(&env, &["Luke"]), ["application", "organization"]);
    // What each hit belongs to.
    let note = &env.json(&["search", "tuesday"])[0];
    assert_eq!(note["application_id"], 1);
    assert_eq!(note["contact_id"], Value::Null);
    assert_eq!(
        note["title"],
        "Coding Specialist at St. Luke's Hospital, 2026-11-26"
    );
    let talk = &env.json(&["search", "tumor"])[0];
    assert_eq!(talk["contact_id"], 1);
    assert_eq!(talk["application_id"], Value::Null);
    assert_eq!(talk["title"], "Dana Reyes, 2026-11-26");
}

#[test]
fn the_json_shape_is_one_array_of_hits_with_plain_snippets() {
    let env = seeded();
    let found = env.json(&["search", "epic"]);
    let hit = found[0].as_object().unwrap();
    let mut keys: Vec<&str> = hit.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "application_id",
            "contact_id",
            "id",
            "kind",
            "snippet",
            "title"
        ]
    );
    assert_eq!(hit["kind"], "application");
    assert_eq!(hit["application_id"], 1);
    assert_eq!(hit["title"], "Coding Specialist at St. Luke's Hospital");
    let snippet = hit["snippet"].as_str().unwrap();
    assert!(snippet.contains("Experience with Epic and 3M"), "{snippet}");
    assert!(!snippet.contains('\u{2}') && !snippet.contains('\u{3}'));
    // No hits: an empty array, exit 0.
    assert_eq!(env.json(&["search", "zebra"]), serde_json::json!([]));
}

#[test]
fn an_add_an_edit_and_a_delete_reach_the_results_at_once() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--note",
        "pediatric unit",
    ]);
    assert_eq!(hits(&env, &["pediatric"]), [("application".into(), 1)]);
    env.ok(&["app", "edit", "1", "--title", "Cancer Registrar"]);
    assert!(hits(&env, &["coder"]).is_empty(), "the old title is gone");
    assert_eq!(kinds(&env, &["registrar"]), ["application"]);
    // An organization's new name reaches the application that shows it.
    env.ok(&["org", "rename", "Mercy Health", "Bon Secours Mercy"]);
    assert_eq!(kinds(&env, &["secours"]), ["application", "organization"]);
    assert!(hits(&env, &["mercy", "health"]).is_empty());
    env.ok(&["app", "rm", "1"]);
    assert!(hits(&env, &["registrar"]).is_empty());
    assert!(hits(&env, &["pediatric"]).is_empty());
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn accents_case_prefixes_and_phrases() {
    let env = seeded();
    assert_eq!(kinds(&env, &["resume"]), ["application"], "résumé");
    assert_eq!(kinds(&env, &["RÉSUMÉ"]), ["application"]);
    assert_eq!(kinds(&env, &["regist*"]), ["contact", "interaction"]);
    assert_eq!(kinds(&env, &["\"cancer registry\""]), ["contact"]);
    assert!(
        hits(&env, &["\"registry cancer\""]).is_empty(),
        "order counts"
    );
    // Words are all required, in any order.
    assert_eq!(kinds(&env, &["team", "cancer"]), ["contact"]);
    assert!(hits(&env, &["cancer", "epic"]).is_empty());
    // Punctuation inside a word never breaks the query.
    assert_eq!(
        kinds(&env, &["St.", "Luke's"]),
        ["application", "organization"]
    );
    assert_eq!(kinds(&env, &["e-mail"]), ["history"]);
    assert_eq!(kinds(&env, &["3M"]), ["application"]);
}

#[test]
fn operators_are_plain_words() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--note",
        "day or night shift",
    ]);
    env.ok(&[
        "app",
        "add",
        "Summa Health",
        "Analyst",
        "--note",
        "day shift only",
    ]);
    // OR is a word to find, not "either": only the first note has it.
    assert_eq!(
        hits(&env, &["day", "OR", "night"]),
        [("application".into(), 1)]
    );
    assert_eq!(hits(&env, &["shift", "NOT"]), []);
    assert_eq!(hits(&env, &["NEAR", "AND"]), []);
    assert_eq!(hits(&env, &["only"]), [("application".into(), 2)]);
}

#[test]
fn an_open_quote_or_an_empty_query_is_refused_plainly() {
    let env = seeded();
    let said = env.fails(2, &["search", "\"cancer registry"]);
    assert!(said.contains("quote that is not closed"), "{said}");
    assert!(
        !said.to_lowercase().contains("fts5") && !said.contains("syntax"),
        "{said}"
    );
    let said = env.fails(2, &["search", "  "]);
    assert!(said.contains("search query is empty"), "{said}");
    env.fails(2, &["search", "- & *"]);
    env.fails(2, &["search", "coder", "--limit", "0"]);
    env.fails(2, &["search", "coder", "--limit", "3", "--all"]);
}

#[test]
fn the_help_quotes_a_prefix_so_the_shell_leaves_it_alone() {
    let env = TestEnv::new();
    let help = env.ok(&["search", "--help"]);
    assert!(help.contains("jobtrack search 'transcr*'"), "{help}");
    assert!(help.contains("'cod*' finds coder"), "{help}");
    // No example leaves a prefix for the shell to expand.
    for example in help
        .lines()
        .filter(|l| l.trim_start().starts_with("jobtrack "))
    {
        assert!(
            !example
                .split_whitespace()
                .any(|w| w.len() > 1 && w.ends_with('*')),
            "{example}"
        );
    }
}

#[test]
fn no_hits_is_exit_0_with_a_note() {
    let env = seeded();
    let output = env.cmd().args(["search", "zebra"]).output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("nothing matches zebra"), "{said}");
    assert!(!said.contains("operator"), "{said}");
    // Words other search boxes take as operators get a reminder.
    let said = env.fails(0, &["search", "RHIT", "OR", "RHIA"]);
    assert!(said.contains("nothing matches RHIT OR RHIA"), "{said}");
    assert!(
        said.contains("OR is a word to find here, not an operator"),
        "{said}"
    );
    let said = env.fails(0, &["search", "coder NOT epic OR"]);
    assert!(said.contains("NOT and OR are words"), "{said}");
}

#[test]
fn search_is_a_read_and_never_creates_a_database() {
    let env = TestEnv::new();
    env.fails(1, &["search", "coder"]);
    assert!(!env.db.exists());
}

#[test]
fn at_most_20_of_each_kind_unless_told() {
    let env = TestEnv::new();
    for i in 0..23 {
        env.ok(&["app", "add", &format!("Employer {i}"), "Coder", "-q"]);
    }
    let count = |args: &[&str]| {
        let mut all = vec!["search"];
        all.extend_from_slice(args);
        all.push("coder");
        env.json(&all).as_array().unwrap().len()
    };
    assert_eq!(count(&[]), 20);
    assert_eq!(count(&["--limit", "5"]), 5);
    assert_eq!(count(&["--all"]), 23);
    let output = env.cmd().args(["search", "coder"]).output().unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.starts_with("Applications (20 of 23)\n"), "{shown}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("--all"));
}

#[test]
fn the_best_match_comes_first_within_a_kind() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy",
        "Analyst",
        "--note",
        "some epic work among many other words here",
    ]);
    env.ok(&["app", "add", "Summa", "Epic Analyst"]);
    let found = hits(&env, &["epic"]);
    assert_eq!(
        found[0],
        ("application".into(), 2),
        "a title match counts more"
    );
}

#[test]
fn human_output_highlights_the_match_and_fits_the_line() {
    let env = seeded();
    let long = "word ".repeat(40) + "needle " + &"filler ".repeat(40);
    env.ok(&["app", "note", "1", &long]);
    let output = env
        .cmd()
        .args(["--color", "always", "search", "needle"])
        .output()
        .unwrap();
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(shown.contains("\x1b[36mneedle\x1b[0m"), "{shown:?}");
    let plain = env.ok(&["search", "needle"]);
    assert!(plain.starts_with("History notes (1)\n  entry "), "{plain}");
    for line in plain.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    assert!(plain.contains("needle"));
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    // Stored control characters are shown, never obeyed.
    env.ok(&["app", "note", "1", "hostile \x1b]0;title\x07 marker"]);
    let shown = env.ok(&["search", "hostile"]);
    assert!(
        shown.contains("\\u{1b}") && !shown.contains('\x1b'),
        "{shown:?}"
    );
}

#[test]
fn wide_characters_and_emoji_sequences_never_push_a_line_past_the_width() {
    use unicode_width::UnicodeWidthStr;
    let env = seeded();
    let hearts = "❤️ ".repeat(30);
    env.ok(&["app", "note", "1", &format!("Great team 🎉 coder {hearts}")]);
    env.ok(&[
        "app",
        "note",
        "1",
        &format!("東京病院 coder {}", "診療情報管理士 ".repeat(12)),
    ]);
    env.ok(&[
        "contact",
        "add",
        "Dr. 👩‍⚕️ Kim",
        "--note",
        &format!("coder {}", "👩‍⚕️ ".repeat(40)),
    ]);
    let shown = env.ok(&["search", "coder"]);
    assert!(shown.contains("❤️"), "{shown}");
    assert!(shown.contains("東京病院"), "{shown}");
    for line in shown.lines() {
        assert!(line.width() <= 80, "{} columns: {line:?}", line.width());
    }
}

#[test]
fn a_match_late_in_a_long_snippet_stays_in_view() {
    let env = seeded();
    let before = "interoperability terminology documentation abstracting reimbursement ";
    env.ok(&[
        "app",
        "note",
        "1",
        &format!("{before}{before}needle at the end"),
    ]);
    let shown = env.ok(&["search", "needle"]);
    let line = shown
        .lines()
        .find(|l| l.starts_with("      "))
        .expect("a snippet line");
    assert!(line.contains("needle"), "{shown}");
    assert!(line.starts_with("      …"), "{shown}");
    assert!(line.chars().count() <= 80, "{shown}");
}

#[test]
fn wide_prints_whole_lines() {
    let env = seeded();
    env.ok(&[
        "app",
        "add",
        "Northwestern Regional Health Information Exchange",
        "Clinical Documentation Integrity Specialist",
        "--note",
        "needle interoperability terminology documentation abstracting reimbursement credentialing lastword",
    ]);
    let cut = env.ok(&["search", "needle"]);
    assert!(!cut.contains("lastword"), "{cut}");
    assert!(!cut.contains("Information Exchange"), "{cut}");
    let whole = env.ok(&["--wide", "search", "needle"]);
    assert!(whole.contains("credentialing lastword"), "{whole}");
    assert!(
        whole.contains("Specialist at Northwestern Regional Health Information Exchange\n"),
        "{whole}"
    );
}

#[test]
fn undo_and_redo_keep_the_index_in_step() {
    let env = seeded();
    env.ok(&[
        "app",
        "add",
        "Summa Health",
        "Privacy Officer",
        "--note",
        "HIPAA audits",
    ]);
    assert_eq!(kinds(&env, &["hipaa"]), ["application"]);
    env.ok(&["undo"]);
    assert!(hits(&env, &["hipaa"]).is_empty(), "undone");
    assert!(
        hits(&env, &["summa"]).is_empty(),
        "its new organization too"
    );
    env.ok(&["redo"]);
    assert_eq!(kinds(&env, &["hipaa"]), ["application"]);
    assert_eq!(kinds(&env, &["summa"]), ["application", "organization"]);
    // A delete undone brings the record and its notes back.
    env.ok(&["contact", "rm", "Dana"]);
    assert!(hits(&env, &["tumor"]).is_empty());
    env.ok(&["undo"]);
    assert_eq!(kinds(&env, &["tumor"]), ["interaction"]);
    assert_eq!(kinds(&env, &["registry"]), ["contact"]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn doctor_reports_an_index_out_of_step_and_fix_rebuilds_it() {
    let env = seeded();
    // Damage: rows taken out of the index behind jobtrack's back.
    env.sql()
        .execute_batch("DELETE FROM search_index WHERE rowid % 8 IN (1, 3)")
        .unwrap();
    assert!(hits(&env, &["epic"]).is_empty());
    env.fails(1, &["doctor"]);
    let report = env.cmd().args(["--json", "doctor"]).output().unwrap();
    assert_eq!(report.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&report.stdout).unwrap();
    let check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "search_index")
        .expect("a search_index check")
        .clone();
    assert_eq!(check["ok"], false);
    assert!(
        check["detail"].as_str().unwrap().contains("doctor --fix"),
        "{check}"
    );
    let shown = env.cmd().args(["doctor"]).output().unwrap();
    assert!(String::from_utf8_lossy(&shown.stdout).contains("doctor --fix"));
    let undo_entries = env.count("SELECT count(*) FROM undo_log");
    let fixed = env.ok(&["doctor", "--fix"]);
    assert!(fixed.contains("rebuilt the search index"), "{fixed}");
    assert!(fixed.contains("Everything looks right."), "{fixed}");
    assert_eq!(
        env.count("SELECT count(*) FROM undo_log"),
        undo_entries,
        "no undo entry"
    );
    assert_eq!(hits(&env, &["epic"]), [("application".into(), 1)]);
    assert_eq!(kinds(&env, &["registry"]), ["contact"]);
    // Nothing left to mend: --fix changes nothing and says so by its silence.
    let again = env.ok(&["doctor", "--fix"]);
    assert!(!again.contains("rebuilt"), "{again}");
}

#[test]
fn a_damaged_index_is_reported_and_rebuilt() {
    let env = seeded();
    // The index's own data mangled: FTS5's integrity check fails.
    env.sql()
        .execute_batch("DELETE FROM search_index_data WHERE id > 10")
        .unwrap();
    let report = env.cmd().args(["--json", "doctor"]).output().unwrap();
    assert_eq!(report.status.code(), Some(1));
    let text = String::from_utf8_lossy(&report.stdout).to_string();
    assert!(text.contains("\"search_index\""), "{text}");
    env.ok(&["doctor", "--fix"]);
    assert_eq!(kinds(&env, &["tumor"]), ["interaction"]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn a_dropped_index_is_made_again_by_doctor_fix() {
    let env = seeded();
    env.sql().execute_batch("DROP TABLE search_index").unwrap();
    for args in [
        &["search", "tumor"][..],
        &["app", "add", "Walrus Clinic", "Biller"],
    ] {
        let said = env.fails(1, args);
        assert!(said.contains("search index"), "{said}");
        assert!(said.contains("doctor --fix"), "{said}");
    }
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);
    let report = env.cmd().args(["doctor"]).output().unwrap();
    assert_eq!(report.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&report.stdout).contains("doctor --fix"));
    let fixed = env.ok(&["doctor", "--fix"]);
    assert!(fixed.contains("rebuilt the search index"), "{fixed}");
    assert_eq!(kinds(&env, &["tumor"]), ["interaction"]);
    env.ok(&["app", "add", "Walrus Clinic", "Biller"]);
    assert_eq!(kinds(&env, &["walrus"]), ["application", "organization"]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn an_import_fills_the_index() {
    let env = TestEnv::new();
    let file = env.path("apps.csv");
    std::fs::write(
        &file,
        "org,title,status,applied_on,notes\nMercy Health,Coder,applied,2026-11-02,ask about telehealth\n",
    )
    .unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(kinds(&env, &["telehealth"]), ["application"]);
    env.ok(&["undo"]);
    assert!(hits(&env, &["telehealth"]).is_empty());
}

#[test]
fn a_large_import_is_indexed_once_at_the_end_and_undone() {
    let env = seeded();
    let triggers = || env.count("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
    let before = triggers();
    let mut csv = String::from("org,title,status,applied_on,notes\n");
    for i in 0..6000 {
        let word = if i == 4321 { "sonography" } else { "records" };
        csv.push_str(&format!(
            "Organization number {},Health Information Technician in the records department {i},applied,2026-10-{:02},asked about {word} on the phone\n",
            i % 50,
            i % 28 + 1
        ));
    }
    assert!(csv.len() > 500_000, "large enough to load in bulk");
    let file = env.path("large.csv");
    std::fs::write(&file, csv).unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(triggers(), before, "the index's triggers are back");
    let found = env.json(&["search", "sonography"]);
    assert_eq!(
        found[0]["title"],
        "Health Information Technician in the records department 4321 at Organization number 21"
    );
    assert_eq!(
        kinds(&env, &["epic"]),
        ["application"],
        "rows from before stay"
    );
    assert_eq!(env.json(&["doctor"])["ok"], true);
    env.ok(&["undo"]);
    assert!(hits(&env, &["sonography"]).is_empty());
    assert_eq!(env.json(&["doctor"])["ok"], true);
    // The triggers work again after the load.
    env.ok(&["app", "note", "1", "ask about ultrasound"]);
    assert_eq!(kinds(&env, &["ultrasound"]), ["history"]);
}

#[test]
fn a_limit_below_one_is_refused_in_plain_words() {
    let env = seeded();
    let said = env.fails(2, &["search", "epic", "--limit", "0"]);
    assert!(said.contains("--limit"), "{said}");
    assert!(said.contains("a whole number of at least 1"), "{said}");
    assert!(!said.contains("9223372036854775807"), "{said}");
}
