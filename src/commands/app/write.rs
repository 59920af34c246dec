//! The `app` writes: add, set, edit, note, interview and rm, with the
//! application rules of DESIGN §3.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};

use super::from_page::{self, FromPage};
use super::view::{describe_contact, detail};
use super::{AddArgs, ClearField, Details, EditArgs};
use crate::applications::store::{self, ApplicationFields, NewApplication, Posting};
use crate::applications::{Application, ApplicationDetail, EventKind, Status};
use crate::credentials::detect::{detect, Detected, Vocabulary};
use crate::ctx::Ctx;
use crate::dates::DateKind;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::{
    code_group_parts, code_groups_words, edited_notes, kept, parse_code_group, parse_salary, Salary,
};
use crate::output::{count_of, shell_command};
use crate::{dates, network, orgs};

/// A typed source, normalized (DESIGN §10.3) for a write or a filter.
pub(super) fn source_text(text: &str) -> Option<String> {
    crate::input::normalize_source(text)
}

/// Notes a source no application has yet when a stored one is close to
/// it (a typo or another spelling would split the funnel in `report apps`).
fn note_new_source(ctx: &Ctx, tx: &Connection, source: Option<&str>) -> Result<()> {
    let Some(source) = source else {
        return Ok(());
    };
    let known = store::sources(tx)?;
    if known.iter().any(|stored| stored == source) {
        return Ok(());
    }
    let closest = known
        .iter()
        .map(|stored| (orgs::edit_distance(source, stored), stored))
        .filter(|(distance, stored)| {
            *distance <= 2 || stored.starts_with(source) || source.starts_with(stored.as_str())
        })
        .min();
    if let Some((_, stored)) = closest {
        ctx.out.notice(format!(
            "\"{source}\" is a new source; you have used \"{stored}\" before \
             (use --source {stored} if it is the same place)"
        ));
    }
    Ok(())
}

/// The groups typed for `--requires`/`--prefers`: commas separate groups,
/// `|` joins the codes of one ("RHIT|RHIA": either will do).
fn codes(field: &str, values: &[String]) -> Result<Vec<String>> {
    let mut codes = Vec::new();
    for value in values {
        for part in value.split(',') {
            let group = parse_code_group(field, part)?;
            if !codes.contains(&group) {
                codes.push(group);
            }
        }
    }
    Ok(codes)
}

/// A note for each code that is neither in the catalog nor tracked (a typo
/// like RHTI would make the posting impossible to qualify for).
fn note_unknown_codes(ctx: &Ctx, conn: &Connection, groups: &[String]) -> Result<()> {
    for code in groups.iter().flat_map(|group| code_group_parts(group)) {
        if crate::credentials::catalog::find(code).is_some() {
            continue;
        }
        if crate::credentials::tracking::get(conn, code)?.is_some() {
            continue;
        }
        let close = crate::credentials::CATALOG
            .iter()
            .map(|c| c.code)
            .filter(|known| orgs::edit_distance(code, known) <= 2)
            .min_by_key(|known| orgs::edit_distance(code, known));
        let hint = close.map_or(String::new(), |known| format!("; did you mean {known}?"));
        ctx.out.notice(format!(
            "{code} is not a credential jobtrack knows or you track{hint} (see 'jobtrack cert catalog')"
        ));
    }
    Ok(())
}

/// The credentials found in a description given to `app add`/`edit`
/// (DESIGN §10.6): `None` when no description was given or `--requires`
/// or `--prefers` was (the flags replace detection). Finds the catalog's
/// and the tracked credentials.
fn detected_credentials(
    tx: &Connection,
    description: Option<&str>,
    flags_given: bool,
) -> Result<Option<Detected>> {
    let Some(text) = description.filter(|_| !flags_given) else {
        return Ok(None);
    };
    let tracked = crate::credentials::tracking::all(tx)?;
    let vocabulary = Vocabulary::new(tracked.iter().map(|c| (c.code.as_str(), c.name.as_str())));
    Ok(Some(detect(text, &vocabulary)))
}

