//! Undo and redo: every write is one entry of the undo log, reverted and
//! applied again whole, and the database ends exactly as it was.

use crate::util::TestEnv;

/// Every row of every table the user's data lives in, as text, so that two
/// states of the database can be compared exactly (the undo log is left
/// out: it is what changes).
fn state(env: &TestEnv) -> Vec<String> {
    let conn = env.sql();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'undo_%'
             -- the calendar's revision counters only ever rise (DESIGN §10.9)
             AND name <> 'ics_revisions'
             -- the search index is compared by its rows, not its FTS5 storage
             AND name NOT LIKE 'search!_index!_%' ESCAPE '!' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(tables.len() >= 14, "{tables:?}");
    let mut rows = Vec::new();
    for table in tables {
        let mut statement = conn
            .prepare(&format!("SELECT rowid, * FROM {table} ORDER BY rowid"))
            .unwrap();
        let width = statement.column_count();
        let found = statement
            .query_map([], |r| {
                let mut line = table.clone();
                for i in 0..width {
                    let value: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!(" {value:?}"));
                }
                Ok(line)
            })
            .unwrap();
        rows.extend(found.map(|r| r.unwrap()));
    }
    rows
}

#[test]
fn undo_and_redo_of_an_add_include_the_organization_it_created() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let empty = state(&env);
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-20",
    ]);
    let added = state(&env);
    let said = env.ok(&["undo"]);
    assert!(
        said.starts_with("Undid: app add 'Mercy Health' Coder --applied 2026-11-20 (2026-11-26 "),
        "{said}"
    );
    assert_eq!(state(&env), empty);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 0);
    let said = env.ok(&["redo"]);
    assert!(said.starts_with("Redid: app add"), "{said}");
    assert_eq!(state(&env), added);
    assert_eq!(env.json(&["app", "show", "1"])["org"], "Mercy Health");
}

#[test]
fn undo_of_a_status_change_restores_history_follow_up_and_derived_columns() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-20",
    ]);
    env.ok(&["app", "set", "1", "interview", "--on", "2026-11-23"]);
    let before = state(&env);
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["follow_up_on"], "2026-11-27");
    env.ok(&["app", "set", "1", "rejected", "--on", "2026-11-25"]);
    assert_eq!(env.json(&["app", "show", "1"])["status"], "rejected");
    let after = state(&env);
    let undone = env.json(&["undo"]);
    assert_eq!(undone["command"], "app set 1 rejected --on 2026-11-25");
    assert!(undone["rows"].as_i64().unwrap() >= 3, "{undone}");
    assert!(undone["seq"].as_i64().unwrap() >= 3, "{undone}");
    assert_eq!(state(&env), before);
    assert_eq!(env.json(&["app", "show", "1"]), shown);
    let funnel = env.json(&["report", "apps"]);
    assert!(!funnel.to_string().contains("rejected\":1"), "{funnel}");
    env.ok(&["redo"]);
    assert_eq!(state(&env), after);
}

#[test]
fn a_new_write_after_an_undo_leaves_nothing_to_redo_and_says_so() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    env.ok(&["contact", "add", "Ben Ortiz"]);
    env.ok(&["undo"]);
    env.ok(&["contact", "add", "Cara Diaz"]);
    let before = state(&env);
    let err = env.fails(1, &["redo"]);
    assert!(err.contains("nothing to redo"), "{err}");
    assert_eq!(state(&env), before);
    let names: Vec<String> = env
        .json(&["contact", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(!names.contains(&"Ben Ortiz".to_string()));
    // Undo goes back through the log in order.
    env.ok(&["undo"]);
    env.ok(&["undo"]);
    let err = env.fails(1, &["undo"]);
    assert!(err.contains("nothing to undo"), "{err}");
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 0);
}

