//! A dense, row-major matrix of `f64`: the one shape every model takes.
//!
//! Deliberately tiny: the models here need row access, column statistics, a few small
//! factorisations (written where they are used) and, for the moments of ETS forecasts
//! (`forecast::state_space::variance`), products of small matrices, not a linear-algebra
//! crate.

use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Rows are observations, columns are features; stored row after row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    n_rows: usize,
    n_cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    /// A matrix from row-major values; `data.len()` must be `n_rows * n_cols`.
    pub fn new(n_rows: usize, n_cols: usize, data: Vec<f64>) -> Result<Matrix> {
        if n_rows.checked_mul(n_cols) != Some(data.len()) {
            return Err(Error::invalid_parameter(
                crate::Term::MatrixLength,
                data.len(),
                crate::Allowed::Cells {
                    rows: n_rows,
                    columns: n_cols,
                },
            ));
        }
        Ok(Matrix {
            n_rows,
            n_cols,
            data,
        })
    }

    /// A matrix of zeros.
    pub fn zeros(n_rows: usize, n_cols: usize) -> Matrix {
        Matrix {
            n_rows,
            n_cols,
            data: vec![0.0; n_rows * n_cols],
        }
    }

    /// A matrix from rows of equal length.
    pub fn from_rows(rows: &[Vec<f64>]) -> Result<Matrix> {
        let n_cols = rows.first().map_or(0, Vec::len);
        let mut data = Vec::with_capacity(rows.len() * n_cols);
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n_cols {
                return Err(Error::invalid_parameter(
                    crate::Subject::RowLength(i + 1),
                    row.len(),
                    crate::Allowed::count(n_cols, crate::Per::FirstRow),
                ));
            }
            data.extend_from_slice(row);
        }
        Matrix::new(rows.len(), n_cols, data)
    }

    /// A one-column matrix.
    pub fn column_vector(values: &[f64]) -> Matrix {
        Matrix {
            n_rows: values.len(),
            n_cols: 1,
            data: values.to_vec(),
        }
    }

    /// The column of the largest value in each row (the first on ties, as numpy's argmax):
    /// the predicted class of each row of class probabilities.
    pub fn argmax_rows(&self) -> Vec<usize> {
        (0..self.n_rows)
            .map(|i| {
                let row = self.row(i);
                let mut best = 0;
                for (j, v) in row.iter().enumerate() {
                    if *v > row[best] {
                        best = j;
                    }
                }
                best
            })
            .collect()
    }

    /// Number of rows (observations).
    pub fn n_rows(&self) -> usize {
        self.n_rows
    }

    /// Number of columns (features).
    pub fn n_cols(&self) -> usize {
        self.n_cols
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.n_cols..(i + 1) * self.n_cols]
    }

    /// Row `i`, mutable.
    pub fn row_mut(&mut self, i: usize) -> &mut [f64] {
        &mut self.data[i * self.n_cols..(i + 1) * self.n_cols]
    }

    /// The value at row `i`, column `j`.
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.data[i * self.n_cols + j]
    }

    /// Sets the value at row `i`, column `j`.
    pub fn set(&mut self, i: usize, j: usize, value: f64) {
        self.data[i * self.n_cols + j] = value;
    }

    /// All values, row after row.
    pub fn as_slice(&self) -> &[f64] {
        &self.data
    }

    /// Column `j` copied out.
    pub fn column(&self, j: usize) -> Vec<f64> {
        (0..self.n_rows).map(|i| self.get(i, j)).collect()
    }

    /// The rows at `rows`, in that order.
    pub fn select_rows(&self, rows: &[usize]) -> Matrix {
        let mut data = Vec::with_capacity(rows.len() * self.n_cols);
        for &r in rows {
            data.extend_from_slice(self.row(r));
        }
        Matrix {
            n_rows: rows.len(),
            n_cols: self.n_cols,
            data,
        }
    }

    /// The product `self · other`; `self`'s columns must equal `other`'s rows.
    pub fn matmul(&self, other: &Matrix) -> Matrix {
        assert_eq!(self.n_cols, other.n_rows, "matrix product shapes");
        let mut out = Matrix::zeros(self.n_rows, other.n_cols);
        for i in 0..self.n_rows {
            for k in 0..self.n_cols {
                let a = self.get(i, k);
                if a == 0.0 {
                    continue;
                }
                for (o, b) in out.row_mut(i).iter_mut().zip(other.row(k)) {
                    *o += a * b;
                }
            }
        }
        out
    }

    /// The transpose.
    pub fn transpose(&self) -> Matrix {
        let mut out = Matrix::zeros(self.n_cols, self.n_rows);
        for i in 0..self.n_rows {
            for j in 0..self.n_cols {
                out.set(j, i, self.get(i, j));
            }
        }
        out
    }

    /// The Kronecker product `self ⊗ other`.
    pub fn kron(&self, other: &Matrix) -> Matrix {
        let mut out = Matrix::zeros(self.n_rows * other.n_rows, self.n_cols * other.n_cols);
        for i in 0..self.n_rows {
            for j in 0..self.n_cols {
                let a = self.get(i, j);
                for k in 0..other.n_rows {
                    for l in 0..other.n_cols {
                        out.set(
                            i * other.n_rows + k,
                            j * other.n_cols + l,
                            a * other.get(k, l),
                        );
                    }
                }
            }
        }
        out
    }

    /// `self + scale · other`, of the same shape.
    pub fn add_scaled(&self, other: &Matrix, scale: f64) -> Matrix {
        assert_eq!(
            (self.n_rows, self.n_cols),
            (other.n_rows, other.n_cols),
            "matrix sum shapes"
        );
        Matrix {
            n_rows: self.n_rows,
            n_cols: self.n_cols,
            data: self
                .data
                .iter()
                .zip(&other.data)
                .map(|(a, b)| a + scale * b)
                .collect(),
        }
    }

    /// An error naming the first cell that is NaN or infinite (1-based row and column).
    pub fn check_finite(&self) -> Result<()> {
        match self.data.iter().position(|v| !v.is_finite()) {
            None => Ok(()),
            Some(p) => Err(Error::invalid_parameter(
                crate::Subject::FeatureAt {
                    row: p / self.n_cols.max(1) + 1,
                    column: p % self.n_cols.max(1) + 1,
                },
                self.data[p],
                Allowed::FiniteImputed,
            )),
        }
    }
}

