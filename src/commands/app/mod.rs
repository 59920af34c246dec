//! The `app` subcommands: their arguments, help and dispatch. The handlers
//! live in `view.rs` (list, show) and `write.rs` (the rest).

use clap::{Args, Subcommand, ValueEnum};

mod close;
mod from_page;
mod history;
mod employer;
mod sent;
mod view;
mod write;

use crate::applications::{
    EmploymentType, InterviewKind, Outcome, Role, Status, Via, WorkMode, APPLICATION,
};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::network::CONTACT;
pub use close::{CloseArgs, CloseAs};
pub use history::HistoryCommand;
use view::{list, posting, show};
use write::{add, edit, note, remove, set};

const ADD_EXAMPLES: &str = "\
Examples:
  jobtrack app add \"Mercy Health\" HIT --source indeed --applied yesterday
  jobtrack app add Riverside \"Coder II\" --salary 42k-48k --requires \"RHIT|RHIA\"
  jobtrack app add \"St. Luke's\" Coder --status saved --url https://jobs.org/42
  jobtrack app add \"Regional Medical Center\" \"ROI Specialist\" --referral 3
  jobtrack app add --from ~/Downloads/coding-specialist.html --status saved";

const APP_EXAMPLES: &str = "\
Examples:
  jobtrack app add \"Mercy Health\" \"Health Information Technician\"
  jobtrack app set 1 interview --on 2026-11-12 --note \"panel interview\"
  jobtrack app list --active --source linkedin
  jobtrack app show 1";

/// `jobtrack app …`
#[derive(Debug, Subcommand)]
#[command(after_help = APP_EXAMPLES)]
pub enum AppCommand {
    /// Log an application (or a saved posting)
    #[command(after_help = ADD_EXAMPLES)]
    Add(AddArgs),
    /// List applications, most recently active first
    #[command(
        after_help = "Examples:\n  jobtrack app list --active\n  jobtrack app list --status interview --status offer\n  jobtrack app list --org \"Mercy Health\" --since -1m\n  jobtrack --json app list --closed"
    )]
    List(ListArgs),
    /// Show one application with its history and the people you know there
    #[command(after_help = "Example:\n  jobtrack app show 12")]
    Show {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        id: String,
    },
    /// Print the posting's saved text (the description kept with --description)
    #[command(after_help = "Example:\n  jobtrack app posting 12 | less")]
    Posting {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        id: String,
    },
    /// Move an application to a new status (dated; sets the follow-up)
    #[command(
        after_help = "Examples:\n  jobtrack app set 12 screening\n  jobtrack app set 12 interview --on 2026-11-12 --note \"panel\"\n  jobtrack app set 12 rejected --on yesterday"
    )]
    Set {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        id: String,
        /// The new status
        #[arg(value_enum)]
        status: Status,
        /// When it happened (a past date: not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// A note for the history ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
        /// Follow up on this date instead of the automatic one (future allowed)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        follow_up: Option<String>,
    },
    /// Change an application's details (the status changes with 'app set')
    #[command(
        after_help = "Examples:\n  jobtrack app edit 12 --salary 45k-50k --work-mode hybrid\n  jobtrack app edit 12 --follow-up +3d\n  jobtrack app edit 12 --clear url --clear salary"
    )]
    Edit(EditArgs),
    /// Add a dated note to an application's history
    #[command(
        after_help = "Examples:\n  jobtrack app note 12 \"Called HR, they are still reviewing\" --follow-up +1w\n  jobtrack app note 12 - < notes.txt"
    )]
    Note {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        id: String,
        /// The note ('-' reads standard input)
        #[arg(allow_hyphen_values = true)]
        text: String,
        /// The note's date (a past date: not after today) [default: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        on: Option<String>,
        /// Set the next follow-up (future allowed; without it, a follow-up already due is cleared)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        follow_up: Option<String>,
    },
    /// Record an interview, past or planned, or how one went (--outcome)
    #[command(
        after_help = "Examples:\n  jobtrack app interview 12 --on 2026-12-03 --at 10:30 --minutes 45 --kind video --where https://meet.example/abc --with \"Anna Lee\"\n  jobtrack app interview 12 --on yesterday --note \"panel with the HIM director\"\n  jobtrack app interview 12 --outcome passed"
    )]
    Interview(InterviewArgs),
    /// Record a contact with the employer: yours (a work-search activity) or theirs (--from-them)
    #[command(
        after_help = "Examples:\n  jobtrack app contact 12 --via email --note \"asked about the timeline\"\n  jobtrack app contact 12 --via phone --from-them --with \"Anna Lee\" --on yesterday"
    )]
    Contact(ContactArgs),
    /// Record an offer's terms (moves the application to offer if it is not there yet)
    #[command(
        after_help = "Examples:\n  jobtrack app offer 12 --salary 52k --deadline 2026-12-04 --start 2027-01-04\n  jobtrack app offer 12 --salary 24.50/hr --note \"benefits from day one\""
    )]
    Offer {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        app: String,
        /// The offered pay: 52000, 52k, 50k-55k, 24.50/hr, 4500/mo (kept apart from the posted range)
        #[arg(long, value_name = "PAY", allow_hyphen_values = true)]
        salary: Option<String>,
        /// The day you must answer by (a future date; shown in the agenda)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        deadline: Option<String>,
        /// The start date offered (a future date)
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        start: Option<String>,
        /// A note for the history ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Correct or remove one entry of an application's history
    #[command(subcommand)]
    History(HistoryCommand),
    /// Close many applications at once (one step to undo)
    #[command(
        after_help = "Examples:\n  jobtrack app close --active --as withdrawn      after accepting an offer\n  jobtrack app close --stale --as ghosted --dry-run\n  jobtrack app close --quiet-for 6w --as ghosted\n  jobtrack app close 12 15 --as rejected --on 2026-11-20"
    )]
    Close(CloseArgs),
    /// Link a contact to an application in a role (a linked contact takes the new role)
    #[command(
        after_help = "Examples:\n  jobtrack app link 12 \"Anna Lee\" --role recruiter\n  jobtrack app link 12 7 --role hiring_manager"
    )]
    Link {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        app: String,
        /// The person: an id or part of a name (see 'jobtrack contact list')
        #[arg(value_name = "CONTACT", allow_hyphen_values = true)]
        contact: String,
        /// What they are to this application
        #[arg(long, value_enum, default_value_t = Role::Other)]
        role: Role,
    },
    /// Remove a contact's link to an application (the contact stays)
    #[command(after_help = "Example:\n  jobtrack app unlink 12 \"Anna Lee\"")]
    Unlink {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        app: String,
        /// The person: an id or part of a name (see 'jobtrack contact list')
        #[arg(value_name = "CONTACT", allow_hyphen_values = true)]
        contact: String,
    },
    /// Delete an application and its history
    Rm {
        /// The application: its id, or part of its organization or title (see 'jobtrack app list')
        #[arg(value_name = "APP", allow_hyphen_values = true)]
        id: String,
    },
}