#[test]
fn undo_list_shows_the_last_writes_newest_first() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    assert!(env.json(&["undo", "--list"]).as_array().unwrap().is_empty());
    env.ok(&["org", "join", "Ohio HIMA", "--since", "2026-01-15"]);
    env.ok(&[
        "vol",
        "log",
        "St. Brendan Hospital",
        "3.5",
        "--on",
        "2026-11-20",
    ]);
    // A write that changes nothing records nothing.
    env.ok(&["org", "join", "Ohio HIMA", "--since", "2026-01-15"]);
    env.ok(&["app", "list"]);
    let list = env.json(&["undo", "--list"]);
    let commands: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["command"].as_str().unwrap())
        .collect();
    assert_eq!(
        commands[..2],
        [
            "org join 'Ohio HIMA' --since 2026-01-15",
            "vol log 'St. Brendan Hospital' 3.5 --on 2026-11-20"
        ]
        .iter()
        .rev()
        .copied()
        .collect::<Vec<_>>()[..]
    );
    assert!(list[0]["seq"].as_i64() > list[1]["seq"].as_i64());
    let table = env.ok(&["undo", "--list"]);
    assert!(
        table.contains("vol log 'St. Brendan Hospital' 3.5"),
        "{table}"
    );
    assert!(table.contains("2026-11-26"), "{table}");
    env.ok(&["undo"]);
    let table = env.ok(&["undo", "--list"]);
    assert!(table.contains("undone"), "{table}");
    let doctor = env.json(&["doctor"]);
    let log = doctor["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "undo_log")
        .unwrap()
        .clone();
    assert!(
        log["detail"].as_str().unwrap().starts_with("2 entries"),
        "{log}"
    );
    assert!(doctor["counts"].get("undo_log").is_none());
}

#[test]
fn an_org_rename_merge_is_undone_in_one_step() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Hospital", "Coder"]);
    env.ok(&["contact", "add", "Anna Lee", "--org", "Mercy Hospital"]);
    env.ok(&["app", "add", "Mercy Health", "Analyst"]);
    let before = state(&env);
    env.ok(&["org", "rename", "Mercy Hospital", "Mercy Health"]);
    let merged = state(&env);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
    env.ok(&["undo"]);
    assert_eq!(state(&env), before);
    assert_eq!(env.json(&["contact", "show", "1"])["org"], "Mercy Hospital");
    env.ok(&["redo"]);
    assert_eq!(state(&env), merged);
}

#[test]
fn a_2000_row_import_is_one_step() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let before = state(&env);
    let mut csv = String::from("org,title,status,applied_on\n");
    for i in 0..2000 {
        csv.push_str(&format!(
            "Org {},Title {i},applied,2026-10-{:02}\n",
            i % 40,
            i % 28 + 1
        ));
    }
    let file = env.path("apps.csv");
    std::fs::write(&file, csv).unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    let imported = state(&env);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 2001);
    let list = env.json(&["undo", "--list"]);
    assert_eq!(
        list[0]["rows"],
        2000 + 2000 + 40,
        "applications, their events, organizations"
    );
    // The rows are recorded as ranges, not one statement each.
    assert!(env.count("SELECT count(*) FROM undo_steps") < 50);
    let undone = env.json(&["undo"]);
    assert!(undone["command"]
        .as_str()
        .unwrap()
        .starts_with("import applications "));
    assert_eq!(state(&env), before);
    env.ok(&["redo"]);
    assert_eq!(state(&env), imported);
    env.ok(&["undo"]);
    env.ok(&["undo"]);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
}

#[test]
fn an_imported_history_is_undone_with_the_derived_columns() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-11-02",
    ]);
    let before = state(&env);
    let file = env.path("events.csv");
    std::fs::write(
        &file,
        "application_id,date,kind,from_status,to_status\n1,2026-11-10,status,applied,interview\n",
    )
    .unwrap();
    env.ok(&["import", "application_events", file.to_str().unwrap()]);
    assert_eq!(env.json(&["app", "show", "1"])["status"], "applied");
    let imported = state(&env);
    assert_ne!(imported, before);
    env.ok(&["undo"]);
    assert_eq!(state(&env), before);
    env.ok(&["redo"]);
    assert_eq!(state(&env), imported);
}

/// Three active applications (one quiet since October) and a closed one.
fn search(env: &TestEnv) {
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--applied",
        "2026-10-01",
    ]);
    env.ok(&[
        "app",
        "add",
        "St. Luke's",
        "Analyst",
        "--applied",
        "2026-11-20",
    ]);
    env.ok(&["app", "add", "Regional", "Clerk", "--status", "saved"]);
    env.ok(&[
        "app",
        "add",
        "Ohio Health",
        "Tech",
        "--applied",
        "2026-11-01",
    ]);
    env.ok(&["app", "set", "4", "rejected", "--on", "2026-11-10"]);
}

