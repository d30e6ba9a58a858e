//! The `newsquote` binary: parse the command line, run one command, map the outcome to an exit
//! code (0 results, 1 no results, 2 error). A closed pipe (`| head`) ends the run quietly.

mod cli;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: building a passage document allocates its strings
/// and Tantivy's indexing threads free them, and glibc's malloc and free were about a tenth of
/// the CPU of indexing 8,000 allsides articles (perf).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let result = match &args.command {
        cli::Command::Index(a) => cli::run_index(a),
        cli::Command::Search(a) => cli::run_search(a),
        cli::Command::Extract(a) => cli::run_extract(a),
        cli::Command::Speakers(a) => cli::run_speakers(a),
        cli::Command::Stats(a) => cli::run_stats(a),
        cli::Command::Show(a) => cli::run_show(a),
        cli::Command::Export(a) => newsquote::export::cli::run_export(a).map(|n| {
            if n == 0 {
                cli::Outcome::Nothing
            } else {
                cli::Outcome::Found
            }
        }),
    };
    match result {
        Ok(cli::Outcome::Found) => ExitCode::SUCCESS,
        Ok(cli::Outcome::Nothing) => ExitCode::from(1),
        Ok(cli::Outcome::Interrupted) => ExitCode::from(130),
        Err(e) => {
            let broken_pipe = e
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsquote: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, `: `-separated, each said once: a message that already
/// quotes its cause (thiserror's `#[error("index error: {0}")]` on a `#[from]` field) is not
/// followed by the cause again, which `{:#}` would print ("index error: X: X").
fn one_line(e: &anyhow::Error) -> String {
    let mut line = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    line
}
