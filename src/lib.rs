//! jobtrack: a local, private, scriptable job-search tracker.
//!
//! One SQLite file holds applications, contacts, volunteer hours, education,
//! experience and credentials. The modules stand in layers (ARCHITECTURE.md):
//! a module imports only its own layer's earlier members and the layers
//! below, which `tests/cli/layers.rs` checks. `run` is the whole program
//! behind `main`.

#![warn(clippy::too_many_lines)]

// The map, layer by layer (ARCHITECTURE.md has a paragraph on each). A
// module imports only its own layer's earlier members and the layers below;
// tests/cli/layers.rs checks every import of the crate against this order.

// Base: imports only the base.
pub mod error; // the one error type and its exit codes
pub mod dates; // the only clock (JOBTRACK_TODAY), date parsing, week/month spans
pub mod files; // output-target checks and the one private file writer
pub mod output; // tables, JSON, colour, CSV cells, counts, money and hours
pub mod input; // text_enum!, edit-option checks, hours/salary/code/range parsing
pub mod db; // opening, creating and upgrading the database; write transactions
pub mod ctx; // Ctx: output, database path, today, text arguments, removal

// Nouns: types and their store (the only writer of their tables).
pub mod orgs; // organizations, memberships, the organization merge
pub mod profile; // education, experience, years of experience
pub mod volunteer; // volunteer shifts
pub mod credentials; // the catalog, eligibility, certifications and CEUs
pub mod documents; // résumés, cover letters and other files, by SHA-256
pub mod network; // contacts, interactions, events
pub mod applications; // applications, their history, the status rules
pub mod goals; // goals and the metrics they count

// Features: never import each other.
pub mod commands; // each CLI noun's subcommands and combined views
pub mod reports; // reports, dashboard, agenda and ICS, the HTML page
pub mod transfer; // CSV/JSON export and import, LinkedIn
pub mod search; // full-text search over everything typed in

// Top: the whole-database commands and the command line.
pub mod maintenance; // init, demo, backup, doctor
pub mod cli; // global options, the noun enum, completions, man page

use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::output::Output;

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    stop_on_signals();
    // The undo log shows each write as the command typed. The benchmarks
    // (benches/run.py) time writes without it, on a copy without its
    // triggers; nothing else sets this variable.
    if std::env::var_os("JOBTRACK_BENCH_NO_UNDO").is_none() {
        db::undo::set_command(cli::typed_command(
            std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned()),
        ));
    }
    let ctx = Ctx::new(
        Output::new(cli.json, cli.quiet, cli.color, cli.wide),
        cli.db.clone().map(PathBuf::from),
    );
    let result = match cli.command {
        None => cli::print_overview(&ctx),
        Some(command) => dispatch(&ctx, command),
    };
    result.map_err(|e| match ctx.db_path() {
        Ok(path) => {
            // A failed command leaves no new database behind.
            if ctx.created_database() {
                db::discard_new(&path.path);
            }
            db::explain(e, &path.path)
        }
        Err(_) => e,
    })
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<()> {
    // A bad JOBTRACK_TODAY is refused by every command that touches data,
    // whether or not it needs today this time.
    if !matches!(command, Command::Completions { .. } | Command::Man) {
        ctx.today()?;
    }
    match command {
        Command::Init => maintenance::init(ctx),
        Command::Demo => maintenance::demo(ctx),
        Command::Backup { file, force } => maintenance::backup(ctx, &file, force),
        Command::Doctor { fix } => maintenance::doctor(ctx, fix),
        Command::Restore { file, dry_run } => maintenance::restore(ctx, &file, dry_run),
        Command::Undo(args) => commands::undo::undo(ctx, &args),
        Command::Redo => commands::undo::redo(ctx),
        Command::Completions { shell } => cli::print_completions(ctx, shell),
        Command::Man => cli::print_man(ctx),
        Command::App(cmd) => commands::app::run(ctx, cmd),
        Command::Org(cmd) => commands::org::run(ctx, cmd),
        Command::Report(args) => reports::report(ctx, args),
        Command::Search(args) => search::run(ctx, &args),
        Command::Agenda(args) => reports::agenda(ctx, args),
        Command::Goal(cmd) => commands::goal::run(ctx, cmd),
        Command::Contact(cmd) => commands::contact::run(ctx, cmd),
        Command::Event(cmd) => commands::event::run(ctx, cmd),
        Command::Export(args) => transfer::export(ctx, args),
        Command::Import(args) => transfer::import(ctx, args),
        Command::Volunteer(cmd) => commands::volunteer::run(ctx, cmd),
        Command::Edu(cmd) => commands::edu::run(ctx, cmd),
        Command::Work(cmd) => commands::work::run(ctx, cmd),
        Command::Cert(cmd) => commands::cert::run(ctx, cmd),
        Command::Doc(cmd) => commands::doc::run(ctx, cmd),
    }
}

/// Ctrl-C and SIGTERM: stop SQLite's statement (the write is never
/// committed, so it rolls back), remove this process's temporary files and
/// exit 130 or 143, as shells expect.
fn stop_on_signals() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            db::interrupt();
            files::remove_temps();
            std::process::exit(128 + signal);
        }
    });
}
