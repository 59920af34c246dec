//! The `volunteer` noun (alias `vol`): volunteer shifts, their hours and the
//! totals by organization that go on a resume.

use chrono::NaiveDate;
use clap::Subcommand;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::output::{hours, Tone};
use crate::{orgs, Ctx};

const VOLUNTEER_EXAMPLES: &str = "\
Examples:
  jobtrack vol log \"Mercy Health\" 4 --role \"HIM department volunteer\"
  jobtrack vol log \"Red Cross\" 2.5 --on yesterday --note \"blood drive check-in\"
  jobtrack vol list --since 2026-01-01
  jobtrack vol list --org \"Mercy Health\"";

/// `jobtrack volunteer …`
#[derive(Debug, Subcommand)]
#[command(after_help = VOLUNTEER_EXAMPLES)]
pub enum VolunteerCommand {
    /// Log a volunteer shift
    #[command(
        after_help = "Examples:\n  jobtrack vol log \"Mercy Health\" 4 --role \"HIM department volunteer\"\n  jobtrack vol log \"Red Cross\" 2.5 --on -3d"
    )]
    Log {
        /// Where you volunteered (created on first use; any case matches)
        org: String,
        /// Hours worked: more than 0 and at most 24, at most 2 decimals (like 3 or 2.5)
        #[arg(allow_hyphen_values = true)]
        hours: String,
        /// The day of the shift (not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// What you did
        #[arg(long, value_name = "R", allow_hyphen_values = true)]
        role: Option<String>,
        /// A note ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// List shifts, newest first, with the total hours by organization
    #[command(
        after_help = "Examples:\n  jobtrack vol list\n  jobtrack vol list --org \"Mercy Health\" --since -6m\n  jobtrack --json vol list --until 2026-06-30"
    )]
    List {
        /// Keep this organization
        #[arg(long)]
        org: Option<String>,
        /// Keep shifts on or after this date
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: Option<String>,
        /// Keep shifts on or before this date
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        until: Option<String>,
    },
    /// Delete a shift
    Rm {
        /// The shift id (see 'jobtrack vol list')
        id: i64,
    },
}

/// Runs a `volunteer` subcommand.
pub fn run(ctx: &Ctx, command: VolunteerCommand) -> Result<()> {
    match command {
        VolunteerCommand::Log {
            org,
            hours,
            on,
            role,
            note,
        } => log(ctx, org, hours, on, role, note),
        VolunteerCommand::List { org, since, until } => list(ctx, org, since, until),
        VolunteerCommand::Rm { id } => remove(ctx, id),
    }
}

/// One volunteer shift (organization by name).
#[derive(Debug, Clone, Serialize)]
pub struct Shift {
    pub id: i64,
    pub org: String,
    pub date: NaiveDate,
    pub hours: f64,
    pub role: Option<String>,
    pub notes: Option<String>,
}

/// Hours at one organization, for the totals.
#[derive(Debug, Clone, Serialize)]
pub struct OrgHours {
    pub org: String,
    pub hours: f64,
    pub shifts: i64,
}

/// What `volunteer list --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ShiftList {
    pub shifts: Vec<Shift>,
    pub total_hours: f64,
    pub by_org: Vec<OrgHours>,
}

/// Parses an amount of hours typed for `field`: a decimal with at most two
/// decimals, more than 0 and (when `max` is given) at most `max`.
pub fn parse_hours(field: &str, text: &str, max: Option<f64>) -> Result<f64> {
    let trimmed = text.trim();
    let range = match max {
        Some(max) => format!("more than 0 and at most {}", hours(max)),
        None => "more than 0".to_string(),
    };
    let unsigned = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let shaped = !unsigned.is_empty()
        && unsigned.len() <= 12
        && (!whole.is_empty() || !fraction.is_empty())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit());
    let value = match trimmed.parse::<f64>() {
        Ok(value) if shaped && value.is_finite() => value,
        _ => {
            return Err(Error::invalid(
                field,
                text,
                format!("a number of hours {range}, with at most 2 decimals (like 3 or 2.5)"),
            ))
        }
    };
    if value <= 0.0 || max.is_some_and(|max| value > max) {
        return Err(Error::Input(format!(
            "{field} must be {range} (got {trimmed})"
        )));
    }
    if fraction.trim_end_matches('0').len() > 2 {
        return Err(Error::Input(format!(
            "{field} may have at most 2 decimals (got {trimmed})"
        )));
    }
    // Whole hundredths divided once: the nearest double, which SQLite's
    // round(hours, 2) = hours check accepts.
    Ok((value * 100.0).round() / 100.0)
}

