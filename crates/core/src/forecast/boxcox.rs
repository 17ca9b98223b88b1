//! The Box-Cox transform, with λ chosen by Guerrero's method, so that a model fitted on the
//! transformed scale sees a series whose variation no longer grows with its level.
//!
//! `w = (y^λ - 1) / λ` (`ln y` at λ = 0); for `y ≤ 0` the signed form
//! `(-(-y)^λ - 1) / λ`, as coreforecast writes it, keeps the transform defined (a negative
//! λ is then refused: the value would not be finite). Guerrero (1993) picks the λ that makes
//! the ratio `sd_i / mean_i^(1-λ)` most nearly constant across the series' seasons: the last
//! whole seasons are cut into blocks of one season each, and the coefficient of variation
//! of those ratios is minimised over `[-0.9, 2]` (over `[0, 2]` when a value is not
//! positive) by Brent's method ([`super::brent`]). Series of two seasons or fewer keep λ = 1.
//! Non-seasonal series use blocks of 2, as R's `forecast::BoxCox.lambda` does.
//!
//! Forecasts and interval bounds made on the transformed scale are turned back with
//! [`inverse`]; the point forecast back-transformed is the forecast median (no bias
//! adjustment), as statsforecast and R give it by default. The transform is monotone, so a
//! band's coverage is the same on both scales.
//!
//! Checked against coreforecast 0.0.20's `boxcox_lambda(method="guerrero")` and `boxcox`
//! (`tools/boxcox_fixture.py`).
//!
//! ```
//! use shoplens_core::forecast::boxcox::{guerrero_lambda, inverse, transform};
//! let y: Vec<f64> = (0..48).map(|t| (1.0 + 0.05 * t as f64).exp() * [1.2, 0.8, 1.0, 1.0][t % 4]).collect();
//! let lambda = guerrero_lambda(&y, 4);
//! assert!(lambda.abs() < 0.3); // multiplicative growth: close to a log
//! let w = transform(y[10], lambda);
//! assert!((inverse(w, lambda) - y[10]).abs() < 1e-9);
//! ```

use super::brent::minimise;

/// Lowest λ searched.
pub const LOWER: f64 = -0.9;
/// Highest λ searched.
pub const UPPER: f64 = 2.0;

/// λ within this of zero is taken as the log transform.
const LOG_BAND: f64 = 1e-19;

/// The Box-Cox transform of one value.
pub fn transform(y: f64, lambda: f64) -> f64 {
    if lambda < 0.0 && y < 0.0 {
        return f64::NAN;
    }
    if lambda.abs() < LOG_BAND {
        return y.ln();
    }
    if y > 0.0 {
        (lambda * y.ln()).exp_m1() / lambda
    } else {
        (-(lambda * (-y).ln()).exp() - 1.0) / lambda
    }
}

/// The value whose transform is `w`: the inverse of [`transform`].
pub fn inverse(w: f64, lambda: f64) -> f64 {
    let base = lambda * w + 1.0;
    if lambda < 0.0 && base < 0.0 {
        return f64::NAN;
    }
    if lambda.abs() < LOG_BAND {
        return w.exp();
    }
    if base > 0.0 {
        ((lambda * w).ln_1p() / lambda).exp()
    } else {
        -((-lambda * w - 1.0).ln() / lambda).exp()
    }
}

/// Mean and sample standard deviation (divisor `n - 1`) of `values`.
fn mean_and_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let squares = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>();
    (mean, (squares / (n - 1.0)).sqrt())
}

