//! A products file built from an order export, so a merchant with nothing but the shop's
//! order lines can run the inventory optimiser.
//!
//! The export says what sold and at what price; it does not say what an order costs, how
//! long the supplier takes or how goods are packed. [`products_from_orders`] therefore takes
//! the unit cost from the prices (the quantity-weighted mean price of each product, times
//! `cost_share` when the margin is known) and fills every other field from
//! [`ProductDefaults`], and [`products_csv`] writes the result as the products file the user
//! then corrects per product (the template). Only the `max_products` products with the most
//! units sold are kept: tuning thousands of slow movers at once would take minutes and
//! nobody reads such a table.
//!
//! ```
//! use shoplens_core::optimize::inventory::{products_from_orders, ProductDefaults};
//! use shoplens_core::table::{read_bytes, ReadOptions};
//! let orders = read_bytes(
//!     b"item,date,qty,price\nA,2024-01-01,2,10\nA,2024-01-02,6,6\nB,2024-01-01,1,3\n",
//!     &ReadOptions::default(),
//! ).unwrap();
//! let items = products_from_orders(&orders, ["item", "qty", "price"], &ProductDefaults::new()).unwrap();
//! assert_eq!(items[0].id, "A");
//! assert!((items[0].unit_cost - 7.0).abs() < 1e-12); // (2·10 + 6·6) / 8
//! ```

use super::simulate::Item;
use crate::table::{Column, Table};
use crate::{Allowed, Error, ErrorKind, Result, ValueType};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What an order export does not say, the same for every product until the user edits the
/// products file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductDefaults {
    /// Unit cost as a share of the selling price (1: the price itself). Default 1.
    pub cost_share: f64,
    /// Fixed cost of placing one order. Default 30.
    pub order_cost: f64,
    /// Holding cost per year as a share of the unit cost. Default 0.25.
    pub holding_rate: f64,
    /// Days from order to delivery. Default 7.
    pub lead_time: u32,
    /// Units per case. Default 1.
    pub case_pack: f64,
    /// Smallest order in units. Default 0.
    pub min_order: f64,
    /// Products kept, by units sold. Default 30.
    pub max_products: usize,
}

impl Default for ProductDefaults {
    fn default() -> Self {
        ProductDefaults::new()
    }
}

impl ProductDefaults {
    /// The defaults listed on each field.
    pub fn new() -> ProductDefaults {
        ProductDefaults {
            cost_share: 1.0,
            order_cost: 30.0,
            holding_rate: 0.25,
            lead_time: 7,
            case_pack: 1.0,
            min_order: 0.0,
            max_products: 30,
        }
    }

