//! One typed column with its missing-value mask.

use serde::{Deserialize, Serialize};

/// The type of a column, as shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DataType {
    /// Whole numbers.
    Integer,
    /// Numbers with a fractional part.
    Decimal,
    /// True/false values.
    Boolean,
    /// Dates or date-times.
    #[serde(rename = "datetime")]
    DateTime,
    /// Anything else: categories, names, identifiers.
    Text,
}

impl DataType {
    /// The name used in JSON output: `integer`, `decimal`, `boolean`, `datetime`, `text`.
    pub fn as_str(self) -> &'static str {
        match self {
            DataType::Integer => "integer",
            DataType::Decimal => "decimal",
            DataType::Boolean => "boolean",
            DataType::DateTime => "datetime",
            DataType::Text => "text",
        }
    }

    /// The name shown to the user in their language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            DataType::Integer => lang.pick("整数", "integer"),
            DataType::Decimal => lang.pick("小数", "decimal"),
            DataType::Boolean => lang.pick("布尔", "boolean"),
            DataType::DateTime => lang.pick("日期时间", "date/time"),
            DataType::Text => lang.pick("文本", "text"),
        }
    }

    /// Whether values of this type are numbers.
    pub fn is_numeric(self) -> bool {
        matches!(self, DataType::Integer | DataType::Decimal)
    }
}

/// The values of a column. Missing cells hold a default value and are marked in the mask.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Whole numbers.
    Integer(Vec<i64>),
    /// Real numbers.
    Decimal(Vec<f64>),
    /// True/false.
    Boolean(Vec<bool>),
    /// Seconds since 1970-01-01T00:00:00 (no time zone: exports carry local times).
    DateTime(Vec<i64>),
    /// Text as written (trimmed).
    Text(Vec<String>),
}

impl ColumnData {
    fn len(&self) -> usize {
        match self {
            ColumnData::Integer(v) => v.len(),
            ColumnData::Decimal(v) => v.len(),
            ColumnData::Boolean(v) => v.len(),
            ColumnData::DateTime(v) => v.len(),
            ColumnData::Text(v) => v.len(),
        }
    }
}

/// A named, typed column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    name: String,
    data: ColumnData,
    missing: Vec<bool>,
}

impl Column {
    /// Builds a column; `missing[i]` marks row `i` as missing.
    pub fn new(name: impl Into<String>, data: ColumnData, missing: Vec<bool>) -> Column {
        debug_assert_eq!(data.len(), missing.len());
        Column {
            name: name.into(),
            data,
            missing,
        }
    }

    /// The column's name (header after clean-up).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The column's type.
    pub fn dtype(&self) -> DataType {
        match self.data {
            ColumnData::Integer(_) => DataType::Integer,
            ColumnData::Decimal(_) => DataType::Decimal,
            ColumnData::Boolean(_) => DataType::Boolean,
            ColumnData::DateTime(_) => DataType::DateTime,
            ColumnData::Text(_) => DataType::Text,
        }
    }

    /// The values.
    pub fn data(&self) -> &ColumnData {
        &self.data
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.missing.len()
    }

    /// Whether the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty()
    }

    /// Whether row `row` is missing.
    pub fn is_missing(&self, row: usize) -> bool {
        self.missing[row]
    }

    /// How many rows are missing.
    pub fn missing_count(&self) -> usize {
        self.missing.iter().filter(|m| **m).count()
    }

    /// Row `row` as a number, if the column is numeric (or boolean, as 0/1, or a date, as
    /// seconds) and the cell is present.
    pub fn f64(&self, row: usize) -> Option<f64> {
        if self.missing[row] {
            return None;
        }
        match &self.data {
            ColumnData::Integer(v) => Some(v[row] as f64),
            ColumnData::Decimal(v) => Some(v[row]),
            ColumnData::Boolean(v) => Some(if v[row] { 1.0 } else { 0.0 }),
            ColumnData::DateTime(v) => Some(v[row] as f64),
            ColumnData::Text(_) => None,
        }
    }

    /// Row `row` as the user should see it in a preview; empty for a missing cell.
    pub fn display(&self, row: usize) -> String {
        if self.missing[row] {
            return String::new();
        }
        match &self.data {
            ColumnData::Integer(v) => v[row].to_string(),
            ColumnData::Decimal(v) => v[row].to_string(),
            ColumnData::Boolean(v) => v[row].to_string(),
            ColumnData::DateTime(v) => super::infer::format_datetime(v[row]),
            ColumnData::Text(v) => v[row].clone(),
        }
    }
}
