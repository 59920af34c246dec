//! The row loader behind every CSV import: maps a header onto a table's
//! columns, validates each cell in Rust (so errors name row and column),
//! inserts valid rows and collects every refusal into `Problems`.
//!
//! It is the hot loop of a large import, so it holds its statements for the
//! whole file, binds cells borrowed from the reused CSV record (no copy per
//! cell), remembers the organizations it has seen, and gives applications
//! imported without their history their derived columns as they go in.

mod cells;
mod headers;
mod matching;
mod problems;
mod quotes;
mod spreadsheet_dates;

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection, ErrorCode, Statement};

use cells::{derived, Checked, Param, DERIVED};
pub(super) use headers::{parse_map, Header};
use matching::{Fate, Matcher};
pub(super) use problems::Problems;
use problems::{constraint, csv_reason, unreadable};
pub(in crate::transfer) use quotes::QuoteWatch;
use spreadsheet_dates::DateColumn;

use super::import::crash_hook;
use super::progress;
use super::spec::{Fill, Kind, Spec, Table, LEGACY_REFERRAL};
use crate::applications::store;
use crate::applications::{EventKind, Status};
use crate::db::undo;
use crate::error::{Error, Result};
use crate::output::spreadsheet_unsafe;
use crate::{dates, documents};

/// Whether imported applications bring their history with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum History {
    /// `import --all`: events come from application_events.csv.
    Kept,
    /// `import applications`: each new application gets one status event.
    Started,
}

/// Validates and inserts rows, one table at a time.
pub(super) struct Loader<'c> {
    conn: &'c Connection,
    timestamp: String,
    /// Today as stored (`YYYY-MM-DD`), for cells that default to it.
    today_text: String,
    /// The latest date a `Kind::PastDate` cell may hold (`YYYY-MM-DD`).
    latest_past: String,
    history: History,
    /// Today, for the status entry of an `--update` that changes a status.
    today: NaiveDate,
    /// `--update`: rows whose ids are stored update those records.
    update: bool,
    /// `--date-format`: how to read dates like 3/4/2026.
    date_format: Option<super::DateFormat>,
    /// `--map`: (normalized header, column) pairs.
    map: Vec<(String, String)>,
    /// What the last file's header fed (for notices and `--dry-run`).
    header: Header,
    /// Rows inserted in this transaction, for the crash hook.
    inserted: Cell<u64>,
    /// Rows that updated a stored record, and rows already there.
    updated: Cell<u64>,
    already_there: Cell<u64>,
}

/// What one `load` holds for the whole file: its statements, the
/// organizations it has found or created, and the ids it has handed out.
struct Prepared<'c> {
    /// The INSERT of one row, and of `BATCH` rows at once.
    one: Statement<'c>,
    many: Statement<'c>,
    /// Per column: the `EXISTS` query of an id (`Kind::Id`, `Kind::Ref`).
    checks: Vec<Option<Statement<'c>>>,
    /// Organization ids by name folded as the NOCASE collation folds it
    /// (ASCII only); bounded by the distinct names in the file.
    orgs: HashMap<String, i64>,
    /// A buffer for the org key, reused across rows.
    key: String,
    /// The position of the `id` column, when the table has one.
    id: Option<usize>,
    /// The largest id in the table once the rows read so far are in.
    max_id: i64,
    /// The ids of the rows read but not inserted yet (one batch).
    pending: Vec<i64>,
    /// Set for `import applications`: each row also gets its first event.
    started: Option<Started<'c>>,
    /// Finds the stored twin of a row (re-imports).
    matcher: Matcher<'c>,
    /// The id of the row being checked, when that id is already stored.
    stored: Option<i64>,
    /// A salary range cell feeding salary_min, salary_max and
    /// salary_period: (its position, their indexes).
    salary: Option<(usize, [usize; 3])>,
    /// Per column: what its non-ISO dates have shown (month/day or day/month).
    dates: Vec<DateColumn>,
    /// The file's row number of the row being checked.
    row: u64,
    /// (column, word as written) → the value it was read as, for words
    /// that are not the value's own spelling ("Interviewing" → interview).
    words: BTreeMap<(&'static str, String), &'static str>,
    /// (application, contact) links from a legacy `referral_contact_id`
    /// column, waiting for their batch to go in.
    referrers: Vec<(i64, i64)>,
    /// For documents: the position of `size`, whose value sizes the room
    /// left for the content.
    content_size: Option<usize>,
}

/// Whether a contact id exists.
const CONTACT_EXISTS: &str = "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1)";

/// What an application imported without its history needs.
struct Started<'c> {
    /// The INSERT of one `status` event, and of `BATCH` of them.
    one: Statement<'c>,
    many: Statement<'c>,
    status: usize,
    applied_on: usize,
    /// Where the derived `added_on` (the event's date) sits in a row's values.
    date: usize,
}

