//! Reliability: backup, doctor, hostile files and text, concurrent writers,
//! and crashes in the middle of a write.

use std::os::unix::fs::PermissionsExt;
use std::process::Command as StdCommand;
use std::thread;

use serde_json::Value;

use crate::util::{mode, TestEnv};

fn integrity(env: &TestEnv, path: &std::path::Path) -> String {
    let _ = env;
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn backup_is_a_private_consistent_copy_and_does_not_overwrite() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    env.ok(&["app", "add", "Regional Medical", "HIT"]);
    let file = env.path("copy.db");
    let report = env.json(&["backup", file.to_str().unwrap()]);
    assert_eq!(report["path"], file.display().to_string());
    assert!(report["bytes"].as_u64().unwrap() > 0);
    assert_eq!(mode(&file), 0o600);
    let copy = rusqlite::Connection::open(&file).unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);

    env.ok(&["app", "add", "Third", "Clerk"]);
    let stderr = env.fails(2, &["backup", file.to_str().unwrap()]);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    let n: i64 = copy
        .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2, "the refused backup left the old copy alone");
    drop(copy);
    env.ok(&["backup", file.to_str().unwrap(), "--force"]);
    let copy = rusqlite::Connection::open(&file).unwrap();
    let n: i64 = copy
        .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");
}

#[test]
fn backup_of_a_missing_database_creates_nothing() {
    let env = TestEnv::new();
    let stderr = env.fails(1, &["backup", env.path("copy.db").to_str().unwrap()]);
    assert!(stderr.contains("no database"), "{stderr}");
    assert!(!env.db.exists() && !env.path("copy.db").exists());
}

#[test]
fn backup_while_others_write_is_consistent() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let mut cmds: Vec<StdCommand> = (0..25)
                .map(|i| {
                    let mut cmd = env.std_cmd();
                    cmd.args(["app", "add", &format!("Org {w}"), &format!("Job {i}")]);
                    cmd
                })
                .collect();
            thread::spawn(move || {
                cmds.iter_mut()
                    .all(|c| c.output().unwrap().status.success())
            })
        })
        .collect();
    let mut copies = Vec::new();
    for i in 0..5 {
        let file = env.path(&format!("copy{i}.db"));
        env.ok(&["backup", file.to_str().unwrap()]);
        copies.push(file);
    }
    for writer in writers {
        assert!(writer.join().unwrap());
    }
    for copy in copies {
        assert_eq!(integrity(&env, &copy), "ok");
        let conn = rusqlite::Connection::open(&copy).unwrap();
        // Every application in a copy has its status event: no half-written add.
        let orphans: i64 = conn
            .query_row(
                "SELECT count(*) FROM applications a WHERE NOT EXISTS
                 (SELECT 1 FROM application_events e WHERE e.application_id = a.id AND e.kind = 'status')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(orphans, 0);
    }
}

#[test]
fn doctor_on_a_healthy_database() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let text = env.ok(&["doctor"]);
    assert!(text.contains("Everything looks right"), "{text}");
    assert!(text.lines().count() < 25, "one screen:\n{text}");
    let report = env.json(&["doctor"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["counts"]["applications"], 1);
    assert_eq!(report["counts"]["organizations"], 1);
    assert_eq!(report["counts"]["application_events"], 2);
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    for expected in [
        "schema_version",
        "integrity",
        "foreign_keys",
        "journal_mode",
        "file_permissions",
    ] {
        assert!(names.contains(&expected), "{names:?}");
    }
}

#[test]
fn doctor_finds_broken_references_and_open_permissions() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let conn = env.sql();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO volunteer_shifts (org_id, date, hours) VALUES (99, '2026-11-01', 2);",
    )
    .unwrap();
    drop(conn);
    let output = env.cmd().args(["--json", "doctor"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let fk = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "foreign_keys")
        .unwrap();
    assert_eq!(fk["ok"], false);
    assert!(
        fk["detail"].as_str().unwrap().contains("volunteer_shifts"),
        "{fk}"
    );

    let env = TestEnv::new();
    env.ok(&["init"]);
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = env.cmd().arg("doctor").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("chmod 600"), "{text}");
    assert!(
        !text.contains("backup"),
        "a permission problem is no reason to restore a backup:\n{text}"
    );
}

