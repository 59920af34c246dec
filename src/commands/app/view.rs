//! `app list` and `app show`: what the applications look like to a person.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::write::source_text;
use super::ListArgs;
use crate::applications::store::{self, Filter};
use crate::applications::{
    status_tone, Application, ApplicationDetail, Direction, Event, EventKind, ListRow, Person,
    Status,
};
use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::input::{code_groups_words, parse_salary, PayPeriod, Salary};
use crate::output::{count_of, pay, shell_command, visible, Column, JsonArray, Tone};
use crate::{dates, network, orgs};

/// Everything `app show` prints about one application.
pub fn detail(conn: &Connection, id: i64) -> Result<ApplicationDetail> {
    let application = store::require(conn, id)?;
    let events = store::events(conn, id)?;
    let referral = match application.referral_contact_id {
        Some(contact_id) => network::contact(conn, contact_id)?,
        None => None,
    };
    let (requires, prefers) = store::credentials(conn, id)?;
    let contacts_here = network::contacts_at(conn, application.org_id)?;
    let people = store::people(conn, id)?;
    let description = store::description(conn, id)?;
    let (resume_id, cover_letter_id) = store::documents_sent(conn, id)?;
    let name_of = |id: Option<i64>| -> Result<Option<String>> {
        Ok(match id {
            Some(id) => crate::documents::store::get(conn, id)?.map(|d| d.describe()),
            None => None,
        })
    };
    Ok(ApplicationDetail {
        description,
        application,
        events,
        referral,
        people,
        requires,
        prefers,
        contacts_here,
        resume: name_of(resume_id)?,
        cover_letter: name_of(cover_letter_id)?,
        resume_id,
        cover_letter_id,
    })
}

pub(super) fn describe_contact(contact: &network::Contact) -> String {
    contact.describe()
}

pub(super) fn list(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let today = ctx.today()?;
    let since = ctx.opt_date("--since", args.since.as_deref())?;
    let min_salary = args
        .min_salary
        .as_deref()
        .map(|text| parse_salary("--min-salary", text).map(|pay| pay.annual_max()))
        .transpose()?;
    if args.limit.is_some_and(|n| n < 1) {
        return Err(Error::invalid(
            "--limit",
            args.limit.unwrap_or_default().to_string(),
            "a whole number of at least 1",
        ));
    }
    let conn = ctx.open(Access::Existing)?;
    let Some(statuses) = wanted_statuses(&args) else {
        return finish_empty_list(ctx);
    };
    let org_ids = match &args.org {
        Some(text) => match orgs::filter(ctx, &conn, text)? {
            ids if ids.is_empty() => return finish_empty_list(ctx),
            ids => ids,
        },
        None => Vec::new(),
    };
    let also_qualified = if args.eligible {
        crate::credentials::eligible_codes(&conn, today)?
    } else {
        Vec::new()
    };
    let filter = Filter {
        statuses,
        source: args.source.as_deref().and_then(source_text),
        org_ids,
        since,
        min_salary,
        qualified: args.qualified.then_some(also_qualified),
        limit: args.limit,
    };
    if ctx.out.json {
        return print_json_list(&conn, &filter, today);
    }
    print_list_table(ctx, &conn, filter, &args, today)
}

/// The statuses `--status`, `--active` and `--closed` keep together (empty:
/// all), or `None` when they keep nothing.
fn wanted_statuses(args: &ListArgs) -> Option<Vec<Status>> {
    let statuses = args.status.clone();
    if !(args.active || args.closed) {
        return Some(statuses);
    }
    let group = if args.active {
        Status::ACTIVE
    } else {
        Status::CLOSED
    };
    let statuses: Vec<Status> = if statuses.is_empty() {
        group.to_vec()
    } else {
        statuses.into_iter().filter(|s| group.contains(s)).collect()
    };
    (!statuses.is_empty()).then_some(statuses)
}

/// Streams the list as a JSON array, one row at a time.
fn print_json_list(conn: &Connection, filter: &Filter, today: NaiveDate) -> Result<()> {
    let mut array = JsonArray::stdout()?;
    store::for_each(conn, filter, |application| {
        array.push(&ListRow {
            days_in_stage: application.days_in_stage(today),
            days_quiet: application.days_quiet(today),
            application,
        })
    })?;
    array.finish()
}

