//! Checks against statsforecast 2.1.1's `ARIMA(method="CSS-ML")` with fixed orders: the
//! fixture `testdata/fixtures/forecast_arima.json`, written by `tools/arima_fixture.py`.
//!
//! Every case checks, to the stated tolerances:
//! - the log-likelihood at statsforecast's coefficients equals the one it reports (1e-6,
//!   absolute): the two likelihood computations agree;
//! - σ², AICc, the point forecasts and the 80 % / 95 % bounds at statsforecast's
//!   coefficients equal its figures (1e-4, relative): the forecast filter agrees;
//! - the conditional-sum-of-squares stage equals statsforecast's `method="CSS"` fit
//!   (1e-4 absolute on ARMA coefficients, 1e-4 relative on the constant), or, in [`FLAT`]
//!   cases, reaches a conditional sum of squares no larger than statsforecast's;
//! - the maximised log-likelihood is at least statsforecast's minus 1e-6.
//!
//! Cases without differencing (d + D = 0) also check the CSS-ML fit itself: coefficients to
//! 1e-4 (absolute; relative on the constant) and log-likelihood, σ², AICc, forecasts and
//! bounds to 1e-4 (relative), except those in [`FLAT`], where the likelihood is flat enough
//! that statsforecast's BFGS (gradient tolerance 1e-8, at most 100 iterations, forward
//! differences) stops at a point of lower likelihood: there the first and last checks
//! above stand in for agreement.
//!
//! Cases with differencing cannot be compared on the ML optimum: statsforecast 2.1.1's
//! likelihood writes its predicted covariance into the model's initial covariance and
//! restores only the ARMA block, so after the first evaluation the differencing states no
//! longer start diffuse, every trial point looks worse than the start, and its BFGS stops
//! (status 2) at the CSS estimate. Its reported coefficients are then its CSS ones (checked
//! below, so a corrected statsforecast would make this test fail and call for a direct
//! comparison), and this fit's likelihood at its own optimum is higher (checked above).

use super::{
    conditional_mean_square, css_estimate, fit, fit_fixed, log_likelihood_at, ArimaFit, ArimaSpec,
    Coefficients, Constant,
};
use crate::forecast::fixture_json::floats;
use serde_json::Value;

const FIXTURE: &str = include_str!("../../../../../testdata/fixtures/forecast_arima.json");

/// Cases on a flat likelihood, checked on the likelihood only (see the module docs).
/// Both have an intercept in the tens of thousands on which the likelihood (and the
/// conditional sum of squares) hardly depends: statsforecast ends 1.3e-4 and 1.9e-4 away
/// (relative) with a log-likelihood 9.4e-6 and 6.4e-6 below this fit's, and its CSS fit of
/// the seasonal case 4.8e-4 away with a larger conditional sum of squares.
const FLAT: &[&str] = &["wineind_101_mean", "wineind_100_100_12_mean"];

/// Absolute difference on ARMA coefficients, relative on the constant.
fn coefficient_gap(a: &Coefficients, b: &Coefficients) -> f64 {
    let arma = |c: &Coefficients| -> Vec<f64> {
        c.ar.iter()
            .chain(&c.ma)
            .chain(&c.sar)
            .chain(&c.sma)
            .copied()
            .collect()
    };
    let (x, y) = (arma(a), arma(b));
    assert_eq!(x.len(), y.len());
    let mut gap = x
        .iter()
        .zip(&y)
        .map(|(u, v)| (u - v).abs())
        .fold(0.0, f64::max);
    if let (Some(u), Some(v)) = (a.constant, b.constant) {
        gap = gap.max((u - v).abs() / v.abs().max(1.0));
    }
    gap
}

/// The largest relative difference of σ², AICc, forecasts and bounds from the fixture's.
fn forecast_gap(fitted: &ArimaFit, want: &Value) -> (f64, String) {
    let mut worst = (0.0, String::new());
    let mut note = |label: String, mine: f64, theirs: f64| {
        let gap = relative(mine, theirs);
        if gap.is_nan() || gap > worst.0 {
            worst = (gap, format!("{label}: {mine} vs {theirs}"));
        }
    };
    note(
        "sigma2".into(),
        fitted.sigma2,
        want["sigma2"].as_f64().unwrap(),
    );
    note("aicc".into(), fitted.aicc, want["aicc"].as_f64().unwrap());
    let h = want["h"].as_u64().unwrap() as usize;
    let forecast = fitted.forecast(h);
    let (lo80, hi80) = forecast.interval(80.0).unwrap();
    let (lo95, hi95) = forecast.interval(95.0).unwrap();
    for (label, mine) in [
        ("mean", &forecast.mean),
        ("lo80", &lo80),
        ("hi80", &hi80),
        ("lo95", &lo95),
        ("hi95", &hi95),
    ] {
        let theirs = floats(&want[label]);
        assert_eq!(mine.len(), theirs.len());
        for (k, (a, b)) in mine.iter().zip(&theirs).enumerate() {
            note(format!("{label}[{k}]"), *a, *b);
        }
    }
    worst
}

