//! Opening the database: where it lives, creating it owner-only, the pragmas
//! every connection gets, IMMEDIATE write transactions and the upgrade ladder.

use std::borrow::Cow;
use std::fs::{self, DirBuilder, OpenOptions};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

use crate::error::{Error, Result};
use crate::files;

pub mod search_index;
pub mod undo;

/// The current schema, run on a new database.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// One upgrade step: takes the database from version `n` to `n + 1`.
pub type Step = fn(&Transaction) -> rusqlite::Result<()>;

/// The upgrade ladder: `UPGRADES[i]` takes version `i + 1` to `i + 2`.
pub const UPGRADES: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2: `certifications.failed_on`, the date of the last failed exam,
/// which a rescheduled exam no longer overwrites (the retake wait counts
/// from it). Filled from the old rows: a `failed` credential failed on its
/// exam date.
fn v1_to_v2(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "ALTER TABLE certifications ADD COLUMN failed_on TEXT CHECK (date(failed_on, '+0 days') IS failed_on);
         UPDATE certifications SET failed_on = exam_on WHERE status = 'failed';",
    )
}

/// The SQL of [`v2_to_v3`] that rebuilds `applications` and `goals`, with
/// their version-3 definitions and indexes, frozen.
const V3_REBUILD: &str = "CREATE TABLE new_applications (
             id                   INTEGER PRIMARY KEY AUTOINCREMENT,
             org_id               INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
             title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
             status               TEXT NOT NULL
                                  CHECK (status IN ('saved', 'applied', 'screening', 'interview', 'offer',
                                                    'accepted', 'rejected', 'withdrawn', 'ghosted')),
             source               TEXT CHECK (source <> '' AND source = lower(trim(source))),
             url                  TEXT CHECK (url <> ''),
             location             TEXT CHECK (location <> ''),
             work_mode            TEXT CHECK (work_mode IN ('onsite', 'hybrid', 'remote')),
             salary_min           REAL CHECK (salary_min >= 0 AND round(salary_min, 2) = salary_min),
             salary_max           REAL CHECK (salary_max >= 0 AND round(salary_max, 2) = salary_max),
             -- The pay period of the figures: NULL exactly when there is no salary.
             salary_period        TEXT CHECK (salary_period IN ('hour', 'month', 'year')),
             applied_on           TEXT CHECK (date(applied_on, '+0 days') IS applied_on),
             follow_up_on         TEXT CHECK (date(follow_up_on, '+0 days') IS follow_up_on),
             referral_contact_id  INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
             notes                TEXT CHECK (notes <> ''),
             created_at           TEXT NOT NULL
                                  CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
             updated_at           TEXT NOT NULL
                                  CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
             -- Derived from application_events by the transaction that writes an
             -- event (never exported; import recomputes them).
             added_on             TEXT CHECK (date(added_on, '+0 days') IS added_on),
             stage_since          TEXT CHECK (date(stage_since, '+0 days') IS stage_since),
             last_activity_on     TEXT CHECK (date(last_activity_on, '+0 days') IS last_activity_on),
             furthest_status      TEXT CHECK (furthest_status IN ('saved', 'applied', 'screening', 'interview',
                                                                  'offer', 'accepted')),
             responded_on         TEXT CHECK (date(responded_on, '+0 days') IS responded_on),
             first_interview_on   TEXT CHECK (date(first_interview_on, '+0 days') IS first_interview_on),
             CHECK (salary_min <= salary_max),
             CHECK ((salary_period IS NULL) = (salary_min IS NULL AND salary_max IS NULL))
         ) STRICT;
         INSERT INTO new_applications (id, org_id, title, status, source, url, location, work_mode, salary_min, salary_max, applied_on, follow_up_on, referral_contact_id, notes, created_at, updated_at, added_on, stage_since, last_activity_on, furthest_status, responded_on, first_interview_on, salary_period)
         SELECT id, org_id, title, status, source, url, location, work_mode, salary_min, salary_max, applied_on, follow_up_on, referral_contact_id, notes, created_at, updated_at, added_on, stage_since, last_activity_on, furthest_status, responded_on, first_interview_on,
                CASE WHEN salary_min IS NULL AND salary_max IS NULL THEN NULL ELSE 'year' END
         FROM applications;
         DROP TABLE applications;
         ALTER TABLE new_applications RENAME TO applications;
         CREATE INDEX applications_org ON applications (org_id);
         CREATE INDEX applications_activity ON applications (last_activity_on, id);
         CREATE INDEX applications_status ON applications (status, last_activity_on);
         CREATE INDEX applications_source ON applications (source, last_activity_on);
         CREATE INDEX applications_applied ON applications (applied_on);
         CREATE INDEX applications_url ON applications (url) WHERE url IS NOT NULL;
         CREATE INDEX applications_follow_up ON applications (follow_up_on) WHERE follow_up_on IS NOT NULL;
         CREATE INDEX applications_referral ON applications (referral_contact_id)
             WHERE referral_contact_id IS NOT NULL;
         CREATE TABLE new_goals (
             metric  TEXT NOT NULL
                     CHECK (metric IN ('applications', 'interactions', 'contacts', 'volunteer_hours',
                                       'interviews', 'events')),
             period  TEXT NOT NULL CHECK (period IN ('week', 'month')),
             target  INTEGER NOT NULL CHECK (target > 0),
             PRIMARY KEY (metric, period)
         ) STRICT;
         INSERT INTO new_goals (metric, period, target) SELECT metric, period, target FROM goals;
         DROP TABLE goals;
         ALTER TABLE new_goals RENAME TO goals;";

/// Version 3 (DESIGN §10.3 and §10.9): salaries may be hourly with cents,
/// so `salary_min`/`salary_max` become REAL and `salary_period` says what
/// they are per (`year` for every stored salary, the only kind version 2
/// knew); every stored `source` is rewritten by the normalization rule so
/// that `Indeed.com` and `indeed` count as one; goals are keyed by metric
/// and period, and count interviews and events too. SQLite cannot change a
/// column's type or a primary key in place, so both tables are rebuilt
/// (new table, copy, drop, rename, indexes) while the ladder holds foreign
/// keys off; the ladder checks them before committing. The definitions are
/// frozen here, as they stood at version 3.
fn v2_to_v3(tx: &Transaction) -> rusqlite::Result<()> {
    let sequence: Option<i64> = tx
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'applications'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    tx.execute_batch(V3_REBUILD)?;
    // Dropping the old table dropped its AUTOINCREMENT counter: keep it, so
    // the id of a deleted application is still never given again.
    if let Some(sequence) = sequence {
        tx.execute(
            "DELETE FROM sqlite_sequence WHERE name = 'applications'",
            [],
        )?;
        tx.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('applications', ?1)",
            [sequence],
        )?;
    }
    let sources: Vec<String> = tx
        .prepare("SELECT DISTINCT source FROM applications WHERE source IS NOT NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for source in sources {
        let normalized = crate::input::normalize_source(&source);
        if normalized.as_deref() != Some(source.as_str()) {
            tx.execute(
                "UPDATE applications SET source = ?1 WHERE source = ?2",
                rusqlite::params![normalized, source],
            )?;
        }
    }
    Ok(())
}