/// Says on standard error what was found in the posting, and how to
/// correct it.
fn tell_detected(ctx: &Ctx, id: i64, detected: Option<&Detected>) {
    let Some(detected) = detected else {
        return;
    };
    let mut found = Vec::new();
    if !detected.requires.is_empty() {
        found.push(format!(
            "requires {}",
            code_groups_words(&detected.requires)
        ));
    }
    if !detected.prefers.is_empty() {
        found.push(format!("prefers {}", code_groups_words(&detected.prefers)));
    }
    let id = id.to_string();
    let fix = shell_command([
        "jobtrack",
        "app",
        "edit",
        &id,
        "--requires",
        "CODE",
        "--prefers",
        "CODE",
    ]);
    if found.is_empty() {
        ctx.out.notice(format!(
            "no credentials found in the posting (to add them: {fix})"
        ));
    } else {
        ctx.out.notice(format!(
            "found in the posting: {} (to correct it: {fix})",
            found.join("; ")
        ));
    }
}

fn check_referral(conn: &Connection, contact_id: i64) -> Result<network::Contact> {
    network::contact(conn, contact_id)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no contact with id {contact_id} for --referral (see 'jobtrack contact list')"
        ))
    })
}

/// Refuses a code both required and preferred, compared code by code
/// across groups ("RHIT" required and "RHIA|RHIT" preferred included).
fn check_both_lists(requires: &[String], prefers: &[String]) -> Result<()> {
    let preferred: Vec<&str> = prefers.iter().flat_map(|g| code_group_parts(g)).collect();
    let mut required = requires.iter().flat_map(|g| code_group_parts(g));
    if let Some(code) = required.find(|c| preferred.contains(c)) {
        return Err(Error::Input(format!(
            "{code} is given both in --requires and in --prefers; a posting requires or prefers a credential, not both"
        )));
    }
    Ok(())
}

/// The posting options given (`--posted`, `--closes`, `--employment-type`,
/// `--description`), checked and typed; on edit, `None` keeps the stored
/// value.
fn given_posting(ctx: &Ctx, details: &Details) -> Result<Posting> {
    Ok(Posting {
        posted_on: ctx.opt_date_of(DateKind::Range, "--posted", details.posted.as_deref())?,
        closes_on: ctx.opt_date_of(DateKind::Ahead, "--closes", details.closes.as_deref())?,
        employment_type: details.employment_type,
        description: ctx
            .text("--description", details.description.clone())?
            .map(|text| text.replace("\r\n", "\n")),
    })
}

/// The posting options given, with what a page (`--from`) adds where
/// they leave a field out.
fn with_page(given: Posting, page: Option<&FromPage>) -> Posting {
    let Some(page) = page else { return given };
    let from = &page.posting;
    Posting {
        posted_on: given.posted_on.or(from.posted_on),
        closes_on: given.closes_on.or(from.closes_on),
        employment_type: given.employment_type.or(from.employment_type),
        description: given.description.or_else(|| from.description.clone()),
    }
}

/// ORG and TITLE as typed, else the page's (`--from`; clap requires them
/// without it, and the page reader refuses a page without them).
fn org_and_title(ctx: &Ctx, args: &AddArgs, page: Option<&FromPage>) -> Result<(String, String)> {
    let org = args
        .org
        .clone()
        .or_else(|| page.and_then(|p| p.org.clone()))
        .ok_or_else(|| Error::Input("ORG is required (or --from a saved job page)".into()))?;
    let title = match (&args.title, page.and_then(|p| p.title.clone())) {
        (Some(title), _) => ctx.required_text("TITLE", title.clone())?,
        (None, Some(title)) => title,
        (None, None) => {
            return Err(Error::Input(
                "TITLE is required (or --from a saved job page)".into(),
            ))
        }
    };
    Ok((org, title))
}

/// What `app add` was given, checked and typed before the database opens.
struct AddDraft {
    org: String,
    title: String,
    status: Status,
    applied_on: Option<NaiveDate>,
    /// The date of the first `status` event: when it was applied for, or today.
    event_date: NaiveDate,
    follow_up_on: Option<NaiveDate>,
    salary: Option<Salary>,
    notes: Option<String>,
    source: Option<String>,
    requires: Vec<String>,
    prefers: Vec<String>,
    posting: Posting,
}

/// The organization of a new application, with what the user already has
/// there (nothing, when it was just created).
struct OrgHistory {
    id: i64,
    name: String,
    earlier: Vec<Application>,
    people: Vec<network::Contact>,
}

