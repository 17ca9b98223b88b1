//! Sales lines as the product kernels read them: which product, when, how many, for how
//! much, and (for recommendations) who bought it in which order.
//!
//! [`SaleLines::from_table`] picks the named columns out of a [`Table`]. Lines are set aside
//! and counted, never silently merged:
//! - a line with **no product** (`skipped_no_product`);
//! - a **return or cancellation** (`cancelled`): a quantity that is not above zero, or an
//!   order id of `C` and digits when the quantities show those are cancellations (the Online
//!   Retail convention, decided by `schema::cancellations`);
//! - when a customer column is named, a line with **no customer id** (`skipped_no_customer`):
//!   ABC/XYZ keeps guest sales (their revenue is real), recommendations cannot tie them to
//!   anyone.
//!
//! Zero-price lines are kept: the units left the shelf and count towards demand. Products are
//! numbered in byte order of their names, so every later tie breaks by name for free.

use crate::schema::cancellations;
use crate::segment::dates::order_seconds;
use crate::table::{Column, ColumnData, Table};
use crate::{Error, ErrorKind, Result, ValueType};
use rustc_hash::FxHashMap;

/// Where the value of a line is.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueColumns<'a> {
    /// One column holds the line amount.
    Amount(&'a str),
    /// Amount = quantity × unit price.
    Price(&'a str),
}

/// The columns to read.
#[derive(Debug, Clone, PartialEq)]
pub struct SaleColumns<'a> {
    /// Product id column.
    pub product: &'a str,
    /// Date column (typed date/time or text the order reader understands).
    pub date: &'a str,
    /// Quantity column.
    pub quantity: &'a str,
    /// Where the money is; `None`: no revenue (recommendations need none).
    pub value: Option<ValueColumns<'a>>,
    /// Unit cost column, for margins.
    pub unit_cost: Option<&'a str>,
    /// Customer id column; when named, lines without one are set aside.
    pub customer: Option<&'a str>,
    /// Order id column; `None`: an order is one customer's timestamp.
    pub order: Option<&'a str>,
}

/// One kept line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SaleLine {
    /// Index into [`SaleLines::products`].
    pub product: u32,
    /// Seconds since 1970-01-01 (local time as exported).
    pub seconds: i64,
    /// Units sold (above zero).
    pub quantity: f64,
    /// Line revenue (0 without a value column).
    pub revenue: f64,
    /// Line margin: revenue − quantity × unit cost (0 without a cost column).
    pub margin: f64,
    /// Index into [`SaleLines::customers`] (0 without a customer column).
    pub customer: u32,
    /// Index into [`SaleLines::orders`].
    pub order: u32,
}

/// The kept lines of a table, with what was set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct SaleLines {
    /// Product ids, sorted by bytes.
    pub products: Vec<String>,
    /// Customer ids, sorted by bytes (empty without a customer column).
    pub customers: Vec<String>,
    /// Order ids as written (or `customer@seconds` without an order column), in order of
    /// first appearance.
    pub orders: Vec<String>,
    /// Kept lines, in file order.
    pub lines: Vec<SaleLine>,
    /// Lines without a product.
    pub skipped_no_product: usize,
    /// Lines without a customer (only counted when a customer column is named).
    pub skipped_no_customer: usize,
    /// Returns and cancellations.
    pub cancelled: usize,
    /// Data rows read.
    pub rows: usize,
}