/// The open database's interrupt handle, for the signal handler.
static INTERRUPT: std::sync::Mutex<Option<rusqlite::InterruptHandle>> = std::sync::Mutex::new(None);

/// Stops whatever SQLite statement this process is running (it fails with
/// "interrupted" and its transaction is never committed): for Ctrl-C and
/// SIGTERM.
pub fn interrupt() {
    let handle = INTERRUPT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(handle) = handle.as_ref() {
        handle.interrupt();
    }
}

/// Version 4: the undo log (`undo_log`, its `undo_steps`, and
/// `undo_recording`, which names the entry a command is recording). The
/// triggers that fill it are made by `undo::install_triggers` after every
/// step, from the schema as it then stands.
fn v3_to_v4(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE undo_log (
             seq      INTEGER PRIMARY KEY,
             at       TEXT NOT NULL,
             command  TEXT NOT NULL,
             rows     INTEGER NOT NULL DEFAULT 0 CHECK (rows >= 0),
             bytes    INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
             undone   INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
         ) STRICT;
         CREATE TABLE undo_steps (
             seq   INTEGER NOT NULL REFERENCES undo_log(seq) ON DELETE CASCADE,
             id    INTEGER NOT NULL,
             sql   TEXT NOT NULL,
             rows  INTEGER NOT NULL DEFAULT 1 CHECK (rows >= 0),
             PRIMARY KEY (seq, id)
         ) STRICT, WITHOUT ROWID;
         CREATE TABLE undo_recording (
             seq  INTEGER NOT NULL
         ) STRICT;",
    )
}

