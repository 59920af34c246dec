//! Re-imports (DESIGN §10.7): a row without an id that matches a record
//! already stored is "already there"; a row whose id is stored is already
//! there when every column it gives agrees, is updated with `--update`, and
//! is refused otherwise.
//!
//! Only records stored before the import count as matches (rows are
//! compared up to the table's largest rowid when the file was opened), so
//! two alike rows in one file both go in, as they would into an empty table.

use rusqlite::{params_from_iter, Connection, ErrorCode, Statement};

use super::cells::Param;
use super::problems::constraint;
use crate::applications::store::{add_event, refresh_derived};
use crate::applications::{EventKind, Status};
use crate::error::Result;
use crate::transfer::spec::{Kind, Spec, Table};

/// What becomes of a valid row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fate {
    /// Inserted as a new record.
    New,
    /// Matches a stored record: nothing to do.
    AlreadyThere,
    /// Its id is stored with other values and `--update` was given.
    Update(i64),
    /// Its id is stored with other values and `--update` was not given.
    Conflict(i64),
}

/// The statements that find a row's stored twin, for one file's columns.
pub(super) struct Matcher<'c> {
    /// Whether the table held rows when the import began (none: no
    /// statement runs, so loading an empty table costs nothing more).
    held: bool,
    /// The largest rowid when the import began.
    bound: i64,
    /// A row without an id: its natural key (`Key`), per table.
    keys: Vec<Key<'c>>,
    /// A row with a stored id: does the stored row agree on every column given?
    same_as_id: Option<Statement<'c>>,
    /// The given columns compared and updated (no id, no timestamps).
    given: Vec<usize>,
    /// `UPDATE … SET` the given columns (and `updated_at`) `WHERE id = ?`.
    update: Option<Statement<'c>>,
    /// For applications: the stored status of an id, to record a change.
    status: Option<(usize, Statement<'c>)>,
    /// Whether the table has an `updated_at` column to mark.
    touches: bool,
}

/// One natural key: used when every column in `when` has a value.
struct Key<'c> {
    when: Vec<usize>,
    columns: Vec<usize>,
    query: Statement<'c>,
}

impl<'c> Matcher<'c> {
    /// The statements for `spec`'s table and the columns the file gives
    /// (`positions`, as `header_positions` made them).
    pub(super) fn new(
        conn: &'c Connection,
        spec: &Spec,
        positions: &[Option<usize>],
        update: bool,
    ) -> Result<Self> {
        let table = spec.name();
        let (held, bound): (bool, i64) = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table}), coalesce(max(rowid), 0) FROM {table}"),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let given: Vec<usize> = spec
            .columns
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                positions[*i].is_some() && !matches!(c.kind, Kind::Id | Kind::Timestamp)
            })
            .map(|(i, _)| i)
            .collect();
        let mut matcher = Matcher {
            held,
            bound,
            keys: Vec::new(),
            same_as_id: None,
            given,
            update: None,
            status: None,
            touches: spec.index("updated_at").is_some(),
        };
        if !held {
            return Ok(matcher);
        }
        matcher.keys = natural_keys(spec, &matcher.given)
            .into_iter()
            .map(|(when, columns)| {
                let query = conn.prepare(&key_sql(spec, &columns, "rowid <= ?"))?;
                Ok(Key {
                    when,
                    columns,
                    query,
                })
            })
            .collect::<Result<_>>()?;
        if spec.index("id").is_some_and(|i| positions[i].is_some()) {
            matcher.same_as_id = Some(conn.prepare(&key_sql(spec, &matcher.given, "id = ?"))?);
            if update && !matcher.given.is_empty() {
                matcher.update = Some(conn.prepare(&update_sql(spec, &matcher.given))?);
            }
            if let (Table::Applications, Some(status)) = (spec.table, spec.index("status")) {
                if positions[status].is_some() {
                    let query = conn.prepare("SELECT status FROM applications WHERE id = ?1")?;
                    matcher.status = Some((status, query));
                }
            }
        }
        Ok(matcher)
    }

    /// True when `id` was in the table before the import began (a larger
    /// stored id came from an earlier row of the same file).
    pub(super) fn stored_before(&self, id: i64) -> bool {
        self.held && id <= self.bound
    }

    /// What becomes of a valid row: `stored_id` is its id when that id is
    /// already in the table.
    pub(super) fn fate(&mut self, values: &[Param<'_>], stored_id: Option<i64>) -> Result<Fate> {
        if !self.held {
            return Ok(Fate::New);
        }
        if let Some(id) = stored_id {
            let Some(query) = self.same_as_id.as_mut() else {
                return Ok(Fate::Conflict(id));
            };
            let id_param = Param::Integer(id);
            let params = self.given.iter().map(|&i| &values[i]).chain([&id_param]);
            let same: bool = query.query_row(params_from_iter(params), |r| r.get(0))?;
            return Ok(if same {
                Fate::AlreadyThere
            } else if self.update.is_some() {
                Fate::Update(id)
            } else {
                Fate::Conflict(id)
            });
        }
        let bound = Param::Integer(self.bound);
        for key in &mut self.keys {
            if key.when.iter().any(|&i| values[i] == Param::Null) {
                continue;
            }
            let params = key.columns.iter().map(|&i| &values[i]).chain([&bound]);
            let found: bool = key
                .query
                .query_row(params_from_iter(params), |r| r.get(0))?;
            return Ok(if found { Fate::AlreadyThere } else { Fate::New });
        }
        Ok(Fate::New)
    }

    /// Updates record `id` with the row's given columns. For an
    /// application whose status changes, adds a status entry dated today;
    /// its derived columns are recomputed. `Ok(Err(…))` is a constraint
    /// SQLite refused: (column, reason).
    pub(super) fn update(
        &mut self,
        conn: &Connection,
        spec: &Spec,
        id: i64,
        values: &[Param<'_>],
        timestamp: &str,
        today: chrono::NaiveDate,
    ) -> Result<std::result::Result<(), (String, String)>> {
        let Some(update) = self.update.as_mut() else {
            return Ok(Ok(()));
        };
        let before: Option<Status> = match self.status.as_mut() {
            Some((_, query)) => Some(query.query_row([id], |r| r.get(0))?),
            None => None,
        };
        let stamp = Param::Text(timestamp);
        let id_param = Param::Integer(id);
        let mut params: Vec<&Param<'_>> = self.given.iter().map(|&i| &values[i]).collect();
        if self.touches {
            params.push(&stamp);
        }
        params.push(&id_param);
        match update.execute(params_from_iter(params)) {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
                return Ok(Err(constraint(spec, &e)));
            }
            Err(e) => return Err(e.into()),
        }
        if let (Some(before), Some((index, _))) = (before, &self.status) {
            let after: Option<Status> = values[*index].text().and_then(|s| s.parse().ok());
            if let Some(after) = after.filter(|a| *a != before) {
                add_event(
                    conn,
                    id,
                    today,
                    EventKind::Status,
                    Some(before),
                    Some(after),
                    None,
                )?;
            }
            refresh_derived(conn, id)?;
        }
        Ok(Ok(()))
    }
}

