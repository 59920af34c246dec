//! `report --html FILE`: the dashboard, the funnel by source, 12 weeks of
//! activity, goals, volunteer hours and credential progress on one
//! self-contained page (inline CSS and SVG, no script, nothing fetched)
//! that reads on a phone and prints cleanly.
//!
//! The figures come from the same `build` functions as `report --json`,
//! `report apps|network|volunteer --json` and `cert list --json`; this file
//! only lays them out. Stored text reaches the page only through `escape`.
//! `chart.rs` draws the SVG pictures; `file.rs` writes FILE privately.

mod chart;

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use super::apps::{self, percent, AppsReport};
use super::dashboard::{self, Dashboard};
use super::network::{self, NetworkReport, WeekCount};
use super::volunteer::{self, GroupBy, GroupKey, VolunteerReport};
use super::{weekly_counts, Counts, Funnel};
use crate::credentials::{self, Progress};
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::files;
use crate::output::{count_of, hours};
use chart::{meter, weekly_chart};

/// The page's style sheet, inlined into every report.
const CSS: &str = include_str!("html/report.css");

/// Only inline styles may apply: even a mistake in escaping could not run a
/// script or fetch anything.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// Everything the page shows, each part built by the function behind the
/// matching JSON report.
#[derive(Debug, Clone)]
pub struct HtmlReport {
    pub today: NaiveDate,
    /// What `report --json` prints.
    pub dashboard: Dashboard,
    /// What `report apps --json` prints (all dates).
    pub apps: AppsReport,
    /// What `report network --json` prints; its `interactions_per_week` is
    /// the chart's second series.
    pub network: NetworkReport,
    /// Applications per week (by `applied_on`) over the same 12 weeks, as the
    /// dashboard's sparkline counts them.
    pub applications_per_week: Vec<WeekCount>,
    /// What `report volunteer --json` prints (by organization).
    pub volunteer: VolunteerReport,
    /// What `cert list --json` prints.
    pub certs: Vec<Progress>,
}

/// Builds every part of the page for `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<HtmlReport> {
    let applications_per_week = weekly_counts(conn, "applications", "applied_on", today)?
        .into_iter()
        .map(|(week_start, count)| WeekCount { week_start, count })
        .collect();
    Ok(HtmlReport {
        today,
        dashboard: dashboard::build(conn, today)?,
        apps: apps::build(conn, today, None)?,
        network: network::build(conn, today)?,
        applications_per_week,
        volunteer: volunteer::build(conn, GroupBy::Org)?,
        certs: credentials::progress(conn, today)?,
    })
}

/// What `report --html FILE --json` prints.
#[derive(Debug, Serialize)]
pub struct Written {
    pub path: String,
    pub bytes: u64,
}

/// Runs `report --html FILE [--force]`.
pub fn run(ctx: &Ctx, file: &Path, force: bool) -> Result<()> {
    let today = ctx.today()?;
    let folder = files::check_target(file, force, &ctx.db_path()?.path, "the report file")?;
    let mut conn = ctx.open(Access::Existing)?;
    // One read transaction: every section comes from the same snapshot.
    let snapshot = conn.transaction()?;
    let report = build(&snapshot, today)?;
    drop(snapshot);
    let page = render(&report);
    files::write_private(file, &folder, force, |out, _| {
        out.write_all(page.as_bytes())
            .map_err(|e| Error::io(file, e))
    })?;
    let written = Written {
        path: file.display().to_string(),
        bytes: page.len() as u64,
    };
    if ctx.out.json {
        ctx.out.print_json(&written)
    } else if ctx.out.quiet {
        ctx.out.line(&written.path)
    } else {
        ctx.out.line(format!("Wrote report to {}", written.path))
    }
}

