//! `shoplens clv` and `shoplens cohort` on committed data: the JSON carries the fitted
//! parameters lifetimes finds (fixture from `tools/clv_fixture.py`), `--save-job` reruns
//! with `shoplens run` to the same numbers, and bad input is named.

mod common;

use common::{json, repo, scratch, shoplens, RETAIL_COLUMNS};
use serde_json::Value;

const CDNOW: &str = "testdata/cdnow-sample/cdnow_sample.csv";
const RETAIL: &str = "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv";

fn cdnow_args(file: &str) -> Vec<&str> {
    vec![
        "clv",
        file,
        "--customer-col",
        "customer",
        "--date-col",
        "date",
        "--amount-col",
        "amount",
        "--end",
        "1998-06-30",
    ]
}

/// The JSON shape the issue asks for, with lifetimes' parameters from the order lines.
#[test]
fn clv_json_has_lifetimes_parameters() {
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("testdata/cdnow-sample/clv_fixture.json")).unwrap(),
    )
    .unwrap();
    let file = repo(CDNOW);
    let mut args = cdnow_args(&file);
    args.extend(["--calibration-end", "1997-09-30", "--json"]);
    let out = json(&args);
    let theirs = &fixture["order_lines"];
    for key in ["r", "alpha", "a", "b"] {
        let (ours, expected) = (
            out["bgnbd"][key].as_f64().unwrap(),
            theirs["bgnbd"][key].as_f64().unwrap(),
        );
        assert!(
            (ours - expected).abs() <= 1e-3 * expected,
            "{key}: {ours} vs {expected}"
        );
    }
    assert!(out["bgnbd"]["log_likelihood"].as_f64().unwrap() < 0.0);
    for key in ["p", "q", "v"] {
        let (ours, expected) = (
            out["gamma_gamma"][key].as_f64().unwrap(),
            theirs["gamma_gamma"][key].as_f64().unwrap(),
        );
        assert!(
            (ours - expected).abs() <= 1e-3 * expected,
            "{key}: {ours} vs {expected}"
        );
    }
    assert_eq!(out["customers"], 2357);
    assert_eq!(out["rows"].as_array().unwrap().len(), 2357);
    let holdout = &out["holdout"];
    assert_eq!(
        holdout["actual_total"].as_f64().unwrap(),
        fixture["holdout"]["actual_total"].as_f64().unwrap()
    );
    assert_eq!(holdout["groups"].as_array().unwrap().len(), 8);
}

/// `--save-job` writes the spec; `shoplens run` reruns it to the same fit and rows.
#[test]
fn clv_and_cohort_jobs_rerun_to_the_same_numbers() {
    let file = repo(CDNOW);
    let job = scratch("clv.json");
    let mut args = cdnow_args(&file);
    args.extend([
        "--unit",
        "day",
        "--periods",
        "90",
        "--save-job",
        &job,
        "--json",
    ]);
    let first = json(&args);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&job).unwrap()).unwrap();
    assert_eq!(saved["kind"], "clv");
    assert_eq!(saved["unit"], "day");
    assert_eq!(saved["columns"]["customer"], "customer");
    let rerun = json(&["run", &job, &file, "--json"]);
    assert_eq!(rerun["kind"], "clv");
    assert_eq!(rerun["bgnbd"], first["bgnbd"]);
    assert_eq!(rerun["rows"], first["rows"]);

    let retail = repo(RETAIL);
    let cohort_job = scratch("cohort.json");
    let mut args = vec!["cohort", retail.as_str()];
    args.extend(RETAIL_COLUMNS);
    args.extend(["--period", "week", "--save-job", &cohort_job, "--json"]);
    let cohorts = json(&args);
    assert_eq!(cohorts["period"], "week");
    assert_eq!(cohorts["customers"], 3017);
    let rerun = json(&["run", &cohort_job, &retail, "--json"]);
    assert_eq!(rerun["cohorts"], cohorts["cohorts"]);
}

/// With no column flags, clv and cohort take the file's own columns (the same as naming
/// them); naming only some of them is an error that says what to give.
#[test]
fn columns_default_to_the_files_own() {
    let retail = repo(RETAIL);
    for command in ["clv", "cohort"] {
        let by_default = json(&[command, &retail, "--json"]);
        let mut args = vec![command, retail.as_str()];
        args.extend(RETAIL_COLUMNS);
        args.push("--json");
        let given = json(&args);
        assert_eq!(by_default["customers"], given["customers"], "{command}");
        let rows = if command == "clv" { "rows" } else { "cohorts" };
        assert_eq!(by_default[rows], given[rows], "{command}");
    }
    let out = shoplens(&["clv", &retail, "--customer-col", "CustomerID"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--date-col"), "{stderr}");
}

/// A date that is not one is named, with exit code 2.
#[test]
fn a_bad_calibration_day_is_named() {
    let file = repo(CDNOW);
    let mut args = cdnow_args(&file);
    args.extend(["--calibration-end", "1997-13-45"]);
    let out = shoplens(&args);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1997-13-45"), "{stderr}");
}

/// The text report names the models and the holdout groups; `--out` writes the CSV.
#[test]
fn text_report_and_csv() {
    let file = repo(CDNOW);
    let csv = scratch("clv.csv");
    let mut args = cdnow_args(&file);
    args.extend([
        "--calibration-end",
        "1997-09-30",
        "--model",
        "pareto_nbd",
        "--out",
        &csv,
    ]);
    let out = shoplens(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in ["BG/NBD: r", "Pareto/NBD: r", "Gamma-Gamma: p", "7+"] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(
        written.starts_with("\u{feff}customer,frequency"),
        "{written:.80}"
    );
    assert_eq!(written.lines().count(), 2358);
}
