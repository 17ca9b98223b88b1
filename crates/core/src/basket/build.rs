//! The transactions builder: every shape of basket data a merchant has, turned into
//! [`Transactions`] with a report of everything removed and why.
//!
//! Shapes ([`BasketShape`]):
//! - **one basket per line**: items separated by commas (`groceries.csv`, with CSV
//!   quoting), tabs, or spaces (FIMI `.dat` files of integer items, no header);
//! - **order lines** (long format): one row per product bought; the basket key is one column
//!   (`InvoiceNo`) or several (`Member_number` + `Date`), plus the item column and optional
//!   quantity and unit price (→ [`Transactions::revenue`]). Cancelled invoices (decided on
//!   the invoice column, see [`Cancellations`]), returns (negative quantities), zero
//!   quantities, blank items and blank keys are removed and counted;
//! - **0/1 matrix**: one row per basket, one 0/1 (true/false, yes/no, Y/N) column per item,
//!   with at most one identifier column.
//!
//! Items are trimmed, deduplicated within a basket (counted) and dictionary-encoded in order
//! of first appearance; baskets keep the order of their first line (pandas'
//! `groupby(sort=False)`, which the tests compare against). The shape and columns are
//! detected when the options leave them open (`super::detect`, with the evidence in
//! [`BuildReport::reason`]); a table that holds no baskets is an error that names the
//! columns to group by.
//!
//! **Empty baskets** count in the number of baskets N, as pyfim and mlxtend count them,
//! unless [`BuildOptions::drop_empty_baskets`]: a matrix row with no 1, a basket line with
//! fields but no item (`,` or `""`), a basket left empty by [`BuildOptions::exclude_items`].
//! A blank line is not a basket (files end with one). An order (invoice) exists only
//! through its lines: when every line of an order is removed (cancelled, zero quantity,
//! excluded item) there is no basket, as there is no purchase.

use super::detect::{self, is_one, OrderLines, ShapeReason, TableShape};
use super::exclude::Exclusion;
use super::Transactions;
pub use crate::schema::cancellations::{CancelReason, Cancellations};
use crate::schema::{cancellations, Understanding};
use crate::table::{read_bytes, Column, ColumnData, ReadOptions, Table};
use crate::trim::trim;
use crate::{Allowed, Counted, Error, Lang, Result};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How the rows of the input describe baskets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasketShape {
    /// One basket per line, items separated by a delimiter.
    LinePerBasket,
    /// One row per item bought, grouped by a basket key.
    OrderLines,
    /// One row per basket, one 0/1 column per item.
    OneHot,
}

impl BasketShape {
    /// The shape as shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            BasketShape::LinePerBasket => lang.pick("每行一个购物篮", "one basket per line"),
            BasketShape::OrderLines => lang.pick("订单明细（每行一件商品）", "order lines"),
            BasketShape::OneHot => lang.pick("0/1 矩阵（每列一件商品）", "one-hot matrix"),
        }
    }
}

/// What to build from. Every `None`/empty field is detected. Defaults: everything detected,
/// empty baskets kept, nothing excluded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BuildOptions {
    /// The shape, or `None` to detect it.
    pub shape: Option<BasketShape>,
    /// Order lines: the column(s) whose values together identify a basket.
    pub basket_columns: Vec<String>,
    /// Order lines: the item column.
    pub item_column: Option<String>,
    /// Order lines: the quantity column (negative = return, zero = removed).
    pub quantity_column: Option<String>,
    /// Order lines: the unit price column (revenue = Σ quantity × price per basket).
    pub price_column: Option<String>,
    /// One basket per line: the item separator (detected: comma, tab, else spaces).
    pub separator: Option<char>,
    /// How to read the file as a table (order lines and one-hot).
    pub read: ReadOptions,
    /// Leave baskets with no item out of the count of baskets (pyfim and mlxtend keep
    /// them, so supports differ by the share of empty baskets).
    pub drop_empty_baskets: bool,
    /// Items to leave out, by exact name after trimming (case-sensitive): placeholders
    /// such as `NONE`, bags, postage ([`super::suggest_exclusions`] proposes them).
    pub exclude_items: Vec<String>,
    /// The table's understanding ([`crate::schema::understand`]) when the caller already
    /// has it, as the app has for its loaded table: [`build_from_table`] then reads it to
    /// find order-line columns instead of understanding the table again. It must be the
    /// understanding of the table built from. Not part of a spec: never written or read.
    #[serde(skip)]
    pub understanding: Option<Understanding>,
}

