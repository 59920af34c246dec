//! The plumbing: database location and permissions, pragmas, exit codes,
//! the pinned clock, colour and broken pipes.

use std::io::Read;
use std::process::Stdio;

use crate::util::{mode, TestEnv};

#[test]
fn default_database_is_0600_in_a_0700_folder_and_uses_wal() {
    let env = TestEnv::new();
    let data = env.path("data");
    std::fs::create_dir(&data).unwrap();
    let output = env
        .bare()
        .env("XDG_DATA_HOME", &data)
        .args(["app", "add", "Mercy Health", "Coder"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let folder = data.join("jobtrack");
    let db = folder.join("jobtrack.db");
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&db), 0o600);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 7);
}

#[test]
fn jobtrack_db_variable_is_used_and_empty_counts_as_unset() {
    let env = TestEnv::new();
    let via_env = env.path("env.db");
    env.bare()
        .env("JOBTRACK_DB", &via_env)
        .args(["app", "add", "A", "B"])
        .assert()
        .success();
    assert!(via_env.exists());
    let data = env.path("xdg");
    std::fs::create_dir(&data).unwrap();
    env.bare()
        .env("JOBTRACK_DB", "")
        .env("XDG_DATA_HOME", &data)
        .args(["app", "add", "A", "B"])
        .assert()
        .success();
    assert!(data.join("jobtrack/jobtrack.db").exists());
}

#[test]
fn read_commands_do_not_create_a_missing_database() {
    let env = TestEnv::new();
    let stderr = env.fails(1, &["app", "list"]);
    assert!(stderr.contains("error: no database at"), "{stderr}");
    assert!(stderr.contains("jobtrack init"), "{stderr}");
    assert!(!env.db.exists());
    env.fails(1, &["app", "show", "1"]);
    env.fails(1, &["org", "list"]);
    assert!(!env.db.exists());
}

#[test]
fn init_creates_and_reports_in_json() {
    let env = TestEnv::new();
    let report = env.json(&["init"]);
    assert_eq!(report["created"], true);
    assert_eq!(report["user_version"], 7);
    assert_eq!(report["path"], env.db.display().to_string());
    let again = env.json(&["init"]);
    assert_eq!(again["created"], false);
    assert_eq!(mode(&env.db), 0o600);
}

#[test]
fn a_missing_parent_folder_is_a_runtime_error_naming_it() {
    let env = TestEnv::new();
    let stderr = env
        .bare()
        .args(["--db", env.path("nowhere/j.db").to_str().unwrap(), "init"])
        .output()
        .unwrap();
    assert_eq!(stderr.status.code(), Some(1));
    let text = String::from_utf8_lossy(&stderr.stderr);
    assert!(
        text.contains("nowhere") && text.contains("does not exist"),
        "{text}"
    );
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let env = TestEnv::new();
    env.ok(&["init"]);
    env.sql().execute_batch("PRAGMA user_version = 99").unwrap();
    let before = std::fs::read(&env.db).unwrap();
    let stderr = env.fails(1, &["app", "add", "A", "B"]);
    assert!(
        stderr.contains("version 99") && stderr.contains("newer"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let env = TestEnv::new();
    std::fs::write(&env.db, "name,title\nnot,a database\n").unwrap();
    let stderr = env.fails(1, &["app", "list"]);
    assert!(stderr.contains("not a SQLite database"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&env.db).unwrap(),
        "name,title\nnot,a database\n"
    );
}

#[test]
fn an_invalid_pinned_today_is_a_usage_error_naming_the_variable() {
    let env = TestEnv::new();
    let stderr = env.on("26/11/2026").fails(2, &["app", "add", "A", "B"]);
    assert!(stderr.contains("JOBTRACK_TODAY"), "{stderr}");
    assert!(!env.db.exists() || env.count("SELECT count(*) FROM applications") == 0);
}

#[test]
fn bare_jobtrack_prints_an_overview() {
    let env = TestEnv::new();
    let output = env.bare().output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("app add"), "{text}");
    assert!(!env.db.exists());
}

#[test]
fn version_and_help_need_no_database() {
    let env = TestEnv::new();
    env.cmd().arg("--version").assert().success();
    env.cmd().args(["app", "add", "--help"]).assert().success();
    assert!(!env.db.exists());
}

#[test]
fn colour_follows_the_flag_and_never_goes_into_a_pipe_by_default() {
    let env = TestEnv::new();
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Coder",
        "--status",
        "interview",
    ]);
    let plain = env.ok(&["app", "list"]);
    assert!(!plain.contains('\x1b'), "{plain:?}");
    let forced = env.ok(&["--color", "always", "app", "list"]);
    assert!(forced.contains('\x1b'), "{forced:?}");
    let never = env
        .cmd()
        .args(["app", "list", "--color", "never"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
}

#[test]
fn a_closed_pipe_is_success() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    // Far more output than a pipe buffer holds, so the writer meets the closed pipe.
    env.sql()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
             INSERT INTO applications (org_id, title, status, created_at, updated_at)
             SELECT 1, 'Coder ' || i, 'applied', '2026-11-26T00:00:00Z', '2026-11-26T00:00:00Z' FROM n",
        )
        .unwrap();
    let mut child = env
        .std_cmd()
        .args(["--json", "app", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn global_options_work_after_the_subcommand() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "A", "B"]);
    let out = env
        .bare()
        .args(["app", "list", "--json", "--db"])
        .arg(&env.db)
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
}

