//! Maximum likelihood over positive parameters: Nelder–Mead on their logarithms from
//! several starts, each restarted from its best point until the likelihood stops
//! improving, the best start kept.
//!
//! Working on logarithms keeps every parameter positive without bounds that could trap
//! the search, and the restarts undo the premature collapse of the simplex that a single
//! Nelder–Mead run is known for (the cause of the non-convergence lifetimes users report on
//! large data, where its BFGS stops on a flat, badly scaled surface). The objective is the
//! negative log-likelihood per customer, so tolerances mean the same for 100 customers and
//! for a million. The simplex itself is [`crate::forecast::optim::NelderMead`].

use crate::forecast::optim::{Bounds, NelderMead};
use crate::progress::{Control, Progress, Stage};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Log-parameters stay within ±`LOG_LIMIT` (e^±30 covers any scale a shop's data has).
const LOG_LIMIT: f64 = 30.0;
/// Restarts of one start at most.
const MAX_RESTARTS: usize = 8;
/// Iterations of one simplex run at most.
const MAX_ITERS: usize = 4_000;

/// How a fit went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitReport {
    /// Log-likelihood at the optimum (summed over customers).
    pub log_likelihood: f64,
    /// Simplex iterations over every start and restart.
    pub iterations: usize,
    /// True when the best start's last run met the tolerance and a restart no longer
    /// improved it.
    pub converged: bool,
}

/// Minimises `negative_mean_ll` (negative log-likelihood per customer, a function of the
/// log-parameters) from each start; returns the best parameters (exponentiated) and the
/// report, with the log-likelihood scaled back by `customers`.
pub fn maximize(
    negative_mean_ll: &mut dyn FnMut(&[f64]) -> f64,
    starts: &[Vec<f64>],
    customers: f64,
    stage: Stage,
    progress: &mut dyn Progress,
) -> Result<(Vec<f64>, FitReport)> {
    let dim = starts.first().map_or(0, Vec::len);
    let bounds = Bounds {
        lower: vec![-LOG_LIMIT; dim],
        upper: vec![LOG_LIMIT; dim],
    };
    let simplex = NelderMead {
        max_iters: MAX_ITERS,
        tolerance: 1e-13,
        step_tolerance: 1e-9,
    };
    let steps = vec![0.5; dim];
    let total = (starts.len() * MAX_RESTARTS) as u64;
    let mut best: Option<(Vec<f64>, f64, bool)> = None;
    let mut iterations = 0;
    for (s, start) in starts.iter().enumerate() {
        let mut point = start.clone();
        let mut value = f64::INFINITY;
        let mut converged = false;
        for restart in 0..MAX_RESTARTS {
            let mut state = simplex.init(negative_mean_ll, &point, &steps, &bounds);
            while !state.converged && state.iter < simplex.max_iters {
                simplex.next_iter(negative_mean_ll, &mut state, &bounds);
            }
            iterations += state.iter;
            let (x, v) = state.best();
            let improved = value - v > 1e-12 * (1.0 + v.abs());
            if v < value {
                point = x.to_vec();
                value = v;
            }
            converged = state.converged && !improved;
            let done = (s * MAX_RESTARTS + restart + 1) as u64;
            if progress.report(stage, done, total) == Control::Stop {
                return Err(Error::new(ErrorKind::Cancelled));
            }
            if converged {
                break;
            }
        }
        if best.as_ref().is_none_or(|b| value < b.1) {
            best = Some((point, value, converged));
        }
    }
    let (point, value, converged) = best.filter(|b| b.1.is_finite()).ok_or_else(|| {
        Error::invalid_parameter("starts", starts.len(), crate::Allowed::FiniteLikelihood)
    })?;
    Ok((
        point.iter().map(|v| v.exp()).collect(),
        FitReport {
            log_likelihood: -value * customers,
            iterations,
            converged,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    /// A badly scaled bowl in log space: the minimum at (e², e⁻³) is found to 1e-6.
    #[test]
    fn finds_a_badly_scaled_minimum() {
        let mut f = |p: &[f64]| 1e4 * (p[0] - 2.0).powi(2) + 1e-2 * (p[1] + 3.0).powi(2);
        let (x, report) =
            maximize(&mut f, &[vec![0.0, 0.0]], 10.0, Stage::Fit, &mut Silent).unwrap();
        assert!((x[0].ln() - 2.0).abs() < 1e-6, "{x:?}");
        assert!((x[1].ln() + 3.0).abs() < 1e-4, "{x:?}");
        assert!(report.converged && report.log_likelihood.abs() < 1e-9);
    }

    #[test]
    fn stops_when_told() {
        let mut f = |p: &[f64]| p[0] * p[0];
        let mut stop = |_: crate::progress::Stage, _: u64, _: u64| Control::Stop;
        let err = maximize(&mut f, &[vec![1.0]], 1.0, Stage::Fit, &mut stop).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Cancelled));
    }
}