pub(super) fn add(ctx: &Ctx, args: AddArgs) -> Result<()> {
    let page = from_page::read(ctx, &args)?;
    let mut draft = parse_add(ctx, &args, page.as_ref())?;
    let timestamp = ctx.timestamp()?;

    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let flags_given = args.details.requires.is_some() || args.details.prefers.is_some();
    let detected = detected_credentials(&tx, draft.posting.description.as_deref(), flags_given)?;
    if let Some(found) = &detected {
        draft.requires = found.requires.clone();
        draft.prefers = found.prefers.clone();
    }
    let referral = args
        .details
        .referral
        .map(|id| check_referral(&tx, id))
        .transpose()?;
    note_unknown_codes(ctx, &tx, &draft.requires)?;
    note_unknown_codes(ctx, &tx, &draft.prefers)?;
    note_new_source(ctx, &tx, draft.source.as_deref())?;
    let org = org_history(ctx, &tx, &draft.org, &timestamp)?;
    let new = new_application(ctx, &draft, &args.details, org.id, page.as_ref())?;
    let id = insert_with_history(&tx, &new, &draft, &timestamp)?;
    super::sent::link_new(ctx, &tx, id, &args.details.documents, &timestamp)?;
    let record = ctx.out.json_record(|| detail(&tx, id))?;
    db::commit(tx)?;

    if let Some(page) = &page {
        page.tell(ctx, id);
    }

    tell_about_earlier(ctx, &org.name, &org.earlier);
    tell_about_people(ctx, &org.name, &org.people, referral.as_ref());
    tell_detected(ctx, id, detected.as_ref());
    let message = added_message(id, &new.title, &org.name, draft.status, draft.follow_up_on);
    ctx.out.written(id, &message, || Ok(record))
}

/// Checks and types `app add`'s arguments, and works out the dates the
/// status rules give: `applied_on` and the automatic follow-up.
fn parse_add(ctx: &Ctx, args: &AddArgs, page: Option<&FromPage>) -> Result<AddDraft> {
    let today = ctx.today()?;
    let (org, title) = org_and_title(ctx, args, page)?;
    let details = &args.details;
    let applied = ctx.opt_date_of(DateKind::Past, "--applied", args.applied.as_deref())?;
    if applied.is_some() && args.status == Status::Saved {
        return Err(Error::Input(
            "--applied cannot be used with --status saved (a saved posting has not been applied for); \
             drop --applied or choose another --status"
                .into(),
        ));
    }
    let applied_on = match applied {
        Some(date) => Some(date),
        None if args.status != Status::Saved => Some(today),
        None => None,
    };
    let salary = details
        .salary
        .as_deref()
        .map(|text| parse_salary("--salary", text))
        .transpose()?
        .or(page.and_then(|p| p.salary));
    let explicit_follow_up =
        ctx.opt_date_of(DateKind::Ahead, "--follow-up", details.follow_up.as_deref())?;
    let notes = ctx.text("--note", details.note.clone())?;
    let requires = codes(
        "--requires",
        details.requires.as_deref().unwrap_or_default(),
    )?;
    let prefers = codes("--prefers", details.prefers.as_deref().unwrap_or_default())?;
    check_both_lists(&requires, &prefers)?;
    let mut source = details.source.as_deref().and_then(source_text);
    if source.is_none() && details.referral.is_some() {
        source = Some("referral".into());
    }
    let event_date = applied_on.unwrap_or(today);
    let follow_up_on = match (explicit_follow_up, args.status.follow_up_days()) {
        (None, Some(days)) => Some(dates::days_after("--follow-up", event_date, days)?),
        (given, _) => given,
    };
    Ok(AddDraft {
        posting: with_page(given_posting(ctx, details)?, page),
        org,
        title,
        status: args.status,
        applied_on,
        event_date,
        follow_up_on,
        salary,
        notes,
        source,
        requires,
        prefers,
    })
}

/// Finds (or creates) the organization, with the earlier applications and
/// the people the user knows there.
fn org_history(ctx: &Ctx, tx: &Connection, name: &str, timestamp: &str) -> Result<OrgHistory> {
    let (id, name, is_new) = orgs::find_or_create_noting(ctx, tx, "ORG", name, timestamp)?;
    if is_new {
        return Ok(OrgHistory {
            id,
            name,
            earlier: Vec::new(),
            people: Vec::new(),
        });
    }
    Ok(OrgHistory {
        earlier: store::at_org(tx, id)?,
        people: network::contacts_at(tx, id)?,
        id,
        name,
    })
}

