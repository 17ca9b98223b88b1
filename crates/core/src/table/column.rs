//! One typed column with its missing-value mask, its role and, for non-text columns, the
//! cells as written (so the column can be re-typed and a value that does not fit its type
//! can be shown as the file has it).

use super::dates::DateOrder;
use super::numbers::DecimalMark;
use super::raw::RawCells;
use super::text::TextValues;
use serde::{Deserialize, Serialize};

/// How a column's values are written; needed to read them again (re-typing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ValueFormat {
    /// The decimal mark of numbers.
    pub decimal_mark: DecimalMark,
    /// How year-last dates are read, when the column has any.
    pub date_order: Option<DateOrder>,
    /// Whether nothing in the data decided the day/month order (it was guessed from the
    /// separator, and the user should confirm it).
    pub date_order_guessed: bool,
    /// Whether the dates were written as Excel serial day numbers (see
    /// `table::serial_dates`).
    #[serde(default)]
    pub excel_serial: bool,
}

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

/// What a column is for in an analysis (Orange's File widget roles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// An input of models and analyses (the default).
    #[default]
    Feature,
    /// What a model predicts.
    Target,
    /// Names a row (order number, customer id): never a model input.
    Identifier,
    /// The time axis (dates default to it).
    Date,
    /// Left out of every analysis.
    Ignore,
}

impl Role {
    /// Every role, in the order a menu lists them.
    pub const ALL: [Role; 5] = [
        Role::Feature,
        Role::Target,
        Role::Identifier,
        Role::Date,
        Role::Ignore,
    ];

    /// The name used in JSON: `feature`, `target`, `identifier`, `date`, `ignore`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Feature => "feature",
            Role::Target => "target",
            Role::Identifier => "identifier",
            Role::Date => "date",
            Role::Ignore => "ignore",
        }
    }

    /// The name shown to the user in their language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Role::Feature => lang.pick("特征", "feature"),
            Role::Target => lang.pick("目标", "target"),
            Role::Identifier => lang.pick("标识", "identifier"),
            Role::Date => lang.pick("日期", "date"),
            Role::Ignore => lang.pick("忽略", "ignore"),
        }
    }

    /// The role a column of this type starts with: dates are the time axis, the rest
    /// features.
    pub fn default_for(dtype: DataType) -> Role {
        match dtype {
            DataType::DateTime => Role::Date,
            _ => Role::Feature,
        }
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
    /// Text as written (trimmed), dictionary-encoded.
    Text(TextValues),
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
    /// The cells as written, kept for non-text columns (text columns hold them already).
    raw: Option<RawCells>,
    role: Role,
    format: ValueFormat,
    /// Rows whose written value does not fit the type (shown, counted, held as missing).
    invalid: Vec<usize>,
}

impl Column {
    /// Builds a column; `missing[i]` marks row `i` as missing.
    pub fn new(name: impl Into<String>, data: ColumnData, missing: Vec<bool>) -> Column {
        debug_assert_eq!(data.len(), missing.len());
        let role = Role::default_for(dtype_of(&data));
        Column {
            name: name.into(),
            data,
            missing,
            raw: None,
            role,
            format: ValueFormat::default(),
            invalid: Vec::new(),
        }
    }

    /// Builds a column read from a file: the raw cells, how values were written, and which
    /// rows did not fit the type.
    pub(crate) fn with_source(
        mut self,
        raw: Option<RawCells>,
        format: ValueFormat,
        invalid: Vec<usize>,
    ) -> Column {
        self.raw = raw;
        self.format = format;
        self.invalid = invalid;
        self
    }

    pub(crate) fn raw_cells(&self) -> Option<&RawCells> {
        self.raw.as_ref()
    }

    /// Row `row` as written in the file (trimmed text for text columns), or `None` for a
    /// column built in memory without its source text.
    pub fn raw(&self, row: usize) -> Option<&str> {
        match (&self.raw, &self.data) {
            (Some(raw), _) => Some(raw.get(row)),
            (None, ColumnData::Text(v)) => Some(v.get(row)),
            _ => None,
        }
    }

    /// What the column is for.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Sets what the column is for.
    pub fn set_role(&mut self, role: Role) {
        self.role = role;
    }

    /// How the column's values were written (decimal mark, day/month order).
    pub fn format(&self) -> &ValueFormat {
        &self.format
    }

    /// Rows whose written value does not fit the column's type (after a forced type). They
    /// count as missing in analyses and [`Column::display`] shows them as written.
    pub fn invalid_rows(&self) -> &[usize] {
        &self.invalid
    }

    /// The column's name (header after clean-up).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The column's type.
    pub fn dtype(&self) -> DataType {
        dtype_of(&self.data)
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
            if self.invalid.binary_search(&row).is_ok() {
                return self.raw(row).unwrap_or_default().trim().to_string();
            }
            return String::new();
        }
        match &self.data {
            ColumnData::Integer(v) => v[row].to_string(),
            ColumnData::Decimal(v) => v[row].to_string(),
            ColumnData::Boolean(v) => v[row].to_string(),
            ColumnData::DateTime(v) => super::dates::format_datetime(v[row]),
            ColumnData::Text(v) => v.get(row).to_string(),
        }
    }
}

fn dtype_of(data: &ColumnData) -> DataType {
    match data {
        ColumnData::Integer(_) => DataType::Integer,
        ColumnData::Decimal(_) => DataType::Decimal,
        ColumnData::Boolean(_) => DataType::Boolean,
        ColumnData::DateTime(_) => DataType::DateTime,
        ColumnData::Text(_) => DataType::Text,
    }
}
