//! The shape of a table, and the defaults each shape gives the pages.
//!
//! In order: a **0/1 matrix** when at least three columns and nine in ten of the non-id
//! columns hold only 0 and 1 (an id column such as `Customer Number` allowed first); **order
//! lines** when an order column's ids repeat (or a customer column's, with a date: one
//! basket per customer and day) beside an item column; a **time series** when a date column
//! steps regularly (daily, weekly, monthly, quarterly, yearly; several series side by side
//! such as stores are fine) beside a number; else a **table** of records.

use super::evidence::Evidence;
use super::frequency::{self, Frequency};
use super::roles::{is_zero_one, ColumnRole};
use super::{ColumnUnderstanding, Suggested, TargetCandidate, Task};
use crate::table::{ColumnData, DataType, Table};
use crate::vocabulary;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What a file is as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// One row per product in an order (invoice, customer and day).
    OrderLines,
    /// One basket per line (FIMI `.dat`, a list of items per line).
    BasketLines,
    /// One row per basket, one 0/1 column per item.
    BasketMatrix,
    /// A table of records (customers, sessions, orders).
    Table,
    /// Values at regular dates.
    TimeSeries,
    /// A TSPLIB/CVRPLIB route instance.
    RouteInstance,
}

impl Shape {
    /// Every shape, in the order a menu lists them.
    pub const ALL: [Shape; 6] = [
        Shape::OrderLines,
        Shape::BasketLines,
        Shape::BasketMatrix,
        Shape::Table,
        Shape::TimeSeries,
        Shape::RouteInstance,
    ];

    /// The shape named `name` in JSON (`order_lines`, `table`…).
    pub fn parse(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::OrderLines => "order_lines",
            Shape::BasketLines => "basket_lines",
            Shape::BasketMatrix => "basket_matrix",
            Shape::Table => "table",
            Shape::TimeSeries => "time_series",
            Shape::RouteInstance => "route_instance",
        }
    }

    /// The name shown to the user.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Shape::OrderLines => lang.pick("订单明细（每行一件商品）", "order lines"),
            Shape::BasketLines => lang.pick("每行一个购物篮", "one basket per line"),
            Shape::BasketMatrix => lang.pick("0/1 购物篮矩阵", "0/1 basket matrix"),
            Shape::Table => lang.pick("记录表", "table of records"),
            Shape::TimeSeries => lang.pick("时间序列", "time series"),
            Shape::RouteInstance => lang.pick("配送路线实例", "route instance"),
        }
    }
}

/// Decides the shape; adjusts the roles the shape implies (a matrix's columns are items).
pub(crate) fn decide(
    table: &Table,
    columns: &mut [ColumnUnderstanding],
) -> (Shape, Vec<Evidence>, Option<Frequency>) {
    line_ids(table, columns);
    if let Some(evidence) = basket_matrix(table, columns) {
        return (Shape::BasketMatrix, evidence, None);
    }
    if let Some((_, _, evidence)) = order_lines(table, columns) {
        return (Shape::OrderLines, evidence, None);
    }
    if let Some((order, item)) = unnamed_order_lines(table, columns) {
        columns[order].role = ColumnRole::Order;
        columns[order].evidence.push(Evidence::OrderBlocks);
        columns[item].role = ColumnRole::Item;
        columns[item].evidence.push(Evidence::ItemAcrossOrders);
        if let Some((_, _, evidence)) = order_lines(table, columns) {
            return (Shape::OrderLines, evidence, None);
        }
    }
    if let Some((frequency, evidence)) = time_series(table, columns) {
        return (Shape::TimeSeries, evidence, Some(frequency));
    }
    (Shape::Table, Vec::new(), None)
}

