//! The undo log: every writing command records one entry, in its own
//! transaction, holding the SQL that reverts it.
//!
//! This follows SQLite's "Automatic Undo/Redo Using SQLite": every user
//! table carries AFTER INSERT, UPDATE and DELETE triggers (generated from the
//! live schema by `install_triggers`) that write the inverse statement of
//! each changed row into `undo_steps`. They write only while `undo_recording`
//! holds a row naming the entry being recorded, which `begin` puts there and
//! `finish` takes away inside the command's transaction, so a command that
//! does not record (and any other SQLite tool) pays nothing. Undo replays an
//! entry's steps newest first; the triggers record the statements that redo
//! it, which replace the steps, and redo replays those the same way.
//!
//! Bulk writers (the CSV loader) pause the row triggers with `pause` and
//! record the rows they appended as id ranges instead (`Bulk::resume`).

use std::sync::OnceLock;

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

use crate::dates;
use crate::db::search_index;
use crate::error::{Error, Result};
use crate::output;

/// The log keeps at most this many entries, dropping the oldest.
pub const MAX_ENTRIES: i64 = 200;

/// The log keeps at most this many bytes of statements, dropping the
/// oldest entries; a single write larger than this records no entry.
pub const MAX_BYTES: i64 = 64 << 20;

/// Tables the triggers do not cover: the log itself. Tables kept by their
/// own triggers (a search index, revision counters) belong here too, so
/// that a replay does not write them twice. SQLite's own tables and virtual
/// tables with their shadow tables are left out by `user_tables`.
pub const INTERNAL_TABLES: &[&str] = &[
    "undo_log",
    "undo_steps",
    "undo_recording",
    // DESIGN §10.9's ICS revision counters, raised by their own triggers
    // (a replay raises them again; restoring them would lower them).
    "ics_revisions",
    // The database's own facts (its `dbid`): set once at creation.
    "meta",
    // The search index (FTS5) and its shadow tables, kept by triggers on
    // the tables they index (`db::search_index`).
    "search_index",
    "search_index_config",
    "search_index_content",
    "search_index_data",
    "search_index_docsize",
    "search_index_idx",
];

/// The command line as typed, set once when the process starts.
static COMMAND: OnceLock<String> = OnceLock::new();

/// Sets the command that the entries this process records are shown as
/// (`app set 14 rejected`). Writes record nothing until it is set, so code
/// that uses the library without a command line writes no log.
pub fn set_command<I, S>(args: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let words: Vec<String> = args.into_iter().map(|a| shell_word(a.as_ref())).collect();
    let _ = COMMAND.set(words.join(" "));
}

/// One argument as a shell would need it typed: quoted when it holds
/// spaces, quotes or other characters a shell reads specially.
fn shell_word(arg: &str) -> String {
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./:=+,@%".contains(c));
    if plain {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

/// One entry of the log, as `undo --list` and `undo`/`redo --json` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The entry's place in the log: later writes have larger numbers.
    pub seq: i64,
    /// When the command ran (`YYYY-MM-DDTHH:MM:SSZ`).
    pub at: String,
    /// The command as typed.
    pub command: String,
    /// How many rows it inserted, changed or deleted.
    pub rows: i64,
    /// True once undone (and not redone): `redo` can apply it again.
    pub undone: bool,
}

impl Entry {
    /// When, to the minute: `2026-11-20 14:02`.
    pub fn when(&self) -> String {
        self.at.get(..16).unwrap_or(&self.at).replace('T', " ")
    }
}

/// Starts recording an entry for the command this process runs, when one
/// is set (see `set_command`). Called by `db::write`.
pub fn begin(conn: &Connection) -> Result<()> {
    match COMMAND.get() {
        Some(command) => begin_entry(conn, command),
        None => Ok(()),
    }
}

/// Starts recording an entry for `command`.
pub fn begin_entry(conn: &Connection, command: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO undo_log (at, command) VALUES (?1, ?2)",
        (dates::timestamp()?, command),
    )?;
    conn.execute(
        "INSERT INTO undo_recording (seq) VALUES (?1)",
        [conn.last_insert_rowid()],
    )?;
    Ok(())
}

