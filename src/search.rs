//! `jobtrack search QUERY…`: full-text search over everything typed into
//! jobtrack (applications, history notes, contacts, interactions, events,
//! organizations, document names), through the FTS5 index the schema keeps
//! in step (`db::search_index`). What people type becomes an FTS5 query
//! that cannot fail (`fts_query`); the hits come back grouped by kind, best
//! match first, each with what it belongs to and a snippet.

use clap::Args;
use rusqlite::Connection;
use serde::Serialize;

use crate::ctx::Ctx;
use crate::db::search_index::KINDS;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::output::{count_of, Tone};

/// `jobtrack search`.
#[derive(Debug, Args)]
#[command(
    after_help = "Query:\n  Words are all required, in any order; accents and case do not matter\n  (resume finds résumé). \"Quoted words\" must stand together; a trailing *\n  matches the start of a word ('cod*' finds coder, coding; quote it, or the\n  shell may take it for file names). AND, OR, NOT and NEAR are searched as\n  plain words.\n\nExamples:\n  jobtrack search epic\n  jobtrack search \"St. Luke's\" coder\n  jobtrack search '\"release of information\"' --all\n  jobtrack search 'transcr*' --limit 5 --json"
)]
pub struct SearchArgs {
    /// What to look for: words, "phrases" and prefix* words
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// At most N results of each kind [default: 20]
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<i64>,
    /// Every result
    #[arg(long)]
    pub all: bool,
}

/// Results of each kind shown unless `--limit` or `--all` says otherwise.
const DEFAULT_LIMIT: i64 = 20;

/// The marks `snippet` puts around a match (never shown: human output
/// paints the match, JSON leaves it unmarked).
const MATCH_START: char = '\u{2}';
const MATCH_END: char = '\u{3}';

/// One hit, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Hit {
    /// What was found: application, history, contact, interaction, event,
    /// organization or document.
    pub kind: &'static str,
    /// Its id (a history entry's is the ENTRY_ID of `app history`).
    pub id: i64,
    /// The application it is or belongs to.
    pub application_id: Option<i64>,
    /// The contact it is or belongs to.
    pub contact_id: Option<i64>,
    /// What it is, in words (`Coder at Mercy Health`, a name).
    pub title: String,
    /// The text around the match, without marks.
    pub snippet: String,
    /// The snippet with the matched words between `MATCH_START` and
    /// `MATCH_END`.
    #[serde(skip)]
    marked: String,
    /// How many hits of this kind there are in all.
    #[serde(skip)]
    of_kind: i64,
}

/// `jobtrack search QUERY… [--limit N | --all]`.
pub fn run(ctx: &Ctx, args: &SearchArgs) -> Result<()> {
    if let Some(n) = args.limit.filter(|n| *n < 1) {
        return Err(Error::invalid(
            "--limit",
            n.to_string(),
            "a whole number of at least 1",
        ));
    }
    let query = fts_query(&args.query.join(" "))?;
    let limit = match (args.all, args.limit) {
        (true, _) => i64::MAX,
        (false, Some(n)) => n,
        (false, None) => DEFAULT_LIMIT,
    };
    let conn = ctx.open(Access::Existing)?;
    let hits = find(&conn, &query, limit)?;
    if ctx.out.json {
        return ctx.out.print_json(&hits);
    }
    if hits.is_empty() {
        let typed = args.query.join(" ");
        ctx.out.notice(format!("nothing matches {}", typed.trim()));
        if let Some(hint) = operator_hint(&typed) {
            ctx.out.notice(hint);
        }
        return Ok(());
    }
    print_hits(ctx, &hits, limit)
}

/// When a search found nothing and its words include AND, OR, NOT or NEAR
/// in capitals (what other search boxes take as operators), a reminder
/// that here they are words that must be there too.
fn operator_hint(typed: &str) -> Option<String> {
    let mut operators: Vec<&str> = Vec::new();
    for word in typed.split(|c: char| c.is_whitespace() || c == '"') {
        if matches!(word, "AND" | "OR" | "NOT" | "NEAR") && !operators.contains(&word) {
            operators.push(word);
        }
    }
    let (last, first) = operators.split_last()?;
    let named = if first.is_empty() {
        format!("{last} is a word to find here, not an operator")
    } else {
        format!(
            "{} and {last} are words to find here, not operators",
            first.join(", ")
        )
    };
    Some(format!(
        "{named}: every word must be there; search for each alternative on its own"
    ))
}

