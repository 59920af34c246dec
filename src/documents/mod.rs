//! Documents: the résumés, cover letters and other files the user keeps
//! with their search, stored whole in the database and identified by their
//! SHA-256, so the same bytes twice are one document. Applications name
//! the résumé and cover letter they were sent with.

pub mod store;

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::input::refs::RefKind;
use crate::output::byte_size;
use crate::text_enum;

/// The largest document kept: 20 MiB (the schema's CHECK says the same).
pub const MAX_SIZE: u64 = 20 * 1024 * 1024;

/// The column that holds a document's bytes: never exported as a cell
/// (`export --all` writes the bytes as files of their own).
pub const CONTENT: &str = "content";

/// Documents as references name them: by id or name.
pub const DOCUMENT: RefKind = RefKind {
    noun: "document",
    plural: "documents",
    searched: "document names",
    list: "jobtrack doc list",
    numbers_are_ids: true,
    candidates: store::candidates,
};

text_enum! {
    /// What a document is.
    pub enum DocKind {
        /// A résumé or CV
        Resume = "resume",
        /// A cover letter
        CoverLetter = "cover_letter",
        /// Anything else: a transcript, a portfolio, a reference letter
        Other = "other",
    }
}

/// One stored document, without its bytes.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: i64,
    /// The SHA-256 of the bytes, 64 lower-case hex digits.
    pub sha256: String,
    pub kind: DocKind,
    pub name: String,
    /// The size in bytes.
    pub size: i64,
    pub added_on: NaiveDate,
    /// How many applications name it as their résumé or cover letter.
    pub applications: i64,
}

impl Document {
    /// "resume-v2.pdf (résumé, 48.2 KiB)".
    pub fn describe(&self) -> String {
        format!(
            "{} ({}, {})",
            self.name,
            self.kind.words(),
            byte_size(self.size)
        )
    }
}

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The refusal of a file over `MAX_SIZE` (`size`: its size when known).
pub fn too_big(label: &str, size: Option<u64>) -> Error {
    let size = match size {
        Some(size) => format!(
            "{} ({size} bytes)",
            byte_size(i64::try_from(size).unwrap_or(i64::MAX))
        ),
        None => format!("more than {MAX_SIZE} bytes"),
    };
    Error::Input(format!(
        "{label} is {size}, over the limit of a document: 20 MiB ({MAX_SIZE} bytes)"
    ))
}