impl SaleLines {
    /// Reads the kept lines of `table`. A kept line with a missing or unreadable date,
    /// quantity, price or cost is an error that names its line (1-based, header = line 1)
    /// and column.
    pub fn from_table(table: &Table, columns: &SaleColumns<'_>) -> Result<SaleLines> {
        let product = table.column_by_name(columns.product)?;
        let date = table.column_by_name(columns.date)?;
        let quantity = table.column_by_name(columns.quantity)?;
        let value = match columns.value {
            Some(ValueColumns::Amount(a)) => Some((true, table.column_by_name(a)?)),
            Some(ValueColumns::Price(p)) => Some((false, table.column_by_name(p)?)),
            None => None,
        };
        let cost = columns
            .unit_cost
            .map(|c| table.column_by_name(c))
            .transpose()?;
        let customer = columns
            .customer
            .map(|c| table.column_by_name(c))
            .transpose()?;
        let order = columns.order.map(|c| table.column_by_name(c)).transpose()?;
        // A leading C cancels an order only when the quantities agree (Superstore's
        // `CA-…` orders are sales); see `schema::cancellations`.
        let (_, cancelled) = cancellations::decide(order, Some(quantity));

        let mut out = SaleLines {
            products: Vec::new(),
            customers: Vec::new(),
            orders: Vec::new(),
            lines: Vec::with_capacity(table.n_rows()),
            skipped_no_product: 0,
            skipped_no_customer: 0,
            cancelled: 0,
            rows: table.n_rows(),
        };
        // Ids are interned in file order first, then renumbered by name once all are known.
        let mut product_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut product_names: Vec<String> = Vec::new();
        let mut customer_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut customer_names: Vec<String> = Vec::new();
        let mut order_ids: FxHashMap<String, u32> = FxHashMap::default();
        for row in 0..table.n_rows() {
            let Some(product_id) = id_text(product, row) else {
                out.skipped_no_product += 1;
                continue;
            };
            let customer_id = match customer {
                Some(c) => match id_text(c, row) {
                    Some(id) => Some(id),
                    None => {
                        out.skipped_no_customer += 1;
                        continue;
                    }
                },
                None => None,
            };
            let order_text = order.and_then(|c| id_text(c, row));
            let units = number(quantity, row)?;
            if units <= 0.0 || cancelled.get(row).copied().unwrap_or(false) {
                out.cancelled += 1;
                continue;
            }
            let seconds =
                order_seconds(date, row).ok_or_else(|| bad_value(date, row, ValueType::Date))?;
            let revenue = match value {
                Some((true, amount)) => number(amount, row)?,
                Some((false, price)) => units * number(price, row)?,
                None => 0.0,
            };
            let margin = match cost {
                Some(c) => revenue - units * number(c, row)?,
                None => 0.0,
            };
            let order_key = match order_text {
                Some(text) => text,
                None => format!("{}@{seconds}", customer_id.as_deref().unwrap_or("")),
            };
            let product_index = intern(&mut product_ids, &mut product_names, product_id);
            let customer_index = match customer_id {
                Some(id) => intern(&mut customer_ids, &mut customer_names, id),
                None => 0,
            };
            let next = order_ids.len() as u32;
            let order_index = *order_ids.entry(order_key.clone()).or_insert_with(|| {
                out.orders.push(order_key);
                next
            });
            out.lines.push(SaleLine {
                product: product_index,
                seconds,
                quantity: units,
                revenue,
                margin,
                customer: customer_index,
                order: order_index,
            });
        }
        let product_rank = sorted_ranks(&product_names);
        let customer_rank = sorted_ranks(&customer_names);
        for line in &mut out.lines {
            line.product = product_rank[line.product as usize];
            if customer.is_some() {
                line.customer = customer_rank[line.customer as usize];
            }
        }
        product_names.sort_unstable();
        customer_names.sort_unstable();
        out.products = product_names;
        out.customers = customer_names;
        Ok(out)
    }
}

fn intern(ids: &mut FxHashMap<String, u32>, names: &mut Vec<String>, id: String) -> u32 {
    if let Some(known) = ids.get(&id) {
        return *known;
    }
    let next = names.len() as u32;
    names.push(id.clone());
    ids.insert(id, next);
    next
}

/// For each name (in interning order), its position once the names are sorted by bytes.
fn sorted_ranks(names: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
    let mut rank = vec![0u32; names.len()];
    for (position, original) in order.iter().enumerate() {
        rank[*original as usize] = position as u32;
    }
    rank
}

/// An id cell as text, `None` when missing or blank.
fn id_text(column: &Column, row: usize) -> Option<String> {
    if column.is_missing(row) {
        return None;
    }
    match column.data() {
        ColumnData::Text(v) => {
            let text = v.get(row);
            (!text.is_empty()).then(|| text.to_string())
        }
        _ => Some(column.display(row)),
    }
}

fn number(column: &Column, row: usize) -> Result<f64> {
    column
        .f64(row)
        .filter(|v| v.is_finite())
        .filter(|_| column.dtype().is_numeric())
        .ok_or_else(|| bad_value(column, row, ValueType::Number))
}

fn bad_value(column: &Column, row: usize, expected: ValueType) -> Error {
    Error::new(ErrorKind::BadValue {
        line: row as u64 + 2,
        column: column.name().to_string(),
        value: column.display(row),
        expected,
    })
}

