//! The full-text search index (`search_index`, SQLite FTS5) behind
//! `jobtrack search`. The schema keeps it: the views `search_source` and
//! `search_applications` say what each record puts in it, and triggers on
//! the source tables write it with every insert, update and delete (undo
//! and redo included, since their replay writes the source tables). Here
//! are what the rowids mean, the checks `doctor` runs and the rebuild of
//! `doctor --fix`.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};

/// What a row of the index is about, by the number its rowid ends in: a
/// rowid is the record's id times `KIND_SPAN` plus the kind's place in this
/// list (the numbers `search_source` gives; 0 is unused).
pub const KINDS: [&str; 8] = [
    "",
    "application",
    "history",
    "contact",
    "interaction",
    "event",
    "organization",
    "document",
];

/// How many kinds a rowid leaves room for.
pub const KIND_SPAN: i64 = 8;

/// Fills the (empty) index from the records as they stand.
pub fn fill(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO search_index (rowid, title, body) SELECT key, title, body FROM search_source",
    )?;
    Ok(())
}

/// Makes the index again from the records: the table is dropped and
/// created anew from its stored definition (a damaged index may refuse to
/// delete its rows), or from the schema's when a hand edit dropped it, then
/// filled. Runs in the caller's transaction.
pub fn rebuild(conn: &Connection) -> Result<()> {
    let definition: Option<String> = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'search_index'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    match definition {
        Some(definition) => {
            conn.execute_batch("DROP TABLE search_index")?;
            conn.execute_batch(&definition)?;
        }
        None => conn.execute_batch(schema_definition()?)?,
    }
    fill(conn)
}

/// The `CREATE VIRTUAL TABLE search_index` statement of the schema.
fn schema_definition() -> Result<&'static str> {
    const START: &str = "CREATE VIRTUAL TABLE search_index";
    crate::db::SCHEMA
        .find(START)
        .and_then(|start| {
            let rest = &crate::db::SCHEMA[start..];
            rest.find(");").map(|end| &rest[..end + 2])
        })
        .ok_or_else(|| Error::Runtime("the schema has no search index".into()))
}

/// Drops the index's triggers for a large load (in its transaction) and
/// returns their SQL for `restore_triggers`.
pub fn drop_triggers(conn: &Connection) -> Result<Vec<String>> {
    let triggers: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search!_%' ESCAPE '!'",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

/// Makes the triggers `drop_triggers` dropped again and rebuilds the index
/// once from the records, loaded rows included.
pub fn restore_triggers(conn: &Connection, triggers: &[String]) -> Result<()> {
    for sql in triggers {
        conn.execute_batch(sql)?;
    }
    rebuild(conn)
}

/// What is wrong with the index, if anything: FTS5's own integrity check,
/// then whether it holds exactly one row, with the current text, for each
/// record that has something to find (and nothing else).
pub fn problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check(search_index)")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if integrity != ["ok"] {
        problems.push(format!("damaged: {}", integrity.join("; ")));
        return Ok(problems);
    }
    let (missing, extra): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM (SELECT key, title, body FROM search_source
                                       EXCEPT SELECT rowid, title, body FROM search_index)),
                (SELECT count(*) FROM (SELECT rowid, title, body FROM search_index
                                       EXCEPT SELECT key, title, body FROM search_source))",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if missing > 0 {
        problems.push(format!(
            "{missing} record(s) missing or out of date in the index"
        ));
    }
    if extra > 0 {
        problems.push(format!("{extra} row(s) in the index that no record has"));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        conn
    }

    #[test]
    fn each_kind_is_numbered_as_the_view_numbers_it() {
        let conn = fresh();
        conn.execute_batch(
            "INSERT INTO organizations (id, name, created_at) VALUES (5, 'Mercy', '2026-01-01T00:00:00Z');
             INSERT INTO applications (id, org_id, title, status, created_at, updated_at)
                 VALUES (5, 5, 'Coder', 'applied', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO application_events (id, application_id, date, kind, note)
                 VALUES (5, 5, '2026-01-01', 'note', 'called');
             INSERT INTO contacts (id, name, added_on) VALUES (5, 'Anna', '2026-01-01');
             INSERT INTO interactions (id, contact_id, date, note) VALUES (5, 5, '2026-01-01', 'coffee');
             INSERT INTO events (id, title, date) VALUES (5, 'Chapter meeting', '2026-01-01');
             INSERT INTO documents (id, sha256, name, size, added_on, content)
                 VALUES (5, printf('%064d', 0), 'resume.pdf', 1, '2026-01-01', x'00');",
        )
        .unwrap();
        let tables = [
            "",
            "applications",
            "application_events",
            "contacts",
            "interactions",
            "events",
            "organizations",
            "documents",
        ];
        let mut statement = conn
            .prepare("SELECT rowid FROM search_index ORDER BY rowid")
            .unwrap();
        let rowids: Vec<i64> = statement
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let expected: Vec<i64> = (1..KINDS.len() as i64).map(|k| 5 * KIND_SPAN + k).collect();
        assert_eq!(rowids, expected, "one row per kind: {tables:?}");
        assert!(problems(&conn).unwrap().is_empty());
    }

    #[test]
    fn a_rebuild_makes_a_dropped_index_again() {
        let conn = fresh();
        conn.execute_batch(
            "INSERT INTO organizations (name, created_at) VALUES ('Mercy', '2026-01-01T00:00:00Z');
             DROP TABLE search_index;",
        )
        .unwrap();
        assert!(problems(&conn).is_err());
        rebuild(&conn).unwrap();
        assert!(problems(&conn).unwrap().is_empty());
    }

    #[test]
    fn a_rebuild_mends_an_index_out_of_step() {
        let conn = fresh();
        conn.execute_batch(
            "INSERT INTO organizations (name, created_at) VALUES ('Mercy', '2026-01-01T00:00:00Z');
             INSERT INTO organizations (name, created_at) VALUES ('Saint Luke', '2026-01-01T00:00:00Z');
             DELETE FROM search_index WHERE rowid = 1 * 8 + 6;
             INSERT INTO search_index (rowid, title) VALUES (99 * 8 + 3, 'nobody');",
        )
        .unwrap();
        let found = problems(&conn).unwrap();
        assert_eq!(found.len(), 2, "{found:?}");
        rebuild(&conn).unwrap();
        assert!(problems(&conn).unwrap().is_empty());
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM search_index", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2);
    }
}
