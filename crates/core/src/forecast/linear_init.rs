//! Optimal initial states of the linear (additive) smoothing models by least squares.
//!
//! For additive error, trend and season the one-step errors are linear in the initial state
//! `x0` for fixed smoothing parameters: `e = e(0) - F x0`, where `e(0)` are the errors of a
//! run started from zero and column `i` of `F` the predictions of a run on an all-zero series
//! started from the unit state `i` (Hyndman et al. 2008, §5.2, "concentrated" likelihood).
//! So the best `x0` solves a small least-squares problem, and the search only has to move
//! the smoothing parameters, a handful of dimensions even with 52 weekly seasonal states
//! (which AutoETS estimates as free parameters too). The seasonal states are constrained to
//! sum to zero: shifting all of them against the level gives the same forecasts.

use super::recursion::{run, Form, Initial, Season, Smoothing, Trend};

/// The initial states minimising the in-sample sum of squared one-step errors for given
/// parameters, with that sum; `None` for multiplicative seasonality or a singular problem.
pub fn best_initial(y: &[f64], form: Form, m: usize, p: Smoothing) -> Option<(f64, Initial)> {
    if form.season == Season::Multiplicative {
        return None;
    }
    let has_trend = form.trend != Trend::None;
    let m = if form.season == Season::None { 0 } else { m };
    let zero = Initial {
        level: 0.0,
        trend: 0.0,
        season: vec![0.0; m],
    };
    let base: Vec<f64> = run(y, form, p, &zero, 0)
        .fitted
        .iter()
        .zip(y)
        .map(|(f, v)| v - f)
        .collect();
    let silent = vec![0.0; y.len()];
    let column = |init: &Initial| run(&silent, form, p, init, 0).fitted;
    // Free states: level, [trend], seasons 0..m-1 (the last season is minus their sum).
    let mut columns = vec![column(&Initial {
        level: 1.0,
        ..zero.clone()
    })];
    if has_trend {
        columns.push(column(&Initial {
            trend: 1.0,
            ..zero.clone()
        }));
    }
    if m > 1 {
        let mut last_unit = zero.clone();
        last_unit.season[m - 1] = 1.0;
        let last = column(&last_unit);
        for j in 0..m - 1 {
            let mut unit = zero.clone();
            unit.season[j] = 1.0;
            let c = column(&unit);
            columns.push(c.iter().zip(&last).map(|(a, b)| a - b).collect());
        }
    }
    let q = columns.len();
    // Normal equations F'F x = F'e(0), solved by Cholesky with a whisper of ridge so that
    // nearly collinear states (a level and a very flat trend) stay solvable.
    let mut a = vec![0.0; q * q];
    let mut rhs = vec![0.0; q];
    for i in 0..q {
        for j in 0..=i {
            let dot: f64 = columns[i].iter().zip(&columns[j]).map(|(x, z)| x * z).sum();
            a[i * q + j] = dot;
            a[j * q + i] = dot;
        }
        rhs[i] = columns[i].iter().zip(&base).map(|(x, e)| x * e).sum();
    }
    let ridge = 1e-12 * (0..q).map(|i| a[i * q + i]).fold(0.0, f64::max);
    for i in 0..q {
        a[i * q + i] += ridge;
    }
    let x = cholesky_solve(&mut a, &rhs, q)?;
    let mut init = zero;
    init.level = x[0];
    let mut k = 1;
    if has_trend {
        init.trend = x[1];
        k = 2;
    }
    if m > 1 {
        let mut sum = 0.0;
        for j in 0..m - 1 {
            init.season[j] = x[k + j];
            sum += x[k + j];
        }
        init.season[m - 1] = -sum;
    }
    let sse = run(y, form, p, &init, 0).sse;
    sse.is_finite().then_some((sse, init))
}

/// Solves `A x = b` for symmetric positive definite `A` (row-major, overwritten).
fn cholesky_solve(a: &mut [f64], b: &[f64], q: usize) -> Option<Vec<f64>> {
    for j in 0..q {
        let mut d = a[j * q + j];
        for k in 0..j {
            d -= a[j * q + k] * a[j * q + k];
        }
        if d <= 0.0 || !d.is_finite() {
            return None;
        }
        let d = d.sqrt();
        a[j * q + j] = d;
        for i in j + 1..q {
            let mut s = a[i * q + j];
            for k in 0..j {
                s -= a[i * q + k] * a[j * q + k];
            }
            a[i * q + j] = s / d;
        }
    }
    let mut z = b.to_vec();
    for i in 0..q {
        for k in 0..i {
            z[i] -= a[i * q + k] * z[k];
        }
        z[i] /= a[i * q + i];
    }
    for i in (0..q).rev() {
        for k in i + 1..q {
            z[i] -= a[k * q + i] * z[k];
        }
        z[i] /= a[i * q + i];
    }
    Some(z)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_the_states_that_generated_a_series() {
        // A series produced by the model itself from known states, with noise-free updates
        // (errors are zero, so the states never move from their line and season).
        let season = vec![3.0, -1.0, 0.5, -2.5];
        let y: Vec<f64> = (0..20)
            .map(|t| 10.0 + 2.0 * (t as f64 + 1.0) + season[t % 4])
            .collect();
        let p = Smoothing {
            alpha: 0.3,
            beta: 0.1,
            gamma: 0.2,
            phi: 1.0,
        };
        let (sse, init) = best_initial(&y, Form::HW_ADDITIVE, 4, p).unwrap();
        assert!(sse < 1e-12, "{sse}");
        assert!((init.level - 10.0).abs() < 1e-6 && (init.trend - 2.0).abs() < 1e-6);
        for (a, b) in init.season.iter().zip(&season) {
            assert!((a - b).abs() < 1e-6);
        }
    }
}
