//! The tables jobtrack exports and imports: each one's columns in schema
//! order, what kind of value each holds, and what a missing column becomes.
//! Export, import and `import_all` all read these descriptions, so a column
//! is described once.

use crate::applications::{
    Direction, EmploymentType, EventKind, InterviewKind, Outcome, Role, Status, Via, WorkMode,
};
use crate::credentials::CertStatus;
use crate::documents::DocKind;
use crate::goals::{Metric, Period};
use crate::input::PayPeriod;
use crate::network::{self, Relationship};
use crate::profile;
use crate::text_enum;

text_enum! {
    /// A table that can be exported and imported.
    pub enum Table {
        Organizations = "organizations",
        Documents = "documents",
        Applications = "applications",
        ApplicationEvents = "application_events",
        ApplicationCredentials = "application_credentials",
        ApplicationContacts = "application_contacts",
        EntryContacts = "entry_contacts",
        Contacts = "contacts",
        Interactions = "interactions",
        Events = "events",
        Memberships = "memberships",
        VolunteerShifts = "volunteer_shifts",
        Education = "education",
        Experience = "experience",
        Certifications = "certifications",
        Ceus = "ceus",
        Goals = "goals",
    }
}

/// Parses an enumerated cell into its stored spelling, or says what is accepted.
pub type Choice = fn(&str) -> Result<&'static str, String>;

/// What a column holds, which decides how it is written and read back.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// `INTEGER PRIMARY KEY`: kept when given, assigned when not.
    Id,
    /// The id of a row in another table (`application_id`, `contact_id`, …).
    Ref(&'static str),
    /// An organization reference shown by name (`org`, `school`); found or created.
    Org,
    /// `organizations.name`: trimmed, inner spaces collapsed.
    OrgName,
    /// Free text, stored as written.
    Text,
    /// A job source, stored normalized (`input::normalize_source`).
    Source,
    /// A credential code, stored trimmed and upper-cased.
    Code,
    /// A posting's credential group: one code, or codes joined by `|`,
    /// each checked as a code and stored sorted (`input::parse_code_group`).
    CodeGroup,
    /// One of a fixed list of values.
    Choice(Choice),
    /// A date `YYYY-MM-DD`.
    Date,
    /// A date `YYYY-MM-DD` not after today (the command line refuses a
    /// later one too: an application sent, a shift worked).
    PastDate,
    /// A timestamp `YYYY-MM-DDTHH:MM:SSZ`.
    Timestamp,
    /// An amount of money, not negative, with at most 2 decimals.
    Money,
    /// Any whole number.
    Integer,
    /// An exam score: a whole number, on the catalog's scale for the row's
    /// `code` when the catalog knows one (as `cert score` checks).
    Score,
    /// A whole number above zero (a goal target).
    Count,
    /// 0/1 in CSV, true/false in JSON.
    Bool,
    /// Hours: more than 0, at most 2 decimals, at most `max` when given.
    Hours(Option<f64>),
}

impl Kind {
    /// True for the kinds that hold text a spreadsheet might take for a
    /// formula (dates, numbers and enumerations never start with one).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Kind::Org | Kind::OrgName | Kind::Text | Kind::Source | Kind::Code | Kind::CodeGroup
        )
    }
}

/// What an import stores when the file has no such column (or an empty cell).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    /// NULL.
    Null,
    /// The row is refused without a value.
    Required,
    /// The import's timestamp.
    Now,
    /// The import's day.
    Today,
    /// This text.
    Text(&'static str),
    /// This number.
    Int(i64),
    /// `completed` when `completed_on` is given, else `enrolled` (like `edu add`).
    EducationStatus,
    /// A catalog credential's name, from the row's `code` (like `cert add`).
    CatalogName,
    /// `year` when the row has a salary, else NULL (files from before pay
    /// periods were kept).
    SalaryPeriod,
    /// `year` when the row has an offer salary, else NULL.
    OfferSalaryPeriod,
}

/// The column files from before version 4 name an application's referrer
/// by: still accepted by an applications import, as a `referrer` link.
pub const LEGACY_REFERRAL: &str = "referral_contact_id";

