//! The `jobtrack` binary: parse, run, print any error, exit with its code.

use clap::Parser;

fn main() {
    // An empty JOBTRACK_DB counts as unset; clap would take it as an empty path.
    if std::env::var_os("JOBTRACK_DB").is_some_and(|v| v.is_empty()) {
        std::env::remove_var("JOBTRACK_DB");
    }
    let cli = jobtrack::cli::Cli::parse();
    let code = match jobtrack::run(cli) {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(jobtrack::error::Error::Reported) => 1,
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
