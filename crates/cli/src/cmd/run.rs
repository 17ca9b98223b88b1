//! `shoplens run JOB.json FILE [--json]`: runs a job spec (as written by `--save-job` or the
//! tab's "Download job") on a file and prints its result.

use crate::interrupt::Interrupt;
use crate::output::{in_file, read_file, write_json, CliError, WallClock};
use shoplens_core::jobs::{Job, JobFile, JobOutput};
use std::path::PathBuf;

/// Arguments of `run`.
#[derive(clap::Args)]
pub struct Args {
    /// The job spec (JSON with a `"kind"`: inspect, baskets, fit, compare, grid, predict,
    /// rfm, segment, churn, forecast, inventory, route, budget, clv, cohort, abc_xyz,
    /// recommend).
    job: PathBuf,
    /// The file to run it on.
    file: PathBuf,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Print the result as one JSON object.
    #[arg(long)]
    json: bool,
}

/// Reads the job, runs it, prints the result.
pub fn run(args: Args) -> Result<(), CliError> {
    let text = String::from_utf8(read_file(&args.job)?)
        .map_err(|e| format!("{}: {e}", args.job.display()))?;
    let job: Job = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not a shoplens job (line {}, column {}): {e}",
            args.job.display(),
            e.line(),
            e.column()
        )
    })?;
    let bytes = read_file(&args.file)?;
    let read = args.read.options()?;
    let name = args.file.to_string_lossy();
    let file = JobFile {
        name: &name,
        bytes: &bytes,
        read: &read,
    };
    let out = job
        .run_file(file, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if args.json {
        return write_json(&out);
    }
    match &out {
        JobOutput::Fit(o) => crate::cmd::fit::print_fit(o),
        JobOutput::Compare(o) | JobOutput::Grid(o) => crate::cmd::compare::print(o, false)?,
        JobOutput::Churn(o) => crate::cmd::churn::print(o, false)?,
        JobOutput::Predict(o) => print!("{}", o.csv),
        JobOutput::Baskets(o) => print_baskets(o),
        JobOutput::Forecast(o) => crate::cmd::forecast::print_output(o),
        JobOutput::Clv(o) => crate::cmd::clv::print(o, false)?,
        JobOutput::Cohort(o) => crate::cmd::cohort::print(o, false)?,
        JobOutput::AbcXyz(o) => crate::cmd::abc_xyz::print(o),
        JobOutput::Recommend(o) => crate::cmd::recommend::print(o),
        JobOutput::Segment(o) => crate::cmd::segment::print(&name, o),
        _ => write_json(&out)?,
    }
    Ok(())
}

fn print_baskets(out: &shoplens_core::jobs::baskets::BasketsOutput) {
    let p = &out.prepared;
    println!(
        "{} baskets, {} items, {:.4} items per basket",
        p.report.baskets, p.report.items, p.mean_basket_size
    );
    if let Some(m) = &out.mined {
        println!(
            "{} itemsets (count >= {}), {} rules",
            m.itemset_count, m.min_count, m.rule_count
        );
    }
}
