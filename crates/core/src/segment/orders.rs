//! Order lines as the customer kernels read them: who, which order, when, how much.
//!
//! [`OrderLines::from_table`] picks the columns the user named out of a [`Table`] and keeps
//! only what RFM, profiles and churn need. Two kinds of line are set aside and counted, never
//! silently merged:
//! - a line with **no customer id** (`skipped_no_id`), whatever else it is: guest checkouts
//!   cannot be tied to a customer, and folding them into one "unknown" customer would create
//!   a giant fake champion;
//! - of the remaining lines, a **cancellation** (`cancelled`): an order id starting with `C`
//!   (the Online Retail convention), a negative quantity, or, when the amount is one column,
//!   a negative amount.
//!
//! Zero-price lines are kept: they are real orders (samples, gifts) and count towards
//! frequency. Without an order-id column, an order is one (customer, timestamp) pair.

use super::dates::order_seconds;
use crate::schema::cancellations;
use crate::table::{Column, ColumnData, Table};
use crate::{Error, ErrorKind, Result, ValueType};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Where the money of a line is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AmountColumns {
    /// One column holds the line amount.
    Amount(String),
    /// Amount = quantity × unit price.
    QuantityPrice {
        /// Quantity column (negative quantities are returns/cancellations).
        quantity: String,
        /// Unit price column.
        price: String,
    },
}

/// The columns that describe order lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderColumns {
    /// Customer id column.
    pub customer: String,
    /// Order date column (typed date/time or text, see [`super::dates`]).
    pub date: String,
    /// Where the amount is.
    pub amount: AmountColumns,
    /// Order (invoice) id column, if any.
    pub invoice: Option<String>,
}

/// One kept order line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    /// Index into [`OrderLines::customers`].
    pub customer: u32,
    /// Order number, distinct per distinct order id (or customer and timestamp).
    pub order: u32,
    /// Seconds since 1970-01-01 (local time as exported).
    pub seconds: i64,
    /// Line amount.
    pub amount: f64,
    /// 0-based data row of the table the line came from.
    pub row: u32,
}

impl OrderLine {
    /// Calendar day of the line (days since 1970-01-01).
    pub fn day(&self) -> i64 {
        self.seconds.div_euclid(86_400)
    }
}

/// The kept order lines of a table, with what was set aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLines {
    /// Customer ids as written, in order of first appearance among kept lines.
    pub customers: Vec<String>,
    /// Kept lines, in file order.
    pub lines: Vec<OrderLine>,
    /// Lines with no customer id.
    pub skipped_no_id: usize,
    /// Cancellation lines with a customer id (negative quantity or amount, or an invoice of
    /// `C` and digits when the quantities show those are cancellations).
    pub cancelled: usize,
    /// Data rows read.
    pub rows: usize,
}

