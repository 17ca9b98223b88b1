//! Filling missing values (NaN in a [`Matrix`]) per column, learned on training rows
//! (scikit-learn's `SimpleImputer`).

use crate::learn::{Matrix, Transform, Transformer};
use crate::{Allowed, Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// What a missing value becomes.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImputeStrategy {
    /// The column's mean over the training rows (the default).
    #[default]
    Mean,
    /// The column's median over the training rows.
    Median,
    /// The column's most frequent value (the smallest on ties).
    MostFrequent,
    /// A fixed value.
    Constant(f64),
}

impl ImputeStrategy {
    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ImputeStrategy::Mean => lang.pick("均值填充", "Fill with the mean"),
            ImputeStrategy::Median => lang.pick("中位数填充", "Fill with the median"),
            ImputeStrategy::MostFrequent => {
                lang.pick("众数填充", "Fill with the most frequent value")
            }
            ImputeStrategy::Constant(_) => lang.pick("常数填充", "Fill with a constant"),
        }
    }

    /// The fill value for `present` values (0 when there are none).
    pub fn fill_value(self, present: &[f64]) -> f64 {
        if present.is_empty() {
            return match self {
                ImputeStrategy::Constant(c) => c,
                _ => 0.0,
            };
        }
        match self {
            ImputeStrategy::Mean => present.iter().sum::<f64>() / present.len() as f64,
            ImputeStrategy::Median => {
                let mut v = present.to_vec();
                v.sort_by(f64::total_cmp);
                let m = v.len() / 2;
                if v.len() % 2 == 1 {
                    v[m]
                } else {
                    (v[m - 1] + v[m]) / 2.0
                }
            }
            ImputeStrategy::MostFrequent => {
                let mut v = present.to_vec();
                v.sort_by(f64::total_cmp);
                let (mut best, mut best_n, mut i) = (v[0], 0, 0);
                while i < v.len() {
                    let j = v[i..]
                        .iter()
                        .position(|x| x.total_cmp(&v[i]).is_ne())
                        .map_or(v.len(), |p| i + p);
                    if j - i > best_n {
                        best = v[i];
                        best_n = j - i;
                    }
                    i = j;
                }
                best
            }
            ImputeStrategy::Constant(c) => c,
        }
    }
}

/// Parameters of an imputer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Imputer {
    /// The strategy. Default mean.
    pub strategy: ImputeStrategy,
}

/// A fitted imputer: one fill value per column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedImputer {
    /// Fill value per column.
    pub fill: Vec<f64>,
}

impl Transformer for Imputer {
    type Fitted = FittedImputer;

    fn fit(&self, x: &Matrix) -> Result<FittedImputer> {
        if let ImputeStrategy::Constant(c) = self.strategy {
            if !c.is_finite() {
                return Err(Error::invalid_parameter(
                    crate::Term::FillValue,
                    c,
                    Allowed::FiniteNumber,
                ));
            }
        }
        Ok(FittedImputer {
            fill: (0..x.n_cols())
                .map(|j| {
                    let present: Vec<f64> =
                        x.column(j).into_iter().filter(|v| !v.is_nan()).collect();
                    self.strategy.fill_value(&present)
                })
                .collect(),
        })
    }
}

impl Transform for FittedImputer {
    fn transform(&self, x: &Matrix) -> Result<Matrix> {
        super::check_width(x, self.fill.len())?;
        let mut out = x.clone();
        for i in 0..x.n_rows() {
            for (v, f) in out.row_mut(i).iter_mut().zip(&self.fill) {
                if v.is_nan() {
                    *v = *f;
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategies() {
        let cases = [
            (ImputeStrategy::Mean, 2.5),
            (ImputeStrategy::Median, 1.5),
            (ImputeStrategy::MostFrequent, 1.0),
            (ImputeStrategy::Constant(-1.0), -1.0),
        ];
        let x = Matrix::from_rows(&[vec![1.0], vec![f64::NAN], vec![1.0], vec![2.0], vec![6.0]])
            .unwrap();
        for (strategy, want) in cases {
            let fitted = Imputer { strategy }.fit(&x).unwrap();
            let filled = fitted.transform(&x).unwrap();
            assert!((filled.get(1, 0) - want).abs() < 1e-12, "{strategy:?}");
        }
    }
}
