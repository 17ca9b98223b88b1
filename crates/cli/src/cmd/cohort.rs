//! `shoplens cohort FILE [--customer-col C --date-col D --amount-col A] [--period month|week]
//! [--json] [--out FILE] [--save-job JOB.json]`: cohort retention (core's cohort job, the
//! same as the Customers tab's cohort view).

use crate::order_args::OrderArgs;
use crate::output::{in_file, read_table_with, save_job, write_json, CliError, WallClock};
use crate::output_args::OutputArgs;
use shoplens_core::jobs::clv_export::cohort_csv;
use shoplens_core::jobs::cohort::{self, CohortJob, CohortOutput};
use shoplens_core::jobs::Job;
use shoplens_core::segment::cohort::CohortPeriod;
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `cohort`.
#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV or other delimited text), one line per product per order.
    file: PathBuf,
    #[command(flatten)]
    order: OrderArgs,
    /// Cohorts and periods by month or week (weeks start on Monday).
    #[arg(long, default_value = "month", value_parser = ["month", "week"])]
    period: String,
    #[command(flatten)]
    output: OutputArgs,
}

/// Groups the customers into cohorts and prints the retention table.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.output.read.options()?)?;
    let job = CohortJob {
        columns: args.order.columns()?,
        period: if args.period == "week" {
            CohortPeriod::Week
        } else {
            CohortPeriod::Month
        },
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(
        args.output.save_job.as_deref(),
        &Job::Cohort(checked.spec.clone()),
    )?;
    let out = cohort::run(&checked, &table, &WallClock::start()).map_err(in_file(&args.file))?;
    args.output.write_csv(&cohort_csv(&out, Lang::En))?;
    print(&out, args.output.json)
}

/// Prints cohorts as JSON or as a retention table (percent of each cohort active).
pub fn print(out: &CohortOutput, json: bool) -> Result<(), CliError> {
    if json {
        return write_json(out);
    }
    println!(
        "{} customers in {} cohorts by {} ({} lines without a customer id, {} cancellation lines left out)",
        out.table.customers,
        out.table.cohorts.len(),
        out.table.period.key(),
        out.skipped_no_id,
        out.cancelled
    );
    for c in &out.table.cohorts {
        let shares: Vec<String> = (0..c.active.len())
            .map(|k| format!("{:5.1}", 100.0 * c.retention(k).unwrap_or(0.0)))
            .collect();
        println!("  {:10} {:>6}  {}", c.label, c.customers, shares.join(" "));
    }
    Ok(())
}
