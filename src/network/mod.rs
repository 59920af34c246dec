//! Networking: contacts, their interactions, events and memberships.
//!
//! `contact.rs` and `event.rs` hold the `contact` and `event` subcommands,
//! `store.rs` the SQL; this file holds the types and the follow-up rule.

pub mod store;

pub use store::{contact, contact_from_row, contacts_at, CONTACT_COLUMNS};

use chrono::NaiveDate;
use serde::Serialize;

use crate::input::refs::RefKind;
use crate::text_enum;

/// Contacts as references name them: by id or name.
pub const CONTACT: RefKind = RefKind {
    noun: "contact",
    plural: "contacts",
    searched: "contact names",
    list: "jobtrack contact list",
    numbers_are_ids: true,
    candidates: store::contact_candidates,
};

/// Events as references name them: by id or title.
pub const EVENT: RefKind = RefKind {
    noun: "event",
    plural: "events",
    searched: "event titles",
    list: "jobtrack event list",
    numbers_are_ids: true,
    candidates: store::event_candidates,
};

text_enum! {
    /// How the user knows a contact.
    pub enum Relationship {
        Mentor = "mentor",
        Friend = "friend",
        Colleague = "colleague",
        Recruiter = "recruiter",
        Alumni = "alumni",
        CareerOffice = "career_office",
        Professional = "professional",
        Other = "other",
    }
}

text_enum! {
    /// How an interaction with a contact happened.
    pub enum Channel {
        Email = "email",
        Call = "call",
        Meeting = "meeting",
        Message = "message",
        Event = "event",
        Coffee = "coffee",
        Other = "other",
    }
}

text_enum! {
    /// What kind of networking event.
    pub enum EventKind {
        Meeting = "meeting",
        Conference = "conference",
        CareerFair = "career_fair",
        Webinar = "webinar",
        Other = "other",
    }
}

/// A person the user knows.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub org: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub relationship: Relationship,
    pub met_via: Option<String>,
    pub added_on: NaiveDate,
    pub follow_up_on: Option<NaiveDate>,
    pub notes: Option<String>,
    #[serde(skip)]
    pub org_id: Option<i64>,
}

impl Contact {
    /// "Dana Reyes (HIM Director, contact 1)": the name with the role (or
    /// the relationship) and the id, for one-line mentions.
    pub fn describe(&self) -> String {
        match &self.role {
            Some(role) => format!("{} ({role}, contact {})", self.name, self.id),
            None => format!("{} ({}, contact {})", self.name, self.relationship, self.id),
        }
    }
}

/// One dated conversation with a contact.
#[derive(Debug, Clone, Serialize)]
pub struct Interaction {
    pub id: i64,
    pub contact_id: i64,
    pub date: NaiveDate,
    pub channel: Channel,
    pub note: Option<String>,
    pub follow_up_on: Option<NaiveDate>,
}

/// A row of `contact list`: the contact and when the user last spoke to them.
#[derive(Debug, Clone, Serialize)]
pub struct ContactRow {
    #[serde(flatten)]
    pub contact: Contact,
    pub last_interaction_on: Option<NaiveDate>,
}

/// A networking event: a chapter meeting, a conference, a career fair.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: i64,
    pub org: Option<String>,
    pub title: String,
    pub date: NaiveDate,
    pub kind: EventKind,
    pub notes: Option<String>,
}

/// The follow-up a contact has after an interaction on `on`: the one given,
/// else none when the old one has come due by then (the interaction was the
/// follow-up), else the old one.
pub fn follow_up_after(
    old: Option<NaiveDate>,
    given: Option<NaiveDate>,
    on: NaiveDate,
) -> Option<NaiveDate> {
    match (given, old) {
        (Some(date), _) => Some(date),
        (None, Some(old)) if old <= on => None,
        (None, old) => old,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        crate::dates::parse_iso(text).unwrap()
    }

    #[test]
    fn an_interaction_replaces_or_clears_the_follow_up() {
        let on = day("2026-11-26");
        let later = day("2026-12-10");
        let passed = day("2026-11-20");
        assert_eq!(follow_up_after(Some(passed), Some(later), on), Some(later));
        assert_eq!(follow_up_after(Some(passed), None, on), None);
        assert_eq!(follow_up_after(Some(on), None, on), None, "due that day");
        assert_eq!(follow_up_after(Some(later), None, on), Some(later));
        assert_eq!(follow_up_after(None, None, on), None);
    }

    #[test]
    fn enumerations_list_their_values() {
        assert!(Relationship::accepted().contains("career_office"));
        assert_eq!("Coffee".parse::<Channel>().unwrap(), Channel::Coffee);
        assert!("lunch".parse::<Channel>().unwrap_err().contains("coffee"));
        assert_eq!(EventKind::CareerFair.as_str(), "career_fair");
    }
}
