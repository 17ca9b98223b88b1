//! `shoplens forecast FILE --date-col D --value-col V [--group-col G] [--horizon H]
//! [--season M] [--seed S] [--json]`: builds one series per group, backtests every candidate
//! model under the project's protocol (3 rolling origins, step = horizon, MASE) and forecasts
//! with the best.

use crate::output::{in_file, print_json, read_file, CliError};
use serde_json::{json, Value};
use shoplens_core::forecast::{
    build_series, forecast_auto, AutoParams, Frequency, Model, Series, SeriesSpec,
};
use shoplens_core::progress::Silent;
use shoplens_core::table::read_bytes;
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `forecast`.
#[derive(clap::Args)]
pub struct Args {
    /// The file: order lines or one row per date (CSV or other delimited text).
    file: PathBuf,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// The date column.
    #[arg(long)]
    date_col: String,
    /// The value summed per period (quantity, sales).
    #[arg(long)]
    value_col: String,
    /// One series per distinct value of this column (product, store).
    #[arg(long)]
    group_col: Option<String>,
    /// Multiply the value by this column first (quantity × unit price = revenue).
    #[arg(long)]
    price_col: Option<String>,
    /// Period of the series: daily, weekly, monthly, quarterly or yearly (default: detected
    /// from the dates).
    #[arg(long, value_parser = parse_frequency)]
    frequency: Option<Frequency>,
    /// Steps to forecast, also the backtest horizon (default: 14 daily, 8 weekly, 12 monthly,
    /// 8 quarterly, 5 yearly).
    #[arg(long)]
    horizon: Option<usize>,
    /// Season length (default: 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly).
    #[arg(long)]
    season: Option<usize>,
    /// Models to compare, comma-separated (default: all that fit the series), e.g.
    /// `naive,seasonal_naive,holt,ets`.
    #[arg(long, value_delimiter = ',')]
    models: Option<Vec<String>>,
    /// Coverage of the prediction interval, in percent.
    #[arg(long, default_value_t = 95.0)]
    level: f64,
    /// Random seed, echoed for reproducibility (every forecasting model here is deterministic).
    #[arg(long, default_value_t = shoplens_core::rt::DEFAULT_SEED)]
    seed: u64,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

fn parse_frequency(text: &str) -> Result<Frequency, String> {
    Frequency::parse(text)
        .ok_or_else(|| format!("{text:?}: expected daily, weekly, monthly, quarterly or yearly"))
}

/// Builds the series, forecasts each and prints the result.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &args.read.options()?).map_err(in_file(&args.file))?;
    let spec = SeriesSpec {
        date_column: args.date_col.clone(),
        value_column: args.value_col.clone(),
        price_column: args.price_col.clone(),
        group_column: args.group_col.clone(),
        frequency: args.frequency,
    };
    let models = match &args.models {
        Some(names) => Some(
            names
                .iter()
                .map(|n| Model::from_name(n))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let all = build_series(&table, &spec).map_err(in_file(&args.file))?;
    let mut out = Vec::with_capacity(all.len());
    let mut failures = 0;
    for series in &all {
        let entry = forecast_one(series, &args, models.clone());
        if entry.get("error").is_some() {
            failures += 1;
        }
        out.push(entry);
    }
    if args.json {
        print_json(&json!({"seed": args.seed, "series": out}));
    } else {
        print_text(&out);
    }
    if failures == all.len() {
        // Nothing could be forecast: say why (the first reason) and fail.
        let reason = out
            .first()
            .and_then(|e| e["error"].as_str())
            .unwrap_or("no series")
            .to_string();
        return Err(format!("{}: {reason}", args.file.display()));
    }
    Ok(())
}

fn forecast_one(series: &Series, args: &Args, models: Option<Vec<Model>>) -> Value {
    let group = series.group.clone().unwrap_or_default();
    let season = args
        .season
        .unwrap_or_else(|| series.frequency.default_season());
    let horizon = args
        .horizon
        .unwrap_or_else(|| series.frequency.default_horizon());
    let mut params = AutoParams::new(horizon, season);
    params.level = args.level;
    params.models = models;
    match forecast_auto(&series.values, &params, &mut Silent) {
        Ok(report) => json!({
            "group": group,
            "model": report.model.name(),
            "label": report.model.label(Lang::En),
            "selected": report.selected.map(|m| m.name()),
            "mase": report.backtest.mase,
            "mape": report.backtest.mape,
            "smape": report.backtest.smape,
            "window_mase": report.backtest.windows.iter().map(|w| w.mase).collect::<Vec<_>>(),
            "window_model": report.backtest.windows.iter()
                .map(|w| w.model.map(|m| m.name())).collect::<Vec<_>>(),
            "backtest_horizon": report.protocol.horizon,
            "frequency": series.frequency,
            "season": season,
            "horizon": horizon,
            "observations": series.values.len(),
            "periods": series.future_periods(horizon),
            "forecast": report.forecast,
            "level": report.interval.level,
            "lower": report.interval.lower,
            "upper": report.interval.upper,
            "scores": report.scores.iter().map(|s| json!({
                "model": s.name, "mase": s.mase, "mape": s.mape, "smape": s.smape,
            })).collect::<Vec<_>>(),
        }),
        Err(e) => json!({"group": group, "error": e.to_string()}),
    }
}

fn print_text(entries: &[Value]) {
    for e in entries {
        let group = e["group"].as_str().unwrap_or_default();
        let title = if group.is_empty() {
            String::from("series")
        } else {
            format!("group {group}")
        };
        if let Some(error) = e["error"].as_str() {
            println!("{title}: {error}");
            continue;
        }
        println!(
            "{title}: {} (backtest MASE {:.4}, sMAPE {:.2}%)",
            e["label"].as_str().unwrap_or_default(),
            e["mase"].as_f64().unwrap_or(f64::NAN),
            e["smape"].as_f64().unwrap_or(f64::NAN),
        );
        let level = e["level"].as_f64().unwrap_or(95.0);
        println!(
            "  {:10}  {:>14}  {:>14}  {:>14}",
            "period",
            "forecast",
            format!("{level}% low"),
            "high"
        );
        let column = |key: &str| -> Vec<f64> {
            e[key]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default()
        };
        let (mean, lower, upper) = (column("forecast"), column("lower"), column("upper"));
        let periods: Vec<&str> = e["periods"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (i, m) in mean.iter().enumerate() {
            println!(
                "  {:10}  {m:>14.2}  {:>14.2}  {:>14.2}",
                periods.get(i).copied().unwrap_or(""),
                lower.get(i).copied().unwrap_or(f64::NAN),
                upper.get(i).copied().unwrap_or(f64::NAN)
            );
        }
    }
}
