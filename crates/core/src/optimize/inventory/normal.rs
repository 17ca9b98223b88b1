//! The standard normal distribution: density, lower-tail probability and its inverse, for
//! the z of a service level.
//!
//! The inverse starts from P. J. Acklam's rational approximation (relative error about
//! 1e-9) and takes one Halley step on an accurate lower-tail probability, which brings it to
//! near machine precision. The lower tail sums the Taylor series of Φ (all terms positive)
//! for `x >= -3` and the continued fraction of the Mills ratio below.

use crate::{Allowed, Error, Result};

/// Density of the standard normal at `x`.
pub fn normal_pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// `P(Z <= x)` for a standard normal `Z`.
pub fn normal_cdf(x: f64) -> f64 {
    if x <= 0.0 {
        lower_tail(x)
    } else {
        1.0 - lower_tail(-x)
    }
}

/// `P(Z <= x)` for `x <= 0`, accurate in relative terms far into the tail.
fn lower_tail(x: f64) -> f64 {
    if x < -3.0 {
        // Mills ratio by the continued fraction 1/(t+1/(t+2/(t+3/(t+...)))), evaluated from
        // the back; 60 terms are ample for t > 3.
        let t = -x;
        let mut fraction = t;
        for k in (1..=60).rev() {
            fraction = t + k as f64 / fraction;
        }
        normal_pdf(x) / fraction
    } else {
        // Φ(x) = 1/2 + φ(x) Σ x^(2n+1) / (1·3·5···(2n+1)).
        let mut term = x;
        let mut sum = x;
        let mut n = 0.0;
        while term.abs() > 1e-17 * sum.abs() {
            n += 1.0;
            term *= x * x / (2.0 * n + 1.0);
            sum += term;
        }
        0.5 + normal_pdf(x) * sum
    }
}

/// The `p`-quantile of the standard normal (`z` such that `P(Z <= z) = p`), for `0 < p < 1`.
pub fn normal_ppf(p: f64) -> Result<f64> {
    if !(p > 0.0 && p < 1.0) {
        return Err(Error::invalid_parameter(
            "probability",
            p,
            Allowed::OpenUnit,
        ));
    }
    // Work in the lower tail, where the probability is known exactly, then mirror.
    let (q, sign) = if p <= 0.5 { (p, 1.0) } else { (1.0 - p, -1.0) };
    let mut x = acklam_lower(q);
    // One Halley step: e = Φ(x) - q, u = e / φ(x).
    let e = lower_tail(x.min(0.0)) - q;
    let u = e / normal_pdf(x);
    x -= u / (1.0 + 0.5 * x * u);
    Ok(sign * x)
}

/// Acklam's approximation of the quantile for `0 < q <= 0.5`.
// The coefficients are written as published, trailing digits included.
#[allow(clippy::excessive_precision)]
fn acklam_lower(q: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-03,
        3.224671290700398e-01,
        2.445134137142996e+00,
        3.754408661907416e+00,
    ];
    const LOW: f64 = 0.02425;
    if q < LOW {
        let r = (-2.0 * q.ln()).sqrt();
        (((((C[0] * r + C[1]) * r + C[2]) * r + C[3]) * r + C[4]) * r + C[5])
            / ((((D[0] * r + D[1]) * r + D[2]) * r + D[3]) * r + 1.0)
    } else {
        let r = q - 0.5;
        let s = r * r;
        (((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5]) * r
            / (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fixture: `testdata/fixtures/optimize_norm_ppf.json`, scipy.stats.norm.ppf/cdf values
    /// written by `tools/optimize_fixtures.py`.
    #[derive(serde::Deserialize)]
    struct Fixture {
        ppf: Vec<(f64, f64)>,
        cdf: Vec<(f64, f64)>,
    }

    fn fixture() -> Fixture {
        serde_json::from_str(include_str!(
            "../../../../../testdata/fixtures/optimize_norm_ppf.json"
        ))
        .unwrap()
    }

    #[test]
    fn ppf_matches_scipy() {
        let f = fixture();
        assert!(f.ppf.len() >= 20);
        for (p, z) in f.ppf {
            let ours = normal_ppf(p).unwrap();
            // Absolute 1e-12, or relative 1e-12 in the far tails.
            assert!(
                (ours - z).abs() <= 1e-12 * z.abs().max(1.0),
                "p={p}: {ours} vs {z}"
            );
        }
    }

    #[test]
    fn cdf_matches_scipy() {
        for (x, p) in fixture().cdf {
            let ours = normal_cdf(x);
            assert!(
                (ours - p).abs() <= 1e-14 + 1e-12 * p,
                "x={x}: {ours} vs {p}"
            );
        }
    }

    #[test]
    fn ppf_refuses_probabilities_outside_the_open_interval() {
        for p in [0.0, 1.0, -0.1, f64::NAN] {
            assert!(normal_ppf(p).is_err(), "{p}");
        }
    }
}
