//! `report network`: who you know, how often you reach out, whether
//! referrals bring more interviews than cold applications, and the warm
//! paths you have not used yet.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use super::apps::percent;
use super::{funnel_from_row, weekly_counts, Counts, Funnel, FUNNEL_CTE, FUNNEL_SUMS};
use crate::applications::rules_sql;
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::Result;
use crate::network::Relationship;
use crate::output::{Column, Tone};

/// Interactions in one Monday–Sunday week.
#[derive(Debug, Clone, Serialize)]
pub struct WeekCount {
    pub week_start: NaiveDate,
    pub count: i64,
}

/// An active application where you know someone who has not referred you.
#[derive(Debug, Clone, Serialize)]
pub struct WarmPath {
    pub application_id: i64,
    pub org: String,
    pub title: String,
    /// The names of the people you know there.
    pub contacts: Vec<String>,
}

/// What `report network` prints.
#[derive(Debug, Clone, Serialize)]
pub struct NetworkReport {
    /// Contacts per relationship (zeros included).
    pub by_relationship: Counts,
    /// The current week and the 11 before, oldest first.
    pub interactions_per_week: Vec<WeekCount>,
    /// Referred applications (a referral contact, or source `referral`).
    pub referral: Funnel,
    pub non_referral: Funnel,
    pub warm_paths: Vec<WarmPath>,
}

/// Builds the report for `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<NetworkReport> {
    let mut statement =
        conn.prepare_cached("SELECT count(*) FROM contacts WHERE relationship = ?1")?;
    let mut by_relationship = Vec::new();
    for relationship in Relationship::ALL {
        let n: i64 = statement.query_row([relationship], |r| r.get(0))?;
        by_relationship.push((relationship.to_string(), n));
    }

    let interactions_per_week = weekly_counts(conn, "interactions", "date", today)?
        .into_iter()
        .map(|(week_start, count)| WeekCount { week_start, count })
        .collect();

    let group = |referred: bool| -> Result<Funnel> {
        let sql = crate::applications::rules_sql(&format!(
            "{FUNNEL_CTE} SELECT {FUNNEL_SUMS} FROM funnel WHERE referred = ?3"
        ));
        Ok(conn
            .prepare_cached(&sql)?
            .query_row(params![today, Option::<NaiveDate>::None, referred], |r| {
                funnel_from_row(r, 0, false)
            })?)
    };

    let mut statement = conn.prepare_cached(&rules_sql(
        "SELECT a.id, o.name, a.title, json_group_array(c.name)
         FROM applications a
         JOIN organizations o ON o.id = a.org_id
         JOIN contacts c ON c.org_id = a.org_id
             -- someone already linked to the application is no warm path to it
         AND NOT EXISTS (SELECT 1 FROM application_contacts ac
                         WHERE ac.application_id = a.id AND ac.contact_id = c.id)
         WHERE a.status IN {active}
         GROUP BY a.id ORDER BY o.name COLLATE NOCASE, a.id",
    ))?;
    let warm_paths = statement
        .query_map([], |r| {
            let names: String = r.get(3)?;
            Ok(WarmPath {
                application_id: r.get(0)?,
                org: r.get(1)?,
                title: r.get(2)?,
                contacts: serde_json::from_str(&names).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(NetworkReport {
        by_relationship: Counts(by_relationship),
        interactions_per_week,
        referral: group(true)?,
        non_referral: group(false)?,
        warm_paths,
    })
}

/// Runs `report network`.
pub fn run(ctx: &Ctx) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let report = build(&conn, today)?;
    if ctx.out.json {
        return ctx.out.print_json(&report);
    }
    let out = &ctx.out;
    let total: i64 = report.by_relationship.0.iter().map(|(_, n)| n).sum();
    out.line(out.heading(&format!("Contacts: {total}")))?;
    let known: Vec<String> = report
        .by_relationship
        .0
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(relationship, n)| {
            let words = relationship
                .parse::<Relationship>()
                .map_or_else(|_| relationship.clone(), |r| r.words().into_owned());
            format!("{n} {words}")
        })
        .collect();
    if !known.is_empty() {
        out.line(format!("  {}", known.join(" · ")))?;
    }
    let weekly: Vec<i64> = report
        .interactions_per_week
        .iter()
        .map(|w| w.count)
        .collect();
    out.line(format!(
        "  interactions per week, last 12 weeks:  {}",
        out.sparkline(&weekly)
    ))?;
    out.line("")?;
    out.line(out.heading("Referrals against the rest"))?;
    let mut table = out.table([
        Column::keep(""),
        Column::whole("Applied", 8),
        Column::whole("Responses", 7),
        Column::whole("Interviews", 6),
        Column::whole("Response rate", 4),
        Column::whole("Interview rate", 3),
    ]);
    for (label, funnel) in [
        ("referred", &report.referral),
        ("not referred", &report.non_referral),
    ] {
        table.add_row(vec![
            out.cell(label, Tone::Plain),
            out.number(funnel.applications),
            out.number(funnel.responses),
            out.number(funnel.interviews),
            out.number(percent(funnel.response_rate)),
            out.number(percent(funnel.interview_rate)),
        ]);
    }
    out.print_table(&table)?;
    if !report.warm_paths.is_empty() {
        out.line("")?;
        out.line(out.heading("Warm paths: ask for a referral"))?;
        for path in &report.warm_paths {
            out.line(format!(
                "  app {}: {} at {} — you know {}",
                path.application_id,
                path.title,
                path.org,
                path.contacts.join(", ")
            ))?;
        }
    }
    Ok(())
}
