//! Files in and out (DESIGN §6): `export` (CSV or JSON), `import` of a
//! table's CSV, `import --all` (the one CSV loader, `import_all`, which
//! `demo` also uses) and the LinkedIn importers in `linkedin.rs`.

mod export;
mod import;
mod linkedin;
mod loader;
mod sample;
mod sheets;
pub mod spec;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

pub use import::{import_all, rows_held, table_counts, Loaded, Source};
pub use sample::load_sample;
pub use spec::Table;

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::output::count_of;
use crate::text_enum;

text_enum! {
    /// The format `export` writes.
    pub enum Format {
        /// Comma-separated values (the format import reads)
        Csv = "csv",
        /// A JSON array of objects
        Json = "json",
    }
}

impl Format {
    /// The file name extension for `export --all`.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }
}

text_enum! {
    /// How an import reads a date like 3/4/2026.
    pub enum DateFormat {
        /// Month first: 8/25/2026 (the United States)
        Mdy = "mdy",
        /// Day first: 25/8/2026
        Dmy = "dmy",
    }
}

text_enum! {
    /// The LinkedIn data-export files jobtrack reads.
    pub enum LinkedinFile {
        /// Connections.csv → contacts
        Connections = "linkedin-connections",
        /// Job Applications.csv → applied applications
        Applications = "linkedin-applications",
        /// Saved Jobs.csv → saved applications
        SavedJobs = "linkedin-saved-jobs",
    }
}

/// What `import` reads: a table's CSV or one of LinkedIn's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A jobtrack table in export format.
    Table(Table),
    /// A LinkedIn export file.
    Linkedin(LinkedinFile),
    /// LinkedIn's whole export: its `.zip` or the folder it unzips to.
    LinkedinExport,
}

const TARGETS: &[Target] = &[
    Target::Table(Table::Organizations),
    Target::Table(Table::Documents),
    Target::Table(Table::Applications),
    Target::Table(Table::ApplicationEvents),
    Target::Table(Table::ApplicationCredentials),
    Target::Table(Table::Contacts),
    Target::Table(Table::Interactions),
    Target::Table(Table::Events),
    Target::Table(Table::Memberships),
    Target::Table(Table::VolunteerShifts),
    Target::Table(Table::Education),
    Target::Table(Table::Experience),
    Target::Table(Table::Certifications),
    Target::Table(Table::Ceus),
    Target::Table(Table::Goals),
    Target::Linkedin(LinkedinFile::Connections),
    Target::Linkedin(LinkedinFile::Applications),
    Target::Linkedin(LinkedinFile::SavedJobs),
    Target::LinkedinExport,
];

impl clap::ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Self] {
        TARGETS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(match self {
            Target::Table(table) => table.as_str(),
            Target::Linkedin(file) => file.as_str(),
            Target::LinkedinExport => "linkedin",
        }))
    }
}

const EXPORT_EXAMPLES: &str = "\
Examples:
  jobtrack export applications > applications.csv
  jobtrack export contacts --format json
  jobtrack export --all --out ~/jobtrack-export
  jobtrack export --all --out ~/jobtrack-export --force
  jobtrack export applications --excel > applications.csv   (opens in Excel with accents intact)";

const IMPORT_EXAMPLES: &str = "\
Examples:
  jobtrack import applications my-spreadsheet.csv --dry-run
  jobtrack import applications my-spreadsheet.csv      (a header like org,title,status is enough)
  jobtrack import applications tracker.xlsx --sheet Applications --dry-run
  jobtrack import applications tracker.csv --map 'Employer Name=org' --date-format dmy
  pbpaste | jobtrack import applications -
  jobtrack import --all ~/jobtrack-export              (into an empty database)
  jobtrack import linkedin Basic_LinkedInDataExport.zip   (or the folder it unzips to)
  jobtrack import linkedin-connections Connections.csv
  jobtrack import linkedin-applications \"Job Applications.csv\"
  jobtrack import linkedin-saved-jobs \"Saved Jobs.csv\"";

