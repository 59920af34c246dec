//! The `app` noun: job applications and their dated history.
//!
//! `command.rs` holds the clap subcommands, `view.rs` list and show,
//! `write.rs` the writes and their rules, `store.rs` the SQL;
//! this file holds the types and the rules they carry.

pub mod history;
pub mod page;
pub mod store;

use chrono::NaiveDate;
use serde::Serialize;

use crate::input::refs::RefKind;
use crate::input::{PayPeriod, Salary};
use crate::network::Contact;
use crate::output::Tone;
use crate::text_enum;

/// Applications as references name them: by id, or by organization, title
/// or "org title".
pub const APPLICATION: RefKind = RefKind {
    noun: "application",
    plural: "applications",
    searched: "organizations and titles",
    list: "jobtrack app list",
    numbers_are_ids: true,
    candidates: store::candidates,
};

text_enum! {
    /// Where an application stands. The first five are active, the rest closed.
    pub enum Status {
        /// A posting kept for later; not applied for yet
        Saved = "saved",
        /// Application sent
        Applied = "applied",
        /// A recruiter or phone screen
        Screening = "screening",
        /// Interviewing
        Interview = "interview",
        /// An offer is on the table
        Offer = "offer",
        /// Offer accepted
        Accepted = "accepted",
        /// Turned down by the employer
        Rejected = "rejected",
        /// Withdrawn by you
        Withdrawn = "withdrawn",
        /// No answer, ever
        Ghosted = "ghosted",
    }
}

impl Status {
    /// The active statuses: the search is still going.
    pub const ACTIVE: &'static [Status] = &[
        Status::Saved,
        Status::Applied,
        Status::Screening,
        Status::Interview,
        Status::Offer,
    ];

    /// The closed statuses.
    pub const CLOSED: &'static [Status] = &[
        Status::Accepted,
        Status::Rejected,
        Status::Withdrawn,
        Status::Ghosted,
    ];

    /// The statuses that do not mean the application went in (withdrawing
    /// a saved posting is not applying); entering any other sets an empty
    /// `applied_on`.
    pub const NOT_APPLIED: &'static [Status] = &[Status::Saved, Status::Withdrawn];

    /// True for `saved` through `offer`.
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }

    /// Days after entering this status that a follow-up falls due, for the
    /// statuses that set one (applied 7, screening 5, interview 4, offer 2).
    /// For an interview the days count from the interview's date, which may
    /// be ahead (see `store::latest_interview`).
    pub fn follow_up_days(self) -> Option<u64> {
        match self {
            Status::Applied => Some(7),
            Status::Screening => Some(5),
            Status::Interview => Some(4),
            Status::Offer => Some(2),
            _ => None,
        }
    }

    /// The statuses whose quiet spell makes an application stale.
    pub const CAN_GO_STALE: &'static [Status] =
        &[Status::Applied, Status::Screening, Status::Interview];

    /// The statuses that are an answer from the employer (a response in
    /// the funnel).
    pub const RESPONSES: &'static [Status] = &[
        Status::Screening,
        Status::Interview,
        Status::Offer,
        Status::Accepted,
        Status::Rejected,
    ];

    /// The stages an application moves through, in order: the values its
    /// furthest stage can take.
    pub const PIPELINE: &'static [Status] = &[
        Status::Saved,
        Status::Applied,
        Status::Screening,
        Status::Interview,
        Status::Offer,
        Status::Accepted,
    ];

    /// This stage and the pipeline's later ones (empty for a closed status
    /// outside the pipeline).
    pub fn and_later(self) -> &'static [Status] {
        Status::PIPELINE
            .iter()
            .position(|s| *s == self)
            .map_or(&[], |at| &Status::PIPELINE[at..])
    }

    /// True for the statuses whose quiet spell makes an application stale.
    pub fn can_go_stale(self) -> bool {
        Self::CAN_GO_STALE.contains(&self)
    }

    /// A list of statuses as SQL text: `('applied', 'screening')`.
    pub fn sql_list(statuses: &[Status]) -> String {
        let quoted: Vec<String> = statuses.iter().map(|s| format!("'{s}'")).collect();
        format!("({})", quoted.join(", "))
    }
}