/// Lines or items removed while building, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Removed {
    /// Order lines of cancelled invoices or with a negative quantity (returns).
    pub cancellations: usize,
    /// Order lines with quantity zero.
    pub zero_quantity: usize,
    /// Empty or missing items (order lines, or empty fields in a basket line).
    pub blank_items: usize,
    /// Order lines with an empty basket key.
    pub blank_keys: usize,
    /// Items repeated within a basket (counted once).
    pub duplicate_items: usize,
    /// Empty baskets left out ([`BuildOptions::drop_empty_baskets`], or orders whose
    /// every line was an excluded item).
    pub empty_baskets: usize,
    /// Occurrences of excluded items removed from baskets.
    pub excluded_items: usize,
}

/// What the builder did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildReport {
    /// The shape used.
    pub shape: BasketShape,
    /// Whether the shape (and columns) were detected rather than given.
    pub detected: bool,
    /// The evidence for the shape and columns.
    #[serde(default = "given")]
    pub reason: ShapeReason,
    /// Order lines: the basket key column(s) used.
    pub basket_columns: Vec<String>,
    /// Order lines: the item column used.
    pub item_column: Option<String>,
    /// Order lines: the quantity column used.
    pub quantity_column: Option<String>,
    /// Order lines: the price column used.
    pub price_column: Option<String>,
    /// 0/1 matrix: the identifier column (never an item).
    #[serde(default)]
    pub id_column: Option<String>,
    /// One basket per line: the separator used (`" "` for spaces).
    pub separator: Option<String>,
    /// Input lines or rows read.
    pub rows: usize,
    /// Baskets built (N, empty ones included unless dropped).
    pub baskets: usize,
    /// Of those, baskets with no item.
    #[serde(default)]
    pub empty_baskets: usize,
    /// Distinct items.
    pub items: usize,
    /// What was removed.
    pub removed: Removed,
    /// Order lines: how cancelled invoices were decided.
    #[serde(default)]
    pub cancellations: Option<Cancellations>,
    /// The items asked to be excluded, and how many baskets each left.
    #[serde(default)]
    pub excluded: Vec<Exclusion>,
    /// Order lines with a price column: items that had a price on some line but never a
    /// positive one (free add-ons, discounts), suggested as not products.
    #[serde(default)]
    pub unpriced_items: Vec<String>,
}

fn given() -> ShapeReason {
    ShapeReason::Given
}

impl BuildReport {
    /// A report of `shape` for `rows` input rows and the baskets built.
    pub(crate) fn new(shape: BasketShape, rows: usize, transactions: &Transactions) -> BuildReport {
        BuildReport {
            shape,
            detected: false,
            reason: ShapeReason::Given,
            basket_columns: Vec::new(),
            item_column: None,
            quantity_column: None,
            price_column: None,
            id_column: None,
            separator: None,
            rows,
            baskets: transactions.len(),
            empty_baskets: 0,
            items: transactions.n_items(),
            removed: Removed::default(),
            cancellations: None,
            excluded: Vec::new(),
            unpriced_items: Vec::new(),
        }
    }

    /// One sentence saying what was read, for the page and the CLI.
    pub fn describe(&self, lang: Lang) -> String {
        let shape = self.shape.label(lang);
        let how = if self.detected {
            lang.pick("自动识别为", "detected as")
        } else {
            lang.pick("按指定读取为", "read as")
        };
        let columns = match (&self.item_column, self.basket_columns.is_empty()) {
            (Some(item), false) => match lang {
                Lang::Zh => format!(
                    "；购物篮 = {}，商品 = {item}",
                    self.basket_columns.join(" + ")
                ),
                Lang::En => format!(
                    "; basket = {}, item = {item}",
                    self.basket_columns.join(" + ")
                ),
            },
            _ => match (&self.id_column, lang) {
                (Some(id), Lang::Zh) => format!("；编号列 {id} 不作为商品"),
                (Some(id), Lang::En) => format!("; identifier column {id} is not an item"),
                _ => String::new(),
            },
        };
        let why = if self.detected {
            match lang {
                Lang::Zh => format!("（依据：{}）", self.reason.describe(lang)),
                Lang::En => format!(" ({})", self.reason.describe(lang)),
            }
        } else {
            String::new()
        };
        let empty = match (self.empty_baskets, lang) {
            (0, _) => String::new(),
            (n, Lang::Zh) => format!("，其中 {n} 个空购物篮计入总数"),
            (n, Lang::En) => format!(", {n} of them empty (counted in N)"),
        };
        match lang {
            Lang::Zh => format!(
                "{how}{shape}{why}{columns}：{} 个购物篮{empty}，{} 种商品。",
                self.baskets, self.items
            ),
            Lang::En => format!(
                "{how} {shape}{why}{columns}: {} baskets{empty}, {} items.",
                self.baskets, self.items
            ),
        }
    }
}

