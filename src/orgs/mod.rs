//! The `org` noun: organizations (employers, schools, chapters, volunteer
//! sites), found by name without regard to case and created on first use.

mod detail;
mod merge;

pub use detail::{
    detail, organization_from_row, require, OrgDetail, Organization, Shift, ORGANIZATION_COLUMNS,
};

use clap::Subcommand;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::ctx::Ctx;
use crate::db::Access;
use crate::error::{Error, Result};
use crate::output::Tone;

const ORG_EXAMPLES: &str = "\
Examples:
  jobtrack org show \"Mercy Health\"
  jobtrack org join \"Ohio AHIMA\" --since 2026-01-15 --renews 2027-01-15
  jobtrack org rename \"Mercy Hosp\" \"Mercy Health\"
  jobtrack org rm \"Typo Clinic\"";

/// `jobtrack org …`
#[derive(Debug, Subcommand)]
#[command(after_help = ORG_EXAMPLES)]
pub enum OrgCommand {
    /// List organizations with how many applications and contacts each has
    List,
    /// Show an organization with everything that points at it
    #[command(
        after_help = "Examples:\n  jobtrack org show \"Mercy Health\"\n  jobtrack --json org show \"mercy health\""
    )]
    Show {
        /// The organization (any case)
        name: String,
    },
    /// Record (or update) your membership of an association
    #[command(
        after_help = "Examples:\n  jobtrack org join \"Ohio AHIMA\" --since 2026-01-15 --renews 2027-01-15\n  jobtrack org join \"HIMSS Central Ohio\"\n  jobtrack org join \"Ohio AHIMA\" --renews 2028-01-15"
    )]
    Join {
        /// The association (created on first use; any case matches)
        name: String,
        /// Member since [default for a new membership: today]
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        since: Option<String>,
        /// When the membership renews
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        renews: Option<String>,
        /// Notes ('-' reads standard input)
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Rename an organization, or merge it into another that has the new name
    #[command(
        after_help = "Examples:\n  jobtrack org rename \"mercy health\" \"Mercy Health\"\n  jobtrack org rename \"Mercy Hosp\" \"Mercy Health\"   (merges when Mercy Health exists)"
    )]
    Rename {
        /// The current name (any case)
        old: String,
        /// The new name; when an organization has it already, OLD is merged into it
        new: String,
    },
    /// Delete an organization nothing refers to
    #[command(after_help = "Example:\n  jobtrack org rm \"Typo Clinic\"")]
    Rm {
        /// The organization (any case)
        name: String,
    },
}

/// Runs an `org` subcommand.
pub fn run(ctx: &Ctx, command: OrgCommand) -> Result<()> {
    match command {
        OrgCommand::List => list(ctx),
        OrgCommand::Show { name } => detail::show(ctx, &name),
        OrgCommand::Join {
            name,
            since,
            renews,
            note,
        } => detail::join(ctx, &name, since, renews, note),
        OrgCommand::Rename { old, new } => merge::rename(ctx, &old, &new),
        OrgCommand::Rm { name } => merge::remove(ctx, &name),
    }
}

/// An organization as `org list` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OrgSummary {
    #[serde(flatten)]
    pub organization: Organization,
    pub applications: i64,
    pub contacts: i64,
}