/// Renders the status rules into SQL written with placeholders, so each
/// rule is written once, in Rust: `{active}` becomes `Status::ACTIVE`,
/// `{can_go_stale}` `Status::CAN_GO_STALE`, `{responses}`
/// `Status::RESPONSES`, `{pipeline}` `Status::PIPELINE`, and
/// `{reached_interview}`/`{reached_offer}` the pipeline from that stage on,
/// each as a parenthesised SQL list; `{pipeline_rank_of_s}` is the stage's
/// place in the pipeline for a column named `s`.
pub fn rules_sql(sql: &str) -> String {
    let rank: Vec<String> = Status::PIPELINE
        .iter()
        .enumerate()
        .map(|(rank, status)| format!("WHEN '{status}' THEN {rank}"))
        .collect();
    sql.replace("{active}", &Status::sql_list(Status::ACTIVE))
        .replace("{can_go_stale}", &Status::sql_list(Status::CAN_GO_STALE))
        .replace("{responses}", &Status::sql_list(Status::RESPONSES))
        .replace("{pipeline}", &Status::sql_list(Status::PIPELINE))
        .replace(
            "{reached_interview}",
            &Status::sql_list(Status::Interview.and_later()),
        )
        .replace(
            "{reached_offer}",
            &Status::sql_list(Status::Offer.and_later()),
        )
        .replace(
            "{pipeline_rank_of_s}",
            &format!("CASE s {} END", rank.join(" ")),
        )
}

text_enum! {
    /// Where the work happens.
    pub enum WorkMode {
        Onsite = "onsite",
        Hybrid = "hybrid",
        Remote = "remote",
    }
}

text_enum! {
    /// The kind of job a posting offers (schema.org `employmentType`).
    pub enum EmploymentType {
        FullTime = "full_time",
        PartTime = "part_time",
        Contract = "contract",
        Temporary = "temporary",
        Internship = "internship",
        PerDiem = "per_diem",
        Other = "other",
    }
}

text_enum! {
    /// The kinds of dated entry in an application's history.
    pub enum EventKind {
        /// A status change (the first one has no `from_status`)
        Status = "status",
        /// An interview, past or planned
        Interview = "interview",
        /// A free-text note
        Note = "note",
        /// The follow-up date changed (note: the new date or `cleared`)
        FollowUp = "follow_up" / "follow-up",
        /// A contact with the employer (method and direction)
        EmployerContact = "employer_contact" / "employer contact",
    }
}

text_enum! {
    /// How a contact with the employer was made (`app contact --via`).
    pub enum Via {
        Email = "email",
        Phone = "phone",
        /// The employer's applicant portal
        Portal = "portal",
        InPerson = "in_person" / "in person",
        /// A text or chat message
        Message = "message",
        Linkedin = "linkedin",
        /// Post
        Mail = "mail",
    }
}

text_enum! {
    /// Which way an employer contact went.
    pub enum Direction {
        /// You contacted the employer
        Outbound = "outbound",
        /// The employer contacted you
        Inbound = "inbound",
    }
}

text_enum! {
    /// What kind of interview it is (`app interview --kind`).
    pub enum InterviewKind {
        Phone = "phone",
        Video = "video",
        Onsite = "onsite",
        Panel = "panel",
        Technical = "technical",
        Other = "other",
    }
}

text_enum! {
    /// How an interview went (`app interview --outcome`).
    pub enum Outcome {
        Passed = "passed",
        Rejected = "rejected",
        Pending = "pending",
    }
}

text_enum! {
    /// What a person is to an application (`app link --role`).
    pub enum Role {
        /// Recruiter for the position
        Recruiter = "recruiter",
        /// The hiring manager
        HiringManager = "hiring_manager" / "hiring manager",
        /// Someone who interviewed you
        Interviewer = "interviewer",
        /// Referred you (`--referral`)
        Referrer = "referrer",
        /// A reference you gave
        Reference = "reference",
        /// Anything else
        Other = "other",
    }
}

/// The referrer of the application `a` in SQL, as a literal for
/// `concat!`: the earliest-linked contact with the `referrer` role, or NULL.
macro_rules! referrer_sql {
    () => {
        "(SELECT ac.contact_id FROM application_contacts ac WHERE ac.rowid = \
          (SELECT min(r.rowid) FROM application_contacts r \
           WHERE r.application_id = a.id AND r.role = 'referrer'))"
    };
}
pub(crate) use referrer_sql;

/// A person linked to an application, with their role.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub role: Role,
    /// Not flattened: a contact has a `role` of its own (their job).
    pub contact: Contact,
}

/// An application a contact is linked to, with the contact's role.
#[derive(Debug, Clone, Serialize)]
pub struct Linked {
    pub role: Role,
    #[serde(flatten)]
    pub application: Application,
}