fn order(v: &Value) -> Vec<usize> {
    v.as_array()
        .expect("order")
        .iter()
        .map(|x| x.as_u64().expect("integer") as usize)
        .collect()
}

struct Case {
    name: String,
    y: Vec<f64>,
    spec: ArimaSpec,
    theirs: Coefficients,
    theirs_css: Coefficients,
    want: Value,
}

fn coefficients(spec: &ArimaSpec, coef: &Value) -> Coefficients {
    let take = |prefix: &str, count: usize| -> Vec<f64> {
        (1..=count)
            .map(|i| coef[format!("{prefix}{i}")].as_f64().expect("coefficient"))
            .collect()
    };
    Coefficients {
        ar: take("ar", spec.p),
        ma: take("ma", spec.q),
        sar: take("sar", spec.seasonal_p),
        sma: take("sma", spec.seasonal_q),
        constant: match spec.constant {
            Constant::None => None,
            Constant::Mean => coef["intercept"].as_f64(),
            Constant::Drift => coef["drift"].as_f64(),
        },
    }
}

fn cases() -> Vec<Case> {
    let doc: Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    let series = doc["series"].as_array().expect("series");
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let key = c["series"].as_str().expect("series name");
            let values = series
                .iter()
                .find(|s| s["name"].as_str() == Some(key))
                .expect("series in fixture");
            let o = order(&c["order"]);
            let s = order(&c["seasonal_order"]);
            let constant = if c["include_drift"].as_bool() == Some(true) {
                Constant::Drift
            } else if c["include_mean"].as_bool() == Some(true) && o[1] + s[1] == 0 {
                Constant::Mean
            } else {
                Constant::None
            };
            let spec = ArimaSpec::new(o[0], o[1], o[2])
                .seasonal(
                    s[0],
                    s[1],
                    s[2],
                    c["season_length"].as_u64().expect("m") as usize,
                )
                .with_constant(constant);
            Case {
                name: c["name"].as_str().expect("name").to_string(),
                y: floats(&values["values"]),
                theirs: coefficients(&spec, &c["coef"]),
                theirs_css: coefficients(&spec, &c["css_coef"]),
                spec,
                want: c.clone(),
            }
        })
        .collect()
}

fn relative(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-12)
}

#[test]
fn loglik_at_statsforecasts_coefficients_equals_theirs() {
    for case in cases() {
        let at = log_likelihood_at(&case.y, &case.spec, &case.theirs).unwrap();
        let want = case.want["loglik"].as_f64().unwrap();
        assert!((at - want).abs() < 1e-6, "{}: {at} vs {want}", case.name);
    }
}

#[test]
fn forecasts_at_statsforecasts_coefficients_equal_theirs() {
    for case in cases() {
        let fixed = fit_fixed(&case.y, &case.spec, &case.theirs).unwrap();
        let (gap, what) = forecast_gap(&fixed, &case.want);
        assert!(gap < 1e-4, "{} {what}", case.name);
    }
}

#[test]
fn css_stage_equals_statsforecasts_css_fit() {
    for case in cases() {
        let mine = css_estimate(&case.y, &case.spec).unwrap();
        let gap = coefficient_gap(&mine, &case.theirs_css);
        if FLAT.contains(&case.name.as_str()) {
            let at_mine = conditional_mean_square(&case.y, &case.spec, &mine).unwrap();
            let at_theirs = conditional_mean_square(&case.y, &case.spec, &case.theirs_css).unwrap();
            assert!(
                at_mine <= at_theirs,
                "{}: {at_mine} vs {at_theirs}",
                case.name
            );
            continue;
        }
        assert!(
            gap < 1e-4,
            "{}: {mine:?} vs {:?}",
            case.name,
            case.theirs_css
        );
    }
}

