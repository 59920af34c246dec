//! Fuzzes the spreadsheet import (`import applications FILE`): any bytes,
//! saved as a CSV, an .xlsx or an .ods by the first byte, are imported or
//! refused with an error, never a panic, and a refused import leaves the
//! database without applications.
#![no_main]

use jobtrack::ctx::Ctx;
use jobtrack::output::{ColorChoice, Output};
use jobtrack::transfer::{import, ImportArgs, Table, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let name = match kind % 3 {
        0 => "sheet.csv",
        1 => "sheet.xlsx",
        _ => "sheet.ods",
    };
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let db = dir.path().join("jobtrack.db");
    let ctx = Ctx::new(Output::new(true, true, ColorChoice::Never, false), Some(db.clone()));
    let args = ImportArgs {
        target: Some(Target::Table(Table::Applications)),
        file: Some(file),
        all: None,
        dry_run: kind & 4 != 0,
        update: kind & 8 != 0,
        map: None,
        date_format: None,
        sheet: None,
    };
    if import(&ctx, args).is_err() && db.exists() {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let rows: i64 = conn
            .query_row("SELECT count(*) FROM applications", [], |r| r.get(0))
            .unwrap_or(0);
        assert_eq!(rows, 0, "a refused import wrote rows");
    }
});
