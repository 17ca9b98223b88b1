//! The media response model: one outcome series explained by a base level plus, per
//! channel, a Hill saturation curve of the channel's geometrically carried-over spend.
//!
//! ```text
//! a[c][0] = x[c][0],   a[c][t] = (1 − λc)·x[c][t] + λc·a[c][t−1]          (adstock)
//! y[t]    ≈ base + Σc topc · a[c][t]^hc / (kc^hc + a[c][t]^hc)          (Hill)
//! ```
//!
//! The adstock is normalised (its weights sum to one), so a spend held at `x` every period
//! settles at `a = x` and the long-run response of a channel to a steady spend is
//! `topc·x^h/(k^h + x^h)` whatever λ: that is the curve the allocator splits a budget on.
//! Every term is zero or positive and bounded by `top`, so the model can neither predict a
//! negative outcome nor grow without limit, the two faults of a straight line or a free
//! logarithm. This is the shape of Jin et al. (2017), "Bayesian methods for media mix
//! modeling with carryover and shape effects" (Google), fitted here by least squares.
//!
//! Fitting is variable projection (Golub & Pereyra 1973): for fixed (k, h, λ) of every
//! channel the model is linear in (base, top…), solved with those kept non-negative by
//! Lawson & Hanson's NNLS; the 3 nonlinear parameters per channel are searched by a grid
//! per channel, then compass search with shrinking steps inside the bounds
//! `k ∈ [min positive spend / 1000, 10·max spend]`, `h ∈ [0.3, 5]`, `λ ∈ [0, 0.9]`. The same
//! model and bounds are given to scipy.optimize.curve_fit in `tools/budget_media_fixture.py`.
//!
//! Rows are taken in the order of the file, which must be time order for the carry-over to
//! mean anything.

use super::response::{HILL_H_MAX, HILL_H_MIN};
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Largest carry-over searched: at 0.9 a period's spend still acts at 0.9^20 ≈ 12 % after
/// 20 periods, longer than any ad effect studies report.
pub const DECAY_MAX: f64 = 0.9;

/// One channel of a fitted [`MediaModel`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChannelResponse {
    /// Most outcome the channel can add (the Hill curve's ceiling).
    pub top: f64,
    /// Carried-over spend at which the channel adds half of `top`.
    pub k: f64,
    /// Hill shape: above 1 an S-curve, at most 1 bending from the start.
    pub h: f64,
    /// Carry-over λ: the share of last period's effective spend that still acts.
    pub decay: f64,
}

impl ChannelResponse {
    /// What the channel adds at carried-over spend `a`.
    pub fn response(&self, a: f64) -> f64 {
        if a <= 0.0 || self.top <= 0.0 {
            0.0
        } else {
            self.top / (1.0 + (self.k / a).powf(self.h))
        }
    }
}

/// A fitted model of one outcome series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MediaModel {
    /// Outcome with no spend at all.
    pub base: f64,
    /// Per channel, in the order given.
    pub channels: Vec<ChannelResponse>,
    /// Sum of squared residuals.
    pub sse: f64,
    /// Share of the outcome's variance explained (in sample).
    pub r2: f64,
}

/// The geometric adstock of `spend` with carry-over `decay` (see the module doc).
pub fn adstock(spend: &[f64], decay: f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(spend.len());
    let mut carried = spend.first().copied().unwrap_or(0.0);
    for &x in spend {
        carried = (1.0 - decay) * x + decay * carried;
        out.push(carried);
    }
    out
}

impl MediaModel {
    /// Predicted outcome per period for `spend[c][t]`.
    pub fn predict(&self, spend: &[Vec<f64>]) -> Vec<f64> {
        let n = spend.first().map_or(0, Vec::len);
        let mut out = vec![self.base; n];
        for (c, x) in self.channels.iter().zip(spend) {
            for (o, a) in out.iter_mut().zip(adstock(x, c.decay)) {
                *o += c.response(a);
            }
        }
        out
    }
}

