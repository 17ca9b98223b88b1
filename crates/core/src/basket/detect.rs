//! Which shape of basket data a file holds, and which columns to use, with the evidence.
//!
//! Small pure functions over a [`Table`] (the file's first lines, or all of it) and the
//! first lines of its text, so that the file-understanding module can call them or take
//! them over:
//! - [`integer_lines`]: lines of whole numbers separated by spaces are a FIMI `.dat` file
//!   (one basket per line, no header);
//! - [`one_hot_layout`]: every column holds only 0/1 (true/false, yes/no, Y/N, 1.0/0.0)
//!   except at most one identifier (`Customer Number`, `TransactionID`, row numbers);
//! - [`guess_order_lines`]: an invoice/order column and an item column by name, or a
//!   customer column and a date (one basket per customer per day);
//! - otherwise a table with a header and typed columns (dates, prices) is not
//!   basket-bearing ([`not_baskets`] names the columns to group by), and text without a
//!   header, with ragged lines or in one column is one basket per line.

use crate::schema::Understanding;
use crate::table::{infer::parse_boolean, Column, ColumnData, DataType, ReadWarning, Table};
use crate::trim::trim;
use crate::vocabulary::{self, concept_of, Concept};
use crate::{Error, ErrorKind, Lang, Result};
use serde::{Deserialize, Serialize};

/// Which columns of an order-lines table to use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderLines {
    /// The column(s) whose values together identify a basket.
    pub basket_columns: Vec<String>,
    /// The item column.
    pub item_column: String,
    /// Optional quantity column.
    pub quantity_column: Option<String>,
    /// Optional unit price column.
    pub price_column: Option<String>,
}

/// Why the builder read the data as it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShapeReason {
    /// The shape or the columns were given.
    Given,
    /// Lines of whole numbers separated by spaces (a FIMI `.dat` file).
    IntegerLines,
    /// Every column is 0/1 (or true/false, yes/no), but at most one identifier.
    BinaryColumns,
    /// An invoice/order column and an item column, found by their names.
    OrderColumnNames,
    /// No order column, but a customer column and a date: one basket per customer per day.
    CustomerAndDate,
    /// The lines have different numbers of fields.
    RaggedLines,
    /// The first line is data, not column names.
    NoHeader,
    /// A single column.
    SingleColumn,
}

impl ShapeReason {
    /// The evidence as shown to the user.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            ShapeReason::Given => lang.pick("按设置", "as set"),
            ShapeReason::IntegerLines => lang.pick(
                "每行是用空格分隔的整数（FIMI .dat 格式）",
                "lines of whole numbers separated by spaces (a FIMI .dat file)",
            ),
            ShapeReason::BinaryColumns => lang.pick(
                "除一个编号列外每列都只有 0/1",
                "every column holds only 0/1 but at most one identifier",
            ),
            ShapeReason::OrderColumnNames => lang.pick(
                "有订单/发票号列和商品列",
                "an invoice/order column and an item column, found by name",
            ),
            ShapeReason::CustomerAndDate => lang.pick(
                "没有订单号列：按顾客和日期分组（每位顾客每天一个购物篮）",
                "no order column: grouped by customer and date (one basket per customer per day)",
            ),
            ShapeReason::RaggedLines => lang.pick(
                "各行字段数不同",
                "the lines have different numbers of fields",
            ),
            ShapeReason::NoHeader => lang.pick(
                "第一行是数据而不是列名",
                "the first line is data, not column names",
            ),
            ShapeReason::SingleColumn => lang.pick("只有一列", "a single column"),
        }
    }
}

/// The column that best names `concept`, scored per column so the winner never depends on
/// the order of a word list: an exact header beats one that contains a word; for items a
/// readable name beats a code (`Description` over `StockCode`); for quantities and prices
/// only numbers count; among equals the leftmost column. Header words come from
/// [`crate::vocabulary`], the one place they live.
fn find_named(table: &Table, concept: Concept) -> Option<String> {
    table
        .columns()
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let exact = match concept_of(c.name()) {
                // An order column must name a number, not an order's date or status.
                _ if concept == Concept::Order => {
                    if !is_invoice_name(c.name()) {
                        return None;
                    }
                    vocabulary::names(c.name(), Concept::Order) == Some(true)
                }
                Some((found, exact)) if found == concept => exact,
                _ => return None,
            };
            if matches!(concept, Concept::Quantity | Concept::Price) && !c.dtype().is_numeric() {
                return None;
            }
            let fit = match concept {
                Concept::Item => vocabulary::item_score(c.name(), c.dtype() == DataType::Text),
                _ => 0,
            };
            Some(((fit, u8::from(exact)), std::cmp::Reverse(i), c))
        })
        .max_by_key(|(score, at, _)| (*score, *at))
        .map(|(_, _, c)| c.name().to_string())
}