#[test]
fn doctor_on_a_damaged_file_exits_1_with_a_recovery_hint() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    for i in 0..40 {
        env.ok(&["app", "note", "1", &format!("note {i} {}", "x".repeat(300))]);
    }
    // Scribble over the page headers of every page but the first (the
    // schema page), as a failing disk might.
    let mut bytes = std::fs::read(&env.db).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page);
    for start in (page..bytes.len()).step_by(page) {
        for b in &mut bytes[start..start + 16] {
            *b = 0x5a;
        }
    }
    std::fs::write(&env.db, &bytes).unwrap();
    let output = env.cmd().arg("doctor").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("FAIL"), "{text}");
    assert!(text.contains("backup"), "{text}");
}

#[test]
fn hostile_text_is_stored_and_shown_literally() {
    let env = TestEnv::new();
    let sql = "Robert'); DROP TABLE applications;--";
    let rtl = "Mercy \u{202e}htlaeH";
    let junk: String = (1u8..=127)
        .filter(|b| *b != b'\n' && *b != b'\r')
        .map(char::from)
        .collect();
    let huge = "é ✓ \"quoted\", commas\n".repeat(10_000);
    assert!(huge.len() > 200_000);
    env.ok(&["app", "add", rtl, sql, "--source", "x"]);
    env.cmd()
        .args(["app", "note", "1", "-"])
        .write_stdin(huge.clone())
        .assert()
        .success();
    env.cmd()
        .args(["app", "edit", "1", "--replace-note", "-"])
        .write_stdin(junk.clone())
        .assert()
        .success();
    let shown = env.json(&["app", "show", "1"]);
    assert_eq!(shown["title"], sql);
    assert_eq!(shown["org"], rtl);
    assert_eq!(shown["notes"], junk.trim());
    let note = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "note")
        .unwrap();
    assert_eq!(note["note"], huge.trim());
    assert_eq!(
        env.count("SELECT count(*) FROM applications"),
        1,
        "the SQL-looking title did nothing"
    );
    let human = env.ok(&["app", "show", "1"]);
    assert!(human.contains(sql));
    assert!(
        !human.contains('\x1b'),
        "escape characters in stored text are not sent to the terminal"
    );
    assert!(human.contains("\\u{1b}"), "{human}");
}

#[test]
fn a_crash_just_before_commit_leaves_the_database_as_it_was() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let before = env.count("SELECT count(*) FROM application_events");
    let output = env
        .cmd()
        .env("JOBTRACK_ABORT_BEFORE_COMMIT", "1")
        .args(["app", "add", "Regional Medical", "HIT", "--note", "lost"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(
        output.status.code(),
        None,
        "the process was killed by the abort"
    );
    assert_eq!(integrity(&env, &env.db), "ok");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 1);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 1);
    assert_eq!(env.count("SELECT count(*) FROM application_events"), before);
    // And the next command works normally.
    env.ok(&["app", "set", "1", "interview"]);
}

#[test]
fn concurrent_writers_and_a_reader_never_see_a_locked_database() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let mut cmds: Vec<StdCommand> = (0..60)
                .map(|i| {
                    let mut cmd = env.std_cmd();
                    cmd.args([
                        "app",
                        "add",
                        &format!("Org {}", i % 7),
                        &format!("Writer {w} job {i}"),
                    ]);
                    cmd
                })
                .collect();
            thread::spawn(move || {
                cmds.iter_mut()
                    .map(|c| c.output().unwrap())
                    .filter(|o| !o.status.success())
                    .map(|o| String::from_utf8_lossy(&o.stderr).to_string())
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut reader_failures = Vec::new();
    for _ in 0..30 {
        let output = env
            .std_cmd()
            .args(["--json", "app", "list"])
            .output()
            .unwrap();
        if !output.status.success() {
            reader_failures.push(String::from_utf8_lossy(&output.stderr).to_string());
        }
    }
    let mut failures: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    failures.extend(reader_failures);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 240);
    assert_eq!(env.count("SELECT count(*) FROM organizations"), 7);
}

#[test]
fn concurrent_first_use_creates_one_schema() {
    let env = TestEnv::new();
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let mut cmd = env.std_cmd();
            cmd.args(["app", "add", "Mercy Health", &format!("Job {i}")]);
            thread::spawn(move || cmd.output().unwrap())
        })
        .collect();
    for handle in handles {
        let output = handle.join().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(env.count("SELECT count(*) FROM applications"), 4);
}