/// Guerrero's λ for `y` with season `season` (blocks of 2 when `season < 2`), in
/// [`LOWER`, `UPPER`] (from 0 when a value is not positive); 1 when the series has two
/// seasons or fewer.
pub fn guerrero_lambda(y: &[f64], season: usize) -> f64 {
    let period = season.max(2);
    let n = y.len();
    if n <= 2 * period {
        return 1.0;
    }
    let lower = if y.iter().any(|v| *v <= 0.0) {
        LOWER.max(0.0)
    } else {
        LOWER
    };
    // The last whole seasons, one block each (the oldest partial season is left out).
    let whole = (n / period) * period;
    let blocks: Vec<(f64, f64)> = y[n - whole..].chunks(period).map(mean_and_sd).collect();
    let variation = |lambda: f64| {
        let ratios: Vec<f64> = blocks
            .iter()
            .map(|(mean, sd)| sd / ((1.0 - lambda) * mean.ln()).exp())
            .collect();
        let (mean, sd) = mean_and_sd(&ratios);
        if sd.is_nan() {
            f64::MAX
        } else {
            sd / mean
        }
    };
    // coreforecast's tolerance: the fourth root of the machine epsilon.
    minimise(variation, lower, UPPER, f64::EPSILON.powf(0.25))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transform_and_inverse_round_trip() {
        for lambda in [-0.5, 0.0, 0.3, 1.0, 1.7] {
            for y in [0.5, 1.0, 7.0, 1234.5] {
                let back = inverse(transform(y, lambda), lambda);
                assert!((back - y).abs() < 1e-9 * y, "λ {lambda} y {y}: {back}");
            }
        }
        // λ = 1 is a shift by one; λ = 0 the log.
        assert!((transform(5.0, 1.0) - 4.0).abs() < 1e-12);
        assert!((transform(5.0, 0.0) - 5f64.ln()).abs() < 1e-12);
        // Signed form below zero for λ > 0; undefined for λ < 0.
        assert!((inverse(transform(-3.0, 0.5), 0.5) + 3.0).abs() < 1e-12);
        assert!(transform(-3.0, -0.5).is_nan());
    }

    #[test]
    fn level_proportional_spread_gives_a_lambda_near_zero_and_constant_spread_near_one() {
        // Each season's spread proportional to its level: sd/mean constant at λ = 0.
        let pattern = [1.3, 0.7, 1.1, 0.9];
        let growing: Vec<f64> = (0..40)
            .map(|t| 10.0 * 1.2f64.powi((t / 4) as i32) * pattern[t % 4])
            .collect();
        assert!(guerrero_lambda(&growing, 4).abs() < 0.01);
        // The same spread at every level: sd constant, so λ = 1 makes the ratio constant.
        let steady: Vec<f64> = (0..40)
            .map(|t| 100.0 + 10.0 * (t / 4) as f64 + 5.0 * (pattern[t % 4] - 1.0) * 10.0)
            .collect();
        assert!((guerrero_lambda(&steady, 4) - 1.0).abs() < 0.01);
        assert!((guerrero_lambda(&steady[..8], 4) - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn ets_on_the_transform_turns_forecasts_and_bounds_back() {
        use crate::forecast::backtest::{backtest, Protocol};
        use crate::forecast::intervals::{interval, normal_quantile};
        use crate::forecast::Model;
        // Multiplicative growth and season, with a little irregular noise.
        let pattern = [1.2, 0.8, 1.1, 0.9];
        let y: Vec<f64> = (0..48)
            .map(|t| {
                let noise = 1.0 + 0.03 * ((t * 7 % 11) as f64 - 5.0) / 5.0;
                50.0 * 1.03f64.powi(t as i32) * pattern[t % 4] * noise
            })
            .collect();
        let fit = Model::EtsBoxCox.fit(&y, 4, 8).unwrap();
        let lambda = guerrero_lambda(&y, 4);
        assert_eq!(fit.params[0].name, "lambda");
        assert!((fit.params[0].value - lambda).abs() < 1e-15);
        let on_scale = fit.transformed.clone().unwrap();
        let band = interval(&fit, &y, 95.0).unwrap();
        let z = normal_quantile(0.975);
        for h in 0..8 {
            assert!((fit.mean[h] - inverse(on_scale.mean[h], lambda)).abs() < 1e-9);
            let half = z * fit.sigma2.sqrt() * fit.variance_factor[h].sqrt();
            let low = inverse(on_scale.mean[h] - half, lambda);
            let high = inverse(on_scale.mean[h] + half, lambda);
            assert!((band.lower[h] - low).abs() < 1e-9 && (band.upper[h] - high).abs() < 1e-9);
            assert!(band.lower[h] < fit.mean[h] && fit.mean[h] < band.upper[h]);
        }
        // The backtest reports its coverage like any other model's.
        let score = backtest(&y, Model::EtsBoxCox, &Protocol::new(4, 4)).unwrap();
        assert_eq!(score.coverage.len(), 2);
        assert!(score.mase.is_finite());
    }
}
