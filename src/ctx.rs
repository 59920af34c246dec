//! The command context: what every handler needs to print, reach the
//! database, read today and read text arguments (standard input at most once).

use std::cell::Cell;
use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use crate::db::{self, Access, DbPath};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::{dates, input};

/// What every handler needs: the output settings and how to reach the
/// database and today.
pub struct Ctx {
    /// How to print.
    pub out: Output,
    db_flag: Option<PathBuf>,
    stdin_used: Cell<bool>,
    created: Cell<bool>,
}

impl Ctx {
    /// A context from the global options: how to print, and `--db` (or
    /// `JOBTRACK_DB`) when given.
    pub fn new(out: Output, db_flag: Option<PathBuf>) -> Self {
        Ctx {
            out,
            db_flag,
            stdin_used: Cell::new(false),
            created: Cell::new(false),
        }
    }

    /// True when `--db` or `JOBTRACK_DB` names the database (not the default).
    pub fn has_explicit_db(&self) -> bool {
        self.db_flag
            .as_ref()
            .is_some_and(|p| !p.as_os_str().is_empty())
    }

    /// The database path the options and environment name.
    pub fn db_path(&self) -> Result<DbPath> {
        let xdg = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from);
        db::resolve_path(self.db_flag.as_deref(), xdg.as_deref())
    }

    /// Opens the database; `Access::Create` creates it when missing.
    pub fn open(&self, access: Access) -> Result<Connection> {
        let path = self.db_path()?;
        let (conn, opened) = db::open(&path, access)?;
        if opened == db::Opened::Created {
            self.created.set(true);
        }
        Ok(conn)
    }

    /// True when this command created the database: a command that fails
    /// afterwards removes it again (`db::discard_new`).
    pub fn created_database(&self) -> bool {
        self.created.get()
    }

    /// Today (pinned by `JOBTRACK_TODAY`).
    pub fn today(&self) -> Result<NaiveDate> {
        dates::today()
    }

    /// A timestamp for `created_at`/`updated_at`.
    pub fn timestamp(&self) -> Result<String> {
        dates::timestamp()
    }

    /// Parses a date typed for `field`.
    pub fn date(&self, field: &str, text: &str) -> Result<NaiveDate> {
        dates::parse(field, text, self.today()?)
    }

    /// The date of something that has happened: the date typed for `field`
    /// (never after today), else today.
    pub fn past_date(&self, field: &str, text: Option<&str>) -> Result<NaiveDate> {
        let today = self.today()?;
        match text {
            Some(text) => dates::not_after_today(field, self.date(field, text)?, today),
            None => Ok(today),
        }
    }

    /// Parses an optional date typed for `field`.
    pub fn opt_date(&self, field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
        text.map(|t| self.date(field, t)).transpose()
    }

    /// Free text from an argument: `-` reads standard input; surrounding
    /// blank lines and spaces are dropped; empty text is no text.
    pub fn text(&self, field: &str, value: Option<String>) -> Result<Option<String>> {
        let Some(value) = value else { return Ok(None) };
        let value = if value == "-" {
            if self.stdin_used.replace(true) {
                return Err(Error::Input(format!(
                    "{field}: only one argument per command can read standard input ('-')"
                )));
            }
            let mut buffer = String::new();
            std::io::stdin().read_to_string(&mut buffer).map_err(|e| {
                Error::Input(format!(
                    "{field}: cannot read standard input as UTF-8 text: {e}"
                ))
            })?;
            buffer
        } else {
            value
        };
        Ok(input::non_empty(value.trim()))
    }

    /// Required text (a name or title): trimmed, and refused when empty.
    pub fn required_text(&self, field: &str, value: String) -> Result<String> {
        self.text(field, Some(value))?
            .ok_or_else(|| Error::Input(format!("{field} cannot be empty")))
    }

    /// Deletes one record in a write transaction and says so: `delete`
    /// finds the record (with its own exit-2 error when there is none),
    /// deletes it and returns the confirmation line. Prints that line, the
    /// id with `-q`, or `{"id": ID, "removed": true}` with `--json`.
    pub fn remove(
        &self,
        id: i64,
        delete: impl FnOnce(&Transaction) -> Result<String>,
    ) -> Result<()> {
        let mut conn = self.open(Access::Existing)?;
        let tx = db::write(&mut conn)?;
        let message = delete(&tx)?;
        db::commit(tx)?;
        self.out.written(id, &message, || {
            Ok(serde_json::json!({"id": id, "removed": true}))
        })
    }
}
