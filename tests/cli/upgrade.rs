//! Upgrades: the frozen databases (`tests/fixtures/v<N>.sql`, one for each
//! version an upgrade step starts from) open through the upgrade ladder,
//! their rows read back through the CLI, and their schema ends up identical
//! to a fresh one's.

use crate::util::TestEnv;

const V1: &str = include_str!("../fixtures/v1.sql");
const V2: &str = include_str!("../fixtures/v2.sql");
const V3: &str = include_str!("../fixtures/v3.sql");
const V4: &str = include_str!("../fixtures/v4.sql");
const V5: &str = include_str!("../fixtures/v5.sql");
const V6: &str = include_str!("../fixtures/v6.sql");

fn load_v1(env: &TestEnv) {
    load(env, V1);
}

fn load(env: &TestEnv, fixture: &str) {
    use std::os::unix::fs::OpenOptionsExt;
    // Private, as jobtrack would have created it.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&env.db)
        .unwrap();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(fixture).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
}

fn schema_of(path: &std::path::Path) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut statement = conn
        .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap();
    let rows = statement
        .query_map([], |r| {
            // ALTER TABLE keeps the old text and splices a new column in
            // with its own spacing, and a rebuilt table's rename quotes its
            // name: compare the SQL without whitespace and quotes.
            let sql = r.get::<_, Option<String>>(2)?.unwrap_or_default();
            Ok((
                r.get(0)?,
                r.get(1)?,
                sql.split_whitespace().collect::<String>().replace('"', ""),
            ))
        })
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

#[test]
fn the_v1_fixture_reads_back_through_the_cli() {
    let env = TestEnv::new();
    load_v1(&env);
    let said = env.ok(&["init"]);
    assert!(
        said.contains("Upgraded") && said.contains("from version 1 to 7"),
        "{said}"
    );
    // The copy made before upgrading is the untouched version 1.
    let backup = env.path("jobtrack.db.v1.bak");
    let old: i64 = rusqlite::Connection::open(&backup)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old, 1);
    assert_eq!(
        crate::util::mode(&backup),
        0o600,
        "private whatever the umask"
    );
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["title"], "Health Information Technician");
    assert_eq!(app["org"], "Mercy Health");
    assert_eq!(app["status"], "interview");
    assert_eq!(app["requires"], serde_json::json!(["RHIT"]));
    assert!(app["events"].as_array().unwrap().len() >= 4);
    let referred = env.json(&["app", "show", "2"]);
    assert_eq!(referred["referral"]["name"], "Dana Reyes");
    let contact = env.json(&["contact", "show", "1"]);
    assert_eq!(contact["interactions"][0]["channel"], "coffee");
    let certs = env.json(&["cert", "list"]);
    assert_eq!(certs[0]["code"], "RHIT");
    assert_eq!(certs[0]["status"], "passed");
    assert_eq!(certs[0]["ceu_earned"], 1.5);
    let volunteer = env.json(&["report", "volunteer"]);
    assert_eq!(volunteer["total_hours"], 3.5);
    assert_eq!(env.json(&["goal", "list"])[0]["metric"], "applications");
    assert_eq!(env.json(&["doctor"])["ok"], true);
    assert_eq!(env.json(&["init"])["user_version"], 7);
    // The new column works on the upgraded file: a failed exam is kept.
    env.ok(&["cert", "set", "CCS", "failed", "--on", "2026-11-02"]);
    let failed: String = env
        .sql()
        .query_row(
            "SELECT failed_on FROM certifications WHERE code = 'CCS'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(failed, "2026-11-02");
    // And it takes new writes.
    env.ok(&[
        "app",
        "add",
        "Mercy Health",
        "Release of Information Specialist",
    ]);
}

#[test]
fn an_upgraded_v1_database_has_the_same_schema_as_a_fresh_one() {
    let env = TestEnv::new();
    load_v1(&env);
    env.ok(&["init"]);
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
    let version = |path: &std::path::Path| -> i64 {
        rusqlite::Connection::open(path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&env.db), version(&fresh.db));
}