    /// Checks every field, naming the first bad one.
    pub fn check(&self) -> Result<()> {
        let positive = [
            ("cost_share", self.cost_share),
            ("holding_rate", self.holding_rate),
            ("case_pack", self.case_pack),
        ];
        for (name, v) in positive {
            if !(v.is_finite() && v > 0.0) {
                return Err(Error::invalid_parameter(name, v, Allowed::Positive));
            }
        }
        for (name, v) in [
            ("order_cost", self.order_cost),
            ("min_order", self.min_order),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(Error::invalid_parameter(name, v, Allowed::NonNegative));
            }
        }
        if self.lead_time > 3650 {
            return Err(Error::invalid_parameter(
                "lead_time",
                self.lead_time,
                Allowed::AtMost(3650.0),
            ));
        }
        if self.max_products == 0 {
            return Err(Error::invalid_parameter(
                "max_products",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        Ok(())
    }
}

fn number(column: &Column, row: usize) -> Result<f64> {
    column.f64(row).filter(|v| v.is_finite()).ok_or_else(|| {
        Error::new(ErrorKind::BadValue {
            line: row as u64 + 2,
            column: column.name().to_string(),
            value: column.display(row),
            expected: ValueType::Number,
        })
    })
}

/// Per product: units sold, Σ quantity × price over rows with a price, Σ quantity of those
/// rows, and the first line of the product (for errors).
#[derive(Default)]
struct Sold {
    units: f64,
    revenue: f64,
    priced_units: f64,
    first_line: u64,
}

/// Builds one [`Item`] per product of `table` (columns `[product, quantity, price]`), for
/// the `defaults.max_products` products with the most units sold, sorted by id like the
/// demand history. Returns (negative quantities) count against units sold but not toward
/// the price; a product that never sold at a positive price is an error naming its line.
pub fn products_from_orders(
    table: &Table,
    [product_column, quantity_column, price_column]: [&str; 3],
    defaults: &ProductDefaults,
) -> Result<Vec<Item>> {
    defaults.check()?;
    let product = table.column_by_name(product_column)?;
    let quantity = table.column_by_name(quantity_column)?;
    let price = table.column_by_name(price_column)?;
    let mut sold: BTreeMap<String, Sold> = BTreeMap::new();
    for row in 0..table.n_rows() {
        let q = number(quantity, row)?;
        let entry = sold.entry(product.display(row)).or_insert_with(|| Sold {
            first_line: row as u64 + 2,
            ..Sold::default()
        });
        entry.units += q;
        if q > 0.0 && !price.is_missing(row) {
            let p = number(price, row)?;
            if p > 0.0 {
                entry.revenue += q * p;
                entry.priced_units += q;
            }
        }
    }
    if sold.is_empty() {
        return Err(Error::new(ErrorKind::NoDataRows));
    }
    let mut ranked: Vec<(&String, &Sold)> = sold.iter().collect();
    ranked.sort_by(|a, b| b.1.units.total_cmp(&a.1.units).then(a.0.cmp(b.0)));
    ranked.truncate(defaults.max_products);
    ranked.sort_by(|a, b| a.0.cmp(b.0));
    ranked
        .into_iter()
        .map(|(id, s)| {
            if s.priced_units <= 0.0 {
                return Err(Error::new(ErrorKind::BadValue {
                    line: s.first_line,
                    column: price.name().to_string(),
                    value: id.clone(),
                    expected: ValueType::SoldProduct,
                }));
            }
            let unit_cost = defaults.cost_share * s.revenue / s.priced_units;
            Ok(Item {
                id: id.clone(),
                unit_cost,
                order_cost: defaults.order_cost,
                holding_rate: defaults.holding_rate,
                lead_time: defaults.lead_time,
                case_pack: defaults.case_pack,
                min_order: defaults.min_order,
                stockout_cost: unit_cost,
                volume: 1.0,
            })
        })
        .collect()
}

/// The columns of a products file, in the order [`products_csv`] writes them (the names
/// [`super::items_from_table`] reads).
pub const PRODUCT_COLUMNS: [&str; 9] = [
    "product",
    "unit_cost",
    "order_cost",
    "holding_rate",
    "lead_time",
    "case_pack",
    "min_order",
    "stockout_cost",
    "volume",
];

/// `items` as a products file (CSV, comma-separated, header [`PRODUCT_COLUMNS`]) that
/// [`super::items_from_table`] reads back to the same items.
pub fn products_csv(items: &[Item]) -> String {
    let mut out = PRODUCT_COLUMNS.join(",");
    out.push('\n');
    for i in items {
        let id = if i.id.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", i.id.replace('"', "\"\""))
        } else {
            i.id.clone()
        };
        out.push_str(&format!(
            "{id},{},{},{},{},{},{},{},{}\n",
            i.unit_cost,
            i.order_cost,
            i.holding_rate,
            i.lead_time,
            i.case_pack,
            i.min_order,
            i.stockout_cost,
            i.volume
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::inventory::items_from_table;
    use crate::table::{read_bytes, ReadOptions};

    fn orders() -> Table {
        read_bytes(
            b"sku,day,units,unit_price\nB,2024-01-01,1,3\nA,2024-01-01,2,10\nA,2024-01-02,6,6\nA,2024-01-03,-1,6\nC,2024-01-02,40,0.5\n\"D, big\",2024-01-03,5,2\n",
            &ReadOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn unit_cost_is_the_weighted_mean_price_and_the_template_reads_back() {
        let defaults = ProductDefaults {
            cost_share: 0.5,
            lead_time: 3,
            ..ProductDefaults::new()
        };
        let items =
            products_from_orders(&orders(), ["sku", "units", "unit_price"], &defaults).unwrap();
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["A", "B", "C", "D, big"]);
        // A: (2·10 + 6·6) / 8 = 7, the return at line 5 left out of the price; half of it.
        assert!((items[0].unit_cost - 3.5).abs() < 1e-12);
        assert!((items[2].unit_cost - 0.25).abs() < 1e-12);
        assert_eq!(items[1].lead_time, 3);
        let csv = products_csv(&items);
        let back = items_from_table(&read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap())
            .unwrap();
        assert_eq!(back, items);
    }

    #[test]
    fn only_the_best_sellers_are_kept() {
        let defaults = ProductDefaults {
            max_products: 2,
            ..ProductDefaults::new()
        };
        let items =
            products_from_orders(&orders(), ["sku", "units", "unit_price"], &defaults).unwrap();
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        // Units sold: C 40, A 7, D 5, B 1.
        assert_eq!(ids, ["A", "C"]);
    }

    #[test]
    fn a_product_never_priced_is_named_with_its_line() {
        let t = read_bytes(
            b"sku,units,price\nA,1,2\nB,3,0\nB,1,\n",
            &ReadOptions::default(),
        )
        .unwrap();
        let e = products_from_orders(&t, ["sku", "units", "price"], &ProductDefaults::new())
            .unwrap_err();
        assert!(
            e.to_string().starts_with("Line 3, column \"price\": \"B\""),
            "{e}"
        );
        let bad = ProductDefaults {
            holding_rate: 0.0,
            ..ProductDefaults::new()
        };
        let e = products_from_orders(&t, ["sku", "units", "price"], &bad).unwrap_err();
        assert!(e.to_string().starts_with("holding_rate = 0"), "{e}");
    }
}
