//! The Products tab's analyses as jobs: ABC/XYZ classes (`shoplens abc-xyz`) and
//! per-customer recommendations (`shoplens recommend`).
//!
//! Columns left empty are taken from the file's understanding (item, date, quantity,
//! price and customer columns, the order column among the basket columns), so a job
//! saved with its defaults written in names every column it read.

use crate::basket::{certain_non_product, ExclusionReason};
use crate::products::lines::{SaleColumns, SaleLines, ValueColumns};
use crate::products::{abc_xyz, recommend, AbcXyzParams, AbcXyzResult, Measure};
use crate::products::{RecommendParams, RecommendResult};
use crate::progress::{Progress, Stage};
use crate::rt::Clock;
use crate::schema::{understand, Suggested};
use crate::table::Table;
use crate::{Allowed, ColumnFor, Error, Result};
use serde::{Deserialize, Serialize};

/// ABC/XYZ classes of the products in an order-lines table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AbcXyzJob {
    /// Product column; empty: the file's item column.
    pub product_column: String,
    /// Date column; empty: the file's time axis.
    pub date_column: String,
    /// Quantity column; empty: the file's quantity column.
    pub quantity_column: String,
    /// Unit price column (revenue = quantity × price); empty: the file's price column,
    /// unless an amount column is given.
    pub price_column: String,
    /// Line amount column, used instead of quantity × price when given.
    pub amount_column: String,
    /// Unit cost column; needed to rank by margin.
    pub cost_column: String,
    /// Measure, period and thresholds.
    pub params: AbcXyzParams,
}

/// A checked [`AbcXyzJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedAbcXyz {
    /// The spec with every column written in.
    pub spec: AbcXyzJob,
}

impl AbcXyzJob {
    /// Fills the columns from the table's understanding and checks the thresholds.
    pub fn check(&self, table: &Table) -> Result<CheckedAbcXyz> {
        self.params.check()?;
        let mut spec = self.clone();
        let price_open =
            spec.amount_column.trim().is_empty() && spec.price_column.trim().is_empty();
        let suggested = suggestions(
            table,
            price_open
                || blank([
                    &spec.product_column,
                    &spec.date_column,
                    &spec.quantity_column,
                ]),
        );
        spec.product_column = column(
            table,
            "product_column",
            &spec.product_column,
            suggested.item_column,
        )?;
        spec.date_column = column(
            table,
            "date_column",
            &spec.date_column,
            suggested.date_column,
        )?;
        spec.quantity_column = column(
            table,
            "quantity_column",
            &spec.quantity_column,
            suggested.quantity_column,
        )?;
        spec.amount_column = optional(table, "amount_column", &spec.amount_column, None)?;
        if spec.amount_column.is_empty() {
            spec.price_column = optional(
                table,
                "price_column",
                &spec.price_column,
                suggested.price_column,
            )?;
        } else {
            spec.price_column.clear();
        }
        spec.cost_column = optional(table, "cost_column", &spec.cost_column, None)?;
        if spec.amount_column.is_empty()
            && spec.price_column.is_empty()
            && spec.params.by != Measure::Quantity
        {
            return Err(Error::invalid_parameter(
                "price_column",
                "",
                Allowed::Column(ColumnFor::PriceOrAmount),
            ));
        }
        if spec.params.by == Measure::Margin && spec.cost_column.is_empty() {
            return Err(Error::invalid_parameter(
                "cost_column",
                "",
                Allowed::Column(ColumnFor::UnitCost),
            ));
        }
        Ok(CheckedAbcXyz { spec })
    }
}

/// ABC/XYZ as every front shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbcXyzOutput {
    /// Classes, matrix and periods.
    pub result: AbcXyzResult,
    /// Data rows read.
    pub rows: usize,
    /// Lines kept.
    pub lines: usize,
    /// Returns and cancellations set aside.
    pub cancelled: usize,
    /// Lines without a product set aside.
    pub skipped_no_product: usize,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Reads the sales lines of `table` and classifies the products.
