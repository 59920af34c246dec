//! Hostile surroundings: readers that stop early, paths SQLite could
//! misread, output targets that are not plain files, damaged pages, temp
//! files, oversized input, dates at the end of the calendar, and values
//! that start with `-`.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use crate::util::TestEnv;

/// A pipe whose reader has already gone: the write end of a child's
/// standard input after the child (`true`) exited. Writing to it fails
/// with a broken pipe, exactly as when a pager is quit or `head` stops.
fn closed_pipe() -> std::os::fd::OwnedFd {
    let mut reader = StdCommand::new("true")
        .stdin(Stdio::piped())
        .spawn()
        .expect("run true");
    let writer = reader.stdin.take().expect("its standard input");
    reader.wait().expect("true exits");
    writer.into()
}

/// Runs jobtrack with both standard output and standard error going to a
/// pipe nobody reads; returns the exit code.
fn with_closed_output(env: &TestEnv, args: &[&str]) -> Option<i32> {
    let out = closed_pipe();
    let err = out.try_clone().expect("duplicate the pipe");
    env.std_cmd()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .status()
        .expect("run jobtrack")
        .code()
}

const CONNECTIONS: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n\
First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
Anna,Lee,https://www.linkedin.com/in/annalee,,Mercy Health,HIM Director,12 Nov 2023\n\
,,https://www.linkedin.com/in/gone1,,,,12 Nov 2023\n\
,,https://www.linkedin.com/in/gone2,,,,13 Nov 2023\n\
Ben,Ortiz,https://www.linkedin.com/in/benortiz,,Summit Clinic,Recruiter,1 Dec 2023\n";

