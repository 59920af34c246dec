//! SQL for applications, their events and the credentials a posting names.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::{
    rules_sql, Application, Direction, EmploymentType, Event, EventKind, InterviewDetails, Linked,
    Outcome, Person, Role, Status, Via, WorkMode,
};
use crate::error::{Error, Result};
use crate::input::refs::Candidate;
use crate::input::{PayPeriod, Salary};
use crate::network;

/// The columns `from_row` reads, for `FROM applications a JOIN organizations o`.
pub const COLUMNS: &str = concat!(
    "a.id, o.name, a.title, a.status, a.source, a.url, a.location, a.work_mode, \
     a.salary_min, a.salary_max, a.applied_on, a.follow_up_on, ",
    super::referrer_sql!(),
    ", a.notes, a.created_at, a.updated_at, a.org_id, a.stage_since, a.last_activity_on, a.salary_period, \
     a.last_news_on, a.offer_salary_min, a.offer_salary_max, a.offer_salary_period, \
     a.offer_deadline, a.offer_start_on, a.posted_on, a.closes_on, a.employment_type");

/// How many values `COLUMNS` selects.
const COLUMN_COUNT: usize = 29;

/// Reads an application selected with `COLUMNS`.
pub fn from_row(r: &Row<'_>) -> rusqlite::Result<Application> {
    Ok(Application {
        id: r.get(0)?,
        org: r.get(1)?,
        title: r.get(2)?,
        status: r.get(3)?,
        source: r.get(4)?,
        url: r.get(5)?,
        location: r.get(6)?,
        work_mode: r.get(7)?,
        salary_min: r.get(8)?,
        salary_max: r.get(9)?,
        applied_on: r.get(10)?,
        follow_up_on: r.get(11)?,
        referral_contact_id: r.get(12)?,
        notes: r.get(13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
        org_id: r.get(16)?,
        stage_since: r.get(17)?,
        last_activity_on: r.get(18)?,
        salary_period: r.get(19)?,
        last_news_on: r.get(20)?,
        offer_salary_min: r.get(21)?,
        offer_salary_max: r.get(22)?,
        offer_salary_period: r.get(23)?,
        offer_deadline: r.get(24)?,
        offer_start_on: r.get(25)?,
        posted_on: r.get(26)?,
        closes_on: r.get(27)?,
        employment_type: r.get(28)?,
    })
}

/// The application with this id, if any.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Application>> {
    let sql = format!("SELECT {COLUMNS} FROM applications a JOIN organizations o ON o.id = a.org_id WHERE a.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row)
        .optional()?)
}

/// An application's posting text (`description`), read alone: lists never
/// carry it.
pub fn description(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT description FROM applications WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten())
}

/// The application with this id, or an error that says how to find ids.
pub fn require(conn: &Connection, id: i64) -> Result<Application> {
    get(conn, id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no application with id {id} (see 'jobtrack app list')"
        ))
    })
}

/// A new application's columns.
#[derive(Debug, Clone)]
pub struct NewApplication {
    pub org_id: i64,
    pub title: String,
    pub status: Status,
    pub source: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<WorkMode>,
    pub salary: Option<Salary>,
    pub applied_on: Option<NaiveDate>,
    pub follow_up_on: Option<NaiveDate>,
    pub referral_contact_id: Option<i64>,
    pub notes: Option<String>,
    pub posting: Posting,
}

/// What a posting says beyond the title and pay: its dates, the kind of
/// job and the description (DESIGN §10.6).
#[derive(Debug, Clone, Default)]
pub struct Posting {
    pub posted_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub employment_type: Option<EmploymentType>,
    pub description: Option<String>,
}

/// Inserts an application row (no events) and returns its id.
pub fn insert(conn: &Connection, new: &NewApplication, timestamp: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO applications (org_id, title, status, source, url, location, work_mode, salary_min,
             salary_max, applied_on, follow_up_on, notes, created_at, updated_at, salary_period,
             posted_on, closes_on, employment_type, description)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        new.org_id,
        new.title,
        new.status,
        new.source,
        new.url,
        new.location,
        new.work_mode,
        new.salary.map(|s| s.min),
        new.salary.map(|s| s.max),
        new.applied_on,
        new.follow_up_on,
        new.notes,
        timestamp,
        new.salary.map(|s| s.period),
        new.posting.posted_on,
        new.posting.closes_on,
        new.posting.employment_type,
        new.posting.description,
    ])?;
    let id = conn.last_insert_rowid();
    if let Some(contact_id) = new.referral_contact_id {
        link(conn, id, contact_id, Role::Referrer)?;
    }
    Ok(id)
}

