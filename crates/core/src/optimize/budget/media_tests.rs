//! The media model on ISLR's Advertising data against scipy.optimize.curve_fit
//! (`testdata/islr-advertising/media_fit.json`, written by `tools/budget_media_fixture.py`
//! with scipy 1.17.1), and against the straight line ISLR publishes.

use super::media::{fit_linear, fit_media_model, holdout_check};
use serde_json::Value;

fn advertising() -> (Vec<Vec<f64>>, Vec<f64>) {
    let text = include_str!("../../../../../testdata/islr-advertising/Advertising.csv");
    let mut spend = vec![Vec::new(); 3];
    let mut sales = Vec::new();
    for line in text.lines().skip(1) {
        let v: Vec<f64> = line.trim().split(',').map(|f| f.parse().unwrap()).collect();
        for c in 0..3 {
            spend[c].push(v[c]);
        }
        sales.push(v[3]);
    }
    (spend, sales)
}

fn fixture() -> Value {
    serde_json::from_str(include_str!(
        "../../../../../testdata/islr-advertising/media_fit.json"
    ))
    .unwrap()
}

fn get(v: &Value, path: &[&str]) -> f64 {
    path.iter()
        .fold(v, |v, k| &v[*k])
        .as_f64()
        .unwrap_or_else(|| panic!("{path:?}"))
}

/// ISLR (2nd ed., table 3.9): sales = 2.939 + 0.046 TV + 0.189 radio − 0.001 newspaper.
#[test]
fn the_straight_line_is_islrs() {
    let (spend, sales) = advertising();
    let line = fit_linear(&spend, &sales).unwrap();
    for (got, published) in line.iter().zip([2.939, 0.046, 0.189, -0.001]) {
        assert!((got - published).abs() < 5e-4, "{line:?}");
    }
    let want = fixture()["linear"]["coefficients"].clone();
    for (i, got) in line.iter().enumerate() {
        let w = want[i].as_f64().unwrap();
        assert!(
            (got - w).abs() <= 1e-8 * w.abs().max(1.0),
            "{i}: {got} vs {w}"
        );
    }
}

/// The full-data fit: a sum of squares at least as small as curve_fit's best of 27
/// starts (within 1e-6 relative) and the same R² within 1e-3. Our compass search ends
/// slightly lower than curve_fit's best start, where the surface is flat, so the
/// fitted values are compared to 0.25 sales units (1.8 % of the mean) rather than
/// parameter by parameter; the figures are printed for the record.
#[test]
fn advertising_fit_matches_curve_fit() {
    let (spend, sales) = advertising();
    let fx = fixture();
    let want = &fx["media_model"];
    let fit = fit_media_model(&spend, &sales).unwrap();
    eprintln!("media fit on Advertising: {fit:?}");
    let scipy_sse = get(want, &["sse"]);
    assert!(
        fit.sse <= scipy_sse * (1.0 + 1e-6),
        "{} vs {scipy_sse}",
        fit.sse
    );
    assert!((fit.r2 - get(want, &["r2"])).abs() < 1e-3, "r2 {}", fit.r2);
    let predicted = fit.predict(&spend);
    for (t, (ours, theirs)) in predicted
        .iter()
        .zip(want["predicted"].as_array().unwrap())
        .enumerate()
    {
        let theirs = theirs.as_f64().unwrap();
        assert!((ours - theirs).abs() < 0.25, "row {t}: {ours} vs {theirs}");
    }
    assert!(fit.base >= 0.0 && fit.channels.iter().all(|c| c.top >= 0.0));
}

/// Fitted on the first 150 rows, scored on the last 50: the curves' error matches
/// curve_fit's (within 2 %) and beats the straight line's, which matches numpy's.
#[test]
fn held_out_rows_favour_the_curves() {
    let (spend, sales) = advertising();
    let fx = fixture();
    let check = holdout_check(&spend, &sales, 0.25).unwrap();
    assert_eq!((check.training_rows, check.held_out_rows), (150, 50));
    let rmse = get(&fx, &["holdout", "rmse"]);
    let linear = get(&fx, &["holdout", "linear_rmse"]);
    eprintln!("held out: {check:?}");
    assert!(
        (check.rmse - rmse).abs() <= 0.02 * rmse,
        "{} vs {rmse}",
        check.rmse
    );
    assert!(
        (check.linear_rmse - linear).abs() <= 1e-8 * linear,
        "{check:?}"
    );
    assert!(check.rmse < check.linear_rmse);
}
