//! Logistic regression with an L2 penalty: binary (one coefficient vector, sigmoid) and
//! multinomial (one vector per class, softmax), as scikit-learn's `LogisticRegression`.
//!
//! The objective is scikit-learn's: `Σᵢ lossᵢ + ‖W‖² / (2C)`, intercepts not penalised.
//! It is minimised by Newton's method with a backtracking line search: the problems
//! here have tens of features, so the Hessian is small, and Newton converges in a handful
//! of steps to a far tighter tolerance than first-order methods (needed to match sklearn's
//! coefficients to 1e-3 and better). The solver *steps* ([`LogisticSolver::next_iter`])
//! so the app can show the loss and gradient between iterations.

use crate::learn::matrix::{check_fit_shapes, check_predict_shape, cholesky_solve};
use crate::learn::{Fit, Matrix, Predict, PredictProba};
use crate::progress::Progress;
use crate::progress::{stop_if_told, Stage};
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Parameters of a logistic regression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogisticRegressionParams {
    /// Inverse regularisation strength C > 0 (smaller: stronger penalty). Default 1.0.
    pub c: f64,
    /// Stop when the largest gradient entry, divided by the number of rows, is below this.
    /// Default 1e-10.
    pub tolerance: f64,
    /// Most Newton steps. Default 100.
    pub max_iter: usize,
}

impl Default for LogisticRegressionParams {
    fn default() -> Self {
        LogisticRegressionParams::new()
    }
}

impl LogisticRegressionParams {
    /// Defaults: `c = 1.0`, `tolerance = 1e-10`, `max_iter = 100`.
    pub fn new() -> Self {
        LogisticRegressionParams {
            c: 1.0,
            tolerance: 1e-10,
            max_iter: 100,
        }
    }

    /// Sets C.
    pub fn c(mut self, c: f64) -> Self {
        self.c = c;
        self
    }

    /// Checks the parameters.
    pub fn check(&self) -> Result<()> {
        if !(self.c > 0.0 && self.c.is_finite()) {
            return Err(Error::invalid_parameter("C", self.c, Allowed::Positive));
        }
        if self.tolerance.is_nan() || self.tolerance <= 0.0 {
            return Err(Error::invalid_parameter(
                "tolerance",
                self.tolerance,
                Allowed::Positive,
            ));
        }
        if self.max_iter == 0 {
            return Err(Error::invalid_parameter(
                "max_iter",
                self.max_iter,
                Allowed::AtLeast(1.0),
            ));
        }
        Ok(())
    }
}

/// A fitted logistic regression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticRegression {
    /// One row per class vector: 1 row for two classes (the log-odds of class 1), else
    /// one row per class.
    pub coefficients: Vec<Vec<f64>>,
    /// One intercept per row of `coefficients`.
    pub intercepts: Vec<f64>,
    /// Number of classes.
    pub n_classes: usize,
    /// Newton steps taken.
    pub iterations: usize,
    /// Whether the gradient tolerance was reached.
    pub converged: bool,
}

/// Where a Newton solve stands after a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticStep {
    /// Steps taken so far.
    pub iteration: usize,
    /// Penalised negative log-likelihood.
    pub loss: f64,
    /// Largest gradient entry divided by the number of rows.
    pub gradient: f64,
    /// Whether the tolerance is reached.
    pub converged: bool,
}

/// Newton's method on the penalised log-likelihood, one step at a time.
pub struct LogisticSolver<'a> {
    x: &'a Matrix,
    y: &'a [usize],
    n_classes: usize,
    /// Number of coefficient vectors: 1 for binary, `n_classes` otherwise.
    n_vectors: usize,
    lambda: f64,
    tolerance: f64,
    /// Per vector: intercept then the feature weights.
    theta: Vec<f64>,
    iteration: usize,
}

/// The most coefficients a Newton solve takes: its Hessian holds the square of this many
/// numbers (3,000² × 8 bytes = 72 MB), which must fit in a browser tab's memory.
pub const MAX_COEFFICIENTS: usize = 3_000;