/// Checks the shapes every `fit` needs: at least `min_rows` rows, one target per row,
/// finite features.
pub(crate) fn check_fit_shapes(x: &Matrix, n_targets: usize, min_rows: usize) -> Result<()> {
    if x.n_rows() < min_rows {
        return Err(Error::not_enough(Counted::Rows, min_rows, x.n_rows()));
    }
    if n_targets != x.n_rows() {
        return Err(Error::invalid_parameter(
            crate::Term::TargetCount,
            n_targets,
            crate::Allowed::count(x.n_rows(), crate::Per::Row),
        ));
    }
    if x.n_cols() == 0 {
        return Err(Error::not_enough(Counted::Columns, 1, 0));
    }
    x.check_finite()
}

/// Checks that `x` has the number of features a model was fitted on.
pub(crate) fn check_predict_shape(x: &Matrix, n_features: usize) -> Result<()> {
    if x.n_cols() != n_features {
        return Err(Error::invalid_parameter(
            crate::Term::FeatureCount,
            x.n_cols(),
            crate::Allowed::count(n_features, crate::Per::Training),
        ));
    }
    x.check_finite()
}

/// Solves `a x = b` for a symmetric positive definite `a` (`n × n`, row-major) by Cholesky.
/// Returns `None` when `a` is not positive definite.
pub(crate) fn cholesky_solve(a: &[f64], b: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let mut sum = a[i * n + j];
            for k in 0..j {
                sum -= l[i * n + k] * l[j * n + k];
            }
            if i == j {
                if sum <= 0.0 || !sum.is_finite() {
                    return None;
                }
                l[i * n + i] = sum.sqrt();
            } else {
                l[i * n + j] = sum / l[j * n + j];
            }
        }
    }
    let mut y = vec![0.0; n];
    for i in 0..n {
        let mut sum = b[i];
        for k in 0..i {
            sum -= l[i * n + k] * y[k];
        }
        y[i] = sum / l[i * n + i];
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let mut sum = y[i];
        for k in i + 1..n {
            sum -= l[k * n + i] * x[k];
        }
        x[i] = sum / l[i * n + i];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_checked() {
        assert!(Matrix::new(2, 2, vec![1.0; 3]).is_err());
        assert!(Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0]]).is_err());
        let m = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, f64::NAN]]).unwrap();
        assert!(m
            .check_finite()
            .unwrap_err()
            .to_string()
            .contains("row 2, column 2"));
    }

    #[test]
    fn cholesky_solves_a_small_system() {
        let x = cholesky_solve(&[4.0, 2.0, 2.0, 3.0], &[6.0, 5.0], 2).unwrap();
        assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12);
        assert!(cholesky_solve(&[0.0, 0.0, 0.0, 1.0], &[1.0, 1.0], 2).is_none());
    }

    #[test]
    fn products_by_hand() {
        let a = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0]]).unwrap();
        let b = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 0.0]]).unwrap();
        assert_eq!(a.matmul(&b).as_slice(), &[2.0, 1.0, 4.0, 3.0]);
        assert_eq!(a.transpose().as_slice(), &[1.0, 3.0, 2.0, 4.0]);
        assert_eq!(a.add_scaled(&b, 2.0).as_slice(), &[1.0, 4.0, 5.0, 4.0]);
        let k = b.kron(&a);
        assert_eq!((k.n_rows(), k.n_cols()), (4, 4));
        assert_eq!(k.row(0), &[0.0, 0.0, 1.0, 2.0]);
        assert_eq!(k.row(3), &[3.0, 4.0, 0.0, 0.0]);
    }
}
