//! Saved job pages (`app add --from`, DESIGN §10.6): the schema.org
//! `JobPosting` that applicant-tracking systems embed as JSON-LD for search
//! engines, read into typed fields, and the visible text of a page that has
//! none. Pure: text in, fields out. It never panics, whatever the bytes
//! (the `posting` fuzz target checks), and walks trees without recursion
//! where a page can make them deep.

use chrono::NaiveDate;
use scraper::node::Node;
use scraper::{ElementRef, Html};
use serde_json::{Map, Value};

use super::{EmploymentType, WorkMode};
use crate::input::{parse_salary, Salary};

/// The largest page `--from` reads (a saved page with inline images can be
/// a few MiB; more is not a job page).
pub const MOST_BYTES: u64 = 20 << 20;

/// How deep the JSON walk goes (serde_json already stops at 128 levels).
const MOST_DEPTH: usize = 64;

/// What a page gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Page {
    /// The first JobPosting found.
    Posting(PagePosting),
    /// No JobPosting: the page's visible text (none for a JSON file or an
    /// empty page).
    NoPosting { text: Option<String> },
}

/// The fields of a JobPosting, typed; `None` where the page gives none
/// (or nothing usable, with a line in `notes`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PagePosting {
    /// `hiringOrganization.name` (or a plain string).
    pub org: Option<String>,
    /// `title` (else `name`).
    pub title: Option<String>,
    /// `url`, else the page's `<link rel=canonical>`.
    pub url: Option<String>,
    /// "locality, region" of the first `jobLocation`.
    pub location: Option<String>,
    /// `remote` when `jobLocationType` is TELECOMMUTE.
    pub work_mode: Option<WorkMode>,
    /// `baseSalary`.
    pub salary: PageSalary,
    /// `datePosted`.
    pub posted_on: Option<NaiveDate>,
    /// `validThrough`.
    pub closes_on: Option<NaiveDate>,
    /// `employmentType`.
    pub employment_type: Option<EmploymentType>,
    /// `description` as plain text.
    pub description: Option<String>,
    /// What the page gave that could not be kept, one sentence each.
    pub notes: Vec<String>,
}

/// A page's `baseSalary`.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum PageSalary {
    /// None given, or none usable (said in `notes`).
    #[default]
    None,
    /// Figures and a period jobtrack keeps.
    Kept(Salary),
    /// Figures the salary rule refuses (a yearly figure under 1,000): the
    /// message says why; the user decides with `--salary`.
    Refused(String),
}

/// Reads a saved page: a JSON(-LD) document, or HTML whose
/// `<script type="application/ld+json">` blocks are searched in order for
/// the first JobPosting (blocks that are not JSON are skipped); a node it
/// gives by `@id` is looked up in every block.
pub fn read(text: &str) -> Page {
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Some(document) = parse_json(trimmed) {
            return match find_posting(&document, 0) {
                Some(posting) => Page::Posting(fields(posting, &document, None)),
                None => Page::NoPosting { text: None },
            };
        }
    }
    let html = Html::parse_document(text);
    let canonical = canonical_url(&html);
    // Every block of the page together, in page order: a posting's
    // `{"@id": …}` may name an Organization another block describes.
    let blocks = Value::Array(
        json_ld_blocks(&html)
            .iter()
            .filter_map(|block| parse_json(block))
            .collect(),
    );
    if let Some(posting) = find_posting(&blocks, 0) {
        return Page::Posting(fields(posting, &blocks, canonical));
    }
    Page::NoPosting {
        text: visible_text(&html),
    }
}

/// What a file that cannot be a saved page is, by its first bytes: "empty",
/// "a PDF file", "an image", "a Word document or zip file".
pub fn not_a_page(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        Some("empty")
    } else if starts(b"%PDF") {
        Some("a PDF file")
    } else if starts(b"\x89PNG") || starts(b"\xff\xd8\xff") || starts(b"GIF8") {
        Some("an image")
    } else if starts(b"PK\x03\x04") {
        Some("a Word document or zip file")
    } else {
        None
    }
}

