//! Fuzzes the LinkedIn import: any bytes as a Connections.csv, a Job
//! Applications.csv, or a whole export `.zip` (chosen by the first byte)
//! are imported or refused with an error, never a panic.
#![no_main]

use jobtrack::ctx::Ctx;
use jobtrack::output::{ColorChoice, Output};
use jobtrack::transfer::{import, ImportArgs, LinkedinFile, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (name, target) = match kind % 3 {
        0 => (
            "Connections.csv",
            Target::Linkedin(LinkedinFile::Connections),
        ),
        1 => (
            "Job Applications.csv",
            Target::Linkedin(LinkedinFile::Applications),
        ),
        _ => ("export.zip", Target::LinkedinExport),
    };
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let db = dir.path().join("jobtrack.db");
    let ctx = Ctx::new(Output::new(true, true, ColorChoice::Never, false), Some(db));
    let args = ImportArgs {
        target: Some(target),
        file: Some(file),
        all: None,
        dry_run: kind & 4 != 0,
        update: false,
        map: None,
        date_format: None,
        sheet: None,
    };
    let _ = import(&ctx, args);
});
