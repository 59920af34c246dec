-- jobtrack schema: the one source of truth for tables.
--
-- Embedded in the binary with include_str! and run on a new database. Every
-- invariant the program relies on is a constraint here, so a database edited
-- by hand with any SQLite tool stays valid. Dates are TEXT 'YYYY-MM-DD'
-- (checked with date(x) = x, which also refuses 2026-02-30); timestamps are
-- TEXT 'YYYY-MM-DDTHH:MM:SSZ'. Nothing here reads the clock: today is always
-- bound by the program. Ids are AUTOINCREMENT so a deleted record's id is
-- never given to a new one (scripts, notes and calendar UIDs keep meaning).

CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE
                CHECK (length(trim(name)) > 0 AND name = trim(name)),
    website     TEXT CHECK (website <> ''),
    location    TEXT CHECK (location <> ''),
    notes       TEXT CHECK (notes <> ''),
    created_at  TEXT NOT NULL
                CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')
) STRICT;

CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    org_id        INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
    role          TEXT CHECK (role <> ''),
    email         TEXT CHECK (email <> ''),
    phone         TEXT CHECK (phone <> ''),
    linkedin_url  TEXT CHECK (linkedin_url <> ''),
    relationship  TEXT NOT NULL DEFAULT 'other'
                  CHECK (relationship IN ('mentor', 'friend', 'colleague', 'recruiter', 'alumni',
                                          'career_office', 'professional', 'other')),
    met_via       TEXT CHECK (met_via <> ''),
    added_on      TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),
    follow_up_on  TEXT CHECK (date(follow_up_on, '+0 days') IS follow_up_on),
    notes         TEXT CHECK (notes <> '')
) STRICT;

CREATE INDEX contacts_org ON contacts (org_id);
CREATE INDEX contacts_follow_up ON contacts (follow_up_on) WHERE follow_up_on IS NOT NULL;
CREATE INDEX contacts_added ON contacts (added_on);
CREATE INDEX contacts_linkedin ON contacts (linkedin_url) WHERE linkedin_url IS NOT NULL;

-- Files the user keeps with their search (résumés, cover letters), stored
-- whole and identified by their SHA-256: the same bytes twice are one row.
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256    TEXT NOT NULL UNIQUE
              CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind      TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('resume', 'cover_letter', 'other')),
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    size      INTEGER NOT NULL CHECK (size >= 0 AND size <= 20971520),
    added_on  TEXT NOT NULL CHECK (date(added_on, '+0 days') IS added_on),
    content   BLOB NOT NULL CHECK (length(content) = size)
) STRICT;

CREATE TABLE applications (
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
    posted_on            TEXT CHECK (date(posted_on, '+0 days') IS posted_on),
    closes_on            TEXT CHECK (date(closes_on, '+0 days') IS closes_on),
    employment_type      TEXT CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'temporary',
                                                         'internship', 'per_diem', 'other')),
    description          TEXT CHECK (description <> ''),
    resume_id            INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    cover_letter_id      INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    CHECK (salary_min <= salary_max),
    CHECK ((salary_period IS NULL) = (salary_min IS NULL AND salary_max IS NULL)),
    CHECK (offer_salary_min <= offer_salary_max),
    CHECK ((offer_salary_period IS NULL) = (offer_salary_min IS NULL AND offer_salary_max IS NULL))
) STRICT;

CREATE INDEX applications_org ON applications (org_id);
CREATE INDEX applications_activity ON applications (last_activity_on, id);
CREATE INDEX applications_status ON applications (status, last_activity_on);
CREATE INDEX applications_source ON applications (source, last_activity_on);
CREATE INDEX applications_applied ON applications (applied_on);
CREATE INDEX applications_url ON applications (url) WHERE url IS NOT NULL;
CREATE INDEX applications_follow_up ON applications (follow_up_on) WHERE follow_up_on IS NOT NULL;
CREATE INDEX applications_offer_deadline ON applications (offer_deadline)
    WHERE offer_deadline IS NOT NULL;