/// Whether a column name says it holds invoice or order numbers (`InvoiceNo`, `Order ID`,
/// `订单编号`, `Receipt number`), not an order's date or status: the header is an order
/// word, or holds one and ends like a code.
pub fn is_invoice_name(name: &str) -> bool {
    match vocabulary::names(name, Concept::Order) {
        Some(true) => true,
        Some(false) => vocabulary::is_code_header(name),
        None => false,
    }
}

/// The bits of 0.0 and 1.0 (exact values, not a tolerance: a cell is 0 or 1 or not).
const ZERO: u64 = 0;
const ONE: u64 = 0x3ff0_0000_0000_0000;

/// Whether every present cell of a column is 0/1, true/false, yes/no, Y/N or 1.0/0.0.
pub fn is_binary(column: &Column) -> bool {
    match column.data() {
        ColumnData::Boolean(_) => true,
        ColumnData::Integer(_) | ColumnData::Decimal(_) => (0..column.len())
            .filter(|&r| !column.is_missing(r))
            .all(|r| {
                column
                    .f64(r)
                    .is_some_and(|v| matches!(v.to_bits(), ZERO | ONE))
            }),
        ColumnData::Text(v) => {
            let mut used = vec![false; v.dictionary().len()];
            for (row, &code) in v.codes().iter().enumerate() {
                if !column.is_missing(row) {
                    used[code as usize] = true;
                }
            }
            v.dictionary()
                .iter()
                .zip(used)
                .filter(|(_, used)| *used)
                .all(|(value, _)| binary_text(value).is_some())
        }
        ColumnData::DateTime(_) => false,
    }
}

fn binary_text(value: &str) -> Option<bool> {
    match trim(value) {
        "1" | "1.0" => Some(true),
        "0" | "0.0" => Some(false),
        other => parse_boolean(other),
    }
}

/// Whether row `row` of a binary column is a 1 (missing cells are 0).
pub(crate) fn is_one(column: &Column, row: usize) -> bool {
    if column.is_missing(row) {
        return false;
    }
    match column.data() {
        ColumnData::Boolean(v) => v[row],
        ColumnData::Text(v) => binary_text(v.get(row)).unwrap_or(false),
        _ => column.f64(row).is_some_and(|v| v > 0.5),
    }
}

/// The columns of a 0/1 basket matrix: the item columns and the identifier, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneHotLayout {
    /// Positions of the item columns (every 0/1 column).
    pub items: Vec<usize>,
    /// Position of the one column that is not 0/1 (an identifier), if any.
    pub id: Option<usize>,
}

/// The layout when the table is a 0/1 matrix: at least two 0/1 columns and at most one
/// other column, which must look like an identifier (its values are distinct, or its name
/// says so).
pub fn one_hot_layout(table: &Table) -> Option<OneHotLayout> {
    let layout = binary_columns(table);
    if layout.items.len() < 2 || layout.items.len() + 1 < table.n_columns() {
        return None;
    }
    match layout.id {
        Some(id) if !looks_like_identifier(table.column(id)) => None,
        _ => Some(layout),
    }
}

/// Every 0/1 column as an item, and the first other column as the identifier (for a
/// matrix the user declared).
pub(crate) fn binary_columns(table: &Table) -> OneHotLayout {
    let (items, others): (Vec<usize>, Vec<usize>) =
        (0..table.n_columns()).partition(|&i| is_binary(table.column(i)));
    OneHotLayout {
        items,
        id: others.first().copied(),
    }
}

fn looks_like_identifier(column: &Column) -> bool {
    let n = vocabulary::normalise(column.name());
    let named = n.is_empty()
        || n.starts_with("unnamed")
        || vocabulary::is_code_header(&n)
        || concept_of(&n).is_some_and(|(c, _)| c == Concept::Identifier);
    named || distinct_present(column) == column.len() - column.missing_count()
}

