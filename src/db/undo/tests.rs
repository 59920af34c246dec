//! Unit tests of the undo log: trigger coverage, replay, caps.

use super::*;
use crate::db::{configure, SCHEMA};

fn fresh() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    configure(&conn).unwrap();
    conn.execute_batch(SCHEMA).unwrap();
    install_triggers(&conn).unwrap();
    conn
}

/// Runs `sql` as one recorded command.
fn recorded(conn: &mut Connection, command: &str, sql: &str) {
    let tx = conn.transaction().unwrap();
    begin_entry(&tx, command).unwrap();
    tx.execute_batch(sql).unwrap();
    finish(&tx).unwrap();
    tx.commit().unwrap();
}

fn dump(conn: &Connection) -> Vec<String> {
    let mut all = Vec::new();
    for table in user_tables(conn).unwrap() {
        let mut statement = conn
            .prepare(&format!(
                "SELECT quote(rowid), * FROM \"{table}\" ORDER BY rowid"
            ))
            .unwrap();
        let width = statement.column_count();
        let rows = statement
            .query_map([], |r| {
                let mut line = table.clone();
                for i in 0..width {
                    let value: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!(" {value:?}"));
                }
                Ok(line)
            })
            .unwrap();
        all.extend(rows.map(|r| r.unwrap()));
    }
    all
}

#[test]
fn every_table_of_the_schema_has_its_three_triggers() {
    let conn = fresh();
    let mut statement = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = statement
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(tables.len() >= 14, "{tables:?}");
    for table in &tables {
        if INTERNAL_TABLES.contains(&table.as_str()) {
            continue;
        }
        for event in ["insert", "update", "delete"] {
            let found: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?1 AND name = ?2",
                    [table.clone(), format!("undo_{table}_{event}")],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(found, 1, "{table} has no undo trigger for {event}");
        }
    }
    let internal_triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name LIKE 'undo%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(internal_triggers, 0);
}

#[test]
fn a_table_added_later_is_covered_when_the_triggers_are_remade() {
    let conn = fresh();
    conn.execute_batch("CREATE TABLE later (id INTEGER PRIMARY KEY, note TEXT)")
        .unwrap();
    install_triggers(&conn).unwrap();
    assert!(user_tables(&conn).unwrap().contains(&"later".to_string()));
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'later'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 3);
}

const ADD: &str = "INSERT INTO organizations (name, created_at) VALUES ('Mercy', '2026-11-26T10:00:00Z');
    INSERT INTO applications (org_id, title, status, applied_on, created_at, updated_at, added_on)
        VALUES (1, 'Coder', 'applied', '2026-11-20', '2026-11-26T10:00:00Z', '2026-11-26T10:00:00Z', '2026-11-20');
    INSERT INTO application_events (application_id, date, kind, to_status) VALUES (1, '2026-11-20', 'status', 'applied');
    INSERT INTO goals (metric, period, target) VALUES ('applications', 'week', 5);";

#[test]
fn undo_reverts_inserts_updates_and_deletes_and_redo_applies_them_again() {
    let mut conn = fresh();
    recorded(&mut conn, "setup", ADD);
    let before = dump(&conn);
    recorded(
        &mut conn,
        "change",
        "UPDATE applications SET title = 'It''s a coder', salary_min = 45000, salary_max = 48000, salary_period = 'year' WHERE id = 1;
         DELETE FROM goals; DELETE FROM applications;
         INSERT INTO organizations (name, created_at) VALUES ('Other', '2026-11-26T10:00:00Z');",
    );
    let after = dump(&conn);
    assert_ne!(before, after);
    let undone = undo(&mut conn).unwrap().unwrap();
    assert_eq!(undone.command, "change");
    assert_eq!(dump(&conn), before);
    let redone = redo(&mut conn).unwrap().unwrap();
    assert_eq!(redone.seq, undone.seq);
    assert_eq!(dump(&conn), after);
    assert!(redo(&mut conn).unwrap().is_none());
    undo(&mut conn).unwrap();
    undo(&mut conn).unwrap();
    assert!(dump(&conn).is_empty(), "{:?}", dump(&conn));
    assert!(undo(&mut conn).unwrap().is_none());
}

#[test]
fn a_write_that_changes_nothing_records_nothing_and_a_new_write_drops_the_redo() {
    let mut conn = fresh();
    recorded(&mut conn, "nothing", "DELETE FROM goals");
    assert!(entries(&conn, 20).unwrap().is_empty());
    recorded(&mut conn, "one", ADD);
    undo(&mut conn).unwrap();
    assert!(entries(&conn, 20).unwrap()[0].undone);
    recorded(
        &mut conn,
        "two",
        "INSERT INTO organizations (name, created_at) VALUES ('B', '2026-11-26T10:00:00Z')",
    );
    let list = entries(&conn, 20).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].command, "two");
    assert!(redo(&mut conn).unwrap().is_none());
}

