//! Diminishing-returns response curves of outcome on spend, fitted by least squares.
//!
//! - Logarithmic `a + b·ln(1 + s)`: linear in (a, b), solved in closed form.
//! - Hill `top·s^h / (k^h + s^h)` (the saturation curve of media-mix models, e.g. Jin et al.
//!   2017, "Bayesian methods for media mix modeling with carryover and shape effects"):
//!   for fixed (k, h) the best `top` is a one-dimensional least-squares solution (variable
//!   projection, Golub & Pereyra 1973), so only (ln k, h) are searched: a coarse grid, then
//!   compass search with shrinking steps inside the bounds `k in (0, 10·max spend]`,
//!   `h in [0.3, 5]`, `top in [0, 10·max outcome]`. The same bounds are given to
//!   scipy.optimize.curve_fit in `tools/optimize_fixtures.py`.

use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Smallest Hill exponent searched.
pub const HILL_H_MIN: f64 = 0.3;
/// Largest Hill exponent searched.
pub const HILL_H_MAX: f64 = 5.0;

/// A fitted response curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum Curve {
    /// `max(0, a + b·ln(1 + spend))`.
    Log {
        /// Intercept.
        a: f64,
        /// Slope on ln(1 + spend).
        b: f64,
    },
    /// `top·spend^h / (k^h + spend^h)`.
    Hill {
        /// Saturation level.
        top: f64,
        /// Spend at half saturation.
        k: f64,
        /// Shape exponent.
        h: f64,
    },
}

impl Curve {
    /// Predicted outcome at `spend`.
    pub fn predict(&self, spend: f64) -> f64 {
        let s = spend.max(0.0);
        match *self {
            // Floored: an outcome below zero means nothing, whatever the fitted intercept.
            Curve::Log { a, b } => (a + b * s.ln_1p()).max(0.0),
            Curve::Hill { top, k, h } => {
                if s <= 0.0 {
                    0.0
                } else {
                    // top / (1 + (k/s)^h) is the same curve without overflow for large s.
                    top / (1.0 + (k / s).powf(h))
                }
            }
        }
    }

    /// The model's name in the user's language.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Curve::Log { .. }, crate::Lang::En) => "logarithmic",
            (Curve::Log { .. }, crate::Lang::Zh) => "对数曲线",
            (Curve::Hill { .. }, crate::Lang::En) => "Hill saturation",
            (Curve::Hill { .. }, crate::Lang::Zh) => "Hill 饱和曲线",
        }
    }
}

/// A curve with its sum of squared errors on the data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ResponseFit {
    /// The curve.
    pub curve: Curve,
    /// Sum of squared residuals.
    pub sse: f64,
}

fn check(spend: &[f64], outcome: &[f64]) -> Result<()> {
    if spend.len() != outcome.len() {
        return Err(Error::invalid_parameter(
            "outcome",
            outcome.len(),
            crate::Allowed::count(spend.len(), crate::Per::Spend),
        ));
    }
    if spend.len() < 3 {
        return Err(Error::not_enough(Counted::Observations, 3, spend.len()));
    }
    if spend
        .iter()
        .chain(outcome)
        .any(|v| !v.is_finite() || *v < 0.0)
    {
        return Err(Error::invalid_parameter(
            crate::Term::SpendOutcome,
            "a negative or missing value",
            Allowed::NonNegative,
        ));
    }
    Ok(())
}

fn sse(curve: &Curve, spend: &[f64], outcome: &[f64]) -> f64 {
    spend
        .iter()
        .zip(outcome)
        .map(|(&s, &y)| (curve.predict(s) - y).powi(2))
        .sum()
}

/// Least-squares `a + b·ln(1 + s)`.
pub fn fit_log(spend: &[f64], outcome: &[f64]) -> Result<ResponseFit> {
    check(spend, outcome)?;
    let n = spend.len() as f64;
    let x: Vec<f64> = spend.iter().map(|s| s.ln_1p()).collect();
    let mx = x.iter().sum::<f64>() / n;
    let my = outcome.iter().sum::<f64>() / n;
    let sxx: f64 = x.iter().map(|v| (v - mx).powi(2)).sum();
    if sxx <= 0.0 {
        return Err(Error::not_enough(Counted::SpendLevels, 2, 1));
    }
    let sxy: f64 = x
        .iter()
        .zip(outcome)
        .map(|(v, y)| (v - mx) * (y - my))
        .sum();
    let b = sxy / sxx;
    let curve = Curve::Log { a: my - b * mx, b };
    Ok(ResponseFit {
        curve,
        sse: sse(&curve, spend, outcome),
    })
}