#[test]
fn a_reader_that_stops_early_never_aborts_or_rolls_back_a_write() {
    let env = TestEnv::new();
    let connections = env.path("Connections.csv");
    fs::write(&connections, CONNECTIONS).unwrap();
    let folder = env.path("export");
    let writes: &[(&[&str], &str)] = &[
        (&["init"], "SELECT count(*) = 0 FROM applications"),
        (
            &["app", "add", "Mercy Health", "Coder", "--note", "first"],
            "SELECT count(*) = 1 FROM applications",
        ),
        (
            &["--json", "app", "set", "1", "interview"],
            "SELECT status = 'interview' FROM applications WHERE id = 1",
        ),
        (
            &["app", "note", "1", "called back"],
            "SELECT count(*) = 1 FROM application_events WHERE note = 'called back'",
        ),
        (
            &["contact", "add", "Carla Diaz", "--org", "Mercy Health"],
            "SELECT count(*) = 1 FROM contacts WHERE name = 'Carla Diaz'",
        ),
        (
            &["volunteer", "log", "Food Bank", "3"],
            "SELECT count(*) = 1 FROM volunteer_shifts",
        ),
        (
            &["goal", "set", "applications", "5", "--per", "week"],
            "SELECT count(*) = 1 FROM goals",
        ),
        (
            &["app", "interview", "1", "--on", "2026-12-02"],
            "SELECT count(*) = 1 FROM application_events WHERE date = '2026-12-02'",
        ),
        (
            &["app", "edit", "1", "--title", "Senior Coder"],
            "SELECT title = 'Senior Coder' FROM applications WHERE id = 1",
        ),
        (
            &["contact", "log", "1", "--note", "coffee"],
            "SELECT count(*) = 1 FROM interactions",
        ),
        (
            &["contact", "edit", "1", "--role", "HIM Director"],
            "SELECT role = 'HIM Director' FROM contacts WHERE id = 1",
        ),
        (
            &[
                "event",
                "add",
                "Mercy Health",
                "Career fair",
                "--on",
                "2026-12-01",
            ],
            "SELECT count(*) = 1 FROM events",
        ),
        (
            &["org", "join", "AHIMA"],
            "SELECT count(*) = 1 FROM memberships",
        ),
        (
            &["edu", "add", "associate", "Health Information Technology"],
            "SELECT count(*) = 1 FROM education",
        ),
        (
            &["edu", "edit", "1", "--field", "HIT"],
            "SELECT field = 'HIT' FROM education",
        ),
        (
            &[
                "work",
                "add",
                "Mercy Health",
                "Clerk",
                "--from",
                "2024-01-01",
            ],
            "SELECT count(*) = 1 FROM experience",
        ),
        (
            &["work", "edit", "1", "--title", "File Clerk"],
            "SELECT title = 'File Clerk' FROM experience",
        ),
        (
            &["cert", "add", "RHIT"],
            "SELECT count(*) = 1 FROM certifications",
        ),
        (
            &["cert", "exam", "RHIT", "--on", "2026-12-19"],
            "SELECT exam_on = '2026-12-19' FROM certifications",
        ),
        (
            &["cert", "set", "RHIT", "passed", "--on", "2026-11-20"],
            "SELECT status = 'passed' FROM certifications",
        ),
        (
            &["cert", "ceu", "RHIT", "2"],
            "SELECT count(*) = 1 FROM ceus",
        ),
        (
            &["org", "rename", "Food Bank", "City Food Bank"],
            "SELECT count(*) = 1 FROM organizations WHERE name = 'City Food Bank'",
        ),
        (
            &["volunteer", "rm", "1"],
            "SELECT count(*) = 0 FROM volunteer_shifts",
        ),
        (
            &["goal", "rm", "applications"],
            "SELECT count(*) = 0 FROM goals",
        ),
        (&["event", "rm", "1"], "SELECT count(*) = 0 FROM events"),
        (&["edu", "rm", "1"], "SELECT count(*) = 0 FROM education"),
        (&["work", "rm", "1"], "SELECT count(*) = 0 FROM experience"),
        (&["report", "--html", "report.html"], "SELECT 1"),
        (
            &[
                "import",
                "linkedin-connections",
                connections.to_str().unwrap(),
            ],
            "SELECT count(*) = 3 FROM contacts",
        ),
        (
            &["export", "--all", "--out", folder.to_str().unwrap()],
            "SELECT 1",
        ),
        (&["backup", "copy.db"], "SELECT 1"),
        (&["app", "rm", "1"], "SELECT count(*) = 0 FROM applications"),
        (&["contact", "rm", "1"], "SELECT count(*) = 2 FROM contacts"),
    ];
    for (args, holds) in writes {
        assert_eq!(
            with_closed_output(&env, args),
            Some(0),
            "jobtrack {args:?} with its output closed"
        );
        assert_eq!(env.count(holds), 1, "after jobtrack {args:?}: {holds}");
    }
    assert!(folder.join("contacts.csv").is_file());
    assert!(env.path("copy.db").is_file());
    assert!(env.path("report.html").is_file());
    // A whole export folder goes back in, output closed, into a new database.
    let copy = TestEnv::new();
    assert_eq!(
        with_closed_output(&copy, &["import", "--all", folder.to_str().unwrap()]),
        Some(0)
    );
    assert_eq!(copy.count("SELECT count(*) FROM certifications"), 1);
    // A refusal still exits with its own code, and nothing is written.
    assert_eq!(
        with_closed_output(&env, &["volunteer", "log", "Food Bank", "30"]),
        Some(2)
    );
    assert_eq!(env.count("SELECT count(*) FROM volunteer_shifts"), 0);
}

#[test]
fn demo_with_its_output_closed_loads_the_sample() {
    let env = TestEnv::new();
    assert_eq!(with_closed_output(&env, &["demo"]), Some(0));
    assert!(env.count("SELECT count(*) FROM applications") > 10);
}