/// The SQL of [`v4_to_v5`], with the version-5 definitions of
/// `applications` and `application_events`, the new tables and the
/// calendar triggers, frozen.
const V5_REBUILD: &str = "CREATE TABLE application_contacts (
             application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
             contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
             role            TEXT NOT NULL DEFAULT 'other'
                             CHECK (role IN ('recruiter', 'hiring_manager', 'interviewer', 'referrer', 'reference',
                                             'other')),
             PRIMARY KEY (application_id, contact_id)
         ) STRICT;

         CREATE INDEX application_contacts_contact ON application_contacts (contact_id);

         -- The people an entry was with (interviewers, the person of an employer contact).
         CREATE TABLE entry_contacts (
             event_id    INTEGER NOT NULL REFERENCES application_events(id) ON DELETE CASCADE,
             contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
             PRIMARY KEY (event_id, contact_id)
         ) STRICT;

         CREATE INDEX entry_contacts_contact ON entry_contacts (contact_id);
         INSERT INTO application_contacts (application_id, contact_id, role)
         SELECT id, referral_contact_id, 'referrer' FROM applications
         WHERE referral_contact_id IS NOT NULL
           AND referral_contact_id IN (SELECT id FROM contacts);
         CREATE TABLE new_applications (
             id                   INTEGER PRIMARY KEY AUTOINCREMENT,
             org_id               INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
             title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
             status               TEXT NOT NULL
                                  CHECK (status IN ('saved', 'applied', 'screening', 'interview', 'offer',
                                                    'accepted', 'rejected', 'withdrawn', 'ghosted')),
             source               TEXT CHECK (source <> '' AND source = lower(trim(source))),
             url                  TEXT CHECK (url <> ''),
             location             TEXT CHECK (location <> ''),
             work_mode            TEXT CHECK (work_mode IN ('onsite', 'hybrid', 'remote')),
             salary_min           REAL CHECK (salary_min >= 0 AND round(salary_min, 2) = salary_min),
             salary_max           REAL CHECK (salary_max >= 0 AND round(salary_max, 2) = salary_max),
             -- The pay period of the figures: NULL exactly when there is no salary.
             salary_period        TEXT CHECK (salary_period IN ('hour', 'month', 'year')),
             applied_on           TEXT CHECK (date(applied_on, '+0 days') IS applied_on),
             follow_up_on         TEXT CHECK (date(follow_up_on, '+0 days') IS follow_up_on),
             notes                TEXT CHECK (notes <> ''),
             created_at           TEXT NOT NULL
                                  CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
             updated_at           TEXT NOT NULL
                                  CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
             -- Derived from application_events by the transaction that writes an
             -- event (never exported; import recomputes them).
             added_on             TEXT CHECK (date(added_on, '+0 days') IS added_on),
             stage_since          TEXT CHECK (date(stage_since, '+0 days') IS stage_since),
             last_activity_on     TEXT CHECK (date(last_activity_on, '+0 days') IS last_activity_on),
             furthest_status      TEXT CHECK (furthest_status IN ('saved', 'applied', 'screening', 'interview',
                                                                  'offer', 'accepted')),
             responded_on         TEXT CHECK (date(responded_on, '+0 days') IS responded_on),
             first_interview_on   TEXT CHECK (date(first_interview_on, '+0 days') IS first_interview_on),
             -- The latest news from the employer (applied_on, status changes,
             -- interviews, inbound contacts): the start of a stale spell.
             last_news_on         TEXT CHECK (date(last_news_on, '+0 days') IS last_news_on),
             -- The terms of an offer (`app offer`), kept apart from the posted range.
             offer_salary_min     REAL CHECK (offer_salary_min >= 0 AND round(offer_salary_min, 2) = offer_salary_min),
             offer_salary_max     REAL CHECK (offer_salary_max >= 0 AND round(offer_salary_max, 2) = offer_salary_max),
             offer_salary_period  TEXT CHECK (offer_salary_period IN ('hour', 'month', 'year')),
             offer_deadline       TEXT CHECK (date(offer_deadline, '+0 days') IS offer_deadline),
             offer_start_on       TEXT CHECK (date(offer_start_on, '+0 days') IS offer_start_on),
             CHECK (salary_min <= salary_max),
             CHECK ((salary_period IS NULL) = (salary_min IS NULL AND salary_max IS NULL)),
             CHECK (offer_salary_min <= offer_salary_max),
             CHECK ((offer_salary_period IS NULL) = (offer_salary_min IS NULL AND offer_salary_max IS NULL))
         ) STRICT;
         INSERT INTO new_applications (id, org_id, title, status, source, url, location, work_mode, salary_min, salary_max, salary_period, applied_on, follow_up_on, notes, created_at, updated_at, added_on, stage_since, last_activity_on, furthest_status, responded_on, first_interview_on, last_news_on)
         SELECT id, org_id, title, status, source, url, location, work_mode, salary_min, salary_max, salary_period, applied_on, follow_up_on, notes, created_at, updated_at, added_on, stage_since, last_activity_on, furthest_status, responded_on, first_interview_on,
                (SELECT max(d) FROM (
                    SELECT a.applied_on AS d
                    UNION ALL
                    SELECT max(e.date) FROM application_events e
                    WHERE e.application_id = a.id AND e.kind IN ('status', 'interview')))
         FROM applications a;
         DROP TABLE applications;
         ALTER TABLE new_applications RENAME TO applications;
         CREATE INDEX applications_org ON applications (org_id);
         CREATE INDEX applications_activity ON applications (last_activity_on, id);
         CREATE INDEX applications_status ON applications (status, last_activity_on);
         CREATE INDEX applications_source ON applications (source, last_activity_on);
         CREATE INDEX applications_applied ON applications (applied_on);
         CREATE INDEX applications_url ON applications (url) WHERE url IS NOT NULL;
         CREATE INDEX applications_follow_up ON applications (follow_up_on) WHERE follow_up_on IS NOT NULL;
         CREATE INDEX applications_offer_deadline ON applications (offer_deadline)
             WHERE offer_deadline IS NOT NULL;
         CREATE TABLE new_application_events (
             id              INTEGER PRIMARY KEY AUTOINCREMENT,
             application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
             date            TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
             kind            TEXT NOT NULL
                             CHECK (kind IN ('status', 'interview', 'note', 'follow_up', 'employer_contact')),
             from_status     TEXT CHECK (from_status IN ('saved', 'applied', 'screening', 'interview', 'offer',
                                                         'accepted', 'rejected', 'withdrawn', 'ghosted')),
             to_status       TEXT CHECK (to_status IN ('saved', 'applied', 'screening', 'interview', 'offer',
                                                       'accepted', 'rejected', 'withdrawn', 'ghosted')),
             note            TEXT CHECK (note <> ''),
             -- Interviews: local wall-clock time, length, kind, place or link, outcome.
             at              TEXT CHECK (length(at) = 5 AND at GLOB '[0-2][0-9]:[0-5][0-9]' AND at <= '23:59'),
             minutes         INTEGER CHECK (minutes > 0 AND minutes <= 1440),
             interview_kind  TEXT CHECK (interview_kind IN ('phone', 'video', 'onsite', 'panel', 'technical', 'other')),
             place           TEXT CHECK (place <> ''),
             outcome         TEXT CHECK (outcome IN ('passed', 'rejected', 'pending')),
             -- Employer contacts: how and which way.
             via             TEXT CHECK (via IN ('email', 'phone', 'portal', 'in_person', 'message', 'linkedin', 'mail')),
             direction       TEXT CHECK (direction IN ('outbound', 'inbound')),
             -- The entry whose command wrote this follow_up entry.
             caused_by       INTEGER REFERENCES application_events(id) ON DELETE CASCADE,
             CHECK ((kind = 'status') = (to_status IS NOT NULL)),
             CHECK (kind = 'status' OR from_status IS NULL),
             CHECK (kind = 'interview' OR (at IS NULL AND minutes IS NULL AND interview_kind IS NULL
                                           AND place IS NULL AND outcome IS NULL)),
             CHECK ((kind = 'employer_contact') = (via IS NOT NULL AND direction IS NOT NULL)),
             CHECK (kind = 'employer_contact' OR (via IS NULL AND direction IS NULL)),
             CHECK (kind = 'follow_up' OR caused_by IS NULL)
         ) STRICT;
         INSERT INTO new_application_events (id, application_id, date, kind, from_status, to_status, note)
         SELECT id, application_id, date, kind, from_status, to_status, note FROM application_events;
         DROP TABLE application_events;
         ALTER TABLE new_application_events RENAME TO application_events;
         CREATE INDEX application_events_app ON application_events (application_id, kind, date);
         CREATE INDEX application_events_date ON application_events (date, kind);
         CREATE INDEX application_events_caused_by ON application_events (caused_by) WHERE caused_by IS NOT NULL;
         CREATE TABLE meta (
             key    TEXT PRIMARY KEY,
             value  TEXT NOT NULL
         ) STRICT;
         INSERT INTO meta (key, value) VALUES ('dbid', '');
         CREATE TABLE ics_revisions (
             kind    TEXT NOT NULL,
             row_id  INTEGER NOT NULL,
             seq     INTEGER NOT NULL DEFAULT 0 CHECK (seq >= 0),
             PRIMARY KEY (kind, row_id)
         ) STRICT;
         CREATE TRIGGER ics_app_follow_up AFTER UPDATE OF follow_up_on ON applications
             WHEN NEW.follow_up_on IS NOT OLD.follow_up_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('app_follow_up', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_offer_deadline AFTER UPDATE OF offer_deadline ON applications
             WHEN NEW.offer_deadline IS NOT OLD.offer_deadline
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('offer_deadline', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_stale AFTER UPDATE OF last_news_on ON applications
             WHEN NEW.last_news_on IS NOT OLD.last_news_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('stale', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_contact_follow_up AFTER UPDATE OF follow_up_on ON contacts
             WHEN NEW.follow_up_on IS NOT OLD.follow_up_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('contact_follow_up', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_exam AFTER UPDATE OF exam_on ON certifications
             WHEN NEW.exam_on IS NOT OLD.exam_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('exam', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_ceu_deadline AFTER UPDATE OF passed_on ON certifications
             WHEN NEW.passed_on IS NOT OLD.passed_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('ceu_deadline', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_event AFTER UPDATE OF date ON events
             WHEN NEW.date IS NOT OLD.date
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('event', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         CREATE TRIGGER ics_renewal AFTER UPDATE OF renews_on ON memberships
             WHEN NEW.renews_on IS NOT OLD.renews_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('renewal', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;

         -- An interview entry dates two items: the interview and its thank-you.
         CREATE TRIGGER ics_interview AFTER UPDATE OF date, at, minutes ON application_events
             WHEN NEW.kind = 'interview'
              AND (NEW.date IS NOT OLD.date OR NEW.at IS NOT OLD.at OR NEW.minutes IS NOT OLD.minutes)
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('interview', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('thank_you', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;";

/// Version 5 (DESIGN §10.5 and §10.9): employer contacts, interview
/// details, people on applications, offers and calendar revisions.
/// `application_events` gains the interview and contact columns and the
/// `employer_contact` kind; `applications` gains the offer's terms and
/// loses `referral_contact_id`, whose contacts become `referrer` links in
/// `application_contacts`; `entry_contacts`, `meta` and `ics_revisions`
/// are new. Both tables are rebuilt (a CHECK cannot change in place) while
/// the ladder holds foreign keys off. An upgraded database gets an empty
/// `dbid`, so the calendar UIDs it gave before stay the same.
fn v4_to_v5(tx: &Transaction) -> rusqlite::Result<()> {
    let sequences = autoincrement_counters(tx, &["applications", "application_events"])?;
    tx.execute_batch(V5_REBUILD)?;
    restore_counters(tx, &sequences)
}

/// Version 6 (DESIGN §10.9, goals): the `employer_contacts` metric, the
/// outbound contacts with employers that version 5 records. Its CHECK lists
/// the metrics, so `goals` is rebuilt (foreign keys are off on the ladder;
/// nothing refers to goals). Frozen as it stood at version 6.
fn v5_to_v6(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE new_goals (
             metric  TEXT NOT NULL
                     CHECK (metric IN ('applications', 'interactions', 'contacts', 'volunteer_hours',
                                       'interviews', 'events', 'employer_contacts')),
             period  TEXT NOT NULL CHECK (period IN ('week', 'month')),
             target  INTEGER NOT NULL CHECK (target > 0),
             PRIMARY KEY (metric, period)
         ) STRICT;
         INSERT INTO new_goals (metric, period, target) SELECT metric, period, target FROM goals;
         DROP TABLE goals;
         ALTER TABLE new_goals RENAME TO goals;",
    )
}

/// The search index of version 7, frozen as it stood: the FTS5 table, the
/// views that say what each record puts in it, the triggers that keep it in
/// step, and the rows of the records already stored.
const V7_SEARCH: &str = "CREATE VIRTUAL TABLE search_index USING fts5(
             title, body, tokenize = 'unicode61 remove_diacritics 2'
         );

         -- What an application puts in the index: its organization's name and its
         -- title, then its notes and description.
         CREATE VIEW search_applications (id, title, body) AS
             SELECT a.id, o.name || ' ' || a.title,
                    coalesce(a.notes || char(10) || a.description, a.notes, a.description)
             FROM applications a JOIN organizations o ON o.id = a.org_id
    WHERE a.id < 1152921504606846976;

         CREATE VIEW search_source (key, kind, id, title, body) AS
             SELECT id * 8 + 1, 1, id, title, body FROM search_applications
             UNION ALL
             SELECT id * 8 + 2, 2, id, NULL, note FROM application_events
    WHERE note IS NOT NULL AND kind <> 'follow_up' AND id < 1152921504606846976
             UNION ALL
             SELECT id * 8 + 3, 3, id, name, coalesce(role || char(10) || notes, role, notes) FROM contacts
    WHERE id < 1152921504606846976
             UNION ALL
             SELECT id * 8 + 4, 4, id, NULL, note FROM interactions
    WHERE note IS NOT NULL AND id < 1152921504606846976
             UNION ALL
             SELECT id * 8 + 5, 5, id, title, notes FROM events WHERE id < 1152921504606846976
             UNION ALL
             SELECT id * 8 + 6, 6, id, name, notes FROM organizations WHERE id < 1152921504606846976
             UNION ALL
             SELECT id * 8 + 7, 7, id, name, NULL FROM documents WHERE id < 1152921504606846976;

         CREATE TRIGGER search_applications_insert AFTER INSERT ON applications
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 1 AND id = NEW.id;
         END;

         CREATE TRIGGER search_applications_update AFTER UPDATE OF org_id, title, notes, description ON applications
             WHEN NEW.org_id IS NOT OLD.org_id OR NEW.title IS NOT OLD.title OR NEW.notes IS NOT OLD.notes
               OR NEW.description IS NOT OLD.description
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 1 AND id = NEW.id;
         END;

         CREATE TRIGGER search_applications_delete AFTER DELETE ON applications
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1;
         END;

         CREATE TRIGGER search_application_events_insert AFTER INSERT ON application_events
             WHEN NEW.note IS NOT NULL AND NEW.kind <> 'follow_up'
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 2 AND id = NEW.id;
         END;

         CREATE TRIGGER search_application_events_update AFTER UPDATE OF note ON application_events
             WHEN NEW.note IS NOT OLD.note
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 2 AND id = NEW.id;
         END;

         CREATE TRIGGER search_application_events_delete AFTER DELETE ON application_events
             WHEN OLD.note IS NOT NULL
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2;
         END;

         CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 3 AND id = NEW.id;
         END;

         CREATE TRIGGER search_contacts_update AFTER UPDATE OF name, role, notes ON contacts
             WHEN NEW.name IS NOT OLD.name OR NEW.role IS NOT OLD.role OR NEW.notes IS NOT OLD.notes
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 3 AND id = NEW.id;
         END;

         CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3;
         END;

         CREATE TRIGGER search_interactions_insert AFTER INSERT ON interactions
             WHEN NEW.note IS NOT NULL
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 4 AND id = NEW.id;
         END;

         CREATE TRIGGER search_interactions_update AFTER UPDATE OF note ON interactions
             WHEN NEW.note IS NOT OLD.note
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 4 AND id = NEW.id;
         END;

         CREATE TRIGGER search_interactions_delete AFTER DELETE ON interactions
             WHEN OLD.note IS NOT NULL
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4;
         END;

         CREATE TRIGGER search_events_insert AFTER INSERT ON events
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 5 AND id = NEW.id;
         END;

         CREATE TRIGGER search_events_update AFTER UPDATE OF title, notes ON events
             WHEN NEW.title IS NOT OLD.title OR NEW.notes IS NOT OLD.notes
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 5 AND id = NEW.id;
         END;

         CREATE TRIGGER search_events_delete AFTER DELETE ON events
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5;
         END;

         CREATE TRIGGER search_organizations_insert AFTER INSERT ON organizations
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 6 AND id = NEW.id;
             -- Applications put back before their organization (an undo or redo
             -- replays rows in any order) enter the index with it.
             INSERT INTO search_index (rowid, title, body)
                 SELECT id * 8 + 1, title, body FROM search_applications
                 WHERE id IN (SELECT id FROM applications WHERE org_id = NEW.id);
         END;

         -- A new name also reaches the applications that show it.
         CREATE TRIGGER search_organizations_update AFTER UPDATE OF name, notes ON organizations
             WHEN NEW.name IS NOT OLD.name OR NEW.notes IS NOT OLD.notes
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 6 AND id = NEW.id;
             DELETE FROM search_index WHERE NEW.name IS NOT OLD.name
                 AND rowid IN (SELECT id * 8 + 1 FROM applications WHERE org_id = NEW.id);
             INSERT INTO search_index (rowid, title, body)
                 SELECT id * 8 + 1, title, body FROM search_applications
                 WHERE NEW.name IS NOT OLD.name AND id IN (SELECT id FROM applications WHERE org_id = NEW.id);
         END;

         CREATE TRIGGER search_organizations_delete AFTER DELETE ON organizations
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 6;
         END;

         CREATE TRIGGER search_documents_insert AFTER INSERT ON documents
         BEGIN
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 7 AND id = NEW.id;
         END;

         CREATE TRIGGER search_documents_update AFTER UPDATE OF name ON documents
             WHEN NEW.name IS NOT OLD.name
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
             INSERT INTO search_index (rowid, title, body)
                 SELECT key, title, body FROM search_source WHERE kind = 7 AND id = NEW.id;
         END;

         CREATE TRIGGER search_documents_delete AFTER DELETE ON documents
         BEGIN
             DELETE FROM search_index WHERE rowid = OLD.id * 8 + 7;
         END;
         INSERT INTO search_index (rowid, title, body) SELECT key, title, body FROM search_source;";

/// Version 7 (DESIGN §10.6, §10.9): postings and documents. Applications
/// gain the posting's dates, employment type and description and the
/// résumé and cover letter sent (→ `documents`, new); a changed closing
/// date raises its calendar SEQUENCE; everything stored enters the search
/// index (`V7_SEARCH`). Columns are added in place (nothing else changes),
/// so no table is rebuilt. Frozen as it stood at version 7.
fn v6_to_v7(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE TABLE documents (
             id        INTEGER PRIMARY KEY AUTOINCREMENT,
             sha256    TEXT NOT NULL UNIQUE
                       CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
             kind      TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('resume', 'cover_letter', 'other')),
             name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
             size      INTEGER NOT NULL CHECK (size >= 0 AND size <= 20971520),
             added_on  TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),
             content   BLOB NOT NULL CHECK (length(content) = size)
         ) STRICT;
         ALTER TABLE applications ADD COLUMN
             posted_on TEXT CHECK (date(posted_on, '+0 days') IS posted_on);
         ALTER TABLE applications ADD COLUMN
             closes_on TEXT CHECK (date(closes_on, '+0 days') IS closes_on);
         ALTER TABLE applications ADD COLUMN
             employment_type TEXT CHECK (employment_type IN ('full_time', 'part_time', 'contract',
                                         'temporary', 'internship', 'per_diem', 'other'));
         ALTER TABLE applications ADD COLUMN description TEXT CHECK (description <> '');
         ALTER TABLE applications ADD COLUMN
             resume_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;
         ALTER TABLE applications ADD COLUMN
             cover_letter_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;
         CREATE INDEX applications_closes ON applications (closes_on) WHERE closes_on IS NOT NULL;
         CREATE INDEX applications_resume ON applications (resume_id) WHERE resume_id IS NOT NULL;
         CREATE INDEX applications_cover_letter ON applications (cover_letter_id)
             WHERE cover_letter_id IS NOT NULL;
         CREATE TRIGGER ics_closing AFTER UPDATE OF closes_on ON applications
             WHEN NEW.closes_on IS NOT OLD.closes_on
         BEGIN
             INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('closing', NEW.id, 1)
                 ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
         END;",
    )?;
    tx.execute_batch(V7_SEARCH)
}

/// The AUTOINCREMENT counters of `tables`, read before a rebuild drops them.
fn autoincrement_counters(
    tx: &Transaction,
    tables: &[&str],
) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut counters = Vec::new();
    for table in tables {
        let seq: Option<i64> = tx
            .query_row(
                "SELECT seq FROM sqlite_sequence WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(seq) = seq {
            counters.push(((*table).to_string(), seq));
        }
    }
    Ok(counters)
}

/// Puts back the counters `autoincrement_counters` read, so the id of a
/// deleted row is still never given again.
fn restore_counters(tx: &Transaction, counters: &[(String, i64)]) -> rusqlite::Result<()> {
    for (table, seq) in counters {
        tx.execute("DELETE FROM sqlite_sequence WHERE name = ?1", [table])?;
        tx.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES (?1, ?2)",
            rusqlite::params![table, seq],
        )?;
    }
    Ok(())
}

/// The first version with the undo log.
const UNDO_LOG_SINCE: i64 = 4;

/// The schema version this binary writes (`PRAGMA user_version`).
pub const CURRENT_VERSION: i64 = UPGRADES.len() as i64 + 1;

/// Whether a command may create a missing database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reads (and `rm`): a missing database is an error.
    Existing,
    /// Writes: a missing database is created from `schema.sql`.
    Create,
}

/// Where the database is and whether jobtrack chose the place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbPath {
    /// The database file.
    pub path: PathBuf,
    /// True for the default location, whose `jobtrack` folder jobtrack may create.
    pub is_default: bool,
}

/// Resolves the database path: `--db`/`JOBTRACK_DB` (empty counts as unset),
/// else `$XDG_DATA_HOME/jobtrack/jobtrack.db`, else the platform data folder.
pub fn resolve_path(flag: Option<&Path>, xdg_data_home: Option<&Path>) -> Result<DbPath> {
    if let Some(path) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(DbPath {
            path: path.to_path_buf(),
            is_default: false,
        });
    }
    let base = xdg_data_home
        .filter(|p| p.is_absolute())
        .map(Path::to_path_buf)
        .or_else(dirs::data_dir)
        .ok_or_else(|| {
            Error::Runtime(
                "cannot find a data folder for the database; give one with --db PATH or JOBTRACK_DB"
                    .into(),
            )
        })?;
    Ok(DbPath {
        path: base.join("jobtrack").join("jobtrack.db"),
        is_default: true,
    })
}