/// The row to insert. The follow-up is set afterwards, with its event.
fn new_application(
    ctx: &Ctx,
    draft: &AddDraft,
    details: &Details,
    org_id: i64,
    page: Option<&FromPage>,
) -> Result<NewApplication> {
    Ok(NewApplication {
        org_id,
        title: draft.title.clone(),
        status: draft.status,
        source: draft.source.clone(),
        url: ctx
            .text("--url", details.url.clone())?
            .or_else(|| page.and_then(|p| p.url.clone())),
        location: ctx
            .text("--location", details.location.clone())?
            .or_else(|| page.and_then(|p| p.location.clone())),
        work_mode: details.work_mode.or(page.and_then(|p| p.work_mode)),
        salary: draft.salary,
        applied_on: draft.applied_on,
        follow_up_on: None,
        referral_contact_id: details.referral,
        notes: draft.notes.clone(),
        posting: draft.posting.clone(),
    })
}

/// Inserts the application with its first `status` event, its follow-up
/// and its credential codes, and refreshes the derived columns.
fn insert_with_history(
    tx: &Connection,
    new: &NewApplication,
    draft: &AddDraft,
    timestamp: &str,
) -> Result<i64> {
    let id = store::insert(tx, new, timestamp)?;
    let on = draft.event_date;
    store::add_event(
        tx,
        id,
        on,
        EventKind::Status,
        None,
        Some(draft.status),
        None,
    )?;
    store::set_follow_up(tx, id, None, draft.follow_up_on, on, None)?;
    // A new application has no codes to replace: only insert.
    if !draft.requires.is_empty() {
        store::replace_credentials(tx, id, true, &draft.requires)?;
    }
    if !draft.prefers.is_empty() {
        store::replace_credentials(tx, id, false, &draft.prefers)?;
    }
    store::refresh_derived(tx, id)?;
    Ok(id)
}

/// Points to the people the user knows at the organization (the referrer
/// aside): a warm path.
fn tell_about_people(
    ctx: &Ctx,
    org_name: &str,
    people: &[network::Contact],
    referral: Option<&network::Contact>,
) {
    let referrer_id = referral.map(|c| c.id);
    let others: Vec<&network::Contact> = people
        .iter()
        .filter(|c| Some(c.id) != referrer_id)
        .collect();
    if !others.is_empty() {
        let names: Vec<String> = others.iter().map(|c| describe_contact(c)).collect();
        ctx.out.notice(format!(
            "you know {} at {org_name}: {} — a warm path; ask about a referral",
            count_of(others.len() as i64, "person", "people"),
            names.join(", ")
        ));
    }
}

/// "Added application 7: Coder at Mercy Health (screening; follow up by …)".
fn added_message(
    id: i64,
    title: &str,
    org_name: &str,
    status: Status,
    follow_up_on: Option<NaiveDate>,
) -> String {
    let mut message = format!("Added application {id}: {title} at {org_name}");
    match (status, follow_up_on) {
        (Status::Applied, Some(date)) => message.push_str(&format!(" (follow up by {date})")),
        (status, Some(date)) => message.push_str(&format!(" ({status}; follow up by {date})")),
        (Status::Applied, None) => {}
        (status, None) => message.push_str(&format!(" ({status})")),
    }
    message
}

/// Ends a write that added to an application's history: marks it changed,
/// refreshes the derived columns, reads the `--json` record and commits.
pub(super) fn finish_history_write(
    ctx: &Ctx,
    tx: Transaction<'_>,
    id: i64,
    timestamp: &str,
) -> Result<Option<ApplicationDetail>> {
    store::touch(&tx, id, timestamp)?;
    store::refresh_derived(&tx, id)?;
    let record = ctx.out.json_record(|| detail(&tx, id))?;
    db::commit(tx)?;
    Ok(record)
}

fn tell_about_earlier(ctx: &Ctx, org_name: &str, earlier: &[Application]) {
    for previous in earlier.iter().take(5) {
        let when = match previous.applied_on {
            Some(date) => format!("applied {date}"),
            None => "saved, never applied for".to_string(),
        };
        if previous.applied_on.is_none() && previous.status == Status::Saved {
            ctx.out.notice(format!(
                "you saved a posting at {org_name} before: application {} ({}), not applied for yet",
                previous.id, previous.title
            ));
            continue;
        }
        if previous.status == Status::Ghosted {
            ctx.out.warning(format!(
                "you applied to {org_name} before and never heard back: application {} ({}, {when}) ended ghosted; \
                 try to reach a person there this time",
                previous.id, previous.title
            ));
        } else {
            ctx.out.notice(format!(
                "you applied to {org_name} before: application {} ({}, {when}); its status is {}",
                previous.id,
                previous.title,
                previous.status.words()
            ));
        }
    }
    if earlier.len() > 5 {
        ctx.out.notice(format!(
            "and {} more at {org_name} ({})",
            earlier.len() - 5,
            shell_command(["jobtrack", "app", "list", "--org", org_name])
        ));
    }
}

