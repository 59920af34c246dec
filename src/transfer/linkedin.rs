//! LinkedIn's data export: `Connections.csv` becomes contacts, `Job
//! Applications.csv` applied applications and `Saved Jobs.csv` saved ones.
//! The header row is found by name (Connections.csv starts with a "Notes:"
//! preamble); re-importing skips what is already there; a malformed row stops
//! the import with its row number and nothing is written.

use std::cell::Cell;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::import::{crash_hook, Input};
use super::loader::{exists, open_quote, start_history, QuoteWatch};
use super::{ImportReport, LinkedinFile};
use crate::applications::store::{self, NewApplication};
use crate::applications::Status;
use crate::error::{Error, Result};
use crate::network::store::{fill_missing_links, insert_contact, ContactFields};
use crate::network::Relationship;
use crate::output::{count_of, Output};
use crate::{dates, orgs};

/// The columns each file must have (others are ignored).
fn required_columns(kind: LinkedinFile) -> &'static [&'static str] {
    match kind {
        // Exports before about 2023 have no URL column; some have no
        // Email Address either.
        LinkedinFile::Connections => &[
            "First Name",
            "Last Name",
            "Company",
            "Position",
            "Connected On",
        ],
        LinkedinFile::Applications => &["Application Date", "Company Name", "Job Title", "Job Url"],
        LinkedinFile::SavedJobs => &["Saved Date", "Job Url", "Job Title", "Company Name"],
    }
}

fn usual_name(kind: LinkedinFile) -> &'static str {
    match kind {
        LinkedinFile::Connections => "Connections.csv",
        LinkedinFile::Applications => "Job Applications.csv",
        LinkedinFile::SavedJobs => "Saved Jobs.csv",
    }
}

/// One data row with its header, read by column name.
struct Row<'a> {
    header: &'a [String],
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    /// The trimmed cell under `name`, `None` when empty.
    fn get(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| self.record.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
}

/// Imports one LinkedIn file inside the caller's transaction.
pub fn import(
    conn: &Connection,
    out: &Output,
    kind: LinkedinFile,
    input: Input,
    dry_run: bool,
) -> Result<ImportReport> {
    let file = input.label.clone();
    let mut importer = Importer::new(conn)?;
    read_rows(&mut importer, kind, input)?;
    importer.warn_skipped(out, &file);
    let mut notes = Vec::new();
    if importer.quiet.get() > 0 {
        notes.push(stale_note(conn, importer.today)?);
    }
    Ok(ImportReport {
        table: match kind {
            LinkedinFile::Connections => "contacts",
            _ => "applications",
        },
        added: importer.added,
        already_there: importer.already_there,
        skipped: importer.skipped.len() as u64,
        skipped_rows: importer.skipped.iter().map(|(row, _)| *row).collect(),
        dry_run,
        notes,
        ..ImportReport::default()
    })
}

/// The note after an import that brought in applications with no news for
/// `QUIET_DAYS` or more: how many `app close --stale` would close, and the
/// command that shows them.
fn stale_note(conn: &Connection, today: NaiveDate) -> Result<String> {
    let stale = store::count_stale(conn, today)?;
    Ok(format!(
        "applications came in with no news for {QUIET_DAYS} days or more; {} now stale. \
         To close them as ghosted, look first: jobtrack app close --stale --as ghosted --dry-run",
        count_of(stale, "application is", "applications are")
    ))
}

/// Days without news after which an imported application earns the note.
const QUIET_DAYS: i64 = 60;