/// What `open` found or did, for `init`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The file was created now.
    Created,
    /// The file existed at an older version and was upgraded.
    Upgraded(i64),
    /// The file existed at the current version.
    Existing,
}

/// Opens (and, with `Access::Create`, creates) the database, sets the
/// pragmas, and brings an older schema up to date.
pub fn open(db: &DbPath, access: Access) -> Result<(Connection, Opened)> {
    let path = &db.path;
    let exists = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::Runtime(format!(
                "{} is a folder, not a database file",
                path.display()
            )))
        }
        Ok(meta) if meta.len() == 0 && access == Access::Existing => {
            // An empty file (say, made by `touch`): a read must not write a
            // schema into it.
            return Err(empty_file(path));
        }
        Ok(_) => true,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(Error::io(path, e)),
    };
    let mut created = false;
    if !exists {
        if access == Access::Existing {
            return Err(Error::NoDatabase(path.clone()));
        }
        created = create_database(db)?;
    }
    let mut conn = Connection::open_with_flags(
        plain_name(path),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| explain(e.into(), path))?;
    match configure(&conn).and_then(|()| prepare_schema(&mut conn, path, access)) {
        Ok(opened) => {
            if access == Access::Existing {
                // Reads (reports, lists) go through a memory map instead of
                // a read() per page; writes touch few pages and skip it.
                conn.pragma_update(None, "mmap_size", 256i64 << 20)
                    .map_err(|e| explain(e.into(), path))?;
            }
            let opened = if created { Opened::Created } else { opened };
            *INTERRUPT.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(conn.get_interrupt_handle());
            Ok((conn, opened))
        }
        // A file we may not write, in a folder we may not write either:
        // SQLite cannot set up its WAL index, so reads go through an
        // immutable read-only view (nobody can be writing it). Writes still
        // fail with the read-only message.
        Err(e) if access == Access::Existing && is_read_only_failure(&e) && !writable(path) => {
            drop(conn);
            open_immutable(path)
        }
        Err(e) => Err(explain(e, path)),
    }
}

