//! Organizations (employers, schools, chapters, volunteer sites), found by
//! name without regard to case and created on first use, and the user's
//! memberships of them.

pub mod merge;
pub mod store;

pub use store::{
    find, find_or_create, find_or_create_noting, membership_at, organization_from_row,
    report_unknown, require, save_membership, suggestions, unknown_error, ORGANIZATION_COLUMNS,
};

use chrono::NaiveDate;
use serde::Serialize;

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

#[cfg(test)]
mod tests {
    use super::*;

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