CREATE INDEX applications_closes ON applications (closes_on) WHERE closes_on IS NOT NULL;
CREATE INDEX applications_resume ON applications (resume_id) WHERE resume_id IS NOT NULL;
CREATE INDEX applications_cover_letter ON applications (cover_letter_id)
    WHERE cover_letter_id IS NOT NULL;

CREATE TABLE application_events (
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

CREATE INDEX application_events_app ON application_events (application_id, kind, date);
CREATE INDEX application_events_date ON application_events (date, kind);
CREATE INDEX application_events_caused_by ON application_events (caused_by) WHERE caused_by IS NOT NULL;

CREATE TABLE application_credentials (
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    code            TEXT NOT NULL CHECK (length(code) > 0 AND code = upper(trim(code))),
    required        INTEGER NOT NULL CHECK (required IN (0, 1)),
    PRIMARY KEY (application_id, code)
) STRICT;

CREATE INDEX application_credentials_code ON application_credentials (code);

-- The people on an application and what they are to it (the referral of
-- `--referral` is the `referrer` role).
CREATE TABLE application_contacts (
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

CREATE TABLE interactions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    date          TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    channel       TEXT NOT NULL DEFAULT 'other'
                  CHECK (channel IN ('email', 'call', 'meeting', 'message', 'event', 'coffee', 'other')),
    note          TEXT CHECK (note <> ''),
    follow_up_on  TEXT CHECK (date(follow_up_on, '+0 days') IS follow_up_on)
) STRICT;

CREATE INDEX interactions_contact ON interactions (contact_id, date);
CREATE INDEX interactions_date ON interactions (date);

CREATE TABLE events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id  INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
    title   TEXT NOT NULL CHECK (length(trim(title)) > 0),
    date    TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    kind    TEXT NOT NULL DEFAULT 'other'
            CHECK (kind IN ('meeting', 'conference', 'career_fair', 'webinar', 'other')),
    notes   TEXT CHECK (notes <> '')
) STRICT;

CREATE INDEX events_date ON events (date);
CREATE INDEX events_org ON events (org_id);

CREATE TABLE memberships (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id     INTEGER NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE RESTRICT,
    since      TEXT CHECK (date(since, '+0 days') IS since),
    renews_on  TEXT CHECK (date(renews_on, '+0 days') IS renews_on),
    notes      TEXT CHECK (notes <> '')
) STRICT;

CREATE INDEX memberships_renews ON memberships (renews_on) WHERE renews_on IS NOT NULL;

CREATE TABLE volunteer_shifts (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id  INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
    date    TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    hours   REAL NOT NULL CHECK (hours > 0 AND hours <= 24 AND round(hours, 2) = hours),
    role    TEXT CHECK (role <> ''),
    notes   TEXT CHECK (notes <> '')
) STRICT;

CREATE INDEX volunteer_shifts_org ON volunteer_shifts (org_id, date);
CREATE INDEX volunteer_shifts_date ON volunteer_shifts (date);

CREATE TABLE education (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    school_id          INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
    level              TEXT NOT NULL
                       CHECK (level IN ('certificate', 'associate', 'bachelor', 'master', 'doctorate')),
    field              TEXT NOT NULL CHECK (length(trim(field)) > 0),
    cahiim_accredited  INTEGER NOT NULL DEFAULT 0 CHECK (cahiim_accredited IN (0, 1)),
    status             TEXT NOT NULL DEFAULT 'enrolled'
                       CHECK (status IN ('planned', 'enrolled', 'final_term', 'completed')),
    started_on         TEXT CHECK (date(started_on, '+0 days') IS started_on),
    completed_on       TEXT CHECK (date(completed_on, '+0 days') IS completed_on),
    CHECK (completed_on >= started_on)
) STRICT;

CREATE INDEX education_school ON education (school_id);

