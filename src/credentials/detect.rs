//! Credentials named in a posting's text: which codes (and full names) of
//! the catalog, or of the credentials the user tracks, a description
//! mentions, whether each is required or preferred by the words around it,
//! and which are alternatives ("RHIT or RHIA": one any-of group). DESIGN
//! §10.6 and §10.9; the choices it leaves open are in docs/design-notes.md.

use super::catalog::CATALOG;
use crate::input::code_group;

/// Whether a posting requires or prefers what a sentence names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Required,
    Preferred,
}

/// What a posting asks for, as `application_credentials` stores it: each
/// entry a group (`RHIT`, or `RHIA|RHIT` when any one will do), each list
/// sorted; no code is in both lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detected {
    pub requires: Vec<String>,
    pub prefers: Vec<String>,
}

/// Other spellings of catalog names seen in postings.
const ALIASES: &[(&str, &str)] = &[("CCS-P", "Certified Coding Specialist Physician")];

/// Words that say a credential is required (whole words, any case).
const REQUIRED_WORDS: &[&str] = &[
    "required",
    "require",
    "requires",
    "requirement",
    "requirements",
    "must",
    "need",
    "needs",
    "needed",
    "minimum",
    "mandatory",
];

/// Words that say a credential is preferred.
const PREFERRED_WORDS: &[&str] = &[
    "preferred",
    "prefer",
    "prefers",
    "preference",
    "preferably",
    "desired",
    "desirable",
    "a plus",
    "nice to have",
    "an asset",
    "bonus",
];

/// Heading words that make the list under them required.
const HEADING_WORDS: &[&str] = &["qualification", "qualifications"];

/// Words that may stand between two credentials of one phrase ("RHIT
/// certification or RHIA").
const FILLER_WORDS: &[&str] = &[
    "certification",
    "certifications",
    "certified",
    "credential",
    "credentials",
    "credentialed",
    "eligible",
    "eligibility",
    "either",
    "both",
    "a",
    "an",
];

/// The credentials detection looks for: the catalog's codes and names, and
/// the user's tracked ones (a code in neither is never found).
#[derive(Debug, Clone)]
pub struct Vocabulary {
    codes: Vec<String>,
    /// Each name as its lower-case words, longest first, with its code.
    names: Vec<(Vec<String>, String)>,
}

impl Vocabulary {
    /// The catalog and the tracked credentials, given as (code, name) pairs.
    pub fn new<'a>(tracked: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut codes: Vec<String> = CATALOG.iter().map(|c| c.code.to_string()).collect();
        let mut names: Vec<(Vec<String>, String)> = CATALOG
            .iter()
            .map(|c| (c.name, c.code))
            .chain(ALIASES.iter().map(|(code, name)| (*name, *code)))
            .map(|(name, code)| (lower_words(name), code.to_string()))
            .collect();
        for (code, name) in tracked {
            if !codes.iter().any(|known| known == code) {
                codes.push(code.to_string());
            }
            let words = lower_words(name);
            // A name that is only its code (or one word) is found as the code.
            if words.len() >= 2 && !names.iter().any(|(known, _)| *known == words) {
                names.push((words, code.to_string()));
            }
        }
        names.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        Vocabulary { codes, names }
    }

    fn has_code(&self, text: &str) -> bool {
        self.codes.iter().any(|code| code == text)
    }
}

/// The credentials `text` asks for: required when their sentence says so
/// (or they are listed under a requirements heading), preferred otherwise.
pub fn detect(text: &str, vocabulary: &Vocabulary) -> Detected {
    let mut found: Vec<(Vec<String>, Class)> = Vec::new();
    // The class a heading gives the list under it.
    let mut heading: Option<Class> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (is_item, body) = list_item(line);
        let mut fallback = heading;
        if !is_item {
            if is_heading(body, vocabulary) {
                heading = heading_class(body);
                fallback = heading;
            } else if is_paragraph(body) {
                heading = None;
                fallback = None;
            }
        }
        for sentence in sentences(body) {
            found.extend(sentence_groups(
                sentence,
                vocabulary,
                fallback.unwrap_or(Class::Preferred),
            ));
        }
    }
    combine(found)
}

