//! Re-typing a column the user overrides: every cell is read again from the text as written,
//! and each value that does not fit the new type is counted and listed (it is held as
//! missing, shown as written, and can be brought back by choosing another type), never
//! dropped silently.

use super::dates::parse_shape;
use super::infer::{column_from_raw, infer};
use super::raw::RawCells;
use super::{Column, DataType, Role, Table};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// How many values that do not fit are listed one by one.
const LISTED: usize = 20;

/// A cell whose value does not fit the chosen type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BadCell {
    /// Row (0-based, header not counted).
    pub row: usize,
    /// Line of the file (1-based).
    pub line: u64,
    /// The value as written.
    pub value: String,
}

/// What re-typing a column did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retyped {
    /// Column name.
    pub column: String,
    /// The new type.
    pub dtype: DataType,
    /// How many present values do not fit the new type.
    pub invalid: usize,
    /// The first of them (at most 20).
    pub examples: Vec<BadCell>,
}

impl Retyped {
    /// The first value that does not fit, as a [`ErrorKind::BadValue`] naming its line and
    /// column (for a message, or to refuse the change).
    pub fn first_error(&self) -> Option<Error> {
        self.examples.first().map(|bad| {
            Error::new(ErrorKind::BadValue {
                line: bad.line,
                column: self.column.clone(),
                value: bad.value.clone(),
                expected: self.dtype.into(),
            })
        })
    }
}

impl Table {
    /// Re-types column `index` as `dtype` from the cells as written. Values that do not fit
    /// become missing and are counted in the answer (and listed by
    /// [`Column::invalid_rows`]); choosing the column's earlier type brings them back.
    ///
    /// Errors: [`ErrorKind::InvalidParameter`] if `index` is out of range.
    pub fn set_type(&mut self, index: usize, dtype: DataType) -> Result<Retyped> {
        let n = self.n_columns();
        let column = self.columns.get(index).ok_or_else(|| {
            Error::invalid_parameter("column", index, crate::Allowed::Below(n as f64))
        })?;
        let retyped = retype_column(column, dtype);
        let report = Retyped {
            column: column.name().to_string(),
            dtype,
            invalid: retyped.invalid_rows().len(),
            examples: retyped
                .invalid_rows()
                .iter()
                .take(LISTED)
                .map(|&row| BadCell {
                    row,
                    line: self.line(row),
                    value: retyped.raw(row).unwrap_or_default().trim().to_string(),
                })
                .collect(),
        };
        self.columns[index] = retyped;
        Ok(report)
    }

    /// Like [`Table::set_type`], but refuses the change with [`ErrorKind::BadValue`] (naming
    /// line and column of the first value that does not fit) and leaves the table as it was.
    pub fn set_type_strict(&mut self, index: usize, dtype: DataType) -> Result<()> {
        let before = self.columns.get(index).cloned();
        let report = self.set_type(index, dtype)?;
        if let Some(error) = report.first_error() {
            if let Some(before) = before {
                self.columns[index] = before;
            }
            return Err(error);
        }
        Ok(())
    }
}

/// The column typed as `dtype` from its cells as written.
fn retype_column(column: &Column, dtype: DataType) -> Column {
    let raw = match column.raw_cells() {
        Some(raw) => raw.clone(),
        None => {
            let mut raw = RawCells::with_capacity(column.len());
            for row in 0..column.len() {
                raw.push(column.raw(row).unwrap_or_default());
            }
            raw
        }
    };
    let mut format = *column.format();
    if dtype == DataType::DateTime && format.date_order.is_none() {
        // Decide day/month order from the values that are dates at all.
        let dates = raw.iter().filter(|c| parse_shape(c).is_some());
        format.date_order = infer(dates, format.decimal_mark).format.date_order;
    }
    let old_role = column.role();
    let old_type = column.dtype();
    let mut retyped = column_from_raw(column.name().to_string(), raw, dtype, format);
    let role = if old_role == Role::default_for(old_type) {
        Role::default_for(dtype)
    } else {
        old_role
    };
    retyped.set_role(role);
    retyped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    #[test]
    fn forcing_a_number_names_line_and_column() {
        let mut t = read_bytes(
            b"sku,qty\nA,1\nB,2\nC,three\nD,4\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(t.column(1).dtype(), DataType::Text);
        let err = t.set_type_strict(1, DataType::Integer).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::BadValue {
                line: 4,
                column: "qty".into(),
                value: "three".into(),
                expected: crate::ValueType::Integer
            }
        );
        assert_eq!(t.column(1).dtype(), DataType::Text);
        let report = t.set_type(1, DataType::Integer).unwrap();
        assert_eq!(report.invalid, 1);
        assert_eq!(t.column(1).f64(3), Some(4.0));
        assert_eq!(t.column(1).missing_count(), 1);
        assert_eq!(t.column(1).display(2), "three");
        // Back to text: nothing was lost.
        let back = t.set_type(1, DataType::Text).unwrap();
        assert_eq!(back.invalid, 0);
        assert_eq!(t.column(1).display(2), "three");
    }

    #[test]
    fn roles_follow_types_unless_chosen() {
        let mut t = read_bytes(
            b"day,qty\n2020-01-01,1\n2020-01-02,2\n",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(t.column(0).role(), Role::Date);
        t.set_type(0, DataType::Text).unwrap();
        assert_eq!(t.column(0).role(), Role::Feature);
        t.set_role(1, Role::Target);
        t.set_type(1, DataType::Decimal).unwrap();
        assert_eq!(t.column(1).role(), Role::Target);
        assert!(t.set_type(9, DataType::Text).is_err());
    }
}