fn distinct_present(column: &Column) -> usize {
    match column.data() {
        ColumnData::Text(v) => {
            let mut used = vec![false; v.dictionary().len()];
            for (row, &code) in v.codes().iter().enumerate() {
                if !column.is_missing(row) {
                    used[code as usize] = true;
                }
            }
            used.into_iter().filter(|&u| u).count()
        }
        _ => {
            let mut values: Vec<u64> = (0..column.len())
                .filter_map(|r| column.f64(r).map(f64::to_bits))
                .collect();
            values.sort_unstable();
            values.dedup();
            values.len()
        }
    }
}

/// Whether the first lines are whole numbers separated by spaces (FIMI `.dat`).
pub fn integer_lines(lines: &[&str]) -> bool {
    !lines.is_empty()
        && lines.iter().all(|line| {
            let line = line.trim_end_matches('\r');
            line.bytes().any(|b| b.is_ascii_digit())
                && line
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b' ' || b == b'\t')
        })
}

/// Guesses the columns of order lines: an invoice/order column and an item column by
/// name, or a customer column plus a date column when there is no order column.
pub fn guess_order_lines(table: &Table) -> Result<OrderLines> {
    guess_columns(table, &[], None).map(|(spec, _)| spec)
}

/// Fills the order-line columns the user left open; returns the reason of the guess.
pub(crate) fn guess_columns(
    table: &Table,
    basket_columns: &[String],
    item_column: Option<&str>,
) -> Result<(OrderLines, ShapeReason)> {
    guess_columns_understood(table, basket_columns, item_column, None)
}

/// [`guess_columns`] reading `understanding` (the table's, when the caller already has it)
/// instead of understanding the table again.
pub(crate) fn guess_columns_understood(
    table: &Table,
    basket_columns: &[String],
    item_column: Option<&str>,
    understanding: Option<&Understanding>,
) -> Result<(OrderLines, ShapeReason)> {
    if basket_columns.is_empty() && item_column.is_none() {
        if let Some(found) = understood_order_lines(table, understanding) {
            return Ok(found);
        }
    }
    let (baskets, reason) = if basket_columns.is_empty() {
        match guess_basket(table) {
            Some(found) => found,
            None => return Err(not_baskets(table)),
        }
    } else {
        (basket_columns.to_vec(), ShapeReason::Given)
    };
    let item = match item_column {
        Some(item) => Some(item.to_string()),
        // By values only when the user named the basket: detection needs a named item.
        None => find_named(table, Concept::Item)
            .filter(|i| !baskets.contains(i))
            .or_else(|| {
                (!basket_columns.is_empty())
                    .then(|| item_by_values(table, &baskets))
                    .flatten()
            }),
    };
    let Some(item) = item else {
        return Err(not_baskets(table));
    };
    let reason = if item_column.is_some() || !basket_columns.is_empty() {
        ShapeReason::Given
    } else {
        reason
    };
    Ok((
        OrderLines {
            basket_columns: baskets,
            item_column: item,
            quantity_column: find_named(table, Concept::Quantity),
            price_column: find_named(table, Concept::Price),
        },
        reason,
    ))
}

/// The order lines the file's understanding ([`crate::schema`]) finds, so that `baskets`
/// groups the lines `inspect` and the Data page say it does. `None` when the understanding
/// is of another shape; the header words alone may still find order lines then. `given`
/// is the table's understanding when the caller has it; otherwise it is computed here.
fn understood_order_lines(
    table: &Table,
    given: Option<&Understanding>,
) -> Option<(OrderLines, ShapeReason)> {
    use crate::schema::{understand, ColumnRole, Shape};
    let computed;
    let u = match given {
        Some(u) => u,
        None => {
            computed = understand(table);
            &computed
        }
    };
    if u.shape != Shape::OrderLines {
        return None;
    }
    let spec = understood_columns(u, table)?;
    let reason = if u.columns[u.suggested.basket_columns[0]].role == ColumnRole::Order {
        ShapeReason::OrderColumnNames
    } else {
        ShapeReason::CustomerAndDate
    };
    Some((spec, reason))
}