/// `export` arguments.
#[derive(Debug, Args)]
#[command(after_help = EXPORT_EXAMPLES)]
pub struct ExportArgs {
    /// The table to write to standard output
    #[arg(value_enum, required_unless_present = "all", conflicts_with = "all")]
    pub table: Option<Table>,
    /// Write every table to DIR/<table>.csv (or .json)
    #[arg(long, requires = "out")]
    pub all: bool,
    /// The folder for --all (created owner-only when missing)
    #[arg(long, value_name = "DIR", requires = "all")]
    pub out: Option<PathBuf>,
    /// The format (--json also picks JSON for a single table)
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// With --all: replace files that already exist in DIR
    #[arg(long, requires = "all")]
    pub force: bool,
    /// CSV for Excel: a UTF-8 byte order mark and CRLF line ends
    #[arg(long)]
    pub excel: bool,
}

/// `import` arguments.
#[derive(Debug, Args)]
#[command(after_help = IMPORT_EXAMPLES)]
pub struct ImportArgs {
    /// A table name; linkedin (the export's .zip or folder); or linkedin-connections, linkedin-applications, linkedin-saved-jobs
    #[arg(value_enum, value_name = "TARGET", required_unless_present = "all")]
    pub target: Option<Target>,
    /// The CSV file to read (- for standard input)
    #[arg(
        value_name = "FILE",
        required_unless_present = "all",
        allow_hyphen_values = true
    )]
    pub file: Option<PathBuf>,
    /// Load every <table>.csv in DIR into an empty database (ids and history kept)
    #[arg(long, value_name = "DIR", conflicts_with_all = ["target", "file"])]
    pub all: Option<PathBuf>,
    /// Check every row, report, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Rows whose id is already stored update that record with the columns given
    #[arg(long, conflicts_with = "all")]
    pub update: bool,
    /// Name the column a header feeds: 'Header=column,…' (like 'Employer Name=org')
    #[arg(long, value_name = "PAIRS", conflicts_with = "all")]
    pub map: Option<String>,
    /// How to read dates like 3/4/2026 when no row of a column tells
    #[arg(long, value_enum, value_name = "ORDER", conflicts_with = "all")]
    pub date_format: Option<DateFormat>,
    /// The sheet of an .xlsx or .ods file to read (default: the first)
    #[arg(long, value_name = "NAME", conflicts_with = "all")]
    pub sheet: Option<String>,
}

/// What `import` prints per table (DESIGN §10.9 "Imports").
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub table: &'static str,
    /// New records.
    pub added: u64,
    /// Stored records changed by `--update`.
    pub updated: u64,
    /// Rows that match a stored record (re-imports).
    pub already_there: u64,
    /// Rows left out for a reason given on standard error (a LinkedIn row
    /// with no name, a removed posting), with their row numbers.
    pub skipped: u64,
    pub skipped_rows: Vec<u64>,
    pub dry_run: bool,
    /// How the header and the words of the file were read ("Company → org",
    /// "status Interviewing → interview"), printed by `--dry-run`.
    #[serde(skip)]
    pub mapping: Vec<String>,
    /// Header cells that fed no column, named in a notice.
    #[serde(skip)]
    pub ignored: Vec<String>,
    /// Notes printed after the summary (on standard error).
    #[serde(skip)]
    pub notes: Vec<String>,
    /// The file within a LinkedIn export this report is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// What `export --all` prints with `--json`.
#[derive(Debug, Serialize)]
struct ExportReport {
    path: String,
    format: Format,
    tables: Vec<export::Written>,
    /// How many documents' bytes went to `documents/`.
    documents: u64,
}

