//! Each column's role, decided by its values first and its header second.
//!
//! Values: dates are dates; whole numbers counting 1, 2, 3… down the rows are a row number
//! (`rownames`), whatever the header says; text whose every value differs is an id; long,
//! many-worded text is free text; two values or few values are a category. The header's
//! words ([`crate::vocabulary`]) then say what numbers and ids are: an amount, a quantity,
//! a price, a customer, an order, an item.

use super::evidence::Evidence;
use super::ColumnUnderstanding;
use crate::privacy::{self, PiiKind};
use crate::table::infer::{parse_shape, DateFamily, DateOrder};
use crate::table::{Column, ColumnData, DataType, Role};
use crate::vocabulary::{concept_of, Concept};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What a column is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// Names a row (row number, record id): never a model input, a forecast value or an axis.
    Identifier,
    /// The time axis.
    Date,
    /// Units.
    Quantity,
    /// Unit price.
    Price,
    /// Money for a line or an order.
    Amount,
    /// Customer id.
    Customer,
    /// Order, invoice or basket id.
    Order,
    /// Product.
    Item,
    /// A grouping with few values.
    Category,
    /// What a model would predict.
    Target,
    /// Any other input.
    Feature,
    /// Free text.
    Text,
}

impl ColumnRole {
    /// Every role, in the order a menu lists them.
    pub const ALL: [ColumnRole; 12] = [
        ColumnRole::Identifier,
        ColumnRole::Customer,
        ColumnRole::Order,
        ColumnRole::Item,
        ColumnRole::Date,
        ColumnRole::Quantity,
        ColumnRole::Price,
        ColumnRole::Amount,
        ColumnRole::Category,
        ColumnRole::Target,
        ColumnRole::Feature,
        ColumnRole::Text,
    ];

    /// The role named `name` in JSON (`identifier`, `amount`…).
    pub fn parse(name: &str) -> Option<ColumnRole> {
        ColumnRole::ALL.into_iter().find(|r| r.as_str() == name)
    }

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Identifier => "identifier",
            ColumnRole::Date => "date",
            ColumnRole::Quantity => "quantity",
            ColumnRole::Price => "price",
            ColumnRole::Amount => "amount",
            ColumnRole::Customer => "customer",
            ColumnRole::Order => "order",
            ColumnRole::Item => "item",
            ColumnRole::Category => "category",
            ColumnRole::Target => "target",
            ColumnRole::Feature => "feature",
            ColumnRole::Text => "text",
        }
    }

    /// The name shown to the user.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            ColumnRole::Identifier => lang.pick("编号", "identifier"),
            ColumnRole::Date => lang.pick("日期", "date"),
            ColumnRole::Quantity => lang.pick("数量", "quantity"),
            ColumnRole::Price => lang.pick("单价", "price"),
            ColumnRole::Amount => lang.pick("金额", "amount"),
            ColumnRole::Customer => lang.pick("客户", "customer"),
            ColumnRole::Order => lang.pick("订单", "order"),
            ColumnRole::Item => lang.pick("商品", "item"),
            ColumnRole::Category => lang.pick("类别", "category"),
            ColumnRole::Target => lang.pick("预测目标", "target"),
            ColumnRole::Feature => lang.pick("特征", "feature"),
            ColumnRole::Text => lang.pick("文本", "text"),
        }
    }

    /// The fine role that stands for a coarse table role, for a choice made in coarse
    /// terms: an identifier, a date, a target, free text for a column left out, else a
    /// feature. [`ColumnRole::table_role`] maps it back to the same coarse role.
    pub fn closest_to(role: Role) -> ColumnRole {
        match role {
            Role::Identifier => ColumnRole::Identifier,
            Role::Date => ColumnRole::Date,
            Role::Target => ColumnRole::Target,
            Role::Ignore => ColumnRole::Text,
            Role::Feature => ColumnRole::Feature,
        }
    }

    /// The coarse table role: ids of any kind are identifiers, free text is ignored.
    pub fn table_role(self) -> Role {
        match self {
            ColumnRole::Identifier | ColumnRole::Customer | ColumnRole::Order => Role::Identifier,
            ColumnRole::Date => Role::Date,
            ColumnRole::Target => Role::Target,
            ColumnRole::Text => Role::Ignore,
            _ => Role::Feature,
        }
    }
}

/// A value standing for "nothing", and how often it occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placeholder {
    /// The value as written.
    pub value: String,
    /// Occurrences.
    pub count: usize,
}

