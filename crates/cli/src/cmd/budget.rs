//! `shoplens budget FILE --total T [--json]`: split an ad budget across channels.

use crate::output::{in_file, print_json, read_table_with, save_job, CliError, WallClock};
use serde_json::json;
use shoplens_core::jobs::optimize::{run_budget, BudgetJob};
use shoplens_core::jobs::Job;
use shoplens_core::optimize::budget::{BudgetParams, ChannelLimit, Curve, ModelChoice};
use shoplens_core::optimize::genetic::GaParams;
use shoplens_core::progress::Silent;
use shoplens_core::rt::DEFAULT_SEED;
use std::path::PathBuf;

/// Arguments of `budget`.
#[derive(clap::Args)]
#[command(
    after_help = "FILE is either long (columns channel, spend, outcome) or wide (one spend \
column per channel and an outcome column, e.g. TV,radio,newspaper,sales; the outcome is --outcome, \
a column named outcome/sales/conversions/revenue, or the last column). Each channel gets a \
logarithmic a + b*ln(1+spend) and a Hill top*s^h/(k^h+s^h) fit; the total is split by greedy \
marginal return and by a genetic algorithm, against the historical split."
)]
pub struct Args {
    /// Spend and outcome history.
    file: PathBuf,
    /// The budget to split (default: the mean spend per period of the history).
    #[arg(long)]
    total: Option<f64>,
    /// Outcome column of a wide file.
    #[arg(long)]
    outcome: Option<String>,
    /// Response curve: best (per channel), log or hill.
    #[arg(long, default_value = "best", value_parser = ["best", "log", "hill"])]
    model: String,
    /// Least spend of a channel, as CHANNEL=AMOUNT (repeatable).
    #[arg(long = "min", value_name = "CHANNEL=AMOUNT")]
    mins: Vec<String>,
    /// Most spend of a channel, as CHANNEL=AMOUNT (repeatable).
    #[arg(long = "max", value_name = "CHANNEL=AMOUNT")]
    maxs: Vec<String>,
    /// Generations of the genetic algorithm.
    #[arg(long, default_value_t = 150)]
    generations: u64,
    /// Random seed; the same seed gives the same answer.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Write the job that ran to this JSON file (`shoplens run` reruns it).
    #[arg(long)]
    save_job: Option<PathBuf>,
}

fn parse_limit(text: &str, flag: &str) -> Result<(String, f64), CliError> {
    let (channel, amount) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("--{flag} {text}: expected CHANNEL=AMOUNT"))?;
    let amount: f64 = amount
        .trim()
        .parse()
        .map_err(|_| format!("--{flag} {text}: \"{amount}\" is not a number"))?;
    Ok((channel.trim().to_string(), amount))
}

fn curve_json(curve: &Curve) -> serde_json::Value {
    serde_json::to_value(curve).unwrap_or_default()
}

/// Reads the history, fits, allocates and prints the three splits.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.read.options()?)?;
    let mut params = BudgetParams::new(args.total.unwrap_or(0.0));
    params.model = match args.model.as_str() {
        "log" => ModelChoice::Log,
        "hill" => ModelChoice::Hill,
        _ => ModelChoice::Best,
    };
    params.ga = GaParams {
        generations: args.generations,
        seed: args.seed,
        ..GaParams::new()
    };
    for (list, is_min) in [(&args.mins, true), (&args.maxs, false)] {
        for text in list {
            let (channel, amount) = parse_limit(text, if is_min { "min" } else { "max" })?;
            let index = match params.limits.iter().position(|l| l.channel == channel) {
                Some(i) => i,
                None => {
                    params.limits.push(ChannelLimit {
                        channel,
                        min: None,
                        max: None,
                    });
                    params.limits.len() - 1
                }
            };
            if is_min {
                params.limits[index].min = Some(amount);
            } else {
                params.limits[index].max = Some(amount);
            }
        }
    }
    let job = BudgetJob {
        outcome: args.outcome.clone(),
        total: args.total,
        model: params.model,
        limits: params.limits,
        greedy_steps: params.greedy_steps,
        ga: params.ga,
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(args.save_job.as_deref(), &Job::Budget(checked.spec.clone()))?;
    let out =
        run_budget(&checked, &mut Silent, &WallClock::start()).map_err(in_file(&args.file))?;
    let plan = &out.plan;
    let a = &plan.allocation;
    if args.json {
        let channels: Vec<_> = plan
            .fits
            .iter()
            .enumerate()
            .map(|(i, f)| {
                json!({
                    "channel": f.name,
                    "log": {"curve": curve_json(&f.log.curve), "sse": f.log.sse},
                    "hill": {"curve": curve_json(&f.hill.curve), "sse": f.hill.sse},
                    "chosen": curve_json(&f.chosen),
                    "current": a.current.spend[i],
                    "greedy": a.greedy.spend[i],
                    "genetic": a.genetic.spend[i],
                })
            })
            .collect();
        print_json(&json!({
            "total": out.total,
            "channels": channels,
            "predicted": {
                "current": a.current.predicted,
                "greedy": a.greedy.predicted,
                "genetic": a.genetic.predicted,
            },
            "seed": a.seed,
        }));
    } else {
        println!(
            "{} channels, total {}: predicted outcome current {:.3}, greedy {:.3} ({:+.3}), genetic {:.3} ({:+.3}), seed {}",
            plan.fits.len(),
            out.total,
            a.current.predicted,
            a.greedy.predicted,
            a.greedy.uplift,
            a.genetic.predicted,
            a.genetic.uplift,
            a.seed
        );
        for (i, f) in plan.fits.iter().enumerate() {
            println!(
                "  {}: {} (sse log {:.3}, hill {:.3}); spend current {:.2}, greedy {:.2}, genetic {:.2}",
                f.name,
                f.chosen.label(shoplens_core::Lang::En),
                f.log.sse,
                f.hill.sse,
                a.current.spend[i],
                a.greedy.spend[i],
                a.genetic.spend[i]
            );
        }
    }
    Ok(())
}