/// Moves an application to `to` on `on` inside `tx`, applying the status
/// rules: the `status` event, `applied_on` on entering applied, and the
/// follow-up (explicit, automatic, kept or cleared). Returns the new
/// follow-up date.
pub(super) fn move_status(
    tx: &Connection,
    app: &Application,
    to: Status,
    on: NaiveDate,
    note: Option<&str>,
    explicit_follow_up: Option<NaiveDate>,
) -> Result<Option<NaiveDate>> {
    let entry = store::add_event(
        tx,
        app.id,
        on,
        EventKind::Status,
        Some(app.status),
        Some(to),
        note,
    )?;
    // Any status past `saved` means the application went in (a recruiter who
    // calls about a saved posting included): an empty applied_on takes this
    // date, so the funnel and the week's count see it. Withdrawing a saved
    // posting is not applying.
    let applied = !Status::NOT_APPLIED.contains(&to);
    if applied && app.applied_on.is_none() {
        store::set_applied_on(tx, app.id, on)?;
    }
    store::set_status(tx, app.id, to)?;
    let follow_up = match (explicit_follow_up, to.follow_up_days()) {
        (Some(date), _) => Some(date),
        (None, Some(days)) => Some(dates::days_after("--follow-up", on, days)?),
        (None, None) if to.is_active() => app.follow_up_on,
        (None, None) => None,
    };
    store::set_follow_up(tx, app.id, app.follow_up_on, follow_up, on, Some(entry))?;
    Ok(follow_up)
}

pub(super) fn set(
    ctx: &Ctx,
    id: i64,
    status: Status,
    on: Option<String>,
    note: Option<String>,
    follow_up: Option<String>,
) -> Result<()> {
    let today = ctx.today()?;
    let on = match ctx.past_date("--on", on.as_deref()) {
        Err(e) if status == Status::Interview => {
            return Err(planned_interview_hint(ctx, id, on, e))
        }
        parsed => parsed?,
    };
    let explicit_follow_up =
        ctx.opt_date_of(DateKind::Ahead, "--follow-up", follow_up.as_deref())?;
    let note = ctx.text("--note", note)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    if let Some(since) = app.stage_since.filter(|since| on < *since) {
        return Err(Error::Input(format!(
            "--on {on} is before application {id}'s last status change ({since}); \
             a status change must be dated on or after it"
        )));
    }
    if app.status == status {
        drop(tx);
        if note.is_some() || explicit_follow_up.is_some() {
            ctx.out.warning(format!(
                "application {id} is already {status}, so the note and follow-up were not recorded; \
                 use 'jobtrack app note {id} TEXT [--follow-up DATE]'"
            ));
        }
        if ctx.out.json {
            return ctx.out.print_json(&detail(&conn, id)?);
        }
        return ctx.out.written(
            id,
            &format!("Application {id} is already {status}; nothing changed"),
            || Ok(()),
        );
    }
    let follow_up_on = move_status(&tx, &app, status, on, note.as_deref(), explicit_follow_up)?;
    let record = finish_history_write(ctx, tx, id, &timestamp)?;
    if status == Status::Accepted {
        note_still_active(ctx, &conn)?;
    }
    let mut message = format!("Application {id}: {} → {status} on {on}", app.status);
    match follow_up_on {
        Some(date) if date < today => message.push_str(&format!("; follow up by {date} (overdue)")),
        Some(date) => message.push_str(&format!("; follow up by {date}")),
        None if app.follow_up_on.is_some() => message.push_str("; follow-up cleared"),
        None => {}
    }
    ctx.out.written(id, &message, || Ok(record))
}