/// Runs jobtrack as an unprivileged user when the tests run as root, so
/// file permissions bind (root ignores them).
fn as_unprivileged(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin!("jobtrack");
    let root = unsafe_geteuid_is_root();
    let mut cmd = if root {
        let mut cmd = StdCommand::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(binary);
        cmd
    } else {
        StdCommand::new(binary)
    };
    cmd.env_remove("JOBTRACK_DB")
        .env("JOBTRACK_TODAY", "2026-11-26")
        .arg("--db")
        .arg(&env.db)
        .args(args);
    cmd.output().unwrap()
}

fn unsafe_geteuid_is_root() -> bool {
    // The uid of /proc/self says who runs the tests, without libc.
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false)
}

#[test]
fn a_read_only_database_reads_and_refuses_writes_clearly() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    // Let the unprivileged user into the folder and read (not write) the file.
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&env.db).unwrap();
    let list = as_unprivileged(&env, &["--json", "app", "list"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let rows: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let add = as_unprivileged(&env, &["app", "add", "Other", "Job"]);
    assert_eq!(add.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&add.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("read-only"),
        "{stderr}"
    );
    assert!(stderr.contains(env.db.to_str().unwrap()), "{stderr}");
    assert_eq!(
        std::fs::read(&env.db).unwrap(),
        before,
        "the file is untouched"
    );
}

/// A CSV of `rows` applications with long-ish notes, for the import faults.
fn big_import_file(env: &TestEnv, rows: usize) -> std::path::PathBuf {
    let mut csv = String::from("org,title,status,source,applied_on,notes\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "Organization {},Health Information Technician {i},applied,indeed,2026-10-{:02},\"Note {i}: {}\"\n",
            i % 500,
            1 + i % 28,
            "followed up by phone, ".repeat(4)
        ));
    }
    let file = env.path("big.csv");
    std::fs::write(&file, csv).unwrap();
    file
}

fn table_counts(env: &TestEnv) -> Vec<i64> {
    ["organizations", "applications", "application_events"]
        .iter()
        .map(|t| env.count(&format!("SELECT count(*) FROM {t}")))
        .collect()
}

#[test]
fn a_crash_at_any_point_of_an_import_leaves_the_database_as_it_was() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let file = big_import_file(&env, 20_000);
    let before = table_counts(&env);
    let points: [(&str, &str); 4] = [
        ("JOBTRACK_ABORT_AFTER_ROWS", "1"),
        ("JOBTRACK_ABORT_AFTER_ROWS", "10000"),
        ("JOBTRACK_ABORT_AFTER_ROWS", "19999"),
        ("JOBTRACK_ABORT_BEFORE_COMMIT", "1"),
    ];
    for (hook, value) in points {
        let output = env
            .cmd()
            .env(hook, value)
            .args(["import", "applications", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            None,
            "{hook}={value} kills the process"
        );
        assert_eq!(integrity(&env, &env.db), "ok", "{hook}={value}");
        assert_eq!(
            table_counts(&env),
            before,
            "{hook}={value}: exactly as before"
        );
    }
    let report = env.json(&["import", "applications", file.to_str().unwrap()]);
    assert_eq!(report["added"], 20_000);
    assert_eq!(table_counts(&env)[1], before[1] + 20_000, "exactly after");
}

#[test]
fn disk_full_in_the_middle_of_an_import_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let file = big_import_file(&env, 20_000);
    let before = table_counts(&env);
    let db_before = std::fs::metadata(&env.db).unwrap().len();
    // A real fault: the file size limit makes writes past 2 MiB fail (EFBIG).
    let binary = assert_cmd::cargo::cargo_bin!("jobtrack");
    let output = StdCommand::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 4096; exec \"$0\" \"$@\"")
        .arg(binary)
        .arg("--db")
        .arg(&env.db)
        .args(["import", "applications", file.to_str().unwrap()])
        .env("JOBTRACK_TODAY", "2026-11-26")
        .env_remove("JOBTRACK_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the import must fail: {stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("not saved"),
        "{stderr}"
    );
    assert!(db_before < 2 << 20);
    assert_eq!(integrity(&env, &env.db), "ok");
    assert_eq!(table_counts(&env), before);
    env.ok(&["app", "add", "Regional Medical", "HIT"]);
}

#[test]
fn a_folder_it_may_not_write_is_a_one_line_error_naming_the_path() {
    let env = TestEnv::new();
    // Readable but not writable for the unprivileged user.
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = as_unprivileged(&env, &["app", "add", "Mercy Health", "Coder"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert!(
        stderr.contains(env.dir.path().to_str().unwrap()),
        "{stderr}"
    );
    assert!(!env.db.exists());
}
