//! Choosing the ARIMA orders by the stepwise search of Hyndman & Khandakar (2008), as
//! statsforecast's `AutoARIMA` (a port of R's `forecast::auto.arima`) runs it.
//!
//! - `D` (0 or 1): 1 when the seasonal strength exceeds 0.64
//!   ([`autoreg::seasonal_strength`], classical decomposition; statsforecast uses MSTL),
//!   not for series of two seasons or less;
//! - `d` (0 to 2): differences of the seasonally differenced series while the KPSS
//!   statistic ([`autoreg::kpss`]) exceeds 0.463, the 5 % point;
//! - a constant (mean when `d + D = 0`, drift when `d + D = 1`);
//! - start models (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and the
//!   first without constant; then, from the best, moves of ±1 in P, Q (alone and
//!   together), p, q (alone and together) and the constant toggle, each taken as soon as
//!   it lowers the AICc, until no move improves or 94 models have been fitted.
//!
//! Orders are capped at p, q ≤ 5 (and below the season length), P, Q ≤ 2, and each at a
//! third of the series (of its seasons for P, Q). A model whose AR or MA polynomial has a
//! root within 1.01 of the unit circle counts as unusable (statsforecast skips that test
//! when only the first expanded coefficient is non-zero, and so does this search). Every
//! model is fitted by CSS-ML; statsforecast also rejects a model whose coefficient
//! variances (from the optimiser's Hessian) are not finite, which this search, without a
//! Hessian, does not check. And statsforecast switches to CSS fits during the search for
//! series longer than 150 or seasons longer than 12, which this search does not.
//!
//! [`autoreg::seasonal_strength`]: crate::forecast::autoreg::seasonal_strength
//! [`autoreg::kpss`]: crate::forecast::autoreg::kpss

use super::fit::{fit, ArimaFit};
use super::polynomial::{expand, is_stationary};
use super::spec::{ArimaSpec, Constant};
use crate::forecast::autoreg::{kpss, seasonal_strength};
use crate::forecast::fitted::{Param, SeriesFit};
use crate::{Allowed, Counted, Error, Result};

/// The KPSS 5 % critical value for level stationarity.
const KPSS_5_PERCENT: f64 = 0.463;
/// The seasonal strength above which one seasonal difference is taken.
const SEASONAL_STRENGTH: f64 = 0.64;
/// At most this many models are fitted.
const MAX_MODELS: usize = 94;

/// One candidate of the search: orders and whether it has a constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    p: usize,
    q: usize,
    seasonal_p: usize,
    seasonal_q: usize,
    constant: bool,
}

/// The search's fixed settings for one series.
struct Search<'a> {
    y: &'a [f64],
    d: usize,
    seasonal_d: usize,
    period: usize,
    max_p: usize,
    max_q: usize,
    max_seasonal_p: usize,
    max_seasonal_q: usize,
    tried: Vec<Candidate>,
    best: Option<(f64, ArimaFit)>,
}

impl Search<'_> {
    fn spec(&self, c: Candidate) -> ArimaSpec {
        let constant = match (c.constant, self.d + self.seasonal_d) {
            (true, 0) => Constant::Mean,
            (true, 1) => Constant::Drift,
            _ => Constant::None,
        };
        ArimaSpec::new(c.p, self.d, c.q)
            .seasonal(c.seasonal_p, self.seasonal_d, c.seasonal_q, self.period)
            .with_constant(constant)
    }

    /// Fits a candidate not tried yet; true when it became the best.
    fn try_candidate(&mut self, c: Candidate) -> bool {
        if self.tried.contains(&c) || self.tried.len() >= MAX_MODELS {
            return false;
        }
        self.tried.push(c);
        let Ok(model) = fit(self.y, &self.spec(c)) else {
            return false;
        };
        let aicc = if near_unit_root(&model) || !model.aicc.is_finite() {
            f64::INFINITY
        } else {
            model.aicc
        };
        let better = self.best.as_ref().is_none_or(|(best, _)| aicc < *best);
        if better && aicc.is_finite() {
            self.best = Some((aicc, model));
        }
        better && aicc.is_finite()
    }
}

/// Whether an AR or MA polynomial has a root of modulus below 1.01.
fn near_unit_root(model: &ArimaFit) -> bool {
    let c = &model.coefficients;
    let (phi, theta) = expand(&c.ar, &c.ma, &c.sar, &c.sma, model.spec.period);
    let scaled = |coef: &[f64], sign: f64| -> Option<Vec<f64>> {
        let last = coef.iter().rposition(|v| v.abs() > 1e-8)?;
        // statsforecast tests only polynomials with a non-zero coefficient past the first.
        (last > 0).then(|| {
            coef[..=last]
                .iter()
                .enumerate()
                .map(|(i, v)| sign * v * 1.01f64.powi(i as i32 + 1))
                .collect()
        })
    };
    // Roots of 1 - Σ φ_i z^i outside |z| = 1.01 ⇔ 1 - Σ φ_i 1.01^i w^i stationary.
    let ar_bad = scaled(&phi, 1.0).is_some_and(|v| !is_stationary(&v));
    let ma_bad = scaled(&theta, -1.0).is_some_and(|v| !is_stationary(&v));
    ar_bad || ma_bad
}

