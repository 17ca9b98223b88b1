//! Ordinary least squares and ridge regression, solved by Householder QR on the design
//! matrix with an intercept column. Ridge appends `√α·I` rows for the non-intercept
//! coefficients, which is the same minimiser as scikit-learn's `Ridge` (intercept not
//! penalised) without forming `XᵀX`.

use super::qr::least_squares;
use crate::learn::matrix::{check_fit_shapes, check_predict_shape};
use crate::learn::{metrics, Fit, Matrix, Predict};
use crate::progress::Progress;
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// Parameters of a linear regression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinearRegressionParams {
    /// Ridge penalty α ≥ 0 on the squared coefficients (0: ordinary least squares).
    pub ridge_alpha: f64,
    /// Whether to fit an intercept (default true).
    pub fit_intercept: bool,
}

impl Default for LinearRegressionParams {
    fn default() -> Self {
        LinearRegressionParams::new()
    }
}

impl LinearRegressionParams {
    /// Defaults: `ridge_alpha = 0` (ordinary least squares), `fit_intercept = true`.
    pub fn new() -> Self {
        LinearRegressionParams {
            ridge_alpha: 0.0,
            fit_intercept: true,
        }
    }

    /// Sets the ridge penalty.
    pub fn ridge_alpha(mut self, alpha: f64) -> Self {
        self.ridge_alpha = alpha;
        self
    }

    /// Checks the parameters.
    pub fn check(&self) -> Result<()> {
        if !(self.ridge_alpha >= 0.0 && self.ridge_alpha.is_finite()) {
            return Err(Error::invalid_parameter(
                "ridge_alpha",
                self.ridge_alpha,
                Allowed::NonNegative,
            ));
        }
        Ok(())
    }
}

/// A fitted linear regression with its in-sample fit statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearRegression {
    /// One coefficient per feature.
    pub coefficients: Vec<f64>,
    /// The intercept (0 when not fitted).
    pub intercept: f64,
    /// Features that were linear combinations of others and got coefficient 0.
    pub dropped_features: Vec<usize>,
    /// In-sample fit statistics.
    pub train: RegressionFit,
}

/// How well a regression fits a set of rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegressionFit {
    /// Coefficient of determination.
    pub r2: f64,
    /// R² adjusted for the number of features (`None` with too few rows).
    pub adjusted_r2: Option<f64>,
    /// Root mean squared error.
    pub rmse: f64,
    /// Mean absolute error.
    pub mae: f64,
    /// Mean absolute percentage error, as a fraction.
    pub mape: f64,
}

impl RegressionFit {
    /// The statistics of `y_pred` against `y_true` for a model with `n_features` features.
    pub fn new(y_true: &[f64], y_pred: &[f64], n_features: usize) -> Result<RegressionFit> {
        let r2 = metrics::r2(y_true, y_pred)?;
        Ok(RegressionFit {
            r2,
            adjusted_r2: metrics::adjusted_r2(r2, y_true.len(), n_features),
            rmse: metrics::rmse(y_true, y_pred)?,
            mae: metrics::mae(y_true, y_pred)?,
            mape: metrics::mape(y_true, y_pred)?,
        })
    }
}

impl Fit<f64> for LinearRegressionParams {
    type Model = LinearRegression;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[f64],
        _progress: &mut dyn Progress,
    ) -> Result<LinearRegression> {
        self.check()?;
        check_fit_shapes(x, y.len(), 1)?;
        if let Some(p) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                crate::Subject::TargetAtRow(p + 1),
                y[p],
                Allowed::FiniteNumber,
            ));
        }
        let (n, p) = (x.n_rows(), x.n_cols());
        let offset = usize::from(self.fit_intercept);
        let width = p + offset;
        let penalty_rows = if self.ridge_alpha > 0.0 { p } else { 0 };
        let mut a = Vec::with_capacity((n + penalty_rows) * width);
        let mut b = y.to_vec();
        for i in 0..n {
            if self.fit_intercept {
                a.push(1.0);
            }
            a.extend_from_slice(x.row(i));
        }
        let root = self.ridge_alpha.sqrt();
        for j in 0..penalty_rows {
            for k in 0..width {
                a.push(if k == j + offset { root } else { 0.0 });
            }
            b.push(0.0);
        }
        let (solution, kept) = least_squares(&a, &b, n + penalty_rows, width);
        let mut model = LinearRegression {
            coefficients: solution[offset..].to_vec(),
            intercept: if self.fit_intercept { solution[0] } else { 0.0 },
            dropped_features: (0..p).filter(|&j| !kept[j + offset]).collect(),
            train: RegressionFit {
                r2: 0.0,
                adjusted_r2: None,
                rmse: 0.0,
                mae: 0.0,
                mape: 0.0,
            },
        };
        let fitted = model.predict(x)?;
        model.train = RegressionFit::new(y, &fitted, p - model.dropped_features.len())?;
        Ok(model)
    }
}

