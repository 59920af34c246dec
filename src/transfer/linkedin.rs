//! LinkedIn's data export: `Connections.csv` becomes contacts, `Job
//! Applications.csv` applied applications and `Saved Jobs.csv` saved ones.
//! The header row is found by name (Connections.csv starts with a "Notes:"
//! preamble); re-importing skips what is already there; a malformed row stops
//! the import with its row number and nothing is written.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::import::{crash_hook, Input};
use super::loader::{exists, open_quote, start_history, QuoteWatch};
use super::{ImportReport, LinkedinFile};
use crate::applications::store::{self, NewApplication};
use crate::applications::Status;
use crate::error::{Error, Result};
use crate::network::store::{insert_contact, ContactFields};
use crate::network::Relationship;
use crate::output::Output;
use crate::{dates, orgs};

/// The columns each file must have (others are ignored).
fn required_columns(kind: LinkedinFile) -> &'static [&'static str] {
    match kind {
        LinkedinFile::Connections => &[
            "First Name",
            "Last Name",
            "URL",
            "Email Address",
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
    let file = input.label;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(QuoteWatch::new(input.reader));
    let wanted = required_columns(kind);
    let mut record = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut importer = Importer::new(conn)?;
    let mut last = 1;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| malformed(&file, e.position().map_or(0, |p| p.line()), &e.to_string()))?;
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
            return Err(malformed(
                &file,
                line,
                &format!(
                    "it has {} cells; the header has {}",
                    record.len(),
                    names.len()
                ),
            ));
        }
        let row = Row {
            header: names,
            record: &record,
        };
        importer.take(kind, &row, out, &file, line)?;
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
    Ok(ImportReport {
        table: match kind {
            LinkedinFile::Connections => "contacts",
            _ => "applications",
        },
        added: importer.added,
        already_there: importer.already_there,
        skipped: importer.skipped_rows.len() as u64,
        skipped_rows: importer.skipped_rows,
        dry_run,
        ..ImportReport::default()
    })
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
    Nameless,
}

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
    /// The rows left out (no name), by row number.
    skipped_rows: Vec<u64>,
}

impl<'c> Importer<'c> {
    /// Imports one data row of a `kind` file and counts it: added, already
    /// there, or skipped without a name (with a warning naming the row).
    fn take(
        &mut self,
        kind: LinkedinFile,
        row: &Row<'_>,
        out: &Output,
        file: &str,
        line: u64,
    ) -> Result<()> {
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
            Ok(Outcome::Nameless) => {
                self.skipped_rows.push(line);
                out.warning(format!("{file}: row {line} has no name; skipped"));
            }
            Err(Bad::Row(problem)) => return Err(malformed(file, line, &problem)),
            Err(Bad::Fatal(e)) => return Err(e),
        }
        Ok(())
    }

    fn new(conn: &'c Connection) -> Result<Self> {
        Ok(Importer {
            conn,
            timestamp: dates::timestamp()?,
            today: dates::today()?,
            added: 0,
            already_there: 0,
            skipped_rows: Vec::new(),
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
            return Ok(Outcome::Nameless);
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
        let company = row.get("Company");
        let org_id = match company {
            Some(company) => orgs::find(self.conn, company)?.map(|(id, _)| id),
            None => None,
        };
        let by_url = exists(
            self.conn,
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE linkedin_url = ?1)",
            url,
        )?;
        let by_name: bool = match (company, org_id) {
            // A company not in the database yet: nobody is known there.
            (Some(_), None) => false,
            _ => self
                .conn
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM contacts WHERE name = ?1 COLLATE NOCASE
                       AND org_id IS ?2 AND (linkedin_url IS NULL OR ?3 IS NULL))",
                )?
                .query_row(params![name, org_id, url], |r| r.get(0))?,
        };
        if by_url || by_name {
            return Ok(Outcome::Present);
        }
        let org_id = self.org(company)?;
        let fields = ContactFields {
            name,
            org_id,
            role: row.get("Position").map(str::to_owned),
            email: row.get("Email Address").map(str::to_owned),
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
        let company = row
            .get("Company Name")
            .ok_or_else(|| Bad::Row("Company Name is empty".into()))?;
        let title = row
            .get("Job Title")
            .ok_or_else(|| Bad::Row("Job Title is empty".into()))?;
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
        };
        let id = store::insert(self.conn, &new, &self.timestamp)?;
        start_history(self.conn, id, status, date)?;
        store::refresh_derived(self.conn, id)?;
        Ok(Outcome::Added)
    }
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
