//! The top-level command line: global options and one variant per noun.
//! Each noun's module defines its own subcommand enum.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::{app, cert, contact, doc, edu, event, goal, org, undo, volunteer, work};
use crate::ctx::Ctx;
use crate::output::ColorChoice;
use crate::{reports, search, transfer};

/// The help heading the global options stand under, apart from each
/// command's own.
const GLOBAL: &str = "Global options";

/// A local, private, scriptable job-search tracker.
#[derive(Debug, Parser)]
#[command(
    name = "jobtrack",
    version,
    about = "A local, private, scriptable job-search tracker that knows Health Information Management",
    long_about = None,
    max_term_width = 100
)]
pub struct Cli {
    /// The database file [default: $XDG_DATA_HOME/jobtrack/jobtrack.db]
    #[arg(
        long,
        global = true,
        help_heading = GLOBAL,
        env = "JOBTRACK_DB",
        value_name = "PATH",
        hide_env_values = true,
        value_parser = clap::builder::OsStringValueParser::new()
    )]
    // Read as raw text rather than a path: an empty JOBTRACK_DB counts as
    // unset (`db::resolve_path`), and clap refuses empty paths.
    pub db: Option<OsString>,

    /// Print JSON for scripts instead of tables
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub json: bool,

    /// When to colour the output
    #[arg(long, global = true, help_heading = GLOBAL, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// After a write, print only the id
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub quiet: bool,

    /// Print tables whole, however narrow the terminal
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub wide: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The command as the undo log shows it: the arguments as typed, without
/// the global options (`--db`, `--json`, `--color`, `-q`), which say where
/// and how rather than what was written.
pub fn typed_command(args: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut words = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" | "--color" => {
                args.next();
            }
            "--json" | "-q" | "--quiet" => {}
            a if a.starts_with("--db=") || a.starts_with("--color=") => {}
            _ => words.push(arg),
        }
    }
    words
}

/// The nouns.
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per process; boxing buys nothing
pub enum Command {
    /// Job applications: log them, move them through stages, see them
    #[command(subcommand)]
    App(app::AppCommand),
    /// Contacts: the people you know, what you talked about, when to follow up
    #[command(subcommand)]
    Contact(contact::ContactCommand),
    /// Networking events: chapter meetings, conferences, career fairs, webinars
    #[command(subcommand)]
    Event(event::EventCommand),
    /// Organizations: employers, schools, chapters, volunteer sites
    #[command(subcommand)]
    Org(org::OrgCommand),
    /// Volunteer hours: log shifts, total them by organization
    #[command(subcommand, visible_alias = "vol")]
    Volunteer(volunteer::VolunteerCommand),
    /// Education: degrees, certificates and programs (CAHIIM or not)
    #[command(subcommand)]
    Edu(edu::EduCommand),
    /// Work experience: jobs, with healthcare years counted
    #[command(subcommand)]
    Work(work::WorkCommand),
    /// Credentials: eligibility (RHIT, RHIA, CPHIMS, …), exams, CEUs
    #[command(subcommand)]
    Cert(cert::CertCommand),
    /// Documents: résumés and cover letters kept in the database, and which went where
    #[command(subcommand)]
    Doc(doc::DocCommand),
    /// What to do and when: follow-ups, interviews, exams, events, renewals, stale applications
    Agenda(reports::AgendaArgs),
    /// Reports: the dashboard (default), the funnel, network, volunteer, credentials, search log; --html
    Report(reports::ReportArgs),
    /// Weekly or monthly targets: applications, interactions, contacts, volunteer hours
    #[command(subcommand)]
    Goal(goal::GoalCommand),
    /// Find any word you typed: applications, notes, contacts, interactions, events, organizations, documents
    Search(search::SearchArgs),
    /// Write a table (or every table) as CSV or JSON
    Export(transfer::ExportArgs),
    /// Read a table's CSV, a whole export folder, or LinkedIn's export files
    Import(transfer::ImportArgs),
    /// Load a realistic sample search (an HIM graduate's three months) and show the dashboard
    #[command(
        after_help = "Examples:\n  jobtrack demo                       a new database in the temp folder\n  jobtrack --db /tmp/demo.db demo     into a file of your choice (must be new or empty)"
    )]
    Demo,
    /// Create the database (or upgrade an older one) and print its path
    Init,
    /// Copy the database to FILE (a consistent snapshot, safe while others write)
    #[command(
        after_help = "Examples:\n  jobtrack backup ~/jobtrack-2026-11-26.db\n  jobtrack backup latest.db --force"
    )]
    Backup {
        /// Where to write the copy (created owner-only)
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Revert the last write (everything that command wrote); --list shows the last 20
    Undo(undo::UndoArgs),
    /// Apply the last undone write again
    Redo,
    /// Put a backup in the database's place (the current one is kept beside it)
    #[command(
        after_help = "Examples:\n  jobtrack restore ~/jobtrack-2026-11-26.db --dry-run\n  jobtrack restore ~/jobtrack-2026-11-26.db"
    )]
    Restore {
        /// The backup to restore (made by 'jobtrack backup')
        file: PathBuf,
        /// Check the file and say what would happen; change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Check the database: integrity, references, version, permissions, row counts
    Doctor {
        /// Rebuild the search index when it is out of step (nothing else is changed)
        #[arg(long)]
        fix: bool,
    },
    /// Print a shell completion script (see the README for where to put it)
    #[command(
        after_help = "Examples:\n  jobtrack completions bash > ~/.local/share/bash-completion/completions/jobtrack\n  jobtrack completions zsh > ~/.zfunc/_jobtrack\n  jobtrack completions fish > ~/.config/fish/completions/jobtrack.fish"
    )]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff); read it with: jobtrack man | man -l -
    Man,
}

