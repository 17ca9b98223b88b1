//! `--save-job` on every analysis command, rerun through `shoplens run JOB.json FILE --json`:
//! the rerun gives the numbers the command printed (rules, itemsets, forecasts, routes,
//! inventory and budget costs, segments).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn scratch(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("shoplens-saved-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

/// Runs shoplens and parses its JSON output (panics with stderr when it fails).
fn json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap()
}

/// Runs `command FILE args... --save-job JOB --json`, then `run JOB FILE --json`; returns
/// both outputs and the saved job.
fn save_and_rerun(command: &str, file: &str, args: &[&str]) -> (Value, Value, Value) {
    let job = scratch(&format!("{command}.json"));
    let mut full = vec![command, file];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--save-job", &job, "--json"]);
    let direct = json(&full);
    let rerun = json(&["run", &job, file, "--json"]);
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&job).unwrap()).unwrap();
    (direct, rerun, saved)
}

#[test]
fn rules_job_reruns_to_the_same_rules() {
    let file = repo("testdata/arules-groceries/groceries.csv");
    let (direct, rerun, saved) = save_and_rerun(
        "rules",
        &file,
        &["--min-support", "0.01", "--min-confidence", "0.3"],
    );
    assert_eq!(saved["kind"], "baskets");
    assert_eq!(saved["source"]["shape"], "line_per_basket");
    assert_eq!(saved["mine"]["min_confidence"], 0.3);
    let rules = direct["rules"].as_array().unwrap();
    assert!(!rules.is_empty());
    let mined = &rerun["mined"];
    assert_eq!(mined["rule_count"].as_u64().unwrap() as usize, rules.len());
    assert_eq!(rerun["prepared"]["report"]["baskets"], direct["baskets"]);
    let best = &mined["rules"][0];
    assert_eq!(best["lift"], rules[0]["lift"]);
}

#[test]
fn itemsets_and_baskets_jobs_rerun_on_order_lines() {
    let file = repo("testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv");
    let (direct, rerun, saved) = save_and_rerun(
        "itemsets",
        &file,
        &["--min-support", "5", "--target", "closed"],
    );
    assert_eq!(saved["source"]["shape"], "order_lines");
    assert_eq!(saved["source"]["basket_columns"][0], "InvoiceNo");
    assert_eq!(saved["mine"]["min_confidence"], Value::Null);
    assert_eq!(
        rerun["mined"]["itemset_count"].as_u64().unwrap() as usize,
        direct["itemsets"].as_array().unwrap().len()
    );
    assert_eq!(rerun["mined"]["rule_count"], 0);
    let (direct, rerun, saved) = save_and_rerun("baskets", &file, &[]);
    assert_eq!(saved["mine"], Value::Null);
    assert_eq!(rerun["prepared"]["report"]["baskets"], direct["baskets"]);
    assert_eq!(rerun["prepared"]["report"]["items"], direct["items"]);
}

#[test]
fn forecast_job_reruns_to_the_same_forecast() {
    let file = repo("public/samples/daily-sales.csv");
    let (direct, rerun, saved) = save_and_rerun(
        "forecast",
        &file,
        &[
            "--date-col",
            "date",
            "--value-col",
            "revenue",
            "--horizon",
            "7",
        ],
    );
    assert_eq!(saved["kind"], "forecast");
    assert_eq!(saved["value_column"], "revenue");
    let a = &direct["series"][0]["forecast"];
    let b = &rerun["series"][0]["report"]["forecast"];
    assert_eq!(a.as_array().unwrap().len(), 7);
    assert_eq!(a, b);
}

#[test]
fn route_budget_and_inventory_jobs_rerun_to_the_same_numbers() {
    let tsp = repo("testdata/tsplib/berlin52.tsp");
    let (direct, rerun, saved) = save_and_rerun("route", &tsp, &["--levels", "100"]);
    assert_eq!(saved["params"]["levels"], 100);
    assert_eq!(
        direct["length"].as_f64().unwrap(),
        rerun["plan"]["length"].as_f64().unwrap().round()
    );

    let ads = repo("testdata/islr-advertising/Advertising.csv");
    let (direct, rerun, saved) = save_and_rerun("budget", &ads, &["--generations", "20"]);
    assert!(saved["total"].as_f64().unwrap() > 0.0);
    assert_eq!(direct["total"], saved["total"]);
    assert_eq!(
        direct["predicted"]["genetic"],
        rerun["plan"]["allocation"]["genetic"]["predicted"]
    );

    let demand = repo("testdata/fixtures/optimize_inventory_demand.csv");
    let products = repo("testdata/fixtures/optimize_inventory_products.csv");
    let (direct, rerun, saved) = save_and_rerun(
        "inventory",
        &demand,
        &["--products", &products, "--generations", "10"],
    );
    assert!(!saved["products"].as_array().unwrap().is_empty());
    assert_eq!(direct["optimised_cost"], rerun["plan"]["optimised_cost"]);
    assert_eq!(direct["baseline_cost"], rerun["plan"]["baseline_cost"]);
}

#[test]
fn segment_job_reruns_to_the_same_inertia() {
    let file = repo("testdata/uci-wholesale-customers/Wholesale_customers_data.csv");
    let (direct, rerun, saved) = save_and_rerun(
        "segment",
        &file,
        &["--k", "3", "--columns", "Fresh,Milk,Grocery", "--log"],
    );
    assert_eq!(saved["kind"], "segment");
    assert_eq!(saved["k"], 3);
    let (a, b) = (
        direct["inertia"].as_f64().unwrap(),
        rerun["inertia"].as_f64().unwrap(),
    );
    assert!((a - b).abs() < 1e-9 * a.max(1.0), "{a} vs {b}");
    // `segment` runs the same core job as `run`: the same result, not only the inertia.
    assert_eq!(direct["kind"], "segment");
    for key in ["labels", "profiles", "silhouette", "features"] {
        assert_eq!(direct[key], rerun[key], "{key}");
    }
}

#[test]
fn inspect_job_and_bad_jobs() {
    let job = scratch("inspect.json");
    std::fs::write(&job, r#"{"kind": "inspect"}"#).unwrap();
    let groceries = repo("testdata/arules-groceries/groceries.csv");
    let out = json(&["run", &job, &groceries, "--json"]);
    assert_eq!(out["kind"], "inspect");
    assert_eq!(out["understanding"]["shape"], "basket_lines");
    assert_eq!(out["rows"], Value::Null);
    let file = repo("public/samples/daily-sales.csv");
    let bad = scratch("bad.json");
    std::fs::write(&bad, r#"{"kind": "forecast", "horizon": 0}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(["run", &bad, &file])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("horizon"));
}
