//! `--threads`: the analyses whose pieces run side by side (forest trees, cross-validation
//! folds and grid points, k-means starts and the elbow's k values, per-series forecasts)
//! print the same answer on one thread and on two; only the timings differ.

mod common;

use common::{json, repo, scratch, shoplens};
use serde_json::Value;
use shoplens_core::jobs::segment::{SegmentJob, SegmentSource};
use shoplens_core::jobs::Job;

const WHOLESALE: &str = "testdata/uci-wholesale-customers/Wholesale_customers_data.csv";

/// `args` run with `--threads N` (must succeed), as JSON with every timing removed.
fn answer(threads: &str, args: &[&str]) -> Value {
    let mut all = vec!["--threads", threads];
    all.extend_from_slice(args);
    let mut v = json(&all);
    drop_timings(&mut v);
    v
}

/// Removes the fields that measure time (`ms`, `seconds`, `…_ms`, `…_seconds`).
fn drop_timings(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, _| !(k == "ms" || k.ends_with("_ms") || k.ends_with("seconds")));
            map.values_mut().for_each(drop_timings);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_timings),
        _ => {}
    }
}

/// One thread and two give the same JSON, which is not empty.
fn same_on_one_and_two(args: &[&str]) -> Value {
    let one = answer("1", args);
    let two = answer("2", args);
    assert_eq!(one, two, "{args:?}");
    one
}

#[test]
fn compare_and_a_forest_grid_are_the_same_on_one_and_two_threads() {
    let file = repo(WHOLESALE);
    let compare = same_on_one_and_two(&[
        "compare", &file, "--target", "Channel", "--folds", "4", "--json",
    ]);
    let kinds: Vec<&str> = compare["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"forest"), "{kinds:?}");
    let grid = same_on_one_and_two(&[
        "grid", &file, "--target", "Channel", "--model", "forest", "--folds", "3", "--json",
    ]);
    assert!(grid["rows"].as_array().unwrap().len() >= 3, "{grid}");
}

#[test]
fn a_forest_fit_is_the_same_on_one_and_two_threads() {
    let file = repo(WHOLESALE);
    let fit = same_on_one_and_two(&[
        "fit", &file, "--target", "Channel", "--model", "forest", "--json",
    ]);
    assert!(fit.to_string().contains("accuracy"), "{fit}");
}

#[test]
fn k_means_starts_and_the_elbow_are_the_same_on_one_and_two_threads() {
    let file = repo(WHOLESALE);
    let job = scratch("elbow-job.json");
    let spec = Job::Segment(SegmentJob {
        source: SegmentSource::Columns(
            [
                "Fresh",
                "Milk",
                "Grocery",
                "Frozen",
                "Detergents_Paper",
                "Delicassen",
            ]
            .map(String::from)
            .to_vec(),
        ),
        log: true,
        k: 4,
        elbow: true,
        ..SegmentJob::default()
    });
    std::fs::write(&job, serde_json::to_string(&spec).unwrap()).unwrap();
    let segments = same_on_one_and_two(&["run", &job, &file, "--json"]);
    let text = segments.to_string();
    assert!(
        text.contains("elbow") && text.contains("silhouette"),
        "{text}"
    );
}

#[test]
fn per_store_forecasts_are_the_same_on_one_and_two_threads() {
    let path = scratch("stores.csv");
    let mut csv = String::from("Store,Date,Sales\n");
    for store in 0..6 {
        for month in 0..30 {
            let (y, m) = (2020 + month / 12, month % 12 + 1);
            let season = [5.0, 1.0, -2.0, -4.0][month % 4] * (1.0 + store as f64);
            let noise = ((month * 7 + store * 13) % 5) as f64;
            let sales = 40.0 + 10.0 * store as f64 + 0.8 * month as f64 + season + noise;
            csv += &format!("S{store},{y}-{m:02}-01,{sales}\n");
        }
    }
    std::fs::write(&path, csv).unwrap();
    let out = same_on_one_and_two(&[
        "forecast",
        &path,
        "--date-col",
        "Date",
        "--value-col",
        "Sales",
        "--group-col",
        "Store",
        "--horizon",
        "4",
        "--season",
        "4",
        "--json",
    ]);
    let series = out["series"].as_array().unwrap();
    assert_eq!(series.len(), 6);
    assert_eq!(series[5]["group"], "S5");
}

#[test]
fn a_thread_count_that_is_not_a_number_is_refused() {
    let out = shoplens(&["--threads", "x", "inspect", &repo(WHOLESALE)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--threads"));
}
