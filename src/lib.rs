//! jobtrack: a local, private, scriptable job-search tracker.
//!
//! One SQLite file holds applications, contacts, volunteer hours, education,
//! experience and credentials; each noun's module holds its subcommands,
//! types, SQL and handlers. `run` is the whole program behind `main`.

pub mod applications;
pub mod cli;
pub mod credentials;
pub mod dates;
pub mod db;
pub mod error;
pub mod maintenance;
pub mod network;
pub mod orgs;
pub mod output;
pub mod profile;
pub mod reports;
pub mod transfer;
pub mod volunteer;

use std::cell::Cell;
use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::cli::{Cli, Command};
use crate::db::{Access, DbPath};
use crate::error::{Error, Result};
use crate::output::Output;

/// Defines an enumeration stored as TEXT: clap `ValueEnum`, serde, `FromStr`,
/// `Display` and rusqlite conversions, all spelled by the one literal given
/// for each variant (snake_case everywhere).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize, serde::Deserialize)]
        #[value(rename_all = "snake_case")]
        #[serde(rename_all = "snake_case")]
        $vis enum $name {
            $( $(#[$vmeta])* #[value(name = $text)] #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and typed spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted spellings, comma-separated, for error messages.
            pub fn accepted() -> String {
                [$($text),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> std::result::Result<Self, String> {
                let wanted = text.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| format!("one of: {}", $name::accepted()))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                text.parse().map_err(|_| rusqlite::types::FromSqlError::Other(
                    format!("unexpected {} value {:?}", stringify!($name), text).into(),
                ))
            }
        }
    };
}

/// What every handler needs: the output settings and how to reach the
/// database and today.
pub struct Ctx {
    /// How to print.
    pub out: Output,
    db_flag: Option<PathBuf>,
    stdin_used: Cell<bool>,
}

impl Ctx {
    /// A context from the global options.
    pub fn new(cli: &Cli) -> Self {
        Ctx {
            out: Output::new(cli.json, cli.quiet, cli.color),
            db_flag: cli.db.clone(),
            stdin_used: Cell::new(false),
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
        let (conn, _) = db::open(&path, access)?;
        Ok(conn)
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
        Ok(non_empty(value.trim()))
    }

    /// Required text (a name or title): trimmed, and refused when empty.
    pub fn required_text(&self, field: &str, value: String) -> Result<String> {
        self.text(field, Some(value))?
            .ok_or_else(|| Error::Input(format!("{field} cannot be empty")))
    }
}

/// Checks the options of an `edit`: `options` pairs each `--clear` value
/// with whether its option was given and the option's name; `others_given`
/// says whether an option without a `--clear` value was given. Refuses a
/// field both set and cleared, and an edit that changes nothing (with the
/// message `nothing` returns).
pub fn check_edit_options<F: clap::ValueEnum + PartialEq + Copy>(
    options: &[(F, bool, &str)],
    clear: &[F],
    others_given: bool,
    nothing: impl FnOnce() -> String,
) -> Result<()> {
    for (field, given, flag) in options {
        if *given && clear.contains(field) {
            let name = field
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            return Err(Error::Input(format!(
                "{flag} and --clear {name} contradict each other; give one"
            )));
        }
    }
    if !others_given && clear.is_empty() && !options.iter().any(|o| o.1) {
        return Err(Error::Input(nothing()));
    }
    Ok(())
}

/// `Some(text)` unless it is empty.
pub fn non_empty(text: &str) -> Option<String> {
    if text.is_empty() {
        None
    } else {
        Some(text.to_string())
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::new(&cli);
    let result = match cli.command {
        None => cli::print_overview(&ctx),
        Some(command) => dispatch(&ctx, command),
    };
    result.map_err(|e| match ctx.db_path() {
        Ok(path) => db::explain(e, &path.path),
        Err(_) => e,
    })
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<()> {
    // A bad JOBTRACK_TODAY is refused by every command that touches data,
    // whether or not it needs today this time.
    if !matches!(command, Command::Completions { .. } | Command::Man) {
        ctx.today()?;
    }
    match command {
        Command::Init => maintenance::init(ctx),
        Command::Demo => maintenance::demo(ctx),
        Command::Backup { file, force } => maintenance::backup(ctx, &file, force),
        Command::Doctor => maintenance::doctor(ctx),
        Command::Completions { shell } => cli::print_completions(ctx, shell),
        Command::Man => cli::print_man(ctx),
        Command::App(cmd) => applications::run(ctx, cmd),
        Command::Org(cmd) => orgs::run(ctx, cmd),
        Command::Report(args) => reports::report(ctx, args),
        Command::Agenda(args) => reports::agenda(ctx, args),
        Command::Goal(cmd) => reports::goal(ctx, cmd),
        Command::Contact(cmd) => network::run_contact(ctx, cmd),
        Command::Event(cmd) => network::run_event(ctx, cmd),
        Command::Export(args) => transfer::export(ctx, args),
        Command::Import(args) => transfer::import(ctx, args),
        Command::Volunteer(cmd) => volunteer::run(ctx, cmd),
        Command::Edu(cmd) => profile::run_edu(ctx, cmd),
        Command::Work(cmd) => profile::run_work(ctx, cmd),
        Command::Cert(cmd) => credentials::run(ctx, cmd),
    }
}