fn is_constant(x: &[f64]) -> bool {
    x.iter()
        .all(|v| (v - x[0]).abs() <= 1e-12 * x[0].abs().max(1.0))
}

/// Chooses `d`, `D` and the ARMA orders of `y` (season length `period`, 1 for none) by the
/// stepwise search and returns the best fit by AICc.
pub fn auto_arima(y: &[f64], period: usize) -> Result<ArimaFit> {
    let n = y.len();
    if n < 8 {
        return Err(Error::not_enough(Counted::Observations, 8, n));
    }
    if let Some(position) = y.iter().position(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            crate::Subject::SeriesValue(position + 1),
            y[position],
            Allowed::FiniteNumber,
        ));
    }
    let period = period.max(1);
    let seasonal = period > 1;
    let mut seasonal_d = 0;
    let mut x = y.to_vec();
    if seasonal && n > 2 * period && seasonal_strength(y, period) > SEASONAL_STRENGTH {
        seasonal_d = 1;
        x = (period..n).map(|t| y[t] - y[t - period]).collect();
    }
    let mut d = 0;
    while d < 2 && !is_constant(&x) && x.len() > 2 && kpss(&x) > KPSS_5_PERCENT {
        d += 1;
        x = x.windows(2).map(|w| w[1] - w[0]).collect();
    }
    if x.is_empty() || is_constant(&x) {
        // A polynomial or constant series: the likelihood has no maximum to find.
        return Err(Error::invalid_parameter(
            "series",
            "constant",
            Allowed::FiniteLikelihood,
        ));
    }
    let third = n / 3;
    let mut max_p = 5.min(third);
    let mut max_q = 5.min(third);
    let (max_seasonal_p, max_seasonal_q) = if seasonal {
        (2.min(third / period), 2.min(third / period))
    } else {
        (0, 0)
    };
    if seasonal {
        max_p = max_p.min(period - 1);
        max_q = max_q.min(period - 1);
    }
    let mut search = Search {
        y,
        d,
        seasonal_d,
        period,
        max_p,
        max_q,
        max_seasonal_p,
        max_seasonal_q,
        tried: Vec::new(),
        best: None,
    };
    let constant = d + seasonal_d <= 1;
    let small = n < 10;
    let mut at = Candidate {
        p: (if small { 1 } else { 2 }).min(max_p),
        q: (if small { 1 } else { 2 }).min(max_q),
        seasonal_p: (if small { 0 } else { 1 }).min(max_seasonal_p),
        seasonal_q: (if small { 0 } else { 1 }).min(max_seasonal_q),
        constant,
    };
    search.try_candidate(at);
    let zero = Candidate {
        p: 0,
        q: 0,
        seasonal_p: 0,
        seasonal_q: 0,
        constant,
    };
    let mut starts = vec![zero];
    if max_p > 0 || max_seasonal_p > 0 {
        starts.push(Candidate {
            p: usize::from(max_p > 0),
            seasonal_p: usize::from(max_seasonal_p > 0),
            ..zero
        });
    }
    if max_q > 0 || max_seasonal_q > 0 {
        starts.push(Candidate {
            q: usize::from(max_q > 0),
            seasonal_q: usize::from(max_seasonal_q > 0),
            ..zero
        });
    }
    if constant {
        starts.push(Candidate {
            constant: false,
            ..zero
        });
    }
    for start in starts {
        if search.try_candidate(start) {
            // statsforecast keeps the constant flag when the start without constant wins
            // (only the orders move to zero); the search continues from there the same way.
            at = Candidate { constant, ..start };
        }
    }
    loop {
        let moves = neighbours(&search, at, constant);
        let mut moved = false;
        for next in moves {
            if search.try_candidate(next) {
                at = next;
                moved = true;
                break;
            }
        }
        if !moved || search.tried.len() >= MAX_MODELS {
            break;
        }
    }
    search
        .best
        .map(|(_, model)| model)
        .ok_or_else(|| Error::invalid_parameter("series", "ARIMA", Allowed::FiniteLikelihood))
}

