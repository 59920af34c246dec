//! The `jobtrack` binary: parse, run, print any error, exit with its code.

use clap::Parser;

fn main() {
    let cli = jobtrack::cli::Cli::parse();
    let code = match jobtrack::run(cli) {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(jobtrack::error::Error::Reported) => 1,
        Err(e) => {
            jobtrack::output::to_stderr(&format!("error: {e}"));
            e.exit_code()
        }
    };
    std::process::exit(code);
}
