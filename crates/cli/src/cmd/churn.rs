//! `shoplens churn FILE --customer-col C --date-col D (--amount-col A | --quantity-col Q
//! --price-col P) [--invoice-col I] [--cutoff YYYY-MM-DD] [--window-days N]
//! [--classifier KIND] [--seed S] [--json]`: churn risk from order lines (core's churn job,
//! the same as the Customers tab's churn view): held-out AUC against recency alone,
//! precision, recall, F1, and the active customers most at risk.

use crate::interrupt::Interrupt;
use crate::output::{in_file, read_table_with, save_job, write_json, CliError, WallClock};
use shoplens_core::jobs::churn::{self, ChurnClassifier, ChurnJob, ChurnOutput};
use shoplens_core::jobs::Job;
use shoplens_core::segment::churn::feature_label;
use shoplens_core::segment::{AmountColumns, OrderColumns};
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `churn`.
#[derive(clap::Args)]
pub struct Args {
    /// Order lines (CSV or other delimited text), one line per product per order.
    file: PathBuf,
    /// Customer id column.
    #[arg(long)]
    customer_col: String,
    /// Order date column.
    #[arg(long)]
    date_col: String,
    /// Line amount column (or give --quantity-col and --price-col).
    #[arg(long, conflicts_with_all = ["quantity_col", "price_col"], required_unless_present = "quantity_col")]
    amount_col: Option<String>,
    /// Quantity column (amount = quantity × price).
    #[arg(long, requires = "price_col")]
    quantity_col: Option<String>,
    /// Unit price column.
    #[arg(long, requires = "quantity_col")]
    price_col: Option<String>,
    /// Order id column.
    #[arg(long)]
    invoice_col: Option<String>,
    /// Cutoff day, YYYY-MM-DD (default: the latest day whose whole window the data covers).
    #[arg(long)]
    cutoff: Option<String>,
    /// Churned = no order in this many days from the cutoff.
    #[arg(long, default_value_t = 90)]
    window_days: i64,
    /// logistic, tree, forest or knn.
    #[arg(long, default_value = "logistic")]
    classifier: String,
    /// Seed of the train/test split (and of the forest).
    #[arg(long, default_value_t = shoplens_core::rt::DEFAULT_SEED)]
    seed: u64,
    /// Write the job that ran, defaults filled in, to this JSON file.
    #[arg(long)]
    save_job: Option<PathBuf>,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// Scores churn risk and prints it.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = read_table_with(&args.file, &args.read.options()?)?;
    let amount = match (args.amount_col, args.quantity_col, args.price_col) {
        (Some(a), _, _) => AmountColumns::Amount(a),
        (None, Some(quantity), Some(price)) => AmountColumns::QuantityPrice { quantity, price },
        _ => return Err("give --amount-col, or --quantity-col and --price-col".into()),
    };
    let job = ChurnJob {
        columns: OrderColumns {
            customer: args.customer_col,
            date: args.date_col,
            amount,
            invoice: args.invoice_col,
        },
        cutoff: args.cutoff,
        window_days: args.window_days,
        classifier: ChurnClassifier::parse(&args.classifier).map_err(|e| e.to_string())?,
        seed: args.seed,
    };
    let checked = job.check(&table).map_err(in_file(&args.file))?;
    save_job(args.save_job.as_deref(), &Job::Churn(checked.spec.clone()))?;
    let out = churn::run(&checked, &table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    print(&out, args.json)
}

/// Prints a churn result as JSON or text.
pub fn print(out: &ChurnOutput, json: bool) -> Result<(), CliError> {
    if json {
        return write_json(out);
    }
    println!(
        "Cutoff {}, window {} days, {}: {} customers, {} churned; {} trained on, {} held out",
        out.cutoff,
        out.window_days,
        out.classifier.key(),
        out.customers,
        out.churned,
        out.train_size,
        out.test_size
    );
    println!("Held-out scores (churn = positive, threshold 0.5):");
    for (k, v) in [
        ("roc_auc", out.auc),
        ("recency_auc", out.recency_auc),
        ("accuracy", out.accuracy),
        ("precision", out.precision),
        ("recall", out.recall),
        ("f1", out.f1),
    ] {
        println!("  {k:12} {v:.4}");
    }
    println!("{} active customers; most at risk:", out.active);
    for c in out.at_risk.iter().take(10) {
        let factors: Vec<&str> = c
            .factors
            .iter()
            .map(|(j, _)| feature_label(*j, Lang::En))
            .collect();
        println!(
            "  {:12} {:.3}  {}",
            c.customer,
            c.probability,
            factors.join(", ")
        );
    }
    Ok(())
}
