//! The conditional sum of squares of an ARIMA model: the start of the CSS-ML fit.
//!
//! The series is differenced, the first `d + m D + p + m P` values are taken as given, and
//! the innovations after them follow by recursion with earlier innovations set to zero
//! (Box & Jenkins 1976, §7.1). Its minimum is close to the maximum-likelihood estimate and
//! cheap to reach, so the exact likelihood is maximised from there, as R's `arima` does
//! with `method = "CSS-ML"`.

/// The mean squared conditional innovation of `y` (already net of any regression term)
/// under expanded AR coefficients `phi`, MA coefficients `theta` and `d` regular and
/// `seasonal_d` seasonal differences of period `period`. `None` when no innovation is left.
pub fn mean_square(
    y: &[f64],
    phi: &[f64],
    theta: &[f64],
    d: usize,
    seasonal_d: usize,
    period: usize,
) -> Option<f64> {
    let mut w = y.to_vec();
    for _ in 0..d {
        for t in (1..w.len()).rev() {
            w[t] -= w[t - 1];
        }
    }
    for _ in 0..seasonal_d {
        for t in (period..w.len()).rev() {
            w[t] -= w[t - period];
        }
    }
    let start = d + seasonal_d * period + phi.len();
    if start >= w.len() {
        return None;
    }
    let mut residuals = vec![0.0; w.len()];
    let mut ssq = 0.0;
    for t in start..w.len() {
        let mut e = w[t];
        for (j, c) in phi.iter().enumerate() {
            e -= c * w[t - j - 1];
        }
        for (j, c) in theta.iter().enumerate().take(t - start) {
            e -= c * residuals[t - j - 1];
        }
        residuals[t] = e;
        ssq += e * e;
    }
    Some(ssq / (w.len() - start) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_recursion_written_out() {
        // ARIMA(1,1,1) with φ = 0.3, θ = 0.4; statsforecast's arima_css gives 7.612099772537091
        // on this series.
        let y = [
            1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 8.0, 7.0, 9.0, 12.0, 11.0, 13.0, 15.0, 14.0, 16.0, 18.0,
            17.0, 20.0, 19.0, 22.0,
        ];
        let value = mean_square(&y, &[0.3], &[0.4], 1, 0, 1).unwrap();
        assert!((value - 7.612_099_772_537_091).abs() < 1e-12, "{value}");
        assert!(mean_square(&y[..2], &[0.3], &[], 1, 0, 1).is_none());
    }
}
