//! `shoplens baskets FILE [--basket-col C]... [--item-col C] [--json]`: turn a file into
//! baskets and say what was removed on the way.

use super::inspect::parse_delimiter;
use crate::output::{in_file, print_json, read_file, CliError};
use serde_json::json;
use shoplens_core::basket::{build_baskets, BuildOptions};
use shoplens_core::table::ReadOptions;
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `baskets`.
#[derive(clap::Args)]
pub struct Args {
    /// One basket per line, order lines, or a 0/1 matrix (CSV, .dat, XLSX...).
    file: PathBuf,
    /// Order lines: a column identifying the basket; repeat for a composite key
    /// (`--basket-col Member_number --basket-col Date`). Detected by name when absent.
    #[arg(long = "basket-col")]
    basket_cols: Vec<String>,
    /// Order lines: the item column. Detected by name when absent.
    #[arg(long = "item-col")]
    item_col: Option<String>,
    /// Order lines: the quantity column (negative = cancellation).
    #[arg(long = "quantity-col")]
    quantity_col: Option<String>,
    /// Order lines: the unit price column (gives each basket's revenue).
    #[arg(long = "price-col")]
    price_col: Option<String>,
    /// Text encoding (WHATWG label); detected by default.
    #[arg(long)]
    encoding: Option<String>,
    /// Field delimiter of order lines; sniffed by default.
    #[arg(long)]
    delimiter: Option<String>,
    /// Sheet of a spreadsheet (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

/// Builds the baskets and prints counts.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let options = BuildOptions {
        basket_columns: args.basket_cols,
        item_column: args.item_col,
        quantity_column: args.quantity_col,
        price_column: args.price_col,
        read: ReadOptions {
            encoding: args.encoding,
            delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
            sheet: args.sheet,
            ..ReadOptions::default()
        },
        ..BuildOptions::default()
    };
    let (transactions, report) = build_baskets(&bytes, &options).map_err(in_file(&args.file))?;
    let removed = report.removed;
    if args.json {
        print_json(&json!({
            "baskets": transactions.len(),
            "items": transactions.n_items(),
            "mean_basket_size": transactions.mean_basket_size(),
            "removed": {
                "cancellations": removed.cancellations,
                "blank_items": removed.blank_items,
                "duplicate_items": removed.duplicate_items,
                "zero_quantity": removed.zero_quantity,
                "blank_keys": removed.blank_keys,
                "empty_baskets": removed.empty_baskets,
            },
            "shape": report.shape,
            "detected": report.detected,
            "basket_columns": report.basket_columns,
            "item_column": report.item_column,
            "revenue": transactions.revenue.as_ref().map(|r| r.iter().sum::<f64>()),
        }));
    } else {
        println!("{}: {}", args.file.display(), report.describe(Lang::En));
        println!(
            "  {} baskets, {} items, {:.4} items per basket",
            transactions.len(),
            transactions.n_items(),
            transactions.mean_basket_size()
        );
        println!(
            "  removed: {} cancellations, {} zero quantities, {} blank items, {} blank keys, {} repeated items, {} empty baskets",
            removed.cancellations,
            removed.zero_quantity,
            removed.blank_items,
            removed.blank_keys,
            removed.duplicate_items,
            removed.empty_baskets
        );
    }
    Ok(())
}