#[test]
fn maximised_loglik_is_not_below_statsforecasts() {
    for case in cases() {
        let fitted = fit(&case.y, &case.spec).unwrap();
        let want = case.want["loglik"].as_f64().unwrap();
        assert!(
            fitted.loglik >= want - 1e-6,
            "{}: {} vs {want}",
            case.name,
            fitted.loglik
        );
    }
}

#[test]
fn css_ml_fit_equals_statsforecasts_without_differencing() {
    for case in cases() {
        if case.spec.d + case.spec.seasonal_d > 0 {
            // statsforecast's ML stage stays at its CSS estimate here (see the module docs).
            let gap = coefficient_gap(&case.theirs, &case.theirs_css);
            assert!(gap < 1e-12, "{}: statsforecast's ML stage moved", case.name);
            continue;
        }
        if FLAT.contains(&case.name.as_str()) {
            continue;
        }
        let fitted = fit(&case.y, &case.spec).unwrap();
        let gap = coefficient_gap(&fitted.coefficients, &case.theirs);
        assert!(
            gap < 1e-4,
            "{}: {:?} vs {:?}",
            case.name,
            fitted.coefficients,
            case.theirs
        );
        let want = case.want["loglik"].as_f64().unwrap();
        assert!(relative(fitted.loglik, want) < 1e-4, "{} loglik", case.name);
        let (gap, what) = forecast_gap(&fitted, &case.want);
        assert!(gap < 1e-4, "{} {what}", case.name);
    }
}

/// Prints the differences per case (run with `--nocapture` to read them).
#[test]
fn report_differences() {
    for case in cases() {
        let fitted = fit(&case.y, &case.spec).unwrap();
        let fixed = fit_fixed(&case.y, &case.spec, &case.theirs).unwrap();
        let css = css_estimate(&case.y, &case.spec).unwrap();
        let want = case.want["loglik"].as_f64().unwrap();
        let at = log_likelihood_at(&case.y, &case.spec, &case.theirs).unwrap();
        println!(
            "{}: css {:.1e}; at theirs: loglik {:.1e}, forecasts {:.1e}; ML: coef {:.1e}, loglik {:+.2e} (mine - theirs), forecasts {:.1e}",
            case.name,
            coefficient_gap(&css, &case.theirs_css),
            (at - want).abs(),
            forecast_gap(&fixed, &case.want).0,
            coefficient_gap(&fitted.coefficients, &case.theirs),
            fitted.loglik - want,
            forecast_gap(&fitted, &case.want).0,
        );
    }
}

/// The stepwise search's choice on the fixture's `auto` series, against statsforecast's
/// `AutoARIMA`.
fn auto_choices() -> Vec<(String, ArimaSpec, ArimaSpec, bool)> {
    let doc: Value = serde_json::from_str(FIXTURE).expect("fixture parses");
    let series = doc["series"].as_array().expect("series");
    doc["auto"]
        .as_array()
        .expect("auto")
        .iter()
        .map(|a| {
            let key = a["series"].as_str().expect("series name");
            let values = series
                .iter()
                .find(|s| s["name"].as_str() == Some(key))
                .expect("series in fixture");
            let length = a["length"].as_u64().expect("length") as usize;
            let y = &floats(&values["values"])[..length];
            let m = a["season_length"].as_u64().expect("m") as usize;
            let mine = super::auto_arima(y, m).unwrap();
            let o = order(&a["order"]);
            let s = order(&a["seasonal_order"]);
            let theirs = ArimaSpec::new(o[0], o[1], o[2]).seasonal(s[0], s[1], s[2], m);
            let constant = a["constant"].as_bool().expect("constant");
            (key.to_string(), mine.spec, theirs, constant)
        })
        .collect()
}

/// On the Nile series the search chooses statsforecast's ARIMA(1,1,1) without drift. On
/// the other `auto` series of the fixture (El Niño, seasonal differencing; shampoo, with
/// drift) the choices differ and are only printed: every differenced candidate of
/// statsforecast's search is scored at its CSS coefficients (see the module docs), and its
/// seasonal differencing test decomposes by MSTL rather than classically.
#[test]
fn auto_arima_chooses_statsforecasts_orders() {
    let mut compared = 0;
    for (name, mine, theirs, constant) in auto_choices() {
        println!("{name}: mine {mine:?}, statsforecast {theirs:?}, constant {constant}");
        if name == "nile" {
            assert_eq!(mine.with_constant(Constant::None), theirs, "{name}");
            assert_eq!(mine.constant != Constant::None, constant, "{name}");
            compared += 1;
        }
    }
    assert_eq!(compared, 1);
}