CREATE TABLE experience (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id      INTEGER NOT NULL REFERENCES organizations(id) ON DELETE RESTRICT,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    started_on  TEXT NOT NULL CHECK (date(started_on, '+0 days') IS started_on),
    ended_on    TEXT CHECK (date(ended_on, '+0 days') IS ended_on),
    healthcare  INTEGER NOT NULL DEFAULT 0 CHECK (healthcare IN (0, 1)),
    notes       TEXT CHECK (notes <> ''),
    CHECK (ended_on >= started_on)
) STRICT;

CREATE INDEX experience_org ON experience (org_id);

CREATE TABLE certifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) > 0 AND code = upper(trim(code))),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    issuer      TEXT CHECK (issuer <> ''),
    status      TEXT NOT NULL DEFAULT 'planning'
                CHECK (status IN ('planning', 'applied', 'scheduled', 'passed', 'failed', 'expired')),
    exam_on     TEXT CHECK (date(exam_on, '+0 days') IS exam_on),
    score       INTEGER,
    passed_on   TEXT CHECK (date(passed_on, '+0 days') IS passed_on),
    expires_on  TEXT CHECK (date(expires_on, '+0 days') IS expires_on),
    notes       TEXT CHECK (notes <> ''),
    -- The day you applied to sit the exam ('cert set CODE applied'): AHIMA's
    -- 120-day window is counted from the approval that follows it.
    applied_on  TEXT CHECK (date(applied_on, '+0 days') IS applied_on),
    failed_on   TEXT CHECK (date(failed_on, '+0 days') IS failed_on)
) STRICT;

CREATE TABLE ceus (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    certification_id  INTEGER NOT NULL REFERENCES certifications(id) ON DELETE CASCADE,
    date              TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    hours             REAL NOT NULL CHECK (hours > 0 AND round(hours, 2) = hours),
    title             TEXT CHECK (title <> ''),
    provider          TEXT CHECK (provider <> '')
) STRICT;

CREATE INDEX ceus_certification ON ceus (certification_id, date);
CREATE INDEX ceus_date ON ceus (date);

CREATE TABLE goals (
    metric  TEXT NOT NULL
            CHECK (metric IN ('applications', 'interactions', 'contacts', 'volunteer_hours',
                              'interviews', 'events', 'employer_contacts')),
    period  TEXT NOT NULL CHECK (period IN ('week', 'month')),
    target  INTEGER NOT NULL CHECK (target > 0),
    PRIMARY KEY (metric, period)
) STRICT;

-- The undo log (internal: never exported or counted). One entry per writing
-- command, ordered by seq; its steps are the statements that revert it (or,
-- once undone, that redo it), written by the triggers the program makes for
-- every other table. undo_recording names the entry a command is recording
-- and is empty otherwise, so the triggers write nothing.
CREATE TABLE undo_log (
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
) STRICT;

-- Internal: facts about this database (`dbid`, the random id in calendar
-- UIDs; empty for a database upgraded from before it, which keeps its old
-- UIDs). Never exported or counted.
CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

INSERT INTO meta (key, value) VALUES ('dbid', lower(hex(randomblob(8))));

-- Internal: how often each calendar item's date has moved (the ICS
-- SEQUENCE), raised by the triggers below. Never exported or counted.
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
END;

CREATE TRIGGER ics_closing AFTER UPDATE OF closes_on ON applications
    WHEN NEW.closes_on IS NOT OLD.closes_on
BEGIN
    INSERT INTO ics_revisions (kind, row_id, seq) VALUES ('closing', NEW.id, 1)
        ON CONFLICT (kind, row_id) DO UPDATE SET seq = seq + 1;
END;

-- Internal: the full-text index of `jobtrack search` (DESIGN §10.6). One
-- row per searchable record, whose rowid is the record's id times 8 plus
-- its kind (1 application, 2 history note, 3 contact, 4 interaction,
-- 5 event, 6 organization, 7 document), so that a trigger finds it by
-- rowid (ids from 2^60 up, which only a hand edit can make, are left out).
-- search_source says what each record puts in it; the triggers below
-- keep it in step with every write (undo and redo included). Never exported
-- or counted; `doctor --fix` rebuilds it.
CREATE VIRTUAL TABLE search_index USING fts5(
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

PRAGMA user_version = 7;