/// `jobtrack export …`
pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    // clap's `requires` does not bind a flag that defaults to false.
    if !args.all && (args.out.is_some() || args.force) {
        return Err(Error::Input(
            "--out and --force go with --all; one table goes to standard output: \
             jobtrack export TABLE > FILE"
                .into(),
        ));
    }
    if args.excel && (args.format == Format::Json || ctx.out.json) {
        return Err(Error::Input(
            "--excel shapes CSV for Excel; it does not go with JSON".into(),
        ));
    }
    let mut conn = ctx.open(Access::Existing)?;
    // An export reads each page once: a memory map would only count the
    // whole file against this process's memory.
    conn.pragma_update(None, "mmap_size", 0)?;
    // One read transaction: every table comes from the same snapshot.
    let snapshot = conn.transaction()?;
    if let Some(table) = args.table {
        // `--json` asks for JSON on standard output, like every other command.
        let format = if ctx.out.json {
            Format::Json
        } else {
            args.format
        };
        let mut out = ctx.out.stdout_writer();
        export::write_table(&snapshot, spec::spec(table), format, args.excel, &mut out)?;
        out.flush().map_err(Error::output)?;
        return Ok(());
    }
    let dir = args
        .out
        .ok_or_else(|| Error::Input("export --all needs --out DIR".into()))?;
    let (tables, documents) =
        export::write_all(&snapshot, &dir, args.format, args.excel, args.force)?;
    drop(snapshot);
    let report = ExportReport {
        path: dir.display().to_string(),
        format: args.format,
        tables,
        documents,
    };
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    if ctx.out.quiet {
        return ctx.out.line(&report.path);
    }
    let total: u64 = report.tables.iter().map(|t| t.rows).sum();
    let bytes = match report.documents {
        0 => String::new(),
        n => format!(
            ", and the bytes of {} to {}",
            count_of(n as i64, "document", "documents"),
            import::documents_dir(&dir).display()
        ),
    };
    ctx.out.line(format!(
        "Exported {} tables ({}) to {} as {}{bytes}",
        report.tables.len(),
        rows(total),
        report.path,
        args.format
    ))
}

/// `jobtrack import …`
pub fn import(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    if args.target == Some(Target::Table(Table::Documents)) {
        return Err(Error::Input(
            "documents.csv names documents but does not hold their bytes; \
             import a whole export with 'jobtrack import --all DIR' (it reads DIR/documents/), \
             or add each file with 'jobtrack doc add FILE'"
                .into(),
        ));
    }
    // A missing input is bad input, found before the database is created.
    if let Some(input) = args.all.as_ref().or(args.file.as_ref()) {
        if args.all.is_some() && import::is_stdin(input) {
            return Err(Error::Input(
                "import --all takes a folder; standard input holds one file: \
                 jobtrack import TABLE -"
                    .into(),
            ));
        }
        if !import::is_stdin(input) && !input.exists() {
            return Err(Error::Input(format!(
                "no file or folder at {}",
                input.display()
            )));
        }
    }
    let mut conn = ctx.open(Access::Create)?;
    // Bigger page cache for big files (negative: KiB).
    conn.pragma_update(None, "cache_size", -32768)?;
    if let Some(dir) = &args.all {
        return import_dir(ctx, &mut conn, dir, args.dry_run);
    }
    let (Some(target), Some(file)) = (args.target, args.file) else {
        return Err(Error::Input(
            "import needs a TARGET and a FILE, or --all DIR".into(),
        ));
    };
    if target == Target::LinkedinExport {
        return import_linkedin(ctx, &mut conn, &file, args.dry_run);
    }

    // The input is opened once: a pipe cannot be read twice.
    let input = import::open_input(&file, args.sheet.as_deref())?;
    if input.empty {
        ctx.out.warning(format!(
            "{} is empty: a CSV import needs a header row naming its columns",
            input.label
        ));
    }
    let from = input.label.clone();
    let options = import::Options {
        update: args.update,
        map: args.map.clone(),
        date_format: args.date_format,
    };
    let tx = db::write(&mut conn)?;
    let report = match target {
        Target::Table(table) => import::import_table(&tx, table, input, &options, args.dry_run)?,
        Target::Linkedin(kind) => linkedin::import(&tx, &ctx.out, kind, input, args.dry_run)?,
        Target::LinkedinExport => unreachable!("handled above"),
    };
    if args.dry_run {
        drop(tx);
    } else {
        db::commit(tx)?;
    }
    print_report(ctx, &report, &from)
}

/// `import linkedin PATH`: every LinkedIn file of the export, in one
/// transaction; a report per file (a JSON array with `--json`).
fn import_linkedin(
    ctx: &Ctx,
    conn: &mut rusqlite::Connection,
    path: &std::path::Path,
    dry_run: bool,
) -> Result<()> {
    if import::is_stdin(path) {
        return Err(Error::Input(
            "import linkedin takes the export's .zip or folder, not standard input".into(),
        ));
    }
    let tx = db::write(conn)?;
    let reports = linkedin::import_export(&tx, &ctx.out, path, dry_run)?;
    if dry_run {
        drop(tx);
    } else {
        db::commit(tx)?;
    }
    if ctx.out.json {
        for note in reports.iter().flat_map(|r| &r.notes) {
            ctx.out.notice(note);
        }
        return ctx.out.print_json(&reports);
    }
    for report in &reports {
        print_report(ctx, report, report.file.as_deref().unwrap_or_default())?;
    }
    Ok(())
}