/// After an accepted offer: how many applications are still active, and
/// the command that closes them together.
fn note_still_active(ctx: &Ctx, conn: &Connection) -> Result<()> {
    let filter = store::Filter {
        statuses: Status::ACTIVE.to_vec(),
        ..store::Filter::default()
    };
    let active = store::count(conn, &filter)?;
    if active > 0 {
        ctx.out.notice(format!(
            "congratulations! {} still active; close them together with: \
             jobtrack app close --active --as withdrawn (add --dry-run to see which)",
            count_of(active, "other application is", "other applications are")
        ));
    }
    Ok(())
}

/// The error for `app set ID interview --on DATE` when DATE is not a past
/// date: for a date ahead, the `app interview` command that records a
/// planned interview; otherwise the date error itself.
fn planned_interview_hint(ctx: &Ctx, id: i64, on: Option<String>, error: Error) -> Error {
    let ahead = on
        .as_deref()
        .and_then(|text| ctx.date_of(DateKind::Ahead, "--on", text).ok());
    match (ahead, ctx.today()) {
        (Some(date), Ok(today)) if date > today => Error::Input(format!(
            "--on {date} is ahead, and 'app set' records a status already reached; \
             a planned interview is recorded with: {}",
            shell_command([
                "jobtrack",
                "app",
                "interview",
                &id.to_string(),
                "--on",
                &date.to_string()
            ])
        )),
        _ => error,
    }
}

/// What `app edit` was given, checked and typed before the database opens
/// (`None`: not given).
struct EditDraft {
    title: Option<String>,
    salary: Option<Salary>,
    follow_up: Option<NaiveDate>,
    notes: Option<String>,
    /// `--replace-note`: replaces the notes (plain `--note` appends a dated line).
    replace_note: Option<String>,
    /// Today, the date of an appended note.
    today: NaiveDate,
    url: Option<String>,
    location: Option<String>,
    requires: Option<Vec<String>>,
    prefers: Option<Vec<String>>,
    posting: Posting,
}

pub(super) fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    refuse_history_fields(&args)?;
    let today = ctx.today()?;
    check_edit_args(&args)?;
    let mut draft = parse_edit(ctx, &args)?;
    let timestamp = ctx.timestamp()?;

    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, args.id)?;
    let flags_given = draft.requires.is_some()
        || draft.prefers.is_some()
        || args.clear.contains(&ClearField::Requires)
        || args.clear.contains(&ClearField::Prefers);
    let detected = detected_credentials(&tx, draft.posting.description.as_deref(), flags_given)?;
    if let Some(found) = &detected {
        draft.requires = Some(found.requires.clone());
        draft.prefers = Some(found.prefers.clone());
    }
    let (requires, prefers) = edited_codes(ctx, &tx, &app, &args.clear, &draft)?;
    if let Some(contact_id) = args.details.referral {
        check_referral(&tx, contact_id)?;
    }
    let (org_id, org_name) = match &args.org {
        Some(name) => {
            let (id, stored, _) = orgs::find_or_create_noting(ctx, &tx, "--org", name, &timestamp)?;
            (id, stored)
        }
        None => (app.org_id, app.org.clone()),
    };
    let description = store::description(&tx, app.id)?;
    let fields = edited_fields(ctx, &app, &args, &draft, org_id, description);
    if fields.source != app.source {
        note_new_source(ctx, &tx, fields.source.as_deref())?;
    }
    store::update(&tx, app.id, &fields, &timestamp)?;
    let cleared = |field: ClearField| args.clear.contains(&field);
    let follow_up = kept(
        cleared(ClearField::FollowUp),
        draft.follow_up,
        app.follow_up_on,
    );
    store::set_follow_up(&tx, app.id, app.follow_up_on, follow_up, today, None)?;
    if draft.requires.is_some() || cleared(ClearField::Requires) {
        store::replace_credentials(&tx, app.id, true, &requires)?;
    }
    if draft.prefers.is_some() || cleared(ClearField::Prefers) {
        store::replace_credentials(&tx, app.id, false, &prefers)?;
    }
    super::sent::link_edited(
        ctx,
        &tx,
        app.id,
        &args.details.documents,
        &args.clear,
        &timestamp,
    )?;
    let record = ctx.out.json_record(|| detail(&tx, app.id))?;
    db::commit(tx)?;
    tell_detected(ctx, app.id, detected.as_ref());
    let message = format!(
        "Updated application {}: {} at {org_name}",
        app.id, fields.title
    );
    ctx.out.written(app.id, &message, || Ok(record))
}

