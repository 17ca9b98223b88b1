//! `shoplens abc-xyz FILE [--product-col P] [--date-col D] [--quantity-col Q]
//! [--price-col U | --amount-col A] [--cost-col C] [--by revenue|quantity|margin]
//! [--period week|month] [--a-share 0.8] [--b-share 0.15] [--x-max-cv 0.5] [--y-max-cv 1]
//! [--json] [--out CSV] [--save-job JOB]`: ABC/XYZ classes of the products in an
//! order-lines file (core's abc_xyz job, the same as the Products tab's matrix). Columns
//! left out come from the file's understanding.

use crate::interrupt::Interrupt;
use crate::output::{in_file, read_table_with, save_job, write_json, CliError, WallClock};
use crate::output_args::OutputArgs;
use shoplens_core::jobs::products::{run_abc_xyz, AbcXyzJob, AbcXyzOutput};
use shoplens_core::jobs::{Job, JobOutput};
use shoplens_core::products::export::abc_xyz_csv;
use shoplens_core::products::{AbcXyzParams, Measure, Period};
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `abc-xyz`.
#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV or other delimited text), one line per product per order.
    file: PathBuf,
    /// Product id column (default: the file's item column).
    #[arg(long)]
    product_col: Option<String>,
    /// Date column (default: the file's time axis).
    #[arg(long)]
    date_col: Option<String>,
    /// Quantity column; lines with a quantity not above zero are returns and left out.
    #[arg(long)]
    quantity_col: Option<String>,
    /// Unit price column, revenue = quantity × price (default: the file's price column).
    #[arg(long, conflicts_with = "amount_col")]
    price_col: Option<String>,
    /// Line amount column, instead of quantity × price.
    #[arg(long)]
    amount_col: Option<String>,
    /// Unit cost column (needed for --by margin).
    #[arg(long)]
    cost_col: Option<String>,
    /// What ABC ranks by: revenue, quantity or margin.
    #[arg(long, default_value = "revenue")]
    by: String,
    /// Demand period for XYZ: week or month.
    #[arg(long, default_value = "month")]
    period: String,
    /// Share of the measure held by A products.
    #[arg(long, default_value_t = 0.80)]
    a_share: f64,
    /// Share held by B products (C holds the rest).
    #[arg(long, default_value_t = 0.15)]
    b_share: f64,
    /// Largest coefficient of variation of an X product.
    #[arg(long, default_value_t = 0.5)]
    x_max_cv: f64,
    /// Largest coefficient of variation of a Y product.
    #[arg(long, default_value_t = 1.0)]
    y_max_cv: f64,
    // `--out` writes every product with its class as CSV.
    #[command(flatten)]
    output: OutputArgs,
}

/// Classifies the products and prints the matrix.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.output.read.options()?)?;
    let job = AbcXyzJob {
        product_column: args.product_col.unwrap_or_default(),
        date_column: args.date_col.unwrap_or_default(),
        quantity_column: args.quantity_col.unwrap_or_default(),
        price_column: args.price_col.unwrap_or_default(),
        amount_column: args.amount_col.unwrap_or_default(),
        cost_column: args.cost_col.unwrap_or_default(),
        params: AbcXyzParams {
            by: Measure::parse(&args.by).map_err(|e| e.to_string())?,
            period: Period::parse(&args.period).map_err(|e| e.to_string())?,
            a_share: args.a_share,
            b_share: args.b_share,
            x_max_cv: args.x_max_cv,
            y_max_cv: args.y_max_cv,
        },
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(
        args.output.save_job.as_deref(),
        &Job::AbcXyz(checked.spec.clone()),
    )?;
    let out = run_abc_xyz(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if args.output.out.is_some() {
        args.output
            .write_csv(&abc_xyz_csv(&out.result, None, Lang::En))?;
    }
    if args.output.json {
        return write_json(&JobOutput::AbcXyz(Box::new(out)));
    }
    print(&out);
    Ok(())
}

/// The matrix as text: products and revenue per cell.
pub fn print(out: &AbcXyzOutput) {
    let r = &out.result;
    println!(
        "{} products from {} lines ({} returns/cancellations, {} without a product left out); ABC by {}, XYZ over {} {}s from {}",
        r.products.len(),
        out.lines,
        out.cancelled,
        out.skipped_no_product,
        r.params.by.as_str(),
        r.periods,
        r.params.period.as_str(),
        r.first_period
    );
    println!(
        "  {:5} {:>8} {:>14} {:>7} {:>8}",
        "class", "products", "revenue", "share", "service"
    );
    for cell in &r.matrix {
        println!(
            "  {}{}    {:>8} {:>14.2} {:>6.1}% {:>8.2}",
            cell.abc.as_str(),
            cell.xyz.as_str(),
            cell.products,
            cell.revenue,
            100.0 * cell.revenue_share,
            cell.service_level
        );
    }
}