impl<'c> Loader<'c> {
    pub(super) fn new(conn: &'c Connection, history: History) -> Result<Self> {
        let today = dates::today()?;
        Ok(Loader {
            conn,
            timestamp: dates::timestamp()?,
            latest_past: today.to_string(),
            today_text: today.to_string(),
            history,
            today,
            update: false,
            date_format: None,
            map: Vec::new(),
            header: Header::default(),
            inserted: Cell::new(0),
            updated: Cell::new(0),
            already_there: Cell::new(0),
        })
    }

    /// Lets past-only dates lie after today: for the embedded sample, which
    /// is dated for its own day and moved to end this week after loading.
    pub(super) fn allow_later_dates(&mut self) {
        self.latest_past = "9999-12-31".into();
    }

    /// With `--update`: a row whose id is stored updates that record.
    pub(super) fn updating(mut self, update: bool) -> Self {
        self.update = update;
        self
    }

    /// With `--date-format`: the order of dates like 3/4/2026.
    pub(super) fn dates(mut self, order: Option<super::DateFormat>) -> Self {
        self.date_format = order;
        self
    }

    /// With `--map`: header names for columns, as `parse_map` made them.
    pub(super) fn mapping(mut self, map: Vec<(String, String)>) -> Self {
        self.map = map;
        self
    }

    /// What the last file's header fed: renamed and ignored header cells.
    pub(super) fn header(&self) -> &Header {
        &self.header
    }

    /// How many rows updated stored records, and how many were already there.
    pub(super) fn matched(&self) -> (u64, u64) {
        (self.updated.get(), self.already_there.get())
    }

    /// Maps the file's header onto the table's columns (`self.header`). A
    /// whole export (`--all`) must have no unknown column: there it would be
    /// data lost, not a spreadsheet's extra column.
    fn read_header(&mut self, spec: &Spec, file: &str, header: &csv::StringRecord) -> Result<()> {
        self.header = headers::map_header(spec, file, header, &self.map)?;
        // An export from before version 5 has `referral_contact_id`: read as
        // a referrer link, never an unknown column.
        if spec.table == Table::Applications {
            self.header
                .ignored
                .retain(|name| name.to_ascii_lowercase() != LEGACY_REFERRAL);
        }
        if self.history == History::Kept && !self.header.ignored.is_empty() {
            return Err(Error::Input(format!(
                "{file}: unknown column {} in the header; {} accepts: {}",
                self.header.ignored.join(", "),
                spec.name(),
                spec.header_names()
            )));
        }
        Ok(())
    }

    /// Loads one CSV into `spec`'s table; refused rows go to `problems`.
    /// Returns how many rows were inserted. Rows are read, checked and
    /// inserted `BATCH` at a time (one INSERT of many rows costs SQLite far
    /// less than as many single-row ones); a batch SQLite refuses is
    /// inserted again row by row, so every refusal names its row.
    pub(super) fn load(
        &mut self,
        spec: &Spec,
        file: &str,
        input: impl Read,
        length: u64,
        problems: &mut Problems,
    ) -> Result<u64> {
        let (input, budget) = crate::input::bounded(input);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(QuoteWatch::new(input));
        let header = reader
            .headers()
            .map_err(|e| unreadable(file, 1, e))?
            .clone();
        check_header_size(file, &header)?;
        if header
            .iter()
            .all(|h| h.trim_start_matches('\u{feff}').trim().is_empty())
        {
            return Ok(0);
        }
        self.read_header(spec, file, &header)?;
        let positions = self.header.positions.clone();
        // The undo log records the appended rows as id ranges, not a
        // statement per row.
        let mut bulk = undo::pause(self.conn, length / BYTES_PER_ROW >= BULK_ROWS)?;
        let legacy = legacy_referral(spec, &header);
        let deferred = self.defer_indexes(spec, length)?;
        let mut prepared = self.prepare(spec, &positions)?;
        let bar = progress(length, spec.name());
        let mut batch = Batch::new();
        let mut added = 0u64;
        while !batch.done {
            batch.fill(&mut reader, &budget, file, header.len(), problems)?;
            prepared.pending.clear();
            let mut checked = Vec::with_capacity(batch.filled);
            for (record, &number) in batch.records[..batch.filled].iter().zip(&batch.numbers) {
                let row = CsvRow {
                    record,
                    positions: &positions,
                    file,
                    number,
                };
                if let Some(values) = self.values(spec, &mut prepared, &row, problems)? {
                    if let Some(position) = legacy {
                        self.referrer(&mut prepared, &row, position, &values, problems)?;
                    }
                    checked.push((number, values));
                }
            }
            added += self.insert(spec, &mut prepared, &checked, file, problems)?;
            bulk.inserted(spec.name(), &prepared.pending);
            self.link_referrers(&mut prepared)?;
            bar.set_position(reader.position().byte());
        }
        bar.finish_and_clear();
        if reader.get_ref().open_quote() {
            return Err(open_quote(file, batch.last));
        }
        for (column, dates) in spec.columns.iter().zip(&prepared.dates) {
            dates.finish(file, column.name)?;
        }
        self.header.words = std::mem::take(&mut prepared.words)
            .into_iter()
            .map(|((column, word), value)| (column, word, value))
            .collect();
        drop(prepared);
        self.rebuild_indexes(&deferred)?;
        bulk.resume(self.conn)?;
        Ok(added)
    }