/// Whether a line is a list item ("- ", "* ", "• ", "1. ", "2) "), and its
/// text without the marker.
fn list_item(line: &str) -> (bool, &str) {
    for marker in ['-', '*', '•', '·', '–', '—', '▪', '◦'] {
        if let Some(rest) = line.strip_prefix(marker) {
            if rest.starts_with(char::is_whitespace) {
                return (true, rest.trim_start());
            }
        }
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let rest = &line[digits..];
        if let Some(after) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
            if after.starts_with(char::is_whitespace) {
                return (true, after.trim_start());
            }
        }
    }
    (false, line)
}

/// A heading: a line ending in ':', or a few words without a sentence's
/// punctuation and without a credential ("Preferred Qualifications").
fn is_heading(line: &str, vocabulary: &Vocabulary) -> bool {
    if line.ends_with(':') {
        return true;
    }
    word_count(line) <= 6
        && !line.contains(['.', ';', '!', '?'])
        && mentions(line, vocabulary).is_empty()
}

/// Running text, which ends the list a heading opened: more than ten
/// words, or a sentence's punctuation (a short line without it is taken
/// as a list item without a marker).
fn is_paragraph(line: &str) -> bool {
    word_count(line) > 10 || line.contains(['.', ';', '!', '?'])
}

/// The class a heading gives its list: preferred words win, then required
/// words and "qualifications"; none for other headings ("Duties").
fn heading_class(text: &str) -> Option<Class> {
    let lower = text.to_ascii_lowercase();
    if PREFERRED_WORDS
        .iter()
        .any(|w| !find_word(&lower, w).is_empty())
    {
        Some(Class::Preferred)
    } else if REQUIRED_WORDS
        .iter()
        .chain(HEADING_WORDS)
        .any(|w| !find_word(&lower, w).is_empty())
    {
        Some(Class::Required)
    } else {
        None
    }
}

/// The sentences of a line: it breaks at ';' and at '.', '!' or '?' before
/// a space or the end.
fn sentences(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let next_is_space = chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if c == ';' || (matches!(c, '.' | '!' | '?') && next_is_space) {
            parts.push(&line[start..index]);
            start = index + c.len_utf8();
        }
    }
    parts.push(&line[start..]);
    parts.retain(|part| !part.trim().is_empty());
    parts
}

/// One credential named in a sentence, with the bytes that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mention {
    start: usize,
    end: usize,
    code: String,
}

/// The credentials a sentence names, in order: codes as written (upper
/// case, whole words, also `RHIT-eligible`) and full names in any case.
fn mentions(sentence: &str, vocabulary: &Vocabulary) -> Vec<Mention> {
    let mut found = code_mentions(sentence, vocabulary);
    found.extend(name_mentions(sentence, vocabulary));
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for mention in found {
        if kept.last().is_none_or(|last| mention.start >= last.end) {
            kept.push(mention);
        }
    }
    kept
}

/// Codes: runs of letters, digits, '-' and '_' equal to a code, or a code
/// followed by '-' and a word ("RHIT-eligible"; "CCS-P" is its own code).
fn code_mentions(sentence: &str, vocabulary: &Vocabulary) -> Vec<Mention> {
    let is_code_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    spans(sentence, is_code_char)
        .into_iter()
        .filter_map(|(start, end)| {
            let token = sentence[start..end].trim_matches('-');
            let offset = sentence[start..end].find(token).unwrap_or(0);
            let start = start + offset;
            let end = start + token.len();
            let code = if vocabulary.has_code(token) {
                Some(token)
            } else {
                token.rmatch_indices('-').find_map(|(dash, _)| {
                    let (code, rest) = (&token[..dash], &token[dash + 1..]);
                    let word = rest.len() >= 3 && rest.contains(|c: char| c.is_ascii_lowercase());
                    (word && vocabulary.has_code(code)).then_some(code)
                })
            };
            code.map(|code| Mention {
                start,
                end,
                code: code.to_string(),
            })
        })
        .collect()
}