/// Prints the list as a table: 50 rows unless `--limit` or `--all` says
/// otherwise, and a line saying how many more there are.
fn print_list_table(
    ctx: &Ctx,
    conn: &Connection,
    mut filter: Filter,
    args: &ListArgs,
    today: NaiveDate,
) -> Result<()> {
    let shown_limit = if args.all {
        None
    } else {
        Some(args.limit.unwrap_or(50))
    };
    // One row past the limit says whether there are more.
    filter.limit = shown_limit.map(|n| n + 1);
    let mut rows = Vec::new();
    store::for_each(conn, &filter, |application| {
        rows.push(application);
        Ok(())
    })?;
    let more = shown_limit.is_some_and(|n| rows.len() as i64 > n);
    if more {
        rows.pop();
    }
    if rows.is_empty() {
        return ctx
            .out
            .line(if store::count(conn, &Filter::default())? == 0 {
                "No applications yet; add the first with: jobtrack app add ORG TITLE"
            } else {
                "No applications match."
            });
    }
    print_rows(ctx, &rows, today)?;
    if more {
        filter.limit = None;
        let total = store::count(conn, &filter)?;
        ctx.out.line(format!(
            "… {} more (showing {} of {total}; use --limit N or --all)",
            total - rows.len() as i64,
            rows.len()
        ))?;
    }
    Ok(())
}

/// The `app list` table: a due follow-up and a stale application in the
/// alert colour.
fn print_rows(ctx: &Ctx, rows: &[Application], today: NaiveDate) -> Result<()> {
    let out = &ctx.out;
    let mut table = out.table([
        Column::keep("ID"),
        Column::text("Organization", 8),
        Column::text("Title", 9),
        Column::keep("Status"),
        Column::whole("Source", 2),
        Column::whole("Applied", 5),
        Column::whole("Follow up", 7),
        Column::whole("Stage", 3),
        Column::whole("Quiet", 4),
    ]);
    let days = |d: Option<i64>| d.map_or(String::new(), |d| format!("{d}d"));
    for app in rows {
        let follow_up_tone = match app.follow_up_on {
            Some(date) if date <= today => Tone::Alert,
            _ => Tone::Plain,
        };
        let quiet_tone = if app.is_stale(today) {
            Tone::Alert
        } else {
            Tone::Plain
        };
        table.add_row(vec![
            out.number(app.id),
            out.cell(&app.org, Tone::Plain),
            out.cell(&app.title, Tone::Plain),
            out.cell(app.status, status_tone(app.status)),
            out.cell(app.source.as_deref().unwrap_or(""), Tone::Plain),
            out.cell(opt_date(app.applied_on), Tone::Plain),
            out.cell(opt_date(app.follow_up_on), follow_up_tone),
            out.number(days(app.days_in_stage(today))),
            out.cell(days(app.days_quiet(today)), quiet_tone),
        ]);
    }
    out.print_table(&table)
}

/// A filter that can match nothing (an unknown organization, statuses
/// outside `--active`): an empty array, or the words a person reads.
fn finish_empty_list(ctx: &Ctx) -> Result<()> {
    if ctx.out.json {
        JsonArray::stdout()?.finish()
    } else {
        ctx.out.line("No applications match.")
    }
}

fn opt_date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

pub(super) fn show(ctx: &Ctx, id: i64) -> Result<()> {
    let today = ctx.today()?;
    let conn = ctx.open(Access::Existing)?;
    let detail = detail(&conn, id)?;
    if ctx.out.json {
        return ctx.out.print_json(&detail);
    }
    print_detail(ctx, &detail, today)
}

fn print_detail(ctx: &Ctx, detail: &ApplicationDetail, today: NaiveDate) -> Result<()> {
    let app = &detail.application;
    let out = &ctx.out;
    let heading = format!("Application {}: {} at {}", app.id, app.title, app.org);
    out.line(out.heading(&visible(&heading)))?;
    print_fields(ctx, detail, today)?;
    out.line("")?;
    print_history(ctx, &detail.events)?;
    print_linked(ctx, &detail.people)?;
    print_people(ctx, &app.org, &detail.contacts_here)
}