/// Lines of the text sampled for detection.
const SAMPLE_LINES: usize = 200;

/// Builds baskets from a file's bytes, detecting what the options leave open.
///
/// The shape is decided on the first lines ([`SAMPLE_LINES`]) read as a table, so a large
/// basket-line file is never typed as a table; the whole file is then read in that shape.
pub fn build_baskets(bytes: &[u8], options: &BuildOptions) -> Result<(Transactions, BuildReport)> {
    if crate::table::sniff::container(bytes).is_some() {
        let table = read_bytes(bytes, &options.read)?;
        return build_from_table(&table, || Err(spreadsheet_lines()), options);
    }
    let text = decode_text(bytes, &options.read)?;
    let wants_table = options
        .shape
        .is_some_and(|s| s != BasketShape::LinePerBasket)
        || !options.basket_columns.is_empty()
        || options.item_column.is_some();
    if wants_table {
        let table = read_bytes(bytes, &options.read)?;
        return build_from_table(&table, || Ok::<_, Error>(bytes.to_vec()), options);
    }
    let (shape, table) = match options.shape {
        Some(BasketShape::LinePerBasket) => (None, None),
        _ => {
            let sample = sample_lines(&text);
            if detect::integer_lines(&sample) {
                (None, None)
            } else {
                let sample_text = sample.join("\n");
                let sample_table = read_bytes(sample_text.as_bytes(), &sample_read(&options.read))?;
                (detect::table_shape(&sample_table)?, Some(sample_table))
            }
        }
    };
    match shape {
        Some(_) => {
            let table = read_bytes(bytes, &options.read)?;
            build_from_table(&table, || Ok::<_, Error>(bytes.to_vec()), options)
        }
        None => {
            let integer = detect::integer_lines(&sample_lines(&text));
            let (transactions, mut report) = from_lines(&text, options.separator);
            report.detected = options.shape.is_none();
            report.reason = if report.detected {
                detect::lines_reason(table.as_ref(), integer)
            } else {
                ShapeReason::Given
            };
            finish(transactions, report, options)
        }
    }
}

/// Builds baskets from a table already read (the app keeps the table it loaded, with the
/// user's type changes), detecting what the options leave open. `bytes` gives the file's
/// bytes, asked for only when the rows turn out to be one basket per line (they are then
/// decoded as [`BuildOptions::read`] says).
pub fn build_from_table<E: From<Error>>(
    table: &Table,
    bytes: impl FnOnce() -> std::result::Result<Vec<u8>, E>,
    options: &BuildOptions,
) -> std::result::Result<(Transactions, BuildReport), E> {
    let wants_columns = !options.basket_columns.is_empty() || options.item_column.is_some();
    let detected = options.shape.is_none() && !wants_columns;
    let understanding = options.understanding.as_ref();
    let shape = match options.shape {
        Some(BasketShape::LinePerBasket) => None,
        Some(BasketShape::OneHot) => Some((TableShape::OneHot, ShapeReason::Given)),
        Some(BasketShape::OrderLines) | None if wants_columns => {
            let (spec, reason) = detect::guess_columns(
                table,
                &options.basket_columns,
                options.item_column.as_deref(),
            )?;
            Some((TableShape::OrderLines(spec), reason))
        }
        Some(BasketShape::OrderLines) => {
            let (spec, reason) = detect::guess_columns_understood(table, &[], None, understanding)?;
            Some((TableShape::OrderLines(spec), reason))
        }
        None => detect::table_shape_understood(table, understanding)?,
    };
    let (transactions, mut report) = match shape {
        Some((TableShape::OneHot, reason)) => {
            let (t, mut r) = from_one_hot(table)?;
            r.reason = reason;
            (t, r)
        }
        Some((TableShape::OrderLines(mut spec), reason)) => {
            if options.quantity_column.is_some() {
                spec.quantity_column = options.quantity_column.clone();
            }
            if options.price_column.is_some() {
                spec.price_column = options.price_column.clone();
            }
            let (t, mut r) = from_order_lines(table, &spec)?;
            r.reason = reason;
            (t, r)
        }
        None => {
            let bytes = bytes()?;
            let text = decode_text(&bytes, &options.read)?;
            let integer = detect::integer_lines(&sample_lines(&text));
            let (t, mut r) = from_lines(&text, options.separator);
            r.reason = if detected {
                detect::lines_reason(Some(table), integer)
            } else {
                ShapeReason::Given
            };
            (t, r)
        }
    };
    report.detected = detected;
    if !detected {
        report.reason = ShapeReason::Given;
    }
    Ok(finish(transactions, report, options)?)
}

