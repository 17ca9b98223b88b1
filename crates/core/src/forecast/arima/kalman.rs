//! The exact Gaussian likelihood of an ARIMA model by a Kalman filter on its state-space
//! form, and forecasts with their error variance from the same filter.
//!
//! The state follows Gardner, Harvey & Phillips (1980) and Durbin & Koopman (2012, §3.4),
//! as R's `arima` (and statsforecast's port of it) lays it out: `r = max(p, q + 1)` ARMA
//! states, whose transition has the AR coefficients in its first column and ones above the
//! diagonal, followed by the `d + m D` last undifferenced values. The ARMA block starts at
//! its stationary covariance (the solution of `P = T P T' + R R'`); the differencing states
//! get a large variance `κ = 10⁶` (an approximately diffuse start), and the innovations
//! whose variance is still above 10⁴ are left out of the likelihood, as in R.
//!
//! The innovation variance σ² is concentrated out: with unit-variance disturbances the
//! filter returns the sum of squared standardised innovations and the sum of the logs of
//! their variances, from which [`Likelihood::objective`] is the profile negative
//! log-likelihood per used observation.

/// The approximately diffuse variance of the differencing states.
const KAPPA: f64 = 1e6;
/// Up to this many ARMA states the stationary covariance is solved directly.
const DIRECT_SOLVE_STATES: usize = 16;
/// Innovations with a variance above this count as still diffuse.
const DIFFUSE_GAIN: f64 = 1e4;

/// An ARIMA model in state-space form, with unit-variance disturbances.
#[derive(Debug, Clone, PartialEq)]
pub struct StateSpace {
    /// Expanded AR coefficients (seasonal factors multiplied out).
    phi: Vec<f64>,
    /// Expanded MA coefficients, padded with zeros to `r - 1`.
    theta: Vec<f64>,
    /// Differencing coefficients `δ`.
    delta: Vec<f64>,
    /// Number of ARMA states.
    r: usize,
}

/// What one pass of the filter gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Likelihood {
    /// Sum of squared standardised innovations `Σ v² / F` over the used observations.
    pub ssq: f64,
    /// Sum of `ln F` over the used observations.
    pub sumlog: f64,
    /// Observations used (those whose innovation variance was below 10⁴).
    pub used: usize,
    /// Standardised innovation `v / √F` of every observation.
    pub residuals: Vec<f64>,
    /// Innovation `v` (observation minus one-step prediction) of every observation, and
    /// whether it counted (its variance below 10⁴).
    pub innovations: Vec<(f64, bool)>,
    /// Filtered state after the last observation.
    pub state: Vec<f64>,
    /// Its covariance (row-major, `rd × rd`), in units of σ².
    pub covariance: Vec<f64>,
}

impl Likelihood {
    /// `½ (ln(ssq / used) + sumlog / used)`: the negative log-likelihood per used
    /// observation with σ² concentrated out, constants left aside. `None` when nothing was
    /// used or the sum of squares is not positive.
    pub fn objective(&self) -> Option<f64> {
        if self.used == 0 || self.ssq.is_nan() || self.ssq <= 0.0 {
            return None;
        }
        let used = self.used as f64;
        let value = 0.5 * ((self.ssq / used).ln() + self.sumlog / used);
        value.is_finite().then_some(value)
    }
}

impl StateSpace {
    /// The model with expanded AR coefficients `phi`, MA coefficients `theta` and
    /// differencing coefficients `delta`.
    pub fn new(phi: &[f64], theta: &[f64], delta: &[f64]) -> StateSpace {
        let r = phi.len().max(theta.len() + 1);
        let mut padded = theta.to_vec();
        padded.resize(r - 1, 0.0);
        StateSpace {
            phi: phi.to_vec(),
            theta: padded,
            delta: delta.to_vec(),
            r,
        }
    }

    /// Number of states, `r + d + m D`.
    fn dim(&self) -> usize {
        self.r + self.delta.len()
    }

    /// `T x`: the ARMA block shifts up and adds `φ x₀`; the first differencing state becomes
    /// the observation `x₀ + Σ δ_i x_{r+i}`, the others shift down.
    fn transition(&self, x: &[f64], out: &mut [f64]) {
        let r = self.r;
        for i in 0..r {
            let next = if i + 1 < r { x[i + 1] } else { 0.0 };
            let ar = self.phi.get(i).map_or(0.0, |c| c * x[0]);
            out[i] = next + ar;
        }
        let d = self.delta.len();
        if d > 0 {
            out[r] = self.observe(x);
            for i in 1..d {
                out[r + i] = x[r + i - 1];
            }
        }
    }

