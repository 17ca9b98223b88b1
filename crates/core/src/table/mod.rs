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
//! Reading goes: bytes → [`sniff`] (binary? encoding?) → decoded text → delimited records
//! (the `csv` crate) → one [`Column`] per field, typed by [`infer`].

mod column;
pub mod infer;
mod read;
pub mod sniff;

pub use column::{Column, ColumnData, DataType};
pub use read::{read_bytes, ReadOptions, SourceInfo};

/// A table: named, typed columns of equal length, plus how the source was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    columns: Vec<Column>,
    n_rows: usize,
    source: SourceInfo,
}

impl Table {
    /// Builds a table from columns of equal length.
    ///
    /// # Panics
    /// Never on user data: the readers always pass equal lengths; a mismatch is a bug in
    /// the caller and is caught by a debug assertion.
    pub fn new(columns: Vec<Column>, source: SourceInfo) -> Table {
        let n_rows = columns.first().map_or(0, Column::len);
        debug_assert!(columns.iter().all(|c| c.len() == n_rows));
        Table {
            columns,
            n_rows,
            source,
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
        self.columns
            .iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| {
                crate::Error::new(crate::ErrorKind::MissingColumn {
                    name: name.to_string(),
                    available: self.columns.iter().map(|c| c.name().to_string()).collect(),
                })
            })
    }

    /// How the source was read (encoding, delimiter).
    pub fn source(&self) -> &SourceInfo {
        &self.source
    }
}