/// Solves the symmetric positive semi-definite system `g·z = b` restricted to `set`, by
/// Gaussian elimination with partial pivoting; a variable whose pivot vanishes (a channel
/// whose curve is flat at 0) is set to zero.
fn solve_subset(g: &[Vec<f64>], b: &[f64], set: &[usize]) -> Vec<f64> {
    let m = set.len();
    let mut a: Vec<Vec<f64>> = set
        .iter()
        .map(|&i| {
            let mut row: Vec<f64> = set.iter().map(|&j| g[i][j]).collect();
            row.push(b[i]);
            row
        })
        .collect();
    for col in 0..m {
        let pivot = (col..m)
            .max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-300 {
            continue;
        }
        for row in col + 1..m {
            let f = a[row][col] / d;
            if f.to_bits() != 0 {
                let pivot_row = a[col].clone();
                for (cell, p) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                    *cell -= f * p;
                }
            }
        }
    }
    let mut z = vec![0.0; m];
    for row in (0..m).rev() {
        let rest: f64 = (row + 1..m).map(|k| a[row][k] * z[k]).sum();
        let d = a[row][row];
        z[row] = if d.abs() < 1e-300 {
            0.0
        } else {
            (a[row][m] - rest) / d
        };
    }
    z
}

/// Non-negative least squares on the normal equations `g = AᵀA`, `b = Aᵀy` (Lawson &
/// Hanson 1974, chapter 23).
pub(crate) fn nnls(g: &[Vec<f64>], b: &[f64]) -> Vec<f64> {
    let p = b.len();
    let mut x = vec![0.0; p];
    let mut passive: Vec<usize> = Vec::new();
    let tol = 1e-12 * b.iter().map(|v| v.abs()).fold(1.0, f64::max);
    for _ in 0..3 * p + 3 {
        let w: Vec<f64> = (0..p)
            .map(|i| b[i] - (0..p).map(|j| g[i][j] * x[j]).sum::<f64>())
            .collect();
        let Some(enter) = (0..p)
            .filter(|i| !passive.contains(i) && w[*i] > tol)
            .max_by(|&i, &j| w[i].total_cmp(&w[j]))
        else {
            break;
        };
        passive.push(enter);
        for _ in 0..3 * p + 3 {
            let z = solve_subset(g, b, &passive);
            if z.iter().all(|&v| v > 0.0) {
                for (&i, &v) in passive.iter().zip(&z) {
                    x[i] = v;
                }
                break;
            }
            // Step from x toward z until the first passive variable reaches zero.
            let alpha = passive
                .iter()
                .zip(&z)
                .filter(|pair| *pair.1 <= 0.0)
                .map(|(&i, &v)| x[i] / (x[i] - v))
                .fold(1.0, f64::min);
            for (&i, &v) in passive.iter().zip(&z) {
                x[i] += alpha * (v - x[i]);
            }
            passive.retain(|&i| x[i] > tol * 1e-3);
            for (i, v) in x.iter_mut().enumerate() {
                if !passive.contains(&i) {
                    *v = 0.0;
                }
            }
        }
    }
    x
}

/// Nonlinear parameters of one channel: (ln k, h, λ).
type Shape = [f64; 3];

struct Problem<'a> {
    spend: &'a [Vec<f64>],
    outcome: &'a [f64],
    lower: Vec<Shape>,
    upper: Vec<Shape>,
}