/// Ends the entry `begin` started, before the command commits: an entry
/// that touched no row is dropped; otherwise the entries that could be
/// redone go (a new write replaces them), and the log is cut back to its
/// caps. A write larger than the byte cap keeps no entry, with a warning.
pub fn finish(conn: &Connection) -> Result<()> {
    let Some(seq) = recording(conn)? else {
        return Ok(());
    };
    conn.execute("DELETE FROM undo_recording", [])?;
    let (rows, bytes): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(rows), 0), coalesce(sum(length(sql)), 0) FROM undo_steps WHERE seq = ?1",
        [seq],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if rows == 0 || bytes > MAX_BYTES {
        if rows > 0 {
            output::warn(format!(
                "this command changes more than the undo log holds ({} MiB of {} MiB); \
                 it cannot be undone ('jobtrack backup FILE' first keeps a way back)",
                bytes >> 20,
                MAX_BYTES >> 20
            ));
        }
        conn.execute("DELETE FROM undo_log WHERE seq = ?1", [seq])?;
        return Ok(());
    }
    conn.execute("DELETE FROM undo_log WHERE undone = 1", [])?;
    conn.execute(
        "UPDATE undo_log SET rows = ?2, bytes = ?3 WHERE seq = ?1",
        (seq, rows, bytes),
    )?;
    trim(conn)
}

/// Drops the oldest entries beyond `MAX_ENTRIES` or `MAX_BYTES`.
fn trim(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM undo_log WHERE seq IN
             (SELECT seq FROM undo_log ORDER BY seq DESC LIMIT -1 OFFSET ?1)",
        [MAX_ENTRIES],
    )?;
    conn.execute(
        "DELETE FROM undo_log WHERE seq IN
             (SELECT seq FROM (SELECT seq, sum(bytes) OVER (ORDER BY seq DESC) AS total FROM undo_log)
              WHERE total > ?1)",
        [MAX_BYTES],
    )?;
    Ok(())
}

/// The entry being recorded, if any.
fn recording(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT seq FROM undo_recording", [], |r| r.get(0))
        .optional()?)
}

/// Adds a step to the entry being recorded: `sql` reverts part of the
/// command and touched `rows` rows. Steps run newest first when undone.
pub fn record(conn: &Connection, sql: &str, rows: i64) -> Result<()> {
    if let Some(seq) = recording(conn)? {
        add_step(conn, seq, sql, rows)?;
    }
    Ok(())
}

/// The row triggers, paused for a bulk writer: what each table's largest
/// rowid was, and the ids given explicitly below it.
#[derive(Debug)]
pub struct Bulk {
    seq: Option<i64>,
    tops: Vec<(String, i64)>,
    below: Vec<(String, i64, i64)>,
    /// The undo triggers dropped for a large load, to make again.
    dropped: Vec<String>,
    /// The search index's triggers dropped for a large load: made again,
    /// and the index rebuilt once, by `resume`.
    search: Vec<String>,
}

/// Pauses the row triggers for a bulk writer that only appends rows (or
/// rewrites columns it records itself); its `resume` records the appended
/// rows as ranges of ids. For a `large` write the triggers are dropped
/// inside the transaction and made again by `resume`, so its rows pay
/// nothing for them. While a table without rowids exists, the triggers
/// keep recording row by row instead.
pub fn pause(conn: &Connection, large: bool) -> Result<Bulk> {
    let seq = match recording(conn)? {
        Some(_) if has_table_without_rowid(conn)? => None,
        seq => seq,
    };
    let mut bulk = Bulk {
        seq,
        tops: Vec::new(),
        below: Vec::new(),
        dropped: Vec::new(),
        search: Vec::new(),
    };
    if large {
        // Indexing row by row doubles a large load's time; one rebuild at
        // the end costs a fraction of it.
        bulk.search = search_index::drop_triggers(conn)?;
    }
    if seq.is_none() {
        return Ok(bulk);
    }
    conn.execute("DELETE FROM undo_recording", [])?;
    for table in user_tables(conn)? {
        let top = largest_rowid(conn, &table)?;
        bulk.tops.push((table, top));
    }
    if large {
        for (name, sql) in undo_triggers(conn)? {
            conn.execute_batch(&format!("DROP TRIGGER {}", quoted(&name)))?;
            bulk.dropped.push(sql);
        }
    }
    Ok(bulk)
}

/// The undo triggers: name and SQL.
fn undo_triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'",
    )?;
    let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn largest_rowid(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(rowid), 0) FROM {}", quoted(table)),
        [],
        |r| r.get(0),
    )?)
}