/// Appends one event to an application's history; returns its id.
pub fn add_event(
    conn: &Connection,
    application_id: i64,
    date: NaiveDate,
    kind: EventKind,
    from: Option<Status>,
    to: Option<Status>,
    note: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO application_events (application_id, date, kind, from_status, to_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![application_id, date, kind, from, to, note])?;
    Ok(conn.last_insert_rowid())
}

/// Appends an `interview` entry with its details; returns its id.
pub fn add_interview(
    conn: &Connection,
    application_id: i64,
    date: NaiveDate,
    details: &InterviewDetails,
    note: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO application_events (application_id, date, kind, note, at, minutes, interview_kind, place)
         VALUES (?1, ?2, 'interview', ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        application_id,
        date,
        note,
        details.at,
        details.minutes,
        details.kind,
        details.place
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The interview entry `--outcome` is about: `entry` when it is one of
/// the application's interviews, else (no entry given) the latest one on
/// or before `today`. Returns its id and date.
pub fn interview_entry(
    conn: &Connection,
    application_id: i64,
    entry: Option<i64>,
    today: NaiveDate,
) -> Result<Option<(i64, NaiveDate)>> {
    let found = match entry {
        Some(entry) => conn
            .prepare_cached(
                "SELECT id, date FROM application_events
                 WHERE id = ?1 AND application_id = ?2 AND kind = 'interview'",
            )?
            .query_row(params![entry, application_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?,
        None => conn
            .prepare_cached(
                "SELECT id, date FROM application_events
                 WHERE application_id = ?1 AND kind = 'interview' AND date <= ?2
                 ORDER BY date DESC, coalesce(at, '') DESC, id DESC LIMIT 1",
            )?
            .query_row(params![application_id, today], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?,
    };
    Ok(found)
}

/// Sets an interview entry's outcome.
pub fn set_outcome(conn: &Connection, entry: i64, outcome: Outcome) -> Result<()> {
    conn.prepare_cached("UPDATE application_events SET outcome = ?2 WHERE id = ?1")?
        .execute(params![entry, outcome])?;
    Ok(())
}

/// The date of the application's latest interview entry, past or planned.
pub fn latest_interview(conn: &Connection, application_id: i64) -> Result<Option<NaiveDate>> {
    Ok(conn
        .prepare_cached(
            "SELECT max(date) FROM application_events WHERE application_id = ?1 AND kind = 'interview'",
        )?
        .query_row([application_id], |r| r.get(0))?)
}

/// Appends an `employer_contact` entry; returns its id.
pub fn add_employer_contact(
    conn: &Connection,
    application_id: i64,
    date: NaiveDate,
    via: Via,
    direction: Direction,
    note: Option<&str>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO application_events (application_id, date, kind, note, via, direction)
         VALUES (?1, ?2, 'employer_contact', ?3, ?4, ?5)",
    )?
    .execute(params![application_id, date, note, via, direction])?;
    Ok(conn.last_insert_rowid())
}

/// Records that an entry was with a person (an interviewer, the person
/// contacted); a person already named is kept once.
pub fn add_entry_contact(conn: &Connection, event_id: i64, contact_id: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO entry_contacts (event_id, contact_id) VALUES (?1, ?2)
         ON CONFLICT (event_id, contact_id) DO NOTHING",
    )?
    .execute(params![event_id, contact_id])?;
    Ok(())
}

/// Sets `follow_up_on` and, when it changes, writes the `follow_up` event
/// (note: the new date or `cleared`) dated `on`, tied to the entry whose
/// command set it (`caused_by`). Returns whether it changed.
pub fn set_follow_up(
    conn: &Connection,
    application_id: i64,
    old: Option<NaiveDate>,
    new: Option<NaiveDate>,
    on: NaiveDate,
    caused_by: Option<i64>,
) -> Result<bool> {
    if old == new {
        return Ok(false);
    }
    conn.prepare_cached("UPDATE applications SET follow_up_on = ?2 WHERE id = ?1")?
        .execute(params![application_id, new])?;
    let note = new.map_or_else(|| "cleared".to_string(), |d| d.to_string());
    conn.prepare_cached(
        "INSERT INTO application_events (application_id, date, kind, note, caused_by)
         VALUES (?1, ?2, 'follow_up', ?3, ?4)",
    )?
    .execute(params![application_id, on, note, caused_by])?;
    Ok(true)
}

/// Marks the status entry just written on the application as one `app
/// close` made (the work-search log leaves those out): its `follow_up`
/// entry has no note (the follow-up is cleared all the same). Written when
/// the move did not change the follow-up, dated `on`.
pub fn mark_closed_in_bulk(conn: &Connection, application_id: i64, on: NaiveDate) -> Result<()> {
    let entry: i64 = conn
        .prepare_cached(
            "SELECT max(id) FROM application_events WHERE application_id = ?1 AND kind = 'status'",
        )?
        .query_row([application_id], |r| r.get(0))?;
    let marked = conn
        .prepare_cached(
            "UPDATE application_events SET note = NULL WHERE kind = 'follow_up' AND caused_by = ?1",
        )?
        .execute([entry])?;
    if marked == 0 {
        conn.prepare_cached(
            "INSERT INTO application_events (application_id, date, kind, caused_by)
             VALUES (?1, ?2, 'follow_up', ?3)",
        )?
        .execute(params![application_id, on, entry])?;
    }
    Ok(())
}

/// The SQL that recomputes the derived columns from the history, for the
/// rows the `WHERE` clause appended to it selects (every row without one).
/// The status rules are filled in by `rules_sql`.
pub fn refresh_derived_sql() -> String {
    super::rules_sql(REFRESH_DERIVED)
}

const REFRESH_DERIVED: &str = "UPDATE applications SET
    added_on = coalesce((SELECT min(e.date) FROM application_events e
                WHERE e.application_id = applications.id AND e.kind = 'status'), applications.applied_on),
    stage_since = coalesce((SELECT e.date FROM application_events e
                   WHERE e.application_id = applications.id AND e.kind = 'status'
                   ORDER BY e.date DESC, e.id DESC LIMIT 1), applications.applied_on),
    last_activity_on = (SELECT max(d) FROM (
                   SELECT applications.applied_on AS d
                   UNION ALL
                   SELECT max(e.date) FROM application_events e
                   WHERE e.application_id = applications.id
                     AND e.kind IN ('status', 'interview', 'note', 'employer_contact'))),
    last_news_on = (SELECT max(d) FROM (
                   SELECT applications.applied_on AS d
                   UNION ALL
                   SELECT max(e.date) FROM application_events e
                   WHERE e.application_id = applications.id
                     AND (e.kind IN ('status', 'interview')
                          OR (e.kind = 'employer_contact' AND e.direction = 'inbound')))),
    furthest_status = (SELECT s FROM (
                       SELECT e.to_status AS s FROM application_events e
                       WHERE e.application_id = applications.id AND e.kind = 'status'
                       -- the current status counts too: an imported or hand-edited
                       -- row may hold a status its history never reached
                       UNION ALL SELECT applications.status)
                   WHERE s IN {pipeline}
                   ORDER BY {pipeline_rank_of_s} DESC LIMIT 1),
    responded_on = (SELECT min(e.date) FROM application_events e
                   WHERE e.application_id = applications.id AND e.kind = 'status'
                     AND e.to_status IN {responses}),
    first_interview_on = (SELECT min(e.date) FROM application_events e
                   WHERE e.application_id = applications.id AND e.kind = 'interview')";

/// Recomputes one application's derived columns after its history changed.
pub fn refresh_derived(conn: &Connection, application_id: i64) -> Result<()> {
    let sql = format!("{} WHERE id = ?1", refresh_derived_sql());
    conn.prepare_cached(&sql)?.execute([application_id])?;
    Ok(())
}

/// How many applications are stale today: a status that can go stale and
/// no news for `STALE_DAYS` or more (what the agenda lists as stale).
pub fn count_stale(conn: &Connection, today: NaiveDate) -> Result<i64> {
    let sql = rules_sql(
        "SELECT count(*) FROM applications
         WHERE status IN {can_go_stale}
           AND last_activity_on <= date(?1, printf('-%d days', ?2))",
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![today, super::STALE_DAYS], |r| r.get(0))?)
}

/// Marks the application changed now.
pub fn touch(conn: &Connection, application_id: i64, timestamp: &str) -> Result<()> {
    conn.prepare_cached("UPDATE applications SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![application_id, timestamp])?;
    Ok(())
}

/// Records the date the application went in.
pub fn set_applied_on(conn: &Connection, application_id: i64, on: NaiveDate) -> Result<()> {
    conn.prepare_cached("UPDATE applications SET applied_on = ?2 WHERE id = ?1")?
        .execute(params![application_id, on])?;
    Ok(())
}

/// Sets the current status column; the caller writes the matching
/// `status` event (see `add_event`).
pub fn set_status(conn: &Connection, application_id: i64, status: Status) -> Result<()> {
    conn.prepare_cached("UPDATE applications SET status = ?2 WHERE id = ?1")?
        .execute(params![application_id, status])?;
    Ok(())
}

/// The columns `app edit` may change (the status, `applied_on` and the
/// follow-up change through their own functions, which keep the history).
#[derive(Debug, Clone)]
pub struct ApplicationFields {
    pub org_id: i64,
    pub title: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<WorkMode>,
    pub salary: Option<Salary>,
    pub referral_contact_id: Option<i64>,
    pub notes: Option<String>,
    pub posting: Posting,
}

/// Overwrites an application's editable columns and marks it changed.
pub fn update(
    conn: &Connection,
    application_id: i64,
    fields: &ApplicationFields,
    timestamp: &str,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE applications SET org_id = ?2, title = ?3, source = ?4, url = ?5, location = ?6, work_mode = ?7,
             salary_min = ?8, salary_max = ?9, notes = ?10, updated_at = ?11,
             salary_period = ?12, posted_on = ?13, closes_on = ?14, employment_type = ?15,
             description = ?16
         WHERE id = ?1",
    )?
    .execute(params![
        application_id,
        fields.org_id,
        fields.title,
        fields.source,
        fields.url,
        fields.location,
        fields.work_mode,
        fields.salary.map(|s| s.min),
        fields.salary.map(|s| s.max),
        fields.notes,
        timestamp,
        fields.salary.map(|s| s.period),
        fields.posting.posted_on,
        fields.posting.closes_on,
        fields.posting.employment_type,
        fields.posting.description,
    ])?;
    set_referrer(conn, application_id, fields.referral_contact_id)
}

/// Makes `contact_id` the application's referrer (the `--referral` of
/// `app add` and `app edit`): other `referrer` links are removed, and a
/// contact linked in another role becomes the referrer. `None` removes the
/// referrer links.
pub fn set_referrer(conn: &Connection, application_id: i64, contact_id: Option<i64>) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM application_contacts
         WHERE application_id = ?1 AND role = 'referrer' AND contact_id IS NOT ?2",
    )?
    .execute(params![application_id, contact_id])?;
    if let Some(contact_id) = contact_id {
        link(conn, application_id, contact_id, Role::Referrer)?;
    }
    Ok(())
}

