//! Corrections to an application's history (DESIGN §10.9): one entry
//! edited or removed, then every column the history decides recomputed from
//! the entries that remain, so a mistaken status leaves the funnel.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{store, Event, EventKind, InterviewDetails, Outcome, Status};
use crate::error::{Error, Result};

/// One history entry and the application it belongs to.
#[derive(Debug, Clone)]
pub struct Entry {
    pub application_id: i64,
    pub event: Event,
}

/// The entry `id`, or exit 2 saying where the ids are shown.
pub fn require(conn: &Connection, id: i64) -> Result<Entry> {
    conn.query_row(
        "SELECT application_id, id, date, kind, from_status, to_status, note
         FROM application_events WHERE id = ?1",
        [id],
        |r| {
            Ok(Entry {
                application_id: r.get(0)?,
                event: Event {
                    id: r.get(1)?,
                    date: r.get(2)?,
                    kind: r.get(3)?,
                    from_status: r.get(4)?,
                    to_status: r.get(5)?,
                    note: r.get(6)?,
                    // What a correction needs is the entry's date, kind and
                    // statuses; the details stay in the table untouched.
                    at: None,
                    minutes: None,
                    interview_kind: None,
                    place: None,
                    outcome: None,
                    via: None,
                    direction: None,
                    with: Vec::new(),
                },
            })
        },
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!(
            "no history entry {id} (the ids are in 'jobtrack app show APPLICATION_ID')"
        ))
    })
}

/// Whether `entry` is its application's first status entry (the one that
/// created it), which only `app rm` removes.
pub fn is_first_status(conn: &Connection, entry: &Entry) -> Result<bool> {
    let first: Option<i64> = conn
        .query_row(
            "SELECT id FROM application_events WHERE application_id = ?1 AND kind = 'status'
             ORDER BY date, id LIMIT 1",
            [entry.application_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(first == Some(entry.event.id))
}

/// Removes an entry and the `follow_up` entries its command wrote: those
/// that name it in `caused_by`, and, among those written before that column
/// existed (`caused_by` NULL), the ones that follow it directly (no other
/// entry of the application between), dated the same day.
pub fn remove(conn: &Connection, entry: &Entry) -> Result<()> {
    conn.execute(
        "DELETE FROM application_events
         WHERE application_id = ?1 AND kind = 'follow_up'
           AND (caused_by = ?2
                OR (caused_by IS NULL AND id > ?2 AND date = ?3
                    AND id < coalesce((SELECT min(id) FROM application_events
                                       WHERE application_id = ?1 AND kind <> 'follow_up' AND id > ?2),
                                      9223372036854775807)))",
        params![entry.application_id, entry.event.id, entry.event.date],
    )?;
    conn.execute(
        "DELETE FROM application_events WHERE id = ?1",
        [entry.event.id],
    )?;
    Ok(())
}

/// Changes the details of an interview entry: each one given replaces the
/// old, the others stay.
pub fn change_interview(
    conn: &Connection,
    id: i64,
    details: &InterviewDetails,
    outcome: Option<Outcome>,
) -> Result<()> {
    conn.execute(
        "UPDATE application_events SET at = coalesce(?2, at), minutes = coalesce(?3, minutes),
             interview_kind = coalesce(?4, interview_kind), place = coalesce(?5, place),
             outcome = coalesce(?6, outcome)
         WHERE id = ?1",
        params![
            id,
            details.at,
            details.minutes,
            details.kind,
            details.place,
            outcome
        ],
    )?;
    Ok(())
}

/// Makes `contacts` the people of an entry (its interviewers, the person
/// contacted), in place of those it had.
pub fn replace_people(conn: &Connection, id: i64, contacts: &[i64]) -> Result<()> {
    conn.execute("DELETE FROM entry_contacts WHERE event_id = ?1", [id])?;
    for contact_id in contacts {
        store::add_entry_contact(conn, id, *contact_id)?;
    }
    Ok(())
}

/// Changes an entry's date and note.
pub fn change(conn: &Connection, id: i64, date: NaiveDate, note: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE application_events SET date = ?2, note = ?3 WHERE id = ?1",
        params![id, date, note],
    )?;
    Ok(())
}

/// Recomputes what the history decides: each status entry's `from_status`
/// (the previous entry's `to_status`), the status (the latest entry's),
/// `applied_on` (the earliest entry to a status past `saved` other than
/// `withdrawn`), the follow-up (the newest remaining `follow_up` entry's
/// value), then the derived columns.
pub fn recompute(conn: &Connection, application_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE application_events AS e SET from_status = (
             SELECT p.to_status FROM application_events p
             WHERE p.application_id = e.application_id AND p.kind = 'status'
               AND (p.date < e.date OR (p.date = e.date AND p.id < e.id))
             ORDER BY p.date DESC, p.id DESC LIMIT 1)
         WHERE e.application_id = ?1 AND e.kind = 'status'",
        [application_id],
    )?;
    let not_applied = Status::sql_list(Status::NOT_APPLIED);
    conn.execute(
        &format!(
            "UPDATE applications SET
                 status = (SELECT to_status FROM application_events
                           WHERE application_id = ?1 AND kind = 'status' ORDER BY date DESC, id DESC LIMIT 1),
                 applied_on = (SELECT min(date) FROM application_events
                               WHERE application_id = ?1 AND kind = 'status'
                                 AND to_status NOT IN {not_applied}),
                 follow_up_on = (SELECT nullif(note, 'cleared') FROM application_events
                                 WHERE application_id = ?1 AND kind = '{}' ORDER BY id DESC LIMIT 1)
             WHERE id = ?1",
            EventKind::FollowUp
        ),
        [application_id],
    )?;
    store::refresh_derived(conn, application_id)
}