/// Stored text made safe in HTML text and quoted attributes: `&`, `<`, `>`,
/// `"` and `'` become entities, and hidden control characters show as
/// `\u{1b}` (as on a terminal). The only way stored text reaches the page.
pub fn escape(text: &str) -> String {
    let text = crate::output::visible(text);
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Stored text as page content: escaped, and isolated in `<bdi>` so a
/// right-to-left override in a name cannot reverse the text after it.
fn user_text(text: &str) -> String {
    format!("<bdi>{}</bdi>", escape(text))
}

/// The whole page.
pub fn render(report: &HtmlReport) -> String {
    let today = report.today;
    let mut page = String::with_capacity(32 * 1024);
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"jobtrack {version}\">\n\
         <title>Job search report, {today}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
         <header>\n<h1>Job search report</h1>\n\
         <p class=\"muted\">{weekday} {today} · this week runs from Monday {start}</p>\n\
         <nav aria-label=\"Sections\"><ul>\
         <li><a href=\"#week\">This week</a></li>\
         <li><a href=\"#funnel\">Funnel</a></li>\
         <li><a href=\"#activity\">Activity</a></li>\
         <li><a href=\"#goals\">Goals</a></li>\
         <li><a href=\"#volunteer\">Volunteer</a></li>\
         <li><a href=\"#credentials\">Credentials</a></li>\
         </ul></nav>\n</header>\n<main>\n",
        version = env!("CARGO_PKG_VERSION"),
        weekday = today.format("%A"),
        start = report.dashboard.week.start,
    ));
    week_section(&mut page, &report.dashboard);
    funnel_section(&mut page, &report.apps, &report.network);
    activity_section(
        &mut page,
        &report.applications_per_week,
        &report.network.interactions_per_week,
    );
    goals_section(&mut page, &report.dashboard);
    volunteer_section(&mut page, &report.volunteer);
    credentials_section(&mut page, &report.certs, today);
    page.push_str(&format!(
        "</main>\n<footer>\n<p>Made by jobtrack {} on {today} from your own database; nothing \
         here was sent anywhere. The same numbers: <code>jobtrack report --json</code>, \
         <code>report apps --json</code>, <code>report network --json</code>, \
         <code>report volunteer --json</code>, <code>cert list --json</code>.</p>\n\
         </footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    ));
    page
}

/// This week's figures, the pipeline and what is due.
fn week_section(page: &mut String, dashboard: &Dashboard) {
    let week = &dashboard.week;
    page.push_str(&format!(
        "<section id=\"week\">\n<h2>This week</h2>\n<dl class=\"stats\">\
         <div><dt>Applications</dt><dd>{}</dd></div>\
         <div><dt>Interactions</dt><dd>{}</dd></div>\
         <div><dt>Volunteer hours</dt><dd>{}</dd></div></dl>\n",
        week.applications,
        week.interactions,
        hours(week.volunteer_hours)
    ));

    let active: i64 = dashboard.pipeline.0.iter().map(|(_, n)| n).sum();
    page.push_str(&format!(
        "<h3>Pipeline: {}</h3>\n",
        count_of(active, "active application", "active applications")
    ));
    counts_table(page, "Pipeline by status", "Status", &dashboard.pipeline);

    let due = &dashboard.due;
    if due.is_empty() {
        page.push_str(
            "<h3>Due in the next 7 days</h3>\n<p class=\"muted\">Nothing due in the next seven days.</p>\n",
        );
    } else {
        let overdue = due.iter().filter(|item| item.overdue).count();
        page.push_str(&format!(
            "<h3>Due in the next 7 days: {}, {overdue} overdue</h3>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Due in the next 7 days\"><table>\n\
             <thead><tr><th>Date</th><th>What</th><th>Kind</th></tr></thead>\n<tbody>\n",
            count_of(due.len() as i64, "item", "items")
        ));
        // Like the terminal, a few per kind: a long run of stale
        // applications should not push everything else off the page.
        let mut shown: Vec<(&str, usize)> = Vec::new();
        let mut hidden: Vec<(&str, usize)> = Vec::new();
        for item in due {
            let kind = item.kind.as_str();
            if bump(&mut shown, kind) > DUE_PER_KIND {
                bump(&mut hidden, kind);
                continue;
            }
            let overdue = if item.overdue {
                " <span class=\"badge alert\">overdue</span>"
            } else {
                ""
            };
            page.push_str(&format!(
                "<tr><td class=\"n\">{}{overdue}</td><td>{}</td><td class=\"muted\">{}</td></tr>\n",
                item.date,
                user_text(&item.title),
                kind.replace('_', " ")
            ));
        }
        page.push_str("</tbody></table></div>\n");
        if !hidden.is_empty() {
            let counts: Vec<String> = hidden
                .iter()
                .map(|(kind, n)| format!("{n} more {}", kind.replace('_', " ")))
                .collect();
            page.push_str(&format!(
                "<p class=\"muted\">And {} (at most {DUE_PER_KIND} of a kind here; \
                 <code>jobtrack agenda --all</code> lists every one).</p>\n",
                counts.join(", ")
            ));
        }
    }
    page.push_str("</section>\n");
}

/// Items of one kind the page lists under "Due in the next 7 days".
const DUE_PER_KIND: usize = 10;

/// Adds one to `key`'s count (kept in first-seen order); returns the count.
fn bump<'a>(counts: &mut Vec<(&'a str, usize)>, key: &'a str) -> usize {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => {
            *n += 1;
            *n
        }
        None => {
            counts.push((key, 1));
            1
        }
    }
}

