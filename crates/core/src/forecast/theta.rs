//! The standard Theta method (Assimakopoulos & Nikolopoulos 2000) as the standard theta
//! model (STM) of Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016), the form
//! statsforecast's `Theta` fits: with `A_n`, `B_n` the intercept and slope of a line
//! through the whole series (times `1..n`), the one-step prediction of `y_t` is
//!
//! `μ_t = ℓ_{t-1} + (1 - 1/θ) (A_n (1-α)^t + B_n (1 - (1-α)^{t+1}) / α)`, θ = 2,
//!
//! and the level is smoothed as in SES, `ℓ_t = α y_t + (1-α) ℓ_{t-1}`. The initial level `ℓ_0`
//! and `α ∈ [0.1, 0.99]` minimise the squared errors `y_t - μ_t` from the fourth value on.
//! `μ_t` is linear in `ℓ_0`, so for each α the best `ℓ_0` is solved exactly and α is found
//! by Brent's method ([`super::brent`]) from the best point of a grid. Forecasts continue the
//! recursion with each forecast standing in for the value.
//!
//! Seasonal series are adjusted first when their autocorrelation at lag `m` is significant
//! at 90 % (`|r_m| > 1.645 √((1 + 2 Σ_{k<m} r_k²)/n)`, tested when `m ≥ 4` and `n ≥ 2m`), by
//! a classical decomposition, multiplicative on positive data (additive otherwise, or when
//! an index falls below 0.01), and the seasonal indices are put back on the forecast.
//!
//! Checked against statsforecast 2.1.1's `Theta` (`tools/theta_fixture.py`): α, `ℓ_0`, `A_n`,
//! `B_n` and the forecasts to 1e-4.

use super::brent::minimise;
use super::fitted::{Param, SeriesFit};
use super::state_space::init::classical_seasonal;
use crate::{Counted, Error, Result};

/// `Φ⁻¹(0.95)`, the one-sided 90 % bound of the seasonality test.
const Z_95: f64 = 1.644_853_626_951_472_2;
/// The bounds of α (statsforecast's).
const ALPHA_RANGE: (f64, f64) = (0.1, 0.99);
/// One-step errors before this position do not count in the fit (statsforecast's burn-in).
const BURN_IN: usize = 3;
/// `1 - 1/θ` with θ = 2: half the slope.
const DRIFT_WEIGHT: f64 = 0.5;

/// Autocorrelations `r_0..=r_max`.
pub fn acf(y: &[f64], max: usize) -> Vec<f64> {
    let n = y.len();
    let mean = y.iter().sum::<f64>() / n as f64;
    let denom: f64 = y.iter().map(|v| (v - mean) * (v - mean)).sum();
    (0..=max.min(n.saturating_sub(1)))
        .map(|k| {
            if denom <= 0.0 {
                return 0.0;
            }
            (k..n)
                .map(|t| (y[t] - mean) * (y[t - k] - mean))
                .sum::<f64>()
                / denom
        })
        .collect()
}

/// Whether the lag-`m` autocorrelation is significant at 90 % (only tested when `m ≥ 4`
/// and the series has two seasons).
pub fn is_seasonal(y: &[f64], m: usize) -> bool {
    if m < 4 || y.len() < 2 * m {
        return false;
    }
    let r = acf(y, m);
    if r.len() <= m {
        return false;
    }
    let sum: f64 = r[1..m].iter().map(|v| v * v).sum();
    let limit = Z_95 * ((1.0 + 2.0 * sum) / y.len() as f64).sqrt();
    r[m].abs() > limit
}

/// The seasonal indices to adjust `y` by, one per position `t % m`, and whether they
/// multiply; `None` when the series is not seasonal.
fn seasonal_indices(y: &[f64], m: usize) -> Option<(Vec<f64>, bool)> {
    if !is_seasonal(y, m) {
        return None;
    }
    if y.iter().all(|v| *v > 0.0) {
        if let Some(s) = classical_seasonal(y, m, true) {
            if s.iter().all(|v| *v >= 0.01) {
                return Some((s[..m].to_vec(), true));
            }
        }
    }
    classical_seasonal(y, m, false).map(|s| (s[..m].to_vec(), false))
}

