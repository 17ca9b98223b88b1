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
    /// Forecast demand per product or store, the model chosen by a rolling-origin backtest.
    Forecast(cmd::forecast::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Forecast(args) => cmd::forecast::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shoplens: {e}");
            ExitCode::from(2)
        }
    }
}
