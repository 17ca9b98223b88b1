//! The variance of an ETS form's `h`-step forecast error in the series' own units, so that
//! prediction intervals are calibrated for multiplicative errors too. The three classes of
//! Hyndman, Koehler, Ord & Snyder (2005), as in Hyndman et al. (2008, ch. 6), cover every
//! admissible form (additive errors never meet a multiplicative season, see [`Spec::parse`]):
//!
//! - **class 1**, additive errors: `σ² · v_h`, the linear model's factors
//!   ([`EtsFit::variance_factors`]);
//! - **class 2**, multiplicative errors with no season or an additive one:
//!   `V_h = (1 + σ²) θ_h − μ_h²` with `θ_1 = μ_1²` and `θ_h = μ_h² + σ² Σ_{j=1}^{h−1} c_j² θ_{h−j}`,
//!   where `μ_h` is the point forecast and `c_j = α + β φ_j + γ d_j` (`φ_j = φ + … + φʲ`,
//!   `j` without damping; `d_j = 1` when `j` is a whole number of seasons);
//! - **class 3**, multiplicative errors and season: the level-and-trend states `x` and the
//!   seasonal states `s` are multiplied by the same `(1 + ε)` each step, so the matrix
//!   `M = x sᵀ` moves linearly, `vec M_t = (F₂ ⊗ F₁ + ε K + ε² G₂ ⊗ G₁) vec M_{t−1}` with
//!   `K = G₂ ⊗ F₁ + F₂ ⊗ G₁`, and its mean and covariance are carried forward exactly
//!   (normal `ε`, so `E ε⁴ = 3σ⁴`); `y_h = H vec M_{h−1} · (1 + ε)`.
//!
//! Here `σ²` is the variance of the relative errors. The damped trend enters `x`'s update
//! and the forecast as `φ b` (`F₁ = [[1, φ], [0, φ]]`, `G₁ = [[α, αφ], [β, βφ]]`,
//! `H₁ = [1, φ]`). statsforecast 2.1.1 (read, not copied) has two slips this module does not
//! share: its class 2 for MAA multiplies `α β j` where the sum `α + β j` belongs, and its
//! class 3 never moves the mean `M` forward, so its bands for `M·M` forms stay as wide as
//! one step's mean allows. The tests therefore check every form against simulated paths
//! of the model itself, and the forms statsforecast gets right against its bands.
//!
//! The Kronecker products are taken on the crate's own small dense [`Matrix`] (at most
//! 48 × 48: a trend and 24 seasons): these few products do not justify a linear-algebra
//! dependency.

use super::{EtsFit, Kind, Spec};
use crate::learn::Matrix;

/// The variance of each of the next `h` forecast errors, in the series' units.
pub fn forecast_variances(fit: &EtsFit, h: usize) -> Vec<f64> {
    let spec = fit.spec;
    let sigma2 = fit.sigma2;
    match (spec.error, spec.season) {
        (Kind::Multiplicative, Kind::Multiplicative) => class3(fit, h),
        (Kind::Multiplicative, _) => class2(fit, h),
        _ => fit
            .variance_factors(h)
            .into_iter()
            .map(|v| v * sigma2)
            .collect(),
    }
}

/// Class 2: the `θ` recursion on the point forecasts.
fn class2(fit: &EtsFit, h: usize) -> Vec<f64> {
    let mu = fit.forecast(h);
    let c = weights(fit.spec, fit, h);
    let s = fit.sigma2;
    let mut theta: Vec<f64> = Vec::with_capacity(h);
    for k in 0..h {
        let carried: f64 = (0..k).map(|j| c[j] * c[j] * theta[k - 1 - j]).sum();
        theta.push(mu[k] * mu[k] + s * carried);
    }
    theta
        .iter()
        .zip(&mu)
        .map(|(t, m)| (1.0 + s) * t - m * m)
        .collect()
}

/// `c_j = α + β φ_j + γ d_j` for `j = 1..=h`.
fn weights(spec: Spec, fit: &EtsFit, h: usize) -> Vec<f64> {
    let p = fit.smoothing;
    let m = fit.season.max(1);
    let mut phi_sum = 0.0;
    let mut phi_power = 1.0;
    (1..=h)
        .map(|j| {
            phi_power *= p.phi;
            phi_sum += phi_power;
            let mut c = p.alpha;
            if spec.trend != Kind::None {
                c += p.beta * phi_sum;
            }
            if spec.season != Kind::None && j % m == 0 {
                c += p.gamma;
            }
            c
        })
        .collect()
}

/// `A X Bᵀ`.
fn between(a: &Matrix, x: &Matrix, b: &Matrix) -> Matrix {
    a.matmul(x).matmul(&b.transpose())
}

/// `A X Aᵀ`.
fn sandwich(a: &Matrix, x: &Matrix) -> Matrix {
    between(a, x, a)
}

/// A matrix from rows written out in code (the model's fixed small matrices).
fn rows(rows: &[&[f64]]) -> Matrix {
    Matrix::from_rows(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>())
        .expect("rows of equal length")
}