/// A saved page's bytes as text: UTF-8, or Windows-1252 when the page
/// declares it (also as ISO-8859-1 or ASCII, which browsers read as
/// Windows-1252). Otherwise the charset the page declares, if any, is the
/// error.
pub fn decode(bytes: Vec<u8>) -> Result<String, Option<String>> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error.into_bytes(),
    };
    let declared = declared_charset(&bytes);
    match declared.as_deref() {
        Some(
            "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "latin1" | "l1"
            | "us-ascii" | "ascii",
        ) => Ok(bytes.iter().map(|&byte| windows_1252(byte)).collect()),
        _ => Err(declared),
    }
}

/// The `charset=` a page declares near its top (`<meta charset=…>` or
/// `<meta http-equiv=… content="text/html; charset=…">`), lower case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: String = bytes
        .iter()
        .take(4096)
        .map(|&byte| (byte as char).to_ascii_lowercase())
        .collect();
    let after = &head[head.find("charset=")? + "charset=".len()..];
    let name: String = after
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        .collect();
    non_empty(&name)
}

/// One Windows-1252 byte as a character.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        other => char::from(other),
    }
}

/// The text of every JSON-LD script, in page order.
fn json_ld_blocks(html: &Html) -> Vec<String> {
    elements(html)
        .filter(|element| element.value().name() == "script")
        .filter(|element| {
            element.value().attr("type").is_some_and(|kind| {
                let kind = kind.split(';').next().unwrap_or("").trim();
                kind.eq_ignore_ascii_case("application/ld+json")
            })
        })
        .map(|element| element.text().collect())
        .collect()
}

/// Every element of the page, in document order.
fn elements(html: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    html.tree.nodes().filter_map(ElementRef::wrap)
}

/// The `href` of the page's `<link rel="canonical">`.
fn canonical_url(html: &Html) -> Option<String> {
    elements(html)
        .filter(|element| element.value().name() == "link")
        .filter(|element| {
            element.value().attr("rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|word| word.eq_ignore_ascii_case("canonical"))
            })
        })
        .find_map(|element| element.value().attr("href").and_then(non_empty))
}

/// A JSON-LD block as JSON: CDATA and comment wrappers and a trailing `;`
/// are dropped, and raw line breaks or tabs inside strings (which many
/// pages ship, though JSON forbids them) are read as escapes.
fn parse_json(block: &str) -> Option<Value> {
    let mut text = block.trim();
    for opening in ["//<![CDATA[", "<![CDATA[", "<!--"] {
        text = text.strip_prefix(opening).unwrap_or(text).trim();
    }
    for closing in ["//]]>", "]]>", "-->", ";"] {
        text = text.strip_suffix(closing).unwrap_or(text).trim();
    }
    serde_json::from_str(text)
        .ok()
        .or_else(|| serde_json::from_str(&escape_controls(text)).ok())
}

/// `text` with control characters inside JSON strings escaped.
fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for ch in text.chars() {
        if in_string && (ch as u32) < 0x20 {
            match ch {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                other => out.push_str(&format!("\\u{:04x}", other as u32)),
            }
            escaped = false;
            continue;
        }
        out.push(ch);
        if escaped {
            escaped = false;
        } else if in_string && ch == '\\' {
            escaped = true;
        } else if ch == '"' {
            in_string = !in_string;
        }
    }
    out
}

