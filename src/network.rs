//! Networking: contacts, their interactions, events and memberships.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::error::Result;
use crate::text_enum;

text_enum! {
    /// How the user knows a contact.
    pub enum Relationship {
        Mentor = "mentor",
        Friend = "friend",
        Colleague = "colleague",
        Recruiter = "recruiter",
        Alumni = "alumni",
        CareerOffice = "career_office",
        Professional = "professional",
        Other = "other",
    }
}

/// A person the user knows.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub org: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub relationship: Relationship,
    pub met_via: Option<String>,
    pub added_on: NaiveDate,
    pub follow_up_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// The columns `contact_from_row` reads, for `FROM contacts c LEFT JOIN organizations o`.
pub const CONTACT_COLUMNS: &str =
    "c.id, c.name, o.name, c.role, c.email, c.phone, c.linkedin_url, \
     c.relationship, c.met_via, c.added_on, c.follow_up_on, c.notes";

/// Reads a contact selected with `CONTACT_COLUMNS`.
pub fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        name: r.get(1)?,
        org: r.get(2)?,
        role: r.get(3)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        linkedin_url: r.get(6)?,
        relationship: r.get(7)?,
        met_via: r.get(8)?,
        added_on: r.get(9)?,
        follow_up_on: r.get(10)?,
        notes: r.get(11)?,
    })
}

/// The contact with this id.
pub fn contact(conn: &Connection, id: i64) -> Result<Option<Contact>> {
    let sql = format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts c LEFT JOIN organizations o ON o.id = c.org_id WHERE c.id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], contact_from_row)
        .optional()?)
}

/// The contacts who work at an organization, by name.
pub fn contacts_at(conn: &Connection, org_id: i64) -> Result<Vec<Contact>> {
    let sql = format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts c LEFT JOIN organizations o ON o.id = c.org_id
         WHERE c.org_id = ?1 ORDER BY c.name COLLATE NOCASE, c.id"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([org_id], contact_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
