//! `shoplens clv FILE [--customer-col C --date-col D --amount-col A] [--end DATE]
//! [--calibration-end DATE] [--unit week|day] [--periods N] [--discount R]
//! [--model bgnbd|pareto_nbd] [--json] [--out FILE] [--save-job JOB.json]`: customer
//! lifetime value (core's clv job, the same as the Customers tab's lifetime-value view).

use crate::interrupt::Interrupt;
use crate::order_args::OrderArgs;
use crate::output::{in_file, read_table_with, save_job, write_json, CliError, WallClock};
use crate::output_args::OutputArgs;
use shoplens_core::clv::summary::TimeUnit;
use shoplens_core::jobs::clv::{self, ClvJob, ClvModel, ClvOutput};
use shoplens_core::jobs::clv_export::clv_csv;
use shoplens_core::jobs::Job;
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `clv`.
#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV or other delimited text), one line per product per order.
    file: PathBuf,
    #[command(flatten)]
    order: OrderArgs,
    /// Last day observed, YYYY-MM-DD (default: the last order's day); later lines are left
    /// out.
    #[arg(long)]
    end: Option<String>,
    /// Also fit on the lines up to this day and compare predicted with actual repeat
    /// purchases after it (the holdout check).
    #[arg(long)]
    calibration_end: Option<String>,
    /// Time unit of recency, T, alpha and the horizon: week or day.
    #[arg(long, default_value = "week", value_parser = ["week", "day"])]
    unit: String,
    /// Periods (units) ahead to predict.
    #[arg(long, default_value_t = 52)]
    periods: u32,
    /// Annual discount rate of the expected value.
    #[arg(long, default_value_t = 0.1)]
    discount: f64,
    /// Purchase model: bgnbd or pareto_nbd (BG/NBD is reported either way).
    #[arg(long, default_value = "bgnbd", value_parser = ["bgnbd", "pareto_nbd"])]
    model: String,
    #[command(flatten)]
    output: OutputArgs,
}

/// Fits the models and prints them with the most valuable customers.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.output.read.options()?)?;
    let job = ClvJob {
        columns: args.order.columns()?,
        end: args.end,
        calibration_end: args.calibration_end,
        unit: if args.unit == "day" {
            TimeUnit::Day
        } else {
            TimeUnit::Week
        },
        periods: args.periods,
        discount: args.discount,
        model: if args.model == "pareto_nbd" {
            ClvModel::ParetoNbd
        } else {
            ClvModel::Bgnbd
        },
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(
        args.output.save_job.as_deref(),
        &Job::Clv(checked.spec.clone()),
    )?;
    let out = clv::run(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    args.output.write_csv(&clv_csv(&out, Lang::En))?;
    print(&out, args.output.json)
}

/// Prints a lifetime-value result as JSON or text.
pub fn print(out: &ClvOutput, json: bool) -> Result<(), CliError> {
    if json {
        return write_json(out);
    }
    let unit = out.unit.key();
    println!(
        "{} customers to {} ({} distinct histories), times in {unit}s",
        out.customers, out.end, out.histories
    );
    let bg = &out.bgnbd;
    println!(
        "BG/NBD: r {:.4}, alpha {:.4}, a {:.4}, b {:.4}; log-likelihood {:.2}{}",
        bg.params.r,
        bg.params.alpha,
        bg.params.a,
        bg.params.b,
        bg.report.log_likelihood,
        if bg.report.converged {
            ""
        } else {
            " (not converged)"
        }
    );
    if let Some(p) = &out.pareto_nbd {
        println!(
            "Pareto/NBD: r {:.4}, alpha {:.4}, s {:.4}, beta {:.4}; log-likelihood {:.2}",
            p.params.r, p.params.alpha, p.params.s, p.params.beta, p.report.log_likelihood
        );
    }
    match &out.gamma_gamma {
        Some(g) => println!(
            "Gamma-Gamma: p {:.4}, q {:.4}, v {:.4} on {} repeat customers; frequency-value correlation {:.3}",
            g.fitted.params.p, g.fitted.params.q, g.fitted.params.v, g.customers, g.correlation
        ),
        None => println!("Gamma-Gamma: not fitted (too few repeat customers); mean repeat value used"),
    }
    if let Some(h) = &out.holdout {
        let c = &h.comparison;
        println!(
            "Holdout after {} ({:.2} {unit}s): actual {:.0}, predicted {:.1} repeat purchases",
            h.calibration_end, c.duration, c.actual_total, c.predicted_total
        );
        println!(
            "  {:>9} {:>9} {:>9} {:>9}",
            "frequency", "customers", "actual", "predicted"
        );
        for g in &c.groups {
            let label = format!("{}{}", g.frequency, if g.and_more { "+" } else { "" });
            println!(
                "  {label:>9} {:>9} {:>9.3} {:>9.3}",
                g.customers, g.actual, g.predicted
            );
        }
    }
    println!("Segments:");
    for s in &out.segments {
        println!(
            "  {:10} {:>8} customers, expected value {}",
            s.segment.key(),
            s.customers,
            cents(s.expected_value)
        );
    }
    println!(
        "Top customers by expected value over {} {unit}s (annual discount {}):",
        out.periods, out.discount
    );
    for r in out.rows.iter().take(10) {
        println!(
            "  {:12} P(alive) {:.3}  purchases {:.2}  value {}",
            r.id,
            r.value.p_alive,
            r.value.expected_purchases,
            cents(r.value.expected_value)
        );
    }
    Ok(())
}

/// Money to the cent; a value that rounds to zero prints as `0.00`, never `-0.00` (a
/// segment of customers not expected back sums rounding noise of either sign).
fn cents(value: f64) -> String {
    let value = if value.abs() < 0.005 { 0.0 } else { value };
    format!("{value:.2}")
}

#[cfg(test)]
mod tests {
    use super::cents;

    #[test]
    fn money_that_rounds_to_zero_has_no_sign() {
        assert_eq!(cents(-1e-9), "0.00");
        assert_eq!(cents(-0.004), "0.00");
        assert_eq!(cents(-0.006), "-0.01");
        assert_eq!(cents(12.5), "12.50");
    }
}