/// Refuses `--status` and `--applied`: both follow the history, which only
/// `app set` writes.
fn refuse_history_fields(args: &EditArgs) -> Result<()> {
    if let Some(status) = &args.status {
        return Err(Error::Input(format!(
            "app edit cannot change the status; use 'jobtrack app set {} {status}' so the history stays whole",
            args.id
        )));
    }
    if args.applied.is_some() {
        return Err(Error::Input(format!(
            "app edit cannot change --applied; the date follows the history: 'jobtrack app set {} applied --on DATE'",
            args.id
        )));
    }
    Ok(())
}

/// Refuses a field both set and cleared, and an edit that changes nothing.
fn check_edit_args(args: &EditArgs) -> Result<()> {
    let details = &args.details;
    let options = [
        (ClearField::Source, details.source.is_some(), "--source"),
        (ClearField::Url, details.url.is_some(), "--url"),
        (
            ClearField::Location,
            details.location.is_some(),
            "--location",
        ),
        (
            ClearField::WorkMode,
            details.work_mode.is_some(),
            "--work-mode",
        ),
        (ClearField::Salary, details.salary.is_some(), "--salary"),
        (
            ClearField::Referral,
            details.referral.is_some(),
            "--referral",
        ),
        (
            ClearField::FollowUp,
            details.follow_up.is_some(),
            "--follow-up",
        ),
        (
            ClearField::Notes,
            details.note.is_some() || args.replace_note.is_some(),
            "--note",
        ),
        (
            ClearField::Requires,
            details.requires.is_some(),
            "--requires",
        ),
        (ClearField::Prefers, details.prefers.is_some(), "--prefers"),
        (
            ClearField::Description,
            details.description.is_some(),
            "--description",
        ),
        (ClearField::Posted, details.posted.is_some(), "--posted"),
        (ClearField::Closes, details.closes.is_some(), "--closes"),
        (
            ClearField::EmploymentType,
            details.employment_type.is_some(),
            "--employment-type",
        ),
        (ClearField::Resume, details.resume.is_some(), "--resume"),
        (
            ClearField::CoverLetter,
            details.cover_letter.is_some(),
            "--cover-letter",
        ),
    ];
    crate::input::check_edit_options(
        &options,
        &args.clear,
        args.org.is_some() || args.title.is_some(),
        || {
            format!(
                "nothing to change for application {}; give an option such as --title or --salary (see 'jobtrack app edit --help')",
                args.id
            )
        },
    )
}

/// Checks and types `app edit`'s values.
fn parse_edit(ctx: &Ctx, args: &EditArgs) -> Result<EditDraft> {
    let details = &args.details;
    let some_codes = |field: &str, values: &Option<Vec<String>>| {
        values.as_deref().map(|v| codes(field, v)).transpose()
    };
    Ok(EditDraft {
        title: args
            .title
            .clone()
            .map(|t| ctx.required_text("--title", t))
            .transpose()?,
        salary: details
            .salary
            .as_deref()
            .map(|text| parse_salary("--salary", text))
            .transpose()?,
        follow_up: ctx.opt_date_of(DateKind::Ahead, "--follow-up", details.follow_up.as_deref())?,
        notes: ctx.text("--note", details.note.clone())?,
        replace_note: ctx.text("--replace-note", args.replace_note.clone())?,
        today: ctx.today()?,
        url: ctx.text("--url", details.url.clone())?,
        location: ctx.text("--location", details.location.clone())?,
        requires: some_codes("--requires", &details.requires)?,
        prefers: some_codes("--prefers", &details.prefers)?,
        posting: given_posting(ctx, details)?,
    })
}

/// The codes the posting will require and prefer after the edit (noting
/// unknown new ones), refused when a code lands in both lists.
fn edited_codes(
    ctx: &Ctx,
    tx: &Connection,
    app: &Application,
    clear: &[ClearField],
    draft: &EditDraft,
) -> Result<(Vec<String>, Vec<String>)> {
    let (old_requires, old_prefers) = store::credentials(tx, app.id)?;
    note_unknown_codes(ctx, tx, draft.requires.as_deref().unwrap_or_default())?;
    note_unknown_codes(ctx, tx, draft.prefers.as_deref().unwrap_or_default())?;
    let requires = kept(
        clear.contains(&ClearField::Requires),
        draft.requires.clone(),
        Some(old_requires),
    )
    .unwrap_or_default();
    let prefers = kept(
        clear.contains(&ClearField::Prefers),
        draft.prefers.clone(),
        Some(old_prefers),
    )
    .unwrap_or_default();
    check_both_lists(&requires, &prefers)?;
    Ok((requires, prefers))
}

