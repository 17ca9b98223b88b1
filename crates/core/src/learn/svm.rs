//! Linear support vector machine: hinge (or squared hinge) loss with an L2 penalty,
//! solved by dual coordinate descent (Hsieh, Chang, Lin, Keerthi & Sundararajan 2008, the
//! method of LIBLINEAR and so of scikit-learn's `LinearSVC`). As in LIBLINEAR, the bias is
//! an extra feature of constant 1 and is penalised like the weights. More than two classes
//! are handled one-vs-rest.
//!
//! Probabilities come from Platt scaling: a sigmoid `1 / (1 + exp(A·f + B))` fitted to the
//! training decision values `f` by Newton's method with Platt's smoothed targets (Lin, Lin
//! & Weng 2007, "A note on Platt's probabilistic outputs").

use super::matrix::{check_fit_shapes, check_predict_shape};
use super::{Fit, Matrix, Predict, PredictProba};
use crate::progress::Progress;
use crate::progress::{stop_if_told, Stage};
use crate::rt::seeded;
use crate::{Allowed, Error, Result};
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

/// The loss on the margin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SvmLoss {
    /// `max(0, 1 − y·f)`, the classic SVM.
    Hinge,
    /// `max(0, 1 − y·f)²`, LIBLINEAR's and `LinearSVC`'s default.
    SquaredHinge,
}

/// Parameters of a linear SVM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SvmParams {
    /// Penalty on margin violations C > 0 (larger: fit the training data harder). Default 1.
    pub c: f64,
    /// Loss. Default hinge.
    pub loss: SvmLoss,
    /// Stop when the projected-gradient spread falls below this. Default 1e-2.
    pub tolerance: f64,
    /// Most passes over the data. Default 300 (the hinge dual converges slowly near its
    /// flat optimum while the separator no longer changes its predictions).
    pub max_iter: usize,
    /// Seed for the order of coordinates in each pass. Default 42.
    pub seed: u64,
}

impl Default for SvmParams {
    fn default() -> Self {
        SvmParams::new()
    }
}

impl SvmParams {
    /// Defaults: `c = 1`, hinge loss, `tolerance = 1e-2`, `max_iter = 300`, seed 42.
    pub fn new() -> Self {
        SvmParams {
            c: 1.0,
            loss: SvmLoss::Hinge,
            tolerance: 1e-2,
            max_iter: 300,
            seed: crate::rt::DEFAULT_SEED,
        }
    }

    /// Sets the loss.
    pub fn loss(mut self, loss: SvmLoss) -> Self {
        self.loss = loss;
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
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        Ok(())
    }
}

/// One binary separator with its Platt sigmoid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Separator {
    /// Feature weights.
    pub weights: Vec<f64>,
    /// Bias (intercept).
    pub bias: f64,
    /// Platt slope A.
    pub platt_a: f64,
    /// Platt offset B.
    pub platt_b: f64,
}

/// A fitted linear SVM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearSvm {
    /// One separator for two classes (class 1 against 0), else one per class.
    pub separators: Vec<Separator>,
    /// Number of classes.
    pub n_classes: usize,
    /// Whether every solve met the tolerance within `max_iter` passes.
    pub converged: bool,
}

/// Dual coordinate descent for labels `y ∈ {−1, +1}`; returns (weights with the bias
/// last, converged).
fn solve_binary(
    params: &SvmParams,
    x: &Matrix,
    y: &[f64],
    progress: &mut dyn Progress,
) -> Result<(Vec<f64>, bool)> {
    let (n, p) = (x.n_rows(), x.n_cols());
    let (upper, diag) = match params.loss {
        SvmLoss::Hinge => (params.c, 0.0),
        SvmLoss::SquaredHinge => (f64::INFINITY, 0.5 / params.c),
    };
    let mut w = vec![0.0; p + 1];
    let mut alpha = vec![0.0; n];
    let q: Vec<f64> = (0..n)
        .map(|i| x.row(i).iter().map(|v| v * v).sum::<f64>() + 1.0 + diag)
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = seeded(params.seed);
    for pass in 0..params.max_iter {
        if pass % 10 == 0 {
            stop_if_told(progress, Stage::Fit, pass as u64, params.max_iter as u64)?;
        }
        order.shuffle(&mut rng);
        let (mut pg_max, mut pg_min) = (f64::NEG_INFINITY, f64::INFINITY);
        for &i in &order {
            let row = x.row(i);
            let f = row.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>() + w[p];
            let g = y[i] * f - 1.0 + diag * alpha[i];
            let pg = if alpha[i] == 0.0 {
                g.min(0.0)
            } else if alpha[i] >= upper {
                g.max(0.0)
            } else {
                g
            };
            pg_max = pg_max.max(pg);
            pg_min = pg_min.min(pg);
            if pg.abs() > 1e-12 {
                let old = alpha[i];
                alpha[i] = (old - g / q[i]).clamp(0.0, upper);
                let delta = (alpha[i] - old) * y[i];
                for (wj, xj) in w.iter_mut().zip(row) {
                    *wj += delta * xj;
                }
                w[p] += delta;
            }
        }
        if pg_max - pg_min < params.tolerance {
            return Ok((w, true));
        }
    }
    Ok((w, false))
}

