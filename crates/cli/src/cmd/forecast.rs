//! `shoplens forecast FILE --date-col D --value-col V [--group-col G] [--horizon H]
//! [--season M] [--seed S] [--json]`: builds one series per group, backtests every candidate
//! model under the project's protocol (3 rolling origins, step = horizon, MASE) and forecasts
//! with the best.

use crate::interrupt::Interrupt;
use crate::output::{in_file, print_json, read_file, save_job, CliError, WallClock};
use serde_json::{json, Value};
use shoplens_core::forecast::{Frequency, Model};
use shoplens_core::jobs::forecast::{self, ForecastJob, ForecastOutput, SeriesForecast};
use shoplens_core::jobs::Job;
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
    /// Write the job that ran, defaults filled in, to this JSON file (`shoplens run` reruns it).
    #[arg(long)]
    save_job: Option<PathBuf>,
}

fn parse_frequency(text: &str) -> Result<Frequency, String> {
    Frequency::parse(text)
        .ok_or_else(|| format!("{text:?}: expected daily, weekly, monthly, quarterly or yearly"))
}

/// Builds the series, forecasts each and prints the result.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &args.read.options()?).map_err(in_file(&args.file))?;
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
    let job = ForecastJob {
        date_column: args.date_col.clone(),
        value_column: args.value_col.clone(),
        price_column: args.price_col.clone(),
        group_column: args.group_col.clone(),
        frequency: args.frequency,
        horizon: args.horizon,
        season: args.season,
        level: args.level,
        models,
        max_series: None,
        seed: args.seed,
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(
        args.save_job.as_deref(),
        &Job::Forecast(checked.spec.clone()),
    )?;
    let out = forecast::run(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if args.json {
        print_json(&output_json(&out));
    } else {
        print_output(&out);
    }
    Ok(())
}

/// The forecasts as the CLI's JSON: `{"seed", "series": [...]}`.
pub fn output_json(out: &ForecastOutput) -> Value {
    json!({"seed": out.seed, "series": out.series.iter().map(entry_json).collect::<Vec<_>>()})
}

/// Prints the forecasts as text.
pub fn print_output(out: &ForecastOutput) {
    print_text(&out.series.iter().map(entry_json).collect::<Vec<_>>());
}

fn entry_json(s: &SeriesForecast) -> Value {
    let group = s.group.clone().unwrap_or_default();
    match (&s.report, &s.error) {
        (Some(report), _) => json!({
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
            "coverage": report.backtest.coverage,
            "window_coverage": report.backtest.windows.iter()
                .map(|w| &w.coverage).collect::<Vec<_>>(),
            "backtest_horizon": report.protocol.horizon,
            "frequency": s.frequency,
            "season": s.season,
            "horizon": s.horizon,
            "observations": s.values.len(),
            "periods": s.future,
            "forecast": report.forecast,
            "level": report.interval.level,
            "lower": report.interval.lower,
            "upper": report.interval.upper,
            "scores": report.scores.iter().map(|s| json!({
                "model": s.name, "mase": s.mase, "mape": s.mape, "smape": s.smape,
                "coverage": s.coverage,
            })).collect::<Vec<_>>(),
        }),
        (None, error) => json!({
            "group": group,
            "error": error.as_ref().map_or("", |e| e.en.as_str()),
        }),
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
        println!("  {}", coverage_text(&e["coverage"]));
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

/// "interval coverage on the backtest: 80% 0.833 (30/36), 95% ..." or why there is none.
fn coverage_text(coverage: &Value) -> String {
    let parts: Vec<String> = coverage
        .as_array()
        .map(|levels| {
            levels
                .iter()
                .map(|c| {
                    format!(
                        "{}% {:.3} ({}/{})",
                        c["level"].as_f64().unwrap_or(f64::NAN),
                        c["share"].as_f64().unwrap_or(f64::NAN),
                        c["inside"].as_u64().unwrap_or(0),
                        c["steps"].as_u64().unwrap_or(0)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    if parts.is_empty() {
        "interval coverage on the backtest: none (the model gave no interval)".into()
    } else {
        format!("interval coverage on the backtest: {}", parts.join(", "))
    }
}
