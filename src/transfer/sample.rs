//! The sample data `demo` loads: the CSV files imported as `import --all`
//! would, then every date moved by whole weeks so the sample reads as if
//! written in the last few weeks. A schema-driven writer, like the loader.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::import::{import_all, Source};
use crate::error::Result;

/// Imports `files` (name, CSV bytes) and moves their dates from the week of
/// `anchor` into the week ending `today`.
pub fn load_sample(
    conn: &Connection,
    files: &[(&str, &[u8])],
    anchor: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    import_all(conn, &Source::Files(files))?;
    shift_dates(conn, whole_weeks_between(anchor, today))
}

/// The multiple of 7 days that moves `anchor` into the 7 days ending
/// `today` (weekdays kept).
fn whole_weeks_between(anchor: NaiveDate, today: NaiveDate) -> i64 {
    (today - anchor).num_days().div_euclid(7) * 7
}

/// Moves every date and timestamp in the database by `days`, including the
/// dates that `follow_up` history entries carry in their note, then
/// recomputes the applications' derived columns. The date columns are read
/// from the schema (each carries `CHECK (date(col, '+0 days') IS col)`), so a
/// column added later moves too.
fn shift_dates(conn: &Connection, days: i64) -> Result<()> {
    if days == 0 {
        return Ok(());
    }
    let modifier = format!("{days:+} days");
    let mut columns: Vec<(String, String, bool)> = Vec::new();
    {
        let mut tables =
            conn.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")?;
        let rows =
            tables.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (table, sql) = row?;
            let mut info =
                conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
            for column in info.query_map([], |r| r.get::<_, String>(0))? {
                let column = column?;
                if sql.contains(&format!("date({column}, '+0 days')")) {
                    columns.push((table.clone(), column, false));
                } else if sql.contains(&format!("CHECK ({column} GLOB")) {
                    columns.push((table.clone(), column, true));
                }
            }
        }
    }
    // One UPDATE per table moves all its dates at once, so checks such as
    // `ended_on >= started_on` hold at every step.
    let mut tables: Vec<String> = columns.iter().map(|(t, _, _)| t.clone()).collect();
    tables.dedup();
    for table in tables {
        let sets: Vec<String> = columns
            .iter()
            .filter(|(t, _, _)| *t == table)
            .map(|(_, column, timestamp)| {
                if *timestamp {
                    format!("{column} = strftime('%Y-%m-%dT%H:%M:%SZ', {column}, ?1)")
                } else {
                    format!("{column} = date({column}, ?1)")
                }
            })
            .collect();
        conn.execute(
            &format!("UPDATE {table} SET {}", sets.join(", ")),
            [&modifier],
        )?;
    }
    conn.execute(
        "UPDATE application_events SET note = date(note, ?1)
         WHERE kind = 'follow_up' AND note IS NOT NULL AND note <> 'cleared'",
        [&modifier],
    )?;
    conn.execute(
        &format!(
            "{} WHERE 1",
            crate::applications::store::refresh_derived_sql()
        ),
        [],
    )?;
    Ok(())
}
