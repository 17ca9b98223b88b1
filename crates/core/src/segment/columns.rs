//! The numeric columns a segmentation runs on: read from a table (or given as rows) into a
//! [`Matrix`], with the table rows they came from, so results can be joined back to the
//! customers. The numbers themselves are plain [`Matrix`] values: scaling is
//! [`crate::learn::preprocess::StandardScaler`] (population standard deviation, as
//! scikit-learn's `StandardScaler`), and [`log1p`] tames skewed spend before it.

use crate::learn::Matrix;
use crate::table::Table;
use crate::{Allowed, Counted, Error, ErrorKind, Result, ValueType};

/// Numeric columns of a table as a matrix, one row per kept table row.
#[derive(Debug, Clone, PartialEq)]
pub struct ChosenColumns {
    /// Column names, in matrix column order.
    pub names: Vec<String>,
    /// The values, one row per kept table row.
    pub values: Matrix,
    /// For each row, the 0-based data row of the source table it came from.
    pub source_rows: Vec<usize>,
    /// Source rows left out because a chosen column was missing there.
    pub skipped_missing: usize,
}

impl ChosenColumns {
    /// Columns from rows of equal length (every row its own source row).
    pub fn from_rows(names: Vec<String>, rows: &[Vec<f64>]) -> Result<ChosenColumns> {
        let n_cols = names.len();
        let mut values = Vec::with_capacity(rows.len() * n_cols);
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n_cols {
                return Err(Error::invalid_parameter(
                    crate::Subject::Row(i + 1),
                    format!("{} values", row.len()),
                    crate::Allowed::count(n_cols, crate::Per::FirstRow),
                ));
            }
            if let Some(j) = row.iter().position(|v| !v.is_finite()) {
                return Err(Error::invalid_parameter(
                    crate::Subject::RowIn {
                        row: i + 1,
                        column: names[j].to_string(),
                    },
                    row[j],
                    Allowed::FiniteNumber,
                ));
            }
            values.extend_from_slice(row);
        }
        Ok(ChosenColumns {
            names,
            values: Matrix::new(rows.len(), n_cols, values)?,
            source_rows: (0..rows.len()).collect(),
            skipped_missing: 0,
        })
    }

    /// Takes the named numeric columns of `table` (all numeric columns when `columns` is
    /// empty). Rows with a missing value in any chosen column are left out and counted.
    pub fn from_table(table: &Table, columns: &[String]) -> Result<ChosenColumns> {
        let chosen: Vec<&crate::table::Column> = if columns.is_empty() {
            table
                .columns()
                .iter()
                .filter(|c| c.dtype().is_numeric())
                .collect()
        } else {
            columns
                .iter()
                .map(|name| table.column_by_name(name))
                .collect::<Result<_>>()?
        };
        if chosen.is_empty() {
            return Err(Error::not_enough(Counted::NumericColumns, 1, 0));
        }
        for column in &chosen {
            if !column.dtype().is_numeric() {
                let row = (0..column.len())
                    .find(|&r| !column.is_missing(r))
                    .unwrap_or(0);
                return Err(Error::new(ErrorKind::BadValue {
                    line: row as u64 + 2,
                    column: column.name().to_string(),
                    value: column.display(row),
                    expected: ValueType::Number,
                }));
            }
        }
        let n_cols = chosen.len();
        let mut values = Vec::with_capacity(table.n_rows() * n_cols);
        let mut source_rows = Vec::with_capacity(table.n_rows());
        let mut skipped_missing = 0;
        'rows: for row in 0..table.n_rows() {
            let start = values.len();
            for column in &chosen {
                match column.f64(row) {
                    Some(v) => values.push(v),
                    None => {
                        values.truncate(start);
                        skipped_missing += 1;
                        continue 'rows;
                    }
                }
            }
            source_rows.push(row);
        }
        Ok(ChosenColumns {
            names: chosen.iter().map(|c| c.name().to_string()).collect(),
            values: Matrix::new(source_rows.len(), n_cols, values)?,
            source_rows,
            skipped_missing,
        })
    }
}

/// Every value `x` of `x` replaced by `ln(1 + x)`; a value ≤ −1 is an error naming its
/// column (from `names`).
pub fn log1p(x: &Matrix, names: &[String]) -> Result<Matrix> {
    if let Some(i) = x.as_slice().iter().position(|&v| v <= -1.0) {
        return Err(Error::invalid_parameter(
            crate::Subject::LogOf(names[i % x.n_cols().max(1)].to_string()),
            x.as_slice()[i],
            Allowed::LogInput,
        ));
    }
    let values = x.as_slice().iter().map(|v| v.ln_1p()).collect();
    Matrix::new(x.n_rows(), x.n_cols(), values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    #[test]
    fn skips_and_counts_rows_with_missing_values() {
        let table = read_bytes(b"id,a,b\nx,1,2\ny,NA,3\nz,4,5\n", &ReadOptions::default()).unwrap();
        let f = ChosenColumns::from_table(&table, &[]).unwrap();
        assert_eq!(f.names, ["a", "b"]);
        assert_eq!(f.source_rows, [0, 2]);
        assert_eq!(f.skipped_missing, 1);
        let err = ChosenColumns::from_table(&table, &["id".to_string()]).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::BadValue { line: 2, .. }));
    }

    #[test]
    fn log1p_refuses_values_at_or_below_minus_one() {
        let names = ["a".to_string()];
        let x = Matrix::from_rows(&[vec![-1.0]]).unwrap();
        assert!(log1p(&x, &names).is_err());
        let y = log1p(&Matrix::from_rows(&[vec![0.0], vec![1.0]]).unwrap(), &names).unwrap();
        assert_eq!(y.as_slice(), [0.0, 2f64.ln()]);
    }
}
