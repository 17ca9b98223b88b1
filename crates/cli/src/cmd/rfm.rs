//! `shoplens rfm FILE --customer-col C --date-col D (--amount-col A | --quantity-col Q
//! --price-col P) [--invoice-col I] [--as-of YYYY-MM-DD] [--json] [--out FILE]`: RFM scores
//! and named segments of the customers in an order-lines file.

use crate::output::{in_file, print_json, read_file, save_job, CliError};
use serde_json::json;
use shoplens_core::jobs::rfm::RfmJob;
use shoplens_core::jobs::Job;
use shoplens_core::segment::export::rfm_csv;
use shoplens_core::segment::{rfm, AmountColumns, OrderColumns, OrderLines};
use shoplens_core::table::read_bytes;
use shoplens_core::Lang;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `rfm`.
#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV or other delimited text), one line per product per order.
    file: PathBuf,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Customer id column; lines without an id are counted and left out.
    #[arg(long)]
    customer_col: String,
    /// Order date column.
    #[arg(long)]
    date_col: String,
    /// Line amount column (or give --quantity-col and --price-col).
    #[arg(long, conflicts_with_all = ["quantity_col", "price_col"], required_unless_present = "quantity_col")]
    amount_col: Option<String>,
    /// Quantity column (amount = quantity × price; negative quantities are cancellations).
    #[arg(long, requires = "price_col")]
    quantity_col: Option<String>,
    /// Unit price column.
    #[arg(long, requires = "quantity_col")]
    price_col: Option<String>,
    /// Order id column (C and digits marks a cancellation when those lines have negative
    /// quantities, as in Online Retail); without it an order is a
    /// customer's timestamp.
    #[arg(long)]
    invoice_col: Option<String>,
    /// Analysis day, YYYY-MM-DD (default: the day after the last order); later lines are
    /// left out.
    #[arg(long)]
    as_of: Option<String>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// Also write every customer with values, scores and segment to this CSV file.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the job that ran to this JSON file (`shoplens run` reruns it).
    #[arg(long)]
    save_job: Option<PathBuf>,
}

/// Reads the order lines and prints the segments. The JSON also gives the seconds spent
/// reading the table and computing RFM (order lines out of the table, then scores), which
/// `tools/bench_segment.py` reads.
pub fn run(args: Args) -> Result<(), CliError> {
    let started = Instant::now();
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &args.read.options()?).map_err(in_file(&args.file))?;
    let read_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let amount = match (args.amount_col, args.quantity_col, args.price_col) {
        (Some(a), _, _) => AmountColumns::Amount(a),
        (None, Some(quantity), Some(price)) => AmountColumns::QuantityPrice { quantity, price },
        _ => return Err("give --amount-col, or --quantity-col with --price-col".into()),
    };
    let columns = OrderColumns {
        customer: args.customer_col,
        date: args.date_col,
        amount,
        invoice: args.invoice_col,
    };
    let job = RfmJob {
        columns,
        as_of: args.as_of.clone(),
    }
    .check()
    .map_err(|e| e.to_string())?;
    save_job(args.save_job.as_deref(), &Job::Rfm(job.spec.clone()))?;
    let orders = OrderLines::from_table(&table, &job.spec.columns).map_err(in_file(&args.file))?;
    let result = rfm(&orders, &job.params).map_err(in_file(&args.file))?;
    let rfm_seconds = started.elapsed().as_secs_f64();
    if let Some(out) = &args.out {
        std::fs::write(out, rfm_csv(&result, None, Lang::En))
            .map_err(|e| format!("{}: {e}", out.display()))?;
    }
    if args.json {
        let segments: Vec<_> = result
            .segments
            .iter()
            .map(|s| {
                json!({
                    "name": s.name,
                    "key": s.segment.key(),
                    "customers": s.customers,
                    "revenue": s.revenue,
                    "revenue_share": s.revenue_share,
                    "mean_recency": s.mean_recency,
                    "mean_frequency": s.mean_frequency,
                    "mean_monetary": s.mean_monetary,
                })
            })
            .collect();
        print_json(&json!({
            "customers": result.customers.len(),
            "skipped_no_id": result.skipped_no_id,
            "cancelled": result.cancelled,
            "after_as_of": result.after_as_of,
            "as_of": result.as_of,
            "segments": segments,
            "seconds": {"read": read_seconds, "rfm": rfm_seconds},
        }));
    } else {
        println!(
            "{}: {} customers as of {} ({} lines without a customer id, {} cancellation lines left out)",
            args.file.display(),
            result.customers.len(),
            result.as_of,
            result.skipped_no_id,
            result.cancelled
        );
        println!(
            "  {:20} {:>9} {:>14} {:>7}",
            "segment", "customers", "revenue", "share"
        );
        for s in &result.segments {
            println!(
                "  {:20} {:>9} {:>14.2} {:>6.1}%",
                s.name,
                s.customers,
                s.revenue,
                100.0 * s.revenue_share
            );
        }
    }
    Ok(())
}
