//! SQL for contacts, interactions, events and memberships.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::{Channel, Contact, ContactRow, Event, EventKind, Interaction, Relationship};
use crate::error::{Error, Result};
use crate::input::refs::Candidate;

/// The columns `contact_from_row` reads, for `FROM contacts c LEFT JOIN organizations o`.
pub const CONTACT_COLUMNS: &str =
    "c.id, c.name, o.name, c.role, c.email, c.phone, c.linkedin_url, \
     c.relationship, c.met_via, c.added_on, c.follow_up_on, c.notes, c.org_id";

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
        org_id: r.get(12)?,
    })
}

/// The contacts a `WHERE … ORDER BY …` clause with one parameter keeps.
fn contacts_where(
    conn: &Connection,
    clause: &str,
    parameter: impl rusqlite::ToSql,
) -> Result<Vec<Contact>> {
    let sql = format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts c LEFT JOIN organizations o ON o.id = c.org_id {clause}"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([parameter], contact_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The contact with this id.
pub fn contact(conn: &Connection, id: i64) -> Result<Option<Contact>> {
    Ok(contacts_where(conn, "WHERE c.id = ?1", id)?.pop())
}

/// The contact with this id, or an error that says how to find ids.
pub fn require_contact(conn: &Connection, id: i64) -> Result<Contact> {
    contact(conn, id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no contact with id {id} (see 'jobtrack contact list')"
        ))
    })
}