/// The foreign keys of the upgraded file, as SQLite checks them, and the
/// indexes and foreign keys the rebuilt tables must keep.
fn check_keys(env: &TestEnv) {
    let conn = env.sql();
    let broken: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
    let fks = |table: &str| -> i64 {
        conn.query_row(
            &format!("SELECT count(*) FROM pragma_foreign_key_list('{table}')"),
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(fks("applications"), 3, "org, résumé and cover letter");
    assert_eq!(fks("application_events"), 2, "application and caused_by");
    assert_eq!(fks("application_contacts"), 2);
    assert_eq!(fks("entry_contacts"), 2);
    assert_eq!(fks("application_credentials"), 1);
    let indexes: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'applications'
             AND name NOT LIKE 'sqlite_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 11);
}

#[test]
fn the_v2_fixture_upgrades_salaries_sources_and_goals() {
    let env = TestEnv::new();
    load(&env, V2);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 2 to 7"), "{said}");
    check_keys(&env);
    // Sources rewritten by the normalization rule, so the funnel has one
    // row per place.
    let sources: Vec<(i64, Option<String>)> = {
        let conn = env.sql();
        let mut statement = conn
            .prepare("SELECT id, source FROM applications ORDER BY id")
            .unwrap();
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        rows.map(|r| r.unwrap()).collect()
    };
    let expected = [
        (1, Some("indeed")),
        (2, Some("referral")),
        (3, Some("indeed")),
        (4, Some("career_fair")),
        (5, Some("linkedin")),
    ];
    let expected: Vec<(i64, Option<String>)> = expected
        .iter()
        .map(|(id, s)| (*id, s.map(String::from)))
        .collect();
    assert_eq!(sources, expected);
    let funnel = env.json(&["report", "apps"]);
    let indeed = funnel["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["source"] == "indeed")
        .unwrap();
    assert_eq!(indeed["applications"], 2, "{funnel}");
    // Stored salaries are yearly; no salary, no period.
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["salary_min"], 42000);
    assert_eq!(app["salary_max"], 48000);
    assert_eq!(app["salary_period"], "year");
    assert_eq!(
        env.json(&["app", "show", "2"])["salary_period"],
        serde_json::Value::Null
    );
    assert!(env
        .ok(&["app", "show", "3"])
        .contains("38,000–41,000 a year"));
    // The events and credential codes (children of the rebuilt table) stay.
    assert!(app["events"].as_array().unwrap().len() >= 4);
    assert_eq!(app["requires"], serde_json::json!(["RHIT"]));
    // The AUTOINCREMENT counter survives the rebuild.
    let added = env.ok(&["-q", "app", "add", "Mercy Health", "Scanner"]);
    assert_eq!(added.trim(), "6");
    // Goals: both kept, and a metric can now have a second period.
    let goals = env.json(&["goal", "list"]);
    assert_eq!(goals[0]["metric"], "applications");
    assert_eq!(goals[1]["metric"], "interactions");
    assert_eq!(goals[1]["period"], "month");
    env.ok(&["goal", "set", "interactions", "2", "--per", "week"]);
    assert_eq!(env.count("SELECT count(*) FROM goals"), 3);
    // Hourly pay fits the new columns.
    env.ok(&["app", "edit", "4", "--salary", "$19.50-22/hr"]);
    let edited = env.json(&["app", "show", "4"]);
    assert_eq!(edited["salary_min"], 19.5);
    assert_eq!(edited["salary_period"], "hour");
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn an_upgraded_v2_database_has_the_same_schema_as_a_fresh_one() {
    let env = TestEnv::new();
    load(&env, V2);
    env.ok(&["init"]);
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
    check_keys(&fresh);
}

#[test]
fn the_v3_fixture_upgrades_with_its_rows_and_an_empty_undo_log() {
    let env = TestEnv::new();
    load(&env, V3);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 3 to 7"), "{said}");
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["title"], "Health Information Technician");
    assert_eq!(app["status"], "interview");
    assert_eq!(app["events"].as_array().unwrap().len(), 4);
    assert_eq!(
        env.json(&["app", "show", "2"])["referral"]["name"],
        "Dana Reyes"
    );
    assert_eq!(env.json(&["cert", "list"])[0]["status"], "passed");
    // Version 3's own data: hourly pay.
    assert_eq!(env.json(&["app", "show", "6"])["salary_period"], "hour");
    assert!(env.json(&["undo", "--list"]).as_array().unwrap().is_empty());
    env.fails(1, &["undo"]);
    // Every table now records its writes, the upgraded rows included.
    let before = env.count("SELECT count(*) FROM volunteer_shifts");
    env.ok(&["vol", "rm", "1"]);
    env.ok(&["undo"]);
    assert_eq!(env.count("SELECT count(*) FROM volunteer_shifts"), before);
    assert_eq!(env.json(&["report", "volunteer"])["total_hours"], 3.5);
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
}

#[test]
fn the_v3_fixture_keeps_referrals_as_referrer_links() {
    let env = TestEnv::new();
    load(&env, V3);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 3 to 7"), "{said}");
    check_keys(&env);
    // Both stored referrals are links with the referrer role, and the
    // column is gone.
    let links: Vec<(i64, i64, String)> = {
        let conn = env.sql();
        let mut statement = conn
            .prepare(
                "SELECT application_id, contact_id, role FROM application_contacts ORDER BY rowid",
            )
            .unwrap();
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.map(|r| r.unwrap()).collect()
    };
    assert_eq!(
        links,
        vec![
            (2, 1, "referrer".to_string()),
            (6, 1, "referrer".to_string())
        ]
    );
    assert_eq!(
        env.count("SELECT count(*) FROM pragma_table_info('applications') WHERE name = 'referral_contact_id'"),
        0
    );
    let app = env.json(&["app", "show", "2"]);
    assert_eq!(app["referral"]["name"], "Dana Reyes");
    assert_eq!(app["people"][0]["role"], "referrer");
    assert_eq!(app["people"][0]["contact"]["name"], "Dana Reyes");
    let shown = env.ok(&["app", "show", "2"]);
    assert!(
        shown.contains("People on this application") && shown.contains("referrer: Dana Reyes"),
        "{shown}"
    );
    let contact = env.json(&["contact", "show", "1"]);
    assert_eq!(contact["referred"].as_array().unwrap().len(), 2);
    // History, salaries and counters survive the rebuilds.
    let hourly = env.json(&["app", "show", "6"]);
    assert_eq!(hourly["salary_min"], 19.5);
    assert_eq!(hourly["salary_period"], "hour");
    assert_eq!(hourly["events"].as_array().unwrap().len(), 3);
    assert_eq!(env.count("SELECT count(*) FROM application_events"), 17);
    let added = env.ok(&["-q", "app", "add", "Mercy Health", "Scanner"]);
    assert_eq!(
        added.trim(),
        "8",
        "application 7 was deleted before the upgrade"
    );
    assert_eq!(
        env.count("SELECT min(id) FROM application_events WHERE application_id = 8"),
        20,
        "the events' AUTOINCREMENT counter survives too"
    );
    // An upgraded database keeps its old calendar UIDs: an empty dbid.
    let dbid: String = env
        .sql()
        .query_row("SELECT value FROM meta WHERE key = 'dbid'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dbid, "");
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn an_upgraded_v3_database_has_the_same_schema_as_a_fresh_one() {
    let env = TestEnv::new();
    load(&env, V3);
    env.ok(&["init"]);
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
    let dbid: String = fresh
        .sql()
        .query_row("SELECT value FROM meta WHERE key = 'dbid'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dbid.len(), 16);
    assert!(dbid.chars().all(|c| c.is_ascii_hexdigit()), "{dbid}");
}

#[test]
fn the_v4_fixture_upgrades_its_referrals_and_keeps_its_undo_triggers() {
    let env = TestEnv::new();
    load(&env, V4);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 4 to 7"), "{said}");
    let app = env.json(&["app", "show", "2"]);
    assert_eq!(app["referral"]["name"], "Dana Reyes");
    // The rebuilt tables record their writes: an edit undoes exactly.
    env.ok(&["app", "edit", "2", "--title", "Coding Specialist II"]);
    env.ok(&["undo"]);
    assert_eq!(
        env.json(&["app", "show", "2"])["title"],
        "Coding Specialist"
    );
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
}

#[test]
fn the_v5_fixture_keeps_its_goals_and_counts_employer_contacts() {
    let env = TestEnv::new();
    load(&env, V5);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 5 to 7"), "{said}");
    assert_eq!(env.count("SELECT count(*) FROM goals"), 3);
    // The rebuilt goals table takes the new metric, and records its writes.
    env.ok(&["goal", "set", "employer_contacts", "3", "--per", "week"]);
    env.ok(&["undo"]);
    assert_eq!(env.count("SELECT count(*) FROM goals"), 3);
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
}

#[test]
fn the_v6_fixture_takes_postings_and_documents() {
    let env = TestEnv::new();
    load(&env, V6);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 6 to 7"), "{said}");
    assert_eq!(env.count("SELECT count(*) FROM applications"), 6);
    assert_eq!(
        env.count("SELECT count(*) FROM applications WHERE description IS NOT NULL"),
        0
    );
    assert_eq!(env.count("SELECT count(*) FROM documents"), 0);
    // The new columns are written and their writes are undone like any.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "UPDATE applications SET closes_on = '2026-12-20' WHERE id = 1",
        [],
    )
    .unwrap();
    assert_eq!(
        env.count("SELECT seq FROM ics_revisions WHERE kind = 'closing' AND row_id = 1"),
        1
    );
    let fresh = TestEnv::new();
    fresh.ok(&["init"]);
    assert_eq!(schema_of(&env.db), schema_of(&fresh.db));
}