impl OrderLines {
    /// Reads order lines out of `table`. A present id with a missing or unreadable date or
    /// amount is an error that names the line (1-based, header = line 1) and column.
    pub fn from_table(table: &Table, columns: &OrderColumns) -> Result<OrderLines> {
        let customer = table.column_by_name(&columns.customer)?;
        let date = table.column_by_name(&columns.date)?;
        let invoice = match &columns.invoice {
            Some(name) => Some(table.column_by_name(name)?),
            None => None,
        };
        let (first, second) = match &columns.amount {
            AmountColumns::Amount(a) => (table.column_by_name(a)?, None),
            AmountColumns::QuantityPrice { quantity, price } => (
                table.column_by_name(quantity)?,
                Some(table.column_by_name(price)?),
            ),
        };
        // Keys borrow from the table (no allocation per line) and hash with a fast
        // non-cryptographic hasher: a million lines must take well under a second.
        let mut customer_index: FastMap<Key<'_>, u32> = FastMap::default();
        let mut order_index: FastMap<OrderKey<'_>, u32> = FastMap::default();
        let mut out = OrderLines {
            customers: Vec::new(),
            lines: Vec::with_capacity(table.n_rows()),
            skipped_no_id: 0,
            cancelled: 0,
            rows: table.n_rows(),
        };
        // A leading C cancels an invoice only when the quantities (or amounts) agree; see
        // `schema::cancellations`.
        let (_, cancelled) = cancellations::decide(invoice, Some(first));
        let mut previous_customer: Option<(Key<'_>, u32)> = None;
        let mut previous_order: Option<(OrderKey<'_>, u32)> = None;
        for row in 0..table.n_rows() {
            let Some(id) = cell_key(customer, row) else {
                out.skipped_no_id += 1;
                continue;
            };
            let invoice_key = invoice.and_then(|c| cell_key(c, row));
            let lead = number(first, row)?;
            let amount = match second {
                Some(price) => lead * number(price, row)?,
                None => lead,
            };
            if lead < 0.0 || cancelled.get(row).copied().unwrap_or(false) {
                out.cancelled += 1;
                continue;
            }
            let seconds =
                order_seconds(date, row).ok_or_else(|| bad_value(date, row, ValueType::Date))?;
            // Exports list an order's lines together, so most lines repeat the previous
            // line's customer and order: compare before hashing.
            let customer_id = match &previous_customer {
                Some((key, known)) if *key == id => *known,
                _ => {
                    let next_customer = out.customers.len() as u32;
                    let known = *customer_index.entry(id.clone()).or_insert_with(|| {
                        out.customers.push(customer.display(row));
                        next_customer
                    });
                    previous_customer = Some((id, known));
                    known
                }
            };
            let key = match invoice_key {
                Some(key) => OrderKey::Invoice(key),
                None => OrderKey::Moment(customer_id, seconds),
            };
            let order = match &previous_order {
                Some((known_key, known)) if *known_key == key => *known,
                _ => {
                    let next_order = order_index.len() as u32;
                    let known = *order_index.entry(key.clone()).or_insert(next_order);
                    previous_order = Some((key, known));
                    known
                }
            };
            out.lines.push(OrderLine {
                customer: customer_id,
                order,
                seconds,
                amount,
                row: row as u32,
            });
        }
        Ok(out)
    }

    /// The last kept order's calendar day (days since 1970-01-01), if any line was kept.
    pub fn last_day(&self) -> Option<i64> {
        self.lines.iter().map(OrderLine::day).max()
    }
}

/// An id cell as a hash key: integers as themselves, text borrowed from the table.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key<'t> {
    Integer(i64),
    Text(&'t str),
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum OrderKey<'t> {
    Invoice(Key<'t>),
    Moment(u32, i64),
}

/// An id cell as a key (ids may be typed as integers), `None` when missing or empty.
fn cell_key(column: &Column, row: usize) -> Option<Key<'_>> {
    if column.is_missing(row) {
        return None;
    }
    match column.data() {
        ColumnData::Integer(v) => Some(Key::Integer(v[row])),
        ColumnData::Text(v) => (!v[row].is_empty()).then_some(Key::Text(v.get(row))),
        _ => Some(Key::Other(column.display(row))),
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<MixHasher>>;

/// A small multiply-rotate hasher for id keys. The data is the user's own file, so the
/// flooding attacks SipHash (std's default) defends against do not apply, and ids hash
/// several times faster this way.
#[derive(Default)]
struct MixHasher(u64);

impl MixHasher {
    const K: u64 = 0x9E37_79B9_7F4A_7C15; // 2^64 / golden ratio: spreads bits well.

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.mix(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.mix(i);
    }

    fn write_i64(&mut self, i: i64) {
        self.mix(i as u64);
    }

    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn columns(invoice: bool) -> OrderColumns {
        OrderColumns {
            customer: "cust".into(),
            date: "date".into(),
            amount: AmountColumns::QuantityPrice {
                quantity: "qty".into(),
                price: "price".into(),
            },
            invoice: invoice.then(|| "inv".into()),
        }
    }

    #[test]
    fn sets_aside_missing_ids_and_cancellations() {
        let csv = b"inv,cust,date,qty,price\n\
            1,A,2011-01-01,2,1.5\n\
            1,A,2011-01-01,1,0\n\
            C2,A,2011-01-02,-1,1.5\n\
            3,,2011-01-03,5,1\n\
            4,B,2011-01-04,-2,1\n\
            5,B,2011-01-05,1,4\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let orders = OrderLines::from_table(&table, &columns(true)).unwrap();
        assert_eq!(orders.customers, ["A", "B"]);
        assert_eq!(orders.skipped_no_id, 1);
        assert_eq!(orders.cancelled, 2);
        assert_eq!(orders.lines.len(), 3);
        assert_eq!(orders.lines[0].order, orders.lines[1].order);
        assert_eq!(orders.lines[2].row, 5);
    }

    #[test]
    fn without_invoices_an_order_is_a_customer_moment() {
        let csv = b"cust,date,qty,price\nA,2011-01-01 10:00,1,1\nA,2011-01-01 10:00,1,1\nB,2011-01-01 10:00,1,1\nA,2011-01-02,1,1\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let orders = OrderLines::from_table(&table, &columns(false)).unwrap();
        let ids: Vec<u32> = orders.lines.iter().map(|l| l.order).collect();
        assert_eq!(ids, [0, 0, 1, 2]);
    }

    #[test]
    fn an_unreadable_date_names_its_line() {
        let csv = b"cust,date,qty,price\nA,2011-01-01,1,1\nA,someday,1,1\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let err = OrderLines::from_table(&table, &columns(false)).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::BadValue { line: 3, .. }),
            "{err}"
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let table = read_bytes(
            b"cust,when,qty,price\nA,2011-01-01,1,1\n",
            &ReadOptions::default(),
        )
        .unwrap();
        let err = OrderLines::from_table(&table, &columns(false)).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::MissingColumn { name, .. } if name == "date"));
    }
}