/// A table of counts with a bar each, largest count filling the bar;
/// `label` names its scroll region for screen readers.
fn counts_table(page: &mut String, label: &str, what: &str, counts: &Counts) {
    let max = counts.0.iter().map(|(_, n)| *n).max().unwrap_or(0);
    page.push_str(&format!(
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{label}\"><table>\n<thead><tr><th>{what}</th><th class=\"n\">Count</th>\
         <th><span class=\"sr\">Share</span></th></tr></thead>\n<tbody>\n"
    ));
    for (key, n) in &counts.0 {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{n}</td><td class=\"bar\">{}</td></tr>\n",
            user_text(key),
            meter(*n as f64, max as f64, false)
        ));
    }
    page.push_str("</tbody></table></div>\n");
}

/// The funnel by source, every status, referrals against the rest, and the
/// warm paths.
fn funnel_section(page: &mut String, apps: &AppsReport, network: &NetworkReport) {
    page.push_str("<section id=\"funnel\">\n<h2>Funnel by source</h2>\n");
    if apps.by_source.is_empty() {
        page.push_str("<p class=\"muted\">No applications sent yet.</p>\n");
    } else {
        page.push_str(
            "<div class=\"scroll stack\" tabindex=\"0\" role=\"region\" aria-label=\"Funnel by source\"><table>\n<thead><tr><th>Source</th><th class=\"n\">Applied</th>\
             <th class=\"n\">Responses</th><th class=\"n\">Interviews</th><th class=\"n\">Offers</th>\
             <th class=\"n\">Response rate</th><th class=\"n\">Interview rate</th></tr></thead>\n<tbody>\n",
        );
        for row in &apps.by_source {
            let source = row.source.as_deref().unwrap_or("(none)");
            page.push_str(&format!(
                "<tr><th scope=\"row\">{}</th>{}</tr>\n",
                user_text(source),
                funnel_cells(&row.funnel)
            ));
        }
        page.push_str("</tbody></table></div>\n");
        let median = match apps.median_days_to_response {
            Some(days) => format!("{} days", hours(days)),
            None => "no responses yet".to_string(),
        };
        page.push_str(&format!(
            "<p>Median wait for a first response: <strong>{median}</strong>. A response is \
             screening, an interview, an offer, acceptance or rejection; rates are of the \
             applications sent.</p>\n"
        ));
    }

    page.push_str("<h3>Referred against the rest</h3>\n");
    page.push_str(
        "<div class=\"scroll stack\" tabindex=\"0\" role=\"region\" aria-label=\"Referrals and the rest\"><table>\n<thead><tr><th><span class=\"sr\">Group</span></th><th class=\"n\">Applied</th>\
         <th class=\"n\">Responses</th><th class=\"n\">Interviews</th>\
         <th class=\"n\">Response rate</th><th class=\"n\">Interview rate</th></tr></thead>\n<tbody>\n",
    );
    for (label, funnel) in [
        ("referred", &network.referral),
        ("not referred", &network.non_referral),
    ] {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{label}</th>{}</tr>\n",
            funnel_cells(funnel)
        ));
    }
    page.push_str("</tbody></table></div>\n");

    if !network.warm_paths.is_empty() {
        page.push_str("<h3>Warm paths: ask for a referral</h3>\n<ul>\n");
        for path in &network.warm_paths {
            let names: Vec<String> = path.contacts.iter().map(|n| user_text(n)).collect();
            page.push_str(&format!(
                "<li>Application {}: {} at {}: you know {}</li>\n",
                path.application_id,
                user_text(&path.title),
                user_text(&path.org),
                names.join(", ")
            ));
        }
        page.push_str("</ul>\n");
    }

    page.push_str("<h3>Every application by status</h3>\n");
    counts_table(
        page,
        "Every application by status",
        "Status",
        &apps.by_status,
    );
    page.push_str("</section>\n");
}