/// The first non-blank lines of a text.
fn sample_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(SAMPLE_LINES)
        .collect()
}

/// The read options for the sample: the text is already decoded UTF-8.
fn sample_read(read: &ReadOptions) -> ReadOptions {
    ReadOptions {
        encoding: Some("utf-8".into()),
        max_bytes: None,
        ..read.clone()
    }
}

fn spreadsheet_lines() -> Error {
    Error::invalid_parameter("shape", "line_per_basket", Allowed::TableBasketShape)
}

/// Applies the exclusions and the empty-basket choice, and fills the counts in.
fn finish(
    mut transactions: Transactions,
    mut report: BuildReport,
    options: &BuildOptions,
) -> Result<(Transactions, BuildReport)> {
    if !options.exclude_items.is_empty() {
        let (removed, excluded) =
            super::exclude::exclude_items(&mut transactions, &options.exclude_items);
        report.removed.excluded_items = removed;
        report.excluded = excluded;
    }
    // An order exists only through its lines: one left empty by exclusions is no basket.
    let drop = options.drop_empty_baskets || report.shape == BasketShape::OrderLines;
    let empty = transactions.baskets.iter().filter(|b| b.is_empty()).count();
    if drop && empty > 0 {
        let keep: Vec<bool> = transactions.baskets.iter().map(|b| !b.is_empty()).collect();
        transactions.baskets.retain(|b| !b.is_empty());
        if let Some(revenue) = &mut transactions.revenue {
            let mut flags = keep.iter();
            revenue.retain(|_| *flags.next().unwrap_or(&true));
        }
        report.removed.empty_baskets += empty;
        report.empty_baskets = 0;
    } else {
        report.empty_baskets = empty;
    }
    report.baskets = transactions.len();
    report.items = transactions.n_items();
    Ok((transactions, report))
}

fn decode_text<'a>(bytes: &'a [u8], read: &ReadOptions) -> Result<Cow<'a, str>> {
    if let Some(limit) = read.max_bytes {
        if bytes.len() as u64 > limit {
            return Err(Error::new(crate::ErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit,
            }));
        }
    }
    crate::table::sniff::check_text(bytes)?;
    let encoding = match &read.encoding {
        Some(label) => encoding_rs::Encoding::for_label(label.as_bytes())
            .ok_or_else(|| Error::invalid_parameter("encoding", label, Allowed::EncodingName))?,
        None => crate::table::sniff::encoding(bytes),
    };
    let (text, _, bad) = encoding.decode(bytes);
    if bad {
        return Err(Error::new(crate::ErrorKind::Encoding {
            encoding: encoding.name().into(),
            byte: 0,
        }));
    }
    Ok(text)
}

fn detect_separator(lines: &[&str]) -> char {
    for candidate in [',', '\t', ';', '|'] {
        if lines.iter().any(|l| l.contains(candidate)) {
            return candidate;
        }
    }
    ' '
}

/// One basket per line, with CSV quoting (`"milk, whole",bread` is two items). Blank
/// lines are skipped; empty fields are counted as blank items; a line with fields but no
/// item is an empty basket.
pub fn from_lines(text: &str, separator: Option<char>) -> (Transactions, BuildReport) {
    let separator = separator.unwrap_or_else(|| {
        let sample: Vec<&str> = text.lines().take(200).collect();
        detect_separator(&sample)
    });
    let (transactions, counts) = super::lines::read_lines(text, separator);
    let mut report = BuildReport::new(BasketShape::LinePerBasket, counts.rows, &transactions);
    report.separator = Some(separator.to_string());
    report.empty_baskets = counts.empty_baskets;
    report.removed.blank_items = counts.blank_items;
    report.removed.duplicate_items = counts.duplicate_items;
    (transactions, report)
}