impl Problem<'_> {
    /// The best (base, tops) for `shapes` and the sum of squares they leave.
    fn project(&self, shapes: &[Shape]) -> (Vec<f64>, f64) {
        let n = self.outcome.len();
        let p = shapes.len() + 1;
        let mut columns = vec![vec![1.0; n]];
        for (x, s) in self.spend.iter().zip(shapes) {
            let unit = ChannelResponse {
                top: 1.0,
                k: s[0].exp(),
                h: s[1],
                decay: s[2],
            };
            columns.push(adstock(x, s[2]).iter().map(|&a| unit.response(a)).collect());
        }
        let mut g = vec![vec![0.0; p]; p];
        let mut b = vec![0.0; p];
        for i in 0..p {
            for j in i..p {
                let v: f64 = columns[i].iter().zip(&columns[j]).map(|(u, w)| u * w).sum();
                g[i][j] = v;
                g[j][i] = v;
            }
            b[i] = columns[i]
                .iter()
                .zip(self.outcome)
                .map(|(u, y)| u * y)
                .sum();
        }
        let coef = nnls(&g, &b);
        let sse = (0..n)
            .map(|t| {
                let fitted: f64 = (0..p).map(|i| coef[i] * columns[i][t]).sum();
                (self.outcome[t] - fitted).powi(2)
            })
            .sum();
        (coef, sse)
    }

    fn sse(&self, shapes: &[Shape]) -> f64 {
        self.project(shapes).1
    }
}

fn check(spend: &[Vec<f64>], outcome: &[f64]) -> Result<()> {
    if spend.is_empty() {
        return Err(Error::not_enough(Counted::Channels, 1, 0));
    }
    for x in spend {
        if x.len() != outcome.len() {
            return Err(Error::invalid_parameter(
                "spend",
                x.len(),
                crate::Allowed::count(outcome.len(), crate::Per::Outcome),
            ));
        }
    }
    // Base plus three shape parameters and a ceiling per channel, and some to spare.
    let needed = 4 * spend.len() + 4;
    if outcome.len() < needed {
        return Err(Error::not_enough(
            Counted::Observations,
            needed,
            outcome.len(),
        ));
    }
    if spend
        .iter()
        .flatten()
        .chain(outcome)
        .any(|v| !v.is_finite() || *v < 0.0)
    {
        return Err(Error::invalid_parameter(
            crate::Term::SpendOutcome,
            "a negative or missing value",
            Allowed::NonNegative,
        ));
    }
    Ok(())
}

/// Fits [`MediaModel`] to `outcome[t]` and `spend[c][t]` (see the module doc).
pub fn fit_media_model(spend: &[Vec<f64>], outcome: &[f64]) -> Result<MediaModel> {
    check(spend, outcome)?;
    let mut lower = Vec::new();
    let mut upper = Vec::new();
    let mut shapes: Vec<Shape> = Vec::new();
    for x in spend {
        let max = x.iter().copied().fold(0.0, f64::max);
        if max <= 0.0 {
            return Err(Error::invalid_parameter(
                "spend",
                0,
                Allowed::SpendInEveryChannel,
            ));
        }
        let min_positive = x.iter().copied().filter(|&v| v > 0.0).fold(max, f64::min);
        lower.push([(min_positive / 1000.0).ln(), HILL_H_MIN, 0.0]);
        upper.push([(10.0 * max).ln(), HILL_H_MAX, DECAY_MAX]);
        let mean = x.iter().sum::<f64>() / x.len() as f64;
        shapes.push([mean.max(min_positive).ln(), 1.0, 0.0]);
    }
    let problem = Problem {
        spend,
        outcome,
        lower,
        upper,
    };
    let mut best = problem.sse(&shapes);
    // Two sweeps of a grid per channel, the others held: (ln k, h) on 25 × 13 points, then
    // λ on 10, so the compass search starts near the right basin.
    for _ in 0..2 {
        for c in 0..shapes.len() {
            let (lo, hi) = (problem.lower[c], problem.upper[c]);
            let mut trial = shapes.clone();
            for i in 0..=24 {
                for j in 0..=12 {
                    trial[c][0] = lo[0] + (hi[0] - lo[0]) * f64::from(i) / 24.0;
                    trial[c][1] = lo[1] + (hi[1] - lo[1]) * f64::from(j) / 12.0;
                    let v = problem.sse(&trial);
                    if v < best {
                        best = v;
                        shapes[c][0] = trial[c][0];
                        shapes[c][1] = trial[c][1];
                    }
                }
            }
            let mut trial = shapes.clone();
            for i in 0..=9 {
                trial[c][2] = DECAY_MAX * f64::from(i) / 9.0;
                let v = problem.sse(&trial);
                if v < best {
                    best = v;
                    shapes[c][2] = trial[c][2];
                }
            }
        }
    }
    // Compass search: poll ± each coordinate, move on the first improvement, halve every
    // step when none improves.
    let mut step: Vec<Shape> = problem
        .lower
        .iter()
        .zip(&problem.upper)
        .map(|(lo, hi)| [(hi[0] - lo[0]) / 24.0, (hi[1] - lo[1]) / 12.0, 0.1])
        .collect();
    let mut evaluations = 0;
    while step.iter().flatten().any(|&s| s > 1e-10) && evaluations < 200_000 {
        let mut moved = false;
        'poll: for c in 0..shapes.len() {
            for d in 0..3 {
                for sign in [1.0, -1.0] {
                    let mut trial = shapes.clone();
                    trial[c][d] = (shapes[c][d] + sign * step[c][d])
                        .clamp(problem.lower[c][d], problem.upper[c][d]);
                    if trial[c][d].to_bits() == shapes[c][d].to_bits() {
                        continue;
                    }
                    let v = problem.sse(&trial);
                    evaluations += 1;
                    if v < best {
                        best = v;
                        shapes = trial;
                        moved = true;
                        break 'poll;
                    }
                }
            }
        }
        if !moved {
            for s in step.iter_mut().flatten() {
                *s /= 2.0;
            }
        }
    }
    let (coef, sse) = problem.project(&shapes);
    let n = outcome.len() as f64;
    let mean = outcome.iter().sum::<f64>() / n;
    let total: f64 = outcome.iter().map(|y| (y - mean).powi(2)).sum();
    Ok(MediaModel {
        base: coef[0],
        channels: shapes
            .iter()
            .zip(&coef[1..])
            .map(|(s, &top)| ChannelResponse {
                top,
                k: s[0].exp(),
                h: s[1],
                decay: s[2],
            })
            .collect(),
        sse,
        r2: if total > 0.0 { 1.0 - sse / total } else { 0.0 },
    })
}

