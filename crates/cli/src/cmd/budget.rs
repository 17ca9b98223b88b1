//! `shoplens budget FILE [--total T] [--currency C] [--period P] [--json]`: split an ad
//! budget across channels; `shoplens budget --template` prints a history file to fill in.

use crate::interrupt::Interrupt;
use crate::output::{in_file, print_json, read_table_with, save_job, CliError, WallClock};
use serde_json::json;
use shoplens_core::jobs::optimize::{run_budget, BudgetJob};
use shoplens_core::jobs::Job;
use shoplens_core::optimize::budget::{
    BudgetParams, ChannelLimit, Curve, ModelChoice, Period, Recommended, TEMPLATE_CSV,
};
use shoplens_core::optimize::genetic::GaParams;
use shoplens_core::rt::DEFAULT_SEED;
use std::path::PathBuf;

/// Arguments of `budget`.
#[derive(clap::Args)]
#[command(
    after_help = "FILE is either long (columns channel, spend, outcome) or wide (one spend \
column per channel and an outcome column, e.g. TV,radio,newspaper,sales; the outcome is --outcome, \
a column named outcome/sales/conversions/revenue, or the last column). Rows are in time order. \
The model (--model best or hill) is outcome = base + sum over channels of \
top*a^h/(k^h+a^h), a the channel's spend carried over geometrically (a[t] = (1-d)*x[t] + \
d*a[t-1], d fitted in [0, 0.9]); it never predicts below zero and saturates. --model log fits \
max(0, a + b*ln(1+spend)) per channel instead. The total is split by greedy marginal return \
and by a genetic algorithm; a split is recommended only when it predicts more than the \
historical one, and spends more than 25% outside the history's range are flagged as \
extrapolation. The fit is checked by refitting on the first rows and scoring the last \
--holdout share against a straight line."
)]
pub struct Args {
    /// Spend and outcome history.
    #[arg(required_unless_present = "template")]
    file: Option<PathBuf>,
    /// Print a history file to fill in (CSV) and exit.
    #[arg(long)]
    template: bool,
    /// Currency of spend, e.g. USD or CNY (default: named by a column, else unstated).
    #[arg(long)]
    currency: Option<String>,
    /// What one row covers: day, week, month, quarter, year or row (default: from the dates).
    #[arg(long, value_parser = ["day", "week", "month", "quarter", "year", "row"])]
    period: Option<String>,
    /// Share of the rows, at the end, the fit check holds out.
    #[arg(long, default_value_t = 0.25)]
    holdout: f64,
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
    if args.template {
        print!("{TEMPLATE_CSV}");
        return Ok(());
    }
    let Some(file) = args.file.clone() else {
        return Err("FILE is required".into());
    };
    let table = read_table_with(&file, &args.read.options()?)?;
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
        currency: args.currency.clone().unwrap_or_default(),
        period: args.period.as_deref().map(|p| match p {
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "quarter" => Period::Quarter,
            "year" => Period::Year,
            _ => Period::Row,
        }),
        holdout: args.holdout,
    };
    let checked = job.check(&table).map_err(in_file(&file))?;
    save_job(args.save_job.as_deref(), &Job::Budget(checked.spec.clone()))?;
    let out = run_budget(&checked, &mut Interrupt, &WallClock::start()).map_err(in_file(&file))?;
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
                    "decay": f.decay,
                    "history_range": [f.history_min, f.history_max],
                    "extrapolated": {
                        "current": plan.extrapolated[0][i],
                        "greedy": plan.extrapolated[1][i],
                        "genetic": plan.extrapolated[2][i],
                    },
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
            "recommended": a.recommended,
            "base": plan.base,
            "r2": plan.r2,
            "holdout": plan.holdout,
            "currency": out.currency,
            "period": out.period,
        }));
    } else {
        let unit = if out.currency.is_empty() {
            String::new()
        } else {
            format!(" {}", out.currency)
        };
        println!(
            "{} channels, total {}{unit} per {:?}: predicted outcome current {:.3}, greedy {:.3} ({:+.3}), genetic {:.3} ({:+.3}), seed {}",
            plan.fits.len(),
            out.total,
            out.period,
            a.current.predicted,
            a.greedy.predicted,
            a.greedy.uplift,
            a.genetic.predicted,
            a.genetic.uplift,
            a.seed
        );
        match a.recommended {
            Recommended::Current => {
                println!("  recommendation: keep the current split (no other split predicts more)")
            }
            Recommended::Greedy => println!("  recommendation: the greedy split"),
            Recommended::Genetic => println!("  recommendation: the genetic split"),
        }
        println!("  fit: R² {:.4} in sample", plan.r2);
        if let Some(h) = &plan.holdout {
            println!(
                "  held out (fitted on the first {} rows, scored on the last {}): RMSE {:.4}, straight line {:.4}",
                h.training_rows, h.held_out_rows, h.rmse, h.linear_rmse
            );
        }
        for (i, f) in plan.fits.iter().enumerate() {
            let flag = |k: usize| {
                if plan.extrapolated[k][i] {
                    " (extrapolated)"
                } else {
                    ""
                }
            };
            println!(
                "  {}: {} carry-over {:.2}; spend current {:.2}{}, greedy {:.2}{}, genetic {:.2}{} (history {:.2}..{:.2})",
                f.name,
                f.chosen.label(shoplens_core::Lang::En),
                f.decay,
                a.current.spend[i],
                flag(0),
                a.greedy.spend[i],
                flag(1),
                a.genetic.spend[i],
                flag(2),
                f.history_min,
                f.history_max
            );
        }
    }
    Ok(())
}