/// One exported column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The header name in CSV and the key in JSON.
    pub name: &'static str,
    /// The SQL column (differs from `name` only for `org`/`school`).
    pub sql: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// What a missing value becomes.
    pub fill: Fill,
}

/// One table's description.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Which table.
    pub table: Table,
    /// The columns in schema order (derived columns left out).
    pub columns: &'static [Column],
    /// The export order: stable, so export → import → export is identical.
    pub order_by: &'static str,
}

impl Spec {
    /// The table's SQL name.
    pub fn name(&self) -> &'static str {
        self.table.as_str()
    }

    /// The position of the column called `name`.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The header names, comma-separated, for messages.
    pub fn header_names(&self) -> String {
        self.columns
            .iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

const fn col(name: &'static str, kind: Kind, fill: Fill) -> Column {
    Column {
        name,
        sql: name,
        kind,
        fill,
    }
}

const fn org(name: &'static str, sql: &'static str, fill: Fill) -> Column {
    Column {
        name,
        sql,
        kind: Kind::Org,
        fill,
    }
}

const ID: Column = col("id", Kind::Id, Fill::Null);

const STATUS: Choice = |s| match s.parse::<Status>() {
    Ok(status) => Ok(status.as_str()),
    Err(_) => status_word(s).map(Status::as_str).ok_or_else(|| {
        format!(
            "{}, or a tracker's word for one: {}",
            Status::accepted(),
            STATUS_WORDS
                .iter()
                .map(|(word, _)| *word)
                .collect::<Vec<_>>()
                .join(", ")
        )
    }),
};

/// The words other trackers and hand-made spreadsheets use for a status
/// (Huntr's lists, Teal's and Simplify's stages, everyday words), each
/// compared ignoring case, spaces and punctuation.
pub const STATUS_WORDS: &[(&str, Status)] = &[
    ("Wishlist", Status::Saved),
    ("Bookmarked", Status::Saved),
    ("Interested", Status::Saved),
    ("Saved job", Status::Saved),
    ("To apply", Status::Saved),
    ("Applying", Status::Saved),
    ("Submitted", Status::Applied),
    ("Application sent", Status::Applied),
    ("Phone screen", Status::Screening),
    ("Screen", Status::Screening),
    ("Recruiter screen", Status::Screening),
    ("Assessment", Status::Screening),
    ("Interviewing", Status::Interview),
    ("Interviewed", Status::Interview),
    ("Onsite", Status::Interview),
    ("Final round", Status::Interview),
    ("Offer received", Status::Offer),
    ("Offered", Status::Offer),
    ("Negotiating", Status::Offer),
    ("Hired", Status::Accepted),
    ("Offer accepted", Status::Accepted),
    ("Not selected", Status::Rejected),
    ("Archived", Status::Rejected),
    ("Declined", Status::Withdrawn),
    ("Withdrew", Status::Withdrawn),
    ("I withdrew", Status::Withdrawn),
    ("Offer declined", Status::Withdrawn),
    ("No response", Status::Ghosted),
    ("No answer", Status::Ghosted),
];

/// The status a tracker's word stands for (see `STATUS_WORDS`).
pub fn status_word(text: &str) -> Option<Status> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = key(text);
    if let Some(status) = Status::ALL.iter().find(|s| key(s.as_str()) == wanted) {
        return Some(*status);
    }
    STATUS_WORDS
        .iter()
        .find(|(word, _)| key(word) == wanted)
        .map(|(_, status)| *status)
}
const DOC_KIND: Choice = |s| s.parse::<DocKind>().map(DocKind::as_str);
const WORK_MODE: Choice = |s| s.parse::<WorkMode>().map(WorkMode::as_str);
const EMPLOYMENT_TYPE: Choice = |s| s.parse::<EmploymentType>().map(EmploymentType::as_str);
const PAY_PERIOD: Choice = |s| s.parse::<PayPeriod>().map(PayPeriod::as_str);
const EVENT_KIND: Choice = |s| s.parse::<EventKind>().map(EventKind::as_str);
const INTERVIEW_KIND: Choice = |s| s.parse::<InterviewKind>().map(InterviewKind::as_str);
const OUTCOME: Choice = |s| s.parse::<Outcome>().map(Outcome::as_str);
const VIA: Choice = |s| s.parse::<Via>().map(Via::as_str);
const DIRECTION: Choice = |s| s.parse::<Direction>().map(Direction::as_str);
const ROLE: Choice = |s| s.parse::<Role>().map(Role::as_str);
const RELATIONSHIP: Choice = |s| s.parse::<Relationship>().map(Relationship::as_str);
const CHANNEL: Choice = |s| s.parse::<network::Channel>().map(network::Channel::as_str);
const MEETING_KIND: Choice = |s| {
    s.parse::<network::EventKind>()
        .map(network::EventKind::as_str)
};
const LEVEL: Choice = |s| s.parse::<profile::Level>().map(profile::Level::as_str);
const EDUCATION_STATUS: Choice = |s| {
    s.parse::<profile::EduStatus>()
        .map(profile::EduStatus::as_str)
};
const CERT_STATUS: Choice = |s| s.parse::<CertStatus>().map(CertStatus::as_str);
const METRIC: Choice = |s| s.parse::<Metric>().map(Metric::as_str);
const PERIOD: Choice = |s| s.parse::<Period>().map(Period::as_str);