/// How a date column writes its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateReading {
    /// The written form of the first date (`year_first`, `compact`, `month`, `quarter`…);
    /// `None` for Excel serial numbers.
    pub form: Option<DateFamily>,
    /// Day/month order of year-last dates.
    pub order: Option<DateOrder>,
    /// Whether the data decided that order (else it was assumed and should be confirmed).
    pub order_from_data: bool,
    /// Whether the values are Excel serial day numbers.
    pub excel_serial: bool,
    /// Whether the values are years written as whole numbers (`2019`) under a year header.
    pub year_numbers: bool,
}

pub use crate::table::infer::is_placeholder;

/// The calendar date of an Excel serial day number (1900 date system), or `None` outside
/// 1..=2958465 or for day 60, the 29 February 1900 Excel counts although it never was
/// (Lotus 1-2-3's leap-year bug, kept by Excel): 1 is 1900-01-01, 59 is 1900-02-28, 61 is
/// 1900-03-01, 44927 is 2023-01-01.
pub fn excel_serial_date(serial: f64) -> Option<(i64, u32, u32)> {
    if serial.fract() != 0.0 || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let serial = serial as i64;
    if serial == 60 {
        return None;
    }
    // Day 0 is 1899-12-31; from day 61 on, one fictional day has been counted.
    let days = crate::table::infer::days_from_civil(1899, 12, 31)?
        + if serial > 60 { serial - 1 } else { serial };
    Some(crate::table::infer::civil_from_days(days))
}

/// Text longer than this on average (characters) is free text.
const LONG_TEXT_CHARS: f64 = 40.0;

/// Understands one column.
pub(crate) fn understand_column(index: usize, column: &Column) -> ColumnUnderstanding {
    let present = column.len() - column.missing_count();
    let distinct = distinct_count(column);
    let concept = concept_of(column.name());
    let header = concept.map(|(concept, exact)| Evidence::Header { concept, exact });
    let mut evidence = Vec::new();
    let dtype = column.dtype();
    let mut dates = None;
    let role = if dtype == DataType::DateTime && column.format().excel_serial {
        // The reader took these numbers under a date header for Excel serial dates.
        evidence.extend(header.clone());
        evidence.push(Evidence::ExcelSerialDates);
        dates = Some(DateReading {
            form: None,
            order: None,
            order_from_data: true,
            excel_serial: true,
            year_numbers: false,
        });
        ColumnRole::Date
    } else if dtype == DataType::DateTime {
        evidence.push(Evidence::DateValues);
        dates = Some(date_reading(column));
        ColumnRole::Date
    } else if dtype == DataType::Integer
        && concept == Some((Concept::Date, true))
        && is_year_header(column.name())
        && present > 0
        && (0..column.len()).all(|r| column.f64(r).is_none_or(|v| (1800.0..=2200.0).contains(&v)))
    {
        evidence.extend(header.clone());
        evidence.push(Evidence::YearNumbers);
        dates = Some(DateReading {
            form: None,
            order: None,
            order_from_data: true,
            excel_serial: false,
            year_numbers: true,
        });
        ColumnRole::Date
    } else if is_row_number(column) {
        evidence.push(Evidence::RowNumber);
        ColumnRole::Identifier
    } else {
        by_header_and_values(column, concept, present, distinct, &mut evidence)
    };
    let pii_flag = privacy::detect_in_column(index, column);
    let pii = pii_flag.as_ref().map(|f| f.kind);
    if let Some(flag) = &pii_flag {
        evidence.push(Evidence::PiiValues {
            kind: flag.kind,
            matched: flag.matched,
            sampled: flag.sampled,
        });
    }
    // A name or address is free text whatever its spread; a phone or ID number an id.
    let role = match (pii, role) {
        (Some(PiiKind::Name | PiiKind::Address), ColumnRole::Category | ColumnRole::Feature) => {
            ColumnRole::Text
        }
        (
            Some(PiiKind::Phone | PiiKind::ChineseId | PiiKind::Email),
            ColumnRole::Feature | ColumnRole::Category | ColumnRole::Text,
        ) => ColumnRole::Identifier,
        _ => role,
    };
    ColumnUnderstanding {
        index,
        name: column.name().to_string(),
        role,
        evidence,
        pii,
        placeholders: placeholders(column),
        dates,
        distinct,
    }
}

