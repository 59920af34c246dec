//! `report volunteer`: hours by organization or by month, with the dates
//! and roles a resume line needs.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::Result;
use crate::output::hours;
use crate::text_enum;

text_enum! {
    /// How `report volunteer` groups shifts.
    pub enum GroupBy {
        /// One line per organization, most hours first
        Org = "org",
        /// One line per month, newest first
        Month = "month",
    }
}

/// What a group is: an organization or a month (`YYYY-MM`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKey {
    Org(String),
    Month(String),
}

/// Hours of one organization or month.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    #[serde(flatten)]
    pub key: GroupKey,
    /// Sum of shift hours, rounded to 2 decimals.
    pub hours: f64,
    pub first_date: NaiveDate,
    pub last_date: NaiveDate,
    /// The distinct roles, alphabetically.
    pub roles: Vec<String>,
}

/// What `report volunteer` prints.
#[derive(Debug, Clone, Serialize)]
pub struct VolunteerReport {
    pub total_hours: f64,
    pub groups: Vec<Group>,
}

/// Builds the report.
pub fn build(conn: &Connection, by: GroupBy) -> Result<VolunteerReport> {
    let (key, order) = match by {
        GroupBy::Org => ("o.name", "hours DESC, o.name COLLATE NOCASE"),
        GroupBy::Month => ("strftime('%Y-%m', s.date)", "1 DESC"),
    };
    let sql = format!(
        "SELECT {key}, round(sum(s.hours), 2) AS hours, min(s.date), max(s.date),
                json_group_array(DISTINCT s.role) FILTER (WHERE s.role IS NOT NULL)
         FROM volunteer_shifts s JOIN organizations o ON o.id = s.org_id
         GROUP BY {key} ORDER BY {order}"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let groups = statement
        .query_map([], |r| {
            let name: String = r.get(0)?;
            let roles: String = r.get(4)?;
            Ok(Group {
                key: match by {
                    GroupBy::Org => GroupKey::Org(name),
                    GroupBy::Month => GroupKey::Month(name),
                },
                hours: r.get(1)?,
                first_date: r.get(2)?,
                last_date: r.get(3)?,
                roles: sorted_roles(&roles),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total_hours = conn.query_row(
        "SELECT round(coalesce(sum(hours), 0), 2) FROM volunteer_shifts",
        [],
        |r| r.get(0),
    )?;
    Ok(VolunteerReport {
        total_hours,
        groups,
    })
}

/// Runs `report volunteer [--by org|month]`.
pub fn run(ctx: &Ctx, by: GroupBy) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let report = build(&conn, by)?;
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    let out = &ctx.out;
    if report.groups.is_empty() {
        return out.line("No volunteer hours yet. Log a shift: jobtrack volunteer log \"Mercy Health\" 4 --role \"Records volunteer\"");
    }
    out.line(out.heading(&format!("Volunteer hours: {}", hours(report.total_hours))))?;
    for group in &report.groups {
        let name = match &group.key {
            GroupKey::Org(name) | GroupKey::Month(name) => name,
        };
        let roles = if group.roles.is_empty() {
            String::new()
        } else {
            format!(", {}", group.roles.join(", "))
        };
        out.line(format!(
            "  {name}{roles}: {} hours, {}",
            hours(group.hours),
            months(group.first_date, group.last_date)
        ))?;
    }
    Ok(())
}

/// The roles from a JSON array, alphabetically.
fn sorted_roles(json: &str) -> Vec<String> {
    let mut roles: Vec<String> = serde_json::from_str(json).unwrap_or_default();
    roles.sort_by_key(|r| r.to_lowercase());
    roles
}

/// "Sep 2026 – Nov 2026", as a resume writes dates; one month once ("Nov 2026").
fn months(first: NaiveDate, last: NaiveDate) -> String {
    let (first, last) = (first.format("%b %Y"), last.format("%b %Y"));
    let (first, last) = (first.to_string(), last.to_string());
    if first == last {
        first
    } else {
        format!("{first} – {last}")
    }
}