/// An organization name as stored: trimmed, inner whitespace collapsed.
pub fn normalize(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id and stored spelling of the organization called `name` (any case).
pub fn find(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, name FROM organizations WHERE name = ?1")?
        .query_row([normalize(name)], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Finds the organization called `name` or creates it; returns its id, its
/// stored spelling (the first spelling is kept) and whether it is new.
pub fn find_or_create(
    conn: &Connection,
    field: &str,
    name: &str,
    timestamp: &str,
) -> Result<(i64, String, bool)> {
    let clean = normalize(name);
    if clean.is_empty() {
        return Err(Error::Input(format!("{field} cannot be empty")));
    }
    if clean == "-" {
        return Err(Error::Input(format!(
            "{field} cannot be '-': organization names are not read from standard input; type the name"
        )));
    }
    if let Some((id, stored)) = find(conn, &clean)? {
        return Ok((id, stored, false));
    }
    conn.prepare_cached("INSERT INTO organizations (name, created_at) VALUES (?1, ?2)")?
        .execute(params![clean, timestamp])?;
    Ok((conn.last_insert_rowid(), clean, true))
}

/// `find_or_create` for commands a person types: when the name is new and
/// close to one already known (a typo, say), a note on standard error names
/// the close ones and how to merge. Bulk imports use `find_or_create`.
pub fn find_or_create_noting(
    ctx: &Ctx,
    conn: &Connection,
    field: &str,
    name: &str,
    timestamp: &str,
) -> Result<(i64, String, bool)> {
    let (id, stored, created) = find_or_create(conn, field, name, timestamp)?;
    if created {
        let close: Vec<String> = suggestions(conn, &stored)?
            .into_iter()
            .filter(|n| *n != stored)
            .collect();
        if let Some(first) = close.first() {
            ctx.out.notice(format!(
                "new organization {stored:?}; did you mean {}? (merge with: jobtrack org rename {stored:?} {first:?})",
                quote_list(&close)
            ));
        }
    }
    Ok((id, stored, created))
}

/// The names closest to `name` (case-insensitive edit distance, or one
/// containing the other), best first, at most three.
pub fn suggestions(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let wanted = normalize(name).to_lowercase();
    let mut statement = conn.prepare_cached("SELECT name FROM organizations")?;
    let mut scored: Vec<(usize, String)> = statement
        .query_map([], |r| r.get::<_, String>(0))?
        .filter_map(|r| r.ok())
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance = edit_distance(&wanted, &lower);
            // Short names are acronyms (AHIMA, OHIMA, HIMSS): one letter
            // apart is a different association, not a typo.
            let short = wanted.chars().count() < 6 || lower.chars().count() < 6;
            let close = !short && distance <= (wanted.chars().count() / 3).max(2);
            // Containment counts only for names of some length: a one-letter
            // organization is inside almost any typo.
            let contains = wanted.chars().count() >= 3
                && lower.chars().count() >= 3
                && (lower.contains(&wanted) || wanted.contains(&lower));
            (close || contains).then_some((if contains { 0 } else { distance }, candidate))
        })
        .collect();
    scored.sort();
    Ok(scored.into_iter().take(3).map(|(_, n)| n).collect())
}

/// Says on standard error that no organization has this name, with the
/// closest names. Filters call this and print nothing on standard output.
pub fn report_unknown(ctx: &Ctx, conn: &Connection, name: &str) -> Result<()> {
    let close = suggestions(conn, name)?;
    if close.is_empty() {
        ctx.out
            .notice(format!("no organization named {:?}", normalize(name)));
    } else {
        ctx.out.notice(format!(
            "no organization named {:?}; did you mean {}?",
            normalize(name),
            quote_list(&close)
        ));
    }
    Ok(())
}

/// The error for a command that needs an existing organization.
pub fn unknown_error(conn: &Connection, name: &str) -> Result<Error> {
    let close = suggestions(conn, name)?;
    let hint = if close.is_empty() {
        " (see 'jobtrack org list')".to_string()
    } else {
        format!("; did you mean {}?", quote_list(&close))
    };
    Ok(Error::NotFound(format!(
        "no organization named {:?}{hint}",
        normalize(name)
    )))
}

fn quote_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(" or ")
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

fn list(ctx: &Ctx) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let mut statement = conn.prepare(&format!(
        "SELECT {ORGANIZATION_COLUMNS},
                (SELECT count(*) FROM applications a WHERE a.org_id = o.id),
                (SELECT count(*) FROM contacts c WHERE c.org_id = o.id)
         FROM organizations o ORDER BY o.name COLLATE NOCASE"
    ))?;
    let rows = statement
        .query_map([], |r| {
            Ok(OrgSummary {
                organization: organization_from_row(r)?,
                applications: r.get(6)?,
                contacts: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if ctx.out.json {
        return ctx.out.print_json(&rows);
    }
    if rows.is_empty() {
        return ctx
            .out
            .line("No organizations yet; 'jobtrack app add ORG TITLE' creates one.");
    }
    let mut table = ctx
        .out
        .table(["Organization", "Location", "Applications", "Contacts"]);
    for org in &rows {
        table.add_row(vec![
            ctx.out.cell(&org.organization.name, Tone::Plain),
            ctx.out.cell(
                org.organization.location.as_deref().unwrap_or(""),
                Tone::Plain,
            ),
            ctx.out.number(org.applications),
            ctx.out.number(org.contacts),
        ]);
    }
    ctx.out.print_table(&table)
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