/// `app interview` arguments.
#[derive(Debug, Args)]
pub struct InterviewArgs {
    /// The application: its id, or part of its organization or title (see 'jobtrack app list')
    #[arg(value_name = "APP", allow_hyphen_values = true)]
    pub app: String,
    /// The interview date (future allowed; past too)
    #[arg(
        long,
        value_name = "DATE",
        allow_hyphen_values = true,
        required_unless_present = "outcome"
    )]
    pub on: Option<String>,
    /// The local time it starts, 24-hour HH:MM (14:30)
    #[arg(long, value_name = "HH:MM", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// How long it lasts, in minutes [calendar default: 60]
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub minutes: Option<String>,
    /// What kind of interview
    #[arg(long, value_enum)]
    pub kind: Option<InterviewKind>,
    /// Where: an address, a room, or the video link
    #[arg(
        long = "where",
        value_name = "PLACE_OR_LINK",
        allow_hyphen_values = true
    )]
    pub place: Option<String>,
    /// Who interviews you: an id or part of a name (repeat for more)
    #[arg(long, value_name = "CONTACT", allow_hyphen_values = true)]
    pub with: Vec<String>,
    /// A note ('-' reads standard input)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// How it went (records only this; the status changes with 'app set')
    #[arg(long, value_enum, conflicts_with_all = ["on", "at", "minutes", "kind", "place", "with", "note"])]
    pub outcome: Option<Outcome>,
    /// With --outcome: the interview entry (see 'app show') [default: the latest interview on
    /// or before today]
    #[arg(long, value_name = "ENTRY_ID", requires = "outcome")]
    pub entry: Option<i64>,
}

/// `app contact` arguments.
#[derive(Debug, Args)]
pub struct ContactArgs {
    /// The application: its id, or part of its organization or title (see 'jobtrack app list')
    #[arg(value_name = "APP", allow_hyphen_values = true)]
    pub app: String,
    /// How the contact was made
    #[arg(long, value_enum)]
    pub via: Via,
    /// The employer contacted you (news; without it, you contacted them)
    #[arg(long)]
    pub from_them: bool,
    /// The person you dealt with: an id or part of a name (see 'jobtrack contact list')
    #[arg(long, value_name = "CONTACT", allow_hyphen_values = true)]
    pub with: Option<String>,
    /// When (a past date: not after today) [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// What was said ('-' reads standard input)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Follow up on this date (a future date) [default: 7 days after your contact; kept or
    /// cleared after theirs]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub follow_up: Option<String>,
}