/// Every contact as a reference may name it: by name, shown with the
/// organization ("Anna Lee (Mercy Health)").
pub fn contact_candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.id, c.name, o.name FROM contacts c LEFT JOIN organizations o ON o.id = c.org_id
         ORDER BY c.name COLLATE NOCASE, c.id",
    )?;
    let rows = statement.query_map([], |r| {
        let name: String = r.get(1)?;
        let org: Option<String> = r.get(2)?;
        Ok(Candidate {
            id: r.get(0)?,
            label: match org {
                Some(org) => format!("{name} ({org})"),
                None => name.clone(),
            },
            key: name,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The contacts who work at an organization, by name.
pub fn contacts_at(conn: &Connection, org_id: i64) -> Result<Vec<Contact>> {
    contacts_where(
        conn,
        "WHERE c.org_id = ?1 ORDER BY c.name COLLATE NOCASE, c.id",
        org_id,
    )
}

/// A contact's columns as `add` and `edit` write them (`added_on` is set
/// once, by `insert_contact`).
#[derive(Debug, Clone)]
pub struct ContactFields {
    pub name: String,
    pub org_id: Option<i64>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub relationship: Relationship,
    pub met_via: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

impl ContactFields {
    /// Runs `sql` with the fields as ?1 to ?10 and `last` as ?11.
    fn write(&self, conn: &Connection, sql: &str, last: &dyn rusqlite::ToSql) -> Result<()> {
        conn.prepare_cached(sql)?.execute(params![
            self.name,
            self.org_id,
            self.role,
            self.email,
            self.phone,
            self.linkedin_url,
            self.relationship,
            self.met_via,
            self.follow_up_on,
            self.notes,
            last,
        ])?;
        Ok(())
    }
}

/// Inserts a contact added on `added_on` and returns its id.
pub fn insert_contact(
    conn: &Connection,
    fields: &ContactFields,
    added_on: NaiveDate,
) -> Result<i64> {
    fields.write(
        conn,
        "INSERT INTO contacts (name, org_id, role, email, phone, linkedin_url, relationship, met_via,
             follow_up_on, notes, added_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        &added_on,
    )?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites a contact's columns (all but `added_on`).
/// Fills in a contact's LinkedIn URL and email where they are empty (a
/// LinkedIn import matching someone typed by hand); true when one was.
pub fn fill_missing_links(
    conn: &Connection,
    id: i64,
    linkedin_url: Option<&str>,
    email: Option<&str>,
) -> Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE contacts SET linkedin_url = coalesce(linkedin_url, ?2),
                                 email = coalesce(email, ?3)
             WHERE id = ?1 AND ((linkedin_url IS NULL AND ?2 IS NOT NULL)
                             OR (email IS NULL AND ?3 IS NOT NULL))",
        )?
        .execute(params![id, linkedin_url, email])?;
    Ok(changed > 0)
}

pub fn update_contact(conn: &Connection, id: i64, fields: &ContactFields) -> Result<()> {
    fields.write(
        conn,
        "UPDATE contacts SET name = ?1, org_id = ?2, role = ?3, email = ?4, phone = ?5,
             linkedin_url = ?6, relationship = ?7, met_via = ?8, follow_up_on = ?9, notes = ?10
         WHERE id = ?11",
        &id,
    )
}

/// The contacts called `name` (any case), for the "already have" notice.
pub fn contacts_named(conn: &Connection, name: &str) -> Result<Vec<Contact>> {
    contacts_where(conn, "WHERE c.name = ?1 COLLATE NOCASE ORDER BY c.id", name)
}

/// The filters of `contact list`, already parsed.
#[derive(Debug, Clone, Default)]
pub struct ContactFilter {
    /// Keep the people at these organizations (any of them); empty keeps all.
    pub org_ids: Vec<i64>,
    pub relationship: Option<Relationship>,
    /// Keep contacts whose follow-up falls on or before this date.
    pub due_by: Option<NaiveDate>,
}

impl ContactFilter {
    /// The query and its parameters.
    fn sql(&self) -> (String, Vec<Value>) {
        let mut clauses: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if !self.org_ids.is_empty() {
            let marks = vec!["?"; self.org_ids.len()].join(", ");
            clauses.push(format!("c.org_id IN ({marks})"));
            values.extend(self.org_ids.iter().map(|id| Value::Integer(*id)));
        }
        if let Some(relationship) = self.relationship {
            clauses.push("c.relationship = ?".into());
            values.push(Value::Text(relationship.as_str().into()));
        }
        if let Some(due_by) = self.due_by {
            clauses.push("c.follow_up_on <= ?".into());
            values.push(Value::Text(due_by.to_string()));
        }
        let where_clause = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let order = if self.due_by.is_some() {
            "c.follow_up_on, c.name COLLATE NOCASE, c.id"
        } else {
            "c.name COLLATE NOCASE, c.id"
        };
        let sql = format!(
            "SELECT {CONTACT_COLUMNS},
                    (SELECT max(i.date) FROM interactions i WHERE i.contact_id = c.id)
             FROM contacts c LEFT JOIN organizations o ON o.id = c.org_id
             {where_clause} ORDER BY {order}"
        );
        (sql, values)
    }
}

/// The contacts the filter keeps: by name, or soonest follow-up first when
/// filtering on it.
pub fn list_contacts(conn: &Connection, filter: &ContactFilter) -> Result<Vec<ContactRow>> {
    let (sql, values) = filter.sql();
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(params_from_iter(values), |r| {
        Ok(ContactRow {
            contact: contact_from_row(r)?,
            last_interaction_on: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

const INTERACTION_COLUMNS: &str = "id, contact_id, date, channel, note, follow_up_on";

fn interaction_from_row(r: &Row<'_>) -> rusqlite::Result<Interaction> {
    Ok(Interaction {
        id: r.get(0)?,
        contact_id: r.get(1)?,
        date: r.get(2)?,
        channel: r.get(3)?,
        note: r.get(4)?,
        follow_up_on: r.get(5)?,
    })
}

/// A contact's interactions, oldest first.
pub fn interactions(conn: &Connection, contact_id: i64) -> Result<Vec<Interaction>> {
    let sql = format!(
        "SELECT {INTERACTION_COLUMNS} FROM interactions WHERE contact_id = ?1 ORDER BY date, id"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([contact_id], interaction_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The interaction with this id.
pub fn interaction(conn: &Connection, id: i64) -> Result<Interaction> {
    let sql = format!("SELECT {INTERACTION_COLUMNS} FROM interactions WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], interaction_from_row)?)
}

/// The interaction with this id, or exit 2 saying where the ids are shown.
pub fn require_interaction(conn: &Connection, id: i64) -> Result<Interaction> {
    let sql = format!("SELECT {INTERACTION_COLUMNS} FROM interactions WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], interaction_from_row)
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "no interaction {id} (the ids are in 'jobtrack contact show CONTACT_ID')"
            ))
        })
}

/// Overwrites an interaction (who, when, how, what, the follow-up it set).
pub fn update_interaction(conn: &Connection, interaction: &Interaction) -> Result<()> {
    conn.prepare_cached(
        "UPDATE interactions SET contact_id = ?2, date = ?3, channel = ?4, note = ?5, follow_up_on = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        interaction.id,
        interaction.contact_id,
        interaction.date,
        interaction.channel,
        interaction.note,
        interaction.follow_up_on
    ])?;
    Ok(())
}

/// Deletes one interaction.
pub fn delete_interaction(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM interactions WHERE id = ?1", [id])?;
    Ok(())
}

/// The follow-up the contact's newest interaction that set one asked for.
pub fn latest_interaction_follow_up(
    conn: &Connection,
    contact_id: i64,
) -> Result<Option<NaiveDate>> {
    Ok(conn
        .query_row(
            "SELECT follow_up_on FROM interactions WHERE contact_id = ?1 AND follow_up_on IS NOT NULL
             ORDER BY date DESC, id DESC LIMIT 1",
            [contact_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Records an interaction and returns its id.
pub fn insert_interaction(
    conn: &Connection,
    contact_id: i64,
    date: NaiveDate,
    channel: Channel,
    note: Option<&str>,
    follow_up_on: Option<NaiveDate>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO interactions (contact_id, date, channel, note, follow_up_on)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![contact_id, date, channel, note, follow_up_on])?;
    Ok(conn.last_insert_rowid())
}

/// Sets (or clears) a contact's follow-up date.
pub fn set_contact_follow_up(conn: &Connection, id: i64, date: Option<NaiveDate>) -> Result<()> {
    conn.prepare_cached("UPDATE contacts SET follow_up_on = ?2 WHERE id = ?1")?
        .execute(params![id, date])?;
    Ok(())
}

/// Deletes a contact (its interactions and its links to applications
/// cascade); returns how many interactions and referrals went with it.
pub fn delete_contact(conn: &Connection, id: i64) -> Result<(i64, i64)> {
    let (interactions, referrals) = conn.query_row(
        "SELECT (SELECT count(*) FROM interactions WHERE contact_id = ?1),
                (SELECT count(*) FROM application_contacts WHERE contact_id = ?1 AND role = 'referrer')",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    conn.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
    Ok((interactions, referrals))
}

const EVENT_COLUMNS: &str = "e.id, o.name, e.title, e.date, e.kind, e.notes";

fn event_from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        org: r.get(1)?,
        title: r.get(2)?,
        date: r.get(3)?,
        kind: r.get(4)?,
        notes: r.get(5)?,
    })
}

/// Records an event and returns its id.
pub fn insert_event(
    conn: &Connection,
    org_id: i64,
    title: &str,
    date: NaiveDate,
    kind: EventKind,
    notes: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO events (org_id, title, date, kind, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![org_id, title, date, kind, notes])?;
    Ok(conn.last_insert_rowid())
}

/// Changes an event; `org_id` None keeps its organization.
pub fn update_event(conn: &Connection, event: &Event, org_id: Option<i64>) -> Result<()> {
    conn.prepare_cached(
        "UPDATE events SET org_id = coalesce(?2, org_id), title = ?3, date = ?4, kind = ?5, notes = ?6
         WHERE id = ?1",
    )?
    .execute(params![event.id, org_id, event.title, event.date, event.kind, event.notes])?;
    Ok(())
}

/// The event with this id, or an error that says how to find ids.
pub fn require_event(conn: &Connection, id: i64) -> Result<Event> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e LEFT JOIN organizations o ON o.id = e.org_id WHERE e.id = ?1"
    );
    conn.prepare_cached(&sql)?
        .query_row([id], event_from_row)
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!("no event with id {id} (see 'jobtrack event list')"))
        })
}

fn events_sql(upcoming: bool) -> String {
    let (filter, order) = if upcoming {
        ("WHERE e.date >= ?1", "e.date, e.id")
    } else {
        ("", "e.date DESC, e.id DESC")
    };
    format!(
        "SELECT {EVENT_COLUMNS} FROM events e LEFT JOIN organizations o ON o.id = e.org_id
         {filter} ORDER BY {order}"
    )
}

/// Events on or after `from`, soonest first; or, without it, every event,
/// newest first.
pub fn events(conn: &Connection, from: Option<NaiveDate>) -> Result<Vec<Event>> {
    let mut statement = conn.prepare(&events_sql(from.is_some()))?;
    let rows = match from {
        Some(date) => statement.query_map([date], event_from_row)?,
        None => statement.query_map([], event_from_row)?,
    };
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The events an organization holds, newest first.
pub fn events_at(conn: &Connection, org_id: i64) -> Result<Vec<Event>> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events e LEFT JOIN organizations o ON o.id = e.org_id
         WHERE e.org_id = ?1 ORDER BY e.date DESC, e.id DESC"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([org_id], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every event as a reference may name it: by title, shown with its date.
pub fn event_candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    let mut statement =
        conn.prepare_cached("SELECT id, title, date FROM events ORDER BY date DESC, id DESC")?;
    let rows = statement.query_map([], |r| {
        let title: String = r.get(1)?;
        let date: String = r.get(2)?;
        Ok(Candidate {
            id: r.get(0)?,
            label: format!("{title} ({date})"),
            key: title,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Deletes an event.
pub fn delete_event(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM events WHERE id = ?1", [id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of a query on a fresh database, one detail line per step.
    fn plan(sql: &str) -> String {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let count = statement.parameter_count();
        let values = vec![Value::Null; count];
        let rows = statement
            .query_map(params_from_iter(values), |r| r.get::<_, String>(3))
            .unwrap();
        rows.map(|r| r.unwrap()).collect::<Vec<_>>().join("\n")
    }

    /// Fails when the plan reads every row of one of `tables` (named by
    /// table or by alias) without an index.
    fn assert_no_full_scan(sql: &str, tables: &[&str]) {
        let plan = plan(sql);
        for line in plan.lines() {
            let mut words = line.split_whitespace();
            let (Some("SCAN"), Some(name)) = (words.next(), words.next()) else {
                continue;
            };
            let scanned = tables.iter().any(|t| *t == name || t[..1] == *name);
            assert!(
                !scanned || line.contains("USING"),
                "full scan of {name}:\n{plan}\nfor {sql}"
            );
        }
    }

    #[test]
    fn the_scan_check_catches_a_scan() {
        let caught = std::panic::catch_unwind(|| {
            assert_no_full_scan("SELECT * FROM contacts c WHERE c.phone = ?1", &["contacts"])
        });
        assert!(caught.is_err());
    }

    #[test]
    fn hot_queries_use_indexes() {
        let due = ContactFilter {
            due_by: crate::dates::parse_iso("2026-11-26"),
            ..ContactFilter::default()
        };
        assert_no_full_scan(&due.sql().0, &["contacts", "interactions"]);
        let at_org = ContactFilter {
            org_ids: vec![1],
            ..ContactFilter::default()
        };
        assert_no_full_scan(&at_org.sql().0, &["contacts", "interactions"]);
        assert_no_full_scan(&ContactFilter::default().sql().0, &["interactions"]);
        assert_no_full_scan(&events_sql(true), &["events"]);
        assert_no_full_scan(
            "SELECT id FROM interactions WHERE contact_id = ?1 ORDER BY date, id",
            &["interactions"],
        );
    }
}