/// The posting's fields after the edit: each cleared, given or kept.
fn edited_posting(
    app: &Application,
    description: Option<String>,
    clear: &[ClearField],
    given: &Posting,
) -> Posting {
    let cleared = |field: ClearField| clear.contains(&field);
    Posting {
        posted_on: kept(cleared(ClearField::Posted), given.posted_on, app.posted_on),
        closes_on: kept(cleared(ClearField::Closes), given.closes_on, app.closes_on),
        employment_type: kept(
            cleared(ClearField::EmploymentType),
            given.employment_type,
            app.employment_type,
        ),
        description: kept(
            cleared(ClearField::Description),
            given.description.clone(),
            description,
        ),
    }
}

/// The application's columns after the edit: each cleared, given or kept.
/// Notes when a cleared referral leaves the source "referral".
fn edited_fields(
    ctx: &Ctx,
    app: &Application,
    args: &EditArgs,
    draft: &EditDraft,
    org_id: i64,
    description: Option<String>,
) -> ApplicationFields {
    let details = &args.details;
    let cleared = |field: ClearField| args.clear.contains(&field);
    let source = kept(
        cleared(ClearField::Source),
        details.source.as_deref().and_then(source_text),
        app.source.clone(),
    );
    if cleared(ClearField::Referral) && source.as_deref() == Some("referral") {
        ctx.out.notice(format!(
            "application {} keeps the source \"referral\", so it still counts as referred; \
             change it with --source SRC or --clear source",
            app.id
        ));
    }
    let salary = kept(cleared(ClearField::Salary), draft.salary, app.salary());
    ApplicationFields {
        org_id,
        title: draft.title.clone().unwrap_or_else(|| app.title.clone()),
        source,
        url: kept(cleared(ClearField::Url), draft.url.clone(), app.url.clone()),
        location: kept(
            cleared(ClearField::Location),
            draft.location.clone(),
            app.location.clone(),
        ),
        work_mode: kept(
            cleared(ClearField::WorkMode),
            details.work_mode,
            app.work_mode,
        ),
        salary,
        referral_contact_id: kept(
            cleared(ClearField::Referral),
            details.referral,
            app.referral_contact_id,
        ),
        notes: if cleared(ClearField::Notes) {
            None
        } else {
            edited_notes(
                app.notes.as_deref(),
                draft.notes.as_deref(),
                draft.replace_note.as_deref(),
                draft.today,
            )
        },
        posting: edited_posting(app, description, &args.clear, &draft.posting),
    }
}

pub(super) fn note(
    ctx: &Ctx,
    id: i64,
    text: String,
    on: Option<String>,
    follow_up: Option<String>,
) -> Result<()> {
    let on = ctx.past_date("--on", on.as_deref())?;
    let explicit_follow_up =
        ctx.opt_date_of(DateKind::Ahead, "--follow-up", follow_up.as_deref())?;
    let text = ctx.required_text("TEXT", text)?;
    let timestamp = ctx.timestamp()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let app = store::require(&tx, id)?;
    let entry = store::add_event(&tx, id, on, EventKind::Note, None, None, Some(&text))?;
    let new_follow_up = match (explicit_follow_up, app.follow_up_on) {
        (Some(date), _) => Some(date),
        (None, Some(old)) if old <= on => None,
        (None, old) => old,
    };
    store::set_follow_up(&tx, id, app.follow_up_on, new_follow_up, on, Some(entry))?;
    let record = finish_history_write(ctx, tx, id, &timestamp)?;
    let mut message = format!(
        "Added a note to application {id} ({} at {}) on {on}",
        app.title, app.org
    );
    match new_follow_up {
        Some(date) if Some(date) != app.follow_up_on => {
            message.push_str(&format!("; follow up by {date}"))
        }
        None if app.follow_up_on.is_some() => {
            message.push_str("; the follow-up that was due is cleared")
        }
        _ => {}
    }
    ctx.out.written(id, &message, || Ok(record))
}

pub(super) fn remove(ctx: &Ctx, id: i64) -> Result<()> {
    ctx.remove(id, |tx| {
        let app = store::require(tx, id)?;
        store::delete(tx, id)?;
        Ok(format!(
            "Removed application {id}: {} at {} and its history",
            app.title, app.org
        ))
    })
}