#[test]
fn a_bulk_close_is_one_step_to_undo() {
    let env = TestEnv::new();
    search(&env);
    let before = state(&env);
    let dry = env.ok(&["app", "close", "--active", "--as", "withdrawn", "--dry-run"]);
    assert!(
        dry.contains("would close 3 applications as withdrawn"),
        "{dry}"
    );
    assert_eq!(state(&env), before, "a dry run writes nothing");
    let closed = env.json(&["app", "close", "--active", "--as", "withdrawn"]);
    let ids: Vec<i64> = closed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(closed
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["status"] == "withdrawn" && a["follow_up_on"].is_null()));
    assert!(closed[0].get("days_quiet").is_some());
    assert_eq!(
        env.json(&["app", "list", "--active"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let history = env.json(&["app", "show", "1"])["events"].clone();
    let last_two: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .take(2)
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(last_two, ["follow_up", "status"], "{history}");
    let after = state(&env);
    let undone = env.json(&["undo"]);
    assert_eq!(undone["command"], "app close --active --as withdrawn");
    assert_eq!(state(&env), before);
    assert_eq!(
        env.json(&["app", "list", "--active"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    env.ok(&["redo"]);
    assert_eq!(state(&env), after);
}

#[test]
fn bulk_close_selectors_and_refusals() {
    let env = TestEnv::new();
    search(&env);
    let quiet = env.json(&[
        "app",
        "close",
        "--quiet-for",
        "6 weeks",
        "--as",
        "ghosted",
        "--dry-run",
    ]);
    let ids: Vec<i64> = quiet
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1]);
    let stale = env.ok(&[
        "-q",
        "app",
        "close",
        "--stale",
        "--as",
        "ghosted",
        "--dry-run",
    ]);
    assert_eq!(stale, "1\n");
    let err = env.fails(
        2,
        &["app", "close", "--quiet-for", "soon", "--as", "ghosted"],
    );
    assert!(err.contains("--quiet-for") && err.contains("30d"), "{err}");
    let before = state(&env);
    // A closed one among the ids: nothing is written.
    let err = env.fails(2, &["app", "close", "1", "4", "--as", "rejected"]);
    assert!(
        err.contains("already closed") && err.contains("4 (Tech at Ohio Health, rejected)"),
        "{err}"
    );
    // A date before an application's last change: nothing is written.
    let err = env.fails(
        2,
        &[
            "app",
            "close",
            "1",
            "2",
            "--as",
            "rejected",
            "--on",
            "2026-11-15",
        ],
    );
    assert!(
        err.contains("2 (Analyst at St. Luke's, last changed 2026-11-20)"),
        "{err}"
    );
    assert!(!err.contains("1 (Coder"), "{err}");
    env.fails(2, &["app", "close", "99", "--as", "rejected"]);
    env.fails(2, &["app", "close", "--as", "rejected"]);
    env.fails(2, &["app", "close", "1", "--active", "--as", "rejected"]);
    assert_eq!(state(&env), before);
    let said = env.ok(&[
        "app",
        "close",
        "1",
        "2",
        "--as",
        "rejected",
        "--on",
        "2026-11-24",
    ]);
    assert!(
        said.starts_with("Closed 2 applications as rejected on 2026-11-24"),
        "{said}"
    );
    let nothing = env.ok(&["app", "close", "--stale", "--as", "ghosted"]);
    assert!(nothing.contains("Nothing to close"), "{nothing}");
}

#[test]
fn accepting_an_offer_points_to_closing_the_others() {
    let env = TestEnv::new();
    search(&env);
    let output = env
        .cmd()
        .args(["app", "set", "2", "accepted"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("2 other applications are still active"),
        "{err}"
    );
    assert!(
        err.contains("jobtrack app close --active --as withdrawn"),
        "{err}"
    );
}

#[test]
fn restore_puts_a_backup_in_place_and_keeps_the_current_database() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let backup = env.path("backup.db");
    env.ok(&["backup", backup.to_str().unwrap()]);
    let backed_up = state(&env);
    env.ok(&["app", "add", "St. Luke's", "Analyst"]);
    let current = state(&env);
    let dry = env.ok(&["restore", backup.to_str().unwrap(), "--dry-run"]);
    assert!(dry.starts_with("Dry run: would restore"), "{dry}");
    assert_eq!(state(&env), current);
    let report = env.json(&["restore", backup.to_str().unwrap()]);
    assert_eq!(report["dry_run"], false);
    assert_eq!(state(&env), backed_up);
    assert!(
        env.json(&["undo", "--list"]).as_array().unwrap().is_empty(),
        "the log starts afresh"
    );
    env.fails(1, &["undo"]);
    let kept = std::path::PathBuf::from(report["kept"].as_str().unwrap());
    assert!(kept.starts_with(env.path("")), "{kept:?}");
    assert_eq!(crate::util::mode(&kept), 0o600);
    let titles: i64 = rusqlite::Connection::open(&kept)
        .unwrap()
        .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(titles, 2, "the database that was there is kept whole");
    assert_eq!(crate::util::mode(&env.db), 0o600);
    assert_eq!(env.json(&["doctor"])["ok"], true);
    env.ok(&["app", "add", "Ohio Health", "Clerk"]);
}

#[test]
fn restore_refuses_what_is_not_a_sound_jobtrack_database() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let before = state(&env);
    let junk = env.path("junk.db");
    std::fs::write(
        &junk,
        "not a database at all, just some text that is long enough",
    )
    .unwrap();
    let err = env.fails(2, &["restore", junk.to_str().unwrap()]);
    assert!(
        err.contains("cannot restore") && err.contains("nothing was changed"),
        "{err}"
    );
    let other = env.path("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    let err = env.fails(2, &["restore", other.to_str().unwrap()]);
    assert!(err.contains("not a jobtrack database"), "{err}");
    let newer = env.path("newer.db");
    env.ok(&["backup", newer.to_str().unwrap()]);
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = env.fails(2, &["restore", newer.to_str().unwrap()]);
    assert!(err.contains("newer"), "{err}");
    env.fails(2, &["restore", env.path("missing.db").to_str().unwrap()]);
    env.fails(2, &["restore", env.db.to_str().unwrap()]);
    assert_eq!(state(&env), before);
    let files: Vec<String> = std::fs::read_dir(env.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("before-restore"))
        .collect();
    assert!(files.is_empty(), "{files:?}");
}

#[test]
fn an_older_backup_is_restored_then_upgraded() {
    let env = TestEnv::new();
    let old = env.path("v2.db");
    let conn = rusqlite::Connection::open(&old).unwrap();
    conn.execute_batch(include_str!("../fixtures/v2.sql"))
        .unwrap();
    drop(conn);
    let said = env.ok(&["restore", old.to_str().unwrap()]);
    assert!(said.contains("(version 2, upgraded to 7)"), "{said}");
    assert!(!said.contains("keeping"), "there was no database: {said}");
    assert!(env.path("jobtrack.db.v2.bak").exists());
    assert_eq!(
        env.json(&["app", "show", "1"])["title"],
        "Health Information Technician"
    );
    env.ok(&["vol", "rm", "1"]);
    env.ok(&["undo"]);
    assert_eq!(env.json(&["report", "volunteer"])["total_hours"], 3.5);
}

#[test]
fn a_large_import_is_undone_and_the_triggers_stay() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let triggers = || env.count("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
    let before_triggers = triggers();
    let before = state(&env);
    let mut csv = String::from("org,title,status,applied_on\n");
    for i in 0..6000 {
        csv.push_str(&format!(
            "Organization number {},Health Information Technician in the records department {i},applied,2026-10-{:02}\n",
            i % 50,
            i % 28 + 1
        ));
    }
    assert!(
        csv.len() > 500_000,
        "large enough to load without the row triggers"
    );
    let file = env.path("large.csv");
    std::fs::write(&file, csv).unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(triggers(), before_triggers);
    assert_eq!(env.json(&["undo", "--list"])[0]["rows"], 6000 + 6000 + 50);
    env.ok(&["undo"]);
    assert_eq!(state(&env), before);
    // Writes after it are still recorded row by row.
    env.ok(&["app", "set", "1", "screening"]);
    env.ok(&["undo"]);
    assert_eq!(state(&env), before);
}