/// The command line as clap builds it, with the date grammar added to the
/// long help of every date option (`DATE`), which `--help` and the man
/// page show.
pub fn command() -> clap::Command {
    with_date_grammar(Cli::command())
}

/// Parses the process's arguments against [`command`]; a usage error or
/// `--help` exits here, as clap does.
pub fn parse() -> Cli {
    let mut command = command();
    let matches = command.get_matches_mut();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut command).exit())
}

fn with_date_grammar(command: clap::Command) -> clap::Command {
    command
        .mut_args(|arg| {
            let is_date = arg
                .get_value_names()
                .is_some_and(|names| names.iter().any(|name| name == "DATE"));
            if !is_date {
                return arg;
            }
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            arg.long_help(format!("{help}\n\n{}", crate::dates::GRAMMAR))
        })
        .mut_subcommands(with_date_grammar)
}

/// `jobtrack completions SHELL`: the completion script on standard output.
pub fn print_completions(ctx: &Ctx, shell: clap_complete::Shell) -> crate::error::Result<()> {
    let mut command = command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "jobtrack", &mut buffer);
    ctx.out.raw(String::from_utf8_lossy(&buffer))
}

/// `jobtrack man`: the manual page, with a section per subcommand.
pub fn print_man(ctx: &Ctx) -> crate::error::Result<()> {
    let command = command();
    let mut buffer = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut buffer)
        .map_err(crate::error::Error::Output)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        render_sub_sections(&mut buffer, sub, "jobtrack")?;
    }
    ctx.out.raw(String::from_utf8_lossy(&buffer))
}

fn render_sub_sections(
    buffer: &mut Vec<u8>,
    command: &clap::Command,
    parent: &str,
) -> crate::error::Result<()> {
    use std::io::Write;
    let name = format!("{parent} {}", command.get_name());
    if command.has_subcommands() {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            render_sub_sections(buffer, sub, &name)?;
        }
        return Ok(());
    }
    let command = command.clone().bin_name(&name);
    writeln!(buffer, ".SH \"{}\"", name.to_uppercase()).map_err(crate::error::Error::Output)?;
    let man = clap_mangen::Man::new(command);
    man.render_synopsis_section(buffer)
        .map_err(crate::error::Error::Output)?;
    man.render_description_section(buffer)
        .map_err(crate::error::Error::Output)?;
    man.render_options_section(buffer)
        .map_err(crate::error::Error::Output)?;
    Ok(())
}

/// What bare `jobtrack` prints: the nouns and the first commands to try.
pub fn print_overview(ctx: &Ctx) -> crate::error::Result<()> {
    ctx.out.raw(OVERVIEW)
}

const OVERVIEW: &str = "\
jobtrack: a local, private job-search tracker

Start here:
  demo     load a sample search into a new database and show the dashboard
  init     create your database and print where it lives

Your search:
  app      applications and their history (add, list, show, set, interview)
  contact  the people you know (add, list --due, show, log, edit, rm)
  event    chapter meetings, conferences, career fairs (add, list --upcoming)
  org      employers, schools, chapters (list, show, join, rename, rm)
  vol      volunteer hours by organization (log, list, rm)
  edu      education, CAHIIM-accredited or not     work     work experience
  cert     credentials: eligibility, exams, scores, CEUs (check, set, ceu)
  doc      résumés and cover letters you send (add, list, get, rm)
  search   find any word you typed: postings, notes, people, events

What to do, and how it is going:
  agenda   follow-ups, interviews, exams, closing dates (--ics for calendars)
  report   the dashboard; apps, network, volunteer, certs, search-log; --html
  goal     weekly or monthly targets (set, list, rm)

Your data:
  export   tables as CSV or JSON                 import   CSV, exports, LinkedIn
  backup   a consistent copy                     doctor   check the database
  undo     undo the last write (redo, --list)    restore  put a backup back

First commands:
  jobtrack demo
  jobtrack app add \"Mercy Health\" \"Coding Specialist\" --source indeed
  jobtrack app add --from saved-posting.html --status saved
  jobtrack app set 1 interview --on 2026-11-12 --note \"panel interview\"
  jobtrack contact add \"Dana Reyes\" --org \"Mercy Health\" --relationship mentor
  jobtrack cert check
  jobtrack agenda

Every command takes --json for scripts and --db PATH to choose the database.
'jobtrack NOUN --help' shows a noun's commands with examples.
";