fn basket_matrix(table: &Table, columns: &mut [ColumnUnderstanding]) -> Option<Vec<Evidence>> {
    let zero_one: Vec<usize> = (0..table.n_columns())
        .filter(|&i| is_zero_one(table.column(i)))
        .collect();
    let others: Vec<usize> = (0..table.n_columns())
        .filter(|i| !zero_one.contains(i))
        .collect();
    // At most one other column, an id: first, or whose values all differ.
    let id = match others[..] {
        [] => None,
        [i] if i == 0
            || matches!(
                columns[i].role,
                ColumnRole::Identifier | ColumnRole::Customer | ColumnRole::Order
            ) =>
        {
            Some(i)
        }
        _ => return None,
    };
    if zero_one.len() < 3 {
        return None;
    }
    let empty = (0..table.n_rows())
        .filter(|&r| {
            zero_one
                .iter()
                .all(|&c| table.column(c).f64(r).is_none_or(|v| v == 0.0))
        })
        .count();
    let mut evidence = vec![Evidence::ZeroOneColumns {
        count: zero_one.len(),
        of: table.n_columns(),
    }];
    if let Some(i) = id {
        evidence.push(Evidence::IdColumn { column: i });
        if !matches!(columns[i].role, ColumnRole::Customer | ColumnRole::Order) {
            columns[i].role = ColumnRole::Identifier;
        }
    }
    if empty > 0 {
        evidence.push(Evidence::EmptyRows { count: empty });
    }
    for &i in &zero_one {
        columns[i].role = ColumnRole::Item;
    }
    Some(evidence)
}

/// Whether the present values of column `i` repeat.
fn repeats(table: &Table, columns: &[ColumnUnderstanding], i: usize) -> bool {
    let present = table.n_rows() - table.column(i).missing_count();
    columns[i].distinct < present
}