/// The `label  value` lines of `app show`.
fn print_fields(ctx: &Ctx, detail: &ApplicationDetail, today: NaiveDate) -> Result<()> {
    let app = &detail.application;
    let out = &ctx.out;
    let stage = match (app.stage_since, app.days_in_stage(today)) {
        (Some(since), Some(days)) => format!(
            "{} since {since} ({})",
            app.status,
            count_of(days, "day", "days")
        ),
        _ => app.status.to_string(),
    };
    let follow_up = app
        .follow_up_on
        .map(|date| follow_up_text(ctx, date, today));
    let quiet = app.days_quiet(today).map(|d| {
        let text = count_of(d, "day", "days");
        if app.is_stale(today) {
            out.paint(
                &format!("{text} (stale: consider a follow-up or marking it ghosted)"),
                Tone::Alert,
            )
        } else {
            text
        }
    });
    let referral = detail
        .referral
        .as_ref()
        .map(|c| visible(&describe_contact(c)));
    let join = |groups: &Vec<String>| (!groups.is_empty()).then(|| code_groups_words(groups));
    out.print_fields(&[
        ("status", Some(out.paint(&stage, status_tone(app.status)))),
        ("applied", app.applied_on.map(|d| d.to_string())),
        ("source", app.source.as_deref().map(visible)),
        ("follow up", follow_up),
        ("quiet", quiet),
        ("salary", app.salary().map(salary_text)),
        ("offer", offer_text(app)),
        ("work mode", app.work_mode.map(|m| m.to_string())),
        ("job type", app.employment_type.map(|t| t.to_string())),
        ("posted", app.posted_on.map(|d| d.to_string())),
        ("closes", app.closes_on.map(|d| d.to_string())),
        ("location", app.location.as_deref().map(visible)),
        ("url", app.url.as_deref().map(visible)),
        ("referred by", referral),
        ("requires", join(&detail.requires)),
        ("prefers", join(&detail.prefers)),
        ("résumé", sent_text(detail.resume_id, &detail.resume)),
        (
            "cover letter",
            sent_text(detail.cover_letter_id, &detail.cover_letter),
        ),
        ("notes", app.notes.as_deref().map(visible)),
        (
            "posting",
            detail
                .description
                .as_deref()
                .map(|text| posting_text(app.id, text)),
        ),
    ])
}

/// "412 words (jobtrack app posting 12)": the text itself is long.
fn posting_text(id: i64, description: &str) -> String {
    let words = description.split_whitespace().count() as i64;
    format!(
        "{} ({})",
        count_of(words, "word", "words"),
        shell_command(["jobtrack", "app", "posting", &id.to_string()])
    )
}

/// `app posting ID`: the saved description, as it was kept.
pub(super) fn posting(ctx: &Ctx, id: i64) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let app = store::require(&conn, id)?;
    let description = store::description(&conn, id)?;
    if ctx.out.json {
        return ctx.out.print_json(&serde_json::json!({
            "id": app.id,
            "org": app.org,
            "title": app.title,
            "url": app.url,
            "description": description,
        }));
    }
    let Some(description) = description else {
        return Err(Error::NotFound(format!(
            "application {id} ({} at {}) has no saved posting; keep one with \
             'jobtrack app edit {id} --description -' (paste, then Ctrl-D)",
            app.title, app.org
        )));
    };
    let out = &ctx.out;
    let heading = format!("{} at {}", app.title, app.org);
    out.line(out.heading(&visible(&heading)))?;
    if let Some(url) = &app.url {
        out.line(visible(url))?;
    }
    out.line("")?;
    out.line(visible(&description))
}

/// "document 3: resume-v2.pdf (résumé, 48.2 KiB)".
fn sent_text(id: Option<i64>, name: &Option<String>) -> Option<String> {
    let id = id?;
    Some(match name {
        Some(name) => format!("document {id}: {}", visible(name)),
        None => format!("document {id}"),
    })
}

