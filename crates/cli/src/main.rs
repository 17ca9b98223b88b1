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
    /// Delivery routes by simulated annealing (TSPLIB/CVRPLIB files or a CSV of stops).
    Route(cmd::route::Args),
    /// Reorder points and order quantities tuned by a genetic algorithm.
    Inventory(cmd::inventory::Args),
    /// Split an ad budget across channels from fitted response curves.
    Budget(cmd::budget::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Route(args) => cmd::route::run(args),
        Command::Inventory(args) => cmd::inventory::run(args),
        Command::Budget(args) => cmd::budget::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("shoplens: {e}");
            ExitCode::from(2)
        }
    }
}
