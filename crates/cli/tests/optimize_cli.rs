//! The `route`, `inventory` and `budget` subcommands, run as the built binary on the
//! repository's test data.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn shoplens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = shoplens(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn path(p: &str) -> String {
    repo(p).to_string_lossy().into_owned()
}

#[test]
fn route_berlin52_reaches_the_optimum_in_tsplib_units() {
    let v = json(&[
        "route",
        &path("testdata/tsplib/berlin52.tsp"),
        "--json",
        "--seed",
        "42",
    ]);
    // nint convention: an integer, within 1% of the optimum 7542.
    let length = v["length"].as_i64().expect("integer length");
    assert!((7542..=7617).contains(&length), "{length}");
    let routes = v["routes"].as_array().unwrap();
    assert_eq!(routes.len(), 1);
    let tour: Vec<&str> = routes[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!((tour.len(), tour[0], tour[52]), (53, "1", "1"));
    let mut ids: Vec<usize> = tour[..52].iter().map(|s| s.parse().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(ids, (1..=52).collect::<Vec<_>>());
}

#[test]
fn route_cvrp_respects_vehicles_and_capacity() {
    let v = json(&[
        "route",
        &path("testdata/cvrp/A-n32-k5.vrp"),
        "--vehicles",
        "5",
        "--json",
    ]);
    let length = v["length"].as_i64().unwrap();
    assert!((784..=807).contains(&length), "{length}");
    assert!(v["routes"].as_array().unwrap().len() <= 5);
    assert!(v["loads"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l.as_f64().unwrap() <= 100.0));
    assert_eq!(v["feasible"], Value::Bool(true));
    // A tighter capacity from the command line needs more vehicles than allowed.
    let v = json(&[
        "route",
        &path("testdata/cvrp/A-n32-k5.vrp"),
        "--vehicles",
        "5",
        "--capacity",
        "60",
        "--levels",
        "50",
        "--json",
    ]);
    assert_eq!(v["feasible"], Value::Bool(false));
}

#[test]
fn route_same_seed_same_output() {
    let args = [
        "route",
        &path("testdata/tsplib/eil51.tsp"),
        "--levels",
        "100",
        "--seed",
        "7",
        "--json",
    ];
    let (a, b) = (shoplens(&args), shoplens(&args));
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn route_reads_a_csv_of_stops() {
    let dir = std::env::temp_dir().join(format!("shoplens-route-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stops.csv");
    std::fs::write(&file, "id,lat,lon,demand\ndepot,48.8566,2.3522,0\nA,48.8606,2.3376,3\nB,48.8530,2.3499,4\nC,48.8738,2.2950,2\n").unwrap();
    let v = json(&["route", file.to_str().unwrap(), "--json"]);
    let length = v["length"].as_f64().unwrap();
    // Four points in Paris: a loop of several kilometres, not degrees or metres.
    assert!(length > 5.0 && length < 20.0, "{length}");
    assert_eq!(v["routes"][0][0], "depot");
}

#[test]
fn route_errors_name_the_line_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("shoplens-route-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.tsp");
    std::fs::write(
        &file,
        "NAME: bad\nTYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 x 1\n",
    )
    .unwrap();
    let out = shoplens(&["route", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsp") && err.contains("line 6"), "{err}");
}

#[test]
fn inventory_reports_baseline_and_optimised_cost() {
    let demand = path("testdata/fixtures/optimize_inventory_demand.csv");
    let products = path("testdata/fixtures/optimize_inventory_products.csv");
    let v = json(&[
        "inventory",
        &demand,
        "--products",
        &products,
        "--generations",
        "60",
        "--json",
    ]);
    let baseline = v["baseline_cost"].as_f64().unwrap();
    let optimised = v["optimised_cost"].as_f64().unwrap();
    assert!(
        optimised <= baseline && optimised > 0.0,
        "{optimised} vs {baseline}"
    );
    assert_eq!(v["products"].as_array().unwrap().len(), 6);
    assert_eq!(v["days"], 181);
    let capital = v["baseline_capital"].as_f64().unwrap();
    let budget = format!("{}", (0.7 * capital).round());
    let v = json(&[
        "inventory",
        &demand,
        "--products",
        &products,
        "--budget",
        &budget,
        "--generations",
        "60",
        "--json",
    ]);
    assert_eq!(v["optimised_feasible"], Value::Bool(true));
    assert!(v["optimised_capital"].as_f64().unwrap() <= 0.7 * capital + 1.0);
}

#[test]
fn budget_splits_the_total_both_ways() {
    let v = json(&[
        "budget",
        &path("testdata/islr-advertising/Advertising.csv"),
        "--total",
        "200",
        "--max",
        "TV=120",
        "--json",
    ]);
    let channels = v["channels"].as_array().unwrap();
    assert_eq!(channels.len(), 3);
    for method in ["current", "greedy", "genetic"] {
        let sum: f64 = channels.iter().map(|c| c[method].as_f64().unwrap()).sum();
        assert!((sum - 200.0).abs() < 1e-6, "{method}: {sum}");
    }
    assert!(channels[0]["genetic"].as_f64().unwrap() <= 120.0 + 1e-9);
    let p = &v["predicted"];
    assert!(p["genetic"].as_f64().unwrap() >= p["greedy"].as_f64().unwrap() - 1e-9);
    // The recommended split never predicts less than today's.
    let recommended = v["recommended"].as_str().unwrap();
    assert!(p[recommended].as_f64().unwrap() >= p["current"].as_f64().unwrap());
    assert!(v["r2"].as_f64().unwrap() > 0.9);
    let h = &v["holdout"];
    assert!(h["rmse"].as_f64().unwrap() < h["linear_rmse"].as_f64().unwrap());
    let out = shoplens(&[
        "budget",
        &path("testdata/islr-advertising/Advertising.csv"),
        "--total",
        "200",
        "--min",
        "TV",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CHANNEL=AMOUNT"));
}

#[test]
fn inventory_builds_products_from_an_order_export_and_checks_out_of_sample() {
    let orders = path("public/samples/online-retail-orders.csv");
    let dir = std::env::temp_dir().join(format!("shoplens-inv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let products = dir.join("products.csv");
    let job = dir.join("job.json");
    let v = json(&[
        "inventory",
        &orders,
        "--build-products",
        "--product-col",
        "StockCode",
        "--max-products",
        "10",
        "--generations",
        "30",
        "--write-products",
        products.to_str().unwrap(),
        "--save-job",
        job.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(v["products"].as_array().unwrap().len(), 10);
    let inside = &v["in_sample"];
    let outside = &v["out_of_sample"];
    let days = v["days"].as_u64().unwrap();
    assert_eq!(
        inside["days"].as_u64().unwrap() + outside["days"].as_u64().unwrap(),
        days
    );
    assert!(outside["baseline_cost"].as_f64().unwrap() > 0.0);
    let rec = outside["recommendation"].as_str().unwrap();
    assert!(rec == "baseline" || rec == "optimised", "{rec}");
    let text = std::fs::read_to_string(&products).unwrap();
    assert!(text.starts_with("product,unit_cost,order_cost,holding_rate,lead_time,case_pack,"));
    assert_eq!(text.lines().count(), 11);
    let saved = std::fs::read_to_string(&job).unwrap();
    assert!(
        saved.contains("build_products") && saved.contains("UnitPrice"),
        "{saved}"
    );
    let rerun = shoplens(&["run", job.to_str().unwrap(), &orders]);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn inventory_refuses_a_budget_no_plan_can_meet() {
    let out = shoplens(&[
        "inventory",
        &path("testdata/fixtures/optimize_inventory_demand.csv"),
        "--products",
        &path("testdata/fixtures/optimize_inventory_products.csv"),
        "--budget",
        "10",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("budget = 10 cannot be met"), "{err}");
    assert!(err.contains("needs "), "{err}");
}

#[test]
fn budget_states_currency_and_period_and_offers_a_template() {
    let out = shoplens(&["budget", "--template"]);
    assert!(out.status.success());
    let template = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(template.starts_with("week,search_usd,"), "{template}");
    let dir = std::env::temp_dir().join(format!("shoplens-budget-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Twelve weeks of the template's shape.
    let mut text = String::from("week,search_usd,social_usd,sales_usd\n");
    for w in 0..12u32 {
        text.push_str(&format!(
            "2024-{:02}-{:02},{},{},{}\n",
            1 + w / 4,
            1 + 7 * (w % 4),
            100 + 13 * (w % 5),
            50 + 7 * (w % 3),
            900 + 40 * (w % 5) + 11 * (w % 3)
        ));
    }
    let file = dir.join("weeks.csv");
    std::fs::write(&file, text).unwrap();
    let v = json(&["budget", file.to_str().unwrap(), "--json"]);
    assert_eq!(v["currency"], "USD");
    assert_eq!(v["period"], "week");
    let v = json(&[
        "budget",
        file.to_str().unwrap(),
        "--currency",
        "CNY",
        "--period",
        "month",
        "--json",
    ]);
    assert_eq!(
        (v["currency"].as_str(), v["period"].as_str()),
        (Some("CNY"), Some("month"))
    );
    std::fs::remove_dir_all(&dir).ok();
}
