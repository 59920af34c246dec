//! Looking after the database itself: `init`.

use serde::Serialize;

use crate::db::{self, Access, Opened};
use crate::error::Result;
use crate::Ctx;

/// What `init` reports.
#[derive(Debug, Serialize)]
pub struct InitReport {
    pub path: String,
    pub user_version: i64,
    pub created: bool,
}

/// `jobtrack init`: creates the database, or upgrades an older one, and
/// prints where it lives.
pub fn init(ctx: &Ctx) -> Result<()> {
    let path = ctx.db_path()?;
    let (_conn, opened) = db::open(&path, Access::Create)?;
    let report = InitReport {
        path: path.path.display().to_string(),
        user_version: db::CURRENT_VERSION,
        created: opened == Opened::Created,
    };
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    if ctx.out.quiet {
        return ctx.out.line(&report.path);
    }
    match opened {
        Opened::Created => ctx
            .out
            .line(format!("Created a new database at {}", report.path)),
        Opened::Upgraded(from) => ctx.out.line(format!(
            "Upgraded the database at {} from version {from} to {} (the old copy is {})",
            report.path,
            db::CURRENT_VERSION,
            db::backup_path(&path.path, from).display()
        )),
        Opened::Existing => ctx.out.line(format!(
            "The database at {} is ready (schema version {})",
            report.path,
            db::CURRENT_VERSION
        )),
    }
}