/// The moves from `c`, in statsforecast's order: seasonal orders, then non-seasonal, then
/// the constant toggle.
fn neighbours(search: &Search, c: Candidate, allow_constant: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    let within = |v: usize, dv: i32, max: usize| -> Option<usize> {
        let next = v as i64 + i64::from(dv);
        (next >= 0 && next as usize <= max).then_some(next as usize)
    };
    let seasonal_moves = [
        (-1, 0),
        (0, -1),
        (1, 0),
        (0, 1),
        (-1, -1),
        (-1, 1),
        (1, -1),
        (1, 1),
    ];
    for (dp, dq) in seasonal_moves {
        if let (Some(sp), Some(sq)) = (
            within(c.seasonal_p, dp, search.max_seasonal_p),
            within(c.seasonal_q, dq, search.max_seasonal_q),
        ) {
            out.push(Candidate {
                seasonal_p: sp,
                seasonal_q: sq,
                ..c
            });
        }
    }
    for (dp, dq) in seasonal_moves {
        if let (Some(p), Some(q)) = (within(c.p, dp, search.max_p), within(c.q, dq, search.max_q)) {
            out.push(Candidate { p, q, ..c });
        }
    }
    if allow_constant {
        out.push(Candidate {
            constant: !c.constant,
            ..c
        });
    }
    out
}

/// [`auto_arima`] packaged as a [`SeriesFit`] forecasting `horizon` steps: the orders and
/// coefficients as parameters, the filter's one-step predictions and the `h`-step error
/// variance relative to the first step's.
pub fn fit_series(y: &[f64], period: usize, horizon: usize) -> Result<SeriesFit> {
    let model = auto_arima(y, period)?;
    let forecast = model.forecast(horizon);
    let s = model.spec;
    let mut params = vec![
        Param::new("p", s.p as f64),
        Param::new("d", s.d as f64),
        Param::new("q", s.q as f64),
        Param::new("P", s.seasonal_p as f64),
        Param::new("D", s.seasonal_d as f64),
        Param::new("Q", s.seasonal_q as f64),
    ];
    let c = &model.coefficients;
    for (prefix, values) in [
        ("ar", &c.ar),
        ("ma", &c.ma),
        ("sar", &c.sar),
        ("sma", &c.sma),
    ] {
        for (i, v) in values.iter().enumerate() {
            params.push(Param::new(&format!("{prefix}{}", i + 1), *v));
        }
    }
    match (s.constant, c.constant) {
        (Constant::Mean, Some(v)) => params.push(Param::new("intercept", v)),
        (Constant::Drift, Some(v)) => params.push(Param::new("drift", v)),
        _ => {}
    }
    let first = forecast
        .standard_error
        .first()
        .map_or(model.sigma2, |se| se * se);
    let variance_factor = forecast
        .standard_error
        .iter()
        .map(|se| if first > 0.0 { se * se / first } else { 1.0 })
        .collect();
    let n_estimated = s.n_arma() + usize::from(c.constant.is_some());
    let mut series_fit = SeriesFit::from_parts(
        y,
        model.fitted.clone(),
        forecast.mean,
        variance_factor,
        params,
        n_estimated,
    );
    series_fit.sigma2 = first;
    Ok(series_fit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_random_walk_with_noise_gets_one_difference() {
        let mut state = 7u64;
        let mut level = 100.0;
        let y: Vec<f64> = (0..120)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                level += ((state >> 11) as f64 / (1u64 << 53) as f64) - 0.5;
                level
            })
            .collect();
        let model = auto_arima(&y, 1).unwrap();
        assert_eq!(model.spec.d, 1, "{:?}", model.spec);
        let series = fit_series(&y, 1, 4).unwrap();
        assert_eq!(series.mean.len(), 4);
        assert!(series.variance_factor.windows(2).all(|w| w[1] >= w[0]));
    }

    #[test]
    fn the_series_fit_keeps_the_filters_intervals() {
        let pattern = [6.0, -2.0, -5.0, 1.0];
        let y: Vec<f64> = (0..48)
            .map(|t| 50.0 + 0.5 * t as f64 + pattern[t % 4] + ((t * 13 % 7) as f64 - 3.0) * 0.4)
            .collect();
        let model = auto_arima(&y, 4).unwrap();
        let direct = model.forecast(8);
        let (lower, upper) = direct.interval(95.0).unwrap();
        let series = crate::forecast::Model::Arima.fit(&y, 4, 8).unwrap();
        let band = crate::forecast::intervals::interval(&series, &y, 95.0).unwrap();
        for k in 0..8 {
            assert!((series.mean[k] - direct.mean[k]).abs() < 1e-9);
            assert!((band.lower[k] - lower[k]).abs() < 1e-6, "{k}");
            assert!((band.upper[k] - upper[k]).abs() < 1e-6, "{k}");
        }
        assert_eq!(series.model, crate::forecast::Model::Arima);
    }

    #[test]
    fn refuses_constant_and_short_series() {
        assert!(auto_arima(&[3.0; 40], 1).is_err());
        assert!(auto_arima(&[1.0, 2.0, 3.0], 1).is_err());
    }
}
