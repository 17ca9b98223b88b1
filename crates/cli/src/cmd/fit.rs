//! `shoplens fit FILE --target COL [--model KIND] [--test-size F] [--seed N] [--stratify]
//! [--save MODEL.json] [--json]`: train a model with the default preprocessing, report
//! held-out metrics, optionally save it.

use crate::output::{in_file, print_json, read_file, CliError};
use serde_json::{json, Map, Value};
use shoplens_core::learn::{model_json, train_with_clock, ModelKind, TrainOptions};
use shoplens_core::progress::Silent;
use shoplens_core::rt::Clock;
use shoplens_core::table::{read_bytes, ReadOptions};
use shoplens_core::Lang;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `fit`.
#[derive(clap::Args)]
pub struct Args {
    /// The table to learn from (CSV or other delimited text).
    file: PathBuf,
    /// The column to predict.
    #[arg(long)]
    target: String,
    /// linear, logistic, knn, tree, forest or svm (default: forest).
    #[arg(long, default_value = "forest")]
    model: String,
    /// Share of rows held out for evaluation.
    #[arg(long, default_value_t = 0.2)]
    test_size: f64,
    /// Seed of the split and of random models.
    #[arg(long, default_value_t = shoplens_core::rt::DEFAULT_SEED)]
    seed: u64,
    /// Keep class shares equal in the training and held-out parts.
    #[arg(long)]
    stratify: bool,
    /// Write the trained model (with its preprocessing) to this JSON file.
    #[arg(long)]
    save: Option<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// The wall clock, for the fit time in the report.
struct WallClock(Instant);

impl Clock for WallClock {
    fn now_seconds(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
}

/// Trains, evaluates, prints and optionally saves.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &ReadOptions::default()).map_err(in_file(&args.file))?;
    let kind = ModelKind::parse(&args.model).map_err(|e| e.to_string())?;
    let mut options = TrainOptions::new(&args.target, kind);
    options.test_size = args.test_size;
    options.seed = args.seed;
    options.stratify = args.stratify;
    let report = train_with_clock(&table, &options, &mut Silent, &WallClock(Instant::now()))
        .map_err(in_file(&args.file))?;
    if let Some(path) = &args.save {
        let text = model_json::to_json(&report.model).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let names = &report.model.encoder.feature_names;
    let linear = report.model.model.linear_terms();
    if args.json {
        let metrics: Map<String, Value> = report
            .metrics
            .iter()
            .map(|m| (m.metric.as_str().to_string(), json!(m.value)))
            .collect();
        let mut out = json!({
            "task": report.model.task.as_str(),
            "model": kind.as_str(),
            "n_train": report.n_train,
            "n_test": report.n_test,
            "metrics": metrics,
        });
        if let Some((coefficients, intercept)) = linear {
            let c: Map<String, Value> = names
                .iter()
                .zip(coefficients)
                .map(|(n, v)| (n.clone(), json!(v)))
                .collect();
            out["coefficients"] = Value::Object(c);
            out["intercept"] = json!(intercept);
            out["standardized"] = json!(kind.needs_scaling());
        }
        if let Some(importances) = report.model.model.feature_importances() {
            let c: Map<String, Value> = names
                .iter()
                .zip(importances)
                .map(|(n, v)| (n.clone(), json!(v)))
                .collect();
            out["feature_importances"] = Value::Object(c);
        }
        out["dropped"] = report
            .plan
            .dropped
            .iter()
            .map(|d| json!({"column": d.column, "reason": d.reason, "message": d.reason.label(Lang::En)}))
            .collect();
        out["features"] = json!(names);
        out["fit_seconds"] = json!(report.fit_seconds);
        if let Some(path) = &args.save {
            out["saved"] = json!(path.display().to_string());
        }
        print_json(&out);
        return Ok(());
    }
    for d in &report.plan.dropped {
        println!(
            "Dropped column \"{}\": {}.",
            d.column,
            d.reason.label(Lang::En)
        );
    }
    println!(
        "{} ({}) predicting \"{}\": {} features, {} training rows, {} held-out rows, fit in {:.3} s",
        kind.label(Lang::En),
        report.model.task.as_str(),
        args.target,
        names.len(),
        report.n_train,
        report.n_test,
        report.fit_seconds
    );
    for m in &report.metrics {
        println!("  {:10} {:.4}", m.metric.as_str(), m.value);
    }
    if let Some((coefficients, intercept)) = linear {
        let note = if kind.needs_scaling() {
            " (on standardised features)"
        } else {
            ""
        };
        println!("Coefficients{note}:");
        for (n, v) in names.iter().zip(coefficients) {
            println!("  {n:30} {v:.6}");
        }
        println!("  {:30} {intercept:.6}", "(intercept)");
    }
    if let Some(path) = &args.save {
        println!("Model saved to {}", path.display());
    }
    Ok(())
}