fn by_header_and_values(
    column: &Column,
    concept: Option<(Concept, bool)>,
    present: usize,
    distinct: usize,
    evidence: &mut Vec<Evidence>,
) -> ColumnRole {
    let dtype = column.dtype();
    let numeric = dtype.is_numeric();
    let all_distinct = present >= 2 && distinct == present;
    let header = concept.map(|(concept, exact)| Evidence::Header { concept, exact });
    let mut with_header = |role: ColumnRole, more: Option<Evidence>| {
        evidence.extend(header.clone());
        evidence.extend(more);
        role
    };
    let repeats = (distinct < present).then_some(Evidence::Repeats { distinct, present });
    if dtype == DataType::Text && repeats.is_some() && hash_numbers(column) {
        evidence.push(Evidence::HashNumbers);
        evidence.extend(repeats);
        return ColumnRole::Order;
    }
    match concept.map(|(c, _)| c) {
        Some(Concept::Customer) => return with_header(ColumnRole::Customer, repeats),
        // Order ids are codes: a column of decimals under an order word is money
        // (`Order Shipping`) or a measure.
        Some(Concept::Order) if dtype != DataType::Decimal => {
            return with_header(ColumnRole::Order, repeats)
        }
        Some(Concept::Text) if dtype == DataType::Text => {
            return with_header(ColumnRole::Text, None)
        }
        // Numbers are items only as codes: whole numbers under an exact header or one
        // naming a code (`ProductRelated` counts pages, it does not name products).
        Some(Concept::Item)
            if !numeric
                || (dtype == DataType::Integer && item_code_header(column.name(), concept)) =>
        {
            return with_header(ColumnRole::Item, None)
        }
        Some(Concept::Identifier) if all_distinct || distinct * 10 >= present * 9 => {
            return with_header(
                ColumnRole::Identifier,
                all_distinct.then_some(Evidence::AllDistinct { count: present }),
            )
        }
        Some(Concept::Price) if numeric => return with_header(ColumnRole::Price, None),
        Some(Concept::Quantity) if numeric => return with_header(ColumnRole::Quantity, None),
        Some(Concept::Amount) if numeric => return with_header(ColumnRole::Amount, None),
        Some(Concept::Target) if !numeric || distinct <= 20 || dtype == DataType::Boolean => {
            return with_header(ColumnRole::Target, None)
        }
        _ => {}
    }
    let few = distinct <= 20.max(present / 50).min(100);
    if dtype == DataType::Boolean || (distinct == 2 && present > 2) {
        evidence.push(Evidence::TwoValues);
        return ColumnRole::Category;
    }
    if dtype == DataType::Text {
        if average_chars(column) > LONG_TEXT_CHARS {
            evidence.push(Evidence::LongText);
            return ColumnRole::Text;
        }
        if all_distinct && present >= 5 {
            evidence.push(Evidence::AllDistinct { count: present });
            return ColumnRole::Identifier;
        }
        if few || concept.is_some_and(|(c, _)| c == Concept::Category) {
            evidence.extend(header);
            evidence.push(Evidence::FewValues { distinct });
            return ColumnRole::Category;
        }
        return ColumnRole::Text;
    }
    if concept.is_some_and(|(c, _)| c == Concept::Category) && few {
        evidence.extend(header);
        evidence.push(Evidence::FewValues { distinct });
        return ColumnRole::Category;
    }
    // Whole numbers, all different, rising down the rows: record numbers.
    if dtype == DataType::Integer && all_distinct && present >= 10 && rising(column) {
        evidence.push(Evidence::AllDistinct { count: present });
        return ColumnRole::Identifier;
    }
    evidence.push(Evidence::NumericValues);
    ColumnRole::Feature
}

/// Whether every present value is `#` followed by digits (`#1001`): how Shopify and other
/// shop systems write order numbers.
fn hash_numbers(column: &Column) -> bool {
    let ColumnData::Text(values) = column.data() else {
        return false;
    };
    let mut any = false;
    for row in (0..column.len()).filter(|&r| !column.is_missing(r)) {
        let v = values.get(row).trim();
        match v.strip_prefix('#') {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => any = true,
            _ => return false,
        }
    }
    any
}

fn is_year_header(name: &str) -> bool {
    matches!(
        crate::vocabulary::normalise(name).as_str(),
        "year" | "年份" | "年" | "yr"
    )
}

fn item_code_header(name: &str, concept: Option<(Concept, bool)>) -> bool {
    let n = crate::vocabulary::normalise(name);
    concept.is_some_and(|(_, exact)| exact)
        || ["id", "code", "no", "number", "编号", "代码"]
            .iter()
            .any(|w| n.ends_with(w))
}

