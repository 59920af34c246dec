//! Files people actually have: standard input and pipes, unclosed quotes,
//! re-imports, spreadsheets and LinkedIn's exports.

use crate::util::TestEnv;

/// A CSV of `rows` applications, well over 4 KiB for a few dozen rows.
fn applications_csv(rows: usize) -> String {
    let mut csv = String::from("org,title,status,applied_on,notes\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "Org {},Title {i},applied,2026-10-{:02},\"a note long enough to fill the pipe, row {i}\"\n",
            i % 7,
            i % 28 + 1
        ));
    }
    csv
}

#[test]
fn a_piped_csv_over_4_kib_imports_every_row() {
    let env = TestEnv::new();
    let csv = applications_csv(300);
    assert!(csv.len() > 3 * 4096);
    let output = env
        .cmd()
        .args(["--json", "import", "applications", "-"])
        .write_stdin(csv.clone())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["added"], 300, "{report}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 300);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE title = 'Title 299'"),
        1
    );

    // /dev/stdin fed by a pipe is read once too, and the summary names it.
    let other = TestEnv::new();
    let output = other
        .cmd()
        .args(["import", "applications", "/dev/stdin"])
        .write_stdin(csv)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(stdout.contains("Imported 300 rows"), "{stdout}");
    assert_eq!(other.count("SELECT count(*) FROM applications"), 300);

    // Nothing piped in: the same warning as an empty file, and no rows.
    let output = other
        .cmd()
        .args(["import", "applications", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("standard input is empty") && stderr.contains("header row"),
        "{stderr}"
    );
    assert_eq!(other.count("SELECT count(*) FROM applications"), 300);
}

