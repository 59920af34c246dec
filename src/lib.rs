//! jobtrack: a local, private, scriptable job-search tracker.
//!
//! One SQLite file holds applications, contacts, volunteer hours, education,
//! experience and credentials. The modules stand in layers (ARCHITECTURE.md):
//! a module imports only its own layer's earlier members and the layers
//! below, which `tests/cli/layers.rs` checks. `run` is the whole program
//! behind `main`.

// Base: imports only the base.
pub mod ctx;
pub mod dates;
pub mod db;
pub mod error;
pub mod files;
pub mod input;
pub mod output;

// Nouns: types and their store, each importing the base and earlier nouns.
pub mod applications;
pub mod credentials;
pub mod network;
pub mod orgs;
pub mod profile;
pub mod volunteer;

// Features: each noun's commands, reports, imports and exports; they never
// import each other.
pub mod reports;
pub mod transfer;

// Top: the command line and the whole-database commands.
pub mod cli;
pub mod maintenance;

use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::output::Output;

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::new(
        Output::new(cli.json, cli.quiet, cli.color),
        cli.db.clone().map(PathBuf::from),
    );
    let result = match cli.command {
        None => cli::print_overview(&ctx),
        Some(command) => dispatch(&ctx, command),
    };
    result.map_err(|e| match ctx.db_path() {
        Ok(path) => db::explain(e, &path.path),
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
        Command::Doctor => maintenance::doctor(ctx),
        Command::Completions { shell } => cli::print_completions(ctx, shell),
        Command::Man => cli::print_man(ctx),
        Command::App(cmd) => applications::run(ctx, cmd),
        Command::Org(cmd) => orgs::run(ctx, cmd),
        Command::Report(args) => reports::report(ctx, args),
        Command::Agenda(args) => reports::agenda(ctx, args),
        Command::Goal(cmd) => reports::goal(ctx, cmd),
        Command::Contact(cmd) => network::run_contact(ctx, cmd),
        Command::Event(cmd) => network::run_event(ctx, cmd),
        Command::Export(args) => transfer::export(ctx, args),
        Command::Import(args) => transfer::import(ctx, args),
        Command::Volunteer(cmd) => volunteer::run(ctx, cmd),
        Command::Edu(cmd) => profile::run_edu(ctx, cmd),
        Command::Work(cmd) => profile::run_work(ctx, cmd),
        Command::Cert(cmd) => credentials::run(ctx, cmd),
    }
}
