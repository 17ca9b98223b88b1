//! The special functions the purchase and spend models need: the log-gamma function and
//! the Gauss hypergeometric function ₂F₁ for arguments in [0, 1).
//!
//! `ln_gamma` uses the Lanczos approximation (g = 7, nine coefficients, as in Numerical
//! Recipes 3rd ed. §6.1 and Godfrey's table), about 15 significant digits for positive
//! arguments, which is all the models pass. `hyp2f1` sums the power series until a term no
//! longer changes the sum; the models only evaluate it at `0 ≤ z < 1`, where it converges
//! (geometrically in `z`).

/// Lanczos coefficients for g = 7, n = 9.
const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

/// ln Γ(x) for x > 0 (NaN otherwise).
pub fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = LANCZOS[0];
    for (k, c) in LANCZOS.iter().enumerate().skip(1) {
        sum += c / (x + k as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// Terms summed at most before [`hyp2f1`] gives up (NaN).
const MAX_TERMS: usize = 1_000_000;

/// ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its power series; NaN when it does not settle within
/// a million terms, when z is outside that range or when c is 0 or a negative whole number
/// (where the series is undefined). A negative c that is not whole is fine: BG/NBD asks for
/// c = a + b − 1 for customers without repeat purchases, below 0 whenever a + b < 1 (the
/// Superstore sample fits b ≈ 0.04).
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> f64 {
    let pole = c <= 0.0 && c.fract() == 0.0;
    if !(0.0..1.0).contains(&z) || pole || !(a.is_finite() && b.is_finite() && c.is_finite()) {
        return f64::NAN;
    }
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 0..MAX_TERMS {
        let k = n as f64;
        term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        sum += term;
        if term.abs() <= 1e-16 * sum.abs() || !sum.is_finite() {
            return sum;
        }
    }
    f64::NAN
}

/// ln(e^x + e^y) without overflow.
pub fn log_add_exp(x: f64, y: f64) -> f64 {
    let (high, low) = if x >= y { (x, y) } else { (y, x) };
    if high == f64::NEG_INFINITY {
        return high;
    }
    high + (low - high).exp().ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + b.abs())
    }

    /// A negative c that is not whole has a series too (scipy.special.hyp2f1(1.5, 0.7,
    /// -0.4, 0.3) = -1.5242224843857421); a negative whole c has none.
    #[test]
    fn hyp2f1_takes_a_negative_c_that_is_not_whole() {
        assert!(close(
            hyp2f1(1.5, 0.7, -0.4, 0.3),
            -1.524_222_484_385_742_1,
            1e-12
        ));
        assert!(hyp2f1(1.5, 0.7, -2.0, 0.3).is_nan());
        assert!(hyp2f1(1.5, 0.7, 0.0, 0.3).is_nan());
    }

    #[test]
    fn ln_gamma_matches_known_values() {
        // ln Γ(n) = ln (n − 1)!, and Γ(1/2) = √π.
        assert!(close(ln_gamma(1.0), 0.0, 1e-14));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-14));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-14
        ));
        // scipy.special.gammaln(0.243) and gammaln(123.456).
        assert!(close(ln_gamma(0.243), 1.318_043_584_699_669_9, 1e-12));
        assert!(close(ln_gamma(123.456), 469.605_547_129_929_5, 1e-12));
        assert!(ln_gamma(0.0).is_nan() && ln_gamma(-1.0).is_nan());
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z and ₂F₁(a, b; b; z) = (1 − z)^(−a).
        for z in [0.0f64, 0.1, 0.5, 0.9, 0.99] {
            let expected = if z > 0.0 { -(1.0 - z).ln() / z } else { 1.0 };
            assert!(close(hyp2f1(1.0, 1.0, 2.0, z), expected, 1e-12), "z = {z}");
            assert!(close(hyp2f1(2.5, 3.0, 3.0, z), (1.0 - z).powf(-2.5), 1e-12));
        }
        assert!(hyp2f1(1.0, 1.0, 2.0, 1.0).is_nan());
    }

    #[test]
    fn log_add_exp_is_stable() {
        assert!(close(
            log_add_exp(1000.0, 1000.0),
            1000.0 + 2f64.ln(),
            1e-14
        ));
        assert!(close(log_add_exp(-1000.0, 0.0), 0.0, 1e-14));
        assert!((log_add_exp(f64::NEG_INFINITY, 3.0) - 3.0).abs() < 1e-15);
    }
}