    /// `Z x = x₀ + Σ δ_i x_{r+i}`.
    fn observe(&self, x: &[f64]) -> f64 {
        x[0] + self
            .delta
            .iter()
            .enumerate()
            .map(|(i, d)| d * x[self.r + i])
            .sum::<f64>()
    }

    /// The disturbance loading `R = (1, θ₁, …, θ_{r-1}, 0, …)`.
    fn loading(&self, i: usize) -> f64 {
        match i {
            0 => 1.0,
            i if i < self.r => self.theta[i - 1],
            _ => 0.0,
        }
    }

    /// `T P T' + R R'` for a symmetric row-major `P`.
    fn predict_covariance(&self, p: &[f64], out: &mut [f64]) {
        let n = self.dim();
        // First T P (column by column: T applied to each column of P), then (T P) T'
        // (T applied to each row of T P).
        let mut tp = vec![0.0; n * n];
        let mut column = vec![0.0; n];
        let mut image = vec![0.0; n];
        for j in 0..n {
            for i in 0..n {
                column[i] = p[i * n + j];
            }
            self.transition(&column, &mut image);
            for i in 0..n {
                tp[i * n + j] = image[i];
            }
        }
        for i in 0..n {
            self.transition(&tp[i * n..(i + 1) * n], &mut image);
            for j in 0..n {
                out[i * n + j] = image[j] + self.loading(i) * self.loading(j);
            }
        }
    }

    /// The stationary covariance of the ARMA states: `P = T P T' + R R'` solved as a linear
    /// system in the upper triangle of `P` (Gardner et al. 1980 solve the same equations).
    /// `None` when the system is singular (a unit root).
    pub fn stationary_covariance(&self) -> Option<Vec<f64>> {
        let r = self.r;
        if self.phi.iter().all(|c| *c == 0.0) {
            // Pure moving average: P_ij = Σ_k R_{i+k} R_{j+k}, exactly.
            let mut p = vec![0.0; r * r];
            for i in 0..r {
                for j in 0..r {
                    p[i * r + j] = (0..r - i.max(j))
                        .map(|k| self.loading(i + k) * self.loading(j + k))
                        .sum();
                }
            }
            return Some(p);
        }
        if r > DIRECT_SOLVE_STATES {
            return self.stationary_covariance_by_doubling();
        }
        // Unknowns: P_ij for i <= j. Row (i, j) of the system reads
        // P_ij - (T P T')_ij = R_i R_j, with (T P T')_ij = Σ_kl T_ik T_jl P_kl.
        let index = |i: usize, j: usize| {
            let (a, b) = if i <= j { (i, j) } else { (j, i) };
            a * r - a * (a + 1) / 2 + b
        };
        let m = r * (r + 1) / 2;
        let mut a = vec![0.0; m * m];
        let mut rhs = vec![0.0; m];
        // T restricted to the ARMA block: T_k0 = φ_k, T_k,k+1 = 1.
        let row_of_t = |i: usize| -> Vec<(usize, f64)> {
            let mut entries = Vec::with_capacity(2);
            if let Some(c) = self.phi.get(i) {
                entries.push((0, *c));
            }
            if i + 1 < r {
                entries.push((i + 1, 1.0));
            }
            entries
        };
        for i in 0..r {
            for j in i..r {
                let row = index(i, j);
                a[row * m + row] += 1.0;
                for (k, tik) in row_of_t(i) {
                    for (l, tjl) in row_of_t(j) {
                        a[row * m + index(k, l)] -= tik * tjl;
                    }
                }
                rhs[row] = self.loading(i) * self.loading(j);
            }
        }
        let solution = solve(&mut a, &mut rhs, m)?;
        let mut p = vec![0.0; r * r];
        for i in 0..r {
            for j in 0..r {
                p[i * r + j] = solution[index(i, j)];
            }
        }
        Some(p)
    }

