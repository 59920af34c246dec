//! `jobtrack doc …`: the résumés, cover letters and other files kept with
//! the search, stored whole in the database (the same bytes twice are one
//! document), written back out with `doc get`, and named by applications
//! (`app add|edit --resume DOC --cover-letter DOC`).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::applications;
use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::documents::store::{self, NewDocument};
use crate::documents::{self, DocKind, Document, DOCUMENT, MAX_SIZE};
use crate::error::{Error, Result};
use crate::files::{self, Limited};
use crate::input::non_empty;
use crate::output::{byte_size, count_of, shell_command, Column, Tone};

const DOC_EXAMPLES: &str = "\
Examples:
  jobtrack doc add resume-2026-11.pdf --kind resume
  jobtrack doc add mercy.docx --kind cover_letter --name \"Cover letter, Mercy\"
  jobtrack app edit 12 --resume resume-2026-11 --cover-letter mercy
  jobtrack doc list
  jobtrack doc get resume-2026-11 --out ~/Desktop/resume.pdf";

/// `jobtrack doc …`
#[derive(Debug, Subcommand)]
#[command(after_help = DOC_EXAMPLES)]
pub enum DocCommand {
    /// Keep a file (up to 20 MiB) in the database: a résumé, a cover letter, anything else
    #[command(
        after_help = "Examples:\n  jobtrack doc add resume-2026-11.pdf --kind resume\n  jobtrack doc add letter.pdf --kind cover_letter --name \"Cover letter, Mercy\"\n  pbpaste | jobtrack doc add - --name \"Thank-you note\""
    )]
    Add {
        /// The file ('-' reads standard input; then --name is required)
        #[arg(allow_hyphen_values = true)]
        file: PathBuf,
        /// What it is [default: other]
        #[arg(long, value_enum)]
        kind: Option<DocKind>,
        /// What to call it [default: the file's name]
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        name: Option<String>,
    },
    /// List the documents: kind, name, size, and how many applications name each
    #[command(after_help = "Examples:\n  jobtrack doc list\n  jobtrack --json doc list")]
    List,
    /// Write a document's bytes to a file (or to standard output with --out -)
    #[command(
        after_help = "Examples:\n  jobtrack doc get 3 --out resume.pdf\n  jobtrack doc get resume-2026-11 --out - > resume.pdf"
    )]
    Get {
        /// The document: its id, or part of its name (see 'jobtrack doc list')
        #[arg(value_name = "DOC", allow_hyphen_values = true)]
        doc: String,
        /// Where to write it (created owner-only; '-' is standard output)
        #[arg(long, value_name = "FILE", allow_hyphen_values = true)]
        out: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Delete a document (refused while an application names it, unless --force)
    #[command(after_help = "Examples:\n  jobtrack doc rm 3\n  jobtrack doc rm old-resume --force")]
    Rm {
        /// The document: its id, or part of its name (see 'jobtrack doc list')
        #[arg(value_name = "DOC", allow_hyphen_values = true)]
        doc: String,
        /// Delete it even when applications name it (they are left without it)
        #[arg(long)]
        force: bool,
    },
}

/// Runs a `doc` subcommand. DOC is resolved to an id first, so nothing is
/// written when it is ambiguous.
pub fn run(ctx: &Ctx, command: DocCommand) -> Result<()> {
    match command {
        DocCommand::Add { file, kind, name } => add(ctx, &file, kind, name),
        DocCommand::List => list(ctx),
        DocCommand::Get { doc, out, force } => {
            get(ctx, ctx.reference(&DOCUMENT, "DOC", &doc)?, &out, force)
        }
        DocCommand::Rm { doc, force } => remove(ctx, ctx.reference(&DOCUMENT, "DOC", &doc)?, force),
    }
}

/// True for the `-` that names standard input or output.
fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The document's name: `--name`, else the file's own name.
fn name_of(file: &Path, name: Option<String>) -> Result<String> {
    if let Some(name) = name {
        return non_empty(name.trim()).ok_or_else(|| {
            Error::Input("--name cannot be empty; give the name to list the document by".into())
        });
    }
    if is_dash(file) {
        return Err(Error::Input(
            "--name is required when FILE is '-' (standard input has no name)".into(),
        ));
    }
    let base = file.file_name().ok_or_else(|| {
        Error::Input(format!(
            "{} names no file; give a file, or --name",
            file.display()
        ))
    })?;
    base.to_str()
        .and_then(|n| non_empty(n.trim()))
        .ok_or_else(|| {
            Error::Input(format!(
                "the name of {} is not UTF-8 text; give the document a name with --name",
                file.display()
            ))
        })
}

/// The file's bytes, refused when over `MAX_SIZE` (read no further than
/// that) or empty.
fn read_bytes(file: &Path) -> Result<Vec<u8>> {
    let (label, read) = if is_dash(file) {
        let read = files::read_limited(std::io::stdin().lock(), MAX_SIZE)
            .map_err(|e| Error::Input(format!("cannot read standard input: {e}")))?;
        ("standard input".to_string(), read)
    } else {
        (
            file.display().to_string(),
            files::read_file_limited(file, MAX_SIZE)?,
        )
    };
    match read {
        Limited::TooBig(size) => Err(documents::too_big(&label, size)),
        Limited::Bytes(bytes) if bytes.is_empty() => Err(Error::Input(format!(
            "{label} is empty (0 bytes); a document needs content (check the file name)"
        ))),
        Limited::Bytes(bytes) => Ok(bytes),
    }
}

