//! `shoplens`: the command-line front on shoplens-core, for files too big for a browser tab
//! and for scripts. Each subcommand lives in its own module under `cmd/`; this file only
//! parses arguments and maps errors to exit codes (0 success, 2 bad input or parameters,
//! 130 stopped by Ctrl-C).

mod cmd;
mod examples;
mod interrupt;
mod order_args;
mod output;
mod output_args;
mod read_args;
mod spark;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Analytics for online merchants: baskets, models, customers, operations.
#[derive(Parser)]
#[command(name = "shoplens", version, about, after_help = examples::AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Threads for the pieces that can run side by side (forest trees, cross-validation
    /// folds, grid points, k-means starts and k values, per-series forecasts); 0, the
    /// default, means one per core. Results are the same for any number.
    #[arg(long, global = true, default_value_t = 0, value_name = "N")]
    threads: usize,
    /// Print the analysis's progress on standard error: a line as each stage starts and at
    /// each tenth of its work.
    #[arg(long, global = true)]
    progress: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Rows, columns, types and missing counts of a CSV file.
    Inspect(cmd::inspect::Args),
    /// RFM scores and named customer segments from order lines.
    Rfm(cmd::rfm::Args),
    /// k-means segments of a customer table (standardised, optionally log1p features).
    Segment(cmd::segment::Args),
    /// Baskets from one basket per line, order lines or a 0/1 matrix, and what was removed.
    Baskets(cmd::baskets::Args),
    /// Frequent itemsets of a basket file (FP-Growth, Apriori or Eclat).
    Itemsets(cmd::itemsets::Args),
    /// Association rules of a basket file.
    Rules(cmd::rules::Args),
    /// Forecast demand per product or store, the model chosen by a rolling-origin backtest.
    Forecast(cmd::forecast::Args),
    /// Train a model on a table and report held-out metrics.
    Fit(cmd::fit::Args),
    /// Score a table with a saved model; predictions as CSV.
    Predict(cmd::predict::Args),
    /// Cross-validate every model kind that can predict the target.
    Compare(cmd::compare::CompareArgs),
    /// Cross-validate a grid around one model's main parameter.
    Grid(cmd::compare::GridArgs),
    /// Churn risk of customers from order lines: held-out scores and who is at risk.
    Churn(cmd::churn::Args),
    /// Run a job spec (from --save-job or the tab's "Download job") on a file.
    Run(cmd::run::Args),
    /// Delivery routes by simulated annealing (TSPLIB/CVRPLIB files or a CSV of stops).
    Route(cmd::route::Args),
    /// Reorder points and order quantities tuned by a genetic algorithm.
    Inventory(cmd::inventory::Args),
    /// Split an ad budget across channels from fitted response curves.
    Budget(cmd::budget::Args),
    /// Customer lifetime value: BG/NBD (or Pareto/NBD) and Gamma-Gamma from order lines.
    Clv(cmd::clv::Args),
    /// Cohort retention by first-purchase month or week from order lines.
    Cohort(cmd::cohort::Args),
    /// Write a job spec as a program for another engine (Spark).
    Export(cmd::export::Args),
    /// ABC/XYZ product classes: share of revenue and steadiness of demand, the 3×3 matrix.
    AbcXyz(cmd::abc_xyz::Args),
    /// Each customer's top products not yet bought, evaluated on held-out last orders.
    Recommend(cmd::recommend::Args),
}

fn main() -> ExitCode {
    output::end_quietly_on_closed_pipe();
    let cli = Cli::parse();
    interrupt::install();
    if cli.progress {
        interrupt::show_progress();
    }
    if let Err(e) = shoplens_core::par::use_threads(cli.threads) {
        eprintln!("shoplens: --threads: {e}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Rfm(args) => cmd::rfm::run(args),
        Command::Segment(args) => cmd::segment::run(args),
        Command::Baskets(args) => cmd::baskets::run(args),
        Command::Itemsets(args) => cmd::itemsets::run(args),
        Command::Rules(args) => cmd::rules::run(args),
        Command::Forecast(args) => cmd::forecast::run(args),
        Command::Fit(args) => cmd::fit::run(args),
        Command::Predict(args) => cmd::predict::run(args),
        Command::Compare(args) => cmd::compare::run_compare(args),
        Command::Grid(args) => cmd::compare::run_grid(args),
        Command::Churn(args) => cmd::churn::run(args),
        Command::Run(args) => cmd::run::run(args),
        Command::Route(args) => cmd::route::run(args),
        Command::Inventory(args) => cmd::inventory::run(args),
        Command::Budget(args) => cmd::budget::run(args),
        Command::Clv(args) => cmd::clv::run(args),
        Command::Cohort(args) => cmd::cohort::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::AbcXyz(args) => cmd::abc_xyz::run(args),
        Command::Recommend(args) => cmd::recommend::run(args),
    };
    match result {
        Ok(()) if interrupt::requested() => {
            eprintln!("shoplens: stopped by Ctrl-C; the result above is the best found so far.");
            ExitCode::from(interrupt::EXIT_CODE)
        }
        Ok(()) => ExitCode::SUCCESS,
        Err(_) if interrupt::requested() => {
            eprintln!("shoplens: cancelled by Ctrl-C.");
            ExitCode::from(interrupt::EXIT_CODE)
        }
        Err(e) => {
            eprintln!("shoplens: {e}");
            ExitCode::from(2)
        }
    }
}
