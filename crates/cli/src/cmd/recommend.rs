//! `shoplens recommend FILE [--customer-col C] [--product-col P] [--date-col D]
//! [--quantity-col Q] [--order-col O] [--top N] [--basket order|customer]
//! [--min-together N] [--keep-non-products] [--json] [--out CSV] [--save-job JOB]`: each customer's top products
//! they have not bought, from item-to-item co-purchase with a popularity fallback, with
//! hit rate@10 and recall@10 on every customer's held-out last order beside the
//! popularity baseline (core's recommend job, as in the Products tab). Columns left out
//! come from the file's understanding.

use crate::interrupt::Interrupt;
use crate::output::{in_file, read_table_with, save_job, write_json, CliError, WallClock};
use crate::output_args::OutputArgs;
use shoplens_core::jobs::products::{run_recommend, RecommendJob, RecommendOutput};
use shoplens_core::jobs::{Job, JobOutput};
use shoplens_core::products::export::{reason, recommendations_csv};
use shoplens_core::products::{BasketUnit, RecommendParams};
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `recommend`.
#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV or other delimited text), one line per product per order.
    file: PathBuf,
    /// Customer id column (default: the file's customer column); lines without one are
    /// left out.
    #[arg(long)]
    customer_col: Option<String>,
    /// Product id column (default: the file's item column).
    #[arg(long)]
    product_col: Option<String>,
    /// Date column (default: the file's time axis).
    #[arg(long)]
    date_col: Option<String>,
    /// Quantity column; lines with a quantity not above zero are returns and left out.
    #[arg(long)]
    quantity_col: Option<String>,
    /// Order id column (default: the file's basket column; without one, an order is a
    /// customer's timestamp).
    #[arg(long)]
    order_col: Option<String>,
    /// Products per customer.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// What a basket is for co-purchase: order or customer.
    #[arg(long, default_value = "order")]
    basket: String,
    /// Fewest baskets a pair must share to count as co-purchase evidence (default: chosen
    /// among 1, 2, 3 and 5 on each customer's second-to-last order, never the held-out last).
    #[arg(long)]
    min_together: Option<u32>,
    /// Keep items whose name says they are not products (postage, fees, placeholders);
    /// by default they are left out and listed.
    #[arg(long)]
    keep_non_products: bool,
    // `--out` writes every recommendation (customer, rank, product, score, reason) as
    // CSV, for a CRM or an e-mail tool.
    #[command(flatten)]
    output: OutputArgs,
}

/// Recommends, evaluates and prints.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.output.read.options()?)?;
    let job = RecommendJob {
        customer_column: args.customer_col.unwrap_or_default(),
        product_column: args.product_col.unwrap_or_default(),
        date_column: args.date_col.unwrap_or_default(),
        quantity_column: args.quantity_col.unwrap_or_default(),
        order_column: args.order_col.unwrap_or_default(),
        params: RecommendParams {
            top: args.top,
            basket: BasketUnit::parse(&args.basket).map_err(|e| e.to_string())?,
            min_together: args.min_together,
            ..Default::default()
        },
        keep_non_products: args.keep_non_products,
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(
        args.output.save_job.as_deref(),
        &Job::Recommend(checked.spec.clone()),
    )?;
    let out = run_recommend(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    if args.output.out.is_some() {
        args.output
            .write_csv(&recommendations_csv(&out.result.recommendations, Lang::En))?;
    }
    if args.output.json {
        return write_json(&JobOutput::Recommend(Box::new(out)));
    }
    print(&out);
    Ok(())
}

/// The evaluation beside the baseline, then the first customers' lists.
pub fn print(out: &RecommendOutput) {
    let r = &out.result;
    let e = &r.evaluation;
    println!(
        "{} customers, {} products, {} baskets ({}), {} co-purchased pairs; {} lines kept ({} returns, {} without a customer left out)",
        r.customers,
        r.products,
        r.baskets,
        r.params.basket.as_str(),
        r.pairs,
        out.lines,
        out.cancelled,
        out.skipped_no_customer
    );
    if !out.left_out.is_empty() {
        let listed: Vec<String> = out
            .left_out
            .iter()
            .map(|l| {
                format!(
                    "{} ({}, {} lines)",
                    l.product,
                    l.reason.label(Lang::En),
                    l.lines
                )
            })
            .collect();
        println!(
            "left out as not products (--keep-non-products keeps them): {}",
            listed.join(", ")
        );
    }
    match &r.selection {
        Some(selection) => println!("{}", selection.describe(Lang::En)),
        None => println!(
            "Fewest shared baskets: {} (as given).",
            r.params.min_together.unwrap_or_default()
        ),
    }
    println!(
        "held-out last orders: {} customers evaluated ({} with one order, {} with nothing new)",
        e.customers, e.single_order, e.nothing_new
    );
    println!(
        "  {:12} {:>12} {:>12}",
        "",
        format!("hit rate@{}", e.k),
        format!("recall@{}", e.k)
    );
    println!(
        "  {:12} {:>12.4} {:>12.4}",
        "co-purchase", e.recommender.hit_rate, e.recommender.recall
    );
    println!(
        "  {:12} {:>12.4} {:>12.4}",
        "popularity", e.popularity.hit_rate, e.popularity.recall
    );
    let mut shown = 0;
    let mut last = "";
    for rec in &r.recommendations {
        if rec.customer != last {
            shown += 1;
            if shown > 3 {
                break;
            }
            last = rec.customer.as_str();
            println!("customer {}:", rec.customer);
        }
        println!(
            "  {:>2}. {:14} {:>8.4}  {}",
            rec.rank,
            rec.product,
            rec.score,
            reason(rec, Lang::En)
        );
    }
}