/// Rounds a sum of hours to 2 decimals.
pub fn round_hours(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

const SHIFT_COLUMNS: &str = "v.id, o.name, v.date, v.hours, v.role, v.notes";

fn shift_from_row(r: &Row<'_>) -> rusqlite::Result<Shift> {
    Ok(Shift {
        id: r.get(0)?,
        org: r.get(1)?,
        date: r.get(2)?,
        hours: r.get(3)?,
        role: r.get(4)?,
        notes: r.get(5)?,
    })
}

/// The shift with this id.
pub fn shift(conn: &Connection, id: i64) -> Result<Option<Shift>> {
    let sql = format!(
        "SELECT {SHIFT_COLUMNS} FROM volunteer_shifts v JOIN organizations o ON o.id = v.org_id WHERE v.id = ?1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], shift_from_row)
        .optional()?)
}

/// Total hours logged at an organization.
pub fn hours_at(conn: &Connection, org_id: i64) -> Result<f64> {
    let total: f64 = conn
        .prepare_cached(
            "SELECT coalesce(round(sum(hours), 2), 0) FROM volunteer_shifts WHERE org_id = ?1",
        )?
        .query_row([org_id], |r| r.get(0))?;
    Ok(total)
}

fn log(
    ctx: &Ctx,
    org: String,
    hours_text: String,
    on: Option<String>,
    role: Option<String>,
    note: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let hours_value = parse_hours("hours", &hours_text, Some(24.0))?;
    let date = past_day(ctx, "--on", on, today)?;
    let role = ctx.text("--role", role)?;
    let notes = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let (org_id, org_name, _) = orgs::find_or_create_noting(ctx, &tx, "ORG", &org, &timestamp)?;
    tx.prepare_cached(
        "INSERT INTO volunteer_shifts (org_id, date, hours, role, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![org_id, date, hours_value, role, notes])?;
    let id = tx.last_insert_rowid();
    let record = shift(&tx, id)?;
    let total = hours_at(&tx, org_id)?;
    let that_day: f64 = tx
        .prepare_cached("SELECT total(hours) FROM volunteer_shifts WHERE date = ?1")?
        .query_row(params![date], |r| r.get(0))?;
    db::commit(tx)?;
    if that_day > 24.0 {
        ctx.out.warning(format!(
            "your shifts on {date} now add up to {}, more than a day holds; check the dates ('jobtrack vol list --since {date} --until {date}')",
            hours_phrase(round_hours(that_day))
        ));
    }
    ctx.out.written(
        id,
        &format!(
            "Logged {} at {org_name} on {date} (shift {id}; {} there in all)",
            hours_phrase(hours_value),
            hours_phrase(total)
        ),
        || Ok(record),
    )
}

/// "1 hour", "2.5 hours".
pub fn hours_phrase(value: f64) -> String {
    if value == 1.0 {
        "1 hour".to_string()
    } else {
        format!("{} hours", hours(value))
    }
}

/// The day a past event happened: the date typed for `field`, not after
/// today, or today when none is given.
pub fn past_day(
    ctx: &Ctx,
    field: &str,
    text: Option<String>,
    today: NaiveDate,
) -> Result<NaiveDate> {
    match text {
        Some(text) => not_after_today(field, ctx.date(field, &text)?, today),
        None => Ok(today),
    }
}

/// Refuses a date after today for `field`.
pub fn not_after_today(field: &str, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    if date > today {
        return Err(Error::Input(format!(
            "{field} cannot be after today ({today}); got {date}"
        )));
    }
    Ok(date)
}

fn list(
    ctx: &Ctx,
    org: Option<String>,
    since: Option<String>,
    until: Option<String>,
) -> Result<()> {
    let since = ctx.opt_date("--since", since.as_deref())?;
    let until = ctx.opt_date("--until", until.as_deref())?;
    crate::reports::check_range(since, until)?;
    let conn = ctx.open(Access::Existing)?;
    let mut clauses = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(name) = &org {
        match orgs::find(&conn, name)? {
            Some((id, _)) => {
                clauses.push("v.org_id = ?");
                values.push(Value::Integer(id));
            }
            None => {
                orgs::report_unknown(ctx, &conn, name)?;
                return print_list(ctx, &empty_list());
            }
        }
    }
    if let Some(since) = since {
        clauses.push("v.date >= ?");
        values.push(Value::Text(since.to_string()));
    }
    if let Some(until) = until {
        clauses.push("v.date <= ?");
        values.push(Value::Text(until.to_string()));
    }
    let where_clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    let sql = format!(
        "SELECT {SHIFT_COLUMNS} FROM volunteer_shifts v JOIN organizations o ON o.id = v.org_id
         {where_clause} ORDER BY v.date DESC, v.id DESC"
    );
    let shifts = conn
        .prepare(&sql)?
        .query_map(params_from_iter(values.iter()), shift_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let sql = format!(
        "SELECT o.name, round(sum(v.hours), 2), count(*) FROM volunteer_shifts v
         JOIN organizations o ON o.id = v.org_id {where_clause}
         GROUP BY v.org_id ORDER BY sum(v.hours) DESC, o.name COLLATE NOCASE"
    );
    let by_org = conn
        .prepare(&sql)?
        .query_map(params_from_iter(values.iter()), |r| {
            Ok(OrgHours {
                org: r.get(0)?,
                hours: r.get(1)?,
                shifts: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total_hours = round_hours(by_org.iter().map(|o| o.hours).sum());
    print_list(
        ctx,
        &ShiftList {
            shifts,
            total_hours,
            by_org,
        },
    )
}

fn empty_list() -> ShiftList {
    ShiftList {
        shifts: Vec::new(),
        total_hours: 0.0,
        by_org: Vec::new(),
    }
}

fn print_list(ctx: &Ctx, list: &ShiftList) -> Result<()> {
    let out = &ctx.out;
    if out.json {
        return out.print_json(list);
    }
    if list.shifts.is_empty() {
        return out.line("No volunteer shifts match.");
    }
    let mut table = out.table(["ID", "Date", "Organization", "Hours", "Role", "Note"]);
    for shift in &list.shifts {
        table.add_row(vec![
            out.number(shift.id),
            out.cell(shift.date, Tone::Plain),
            out.cell(&shift.org, Tone::Plain),
            out.number(hours(shift.hours)),
            out.cell(shift.role.as_deref().unwrap_or(""), Tone::Plain),
            out.cell(shift.notes.as_deref().unwrap_or(""), Tone::Plain),
        ]);
    }
    out.print_table(&table)?;
    out.line("")?;
    let mut totals = out.table(["Organization", "Hours", "Shifts"]);
    for org in &list.by_org {
        totals.add_row(vec![
            out.cell(&org.org, Tone::Plain),
            out.number(hours(org.hours)),
            out.number(org.shifts),
        ]);
    }
    out.print_table(&totals)?;
    out.line(format!("Total: {}", hours_phrase(list.total_hours)))
}

fn remove(ctx: &Ctx, id: i64) -> Result<()> {
    let mut conn = ctx.open(Access::Existing)?;
    let tx = db::write(&mut conn)?;
    let found = shift(&tx, id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no volunteer shift with id {id} (see 'jobtrack vol list')"
        ))
    })?;
    tx.execute("DELETE FROM volunteer_shifts WHERE id = ?1", [id])?;
    db::commit(tx)?;
    ctx.out.written(
        id,
        &format!(
            "Removed shift {id}: {} at {} on {}",
            hours_phrase(found.hours),
            found.org,
            found.date
        ),
        || Ok(serde_json::json!({"id": id, "removed": true})),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_accept_decimals_in_range() {
        assert_eq!(parse_hours("hours", "3", Some(24.0)).unwrap(), 3.0);
        assert_eq!(parse_hours("hours", "2.5", Some(24.0)).unwrap(), 2.5);
        assert_eq!(parse_hours("hours", "0.25", Some(24.0)).unwrap(), 0.25);
        assert_eq!(parse_hours("hours", "24", Some(24.0)).unwrap(), 24.0);
        assert_eq!(parse_hours("hours", "1.50", Some(24.0)).unwrap(), 1.5);
        assert_eq!(parse_hours("hours", ".5", Some(24.0)).unwrap(), 0.5);
        assert_eq!(parse_hours("CEU hours", "120", None).unwrap(), 120.0);
    }

    #[test]
    fn hours_refuse_out_of_range_and_non_numbers() {
        let err = parse_hours("hours", "-3", Some(24.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "hours must be more than 0 and at most 24 (got -3)"
        );
        for bad in ["0", "25", "24.01", "0.00"] {
            let err = parse_hours("hours", bad, Some(24.0)).unwrap_err();
            assert!(err.to_string().contains("at most 24"), "{bad}: {err}");
            assert_eq!(err.exit_code(), 2);
        }
        for bad in ["abc", "", "1e2", "inf", "NaN", "2,5", "3h", "."] {
            let err = parse_hours("hours", bad, Some(24.0)).unwrap_err();
            assert!(err.to_string().contains("hours"), "{bad}: {err}");
            assert_eq!(err.exit_code(), 2, "{bad}");
        }
        assert!(parse_hours("hours", "1.234", Some(24.0))
            .unwrap_err()
            .to_string()
            .contains("2 decimals"));
    }
}