/// Groups order lines into baskets.
pub fn from_order_lines(table: &Table, spec: &OrderLines) -> Result<(Transactions, BuildReport)> {
    if spec.basket_columns.is_empty() {
        return Err(Error::invalid_parameter(
            "basket_columns",
            "(none)",
            Allowed::AtLeastOne(Counted::BasketColumns),
        ));
    }
    let keys: Vec<&Column> = spec
        .basket_columns
        .iter()
        .map(|name| table.column_by_name(name))
        .collect::<Result<_>>()?;
    let item = table.column_by_name(&spec.item_column)?;
    let quantity = spec
        .quantity_column
        .as_deref()
        .map(|n| table.column_by_name(n))
        .transpose()?;
    let price = spec
        .price_column
        .as_deref()
        .map(|n| table.column_by_name(n))
        .transpose()?;
    let key_codes: Vec<KeyCodes> = keys.iter().map(|c| KeyCodes::of(c)).collect();
    let invoice = keys
        .iter()
        .copied()
        .find(|c| detect::is_invoice_name(c.name()));
    let (cancellations, cancelled) = cancellations::decide(invoice, quantity);
    let mut removed = Removed::default();
    let mut dict = Dictionary::default();
    let mut basket_of: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
    // With one key column, its codes are small and dense: the basket of each code is a
    // table lookup.
    let mut single_key: Vec<u32> = Vec::new();
    // A text item column's dictionary codes: each code's item id, found once (names are
    // trimmed, so two codes may share an id).
    let item_text = match item.data() {
        ColumnData::Text(v) => Some(v),
        _ => None,
    };
    let mut item_ids: Vec<u32> = vec![UNSEEN; item_text.map_or(0, |v| v.dictionary().len())];
    let mut baskets: Vec<Vec<u32>> = Vec::new();
    let mut revenue: Vec<f64> = Vec::new();
    let mut composite: Vec<u32> = Vec::with_capacity(keys.len());
    // Per item id: whether a line gave it a price, and whether one was positive.
    let mut priced: Vec<(bool, bool)> = Vec::new();
    for row in 0..table.n_rows() {
        if key_codes.iter().any(|k| k.missing(row)) {
            removed.blank_keys += 1;
            continue;
        }
        let qty = quantity.and_then(|q| q.f64(row));
        if cancelled.get(row).copied().unwrap_or(false) || qty.is_some_and(|q| q < 0.0) {
            removed.cancellations += 1;
            continue;
        }
        let code = item_text.map(|v| v.codes()[row] as usize);
        // The id of a code seen before; otherwise the name is needed.
        let cached = code.map(|c| item_ids[c]).filter(|&id| id != UNSEEN);
        let name = match cached {
            Some(_) => Cow::Borrowed(""),
            None => cell_text(item, row),
        };
        if item.is_missing(row) || cached.is_none() && trim(&name).is_empty() {
            removed.blank_items += 1;
            continue;
        }
        if qty.is_some_and(|q| q == 0.0) {
            removed.zero_quantity += 1;
            continue;
        }
        let basket: u32 = if key_codes.len() == 1 {
            let code = key_codes[0].code(row) as usize;
            if code >= single_key.len() {
                single_key.resize(code + 1, UNSEEN);
            }
            if single_key[code] == UNSEEN {
                single_key[code] = baskets.len() as u32;
            }
            single_key[code]
        } else {
            composite.clear();
            composite.extend(key_codes.iter().map(|k| k.code(row)));
            let next = baskets.len() as u32;
            match basket_of.get(&composite) {
                Some(&b) => b,
                None => {
                    basket_of.insert(composite.clone(), next);
                    next
                }
            }
        };
        let basket = basket as usize;
        if basket == baskets.len() {
            baskets.push(Vec::new());
            revenue.push(0.0);
        }
        let id = cached.unwrap_or_else(|| dict.id(trim(&name)));
        if let Some(c) = code {
            item_ids[c] = id;
        }
        baskets[basket].push(id);
        if let Some(p) = price.and_then(|p| p.f64(row)) {
            revenue[basket] += qty.unwrap_or(1.0) * p;
            let id = id as usize;
            if id >= priced.len() {
                priced.resize(id + 1, (false, false));
            }
            priced[id].0 = true;
            priced[id].1 |= p > 0.0;
        }
    }
    let unpriced_items: Vec<String> = priced
        .iter()
        .enumerate()
        .filter(|(_, &(seen, positive))| seen && !positive)
        .map(|(id, _)| dict.items[id].clone())
        .collect();
    for basket in &mut baskets {
        removed.duplicate_items += sort_dedup(basket);
    }
    let transactions = Transactions {
        items: dict.items,
        baskets,
        revenue: price.is_some().then_some(revenue),
    };
    let mut report = BuildReport::new(BasketShape::OrderLines, table.n_rows(), &transactions);
    report.basket_columns = spec.basket_columns.clone();
    report.item_column = Some(spec.item_column.clone());
    report.quantity_column = spec.quantity_column.clone();
    report.price_column = spec.price_column.clone();
    report.removed = removed;
    report.cancellations = Some(cancellations);
    report.unpriced_items = unpriced_items;
    Ok((transactions, report))
}