    /// The stationary covariance as the sum `Σ_k T^k R R' T'^k`, by doubling: `P ← P + A P
    /// A'`, `A ← A²` from `P = R R'`, `A = T` (Anderson & Moore 1979, §6.4). Its cost grows as
    /// `r³` per doubling instead of `r⁶` for the linear system, which matters for seasonal
    /// AR parts of long seasons. `None` when the sum does not converge (a unit root).
    fn stationary_covariance_by_doubling(&self) -> Option<Vec<f64>> {
        let r = self.r;
        let mut a = vec![0.0; r * r];
        for i in 0..r {
            if let Some(c) = self.phi.get(i) {
                a[i * r] = *c;
            }
            if i + 1 < r {
                a[i * r + i + 1] = 1.0;
            }
        }
        let mut p: Vec<f64> = (0..r * r)
            .map(|k| self.loading(k / r) * self.loading(k % r))
            .collect();
        let multiply = |x: &[f64], y: &[f64], transpose_y: bool| -> Vec<f64> {
            let mut out = vec![0.0; r * r];
            for i in 0..r {
                for k in 0..r {
                    let xik = x[i * r + k];
                    if xik == 0.0 {
                        continue;
                    }
                    for j in 0..r {
                        let ykj = if transpose_y {
                            y[j * r + k]
                        } else {
                            y[k * r + j]
                        };
                        out[i * r + j] += xik * ykj;
                    }
                }
            }
            out
        };
        for _ in 0..80 {
            let ap = multiply(&a, &p, false);
            let apa = multiply(&ap, &a, true);
            let scale = p.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            let change = apa.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            for (x, y) in p.iter_mut().zip(&apa) {
                *x += y;
            }
            if !change.is_finite() {
                return None;
            }
            if change <= 1e-16 * scale {
                return Some(p);
            }
            a = multiply(&a, &a, false);
        }
        None
    }

    /// Runs the filter over `y` (already net of any regression term). `None` when the
    /// stationary covariance cannot be found.
    pub fn filter(&self, y: &[f64]) -> Option<Likelihood> {
        let n = self.dim();
        let r = self.r;
        let q0 = self.stationary_covariance()?;
        let mut p = vec![0.0; n * n];
        for i in 0..r {
            p[i * n..i * n + r].copy_from_slice(&q0[i * r..(i + 1) * r]);
        }
        for i in r..n {
            p[i * n + i] = KAPPA;
        }
        let mut a = vec![0.0; n];
        let mut predicted = vec![0.0; n];
        let mut next_p = vec![0.0; n * n];
        let mut gain_vector = vec![0.0; n];
        let mut out = Likelihood {
            ssq: 0.0,
            sumlog: 0.0,
            used: 0,
            residuals: Vec::with_capacity(y.len()),
            innovations: Vec::with_capacity(y.len()),
            state: Vec::new(),
            covariance: Vec::new(),
        };
        for (t, value) in y.iter().enumerate() {
            if t > 0 {
                self.transition(&a, &mut predicted);
                a.copy_from_slice(&predicted);
                self.predict_covariance(&p, &mut next_p);
                std::mem::swap(&mut p, &mut next_p);
            }
            // M = P Z', F = Z P Z'.
            for (i, g) in gain_vector.iter_mut().enumerate() {
                *g = self.observe(&p[i * n..(i + 1) * n]);
            }
            let f = self.observe(&gain_vector);
            let v = value - self.observe(&a);
            if f.is_nan() || f <= 0.0 || !f.is_finite() {
                return None;
            }
            if f < DIFFUSE_GAIN {
                out.used += 1;
                out.ssq += v * v / f;
                out.sumlog += f.ln();
            }
            out.residuals.push(v / f.sqrt());
            out.innovations.push((v, f < DIFFUSE_GAIN));
            for i in 0..n {
                a[i] += gain_vector[i] * v / f;
            }
            for i in 0..n {
                for j in 0..n {
                    p[i * n + j] -= gain_vector[i] * gain_vector[j] / f;
                }
            }
        }
        out.state = a;
        out.covariance = p;
        Some(out)
    }

