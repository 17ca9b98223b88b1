//! The earlier least-squares ETS (kept for comparison; [`super::Model::Ets`] now runs the
//! maximum-likelihood state-space family of [`super::state_space`]).
//!
//! Exponential smoothing with its form chosen automatically by AICc, in the spirit of
//! `AutoETS` (statsforecast) and `forecast::ets` (R): every admissible form is fitted and the
//! one with the smallest corrected Akaike criterion wins.
//!
//! Each form is fitted by least squares (see [`super::smoothing`]), so the Gaussian
//! log-likelihood is `-n/2 · ln(SSE/n)` up to a constant; the parameter count includes the
//! initial states and the error variance. Forms whose count leaves no degrees of freedom
//! (`n - k - 1 ≤ 0`) are not admissible, which rules out seasonal forms on short series as
//! AutoETS does.

use super::fitted::{Model, SeriesFit};
use super::smoothing::{self, Form};
use crate::{Counted, Error, Result};

/// The forms considered, with the model each corresponds to.
pub const CANDIDATES: [(Form, Model); 5] = [
    (Form::SES, Model::Ses),
    (Form::HOLT, Model::Holt),
    (Form::DAMPED, Model::DampedHolt),
    (Form::HW_ADDITIVE, Model::HoltWintersAdditive),
    (Form::HW_MULTIPLICATIVE, Model::HoltWintersMultiplicative),
];

/// The corrected Akaike criterion of a least-squares fit with `k` estimated values on `n`
/// observations, or `None` when there are too few observations.
pub fn aicc(sse: f64, n: usize, k: usize) -> Option<f64> {
    if n <= k + 1 || sse.is_nan() {
        return None;
    }
    let (n, k) = (n as f64, k as f64);
    // A perfect fit would give ln(0); floor the variance so it still ranks first.
    let variance = (sse / n).max(1e-300);
    Some(n * variance.ln() + 2.0 * k + 2.0 * k * (k + 1.0) / (n - k - 1.0))
}

/// Fits every admissible form and returns the one with the smallest AICc.
pub fn fit(y: &[f64], season: usize, horizon: usize) -> Result<SeriesFit> {
    let mut best: Option<(f64, SeriesFit, Model)> = None;
    for (form, model) in CANDIDATES {
        let seasonal = form != Form::SES && form != Form::HOLT && form != Form::DAMPED;
        if seasonal && season < 2 {
            continue;
        }
        let Ok(f) = smoothing::fit(y, form, season, horizon) else {
            continue;
        };
        let Some(score) = aicc(f.sse, y.len(), f.n_estimated + 1) else {
            continue;
        };
        if best.as_ref().is_none_or(|(s, _, _)| score < *s) {
            best = Some((score, f, model));
        }
    }
    match best {
        Some((_, mut f, model)) => {
            f.selected = Some(model);
            Ok(f)
        }
        None => Err(Error::not_enough(Counted::Observations, 3, y.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aicc_penalises_parameters_and_refuses_too_few_points() {
        let a = aicc(100.0, 20, 2).unwrap();
        let b = aicc(100.0, 20, 4).unwrap();
        assert!(b > a);
        assert_eq!(aicc(1.0, 5, 4), None);
    }

    #[test]
    fn picks_a_trend_for_a_trending_series() {
        let y: Vec<f64> = (0..30)
            .map(|t| 5.0 + 3.0 * t as f64 + if t % 2 == 0 { 0.5 } else { -0.5 })
            .collect();
        let f = fit(&y, 1, 2).unwrap();
        assert!(matches!(
            f.selected,
            Some(Model::Holt) | Some(Model::DampedHolt)
        ));
    }
}