/// Every table, in dependency order (a table comes after those it names).
pub const SPECS: &[Spec] = &[
    Spec {
        table: Table::Organizations,
        columns: &[
            ID,
            col("name", Kind::OrgName, Fill::Required),
            col("website", Kind::Text, Fill::Null),
            col("location", Kind::Text, Fill::Null),
            col("notes", Kind::Text, Fill::Null),
            col("created_at", Kind::Timestamp, Fill::Now),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Contacts,
        columns: &[
            ID,
            col("name", Kind::Text, Fill::Required),
            org("org", "org_id", Fill::Null),
            col("role", Kind::Text, Fill::Null),
            col("email", Kind::Text, Fill::Null),
            col("phone", Kind::Text, Fill::Null),
            col("linkedin_url", Kind::Text, Fill::Null),
            col(
                "relationship",
                Kind::Choice(RELATIONSHIP),
                Fill::Text("other"),
            ),
            col("met_via", Kind::Text, Fill::Null),
            col("added_on", Kind::Date, Fill::Today),
            col("follow_up_on", Kind::Date, Fill::Null),
            col("notes", Kind::Text, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Documents,
        // The bytes (`content`) are not a cell: `export --all` writes each
        // document to DIR/documents/<sha256> and `import --all` reads it back.
        columns: &[
            ID,
            col("sha256", Kind::Text, Fill::Required),
            col("kind", Kind::Choice(DOC_KIND), Fill::Text("other")),
            col("name", Kind::Text, Fill::Required),
            col("size", Kind::Integer, Fill::Required),
            col("added_on", Kind::Date, Fill::Today),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Applications,
        columns: &[
            ID,
            org("org", "org_id", Fill::Required),
            col("title", Kind::Text, Fill::Required),
            col("status", Kind::Choice(STATUS), Fill::Text("applied")),
            col("source", Kind::Source, Fill::Null),
            col("url", Kind::Text, Fill::Null),
            col("location", Kind::Text, Fill::Null),
            col("work_mode", Kind::Choice(WORK_MODE), Fill::Null),
            col("salary_min", Kind::Money, Fill::Null),
            col("salary_max", Kind::Money, Fill::Null),
            col(
                "salary_period",
                Kind::Choice(PAY_PERIOD),
                Fill::SalaryPeriod,
            ),
            col("applied_on", Kind::PastDate, Fill::Null),
            col("follow_up_on", Kind::Date, Fill::Null),
            col("notes", Kind::Text, Fill::Null),
            col("created_at", Kind::Timestamp, Fill::Now),
            col("updated_at", Kind::Timestamp, Fill::Now),
            col("offer_salary_min", Kind::Money, Fill::Null),
            col("offer_salary_max", Kind::Money, Fill::Null),
            col(
                "offer_salary_period",
                Kind::Choice(PAY_PERIOD),
                Fill::OfferSalaryPeriod,
            ),
            col("offer_deadline", Kind::Date, Fill::Null),
            col("offer_start_on", Kind::Date, Fill::Null),
            col("posted_on", Kind::Date, Fill::Null),
            col("closes_on", Kind::Date, Fill::Null),
            col("employment_type", Kind::Choice(EMPLOYMENT_TYPE), Fill::Null),
            col("description", Kind::Text, Fill::Null),
            col("resume_id", Kind::Ref("documents"), Fill::Null),
            col("cover_letter_id", Kind::Ref("documents"), Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::ApplicationEvents,
        columns: &[
            ID,
            col("application_id", Kind::Ref("applications"), Fill::Required),
            col("date", Kind::Date, Fill::Required),
            col("kind", Kind::Choice(EVENT_KIND), Fill::Required),
            col("from_status", Kind::Choice(STATUS), Fill::Null),
            col("to_status", Kind::Choice(STATUS), Fill::Null),
            col("note", Kind::Text, Fill::Null),
            col("at", Kind::Text, Fill::Null),
            col("minutes", Kind::Count, Fill::Null),
            col("interview_kind", Kind::Choice(INTERVIEW_KIND), Fill::Null),
            col("place", Kind::Text, Fill::Null),
            col("outcome", Kind::Choice(OUTCOME), Fill::Null),
            col("via", Kind::Choice(VIA), Fill::Null),
            col("direction", Kind::Choice(DIRECTION), Fill::Null),
            // An entry of the same file, possibly in the same batch: SQLite's
            // foreign key checks it, not the loader.
            col("caused_by", Kind::Integer, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::EntryContacts,
        columns: &[
            col("event_id", Kind::Ref("application_events"), Fill::Required),
            col("contact_id", Kind::Ref("contacts"), Fill::Required),
        ],
        order_by: "rowid",
    },
    Spec {
        table: Table::ApplicationContacts,
        columns: &[
            col("application_id", Kind::Ref("applications"), Fill::Required),
            col("contact_id", Kind::Ref("contacts"), Fill::Required),
            col("role", Kind::Choice(ROLE), Fill::Text("other")),
        ],
        // Link order is meaning: the earliest-linked referrer is the referral.
        order_by: "rowid",
    },
    Spec {
        table: Table::ApplicationCredentials,
        columns: &[
            col("application_id", Kind::Ref("applications"), Fill::Required),
            col("code", Kind::CodeGroup, Fill::Required),
            col("required", Kind::Bool, Fill::Int(1)),
        ],
        order_by: "application_id, code",
    },
    Spec {
        table: Table::Interactions,
        columns: &[
            ID,
            col("contact_id", Kind::Ref("contacts"), Fill::Required),
            col("date", Kind::Date, Fill::Required),
            col("channel", Kind::Choice(CHANNEL), Fill::Text("other")),
            col("note", Kind::Text, Fill::Null),
            col("follow_up_on", Kind::Date, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Events,
        columns: &[
            ID,
            org("org", "org_id", Fill::Null),
            col("title", Kind::Text, Fill::Required),
            col("date", Kind::Date, Fill::Required),
            col("kind", Kind::Choice(MEETING_KIND), Fill::Text("other")),
            col("notes", Kind::Text, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Memberships,
        columns: &[
            ID,
            org("org", "org_id", Fill::Required),
            col("since", Kind::Date, Fill::Null),
            col("renews_on", Kind::Date, Fill::Null),
            col("notes", Kind::Text, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::VolunteerShifts,
        columns: &[
            ID,
            org("org", "org_id", Fill::Required),
            col("date", Kind::PastDate, Fill::Required),
            col("hours", Kind::Hours(Some(24.0)), Fill::Required),
            col("role", Kind::Text, Fill::Null),
            col("notes", Kind::Text, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Education,
        columns: &[
            ID,
            org("school", "school_id", Fill::Null),
            col("level", Kind::Choice(LEVEL), Fill::Required),
            col("field", Kind::Text, Fill::Required),
            col("cahiim_accredited", Kind::Bool, Fill::Int(0)),
            col(
                "status",
                Kind::Choice(EDUCATION_STATUS),
                Fill::EducationStatus,
            ),
            col("started_on", Kind::Date, Fill::Null),
            col("completed_on", Kind::Date, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Experience,
        columns: &[
            ID,
            org("org", "org_id", Fill::Required),
            col("title", Kind::Text, Fill::Required),
            col("started_on", Kind::Date, Fill::Required),
            col("ended_on", Kind::Date, Fill::Null),
            col("healthcare", Kind::Bool, Fill::Int(0)),
            col("notes", Kind::Text, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Certifications,
        columns: &[
            ID,
            col("code", Kind::Code, Fill::Required),
            col("name", Kind::Text, Fill::CatalogName),
            col("issuer", Kind::Text, Fill::Null),
            col("status", Kind::Choice(CERT_STATUS), Fill::Text("planning")),
            col("exam_on", Kind::Date, Fill::Null),
            col("score", Kind::Score, Fill::Null),
            col("passed_on", Kind::Date, Fill::Null),
            col("expires_on", Kind::Date, Fill::Null),
            col("notes", Kind::Text, Fill::Null),
            col("applied_on", Kind::Date, Fill::Null),
            col("failed_on", Kind::Date, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Ceus,
        columns: &[
            ID,
            col(
                "certification_id",
                Kind::Ref("certifications"),
                Fill::Required,
            ),
            col("date", Kind::Date, Fill::Required),
            col("hours", Kind::Hours(None), Fill::Required),
            col("title", Kind::Text, Fill::Null),
            col("provider", Kind::Text, Fill::Null),
        ],
        order_by: "id",
    },
    Spec {
        table: Table::Goals,
        columns: &[
            col("metric", Kind::Choice(METRIC), Fill::Required),
            col("period", Kind::Choice(PERIOD), Fill::Required),
            col("target", Kind::Count, Fill::Required),
        ],
        order_by: "metric, period",
    },
];

/// The description of one table.
pub fn spec(table: Table) -> &'static Spec {
    SPECS
        .iter()
        .find(|s| s.table == table)
        // Every `Table` variant has a spec; the unit test below checks it.
        .expect("every table has a spec")
}

/// The application columns derived from the history: never exported.
pub use crate::applications::DERIVED;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_one_spec() {
        for table in Table::ALL {
            assert_eq!(SPECS.iter().filter(|s| s.table == *table).count(), 1);
        }
        assert_eq!(SPECS.len(), Table::ALL.len());
    }

    #[test]
    fn specs_match_the_schema_in_order() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::db::SCHEMA).unwrap();
        for spec in SPECS {
            let mut statement = conn
                .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
                .unwrap();
            let schema: Vec<String> = statement
                .query_map([spec.name()], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .filter(|name: &String| {
                    spec.table != Table::Applications || !DERIVED.contains(&name.as_str())
                })
                .filter(|name| spec.table != Table::Documents || name != crate::documents::CONTENT)
                .collect();
            let described: Vec<&str> = spec.columns.iter().map(|c| c.sql).collect();
            assert_eq!(schema, described, "{} columns", spec.name());
        }
    }

    #[test]
    fn dependency_order_puts_referenced_tables_first() {
        let position = |name: &str| SPECS.iter().position(|s| s.name() == name).unwrap();
        for (index, spec) in SPECS.iter().enumerate() {
            for column in spec.columns {
                match column.kind {
                    Kind::Ref(other) => assert!(position(other) < index, "{}", spec.name()),
                    Kind::Org => assert!(position("organizations") < index),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn choices_canonicalize_and_list_accepted_values() {
        assert_eq!(CHANNEL("Coffee"), Ok("coffee"));
        assert_eq!(STATUS(" Applied "), Ok("applied"));
        assert!(PERIOD("year").unwrap_err().contains("week, month"));
    }
}