fn is_read_only_failure(err: &Error) -> bool {
    matches!(err, Error::Sqlite(e) if matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
    ))
}

fn writable(path: &Path) -> bool {
    OpenOptions::new().write(true).open(path).is_ok()
}

fn open_immutable(path: &Path) -> Result<(Connection, Opened)> {
    // Every byte outside plain ASCII is escaped, so a name that is not
    // UTF-8 reaches SQLite unchanged.
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_bytes() {
        match byte {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{byte:02X}")),
            b if b.is_ascii_graphic() || b == b' ' => uri.push(char::from(b)),
            b => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    let conn = Connection::open_with_flags(
        &uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| explain(e.into(), path))?;
    configure(&conn).map_err(|e| explain(e, path))?;
    let version = user_version(&conn).map_err(|e| explain(e.into(), path))?;
    if version != CURRENT_VERSION {
        return Err(Error::Runtime(format!(
            "database version {version} at {} cannot be used read-only; run 'jobtrack init' with write access",
            path.display()
        )));
    }
    Ok((conn, Opened::Existing))
}

fn empty_file(path: &Path) -> Error {
    Error::Runtime(format!(
        "{} is an empty file, not a jobtrack database yet (run 'jobtrack init' to make it one)",
        path.display()
    ))
}

/// Creates the database file with its schema; false when another command
/// created it first.
fn create_database(db: &DbPath) -> Result<bool> {
    let path = &db.path;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if db.is_default {
        // A fresh account may have no ~/.local/share yet: create the data
        // folder with its parents, each new one owner-only, as XDG asks.
        // Folders that exist keep their mode.
        if !parent.is_dir() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&parent)
                .map_err(|e| Error::io(&parent, e))?;
        }
    } else if !parent.is_dir() {
        return Err(Error::Runtime(format!(
            "the folder {} does not exist; create it first or choose another --db path",
            parent.display()
        )));
    }
    // Build the whole database (schema, WAL mode) in a private file beside
    // the target, then link it into place: the path never holds a
    // half-made database, and when two commands create it at once, one
    // wins and the other simply opens the winner's.
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".new-{}", std::process::id()));
    let temp = parent.join(name);
    files::remove_stale_temps(&parent);
    let made = (|| -> Result<bool> {
        let _temp = files::TrackedTemp::create(&temp).map_err(|e| {
            Error::Runtime(format!(
                "cannot create the database {}: {e}",
                path.display()
            ))
        })?;
        {
            let mut conn = Connection::open(plain_name(&temp))?;
            configure(&conn)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            create_schema(&tx)?;
            tx.commit()?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        match fs::hard_link(&temp, path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            // A file system without hard links: rename, unless another
            // command has made the database meanwhile.
            Err(_) if !path.exists() => fs::rename(&temp, path)
                .map(|()| true)
                .map_err(|e| Error::io(path, e)),
            Err(_) => Ok(false),
        }
    })();
    let _ = fs::remove_file(&temp);
    made
}

