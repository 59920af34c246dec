//! References: an argument that names one record by its id or by text.
//! A number is an id (except for kinds matched by name only, like
//! organizations); text picks the one record whose name contains it, any
//! case, and a whole-name match wins over the others. Each noun gives its
//! `RefKind` (what it is called, where to list them, and its store's
//! candidates); the choosing, and the errors for several or no matches,
//! are written once here.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::output::visible;

/// How many candidates an ambiguous reference lists.
pub const LISTED: usize = 10;

/// A record a reference may name, as its noun's store offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The record's id.
    pub id: i64,
    /// The text a reference is matched against: a name, a title, or
    /// "org title" for an application.
    pub key: String,
    /// How the record is named to the user ("Coding Specialist at Mercy
    /// Health").
    pub label: String,
}

/// One kind of record a reference can name.
pub struct RefKind {
    /// The record in a sentence: "contact".
    pub noun: &'static str,
    /// The plural: "contacts".
    pub plural: &'static str,
    /// What text is matched against, for the "no match" message:
    /// "contact names".
    pub searched: &'static str,
    /// The command that lists them: "jobtrack contact list".
    pub list: &'static str,
    /// Whether a number is an id (organizations match digits as names).
    pub numbers_are_ids: bool,
    /// Every record of the kind, from its store.
    pub candidates: fn(&Connection) -> Result<Vec<Candidate>>,
}

/// What a reference argument says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// A record's id.
    Id(i64),
    /// Text to look for, trimmed.
    Text(String),
}

impl Reference {
    /// Reads a reference typed for `field`: digits are an id when the kind
    /// takes ids; anything else is text. Empty text is refused.
    pub fn parse(kind: &RefKind, field: &str, text: &str) -> Result<Reference> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            let what = if kind.numbers_are_ids {
                "id or part of its name"
            } else {
                "name or part of it"
            };
            return Err(Error::Input(format!(
                "{field} cannot be empty; give the {}'s {what} (see '{}')",
                kind.noun, kind.list
            )));
        }
        if kind.numbers_are_ids && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(id) = trimmed.parse() {
                return Ok(Reference::Id(id));
            }
        }
        Ok(Reference::Text(trimmed.to_string()))
    }
}

/// The candidates that match `text`: when some key equals it (any case,
/// spaces collapsed), those alone (`exact` is true); else every key that
/// contains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matches {
    /// True when the found keys equal the text.
    pub exact: bool,
    /// The matching candidates, in the order the store gave them.
    pub found: Vec<Candidate>,
}

/// Text as references compare it: lower case, runs of spaces as one.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The candidates whose key equals `text`, else those containing it.
pub fn matches(text: &str, candidates: Vec<Candidate>) -> Matches {
    let wanted = folded(text);
    let mut exact = Vec::new();
    let mut partial = Vec::new();
    for candidate in candidates {
        let key = folded(&candidate.key);
        if key == wanted {
            exact.push(candidate);
        } else if key.contains(&wanted) {
            partial.push(candidate);
        }
    }
    if exact.is_empty() {
        Matches {
            exact: false,
            found: partial,
        }
    } else {
        Matches {
            exact: true,
            found: exact,
        }
    }
}

/// The one candidate `text` names, `None` when none matches, or the exit-2
/// error listing the candidates when several do.
pub fn choose(
    kind: &RefKind,
    field: &str,
    text: &str,
    candidates: Vec<Candidate>,
) -> Result<Option<Candidate>> {
    let mut found = matches(text, candidates).found;
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(ambiguous(kind, field, text, &found)),
    }
}

/// The refusal of a reference that matches several records: up to
/// `LISTED` of them (id and name) and how to choose.
pub fn ambiguous(kind: &RefKind, field: &str, text: &str, found: &[Candidate]) -> Error {
    let listed = &found[..found.len().min(LISTED)];
    let how = if kind.numbers_are_ids {
        "give the id of the one you mean"
    } else {
        "give the whole name of the one you mean"
    };
    let mut message = format!(
        "{field} {:?} matches {} {}; {how}:",
        text,
        found.len(),
        kind.plural
    );
    let width = listed
        .iter()
        .map(|c| c.id.to_string().len())
        .max()
        .unwrap_or(0);
    for candidate in listed {
        let label = visible(&candidate.label);
        if kind.numbers_are_ids {
            message.push_str(&format!("\n  {:>width$}  {label}", candidate.id));
        } else {
            message.push_str(&format!("\n  {label}"));
        }
    }
    if found.len() > LISTED {
        message.push_str(&format!(
            "\n  … and {} more (see '{}')",
            found.len() - LISTED,
            kind.list
        ));
    }
    Error::Input(message)
}