/// Full names, word by word in any case, whatever stands between the words
/// ("Certified Coding Specialist – Physician-based"), longest first.
fn name_mentions(sentence: &str, vocabulary: &Vocabulary) -> Vec<Mention> {
    let words: Vec<(usize, usize, String)> = spans(sentence, char::is_alphanumeric)
        .into_iter()
        .map(|(start, end)| (start, end, sentence[start..end].to_lowercase()))
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let hit = vocabulary.names.iter().find(|(name, _)| {
            words.len() - at >= name.len()
                && name.iter().zip(&words[at..]).all(|(n, (_, _, w))| n == w)
        });
        match hit {
            Some((name, code)) => {
                found.push(Mention {
                    start: words[at].0,
                    end: words[at + name.len() - 1].1,
                    code: code.clone(),
                });
                at += name.len();
            }
            None => at += 1,
        }
    }
    found
}

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// "or", "/": alternatives.
    Or,
    /// "and", "&": each asked for.
    And,
    /// Only punctuation (", ", " ("): a list whose last joint decides.
    List,
    /// Other words: separate phrases.
    Apart,
}

fn join_between(gap: &str) -> Join {
    let words: Vec<String> = spans(gap, char::is_alphanumeric)
        .into_iter()
        .map(|(start, end)| gap[start..end].to_lowercase())
        .collect();
    let allowed = |w: &String| FILLER_WORDS.contains(&w.as_str()) || w == "or" || w == "and";
    if !words.iter().all(allowed) {
        Join::Apart
    } else if words.iter().any(|w| w == "or") || gap.contains('/') {
        Join::Or
    } else if words.iter().any(|w| w == "and") || gap.contains('&') {
        Join::And
    } else {
        Join::List
    }
}

/// A group found in a sentence: its codes and the bytes it spans.
struct Group {
    start: usize,
    end: usize,
    codes: Vec<String>,
}

/// True when the words before a sentence's first mention offer a choice
/// ("one of the following: RHIT, RHIA, CCS", "any of").
fn offers_a_choice(before: &str) -> bool {
    let words = lower_words(before);
    words
        .windows(2)
        .any(|pair| matches!(pair[0].as_str(), "one" | "any") && pair[1] == "of")
}

/// The groups a sentence names: a phrase of mentions joined by "or"
/// (also in a list, "RHIT, RHIA, or CCS") is one group; joined by "and" or
/// commas alone, each is its own, unless the sentence offers a choice
/// before its first mention ("one of: RHIT, RHIA, CCS").
fn groups(sentence: &str, mentions: &[Mention]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut segment: Vec<&Mention> = Vec::new();
    let mut has_or = mentions
        .first()
        .is_some_and(|first| offers_a_choice(&sentence[..first.start]));
    let mut flush = |segment: &mut Vec<&Mention>, has_or: &mut bool| {
        if *has_or {
            groups.push(Group {
                start: segment[0].start,
                end: segment[segment.len() - 1].end,
                codes: segment.iter().map(|m| m.code.clone()).collect(),
            });
        } else {
            groups.extend(segment.iter().map(|m| Group {
                start: m.start,
                end: m.end,
                codes: vec![m.code.clone()],
            }));
        }
        segment.clear();
        *has_or = false;
    };
    for mention in mentions {
        if let Some(last) = segment.last() {
            match join_between(&sentence[last.end..mention.start]) {
                Join::Or => has_or = true,
                Join::List => {}
                Join::And | Join::Apart => flush(&mut segment, &mut has_or),
            }
        }
        segment.push(mention);
    }
    if !segment.is_empty() {
        flush(&mut segment, &mut has_or);
    }
    groups
}

