//! `report apps`: the application funnel by status and by source, and the
//! median wait for a first response.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{funnel_from_row, status_counts, Counts, Funnel, FUNNEL_CTE, FUNNEL_SUMS};
use crate::applications::Status;
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::output::{Column, Tone};
use crate::text_enum;

/// The funnel of one source (`None`: applications without a source).
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub source: Option<String>,
    #[serde(flatten)]
    pub funnel: Funnel,
}

text_enum! {
    /// What `report apps` groups the funnel by.
    pub enum GroupBy {
        /// Where you found the job (--source)
        Source = "source",
        /// The résumé you sent (--resume)
        Resume = "resume",
    }
}

/// The funnel of one résumé (`None`: applications sent without one).
#[derive(Debug, Clone, Serialize)]
pub struct ResumeRow {
    /// The document's id.
    pub resume_id: Option<i64>,
    /// The document's name.
    pub resume: Option<String>,
    #[serde(flatten)]
    pub funnel: Funnel,
}

/// What `report apps --by resume` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ResumeReport {
    /// Applications per status, saved ones included.
    pub by_status: Counts,
    /// The funnel per résumé, largest first; applications without one last
    /// among equals.
    pub by_resume: Vec<ResumeRow>,
    /// Days from applying to the first response (median); null when none.
    pub median_days_to_response: Option<f64>,
}

