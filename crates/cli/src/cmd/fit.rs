//! `shoplens fit FILE --target COL [--model KIND] [--features A,B] [--exclude COL]...
//! [--test-size F] [--seed N] [--stratify] [--save MODEL.json] [--save-job JOB.json]
//! [--json]`: train a model with the default preprocessing (core's fit job), report
//! held-out metrics (or in-sample ones, so labelled, with `--test-size 0`), optionally save
//! the model and the job.

use crate::interrupt::Interrupt;
use crate::output::{in_file, print_json, read_table_with, save_job, CliError, WallClock};
use serde_json::{json, Map, Value};
use shoplens_core::jobs::fit::{self, FitJob, FitOutput};
use shoplens_core::jobs::{Job, ModelData};
use shoplens_core::learn::dataset::Task;
use shoplens_core::learn::{model_json, ModelKind, ModelParams};
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `fit`.
#[derive(clap::Args)]
pub struct Args {
    /// The table to learn from (CSV or other delimited text).
    file: PathBuf,
    /// The column to predict.
    #[arg(long)]
    target: String,
    /// linear, logistic, knn, tree, forest or svm (default: logistic for a class target,
    /// linear for a number).
    #[arg(long)]
    model: Option<String>,
    /// Feature columns, comma-separated (default: every usable column; identifiers and row
    /// numbers are left out).
    #[arg(long, value_delimiter = ',')]
    features: Vec<String>,
    /// A column never to use as a feature (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    /// Share of rows held out for evaluation; 0 fits every row and reports in-sample scores.
    #[arg(long, default_value_t = 0.2)]
    test_size: f64,
    /// Seed of the split and of random models.
    #[arg(long, default_value_t = shoplens_core::rt::DEFAULT_SEED)]
    seed: u64,
    /// Keep class shares equal in the training and held-out parts (the default for a class
    /// target).
    #[arg(long)]
    stratify: bool,
    /// Write the trained model (with its preprocessing) to this JSON file.
    #[arg(long)]
    save: Option<PathBuf>,
    /// Write the job that ran, defaults filled in, to this JSON file (`shoplens run` reruns it).
    #[arg(long)]
    save_job: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
}

/// The model named on the command line, with the defaults of its kind (the job fits them to
/// the task).
pub fn model_arg(name: Option<&str>, seed: u64) -> Result<Option<ModelParams>, CliError> {
    name.map(|n| {
        let kind = ModelKind::parse(n).map_err(|e| e.to_string())?;
        let task = match kind {
            ModelKind::Linear => Task::Regression,
            _ => Task::Classification,
        };
        Ok(ModelParams::defaults(kind, task, seed))
    })
    .transpose()
}

/// Trains, evaluates, prints and optionally saves.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.read.options()?)?;
    let job = FitJob {
        data: ModelData {
            target: args.target.clone(),
            features: args.features.clone(),
            exclude: args.exclude.clone(),
            seed: args.seed,
            ..ModelData::default()
        },
        model: model_arg(args.model.as_deref(), args.seed)?,
        test_size: args.test_size,
        stratify: args.stratify.then_some(true),
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(args.save_job.as_deref(), &Job::Fit(checked.spec.clone()))?;
    let fitted = fit::run(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if let Some(path) = &args.save {
        let text = model_json::to_json(&fitted.model).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let saved = args.save.as_ref().map(|p| p.display().to_string());
    if args.json {
        print_json(&fit_json(&fitted.output, saved.as_deref()));
    } else {
        print_fit(&fitted.output);
        if let Some(path) = saved {
            println!("Model saved to {path}");
        }
    }
    Ok(())
}

/// Whether the scores are on held-out rows or on the rows fitted on.
fn evaluation(out: &FitOutput) -> &'static str {
    if out.in_sample {
        "in_sample"
    } else {
        "held_out"
    }
}

/// The JSON `fit --json` and `run --json` print for a fit.
pub fn fit_json(out: &FitOutput, saved: Option<&str>) -> Value {
    let named = |values: &[f64]| -> Value {
        Value::Object(
            out.features
                .iter()
                .zip(values)
                .map(|(n, v)| (n.clone(), json!(v)))
                .collect::<Map<String, Value>>(),
        )
    };
    let metrics: Map<String, Value> = out
        .metrics
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    let mut v = json!({
        "task": out.task.as_str(),
        "model": out.kind.as_str(),
        "n_train": out.n_train,
        "n_test": out.n_test,
        "evaluation": evaluation(out),
        "metrics": metrics,
        "features": out.features,
        "fit_seconds": out.fit_ms / 1000.0,
    });
    if let (Some(c), Some(b)) = (&out.coefficients, out.intercept) {
        v["coefficients"] = named(c);
        v["intercept"] = json!(b);
        v["standardized"] = json!(out.standardized);
    }
    if let Some(importances) = &out.importances {
        v["feature_importances"] = named(importances);
    }
    v["dropped"] = out
        .dropped
        .iter()
        .map(|d| json!({"column": d.column, "reason": d.reason, "message": d.reason.label(Lang::En)}))
        .collect();
    if let Some(path) = saved {
        v["saved"] = json!(path);
    }
    v
}

/// The text `fit` and `run` print for a fit.
pub fn print_fit(out: &FitOutput) {
    for d in &out.dropped {
        println!(
            "Dropped column \"{}\": {}.",
            d.column,
            d.reason.label(Lang::En)
        );
    }
    let scored = if out.in_sample {
        format!("{} rows scored in-sample (the rows fitted on)", out.n_test)
    } else {
        format!("{} held-out rows", out.n_test)
    };
    println!(
        "{} ({}) predicting \"{}\": {} features, {} training rows, {scored}, fit in {:.3} s",
        out.kind.label(Lang::En),
        out.task.as_str(),
        out.target,
        out.features.len(),
        out.n_train,
        out.fit_ms / 1000.0
    );
    let label = if out.in_sample {
        "in-sample"
    } else {
        "held-out"
    };
    println!("Scores ({label}):");
    for (k, v) in &out.metrics {
        println!("  {k:12} {v:.4}");
    }
    if let (Some(c), Some(b)) = (&out.coefficients, out.intercept) {
        let note = if out.standardized {
            " (on standardised features)"
        } else {
            ""
        };
        println!("Coefficients{note}:");
        for (n, v) in out.features.iter().zip(c) {
            println!("  {n:30} {v:.6}");
        }
        println!("  {:30} {b:.6}", "(intercept)");
    }
}