/// Links a contact to an application in a role (a contact already linked
/// takes the new role); returns the role it had before, if any.
pub fn link(
    conn: &Connection,
    application_id: i64,
    contact_id: i64,
    role: Role,
) -> Result<Option<Role>> {
    let before: Option<Role> = conn
        .prepare_cached(
            "SELECT role FROM application_contacts WHERE application_id = ?1 AND contact_id = ?2",
        )?
        .query_row(params![application_id, contact_id], |r| r.get(0))
        .optional()?;
    if before != Some(role) {
        conn.prepare_cached(
            "INSERT INTO application_contacts (application_id, contact_id, role) VALUES (?1, ?2, ?3)
             ON CONFLICT (application_id, contact_id) DO UPDATE SET role = excluded.role",
        )?
        .execute(params![application_id, contact_id, role])?;
    }
    Ok(before)
}

/// Removes a contact's link to an application; returns the role it had.
pub fn unlink(conn: &Connection, application_id: i64, contact_id: i64) -> Result<Option<Role>> {
    Ok(conn
        .prepare_cached(
            "DELETE FROM application_contacts WHERE application_id = ?1 AND contact_id = ?2
             RETURNING role",
        )?
        .query_row(params![application_id, contact_id], |r| r.get(0))
        .optional()?)
}