/// The cells of a funnel row (offers only when the funnel counts them).
fn funnel_cells(funnel: &Funnel) -> String {
    let offers = funnel
        .offers
        .map(|n| format!("<td class=\"n\" data-label=\"Offers\">{n}</td>"))
        .unwrap_or_default();
    format!(
        "<td class=\"n\" data-label=\"Applied\">{}</td><td class=\"n\" data-label=\"Responses\">{}</td>\
         <td class=\"n\" data-label=\"Interviews\">{}</td>{offers}\
         <td class=\"n\" data-label=\"Response rate\">{}</td>\
         <td class=\"n\" data-label=\"Interview rate\">{}</td>",
        funnel.applications,
        funnel.responses,
        funnel.interviews,
        percent(funnel.response_rate),
        percent(funnel.interview_rate)
    )
}

/// Applications and interactions per week: a bar pair per week, the count
/// above each bar, and the numbers as a table for screen readers.
fn activity_section(page: &mut String, applications: &[WeekCount], interactions: &[WeekCount]) {
    let total = |weeks: &[WeekCount]| weeks.iter().map(|w| w.count).sum::<i64>();
    page.push_str(&format!(
        "<section id=\"activity\">\n<h2>Weekly activity, last 12 weeks</h2>\n\
         <ul class=\"legend\">\
         <li><svg class=\"key\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"apps\" width=\"10\" height=\"10\"/></svg>Applications sent: {}</li>\
         <li><svg class=\"key\" viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect class=\"talk\" width=\"10\" height=\"10\"/></svg>Interactions with contacts: {}</li>\
         </ul>\n<div class=\"chart\" tabindex=\"0\" role=\"region\" \
         aria-label=\"Weekly activity chart, newest week at the right\">{}</div>\n",
        total(applications),
        total(interactions),
        weekly_chart(applications, interactions)
    ));
    page.push_str(
        "<details><summary>The numbers</summary><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Weekly numbers\"><table>\n\
         <thead><tr><th>Week from</th><th class=\"n\">Applications</th>\
         <th class=\"n\">Interactions</th></tr></thead>\n<tbody>\n",
    );
    for (sent, talked) in applications.iter().zip(interactions) {
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            sent.week_start, sent.count, talked.count
        ));
    }
    page.push_str("</tbody></table></div></details>\n</section>\n");
}

/// Each goal: done of target this period, with a bar.
fn goals_section(page: &mut String, dashboard: &Dashboard) {
    page.push_str("<section id=\"goals\">\n<h2>Goals</h2>\n");
    if dashboard.goals.is_empty() {
        page.push_str(
            "<p class=\"muted\">No goals set. Set one with \
             <code>jobtrack goal set applications 10 --per week</code>.</p>\n</section>\n",
        );
        return;
    }
    page.push_str(
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Goals\"><table>\n<thead><tr><th>Goal</th><th class=\"n\">Done</th>\
         <th>Progress</th></tr></thead>\n<tbody>\n",
    );
    for goal in &dashboard.goals {
        let target = goal.target as f64;
        let reached = goal.done >= target;
        let badge = if reached {
            " <span class=\"badge good\">reached</span>"
        } else {
            ""
        };
        page.push_str(&format!(
            "<tr><th scope=\"row\">{} per {}</th><td class=\"n\">{} / {}{badge}</td>\
             <td class=\"bar\">{}</td></tr>\n",
            escape(&goal.metric.as_str().replace('_', " ")),
            goal.period,
            hours(goal.done),
            goal.target,
            meter(goal.done, target, reached)
        ));
    }
    page.push_str("</tbody></table></div>\n</section>\n");
}