/// Class 3: the moments of `vec(x sᵀ)` carried forward step by step.
fn class3(fit: &EtsFit, h: usize) -> Vec<f64> {
    let p = fit.smoothing;
    let m = fit.season;
    let s2 = fit.sigma2;
    let last = &fit.pass.last_state;
    let trend = fit.spec.trend != Kind::None;
    let k = 1 + usize::from(trend);
    if m < 2 || last.len() != k + m {
        // Not a seasonal fit's states (fits with a season have m ≥ 2): no class-3 moments.
        return vec![f64::NAN; h];
    }
    let (f1, g1, h1) = if trend {
        (
            rows(&[&[1.0, p.phi], &[0.0, p.phi]]),
            rows(&[&[p.alpha, p.alpha * p.phi], &[p.beta, p.beta * p.phi]]),
            rows(&[&[1.0, p.phi]]),
        )
    } else {
        (rows(&[&[1.0]]), rows(&[&[p.alpha]]), rows(&[&[1.0]]))
    };
    // Seasonal states newest first: the oldest is used next and becomes the newest.
    let mut f2 = Matrix::zeros(m, m);
    f2.set(0, m - 1, 1.0);
    for i in 1..m {
        f2.set(i, i - 1, 1.0);
    }
    let mut g2 = Matrix::zeros(m, m);
    g2.set(0, m - 1, p.gamma);
    let mut h2 = Matrix::zeros(1, m);
    h2.set(0, m - 1, 1.0);

    let f21 = f2.kron(&f1);
    let g21 = g2.kron(&g1);
    let kk = g2.kron(&f1).add_scaled(&f2.kron(&g1), 1.0);
    let h21 = h2.kron(&h1);
    // vec(x sᵀ), column by column: entry (i, j) at i + k·j.
    let mut mean = Matrix::zeros(k * m, 1);
    for j in 0..m {
        for i in 0..k {
            mean.set(i + k * j, 0, last[i] * last[k + j]);
        }
    }
    let mut cov = Matrix::zeros(k * m, k * m);
    let step_mean = f21.add_scaled(&g21, s2);
    let mut out = Vec::with_capacity(h);
    for _ in 0..h {
        let mu = h21.matmul(&mean).get(0, 0);
        let spread = sandwich(&h21, &cov).get(0, 0);
        out.push((1.0 + s2) * spread + s2 * mu * mu);
        let outer = mean.matmul(&mean.transpose());
        let cross = between(&f21, &cov, &g21).add_scaled(&between(&g21, &cov, &f21), 1.0);
        let second = sandwich(&kk, &cov.add_scaled(&outer, 1.0));
        let fourth = sandwich(&g21, &cov.add_scaled(&outer, 2.0 / 3.0));
        cov = sandwich(&f21, &cov)
            .add_scaled(&cross.add_scaled(&second, 1.0), s2)
            .add_scaled(&fourth, 3.0 * s2 * s2);
        mean = step_mean.matmul(&mean);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{fit_spec, State};
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Monthly airline-like data: trend and a season growing with the level.
    fn seasonal_series() -> Vec<f64> {
        (0..96)
            .map(|t| {
                let level = 100.0 + 1.5 * t as f64;
                let season = 1.0 + 0.25 * (2.0 * std::f64::consts::PI * t as f64 / 12.0).sin();
                let wiggle = 1.0 + 0.04 * ((t * 7919 % 13) as f64 / 13.0 - 0.5);
                level * season * wiggle
            })
            .collect()
    }

    /// The variance of each step over `paths` paths simulated from the fitted model.
    fn simulated(fit: &EtsFit, h: usize, paths: usize) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let sd = fit.sigma2.sqrt();
        let (mut sum, mut sum2) = (vec![0.0; h], vec![0.0; h]);
        for _ in 0..paths {
            let mut state = State::from_vector(&fit.pass.last_state, fit.spec, fit.season);
            for i in 0..h {
                // Box–Muller: one standard normal from two uniforms.
                let u1: f64 = rng.random::<f64>().max(1e-300);
                let u2: f64 = rng.random();
                let e = sd * (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
                let f = state.one_step(fit.spec, fit.smoothing.phi);
                let y = match fit.spec.error {
                    Kind::Multiplicative => f * (1.0 + e),
                    _ => f + e,
                };
                sum[i] += y;
                sum2[i] += y * y;
                state.update(fit.spec, &fit.smoothing, y);
            }
        }
        let n = paths as f64;
        sum.iter()
            .zip(&sum2)
            .map(|(s, q)| q / n - (s / n) * (s / n))
            .collect()
    }

    /// Every form's analytic variances agree with 40,000 simulated paths to within the
    /// simulation's own error (a few percent), at every step of two seasons; the sigma of
    /// the fits is inflated so that the classes' differences are large.
    #[test]
    fn analytic_variances_match_simulated_paths() {
        let y = seasonal_series();
        for code in [
            "ANN", "AAN", "AAdN", "ANA", "AAA", "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA",
            "MNM", "MAM", "MAdM",
        ] {
            let mut fit = fit_spec(&y, 12, Spec::parse(code).unwrap()).unwrap();
            // Wide errors, and smoothing weights large enough to carry them forward.
            fit.sigma2 = match fit.spec.error {
                Kind::Multiplicative => 0.01,
                _ => 25.0,
            };
            fit.smoothing.alpha = fit.smoothing.alpha.max(0.3);
            if fit.spec.trend != Kind::None {
                fit.smoothing.beta = fit.smoothing.beta.max(0.05);
            }
            if fit.spec.season != Kind::None {
                fit.smoothing.gamma = fit.smoothing.gamma.max(0.2);
            }
            let h = 24;
            let exact = forecast_variances(&fit, h);
            let sim = simulated(&fit, h, 40_000);
            for i in 0..h {
                let gap = (exact[i] - sim[i]).abs() / sim[i];
                assert!(
                    gap < 0.04,
                    "{code} step {}: {} vs {}",
                    i + 1,
                    exact[i],
                    sim[i]
                );
            }
        }
    }
}
