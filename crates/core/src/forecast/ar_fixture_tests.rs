//! Fixed-order autoregressions against statsforecast 2.1.1's
//! `ARIMA(order=(p, d, 0), seasonal_order=(P, D, 0), method="CSS")`
//! (`tools/ar_fixture.py`, `testdata/fixtures/forecast_ar.json`): ShampooSales, wineind,
//! Nile, US real GDP and Mauna Loa CO2, each with several orders.
//!
//! Conditional least squares and CSS minimise the same sum of squares over the same sample,
//! so the AR coefficients agree to 1e-4 absolute (statsforecast stops its BFGS search a
//! little short: its sum of squares is never below ours). The constant is compared as the
//! intercept on the differenced series, `c = μ (1 - Σ φ)`, relative to `1 + |c|`; the
//! residual variance, point forecasts and 80 / 95 % bounds relative to their size, to
//! 1e-4. The fixture uses a seasonal AR lag only with `p = 0`, where statsforecast's
//! multiplicative seasonal polynomial and our added lag are the same model.

use super::{fit_fixed, fit_order, Order};
use crate::forecast::fixture_json::floats;
use crate::forecast::intervals::interval;
use serde_json::Value;

const FIXTURE: &str = include_str!("../../../../testdata/fixtures/forecast_ar.json");

fn relative(a: f64, b: f64) -> f64 {
    (a - b).abs() / (1.0 + b.abs())
}

#[test]
fn fixed_orders_equal_statsforecast_css() {
    let doc: Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    assert_eq!(doc["tool_version"], "2.1.1");
    let (mut worst_coef, mut worst_forecast, mut worst_bound, mut cases) =
        (0.0f64, 0.0f64, 0.0f64, 0);
    for s in doc["series"].as_array().unwrap() {
        let name = s["name"].as_str().unwrap();
        let y = floats(&s["values"]);
        let m = s["season"].as_u64().unwrap() as usize;
        let h = s["horizon"].as_u64().unwrap() as usize;
        for case in s["cases"].as_array().unwrap() {
            let order = Order {
                p: case["p"].as_u64().unwrap() as usize,
                d: case["d"].as_u64().unwrap() as usize,
                seasonal_lag: case["seasonal_p"].as_u64().unwrap() == 1,
                seasonal_d: case["seasonal_d"].as_u64().unwrap() as usize,
                constant: case["constant"].as_bool().unwrap()
                    && case["d"].as_u64().unwrap() + case["seasonal_d"].as_u64().unwrap() <= 1,
            };
            let label = format!("{name} {order:?}");
            let ar = fit_order(&y, m, order).unwrap();
            let mut want = floats(&case["ar"]);
            if let Some(sar) = case["seasonal_ar"].as_f64() {
                want.push(sar);
            }
            assert_eq!(ar.coef.len(), want.len(), "{label}");
            for (a, b) in ar.coef.iter().zip(&want) {
                worst_coef = worst_coef.max((a - b).abs());
                assert!((a - b).abs() < 1e-4, "{label}: φ {a} vs {b}");
            }
            let c = case["constant_on_differences"].as_f64().unwrap();
            assert!(
                relative(ar.constant, c) < 1e-4,
                "{label}: c {} vs {c}",
                ar.constant
            );
            let sigma2 = case["sigma2"].as_f64().unwrap();
            assert!(
                relative(ar.sigma2, sigma2) < 1e-4,
                "{label}: σ² {} vs {sigma2}",
                ar.sigma2
            );
            let fit = fit_fixed(&y, m, order, h).unwrap();
            for (a, b) in fit.mean.iter().zip(floats(&case["forecast"])) {
                worst_forecast = worst_forecast.max(relative(*a, b));
                assert!(relative(*a, b) < 1e-4, "{label}: forecast {a} vs {b}");
            }
            for level in [80.0, 95.0] {
                let band = interval(&fit, &y, level).unwrap();
                let theirs = &case[format!("{level}")];
                for (mine, key) in [(&band.lower, "lower"), (&band.upper, "upper")] {
                    for (a, b) in mine.iter().zip(floats(&theirs[key])) {
                        // Our lower bound stops at zero for a history without negatives.
                        let b = if key == "lower" && y.iter().all(|v| *v >= 0.0) {
                            b.max(0.0)
                        } else {
                            b
                        };
                        worst_bound = worst_bound.max(relative(*a, b));
                        assert!(relative(*a, b) < 1e-4, "{label} {level}% {key}: {a} vs {b}");
                    }
                }
            }
            cases += 1;
        }
    }
    eprintln!(
        "AR vs statsforecast CSS: largest |Δφ| {worst_coef:.1e}, forecast {worst_forecast:.1e}, \
         bound {worst_bound:.1e} (relative)"
    );
    assert_eq!(cases, 16);
}

/// An order the data cannot carry, or one the model does not have, is an error.
#[test]
fn impossible_orders_are_refused() {
    let y: Vec<f64> = (0..30).map(|t| (t as f64).sin() * 10.0 + 50.0).collect();
    let order = |p, d, seasonal_lag, seasonal_d, constant| Order {
        p,
        d,
        seasonal_lag,
        seasonal_d,
        constant,
    };
    assert!(fit_order(&y, 12, order(1, 3, false, 0, false)).is_err());
    assert!(fit_order(&y, 12, order(1, 1, false, 1, true)).is_err());
    assert!(fit_order(&y, 1, order(1, 0, true, 0, true)).is_err());
    assert!(fit_order(&y[..20], 12, order(0, 0, true, 1, true)).is_err());
    assert!(fit_order(&y[..5], 1, order(4, 0, false, 0, true)).is_err());
    assert!(fit_order(&y, 1, order(2, 1, false, 0, true)).is_ok());
}