/// "52,000 a year; answer by 2026-12-04; starts 2027-01-04".
fn offer_text(app: &Application) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(salary) = app.offer_salary() {
        parts.push(salary_text(salary));
    }
    if let Some(date) = app.offer_deadline {
        parts.push(format!("answer by {date}"));
    }
    if let Some(date) = app.offer_start_on {
        parts.push(format!("starts {date}"));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// "2026-12-01 (in 5 days)", in the alert colour when due or overdue.
fn follow_up_text(ctx: &Ctx, date: NaiveDate, today: NaiveDate) -> String {
    let days = dates::days_between(today, date);
    let when = match days {
        0 => "today".to_string(),
        d if d < 0 => format!("overdue by {}", count_of(-d, "day", "days")),
        d => format!("in {}", count_of(d, "day", "days")),
    };
    ctx.out.paint(
        &format!("{date} ({when})"),
        if days <= 0 { Tone::Alert } else { Tone::Plain },
    )
}

/// "45,000 a year", "42,000–48,000 a year" or "19.50–22 an hour".
pub(super) fn salary_text(salary: Salary) -> String {
    let per = match salary.period {
        PayPeriod::Hour => "an hour",
        PayPeriod::Month => "a month",
        PayPeriod::Year => "a year",
    };
    if salary.min == salary.max {
        format!("{} {per}", pay(salary.min))
    } else {
        format!("{}–{} {per}", pay(salary.min), pay(salary.max))
    }
}

/// The dated history, oldest first.
fn print_history(ctx: &Ctx, events: &[Event]) -> Result<()> {
    let out = &ctx.out;
    out.line(out.heading("History"))?;
    // The entry ids are what `app history edit|rm` take.
    let mut table = out.table([
        Column::keep("Entry"),
        Column::keep("Date"),
        Column::text("What", 8),
        Column::text("Note", 6),
    ]);
    for event in events {
        table.add_row(vec![
            out.number(event.id),
            out.cell(event.date, Tone::Plain),
            out.cell(describe_event(event), Tone::Plain),
            out.cell(event_note(event), Tone::Plain),
        ]);
    }
    out.print_table(&table)
}

/// The people linked to the application, with their roles.
fn print_linked(ctx: &Ctx, people: &[Person]) -> Result<()> {
    if people.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    out.line("")?;
    out.line(out.heading("People on this application"))?;
    for person in people {
        out.line(format!(
            "  {}: {}",
            person.role.words(),
            visible(&describe_contact(&person.contact))
        ))?;
    }
    Ok(())
}

/// The people the user knows at the organization, if any.
fn print_people(ctx: &Ctx, org: &str, people: &[network::Contact]) -> Result<()> {
    if people.is_empty() {
        return Ok(());
    }
    let out = &ctx.out;
    out.line("")?;
    out.line(out.heading(&format!("People you know at {org}")))?;
    for contact in people {
        out.line(format!("  {}", visible(&describe_contact(contact))))?;
    }
    Ok(())
}

fn describe_event(event: &Event) -> String {
    match event.kind {
        EventKind::Status => match (event.from_status, event.to_status) {
            (None, Some(to)) => format!("added as {to}"),
            (Some(from), Some(to)) => format!("{from} → {to}"),
            (_, None) => "status".into(),
        },
        EventKind::Interview => describe_interview(event),
        EventKind::Note => "note".into(),
        EventKind::EmployerContact => match (event.direction, event.via) {
            (Some(Direction::Inbound), Some(via)) => {
                format!("contact from them ({})", via.words())
            }
            (_, Some(via)) => format!("contact ({})", via.words()),
            _ => "contact".into(),
        },
        EventKind::FollowUp => match event.note.as_deref() {
            Some("cleared") => "follow-up cleared".into(),
            None => "follow-up cleared (app close)".into(),
            Some(date) => format!("follow up by {date}"),
        },
    }
}

/// "interview at 10:30 (video, 45 min): passed".
fn describe_interview(event: &Event) -> String {
    let mut text = String::from("interview");
    if let Some(at) = &event.at {
        text.push_str(&format!(" at {at}"));
    }
    let mut details = Vec::new();
    if let Some(kind) = event.interview_kind {
        details.push(kind.words().into_owned());
    }
    if let Some(minutes) = event.minutes {
        details.push(format!("{minutes} min"));
    }
    if !details.is_empty() {
        text.push_str(&format!(" ({})", details.join(", ")));
    }
    if let Some(outcome) = event.outcome {
        text.push_str(&format!(": {}", outcome.words()));
    }
    text
}

fn event_note(event: &Event) -> String {
    let mut note = match event.kind {
        EventKind::FollowUp => String::new(),
        _ => event.note.clone().unwrap_or_default(),
    };
    if let Some(place) = &event.place {
        if !note.is_empty() {
            note.push_str("; ");
        }
        note.push_str(place);
    }
    if event.with.is_empty() {
        return note;
    }
    let names: Vec<&str> = event.with.iter().map(|c| c.name.as_str()).collect();
    let with = format!("with {}", names.join(", "));
    if note.is_empty() {
        with
    } else {
        format!("{note} ({with})")
    }
}
