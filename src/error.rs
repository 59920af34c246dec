//! The one error type of jobtrack and the exit code each kind maps to.
//!
//! Exit codes: 0 success; 1 a runtime failure (I/O, busy, corrupt, newer,
//! unwritable or missing database); 2 bad usage or bad input. Messages say
//! what was wrong and what to do; `main` prints them as `error: …`.

use std::io;
use std::path::PathBuf;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value the user gave is not acceptable: names the field, the value
    /// and the accepted forms.
    #[error("invalid {field} {value:?}: expected {expected}")]
    Invalid {
        field: String,
        value: String,
        expected: String,
    },
    /// Bad usage or input that does not fit the `Invalid` shape.
    #[error("{0}")]
    Input(String),
    /// An id or name that names no record.
    #[error("{0}")]
    NotFound(String),
    /// A read command on a database that does not exist.
    #[error("no database at {} (run 'jobtrack init' to create one)", .0.display())]
    NoDatabase(PathBuf),
    /// The busy timeout expired.
    #[error(
        "the database at {} is busy (another jobtrack command, such as an import, holds it); try again",
        .0.display()
    )]
    Busy(PathBuf),
    /// A runtime failure with a message ready for the user.
    #[error("{0}")]
    Runtime(String),
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Writing to standard output failed (a closed pipe is not an error).
    #[error("writing output: {0}")]
    Output(#[source] io::Error),
    /// The command already printed what went wrong (like `doctor`); exit 1
    /// without another message.
    #[error("")]
    Reported,
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The result of every fallible jobtrack function.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A value rejected for a field, with the forms that are accepted.
    pub fn invalid(
        field: impl Into<String>,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            field: field.into(),
            value: value.into(),
            expected: expected.into(),
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid { .. } | Error::Input(_) | Error::NotFound(_) => 2,
            Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            _ => 1,
        }
    }

    /// True when the error is a closed standard output, which is success.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// A failed write to standard output. There is no blanket conversion
    /// from `io::Error`: a failure is either this (no path; a closed pipe
    /// is success) or `Error::io` with the file it concerns.
    pub fn output(source: io::Error) -> Self {
        Error::Output(source)
    }

    /// An I/O error on a path.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