impl<'a> LogisticSolver<'a> {
    /// A solver at all-zero coefficients.
    pub fn new(params: &LogisticRegressionParams, x: &'a Matrix, y: &'a [usize]) -> Result<Self> {
        params.check()?;
        check_fit_shapes(x, y.len(), 2)?;
        let n_classes = y.iter().max().map_or(0, |m| m + 1);
        let present = {
            let mut seen = vec![false; n_classes];
            y.iter().for_each(|&c| seen[c] = true);
            seen.iter().filter(|s| **s).count()
        };
        if present < 2 {
            return Err(Error::not_enough(Counted::Classes, 2, present));
        }
        let n_vectors = if n_classes == 2 { 1 } else { n_classes };
        let coefficients = n_vectors * (x.n_cols() + 1);
        if coefficients > MAX_COEFFICIENTS {
            return Err(Error::invalid_parameter(
                "features",
                format!("{} × {n_vectors}", x.n_cols()),
                Allowed::LogisticCoefficients(MAX_COEFFICIENTS),
            ));
        }
        Ok(LogisticSolver {
            x,
            y,
            n_classes,
            n_vectors,
            lambda: 1.0 / params.c,
            tolerance: params.tolerance,
            theta: vec![0.0; n_vectors * (x.n_cols() + 1)],
            iteration: 0,
        })
    }

    fn width(&self) -> usize {
        self.x.n_cols() + 1
    }

    /// Linear scores of row `i` for each vector.
    fn scores(&self, theta: &[f64], i: usize, out: &mut [f64]) {
        let w = self.width();
        let row = self.x.row(i);
        for (k, o) in out.iter_mut().enumerate() {
            let t = &theta[k * w..(k + 1) * w];
            *o = t[0] + row.iter().zip(&t[1..]).map(|(a, b)| a * b).sum::<f64>();
        }
    }

    /// Class probabilities of row `i` (for binary: `[p(class 1)]`) written into `out`.
    fn probabilities(&self, theta: &[f64], i: usize, out: &mut [f64]) {
        self.scores(theta, i, out);
        if self.n_vectors == 1 {
            out[0] = sigmoid(out[0]);
        } else {
            softmax(out);
        }
    }

    fn loss(&self, theta: &[f64]) -> f64 {
        let mut z = vec![0.0; self.n_vectors];
        let mut sum = 0.0;
        for i in 0..self.x.n_rows() {
            self.scores(theta, i, &mut z);
            sum += if self.n_vectors == 1 {
                // log(1 + e^z) − y z, written to avoid overflow.
                let s = z[0];
                let softplus = if s > 0.0 {
                    s + (-s).exp().ln_1p()
                } else {
                    s.exp().ln_1p()
                };
                softplus - if self.y[i] == 1 { s } else { 0.0 }
            } else {
                let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let lse = max + z.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
                lse - z[self.y[i]]
            };
        }
        sum + 0.5 * self.lambda * self.penalised_norm2(theta)
    }

    fn penalised_norm2(&self, theta: &[f64]) -> f64 {
        let w = self.width();
        (0..self.n_vectors)
            .map(|k| {
                theta[k * w + 1..(k + 1) * w]
                    .iter()
                    .map(|v| v * v)
                    .sum::<f64>()
            })
            .sum()
    }

    /// Gradient and Hessian (row-major, full) at `theta`.
    fn derivatives(&self, theta: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let (w, kv) = (self.width(), self.n_vectors);
        let d = kv * w;
        let mut grad = vec![0.0; d];
        let mut hess = vec![0.0; d * d];
        let mut p = vec![0.0; kv];
        let mut xt = vec![0.0; w];
        for i in 0..self.x.n_rows() {
            self.probabilities(theta, i, &mut p);
            xt[0] = 1.0;
            xt[1..].copy_from_slice(self.x.row(i));
            for k in 0..kv {
                let target = if kv == 1 {
                    f64::from(u8::from(self.y[i] == 1))
                } else {
                    f64::from(u8::from(self.y[i] == k))
                };
                let r = p[k] - target;
                for a in 0..w {
                    grad[k * w + a] += r * xt[a];
                }
                for l in k..kv {
                    let weight = if kv == 1 {
                        p[0] * (1.0 - p[0])
                    } else if k == l {
                        p[k] * (1.0 - p[k])
                    } else {
                        -p[k] * p[l]
                    };
                    if weight == 0.0 {
                        continue;
                    }
                    for a in 0..w {
                        let wa = weight * xt[a];
                        let row = (k * w + a) * d + l * w;
                        // Upper triangle only; mirrored below.
                        let start = if k == l { a } else { 0 };
                        for b in start..w {
                            hess[row + b] += wa * xt[b];
                        }
                    }
                }
            }
        }
        for r in 0..d {
            for c in 0..r {
                hess[r * d + c] = hess[c * d + r];
            }
        }
        for k in 0..kv {
            for a in 1..w {
                grad[k * w + a] += self.lambda * theta[k * w + a];
                hess[(k * w + a) * d + k * w + a] += self.lambda;
            }
            if kv > 1 {
                // Softmax intercepts are free up to a common shift: a tiny ridge picks the
                // representative with zero sum (the gradient never moves along the shift).
                hess[(k * w) * d + k * w] += 1e-10 * self.x.n_rows() as f64;
            }
        }
        (grad, hess)
    }

