//! Organizations (employers, schools, chapters, volunteer sites), found by
//! name without regard to case and created on first use, and the user's
//! memberships of them.

pub mod merge;
pub mod store;

pub use store::{
    filter, find, find_or_create, find_or_create_noting, membership_at, organization_from_row,
    report_unknown, require, resolve, save_membership, suggestions, unknown_error,
    ORGANIZATION_COLUMNS,
};

use chrono::NaiveDate;
use serde::Serialize;

use crate::input::refs::RefKind;

/// Organizations as references name them: by name only (digits too).
pub const ORGANIZATION: RefKind = RefKind {
    noun: "organization",
    plural: "organizations",
    searched: "organization names",
    list: "jobtrack org list",
    numbers_are_ids: false,
    candidates: store::candidates,
};

/// Words so many organization names share that two names alike only in
/// them are not alike: the typo hint compares names without them.
const COMMON_WORDS: &[&str] = &[
    "health",
    "healthcare",
    "hospital",
    "medical",
    "center",
    "clinic",
    "system",
    "regional",
    "memorial",
    "saint",
    "st",
    "of",
    "the",
    "and",
    "inc",
    "llc",
];

/// An organization as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    pub id: i64,
    pub name: String,
    pub website: Option<String>,
    pub location: Option<String>,
    pub notes: Option<String>,
    pub created_at: String,
}

/// An organization as `org list` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OrgSummary {
    #[serde(flatten)]
    pub organization: Organization,
    pub applications: i64,
    pub contacts: i64,
}

/// Membership of a professional association (one per organization).
#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub id: i64,
    pub org: String,
    pub since: Option<NaiveDate>,
    pub renews_on: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// An organization name as stored: trimmed, inner whitespace collapsed.
pub fn normalize(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// A name's words, lower case, split at anything but letters and digits.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when `word` is a misspelling of the common word `common` ("heath"
/// for "health", "hosptial" for "hospital").
fn misspells(word: &str, common: &str) -> bool {
    let allowed = if common.chars().count() > 6 { 2 } else { 1 };
    word.chars().count() >= 4 && common.chars().count() >= 4 && {
        let distance = edit_distance(word, common);
        distance > 0 && distance <= allowed
    }
}

/// What is left of `words` without the common words, nor misspellings of
/// a common word the other name has.
fn core(words: &[String], other: &[String]) -> String {
    words
        .iter()
        .filter(|w| !COMMON_WORDS.contains(&w.as_str()))
        .filter(|w| {
            !other
                .iter()
                .any(|o| COMMON_WORDS.contains(&o.as_str()) && misspells(w, o))
        })
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How far apart two organization names are when one is likely a typo of
/// the other, else `None`: the names are compared without the common words
/// (health, hospital, saint/st, …, and misspellings of them), and what is
/// left must be within an edit distance of 2, and mostly alike. Names made
/// only of common words are compared whole. Names under 6 characters are
/// acronyms (AHIMA, OHIMA): one letter apart is another organization.
pub fn close_names(typed: &str, known: &str) -> Option<usize> {
    let (typed_words, known_words) = (words(typed), words(known));
    let mut cores = (
        core(&typed_words, &known_words),
        core(&known_words, &typed_words),
    );
    if cores.0.is_empty() && cores.1.is_empty() {
        cores = (typed_words.join(" "), known_words.join(" "));
    }
    let (a, b) = cores;
    let shorter = a.chars().count().min(b.chars().count());
    if shorter == 0 {
        return None;
    }
    let distance = edit_distance(&a, &b);
    let acronym = normalize(typed).chars().count() < 6 || normalize(known).chars().count() < 6;
    let alike = distance == 0 || (!acronym && distance <= 2 && distance * 2 < shorter);
    alike.then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typo_hint_ignores_common_words() {
        for (typed, known) in [
            ("Munson Healthcare", "Bronson Healthcare"),
            ("Priority Health", "Trinity Health"),
            ("AHIMA", "OHIMA"),
            ("Health", "Mercy Health"),
            ("AB Health", "CD Health"),
            ("Medina Hospital", "Medical Center"),
            ("Heath Clinic", "Health Center"),
            ("Mercy Health", "Trinity Health"),
        ] {
            assert_eq!(close_names(typed, known), None, "{typed} / {known}");
            assert_eq!(close_names(known, typed), None, "{known} / {typed}");
        }
        for (typed, known) in [
            ("Mercy Heath", "Mercy Health"),
            ("Sparow Health", "Sparrow Health"),
            ("Sparow", "Sparrow Hospital"),
            ("Mercy Helth", "Mercy Health"),
            ("Riverside Hosptial", "Riverside Hospital"),
            ("Mercey Health", "Mercy Health"),
            ("St. Joseph Mercy", "Saint Joseph Mercy Hospital"),
            ("Mercy", "Mercy Health"),
        ] {
            assert!(close_names(typed, known).is_some(), "{typed} / {known}");
            assert!(close_names(known, typed).is_some(), "{known} / {typed}");
        }
    }

    #[test]
    fn names_are_trimmed_and_collapsed() {
        assert_eq!(normalize("  Mercy   Health \t"), "Mercy Health");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("mercy", "mercy"), 0);
        assert_eq!(edit_distance("mercy", "mercey"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
