//! The printable page of `report search-log --html`: a header for the
//! claimant (name, period, count), the activities one per row, and the
//! weekly counts. Self-contained (no scripts, fonts or links to fetch);
//! stored text goes through `html::escape`.

use chrono::NaiveDate;

use super::html::escape;
use super::search_log::{Activity, Week};

/// The page's style: plain, black on white, landscape when printed, the
/// table header repeated on every printed page.
const STYLE: &str = "
body { font: 11pt/1.35 system-ui, sans-serif; color: #000; background: #fff; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 .4em; }
h2 { font-size: 13pt; margin: 1.4em 0 .4em; }
dl { display: grid; grid-template-columns: max-content auto; gap: .15em 1em; margin: 0 0 1em; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #888; padding: .25em .4em; text-align: left; vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.below { font-weight: 700; }
footer { margin-top: 1.5em; font-size: 9pt; color: #333; }
@page { size: landscape; margin: 1.5cm; }
@media print { body { margin: 0; } }
";

/// The whole page.
pub fn render(
    rows: &[Activity],
    weeks: &[Week],
    since: NaiveDate,
    until: NaiveDate,
    name: Option<&str>,
    min: Option<u32>,
) -> String {
    let mut page = String::with_capacity(8 * 1024 + rows.len() * 256);
    let who = name.map(escape);
    page.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Work-search record{} {since} to {until}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        who.as_ref().map(|n| format!(": {n},")).unwrap_or_default()
    ));
    page.push_str("<header>\n<h1>Work-search record</h1>\n<dl>\n");
    if let Some(who) = &who {
        page.push_str(&format!("<dt>Claimant</dt><dd>{who}</dd>\n"));
    }
    page.push_str(&format!(
        "<dt>Period</dt><dd>{since} to {until}</dd>\n<dt>Activities</dt><dd>{}</dd>\n",
        rows.len()
    ));
    if let Some(min) = min {
        page.push_str(&format!("<dt>Required per week</dt><dd>{min}</dd>\n"));
    }
    page.push_str("</dl>\n</header>\n<main>\n<h2>Activities</h2>\n");
    page.push_str(&activity_table(rows));
    page.push_str(&week_table(weeks));
    page.push_str("</main>\n<footer>Each row is one work-search activity: an application sent, a contact with an employer, an interview, a networking conversation or an event attended.</footer>\n</body>\n</html>\n");
    page
}

fn activity_table(rows: &[Activity]) -> String {
    let mut table = String::from(
        "<table>\n<thead><tr><th>Date</th><th>Employer or organization</th><th>Position</th>\
         <th>Contact person</th><th>Contact information</th><th>Method</th><th>Where found</th>\
         <th>Result</th></tr></thead>\n<tbody>\n",
    );
    if rows.is_empty() {
        table.push_str("<tr><td colspan=\"8\">No activities in this period.</td></tr>\n");
    }
    for row in rows {
        let cell = |v: &Option<String>| escape(v.as_deref().unwrap_or(""));
        table.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            row.date,
            cell(&row.organization),
            cell(&row.position),
            cell(&row.contact_person),
            cell(&row.contact_info),
            escape(&row.method.replace('_', " ")),
            cell(&row.source),
            escape(&row.result),
        ));
    }
    table.push_str("</tbody>\n</table>\n");
    table
}

fn week_table(weeks: &[Week]) -> String {
    let mut table = String::from(
        "<h2>By week</h2>\n<table>\n<thead><tr><th>Week</th><th>Activities</th><th></th></tr></thead>\n<tbody>\n",
    );
    for week in weeks {
        let (class, word) = if week.below {
            (" class=\"below\"", "below")
        } else {
            ("", "")
        };
        table.push_str(&format!(
            "<tr><td>{} to {}</td><td{class}>{}</td><td{class}>{word}</td></tr>\n",
            week.week_start, week.week_end, week.count
        ));
    }
    table.push_str("</tbody>\n</table>\n");
    table
}