impl Predict<f64> for LinearRegression {
    fn predict(&self, x: &Matrix) -> Result<Vec<f64>> {
        check_predict_shape(x, self.coefficients.len())?;
        Ok((0..x.n_rows())
            .map(|i| {
                self.intercept
                    + x.row(i)
                        .iter()
                        .zip(&self.coefficients)
                        .map(|(a, b)| a * b)
                        .sum::<f64>()
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};
    use serde_json::Value;

    const ADVERTISING: &[u8] =
        include_bytes!("../../../../../testdata/islr-advertising/Advertising.csv");
    const FIXTURE: &str = include_str!("../../../../../testdata/fixtures/learn_advertising.json");

    fn advertising() -> (Matrix, Vec<f64>) {
        let t = read_bytes(ADVERTISING, &ReadOptions::default()).unwrap();
        let cols: Vec<_> = ["TV", "radio", "newspaper"]
            .iter()
            .map(|n| t.column_by_name(n).unwrap())
            .collect();
        let rows: Vec<Vec<f64>> = (0..t.n_rows())
            .map(|i| cols.iter().map(|c| c.f64(i).unwrap()).collect())
            .collect();
        let y = (0..t.n_rows())
            .map(|i| t.column_by_name("sales").unwrap().f64(i).unwrap())
            .collect();
        (Matrix::from_rows(&rows).unwrap(), y)
    }

    #[test]
    fn the_seed_example_done_right() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![3.0]]).unwrap();
        let m = LinearRegressionParams::new()
            .fit(&x, &[2.0, 4.0, 6.0])
            .unwrap();
        assert!((m.coefficients[0] - 2.0).abs() < 1e-12);
        assert!(m.intercept.abs() < 1e-12);
        let p = m
            .predict(&Matrix::from_rows(&[vec![4.0]]).unwrap())
            .unwrap();
        assert!((p[0] - 8.0).abs() < 1e-12);
    }

    /// REFERENCE.md figures (4 decimals) and scikit-learn 1.9.1's LinearRegression (1e-9).
    #[test]
    fn advertising_matches_reference_and_sklearn() {
        let (x, y) = advertising();
        let m = LinearRegressionParams::new().fit(&x, &y).unwrap();
        let reference = [
            (m.intercept, 2.9389),
            (m.coefficients[0], 0.04576),
            (m.coefficients[1], 0.18853),
            (m.coefficients[2], -0.00104),
            (m.train.r2, 0.8972),
        ];
        for (got, want) in reference {
            assert!((got - want).abs() < 1e-4, "{got} vs REFERENCE {want}");
        }
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        assert!((m.intercept - f["intercept"].as_f64().unwrap()).abs() < 1e-9);
        for (got, want) in m
            .coefficients
            .iter()
            .zip(f["coefficients"].as_array().unwrap())
        {
            assert!((got - want.as_f64().unwrap()).abs() < 1e-9);
        }
        let stats = [
            ("r2", m.train.r2),
            ("adjusted_r2", m.train.adjusted_r2.unwrap()),
            ("rmse", m.train.rmse),
            ("mae", m.train.mae),
            ("mape", m.train.mape),
        ];
        for (name, got) in stats {
            let want = f[name].as_f64().unwrap();
            assert!((got - want).abs() < 1e-9, "{name}: {got} vs sklearn {want}");
        }
    }

    #[test]
    fn ridge_matches_sklearn() {
        let (x, y) = advertising();
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        let m = LinearRegressionParams::new()
            .ridge_alpha(f["ridge_alpha"].as_f64().unwrap())
            .fit(&x, &y)
            .unwrap();
        assert!((m.intercept - f["ridge_intercept"].as_f64().unwrap()).abs() < 1e-9);
        for (got, want) in m
            .coefficients
            .iter()
            .zip(f["ridge_coefficients"].as_array().unwrap())
        {
            assert!((got - want.as_f64().unwrap()).abs() < 1e-9);
        }
    }

    #[test]
    fn bad_parameters_and_shapes_are_errors() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0]]).unwrap();
        assert!(LinearRegressionParams::new()
            .ridge_alpha(-1.0)
            .fit(&x, &[1.0, 2.0])
            .is_err());
        assert!(LinearRegressionParams::new().fit(&x, &[1.0]).is_err());
        assert!(LinearRegressionParams::new()
            .fit(&x, &[1.0, f64::NAN])
            .is_err());
    }
}