fn print_report(ctx: &Ctx, report: &ImportReport, from: &str) -> Result<()> {
    if !report.ignored.is_empty() {
        let (what, them) = match report.ignored.len() {
            1 => ("the column", "it"),
            _ => ("the columns", "them"),
        };
        ctx.out.notice(format!(
            "ignored {what} {}: {} has no column for {them} (name one with --map 'Header=column')",
            report.ignored.join(", "),
            report.table,
        ));
    }
    for note in &report.notes {
        ctx.out.notice(note);
    }
    if report.dry_run && !ctx.out.json && !ctx.out.quiet {
        for line in &report.mapping {
            ctx.out.line(format!("  {line}"))?;
        }
    }
    if ctx.out.json {
        return ctx.out.print_json(report);
    }
    if ctx.out.quiet {
        return ctx.out.line(report.added.to_string());
    }
    let mut also = String::new();
    if report.updated > 0 {
        also.push_str(&format!("; updated {}", rows(report.updated)));
    }
    if report.already_there > 0 {
        also.push_str(&format!("; {} already there", rows(report.already_there)));
    }
    if report.skipped > 0 {
        also.push_str(&format!("; skipped {}", rows(report.skipped)));
    }
    if report.dry_run {
        ctx.out.line(format!(
            "Dry run: {} from {from} would be added to {}{also}; nothing was written",
            rows(report.added),
            report.table
        ))
    } else {
        ctx.out.line(format!(
            "Imported {} from {from} into {}{also}",
            rows(report.added),
            report.table
        ))
    }
}

/// "1 row", "2 rows".
fn rows(n: u64) -> String {
    count_of(i64::try_from(n).unwrap_or(i64::MAX), "row", "rows")
}

fn import_dir(
    ctx: &Ctx,
    conn: &mut rusqlite::Connection,
    dir: &std::path::Path,
    dry_run: bool,
) -> Result<()> {
    let tx = db::write(conn)?;
    let held = rows_held(&tx)?;
    if !held.is_empty() {
        let path = ctx.db_path()?.path;
        let list = table_counts(held.iter().map(|&(t, n)| (t, n.unsigned_abs())));
        return Err(Error::Input(format!(
            "import --all needs an empty database; {} already holds {list} (import one table with 'jobtrack import TABLE FILE', or use another --db)",
            path.display(),
        )));
    }
    let loaded = import_all(&tx, &Source::Dir(dir))?;
    if dry_run {
        drop(tx);
    } else {
        db::commit(tx)?;
    }
    let reports: Vec<ImportReport> = loaded
        .iter()
        .map(|l| ImportReport {
            table: l.table.as_str(),
            added: l.added,
            dry_run,
            ..ImportReport::default()
        })
        .collect();
    if ctx.out.json {
        return ctx.out.print_json(&reports);
    }
    let total: u64 = loaded.iter().map(|l| l.added).sum();
    if ctx.out.quiet {
        return ctx.out.line(total.to_string());
    }
    let tables = table_counts(
        loaded
            .iter()
            .filter(|l| l.added > 0)
            .map(|l| (l.table.as_str(), l.added)),
    );
    let detail = if tables.is_empty() {
        String::new()
    } else {
        format!(" ({tables})")
    };
    if dry_run {
        ctx.out.line(format!(
            "Dry run: {} from {} would be imported{detail}; nothing was written",
            rows(total),
            dir.display()
        ))
    } else {
        ctx.out.line(format!(
            "Imported {} from {}{detail}",
            rows(total),
            dir.display()
        ))
    }
}

/// A progress bar on standard error, only when it is a terminal.
fn progress(length: u64, label: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{msg:>24} [{bar:40}] {percent:>3}%")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(length)
        .with_style(style)
        .with_message(label.to_string())
}