/// The funnel per résumé sent, over applications applied for on or after
/// `since` (the §5 definitions of `build`).
pub fn by_resume(
    conn: &Connection,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Result<Vec<ResumeRow>> {
    let sql = crate::applications::rules_sql(&format!(
        "{FUNNEL_CTE} SELECT resume_id, (SELECT d.name FROM documents d WHERE d.id = resume_id),
                {FUNNEL_SUMS} FROM funnel
         GROUP BY resume_id ORDER BY count(*) DESC, resume_id IS NULL, resume_id"
    ));
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement
        .query_map(params![today, since], |r| {
            Ok(ResumeRow {
                resume_id: r.get(0)?,
                resume: r.get(1)?,
                funnel: funnel_from_row(r, 2, true)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What `report apps` prints.
#[derive(Debug, Clone, Serialize)]
pub struct AppsReport {
    /// Applications per status, saved ones included.
    pub by_status: Counts,
    /// The funnel per source, largest first.
    pub by_source: Vec<SourceRow>,
    /// Days from applying to the first response (median); null when none.
    pub median_days_to_response: Option<f64>,
}

/// Builds the report over applications applied for (or, in `by_status`,
/// saved) on or after `since`.
pub fn build(conn: &Connection, today: NaiveDate, since: Option<NaiveDate>) -> Result<AppsReport> {
    let by_status = status_counts(conn, Status::ALL, since)?;
    let sql = crate::applications::rules_sql(&format!(
        "{FUNNEL_CTE} SELECT source, {FUNNEL_SUMS} FROM funnel
         GROUP BY source ORDER BY count(*) DESC, source IS NULL, source"
    ));
    let mut statement = conn.prepare_cached(&sql)?;
    let by_source = statement
        .query_map(params![today, since], |r| {
            Ok(SourceRow {
                source: r.get(0)?,
                funnel: funnel_from_row(r, 1, true)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(AppsReport {
        by_status,
        by_source,
        median_days_to_response: median_days_to_response(conn, today, since)?,
    })
}

/// The median of the days from `applied_on` to the first response: the
/// middle value, or the mean of the two middle values for an even count.
fn median_days_to_response(
    conn: &Connection,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Result<Option<f64>> {
    let sql = crate::applications::rules_sql(&format!(
        "{FUNNEL_CTE}, waits AS (
             SELECT julianday(responded_on) - julianday(applied_on) AS days
             FROM funnel WHERE responded_on IS NOT NULL),
         counted AS (SELECT count(*) AS n FROM waits)
         SELECT avg(days) FROM (
             SELECT days FROM waits ORDER BY days
             LIMIT 2 - (SELECT n FROM counted) % 2
             OFFSET ((SELECT n FROM counted) - 1) / 2)"
    ));
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![today, since], |r| r.get::<_, Option<f64>>(0))?)
}

/// Runs `report apps [--since DATE] [--by source|resume] [--csv]`.
pub fn run(ctx: &Ctx, since: Option<String>, by: GroupBy, csv: bool) -> Result<()> {
    if csv && ctx.out.json {
        return Err(Error::Input(
            "--csv and --json ask for two formats; give one".into(),
        ));
    }
    let today = ctx.today()?;
    let since = ctx.opt_date("--since", since.as_deref())?;
    let conn = ctx.open(Access::Existing)?;
    let report = build(&conn, today, since)?;
    let resumes = match by {
        GroupBy::Source => None,
        GroupBy::Resume => Some(by_resume(&conn, today, since)?),
    };
    if ctx.out.json {
        return match resumes {
            None => ctx.out.print_json(&report),
            Some(by_resume) => ctx.out.print_json(&ResumeReport {
                by_status: report.by_status,
                by_resume,
                median_days_to_response: report.median_days_to_response,
            }),
        };
    }
    let groups: Vec<(Group, &Funnel)> = match &resumes {
        None => report
            .by_source
            .iter()
            .map(|row| (Group::Source(row.source.clone()), &row.funnel))
            .collect(),
        Some(rows) => rows
            .iter()
            .map(|row| {
                (
                    Group::Resume(row.resume_id, row.resume.clone()),
                    &row.funnel,
                )
            })
            .collect(),
    };
    print_groups(ctx, &report, since, by, &groups, csv)
}

/// The label of one row of the grouped funnel.
#[derive(Debug, Clone)]
enum Group {
    Source(Option<String>),
    Resume(Option<i64>, Option<String>),
}

impl Group {
    /// The cells before the figures, for CSV.
    fn csv_cells(&self) -> Vec<Option<String>> {
        match self {
            Group::Source(source) => vec![source.clone()],
            Group::Resume(id, name) => vec![id.map(|id| id.to_string()), name.clone()],
        }
    }

    /// The first column of the table.
    fn label(&self) -> String {
        match self {
            Group::Source(source) => source.clone().unwrap_or_else(|| "(none)".into()),
            Group::Resume(Some(id), Some(name)) => format!("{id}: {name}"),
            Group::Resume(Some(id), None) => id.to_string(),
            Group::Resume(None, _) => "(none)".into(),
        }
    }
}

/// Prints the grouped funnel: CSV, or the stage bars, a table and the
/// median wait.
fn print_groups(
    ctx: &Ctx,
    report: &AppsReport,
    since: Option<NaiveDate>,
    by: GroupBy,
    groups: &[(Group, &Funnel)],
    csv: bool,
) -> Result<()> {
    let out = &ctx.out;
    if csv {
        let mut header: Vec<&str> = match by {
            GroupBy::Source => vec!["source"],
            GroupBy::Resume => vec!["resume_id", "resume"],
        };
        header.extend(FIGURES);
        let rows = groups.iter().map(|(group, funnel)| {
            let mut cells = group.csv_cells();
            cells.extend(figure_cells(funnel));
            cells
        });
        return out.print_csv(&header, rows);
    }
    let title = match since {
        Some(since) => format!("Applications since {since}"),
        None => "Applications".to_string(),
    };
    out.line(out.heading(&title))?;
    print_stage_bars(ctx, &report.by_status)?;
    out.line("")?;
    if groups.is_empty() {
        out.line("No applications sent yet.")?;
        return Ok(());
    }
    let mut table = out.table([
        Column::text(
            match by {
                GroupBy::Source => "Source",
                GroupBy::Resume => "Résumé",
            },
            9,
        ),
        Column::whole("Applied", 8),
        Column::whole("Responses", 7),
        Column::whole("Interviews", 6),
        Column::whole("Offers", 5),
        Column::whole("Response rate", 4),
        Column::whole("Interview rate", 3),
    ]);
    for (group, funnel) in groups {
        table.add_row(vec![
            out.cell(group.label(), Tone::Plain),
            out.number(funnel.applications),
            out.number(funnel.responses),
            out.number(funnel.interviews),
            out.number(funnel.offers.unwrap_or(0)),
            out.number(percent(funnel.response_rate)),
            out.number(percent(funnel.interview_rate)),
        ]);
    }
    out.print_table(&table)?;
    out.line(match report.median_days_to_response {
        Some(days) => format!(
            "Median days to a first response: {}",
            crate::output::hours(days)
        ),
        None => "Median days to a first response: no responses yet".to_string(),
    })
}

/// The CSV columns after the group's own, named as in JSON.
const FIGURES: [&str; 6] = [
    "applications",
    "responses",
    "interviews",
    "offers",
    "response_rate",
    "interview_rate",
];

/// A funnel's figures as CSV cells (rates as fractions, empty when unknown).
fn figure_cells(funnel: &Funnel) -> Vec<Option<String>> {
    vec![
        Some(funnel.applications.to_string()),
        Some(funnel.responses.to_string()),
        Some(funnel.interviews.to_string()),
        Some(funnel.offers.unwrap_or(0).to_string()),
        funnel.response_rate.map(|r| r.to_string()),
        funnel.interview_rate.map(|r| r.to_string()),
    ]
}

/// A bar per status, for the statuses that have applications.
pub fn print_stage_bars(ctx: &Ctx, counts: &Counts) -> Result<()> {
    let max = counts.0.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let width = counts.0.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
    for (status, n) in &counts.0 {
        if *n == 0 {
            continue;
        }
        let tone = status
            .parse::<Status>()
            .map_or(Tone::Plain, crate::applications::status_tone);
        ctx.out.line(format!(
            "  {status:<width$}  {:>4}  {}",
            n,
            ctx.out.bar(*n as f64, max as f64, 30, tone)
        ))?;
    }
    Ok(())
}

/// A rate as a whole percentage ("25%"), or "-" when unknown.
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "-".to_string(), |r| format!("{:.0}%", r * 100.0))
}