/// The names of the order-line columns an understanding suggests (basket, item, quantity,
/// price), or `None` unless it suggests basket and item columns the table has.
pub fn understood_columns(
    understanding: &crate::schema::Understanding,
    table: &Table,
) -> Option<OrderLines> {
    let name = |i: usize| table.columns().get(i).map(|c| c.name().to_string());
    let s = &understanding.suggested;
    let basket_columns: Vec<String> = s.basket_columns.iter().filter_map(|&i| name(i)).collect();
    if basket_columns.is_empty() {
        return None;
    }
    Some(OrderLines {
        basket_columns,
        item_column: s.item_column.and_then(name)?,
        quantity_column: s.quantity_column.and_then(name),
        price_column: s.price_column.and_then(name),
    })
}

fn guess_basket(table: &Table) -> Option<(Vec<String>, ShapeReason)> {
    if let Some(order) = find_named(table, Concept::Order) {
        return Some((vec![order], ShapeReason::OrderColumnNames));
    }
    let customer = find_named(table, Concept::Customer)?;
    let date = find_named(table, Concept::Date).or_else(|| {
        table
            .columns()
            .iter()
            .find(|c| c.dtype() == DataType::DateTime)
            .map(|c| c.name().to_string())
    })?;
    Some((vec![customer, date], ShapeReason::CustomerAndDate))
}

/// The text column (not a key) with the most distinct values that repeat: the item
/// column when its name says nothing.
fn item_by_values(table: &Table, keys: &[String]) -> Option<String> {
    table
        .columns()
        .iter()
        .filter(|c| c.dtype() == DataType::Text && !keys.iter().any(|k| k == c.name()))
        .map(|c| (distinct_present(c), c))
        .filter(|(d, c)| *d >= 2 && *d < c.len() - c.missing_count())
        .max_by_key(|(d, _)| *d)
        .map(|(_, c)| c.name().to_string())
}

/// What a table without a basket shape offers to group by: the columns whose values
/// repeat (keys: text or whole numbers, ids first) and the text columns that could name
/// items.
pub fn group_by_suggestions(table: &Table) -> (Vec<String>, Vec<String>) {
    let repeats = |c: &Column| {
        let d = distinct_present(c);
        d >= 2 && d < c.len() - c.missing_count()
    };
    let keyish = |c: &Column| {
        is_invoice_name(c.name())
            || concept_of(c.name()).is_some_and(|(k, _)| k == Concept::Customer)
            || vocabulary::is_code_header(c.name())
    };
    let mut group: Vec<String> = table
        .columns()
        .iter()
        .filter(|c| c.dtype() != DataType::DateTime && keyish(c) && repeats(c))
        .take(2)
        .map(|c| c.name().to_string())
        .collect();
    if let Some(date) = table
        .columns()
        .iter()
        .find(|c| c.dtype() == DataType::DateTime)
    {
        group.push(date.name().to_string());
    }
    let mut items: Vec<&Column> = table
        .columns()
        .iter()
        .filter(|c| c.dtype() == DataType::Text && !group.iter().any(|g| g == c.name()))
        .filter(|c| repeats(c))
        .collect();
    items.sort_by_key(|c| std::cmp::Reverse(distinct_present(c)));
    let items = items.iter().take(2).map(|c| c.name().to_string()).collect();
    (group, items)
}

/// The error for a table that holds no baskets, naming the columns to group by.
pub fn not_baskets(table: &Table) -> Error {
    let (group_by, items) = group_by_suggestions(table);
    Error::new(ErrorKind::NotBaskets {
        columns: table
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect(),
        group_by,
        items,
    })
}

/// What the table alone says about the shape. `Ok(None)`: its rows are not a table
/// (no header, ragged lines, or one column), so the text is one basket per line.
pub(crate) fn table_shape(table: &Table) -> Result<Option<(TableShape, ShapeReason)>> {
    table_shape_understood(table, None)
}

/// [`table_shape`] reading the table's `understanding` when the caller has it.
pub(crate) fn table_shape_understood(
    table: &Table,
    understanding: Option<&Understanding>,
) -> Result<Option<(TableShape, ShapeReason)>> {
    if one_hot_layout(table).is_some() {
        return Ok(Some((TableShape::OneHot, ShapeReason::BinaryColumns)));
    }
    let has_header = table.source().has_header;
    if has_header {
        if let Ok((spec, reason)) = guess_columns_understood(table, &[], None, understanding) {
            return Ok(Some((TableShape::OrderLines(spec), reason)));
        }
    }
    if table.n_columns() <= 1 {
        return Ok(None);
    }
    let ragged = table.warnings().iter().any(|w| {
        matches!(
            w,
            ReadWarning::RaggedRow { .. } | ReadWarning::MoreRaggedRows { .. }
        )
    });
    if !has_header || ragged {
        return Ok(None);
    }
    Err(not_baskets(table))
}