#[test]
fn paths_are_never_read_as_sqlite_uris() {
    let env = TestEnv::new();
    // Relative names that begin with `file:`, as a database and a backup.
    let added = env
        .bare()
        .args(["--db", "file:jobs.db", "contact", "add", "Anna Lee"])
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(env.path("file:jobs.db").is_file());
    let listed = env
        .bare()
        .args(["--db", "file:jobs.db", "contact", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Anna Lee"));
    fs::create_dir(env.path("file:old")).unwrap();
    let backed = env
        .bare()
        .args(["--db", "file:jobs.db", "backup", "file:old/copy.db"])
        .output()
        .unwrap();
    assert!(
        backed.status.success(),
        "{}",
        String::from_utf8_lossy(&backed.stderr)
    );
    let copy = rusqlite::Connection::open(env.path("file:old/copy.db")).unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(leftovers(&env.path("file:old")), Vec::<String>::new());
}

/// Names in a folder that look like jobtrack's temporary files.
fn leftovers(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp") || name.contains(".new-"))
        .collect()
}

#[test]
fn names_that_are_not_utf8_are_used_as_given() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    let folder = env.dir.path().join(OsStr::from_bytes(b"backups-\xff"));
    fs::create_dir(&folder).unwrap();
    let target = folder.join(OsStr::from_bytes(b"copy-\xfe.db"));
    let output = env.cmd().arg("backup").arg(&target).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let names: Vec<Vec<u8>> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().as_bytes().to_vec())
        .collect();
    assert_eq!(names, vec![b"copy-\xfe.db".to_vec()]);
    let copy = rusqlite::Connection::open(&target).unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    // A database whose folder is not UTF-8 is created and read back.
    let db = folder.join("jobs.db");
    let added = env
        .bare()
        .arg("--db")
        .arg(&db)
        .args(["contact", "add", "Ben"])
        .output()
        .unwrap();
    assert!(added.status.success());
    assert!(db.is_file());
}

#[test]
fn output_targets_that_are_not_plain_files_are_refused_before_writing() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    let dangling = env.path("dangling.db");
    symlink(env.path("nowhere/file.db"), &dangling).unwrap();
    let fifo = env.path("fifo");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let db = env.db.to_str().unwrap();
    let wal = format!("{db}-wal");
    let shm = format!("{db}-shm");
    let cases: &[(&str, &str)] = &[
        (
            dangling.to_str().unwrap(),
            "symbolic link to a missing file",
        ),
        (fifo.to_str().unwrap(), "FIFO"),
        ("/dev/null", "a device"),
        (&wal, "-wal"),
        (&shm, "-shm"),
    ];
    for (target, says) in cases {
        for force in [false, true] {
            let mut args = vec!["backup", target];
            if force {
                args.push("--force");
            }
            let stderr = env.fails(2, &args);
            assert!(stderr.contains(says), "backup {target}: {stderr}");
            let mut args = vec!["report", "--html", target];
            if force {
                args.push("--force");
            }
            let stderr = env.fails(2, &args);
            assert!(stderr.contains(says), "report --html {target}: {stderr}");
        }
    }
    assert!(fs::symlink_metadata(&dangling).unwrap().is_symlink());
    assert!(!env.path("nowhere").exists());
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());
    // The database still works: its -wal was not replaced by a copy.
    env.ok(&["contact", "add", "Ben"]);
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 2);
}

#[test]
fn export_all_checks_every_file_before_writing_the_first() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    let folder = env.path("out");
    fs::create_dir(&folder).unwrap();
    symlink(env.path("nowhere.csv"), folder.join("goals.csv")).unwrap();
    for force in [false, true] {
        let mut args = vec!["export", "--all", "--out", folder.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let stderr = env.fails(2, &args);
        assert!(
            stderr.contains("goals.csv") && stderr.contains("symbolic link"),
            "{stderr}"
        );
        assert_eq!(fs::read_dir(&folder).unwrap().count(), 1, "nothing written");
    }
}

/// Scribbles over the header of every page after the first, as a failing
/// disk might, leaving the schema readable.
fn damage(env: &TestEnv) {
    let mut bytes = fs::read(&env.db).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    for start in (page..bytes.len()).step_by(page) {
        for b in &mut bytes[start..start + 16] {
            *b = 0x5a;
        }
    }
    fs::write(&env.db, &bytes).unwrap();
}