/// Whether a column holds whole numbers counting up by one from 0 or 1, one per row.
fn is_row_number(column: &Column) -> bool {
    let ColumnData::Integer(values) = column.data() else {
        return false;
    };
    values.len() >= 3
        && column.missing_count() == 0
        && matches!(values[0], 0 | 1)
        && values.windows(2).all(|w| w[1] == w[0] + 1)
}

/// Whether present numbers only rise down the rows.
fn rising(column: &Column) -> bool {
    let mut last = f64::NEG_INFINITY;
    (0..column.len()).all(|r| match column.f64(r) {
        Some(v) if v > last => {
            last = v;
            true
        }
        Some(_) => false,
        None => true,
    })
}

fn average_chars(column: &Column) -> f64 {
    let ColumnData::Text(values) = column.data() else {
        return 0.0;
    };
    let (mut chars, mut n) = (0usize, 0usize);
    for row in (0..column.len())
        .filter(|&r| !column.is_missing(r))
        .take(2000)
    {
        chars += values.get(row).chars().count();
        n += 1;
    }
    chars as f64 / n.max(1) as f64
}

/// Distinct present values.
pub(crate) fn distinct_count(column: &Column) -> usize {
    let present = (0..column.len()).filter(|&r| !column.is_missing(r));
    match column.data() {
        ColumnData::Text(values) => {
            let mut seen = vec![false; values.dictionary().len()];
            let codes = values.codes();
            present
                .filter(|&r| !std::mem::replace(&mut seen[codes[r] as usize], true))
                .count()
        }
        ColumnData::Boolean(values) => present.map(|r| values[r]).collect::<HashSet<_>>().len(),
        ColumnData::Integer(values) | ColumnData::DateTime(values) => {
            present.map(|r| values[r]).collect::<HashSet<_>>().len()
        }
        ColumnData::Decimal(values) => present
            .map(|r| values[r].to_bits())
            .collect::<HashSet<_>>()
            .len(),
    }
}

fn date_reading(column: &Column) -> DateReading {
    let first = (0..column.len())
        .filter(|&r| !column.is_missing(r))
        .find_map(|r| column.raw(r).and_then(parse_shape));
    DateReading {
        form: first.map(|s| s.family),
        order: column.format().date_order,
        order_from_data: !column.format().date_order_guessed,
        excel_serial: false,
        year_numbers: false,
    }
}

/// Placeholder values written in the column, most frequent first.
fn placeholders(column: &Column) -> Vec<Placeholder> {
    let mut counts: Vec<Placeholder> = Vec::new();
    for row in 0..column.len() {
        let Some(raw) = column.raw(row) else {
            continue;
        };
        let value = raw.trim();
        if value.is_empty() || !is_placeholder(value) {
            continue;
        }
        match counts.iter_mut().find(|p| p.value == value) {
            Some(p) => p.count += 1,
            None => counts.push(Placeholder {
                value: value.to_string(),
                count: 1,
            }),
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    counts
}

/// Picks what a table of records is about: a column whose header names a target (churn,
/// label) first, else the last column when it holds two or few values. Other columns
/// whose header named a target become categories.
pub(crate) fn pick_target(columns: &mut [ColumnUnderstanding]) {
    let named: Vec<usize> = columns
        .iter()
        .filter(|c| c.role == ColumnRole::Target)
        .map(|c| c.index)
        .collect();
    if let Some((_, rest)) = named.split_first() {
        for &i in rest {
            columns[i].role = ColumnRole::Category;
        }
        return;
    }
    if let Some(last) = columns.last_mut() {
        let few = last.evidence.iter().any(|e| match e {
            Evidence::TwoValues => true,
            Evidence::FewValues { distinct } => *distinct <= 10,
            _ => false,
        });
        if last.role == ColumnRole::Category && few && last.pii.is_none() {
            last.role = ColumnRole::Target;
            last.evidence.push(Evidence::LastColumn);
        }
    }
}

/// Whether the column holds only 0 and 1 (or true/false), at least one value present.
pub(crate) fn is_zero_one(column: &Column) -> bool {
    let present = column.len() - column.missing_count();
    present > 0
        && match column.data() {
            ColumnData::Boolean(_) => true,
            ColumnData::Integer(values) => (0..column.len())
                .filter(|&r| !column.is_missing(r))
                .all(|r| matches!(values[r], 0 | 1)),
            _ => false,
        }
}