/// Platt's sigmoid fit: (A, B) minimising the log loss of `1/(1+exp(A f + B))` against
/// smoothed targets, by Newton's method with backtracking (Lin, Lin & Weng 2007).
fn platt(decisions: &[f64], positive: &[bool]) -> (f64, f64) {
    let n_pos = positive.iter().filter(|p| **p).count() as f64;
    let n_neg = positive.len() as f64 - n_pos;
    let hi = (n_pos + 1.0) / (n_pos + 2.0);
    let lo = 1.0 / (n_neg + 2.0);
    let t: Vec<f64> = positive.iter().map(|&p| if p { hi } else { lo }).collect();
    let (mut a, mut b) = (0.0, ((n_neg + 1.0) / (n_pos + 1.0)).ln());
    let objective = |a: f64, b: f64| -> f64 {
        decisions
            .iter()
            .zip(&t)
            .map(|(f, t)| {
                let z = f * a + b;
                if z >= 0.0 {
                    t * z + (-z).exp().ln_1p()
                } else {
                    (t - 1.0) * z + z.exp().ln_1p()
                }
            })
            .sum()
    };
    let mut value = objective(a, b);
    for _ in 0..100 {
        let (mut h11, mut h22, mut h21, mut g1, mut g2) = (1e-12, 1e-12, 0.0, 0.0, 0.0);
        for (f, ti) in decisions.iter().zip(&t) {
            let z = f * a + b;
            let (p, q) = if z >= 0.0 {
                let e = (-z).exp();
                (e / (1.0 + e), 1.0 / (1.0 + e))
            } else {
                let e = z.exp();
                (1.0 / (1.0 + e), e / (1.0 + e))
            };
            let d2 = p * q;
            h11 += f * f * d2;
            h22 += d2;
            h21 += f * d2;
            let d1 = ti - p;
            g1 += f * d1;
            g2 += d1;
        }
        if g1.abs() < 1e-5 && g2.abs() < 1e-5 {
            break;
        }
        let det = h11 * h22 - h21 * h21;
        let da = -(h22 * g1 - h21 * g2) / det;
        let db = -(-h21 * g1 + h11 * g2) / det;
        let gd = g1 * da + g2 * db;
        let mut step = 1.0;
        while step >= 1e-10 {
            let (na, nb) = (a + step * da, b + step * db);
            let nv = objective(na, nb);
            if nv < value + 1e-4 * step * gd {
                a = na;
                b = nb;
                value = nv;
                break;
            }
            step /= 2.0;
        }
        if step < 1e-10 {
            break;
        }
    }
    (a, b)
}

impl Fit<usize> for SvmParams {
    type Model = LinearSvm;

    fn fit_with(&self, x: &Matrix, y: &[usize], progress: &mut dyn Progress) -> Result<LinearSvm> {
        self.check()?;
        check_fit_shapes(x, y.len(), 2)?;
        let n_classes = super::tree::count_classes_of(y)?;
        let targets: Vec<usize> = if n_classes == 2 {
            vec![1]
        } else {
            (0..n_classes).collect()
        };
        let mut separators = Vec::with_capacity(targets.len());
        let mut converged = true;
        for &class in &targets {
            let signs: Vec<f64> = y
                .iter()
                .map(|&c| if c == class { 1.0 } else { -1.0 })
                .collect();
            let (w, ok) = solve_binary(self, x, &signs, progress)?;
            converged &= ok;
            let p = x.n_cols();
            let decisions: Vec<f64> = (0..x.n_rows())
                .map(|i| x.row(i).iter().zip(&w).map(|(a, b)| a * b).sum::<f64>() + w[p])
                .collect();
            let positive: Vec<bool> = y.iter().map(|&c| c == class).collect();
            let (platt_a, platt_b) = platt(&decisions, &positive);
            separators.push(Separator {
                weights: w[..p].to_vec(),
                bias: w[p],
                platt_a,
                platt_b,
            });
        }
        Ok(LinearSvm {
            separators,
            n_classes,
            converged,
        })
    }
}

impl LinearSvm {
    /// Signed distances to each separator (scaled by ‖w‖), one column per separator.
    pub fn decision_function(&self, x: &Matrix) -> Result<Matrix> {
        check_predict_shape(x, self.separators[0].weights.len())?;
        let mut out = Matrix::zeros(x.n_rows(), self.separators.len());
        for i in 0..x.n_rows() {
            for (k, s) in self.separators.iter().enumerate() {
                out.set(
                    i,
                    k,
                    x.row(i)
                        .iter()
                        .zip(&s.weights)
                        .map(|(a, b)| a * b)
                        .sum::<f64>()
                        + s.bias,
                );
            }
        }
        Ok(out)
    }
}

impl Predict<usize> for LinearSvm {
    fn predict(&self, x: &Matrix) -> Result<Vec<usize>> {
        let d = self.decision_function(x)?;
        Ok(if self.separators.len() == 1 {
            (0..d.n_rows())
                .map(|i| usize::from(d.get(i, 0) > 0.0))
                .collect()
        } else {
            d.argmax_rows()
        })
    }
}

impl PredictProba for LinearSvm {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        let d = self.decision_function(x)?;
        let mut out = Matrix::zeros(x.n_rows(), self.n_classes);
        for i in 0..d.n_rows() {
            let sig: Vec<f64> = self
                .separators
                .iter()
                .enumerate()
                .map(|(k, s)| 1.0 / (1.0 + (s.platt_a * d.get(i, k) + s.platt_b).exp()))
                .collect();
            if sig.len() == 1 {
                out.set(i, 0, 1.0 - sig[0]);
                out.set(i, 1, sig[0]);
            } else {
                // One-vs-rest probabilities, renormalised to sum to 1.
                let total: f64 = sig.iter().sum::<f64>().max(f64::MIN_POSITIVE);
                for (k, s) in sig.iter().enumerate() {
                    out.set(i, k, s / total);
                }
            }
        }
        Ok(out)
    }
}
