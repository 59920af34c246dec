//! The résumé and cover letter an application was sent with: `app add|edit
//! --resume DOC --cover-letter DOC` and `app edit --clear resume|cover_letter`.

use rusqlite::Connection;

use super::{ClearField, Details};
use crate::applications::store;
use crate::ctx::Ctx;
use crate::documents::{self, DocKind, DOCUMENT};
use crate::error::Result;
use crate::input::kept;

/// The documents `--resume` and `--cover-letter` named, as ids.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sent {
    pub resume: Option<i64>,
    pub cover_letter: Option<i64>,
}

impl Sent {
    fn any(self) -> bool {
        self.resume.is_some() || self.cover_letter.is_some()
    }
}

/// Resolves `--resume` and `--cover-letter` (ids or names) before anything
/// is written.
pub(super) fn resolve(ctx: &Ctx, details: &Details) -> Result<Sent> {
    Ok(Sent {
        resume: ctx.opt_reference(&DOCUMENT, "--resume", details.resume.as_deref())?,
        cover_letter: ctx.opt_reference(
            &DOCUMENT,
            "--cover-letter",
            details.cover_letter.as_deref(),
        )?,
    })
}

/// Checks that each named document exists; a résumé given as the cover
/// letter (or the other way round) is linked with a warning, since the
/// kind is the user's label, not a rule. `other` documents link silently.
fn check(ctx: &Ctx, conn: &Connection, sent: Sent) -> Result<()> {
    let roles = [
        (sent.resume, "--resume", DocKind::CoverLetter, "résumé"),
        (
            sent.cover_letter,
            "--cover-letter",
            DocKind::Resume,
            "cover letter",
        ),
    ];
    for (id, field, unlikely, role) in roles {
        let Some(id) = id else { continue };
        let document = documents::store::require(conn, id, field)?;
        if document.kind == unlikely {
            ctx.out.warning(format!(
                "document {id} ({}) is a {}; linked as the {role} all the same",
                document.name,
                unlikely.words()
            ));
        }
    }
    Ok(())
}

/// Links the documents named on `app add` to the new application.
pub(super) fn link_new(
    ctx: &Ctx,
    conn: &Connection,
    id: i64,
    sent: &Sent,
    timestamp: &str,
) -> Result<()> {
    if !sent.any() {
        return Ok(());
    }
    check(ctx, conn, *sent)?;
    store::set_documents_sent(conn, id, sent.resume, sent.cover_letter, timestamp)
}

/// Applies `app edit`'s `--resume`, `--cover-letter` and their `--clear`.
pub(super) fn link_edited(
    ctx: &Ctx,
    conn: &Connection,
    id: i64,
    sent: &Sent,
    clear: &[ClearField],
    timestamp: &str,
) -> Result<()> {
    let cleared = |field| clear.contains(&field);
    if !sent.any() && !cleared(ClearField::Resume) && !cleared(ClearField::CoverLetter) {
        return Ok(());
    }
    check(ctx, conn, *sent)?;
    let (resume, cover_letter) = store::documents_sent(conn, id)?;
    store::set_documents_sent(
        conn,
        id,
        kept(cleared(ClearField::Resume), sent.resume, resume),
        kept(
            cleared(ClearField::CoverLetter),
            sent.cover_letter,
            cover_letter,
        ),
        timestamp,
    )
}