/// Volunteer hours by organization, with dates and roles.
fn volunteer_section(page: &mut String, volunteer: &VolunteerReport) {
    page.push_str("<section id=\"volunteer\">\n<h2>Volunteer hours</h2>\n");
    if volunteer.groups.is_empty() {
        page.push_str(
            "<p class=\"muted\">No volunteer hours yet. Log a shift with \
             <code>jobtrack volunteer log ORG HOURS</code>.</p>\n</section>\n",
        );
        return;
    }
    page.push_str(&format!(
        "<p>Total: <strong>{}</strong> hours</p>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Volunteer hours by organization\"><table>\n\
         <thead><tr><th>Organization</th><th class=\"n\">Hours</th><th><span class=\"sr\">Share</span></th><th>First</th>\
         <th>Last</th><th>Roles</th></tr></thead>\n<tbody>\n",
        hours(volunteer.total_hours)
    ));
    let max = volunteer.groups.iter().map(|g| g.hours).fold(0.0, f64::max);
    for group in &volunteer.groups {
        let (GroupKey::Org(name) | GroupKey::Month(name)) = &group.key;
        let roles: Vec<String> = group.roles.iter().map(|r| user_text(r)).collect();
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"bar\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n",
            user_text(name),
            hours(group.hours),
            meter(group.hours, max, false),
            group.first_date,
            group.last_date,
            roles.join(", ")
        ));
    }
    page.push_str("</tbody></table></div>\n</section>\n");
}

/// Each tracked credential: status, exam, CEUs against the cycle's requirement.
fn credentials_section(page: &mut String, certs: &[Progress], today: NaiveDate) {
    page.push_str("<section id=\"credentials\">\n<h2>Credentials</h2>\n");
    if certs.is_empty() {
        page.push_str(
            "<p class=\"muted\">No credentials tracked. <code>jobtrack cert check</code> shows \
             what you are eligible for; <code>jobtrack cert add RHIT</code> starts tracking one.\
             </p>\n</section>\n",
        );
        return;
    }
    page.push_str(
        "<div class=\"scroll stack\" tabindex=\"0\" role=\"region\" aria-label=\"Credentials\"><table>\n<thead><tr><th>Code</th><th>Name</th><th>Status</th>\
         <th>Eligible</th><th>Exam</th><th class=\"n\">CEUs</th><th>Cycle</th></tr></thead>\n<tbody>\n",
    );
    for cert in certs {
        let eligible = cert.eligible_word();
        let ceus = match (cert.ceu_earned, cert.ceu_required) {
            (Some(earned), Some(required)) => {
                let required = f64::from(required);
                format!(
                    "{} / {}{}",
                    hours(earned),
                    hours(required),
                    meter(earned, required, earned >= required)
                )
            }
            _ => String::new(),
        };
        let cycle = match (cert.cycle_start, cert.cycle_end) {
            (Some(start), Some(end)) => format!("{start} to {end}"),
            _ => String::new(),
        };
        let status_class = match cert.status {
            credentials::CertStatus::Passed => " class=\"good\"",
            credentials::CertStatus::Failed | credentials::CertStatus::Expired => {
                " class=\"alert\""
            }
            _ => "",
        };
        let lapsed = if cert.lapsed {
            " <span class=\"badge alert\">lapsed</span>"
        } else {
            ""
        };
        page.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td data-label=\"Name\">{}</td>\
             <td data-label=\"Status\"{status_class}>{}{lapsed}</td><td data-label=\"Eligible\">{eligible}</td>\
             <td class=\"n\" data-label=\"Exam\">{}</td><td class=\"n\" data-label=\"CEUs\">{ceus}</td>\
             <td data-label=\"Cycle\">{cycle}</td></tr>\n",
            user_text(&cert.code),
            user_text(&cert.name),
            cert.status,
            cert.exam_on.map(|d| d.to_string()).unwrap_or_default(),
        ));
    }
    page.push_str("</tbody></table></div>\n");
    for cert in certs {
        for note in cert.notes(today) {
            page.push_str(&format!(
                "<p class=\"muted\">{}: {}</p>\n",
                user_text(&cert.code),
                user_text(&note.text)
            ));
        }
    }
    page.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_turns_markup_into_text() {
        assert_eq!(
            escape(r#"<script>alert('x & "y"')</script>"#),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("Mercy Health"), "Mercy Health");
        assert_eq!(escape("a\u{1b}[31mb"), "a\\u{1b}[31mb");
    }
}