/// The natural keys of a row without an id, tried in order: (columns that
/// must have a value for the key to apply, columns compared). Applications:
/// url, else organization + title + applied_on; contacts: LinkedIn URL,
/// else name + organization; organizations: the name; any other table:
/// every column the file gives.
fn natural_keys(spec: &Spec, given: &[usize]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let key = |when: &[&str], columns: &[&str]| -> Option<(Vec<usize>, Vec<usize>)> {
        let when = when
            .iter()
            .map(|n| spec.index(n))
            .collect::<Option<Vec<_>>>()?;
        let columns = columns
            .iter()
            .map(|n| spec.index(n))
            .collect::<Option<Vec<_>>>()?;
        // A key on a column the file does not give cannot apply.
        when.iter()
            .all(|i| given.contains(i))
            .then_some((when, columns))
    };
    match spec.table {
        Table::Applications => [
            key(&["url"], &["url"]),
            key(&[], &["org", "title", "applied_on"]),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Table::Contacts => [
            key(&["linkedin_url"], &["linkedin_url"]),
            key(&[], &["name", "org"]),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Table::Organizations => key(&[], &["name"]).into_iter().collect(),
        _ if given.is_empty() => Vec::new(),
        _ => vec![(Vec::new(), given.to_vec())],
    }
}

/// `SELECT EXISTS (… WHERE <each column IS ?> AND <last>)`: names and
/// free text compare without case, like the CLI's find-or-create.
fn key_sql(spec: &Spec, columns: &[usize], last: &str) -> String {
    let mut conditions: Vec<String> = columns
        .iter()
        .map(|&i| {
            let column = &spec.columns[i];
            let nocase = matches!(column.name, "title" | "name");
            format!(
                "{} IS ?{}",
                column.sql,
                if nocase { " COLLATE NOCASE" } else { "" }
            )
        })
        .collect();
    conditions.push(last.to_string());
    format!(
        "SELECT EXISTS (SELECT 1 FROM {} WHERE {})",
        spec.name(),
        conditions.join(" AND ")
    )
}

/// `UPDATE table SET <given> [, updated_at = ?] WHERE id = ?`.
fn update_sql(spec: &Spec, given: &[usize]) -> String {
    let mut sets: Vec<String> = given
        .iter()
        .map(|&i| format!("{} = ?", spec.columns[i].sql))
        .collect();
    if spec.index("updated_at").is_some() {
        sets.push("updated_at = ?".to_string());
    }
    format!(
        "UPDATE {} SET {} WHERE id = ?",
        spec.name(),
        sets.join(", ")
    )
}
