//! `shoplens segment FILE --k K [--columns a,b] [--log] [--seed S] [--n-init N] [--json]`:
//! k-means segments of the rows of a customer table, on standardised (optionally log1p)
//! numeric columns.

use crate::output::{in_file, print_json, read_file, save_job, CliError};
use serde_json::json;
use shoplens_core::jobs::segment::{SegmentJob, SegmentSource};
use shoplens_core::jobs::Job;
use shoplens_core::progress::Silent;
use shoplens_core::rt::DEFAULT_SEED;
use shoplens_core::segment::features::Features;
use shoplens_core::segment::kmeans::{fit, KMeansParams};
use shoplens_core::segment::silhouette::silhouette_score_sampled;
use shoplens_core::table::read_bytes;
use std::path::PathBuf;
use std::time::Instant;

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
    /// Compute the silhouette on a seeded sample of at most this many rows (it costs n²);
    /// 0 skips it.
    #[arg(long, default_value_t = 10_000)]
    silhouette_sample: usize,
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
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &args.read.options()?).map_err(in_file(&args.file))?;
    let job = SegmentJob {
        source: SegmentSource::Columns(args.columns.clone()),
        log: args.log,
        k: args.k,
        seed: args.seed,
        n_init: args.n_init,
        elbow: false,
    };
    job.check().map_err(|e| e.to_string())?;
    save_job(args.save_job.as_deref(), &Job::Segment(job))?;
    let mut data = Features::from_table(&table, &args.columns).map_err(in_file(&args.file))?;
    if args.log {
        data.log1p().map_err(in_file(&args.file))?;
    }
    data.standardise();
    let params = KMeansParams::new(args.k)
        .n_init(args.n_init)
        .seed(args.seed);
    let started = Instant::now();
    let model = fit(&data, &params, &mut Silent).map_err(in_file(&args.file))?;
    let kmeans_seconds = started.elapsed().as_secs_f64();
    let silhouette = if args.k >= 2 && args.silhouette_sample > 0 {
        Some(
            silhouette_score_sampled(&data, &model.labels, args.silhouette_sample, args.seed)
                .map_err(in_file(&args.file))?,
        )
    } else {
        None
    };
    if args.json {
        print_json(&json!({
            "k": model.k,
            "inertia": model.inertia,
            "silhouette": silhouette,
            "sizes": model.sizes,
            "rows": data.n_rows,
            "skipped_missing": data.skipped_missing,
            "columns": data.names,
            "n_iter": model.n_iter,
            "seconds": {"kmeans": kmeans_seconds},
        }));
    } else {
        println!(
            "{}: {} rows on {} ({}), k = {}",
            args.file.display(),
            data.n_rows,
            data.names.join(", "),
            if args.log {
                "log1p, standardised"
            } else {
                "standardised"
            },
            model.k
        );
        println!("  inertia     {:.4}", model.inertia);
        if let Some(s) = silhouette {
            println!("  silhouette  {s:.4}");
        }
        println!("  sizes       {:?}", model.sizes);
    }
    Ok(())
}