/// A path SQLite reads as a plain file name: SQLite takes a name starting
/// with `file:` as a URI (and drops its query), so such a relative path is
/// given as `./file:…`. Other paths, including names that are not UTF-8,
/// pass unchanged.
pub fn plain_name(path: &Path) -> Cow<'_, Path> {
    if path.is_relative() && path.as_os_str().as_bytes().starts_with(b"file:") {
        Cow::Owned(Path::new(".").join(path))
    } else {
        Cow::Borrowed(path)
    }
}

/// Builds a new database: `schema.sql`, then the undo triggers.
fn create_schema(tx: &Transaction) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    undo::install_triggers(tx)
}

/// The per-connection settings of DESIGN §3, all outside any transaction.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(60))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

fn prepare_schema(conn: &mut Connection, path: &Path, access: Access) -> Result<Opened> {
    let version = user_version(conn)?;
    if version == 0 {
        let objects: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if objects == 0 && access == Access::Existing {
            // An empty SQLite file (made by another program): a read must
            // not write a schema into it, just as with an empty file.
            return Err(empty_file(path));
        }
        if objects > 0 {
            return Err(Error::Runtime(format!(
                "{} is a SQLite database but not a jobtrack one (it has tables and no jobtrack version); \
                 choose another --db path",
                path.display()
            )));
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have created the schema while this one waited
        // for the write lock: look again under the lock.
        let created_meanwhile: i64 =
            tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if created_meanwhile == 0 {
            create_schema(&tx)?;
        }
        tx.commit()?;
        if created_meanwhile > 0 {
            return prepare_schema(conn, path, access);
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        return Ok(Opened::Created);
    }
    if version > CURRENT_VERSION {
        return Err(Error::Runtime(format!(
            "the database at {} has schema version {version}, newer than this jobtrack understands \
             ({CURRENT_VERSION}); use a newer jobtrack",
            path.display()
        )));
    }
    if version < CURRENT_VERSION {
        if conn.is_readonly("main")? {
            return Err(Error::Runtime(format!(
                "database version {version} needs upgrading; run 'jobtrack init' with write access to {}",
                path.display()
            )));
        }
        let backup = backup_path(path, version);
        if !backup.exists() {
            snapshot_into(conn, &backup, false)?;
        }
        upgrade(conn, version, UPGRADES)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        return Ok(Opened::Upgraded(version));
    }
    Ok(Opened::Existing)
}

/// Writes a consistent copy of the open database to `target` through the
/// private writer (0600, renamed into place; without `force` an existing
/// `target` is refused): filled by `VACUUM INTO`, put in WAL mode like
/// every jobtrack database, and read back (`verify_copy`) before it takes
/// the target's name, so the copy is known to be usable. Returns its size.
pub fn snapshot_into(conn: &Connection, target: &Path, force: bool) -> Result<u64> {
    files::write_private(target, &files::folder_of(target), force, |_, temp| {
        // `data_version` changes when another connection commits: unchanged
        // across the copy means the source still holds what was copied.
        let before = data_version(conn)?;
        // The name goes in as its bytes (a BLOB cast to TEXT), so a folder
        // whose name is not UTF-8 is written to, not a lossy copy of it.
        let name = plain_name(temp);
        conn.execute(
            "VACUUM INTO CAST(?1 AS TEXT)",
            [name.as_os_str().as_bytes()],
        )?;
        let copy = Connection::open(&name)?;
        copy.pragma_update(None, "journal_mode", "WAL")?;
        verify_copy(conn, &copy, before).map_err(|problem| {
            Error::Runtime(format!(
                "the copy for {} did not read back as written ({problem}); nothing was saved",
                target.display()
            ))
        })?;
        drop(copy);
        Ok(fs::metadata(temp).map_err(|e| Error::io(target, e))?.len())
    })
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "data_version", |r| r.get(0))?)
}

