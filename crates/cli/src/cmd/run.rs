//! `shoplens run JOB.json FILE [--json]`: runs a job spec (as written by `--save-job` or the
//! tab's "Download job") on a file and prints its result.

use crate::output::{in_file, read_file, read_table, write_json, CliError, WallClock};
use shoplens_core::jobs::{Job, JobOutput};
use shoplens_core::progress::Silent;
use std::path::PathBuf;

/// Arguments of `run`.
#[derive(clap::Args)]
pub struct Args {
    /// The job spec (JSON with a `"kind"`: fit, compare, grid, predict, rfm, segment, churn).
    job: PathBuf,
    /// The table to run it on.
    file: PathBuf,
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
    let table = read_table(&args.file)?;
    let out = job
        .run_timed(&table, &mut Silent, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if args.json {
        return write_json(&out);
    }
    match &out {
        JobOutput::Fit(o) => crate::cmd::fit::print_fit(o),
        JobOutput::Compare(o) | JobOutput::Grid(o) => crate::cmd::compare::print(o, false)?,
        JobOutput::Churn(o) => crate::cmd::churn::print(o, false)?,
        JobOutput::Predict(o) => print!("{}", o.csv),
        JobOutput::Rfm(_) | JobOutput::Segment(_) => write_json(&out)?,
    }
    Ok(())
}