/// The FTS5 query for what was typed (DESIGN §10.9): each unquoted word
/// becomes a phrase of its own tokens (so `St. Luke's` or `e-mail` never
/// fails), a trailing `*` makes it a prefix, a double-quoted run is one
/// phrase, and AND, OR, NOT and NEAR are words like any other. Words with
/// nothing to search for (punctuation alone) are left out. Only an
/// unbalanced quote or a query with no words is refused.
pub fn fts_query(typed: &str) -> Result<String> {
    let mut phrases: Vec<String> = Vec::new();
    let mut rest = typed;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let (text, after) = if let Some(inside) = rest.strip_prefix('"') {
            let end = inside.find('"').ok_or_else(|| {
                Error::Input(format!(
                    "the search query has a quote that is not closed: {}; end the phrase with \" \
                     (or leave the quotes out)",
                    typed.trim()
                ))
            })?;
            (&inside[..end], &inside[end + 1..])
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        let stars = after.len() - after.trim_start_matches('*').len();
        rest = &after[stars..];
        let bare = text.trim_end_matches('*');
        let prefix = stars > 0 || bare.len() < text.len();
        if bare.chars().any(char::is_alphanumeric) {
            let phrase = format!("\"{}\"", bare.replace('"', "\"\""));
            phrases.push(if prefix { phrase + " *" } else { phrase });
        }
    }
    if phrases.is_empty() {
        return Err(Error::Input(
            "the search query is empty: give a word to look for (letters or digits)".into(),
        ));
    }
    Ok(phrases.join(" "))
}

/// The search: the best `?2` hits of each kind for the FTS5 query `?1`,
/// ranked by bm25 (a match in a name or title counts four times one in
/// notes), with what each belongs to, a title and a snippet. Snippets are
/// made only for the hits kept.
pub const SEARCH_SQL: &str = "
WITH scored AS (
    SELECT rowid AS key, bm25(search_index, 4.0, 1.0) AS score
    FROM search_index WHERE search_index MATCH ?1
), ranked AS (
    SELECT key, row_number() OVER win AS place, count(*) OVER (PARTITION BY key % 8) AS of_kind
    FROM scored
    WINDOW win AS (PARTITION BY key % 8 ORDER BY score, key)
), kept AS (
    SELECT r.key, r.place, r.of_kind, r.key % 8 AS kind, r.key / 8 AS id,
           snippet(search_index, -1, char(2), char(3), '…', 12) AS snippet
    FROM ranked r JOIN search_index ON search_index.rowid = r.key
    WHERE r.place <= ?2 AND search_index MATCH ?1
)
SELECT k.kind, k.id,
       CASE k.kind WHEN 1 THEN k.id WHEN 2 THEN e.application_id END,
       CASE k.kind WHEN 3 THEN k.id WHEN 4 THEN i.contact_id END,
       CASE k.kind
           WHEN 1 THEN a.title || ' at ' || o.name
           WHEN 2 THEN ea.title || ' at ' || eo.name || ', ' || e.date
           WHEN 3 THEN c.name
           WHEN 4 THEN ic.name || ', ' || i.date
           WHEN 5 THEN v.title || ', ' || v.date
           WHEN 6 THEN g.name
           WHEN 7 THEN d.name
       END,
       k.snippet, k.of_kind
FROM kept k
LEFT JOIN applications a ON k.kind = 1 AND a.id = k.id
LEFT JOIN organizations o ON o.id = a.org_id
LEFT JOIN application_events e ON k.kind = 2 AND e.id = k.id
LEFT JOIN applications ea ON ea.id = e.application_id
LEFT JOIN organizations eo ON eo.id = ea.org_id
LEFT JOIN contacts c ON k.kind = 3 AND c.id = k.id
LEFT JOIN interactions i ON k.kind = 4 AND i.id = k.id
LEFT JOIN contacts ic ON ic.id = i.contact_id
LEFT JOIN events v ON k.kind = 5 AND v.id = k.id
LEFT JOIN organizations g ON k.kind = 6 AND g.id = k.id
LEFT JOIN documents d ON k.kind = 7 AND d.id = k.id
ORDER BY k.kind, k.place";

