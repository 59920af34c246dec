//! The SQL of documents.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{DocKind, Document};
use crate::error::{Error, Result};
use crate::input::refs::Candidate;

/// The columns `from_row` reads, for `FROM documents d`: everything but the
/// bytes, and how many applications name the document.
const COLUMNS: &str = "d.id, d.sha256, d.kind, d.name, d.size, d.added_on,
    (SELECT count(*) FROM applications a WHERE a.resume_id = d.id OR a.cover_letter_id = d.id)";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Document> {
    Ok(Document {
        id: r.get(0)?,
        sha256: r.get(1)?,
        kind: r.get(2)?,
        name: r.get(3)?,
        size: r.get(4)?,
        added_on: r.get(5)?,
        applications: r.get(6)?,
    })
}

/// The document with this id, if any.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Document>> {
    let sql = format!("SELECT {COLUMNS} FROM documents d WHERE d.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// The document with this id, or an error that says how to find ids
/// (`field` names the argument that gave it).
pub fn require(conn: &Connection, id: i64, field: &str) -> Result<Document> {
    get(conn, id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no document with id {id} for {field} (see 'jobtrack doc list')"
        ))
    })
}

/// The document holding exactly these bytes, found by their SHA-256.
pub fn by_sha256(conn: &Connection, sha256: &str) -> Result<Option<Document>> {
    let sql = format!("SELECT {COLUMNS} FROM documents d WHERE d.sha256 = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([sha256], from_row)
        .optional()?)
}

/// Every document, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<Document>> {
    let sql = format!("SELECT {COLUMNS} FROM documents d ORDER BY d.id");
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every document as a reference may name it: by name, shown with its
/// kind ("resume-v2.pdf (résumé)").
pub fn candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    let mut statement = conn
        .prepare_cached("SELECT id, name, kind FROM documents ORDER BY name COLLATE NOCASE, id")?;
    let rows = statement.query_map([], |r| {
        let name: String = r.get(1)?;
        let kind: DocKind = r.get(2)?;
        Ok(Candidate {
            id: r.get(0)?,
            label: format!("{name} ({})", kind.words()),
            key: name,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A new document's columns (its bytes go beside them).
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub sha256: String,
    pub kind: DocKind,
    pub name: String,
    pub added_on: NaiveDate,
}

/// Stores a document with its bytes; returns its id.
pub fn insert(conn: &Connection, new: &NewDocument, content: &[u8]) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO documents (sha256, kind, name, size, added_on, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        new.sha256,
        new.kind,
        new.name,
        content.len() as i64,
        new.added_on,
        content
    ])?;
    Ok(conn.last_insert_rowid())
}

/// A document's bytes.
pub fn content(conn: &Connection, id: i64) -> Result<Vec<u8>> {
    conn.prepare_cached("SELECT content FROM documents WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "no document with id {id} (see 'jobtrack doc list')"
            ))
        })
}

/// Replaces a document's bytes with bytes of the same size (an import
/// that loaded the row first); the caller has checked their SHA-256.
pub fn set_content(conn: &Connection, id: i64, content: &[u8]) -> Result<()> {
    conn.prepare_cached("UPDATE documents SET content = ?2 WHERE id = ?1 AND size = ?3")?
        .execute(params![id, content, content.len() as i64])?;
    Ok(())
}

/// Deletes a document; applications that named it keep no résumé or cover
/// letter (the schema's ON DELETE SET NULL).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}