    /// Builds the indexes `defer_indexes` dropped, now that the rows are in.
    fn rebuild_indexes(&self, deferred: &Deferred) -> Result<()> {
        if let Some(cache) = deferred.cache {
            // Building an index sorts in chunks of the page cache's size;
            // small chunks are faster (they stay in the CPU's cache) and
            // keep the memory small.
            self.conn
                .pragma_update(None, "cache_size", SORT_CACHE_KIB)?;
            for sql in &deferred.indexes {
                self.conn.execute_batch(sql)?;
            }
            self.conn.pragma_update(None, "cache_size", cache)?;
        }
        Ok(())
    }

    /// For a file big next to the table it goes into, drops the table's
    /// plain (not UNIQUE) indexes, to be built again by `load` once the
    /// rows are in: building an index from all its rows at once is several
    /// times faster than updating it row by row in random order, and the
    /// rows then only append, which needs a small page cache. All inside
    /// the import's transaction, so a failed import gets its indexes back
    /// with the rollback. UNIQUE indexes stay: they refuse rows, which must
    /// be reported row by row.
    fn defer_indexes(&self, spec: &Spec, length: u64) -> Result<Deferred> {
        let mut deferred = Deferred::default();
        let coming = length / BYTES_PER_ROW;
        if coming < BULK_ROWS {
            return Ok(deferred);
        }
        let mut tables = vec![spec.name()];
        if spec.table == Table::Applications && self.history == History::Started {
            tables.push(Table::ApplicationEvents.as_str());
        }
        for table in tables {
            // The largest rowid: about the rows held, without reading them
            // all (which would fill the page cache).
            let held: i64 = self.conn.query_row(
                &format!("SELECT coalesce(max(rowid), 0) FROM {table}"),
                [],
                |r| r.get(0),
            )?;
            // Rebuilding reads every row held; updating costs most once the
            // table outgrows the page cache.
            if coming < held.unsigned_abs() / HELD_PER_COMING {
                continue;
            }
            let mut statement = self.conn.prepare(
                "SELECT name, sql FROM sqlite_schema
                 WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL
                   AND sql NOT LIKE 'CREATE UNIQUE%'
                 ORDER BY rowid",
            )?;
            let indexes = statement
                .query_map([table], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (name, sql) in indexes {
                self.conn
                    .execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
                deferred.indexes.push(sql);
            }
        }
        if !deferred.indexes.is_empty() {
            let cache: i64 = self
                .conn
                .pragma_query_value(None, "cache_size", |r| r.get(0))?;
            self.conn
                .pragma_update(None, "cache_size", APPEND_CACHE_KIB)?;
            deferred.cache = Some(cache);
        }
        Ok(deferred)
    }

    /// The statements one table's rows need.
    fn prepare(&self, spec: &Spec, positions: &[Option<usize>]) -> Result<Prepared<'c>> {
        let mut checks = Vec::with_capacity(spec.columns.len());
        for column in spec.columns {
            let table = match column.kind {
                Kind::Ref(table) => Some(table),
                Kind::Id => Some(spec.name()),
                _ => None,
            };
            checks.push(match table {
                Some(table) => Some(self.conn.prepare(&format!(
                    "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"
                ))?),
                None => None,
            });
        }
        let id = spec.columns.iter().position(|c| matches!(c.kind, Kind::Id));
        let max_id = match id {
            Some(_) => self.conn.query_row(
                &format!("SELECT coalesce(max(id), 0) FROM {}", spec.name()),
                [],
                |r| r.get(0),
            )?,
            None => 0,
        };
        let started = spec.table == Table::Applications && self.history == History::Started;
        let (extra, started) = if started {
            let index = |name| {
                spec.index(name)
                    .ok_or_else(|| Error::Runtime(format!("applications has no {name} column")))
            };
            if id.is_none() {
                return Err(Error::Runtime("applications has no id column".into()));
            }
            let event = |rows| {
                rows_sql(
                    "INSERT INTO application_events (application_id, date, kind, to_status) VALUES ",
                    "(?, ?, 'status', ?)",
                    rows,
                )
            };
            let started = Started {
                one: self.conn.prepare(&event(1))?,
                many: self.conn.prepare(&event(BATCH))?,
                status: index("status")?,
                applied_on: index("applied_on")?,
                date: spec.columns.len(),
            };
            (DERIVED, Some(started))
        } else {
            (extra_columns(spec.table), None)
        };
        Ok(Prepared {
            one: self.conn.prepare(&insert_sql(spec, extra, 1))?,
            many: self.conn.prepare(&insert_sql(spec, extra, BATCH))?,
            checks,
            orgs: HashMap::new(),
            key: String::new(),
            id,
            max_id,
            pending: Vec::with_capacity(BATCH),
            started,
            matcher: Matcher::new(self.conn, spec, positions, self.update)?,
            stored: None,
            salary: match (
                self.header.salary,
                spec.index("salary_min"),
                spec.index("salary_max"),
                spec.index("salary_period"),
            ) {
                (Some(at), Some(min), Some(max), Some(period)) => Some((at, [min, max, period])),
                _ => None,
            },
            dates: vec![DateColumn::default(); spec.columns.len()],
            row: 0,
            words: BTreeMap::new(),
            referrers: Vec::new(),
            content_size: spec
                .index("size")
                .filter(|_| spec.table == Table::Documents),
        })
    }

