//! `app add --from FILE|-` (DESIGN §10.6): a saved job page read into the
//! new application's fields. Whatever the command line gives wins; what
//! was taken from the page is said on standard error so it can be checked.

use chrono::NaiveDate;

use super::view::salary_text;
use super::AddArgs;
use crate::applications::page::{self, Page, PagePosting, PageSalary};
use crate::applications::store::Posting;
use crate::applications::WorkMode;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::input::Salary;
use crate::output::{count_of, shell_command};

/// What the page adds to `app add`: only the fields the command line left
/// out.
#[derive(Debug, Default)]
pub(super) struct FromPage {
    /// How the page is named in messages (its path, or standard input).
    pub label: String,
    pub org: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<WorkMode>,
    pub salary: Option<Salary>,
    pub posting: Posting,
    /// The page had no JobPosting: its text was kept as the posting.
    pub text_only: bool,
}

/// Reads `--from` when given: the page's fields the command line does not
/// give, or exit 2 when the page cannot make an application (no JobPosting
/// without ORG and TITLE, no organization or title, a refused salary).
pub(super) fn read(ctx: &Ctx, args: &AddArgs) -> Result<Option<FromPage>> {
    let Some(from) = &args.from else {
        return Ok(None);
    };
    let (label, bytes) = ctx.file_bytes("--from", from, page::MOST_BYTES)?;
    if let Some(what) = page::not_a_page(&bytes) {
        return Err(Error::Input(format!(
            "--from: {label} is {what}, not a saved job page; open the posting in the browser \
             and save it (Ctrl-S) as a web page"
        )));
    }
    let text = page::decode(bytes).map_err(|declared| {
        let what = match declared {
            Some(charset) => format!("is in {charset}, which jobtrack does not read"),
            None => "is not UTF-8 text".to_string(),
        };
        Error::Input(format!(
            "--from: {label} {what}; save the page from the browser again \
             (\"Web page, HTML only\") or convert it to UTF-8"
        ))
    })?;
    let found = match page::read(&text) {
        Page::Posting(found) => found,
        Page::NoPosting { text } => return without_posting(args, label, text).map(Some),
    };
    for note in &found.notes {
        ctx.out.notice(format!("{label}: {note}"));
    }
    from_posting(ctx, args, label, found).map(Some)
}

/// A page without JobPosting data: its visible text is the posting when
/// ORG and TITLE are given; otherwise exit 2 saying what is missing.
fn without_posting(args: &AddArgs, label: String, text: Option<String>) -> Result<FromPage> {
    if args.org.is_none() || args.title.is_none() {
        return Err(Error::Input(format!(
            "no schema.org JobPosting in {label}; give ORG and TITLE to keep the page's text \
             as the posting (jobtrack app add ORG TITLE --from FILE)"
        )));
    }
    let description = match args.details.description {
        Some(_) => None,
        None => text,
    };
    Ok(FromPage {
        label,
        posting: Posting {
            description,
            ..Posting::default()
        },
        text_only: true,
        ..FromPage::default()
    })
}

/// The JobPosting's fields, less those the command line gives.
fn from_posting(ctx: &Ctx, args: &AddArgs, label: String, found: PagePosting) -> Result<FromPage> {
    let missing = |what: &str| {
        Error::Input(format!(
            "the JobPosting in {label} gives no {what}; give ORG and TITLE yourself \
             (jobtrack app add ORG TITLE --from FILE)"
        ))
    };
    if args.org.is_none() && found.org.is_none() {
        return Err(missing("hiringOrganization name"));
    }
    if args.title.is_none() && found.title.is_none() {
        return Err(missing("title"));
    }
    let details = &args.details;
    let salary = match (&details.salary, found.salary) {
        (Some(_), _) | (None, PageSalary::None) => None,
        (None, PageSalary::Kept(salary)) => Some(salary),
        (None, PageSalary::Refused(why)) => {
            return Err(Error::Input(format!(
                "{label}: {why}; give the pay with --salary"
            )))
        }
    };
    let closes_on = found.closes_on.filter(|_| details.closes.is_none());
    note_closed(ctx, &label, closes_on)?;
    Ok(FromPage {
        org: found.org.filter(|_| args.org.is_none()),
        title: found.title.filter(|_| args.title.is_none()),
        url: found.url.filter(|_| details.url.is_none()),
        location: found.location.filter(|_| details.location.is_none()),
        work_mode: found.work_mode.filter(|_| details.work_mode.is_none()),
        salary,
        posting: Posting {
            posted_on: found.posted_on.filter(|_| details.posted.is_none()),
            closes_on,
            employment_type: found
                .employment_type
                .filter(|_| details.employment_type.is_none()),
            description: found.description.filter(|_| details.description.is_none()),
        },
        text_only: false,
        label,
    })
}

/// A closing date already past is kept (it is what the page says) and
/// pointed out.
fn note_closed(ctx: &Ctx, label: &str, closes_on: Option<NaiveDate>) -> Result<()> {
    let today = ctx.today()?;
    if let Some(date) = closes_on.filter(|date| *date < today) {
        ctx.out.notice(format!(
            "{label}: the posting closed on {date} (validThrough); kept as its closing date"
        ));
    }
    Ok(())
}

impl FromPage {
    /// Says on standard error what was taken from the page for application
    /// `id`, so the user can check it (and correct it with `app edit`).
    pub(super) fn tell(&self, ctx: &Ctx, id: i64) {
        let label = &self.label;
        let posting = self.posting.description.as_deref().map(|text| {
            format!(
                "kept its text as the posting ({}; {})",
                count_of(text.split_whitespace().count() as i64, "word", "words"),
                shell_command(["jobtrack", "app", "posting", &id.to_string()])
            )
        });
        if self.text_only {
            let kept = posting.unwrap_or_else(|| "it has no text to keep".to_string());
            ctx.out
                .notice(format!("no schema.org JobPosting in {label}; {kept}"));
            return;
        }
        let taken = self.taken();
        if taken.is_empty() {
            ctx.out.notice(format!(
                "nothing taken from {label}: the command line gave it all"
            ));
        } else {
            ctx.out
                .notice(format!("taken from {label}: {}", taken.join("; ")));
        }
        if let Some(posting) = posting {
            ctx.out.notice(format!("from {label}: {posting}"));
        }
    }

    /// "org Mercy Health", "salary 45,000–52,000 a year", … for each field
    /// the page gave.
    fn taken(&self) -> Vec<String> {
        let posting = &self.posting;
        [
            ("org", self.org.clone()),
            ("title", self.title.clone()),
            ("location", self.location.clone()),
            ("work mode", self.work_mode.map(|m| m.to_string())),
            ("salary", self.salary.map(salary_text)),
            ("job type", posting.employment_type.map(|t| t.to_string())),
            ("posted", posting.posted_on.map(|d| d.to_string())),
            ("closes", posting.closes_on.map(|d| d.to_string())),
            ("url", self.url.clone()),
        ]
        .into_iter()
        .filter_map(|(name, value)| value.map(|value| format!("{name} {value}")))
        .collect()
    }
}