impl Bulk {
    /// Notes ids the writer gave `table`'s new rows itself: those below
    /// the table's largest id at `pause` are not in the appended range.
    pub fn inserted(&mut self, table: &str, ids: &[i64]) {
        if self.seq.is_none() {
            return;
        }
        let top = self
            .tops
            .iter()
            .find(|(t, _)| t == table)
            .map_or(i64::MAX, |(_, top)| *top);
        for &id in ids.iter().filter(|&&id| id <= top) {
            match self.below.last_mut() {
                Some((t, _, end)) if t == table && *end + 1 == id => *end = id,
                _ => self.below.push((table.to_string(), id, id)),
            }
        }
    }

    /// Records the appended rows (one `DELETE … WHERE rowid BETWEEN`
    /// step per table and range) and turns the row triggers back on.
    pub fn resume(self, conn: &Connection) -> Result<()> {
        if !self.search.is_empty() {
            search_index::restore_triggers(conn, &self.search)?;
        }
        let Some(seq) = self.seq else {
            return Ok(());
        };
        for sql in &self.dropped {
            conn.execute_batch(sql)?;
        }
        let mut ranges = self.below;
        for (table, top) in self.tops {
            let now = largest_rowid(conn, &table)?;
            if now > top {
                ranges.push((table, top + 1, now));
            }
        }
        for (table, first, last) in ranges {
            let rows: i64 = conn.query_row(
                &format!(
                    "SELECT count(*) FROM {} WHERE rowid BETWEEN ?1 AND ?2",
                    quoted(&table)
                ),
                [first, last],
                |r| r.get(0),
            )?;
            let sql = format!(
                "DELETE FROM {} WHERE rowid BETWEEN {first} AND {last}",
                quoted(&table)
            );
            add_step(conn, seq, &sql, rows)?;
        }
        conn.execute("INSERT INTO undo_recording (seq) VALUES (?1)", [seq])?;
        Ok(())
    }
}

/// The tables the triggers cover: every table of the schema but SQLite's
/// own, virtual tables and their shadow tables, and `INTERNAL_TABLES`.
pub fn user_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut statement = conn.prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
           AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let names = statement.query_map([], |r| r.get::<_, String>(0))?;
    let mut tables = Vec::new();
    for name in names {
        let name = name?;
        if !INTERNAL_TABLES.contains(&name.as_str()) {
            tables.push(name);
        }
    }
    Ok(tables)
}

/// (Re)creates the undo triggers of every user table from the schema as it
/// stands: called at the end of creating a database and of every upgrade
/// step, so a table added or rebuilt later is covered as it is then.
pub fn install_triggers(conn: &Connection) -> Result<()> {
    let has_log: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'undo_steps'",
        [],
        |r| r.get(0),
    )?;
    if !has_log {
        // An upgrade step from before the log was added.
        return Ok(());
    }
    for (name, _) in undo_triggers(conn)? {
        conn.execute_batch(&format!("DROP TRIGGER {}", quoted(&name)))?;
    }
    for table in user_tables(conn)? {
        conn.execute_batch(&triggers_sql(conn, &table)?)?;
    }
    Ok(())
}

/// How a table's rows are named in the statements the triggers write.
struct Shape {
    /// The columns written back, without a rowid alias (an `INTEGER
    /// PRIMARY KEY`), which is written as `rowid`.
    columns: Vec<String>,
    /// The primary key of a `WITHOUT ROWID` table; empty for rowid tables.
    keys: Vec<String>,
}

/// A piece of the statement a trigger writes: text, or an expression
/// over `old`/`new` whose value is spliced in.
enum Part {
    Text(String),
    Expr(String),
}

/// The SQL expression that builds the statement `parts` spell.
fn concat(parts: &[Part]) -> String {
    let pieces: Vec<String> = parts
        .iter()
        .map(|part| match part {
            Part::Text(text) => format!("'{}'", text.replace('\'', "''")),
            Part::Expr(expr) => expr.clone(),
        })
        .collect();
    pieces.join(" || ")
}