    /// The row's values in column order, or `None` when a cell was refused.
    fn values<'r>(
        &'r self,
        spec: &Spec,
        prepared: &mut Prepared<'c>,
        row: &CsvRow<'_, 'r>,
        problems: &mut Problems,
    ) -> Result<Option<Vec<Param<'r>>>> {
        let mut values = Vec::with_capacity(spec.columns.len() + DERIVED.len());
        let mut valid = true;
        prepared.row = row.number;
        for (index, (column, position)) in spec.columns.iter().zip(row.positions).enumerate() {
            let raw = position.and_then(|p| row.record.get(p));
            let text = raw
                .map(|r| {
                    if column.kind.is_text() {
                        spreadsheet_unsafe(r)
                    } else {
                        r.trim()
                    }
                })
                .filter(|t| !t.trim().is_empty());
            let value = match text {
                Some(text) => self.parse(spec, prepared, index, column, text)?,
                None => self.fill(spec, column.fill, row),
            };
            let value = match value {
                Ok(Param::Integer(score)) if matches!(column.kind, Kind::Score) => {
                    cells::on_scale(row.cell(spec, "code"), score).map(|()| Param::Integer(score))
                }
                other => other,
            };
            match value {
                Ok(value) => values.push(value),
                Err(reason) => {
                    valid = false;
                    problems.push(row.file, row.number, column.name, raw.unwrap_or(""), reason);
                }
            }
        }
        if let Some(salary) = prepared.salary {
            valid &= salary_range(&mut values, salary, row, problems);
        }
        let stored = prepared.stored.take();
        if !valid || !self.new_row(spec, prepared, row, &values, stored, problems)? {
            return Ok(None);
        }
        assign_id(prepared, &mut values);
        if let Some(started) = &prepared.started {
            self.derive_columns(started, &mut values)?;
        }
        if let Some(size) = prepared.content_size {
            // A document's bytes are read after its row (`import_all`);
            // room of the size given until then (none for a size out of
            // range, which the schema refuses).
            let size = match values[size] {
                Param::Integer(n) if (0..=documents::MAX_SIZE as i64).contains(&n) => n,
                _ => 0,
            };
            values.push(Param::Integer(size));
        }
        Ok(Some(values))
    }

    /// Whether a valid row goes in as a new record. A row that matches a
    /// stored one is counted instead, updates it (`--update`), or is
    /// refused when its id is stored with other values.
    fn new_row(
        &self,
        spec: &Spec,
        prepared: &mut Prepared<'c>,
        row: &CsvRow<'_, '_>,
        values: &[Param<'_>],
        stored: Option<i64>,
        problems: &mut Problems,
    ) -> Result<bool> {
        let refuse = |problems: &mut Problems, id: i64, reason: String| {
            problems.push(row.file, row.number, "id", &id.to_string(), reason);
        };
        if let Some(id) = stored.filter(|id| !prepared.matcher.stored_before(*id)) {
            refuse(
                problems,
                id,
                format!("id {id} is already in {}", spec.name()),
            );
            return Ok(false);
        }
        match prepared.matcher.fate(values, stored)? {
            Fate::New => return Ok(true),
            Fate::AlreadyThere => self.already_there.set(self.already_there.get() + 1),
            Fate::Update(id) => {
                let done = prepared.matcher.update(
                    self.conn,
                    spec,
                    id,
                    values,
                    &self.timestamp,
                    self.today,
                )?;
                match done {
                    Ok(()) => self.updated.set(self.updated.get() + 1),
                    Err((column, reason)) => {
                        problems.push(row.file, row.number, &column, "", reason)
                    }
                }
            }
            Fate::Conflict(id) => refuse(
                problems,
                id,
                format!(
                    "id {id} is already in {} with other values (--update replaces them; \
                     without an id column the row is added as new)",
                    spec.name()
                ),
            ),
        }
        Ok(false)
    }

    /// Reads the legacy `referral_contact_id` cell of a valid application
    /// row: a contact id becomes a pending `referrer` link.
    fn referrer(
        &self,
        prepared: &mut Prepared<'c>,
        row: &CsvRow<'_, '_>,
        position: usize,
        values: &[Param<'_>],
        problems: &mut Problems,
    ) -> Result<()> {
        let raw = row.record.get(position).unwrap_or("").trim();
        let (Some(id), false) = (prepared.id, raw.is_empty()) else {
            return Ok(());
        };
        let contact = raw.parse::<i64>().ok();
        let known = match contact {
            Some(contact) => self
                .conn
                .prepare_cached(CONTACT_EXISTS)?
                .query_row([contact], |r| r.get(0))?,
            None => false,
        };
        match (contact, &values[id]) {
            (Some(contact), Param::Integer(application)) if known => {
                prepared.referrers.push((*application, contact));
            }
            _ => problems.push(
                row.file,
                row.number,
                LEGACY_REFERRAL,
                raw,
                "is not the id of a contact in the database".to_string(),
            ),
        }
        Ok(())
    }

    /// Links the referrers the batch's rows named, for the rows that went in.
    fn link_referrers(&self, prepared: &mut Prepared<'c>) -> Result<()> {
        for (application, contact) in prepared.referrers.drain(..) {
            self.conn
                .prepare_cached(
                    "INSERT INTO application_contacts (application_id, contact_id, role)
                     SELECT ?1, ?2, 'referrer' WHERE EXISTS (SELECT 1 FROM applications WHERE id = ?1)
                     ON CONFLICT (application_id, contact_id) DO NOTHING",
                )?
                .execute([application, contact])?;
        }
        Ok(())
    }

    /// What an empty cell stores, or why it may not be empty.
    #[inline]
    fn fill<'r>(&'r self, spec: &Spec, fill: Fill, row: &CsvRow<'_, 'r>) -> Checked<'r> {
        match fill {
            Fill::Null => Ok(Param::Null),
            Fill::Required => Err("cannot be empty".to_string()),
            Fill::Now => Ok(Param::Text(&self.timestamp)),
            Fill::Today => Ok(Param::Text(&self.today_text)),
            Fill::Text(text) => Ok(Param::Text(text)),
            Fill::Int(n) => Ok(Param::Integer(n)),
            Fill::EducationStatus => Ok(Param::Text(if row.cell(spec, "completed_on").is_some() {
                "completed"
            } else {
                "enrolled"
            })),
            Fill::CatalogName => row
                .cell(spec, "code")
                .and_then(|code| {
                    crate::credentials::catalog::find(&code.trim().to_ascii_uppercase())
                })
                .map(|entry| Param::Text(entry.name))
                .ok_or_else(|| "cannot be empty for a code outside jobtrack's catalog".to_string()),
            Fill::SalaryPeriod => Ok(yearly_if(
                row.cell(spec, "salary_min").is_some() || row.cell(spec, "salary_max").is_some(),
            )),
            Fill::OfferSalaryPeriod => Ok(yearly_if(
                row.cell(spec, "offer_salary_min").is_some()
                    || row.cell(spec, "offer_salary_max").is_some(),
            )),
        }
    }

    /// Appends the derived columns of an application imported without its
    /// history (`import applications`).
    #[inline]
    fn derive_columns<'r>(
        &'r self,
        started: &Started<'_>,
        values: &mut Vec<Param<'r>>,
    ) -> Result<()> {
        let status: Status = values[started.status]
            .text()
            .unwrap_or_default()
            .parse()
            .map_err(Error::Input)?;
        let date = match &values[started.applied_on] {
            Param::Null => Param::Text(&self.today_text),
            given => given.clone(),
        };
        values.extend(derived(status, date));
        Ok(())
    }

    /// Inserts a batch of valid rows (with their first events for
    /// `import applications`) and returns how many went in. A batch
    /// SQLite refuses goes in again row by row, to name the refused rows.
    fn insert(
        &self,
        spec: &Spec,
        prepared: &mut Prepared<'c>,
        batch: &[(u64, Vec<Param<'_>>)],
        file: &str,
        problems: &mut Problems,
    ) -> Result<u64> {
        let ids_known = match (&prepared.started, prepared.id) {
            (Some(_), Some(id)) => batch.iter().all(|(_, v)| v[id] != Param::Null),
            _ => true,
        };
        if batch.len() == BATCH && ids_known {
            let all = batch.iter().flat_map(|(_, values)| values);
            match prepared.many.execute(params_from_iter(all)) {
                Ok(_) => {
                    if let (Some(started), Some(id)) = (prepared.started.as_mut(), prepared.id) {
                        let events = batch
                            .iter()
                            .flat_map(|(_, v)| [&v[id], &v[started.date], &v[started.status]]);
                        started.many.execute(params_from_iter(events))?;
                    }
                    for _ in batch {
                        self.count_row();
                    }
                    return Ok(batch.len() as u64);
                }
                // SQLite undid the whole statement: go again row by row.
                Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {}
                Err(e) => return Err(e.into()),
            }
        }
        let mut added = 0;
        for (row, values) in batch {
            if self.insert_one(spec, prepared, values, file, *row, problems)? {
                added += 1;
            }
        }
        Ok(added)
    }

    /// Inserts one valid row; a constraint SQLite refuses becomes a problem.
    fn insert_one(
        &self,
        spec: &Spec,
        prepared: &mut Prepared<'c>,
        values: &[Param<'_>],
        file: &str,
        row: u64,
        problems: &mut Problems,
    ) -> Result<bool> {
        match prepared.one.execute(params_from_iter(values)) {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                let (column, reason) = constraint(spec, &e);
                problems.push(file, row, &column, "", reason);
                return Ok(false);
            }
            Err(e) => return Err(e.into()),
        }
        if let (Some(started), Some(id)) = (prepared.started.as_mut(), prepared.id) {
            let id = match values[id] {
                Param::Integer(id) => id,
                _ => self.conn.last_insert_rowid(),
            };
            let event = [
                Param::Integer(id),
                values[started.date].clone(),
                values[started.status].clone(),
            ];
            started.one.execute(params_from_iter(&event))?;
        }
        self.count_row();
        Ok(true)
    }

    /// Counts one inserted row (the crash hook's clock).
    fn count_row(&self) {
        let inserted = self.inserted.get() + 1;
        self.inserted.set(inserted);
        crash_hook(inserted);
    }
}

/// One CSV row being checked: the reused record, where each column sits in
/// it, and the file and row number its refusals name.
struct CsvRow<'a, 'r> {
    record: &'r csv::StringRecord,
    positions: &'a [Option<usize>],
    file: &'a str,
    number: u64,
}

impl<'r> CsvRow<'_, 'r> {
    /// The non-blank cell of the column called `name`, if the file has it.
    #[inline]
    fn cell(&self, spec: &Spec, name: &str) -> Option<&'r str> {
        spec.index(name)
            .and_then(|i| self.positions[i])
            .and_then(|p| self.record.get(p))
            .filter(|c| !c.trim().is_empty())
    }
}