/// `app add` arguments.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The employer (created on first use; any case matches); with --from, the page's unless given
    #[arg(allow_hyphen_values = true, required_unless_present = "from")]
    pub org: Option<String>,
    /// The job title; with --from, the page's unless given
    #[arg(allow_hyphen_values = true, required_unless_present = "from")]
    pub title: Option<String>,
    /// A job page saved from the browser (HTML) or a JSON file with its schema.org JobPosting:
    /// fills the organization, title, url, location, pay, dates, job type and posting text
    /// (options given here win; '-' reads standard input)
    #[arg(long, value_name = "FILE", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Where it stands
    #[arg(long, value_enum, default_value_t = Status::Applied)]
    pub status: Status,
    #[command(flatten)]
    pub details: Details,
    /// When you applied (a past date: not after today) [default: today, unless saved]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub applied: Option<String>,
}

/// The options `add` and `edit` share.
#[derive(Debug, Args)]
pub struct Details {
    /// Where you found it: indeed, linkedin, referral, career_fair, … (free text, stored
    /// lower-case with _ for spaces, dots and dashes: Indeed.com is indeed)
    #[arg(long, value_name = "SRC", allow_hyphen_values = true)]
    pub source: Option<String>,
    /// The posting's address
    #[arg(long, allow_hyphen_values = true)]
    pub url: Option<String>,
    /// Where the job is
    #[arg(long, value_name = "L", allow_hyphen_values = true)]
    pub location: Option<String>,
    /// Onsite, hybrid or remote
    #[arg(long, value_enum, value_name = "M")]
    pub work_mode: Option<WorkMode>,
    /// Pay, yearly unless a period follows: 45000, 45k, 42000-48000, 45-50k, $19-22/hr,
    /// 3500/mo (periods /hr, /hour, /mo, /month, /yr, /year)
    #[arg(long, value_name = "MIN[-MAX][/PER]", allow_hyphen_values = true)]
    pub salary: Option<String>,
    /// The contact who referred you: an id or part of a name (sets the source to referral when none is given)
    #[arg(long = "referral", value_name = "CONTACT", allow_hyphen_values = true)]
    pub referral_ref: Option<String>,
    /// The referrer's contact id, resolved from `--referral` before the handler runs
    #[arg(skip)]
    pub referral: Option<i64>,
    /// Follow up on this date instead of the automatic one (future allowed)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub follow_up: Option<String>,
    /// Notes about the posting; on edit, added as a dated line ('-' reads standard input)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// A credential the posting requires (repeat for more), like RHIT; "RHIT|RHIA" (quoted)
    /// when either will do. Without it (and --prefers), a --description's credentials are
    /// detected
    #[arg(long, value_name = "CODE", allow_hyphen_values = true)]
    pub requires: Option<Vec<String>>,
    /// A credential the posting prefers (repeat for more; "A|B", quoted, when either will do)
    #[arg(long, value_name = "CODE", allow_hyphen_values = true)]
    pub prefers: Option<Vec<String>>,
    /// The posting's text, kept for the interview ('-' reads standard input: paste it)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub description: Option<String>,
    /// When the job was posted (any date)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub posted: Option<String>,
    /// The last day to apply (an upcoming date; a saved posting shows it in the agenda)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub closes: Option<String>,
    /// The kind of job
    #[arg(long, value_enum, value_name = "TYPE")]
    pub employment_type: Option<EmploymentType>,
    /// The résumé you sent: a document's id or part of its name (see 'jobtrack doc list')
    #[arg(long, value_name = "DOC", allow_hyphen_values = true)]
    pub resume: Option<String>,
    /// The cover letter you sent: a document's id or part of its name
    #[arg(long, value_name = "DOC", allow_hyphen_values = true)]
    pub cover_letter: Option<String>,
    /// The documents `--resume` and `--cover-letter` name, resolved before the handler runs
    #[arg(skip)]
    pub documents: sent::Sent,
}

/// `app list` arguments.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Keep this status (repeat for more)
    #[arg(long, value_enum, value_name = "S")]
    pub status: Vec<Status>,
    /// Keep active applications (saved through offer)
    #[arg(long, conflicts_with = "closed")]
    pub active: bool,
    /// Keep closed applications (accepted, rejected, withdrawn, ghosted)
    #[arg(long)]
    pub closed: bool,
    /// Keep this source (written as --source stores it: Indeed.com is indeed)
    #[arg(long, value_name = "SRC", allow_hyphen_values = true)]
    pub source: Option<String>,
    /// Keep this organization
    #[arg(long, allow_hyphen_values = true)]
    pub org: Option<String>,
    /// Keep applications sent (for saved ones: added) on or after this date (any date)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Keep applications whose pay reaches this yearly amount (the top of the range, hourly
    /// × 2080, monthly × 12): 45000, 45k, 20/hr
    #[arg(long, value_name = "PAY", allow_hyphen_values = true)]
    pub min_salary: Option<String>,
    /// Keep postings whose required credentials you hold (one code of each RHIT|RHIA group)
    #[arg(long)]
    pub qualified: bool,
    /// With --qualified: also keep postings whose required credentials you are eligible for
    #[arg(long, requires = "qualified")]
    pub eligible: bool,
    /// Show at most N rows [default: 50 in a table, all with --json]
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "all",
        allow_hyphen_values = true
    )]
    pub limit: Option<i64>,
    /// Show every row
    #[arg(long)]
    pub all: bool,
}