/// True when the node's `@type` (a string or an array) names `wanted`,
/// also as a full IRI (`http://schema.org/JobPosting`).
fn has_type(node: &Map<String, Value>, wanted: &str) -> bool {
    let names = |value: &Value| match value {
        Value::String(name) => vec![name.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    node.get("@type")
        .map(names)
        .unwrap_or_default()
        .iter()
        .any(|name| {
            let short = name.rsplit(['/', ':', '#']).next().unwrap_or(name);
            short.trim().eq_ignore_ascii_case(wanted)
        })
}

/// The first JobPosting in a JSON-LD document: the node itself, its
/// `@graph`, top-level arrays and nested objects, depth first.
fn find_posting(value: &Value, depth: usize) -> Option<&Map<String, Value>> {
    if depth > MOST_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|item| find_posting(item, depth + 1)),
        Value::Object(node) if has_type(node, "JobPosting") => Some(node),
        Value::Object(node) => node
            .get("@graph")
            .and_then(|graph| find_posting(graph, depth + 1))
            .or_else(|| {
                node.iter()
                    .filter(|(key, _)| key.as_str() != "@graph")
                    .find_map(|(_, value)| find_posting(value, depth + 1))
            }),
        _ => None,
    }
}

/// A node given by reference (`{"@id": "#org"}`), looked up in the
/// document; any other value as it is.
fn resolve<'a>(value: &'a Value, document: &'a Value) -> &'a Value {
    match value {
        Value::Object(node) if node.len() == 1 => match node.get("@id").and_then(Value::as_str) {
            Some(id) => node_with_id(document, id, 0).unwrap_or(value),
            None => value,
        },
        _ => value,
    }
}

/// The node whose `@id` is `id` and that says more than its id.
fn node_with_id<'a>(value: &'a Value, id: &str, depth: usize) -> Option<&'a Value> {
    if depth > MOST_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .find_map(|item| node_with_id(item, id, depth + 1)),
        Value::Object(node) => {
            if node.len() > 1 && node.get("@id").and_then(Value::as_str) == Some(id) {
                return Some(value);
            }
            node.values()
                .find_map(|item| node_with_id(item, id, depth + 1))
        }
        _ => None,
    }
}

/// The first of an array, or the value itself.
fn first(value: &Value) -> &Value {
    match value {
        Value::Array(items) => items.first().unwrap_or(&Value::Null),
        other => other,
    }
}