impl Shape {
    fn of(conn: &Connection, table: &str) -> Result<Shape> {
        let without_rowid: bool = conn.query_row(
            "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1",
            [table],
            |r| r.get(0),
        )?;
        let mut statement =
            conn.prepare("SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid")?;
        let rows = statement.query_map([table], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let all: Vec<(String, String, i64)> = rows.collect::<rusqlite::Result<_>>()?;
        let key_count = all.iter().filter(|(_, _, pk)| *pk > 0).count();
        let alias = |(_, kind, pk): &(String, String, i64)| {
            !without_rowid && key_count == 1 && *pk == 1 && kind.eq_ignore_ascii_case("INTEGER")
        };
        let mut keys: Vec<(i64, String)> = Vec::new();
        if without_rowid {
            keys = all
                .iter()
                .filter(|c| c.2 > 0)
                .map(|c| (c.2, c.0.clone()))
                .collect();
            keys.sort();
        }
        Ok(Shape {
            columns: all
                .iter()
                .filter(|c| !alias(c))
                .map(|c| c.0.clone())
                .collect(),
            keys: keys.into_iter().map(|(_, name)| name).collect(),
        })
    }

    /// `WHERE`'s condition naming the row as `row` (`old` or `new`) holds it.
    fn key(&self, row: &str) -> Vec<Part> {
        if self.keys.is_empty() {
            return vec![
                Part::Text("rowid = ".into()),
                Part::Expr(format!("{row}.rowid")),
            ];
        }
        let mut parts = Vec::new();
        for (index, key) in self.keys.iter().enumerate() {
            let and = if index > 0 { " AND " } else { "" };
            parts.push(Part::Text(format!("{and}{} = ", quoted(key))));
            parts.push(Part::Expr(format!("quote({row}.{})", quoted(key))));
        }
        parts
    }

    /// The statement that removes an inserted row.
    fn inverse_insert(&self, t: &str) -> String {
        let mut parts = vec![Part::Text(format!("DELETE FROM {t} WHERE "))];
        parts.extend(self.key("new"));
        concat(&parts)
    }

    /// The statement that puts a deleted row back as it was.
    fn inverse_delete(&self, t: &str) -> String {
        let mut names: Vec<String> = self.columns.iter().map(|c| quoted(c)).collect();
        let mut values: Vec<String> = self
            .columns
            .iter()
            .map(|c| format!("quote(old.{})", quoted(c)))
            .collect();
        if self.keys.is_empty() {
            names.insert(0, "rowid".into());
            values.insert(0, "old.rowid".into());
        }
        let mut parts = vec![Part::Text(format!(
            "INSERT INTO {t} ({}) VALUES (",
            names.join(", ")
        ))];
        for (index, value) in values.into_iter().enumerate() {
            if index > 0 {
                parts.push(Part::Text(", ".into()));
            }
            parts.push(Part::Expr(value));
        }
        parts.push(Part::Text(")".into()));
        concat(&parts)
    }

    /// The statement that gives an updated row its old values back.
    fn inverse_update(&self, t: &str) -> String {
        let mut parts = vec![Part::Text(format!("UPDATE {t} SET "))];
        for (index, column) in self.columns.iter().enumerate() {
            let comma = if index > 0 { ", " } else { "" };
            parts.push(Part::Text(format!("{comma}{} = ", quoted(column))));
            parts.push(Part::Expr(format!("quote(old.{})", quoted(column))));
        }
        parts.push(Part::Text(" WHERE ".into()));
        parts.extend(self.key("new"));
        concat(&parts)
    }
}

/// The three triggers of one table.
fn triggers_sql(conn: &Connection, table: &str) -> Result<String> {
    let shape = Shape::of(conn, table)?;
    let t = quoted(table);
    // An UPDATE that leaves a row as it was records nothing.
    let changed: Vec<String> = shape
        .columns
        .iter()
        .map(|c| format!("old.{0} IS NOT new.{0}", quoted(c)))
        .collect();
    let when = format!("WHEN {}", changed.join(" OR "));
    let trigger = |event: &str, body: &str| {
        format!(
            "CREATE TRIGGER {} AFTER {event} ON {t} {} BEGIN
               INSERT INTO undo_steps (seq, id, sql) SELECT r.seq, {NEXT_STEP}, {body} FROM undo_recording r;
             END;\n",
            quoted(&format!("undo_{table}_{}", event.to_lowercase())),
            if event == "UPDATE" { when.as_str() } else { "" }
        )
    };
    let mut sql = trigger("INSERT", &shape.inverse_insert(&t))
        + &trigger("DELETE", &shape.inverse_delete(&t));
    if !shape.columns.is_empty() {
        sql += &trigger("UPDATE", &shape.inverse_update(&t));
    }
    Ok(sql)
}

/// The id of an entry's next step (entry `r.seq`): steps are numbered in
/// the order they are written, and replayed the other way.
const NEXT_STEP: &str = "coalesce((SELECT max(s.id) FROM undo_steps s WHERE s.seq = r.seq), 0) + 1";

/// Adds a step to the entry `seq`.
fn add_step(conn: &Connection, seq: i64, sql: &str, rows: i64) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO undo_steps (seq, id, sql, rows) SELECT r.seq, {NEXT_STEP}, ?2, ?3 FROM (SELECT ?1 AS seq) r"
        ),
        (seq, sql, rows),
    )?;
    Ok(())
}