/// The refusal of a reference that matches nothing.
pub fn unknown(kind: &RefKind, field: &str, text: &str) -> Error {
    Error::NotFound(format!(
        "no {} matches {field} {:?} (searched {}; see '{}')",
        kind.noun, text, kind.searched, kind.list
    ))
}

/// The line on standard error that names the record a text reference chose.
pub fn chosen(kind: &RefKind, candidate: &Candidate) -> String {
    let label = visible(&candidate.label);
    if kind.numbers_are_ids {
        format!("using {} {}: {label}", kind.noun, candidate.id)
    } else {
        format!("using {} {label}", kind.noun)
    }
}

/// An id typed where only numbers are accepted (history entries, shifts,
/// CEUs, education, experience): a clap value parser.
pub fn id_number(text: &str) -> std::result::Result<i64, String> {
    let trimmed = text.trim();
    match trimmed.parse::<i64>() {
        Ok(id) if trimmed.bytes().all(|b| b.is_ascii_digit()) => Ok(id),
        _ => Err("expected an id: a whole number, as the list command shows it".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &Connection) -> Result<Vec<Candidate>> {
        Ok(Vec::new())
    }

    const CONTACT: RefKind = RefKind {
        noun: "contact",
        plural: "contacts",
        searched: "contact names",
        list: "jobtrack contact list",
        numbers_are_ids: true,
        candidates: none,
    };

    fn candidate(id: i64, key: &str) -> Candidate {
        Candidate {
            id,
            key: key.into(),
            label: key.into(),
        }
    }

    #[test]
    fn numbers_are_ids_and_the_rest_is_text() {
        assert_eq!(
            Reference::parse(&CONTACT, "ID", " 12 ").unwrap(),
            Reference::Id(12)
        );
        assert_eq!(
            Reference::parse(&CONTACT, "ID", "Tom").unwrap(),
            Reference::Text("Tom".into())
        );
        assert_eq!(
            Reference::parse(&CONTACT, "ID", "-3").unwrap(),
            Reference::Text("-3".into())
        );
        let by_name = RefKind {
            numbers_are_ids: false,
            ..CONTACT
        };
        assert_eq!(
            Reference::parse(&by_name, "NAME", "3M").unwrap(),
            Reference::Text("3M".into())
        );
        assert_eq!(
            Reference::parse(&by_name, "NAME", "42").unwrap(),
            Reference::Text("42".into())
        );
        assert_eq!(
            Reference::parse(&CONTACT, "ID", "  ")
                .unwrap_err()
                .exit_code(),
            2
        );
    }

    #[test]
    fn a_whole_name_wins_over_substrings() {
        let all = vec![
            candidate(1, "Anna Lee"),
            candidate(2, "Anna Leeds"),
            candidate(3, "Joanna  Lee"),
        ];
        let found = matches("anna lee", all.clone());
        assert!(found.exact);
        assert_eq!(found.found, vec![candidate(1, "Anna Lee")]);
        let found = matches("ANNA", all.clone());
        assert!(!found.exact);
        assert_eq!(found.found.len(), 3);
        assert_eq!(matches("joanna lee", all.clone()).found[0].id, 3);
        assert!(matches("Zoe", all).found.is_empty());
    }

    #[test]
    fn case_folds_beyond_ascii() {
        let found = matches("josé", vec![candidate(4, "JOSÉ Ortiz")]);
        assert_eq!(found.found.len(), 1);
    }

    #[test]
    fn several_matches_list_at_most_ten() {
        let all: Vec<Candidate> = (1..=12)
            .map(|i| candidate(i, &format!("Tom {i}")))
            .collect();
        let err = choose(&CONTACT, "CONTACT", "tom", all).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let text = err.to_string();
        assert!(text.contains("\"tom\" matches 12 contacts"), "{text}");
        assert!(
            text.contains("Tom 10") && !text.contains("Tom 11"),
            "{text}"
        );
        assert!(
            text.contains("2 more (see 'jobtrack contact list')"),
            "{text}"
        );
    }

    #[test]
    fn one_match_is_chosen_and_none_is_none() {
        let all = vec![candidate(1, "Tom Baker"), candidate(2, "Dana Reyes")];
        let chosen = choose(&CONTACT, "CONTACT", "tom", all.clone()).unwrap();
        assert_eq!(chosen.map(|c| c.id), Some(1));
        assert_eq!(choose(&CONTACT, "CONTACT", "zoe", all).unwrap(), None);
        let err = unknown(&CONTACT, "CONTACT", "zoe");
        assert_eq!(err.exit_code(), 2);
        assert_eq!(
            err.to_string(),
            "no contact matches CONTACT \"zoe\" (searched contact names; see 'jobtrack contact list')"
        );
    }

    #[test]
    fn ids_only_arguments_refuse_text() {
        assert_eq!(id_number("7"), Ok(7));
        assert!(id_number("Tom").is_err());
        assert!(id_number("-1").is_err());
    }
}