#[test]
fn the_log_keeps_the_newest_entries_up_to_its_cap() {
    let mut conn = fresh();
    for n in 0..(MAX_ENTRIES + 3) {
        recorded(
            &mut conn,
            &format!("add {n}"),
            &format!("INSERT INTO organizations (name, created_at) VALUES ('Org {n}', '2026-11-26T10:00:00Z')"),
        );
    }
    let (count, bytes) = size(&conn).unwrap();
    assert_eq!(count, MAX_ENTRIES);
    assert!(bytes > 0);
    let oldest: String = conn
        .query_row(
            "SELECT command FROM undo_log ORDER BY seq LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(oldest, "add 3");
    let list = entries(&conn, 20).unwrap();
    assert_eq!(list.len(), 20);
    assert_eq!(list[0].command, format!("add {}", MAX_ENTRIES + 2));
}

#[test]
fn bulk_rows_are_recorded_as_ranges_and_undone_in_one_step() {
    let mut conn = fresh();
    recorded(&mut conn, "setup", ADD);
    let before = dump(&conn);
    let tx = conn.transaction().unwrap();
    begin_entry(&tx, "import").unwrap();
    let mut bulk = pause(&tx, true).unwrap();
    for n in 0..50 {
        tx.execute(
            "INSERT INTO organizations (name, created_at) VALUES (?1, '2026-11-26T10:00:00Z')",
            [format!("Bulk {n}")],
        )
        .unwrap();
    }
    tx.execute(
        "INSERT INTO applications (org_id, title, status, created_at, updated_at, added_on)
         VALUES (2, 'X', 'saved', '2026-11-26T10:00:00Z', '2026-11-26T10:00:00Z', '2026-11-26')",
        [],
    )
    .unwrap();
    let steps: i64 = tx
        .query_row("SELECT count(*) FROM undo_steps", [], |r| r.get(0))
        .unwrap();
    let triggers = |tx: &Connection| -> i64 {
        tx.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(triggers(&tx), 0, "a large load drops the triggers");
    bulk.inserted("organizations", &[]);
    bulk.resume(&tx).unwrap();
    assert!(triggers(&tx) >= 42, "and makes them again");
    let ranges: i64 = tx
        .query_row("SELECT count(*) FROM undo_steps", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ranges - steps, 2, "one range per table");
    finish(&tx).unwrap();
    tx.commit().unwrap();
    assert_eq!(entries(&conn, 1).unwrap()[0].rows, 51);
    undo(&mut conn).unwrap();
    assert_eq!(dump(&conn), before);
}

#[test]
fn shell_words_are_quoted_only_when_needed() {
    assert_eq!(shell_word("app"), "app");
    assert_eq!(shell_word("2026-11-20"), "2026-11-20");
    assert_eq!(shell_word("Mercy Health"), "'Mercy Health'");
    assert_eq!(shell_word("it's"), "'it'\\''s'");
    assert_eq!(shell_word(""), "''");
}

#[test]
fn a_table_without_rowid_is_covered_by_its_primary_key() {
    let mut conn = fresh();
    conn.execute_batch(
        "CREATE TABLE links (a INTEGER NOT NULL, b TEXT NOT NULL, role TEXT,
                             PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID",
    )
    .unwrap();
    install_triggers(&conn).unwrap();
    recorded(
        &mut conn,
        "setup",
        "INSERT INTO links VALUES (1, 'x', 'referrer'), (2, 'it''s', NULL)",
    );
    let before = dump_links(&conn);
    recorded(
        &mut conn,
        "change",
        "UPDATE links SET role = 'manager', b = 'y' WHERE a = 1; DELETE FROM links WHERE a = 2;
         INSERT INTO links VALUES (3, 'z', NULL)",
    );
    let after = dump_links(&conn);
    undo(&mut conn).unwrap();
    assert_eq!(dump_links(&conn), before);
    redo(&mut conn).unwrap();
    assert_eq!(dump_links(&conn), after);
    // A bulk writer cannot record such rows as ranges: the triggers keep
    // recording them one by one.
    let tx = conn.transaction().unwrap();
    begin_entry(&tx, "bulk").unwrap();
    let bulk = pause(&tx, true).unwrap();
    tx.execute("INSERT INTO links VALUES (4, 'w', NULL)", [])
        .unwrap();
    bulk.resume(&tx).unwrap();
    finish(&tx).unwrap();
    tx.commit().unwrap();
    undo(&mut conn).unwrap();
    assert_eq!(dump_links(&conn), after);
}

fn dump_links(conn: &Connection) -> Vec<(i64, String, Option<String>)> {
    conn.prepare("SELECT a, b, role FROM links ORDER BY a, b")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}
