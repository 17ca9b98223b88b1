//! `shoplens compare FILE --target COL [--folds K] ...` cross-validates every model kind
//! that can do the task; `shoplens grid FILE --target COL --model KIND [--folds K] ...`
//! cross-validates a small grid around one model's main parameter. Both are core's compare
//! jobs, the same as the Models tab's "Compare" and "Tune".

use crate::cmd::fit::model_arg;
use crate::interrupt::Interrupt;
use crate::output::{in_file, read_table, save_job, write_json, CliError, WallClock};
use shoplens_core::jobs::compare::{self, CompareJob, CvResult, GridJob};
use shoplens_core::jobs::{Job, ModelData};
use shoplens_core::Lang;
use std::path::PathBuf;

/// The data settings both commands share.
#[derive(clap::Args)]
pub struct DataArgs {
    /// The table to learn from (CSV or other delimited text).
    file: PathBuf,
    /// The column to predict.
    #[arg(long)]
    target: String,
    /// Feature columns, comma-separated (default: every usable column).
    #[arg(long, value_delimiter = ',')]
    features: Vec<String>,
    /// A column never to use as a feature (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    /// Number of folds.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed of the folds and of random models.
    #[arg(long, default_value_t = shoplens_core::rt::DEFAULT_SEED)]
    seed: u64,
    /// Write the job that ran, defaults filled in, to this JSON file.
    #[arg(long)]
    save_job: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

impl DataArgs {
    fn data(&self) -> ModelData {
        ModelData {
            target: self.target.clone(),
            features: self.features.clone(),
            exclude: self.exclude.clone(),
            seed: self.seed,
            ..ModelData::default()
        }
    }
}

/// Arguments of `compare`.
#[derive(clap::Args)]
pub struct CompareArgs {
    #[command(flatten)]
    data: DataArgs,
}

/// Arguments of `grid`.
#[derive(clap::Args)]
pub struct GridArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The model whose main parameter varies: linear, logistic, knn, tree, forest or svm
    /// (default: logistic for a class target, linear for a number).
    #[arg(long)]
    model: Option<String>,
}

/// Runs `compare`.
pub fn run_compare(args: CompareArgs) -> Result<(), CliError> {
    let a = &args.data;
    let table = read_table(&a.file)?;
    let job = CompareJob {
        data: a.data(),
        folds: a.folds,
    };
    let checked = job.check(&table).map_err(in_file(&a.file))?;
    save_job(a.save_job.as_deref(), &Job::Compare(checked.spec.clone()))?;
    let out = compare::run(&checked.cv, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&a.file))?;
    print(&out, a.json)
}

/// Runs `grid`.
pub fn run_grid(args: GridArgs) -> Result<(), CliError> {
    let a = &args.data;
    let table = read_table(&a.file)?;
    let job = GridJob {
        data: a.data(),
        model: model_arg(args.model.as_deref(), a.seed)?,
        folds: a.folds,
    };
    let checked = job.check(&table).map_err(in_file(&a.file))?;
    save_job(a.save_job.as_deref(), &Job::Grid(checked.spec.clone()))?;
    let out = compare::run(&checked.cv, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&a.file))?;
    print(&out, a.json)
}

/// Prints cross-validation scores as JSON or as a table.
pub fn print(out: &CvResult, json: bool) -> Result<(), CliError> {
    if json {
        return write_json(out);
    }
    println!(
        "{}-fold cross-validation, {} (higher is better):",
        out.folds, out.metric
    );
    for (i, row) in out.rows.iter().enumerate() {
        let best = if i == out.best { "  ← best" } else { "" };
        println!(
            "  {:24} {:16} {:.4} ± {:.4}  {:.0} ms{best}",
            row.kind.label(Lang::En),
            row.label,
            row.mean,
            row.std,
            row.ms
        );
    }
    Ok(())
}
