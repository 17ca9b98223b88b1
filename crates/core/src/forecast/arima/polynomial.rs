//! The lag polynomials of a seasonal ARIMA model and the reparametrisation that keeps its
//! autoregressive parts stationary.
//!
//! - [`expand`]: the non-seasonal and seasonal factors multiplied out, so that
//!   `(1 - φ(B))(1 - Φ(B^m))` becomes one AR polynomial and `(1 + θ(B))(1 + Θ(B^m))` one MA
//!   polynomial (coefficients of `B, B², …`, AR with the sign of `x_t = Σ φ_i x_{t-i} + …`).
//! - [`differencing`]: the coefficients `δ` of `(1 - B)^d (1 - B^m)^D = 1 - Σ δ_i B^i`.
//! - [`to_ar`] / [`from_ar`]: an unconstrained vector maps through `tanh` to partial
//!   autocorrelations in (-1, 1) and through the Durbin-Levinson recursion to the
//!   coefficients of a stationary AR polynomial (Jones 1980, the transform R's `arima` and
//!   statsforecast use when `transform.pars` is on), and back.

/// Multiplies two polynomials in the backshift operator, coefficients from lag 0.
pub fn multiply(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// The coefficients of `(1 - B)^d (1 - B^m)^D`, written as `1 - Σ δ_i B^i`: `x_t` equals
/// `Σ δ_i x_{t-i}` plus the differenced value.
pub fn differencing(d: usize, seasonal_d: usize, period: usize) -> Vec<f64> {
    let mut poly = vec![1.0];
    for _ in 0..d {
        poly = multiply(&poly, &[1.0, -1.0]);
    }
    let mut seasonal = vec![0.0; period + 1];
    seasonal[0] = 1.0;
    seasonal[period] = -1.0;
    for _ in 0..seasonal_d {
        poly = multiply(&poly, &seasonal);
    }
    poly.iter().skip(1).map(|c| -c).collect()
}

/// Multiplies out the seasonal and non-seasonal factors. `ar`, `ma`, `sar`, `sma` are the
/// coefficients as reported (AR: `x_t = Σ ar_i x_{t-i}`; MA: `e_t + Σ ma_i e_{t-i}`); the
/// result is `(phi, theta)` of lengths `p + m P` and `q + m Q`.
pub fn expand(
    ar: &[f64],
    ma: &[f64],
    sar: &[f64],
    sma: &[f64],
    period: usize,
) -> (Vec<f64>, Vec<f64>) {
    let mut phi = vec![0.0; ar.len() + period * sar.len()];
    phi[..ar.len()].copy_from_slice(ar);
    for (j, s) in sar.iter().enumerate() {
        phi[(j + 1) * period - 1] += s;
        for (i, a) in ar.iter().enumerate() {
            phi[(j + 1) * period + i] -= a * s;
        }
    }
    let mut theta = vec![0.0; ma.len() + period * sma.len()];
    theta[..ma.len()].copy_from_slice(ma);
    for (j, s) in sma.iter().enumerate() {
        theta[(j + 1) * period - 1] += s;
        for (i, a) in ma.iter().enumerate() {
            theta[(j + 1) * period + i] += a * s;
        }
    }
    (phi, theta)
}

/// Unconstrained values → coefficients of a stationary AR polynomial: `tanh` gives partial
/// autocorrelations, the Durbin-Levinson recursion the coefficients.
pub fn to_ar(raw: &[f64]) -> Vec<f64> {
    let pacf: Vec<f64> = raw.iter().map(|v| v.tanh()).collect();
    let mut coef = pacf.clone();
    for j in 1..coef.len() {
        let a = pacf[j];
        let previous = coef[..j].to_vec();
        for k in 0..j {
            coef[k] = previous[k] - a * previous[j - k - 1];
        }
    }
    coef
}

/// The inverse of [`to_ar`]: the partial autocorrelations of a stationary AR polynomial by
/// the step-down recursion, then `atanh`. `None` when the polynomial is not stationary (a
/// partial autocorrelation reaches ±1).
pub fn from_ar(coef: &[f64]) -> Option<Vec<f64>> {
    let mut current = coef.to_vec();
    let mut pacf = vec![0.0; coef.len()];
    for j in (0..coef.len()).rev() {
        let a = current[j];
        if !a.is_finite() || a.abs() >= 1.0 {
            return None;
        }
        pacf[j] = a;
        let previous = current.clone();
        for k in 0..j {
            current[k] = (previous[k] + a * previous[j - k - 1]) / (1.0 - a * a);
        }
    }
    Some(pacf.iter().map(|v| v.atanh()).collect())
}

/// Whether an AR polynomial `1 - Σ φ_i B^i` is stationary (all partial autocorrelations of
/// the step-down recursion inside (-1, 1)).
pub fn is_stationary(coef: &[f64]) -> bool {
    from_ar(coef).is_some_and(|raw| raw.iter().all(|v| v.is_finite()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differencing_multiplies_the_factors() {
        assert_eq!(differencing(1, 0, 1), vec![1.0]);
        assert_eq!(differencing(2, 0, 1), vec![2.0, -1.0]);
        // (1 - B)(1 - B^4) = 1 - B - B^4 + B^5.
        assert_eq!(differencing(1, 1, 4), vec![1.0, 0.0, 0.0, 1.0, -1.0]);
    }

    #[test]
    fn expand_multiplies_seasonal_factors() {
        // (1 - 0.5B)(1 - 0.3B^4) = 1 - 0.5B - 0.3B^4 + 0.15B^5.
        let (phi, theta) = expand(&[0.5], &[0.2], &[0.3], &[0.4], 4);
        let want_phi = [0.5, 0.0, 0.0, 0.3, -0.15];
        let want_theta = [0.2, 0.0, 0.0, 0.4, 0.08];
        for (a, b) in phi.iter().zip(want_phi).chain(theta.iter().zip(want_theta)) {
            assert!((a - b).abs() < 1e-15, "{phi:?} {theta:?}");
        }
        assert_eq!(phi.len(), 5);
        assert_eq!(theta.len(), 5);
    }

    #[test]
    fn the_transform_round_trips_and_stays_stationary() {
        let raw = [0.7, -1.3, 0.4];
        let ar = to_ar(&raw);
        assert!(is_stationary(&ar));
        let back = from_ar(&ar).unwrap();
        for (a, b) in raw.iter().zip(&back) {
            assert!((a - b).abs() < 1e-12, "{back:?}");
        }
        // A unit root and an explosive root are not stationary.
        assert!(!is_stationary(&[1.0]));
        assert!(!is_stationary(&[0.5, 0.6]));
        assert!(is_stationary(&[0.5, 0.3]));
    }
}
