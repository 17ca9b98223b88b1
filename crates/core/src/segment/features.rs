//! Numeric features per customer (one row each), with the transforms k-means needs.
//!
//! Spend is heavily skewed, so the page offers `log1p` before scaling; k-means is then run on
//! standardised columns (mean 0, **population** standard deviation 1, as scikit-learn's
//! `StandardScaler`; a constant column is centred and left unscaled, as there).

use crate::table::Table;
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// A dense row-major matrix of features, one row per customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Column names.
    pub names: Vec<String>,
    /// Values, row-major: row `i` is `values[i * n_cols..(i + 1) * n_cols]`.
    pub values: Vec<f64>,
    /// Number of rows.
    pub n_rows: usize,
    /// Number of columns.
    pub n_cols: usize,
    /// For each row, the 0-based data row of the source table it came from.
    pub source_rows: Vec<usize>,
    /// Source rows left out because a chosen column was missing there.
    pub skipped_missing: usize,
}

/// The centring and scaling applied by [`Features::standardise`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scaling {
    /// Column means before scaling.
    pub means: Vec<f64>,
    /// Divisors used (population standard deviation, 1 for a constant column).
    pub scales: Vec<f64>,
}

impl Features {
    /// Builds features from rows of equal length.
    pub fn from_rows(names: Vec<String>, rows: &[Vec<f64>]) -> Result<Features> {
        let n_cols = names.len();
        let mut values = Vec::with_capacity(rows.len() * n_cols);
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n_cols {
                return Err(Error::invalid_parameter(
                    format!("row {}", i + 1),
                    format!("{} values", row.len()),
                    format!("{n_cols} values"),
                ));
            }
            if let Some(j) = row.iter().position(|v| !v.is_finite()) {
                return Err(Error::invalid_parameter(
                    format!("row {}, {}", i + 1, names[j]),
                    row[j],
                    "a finite number",
                ));
            }
            values.extend_from_slice(row);
        }
        Ok(Features {
            names,
            values,
            n_rows: rows.len(),
            n_cols,
            source_rows: (0..rows.len()).collect(),
            skipped_missing: 0,
        })
    }

    /// Takes the named numeric columns of `table` (all numeric columns when `columns` is
    /// empty). Rows with a missing value in any chosen column are left out and counted.
    pub fn from_table(table: &Table, columns: &[String]) -> Result<Features> {
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
            return Err(Error::not_enough("numeric columns", 1, 0));
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
                    expected: "number".into(),
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
        Ok(Features {
            names: chosen.iter().map(|c| c.name().to_string()).collect(),
            values,
            n_rows: source_rows.len(),
            n_cols,
            source_rows,
            skipped_missing,
        })
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.values[i * self.n_cols..(i + 1) * self.n_cols]
    }

    /// Replaces every value `x` by `ln(1 + x)`; a value ≤ −1 is an error naming it.
    pub fn log1p(&mut self) -> Result<()> {
        if let Some(i) = self.values.iter().position(|&v| v <= -1.0) {
            return Err(Error::invalid_parameter(
                format!("log of {}", self.names[i % self.n_cols]),
                self.values[i],
                "values greater than -1 (turn the log transform off for this column)",
            ));
        }
        for v in &mut self.values {
            *v = v.ln_1p();
        }
        Ok(())
    }

    /// Centres each column and divides it by its population standard deviation.
    pub fn standardise(&mut self) -> Scaling {
        let n = self.n_rows.max(1) as f64;
        let mut means = vec![0.0; self.n_cols];
        for row in self.values.chunks_exact(self.n_cols) {
            for (m, v) in means.iter_mut().zip(row) {
                *m += v;
            }
        }
        means.iter_mut().for_each(|m| *m /= n);
        let mut scales = vec![0.0; self.n_cols];
        for row in self.values.chunks_exact(self.n_cols) {
            for ((s, v), m) in scales.iter_mut().zip(row).zip(&means) {
                *s += (v - m) * (v - m);
            }
        }
        for s in &mut scales {
            *s = (*s / n).sqrt();
            // A constant column carries no information; scikit-learn leaves it unscaled.
            if *s <= f64::EPSILON {
                *s = 1.0;
            }
        }
        for row in self.values.chunks_exact_mut(self.n_cols) {
            for ((v, m), s) in row.iter_mut().zip(&means).zip(&scales) {
                *v = (*v - m) / s;
            }
        }
        Scaling { means, scales }
    }
}

impl Features {
    /// Applies a scaling learnt on other rows (for example a training set) to these rows.
    pub fn apply_scaling(&mut self, scaling: &Scaling) -> Result<()> {
        if scaling.means.len() != self.n_cols || scaling.scales.len() != self.n_cols {
            return Err(Error::invalid_parameter(
                "scaling",
                scaling.means.len(),
                format!("{} columns", self.n_cols),
            ));
        }
        for row in self.values.chunks_exact_mut(self.n_cols.max(1)) {
            for ((v, m), s) in row.iter_mut().zip(&scaling.means).zip(&scaling.scales) {
                *v = (*v - m) / s;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    #[test]
    fn standardises_with_the_population_std() {
        let mut f = Features::from_rows(
            vec!["a".into(), "b".into()],
            &[vec![1.0, 5.0], vec![3.0, 5.0]],
        )
        .unwrap();
        let s = f.standardise();
        assert_eq!(s.means, [2.0, 5.0]);
        assert_eq!(s.scales, [1.0, 1.0]);
        assert_eq!(f.values, [-1.0, 0.0, 1.0, 0.0]);
    }

    #[test]
    fn skips_and_counts_rows_with_missing_values() {
        let table = read_bytes(b"id,a,b\nx,1,2\ny,NA,3\nz,4,5\n", &ReadOptions::default()).unwrap();
        let f = Features::from_table(&table, &[]).unwrap();
        assert_eq!(f.names, ["a", "b"]);
        assert_eq!(f.source_rows, [0, 2]);
        assert_eq!(f.skipped_missing, 1);
        let err = Features::from_table(&table, &["id".to_string()]).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::BadValue { line: 2, .. }));
    }

    #[test]
    fn log1p_refuses_values_at_or_below_minus_one() {
        let mut f = Features::from_rows(vec!["a".into()], &[vec![-1.0]]).unwrap();
        assert!(f.log1p().is_err());
    }
}