/// The people linked to an application, in the order they were linked.
pub fn people(conn: &Connection, application_id: i64) -> Result<Vec<Person>> {
    let sql = format!(
        "SELECT {}, ac.role FROM application_contacts ac
         JOIN contacts c ON c.id = ac.contact_id LEFT JOIN organizations o ON o.id = c.org_id
         WHERE ac.application_id = ?1 ORDER BY ac.rowid",
        network::store::CONTACT_COLUMNS
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([application_id], |r| {
        Ok(Person {
            contact: network::store::contact_from_row(r)?,
            // The role follows the 13 contact columns.
            role: r.get(13)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The applications a contact is linked to, with their role, oldest first.
pub fn linked_to(conn: &Connection, contact_id: i64) -> Result<Vec<Linked>> {
    let sql = format!(
        "SELECT {COLUMNS}, ac.role FROM application_contacts ac
         JOIN applications a ON a.id = ac.application_id JOIN organizations o ON o.id = a.org_id
         WHERE ac.contact_id = ?1 ORDER BY coalesce(a.applied_on, a.added_on), a.id"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([contact_id], |r| {
        Ok(Linked {
            application: from_row(r)?,
            role: r.get(COLUMN_COUNT)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The terms of an offer.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OfferTerms {
    pub salary: Option<Salary>,
    pub deadline: Option<NaiveDate>,
    pub start_on: Option<NaiveDate>,
}

/// Stores an offer's terms.
pub fn set_offer(conn: &Connection, application_id: i64, terms: &OfferTerms) -> Result<()> {
    conn.prepare_cached(
        "UPDATE applications SET offer_salary_min = ?2, offer_salary_max = ?3,
             offer_salary_period = ?4, offer_deadline = ?5, offer_start_on = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        application_id,
        terms.salary.map(|s| s.min),
        terms.salary.map(|s| s.max),
        terms.salary.map(|s| s.period),
        terms.deadline,
        terms.start_on
    ])?;
    Ok(())
}

/// Deletes an application; its events and credential codes go with it
/// (`ON DELETE CASCADE`).
pub fn delete(conn: &Connection, application_id: i64) -> Result<()> {
    conn.execute("DELETE FROM applications WHERE id = ?1", [application_id])?;
    Ok(())
}

/// The history of an application, oldest first.
pub fn events(conn: &Connection, application_id: i64) -> Result<Vec<Event>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, date, kind, from_status, to_status, note, at, minutes, interview_kind, place,
                outcome, via, direction
         FROM application_events WHERE application_id = ?1 ORDER BY date, coalesce(at, ''), id",
    )?;
    let rows = statement.query_map([application_id], |r| {
        Ok(Event {
            id: r.get(0)?,
            date: r.get(1)?,
            kind: r.get(2)?,
            from_status: r.get(3)?,
            to_status: r.get(4)?,
            note: r.get(5)?,
            at: r.get(6)?,
            minutes: r.get(7)?,
            interview_kind: r.get(8)?,
            place: r.get(9)?,
            outcome: r.get(10)?,
            via: r.get(11)?,
            direction: r.get(12)?,
            with: Vec::new(),
        })
    })?;
    let mut events = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    for event in &mut events {
        event.with = entry_contacts(conn, event.id)?;
    }
    Ok(events)
}

/// The people an entry was with, in the order they were added.
pub fn entry_contacts(conn: &Connection, event_id: i64) -> Result<Vec<network::Contact>> {
    let sql = format!(
        "SELECT {} FROM entry_contacts x JOIN contacts c ON c.id = x.contact_id
         LEFT JOIN organizations o ON o.id = c.org_id WHERE x.event_id = ?1 ORDER BY x.rowid",
        network::store::CONTACT_COLUMNS
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([event_id], network::store::contact_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The credential codes a posting requires and prefers.
pub fn credentials(conn: &Connection, application_id: i64) -> Result<(Vec<String>, Vec<String>)> {
    let mut statement = conn.prepare_cached(
        "SELECT code, required FROM application_credentials WHERE application_id = ?1 ORDER BY code",
    )?;
    let mut requires = Vec::new();
    let mut prefers = Vec::new();
    let rows = statement.query_map([application_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
    })?;
    for row in rows {
        let (code, required) = row?;
        if required {
            requires.push(code);
        } else {
            prefers.push(code);
        }
    }
    Ok((requires, prefers))
}

/// Replaces the required (or preferred) codes of a posting.
pub fn replace_credentials(
    conn: &Connection,
    application_id: i64,
    required: bool,
    codes: &[String],
) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM application_credentials WHERE application_id = ?1 AND required = ?2",
    )?
    .execute(params![application_id, required])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO application_credentials (application_id, code, required) VALUES (?1, ?2, ?3)
         ON CONFLICT (application_id, code) DO UPDATE SET required = excluded.required",
    )?;
    for code in codes {
        insert.execute(params![application_id, code, required])?;
    }
    Ok(())
}

/// Earlier applications at an organization, newest first.
pub fn at_org(conn: &Connection, org_id: i64) -> Result<Vec<Application>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM applications a JOIN organizations o ON o.id = a.org_id
         WHERE a.org_id = ?1 ORDER BY a.last_activity_on DESC, a.id DESC"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map([org_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every application as a reference may name it: by "org title" (which
/// contains the organization and the title), shown as "title at org".
pub fn candidates(conn: &Connection) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(
        "SELECT a.id, o.name, a.title FROM applications a JOIN organizations o ON o.id = a.org_id
         ORDER BY a.last_activity_on DESC, a.id DESC",
    )?;
    let rows = statement.query_map([], |r| {
        let org: String = r.get(1)?;
        let title: String = r.get(2)?;
        Ok(Candidate {
            id: r.get(0)?,
            key: format!("{org} {title}"),
            label: format!("{title} at {org}"),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every source stored on an application, in alphabetical order.
pub fn sources(conn: &Connection) -> Result<Vec<String>> {
    // One index seek per distinct source (a skip scan written out): a plain
    // DISTINCT reads every entry of the index, hundreds of pages at 100k
    // applications, on every `app add`.
    let mut statement = conn.prepare_cached(
        "WITH RECURSIVE next(source) AS (
             SELECT min(source) FROM applications
             UNION ALL
             SELECT (SELECT min(a.source) FROM applications a WHERE a.source > next.source)
             FROM next WHERE next.source IS NOT NULL
         )
         SELECT source FROM next WHERE source IS NOT NULL",
    )?;
    let rows = statement.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

/// The filters of `app list`, already parsed.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep these statuses (any of them); empty keeps all.
    pub statuses: Vec<Status>,
    pub source: Option<String>,
    /// Keep these organizations (any of them); empty keeps all.
    pub org_ids: Vec<i64>,
    /// Keep rows applied (or, for never-applied rows, added) on or after this date.
    pub since: Option<NaiveDate>,
    /// Keep applications whose salary reaches this yearly amount: the
    /// annual equivalent of the top of the range (or of the only figure).
    pub min_salary: Option<f64>,
    /// Keep postings whose required credentials are all held (or in this list).
    pub qualified: Option<Vec<String>>,
    pub limit: Option<i64>,
}

impl Filter {
    fn where_clause(&self) -> (String, Vec<Value>) {
        let mut clauses = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if !self.statuses.is_empty() {
            let marks = vec!["?"; self.statuses.len()].join(", ");
            clauses.push(format!("a.status IN ({marks})"));
            values.extend(self.statuses.iter().map(|s| Value::Text(s.as_str().into())));
        }
        if let Some(source) = &self.source {
            clauses.push("a.source = ?".into());
            values.push(Value::Text(source.clone()));
        }
        if !self.org_ids.is_empty() {
            let marks = vec!["?"; self.org_ids.len()].join(", ");
            clauses.push(format!("a.org_id IN ({marks})"));
            values.extend(self.org_ids.iter().map(|id| Value::Integer(*id)));
        }
        if let Some(since) = self.since {
            clauses.push("coalesce(a.applied_on, a.added_on) >= ?".into());
            values.push(Value::Text(since.to_string()));
        }
        if let Some(min_salary) = self.min_salary {
            clauses.push(format!(
                "coalesce(a.salary_max, a.salary_min) * {} >= ?",
                PayPeriod::per_year_sql("coalesce(a.salary_period, 'year')")
            ));
            values.push(Value::Real(min_salary));
        }
        if let Some(also_ok) = &self.qualified {
            let (clause, bound) = qualified_clause(also_ok);
            clauses.push(clause);
            values.extend(bound);
        }
        if clauses.is_empty() {
            (String::new(), values)
        } else {
            (format!("WHERE {}", clauses.join(" AND ")), values)
        }
    }
}

/// `--qualified`: no required group of the posting lacks a code held (or
/// one of the `also_ok` codes), with its parameters. A group `RHIA|RHIT`
/// is met when `|RHIA|RHIT|` contains `|CODE|` for one of those codes; a
/// group of one (most of them) is met by its code alone, which the
/// `NOT IN` lists decide before any group is taken apart.
fn qualified_clause(also_ok: &[String]) -> (String, Vec<Value>) {
    let sep = crate::input::CODE_GROUP_SEPARATOR;
    let met_by = |code: &str| {
        format!("instr('{sep}' || ac.code || '{sep}', '{sep}' || {code} || '{sep}') > 0")
    };
    let held = "SELECT code FROM certifications WHERE status = 'passed'";
    let mut single_unmet = format!("ac.code NOT IN ({held})");
    let mut group_unmet = format!(
        "NOT EXISTS (SELECT 1 FROM certifications h WHERE h.status = 'passed' AND {})",
        met_by("h.code")
    );
    let mut values = Vec::new();
    if !also_ok.is_empty() {
        let marks = vec!["?"; also_ok.len()].join(", ");
        single_unmet.push_str(&format!(" AND ac.code NOT IN ({marks})"));
        let rows = vec!["(?)"; also_ok.len()].join(", ");
        group_unmet.push_str(&format!(
            " AND NOT EXISTS (SELECT 1 FROM (VALUES {rows}) ok WHERE {})",
            met_by("ok.column1")
        ));
        // Bound twice: once for each list, in the order they appear.
        for _ in 0..2 {
            values.extend(also_ok.iter().map(|c| Value::Text(c.clone())));
        }
    }
    let clause = format!(
        "NOT EXISTS (SELECT 1 FROM application_credentials ac
             WHERE ac.application_id = a.id AND ac.required = 1 AND {single_unmet}
               AND (instr(ac.code, '{sep}') = 0 OR ({group_unmet})))"
    );
    (clause, values)
}

/// The `app list` query for a filter, with its parameters.
pub fn list_query(filter: &Filter) -> (String, Vec<Value>) {
    let (where_clause, mut values) = filter.where_clause();
    let limit = match filter.limit {
        Some(limit) => {
            values.push(Value::Integer(limit));
            "LIMIT ?"
        }
        None => "",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM applications a JOIN organizations o ON o.id = a.org_id
         {where_clause} ORDER BY a.last_activity_on DESC, a.id DESC {limit}"
    );
    (sql, values)
}

/// Calls `each` for every application the filter keeps, most recently
/// active first, without holding the list in memory.
pub fn for_each(
    conn: &Connection,
    filter: &Filter,
    mut each: impl FnMut(Application) -> Result<()>,
) -> Result<()> {
    let (sql, values) = list_query(filter);
    let mut statement = conn.prepare(&sql)?;
    let mut rows = statement.query(params_from_iter(values))?;
    while let Some(row) = rows.next()? {
        each(from_row(row)?)?;
    }
    Ok(())
}

/// How many applications the filter keeps (its limit ignored).
pub fn count(conn: &Connection, filter: &Filter) -> Result<i64> {
    let (where_clause, values) = filter.where_clause();
    let sql = format!("SELECT count(*) FROM applications a {where_clause}");
    Ok(conn.query_row(&sql, params_from_iter(values), |r| r.get(0))?)
}

fn referred_sql() -> String {
    format!(
        "SELECT {} FROM application_contacts ac
         JOIN applications a ON a.id = ac.application_id JOIN organizations o ON o.id = a.org_id
         WHERE ac.contact_id = ?1 AND ac.role = 'referrer'
         ORDER BY coalesce(a.applied_on, a.added_on), a.id",
        COLUMNS
    )
}

/// The applications a contact referred the user to, oldest first.
pub fn referred_by(conn: &Connection, contact_id: i64) -> Result<Vec<Application>> {
    let mut statement = conn.prepare_cached(&referred_sql())?;
    let rows = statement.query_map([contact_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The résumé and cover letter an application was sent with (document ids).
pub fn documents_sent(
    conn: &Connection,
    application_id: i64,
) -> Result<(Option<i64>, Option<i64>)> {
    Ok(conn
        .prepare_cached("SELECT resume_id, cover_letter_id FROM applications WHERE id = ?1")?
        .query_row([application_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((None, None)))
}

/// Sets the résumé and cover letter an application was sent with (`None`:
/// none) and marks it changed when they change.
pub fn set_documents_sent(
    conn: &Connection,
    application_id: i64,
    resume_id: Option<i64>,
    cover_letter_id: Option<i64>,
    timestamp: &str,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE applications SET resume_id = ?2, cover_letter_id = ?3, updated_at = ?4
         WHERE id = ?1 AND (resume_id IS NOT ?2 OR cover_letter_id IS NOT ?3)",
    )?
    .execute(params![
        application_id,
        resume_id,
        cover_letter_id,
        timestamp
    ])?;
    Ok(())
}

/// The applications that name a document as their résumé or cover letter:
/// (id, "title at org"), by id.
pub fn using_document(conn: &Connection, document_id: i64) -> Result<Vec<(i64, String)>> {
    let mut statement = conn.prepare_cached(
        "SELECT a.id, a.title, o.name FROM applications a JOIN organizations o ON o.id = a.org_id
         WHERE a.resume_id = ?1 OR a.cover_letter_id = ?1 ORDER BY a.id",
    )?;
    let rows = statement.query_map([document_id], |r| {
        let title: String = r.get(1)?;
        let org: String = r.get(2)?;
        Ok((r.get(0)?, format!("{title} at {org}")))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{assert_no_full_scan, query_plan};

    /// `sources` gives each stored source once, in order, without reading
    /// the whole index: one seek per distinct value.
    #[test]
    fn sources_are_distinct_sorted_and_sought() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        assert!(sources(&conn).unwrap().is_empty());
        conn.execute_batch(
            "INSERT INTO organizations (id, name, created_at) VALUES (1, 'Mercy', '2026-11-01T00:00:00Z');",
        )
        .unwrap();
        for source in [
            "referral",
            "indeed",
            "",
            "indeed",
            "career_fair",
            "",
            "referral",
        ] {
            conn.execute(
                "INSERT INTO applications (org_id, title, status, source, created_at, updated_at)
                 VALUES (1, 'Clerk', 'applied', nullif(?1, ''), '2026-11-01T00:00:00Z',
                         '2026-11-01T00:00:00Z')",
                [source],
            )
            .unwrap();
        }
        assert_eq!(
            sources(&conn).unwrap(),
            ["career_fair", "indeed", "referral"]
        );
    }

    /// The hot list queries never scan the whole applications table.
    #[test]
    fn list_queries_use_indexes() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 1);
        let filters = [
            Filter::default(),
            Filter {
                limit: Some(51),
                ..Filter::default()
            },
            Filter {
                statuses: vec![Status::Interview],
                ..Filter::default()
            },
            Filter {
                statuses: Status::ACTIVE.to_vec(),
                ..Filter::default()
            },
            Filter {
                source: Some("indeed".into()),
                ..Filter::default()
            },
            Filter {
                org_ids: vec![1],
                ..Filter::default()
            },
            Filter {
                org_ids: vec![1, 2],
                ..Filter::default()
            },
            Filter {
                since: day,
                ..Filter::default()
            },
            Filter {
                qualified: Some(vec!["RHIT".into()]),
                ..Filter::default()
            },
        ];
        // The default list walks the activity index in order: no sort of the whole table.
        let (sql, values) = list_query(&Filter {
            limit: Some(51),
            ..Filter::default()
        });
        let plan = query_plan(&conn, &sql, &values).unwrap().join("\n");
        assert!(
            plan.contains("applications_activity") && !plan.contains("TEMP B-TREE"),
            "{plan}"
        );
        for filter in filters {
            let (sql, values) = list_query(&filter);
            let plan = query_plan(&conn, &sql, &values).unwrap();
            assert_no_full_scan(
                &plan,
                &["applications", "a", "application_events", "e", "ac"],
                &format!("{filter:?}"),
            );
        }
    }
}