impl SaleLines {
    /// Leaves out the products `drop` marks (by index into `products`) and their lines;
    /// the other products keep their order and are numbered again. Returns each dropped
    /// product with the number of its lines, in product order.
    pub fn drop_products(&mut self, drop: &[bool]) -> Vec<(String, usize)> {
        let mut renumbered = Vec::with_capacity(self.products.len());
        let mut kept = Vec::with_capacity(self.products.len());
        let mut dropped = Vec::new();
        for (p, name) in std::mem::take(&mut self.products).into_iter().enumerate() {
            if drop.get(p).copied().unwrap_or(false) {
                renumbered.push(None);
                dropped.push((name, 0));
            } else {
                renumbered.push(Some(kept.len() as u32));
                kept.push(name);
            }
        }
        self.products = kept;
        let mut lines_of = vec![0usize; renumbered.len()];
        self.lines.retain_mut(|line| {
            let old = line.product as usize;
            match renumbered[old] {
                Some(new) => {
                    line.product = new;
                    true
                }
                None => {
                    lines_of[old] += 1;
                    false
                }
            }
        });
        let counts = lines_of
            .iter()
            .zip(&renumbered)
            .filter(|(_, new)| new.is_none())
            .map(|(n, _)| *n);
        for (entry, n) in dropped.iter_mut().zip(counts) {
            entry.1 = n;
        }
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn columns() -> SaleColumns<'static> {
        SaleColumns {
            product: "sku",
            date: "date",
            quantity: "qty",
            value: Some(ValueColumns::Price("price")),
            unit_cost: None,
            customer: Some("cust"),
            order: Some("inv"),
        }
    }

    #[test]
    fn sets_aside_returns_and_lines_without_ids() {
        let csv = b"inv,sku,cust,date,qty,price\n\
            1,b,A,2011-01-01,2,1.5\n\
            1,a,A,2011-01-01,1,0\n\
            C2,a,A,2011-01-02,-1,1.5\n\
            3,,A,2011-01-03,5,1\n\
            4,a,,2011-01-04,2,1\n\
            5,c,B,2011-01-05,1,4\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let sales = SaleLines::from_table(&table, &columns()).unwrap();
        assert_eq!(sales.products, ["a", "b", "c"]);
        assert_eq!(sales.customers, ["A", "B"]);
        assert_eq!(
            (
                sales.skipped_no_product,
                sales.skipped_no_customer,
                sales.cancelled
            ),
            (1, 1, 1)
        );
        let products: Vec<u32> = sales.lines.iter().map(|l| l.product).collect();
        assert_eq!(products, [1, 0, 2]);
        assert!((sales.lines[0].revenue - 3.0).abs() < 1e-12);
        assert_eq!(sales.orders, ["1", "5"]);
    }

    #[test]
    fn without_order_ids_an_order_is_a_customer_moment() {
        let csv = b"sku,cust,date,qty,price\na,Z,2011-01-01 10:00,1,1\nb,Z,2011-01-01 10:00,1,1\na,Y,2011-01-02,1,1\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let mut cols = columns();
        cols.order = None;
        let sales = SaleLines::from_table(&table, &cols).unwrap();
        let orders: Vec<u32> = sales.lines.iter().map(|l| l.order).collect();
        assert_eq!(orders, [0, 0, 1]);
        assert!(sales.orders[0].starts_with("Z@"), "{:?}", sales.orders);
    }

    #[test]
    fn an_unreadable_quantity_names_its_line() {
        let csv = b"inv,sku,cust,date,qty,price\n1,a,A,2011-01-01,1,1\n2,a,A,2011-01-01,x,1\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let err = SaleLines::from_table(&table, &columns()).unwrap_err();
        // Whether the reader keeps the column numeric (the bad cell named at line 3) or
        // reads it as text (line 2 is the first it cannot use), the column is named.
        assert!(
            matches!(err.kind(), ErrorKind::BadValue { column, .. } if column == "qty"),
            "{err}"
        );
    }

    /// Dropping products removes their lines, numbers the rest again in the same order
    /// and counts the lines each dropped product had.
    #[test]
    fn dropped_products_leave_with_their_lines() {
        let line = |product: u32, order: u32| SaleLine {
            product,
            seconds: 0,
            quantity: 1.0,
            revenue: 0.0,
            margin: 0.0,
            customer: 0,
            order,
        };
        let mut sales = SaleLines {
            products: ["MUG", "POSTAGE", "TEAPOT", "bag"]
                .map(String::from)
                .to_vec(),
            customers: vec!["c".into()],
            orders: vec!["1".into(), "2".into()],
            lines: vec![
                line(0, 0),
                line(1, 0),
                line(2, 0),
                line(1, 1),
                line(3, 1),
                line(2, 1),
            ],
            skipped_no_product: 0,
            skipped_no_customer: 0,
            cancelled: 0,
            rows: 6,
        };
        let dropped = sales.drop_products(&[false, true, false, true]);
        assert_eq!(
            dropped,
            [("POSTAGE".to_string(), 2), ("bag".to_string(), 1)]
        );
        assert_eq!(sales.products, ["MUG", "TEAPOT"]);
        let kept: Vec<(u32, u32)> = sales.lines.iter().map(|l| (l.product, l.order)).collect();
        assert_eq!(kept, [(0, 0), (1, 0), (1, 1)]);
    }
}
