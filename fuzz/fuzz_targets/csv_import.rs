//! Fuzzes the CSV loader: any bytes as an applications.csv (and, split at a
//! NUL, an organizations.csv) are loaded or refused with an error, never a
//! panic, and a refused load leaves the database empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rusqlite::Connection;

fuzz_target!(|data: &[u8]| {
    let (orgs, apps) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&b"id,name,created_at\n"[..], data),
    };
    let mut conn = Connection::open_in_memory().unwrap();
    jobtrack::db::configure(&conn).unwrap();
    conn.execute_batch(jobtrack::db::SCHEMA).unwrap();
    let tx = conn.transaction().unwrap();
    let files: [(&str, &[u8]); 2] = [("organizations.csv", orgs), ("applications.csv", apps)];
    let loaded = jobtrack::transfer::import_all(&tx, &jobtrack::transfer::Source::Files(&files));
    if loaded.is_err() {
        drop(tx);
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 0);
    }
});