/// The records of one batch, reused from batch to batch: no allocation per
/// row.
struct Batch {
    records: Vec<csv::StringRecord>,
    /// The file's row number of each record.
    numbers: [u64; BATCH],
    /// How many records hold this batch's rows.
    filled: usize,
    /// The row number last read (the header is row 1).
    row: u64,
    /// The row number of the last record read (the header when none).
    last: u64,
    /// Whether the file has been read to its end.
    done: bool,
}

impl Batch {
    fn new() -> Self {
        Batch {
            records: vec![csv::StringRecord::new(); BATCH],
            numbers: [0; BATCH],
            filled: 0,
            row: 1,
            last: 1,
            done: false,
        }
    }

    /// Reads up to `BATCH` well-formed records; a record that cannot be
    /// parsed, or has the wrong number of cells, goes to `problems`.
    fn fill(
        &mut self,
        reader: &mut csv::Reader<impl Read>,
        budget: &crate::input::RecordBudget,
        file: &str,
        header_len: usize,
        problems: &mut Problems,
    ) -> Result<()> {
        self.filled = 0;
        while self.filled < BATCH {
            let read = reader.read_record(&mut self.records[self.filled]);
            budget.reset();
            self.row += 1;
            match read {
                Ok(false) => {
                    self.done = true;
                    break;
                }
                Ok(true) => self.last = self.row,
                Err(e) => match e.kind() {
                    csv::ErrorKind::Io(_) => return Err(unreadable(file, self.row, e)),
                    _ => {
                        problems.push(file, self.row, "", "", csv_reason(&e));
                        continue;
                    }
                },
            }
            let record = &self.records[self.filled];
            if record.iter().all(|cell| cell.trim().is_empty()) {
                // A blank row (spreadsheets keep them, as ",,,"): skipped.
                continue;
            }
            if let Some(column) = record
                .iter()
                .position(|c| c.len() > crate::input::MAX_FIELD)
            {
                let reason = format!(
                    "cell {} is over 1 MiB, the most a cell may hold",
                    column + 1
                );
                problems.push(file, self.row, "", "", reason);
                continue;
            }
            let cells = record.len();
            if cells != header_len {
                let reason = format!("has {cells} cells; the header has {header_len}");
                problems.push(file, self.row, "", "", reason);
                continue;
            }
            self.numbers[self.filled] = self.row;
            self.filled += 1;
        }
        Ok(())
    }
}