pub fn run_abc_xyz(
    job: &CheckedAbcXyz,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<AbcXyzOutput> {
    let started = clock.now_seconds();
    let spec = &job.spec;
    progress.report(Stage::Classify, 0, 2);
    let value = if !spec.amount_column.is_empty() {
        Some(ValueColumns::Amount(&spec.amount_column))
    } else if !spec.price_column.is_empty() {
        Some(ValueColumns::Price(&spec.price_column))
    } else {
        None
    };
    let sales = SaleLines::from_table(
        table,
        &SaleColumns {
            product: &spec.product_column,
            date: &spec.date_column,
            quantity: &spec.quantity_column,
            value,
            unit_cost: (!spec.cost_column.is_empty()).then_some(spec.cost_column.as_str()),
            customer: None,
            order: None,
        },
    )?;
    progress.report(Stage::Classify, 1, 2);
    let result = abc_xyz(&sales, &spec.params)?;
    progress.report(Stage::Classify, 2, 2);
    Ok(AbcXyzOutput {
        result,
        rows: sales.rows,
        lines: sales.lines.len(),
        cancelled: sales.cancelled,
        skipped_no_product: sales.skipped_no_product,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

/// Per-customer recommendations from an order-lines table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecommendJob {
    /// Customer column; empty: the file's customer column.
    pub customer_column: String,
    /// Product column; empty: the file's item column.
    pub product_column: String,
    /// Date column; empty: the file's time axis.
    pub date_column: String,
    /// Quantity column (returns are left out); empty: the file's quantity column.
    pub quantity_column: String,
    /// Order id column; empty: the file's basket column if it has one, else an order is
    /// one customer's timestamp.
    pub order_column: String,
    /// Top N, evaluation cut-off, basket unit.
    pub params: RecommendParams,
    /// Keeps products whose name says they are not products (postage, bags, fees,
    /// placeholders: [`certain_non_product`]); by default they are left out, so they are
    /// neither recommended nor taken as co-purchase evidence.
    pub keep_non_products: bool,
}

/// A product left out of the recommendations because its name says it is not one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Its name or code.
    pub product: String,
    /// What it is.
    pub reason: ExclusionReason,
    /// Its order lines, left out with it.
    pub lines: usize,
}

/// A checked [`RecommendJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedRecommend {
    /// The spec with every column written in.
    pub spec: RecommendJob,
}

impl RecommendJob {
    /// Fills the columns from the table's understanding and checks the settings.
    pub fn check(&self, table: &Table) -> Result<CheckedRecommend> {
        self.params.check()?;
        let mut spec = self.clone();
        let suggested = suggestions(
            table,
            blank([
                &spec.customer_column,
                &spec.product_column,
                &spec.date_column,
                &spec.quantity_column,
                &spec.order_column,
            ]),
        );
        spec.customer_column = column(
            table,
            "customer_column",
            &spec.customer_column,
            suggested.customer_column,
        )?;
        spec.product_column = column(
            table,
            "product_column",
            &spec.product_column,
            suggested.item_column,
        )?;
        spec.date_column = column(
            table,
            "date_column",
            &spec.date_column,
            suggested.date_column,
        )?;
        spec.quantity_column = column(
            table,
            "quantity_column",
            &spec.quantity_column,
            suggested.quantity_column,
        )?;
        let taken = [
            &spec.customer_column,
            &spec.product_column,
            &spec.date_column,
        ]
        .map(|c| table.column_index(c).ok());
        let order = suggested
            .basket_columns
            .iter()
            .copied()
            .find(|i| !taken.contains(&Some(*i)));
        spec.order_column = optional(table, "order_column", &spec.order_column, order)?;
        Ok(CheckedRecommend { spec })
    }
}

/// Recommendations as every front shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendOutput {
    /// Recommendations and their held-out evaluation.
    pub result: RecommendResult,
    /// Data rows read.
    pub rows: usize,
    /// Lines kept.
    pub lines: usize,
    /// Returns and cancellations set aside.
    pub cancelled: usize,
    /// Lines without a customer set aside.
    pub skipped_no_customer: usize,
    /// Lines without a product set aside.
    pub skipped_no_product: usize,
    /// Products left out as not products, with their lines (none when kept).
    #[serde(default)]
    pub left_out: Vec<LeftOut>,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Leaves out of `sales` the products whose name says they are not products.
fn leave_out_non_products(sales: &mut SaleLines) -> Vec<LeftOut> {
    let reasons: Vec<Option<ExclusionReason>> = sales
        .products
        .iter()
        .map(|p| certain_non_product(p))
        .collect();
    let drop: Vec<bool> = reasons.iter().map(Option::is_some).collect();
    if !drop.contains(&true) {
        return Vec::new();
    }
    let dropped = sales.drop_products(&drop);
    let mut left_out: Vec<LeftOut> = dropped
        .into_iter()
        .zip(reasons.into_iter().flatten())
        .map(|((product, lines), reason)| LeftOut {
            product,
            reason,
            lines,
        })
        .collect();
    left_out.sort_by(|a, b| {
        b.lines
            .cmp(&a.lines)
            .then_with(|| a.product.cmp(&b.product))
    });
    left_out
}

/// Reads the order lines of `table`, recommends and evaluates.
pub fn run_recommend(
    job: &CheckedRecommend,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<RecommendOutput> {
    let started = clock.now_seconds();
    let spec = &job.spec;
    let mut sales = SaleLines::from_table(
        table,
        &SaleColumns {
            product: &spec.product_column,
            date: &spec.date_column,
            quantity: &spec.quantity_column,
            value: None,
            unit_cost: None,
            customer: Some(&spec.customer_column),
            order: (!spec.order_column.is_empty()).then_some(spec.order_column.as_str()),
        },
    )?;
    let left_out = if spec.keep_non_products {
        Vec::new()
    } else {
        leave_out_non_products(&mut sales)
    };
    let result = recommend(&sales, &spec.params, progress)?;
    Ok(RecommendOutput {
        result,
        rows: sales.rows,
        lines: sales.lines.len(),
        cancelled: sales.cancelled,
        skipped_no_customer: sales.skipped_no_customer,
        skipped_no_product: sales.skipped_no_product,
        left_out,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

/// Whether any of the columns is left open.
fn blank<const N: usize>(given: [&String; N]) -> bool {
    given.iter().any(|c| c.trim().is_empty())
}

/// The understanding's suggestions, computed only when a column is left open (`open`).
fn suggestions(table: &Table, open: bool) -> Suggested {
    if open {
        understand(table).suggested
    } else {
        Suggested::default()
    }
}

/// A required column: as given, else the suggestion; an error naming the field when
/// neither is a column of the table.
fn column(table: &Table, field: &str, given: &str, suggested: Option<usize>) -> Result<String> {
    let name = optional(table, field, given, suggested)?;
    if name.is_empty() {
        return Err(Error::invalid_parameter(field, "", Allowed::ColumnName));
    }
    Ok(name)
}

/// An optional column: as given (checked), else the suggestion, else empty.
fn optional(table: &Table, field: &str, given: &str, suggested: Option<usize>) -> Result<String> {
    let given = given.trim();
    if !given.is_empty() {
        return match table.column_by_name(given) {
            Ok(_) => Ok(given.to_string()),
            Err(_) => Err(Error::invalid_parameter(field, given, Allowed::ColumnName)),
        };
    }
    Ok(suggested.map_or(String::new(), |i| table.columns()[i].name().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    const SAMPLE: &[u8] = include_bytes!("../../../../public/samples/online-retail-orders.csv");

    #[test]
    fn columns_come_from_the_understanding() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let abc = AbcXyzJob::default().check(&table).unwrap().spec;
        assert_eq!(abc.date_column, "InvoiceDate");
        assert_eq!(abc.quantity_column, "Quantity");
        assert_eq!(abc.price_column, "UnitPrice");
        let rec = RecommendJob::default().check(&table).unwrap().spec;
        assert_eq!(rec.customer_column, "CustomerID");
        assert_eq!(rec.order_column, "InvoiceNo");
        assert_eq!(rec.product_column, abc.product_column);
    }

    #[test]
    fn margin_needs_a_cost_column_and_bad_columns_are_named() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let margin = AbcXyzJob {
            params: AbcXyzParams {
                by: Measure::Margin,
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(margin.check(&table).is_err());
        let wrong = RecommendJob {
            customer_column: "nope".into(),
            ..Default::default()
        };
        let err = wrong.check(&table).unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
    }

    /// Postage is left out of the recommendations by default, named with its lines, and
    /// kept (then counted among the lines) when asked.
    #[test]
    fn non_products_are_left_out_unless_kept() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let run = |keep_non_products| {
            let job = RecommendJob {
                keep_non_products,
                ..Default::default()
            };
            let checked = job.check(&table).unwrap();
            run_recommend(&checked, &table, &mut Silent, &FrozenClock).unwrap()
        };
        let left = run(false);
        assert_eq!(left.left_out.len(), 1, "{:?}", left.left_out);
        let postage = &left.left_out[0];
        assert!(postage.product.starts_with("POST"), "{}", postage.product);
        assert_eq!(
            (postage.reason, postage.lines),
            (ExclusionReason::Shipping, 1)
        );
        assert!(left
            .result
            .recommendations
            .iter()
            .all(|r| r.product != postage.product));
        let kept = run(true);
        assert!(kept.left_out.is_empty());
        assert_eq!(kept.lines, left.lines + 1);
        assert_eq!(kept.result.products, left.result.products + 1);
    }
}