/// The required and preferred words of a sentence, with where they stand.
/// A short label before a ':' ("Preferred qualifications: CCS") counts as
/// one word of its heading's class.
fn keywords(sentence: &str, vocabulary: &Vocabulary) -> Vec<(usize, usize, Class)> {
    let lower = sentence.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut rest_from = 0;
    if let Some(colon) = sentence.find(':') {
        let label = &sentence[..colon];
        if word_count(label) <= 5 && mentions(label, vocabulary).is_empty() {
            if let Some(class) = heading_class(label) {
                found.push((0, colon, class));
            }
            rest_from = colon;
        }
    }
    for (words, class) in [
        (REQUIRED_WORDS, Class::Required),
        (PREFERRED_WORDS, Class::Preferred),
    ] {
        for word in words {
            for (start, end) in find_word(&lower, word) {
                if start >= rest_from {
                    found.push((start, end, class));
                }
            }
        }
    }
    found
}

/// The groups of one sentence with their class: the nearest required or
/// preferred word in the same clause (between commas), else the nearest
/// one, the earlier on a tie; `fallback` when the sentence has none.
fn sentence_groups(
    sentence: &str,
    vocabulary: &Vocabulary,
    fallback: Class,
) -> Vec<(Vec<String>, Class)> {
    let mut found = mentions(sentence, vocabulary);
    if found.is_empty() {
        return Vec::new();
    }
    let keywords = keywords(sentence, vocabulary);
    found.extend(unknown_mentions(sentence, &found));
    found.sort_by_key(|m| m.start);
    groups(sentence, &found)
        .into_iter()
        .filter_map(|group| {
            let class = keywords
                .iter()
                .min_by_key(|(start, end, _)| {
                    let (from, to, after) = if *end <= group.start {
                        (*end, group.start, false)
                    } else if *start >= group.end {
                        (group.end, *start, true)
                    } else {
                        (group.start, group.start, false)
                    };
                    let other_clause = sentence[from..to].contains(',');
                    (other_clause, to - from, after)
                })
                .map_or(fallback, |(_, _, class)| *class);
            let (known, unknown): (Vec<String>, Vec<String>) = group
                .codes
                .into_iter()
                .partition(|code| !code.starts_with(UNKNOWN));
            // "CCS or CPC required" with CPC unknown: someone holding only
            // CPC meets it, so it cannot hide the posting; CCS still counts.
            let class = if unknown.is_empty() {
                class
            } else {
                Class::Preferred
            };
            (!known.is_empty()).then_some((known, class))
        })
        .collect()
}

/// Marks a mention of a code neither in the catalog nor tracked.
const UNKNOWN: char = '?';

/// Upper-case words that look like a credential jobtrack does not know
/// (CPC, COC): they are never stored, but an "or" with one makes the
/// known codes beside it only one way among others to meet the posting.
fn unknown_mentions(sentence: &str, known: &[Mention]) -> Vec<Mention> {
    let looks_like_code = |word: &str| {
        (2..=8).contains(&word.len())
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    };
    spans(sentence, |c| c.is_ascii_alphanumeric() || c == '-')
        .into_iter()
        .filter(|(start, end)| {
            looks_like_code(&sentence[*start..*end])
                && !known.iter().any(|m| m.start < *end && *start < m.end)
        })
        .map(|(start, end)| Mention {
            start,
            end,
            code: format!("{UNKNOWN}{}", &sentence[start..end]),
        })
        .collect()
}

/// The groups of the whole text in stored form: a code required anywhere is
/// dropped from the preferred groups, and a required group is dropped when
/// a smaller required group is inside it (it is met whenever that one is).
fn combine(found: Vec<(Vec<String>, Class)>) -> Detected {
    let required: Vec<&Vec<String>> = found
        .iter()
        .filter(|(_, class)| *class == Class::Required)
        .map(|(codes, _)| codes)
        .collect();
    let required_codes: Vec<&String> = required.iter().flat_map(|codes| codes.iter()).collect();
    let inside = |small: &Vec<String>, large: &Vec<String>| {
        small.iter().all(|code| large.contains(code)) && large.iter().any(|c| !small.contains(c))
    };
    let mut requires: Vec<String> = required
        .iter()
        .filter(|group| !required.iter().any(|other| inside(other, group)))
        .map(|codes| code_group(codes))
        .collect();
    let mut prefers: Vec<String> = found
        .iter()
        .filter(|(_, class)| *class == Class::Preferred)
        .map(|(codes, _)| {
            codes
                .iter()
                .filter(|code| !required_codes.contains(code))
                .collect::<Vec<_>>()
        })
        .filter(|codes| !codes.is_empty())
        .map(|codes| code_group(&codes))
        .collect();
    for list in [&mut requires, &mut prefers] {
        list.sort();
        list.dedup();
    }
    Detected { requires, prefers }
}