    /// Forecasts `h` steps from a filtered state and covariance: the point forecasts (net
    /// of any regression term) and their error variances in units of σ².
    pub fn forecast(&self, state: &[f64], covariance: &[f64], h: usize) -> (Vec<f64>, Vec<f64>) {
        let n = self.dim();
        let mut a = state.to_vec();
        let mut p = covariance.to_vec();
        let mut next_a = vec![0.0; n];
        let mut next_p = vec![0.0; n * n];
        let mut gain_vector = vec![0.0; n];
        let mut mean = Vec::with_capacity(h);
        let mut variance = Vec::with_capacity(h);
        for _ in 0..h {
            self.transition(&a, &mut next_a);
            std::mem::swap(&mut a, &mut next_a);
            self.predict_covariance(&p, &mut next_p);
            std::mem::swap(&mut p, &mut next_p);
            mean.push(self.observe(&a));
            for (i, g) in gain_vector.iter_mut().enumerate() {
                *g = self.observe(&p[i * n..(i + 1) * n]);
            }
            variance.push(self.observe(&gain_vector));
        }
        (mean, variance)
    }
}

/// Solves `A x = b` (row-major `m × m`) by Gaussian elimination with partial pivoting.
/// `None` when a pivot vanishes.
fn solve(a: &mut [f64], b: &mut [f64], m: usize) -> Option<Vec<f64>> {
    for col in 0..m {
        let pivot =
            (col..m).max_by(|&x, &y| a[x * m + col].abs().total_cmp(&a[y * m + col].abs()))?;
        let size = a[pivot * m + col].abs();
        if size.is_nan() || size <= 1e-300 {
            return None;
        }
        if pivot != col {
            for k in 0..m {
                a.swap(col * m + k, pivot * m + k);
            }
            b.swap(col, pivot);
        }
        let diagonal = a[col * m + col];
        for row in col + 1..m {
            let factor = a[row * m + col] / diagonal;
            if factor == 0.0 {
                continue;
            }
            for k in col..m {
                a[row * m + k] -= factor * a[col * m + k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; m];
    for row in (0..m).rev() {
        let tail: f64 = (row + 1..m).map(|k| a[row * m + k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row * m + row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ar1_stationary_variance_is_one_over_one_minus_phi_squared() {
        let model = StateSpace::new(&[0.6], &[], &[]);
        let p = model.stationary_covariance().unwrap();
        assert!((p[0] - 1.0 / (1.0 - 0.36)).abs() < 1e-12, "{p:?}");
    }

    #[test]
    fn arma11_stationary_covariance_solves_the_lyapunov_equation() {
        let model = StateSpace::new(&[0.7, -0.2], &[0.4, 0.1], &[]);
        let p = model.stationary_covariance().unwrap();
        let mut again = vec![0.0; p.len()];
        model.predict_covariance(&p, &mut again);
        for (a, b) in p.iter().zip(&again) {
            assert!((a - b).abs() < 1e-12, "{p:?} vs {again:?}");
        }
        // The first state is the process itself: for ARMA(1,1)-like checks, its variance is
        // positive.
        assert!(p[0] > 1.0);
    }

    #[test]
    fn doubling_agrees_with_the_direct_solve() {
        // A seasonal ARMA(1,1)(1,0)_12 expanded: r = 13 states.
        let mut phi = vec![0.0; 13];
        phi[0] = 0.5;
        phi[11] = 0.6;
        phi[12] = -0.3;
        let model = StateSpace::new(&phi, &[0.4], &[]);
        let direct = model.stationary_covariance().unwrap();
        let doubled = model.stationary_covariance_by_doubling().unwrap();
        let scale = direct.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        for (a, b) in direct.iter().zip(&doubled) {
            assert!((a - b).abs() < 1e-12 * scale, "{a} vs {b}");
        }
        assert!(StateSpace::new(&[1.0], &[], &[])
            .stationary_covariance_by_doubling()
            .is_none());
    }

    #[test]
    fn a_random_walk_forecast_variance_grows_by_one_per_step() {
        let model = StateSpace::new(&[], &[], &[1.0]);
        let y = [1.0, 2.0, 1.5, 3.0];
        let like = model.filter(&y).unwrap();
        // The first value only sets the level: three innovations are used.
        assert_eq!(like.used, 3);
        let (mean, variance) = model.forecast(&like.state, &like.covariance, 3);
        for (k, (m, v)) in mean.iter().zip(&variance).enumerate() {
            assert!((m - 3.0).abs() < 1e-6, "{mean:?}");
            assert!((v - (k + 1) as f64).abs() < 1e-6, "{variance:?}");
        }
    }
}