/// A standard theta model fitted to a (seasonally adjusted) series.
#[derive(Debug, Clone, PartialEq)]
pub struct ThetaFit {
    /// Smoothing parameter of the level.
    pub alpha: f64,
    /// Initial level `ℓ_0`.
    pub level0: f64,
    /// Intercept `A_n` of the line through the series.
    pub intercept: f64,
    /// Slope `B_n` of that line.
    pub slope: f64,
    /// One-step predictions `μ_t` of every value.
    pub fitted: Vec<f64>,
    /// The level after the last value.
    pub level: f64,
}

/// Intercept and slope of the least-squares line through `(t, x_t)`, `t = 1..n`.
fn line(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let weighted = x
        .iter()
        .enumerate()
        .map(|(t, v)| (t + 1) as f64 * v)
        .sum::<f64>()
        / n;
    let slope = 6.0 * (2.0 * weighted - (n + 1.0) * mean) / (n * n - 1.0);
    (mean - (n + 1.0) * slope / 2.0, slope)
}

/// The drift term of `μ_t`: `(1 - 1/θ) (A_n (1-α)^t + B_n (1 - (1-α)^{t+1}) / α)`.
fn drift(alpha: f64, intercept: f64, slope: f64, t: usize) -> f64 {
    let keep = 1.0 - alpha;
    DRIFT_WEIGHT
        * (intercept * keep.powi(t as i32) + slope * (1.0 - keep.powi(t as i32 + 1)) / alpha)
}

/// Runs the recursions on `x` with `α` and `ℓ_0`: the one-step predictions and the last level.
fn run(x: &[f64], alpha: f64, level0: f64, intercept: f64, slope: f64) -> (Vec<f64>, f64) {
    let mut fitted = Vec::with_capacity(x.len());
    let mut level = level0;
    for (t, v) in x.iter().enumerate() {
        // μ_0 has no smoothed history: ℓ_0 plus the drift at its start.
        let mu = if t == 0 {
            level0 + DRIFT_WEIGHT * (intercept + slope)
        } else {
            level + drift(alpha, intercept, slope, t)
        };
        fitted.push(mu);
        level = alpha * v + (1.0 - alpha) * level;
    }
    (fitted, level)
}

impl ThetaFit {
    /// The model with `α` and `ℓ_0` given (no search), on the adjusted series `x`.
    pub fn with(x: &[f64], alpha: f64, level0: f64) -> ThetaFit {
        let (intercept, slope) = line(x);
        let (fitted, level) = run(x, alpha, level0, intercept, slope);
        ThetaFit {
            alpha,
            level0,
            intercept,
            slope,
            fitted,
            level,
        }
    }

    /// The sum of squared one-step errors from the fourth value on: the fit's criterion.
    pub fn sse(&self, x: &[f64]) -> f64 {
        x.iter()
            .zip(&self.fitted)
            .skip(BURN_IN)
            .map(|(v, f)| (v - f) * (v - f))
            .sum()
    }

    /// Forecasts `h` steps after the `n` values fitted.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        let n = self.fitted.len();
        let mut level = self.level;
        (0..h)
            .map(|j| {
                let mu = level + drift(self.alpha, self.intercept, self.slope, n + j);
                level = self.alpha * mu + (1.0 - self.alpha) * level;
                mu
            })
            .collect()
    }
}

/// For one α, the `ℓ_0` that minimises the criterion. `μ_t` for `t ≥ 1` is `(1-α)^t ℓ_0`
/// plus what it is with `ℓ_0 = 0`, so this is a one-variable least squares.
fn best_level0(x: &[f64], alpha: f64, intercept: f64, slope: f64) -> f64 {
    let (base, _) = run(x, alpha, 0.0, intercept, slope);
    let keep = 1.0 - alpha;
    let (mut num, mut den) = (0.0, 0.0);
    for t in BURN_IN..x.len() {
        let c = keep.powi(t as i32);
        num += c * (x[t] - base[t]);
        den += c * c;
    }
    if den > 0.0 {
        num / den
    } else {
        x[0]
    }
}