/// The columns derived from an application's history (`store::
/// refresh_derived_sql` recomputes each): never exported or imported.
pub const DERIVED: &[&str] = &[
    "added_on",
    "stage_since",
    "last_activity_on",
    "furthest_status",
    "responded_on",
    "first_interview_on",
    "last_news_on",
];

/// Days without activity after which an applied/screening/interview
/// application counts as stale.
pub const STALE_DAYS: i64 = 21;

/// An application as stored (organization by name).
#[derive(Debug, Clone, Serialize)]
pub struct Application {
    pub id: i64,
    pub org: String,
    pub title: String,
    pub status: Status,
    pub source: Option<String>,
    pub url: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<WorkMode>,
    #[serde(serialize_with = "crate::output::opt_whole_if_whole")]
    pub salary_min: Option<f64>,
    #[serde(serialize_with = "crate::output::opt_whole_if_whole")]
    pub salary_max: Option<f64>,
    /// What the salary figures are paid per; `None` exactly when there is
    /// no salary.
    pub salary_period: Option<PayPeriod>,
    pub applied_on: Option<NaiveDate>,
    pub follow_up_on: Option<NaiveDate>,
    /// The earliest-linked `referrer` (read from `application_contacts`).
    pub referral_contact_id: Option<i64>,
    pub notes: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The offer's terms (`app offer`), apart from the posted range.
    #[serde(serialize_with = "crate::output::opt_whole_if_whole")]
    pub offer_salary_min: Option<f64>,
    #[serde(serialize_with = "crate::output::opt_whole_if_whole")]
    pub offer_salary_max: Option<f64>,
    pub offer_salary_period: Option<PayPeriod>,
    pub offer_deadline: Option<NaiveDate>,
    pub offer_start_on: Option<NaiveDate>,
    /// The posting's own dates and kind of job (DESIGN §10.6).
    pub posted_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub employment_type: Option<EmploymentType>,
    #[serde(skip)]
    pub org_id: i64,
    #[serde(skip)]
    pub stage_since: Option<NaiveDate>,
    #[serde(skip)]
    pub last_activity_on: Option<NaiveDate>,
    /// The latest news from the employer: `applied_on`, a status change,
    /// an interview or a contact from them (not your own notes).
    #[serde(skip)]
    pub last_news_on: Option<NaiveDate>,
}

impl Application {
    /// The stored salary, when there is one (a file may give only one end).
    pub fn salary(&self) -> Option<Salary> {
        let min = self.salary_min.or(self.salary_max)?;
        let max = self.salary_max.unwrap_or(min);
        Some(Salary {
            min,
            max,
            period: self.salary_period.unwrap_or(PayPeriod::Year),
        })
    }

    /// The offer's salary, when one was recorded.
    pub fn offer_salary(&self) -> Option<Salary> {
        let min = self.offer_salary_min.or(self.offer_salary_max)?;
        Some(Salary {
            min,
            max: self.offer_salary_max.unwrap_or(min),
            period: self.offer_salary_period.unwrap_or(PayPeriod::Year),
        })
    }

    /// Days since the latest status change.
    pub fn days_in_stage(&self, today: NaiveDate) -> Option<i64> {
        self.stage_since.map(|d| (today - d).num_days().max(0))
    }

    /// Days since the latest activity (never negative: a planned interview
    /// counts as activity today).
    pub fn days_quiet(&self, today: NaiveDate) -> Option<i64> {
        self.last_activity_on.map(|d| (today - d).num_days().max(0))
    }

    /// True when the application waits on the employer and has had no news
    /// for `STALE_DAYS` or more (your own notes and follow-ups do not count).
    pub fn is_stale(&self, today: NaiveDate) -> bool {
        self.status.can_go_stale()
            && self
                .last_news_on
                .is_some_and(|d| (today - d).num_days() >= STALE_DAYS)
    }
}

/// One dated entry of an application's history.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EventKind,
    pub from_status: Option<Status>,
    pub to_status: Option<Status>,
    pub note: Option<String>,
    /// Interviews: the local wall-clock time (`HH:MM`), length in minutes,
    /// kind, place or link, and outcome.
    pub at: Option<String>,
    pub minutes: Option<i64>,
    pub interview_kind: Option<InterviewKind>,
    pub place: Option<String>,
    pub outcome: Option<Outcome>,
    /// Employer contacts: how, and which way.
    pub via: Option<Via>,
    pub direction: Option<Direction>,
    /// The people the entry was with (interviewers, the person contacted).
    pub with: Vec<Contact>,
}