/// Reads a fresh copy back: SQLite's integrity check, the same schema
/// version and tables, and (when no one wrote the source since
/// `data_version` read `before`, checked after the source was counted) the
/// same number of rows in every table. Says what differs.
fn verify_copy(source: &Connection, copy: &Connection, before: i64) -> Result<(), String> {
    let failed = |e: rusqlite::Error| e.to_string();
    if let Some(problem) = page_problems(copy, "integrity_check").map_err(failed)? {
        return Err(format!("integrity check: {problem}"));
    }
    if user_version(copy).map_err(failed)? != user_version(source).map_err(failed)? {
        return Err("the schema version differs".into());
    }
    let source_counts = row_counts(source).map_err(failed)?;
    // Counted after the copy: only a source no other command wrote since
    // before the copy must hold as many rows as the copy.
    let same_rows = data_version(source).map_err(|e| e.to_string())? == before;
    let copy_counts = row_counts(copy).map_err(failed)?;
    let same_tables = source_counts.len() == copy_counts.len()
        && source_counts
            .iter()
            .zip(&copy_counts)
            .all(|(a, b)| a.0 == b.0);
    if !same_tables {
        return Err("the tables differ".into());
    }
    if same_rows {
        if let Some(((table, n), (_, m))) = source_counts
            .iter()
            .zip(&copy_counts)
            .find(|(a, b)| a.1 != b.1)
        {
            return Err(format!("{table} holds {n} rows, the copy {m}"));
        }
    }
    Ok(())
}

/// The number of rows in every table, by name.
fn row_counts(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names
        .into_iter()
        .map(|name| {
            let quoted = name.replace('"', "\"\"");
            let n = conn.query_row(&format!("SELECT count(*) FROM \"{quoted}\""), [], |r| {
                r.get(0)
            })?;
            Ok((name, n))
        })
        .collect()
}

/// Removes a database this command created, after the command failed, when
/// it still holds no rows (checked under the write lock, so a row another
/// command added meanwhile keeps it). Best effort: the command's own error
/// is what the user needs to see.
pub fn discard_new(path: &Path) {
    let Ok(mut conn) = Connection::open(plain_name(path)) else {
        return;
    };
    let _ = conn.busy_timeout(Duration::from_secs(5));
    let Ok(tx) = conn.transaction_with_behavior(TransactionBehavior::Immediate) else {
        return;
    };
    // `meta` holds the database's own id from its creation on, and the
    // search index's FTS5 storage its settings: not rows anyone added.
    let empty = row_counts(&tx).is_ok_and(|counts| {
        counts.iter().all(|(table, n)| {
            *n == 0
                || table == "meta"
                || table == "sqlite_sequence"
                || table.starts_with("search_index_")
        })
    });
    if empty {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let _ = fs::remove_file(PathBuf::from(name));
        }
    }
    drop(tx);
}

/// SQLite's `quick_check` for `backup`: a database with damaged pages is
/// refused instead of copied. Names the path.
pub fn refuse_damage(conn: &Connection, path: &Path) -> Result<()> {
    match page_problems(conn, "quick_check").map_err(|e| explain(e.into(), path))? {
        None => Ok(()),
        Some(problem) => Err(damaged(path, &problem)),
    }
}

/// The first problem `pragma` (`quick_check` or `integrity_check`) finds
/// in the file's pages. Rows that break a CHECK or NOT NULL rule (a hand
/// edit) are not damage: they copy as they are, and `doctor` names them.
fn page_problems(conn: &Connection, pragma: &str) -> rusqlite::Result<Option<String>> {
    let mut statement = conn.prepare(&format!("PRAGMA {pragma}(100)"))?;
    let lines = statement.query_map([], |r| r.get::<_, String>(0))?;
    for line in lines {
        let line = line?;
        let row_rule =
            line.starts_with("CHECK constraint failed") || line.starts_with("NULL value in");
        if line != "ok" && !row_rule {
            return Ok(Some(line));
        }
    }
    Ok(None)
}

fn damaged(path: &Path, problem: &str) -> Error {
    Error::Runtime(format!(
        "the database at {} has damaged pages ({problem}); nothing was written. \
         Run 'jobtrack doctor' for how to recover",
        path.display()
    ))
}

/// The copy made before upgrading from `version`: `PATH.v<N>.bak`.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".v{version}.bak"));
    PathBuf::from(name)
}

/// Runs the steps that take `from` to the top of `steps`, each in its own
/// IMMEDIATE transaction that also bumps `user_version`. Foreign keys are
/// off while the steps run, so that a step may rebuild a table others
/// point at (dropping it would otherwise cascade); each transaction checks
/// every foreign key before it commits, and the setting comes back on
/// whatever happens; it also remakes
/// the undo triggers from the schema the step left, and the undo log starts
/// afresh (the copy made before upgrading is the way back).
pub fn upgrade(conn: &mut Connection, from: i64, steps: &[Step]) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let climbed = climb(conn, from, steps);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    climbed
}