/// Fits α and `ℓ_0` to the adjusted series `x` (at least 4 values).
pub fn fit_theta(x: &[f64]) -> Result<ThetaFit> {
    let n = x.len();
    if n <= BURN_IN {
        return Err(Error::not_enough(Counted::Observations, BURN_IN + 1, n));
    }
    let (intercept, slope) = line(x);
    let profile = |alpha: f64| {
        let level0 = best_level0(x, alpha, intercept, slope);
        ThetaFit::with(x, alpha, level0).sse(x)
    };
    // A grid first, so that Brent's search starts in the basin of the smallest error.
    let (lo, hi) = ALPHA_RANGE;
    const STEPS: usize = 89;
    let step = (hi - lo) / STEPS as f64;
    let best = (0..=STEPS)
        .map(|i| lo + i as f64 * step)
        .map(|a| (a, profile(a)))
        .fold((lo, f64::INFINITY), |b, c| if c.1 < b.1 { c } else { b });
    let alpha = minimise(
        profile,
        (best.0 - step).max(lo),
        (best.0 + step).min(hi),
        1e-10,
    );
    let alpha = if profile(alpha) <= best.1 {
        alpha
    } else {
        best.0
    };
    let fit = ThetaFit::with(x, alpha, best_level0(x, alpha, intercept, slope));
    if fit.fitted.iter().all(|v| v.is_finite()) {
        Ok(fit)
    } else {
        Err(Error::invalid_parameter(
            "forecast",
            "theta",
            crate::Allowed::FiniteForecasts,
        ))
    }
}

/// Fits the standard Theta method (seasonally adjusted when needed) and forecasts
/// `horizon` steps.
pub fn fit(y: &[f64], m: usize, horizon: usize) -> Result<SeriesFit> {
    let n = y.len();
    if n <= BURN_IN {
        return Err(Error::not_enough(Counted::Observations, BURN_IN + 1, n));
    }
    let season = seasonal_indices(y, m);
    // Adjusts (`back = false`) or re-seasonalises (`back = true`) the value at time `t`.
    let adjust = |v: f64, t: usize, back: bool| match &season {
        None => v,
        Some((s, multiplicative)) => {
            let idx = s[t % m];
            match (multiplicative, back) {
                (true, false) => v / idx,
                (true, true) => v * idx,
                (false, false) => v - idx,
                (false, true) => v + idx,
            }
        }
    };
    let adjusted: Vec<f64> = (0..n).map(|t| adjust(y[t], t, false)).collect();
    let theta = fit_theta(&adjusted)?;
    let mean = theta
        .forecast(horizon)
        .into_iter()
        .enumerate()
        .map(|(j, v)| adjust(v, n + j, true))
        .collect();
    let fitted = (0..n)
        .map(|t| Some(adjust(theta.fitted[t], t, true)))
        .collect();
    let alpha = theta.alpha;
    let factor = (0..horizon)
        .map(|j| 1.0 + j as f64 * alpha * alpha)
        .collect();
    Ok(SeriesFit::from_parts(
        y,
        fitted,
        mean,
        factor,
        vec![
            Param::new("alpha", alpha),
            Param::new("level0", theta.level0),
            Param::new("drift", DRIFT_WEIGHT * theta.slope),
            Param::new("seasonal", f64::from(u8::from(season.is_some()))),
        ],
        3,
    ))
}

#[cfg(test)]
#[path = "theta_fixture_tests.rs"]
mod fixture_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_continued_at_half_its_slope_plus_the_level() {
        // On an exact line SES lags behind; Theta adds half the slope back.
        let y: Vec<f64> = (0..40).map(|t| 10.0 + 2.0 * t as f64).collect();
        let f = fit(&y, 1, 3).unwrap();
        assert!(
            f.mean[1] > f.mean[0] && f.mean[2] > f.mean[1],
            "{:?}",
            f.mean
        );
        assert!((f.mean[1] - f.mean[0] - 1.0).abs() < 1e-6, "{:?}", f.mean);
    }

    #[test]
    fn a_seasonal_pattern_is_put_back() {
        let pattern = [1.3, 0.7, 1.0, 1.0];
        let y: Vec<f64> = (0..40).map(|t| 100.0 * pattern[t % 4]).collect();
        assert!(is_seasonal(&y, 4));
        let f = fit(&y, 4, 4).unwrap();
        for (j, v) in f.mean.iter().enumerate() {
            assert!(
                (v - 100.0 * pattern[(40 + j) % 4]).abs() < 1.0,
                "{:?}",
                f.mean
            );
        }
    }
}