/// The byte ranges of the runs of characters `keep` accepts.
fn spans(text: &str, keep: impl Fn(char) -> bool) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        match (keep(c), start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                found.push((from, index));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        found.push((from, text.len()));
    }
    found
}

/// Where `word` (lower case, maybe several words) stands in `lower` as
/// whole words.
fn find_word(lower: &str, word: &str) -> Vec<(usize, usize)> {
    lower
        .match_indices(word)
        .map(|(start, _)| (start, start + word.len()))
        .filter(|(start, end)| {
            let before = lower[..*start].chars().next_back();
            let after = lower[*end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

fn lower_words(text: &str) -> Vec<String> {
    spans(text, char::is_alphanumeric)
        .into_iter()
        .map(|(start, end)| text[start..end].to_lowercase())
        .collect()
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> (Vec<String>, Vec<String>) {
        let detected = detect(text, &Vocabulary::new([]));
        (detected.requires, detected.prefers)
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn check(text: &str, requires: &[&str], prefers: &[&str]) {
        assert_eq!(
            found(text),
            (strings(requires), strings(prefers)),
            "{text:?}"
        );
    }

    #[test]
    fn or_makes_one_group_and_the_words_around_decide_the_list() {
        check("RHIT or RHIA required.", &["RHIA|RHIT"], &[]);
        check("CCS preferred.", &[], &["CCS"]);
        check("Must hold RHIA; CPHIMS a plus.", &["RHIA"], &["CPHIMS"]);
        check("RHIT/RHIA needed", &["RHIA|RHIT"], &[]);
        check("RHIT, RHIA, or CCS required", &["CCS|RHIA|RHIT"], &[]);
        check("RHIT or RHIA or CCS required", &["CCS|RHIA|RHIT"], &[]);
        check("RHIA and CHPS required", &["CHPS", "RHIA"], &[]);
        check("RHIT, RHIA and CCS required", &["CCS", "RHIA", "RHIT"], &[]);
        check("Experience with CDIP work.", &[], &["CDIP"]);
        check("Minimum: RHIT certification or RHIA", &["RHIA|RHIT"], &[]);
        check("Nice to have: CTR", &[], &["CTR"]);
        check("CHDA desired", &[], &["CHDA"]);
    }

    #[test]
    fn one_of_a_list_is_one_group() {
        check(
            "One of the following credentials is required: RHIT, RHIA, CCS.",
            &["CCS|RHIA|RHIT"],
            &[],
        );
        check(
            "Must hold any of these: RHIT, CCS. CDIP and CCA preferred.",
            &["CCS|RHIT"],
            &["CCA", "CDIP"],
        );
        check("Requires RHIT, CCS.", &["CCS", "RHIT"], &[]);
    }

    #[test]
    fn an_unknown_alternative_makes_the_known_codes_preferred() {
        check("CCS or CPC required.", &[], &["CCS"]);
        check("RHIT, RHIA, or COC required", &[], &["RHIA|RHIT"]);
        // Alone, or joined by "and", an unknown word changes nothing.
        check("CPC required. RHIT required.", &["RHIT"], &[]);
        check("RHIT and HIPAA training required", &["RHIT"], &[]);
        check("Requires RHIT (or RHIA).", &["RHIA|RHIT"], &[]);
    }

    #[test]
    fn one_sentence_may_require_one_and_prefer_another() {
        check("RHIT required, CCS preferred", &["RHIT"], &["CCS"]);
        check("Required: RHIT, preferred: CCS", &["RHIT"], &["CCS"]);
        check("Preferred qualifications: CCS", &[], &["CCS"]);
        check(
            "RHIT or RHIA required, CPHIMS a plus!",
            &["RHIA|RHIT"],
            &["CPHIMS"],
        );
    }

    #[test]
    fn names_count_as_their_codes() {
        check(
            "Registered Health Information Technician (RHIT) eligible, required.",
            &["RHIT"],
            &[],
        );
        check(
            "registered health information administrator required",
            &["RHIA"],
            &[],
        );
        check(
            "Registered Health Information Technician (RHIT) or Registered Health Information \
             Administrator (RHIA) required",
            &["RHIA|RHIT"],
            &[],
        );
        check(
            "Certified Coding Specialist – Physician-based preferred",
            &[],
            &["CCS-P"],
        );
        check(
            "Certified Coding Specialist (CCS) or Certified Coding Specialist-Physician (CCS-P) required",
            &["CCS|CCS-P"],
            &[],
        );
    }

    #[test]
    fn codes_are_whole_upper_case_words() {
        check("CCS-P required", &["CCS-P"], &[]);
        check("CCS required; CCS-P preferred", &["CCS"], &["CCS-P"]);
        check("RHIT-eligible candidates must apply", &["RHIT"], &[]);
        check("RHIT eligible or RHIA required", &["RHIA|RHIT"], &[]);
        check("An rhit in our team would help", &[], &[]);
        check("RHITS and XRHIA and CCSP", &[], &[]);
        check("CPC required", &[], &[]);
    }

    #[test]
    fn tracked_credentials_are_found_too() {
        let vocabulary = Vocabulary::new([("CPC", "Certified Professional Coder")]);
        let detected = detect(
            "CPC required. Certified Professional Coder or CCS preferred.",
            &vocabulary,
        );
        assert_eq!(detected.requires, ["CPC"]);
        assert_eq!(detected.prefers, ["CCS"]);
    }

    #[test]
    fn headings_decide_their_lists() {
        let posting = "About the role\n\
            We are a growing health system. Our coders hold CCS today.\n\n\
            Requirements:\n\
            - Associate degree in HIM\n\
            - RHIT or RHIA\n\
            * Two years of coding experience\n\
            1. CHPS preferred\n\n\
            Preferred Qualifications\n\
            • CCS-P\n\
            2) CDIP or CTR\n\
            Benefits: a plus for CHDA holders\n";
        check(
            posting,
            &["RHIA|RHIT"],
            &["CCS", "CCS-P", "CDIP|CTR", "CHDA", "CHPS"],
        );
        // A paragraph ends the list: what follows it is judged by itself.
        check(
            "Qualifications:\n- RHIT\nWe also value people who hold CCS in our team.\n- CTR",
            &["RHIT"],
            &["CCS", "CTR"],
        );
        check("Duties:\n- Abstract CTR data\n", &[], &["CTR"]);
    }

    #[test]
    fn a_code_required_anywhere_is_not_also_preferred() {
        check(
            "RHIT required. RHIT or RHIA preferred.",
            &["RHIT"],
            &["RHIA"],
        );
        check("RHIT preferred. RHIT required.", &["RHIT"], &[]);
        check("RHIT required. RHIT or RHIA required.", &["RHIT"], &[]);
    }

    #[test]
    fn sentences_break_at_punctuation_and_lines() {
        assert_eq!(sentences("A. B; C! D? E"), ["A", " B", " C", " D", " E"]);
        assert_eq!(sentences("2.5 years"), ["2.5 years"]);
        assert_eq!(list_item("- RHIT"), (true, "RHIT"));
        assert_eq!(list_item("12. RHIT"), (true, "RHIT"));
        assert_eq!(list_item("-RHIT"), (false, "-RHIT"));
        assert_eq!(list_item("2026 goals"), (false, "2026 goals"));
    }
}
