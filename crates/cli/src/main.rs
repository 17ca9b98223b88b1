//! `shoplens`: the command-line front on shoplens-core, for files too big for a browser tab
//! and for scripts. Each subcommand lives in its own module under `cmd/`; this file only
//! parses arguments and maps errors to exit codes (0 success, 2 bad input or parameters).

mod cmd;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Analytics for online merchants: baskets, models, customers, operations.
#[derive(Parser)]
#[command(name = "shoplens", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rows, columns, types and missing counts of a CSV file.
    Inspect(cmd::inspect::Args),
    /// Train a model on a table and report held-out metrics.
    Fit(cmd::fit::Args),
    /// Score a table with a saved model; predictions as CSV.
    Predict(cmd::predict::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Fit(args) => cmd::fit::run(args),
        Command::Predict(args) => cmd::predict::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shoplens: {e}");
            ExitCode::from(2)
        }
    }
}
