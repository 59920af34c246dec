//! Upgrades: the frozen version-1 and version-2 databases
//! (`tests/fixtures/v<N>.sql`) open through the upgrade ladder, their rows
//! read back through the CLI, and their schema ends up identical to a fresh
//! one's.

use crate::util::TestEnv;

const V1: &str = include_str!("../fixtures/v1.sql");
const V2: &str = include_str!("../fixtures/v2.sql");

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
            // with its own spacing: compare the SQL without whitespace.
            let sql = r.get::<_, Option<String>>(2)?.unwrap_or_default();
            Ok((
                r.get(0)?,
                r.get(1)?,
                sql.split_whitespace().collect::<String>(),
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
        said.contains("Upgraded") && said.contains("from version 1 to 3"),
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
    assert_eq!(env.json(&["init"])["user_version"], 3);
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

#[test]
fn the_v2_fixture_upgrades_with_its_rows_and_an_empty_undo_log() {
    let env = TestEnv::new();
    load(&env, V2);
    let said = env.ok(&["init"]);
    assert!(said.contains("from version 2 to 3"), "{said}");
    let app = env.json(&["app", "show", "1"]);
    assert_eq!(app["title"], "Health Information Technician");
    assert_eq!(app["status"], "interview");
    assert_eq!(app["requires"], serde_json::json!(["RHIT"]));
    assert_eq!(app["events"].as_array().unwrap().len(), 7);
    assert_eq!(
        env.json(&["app", "show", "2"])["referral"]["name"],
        "Dana Reyes"
    );
    let certs = env.json(&["cert", "list"]);
    let ccs = certs
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "CCS")
        .unwrap();
    assert_eq!(ccs["status"], "failed");
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