/// What an interview entry records besides its date and note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InterviewDetails {
    /// Local wall-clock start, `HH:MM`.
    pub at: Option<String>,
    pub minutes: Option<i64>,
    pub kind: Option<InterviewKind>,
    pub place: Option<String>,
}

/// Reads a 24-hour time typed as `HH:MM` or `H:MM` into `HH:MM`.
pub fn parse_time(text: &str) -> Option<String> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || minutes.len() != 2 || !all_digits(minutes) || hours.len() > 2 {
        return None;
    }
    let (h, m): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// An application with everything `app show` prints.
#[derive(Debug, Clone, Serialize)]
pub struct ApplicationDetail {
    #[serde(flatten)]
    pub application: Application,
    pub events: Vec<Event>,
    pub referral: Option<Contact>,
    /// Everyone linked to the application, in the order they were linked.
    pub people: Vec<Person>,
    pub requires: Vec<String>,
    pub prefers: Vec<String>,
    pub contacts_here: Vec<Contact>,
    /// The posting's text (`app posting` prints it); read for one
    /// application only, never for lists.
    pub description: Option<String>,
    /// The résumé and the cover letter sent (document ids).
    pub resume_id: Option<i64>,
    pub cover_letter_id: Option<i64>,
    /// Their names, for people.
    #[serde(skip)]
    pub resume: Option<String>,
    #[serde(skip)]
    pub cover_letter: Option<String>,
}

/// A row of `app list`.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    #[serde(flatten)]
    pub application: Application,
    pub days_in_stage: Option<i64>,
    pub days_quiet: Option<i64>,
}

/// The tone a status is shown in.
pub fn status_tone(status: Status) -> Tone {
    match status {
        Status::Offer | Status::Accepted => Tone::Good,
        Status::Screening | Status::Interview => Tone::Active,
        Status::Rejected | Status::Ghosted | Status::Withdrawn => Tone::Dim,
        Status::Saved | Status::Applied => Tone::Plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_classify() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>().unwrap(), *status);
        }
        assert_eq!("Interview".parse::<Status>().unwrap(), Status::Interview);
        assert!("hired-ish"
            .parse::<Status>()
            .unwrap_err()
            .contains("saved, applied"));
        assert_eq!(
            Status::ACTIVE.len() + Status::CLOSED.len(),
            Status::ALL.len()
        );
        assert!(Status::Offer.is_active() && !Status::Ghosted.is_active());
        assert_eq!(Status::Applied.follow_up_days(), Some(7));
        assert_eq!(Status::Screening.follow_up_days(), Some(5));
        assert_eq!(Status::Rejected.follow_up_days(), None);
    }

    #[test]
    fn times_are_24_hour_hh_mm() {
        assert_eq!(parse_time("9:05").as_deref(), Some("09:05"));
        assert_eq!(parse_time(" 14:30 ").as_deref(), Some("14:30"));
        assert_eq!(parse_time("23:59").as_deref(), Some("23:59"));
        for bad in [
            "24:00", "12:60", "2pm", "12", "12:5", "-1:00", "123:00", "", "1:2:3",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    /// The status rules reach SQL only through `rules_sql`: each list, run
    /// as SQL over every status, keeps exactly the statuses of its Rust list.
    #[test]
    fn status_rules_render_into_sql_as_in_rust() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (status TEXT)").unwrap();
        for status in Status::ALL {
            conn.execute("INSERT INTO t VALUES (?1)", [status]).unwrap();
        }
        for (placeholder, rule) in [
            ("{active}", Status::ACTIVE),
            ("{can_go_stale}", Status::CAN_GO_STALE),
            ("{responses}", Status::RESPONSES),
            ("{pipeline}", Status::PIPELINE),
            ("{reached_interview}", &Status::PIPELINE[3..]),
            ("{reached_offer}", &Status::PIPELINE[4..]),
        ] {
            let sql = rules_sql(&format!(
                "SELECT status FROM t WHERE status IN {placeholder}"
            ));
            let kept: Vec<Status> = conn
                .prepare(&sql)
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            assert_eq!(kept, rule, "{placeholder}");
        }
        let ranked: Vec<Status> = conn
            .prepare(&rules_sql(
                "SELECT status AS s FROM t WHERE s IN {pipeline} ORDER BY {pipeline_rank_of_s}",
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(ranked, Status::PIPELINE);
        let derived = store::refresh_derived_sql();
        assert!(!derived.contains('{'), "a placeholder left in: {derived}");
        for column in crate::applications::DERIVED {
            assert!(
                derived.contains(&format!("{column} =")),
                "{column} is not recomputed"
            );
        }
    }
}
