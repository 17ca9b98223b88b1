//! `compare`, `grid`, `churn`, `fit --save-job` and `run`, run as the built binary, against
//! the same jobs run through shoplens-core.

mod common;

use common::RETAIL_COLUMNS;
use serde_json::Value;
use shoplens_core::jobs::churn::ChurnJob;
use shoplens_core::jobs::compare::CompareJob;
use shoplens_core::jobs::{Job, JobOutput, ModelData};
use shoplens_core::progress::Silent;
use shoplens_core::table::{read_bytes, ReadOptions, Table};
use std::path::PathBuf;
use std::process::Command;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shoplens-jobs-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn shoplens(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn table(path: &PathBuf) -> Table {
    read_bytes(&std::fs::read(path).unwrap(), &ReadOptions::default()).unwrap()
}

const WHOLESALE: &str = "testdata/uci-wholesale-customers/Wholesale_customers_data.csv";
const RETAIL: &str = "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv";

/// `compare --json` gives the scores core's compare job gives on the same file, and the job
/// it saved reruns through `run --json` to the same scores.
#[test]
fn compare_matches_core_and_its_saved_job_reruns() {
    let file = repo(WHOLESALE);
    let job_file = scratch("compare.json");
    let (ok, out, err) = shoplens(&[
        "compare",
        file.to_str().unwrap(),
        "--target",
        "Channel",
        "--folds",
        "4",
        "--save-job",
        job_file.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let cli: Value = serde_json::from_str(&out).unwrap();
    let job = Job::Compare(CompareJob {
        data: ModelData {
            target: "Channel".into(),
            ..ModelData::default()
        },
        folds: 4,
    });
    let JobOutput::Compare(core) = job.run(&table(&file), &mut Silent).unwrap() else {
        panic!("not a comparison");
    };
    let rows = cli["rows"].as_array().unwrap();
    assert_eq!(rows.len(), core.rows.len());
    for (c, k) in rows.iter().zip(&core.rows) {
        assert_eq!(c["kind"], k.kind.as_str());
        assert_eq!(c["mean"].as_f64().unwrap(), k.mean);
    }
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&job_file).unwrap()).unwrap();
    assert_eq!(saved["kind"], "compare");
    assert_eq!(saved["task"], "classification");
    let (ok, out, err) = shoplens(&[
        "run",
        job_file.to_str().unwrap(),
        file.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let rerun: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rerun["kind"], "compare");
    for (a, b) in rerun["rows"].as_array().unwrap().iter().zip(rows) {
        assert_eq!(a["mean"], b["mean"]);
    }
}

/// `grid` varies the model's main parameter; a regression model for a class target is
/// refused with the value named.
#[test]
fn grid_tunes_knn_and_refuses_linear_for_classes() {
    let file = repo(WHOLESALE);
    let (ok, out, err) = shoplens(&[
        "grid",
        file.to_str().unwrap(),
        "--target",
        "Channel",
        "--model",
        "knn",
        "--folds",
        "3",
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 15);
    assert_eq!(v["rows"][4]["label"], "k = 5");
    let (ok, _, err) = shoplens(&[
        "grid",
        file.to_str().unwrap(),
        "--target",
        "Channel",
        "--model",
        "linear",
    ]);
    assert!(!ok);
    assert!(err.contains("linear"), "{err}");
}

/// `fit --test-size 0` says its scores are in-sample and never "held-out"; `--exclude`
/// leaves a column out; the saved job reruns to the same metrics.
#[test]
fn fit_in_sample_exclude_and_saved_job() {
    let file = repo("testdata/islr-advertising/Advertising.csv");
    let (ok, out, err) = shoplens(&[
        "fit",
        file.to_str().unwrap(),
        "--target",
        "sales",
        "--test-size",
        "0",
        "--exclude",
        "newspaper",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("in-sample"), "{out}");
    assert!(!out.contains("held-out"), "{out}");
    assert!(!out.contains("newspaper  "), "{out}");
    let job_file = scratch("fit.json");
    let (ok, out, err) = shoplens(&[
        "fit",
        file.to_str().unwrap(),
        "--target",
        "sales",
        "--model",
        "tree",
        "--features",
        "TV,radio",
        "--save-job",
        job_file.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let fit: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(fit["evaluation"], "held_out");
    assert_eq!(fit["features"], serde_json::json!(["TV", "radio"]));
    let (ok, out, err) = shoplens(&[
        "run",
        job_file.to_str().unwrap(),
        file.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let rerun: Value = serde_json::from_str(&out).unwrap();
    let metrics = rerun["metrics"].as_array().unwrap();
    let r2 = metrics.iter().find(|m| m[0] == "r2").unwrap()[1].as_f64();
    assert_eq!(r2, fit["metrics"]["r2"].as_f64());
}

/// `churn --json` gives the figures core's churn job gives on the same order lines.
#[test]
fn churn_matches_core() {
    let file = repo(RETAIL);
    let mut args = vec!["churn", file.to_str().unwrap()];
    args.extend(RETAIL_COLUMNS);
    args.extend(["--window-days", "60", "--json"]);
    let (ok, out, err) = shoplens(&args);
    assert!(ok, "{err}");
    let cli: Value = serde_json::from_str(&out).unwrap();
    let job: ChurnJob = serde_json::from_str(
        r#"{"columns": {"customer": "CustomerID", "date": "InvoiceDate",
            "amount": {"QuantityPrice": {"quantity": "Quantity", "price": "UnitPrice"}},
            "invoice": "InvoiceNo"}, "window_days": 60}"#,
    )
    .unwrap();
    let JobOutput::Churn(core) = Job::Churn(job).run(&table(&file), &mut Silent).unwrap() else {
        panic!("not churn");
    };
    assert_eq!(cli["cutoff"], core.cutoff.as_str());
    assert_eq!(cli["customers"], core.customers);
    for (key, value) in [
        ("auc", core.auc),
        ("recency_auc", core.recency_auc),
        ("precision", core.precision),
        ("recall", core.recall),
        ("f1", core.f1),
    ] {
        assert_eq!(cli[key].as_f64(), Some(value), "{key}");
    }
}

/// `rfm --save-job` writes a job that `run --json` reruns to the same customers.
#[test]
fn rfm_saved_job_reruns() {
    let file = repo(RETAIL);
    let job_file = scratch("rfm.json");
    let mut args = vec!["rfm", file.to_str().unwrap()];
    args.extend(RETAIL_COLUMNS);
    args.extend(["--save-job", job_file.to_str().unwrap(), "--json"]);
    let (ok, out, err) = shoplens(&args);
    assert!(ok, "{err}");
    let direct: Value = serde_json::from_str(&out).unwrap();
    let (ok, out, err) = shoplens(&[
        "run",
        job_file.to_str().unwrap(),
        file.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let rerun: Value = serde_json::from_str(&out).unwrap();
    let customers = rerun["result"]["customers"].as_array().unwrap().len();
    assert!(customers > 0);
    assert_eq!(
        Some(customers as u64),
        direct["customers"].as_u64(),
        "{direct}"
    );
}

/// A baskets job from the tab that leaves out the placeholder `NONE` reruns through `run`
/// without it: no rule and no companion list names it, and the job it echoes keeps the
/// exclusion and the companion floors.
#[test]
fn run_keeps_the_tab_s_excluded_items() {
    let job_file = scratch("baskets-exclude.json");
    std::fs::write(
        &job_file,
        r#"{"kind": "baskets", "source": {"exclude_items": ["NONE"]},
            "mine": {"min_support": {"Fraction": 0.05}, "min_confidence": 0.5,
                     "companions": {"min_support": {"Count": 5}, "min_lift": 1.0}}}"#,
    )
    .unwrap();
    let data = repo("testdata/basket-quirks/bakery_none.csv");
    let (ok, out, err) = shoplens(&[
        "run",
        job_file.to_str().unwrap(),
        data.to_str().unwrap(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let value: Value = serde_json::from_str(&out).unwrap();
    let text = value.to_string();
    assert!(text.contains(r#""exclude_items":["NONE"]"#), "{text}");
    let mined = find(&value, "mined").expect("mined in the output");
    let items: Vec<&str> = mined["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap())
        .collect();
    assert!(!items.contains(&"NONE"), "{items:?}");
    assert!(!mined["rules"].as_array().unwrap().is_empty());
    assert!(!mined["companions"].to_string().contains("NONE"));
}

/// The first value under key `key` anywhere in `value`.
fn find<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find(v, key))),
        Value::Array(list) => list.iter().find_map(|v| find(v, key)),
        _ => None,
    }
}