/// Whether any user table is `WITHOUT ROWID` (its rows have no ids to
/// record as ranges).
fn has_table_without_rowid(conn: &Connection) -> Result<bool> {
    for table in user_tables(conn)? {
        let wr: bool = conn.query_row(
            "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1",
            [&table],
            |r| r.get(0),
        )?;
        if wr {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A name as an SQL identifier.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Undoes the newest entry not yet undone; None when there is none.
pub fn undo(conn: &mut Connection) -> Result<Option<Entry>> {
    step(
        conn,
        "SELECT seq FROM undo_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
        true,
    )
}

/// Redoes the newest undone entry; None when there is none.
pub fn redo(conn: &mut Connection) -> Result<Option<Entry>> {
    step(
        conn,
        "SELECT seq FROM undo_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
        false,
    )
}

/// Replays the steps of the entry `pick` selects, in one IMMEDIATE
/// transaction, and marks it undone (or not).
fn step(conn: &mut Connection, pick: &str, undone: bool) -> Result<Option<Entry>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let Some(seq) = tx.query_row(pick, [], |r| r.get(0)).optional()? else {
        return Ok(None);
    };
    replay(&tx, seq)?;
    let bytes: i64 = tx.query_row(
        "SELECT coalesce(sum(length(sql)), 0) FROM undo_steps WHERE seq = ?1",
        [seq],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE undo_log SET undone = ?2, bytes = ?3 WHERE seq = ?1",
        (seq, undone, bytes),
    )?;
    let entry = entry(&tx, seq)?;
    tx.commit()?;
    Ok(Some(entry))
}

/// Runs an entry's steps newest first while the triggers record their
/// inverses, then keeps only those. Foreign keys are checked at the end,
/// so a child may come back before its parent.
fn replay(tx: &Transaction, seq: i64) -> Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let (last, statements): (i64, Vec<String>) = {
        let mut statement =
            tx.prepare("SELECT id, sql FROM undo_steps WHERE seq = ?1 ORDER BY id DESC")?;
        let rows = statement.query_map([seq], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?;
        let rows: Vec<(i64, String)> = rows.collect::<rusqlite::Result<_>>()?;
        (
            rows.first().map_or(0, |(id, _)| *id),
            rows.into_iter().map(|(_, sql)| sql).collect(),
        )
    };
    tx.execute("INSERT INTO undo_recording (seq) VALUES (?1)", [seq])?;
    for sql in &statements {
        tx.execute_batch(sql).map_err(|e| {
            Error::Runtime(format!(
                "cannot replay the undo log ({e}); nothing was changed (the database may have been \
                 edited outside jobtrack)"
            ))
        })?;
    }
    tx.execute("DELETE FROM undo_recording", [])?;
    tx.execute(
        "DELETE FROM undo_steps WHERE seq = ?1 AND id <= ?2",
        [seq, last],
    )?;
    Ok(())
}

fn entry(conn: &Connection, seq: i64) -> Result<Entry> {
    Ok(conn.query_row(
        "SELECT seq, at, command, rows, undone FROM undo_log WHERE seq = ?1",
        [seq],
        entry_from_row,
    )?)
}

fn entry_from_row(r: &rusqlite::Row) -> rusqlite::Result<Entry> {
    Ok(Entry {
        seq: r.get(0)?,
        at: r.get(1)?,
        command: r.get(2)?,
        rows: r.get(3)?,
        undone: r.get(4)?,
    })
}

/// The newest `limit` entries, newest first (undone ones included).
pub fn entries(conn: &Connection, limit: i64) -> Result<Vec<Entry>> {
    let mut statement = conn.prepare(
        "SELECT seq, at, command, rows, undone FROM undo_log ORDER BY seq DESC LIMIT ?1",
    )?;
    let rows = statement.query_map([limit], entry_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many entries the log holds and their statements' bytes, for doctor.
pub fn size(conn: &Connection) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT count(*), coalesce(sum(bytes), 0) FROM undo_log",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Empties the log: an upgrade or a restore starts it afresh. The steps go
/// by name, not by the cascade: the upgrade ladder runs with foreign keys
/// off.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch("DELETE FROM undo_steps; DELETE FROM undo_log;")?;
    Ok(())
}

#[cfg(test)]
mod tests;