fn damaged_database() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    for i in 0..40 {
        env.ok(&["app", "note", "1", &format!("note {i} {}", "x".repeat(300))]);
    }
    // Fold the WAL into the main file so the damage is what SQLite reads.
    env.sql()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    damage(&env);
    env
}

#[test]
fn backup_and_writes_refuse_a_database_with_damaged_pages() {
    let env = damaged_database();
    let db = env.db.display().to_string();
    let stderr = env.fails(1, &["backup", "copy.db"]);
    assert!(
        stderr.contains(&db) && stderr.contains("damaged"),
        "{stderr}"
    );
    assert!(!env.path("copy.db").exists());
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());
    let stderr = env.fails(1, &["app", "note", "1", "one more"]);
    assert!(stderr.contains(&db), "{stderr}");
}

#[test]
fn a_read_never_writes_into_an_empty_sqlite_file() {
    let env = TestEnv::new();
    // What another program leaves: a valid SQLite file with no tables.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.pragma_update(None, "user_version", 0).unwrap();
    conn.execute_batch("CREATE TABLE t (x); DROP TABLE t; VACUUM")
        .unwrap();
    drop(conn);
    let before = fs::read(&env.db).unwrap();
    assert!(!before.is_empty());
    for read in [&["app", "list"][..], &["report"], &["export", "contacts"]] {
        let stderr = env.fails(1, read);
        assert!(
            stderr.contains("not a jobtrack database yet") && stderr.contains("jobtrack init"),
            "{read:?}: {stderr}"
        );
    }
    assert_eq!(fs::read(&env.db).unwrap(), before, "the file is unchanged");
    // A write makes it a database, as `init` does.
    env.ok(&["contact", "add", "Anna Lee"]);
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 1);
}

#[test]
fn a_failed_command_leaves_no_new_database() {
    let env = TestEnv::new();
    let file = env.path("apps.csv");
    fs::write(&file, "org,title,status\nMercy Health,Coder,hired-ish\n").unwrap();
    let stderr = env.fails(2, &["import", "applications", file.to_str().unwrap()]);
    assert!(stderr.contains("hired-ish"), "{stderr}");
    assert!(!env.db.exists(), "no database after a refused import");
    env.fails(2, &["app", "set", "7", "interview"]);
    assert!(!env.db.exists(), "no database after a refused write");
    assert_eq!(fs::read_dir(env.dir.path()).unwrap().count(), 1);
    // A database that holds rows is never removed by a later failure.
    env.ok(&["contact", "add", "Anna Lee"]);
    env.fails(2, &["import", "applications", file.to_str().unwrap()]);
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 1);
}

#[test]
fn text_options_take_values_that_start_with_a_hyphen() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "-Dash Health",
        "-Coder",
        "--note",
        "-see attached",
    ]);
    env.ok(&[
        "contact",
        "add",
        "-Anna",
        "--role",
        "-recruiter",
        "--org",
        "-Dash Health",
    ]);
    env.ok(&["volunteer", "log", "-Food Bank", "2", "--role", "-sorting"]);
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["org"], "-Dash Health");
    assert_eq!(app["title"], "-Coder");
    assert_eq!(app["notes"], "-see attached");
    let contact = env.json(&["contact", "show", "1"]);
    assert_eq!(contact["role"], "-recruiter");
    assert_eq!(
        env.count("SELECT count(*) FROM volunteer_shifts WHERE role = '-sorting'"),
        1
    );
    // A number that starts with `-` reaches validation, naming the field.
    let stderr = env.fails(2, &["volunteer", "log", "Food Bank", "-3"]);
    assert!(
        stderr.contains("hours") && stderr.contains("-3"),
        "{stderr}"
    );
}