#[test]
fn a_fifo_is_read_once() {
    let env = TestEnv::new();
    let fifo = env.path("apps.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let csv = applications_csv(200);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, csv).unwrap())
    };
    let report = env.json(&["import", "applications", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(report["added"], 200, "{report}");
}

#[test]
fn standard_input_is_one_file_not_a_folder() {
    let env = TestEnv::new();
    let stderr = env.fails(2, &["import", "--all", "-"]);
    assert!(stderr.contains("import TABLE -"), "{stderr}");
    assert!(!env.db.exists());
}

#[test]
fn an_unclosed_quote_names_the_row_where_it_opened() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let file = env.path("open.csv");
    std::fs::write(
        &file,
        "org,title,notes\n\
         Mercy Health,Coder,\"closed, fine\"\n\
         St. Luke's,Analyst,\"forgot to close\n\
         Cleveland Clinic,Clerk,plain\n\
         Summa,Tech,plain\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "applications", file.to_str().unwrap()]);
    assert!(
        stderr.contains("row 3") && stderr.contains("never closed"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);

    // The same through standard input, and in a LinkedIn file.
    let output = env
        .cmd()
        .args(["import", "applications", "-"])
        .write_stdin(std::fs::read(&file).unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("standard input: row 3") && stderr.contains("never closed"),
        "{stderr}"
    );
    let saved = env.path("Saved Jobs.csv");
    std::fs::write(
        &saved,
        "Saved Date,Job Url,Job Title,Company Name\n\
         \"8/14/23, 4:40 PM\",,Coding Specialist,St. Luke's\n\
         \"8/15/23 4:40 PM,,Analyst,Mercy\n\
         2023-08-16,,Clerk,Summa\n",
    )
    .unwrap();
    let stderr = env.fails(
        2,
        &["import", "linkedin-saved-jobs", saved.to_str().unwrap()],
    );
    assert!(
        stderr.contains("row 3") && stderr.contains("never closed"),
        "{stderr}"
    );
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
}

/// The (added, updated, already_there) counts of an import's JSON report.
fn counts(report: &serde_json::Value) -> (i64, i64, i64) {
    let n = |key: &str| {
        report[key]
            .as_i64()
            .unwrap_or_else(|| panic!("{key}: {report}"))
    };
    (n("added"), n("updated"), n("already_there"))
}

#[test]
fn a_re_imported_file_adds_nothing() {
    let env = TestEnv::new();
    let file = env.path("mine.csv");
    std::fs::write(
        &file,
        "org,title,status,applied_on,url\n\
         Mercy Health,Coder,applied,2026-10-01,\n\
         Mercy Health,Analyst,interview,2026-10-02,https://jobs.example.org/1\n\
         St. Luke's,Clerk,saved,,\n",
    )
    .unwrap();
    let arg = file.to_str().unwrap();
    assert_eq!(
        counts(&env.json(&["import", "applications", arg])),
        (3, 0, 0)
    );
    let again = env.json(&["import", "applications", arg]);
    assert_eq!(counts(&again), (0, 0, 3), "{again}");
    assert_eq!(again["skipped"], 0);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 3);
    assert_eq!(env.count("SELECT count(*) FROM application_events"), 3);

    // Matched by url whatever the title says; by org, title (any case)
    // and date otherwise; a different date is another application.
    std::fs::write(
        &file,
        "org,title,status,applied_on,url\n\
         mercy health,CODER,applied,2026-10-01,\n\
         Mercy Health,Renamed,interview,2026-10-02,https://jobs.example.org/1\n\
         Mercy Health,Coder,applied,2026-10-09,\n",
    )
    .unwrap();
    let text = env.ok(&["import", "applications", arg]);
    assert!(
        text.contains("Imported 1 row") && text.contains("2 rows already there"),
        "{text}"
    );

    // An exported file (ids kept) imports again as already there.
    let exported = env.path("export.csv");
    std::fs::write(&exported, env.ok(&["export", "applications"])).unwrap();
    let again = env.json(&["import", "applications", exported.to_str().unwrap()]);
    assert_eq!(counts(&again), (0, 0, 4), "{again}");

    // Contacts: by LinkedIn URL, else name and organization.
    let contacts = env.path("contacts.csv");
    std::fs::write(
        &contacts,
        "name,org,linkedin_url\n\
         Dana Reyes,Mercy Health,https://www.linkedin.com/in/dana\n\
         Sam Ortiz,St. Luke's,\n",
    )
    .unwrap();
    let arg = contacts.to_str().unwrap();
    assert_eq!(counts(&env.json(&["import", "contacts", arg])), (2, 0, 0));
    assert_eq!(counts(&env.json(&["import", "contacts", arg])), (0, 0, 2));

    // Other tables: every column given matches.
    let shifts = env.path("shifts.csv");
    std::fs::write(&shifts, "org,date,hours\nFood Bank,2026-11-01,3\n").unwrap();
    let arg = shifts.to_str().unwrap();
    assert_eq!(
        counts(&env.json(&["import", "volunteer_shifts", arg])),
        (1, 0, 0)
    );
    assert_eq!(
        counts(&env.json(&["import", "volunteer_shifts", arg])),
        (0, 0, 1)
    );
    std::fs::write(&shifts, "org,date,hours\nFood Bank,2026-11-01,4\n").unwrap();
    assert_eq!(
        counts(&env.json(&["import", "volunteer_shifts", arg])),
        (1, 0, 0)
    );
}

#[test]
fn update_changes_only_the_edited_cells_and_records_a_status_change() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-02",
    ]);
    env.ok(&[
        "app",
        "add",
        "St. Luke's",
        "Analyst",
        "--location",
        "Akron, OH",
    ]);
    let file = env.path("apps.csv");
    let exported = env.ok(&["export", "applications"]);
    // Edit the status of row 2 (id 1) and the location of row 3 (id 2).
    assert!(exported.contains("\"Akron, OH\""), "{exported}");
    let edited = exported
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            1 => line.replacen(",applied,", ",interview,", 1),
            2 => line.replacen("\"Akron, OH\"", "\"Canton, OH\"", 1),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, format!("{edited}\n")).unwrap();
    let arg = file.to_str().unwrap();
    let untouched = |env: &TestEnv| -> Vec<String> {
        let sql = env.sql();
        let mut statement = sql
            .prepare(
                "SELECT quote(org_id) || quote(title) || quote(source) || quote(url) \
                 || quote(applied_on) || quote(follow_up_on) || quote(notes) \
                 || quote(created_at) FROM applications ORDER BY id",
            )
            .unwrap();
        statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let before = untouched(&env);

    // Without --update: refused, naming the row and what to do.
    let stderr = env.fails(2, &["import", "applications", arg]);
    assert!(
        stderr.contains("row 2, id \"1\"")
            && stderr.contains("already in applications with other values")
            && stderr.contains("--update"),
        "{stderr}"
    );
    assert!(stderr.contains("row 3, id \"2\""), "{stderr}");

    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE status = 'interview'"),
        0
    );
    let report = env.json(&["import", "applications", arg, "--update"]);
    assert_eq!(counts(&report), (0, 2, 0), "{report}");
    assert_eq!(untouched(&env), before, "only the edited cells change");
    let one = env.json(&["app", "show", "1"]);
    assert_eq!(one["status"], "interview");
    assert_eq!(one["title"], "Coder");
    assert_eq!(one["applied_on"], "2026-11-02", "other cells kept");
    let events = one["events"].as_array().unwrap();
    let last = events.last().unwrap();
    assert_eq!(
        (last["date"].as_str(), last["to_status"].as_str()),
        (Some("2026-11-26"), Some("interview")),
        "{one}"
    );
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE id = 1 AND stage_since = '2026-11-26' AND furthest_status = 'interview'"),
        1,
        "derived columns recomputed"
    );
    let two = env.json(&["app", "show", "2"]);
    assert_eq!(two["location"], "Canton, OH");
    assert_eq!(two["status"], "applied");
    assert_eq!(
        two["events"].as_array().unwrap().len(),
        2,
        "no status entry"
    );

    // Importing the same file again changes nothing more.
    let report = env.json(&["import", "applications", arg, "--update"]);
    assert_eq!(counts(&report), (0, 0, 2), "{report}");
    assert_eq!(
        env.count("SELECT count(*) FROM application_events WHERE application_id = 1"),
        3
    );
}
