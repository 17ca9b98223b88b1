//! `shoplens baskets FILE [--basket-col C]... [--item-col C] [--exclude-item NAME]...
//! [--out FILE] [--json]`: turn a file into baskets, say what was read and removed and
//! why, suggest items that are not products, and optionally write the baskets out.

use super::basket_source::{describe, SourceArgs};
use crate::output::{print_json, CliError};
use serde_json::json;
use shoplens_core::basket::export::basket_lines;
use shoplens_core::basket::suggest_exclusions;
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `baskets`.
#[derive(clap::Args)]
pub struct Args {
    /// One basket per line, order lines, or a 0/1 matrix (CSV, .dat, XLSX...).
    file: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    /// Write the baskets to this file, one per line, items comma-separated and quoted as
    /// CSV needs (an empty basket is `""`); `itemsets` and `rules` read it back as is.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// Write the job that ran, shape and columns filled in, to this JSON file.
    #[arg(long)]
    save_job: Option<PathBuf>,
}

/// Builds the baskets and prints counts.
pub fn run(args: Args) -> Result<(), CliError> {
    let (transactions, report) = args.source.load(&args.file)?;
    args.source
        .save_job(args.save_job.as_deref(), &report, None)?;
    if let Some(out) = &args.out {
        std::fs::write(out, basket_lines(&transactions))
            .map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let suggested = suggest_exclusions(&transactions, &report.unpriced_items);
    let removed = report.removed;
    if args.json {
        print_json(&json!({
            "baskets": transactions.len(),
            "empty_baskets": report.empty_baskets,
            "items": transactions.n_items(),
            "mean_basket_size": transactions.mean_basket_size(),
            "rows": report.rows,
            "removed": removed,
            "shape": report.shape,
            "detected": report.detected,
            "reason": report.reason,
            "basket_columns": report.basket_columns,
            "item_column": report.item_column,
            "id_column": report.id_column,
            "separator": report.separator,
            "cancellations": report.cancellations,
            "excluded": report.excluded,
            "suggested_exclusions": suggested
                .iter()
                .map(|(item, reason)| json!({"item": item, "reason": reason.code()}))
                .collect::<Vec<_>>(),
            "revenue": transactions.revenue.as_ref().map(|r| r.iter().sum::<f64>()),
        }));
    } else {
        let mut sentences = describe(&report).into_iter();
        if let Some(first) = sentences.next() {
            println!("{}: {first}", args.file.display());
        }
        for sentence in sentences {
            println!("  {sentence}");
        }
        println!(
            "  {} baskets, {} items, {:.4} items per basket",
            transactions.len(),
            transactions.n_items(),
            transactions.mean_basket_size()
        );
        println!(
            "  removed: {} cancellations, {} zero quantities, {} blank items, {} blank keys, {} repeated items, {} empty baskets, {} excluded items",
            removed.cancellations,
            removed.zero_quantity,
            removed.blank_items,
            removed.blank_keys,
            removed.duplicate_items,
            removed.empty_baskets,
            removed.excluded_items
        );
        if !suggested.is_empty() {
            println!(
                "  not products? {} (leave out with --exclude-item NAME)",
                suggested
                    .iter()
                    .map(|(item, reason)| format!("{item} ({})", reason.label(Lang::En)))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
    }
    Ok(())
}