/// Ordinary least squares `y ≈ b0 + Σ bc·x[c]` (the straight-line model the curves are
/// compared with): the coefficients, intercept first.
pub fn fit_linear(spend: &[Vec<f64>], outcome: &[f64]) -> Result<Vec<f64>> {
    let p = spend.len() + 1;
    if outcome.len() < p + 1 {
        return Err(Error::not_enough(
            Counted::Observations,
            p + 1,
            outcome.len(),
        ));
    }
    let column = |i: usize, t: usize| if i == 0 { 1.0 } else { spend[i - 1][t] };
    let mut g = vec![vec![0.0; p]; p];
    let mut b = vec![0.0; p];
    for (t, y) in outcome.iter().enumerate() {
        for (i, (row, bi)) in g.iter_mut().zip(b.iter_mut()).enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                *cell += column(i, t) * column(j, t);
            }
            *bi += column(i, t) * y;
        }
    }
    let all: Vec<usize> = (0..p).collect();
    Ok(solve_subset(&g, &b, &all))
}

/// How a model fitted on the first rows predicts the last ones, against a straight line
/// fitted on the same rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HoldoutCheck {
    /// Rows fitted on (the first ones).
    pub training_rows: usize,
    /// Rows held out (the last ones).
    pub held_out_rows: usize,
    /// Root mean squared error of the curves on the held-out rows.
    pub rmse: f64,
    /// The same for the straight line.
    pub linear_rmse: f64,
}

fn rmse(predicted: &[f64], actual: &[f64]) -> f64 {
    let n = actual.len().max(1) as f64;
    (predicted
        .iter()
        .zip(actual)
        .map(|(p, y)| (p - y).powi(2))
        .sum::<f64>()
        / n)
        .sqrt()
}

