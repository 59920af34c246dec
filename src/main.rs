//! The `jobtrack` binary: parse, run, print any error, exit with its code.

fn main() {
    let cli = jobtrack::cli::parse();
    let code = match jobtrack::run(cli) {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(jobtrack::error::Error::Reported) => 1,
        Err(e) => {
            // Stored text in a message is shown, never obeyed by the terminal;
            // a closed standard error drops the line instead of panicking.
            jobtrack::output::to_stderr(&format!(
                "error: {}",
                jobtrack::output::visible(&e.to_string())
            ));
            e.exit_code()
        }
    };
    std::process::exit(code);
}