/// Reads `input`'s rows (after its header, found by name) into `importer`.
fn read_rows(importer: &mut Importer<'_>, kind: LinkedinFile, input: Input) -> Result<()> {
    let file = input.label;
    // Each record reads from a fresh budget: a field over the limit (or
    // endless bytes such as /dev/zero) stops the import with a short message.
    let (reader, budget) = crate::input::bounded(input.reader);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(QuoteWatch::new(reader));
    let wanted = required_columns(kind);
    let mut record = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut last = 1;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| malformed(&file, e.position().map_or(0, |p| p.line()), &e.to_string()))?;
        budget.reset();
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        last = line;
        let Some(names) = &header else {
            let names: Vec<String> = record
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').trim().to_string())
                .collect();
            if wanted.iter().all(|w| names.iter().any(|n| n == w)) {
                header = Some(names);
            }
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != names.len() {
            // A row that swallowed the rest of the file is an open quote.
            let mut next = csv::StringRecord::new();
            if matches!(reader.read_record(&mut next), Ok(false)) && reader.get_ref().open_quote() {
                return Err(open_quote(&file, line));
            }
            let problem = format!(
                "it has {} cells; the header has {}",
                record.len(),
                names.len()
            );
            return Err(malformed(&file, line, &problem));
        }
        let row = Row {
            header: names,
            record: &record,
        };
        importer.take(kind, &row, &file, line)?;
    }
    if reader.get_ref().open_quote() {
        return Err(open_quote(&file, last));
    }
    if header.is_none() {
        return Err(Error::Input(format!(
            "{file}: found no header row with the columns {}; is this LinkedIn's {}?",
            wanted.join(", "),
            usual_name(kind)
        )));
    }
    Ok(())
}

/// `import linkedin PATH`: every file jobtrack reads from LinkedIn's
/// export, as its `.zip` or the folder it unzips to, inside the caller's
/// transaction: Connections, then Job Applications (also split into
/// `Job Applications_1.csv`, `_2`…), then Saved Jobs (a saved job already
/// applied to is already there). One report per file.
pub fn import_export(
    conn: &Connection,
    out: &Output,
    path: &Path,
    dry_run: bool,
) -> Result<Vec<ImportReport>> {
    let mut files = if path.is_dir() {
        files_in_folder(path)?
    } else {
        files_in_zip(path)?
    };
    if files.is_empty() {
        return Err(Error::Input(format!(
            "{} holds none of LinkedIn's Connections.csv, Job Applications.csv or Saved Jobs.csv \
             (request your data archive from LinkedIn's Settings & Privacy, Data privacy, \
             Get a copy of your data)",
            path.display()
        )));
    }
    files.sort_by(|a, b| (order(a.0), &a.1).cmp(&(order(b.0), &b.1)));
    let mut reports = Vec::with_capacity(files.len());
    let mut quiet = false;
    for (kind, name, bytes) in files {
        let input = Input {
            length: bytes.len() as u64,
            reader: Box::new(std::io::Cursor::new(bytes)),
            label: format!("{}: {name}", path.display()),
            empty: false,
        };
        let mut report = import(conn, out, kind, input, dry_run)?;
        quiet |= !std::mem::take(&mut report.notes).is_empty();
        report.file = Some(name);
        reports.push(report);
    }
    if let (true, Some(last)) = (quiet, reports.last_mut()) {
        last.notes.push(stale_note(conn, dates::today()?)?);
    }
    Ok(reports)
}

/// The import order of LinkedIn's files.
fn order(kind: LinkedinFile) -> u8 {
    match kind {
        LinkedinFile::Connections => 0,
        LinkedinFile::Applications => 1,
        LinkedinFile::SavedJobs => 2,
    }
}

/// Which LinkedIn file a file name is (any folder; `Job Applications_2.csv`
/// is a part of Job Applications).
fn kind_of(name: &str) -> Option<LinkedinFile> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.strip_suffix(".csv")?;
    let stem = match stem.rsplit_once('_') {
        Some((head, part)) if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => stem,
    };
    match stem {
        "Connections" => Some(LinkedinFile::Connections),
        "Job Applications" => Some(LinkedinFile::Applications),
        "Saved Jobs" => Some(LinkedinFile::SavedJobs),
        _ => None,
    }
}

/// The largest LinkedIn file read from an archive (their files are small;
/// this only stops a damaged or hostile archive from filling memory).
const MOST_BYTES: u64 = 256 << 20;