/// The hits for an FTS5 query, at most `limit` of each kind.
pub fn find(conn: &Connection, query: &str, limit: i64) -> Result<Vec<Hit>> {
    let mut statement = conn.prepare(SEARCH_SQL)?;
    let rows = statement.query_map(rusqlite::params![query, limit], |r| {
        let kind: i64 = r.get(0)?;
        let marked: String = r.get::<_, Option<String>>(5)?.unwrap_or_default();
        Ok(Hit {
            kind: usize::try_from(kind)
                .ok()
                .and_then(|k| KINDS.get(k))
                .copied()
                .unwrap_or("unknown"),
            id: r.get(1)?,
            application_id: r.get(2)?,
            contact_id: r.get(3)?,
            title: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            snippet: marked.replace([MATCH_START, MATCH_END], ""),
            marked,
            of_kind: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The heading of a kind's group and how one of its hits is referred to.
fn kind_words(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "application" => ("Applications", "app"),
        "history" => ("History notes", "entry"),
        "contact" => ("Contacts", "contact"),
        "interaction" => ("Interactions", "interaction"),
        "event" => ("Events", "event"),
        "organization" => ("Organizations", "org"),
        "document" => ("Documents", "doc"),
        _ => ("Other", "row"),
    }
}

/// How a hit is referred to: `app 14`, `entry 31 (app 14)`.
fn reference(hit: &Hit) -> String {
    let (_, noun) = kind_words(hit.kind);
    match (hit.kind, hit.application_id, hit.contact_id) {
        ("history", Some(app), _) => format!("{noun} {} (app {app})", hit.id),
        ("interaction", _, Some(contact)) => format!("{noun} {} (contact {contact})", hit.id),
        _ => format!("{noun} {}", hit.id),
    }
}

/// Lines too wide for a terminal are cut to fit it; off one, to this
/// (`--wide` prints them whole).
const PLAIN_WIDTH: usize = 80;

/// The hits for a person: a heading per kind (with how many there are in
/// all when some are left out), then each hit's reference and title, and
/// its snippet below with the match highlighted, each line cut to fit.
fn print_hits(ctx: &Ctx, hits: &[Hit], limit: i64) -> Result<()> {
    let out = &ctx.out;
    let width = match (out.width, out.wide) {
        (Some(width), _) => width,
        (None, true) => usize::MAX,
        (None, false) => PLAIN_WIDTH,
    };
    let mut current = "";
    for hit in hits {
        if hit.kind != current {
            current = hit.kind;
            let shown = hits.iter().filter(|h| h.kind == current).count() as i64;
            let (heading, _) = kind_words(current);
            let count = if hit.of_kind > shown {
                format!("{shown} of {}", hit.of_kind)
            } else {
                shown.to_string()
            };
            out.line(out.heading(&format!("{heading} ({count})")))?;
        }
        let label = reference(hit);
        let room = width.saturating_sub(label.chars().count() + 4);
        let title = out.marked(&hit.title, MATCH_START, MATCH_END, Tone::Plain, room);
        out.line(format!("  {label}  {title}"))?;
        let snippet = out.marked(
            &hit.marked,
            MATCH_START,
            MATCH_END,
            Tone::Active,
            width.saturating_sub(SNIPPET_INDENT),
        );
        out.line(format!("{:SNIPPET_INDENT$}{snippet}", ""))?;
    }
    if hits.iter().any(|h| h.of_kind > limit) {
        out.notice(format!(
            "showing at most {} of each kind; --limit N or --all shows more",
            count_of(limit, "result", "results")
        ));
    }
    Ok(())
}

/// How far a snippet stands in under its hit's title.
const SNIPPET_INDENT: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_becomes_a_phrase_of_its_tokens() {
        assert_eq!(fts_query("epic").unwrap(), "\"epic\"");
        assert_eq!(
            fts_query("St. Luke's e-mail").unwrap(),
            "\"St.\" \"Luke's\" \"e-mail\""
        );
        assert_eq!(
            fts_query("a OR b NOT c").unwrap(),
            "\"a\" \"OR\" \"b\" \"NOT\" \"c\""
        );
        assert_eq!(fts_query("cod*").unwrap(), "\"cod\" *");
        assert_eq!(
            fts_query("\"release of information\" roi").unwrap(),
            "\"release of information\" \"roi\""
        );
        assert_eq!(fts_query("\"health info\"*").unwrap(), "\"health info\" *");
        assert_eq!(fts_query("coder - & *").unwrap(), "\"coder\"");
        assert_eq!(fts_query("NEAR(a b)").unwrap(), "\"NEAR(a\" \"b)\"");
    }

    #[test]
    fn only_an_open_quote_or_nothing_to_find_is_refused() {
        assert!(fts_query("\"open phrase").is_err());
        assert!(fts_query("   ").is_err());
        assert!(fts_query("- * &").is_err());
        assert!(fts_query("\"\"").is_err());
    }
}
