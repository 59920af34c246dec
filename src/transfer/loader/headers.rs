//! Which header cell feeds which column. Export files name the columns
//! exactly; spreadsheets say "Company", "Date Applied" or "Job Link", so
//! names match ignoring case, spaces, `_` and `-`, through the synonyms of
//! DESIGN §10.9 "Imports" and the export headers of other job trackers, or
//! through `--map 'Header=column,…'`. A header cell that matches nothing is
//! ignored and named in a notice.

use crate::error::{Error, Result};
use crate::transfer::spec::{Fill, Spec, Table};

/// Where each column's cells are, and what the header said.
#[derive(Debug, Default)]
pub(in crate::transfer) struct Header {
    /// Per column of the spec: the position of its cell in a record.
    pub(super) positions: Vec<Option<usize>>,
    /// The position of a salary cell ("42k-48k") feeding salary_min and
    /// salary_max, for applications without those columns.
    pub(super) salary: Option<usize>,
    /// (header as written, column) for every header that is not already
    /// a column's exact name: what `--dry-run` shows.
    pub(in crate::transfer) renamed: Vec<(String, String)>,
    /// Header cells that feed no column.
    pub(in crate::transfer) ignored: Vec<String>,
    /// (column, word as written, value read) for the words read as another
    /// value's spelling ("Interviewing" → interview), once each.
    pub(in crate::transfer) words: Vec<(&'static str, String, &'static str)>,
}

/// The pseudo-column a salary range goes to (split into min and max).
const SALARY: &str = "salary";

/// Header synonyms by table: (normalized header, column). DESIGN §10.9's
/// list, then the export headers of other trackers: JobSync's CSV export
/// (`src/app/api/jobs/export/route.ts` in Gsync/jobsync: Company, JobTitle,
/// Status, appliedDate, Locations, JobSource; its jobType and createdAt are
/// ignored) and the field names Huntr's and Teal's boards show (Job
/// Position, List, Job Link).
fn synonyms(table: Table) -> &'static [(&'static str, &'static str)] {
    match table {
        Table::Applications => &[
            ("company", "org"),
            ("companyname", "org"),
            ("employer", "org"),
            ("organization", "org"),
            ("organisation", "org"),
            ("position", "title"),
            ("jobtitle", "title"),
            ("jobposition", "title"),
            ("job", "title"),
            ("role", "title"),
            ("stage", "status"),
            ("applicationstatus", "status"),
            ("list", "status"),
            ("dateapplied", "applied_on"),
            ("applied", "applied_on"),
            ("appliedon", "applied_on"),
            ("applieddate", "applied_on"),
            ("applicationdate", "applied_on"),
            ("date", "applied_on"),
            ("link", "url"),
            ("joburl", "url"),
            ("joblink", "url"),
            ("posting", "url"),
            ("postingurl", "url"),
            ("city", "location"),
            ("locations", "location"),
            ("salary", SALARY),
            ("pay", SALARY),
            ("compensation", SALARY),
            ("salaryrange", SALARY),
            ("foundon", "source"),
            ("jobboard", "source"),
            ("jobsource", "source"),
            ("where", "source"),
            ("followup", "follow_up_on"),
            ("followupdate", "follow_up_on"),
            ("nextstepdate", "follow_up_on"),
            ("comments", "notes"),
            ("note", "notes"),
        ],
        Table::Contacts => &[
            ("fullname", "name"),
            ("company", "org"),
            ("companyname", "org"),
            ("employer", "org"),
            ("organization", "org"),
            ("position", "role"),
            ("title", "role"),
            ("jobtitle", "role"),
            ("emailaddress", "email"),
            ("linkedin", "linkedin_url"),
            ("linkedinurl", "linkedin_url"),
            ("url", "linkedin_url"),
            ("comments", "notes"),
        ],
        _ => &[("comments", "notes")],
    }
}

/// A header name as compared: lower case, without spaces, `_`, `-` and a BOM.
pub(super) fn normalize(name: &str) -> String {
    name.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses `--map 'Header=column,…'` into (normalized header, column),
/// checking each column against the table's.
pub(in crate::transfer) fn parse_map(spec: &Spec, text: &str) -> Result<Vec<(String, String)>> {
    let mut map = Vec::new();
    for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((header, column)) = pair.split_once('=') else {
            return Err(Error::invalid(
                "--map",
                pair,
                "Header=column pairs separated by commas, like 'Company=org,Role=title'",
            ));
        };
        let column = column.trim().to_ascii_lowercase();
        let known = spec.index(&column).is_some()
            || (spec.table == Table::Applications && column == SALARY);
        if !known {
            return Err(Error::invalid(
                "--map",
                pair,
                format!("a column of {}: {}", spec.name(), spec.header_names()),
            ));
        }
        map.push((normalize(header), column));
    }
    Ok(map)
}