/// (kind, name, contents) of the LinkedIn files in a `.zip`.
fn files_in_zip(path: &Path) -> Result<Vec<(LinkedinFile, String, Vec<u8>)>> {
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::Input(format!("no file or folder at {}", path.display()))
        }
        _ => Error::io(path, e),
    })?;
    let not_zip = |e: zip::result::ZipError| {
        Error::Input(format!(
            "{} is not a LinkedIn export: give the .zip LinkedIn sent, or the folder it unzips to ({e})",
            path.display()
        ))
    };
    let mut archive = zip::ZipArchive::new(file).map_err(not_zip)?;
    let mut found = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(not_zip)?;
        let name = entry.name().to_string();
        let Some(kind) = kind_of(&name) else { continue };
        let mut bytes = Vec::new();
        (&mut entry)
            .take(MOST_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        found.push((kind, name, bytes));
    }
    Ok(found)
}

/// (kind, name, contents) of the LinkedIn files in a folder and the
/// folders in it (LinkedIn puts the job files in `Jobs/`).
fn files_in_folder(dir: &Path) -> Result<Vec<(LinkedinFile, String, Vec<u8>)>> {
    let mut found = Vec::new();
    let mut folders = vec![(dir.to_path_buf(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| Error::io(&folder, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(&folder, e))?.path();
            if path.is_dir() && depth < 3 {
                folders.push((path, depth + 1));
                continue;
            }
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .display()
                .to_string();
            if let Some(kind) = kind_of(&name) {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                found.push((kind, name, bytes));
            }
        }
    }
    Ok(found)
}

fn malformed(file: &str, line: u64, problem: &str) -> Error {
    Error::Input(format!(
        "{file}: row {line}: {problem}; nothing was imported"
    ))
}

/// What became of one row.
enum Outcome {
    Added,
    Present,
    /// Left out, for this reason (the row number is added).
    Skipped(&'static str),
}

/// Why a connection is left out.
const NAMELESS: &str = "no name (LinkedIn lists members who hide their profile that way)";

/// Why a job is left out.
const REMOVED_POSTING: &str =
    "no company or no title (LinkedIn empties both when a posting is removed)";

/// Why a row stopped the import.
enum Bad {
    /// The row is malformed (reported with its row number).
    Row(String),
    /// Anything else (database errors).
    Fatal(Error),
}

impl From<Error> for Bad {
    fn from(e: Error) -> Self {
        Bad::Fatal(e)
    }
}

impl From<rusqlite::Error> for Bad {
    fn from(e: rusqlite::Error) -> Self {
        Bad::Fatal(e.into())
    }
}

struct Importer<'c> {
    conn: &'c Connection,
    timestamp: String,
    today: NaiveDate,
    added: u64,
    already_there: u64,
    /// The rows left out: (row number, why).
    skipped: Vec<(u64, &'static str)>,
    /// Applications added with no news for `QUIET_DAYS` or more.
    quiet: Cell<u64>,
}

impl<'c> Importer<'c> {
    /// Imports one data row of a `kind` file and counts it: added, already
    /// there, or skipped (with its row number).
    fn take(&mut self, kind: LinkedinFile, row: &Row<'_>, file: &str, line: u64) -> Result<()> {
        let outcome = match kind {
            LinkedinFile::Connections => self.connection(row),
            LinkedinFile::Applications => self.job(row, Status::Applied, "Application Date"),
            LinkedinFile::SavedJobs => self.job(row, Status::Saved, "Saved Date"),
        };
        match outcome {
            Ok(Outcome::Added) => {
                self.added += 1;
                crash_hook(self.added);
            }
            Ok(Outcome::Present) => self.already_there += 1,
            Ok(Outcome::Skipped(why)) => self.skipped.push((line, why)),
            Err(Bad::Row(problem)) => return Err(malformed(file, line, &problem)),
            Err(Bad::Fatal(e)) => return Err(e),
        }
        Ok(())
    }

    /// One warning per reason, naming the rows left out (the first 20).
    fn warn_skipped(&self, out: &Output, file: &str) {
        for why in [NAMELESS, REMOVED_POSTING] {
            let rows: Vec<String> = self
                .skipped
                .iter()
                .filter(|(_, w)| *w == why)
                .map(|(row, _)| row.to_string())
                .collect();
            if rows.is_empty() {
                continue;
            }
            let more = match rows.len() {
                0..=20 => String::new(),
                n => format!(" and {} more", n - 20),
            };
            out.warning(format!(
                "{file}: skipped {} with {why}: row{} {}{more}",
                count_of(rows.len() as i64, "row", "rows"),
                if rows.len() == 1 { "" } else { "s" },
                rows[..rows.len().min(20)].join(", ")
            ));
        }
    }

    fn new(conn: &'c Connection) -> Result<Self> {
        Ok(Importer {
            conn,
            timestamp: dates::timestamp()?,
            today: dates::today()?,
            added: 0,
            already_there: 0,
            skipped: Vec::new(),
            quiet: Cell::new(0),
        })
    }

    fn org(&self, name: Option<&str>) -> Result<Option<i64>> {
        match name.map(orgs::normalize).filter(|n| !n.is_empty()) {
            Some(name) => Ok(Some(
                orgs::find_or_create(self.conn, "Company", &name, &self.timestamp)?.0,
            )),
            None => Ok(None),
        }
    }

    /// A row of Connections.csv → a contact (relationship `other`).
    fn connection(&self, row: &Row<'_>) -> std::result::Result<Outcome, Bad> {
        let name = orgs::normalize(&format!(
            "{} {}",
            row.get("First Name").unwrap_or(""),
            row.get("Last Name").unwrap_or("")
        ));
        if name.is_empty() {
            return Ok(Outcome::Skipped(NAMELESS));
        }
        let added_on = match row.get("Connected On") {
            Some(text) => parse_date(text).ok_or_else(|| {
                Bad::Row(format!(
                    "Connected On {text:?} is not a date like 12 Nov 2023"
                ))
            })?,
            None => self.today,
        };
        let url = row.get("URL");
        let company = row.get("Company").filter(|c| !placeholder(c));
        let email = row.get("Email Address").filter(|e| is_email(e));
        if let Some(id) = self.known_contact(&name, company, url)? {
            fill_missing_links(self.conn, id, url, email)?;
            return Ok(Outcome::Present);
        }
        let org_id = self.org(company)?;
        let fields = ContactFields {
            name,
            org_id,
            role: row.get("Position").map(str::to_owned),
            email: email.map(str::to_owned),
            phone: None,
            linkedin_url: url.map(str::to_owned),
            relationship: Relationship::Other,
            met_via: None,
            follow_up_on: None,
            notes: None,
        };
        insert_contact(self.conn, &fields, added_on)?;
        Ok(Outcome::Added)
    }

    /// The contact a connection already is: the same profile URL, else the
    /// same name at the same organization (when at most one has a URL).
    fn known_contact(
        &self,
        name: &str,
        company: Option<&str>,
        url: Option<&str>,
    ) -> Result<Option<i64>> {
        if let Some(url) = url {
            let id = self
                .conn
                .prepare_cached("SELECT id FROM contacts WHERE linkedin_url = ?1")?
                .query_row([url], |r| r.get(0))
                .optional()?;
            if id.is_some() {
                return Ok(id);
            }
        }
        let org_id = match company {
            // A company not in the database yet: nobody is known there.
            Some(company) => match orgs::find(self.conn, company)? {
                Some((id, _)) => Some(id),
                None => return Ok(None),
            },
            None => None,
        };
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM contacts WHERE name = ?1 COLLATE NOCASE
                   AND org_id IS ?2 AND (linkedin_url IS NULL OR ?3 IS NULL) ORDER BY id",
            )?
            .query_row(params![name, org_id, url], |r| r.get(0))
            .optional()?)
    }

    /// A row of Job Applications.csv or Saved Jobs.csv → an application
    /// with source `linkedin`, one status event and no follow-up.
    fn job(
        &self,
        row: &Row<'_>,
        status: Status,
        date_column: &str,
    ) -> std::result::Result<Outcome, Bad> {
        let date_text = row
            .get(date_column)
            .ok_or_else(|| Bad::Row(format!("{date_column} is empty")))?;
        let date = parse_date(date_text).ok_or_else(|| {
            Bad::Row(format!(
                "{date_column} {date_text:?} is not a date like \"7/6/23, 2:20 PM\""
            ))
        })?;
        let company = row.get("Company Name").filter(|c| !placeholder(c));
        let (Some(company), Some(title)) = (company, row.get("Job Title")) else {
            return Ok(Outcome::Skipped(REMOVED_POSTING));
        };
        let url = row.get("Job Url");
        let org_id = orgs::find(self.conn, company)?.map(|(id, _)| id);
        let by_url = exists(
            self.conn,
            "SELECT EXISTS (SELECT 1 FROM applications WHERE url = ?1)",
            url,
        )?;
        let by_posting = match org_id {
            Some(org_id) => self
                .conn
                .prepare_cached(
                    "SELECT 1 FROM applications WHERE org_id = ?1 AND title = ?2 COLLATE NOCASE
                       AND coalesce(applied_on, added_on) = ?3 AND (url IS NULL OR ?4 IS NULL)",
                )?
                .query_row(params![org_id, title, date, url], |_| Ok(()))
                .optional()?
                .is_some(),
            None => false,
        };
        if by_url || by_posting {
            return Ok(Outcome::Present);
        }
        let org_id = self
            .org(Some(company))?
            .ok_or_else(|| Bad::Row("Company Name is empty".into()))?;
        let new = NewApplication {
            org_id,
            title: title.to_string(),
            status,
            source: Some("linkedin".into()),
            url: url.map(str::to_string),
            location: None,
            work_mode: None,
            salary: None,
            applied_on: (status == Status::Applied).then_some(date),
            follow_up_on: None,
            referral_contact_id: None,
            notes: None,
            posting: store::Posting::default(),
        };
        let id = store::insert(self.conn, &new, &self.timestamp)?;
        if status.can_go_stale() && dates::days_between(date, self.today) >= QUIET_DAYS {
            self.quiet.set(self.quiet.get() + 1);
        }
        start_history(self.conn, id, status, date)?;
        store::refresh_derived(self.conn, id)?;
        Ok(Outcome::Added)
    }
}

