//! Intermittent demand: Croston's method (Croston 1972) and TSB (Teunter, Syntetos & Babai
//! 2011), as statsforecast's `CrostonClassic` and `TSB` define them.
//!
//! Croston smooths the non-zero demand sizes and the intervals between them separately
//! (both by simple exponential smoothing started at their first value) and forecasts
//! size / interval. TSB smooths the sizes and, every period, the probability that demand
//! occurs, and forecasts probability × size: unlike Croston it decays towards zero when
//! demand stops. Intervals use the SES error variance with the demand smoothing constant.

use super::fitted::{Param, SeriesFit};
use super::optim::{Bounds, NelderMead};
use crate::{Allowed, Counted, Error, Result};

fn check_demand(y: &[f64]) -> Result<()> {
    if y.is_empty() {
        return Err(Error::not_enough(Counted::Observations, 1, 0));
    }
    if let Some(i) = y.iter().position(|v| *v < 0.0) {
        return Err(Error::invalid_parameter(
            crate::Subject::SeriesValue(i + 1),
            y[i],
            Allowed::NonNegative,
        ));
    }
    Ok(())
}

fn ses_factors(alpha: f64, horizon: usize) -> Vec<f64> {
    (0..horizon)
        .map(|j| 1.0 + j as f64 * alpha * alpha)
        .collect()
}

/// Croston's method with smoothing constant `alpha` for sizes and intervals.
pub fn croston(y: &[f64], alpha: f64, horizon: usize) -> Result<SeriesFit> {
    check_demand(y)?;
    if !(alpha > 0.0 && alpha <= 1.0) {
        return Err(Error::invalid_parameter("alpha", alpha, Allowed::UpToOne));
    }
    let mut size: Option<f64> = None;
    let mut interval = 0.0;
    let mut since_last = 0.0;
    let mut fitted = Vec::with_capacity(y.len());
    for &v in y {
        fitted.push(size.map(|z| z / interval));
        since_last += 1.0;
        if v > 0.0 {
            match size {
                None => {
                    size = Some(v);
                    interval = since_last;
                }
                Some(z) => {
                    size = Some(alpha * v + (1.0 - alpha) * z);
                    interval = alpha * since_last + (1.0 - alpha) * interval;
                }
            }
            since_last = 0.0;
        }
    }
    // No demand at all: forecast zero (statsforecast falls back to the naive forecast, which
    // is the same thing for an all-zero series).
    let level = size.map_or(0.0, |z| z / interval);
    Ok(SeriesFit::from_parts(
        y,
        fitted,
        vec![level; horizon],
        ses_factors(alpha, horizon),
        vec![Param::new("alpha", alpha)],
        0,
    ))
}

/// TSB with smoothing constants `alpha_d` (sizes) and `alpha_p` (probability of demand).
pub fn tsb(y: &[f64], alpha_d: f64, alpha_p: f64, horizon: usize) -> Result<SeriesFit> {
    check_demand(y)?;
    for (name, value) in [("alpha_d", alpha_d), ("alpha_p", alpha_p)] {
        if !(value > 0.0 && value <= 1.0) {
            return Err(Error::invalid_parameter(name, value, Allowed::UpToOne));
        }
    }
    let (fitted, level) = tsb_run(y, alpha_d, alpha_p);
    Ok(SeriesFit::from_parts(
        y,
        fitted,
        vec![level; horizon],
        ses_factors(alpha_d.max(alpha_p), horizon),
        vec![
            Param::new("alpha_d", alpha_d),
            Param::new("alpha_p", alpha_p),
        ],
        2,
    ))
}

fn tsb_run(y: &[f64], alpha_d: f64, alpha_p: f64) -> (Vec<Option<f64>>, f64) {
    let mut size: Option<f64> = None;
    let mut probability = if y[0] > 0.0 { 1.0 } else { 0.0 };
    let mut fitted = Vec::with_capacity(y.len());
    for (t, &v) in y.iter().enumerate() {
        fitted.push(size.map(|z| z * probability));
        let occurred = if v > 0.0 { 1.0 } else { 0.0 };
        if t > 0 {
            probability = alpha_p * occurred + (1.0 - alpha_p) * probability;
        }
        if v > 0.0 {
            size = Some(size.map_or(v, |z| alpha_d * v + (1.0 - alpha_d) * z));
        }
    }
    let level = size.map_or(0.0, |z| z * probability);
    (fitted, level)
}

/// TSB with both constants chosen in `[0.01, 0.99]` by minimising the in-sample squared
/// one-step error.
pub fn tsb_fitted(y: &[f64], horizon: usize) -> Result<SeriesFit> {
    check_demand(y)?;
    let mut objective = |x: &[f64]| {
        let (fitted, _) = tsb_run(y, x[0], x[1]);
        y.iter()
            .zip(&fitted)
            .filter_map(|(v, f)| f.map(|f| (v - f) * (v - f)))
            .sum::<f64>()
    };
    let bounds = Bounds {
        lower: vec![0.01, 0.01],
        upper: vec![0.99, 0.99],
    };
    let (best, _) =
        NelderMead::default().minimize(&mut objective, &[0.1, 0.1], &[0.1, 0.1], &bounds);
    tsb(y, best[0], best[1], horizon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn croston_divides_smoothed_size_by_smoothed_interval() {
        // Demands 4 at t=1 (interval 2) and 6 at t=4 (interval 3), alpha 0.5:
        // size 5, interval 2.5, forecast 2.
        let y = [0.0, 4.0, 0.0, 0.0, 6.0, 0.0];
        let f = croston(&y, 0.5, 2).unwrap();
        assert!((f.mean[0] - 2.0).abs() < 1e-12, "{:?}", f.mean);
        assert_eq!(f.fitted[0], None);
        assert_eq!(f.fitted[2], Some(2.0));
    }

    #[test]
    fn all_zero_demand_forecasts_zero() {
        let y = [0.0; 5];
        assert_eq!(croston(&y, 0.1, 2).unwrap().mean, vec![0.0, 0.0]);
        assert_eq!(tsb(&y, 0.1, 0.1, 2).unwrap().mean, vec![0.0, 0.0]);
    }

    #[test]
    fn bad_parameters_and_negative_demand_are_errors() {
        assert!(croston(&[1.0], 0.0, 1).is_err());
        assert!(tsb(&[1.0], 0.5, 1.5, 1).is_err());
        assert!(croston(&[1.0, -2.0], 0.1, 1).is_err());
    }
}
