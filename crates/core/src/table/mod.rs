//! Typed, column-oriented tables read from a merchant's exports.
//!
//! ```
//! use shoplens_core::table::{read_bytes, DataType, ReadOptions};
//! let table = read_bytes(b"sku,qty\nA1,3\nB2,NA\n", &ReadOptions::default()).unwrap();
//! assert_eq!(table.n_rows(), 2);
//! assert_eq!(table.column(1).dtype(), DataType::Integer);
//! assert_eq!(table.column(1).missing_count(), 1);
//! ```
//!
//! Reading goes: bytes → [`sniff`] (spreadsheet? text at all?) → decoded text (UTF-8, GB18030,
//! UTF-16) → records split with the `csv` crate into contiguous raw cells (no allocation per
//! cell) → header detection and clean-up → one [`Column`] per field, typed by [`infer`].
//! Spreadsheets go through `calamine` into the same raw cells. Everything repaired on the way
//! is listed in [`SourceInfo::warnings`]. The user can then re-type a column
//! ([`Table::set_type`]), which counts and lists the values that do not fit, and give it a
//! [`Role`]. [`profile`] summarises a column for the Data page.
//!
//! The model for type and role handling is Orange's File widget; the CSV dialect handling
//! follows Python's `csv.Sniffer` and pandas' `read_csv` (whose output the tests compare
//! against, see `tools/make_table_fixtures.py`).

mod column;
mod date_format;
mod dates;
mod decode;
#[cfg(test)]
mod fixture_tests;
pub mod infer;
mod numbers;
mod profile;
mod raw;
mod read;
#[cfg(test)]
mod regression_tests;
mod retype;
#[cfg(test)]
mod robustness_tests;
mod serial_dates;
pub mod sniff;
mod split;
mod text;
mod warning;
pub mod xlsx;

pub use column::{Column, ColumnData, DataType, Role};
pub use date_format::DatePattern;
pub use infer::{DateOrder, DecimalMark, ValueFormat};
pub use profile::{profile, ColumnProfile, Histogram, NumericSummary, TopValue};
pub use read::{read_bytes, read_bytes_with, read_owned_with, ReadOptions, SourceInfo, HARD_LIMIT};
pub use retype::{BadCell, Retyped};
pub use split::{RaggedRows, WHITESPACE};
pub use text::{TextBuilder, TextValues};
pub use warning::{RaggedAction, ReadWarning};

/// A table: named, typed columns of equal length, plus how the source was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    columns: Vec<Column>,
    n_rows: usize,
    source: SourceInfo,
    /// Line of the file (1-based) where each row starts; empty when built in memory.
    lines: Vec<u64>,
}

impl Table {
    /// Builds a table from columns of equal length.
    ///
    /// # Panics
    /// Never on user data: the readers always pass equal lengths; a mismatch is a bug in
    /// the caller and is caught by a debug assertion.
    pub fn new(columns: Vec<Column>, source: SourceInfo) -> Table {
        Table::from_parts(columns, source, Vec::new())
    }

    pub(crate) fn from_parts(columns: Vec<Column>, source: SourceInfo, lines: Vec<u64>) -> Table {
        let n_rows = columns.first().map_or(0, Column::len);
        debug_assert!(columns.iter().all(|c| c.len() == n_rows));
        Table {
            columns,
            n_rows,
            source,
            lines,
        }
    }

    /// Number of data rows (the header not counted).
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Number of columns.
    pub fn n_columns(&self) -> usize {
        self.columns.len()
    }

    /// All columns, in file order.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// The column at `index`.
    ///
    /// # Panics
    /// If `index >= n_columns()`.
    pub fn column(&self, index: usize) -> &Column {
        &self.columns[index]
    }

    /// The column named `name` (after header clean-up), or a
    /// [`crate::ErrorKind::MissingColumn`] error listing the columns that exist.
    pub fn column_by_name(&self, name: &str) -> crate::Result<&Column> {
        self.column_index(name).map(|i| &self.columns[i])
    }

    /// The position of the column named `name` (exact, else after trimming), or a
    /// [`crate::ErrorKind::MissingColumn`] error listing the columns that exist.
    pub fn column_index(&self, name: &str) -> crate::Result<usize> {
        self.columns
            .iter()
            .position(|c| c.name() == name)
            .or_else(|| self.columns.iter().position(|c| c.name() == name.trim()))
            .ok_or_else(|| {
                crate::Error::new(crate::ErrorKind::MissingColumn {
                    name: name.to_string(),
                    available: self.columns.iter().map(|c| c.name().to_string()).collect(),
                })
            })
    }

    /// How the source was read (encoding, delimiter, warnings).
    pub fn source(&self) -> &SourceInfo {
        &self.source
    }

    /// What the reader repaired or doubts.
    pub fn warnings(&self) -> &[ReadWarning] {
        &self.source.warnings
    }

    /// The line of the file (1-based, header = line 1) where row `row` (0-based) starts; for
    /// a table built in memory, `row + 2`.
    pub fn line(&self, row: usize) -> u64 {
        self.lines.get(row).copied().unwrap_or(row as u64 + 2)
    }

    /// Sets the role of column `index`.
    ///
    /// # Panics
    /// If `index >= n_columns()`.
    pub fn set_role(&mut self, index: usize, role: Role) {
        self.columns[index].set_role(role);
    }
}