/// A company cell that names no company: `-`, `--`, `.`, `N/A`, `NA`,
/// `none` or `confidential`, in any case.
fn placeholder(company: &str) -> bool {
    let folded = company.trim().to_ascii_lowercase();
    matches!(
        folded.as_str(),
        "-" | "--" | "." | "n/a" | "na" | "none" | "confidential"
    )
}

/// An email address, not LinkedIn's member id (`urn:li:member:…`), which
/// old exports put in the Email Address column.
fn is_email(text: &str) -> bool {
    text.contains('@') && !text.to_ascii_lowercase().starts_with("urn:")
}

/// LinkedIn's dates: `12 Nov 2023` (Connections), `7/6/23, 2:20 PM`
/// (month/day/year, applications and saved jobs), or `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = dates::parse_iso(text) {
        return Some(date);
    }
    for format in ["%d %b %Y", "%d %B %Y", "%d-%b-%y", "%b %d, %Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(text, format) {
            return Some(date);
        }
    }
    let day_part = text.split([',', ' ']).next()?;
    let mut parts = day_part.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = match year.len() {
        2 => 2000 + number(year, 2)? as i32,
        4 => number(year, 4)? as i32,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_date_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("12 Nov 2023"), d(2023, 11, 12));
        assert_eq!(parse_date("7/6/23, 2:20 PM"), d(2023, 7, 6));
        assert_eq!(parse_date("12/31/2024, 11:59 AM"), d(2024, 12, 31));
        assert_eq!(parse_date("2023-11-12"), d(2023, 11, 12));
        for bad in ["", "13/1/23, 1:00 PM", "2/30/23", "soon", "7/6", "1/2/3/4"] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }
}
