//! The top-level command line: global options and one variant per noun.
//! Each noun's module defines its own subcommand enum.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::output::ColorChoice;
use crate::{applications, credentials, orgs, profile, volunteer, Ctx};

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
        env = "JOBTRACK_DB",
        value_name = "PATH",
        hide_env_values = true
    )]
    pub db: Option<PathBuf>,

    /// Print JSON for scripts instead of tables
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// After a write, print only the id
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The nouns.
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per process; boxing buys nothing
pub enum Command {
    /// Create the database (or upgrade an older one) and print its path
    Init,
    /// Job applications: log them, move them through stages, see them
    #[command(subcommand)]
    App(applications::AppCommand),
    /// Organizations: employers, schools, chapters, volunteer sites
    #[command(subcommand)]
    Org(orgs::OrgCommand),
    /// Volunteer hours: log shifts, total them by organization
    #[command(subcommand, visible_alias = "vol")]
    Volunteer(volunteer::VolunteerCommand),
    /// Education: degrees, certificates and programs (CAHIIM or not)
    #[command(subcommand)]
    Edu(profile::EduCommand),
    /// Work experience: jobs, with healthcare years counted
    #[command(subcommand)]
    Work(profile::WorkCommand),
    /// Credentials: eligibility (RHIT, RHIA, CPHIMS, …), exams, CEUs
    #[command(subcommand)]
    Cert(credentials::CertCommand),
}

/// What bare `jobtrack` prints: the nouns and the first commands to try.
pub fn print_overview(ctx: &Ctx) -> crate::error::Result<()> {
    ctx.out.raw(OVERVIEW)
}

const OVERVIEW: &str = "\
jobtrack: a local, private job-search tracker

Nouns:
  app       job applications and their history (add, list, show, set, note, interview)
  org       organizations: employers, schools, chapters
  vol       volunteer hours by organization (volunteer log, list, rm)
  edu       education: degrees and programs, CAHIIM-accredited or not
  work      work experience, with healthcare years
  cert      credentials: eligibility, exams, scores, CEU cycles (check, add, score, ceu, list)
  init      create the database and print where it lives

First steps:
  jobtrack app add \"Mercy Health\" \"Health Information Technician\" --source indeed
  jobtrack app list
  jobtrack app set 1 interview --on 2026-11-12 --note \"panel interview\"
  jobtrack app show 1
  jobtrack edu add associate \"Health Information Technology\" --cahiim --completed 2025-05-15
  jobtrack cert check

Every command takes --json for scripts and --db PATH to choose the database.
See 'jobtrack --help' and 'jobtrack app --help' for more.
";