    /// One Newton step with backtracking; returns where the solve stands.
    pub fn next_iter(&mut self) -> Result<LogisticStep> {
        let n = self.x.n_rows() as f64;
        let (grad, hess) = self.derivatives(&self.theta);
        let gmax = grad.iter().fold(0.0f64, |m, g| m.max(g.abs())) / n;
        let loss = self.loss(&self.theta);
        if gmax < self.tolerance {
            return Ok(LogisticStep {
                iteration: self.iteration,
                loss,
                gradient: gmax,
                converged: true,
            });
        }
        let d = grad.len();
        let direction = cholesky_solve(&hess, &grad, d).ok_or_else(|| {
            Error::invalid_parameter("C", 1.0 / self.lambda, Allowed::SmallerWellConditioned)
        })?;
        let slope: f64 = -grad.iter().zip(&direction).map(|(g, s)| g * s).sum::<f64>();
        let mut step = 1.0;
        let mut candidate = self.theta.clone();
        loop {
            for ((c, t), s) in candidate.iter_mut().zip(&self.theta).zip(&direction) {
                *c = t - step * s;
            }
            let new_loss = self.loss(&candidate);
            // The last term absorbs rounding: near the optimum the decrease is below f64 resolution.
            if new_loss <= loss + 1e-4 * step * slope + 1e-13 * loss.abs() || step < 1e-10 {
                break;
            }
            step *= 0.5;
        }
        self.theta = candidate;
        self.iteration += 1;
        Ok(LogisticStep {
            iteration: self.iteration,
            loss,
            gradient: gmax,
            converged: false,
        })
    }

    /// The model at the current coefficients.
    pub fn model(&self, converged: bool) -> LogisticRegression {
        let w = self.width();
        LogisticRegression {
            coefficients: (0..self.n_vectors)
                .map(|k| self.theta[k * w + 1..(k + 1) * w].to_vec())
                .collect(),
            intercepts: (0..self.n_vectors).map(|k| self.theta[k * w]).collect(),
            n_classes: self.n_classes,
            iterations: self.iteration,
            converged,
        }
    }
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

fn softmax(z: &mut [f64]) {
    let max = z.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    z.iter_mut().for_each(|v| *v /= sum);
}

impl Fit<usize> for LogisticRegressionParams {
    type Model = LogisticRegression;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[usize],
        progress: &mut dyn Progress,
    ) -> Result<LogisticRegression> {
        let mut solver = LogisticSolver::new(self, x, y)?;
        for _ in 0..=self.max_iter {
            let step = solver.next_iter()?;
            stop_if_told(
                progress,
                Stage::Fit,
                step.iteration as u64,
                self.max_iter as u64,
            )?;
            if step.converged {
                return Ok(solver.model(true));
            }
        }
        Ok(solver.model(false))
    }
}

impl LogisticRegression {
    /// Linear scores (log-odds for binary), one row per observation.
    pub fn decision_function(&self, x: &Matrix) -> Result<Matrix> {
        let p = self.coefficients.first().map_or(0, Vec::len);
        check_predict_shape(x, p)?;
        let k = self.coefficients.len();
        let mut out = Matrix::zeros(x.n_rows(), k);
        for i in 0..x.n_rows() {
            for (c, (w, b)) in self.coefficients.iter().zip(&self.intercepts).enumerate() {
                out.set(
                    i,
                    c,
                    b + x.row(i).iter().zip(w).map(|(a, b)| a * b).sum::<f64>(),
                );
            }
        }
        Ok(out)
    }
}

