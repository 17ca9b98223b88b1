//! The standard Theta method (Assimakopoulos & Nikolopoulos 2000), in the form Hyndman &
//! Billah (2003) showed it to be: simple exponential smoothing plus half the slope of a
//! straight line fitted to the series, `ŷ(h) = ℓ_n + b/2 · (h - 1 + 1/α - (1-α)^n/α)`.
//! Seasonal series are adjusted first when their autocorrelation at lag `m` is significant
//! at 90 % (`|r_m| > 1.645 √((1 + 2 Σ_{k<m} r_k²)/n)`, the test of the M3 Theta and of
//! statsforecast's `AutoTheta`) by a classical decomposition (multiplicative on positive
//! data, additive otherwise), and the seasonal indices are put back on the forecast.

use super::fitted::{Param, SeriesFit};
use super::smoothing::{self, Form};
use super::state_space::init::{classical_seasonal, least_squares};
use crate::{Counted, Error, Result};

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

/// Whether the lag-`m` autocorrelation is significant at 90 %.
pub fn is_seasonal(y: &[f64], m: usize) -> bool {
    if m < 2 || y.len() < 3 * m {
        return false;
    }
    let r = acf(y, m);
    let sum: f64 = r[1..m].iter().map(|v| v * v).sum();
    let limit = 1.645 * ((1.0 + 2.0 * sum) / y.len() as f64).sqrt();
    r[m].abs() > limit
}

/// Fits the standard Theta method and forecasts `horizon` steps.
pub fn fit(y: &[f64], m: usize, horizon: usize) -> Result<SeriesFit> {
    let n = y.len();
    if n < 4 {
        return Err(Error::not_enough(Counted::Observations, 4, n));
    }
    let multiplicative = y.iter().all(|v| *v > 0.0);
    let season: Option<Vec<f64>> = if is_seasonal(y, m) {
        classical_seasonal(y, m, multiplicative)
    } else {
        None
    };
    let adjust = |v: f64, t: usize, back: bool| match &season {
        None => v,
        Some(s) => {
            let idx = s[t % m];
            match (multiplicative, back) {
                (true, false) => v / idx,
                (true, true) => v * idx,
                (false, false) => v - idx,
                (false, true) => v + idx,
            }
        }
    };
    // Positions beyond the series repeat the pattern by their place in the season.
    let index_at = |t: usize| -> usize { t % m.max(1) };
    let adjusted: Vec<f64> = (0..n).map(|t| adjust(y[t], t, false)).collect();
    let ses = smoothing::optimise(&adjusted, Form::SES, 1, horizon)?;
    let alpha = ses.smoothing.alpha.max(1e-6);
    let rows: Vec<Vec<f64>> = (0..n).map(|t| vec![1.0, t as f64]).collect();
    let slope = least_squares(&rows, &adjusted)
        .map(|c| c[1])
        .ok_or_else(|| Error::not_enough(Counted::Observations, 2, n))?;
    let level = ses.run.forecast[0];
    let tail = (1.0 / alpha) - (1.0 - alpha).powi(n as i32) / alpha;
    let mean: Vec<f64> = (1..=horizon)
        .map(|h| {
            let v = level + 0.5 * slope * ((h - 1) as f64 + tail);
            let t = n + h - 1;
            match &season {
                None => v,
                Some(s) => {
                    let idx = s[index_at(t)];
                    if multiplicative {
                        v * idx
                    } else {
                        v + idx
                    }
                }
            }
        })
        .collect();
    // One-step in-sample predictions: SES plus the drift, re-seasonalised.
    let fitted = (0..n)
        .map(|t| Some(adjust(ses.run.fitted[t] + 0.5 * slope, t, true)))
        .collect();
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
            Param::new("drift", 0.5 * slope),
            Param::new("seasonal", f64::from(u8::from(season.is_some()))),
        ],
        3,
    ))
}

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