#[test]
fn a_read_never_writes_a_schema_into_an_empty_file() {
    let env = TestEnv::new();
    std::fs::write(&env.db, "").unwrap();
    let stderr = env.fails(1, &["app", "list"]);
    assert!(
        stderr.contains("empty file") && stderr.contains("jobtrack init"),
        "{stderr}"
    );
    assert_eq!(std::fs::metadata(&env.db).unwrap().len(), 0);
    // A write (or init) makes it a database.
    env.ok(&["init"]);
    env.ok(&["app", "list"]);
}

#[test]
fn creating_leaves_no_temporary_files_behind() {
    let env = TestEnv::new();
    env.ok(&["app", "add", "Mercy Health", "Coder"]);
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".new-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_missing_data_folder_is_created_with_its_parents_each_private() {
    let env = TestEnv::new();
    let missing = env.path("no/such/share");
    let output = env
        .bare()
        .env("XDG_DATA_HOME", &missing)
        .arg("init")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for folder in ["no", "no/such", "no/such/share", "no/such/share/jobtrack"] {
        assert_eq!(mode(&env.path(folder)), 0o700, "{folder}");
    }
    assert_eq!(mode(&env.path("no/such/share/jobtrack/jobtrack.db")), 0o600);

    // A folder that was there keeps its mode.
    use std::os::unix::fs::PermissionsExt;
    let kept = env.path("kept");
    std::fs::create_dir(&kept).unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = env
        .bare()
        .env("XDG_DATA_HOME", kept.join("share"))
        .arg("init")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(mode(&kept), 0o755);
    assert_eq!(mode(&kept.join("share")), 0o700);
}

#[test]
fn init_on_a_fresh_account_creates_the_local_share_folder() {
    let env = TestEnv::new();
    let home = env.path("home");
    std::fs::create_dir(&home).unwrap();
    let output = env
        .bare()
        .env("HOME", &home)
        .env_remove("XDG_DATA_HOME")
        .arg("init")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(".local/share/jobtrack/jobtrack.db"),
        "{stdout}"
    );
    for folder in [".local", ".local/share", ".local/share/jobtrack"] {
        assert_eq!(mode(&home.join(folder)), 0o700, "{folder}");
    }
    assert!(home.join(".local/share/jobtrack/jobtrack.db").is_file());
    // And the next command finds it there.
    let added = env
        .bare()
        .env("HOME", &home)
        .args(["app", "add", "Mercy Health", "HIT"])
        .output()
        .unwrap();
    assert!(added.status.success());
    let listed = env
        .bare()
        .env("HOME", &home)
        .args(["--json", "app", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Mercy Health"));
}

#[test]
fn an_invalid_pinned_today_is_refused_even_by_commands_that_do_not_need_it() {
    let env = TestEnv::new();
    for args in [vec!["init"], vec!["doctor"], vec!["export", "applications"]] {
        let stderr = env.on("2026-13-01").fails(2, &args);
        assert!(stderr.contains("JOBTRACK_TODAY"), "{args:?}: {stderr}");
    }
    assert!(!env.db.exists());
}