/// One basket per row of a 0/1 matrix: each 0/1 column is an item (its name is the
/// item), `1`, `true`, `yes`, `Y` or `1.0` means bought; the one other column, if any, is
/// the basket's identifier and never an item. A row with no item is an empty basket and
/// counts in the number of baskets (as in pyfim and mlxtend).
pub fn from_one_hot(table: &Table) -> Result<(Transactions, BuildReport)> {
    let layout = super::detect::binary_columns(table);
    let items: Vec<&Column> = layout.items.iter().map(|&i| table.column(i)).collect();
    if items.is_empty() {
        return Err(Error::not_enough(Counted::Columns, 1, 0));
    }
    let mut baskets = Vec::with_capacity(table.n_rows());
    let mut empty = 0;
    for row in 0..table.n_rows() {
        let basket: Vec<u32> = items
            .iter()
            .enumerate()
            .filter(|(_, c)| is_one(c, row))
            .map(|(i, _)| i as u32)
            .collect();
        empty += usize::from(basket.is_empty());
        baskets.push(basket);
    }
    let transactions = Transactions {
        items: items.iter().map(|c| c.name().to_string()).collect(),
        baskets,
        revenue: None,
    };
    let mut report = BuildReport::new(BasketShape::OneHot, table.n_rows(), &transactions);
    report.id_column = layout.id.map(|i| table.column(i).name().to_string());
    report.empty_baskets = empty;
    Ok((transactions, report))
}

fn cell_text(column: &Column, row: usize) -> Cow<'_, str> {
    match column.data() {
        ColumnData::Text(v) => Cow::Borrowed(v.get(row)),
        _ => Cow::Owned(column.display(row)),
    }
}

/// Not assigned yet (item ids and basket numbers).
const UNSEEN: u32 = u32::MAX;

/// A key column's values as small codes, without a string per row.
struct KeyCodes<'a> {
    column: &'a Column,
    codes: Cow<'a, [u32]>,
}

impl<'a> KeyCodes<'a> {
    fn of(column: &'a Column) -> KeyCodes<'a> {
        let n = column.len();
        let codes = match column.data() {
            ColumnData::Text(v) => {
                // The column's own dictionary codes already key equal values alike.
                Cow::Borrowed(v.codes())
            }
            _ => {
                let mut dict: FxHashMap<u64, u32> = FxHashMap::default();
                (0..n)
                    .map(|row| {
                        let bits = column.f64(row).map_or(u64::MAX, f64::to_bits);
                        let next = dict.len() as u32;
                        *dict.entry(bits).or_insert(next)
                    })
                    .collect::<Vec<u32>>()
                    .into()
            }
        };
        KeyCodes { column, codes }
    }

    fn missing(&self, row: usize) -> bool {
        self.column.is_missing(row)
    }

    fn code(&self, row: usize) -> u32 {
        self.codes[row]
    }
}

/// Item names to ids in order of first appearance.
#[derive(Default)]
struct Dictionary {
    ids: FxHashMap<String, u32>,
    items: Vec<String>,
}

impl Dictionary {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.items.len() as u32;
        self.items.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }
}

