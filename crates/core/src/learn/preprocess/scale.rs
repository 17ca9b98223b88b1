//! Standard and min-max scaling, learned on training rows (scikit-learn's
//! `StandardScaler`, population standard deviation, and `MinMaxScaler`). A constant
//! column is left unscaled (scale 1), as sklearn does.

use crate::learn::{Matrix, Transform, Transformer};
use crate::Result;
use serde::{Deserialize, Serialize};

/// Subtract the mean, divide by the (population) standard deviation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StandardScaler;

/// Map each column's training range onto [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct MinMaxScaler;

/// A fitted scaler: `(x − offset) / scale` per column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedScaler {
    /// Subtracted per column (mean or minimum).
    pub offset: Vec<f64>,
    /// Divided by per column (standard deviation or range; 1 for a constant column).
    pub scale: Vec<f64>,
}

fn nonzero(s: f64) -> f64 {
    if s > 10.0 * f64::EPSILON {
        s
    } else {
        1.0
    }
}

impl Transformer for StandardScaler {
    type Fitted = FittedScaler;

    fn fit(&self, x: &Matrix) -> Result<FittedScaler> {
        x.check_finite()?;
        let n = x.n_rows().max(1) as f64;
        let mut offset = Vec::with_capacity(x.n_cols());
        let mut scale = Vec::with_capacity(x.n_cols());
        for j in 0..x.n_cols() {
            let col = x.column(j);
            let mean = col.iter().sum::<f64>() / n;
            let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
            offset.push(mean);
            scale.push(nonzero(var.sqrt()));
        }
        Ok(FittedScaler { offset, scale })
    }
}

impl Transformer for MinMaxScaler {
    type Fitted = FittedScaler;

    fn fit(&self, x: &Matrix) -> Result<FittedScaler> {
        x.check_finite()?;
        let mut offset = Vec::with_capacity(x.n_cols());
        let mut scale = Vec::with_capacity(x.n_cols());
        for j in 0..x.n_cols() {
            let col = x.column(j);
            let min = col.iter().cloned().fold(f64::INFINITY, f64::min);
            let max = col.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            offset.push(if min.is_finite() { min } else { 0.0 });
            scale.push(if max.is_finite() {
                nonzero(max - min)
            } else {
                1.0
            });
        }
        Ok(FittedScaler { offset, scale })
    }
}

impl Transform for FittedScaler {
    fn transform(&self, x: &Matrix) -> Result<Matrix> {
        super::check_width(x, self.offset.len())?;
        let mut out = x.clone();
        for i in 0..x.n_rows() {
            for ((v, o), s) in out.row_mut(i).iter_mut().zip(&self.offset).zip(&self.scale) {
                *v = (*v - o) / s;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_uses_population_std_and_leaves_constants() {
        let x = Matrix::from_rows(&[vec![1.0, 5.0], vec![3.0, 5.0]]).unwrap();
        let f = StandardScaler.fit(&x).unwrap();
        assert_eq!(f.scale, vec![1.0, 1.0]);
        let t = f.transform(&x).unwrap();
        assert_eq!(t.row(0), &[-1.0, 0.0]);
        let m = MinMaxScaler.fit(&x).unwrap().transform(&x).unwrap();
        assert_eq!(m.row(1), &[1.0, 0.0]);
    }
}
