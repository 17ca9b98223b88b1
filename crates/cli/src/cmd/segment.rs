//! `shoplens segment FILE --k K [--columns a,b] [--log] [--seed S] [--n-init N] [--elbow]
//! [--json] [--save-job JOB]`: k-means segments of the rows of a customer table, on
//! standardised (optionally log1p) numeric columns. It runs core's segment job, the same as
//! the Customers tab's segments view and `shoplens run`, so `--json` prints what `run`
//! prints for the saved job.

use crate::interrupt::Interrupt;
use crate::output::{in_file, read_table_with, save_job, write_json, CliError, WallClock};
use shoplens_core::jobs::segment::{self, SegmentJob, SegmentOutput, SegmentSource};
use shoplens_core::jobs::{Job, JobOutput};
use shoplens_core::rt::DEFAULT_SEED;
use std::path::PathBuf;

/// Arguments of `segment`.
#[derive(clap::Args)]
pub struct Args {
    /// One row per customer (CSV or other delimited text).
    file: PathBuf,
    /// Number of segments.
    #[arg(long)]
    k: usize,
    /// Feature columns, comma-separated (default: every numeric column).
    #[arg(long, value_delimiter = ',')]
    columns: Vec<String>,
    /// Take log(1 + x) of each feature before standardising (spend is skewed).
    #[arg(long)]
    log: bool,
    /// Seed of the random starts.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Number of k-means++ starts; the lowest inertia wins.
    #[arg(long, default_value_t = 10)]
    n_init: usize,
    /// Also compute inertia and silhouette for k = 2..=10 (the elbow).
    #[arg(long)]
    elbow: bool,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Write the job that ran to this JSON file (`shoplens run` reruns it).
    #[arg(long)]
    save_job: Option<PathBuf>,
}

/// Clusters the rows and prints inertia, silhouette and sizes.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.read.options()?)?;
    let job = SegmentJob {
        source: SegmentSource::Columns(args.columns.clone()),
        log: args.log,
        k: args.k,
        seed: args.seed,
        n_init: args.n_init,
        elbow: args.elbow,
    };
    let checked = job.check().map_err(|e| e.to_string())?;
    save_job(args.save_job.as_deref(), &Job::Segment(job))?;
    let out = segment::run(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if args.json {
        return write_json(&JobOutput::Segment(Box::new(out)));
    }
    print(&args.file.display().to_string(), &out);
    Ok(())
}

/// The segments as text: rows and features, inertia, silhouette, sizes, and the elbow.
pub fn print(file: &str, out: &SegmentOutput) {
    println!(
        "{file}: {} rows on {} ({}), k = {}{}",
        out.labels.len(),
        out.features.join(", "),
        if out.log {
            "log1p, standardised"
        } else {
            "standardised"
        },
        out.k,
        if out.skipped_missing > 0 {
            format!(
                "; {} rows with a missing value left out",
                out.skipped_missing
            )
        } else {
            String::new()
        }
    );
    println!("  inertia     {:.4}", out.inertia);
    if let Some(s) = out.silhouette {
        println!("  silhouette  {s:.4}");
    }
    let sizes: Vec<usize> = out.profiles.clusters.iter().map(|c| c.size).collect();
    println!("  sizes       {sizes:?}");
    for point in &out.elbow {
        println!(
            "  k = {:2}: inertia {:.4}, silhouette {:.4}",
            point.k, point.inertia, point.silhouette
        );
    }
}