/// What `--clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ClearField {
    Source,
    Url,
    Location,
    WorkMode,
    Salary,
    Referral,
    FollowUp,
    Notes,
    Requires,
    Prefers,
    Description,
    Posted,
    Closes,
    EmploymentType,
    Resume,
    CoverLetter,
}

/// `app edit` arguments.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The application: its id, or part of its organization or title
    #[arg(value_name = "APP", allow_hyphen_values = true)]
    pub app: String,
    /// The application's id, resolved from APP before the handler runs
    #[arg(skip)]
    pub id: i64,
    /// Move it to another organization
    #[arg(long, allow_hyphen_values = true)]
    pub org: Option<String>,
    /// A new title
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub title: Option<String>,
    #[command(flatten)]
    pub details: Details,
    /// Replace the notes with this text (--note adds a dated line instead)
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        conflicts_with = "note"
    )]
    pub replace_note: Option<String>,
    /// Empty a field (repeat for more)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
    /// (not here: the status changes with 'app set', so the history stays whole)
    #[arg(long, hide = true, allow_hyphen_values = true)]
    pub status: Option<String>,
    /// (not here: applied_on follows the status history)
    #[arg(long, hide = true, allow_hyphen_values = true)]
    pub applied: Option<String>,
}

/// Runs an `app` subcommand. Reference arguments (APP, `--referral`) are
/// resolved to ids first, so nothing is written when one is ambiguous.
pub fn run(ctx: &Ctx, command: AppCommand) -> Result<()> {
    let app = |text: &str| ctx.reference(&APPLICATION, "APP", text);
    match command {
        AppCommand::Add(mut args) => {
            args.details.referral = referral(ctx, &args.details)?;
            args.details.documents = sent::resolve(ctx, &args.details)?;
            add(ctx, args)
        }
        AppCommand::List(args) => list(ctx, args),
        AppCommand::Show { id } => show(ctx, app(&id)?),
        AppCommand::Posting { id } => posting(ctx, app(&id)?),
        AppCommand::Set {
            id,
            status,
            on,
            note,
            follow_up,
        } => set(ctx, app(&id)?, status, on, note, follow_up),
        AppCommand::Edit(mut args) => {
            args.id = app(&args.app)?;
            args.details.referral = referral(ctx, &args.details)?;
            args.details.documents = sent::resolve(ctx, &args.details)?;
            edit(ctx, args)
        }
        AppCommand::Note {
            id,
            text,
            on,
            follow_up,
        } => note(ctx, app(&id)?, text, on, follow_up),
        AppCommand::Interview(args) => {
            let id = app(&args.app)?;
            let with = args
                .with
                .iter()
                .map(|text| ctx.reference(&CONTACT, "--with", text))
                .collect::<Result<Vec<_>>>()?;
            match args.outcome {
                Some(outcome) => employer::outcome(ctx, id, outcome, args.entry),
                None => employer::interview(ctx, id, args, &with),
            }
        }
        AppCommand::Contact(args) => {
            let id = app(&args.app)?;
            let with = ctx.opt_reference(&CONTACT, "--with", args.with.as_deref())?;
            employer::contact(ctx, id, args, with)
        }
        AppCommand::Offer {
            app: id,
            salary,
            deadline,
            start,
            note,
        } => {
            let id = app(&id)?;
            employer::offer(ctx, id, salary, deadline, start, note)
        }
        AppCommand::Link {
            app: id,
            contact,
            role,
        } => {
            let id = app(&id)?;
            employer::link(ctx, id, ctx.reference(&CONTACT, "CONTACT", &contact)?, role)
        }
        AppCommand::Unlink { app: id, contact } => {
            let id = app(&id)?;
            employer::unlink(ctx, id, ctx.reference(&CONTACT, "CONTACT", &contact)?)
        }
        AppCommand::Close(args) => close::close(ctx, args),
        AppCommand::History(command) => history::run(ctx, command),
        AppCommand::Rm { id } => remove(ctx, app(&id)?),
    }
}

/// The contact id `--referral` names, if given.
fn referral(ctx: &Ctx, details: &Details) -> Result<Option<i64>> {
    ctx.opt_reference(&CONTACT, "--referral", details.referral_ref.as_deref())
}