/// The order column whose ids repeat, the best named first: an exact header (`Order ID`)
/// or `#1001` values over a loose one, then the leftmost.
fn repeated_order(table: &Table, columns: &[ColumnUnderstanding]) -> Option<usize> {
    columns
        .iter()
        .filter(|c| c.role == ColumnRole::Order && repeats(table, columns, c.index))
        .map(|c| {
            let strong = c.evidence.iter().any(|e| {
                matches!(
                    e,
                    Evidence::HashNumbers
                        | Evidence::Header {
                            concept: crate::vocabulary::Concept::Order,
                            exact: true
                        }
                )
            });
            (strong, c.index)
        })
        .max_by_key(|&(strong, i)| (strong, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// Beside an order column whose ids repeat, an order-named column whose every value
/// differs numbers the lines (Etsy's `Transaction ID`, Tmall's `子订单编号`): an identifier.
fn line_ids(table: &Table, columns: &mut [ColumnUnderstanding]) {
    let Some(order) = repeated_order(table, columns) else {
        return;
    };
    for c in columns.iter_mut() {
        let present = table.n_rows() - table.column(c.index).missing_count();
        if c.index != order && c.role == ColumnRole::Order && present >= 2 && c.distinct == present
        {
            c.role = ColumnRole::Identifier;
            c.evidence.push(Evidence::LineIds { order });
        }
    }
}

/// The basket columns and item column of order lines, with the evidence.
fn order_lines(
    table: &Table,
    columns: &[ColumnUnderstanding],
) -> Option<(Vec<usize>, usize, Vec<Evidence>)> {
    let first = |role: ColumnRole| columns.iter().find(|c| c.role == role).map(|c| c.index);
    let item = best_item(table, columns)?;
    let repeats = |i: usize| repeats(table, columns, i);
    if let Some(order) = repeated_order(table, columns) {
        return Some((
            vec![order],
            item,
            vec![Evidence::OrderAndItem { order, item }],
        ));
    }
    let customer = first(ColumnRole::Customer).filter(|&i| repeats(i))?;
    let date = first(ColumnRole::Date)?;
    Some((
        vec![customer, date],
        item,
        vec![Evidence::OrderAndItem {
            order: customer,
            item,
        }],
    ))
}

/// The item column to show and mine: among the columns whose role is item, a readable
/// name over a code (`Description` over `StockCode`), then the leftmost.
fn best_item(table: &Table, columns: &[ColumnUnderstanding]) -> Option<usize> {
    columns
        .iter()
        .filter(|c| c.role == ColumnRole::Item)
        .map(|c| {
            let text = table.column(c.index).dtype() == DataType::Text;
            (vocabulary::item_score(&c.name, text), c.index)
        })
        .max_by_key(|&(score, i)| (score, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

fn time_series(
    table: &Table,
    columns: &[ColumnUnderstanding],
) -> Option<(Frequency, Vec<Evidence>)> {
    let date = columns.iter().find(|c| c.role == ColumnRole::Date)?;
    let has_value = columns.iter().any(|c| {
        matches!(
            c.role,
            ColumnRole::Amount | ColumnRole::Quantity | ColumnRole::Price | ColumnRole::Feature
        ) && table.column(c.index).dtype().is_numeric()
    });
    // Order ids that repeat make order lines, not a series.
    let repeated_orders = columns.iter().any(|c| {
        c.role == ColumnRole::Order
            && c.distinct < table.n_rows() - table.column(c.index).missing_count()
    });
    if !has_value || repeated_orders {
        return None;
    }
    let column = table.column(date.index);
    let seconds: Vec<i64> = match column.data() {
        ColumnData::DateTime(v) => (0..column.len())
            .filter(|&r| !column.is_missing(r))
            .map(|r| v[r])
            .collect(),
        _ if date.dates.is_some_and(|d| d.year_numbers) => (0..column.len())
            .filter_map(|r| column.f64(r))
            .filter_map(|y| crate::table::infer::days_from_civil(y as i64, 1, 1))
            .map(|d| d * 86_400)
            .collect(),
        // Excel serial day numbers: day 25569 is 1970-01-01.
        _ => (0..column.len())
            .filter_map(|r| column.f64(r))
            .map(|d| (d as i64 - 25_569) * 86_400)
            .collect(),
    };
    if !one_value_per_date(table, columns, date.index) {
        return None;
    }
    let form = date.dates.and_then(|d| d.form);
    let (frequency, regular_pct) = frequency::detect(&seconds, form)?;
    let mut dates = seconds;
    dates.sort_unstable();
    dates.dedup();
    Some((
        frequency,
        vec![Evidence::RegularDates {
            column: date.index,
            dates: dates.len(),
            regular_pct,
        }],
    ))
}

/// Order lines whose headers name nothing shoplens knows (Polish, Korean, SAP field codes),
/// found by their values: an id column whose values come in contiguous blocks of a few
/// rows each, one block per id (an order's lines are written together), and a text column
/// with many values that recur across those blocks (the products). Returns (order, item).
fn unnamed_order_lines(table: &Table, columns: &[ColumnUnderstanding]) -> Option<(usize, usize)> {
    let n = table.n_rows().min(20_000);
    if n < 10
        || columns
            .iter()
            .any(|c| matches!(c.role, ColumnRole::Order | ColumnRole::Item))
    {
        return None;
    }
    let cell = |c: usize, r: usize| table.column(c).display(r);
    let order = columns.iter().find_map(|c| {
        let column = table.column(c.index);
        if column.dtype() == DataType::DateTime || column.dtype() == DataType::Decimal {
            return None;
        }
        if (0..n).any(|r| column.is_missing(r)) {
            return None;
        }
        let values: Vec<String> = (0..n).map(|r| cell(c.index, r)).collect();
        let runs = 1 + values.windows(2).filter(|w| w[0] != w[1]).count();
        let distinct: HashSet<&String> = values.iter().collect();
        // One block per id, blocks of 1.2 to 30 lines on average, at least 5 orders.
        let blocks_are_ids = runs == distinct.len();
        let mean = n as f64 / runs as f64;
        (blocks_are_ids && runs >= 5 && (1.2..=30.0).contains(&mean)).then_some(c.index)
    })?;
    let item = columns.iter().find_map(|c| {
        let column = table.column(c.index);
        if c.index == order || column.dtype() != DataType::Text || c.role == ColumnRole::Text {
            return None;
        }
        let present: Vec<usize> = (0..n).filter(|&r| !column.is_missing(r)).collect();
        let mut orders_of: std::collections::HashMap<String, HashSet<String>> =
            std::collections::HashMap::new();
        for &r in &present {
            orders_of
                .entry(cell(c.index, r))
                .or_default()
                .insert(cell(order, r));
        }
        let recurring = orders_of.values().filter(|o| o.len() >= 2).count();
        // Many products, some bought in more than one order.
        (orders_of.len() >= 5 && recurring >= 2).then_some(c.index)
    })?;
    Some((order, item))
}

/// Whether the rows hold one value per date: the dates are (nearly) all different, or a
/// grouping column splits them into several series that each are (Walmart's 45 stores by
/// week). Order lines of a shop whose headers name nothing (dates repeating across orders)
/// are not a series.
fn one_value_per_date(table: &Table, columns: &[ColumnUnderstanding], date: usize) -> bool {
    // The first rows decide: a series is one throughout, and a sample keeps this quick on
    // a million-row table.
    let rows: Vec<usize> = (0..table.n_rows())
        .filter(|&r| !table.column(date).is_missing(r))
        .take(20_000)
        .collect();
    let unique_share = |key: &dyn Fn(usize) -> String| {
        let distinct: HashSet<String> = rows.iter().map(|&r| key(r)).collect();
        distinct.len() * 10 >= rows.len() * 9
    };
    let day = |r: usize| table.column(date).display(r);
    if unique_share(&day) {
        return true;
    }
    columns
        .iter()
        .filter(|c| {
            c.index != date
                && matches!(
                    c.role,
                    ColumnRole::Category | ColumnRole::Identifier | ColumnRole::Customer
                )
        })
        .any(|c| unique_share(&|r| format!("{}\u{1f}{}", table.column(c.index).display(r), day(r))))
}

/// The defaults a page starts from.
pub(crate) fn suggest(table: &Table, columns: &[ColumnUnderstanding], shape: Shape) -> Suggested {
    let first = |role: ColumnRole| columns.iter().find(|c| c.role == role).map(|c| c.index);
    let mut s = Suggested {
        quantity_column: first(ColumnRole::Quantity),
        price_column: first(ColumnRole::Price),
        customer_column: first(ColumnRole::Customer),
        date_column: first(ColumnRole::Date),
        ..Suggested::default()
    };
    match shape {
        Shape::OrderLines => {
            if let Some((basket, item, _)) = order_lines(table, columns) {
                s.basket_columns = basket;
                s.item_column = Some(item);
            }
        }
        Shape::BasketMatrix => {
            s.matrix_item_columns = columns
                .iter()
                .filter(|c| c.role == ColumnRole::Item)
                .map(|c| c.index)
                .collect();
            s.matrix_id_column = columns
                .iter()
                .find(|c| c.role != ColumnRole::Item)
                .map(|c| c.index);
        }
        _ => s.item_column = best_item(table, columns),
    }
    s.value_column = first(ColumnRole::Amount)
        .or_else(|| first(ColumnRole::Quantity))
        .or_else(|| {
            // A time series of some other number: the last numeric feature.
            (shape == Shape::TimeSeries)
                .then(|| {
                    columns
                        .iter()
                        .rev()
                        .find(|c| {
                            c.role == ColumnRole::Feature
                                && table.column(c.index).dtype().is_numeric()
                        })
                        .map(|c| c.index)
                })
                .flatten()
        });
    let task = |i: usize| {
        let c = table.column(i);
        if c.dtype() == DataType::Boolean || !c.dtype().is_numeric() || columns[i].distinct <= 10 {
            Task::Classification
        } else {
            Task::Regression
        }
    };
    s.targets = columns
        .iter()
        .filter(|c| c.role == ColumnRole::Target)
        .chain(columns.iter().filter(|c| {
            c.role == ColumnRole::Category && c.evidence.contains(&Evidence::TwoValues)
        }))
        .map(|c| TargetCandidate {
            column: c.index,
            task: task(c.index),
        })
        .collect();
    if shape != Shape::BasketMatrix {
        s.features = columns
            .iter()
            .filter(|c| {
                matches!(
                    c.role,
                    ColumnRole::Feature
                        | ColumnRole::Category
                        | ColumnRole::Quantity
                        | ColumnRole::Price
                        | ColumnRole::Amount
                ) && c.pii.is_none()
            })
            .map(|c| c.index)
            .collect();
    }
    s
}
