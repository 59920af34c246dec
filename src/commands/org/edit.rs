//! `org edit` (website, location, notes) and `org leave` (the membership).

use clap::{Args, ValueEnum};

use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::input::{check_edit_options, edited_notes, kept};
use crate::orgs;

/// `org edit` arguments.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  jobtrack org edit \"Mercy Health\" --website https://mercy.example --location \"Columbus, OH\"\n  jobtrack org edit \"Mercy Health\" --note \"HR prefers email\"     (appended, dated)\n  jobtrack org edit \"Mercy Health\" --replace-note \"Hiring freeze until March\""
)]
pub struct EditArgs {
    /// The organization (any case)
    pub name: String,
    /// Its website
    #[arg(long, value_name = "URL")]
    pub website: Option<String>,
    /// Where it is
    #[arg(long, value_name = "L")]
    pub location: Option<String>,
    /// A note, added to the notes as a dated line ('-' reads standard input)
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        conflicts_with = "replace_note"
    )]
    pub note: Option<String>,
    /// Replace the notes with this text
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub replace_note: Option<String>,
    /// Empty a field (repeat for more)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
}

/// What `org edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ClearField {
    Website,
    Location,
    Notes,
}

/// Changes an organization's website, location or notes.
pub fn edit(ctx: &Ctx, args: EditArgs) -> Result<()> {
    check_edit_options(
        &[
            (ClearField::Website, args.website.is_some(), "--website"),
            (ClearField::Location, args.location.is_some(), "--location"),
            (
                ClearField::Notes,
                args.note.is_some() || args.replace_note.is_some(),
                "--note",
            ),
        ],
        &args.clear,
        false,
        || {
            format!(
                "nothing to change for {:?}; give --website, --location, --note, --replace-note or --clear",
                args.name
            )
        },
    )?;
    let website = ctx.text("--website", args.website)?;
    let location = ctx.text("--location", args.location)?;
    let note = ctx.text("--note", args.note)?;
    let replace = ctx.text("--replace-note", args.replace_note)?;
    let today = ctx.today()?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let org = orgs::require(&tx, &args.name)?;
    let cleared = |field| args.clear.contains(&field);
    let notes = if cleared(ClearField::Notes) {
        None
    } else {
        edited_notes(
            org.notes.as_deref(),
            note.as_deref(),
            replace.as_deref(),
            today,
        )
    };
    orgs::store::update_details(
        &tx,
        org.id,
        kept(cleared(ClearField::Website), website, org.website.clone()).as_deref(),
        kept(
            cleared(ClearField::Location),
            location,
            org.location.clone(),
        )
        .as_deref(),
        notes.as_deref(),
    )?;
    let record = orgs::require(&tx, &org.name)?;
    db::commit(tx)?;
    let message = format!("Changed organization {:?}", org.name);
    ctx.out.written(org.id, &message, || Ok(record))
}

/// Ends the user's membership of an organization (the organization stays).
pub fn leave(ctx: &Ctx, name: &str) -> Result<()> {
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let org = orgs::require(&tx, name)?;
    if !orgs::store::delete_membership(&tx, org.id)? {
        return Err(Error::Input(format!(
            "you hold no membership of {:?} ('jobtrack org join' records one)",
            org.name
        )));
    }
    db::commit(tx)?;
    ctx.out.written(
        org.id,
        &format!("Removed your membership of {:?}", org.name),
        || Ok(serde_json::json!({"id": org.id, "removed": true})),
    )
}
