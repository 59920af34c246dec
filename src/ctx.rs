//! The command context: what every handler needs to print, reach the
//! database, read today and read text arguments (standard input at most once).

use std::cell::Cell;
use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use crate::dates::DateKind;
use crate::db::{self, Access, DbPath};
use crate::error::{Error, Result};
use crate::input::refs::{self, RefKind, Reference};
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

    /// Parses a date typed for `field`, a bound or span
    /// ([`DateKind::Range`]: either direction; a bare weekday or a date
    /// without a year resolves backward).
    pub fn date(&self, field: &str, text: &str) -> Result<NaiveDate> {
        self.date_of(DateKind::Range, field, text)
    }

    /// Parses a date typed for a `field` of the given kind.
    pub fn date_of(&self, kind: DateKind, field: &str, text: &str) -> Result<NaiveDate> {
        dates::parse_as(field, text, self.today()?, kind)
    }

    /// The date of something that has happened: the date typed for `field`
    /// (never after today), else today.
    pub fn past_date(&self, field: &str, text: Option<&str>) -> Result<NaiveDate> {
        match text {
            Some(text) => self.date_of(DateKind::Past, field, text),
            None => self.today(),
        }
    }

    /// Parses an optional date typed for `field` ([`DateKind::Range`]).
    pub fn opt_date(&self, field: &str, text: Option<&str>) -> Result<Option<NaiveDate>> {
        self.opt_date_of(DateKind::Range, field, text)
    }

    /// Parses an optional date typed for a `field` of the given kind.
    pub fn opt_date_of(
        &self,
        kind: DateKind,
        field: &str,
        text: Option<&str>,
    ) -> Result<Option<NaiveDate>> {
        text.map(|t| self.date_of(kind, field, t)).transpose()
    }

    /// Parses an education or work date, which may be a month: see
    /// [`Ctx::opt_month`].
    pub fn month(&self, field: &str, text: &str, end: bool) -> Result<NaiveDate> {
        dates::parse_month(field, text, self.today()?, end)
    }

    /// Parses an optional education or work date, which may be a month
    /// (`May 2026`): a start (`end` false) is its 1st, an end or completion
    /// its last day.
    pub fn opt_month(
        &self,
        field: &str,
        text: Option<&str>,
        end: bool,
    ) -> Result<Option<NaiveDate>> {
        text.map(|t| self.month(field, t, end)).transpose()
    }

    /// Free text from an argument: `-` reads standard input; surrounding
    /// blank lines and spaces are dropped; empty text is no text.
    pub fn text(&self, field: &str, value: Option<String>) -> Result<Option<String>> {
        let Some(value) = value else { return Ok(None) };
        let value = if value == "-" {
            self.claim_stdin(field)?;
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

    /// Takes standard input for `field`: at most one `-` per command.
    fn claim_stdin(&self, field: &str) -> Result<()> {
        if self.stdin_used.replace(true) {
            return Err(Error::Input(format!(
                "{field}: only one argument per command can read standard input ('-')"
            )));
        }
        Ok(())
    }

    /// The bytes of a file argument, or of standard input for `-` (the
    /// command's one `-`), refused past `limit` bytes; with the name to
    /// call the input by in messages.
    pub fn file_bytes(&self, field: &str, path: &str, limit: u64) -> Result<(String, Vec<u8>)> {
        let (label, reader): (String, Box<dyn Read>) = if path == "-" {
            self.claim_stdin(field)?;
            ("standard input".into(), Box::new(std::io::stdin()))
        } else {
            let file = std::fs::File::open(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => Error::Input(format!("{field}: no file at {path}")),
                _ => Error::io(path, e),
            })?;
            if file.metadata().is_ok_and(|meta| meta.is_dir()) {
                return Err(Error::Input(format!(
                    "{field}: {path} is a folder; give a file"
                )));
            }
            (path.to_string(), Box::new(file))
        };
        let mut bytes = Vec::new();
        reader
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(&label, e))?;
        if bytes.len() as u64 > limit {
            return Err(Error::Input(format!(
                "{field}: {label} is larger than {} MiB, more than a job page; \
                 save the page as \"Web page, HTML only\"",
                limit >> 20
            )));
        }
        Ok((label, bytes))
    }

    /// Required text (a name or title): trimmed, and refused when empty.
    pub fn required_text(&self, field: &str, value: String) -> Result<String> {
        self.text(field, Some(value))?
            .ok_or_else(|| Error::Input(format!("{field} cannot be empty")))
    }

    /// The id a reference argument names: a number is the id itself (the
    /// command reports a missing one); text opens the database and picks
    /// the one record it matches (`pick`), else exit 2 naming what was
    /// searched. Nothing is written while resolving.
    pub fn reference(&self, kind: &RefKind, field: &str, text: &str) -> Result<i64> {
        let wanted = match Reference::parse(kind, field, text)? {
            Reference::Id(id) => return Ok(id),
            Reference::Text(wanted) => wanted,
        };
        let conn = self.open(Access::Existing)?;
        self.pick(&conn, kind, field, &wanted)?
            .ok_or_else(|| refs::unknown(kind, field, &wanted))
    }

    /// `reference` for an optional argument.
    pub fn opt_reference(
        &self,
        kind: &RefKind,
        field: &str,
        text: Option<&str>,
    ) -> Result<Option<i64>> {
        text.map(|t| self.reference(kind, field, t)).transpose()
    }

    /// The one record `text` matches, named on standard error (in every
    /// mode); `None` when nothing matches; exit 2 listing the candidates
    /// when several do.
    pub fn pick(
        &self,
        conn: &Connection,
        kind: &RefKind,
        field: &str,
        text: &str,
    ) -> Result<Option<i64>> {
        let chosen = refs::choose(kind, field, text, (kind.candidates)(conn)?)?;
        Ok(chosen.map(|candidate| {
            self.out.notice(refs::chosen(kind, &candidate));
            candidate.id
        }))
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
