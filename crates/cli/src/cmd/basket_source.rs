//! The options every basket command shares (`baskets`, `itemsets`, `rules`): how a file
//! becomes baskets, through the same core builder (shape detected, columns overridable,
//! items excluded, empty baskets kept or dropped).

use super::inspect::parse_delimiter;
use crate::output::{in_file, read_file, save_job, CliError};
use clap::ValueEnum;
use shoplens_core::basket::{build_baskets, BasketShape, BuildOptions, BuildReport, Transactions};
use shoplens_core::jobs::baskets::{BasketSource, BasketsJob, MineSettings};
use shoplens_core::jobs::Job;
use shoplens_core::table::ReadOptions;
use shoplens_core::Lang;
use std::path::Path;

/// How to read a file into baskets.
#[derive(clap::Args)]
pub struct SourceArgs {
    /// The data's shape; detected by default (basket lines, order lines or a 0/1 matrix).
    #[arg(long, value_enum)]
    shape: Option<ShapeArg>,
    /// Order lines: a column identifying the basket; repeat for a composite key
    /// (`--basket-col Member_number --basket-col Date`). Detected when absent; given alone,
    /// the item column is detected.
    #[arg(long = "basket-col")]
    basket_cols: Vec<String>,
    /// Order lines: the item column. Detected when absent.
    #[arg(long = "item-col")]
    item_col: Option<String>,
    /// Order lines: the quantity column (negative = return).
    #[arg(long = "quantity-col")]
    quantity_col: Option<String>,
    /// Order lines: the unit price column (gives each basket's revenue).
    #[arg(long = "price-col")]
    price_col: Option<String>,
    /// Leave this item out of every basket (repeatable; exact name, case-sensitive).
    #[arg(long = "exclude-item", value_name = "NAME")]
    exclude_items: Vec<String>,
    /// Leave baskets with no item out of the count of baskets (by default they count, as
    /// in pyfim and mlxtend).
    #[arg(long)]
    drop_empty_baskets: bool,
    /// Text encoding (WHATWG label); detected by default.
    #[arg(long)]
    encoding: Option<String>,
    /// Field delimiter of a table; sniffed by default.
    #[arg(long)]
    delimiter: Option<String>,
    /// Sheet of a spreadsheet (default: the first).
    #[arg(long)]
    sheet: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ShapeArg {
    /// One basket per line (CSV quoting; FIMI .dat: spaces).
    Lines,
    /// Order lines: one row per item bought, grouped by a basket column.
    Orders,
    /// A 0/1 matrix: one row per basket, one column per item.
    Matrix,
}

impl SourceArgs {
    /// The core options these arguments ask for.
    pub fn options(&self) -> Result<BuildOptions, CliError> {
        Ok(BuildOptions {
            shape: self.shape.map(|s| match s {
                ShapeArg::Lines => BasketShape::LinePerBasket,
                ShapeArg::Orders => BasketShape::OrderLines,
                ShapeArg::Matrix => BasketShape::OneHot,
            }),
            basket_columns: self.basket_cols.clone(),
            item_column: self.item_col.clone(),
            quantity_column: self.quantity_col.clone(),
            price_column: self.price_col.clone(),
            read: ReadOptions {
                encoding: self.encoding.clone(),
                delimiter: self.delimiter.as_deref().map(parse_delimiter).transpose()?,
                sheet: self.sheet.clone(),
                ..ReadOptions::default()
            },
            drop_empty_baskets: self.drop_empty_baskets,
            exclude_items: self.exclude_items.clone(),
            ..BuildOptions::default()
        })
    }

    /// The job's basket source these arguments ask for.
    pub fn source(&self) -> BasketSource {
        let options = self.options().unwrap_or_default();
        BasketSource {
            shape: options.shape,
            basket_columns: options.basket_columns,
            item_column: options.item_column,
            quantity_column: options.quantity_column,
            price_column: options.price_column,
            exclude_items: Some(options.exclude_items),
            drop_empty_baskets: options.drop_empty_baskets,
        }
    }

    /// Writes the job to `path` when given, with the shape and columns the builder used
    /// written in (`shoplens run` rebuilds the same baskets).
    pub fn save_job(
        &self,
        path: Option<&Path>,
        report: &BuildReport,
        mine: Option<MineSettings>,
    ) -> Result<(), CliError> {
        let job = BasketsJob {
            source: self.source().filled(report),
            mine,
        };
        job.check().map_err(|e| e.to_string())?;
        save_job(path, &Job::Baskets(job))
    }

    /// Reads `path` into baskets and warns on stderr about excluded names that match no
    /// item.
    pub fn load(&self, path: &Path) -> Result<(Transactions, BuildReport), CliError> {
        let bytes = read_file(path)?;
        let built = build_baskets(&bytes, &self.options()?).map_err(in_file(path))?;
        warn_unmatched(&built.1);
        Ok(built)
    }
}

/// Says on stderr which `--exclude-item` names match no item (and what matches but for
/// case).
fn warn_unmatched(report: &BuildReport) {
    for e in report.excluded.iter().filter(|e| e.baskets == 0) {
        if e.case_matches.is_empty() {
            eprintln!(
                "shoplens: --exclude-item {:?}: no item has this name",
                e.name
            );
        } else {
            eprintln!(
                "shoplens: --exclude-item {:?}: no item has this exact name; did you mean {}?",
                e.name,
                e.case_matches
                    .iter()
                    .map(|m| format!("{m:?}"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            );
        }
    }
}

/// The build report's sentences for a human reader (English).
pub fn describe(report: &BuildReport) -> Vec<String> {
    let mut lines = vec![report.describe(Lang::En)];
    if let Some(c) = &report.cancellations {
        lines.push(c.describe(Lang::En));
    }
    lines
}
