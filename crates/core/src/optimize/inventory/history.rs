//! Daily demand per product from a long-format table (product, date, quantity), and item
//! costs from a product table.

use super::simulate::Item;
use crate::table::{Column, ColumnData, Table};
use crate::{Error, ErrorKind, Result, ValueType};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const SECONDS_PER_DAY: i64 = 86_400;

/// Daily demand of several products over one common calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemandHistory {
    /// Product ids, sorted.
    pub products: Vec<String>,
    /// First day, as `YYYY-MM-DD`.
    pub start: String,
    /// Units per day for each product, over the same days; days without a row are zero.
    pub daily: Vec<Vec<f64>>,
}

fn bad_value(column: &Column, row: usize, expected: ValueType) -> Error {
    Error::new(ErrorKind::BadValue {
        line: row as u64 + 2,
        column: column.name().to_string(),
        value: column.display(row),
        expected,
    })
}

impl DemandHistory {
    /// Sums `quantity_column` per product and day. Dates may carry times (they are cut to
    /// the day); days between the first and last date with no row for a product are zero
    /// demand, which is what a missing day in an order export means.
    pub fn from_table(
        table: &Table,
        product_column: &str,
        date_column: &str,
        quantity_column: &str,
    ) -> Result<DemandHistory> {
        let product = table.column_by_name(product_column)?;
        let date = table.column_by_name(date_column)?;
        let quantity = table.column_by_name(quantity_column)?;
        let ColumnData::DateTime(seconds) = date.data() else {
            return Err(bad_value(date, 0, ValueType::Date));
        };
        let mut sums: BTreeMap<String, BTreeMap<i64, f64>> = BTreeMap::new();
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for (row, &second) in seconds.iter().enumerate().take(table.n_rows()) {
            if date.is_missing(row) {
                return Err(bad_value(date, row, ValueType::Date));
            }
            let q = quantity
                .f64(row)
                .filter(|v| v.is_finite())
                .ok_or_else(|| bad_value(quantity, row, ValueType::Number))?;
            let day = second.div_euclid(SECONDS_PER_DAY);
            first = first.min(day);
            last = last.max(day);
            *sums
                .entry(product.display(row))
                .or_default()
                .entry(day)
                .or_insert(0.0) += q;
        }
        if sums.is_empty() {
            return Err(Error::new(ErrorKind::NoDataRows));
        }
        let days = (last - first + 1) as usize;
        let mut products = Vec::new();
        let mut daily = Vec::new();
        for (id, by_day) in sums {
            let mut series = vec![0.0; days];
            for (day, q) in by_day {
                // Returns (negative quantities) reduce that day's demand but never below zero.
                series[(day - first) as usize] = q.max(0.0);
            }
            products.push(id);
            daily.push(series);
        }
        let (y, m, d) = crate::table::infer::civil_from_days(first);
        Ok(DemandHistory {
            products,
            start: format!("{y:04}-{m:02}-{d:02}"),
            daily,
        })
    }
}

/// Reads item costs from a table with columns `product`, `unit_cost`, `order_cost`,
/// `holding_rate`, `lead_time`, and optionally `case_pack` (default 1), `min_order`
/// (default 0), `stockout_cost` (default: the unit cost) and `volume` (default 1).
pub fn items_from_table(table: &Table) -> Result<Vec<Item>> {
    let optional = |name: &str| table.column_by_name(name).ok();
    let id = table.column_by_name("product")?;
    let unit_cost = table.column_by_name("unit_cost")?;
    let order_cost = table.column_by_name("order_cost")?;
    let holding_rate = table.column_by_name("holding_rate")?;
    let lead_time = table.column_by_name("lead_time")?;
    let (case_pack, min_order) = (optional("case_pack"), optional("min_order"));
    let (stockout_cost, volume) = (optional("stockout_cost"), optional("volume"));
    let number = |c: &Column, row: usize| {
        c.f64(row)
            .filter(|v| v.is_finite())
            .ok_or_else(|| bad_value(c, row, ValueType::Number))
    };
    let or_default = |c: Option<&Column>, row: usize, default: f64| match c {
        Some(c) if !c.is_missing(row) => number(c, row),
        _ => Ok(default),
    };
    let mut items = Vec::with_capacity(table.n_rows());
    for row in 0..table.n_rows() {
        let lead = number(lead_time, row)?;
        if lead < 0.0 || lead.fract().abs() > 1e-9 || lead > 3650.0 {
            return Err(bad_value(lead_time, row, ValueType::WholeDays));
        }
        let unit = number(unit_cost, row)?;
        let item = Item {
            id: id.display(row),
            unit_cost: unit,
            order_cost: number(order_cost, row)?,
            holding_rate: number(holding_rate, row)?,
            lead_time: lead as u32,
            case_pack: or_default(case_pack, row, 1.0)?,
            min_order: or_default(min_order, row, 0.0)?,
            stockout_cost: or_default(stockout_cost, row, unit)?,
            volume: or_default(volume, row, 1.0)?,
        };
        item.check().map_err(|_| {
            Error::new(ErrorKind::BadValue {
                line: row as u64 + 2,
                column: "product".into(),
                value: item.id.clone(),
                expected: ValueType::CostedProduct,
            })
        })?;
        items.push(item);
    }
    Ok(items)
}