/// Fills salary_min, salary_max and salary_period from a salary cell
/// ("42k-48k", "$45,000", "$19-22/hr", read by the salary grammar) when the
/// file has no figures of its own; false when the cell is refused.
fn salary_range(
    values: &mut [Param<'_>],
    (at, [min, max, period]): (usize, [usize; 3]),
    row: &CsvRow<'_, '_>,
    problems: &mut Problems,
) -> bool {
    let Some(text) = row.record.get(at).filter(|t| !t.trim().is_empty()) else {
        return true;
    };
    if values[min] != Param::Null || values[max] != Param::Null {
        return true;
    }
    match crate::input::parse_salary("salary", text) {
        Ok(salary) => {
            values[min] = Param::Real(salary.min);
            values[max] = Param::Real(salary.max);
            values[period] = Param::Text(salary.period.as_str());
            true
        }
        Err(e) => {
            problems.push(row.file, row.number, "salary", text, e.to_string());
            false
        }
    }
}

/// The refusal of an input that ends inside a quoted field: the row
/// where the quote opened (the last one read, which swallowed the rest).
pub(in crate::transfer) fn open_quote(file: &str, row: u64) -> Error {
    Error::Input(format!(
        "{file}: row {row} opens a quoted cell (\") that is never closed, so every row \
         after it would be read into that one cell; close the quote or remove it, and \
         nothing was imported"
    ))
}

/// Where an applications file from before version 5 holds its
/// `referral_contact_id` column, if it has one.
fn legacy_referral(spec: &Spec, header: &csv::StringRecord) -> Option<usize> {
    if spec.table != Table::Applications {
        return None;
    }
    header.iter().position(|h| {
        h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase() == LEGACY_REFERRAL
    })
}

/// `year` for a row with a salary, else NULL.
fn yearly_if(paid: bool) -> Param<'static> {
    if paid {
        Param::Text("year")
    } else {
        Param::Null
    }
}