/// Bounded least-squares Hill curve.
pub fn fit_hill(spend: &[f64], outcome: &[f64]) -> Result<ResponseFit> {
    check(spend, outcome)?;
    let max_spend = spend.iter().copied().fold(0.0, f64::max);
    let max_outcome = outcome.iter().copied().fold(0.0, f64::max);
    if max_spend <= 0.0 {
        return Err(Error::invalid_parameter("spend", 0, Allowed::PositiveSpend));
    }
    let top_max = 10.0 * max_outcome;
    let ln_k_max = (10.0 * max_spend).ln();
    let min_positive = spend
        .iter()
        .copied()
        .filter(|&s| s > 0.0)
        .fold(max_spend, f64::min);
    let ln_k_min = (min_positive / 1000.0).ln();
    // For fixed (k, h) the model is top·g(s) with g known: top = Σ y·g / Σ g², clamped.
    let best_top = |k: f64, h: f64| -> (f64, f64) {
        let unit = Curve::Hill { top: 1.0, k, h };
        let (mut gy, mut gg) = (0.0, 0.0);
        for (&s, &y) in spend.iter().zip(outcome) {
            let g = unit.predict(s);
            gy += g * y;
            gg += g * g;
        }
        let top = if gg > 0.0 {
            (gy / gg).clamp(0.0, top_max)
        } else {
            0.0
        };
        let curve = Curve::Hill { top, k, h };
        (top, sse(&curve, spend, outcome))
    };
    let objective = |ln_k: f64, h: f64| best_top(ln_k.exp(), h).1;
    // Coarse grid.
    let (mut u, mut h) = (ln_k_min, 1.0);
    let mut best = f64::INFINITY;
    for i in 0..=24 {
        let gu = ln_k_min + (ln_k_max - ln_k_min) * f64::from(i) / 24.0;
        for j in 0..=12 {
            let gh = HILL_H_MIN + (HILL_H_MAX - HILL_H_MIN) * f64::from(j) / 12.0;
            let value = objective(gu, gh);
            if value < best {
                (best, u, h) = (value, gu, gh);
            }
        }
    }
    // Compass search: poll the four axis neighbours, move to the first improvement, halve
    // the step when none improves.
    let mut step = [
        (ln_k_max - ln_k_min) / 24.0,
        (HILL_H_MAX - HILL_H_MIN) / 12.0,
    ];
    let mut evaluations = 0;
    while (step[0] > 1e-11 || step[1] > 1e-11) && evaluations < 100_000 {
        let mut moved = false;
        for (du, dh) in [
            (step[0], 0.0),
            (-step[0], 0.0),
            (0.0, step[1]),
            (0.0, -step[1]),
        ] {
            let cu = (u + du).clamp(ln_k_min, ln_k_max);
            let ch = (h + dh).clamp(HILL_H_MIN, HILL_H_MAX);
            let value = objective(cu, ch);
            evaluations += 1;
            if value < best {
                (best, u, h) = (value, cu, ch);
                moved = true;
                break;
            }
        }
        if !moved {
            step[0] /= 2.0;
            step[1] /= 2.0;
        }
    }
    let k = u.exp();
    let (top, value) = best_top(k, h);
    Ok(ResponseFit {
        curve: Curve::Hill { top, k, h },
        sse: value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn fixture() -> Value {
        serde_json::from_str(include_str!(
            "../../../../../testdata/fixtures/optimize_budget_fit.json"
        ))
        .unwrap()
    }

    fn long_data() -> Vec<(String, f64, f64)> {
        include_str!("../../../../../testdata/fixtures/optimize_budget_long.csv")
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (
                    f[0].to_string(),
                    f[1].parse().unwrap(),
                    f[2].parse().unwrap(),
                )
            })
            .collect()
    }

    fn advertising() -> (Vec<String>, Vec<Vec<f64>>) {
        let text = include_str!("../../../../../testdata/islr-advertising/Advertising.csv");
        let mut lines = text.lines();
        let header: Vec<String> = lines
            .next()
            .unwrap()
            .split(',')
            .map(|s| s.trim().to_string())
            .collect();
        let mut columns = vec![Vec::new(); header.len()];
        for line in lines {
            for (c, v) in line.trim().split(',').enumerate() {
                columns[c].push(v.parse::<f64>().unwrap());
            }
        }
        (header, columns)
    }

    fn close(ours: f64, theirs: f64, rel: f64) -> bool {
        (ours - theirs).abs() <= rel * theirs.abs().max(1e-12)
    }

    /// The log fit against curve_fit (to its tolerance, 1e-7 relative) and against numpy's
    /// exact least squares (1e-10).
    fn check_log(a: f64, b: f64, want: &Value, name: &str) {
        assert!(
            close(a, want["log"]["a"].as_f64().unwrap(), 1e-7),
            "{name} a {a}"
        );
        assert!(
            close(b, want["log"]["b"].as_f64().unwrap(), 1e-7),
            "{name} b {b}"
        );
        assert!(
            close(a, want["log_lstsq"]["a"].as_f64().unwrap(), 1e-10),
            "{name} a {a}"
        );
        assert!(
            close(b, want["log_lstsq"]["b"].as_f64().unwrap(), 1e-10),
            "{name} b {b}"
        );
    }

    /// Synthetic Hill data with interior optima: every parameter matches curve_fit.
    #[test]
    fn long_fixture_fits_match_curve_fit() {
        let fx = fixture();
        let data = long_data();
        for name in ["search", "social", "display"] {
            let spend: Vec<f64> = data.iter().filter(|r| r.0 == name).map(|r| r.1).collect();
            let outcome: Vec<f64> = data.iter().filter(|r| r.0 == name).map(|r| r.2).collect();
            assert_eq!(spend.len(), 40);
            let want = &fx["long"][name];
            let Curve::Log { a, b } = fit_log(&spend, &outcome).unwrap().curve else {
                panic!()
            };
            check_log(a, b, want, name);
            let fit = fit_hill(&spend, &outcome).unwrap();
            let Curve::Hill { top, k, h } = fit.curve else {
                panic!()
            };
            let w = &want["hill"];
            assert!(
                close(top, w["top"].as_f64().unwrap(), 1e-5),
                "{name} top {top}"
            );
            assert!(close(k, w["k"].as_f64().unwrap(), 1e-5), "{name} k {k}");
            assert!(close(h, w["h"].as_f64().unwrap(), 1e-5), "{name} h {h}");
            assert!(
                close(fit.sse, w["sse"].as_f64().unwrap(), 1e-8),
                "{name} sse"
            );
        }
    }

    /// Advertising.csv: the logarithmic fits match exactly; the Hill optima sit on a bound
    /// (k at 10 × max spend for TV and radio, h at 0.3 for newspaper), where the sum of
    /// squares is flat, so the check is that ours is as good as curve_fit's, and the
    /// parameters agree where the optimum is well defined (TV).
    #[test]
    fn advertising_fits_match_curve_fit() {
        let fx = fixture();
        let (header, columns) = advertising();
        let sales = &columns[3];
        for (c, name) in header.iter().take(3).enumerate() {
            let want = &fx["advertising"][name.as_str()];
            let log = fit_log(&columns[c], sales).unwrap();
            let Curve::Log { a, b } = log.curve else {
                panic!()
            };
            check_log(a, b, want, name);
            let hill = fit_hill(&columns[c], sales).unwrap();
            let scipy_sse = want["hill"]["sse"].as_f64().unwrap();
            assert!(
                hill.sse <= scipy_sse * (1.0 + 1e-7),
                "{name}: {} vs {scipy_sse}",
                hill.sse
            );
        }
        let hill = fit_hill(&columns[0], sales).unwrap();
        let Curve::Hill { top, k, h } = hill.curve else {
            panic!()
        };
        let w = &fx["advertising"]["TV"]["hill"];
        assert!(close(top, w["top"].as_f64().unwrap(), 1e-4), "TV top {top}");
        assert!(close(k, w["k"].as_f64().unwrap(), 1e-6), "TV k {k}");
        assert!(close(h, w["h"].as_f64().unwrap(), 1e-4), "TV h {h}");
    }

    #[test]
    fn degenerate_data_is_refused() {
        assert!(fit_log(&[1.0, 1.0, 1.0], &[2.0, 3.0, 4.0]).is_err());
        assert!(fit_hill(&[0.0, 0.0, 0.0], &[2.0, 3.0, 4.0]).is_err());
        let e = fit_log(&[1.0, 2.0], &[1.0, 2.0]).unwrap_err();
        assert!(e.to_string().contains("at least 3"), "{e}");
    }
}
