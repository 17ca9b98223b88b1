//! A quasi-Newton (BFGS) minimiser with central-difference gradients and a backtracking
//! line search, for the smooth, few-parameter objectives of ARIMA fitting.
//!
//! Follows Nocedal & Wright, *Numerical Optimization* (2006), algorithm 6.1: the inverse
//! Hessian approximation `H` starts at the identity and takes the BFGS update after every
//! step whose curvature `s'y` is positive; the step length is halved from 1 until the
//! Armijo condition holds. When no step along `-H g` decreases the objective, `H` is reset
//! to the identity once before the search stops. The tolerances are tight (gradient below
//! 1e-10 in the sup norm by default) because the fit is compared with statsforecast's to
//! 1e-4 and the likelihood is flat in some directions.
//!
//! The minimiser *steps* like [`crate::forecast::optim::NelderMead`]: [`Bfgs::init`] builds
//! a [`BfgsState`], [`Bfgs::next_iter`] performs one iteration and [`Bfgs::minimize`] runs
//! the loop. The objective returns `None` (or a non-finite value) where it is undefined;
//! such points count as infinitely bad.

/// Settings of the search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bfgs {
    /// Maximum number of iterations (default 500).
    pub max_iters: usize,
    /// Stop when every gradient component is below this in absolute value (default 1e-10).
    pub gradient_tolerance: f64,
    /// Step of the central differences, relative to `max(|x_i|, 1)` (default 1e-5).
    pub difference_step: f64,
}

impl Default for Bfgs {
    fn default() -> Bfgs {
        Bfgs {
            max_iters: 500,
            gradient_tolerance: 1e-10,
            difference_step: 1e-5,
        }
    }
}

/// The state between iterations.
#[derive(Debug, Clone, PartialEq)]
pub struct BfgsState {
    /// The current point.
    pub x: Vec<f64>,
    /// The objective there.
    pub value: f64,
    /// The gradient there.
    pub gradient: Vec<f64>,
    /// Inverse Hessian approximation (row-major).
    inverse_hessian: Vec<f64>,
    /// Iterations done.
    pub iter: usize,
    /// Whether the search has stopped (gradient small or no further decrease).
    pub converged: bool,
}

fn evaluate(f: &mut dyn FnMut(&[f64]) -> Option<f64>, x: &[f64]) -> f64 {
    match f(x) {
        Some(v) if v.is_finite() => v,
        _ => f64::INFINITY,
    }
}

fn identity(n: usize) -> Vec<f64> {
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        m[i * n + i] = 1.0;
    }
    m
}

impl Bfgs {
    /// Central-difference gradient; a one-sided difference where one side is undefined.
    fn gradient(
        &self,
        f: &mut dyn FnMut(&[f64]) -> Option<f64>,
        x: &[f64],
        value: f64,
    ) -> Vec<f64> {
        let mut point = x.to_vec();
        (0..x.len())
            .map(|i| {
                let h = self.difference_step * x[i].abs().max(1.0);
                point[i] = x[i] + h;
                let up = evaluate(f, &point);
                point[i] = x[i] - h;
                let down = evaluate(f, &point);
                point[i] = x[i];
                match (up.is_finite(), down.is_finite()) {
                    (true, true) => (up - down) / (2.0 * h),
                    (true, false) => (up - value) / h,
                    (false, true) => (value - down) / h,
                    (false, false) => 0.0,
                }
            })
            .collect()
    }

    /// The state at `x0`; `None` when the objective is undefined there.
    pub fn init(&self, f: &mut dyn FnMut(&[f64]) -> Option<f64>, x0: &[f64]) -> Option<BfgsState> {
        let value = evaluate(f, x0);
        if !value.is_finite() {
            return None;
        }
        let gradient = self.gradient(f, x0, value);
        let converged = gradient.iter().all(|g| g.abs() < self.gradient_tolerance);
        Some(BfgsState {
            x: x0.to_vec(),
            value,
            gradient,
            inverse_hessian: identity(x0.len()),
            iter: 0,
            converged,
        })
    }