/// A short text field (a name, a title, a place) on one line: entities
/// decoded, tags dropped, spaces collapsed.
fn line_of(value: &Value) -> Option<String> {
    let text = match first(value) {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Object(node) => return node.get("name").and_then(line_of),
        _ => return None,
    };
    let text = if text.contains(['&', '<']) {
        html_text(&text)
    } else {
        text
    };
    non_empty(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The typed fields of a JobPosting node.
fn fields(
    posting: &Map<String, Value>,
    document: &Value,
    canonical: Option<String>,
) -> PagePosting {
    let get = |key: &str| {
        posting
            .get(key)
            .map(|value| resolve(first(value), document))
    };
    let mut page = PagePosting {
        org: get("hiringOrganization").and_then(line_of),
        title: get("title").or_else(|| get("name")).and_then(line_of),
        url: posting
            .get("url")
            .and_then(|url| first(url).as_str())
            .and_then(non_empty)
            .or(canonical),
        location: get("jobLocation").and_then(|place| location(place, document)),
        work_mode: posting
            .get("jobLocationType")
            .filter(|kind| is_telecommute(kind))
            .map(|_| WorkMode::Remote),
        description: posting
            .get("description")
            .and_then(|text| first(text).as_str())
            .map(html_text)
            .and_then(|text| non_empty(&text)),
        ..PagePosting::default()
    };
    page.posted_on = date_field(posting, "datePosted", &mut page.notes);
    page.closes_on = date_field(posting, "validThrough", &mut page.notes);
    page.employment_type = posting
        .get("employmentType")
        .and_then(|kinds| employment_type(kinds, &mut page.notes));
    page.salary = match get("baseSalary") {
        Some(salary) => base_salary(salary, document, &mut page.notes),
        None => PageSalary::None,
    };
    page
}

/// "Columbus, OH" from a `Place` (its `address` an object or a string), or
/// a plain string.
fn location(place: &Value, document: &Value) -> Option<String> {
    let Value::Object(node) = place else {
        return line_of(place);
    };
    let Some(address) = node.get("address").map(|a| resolve(first(a), document)) else {
        return node.get("name").and_then(line_of);
    };
    let Value::Object(address) = address else {
        return line_of(address);
    };
    let parts: Vec<String> = ["addressLocality", "addressRegion"]
        .iter()
        .filter_map(|key| address.get(*key).and_then(line_of))
        .collect();
    if parts.is_empty() {
        return address.get("addressCountry").and_then(line_of);
    }
    Some(parts.join(", "))
}

/// True when `jobLocationType` (a string or an array) says TELECOMMUTE.
fn is_telecommute(kind: &Value) -> bool {
    match kind {
        Value::String(text) => text.trim().eq_ignore_ascii_case("TELECOMMUTE"),
        Value::Array(items) => items.iter().any(is_telecommute),
        _ => false,
    }
}

/// A date or date-time (ISO 8601, any offset): its date as written.
fn date_field(
    posting: &Map<String, Value>,
    key: &str,
    notes: &mut Vec<String>,
) -> Option<NaiveDate> {
    let text = posting.get(key).and_then(|value| first(value).as_str())?;
    let day = text.trim().split(['T', ' ']).next().unwrap_or("");
    let parsed = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    if parsed.is_none() && !text.trim().is_empty() {
        notes.push(format!("{key} {text:?} is not a date; none kept"));
    }
    parsed
}

/// The first `employmentType` jobtrack knows (a string, a comma-separated
/// list or an array).
fn employment_type(kinds: &Value, notes: &mut Vec<String>) -> Option<EmploymentType> {
    let words: Vec<String> = match kinds {
        Value::String(text) => text.split(',').map(str::to_string).collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let known = words.iter().find_map(|word| employment_word(word));
    if known.is_none() {
        let given: Vec<&str> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .collect();
        if !given.is_empty() {
            notes.push(format!(
                "employmentType {} is not a kind of job jobtrack knows; none kept",
                given.join(", ")
            ));
        }
    }
    known
}

/// One schema.org employment type word (`FULL_TIME`, `Full-time`, …).
fn employment_word(word: &str) -> Option<EmploymentType> {
    let word: String = word
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            other => other.to_ascii_uppercase(),
        })
        .collect();
    Some(match word.as_str() {
        "FULL_TIME" | "FULLTIME" => EmploymentType::FullTime,
        "PART_TIME" | "PARTTIME" => EmploymentType::PartTime,
        "CONTRACTOR" | "CONTRACT" => EmploymentType::Contract,
        "TEMPORARY" | "TEMP" => EmploymentType::Temporary,
        "INTERN" | "INTERNSHIP" => EmploymentType::Internship,
        "PER_DIEM" | "PERDIEM" | "PRN" => EmploymentType::PerDiem,
        "OTHER" | "VOLUNTEER" => EmploymentType::Other,
        _ => return None,
    })
}

/// `baseSalary`: a `MonetaryAmount` whose `value` is a figure or a
/// `QuantitativeValue` (`value`, or `minValue`/`maxValue`), figures as
/// numbers or numeric strings, `unitText` HOUR, MONTH or YEAR (YEAR when
/// none). The figures go through the salary rule of `--salary`.
fn base_salary(salary: &Value, document: &Value, notes: &mut Vec<String>) -> PageSalary {
    let amount = match salary {
        Value::Object(node) => node.get("value").map(|v| resolve(first(v), document)),
        other => Some(other),
    };
    let unit_in = |value: Option<&Value>| {
        value
            .and_then(Value::as_object)
            .and_then(|node| node.get("unitText"))
            .and_then(Value::as_str)
            .map(|unit| unit.trim().to_ascii_uppercase())
    };
    let unit = unit_in(amount)
        .or_else(|| unit_in(Some(salary)))
        .or_else(|| amount.and_then(Value::as_str).and_then(unit_in_text));
    let figures: Vec<f64> = match amount {
        Some(Value::Object(node)) => ["value", "minValue", "maxValue"]
            .iter()
            .filter_map(|key| node.get(*key))
            .flat_map(figures_of)
            .collect(),
        Some(value) => figures_of(value),
        None => Vec::new(),
    };
    let period = match unit.as_deref() {
        None | Some("YEAR" | "ANNUAL" | "YEARLY") => "year",
        Some("HOUR" | "HOURLY") => "hour",
        Some("MONTH" | "MONTHLY") => "month",
        Some(other) => {
            notes.push(format!(
                "the page gives pay per {} (unitText {other}); jobtrack keeps hourly, monthly or \
                 yearly pay, so no salary was kept",
                other.to_ascii_lowercase()
            ));
            return PageSalary::None;
        }
    };
    let usable: Vec<f64> = figures
        .into_iter()
        .filter(|figure| figure.is_finite() && *figure > 0.0)
        .map(|figure| (figure * 100.0).round() / 100.0)
        .collect();
    let (Some(min), Some(max)) = (
        usable.iter().copied().reduce(f64::min),
        usable.iter().copied().reduce(f64::max),
    ) else {
        if !salary.is_null() {
            notes.push("the page's baseSalary gives no figure; no salary was kept".into());
        }
        return PageSalary::None;
    };
    let text = if min == max {
        format!("{min}/{period}")
    } else {
        format!("{min}-{max}/{period}")
    };
    match parse_salary("baseSalary", &text) {
        Ok(salary) => PageSalary::Kept(salary),
        Err(refused) => PageSalary::Refused(refused.to_string()),
    }
}

/// The period a salary string names in words ("$20 - $25 an hour",
/// "52,000 per year", "24/hr"), as a `unitText`.
fn unit_in_text(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_alphabetic())
        .find_map(|word| {
            Some(match word.to_lowercase().as_str() {
                "hour" | "hours" | "hourly" | "hr" | "hrs" => "HOUR",
                "year" | "years" | "yearly" | "annual" | "annually" | "yr" | "annum" => "YEAR",
                "month" | "months" | "monthly" | "mo" => "MONTH",
                "week" | "weeks" | "weekly" | "wk" => "WEEK",
                "day" | "days" | "daily" => "DAY",
                _ => return None,
            })
        })
        .map(str::to_string)
}

