//! The shared test environment: a temporary folder and database, today
//! pinned, and no environment leaking in from the developer's shell.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The day every test runs on unless it says otherwise (a Thursday).
pub const TODAY: &str = "2026-11-26";

/// A temporary home for one test.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub today: String,
}

impl TestEnv {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("jobtrack.db");
        TestEnv {
            dir,
            db,
            today: TODAY.to_string(),
        }
    }

    /// This environment with another pinned today for every command.
    #[allow(dead_code)] // not every test module moves the whole environment
    pub fn on_day(mut self, today: &str) -> Self {
        self.today = today.to_string();
        self
    }

    /// The same database on another day.
    pub fn on(&self, today: &str) -> Dated<'_> {
        Dated {
            env: self,
            today: today.to_string(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A command with `--db` set, today pinned and leaked variables removed.
    pub fn cmd(&self) -> Command {
        self.cmd_on(&self.today)
    }

    fn cmd_on(&self, today: &str) -> Command {
        let mut cmd = Command::from_std(self.std_cmd_on(today));
        cmd.arg("--db").arg(&self.db);
        cmd
    }

    /// A command with no `--db` (the environment decides).
    pub fn bare(&self) -> Command {
        Command::from_std(self.std_cmd_on(&self.today))
    }

    /// A plain `std::process::Command` with `--db` set, for piping and spawning.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = self.std_cmd_on(&self.today);
        cmd.arg("--db").arg(&self.db);
        cmd
    }

    fn std_cmd_on(&self, today: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("jobtrack"));
        for var in [
            "JOBTRACK_DB",
            "JOBTRACK_TODAY",
            "XDG_DATA_HOME",
            "NO_COLOR",
            "JOBTRACK_ABORT_AFTER_ROWS",
            "JOBTRACK_ABORT_BEFORE_COMMIT",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("JOBTRACK_TODAY", today);
        cmd.env("HOME", self.dir.path());
        cmd.current_dir(self.dir.path());
        cmd
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_on(&self.today, args)
    }

    fn ok_on(&self, today: &str, args: &[&str]) -> String {
        let output = self
            .cmd_on(today)
            .args(args)
            .output()
            .expect("run jobtrack");
        assert!(
            output.status.success(),
            "jobtrack {args:?} failed ({:?}):\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8 output")
    }

    /// Runs a command with `--json` that must succeed and parses its output.
    pub fn json(&self, args: &[&str]) -> Value {
        self.json_on(&self.today, args)
    }

    fn json_on(&self, today: &str, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let text = self.ok_on(today, &all);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("jobtrack {args:?} printed bad JSON ({e}):\n{text}"))
    }

    /// Runs a command that must fail with `code`; returns its standard error.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        self.fails_on(&self.today, code, args)
    }

    fn fails_on(&self, today: &str, code: i32, args: &[&str]) -> String {
        let output = self
            .cmd_on(today)
            .args(args)
            .output()
            .expect("run jobtrack");
        assert_eq!(
            output.status.code(),
            Some(code),
            "jobtrack {args:?} should exit {code}; stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stderr).expect("utf-8 stderr")
    }

    /// Opens the database directly, to check what was stored.
    pub fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open test database")
    }

    /// One number from a SQL query.
    pub fn count(&self, sql: &str) -> i64 {
        self.sql().query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}

/// A `TestEnv` seen on another day (same database).
pub struct Dated<'a> {
    env: &'a TestEnv,
    today: String,
}

#[allow(dead_code)] // each method is used by some test modules, not all
impl Dated<'_> {
    pub fn cmd(&self) -> Command {
        self.env.cmd_on(&self.today)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        self.env.ok_on(&self.today, args)
    }

    pub fn json(&self, args: &[&str]) -> Value {
        self.env.json_on(&self.today, args)
    }

    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        self.env.fails_on(&self.today, code, args)
    }
}

/// The file's permission bits.
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}