    /// One iteration: direction `-H g`, backtracking line search, BFGS update.
    pub fn next_iter(&self, f: &mut dyn FnMut(&[f64]) -> Option<f64>, state: &mut BfgsState) {
        let n = state.x.len();
        state.iter += 1;
        let mut reset = false;
        loop {
            let h = &state.inverse_hessian;
            let direction: Vec<f64> = (0..n)
                .map(|i| {
                    -(0..n)
                        .map(|j| h[i * n + j] * state.gradient[j])
                        .sum::<f64>()
                })
                .collect();
            let slope: f64 = direction
                .iter()
                .zip(&state.gradient)
                .map(|(d, g)| d * g)
                .sum();
            let mut accepted = None;
            if slope < 0.0 {
                let mut step = 1.0;
                for _ in 0..60 {
                    let trial: Vec<f64> = state
                        .x
                        .iter()
                        .zip(&direction)
                        .map(|(x, d)| x + step * d)
                        .collect();
                    let value = evaluate(f, &trial);
                    if value <= state.value + 1e-4 * step * slope {
                        accepted = Some((trial, value));
                        break;
                    }
                    step *= 0.5;
                }
            }
            match accepted {
                Some((trial, value)) => {
                    let gradient = self.gradient(f, &trial, value);
                    let s: Vec<f64> = trial.iter().zip(&state.x).map(|(a, b)| a - b).collect();
                    let y: Vec<f64> = gradient
                        .iter()
                        .zip(&state.gradient)
                        .map(|(a, b)| a - b)
                        .collect();
                    self.update(&mut state.inverse_hessian, &s, &y);
                    let moved = s
                        .iter()
                        .zip(&trial)
                        .all(|(d, x)| d.abs() <= 1e-14 * x.abs().max(1.0));
                    state.x = trial;
                    state.value = value;
                    state.gradient = gradient;
                    state.converged = moved
                        || state
                            .gradient
                            .iter()
                            .all(|g| g.abs() < self.gradient_tolerance);
                    return;
                }
                None if !reset => {
                    state.inverse_hessian = identity(n);
                    reset = true;
                }
                None => {
                    state.converged = true;
                    return;
                }
            }
        }
    }

    /// The BFGS update of the inverse Hessian, skipped when the curvature `s'y` is not
    /// positive (it would lose positive definiteness).
    fn update(&self, h: &mut [f64], s: &[f64], y: &[f64]) {
        let n = s.len();
        let sy: f64 = s.iter().zip(y).map(|(a, b)| a * b).sum();
        if sy.is_nan() || sy <= 0.0 || !sy.is_finite() {
            return;
        }
        let rho = 1.0 / sy;
        let hy: Vec<f64> = (0..n)
            .map(|i| (0..n).map(|j| h[i * n + j] * y[j]).sum())
            .collect();
        let yhy: f64 = y.iter().zip(&hy).map(|(a, b)| a * b).sum();
        // H ← H - ρ (H y s' + s y' H) + (ρ² y'Hy + ρ) s s'.
        for i in 0..n {
            for j in 0..n {
                h[i * n + j] +=
                    -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    /// Minimises `f` from `x0`: the best point, its value and whether the search converged
    /// before the iteration cap. `None` when the objective is undefined at `x0`.
    pub fn minimize(
        &self,
        f: &mut dyn FnMut(&[f64]) -> Option<f64>,
        x0: &[f64],
    ) -> Option<(Vec<f64>, f64, bool)> {
        let mut state = self.init(f, x0)?;
        while !state.converged && state.iter < self.max_iters {
            self.next_iter(f, &mut state);
        }
        Some((state.x, state.value, state.converged))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum_accurately() {
        let mut f = |x: &[f64]| Some((1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2));
        let (x, v, converged) = Bfgs::default().minimize(&mut f, &[-1.2, 1.0]).unwrap();
        assert!(converged);
        assert!(
            (x[0] - 1.0).abs() < 1e-7 && (x[1] - 1.0).abs() < 1e-7,
            "{x:?}"
        );
        assert!(v < 1e-14, "{v}");
    }

    #[test]
    fn stays_where_the_objective_is_defined() {
        // Defined only for x > 0; minimum of x - ln x at 1.
        let mut f = |x: &[f64]| (x[0] > 0.0).then(|| x[0] - x[0].ln());
        let (x, _, _) = Bfgs::default().minimize(&mut f, &[5.0]).unwrap();
        assert!((x[0] - 1.0).abs() < 1e-7, "{x:?}");
        assert!(Bfgs::default().minimize(&mut f, &[-1.0]).is_none());
    }
}