/// Maps a header onto `spec`'s columns (see the module comment).
pub(super) fn map_header(
    spec: &Spec,
    file: &str,
    header: &csv::StringRecord,
    map: &[(String, String)],
) -> Result<Header> {
    let mut found = Header {
        positions: vec![None; spec.columns.len()],
        ..Header::default()
    };
    for (position, name) in header.iter().enumerate() {
        let clean = name.trim_start_matches('\u{feff}').trim();
        if position == 0 && (clean.starts_with('[') || clean.starts_with('{')) {
            return Err(Error::Input(format!(
                "{file} looks like JSON; only CSV files are imported (export with --format csv)"
            )));
        }
        if clean.is_empty() {
            continue;
        }
        let Some(column) = column_for(spec, clean, map) else {
            found.ignored.push(clean.to_string());
            continue;
        };
        if column != clean.to_ascii_lowercase() {
            found.renamed.push((clean.to_string(), column.to_string()));
        }
        let slot = match spec.index(column) {
            Some(index) => &mut found.positions[index],
            None => &mut found.salary,
        };
        if slot.replace(position).is_some() {
            return Err(Error::Input(format!(
                "{file}: two header cells feed the column {column} (the second is {clean:?}); \
                 rename one, or use --map to say which is which"
            )));
        }
    }
    require_columns(spec, file, &found.positions)?;
    Ok(found)
}

/// The column a header cell feeds: `--map` first, then the exact name
/// (any case, spaces, `_` or `-`), then the table's synonyms.
fn column_for<'s>(spec: &'s Spec, name: &str, map: &'s [(String, String)]) -> Option<&'s str> {
    let key = normalize(name);
    if let Some((_, column)) = map.iter().find(|(header, _)| *header == key) {
        return Some(column.as_str());
    }
    if let Some(column) = spec.columns.iter().find(|c| normalize(c.name) == key) {
        return Some(column.name);
    }
    synonyms(spec.table)
        .iter()
        .find(|(synonym, _)| *synonym == key)
        .map(|(_, column)| *column)
}

/// Refuses a header without a column the table needs.
fn require_columns(spec: &Spec, file: &str, positions: &[Option<usize>]) -> Result<()> {
    let missing: Vec<&str> = spec
        .columns
        .iter()
        .zip(positions)
        .filter(|(c, p)| c.fill == Fill::Required && p.is_none())
        .map(|(c, _)| c.name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::Input(format!(
        "{file}: the header has no {} column, which {} needs (it accepts: {}, \
         or a name given with --map 'Header=column')",
        missing.join(", "),
        spec.name(),
        spec.header_names()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer::spec::spec;

    fn header(cells: &[&str]) -> csv::StringRecord {
        csv::StringRecord::from(cells.to_vec())
    }

    #[test]
    fn spreadsheet_headers_find_their_columns() {
        let apps = spec(Table::Applications);
        let found = map_header(
            apps,
            "f.csv",
            &header(&[
                "\u{feff}Company",
                "Job Title",
                "Date Applied",
                "Stage",
                "Salary Range",
                "Excitement",
                "FOLLOW-UP date",
            ]),
            &[],
        )
        .unwrap();
        let at = |name| found.positions[apps.index(name).unwrap()];
        assert_eq!(
            (at("org"), at("title"), at("applied_on"), at("status")),
            (Some(0), Some(1), Some(2), Some(3))
        );
        assert_eq!(found.salary, Some(4));
        assert_eq!(at("follow_up_on"), Some(6));
        assert_eq!(found.ignored, ["Excitement"]);
        let map = parse_map(apps, "Excitement=notes").unwrap();
        let found = map_header(
            apps,
            "f.csv",
            &header(&["org", "title", "Excitement"]),
            &map,
        )
        .unwrap();
        assert_eq!(found.positions[apps.index("notes").unwrap()], Some(2));
        assert!(parse_map(apps, "Excitement=mood").is_err());
        assert!(parse_map(apps, "Excitement").is_err());
    }
}