#[test]
fn date_arithmetic_past_9999_is_bad_input_naming_the_field() {
    let env = TestEnv::new().on_day("9999-12-30");
    let stderr = env.fails(2, &["app", "add", "Mercy Health", "Coder"]);
    assert!(
        stderr.contains("--follow-up") && stderr.contains("9999-12-31"),
        "{stderr}"
    );
    assert!(!stderr.contains("CHECK"), "{stderr}");
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--follow-up",
        "9999-12-31",
    ]);
    let events = env.count("SELECT count(*) FROM application_events");
    let stderr = env.fails(2, &["app", "set", "1", "interview"]);
    assert!(stderr.contains("--follow-up"), "{stderr}");
    assert_eq!(env.count("SELECT count(*) FROM application_events"), events);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE status = 'applied'"),
        1
    );
}

#[test]
fn imports_refuse_what_the_command_line_refuses() {
    let env = TestEnv::new();
    let apps = env.path("apps.csv");
    fs::write(
        &apps,
        "org,title,status,applied_on\nMercy Health,Coder,applied,2026-11-26\nSummit,Analyst,applied,2026-11-27\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "applications", apps.to_str().unwrap()]);
    assert!(
        stderr.contains("row 3") && stderr.contains("applied_on") && stderr.contains("today"),
        "{stderr}"
    );
    let shifts = env.path("shifts.csv");
    fs::write(
        &shifts,
        "org,date,hours\nFood Bank,2026-12-01,3\nFood Bank,2026-11-01,25\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "volunteer_shifts", shifts.to_str().unwrap()]);
    assert!(
        stderr.contains("row 2") && stderr.contains("today"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 3") && stderr.contains("24"),
        "{stderr}"
    );
    assert!(!env.db.exists());
    // The same rows dated today or earlier go in.
    fs::write(&shifts, "org,date,hours\nFood Bank,2026-11-26,3\n").unwrap();
    env.ok(&["import", "volunteer_shifts", shifts.to_str().unwrap()]);
    assert_eq!(env.count("SELECT count(*) FROM volunteer_shifts"), 1);
}

#[test]
fn imported_ids_over_2_to_the_53_are_refused() {
    let env = TestEnv::new();
    let file = env.path("apps.csv");
    fs::write(
        &file,
        "id,org,title,status\n9223372036854775807,Mercy Health,Coder,saved\n9007199254740993,Summit,Analyst,saved\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "applications", file.to_str().unwrap()]);
    assert!(
        stderr.contains("row 2") && stderr.contains("2^53"),
        "{stderr}"
    );
    assert!(stderr.contains("row 3"), "{stderr}");
    fs::write(
        &file,
        "id,org,title,status\n9007199254740992,Mercy Health,Coder,saved\n",
    )
    .unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    env.ok(&["app", "add", "Summit", "Analyst"]);
    assert_eq!(env.count("SELECT count(*) FROM applications"), 2);
}

/// A doctor run as JSON: the exit code and each check's (ok, detail).
fn doctor(env: &TestEnv) -> (Option<i32>, serde_json::Value) {
    let output = env.cmd().args(["--json", "doctor"]).output().unwrap();
    let report = serde_json::from_slice(&output.stdout).expect("doctor JSON");
    (output.status.code(), report)
}

fn check<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {name} check in {report}"))
}

#[test]
fn doctor_sees_broken_rules_high_ids_open_folders_and_left_temp_files() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let (code, report) = doctor(&env);
    assert_eq!(code, Some(0), "{report}");
    // Hand edits with the checks switched off.
    let conn = env.sql();
    conn.execute_batch(
        "PRAGMA ignore_check_constraints = ON;
         UPDATE applications SET status = 'hired-ish' WHERE id = 1;
         INSERT INTO applications (id, org_id, title, status, created_at, updated_at)
           SELECT 9223372036854775807, org_id, 'Max', 'saved', created_at, updated_at
           FROM applications WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    // A temporary file a killed backup left an hour ago.
    let left = env.path(".jobtrack-AbC123.tmp");
    let file = fs::File::create(&left).unwrap();
    let hour_ago = std::time::SystemTime::UNIX_EPOCH
        + (std::time::SystemTime::UNIX_EPOCH.elapsed().unwrap()
            - std::time::Duration::from_secs(3600));
    file.set_modified(hour_ago).unwrap();
    drop(file);
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(env.dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let (code, report) = doctor(&env);
    assert_eq!(code, Some(1));
    let constraints = check(&report, "constraints");
    assert_eq!(constraints["ok"], false);
    let detail = constraints["detail"].as_str().unwrap();
    assert!(
        detail.contains("applications row 1") && detail.contains("status IN"),
        "{detail}"
    );
    let ids = check(&report, "ids");
    assert_eq!(ids["ok"], false);
    assert!(ids["detail"]
        .as_str()
        .unwrap()
        .contains("9223372036854775807"));
    let folder = check(&report, "folder_permissions");
    assert_eq!(folder["ok"], false);
    assert!(folder["detail"].as_str().unwrap().contains("chmod go-w"));
    let temps = check(&report, "temp_files");
    assert_eq!(temps["ok"], false);
    assert!(temps["detail"]
        .as_str()
        .unwrap()
        .contains(".jobtrack-AbC123.tmp"));
    // The next write to that folder removes it.
    fs::set_permissions(env.dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    env.ok(&["backup", "copy.db"]);
    assert!(!left.exists());
    assert_eq!(check(&doctor(&env).1, "temp_files")["ok"], true);
}

#[test]
fn doctor_names_a_shm_file_jobtrack_cannot_write() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    use std::os::unix::fs::PermissionsExt;
    // The database belongs to an unprivileged user; its -shm to someone else.
    fs::set_permissions(env.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let shm = format!("{}-shm", env.db.display());
    fs::write(&shm, []).unwrap();
    fs::set_permissions(&shm, fs::Permissions::from_mode(0o444)).unwrap();
    let unprivileged = unprivileged_user();
    if let Some(uid) = unprivileged {
        std::os::unix::fs::chown(&env.db, Some(uid), Some(uid)).unwrap();
    }
    let output = as_user(&env, unprivileged, &["--json", "doctor"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let wal = check(&report, "wal_files");
    assert_eq!(wal["ok"], false, "{report}");
    assert!(wal["detail"].as_str().unwrap().contains(&shm), "{wal}");
    // And the write it predicts does fail, naming the database.
    let add = as_user(&env, unprivileged, &["app", "add", "Other", "Job"]);
    assert_eq!(add.status.code(), Some(1));
}

/// The unprivileged user (nobody) when the tests run as root, whom file
/// permissions bind; None when they already run as an ordinary user.
fn unprivileged_user() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    root.then_some(65534)
}

fn as_user(env: &TestEnv, uid: Option<u32>, args: &[&str]) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin!("jobtrack");
    let mut cmd = match uid {
        Some(uid) => {
            let mut cmd = StdCommand::new("setpriv");
            cmd.arg(format!("--reuid={uid}"))
                .arg(format!("--regid={uid}"))
                .arg("--clear-groups")
                .arg(binary);
            cmd
        }
        None => StdCommand::new(binary),
    };
    cmd.env_remove("JOBTRACK_DB")
        .env("JOBTRACK_TODAY", crate::util::TODAY)
        .arg("--db")
        .arg(&env.db)
        .args(args)
        .output()
        .unwrap()
}

/// A database large enough that copying or exporting it takes a moment.
fn big_database() -> TestEnv {
    let env = TestEnv::new();
    let mut csv = String::from("org,title,status,notes\n");
    let note = "n".repeat(4000);
    for i in 0..12_000 {
        csv.push_str(&format!("Org {},Title {i},saved,{note}\n", i % 50));
    }
    let file = env.path("big.csv");
    fs::write(&file, csv).unwrap();
    env.ok(&["import", "applications", file.to_str().unwrap()]);
    fs::remove_file(&file).unwrap();
    env
}

/// Starts jobtrack with `args`, waits until something appears in `folder`
/// (its first temporary file), sends `signal` and returns the exit code.
fn signal_once_writing(env: &TestEnv, args: &[&str], folder: &Path, signal: &str) -> Option<i32> {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while fs::read_dir(folder).unwrap().count() == 0 {
        assert!(
            started.elapsed().as_secs() < 30,
            "no temporary file appeared"
        );
        std::thread::yield_now();
    }
    let killed = StdCommand::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    child.wait().unwrap().code()
}

#[test]
fn sigterm_during_a_backup_removes_its_temp_file_and_exits_143() {
    let env = big_database();
    let folder = env.path("backups");
    fs::create_dir(&folder).unwrap();
    let target = folder.join("copy.db");
    let code = signal_once_writing(
        &env,
        &["backup", target.to_str().unwrap()],
        &folder,
        "-TERM",
    );
    assert_eq!(code, Some(143));
    let left: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // The database is intact.
    assert_eq!(env.count("SELECT count(*) FROM applications"), 12_000);
}

#[test]
fn ctrl_c_during_export_all_leaves_the_folder_as_it_was() {
    let env = big_database();
    let folder = env.path("export");
    fs::create_dir(&folder).unwrap();
    let args = ["export", "--all", "--out", folder.to_str().unwrap()];
    assert_eq!(signal_once_writing(&env, &args, &folder, "-INT"), Some(130));
    let left: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn ctrl_c_during_a_write_rolls_back_and_exits_130() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    // Another writer holds the database, so the import waits inside its
    // command when Ctrl-C comes.
    let mut holder = env.sql();
    let lock = holder
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let file = env.path("apps.csv");
    fs::write(&file, "org,title,status\nMercy Health,Coder,saved\n").unwrap();
    let mut child = env
        .std_cmd()
        .args(["import", "applications", file.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let killed = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    drop(lock);
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    assert_eq!(env.count("SELECT count(*) FROM contacts"), 1);
    assert_eq!(leftovers(env.dir.path()), Vec::<String>::new());
}

#[test]
fn endless_or_oversized_input_is_refused_clearly() {
    let env = TestEnv::new();
    env.ok(&["contact", "add", "Anna Lee"]);
    // /dev/zero never ends a row: refused after a bounded read.
    let stderr = env.fails(2, &["import", "applications", "/dev/zero"]);
    assert!(stderr.contains("1 MiB"), "{stderr}");
    assert!(
        stderr.len() < 400,
        "a short message: {} bytes",
        stderr.len()
    );
    let stderr = env.fails(2, &["import", "linkedin-connections", "/dev/zero"]);
    assert!(stderr.contains("1 MiB"), "{stderr}");
    let wide = env.path("wide.csv");
    let header: Vec<String> = (0..1001).map(|i| format!("c{i}")).collect();
    fs::write(&wide, format!("{}\n", header.join(","))).unwrap();
    let stderr = env.fails(2, &["import", "applications", wide.to_str().unwrap()]);
    assert!(
        stderr.contains("1001 columns") && stderr.contains("1000"),
        "{stderr}"
    );
    let big = env.path("big.csv");
    let cell = "a".repeat((1 << 20) + 1);
    fs::write(
        &big,
        format!("org,title,notes\nMercy Health,Coder,{cell}\n"),
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "applications", big.to_str().unwrap()]);
    assert!(
        stderr.contains("row 2") && stderr.contains("1 MiB"),
        "{stderr}"
    );
    assert!(stderr.len() < 400, "not megabytes of message");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 0);
    // A cell of exactly 1 MiB goes in.
    let cell = "a".repeat(1 << 20);
    fs::write(
        &big,
        format!("org,title,notes\nMercy Health,Coder,{cell}\n"),
    )
    .unwrap();
    env.ok(&["import", "applications", big.to_str().unwrap()]);
    assert_eq!(env.count("SELECT length(notes) FROM applications"), 1 << 20);
}

#[test]
fn cells_that_start_with_spaces_then_a_formula_are_guarded_and_round_trip() {
    let env = TestEnv::new();
    let tricky = [
        "  =HYPERLINK(1)",
        " +1 555",
        "\u{a0}-3",
        "   @SUM(A1)",
        "  plain",
    ];
    for (i, note) in tricky.iter().enumerate() {
        env.ok(&["app", "add", "Mercy Health", &format!("Job {i}")]);
        // Stored as a file or a script could give it (the command line
        // trims what is typed).
        env.sql()
            .execute(
                "UPDATE applications SET notes = ?1 WHERE title = ?2",
                [*note, &format!("Job {i}")],
            )
            .unwrap();
    }
    let csv = env.ok(&["export", "applications"]);
    for note in &tricky[..4] {
        assert!(
            csv.contains(&format!("'{note}")),
            "{note:?} guarded in:\n{csv}"
        );
    }
    assert!(!csv.contains("'  plain"), "{csv}");
    let file = env.path("applications.csv");
    fs::write(&file, &csv).unwrap();
    let copy = TestEnv::new();
    copy.ok(&["import", "applications", file.to_str().unwrap()]);
    for (i, note) in tricky.iter().enumerate() {
        let stored: String = copy
            .sql()
            .query_row(
                "SELECT notes FROM applications WHERE title = ?1",
                [format!("Job {i}")],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(stored, *note);
    }
}

#[test]
fn the_html_page_isolates_user_text_and_lets_keyboards_and_printers_in() {
    let env = TestEnv::new();
    let rtl = "Mercy \u{202e}htlaeH";
    env.ok(&["app", "add", rtl, "Coder", "--source", "indeed"]);
    env.ok(&["contact", "add", "Anna Lee", "--org", rtl]);
    let file = env.path("report.html");
    env.ok(&["report", "--html", file.to_str().unwrap()]);
    let page = fs::read_to_string(&file).unwrap();
    // The warm path names the organization; the text after it stays in order.
    let warm = page
        .lines()
        .find(|line| line.contains("you know"))
        .expect("a warm path");
    assert!(
        warm.contains("at <bdi>Mercy ") && warm.contains("</bdi>: you know <bdi>Anna Lee</bdi>"),
        "{warm}"
    );
    // Every scroll region can be reached and named from the keyboard.
    let regions: Vec<&str> = page
        .split("<div class=\"")
        .skip(1)
        .filter(|d| d.starts_with("scroll") || d.starts_with("chart"))
        .map(|d| &d[..d.find('>').unwrap()])
        .collect();
    assert!(regions.len() >= 6, "{regions:?}");
    for region in &regions {
        assert!(
            region.contains("tabindex=\"0\"")
                && region.contains("role=\"region\"")
                && region.contains("aria-label=\""),
            "{region}"
        );
    }
    // The chart starts scrolled to its newest weeks; wide tables stack on a
    // phone; printed sections may break, so page 1 starts with content.
    assert!(page.contains(".chart { overflow-x: auto; direction: rtl; }"));
    assert!(page.contains("class=\"scroll stack\""));
    assert!(page.contains("data-label=\"Interview rate\""));
    let print = &page[page.find("@media print").unwrap()..];
    assert!(print.contains("break-inside: auto"), "{print}");
}

#[test]
fn an_imported_score_off_its_scale_is_refused() {
    let env = TestEnv::new();
    let file = env.path("certifications.csv");
    fs::write(
        &file,
        "code,name,status,score\nRHIT,,passed,312\nCCS,,failed,30\nRHIA,,passed,999\nMYCERT,My own,passed,87\n",
    )
    .unwrap();
    let stderr = env.fails(2, &["import", "certifications", file.to_str().unwrap()]);
    assert!(
        stderr.contains("row 4") && stderr.contains("score") && stderr.contains("RHIA scale"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("row 2") && !stderr.contains("row 5"),
        "{stderr}"
    );
    let output = env
        .cmd()
        .args(["cert", "score", "RHIA", "999"])
        .output()
        .unwrap();
    let cli = String::from_utf8_lossy(&output.stderr);
    assert!(
        cli.contains("RHIA scale"),
        "the command line refuses it too: {cli}"
    );
}