/// Fits the model and the straight line on the first `1 − holdout` of the rows and scores
/// both on the rest. The held-out rows' adstock carries over from the training rows, as it
/// would in the next weeks.
pub fn holdout_check(spend: &[Vec<f64>], outcome: &[f64], holdout: f64) -> Result<HoldoutCheck> {
    if !(holdout > 0.0 && holdout < 1.0) {
        return Err(Error::invalid_parameter(
            "holdout",
            holdout,
            Allowed::OpenUnit,
        ));
    }
    let n = outcome.len();
    let held_out = ((n as f64) * holdout).round() as usize;
    let training = n - held_out.min(n);
    if held_out < 2 {
        return Err(Error::not_enough(Counted::Observations, 2, held_out));
    }
    let train_spend: Vec<Vec<f64>> = spend.iter().map(|x| x[..training].to_vec()).collect();
    let model = fit_media_model(&train_spend, &outcome[..training])?;
    let predicted = model.predict(spend);
    let line = fit_linear(&train_spend, &outcome[..training])?;
    let linear: Vec<f64> = (training..n)
        .map(|t| {
            line[0]
                + spend
                    .iter()
                    .zip(&line[1..])
                    .map(|(x, b)| b * x[t])
                    .sum::<f64>()
        })
        .collect();
    Ok(HoldoutCheck {
        training_rows: training,
        held_out_rows: n - training,
        rmse: rmse(&predicted[training..], &outcome[training..]),
        linear_rmse: rmse(&linear, &outcome[training..]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nnls_keeps_coefficients_non_negative() {
        // y = 2·u − 1·v would be the free solution; with v ≥ 0 the answer sets v = 0 and
        // refits u alone.
        let u = [1.0, 2.0, 3.0, 4.0];
        let v = [1.0, 1.0, 2.0, 2.0];
        let y: Vec<f64> = u.iter().zip(&v).map(|(a, b)| 2.0 * a - b).collect();
        let g = vec![
            vec![
                u.iter().map(|a| a * a).sum(),
                u.iter().zip(&v).map(|(a, b)| a * b).sum(),
            ],
            vec![
                u.iter().zip(&v).map(|(a, b)| a * b).sum(),
                v.iter().map(|b| b * b).sum(),
            ],
        ];
        let b = vec![
            u.iter().zip(&y).map(|(a, c)| a * c).sum(),
            v.iter().zip(&y).map(|(a, c)| a * c).sum(),
        ];
        let x = nnls(&g, &b);
        let free_u = b[0] / g[0][0];
        assert!(
            (x[0] - free_u).abs() < 1e-12 && x[1].to_bits() == 0,
            "{x:?}"
        );
    }

    #[test]
    fn adstock_settles_at_a_steady_spend() {
        let a = adstock(&[10.0, 10.0, 0.0, 0.0], 0.5);
        assert_eq!(a, vec![10.0, 10.0, 5.0, 2.5]);
    }

    /// Data made from known curves with carry-over: the fit finds them again.
    #[test]
    fn recovers_a_known_model_with_carry_over() {
        let n = 120;
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64) / ((1u64 << 53) as f64)
        };
        let spend: Vec<Vec<f64>> = (0..2)
            .map(|c| (0..n).map(|_| 100.0 * (c + 1) as f64 * next()).collect())
            .collect();
        let truth = MediaModel {
            base: 50.0,
            channels: vec![
                ChannelResponse {
                    top: 80.0,
                    k: 40.0,
                    h: 1.5,
                    decay: 0.6,
                },
                ChannelResponse {
                    top: 30.0,
                    k: 120.0,
                    h: 1.0,
                    decay: 0.2,
                },
            ],
            sse: 0.0,
            r2: 1.0,
        };
        let outcome = truth.predict(&spend);
        let fit = fit_media_model(&spend, &outcome).unwrap();
        assert!(fit.r2 > 0.999_999, "{fit:?}");
        assert!((fit.base - 50.0).abs() < 0.5, "{fit:?}");
        assert!((fit.channels[0].decay - 0.6).abs() < 0.01, "{fit:?}");
        assert!((fit.channels[1].decay - 0.2).abs() < 0.02, "{fit:?}");
        assert!(fit.channels.iter().all(|c| c.top >= 0.0));
    }
}