/// Sorts a basket and removes repeats; returns how many were removed.
fn sort_dedup(basket: &mut Vec<u32>) -> usize {
    basket.sort_unstable();
    let before = basket.len();
    basket.dedup();
    before - basket.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_blanks_and_repeats() {
        let (t, r) = from_lines("milk, bread ,milk\n\nbread,,eggs\n", None);
        assert_eq!(t.len(), 2);
        assert_eq!(t.items, ["milk", "bread", "eggs"]);
        assert_eq!(t.baskets, [vec![0, 1], vec![1, 2]]);
        assert_eq!((r.removed.duplicate_items, r.removed.blank_items), (1, 1));
        let (dat, r) = from_lines("1 3 5\n2 3\n", None);
        assert_eq!(
            (dat.len(), dat.n_items(), r.separator.as_deref()),
            (2, 4, Some(" "))
        );
    }

    #[test]
    fn quoted_item_names_are_one_item() {
        let (t, r) = build_baskets(
            b"\"milk, whole\",bread\n\"milk, whole\",eggs,jam\nbread\n",
            &BuildOptions::default(),
        )
        .unwrap();
        assert_eq!(r.shape, BasketShape::LinePerBasket);
        assert_eq!(t.items, ["milk, whole", "bread", "eggs", "jam"]);
        assert_eq!(t.baskets, [vec![0, 1], vec![0, 2, 3], vec![1]]);
    }

    #[test]
    fn order_lines_remove_and_count() {
        let csv = b"InvoiceNo,Description,Quantity,UnitPrice\n\
            1,tea,2,1.5\n1,cup,1,3\n1,tea,1,1.5\nC2,tea,-1,1.5\n3,,1,2\n3,pot,0,9\n4,pot,1,9\n";
        let (t, r) = build_baskets(csv, &BuildOptions::default()).unwrap();
        assert!(r.detected);
        assert_eq!(r.shape, BasketShape::OrderLines);
        assert_eq!(r.basket_columns, ["InvoiceNo"]);
        assert_eq!(t.len(), 2);
        assert_eq!(
            r.removed,
            Removed {
                cancellations: 1,
                zero_quantity: 1,
                blank_items: 1,
                blank_keys: 0,
                duplicate_items: 1,
                empty_baskets: 0,
                excluded_items: 0
            }
        );
        let revenue = t.revenue.unwrap();
        assert!((revenue[0] - 7.5).abs() < 1e-12 && (revenue[1] - 9.0).abs() < 1e-12);
    }

    #[test]
    fn member_ids_starting_with_c_cancel_nothing() {
        let csv = b"Member,Date,Item\nC1001,2024-01-02,milk\nC1001,2024-01-02,eggs\nC1002,2024-01-02,milk\n";
        let options = BuildOptions {
            basket_columns: vec!["Member".into(), "Date".into()],
            item_column: Some("Item".into()),
            ..BuildOptions::default()
        };
        let (t, r) = build_baskets(csv, &options).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(r.removed.cancellations, 0);
        let decision = r.cancellations.unwrap();
        assert_eq!(decision.reason, CancelReason::NoInvoiceColumn);
        assert!(!decision.applied);
        // Even a basket column named as an order number is not cancelled by a C when
        // the C lines have positive quantities.
        let csv = b"OrderID,Item,Qty\nC1,milk,1\nC1,eggs,2\nC2,milk,1\n3,tea,1\n";
        let (t, r) = build_baskets(csv, &BuildOptions::default()).unwrap();
        assert_eq!((t.len(), r.removed.cancellations), (3, 0));
        let decision = r.cancellations.unwrap();
        assert_eq!(decision.reason, CancelReason::QuantitiesDisagree);
        assert_eq!(decision.column.as_deref(), Some("OrderID"));
        assert_eq!(
            (decision.prefixed_lines, decision.prefixed_negative),
            (3, Some(0))
        );
        assert!(decision
            .describe(Lang::En)
            .contains("not treated as cancellations"));
    }

    #[test]
    fn cancelled_invoices_are_decided_on_the_invoice_column() {
        let csv = b"InvoiceNo,CustomerID,Description,Quantity\n1,C17,tea,1\nC2,C17,tea,-1\nC2,C17,cup,-2\n3,C18,cup,1\n";
        let (t, r) = build_baskets(csv, &BuildOptions::default()).unwrap();
        assert_eq!((t.len(), r.removed.cancellations), (2, 2));
        let decision = r.cancellations.unwrap();
        assert_eq!(decision.reason, CancelReason::NegativeQuantities);
        assert!(decision.applied);
        assert_eq!(decision.column.as_deref(), Some("InvoiceNo"));
        // Without a quantity column the C keys cancel when they are a minority.
        let csv = b"InvoiceNo,Description\n1,tea\nC2,tea\n3,cup\n";
        let (t, r) = build_baskets(csv, &BuildOptions::default()).unwrap();
        assert_eq!((t.len(), r.removed.cancellations), (2, 1));
        assert_eq!(
            r.cancellations.unwrap().reason,
            CancelReason::MinorityWithoutQuantity
        );
    }

    #[test]
    fn composite_keys_and_one_hot() {
        let csv = b"Member_number,Date,itemDescription\n1,21-07-2015,milk\n1,21-07-2015,eggs\n1,22-07-2015,milk\n2,21-07-2015,milk\n";
        let options = BuildOptions {
            basket_columns: vec!["Member_number".into(), "Date".into()],
            item_column: Some("itemDescription".into()),
            ..BuildOptions::default()
        };
        let (t, r) = build_baskets(csv, &options).unwrap();
        assert!(!r.detected);
        assert_eq!(t.baskets, [vec![0, 1], vec![0], vec![0]]);
        let (t, r) = build_baskets(
            b"milk,eggs,tea\n1,0,1\n0,0,0\n1,1,0\n",
            &BuildOptions::default(),
        )
        .unwrap();
        assert_eq!(r.shape, BasketShape::OneHot);
        // The empty row is a basket: N = 3, as pyfim and mlxtend count.
        assert_eq!(t.baskets, [vec![0, 2], vec![], vec![0, 1]]);
        assert_eq!(
            (r.baskets, r.empty_baskets, r.removed.empty_baskets),
            (3, 1, 0)
        );
    }

    #[test]
    fn undetectable_order_lines_ask_for_columns() {
        let err = build_baskets(b"a,b\nx,1\ny,2\n", &BuildOptions::default()).unwrap_err();
        assert!(err.to_string().contains("Columns: a, b"), "{err}");
        assert!(err.to_string().contains("does not hold baskets"), "{err}");
    }

    /// groceries.csv (arules) against plain Python + pyfim: `testdata/fixtures/baskets_groceries.json`.
    #[test]
    fn groceries_match_pyfim_and_reference() {
        let bytes = include_bytes!("../../../../testdata/arules-groceries/groceries.csv");
        let fixture: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../testdata/fixtures/baskets_groceries.json"
        ))
        .unwrap();
        let (t, r) = build_baskets(bytes, &BuildOptions::default()).unwrap();
        assert_eq!(r.shape, BasketShape::LinePerBasket);
        assert!(r.detected);
        // REFERENCE.md: 9,835 baskets, 169 items.
        assert_eq!((t.len(), t.n_items()), (9_835, 169));
        assert_eq!(t.len() as u64, fixture["baskets"].as_u64().unwrap());
        assert_eq!(t.n_items() as u64, fixture["items"].as_u64().unwrap());
        let mean = fixture["mean_basket_size"].as_f64().unwrap();
        assert!((t.mean_basket_size() - mean).abs() < 1e-12);
        assert_eq!(
            r.removed.duplicate_items as u64,
            fixture["duplicate_items"].as_u64().unwrap()
        );
        let mut counts = vec![0u64; t.n_items()];
        for basket in &t.baskets {
            for &i in basket {
                counts[i as usize] += 1;
            }
        }
        for top in fixture["top_items"].as_array().unwrap() {
            let id = t
                .items
                .iter()
                .position(|i| i == top["item"].as_str().unwrap())
                .unwrap();
            assert_eq!(counts[id], top["count"].as_u64().unwrap());
        }
        // Item names are trimmed ("cream cheese " is "cream cheese").
        for name in fixture["trimmed_items"].as_array().unwrap() {
            let written = name.as_str().unwrap();
            assert_ne!(written, written.trim());
            assert!(t.items.iter().any(|i| i == written.trim()));
            assert!(!t.items.iter().any(|i| i == written));
        }
    }

    /// UCI Online Retail (first 1,071 lines) against pandas groupby:
    /// `testdata/fixtures/baskets_online_retail_first1071.json`.
    #[test]
    fn online_retail_order_lines_match_pandas() {
        let bytes = include_bytes!(
            "../../../../testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv"
        );
        let f: serde_json::Value = serde_json::from_str(include_str!(
            "../../../../testdata/fixtures/baskets_online_retail_first1071.json"
        ))
        .unwrap();
        let (t, r) = build_baskets(bytes, &BuildOptions::default()).unwrap();
        assert!(r.detected);
        assert_eq!(r.basket_columns, [f["basket_column"].as_str().unwrap()]);
        assert_eq!(r.item_column.as_deref(), f["item_column"].as_str());
        assert_eq!(r.quantity_column.as_deref(), f["quantity_column"].as_str());
        assert_eq!(r.price_column.as_deref(), f["price_column"].as_str());
        let count = |k: &str| f[k].as_u64().unwrap() as usize;
        assert_eq!(r.rows, count("lines"));
        assert_eq!(t.len(), count("baskets"));
        assert_eq!(t.n_items(), count("items"));
        assert_eq!(r.removed.cancellations, count("cancellations"));
        assert_eq!(r.removed.blank_items, count("blank_items"));
        assert_eq!(r.removed.zero_quantity, count("zero_quantity"));
        assert_eq!(r.removed.duplicate_items, count("duplicate_items"));
        assert!((t.mean_basket_size() - f["mean_basket_size"].as_f64().unwrap()).abs() < 1e-12);
        let revenue = t.revenue.unwrap();
        let total: f64 = revenue.iter().sum();
        assert!((total - f["revenue_total"].as_f64().unwrap()).abs() < 1e-6);
        for (ours, theirs) in revenue.iter().zip(f["revenue_first"].as_array().unwrap()) {
            assert!((ours - theirs["revenue"].as_f64().unwrap()).abs() < 1e-9);
        }
    }
}