/// Gives the row the id SQLite would give it (the largest so far plus
/// one), now, so that a batch's applications and events agree.
#[inline]
fn assign_id(prepared: &mut Prepared<'_>, values: &mut [Param<'_>]) {
    if let Some(index) = prepared.id {
        let id = match values[index] {
            Param::Integer(id) => Some(id),
            _ => prepared.max_id.checked_add(1),
        };
        if let Some(id) = id {
            values[index] = Param::Integer(id);
            prepared.max_id = prepared.max_id.max(id);
            prepared.pending.push(id);
        }
    }
}

/// Rows read, checked and inserted at a time (one INSERT statement).
const BATCH: usize = 64;

/// Indexes `load` builds once the rows are in (see `defer_indexes`).
#[derive(Debug, Default)]
struct Deferred {
    /// The CREATE INDEX statements, as the schema holds them.
    indexes: Vec<String>,
    /// The page cache size to restore afterwards (a `cache_size` value).
    cache: Option<i64>,
}

/// The page cache while rows are appended to tables without their indexes
/// (negative: KiB).
const APPEND_CACHE_KIB: i64 = -8192;

/// The page cache, and so the sort chunk, while indexes are built (KiB).
const SORT_CACHE_KIB: i64 = -2048;

/// A file of at least this many rows (estimated) may defer index updates.
const BULK_ROWS: u64 = 5_000;

/// A file defers index updates when its rows are at least the rows held
/// divided by this: measured, 100k rows into 1M go in 20% faster with the
/// indexes rebuilt, 10k into 100k a little slower (0.4 s instead of 0.2 s).
const HELD_PER_COMING: u64 = 10;

/// The bytes of a CSV row, roughly, for estimating a file's rows (a full
/// applications export has about 140; smaller guesses only defer sooner).
const BYTES_PER_ROW: u64 = 100;

/// The one `status` event (from NULL) an application imported without its
/// history gets.
pub(super) fn start_history(
    conn: &Connection,
    application_id: i64,
    status: Status,
    date: NaiveDate,
) -> Result<()> {
    store::add_event(
        conn,
        application_id,
        date,
        EventKind::Status,
        None,
        Some(status),
        None,
    )
    .map(|_| ())
}

/// Whether `sql` (an `EXISTS` query on `?1`) finds `value`; false for none.
pub(super) fn exists(conn: &Connection, sql: &str, value: Option<&str>) -> Result<bool> {
    match value {
        Some(value) => Ok(conn.prepare_cached(sql)?.query_row([value], |r| r.get(0))?),
        None => Ok(false),
    }
}

/// The columns an INSERT sets beyond the spec's (other than an imported
/// application's derived ones): a document's content.
fn extra_columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Documents => &[documents::CONTENT],
        _ => &[],
    }
}

/// The INSERT of `rows` rows of every column of `spec`, then the `extra` ones.
fn insert_sql(spec: &Spec, extra: &[&str], rows: usize) -> String {
    let names: Vec<&str> = spec
        .columns
        .iter()
        .map(|c| c.sql)
        .chain(extra.iter().copied())
        .collect();
    // A document's content goes in as room of its size (`zeroblob`), filled after.
    let marks = names
        .iter()
        .map(|name| match (spec.table, *name) {
            (Table::Documents, documents::CONTENT) => "zeroblob(?)",
            _ => "?",
        })
        .collect::<Vec<_>>()
        .join(", ");
    let head = format!("INSERT INTO {} ({}) VALUES ", spec.name(), names.join(", "));
    rows_sql(&head, &format!("({marks})"), rows)
}

/// `head` then `row` `rows` times, comma-separated.
fn rows_sql(head: &str, row: &str, rows: usize) -> String {
    let mut sql = String::from(head);
    for index in 0..rows {
        if index > 0 {
            sql.push_str(", ");
        }
        sql.push_str(row);
    }
    sql
}