fn climb(conn: &mut Connection, from: i64, steps: &[Step]) -> Result<()> {
    for (index, step) in steps.iter().enumerate() {
        let step_from = index as i64 + 1;
        if step_from < from {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        step(&tx)?;
        // Before the check: version 6 emptied the log with foreign keys
        // off and left its steps behind, which would count as broken.
        if step_from + 1 >= UNDO_LOG_SINCE {
            undo::clear(&tx)?;
        }
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(Error::Runtime(format!(
                "upgrading from version {step_from} would leave {broken} broken references; \
                 nothing was changed"
            )));
        }
        undo::install_triggers(&tx)?;
        tx.pragma_update(None, "user_version", step_from + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The database's random id (`meta.dbid`), which calendar UIDs carry so
/// that two databases never collide; empty for a database upgraded from
/// before it was kept, whose UIDs stay as they were.
pub fn dbid(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = 'dbid'", [], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or_default())
}

/// Starts the one IMMEDIATE transaction of a write.
/// It records the command's undo entry (`undo::begin`).
pub fn write(conn: &mut Connection) -> Result<Transaction<'_>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    undo::begin(&tx)?;
    Ok(tx)
}

/// Commits a write with its undo entry. Debug builds honour `JOBTRACK_ABORT_BEFORE_COMMIT=1`, a
/// crash hook for the reliability tests.
pub fn commit(tx: Transaction<'_>) -> Result<()> {
    undo::finish(&tx)?;
    #[cfg(debug_assertions)]
    if std::env::var_os("JOBTRACK_ABORT_BEFORE_COMMIT").is_some_and(|v| v == "1") {
        std::process::abort();
    }
    tx.commit()?;
    Ok(())
}

/// Turns SQLite's busy, read-only and not-a-database errors into messages
/// that name the file and say what to do.
pub fn explain(err: Error, path: &Path) -> Error {
    let Error::Sqlite(sqlite) = &err else {
        return err;
    };
    match sqlite.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy(path.to_path_buf()),
        Some(ErrorCode::ReadOnly) => Error::Runtime(format!(
            "the database at {} is read-only for jobtrack and this command writes; check the permissions \
             of the file, its -wal and -shm files and its folder ('jobtrack doctor' shows them)",
            path.display()
        )),
        Some(ErrorCode::DatabaseCorrupt) => damaged(path, &sqlite.to_string()),
        Some(ErrorCode::NotADatabase) => Error::Runtime(format!(
            "{} is not a SQLite database (or it is damaged); choose another --db path or restore a backup",
            path.display()
        )),
        Some(ErrorCode::DiskFull | ErrorCode::SystemIoFailure) => Error::Runtime(format!(
            "could not write to the database at {} ({sqlite}): the disk may be full or a file size limit \
             reached; this command's changes were not saved — free some space and try again",
            path.display()
        )),
        Some(ErrorCode::CannotOpen) => Error::Runtime(format!(
            "cannot open the database at {}: {sqlite}",
            path.display()
        )),
        _ if sqlite.to_string().ends_with("no such table: main.search_index")
            || sqlite.to_string().ends_with("no such table: search_index") =>
        {
            Error::Runtime(format!(
                "the search index of the database at {} is missing; nothing was written. Run \
                 'jobtrack doctor --fix' to make it again from your records",
                path.display()
            ))
        }
        _ => err,
    }
}

/// The `EXPLAIN QUERY PLAN` lines of a query, for the tests that keep hot
/// queries on their indexes.
pub fn query_plan(
    conn: &Connection,
    sql: &str,
    values: &[rusqlite::types::Value],
) -> Result<Vec<String>> {
    let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let rows = statement.query_map(rusqlite::params_from_iter(values), |r| {
        r.get::<_, String>(3)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Panics when a plan scans one of `tables` (by name or alias in
/// parentheses, as `SCAN a (applications)` is not printed but `SCAN a` is)
/// without an index. For tests.
pub fn assert_no_full_scan(plan: &[String], tables: &[&str], context: &str) {
    for line in plan {
        let Some(rest) = line.trim().strip_prefix("SCAN ") else {
            continue;
        };
        let scanned = rest.split_whitespace().next().unwrap_or("");
        let indexed = rest.contains("USING INDEX") || rest.contains("USING COVERING INDEX");
        if tables.contains(&scanned) && !indexed {
            panic!("{context}: full scan of {scanned}:\n{}", plan.join("\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(SCHEMA).unwrap();
        tx.commit().unwrap();
        conn
    }

    #[test]
    fn schema_is_at_the_current_version() {
        let conn = fresh();
        assert_eq!(user_version(&conn).unwrap(), CURRENT_VERSION);
    }

    #[test]
    fn ladder_runs_each_step_once_and_bumps_the_version() {
        let mut conn = fresh();
        let steps: &[Step] = &[|tx| tx.execute_batch("ALTER TABLE goals ADD COLUMN note TEXT")];
        upgrade(&mut conn, 1, steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        conn.execute("INSERT INTO goals (metric, period, target, note) VALUES ('applications', 'week', 5, 'x')", [])
            .unwrap();
        // Already at version 2: the step is skipped.
        upgrade(&mut conn, 2, steps).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
    }

    #[test]
    fn a_failing_step_leaves_the_version_and_schema_alone() {
        let mut conn = fresh();
        let steps: &[Step] = &[|tx| {
            tx.execute_batch("ALTER TABLE goals ADD COLUMN note TEXT; SELECT no_such_function();")
        }];
        let before = user_version(&conn).unwrap();
        assert!(upgrade(&mut conn, 1, steps).is_err());
        assert_eq!(user_version(&conn).unwrap(), before);
        let has_note: i64 = conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('goals') WHERE name = 'note'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(has_note, 0);
    }

    #[test]
    fn path_resolution_order() {
        let flag = Path::new("/tmp/x.db");
        let xdg = Path::new("/home/u/.local/share");
        assert_eq!(resolve_path(Some(flag), Some(xdg)).unwrap().path, flag);
        let default = resolve_path(Some(Path::new("")), Some(xdg)).unwrap();
        assert_eq!(default.path, xdg.join("jobtrack/jobtrack.db"));
        assert!(default.is_default);
        // A relative XDG_DATA_HOME is invalid by the XDG spec and ignored.
        let fallback = resolve_path(None, Some(Path::new("relative"))).unwrap();
        assert!(fallback.path.ends_with("jobtrack/jobtrack.db"));
        assert!(!fallback.path.starts_with("relative"));
    }

    #[test]
    fn foreign_keys_are_enforced_even_when_the_library_default_is_off() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        conn.execute_batch(SCHEMA).unwrap();
        configure(&conn).unwrap();
        let on: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
        let orphan = conn.execute(
            "INSERT INTO volunteer_shifts (org_id, date, hours) VALUES (999, '2026-01-01', 2)",
            [],
        );
        assert!(orphan.is_err());
    }
}