/// The figures of a salary value: a number, or a string such as "52000",
/// "$52,000.00", "24.50" or "45000-52000".
fn figures_of(value: &Value) -> Vec<f64> {
    match value {
        Value::Number(number) => number.as_f64().into_iter().collect(),
        Value::String(text) => {
            let cleaned: String = text
                .chars()
                .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '\u{2013}'))
                .map(|c| if c == '\u{2013}' { '-' } else { c })
                .collect();
            cleaned
                .split('-')
                .filter_map(|part| part.parse::<f64>().ok())
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Markup as plain text: entities decoded (also when the markup itself
/// came entity-encoded, `&lt;p&gt;`, as many pages ship it), tags dropped,
/// paragraphs and line breaks kept, list items as "- item", at most one
/// blank line in a row.
pub fn html_text(markup: &str) -> String {
    let fragment = Html::parse_fragment(markup);
    let has_tags = fragment
        .root_element()
        .descendants()
        .skip(1)
        .any(|node| node.value().is_element());
    if !has_tags {
        let decoded: String = fragment.root_element().text().collect();
        if looks_like_markup(&decoded) {
            return text_of(Html::parse_fragment(&decoded).root_element(), &[]);
        }
        return plain_lines(&decoded);
    }
    text_of(fragment.root_element(), &[])
}

/// Plain text kept line by line: spaces collapsed inside each line, at
/// most one blank line in a row.
fn plain_lines(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// True when decoded text holds tags (`<p>`, `</li>`, `<br/>`).
fn looks_like_markup(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '<'
            && chars
                .peek()
                .is_some_and(|next| next.is_ascii_alphabetic() || *next == '/')
        {
            return true;
        }
    }
    false
}

/// Elements whose text is never the page's text.
const NOT_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
];

/// What a person sees of a page: the body's text without scripts,
/// styles and navigation.
fn visible_text(html: &Html) -> Option<String> {
    let body = elements(html).find(|element| element.value().name() == "body")?;
    non_empty(&text_of(body, &["nav"]))
}

/// Elements that start a paragraph (a blank line before and after).
const PARAGRAPHS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "form",
    "fieldset",
    "address",
    "figure",
    "hr",
    "dl",
];