impl PredictProba for LogisticRegression {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        let scores = self.decision_function(x)?;
        let mut out = Matrix::zeros(x.n_rows(), self.n_classes);
        for i in 0..x.n_rows() {
            if self.coefficients.len() == 1 {
                let p = sigmoid(scores.get(i, 0));
                out.set(i, 0, 1.0 - p);
                out.set(i, 1, p);
            } else {
                let mut z = scores.row(i).to_vec();
                softmax(&mut z);
                out.row_mut(i).copy_from_slice(&z);
            }
        }
        Ok(out)
    }
}

impl Predict<usize> for LogisticRegression {
    fn predict(&self, x: &Matrix) -> Result<Vec<usize>> {
        Ok(self.predict_proba(x)?.argmax_rows())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const IRIS: &str = include_str!("../../../../../testdata/fixtures/learn_iris.json");

    /// scikit-learn 1.9.1 `LogisticRegression(C=1.0, tol=1e-12)` on iris (multinomial).
    #[test]
    fn multinomial_iris_matches_sklearn() {
        let f: Value = serde_json::from_str(IRIS).unwrap();
        let rows: Vec<Vec<f64>> = f["x"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect()
            })
            .collect();
        let y: Vec<usize> = f["y"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let x = Matrix::from_rows(&rows).unwrap();
        let m = LogisticRegressionParams::new().fit(&x, &y).unwrap();
        assert!(m.converged);
        for (got, want) in m
            .coefficients
            .iter()
            .zip(f["coefficients"].as_array().unwrap())
        {
            for (g, w) in got.iter().zip(want.as_array().unwrap()) {
                assert!((g - w.as_f64().unwrap()).abs() < 1e-5, "{g} vs sklearn {w}");
            }
        }
        // sklearn's lbfgs stops about 2e-5 short on the (large) intercepts; Newton goes on.
        for (g, w) in m.intercepts.iter().zip(f["intercepts"].as_array().unwrap()) {
            assert!((g - w.as_f64().unwrap()).abs() < 1e-4, "{g} vs sklearn {w}");
        }
        let proba = m.predict_proba(&x.select_rows(&[0, 1, 2, 3, 4])).unwrap();
        for (i, want) in f["probabilities_first5"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            for (j, w) in want.as_array().unwrap().iter().enumerate() {
                assert!((proba.get(i, j) - w.as_f64().unwrap()).abs() < 1e-7);
            }
        }
    }

    #[test]
    fn one_class_and_bad_c_are_errors() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0]]).unwrap();
        assert!(LogisticRegressionParams::new().fit(&x, &[1, 1]).is_err());
        assert!(LogisticRegressionParams::new()
            .c(0.0)
            .fit(&x, &[0, 1])
            .is_err());
    }

    #[test]
    fn too_many_coefficients_are_an_error_not_an_allocation() {
        // 40 classes × (100 columns + 1) coefficients: a Hessian of 16 million numbers.
        let x = Matrix::zeros(40, 100);
        let y: Vec<usize> = (0..40).collect();
        let err = LogisticSolver::new(&LogisticRegressionParams::new(), &x, &y)
            .err()
            .expect("refused");
        match err.kind() {
            crate::ErrorKind::InvalidParameter {
                value, expected, ..
            } => {
                assert_eq!(value, "100 × 40");
                assert_eq!(expected, &Allowed::LogisticCoefficients(MAX_COEFFICIENTS));
            }
            other => panic!("expected a parameter error, got {other:?}"),
        }
    }

    #[test]
    fn stop_cancels() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![3.0]]).unwrap();
        let mut stop = |_: crate::progress::Stage, _: u64, _: u64| crate::progress::Control::Stop;
        let e = LogisticRegressionParams::new()
            .fit_with(&x, &[0, 1, 0], &mut stop)
            .unwrap_err();
        assert_eq!(e.kind(), &crate::ErrorKind::Cancelled);
    }
}