/// A table-borne shape, with its columns.
#[derive(Debug)]
pub(crate) enum TableShape {
    /// A 0/1 matrix.
    OneHot,
    /// Order lines with these columns.
    OrderLines(OrderLines),
}

/// Why a text read as basket lines was: integers (FIMI), ragged, no header or one column.
pub(crate) fn lines_reason(table: Option<&Table>, integer: bool) -> ShapeReason {
    if integer {
        return ShapeReason::IntegerLines;
    }
    match table {
        Some(t) if t.n_columns() <= 1 => ShapeReason::SingleColumn,
        Some(t) if !t.source().has_header => ShapeReason::NoHeader,
        _ => ShapeReason::RaggedLines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn table(csv: &str) -> Table {
        read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap()
    }

    #[test]
    fn binary_cells_in_every_spelling() {
        let t =
            table("ID,a,b,c,d,e\nT1,1,true,yes,Y,1.0\nT2,0,false,no,N,0.0\nT3,0,FALSE,No,n,0\n");
        let layout = one_hot_layout(&t).unwrap();
        assert_eq!((layout.items, layout.id), (vec![1, 2, 3, 4, 5], Some(0)));
        // Two free-text columns: not a matrix.
        assert!(one_hot_layout(&table("a,b,c\nx,1,0\ny,0,1\nx,1,1\n")).is_none());
    }

    #[test]
    fn typed_tables_without_baskets_name_columns_to_group() {
        let t = table(
            "Customer ID,Order Date,Product,Price\nA,2024-01-02,tea,1.5\nA,2024-01-03,cup,3\nB,2024-01-02,tea,1.5\n",
        );
        // Customer + date is a basket key.
        let (shape, reason) = table_shape(&t).unwrap().unwrap();
        assert!(
            matches!(shape, TableShape::OrderLines(ref s) if s.basket_columns == ["Customer ID", "Order Date"] && s.item_column == "Product")
        );
        assert_eq!(reason, ShapeReason::CustomerAndDate);
        let t = table(
            "Region,Day,Sales\nnorth,2024-01-02,1.5\nsouth,2024-01-03,3\nnorth,2024-01-04,2\n",
        );
        let err = table_shape(&t).unwrap_err();
        assert!(err.message(Lang::En).contains("Region"), "{err}");
        assert!(err.message(Lang::Zh).contains("Region"), "{err}");
    }

    #[test]
    fn columns_are_scored_not_taken_in_list_order() {
        for csv in [
            "InvoiceNo,StockCode,Description,Quantity,UnitPrice\n1,A,tea,1,2.5\n1,B,cup,2,3\n2,A,tea,1,2.5\n",
            "Quantity,Description,UnitPrice,StockCode,InvoiceNo\n1,tea,2.5,A,1\n2,cup,3,B,1\n1,tea,2.5,A,2\n",
        ] {
            let spec = guess_order_lines(&table(csv)).unwrap();
            assert_eq!(spec.basket_columns, ["InvoiceNo"], "{csv}");
            assert_eq!(spec.item_column, "Description", "{csv}");
            assert_eq!(spec.quantity_column.as_deref(), Some("Quantity"));
            assert_eq!(spec.price_column.as_deref(), Some("UnitPrice"));
        }
        // An order's date or status is not its number, wherever it stands.
        let spec = guess_order_lines(&table(
            "Order Date,Order Priority,order_id,商品名称\n2024-01-01,H,1,茶\n2024-01-01,H,1,杯\n2024-01-02,L,2,茶\n",
        ))
        .unwrap();
        assert_eq!(spec.basket_columns, ["order_id"]);
        assert_eq!(spec.item_column, "商品名称");
    }

    #[test]
    fn invoice_names() {
        for yes in [
            "InvoiceNo",
            "Order ID",
            "订单编号",
            "Receipt number",
            "transaction_id",
        ] {
            assert!(is_invoice_name(yes), "{yes}");
        }
        for no in [
            "Order Date",
            "Member_number",
            "CustomerID",
            "Order Priority",
        ] {
            assert!(!is_invoice_name(no), "{no}");
        }
        assert!(integer_lines(&["1 3 5", "2 10\r"]));
        assert!(!integer_lines(&["1,3", "2"]));
    }
}