/// Refuses a header over `MAX_COLUMNS` columns or with a name over
/// `MAX_FIELD` bytes: not a table jobtrack wrote or a person made.
fn check_header_size(file: &str, header: &csv::StringRecord) -> Result<()> {
    use crate::input::{MAX_COLUMNS, MAX_FIELD};
    if header.len() > MAX_COLUMNS {
        return Err(Error::Input(format!(
            "{file}: the header has {} columns; an import takes at most {MAX_COLUMNS}",
            header.len()
        )));
    }
    if header.iter().any(|name| name.len() > MAX_FIELD) {
        return Err(Error::Input(format!(
            "{file}: a header cell is over 1 MiB, the most a cell may hold"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applications::store::refresh_derived_sql;
    use crate::transfer::spec::spec;

    fn blank() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        crate::db::configure(&conn).unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        conn
    }

    fn derived_columns(conn: &Connection) -> Vec<Vec<rusqlite::types::Value>> {
        let mut statement = conn
            .prepare(
                "SELECT id, status, added_on, stage_since, last_activity_on, furthest_status,
                        responded_on, last_news_on FROM applications ORDER BY id",
            )
            .unwrap();
        statement
            .query_map([], |r| (0..8).map(|i| r.get(i)).collect())
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    fn load(conn: &Connection, csv: &str) -> std::result::Result<u64, String> {
        let mut loader = Loader::new(conn, History::Started).unwrap();
        let mut problems = Problems::default();
        let length = csv.len() as u64;
        let added = loader
            .load(
                spec(Table::Applications),
                "t.csv",
                csv.as_bytes(),
                length,
                &mut problems,
            )
            .unwrap();
        problems.check().map_err(|e| e.to_string())?;
        Ok(added)
    }

    #[test]
    fn derived_columns_set_on_insert_are_what_refresh_derived_computes() {
        let conn = blank();
        let mut csv = String::from("org,title,status,applied_on\n");
        for status in Status::ALL {
            for applied in ["", "2026-10-05"] {
                csv.push_str(&format!("Mercy Health,{status},{status},{applied}\n"));
            }
        }
        assert_eq!(load(&conn, &csv), Ok(18));
        let inserted = derived_columns(&conn);
        assert!(inserted
            .iter()
            .all(|row| row[2] != rusqlite::types::Value::Null));
        conn.execute(&refresh_derived_sql(), []).unwrap();
        assert_eq!(inserted, derived_columns(&conn));
        let events: i64 = conn
            .query_row(
                "SELECT count(*) FROM application_events
                 WHERE kind = 'status' AND from_status IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(events, 18, "one status event per application");
    }

    #[test]
    fn a_big_file_keeps_its_ids_events_and_indexes() {
        let conn = blank();
        let indexes = |conn: &Connection| -> Vec<String> {
            let mut statement = conn
                .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                .unwrap();
            statement
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        };
        let before = indexes(&conn);
        let mut csv = String::from("id,org,title,status,applied_on,notes\n");
        // Rows with and without ids, past several batches, in a file big
        // enough to build the indexes afterwards.
        for i in 1..=(BULK_ROWS * 2) {
            let id = if i % 3 == 0 {
                String::new()
            } else {
                (i * 2).to_string()
            };
            let status = Status::ALL[i as usize % Status::ALL.len()];
            let day = i % 28 + 1;
            let notes = "a note long enough to make the rows about as long as an export's";
            csv.push_str(&format!(
                "{id},Org {},Title {i},{status},2026-10-{day:02},{notes}\n",
                i % 50
            ));
        }
        assert!(csv.len() as u64 / BYTES_PER_ROW >= BULK_ROWS);
        assert_eq!(load(&conn, &csv), Ok(BULK_ROWS * 2));
        assert_eq!(indexes(&conn), before, "every index is back");
        let inserted = derived_columns(&conn);
        conn.execute(&refresh_derived_sql(), []).unwrap();
        assert_eq!(inserted, derived_columns(&conn));
        let (apps, events, mismatched): (i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM applications),
                        (SELECT count(*) FROM application_events),
                        (SELECT count(*) FROM applications a JOIN application_events e
                           ON e.application_id = a.id WHERE e.to_status <> a.status)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((apps, events, mismatched), (10_000, 10_000, 0));
        // A row without an id gets the next one, as SQLite would give it:
        // ids 2 and 4, then 5; 8 and 10, then 11.
        let title = |id: i64| -> String {
            conn.query_row("SELECT title FROM applications WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!((title(5), title(11)), ("Title 3".into(), "Title 6".into()));
        assert_eq!(
            conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
    }

    #[test]
    fn a_row_sqlite_refuses_inside_a_batch_is_named_and_nothing_else() {
        let conn = blank();
        let mut csv = String::from("id,org,title,salary_min,salary_max\n");
        for i in 1..=200 {
            let (low, high) = if i == 100 { (9, 1) } else { (1, 9) };
            // Row 151 repeats the id of row 150, in the same batch.
            let id = if i == 150 { 149 } else { i };
            csv.push_str(&format!("{id},Org,Title {i},{low},{high}\n"));
        }
        let err = load(&conn, &csv).unwrap_err();
        assert!(err.contains("2 rows have problems"), "{err}");
        assert!(
            err.contains("row 101: breaks the rule salary_min <= salary_max"),
            "{err}"
        );
        assert!(
            err.contains("row 151, id \"149\": id 149 is already in applications"),
            "{err}"
        );
    }
}