fn add(ctx: &Ctx, file: &Path, kind: Option<DocKind>, name: Option<String>) -> Result<()> {
    let named = name.is_some();
    let name = name_of(file, name)?;
    let bytes = read_bytes(file)?;
    let sha256 = documents::sha256_hex(&bytes);
    let added_on = ctx.today()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    if let Some(stored) = store::by_sha256(&tx, &sha256)? {
        // Nothing changes, so the undo log records nothing.
        db::commit(tx)?;
        if (named && stored.name != name) || kind.is_some_and(|kind| stored.kind != kind) {
            ctx.out.notice(format!(
                "the same bytes keep their first name and kind; rename by removing it and adding it again ('jobtrack doc rm {}')",
                stored.id
            ));
        }
        let message = format!(
            "Already stored as document {}: {}",
            stored.id,
            stored.describe()
        );
        return ctx.out.written(stored.id, &message, || Ok(stored.clone()));
    }
    let new = NewDocument {
        sha256,
        kind: kind.unwrap_or(DocKind::Other),
        name,
        added_on,
    };
    let id = store::insert(&tx, &new, &bytes)?;
    let document = store::require(&tx, id, "DOC")?;
    db::commit(tx)?;
    let message = format!("Added document {id}: {}", document.describe());
    ctx.out.written(id, &message, || Ok(document.clone()))
}

fn list(ctx: &Ctx) -> Result<()> {
    let conn = ctx.open(Access::Existing)?;
    let documents = store::list(&conn)?;
    let out = &ctx.out;
    if out.json {
        return out.print_json(&documents);
    }
    if documents.is_empty() {
        return out.line(
            "No documents yet; keep your résumé with: jobtrack doc add resume.pdf --kind resume",
        );
    }
    let mut table = out.table([
        Column::keep("ID"),
        Column::whole("Kind", 6),
        Column::text("Name", 9),
        Column::whole("Size", 7),
        Column::whole("Added", 5),
        Column::whole("Apps", 8),
    ]);
    for document in &documents {
        table.add_row(vec![
            out.number(document.id),
            out.cell(document.kind.words(), Tone::Plain),
            out.cell(&document.name, Tone::Plain),
            out.number(byte_size(document.size)),
            out.cell(document.added_on, Tone::Plain),
            out.number(document.applications),
        ]);
    }
    out.print_table(&table)
}

fn get(ctx: &Ctx, id: i64, target: &Path, force: bool) -> Result<()> {
    let db_path = ctx.db_path()?.path;
    let folder = if is_dash(target) {
        None
    } else {
        Some(files::check_target(
            target,
            force,
            &db_path,
            "the document file",
        )?)
    };
    let conn = ctx.open(Access::Existing)?;
    let document = store::require(&conn, id, "DOC")?;
    let bytes = store::content(&conn, id)?;
    drop(conn);
    let Some(folder) = folder else {
        let mut out = ctx.out.stdout_writer();
        out.write_all(&bytes).map_err(Error::output)?;
        return out.flush().map_err(Error::output);
    };
    files::write_private(target, &folder, force, |file, _| {
        file.write_all(&bytes).map_err(|e| Error::io(target, e))
    })?;
    let message = format!(
        "Wrote document {id}: {} to {}",
        document.describe(),
        target.display()
    );
    ctx.out.written(id, &message, || Ok(document.clone()))
}

fn remove(ctx: &Ctx, id: i64, force: bool) -> Result<()> {
    ctx.remove(id, |tx| {
        let document = store::require(tx, id, "DOC")?;
        let users = applications::store::using_document(tx, id)?;
        if !users.is_empty() && !force {
            return Err(in_use(&document, &users));
        }
        store::delete(tx, id)?;
        let mut message = format!("Removed document {id}: {}", document.describe());
        if !users.is_empty() {
            let ids: Vec<String> = users.iter().map(|(id, _)| id.to_string()).collect();
            message.push_str(&format!(
                "; unlinked from {} ({})",
                count_of(users.len() as i64, "application", "applications"),
                ids.join(", ")
            ));
        }
        Ok(message)
    })
}

/// The refusal of `doc rm` while applications name the document.
fn in_use(document: &Document, users: &[(i64, String)]) -> Error {
    let mut message = format!(
        "document {} ({}) is named by {}:",
        document.id,
        document.name,
        count_of(users.len() as i64, "application", "applications")
    );
    for (id, label) in users {
        message.push_str(&format!("\n  {id}  {label}"));
    }
    let id = document.id.to_string();
    message.push_str(&format!(
        "\nto delete it anyway and leave them without it: {}",
        shell_command(["jobtrack", "doc", "rm", id.as_str(), "--force"])
    ));
    Error::Input(message)
}