/// Elements that start a line.
const LINES: &[&str] = &["ul", "ol", "tr", "dt", "dd", "li"];

/// The text under `root`, walked without recursion; elements named in
/// `skipped` (and `NOT_TEXT`) are left out with everything in them.
fn text_of(root: ElementRef<'_>, skipped: &[&str]) -> String {
    use ego_tree::iter::Edge;
    let mut writer = TextWriter::default();
    let mut hidden = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    if hidden > 0 || NOT_TEXT.contains(&name) || skipped.contains(&name) {
                        hidden += 1;
                    } else {
                        writer.open(name);
                    }
                }
                Node::Text(text) if hidden == 0 => writer.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if hidden > 0 {
                        hidden -= 1;
                    } else {
                        writer.close(element.name());
                    }
                }
            }
        }
    }
    writer.out
}

/// Plain text being written: spaces collapsed, line breaks owed until the
/// next visible character.
#[derive(Default)]
struct TextWriter {
    out: String,
    space: bool,
    breaks: u8,
    bullet: bool,
}

impl TextWriter {
    fn open(&mut self, name: &str) {
        match name {
            "br" => self.breaks = (self.breaks + 1).min(2),
            "li" => {
                self.breaks = self.breaks.max(1);
                self.bullet = true;
            }
            "td" | "th" => self.space = true,
            _ if PARAGRAPHS.contains(&name) => self.breaks = 2,
            _ if LINES.contains(&name) => self.breaks = self.breaks.max(1),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if PARAGRAPHS.contains(&name) {
            self.breaks = 2;
        } else if LINES.contains(&name) {
            self.breaks = self.breaks.max(1);
        } else if matches!(name, "td" | "th") {
            self.space = true;
        }
    }

    fn text(&mut self, text: &str) {
        for ch in text.chars() {
            if ch.is_whitespace() {
                self.space = true;
                continue;
            }
            if !self.out.is_empty() {
                if self.breaks > 0 {
                    for _ in 0..self.breaks {
                        self.out.push('\n');
                    }
                } else if self.space {
                    self.out.push(' ');
                }
            }
            if self.bullet {
                self.out.push_str("- ");
            }
            self.breaks = 0;
            self.space = false;
            self.bullet = false;
            self.out.push(ch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::PayPeriod;

    fn posting(text: &str) -> PagePosting {
        match read(text) {
            Page::Posting(posting) => posting,
            other => panic!("no posting in {text}: {other:?}"),
        }
    }

    #[test]
    fn markup_becomes_paragraphs_lines_and_list_items() {
        let text = html_text(
            "<p>Reviews <b>inpatient</b>&nbsp;records.</p><p>Requirements:</p>\
             <ul><li>RHIT or RHIA required</li><li>CCS&nbsp;preferred</li></ul>\
             <p>Days<br>Mon&ndash;Fri</p><p></p><p>  </p><div><div>End</div></div>",
        );
        assert_eq!(
            text,
            "Reviews inpatient records.\n\nRequirements:\n\n- RHIT or RHIA required\n\
             - CCS preferred\n\nDays\nMon\u{2013}Fri\n\nEnd"
        );
    }

    #[test]
    fn entity_encoded_markup_is_decoded_then_read() {
        assert_eq!(
            html_text("&lt;p&gt;Coding &amp;amp; audits&lt;/p&gt;&lt;ul&gt;&lt;li&gt;CCS&lt;/li&gt;&lt;/ul&gt;"),
            "Coding & audits\n\n- CCS"
        );
        assert_eq!(html_text("5 &lt; 6 and plain"), "5 < 6 and plain");
    }

    #[test]
    fn graph_references_arrays_and_iri_types_are_followed() {
        let page = r##"<html><head><link rel="canonical" href="https://jobs.example/42">
            <script type="application/ld+json">{ not json }</script>
            <script type="application/ld+json">[{"@type":"WebSite"},{"@graph":[
              {"@type":"Organization","@id":"#org","name":"Mercy &amp; Health"},
              {"@type":["http://schema.org/JobPosting","Thing"],"title":"Coder",
               "hiringOrganization":{"@id":"#org"},
               "jobLocation":[{"@type":"Place","address":"Dayton, OH"}],
               "jobLocationType":["TELECOMMUTE"],
               "baseSalary":{"@type":"MonetaryAmount","value":{"@type":"QuantitativeValue",
                 "minValue":"24.504","maxValue":31,"unitText":"HOUR"}},
               "datePosted":"2026-11-20T08:00:00-05:00","validThrough":"2026-12-15",
               "employmentType":["SEASONAL","PART_TIME"]}]}]</script></head></html>"##;
        let found = posting(page);
        assert_eq!(found.org.as_deref(), Some("Mercy & Health"));
        assert_eq!(found.title.as_deref(), Some("Coder"));
        assert_eq!(found.url.as_deref(), Some("https://jobs.example/42"));
        assert_eq!(found.location.as_deref(), Some("Dayton, OH"));
        assert_eq!(found.work_mode, Some(WorkMode::Remote));
        assert_eq!(
            found.salary,
            PageSalary::Kept(Salary {
                min: 24.5,
                max: 31.0,
                period: PayPeriod::Hour
            })
        );
        assert_eq!(found.posted_on, NaiveDate::from_ymd_opt(2026, 11, 20));
        assert_eq!(found.closes_on, NaiveDate::from_ymd_opt(2026, 12, 15));
        assert_eq!(found.employment_type, Some(EmploymentType::PartTime));
    }

    #[test]
    fn raw_line_breaks_and_cdata_in_a_block_are_read() {
        let page = "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"JobPosting\",\
                    \"title\":\"Clerk\",\"description\":\"line 1\nline 2\"}\n//]]></script>";
        let found = posting(page);
        assert_eq!(found.description.as_deref(), Some("line 1\nline 2"));
    }

    #[test]
    fn salaries_outside_the_rule_are_dropped_or_refused() {
        let with = |salary: &str| {
            posting(&format!(
                r#"{{"@type":"JobPosting","title":"T","baseSalary":{salary}}}"#
            ))
        };
        let day = with(r#"{"value":{"value":250,"unitText":"DAY"}}"#);
        assert_eq!(day.salary, PageSalary::None);
        assert!(day.notes[0].contains("per day"), "{:?}", day.notes);
        assert!(matches!(
            with(r#"{"value":{"minValue":45,"maxValue":50,"unitText":"YEAR"}}"#).salary,
            PageSalary::Refused(_)
        ));
        assert_eq!(
            with(r#"{"value":"$52,000"}"#).salary,
            PageSalary::Kept(Salary {
                min: 52000.0,
                max: 52000.0,
                period: PayPeriod::Year
            })
        );
        assert_eq!(with(r#"{"value":{"value":0}}"#).salary, PageSalary::None);
    }

    #[test]
    fn a_page_without_a_posting_gives_its_visible_text() {
        let page = "<html><head><title>T</title><style>p{}</style></head><body><nav>Home</nav>\
                    <h1>Coder</h1><script>var x;</script><p>RHIT required.</p></body></html>";
        assert_eq!(
            read(page),
            Page::NoPosting {
                text: Some("Coder\n\nRHIT required.".into())
            }
        );
        assert_eq!(
            read("{\"@type\":\"Product\"}"),
            Page::NoPosting { text: None }
        );
    }

    #[test]
    fn deep_markup_and_json_do_not_overflow() {
        let deep = "<div>".repeat(5_000) + "x";
        assert_eq!(html_text(&deep), "x");
        let nested = "[".repeat(5000) + &"]".repeat(5000);
        assert_eq!(
            read(&nested),
            Page::NoPosting {
                text: Some(nested.clone())
            }
        );
    }
}
