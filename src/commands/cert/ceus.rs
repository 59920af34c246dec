//! `cert ceus`, `cert ceu-edit`, `cert ceu-rm`: the CEU entries one at a
//! time, so hours typed as 50 instead of 5 can be corrected.

use clap::{Args, ValueEnum};

use super::code_arg;
use crate::credentials::ceus;
use crate::ctx::Ctx;
use crate::db::{self, Access};
use crate::error::Result;
use crate::input::{check_edit_options, kept, parse_hours};
use crate::output::{hours, Tone};

/// `cert ceu-edit` arguments.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  jobtrack cert ceu-edit 12 --hours 5\n  jobtrack cert ceu-edit 12 --on 2026-11-02 --provider AHIMA"
)]
pub struct CeuEditArgs {
    /// The entry id (see 'jobtrack cert ceus')
    pub id: i64,
    /// Hours: more than 0, at most 2 decimals
    #[arg(long, value_name = "HOURS", allow_hyphen_values = true)]
    pub hours: Option<String>,
    /// When (not after today)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub on: Option<String>,
    /// What it was
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub title: Option<String>,
    /// Who gave it
    #[arg(long, value_name = "P", allow_hyphen_values = true)]
    pub provider: Option<String>,
    /// Empty a field (repeat for more)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub clear: Vec<ClearField>,
}

/// What `cert ceu-edit --clear` can empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ClearField {
    Title,
    Provider,
}

/// Lists CEU entries with their ids, newest first.
pub(super) fn list(ctx: &Ctx, code: Option<String>) -> Result<()> {
    let code = code.as_deref().map(code_arg).transpose()?;
    let conn = ctx.open(Access::Existing)?;
    let rows = ceus::list(&conn, code.as_deref())?;
    let out = &ctx.out;
    if out.json {
        return out.print_json(&rows);
    }
    if rows.is_empty() {
        return out.line("No CEUs logged yet; 'jobtrack cert ceu CODE HOURS' logs some.");
    }
    let mut table = out.table(["Entry", "Date", "Credential", "Hours", "Title", "Provider"]);
    for ceu in &rows {
        table.add_row(vec![
            out.number(ceu.id),
            out.cell(ceu.date, Tone::Plain),
            out.cell(&ceu.code, Tone::Plain),
            out.number(hours(ceu.hours)),
            out.cell(ceu.title.as_deref().unwrap_or(""), Tone::Plain),
            out.cell(ceu.provider.as_deref().unwrap_or(""), Tone::Plain),
        ]);
    }
    out.print_table(&table)
}

/// Corrects one CEU entry.
pub(super) fn edit(ctx: &Ctx, args: CeuEditArgs) -> Result<()> {
    check_edit_options(
        &[
            (ClearField::Title, args.title.is_some(), "--title"),
            (ClearField::Provider, args.provider.is_some(), "--provider"),
        ],
        &args.clear,
        args.hours.is_some() || args.on.is_some(),
        || {
            format!(
                "nothing to change for CEU entry {}; give --hours, --on, --title, --provider or --clear",
                args.id
            )
        },
    )?;
    let amount = args
        .hours
        .as_deref()
        .map(|h| parse_hours("--hours", h, None))
        .transpose()?;
    let date = args
        .on
        .as_deref()
        .map(|on| ctx.past_date("--on", Some(on)))
        .transpose()?;
    let title = ctx.text("--title", args.title)?;
    let provider = ctx.text("--provider", args.provider)?;
    let mut conn = ctx.open(Access::Create)?;
    let tx = db::write(&mut conn)?;
    let mut ceu = ceus::require(&tx, args.id)?;
    let cleared = |field| args.clear.contains(&field);
    ceu.hours = amount.unwrap_or(ceu.hours);
    ceu.date = date.unwrap_or(ceu.date);
    ceu.title = kept(cleared(ClearField::Title), title, ceu.title);
    ceu.provider = kept(cleared(ClearField::Provider), provider, ceu.provider);
    ceus::update(&tx, &ceu)?;
    db::commit(tx)?;
    let message = format!(
        "Changed CEU entry {}: {} {} for {} on {}",
        ceu.id,
        hours(ceu.hours),
        if ceu.hours == 1.0 { "hour" } else { "hours" },
        ceu.code,
        ceu.date
    );
    ctx.out.written(ceu.id, &message, || Ok(ceu.clone()))
}

/// Removes one CEU entry.
pub(super) fn remove(ctx: &Ctx, id: i64) -> Result<()> {
    ctx.remove(id, |tx| {
        let ceu = ceus::require(tx, id)?;
        ceus::delete(tx, id)?;
        Ok(format!(
            "Removed CEU entry {id}: {} for {} on {}",
            hours(ceu.hours),
            ceu.code,
            ceu.date
        ))
    })
}
