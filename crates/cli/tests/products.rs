//! `shoplens abc-xyz` and `shoplens recommend` on the Online Retail sample: the numbers
//! equal the pandas fixtures, the CSV exports are what a spreadsheet or a CRM imports, and
//! a saved job reruns through `shoplens run` to the same output.

mod common;

use common::{json, repo, scratch, shoplens};
use serde_json::Value;

const SAMPLE: &str = "testdata/uci-online-retail-sample20k/online_retail_sample20k.csv";

fn fixture(name: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(repo(&format!("testdata/fixtures/{name}"))).unwrap(),
    )
    .unwrap()
}

#[test]
fn abc_xyz_matrix_equals_pandas_and_reruns_from_its_job() {
    let file = repo(SAMPLE);
    let job = scratch("abc_xyz.json");
    let csv = scratch("abc_xyz.csv");
    let direct = json(&[
        "abc-xyz",
        &file,
        "--product-col",
        "StockCode",
        "--json",
        "--out",
        &csv,
        "--save-job",
        &job,
    ]);
    assert_eq!(direct["kind"], "abc_xyz");
    let expected = &fixture("products_abc_xyz_sample20k.json")["runs"][0];
    let matrix = direct["result"]["matrix"].as_array().unwrap();
    let products = direct["result"]["products"].as_array().unwrap();
    let mut counted = 0;
    for (cell, want) in matrix.iter().zip(expected["matrix"].as_array().unwrap()) {
        let class = format!(
            "{}{}",
            cell["abc"].as_str().unwrap(),
            cell["xyz"].as_str().unwrap()
        );
        assert_eq!(class, want["class"].as_str().unwrap());
        assert_eq!(cell["products"], want["products"], "{class}");
        let (got, want) = (
            cell["revenue"].as_f64().unwrap(),
            want["revenue"].as_f64().unwrap(),
        );
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{class}: {got} {want}"
        );
        counted += cell["products"].as_u64().unwrap() as usize;
    }
    assert_eq!(counted, products.len());

    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&job).unwrap()).unwrap();
    assert_eq!(saved["kind"], "abc_xyz");
    assert_eq!(saved["date_column"], "InvoiceDate");
    assert_eq!(saved["price_column"], "UnitPrice");
    let rerun = json(&["run", &job, &file, "--json"]);
    assert_eq!(rerun["result"]["matrix"], direct["result"]["matrix"]);

    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("product,class,ABC,XYZ,measure,revenue"));
    assert_eq!(lines.count(), products.len());
}

#[test]
fn weekly_quantity_classes_equal_pandas() {
    let direct = json(&[
        "abc-xyz",
        &repo(SAMPLE),
        "--product-col",
        "StockCode",
        "--by",
        "quantity",
        "--json",
    ]);
    let expected = &fixture("products_abc_xyz_sample20k.json")["runs"][2];
    assert_eq!(expected["by"], "quantity");
    let classes: Vec<String> = direct["result"]["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}{}{}",
                p["product"].as_str().unwrap(),
                p["abc"].as_str().unwrap(),
                p["xyz"].as_str().unwrap()
            )
        })
        .collect();
    let want: Vec<String> = expected["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{}{}", p[0].as_str().unwrap(), p[1].as_str().unwrap()))
        .collect();
    assert_eq!(classes, want);
}

#[test]
fn recommend_hit_rates_equal_pandas_and_export_for_a_crm() {
    let file = repo(SAMPLE);
    let job = scratch("recommend.json");
    let csv = scratch("recommend.csv");
    // The fixture is pandas' recommender on every product, postage included.
    let direct = json(&[
        "recommend",
        &file,
        "--product-col",
        "StockCode",
        "--keep-non-products",
        "--json",
        "--out",
        &csv,
        "--save-job",
        &job,
    ]);
    assert_eq!(direct["kind"], "recommend");
    // Left open, the pair threshold is chosen on the validation orders (2 on this sample,
    // the value the fixture's held-out figures are for) and the job keeps it open.
    let selection = &direct["result"]["selection"];
    assert_eq!(selection["chosen"], 2, "{selection}");
    assert_eq!(selection["candidates"].as_array().unwrap().len(), 4);
    let want = &fixture("products_recommend_sample20k.json")["evaluation"]["order"];
    let got = &direct["result"]["evaluation"];
    assert_eq!(got["customers"], want["customers"]);
    for model in ["recommender", "popularity"] {
        for metric in ["hit_rate", "recall"] {
            let (g, w) = (
                got[model][metric].as_f64().unwrap(),
                want[model][metric].as_f64().unwrap(),
            );
            assert!((g - w).abs() <= 1e-9, "{model} {metric}: {g} {w}");
        }
    }
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&job).unwrap()).unwrap();
    assert_eq!(saved["customer_column"], "CustomerID");
    assert_eq!(saved["order_column"], "InvoiceNo");
    assert_eq!(saved["params"]["min_together"], Value::Null);
    let given = json(&[
        "recommend",
        &file,
        "--product-col",
        "StockCode",
        "--keep-non-products",
        "--min-together",
        "3",
        "--json",
    ]);
    assert_eq!(given["result"]["selection"], Value::Null);
    assert_eq!(given["result"]["params"]["min_together"], 3);
    let rerun = json(&["run", &job, &file, "--json"]);
    assert_eq!(
        rerun["result"]["evaluation"],
        direct["result"]["evaluation"]
    );
    assert_eq!(
        rerun["result"]["recommendations"],
        direct["result"]["recommendations"]
    );

    assert_eq!(saved["keep_non_products"], true);
    assert_eq!(direct["left_out"], serde_json::json!([]));

    // By default postage and the like are left out, listed, and never recommended.
    let default = json(&["recommend", &file, "--product-col", "StockCode", "--json"]);
    let left_out: Vec<&str> = default["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["product"].as_str().unwrap())
        .collect();
    assert!(left_out.contains(&"POST"), "{left_out:?}");
    let recommended = default["result"]["recommendations"].as_array().unwrap();
    assert!(recommended
        .iter()
        .all(|r| !left_out.contains(&r["product"].as_str().unwrap())));
    assert!(
        direct["result"]["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["product"] == "POST"),
        "postage is popular enough to be recommended when kept"
    );

    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "customer,rank,product,score,reason");
    let customers = direct["result"]["customers"].as_u64().unwrap() as usize;
    assert_eq!(lines.len() - 1, customers * 10);
    assert!(lines[1].starts_with("12347,1,"), "{}", lines[1]);
}

#[test]
fn bad_choices_are_named_and_exit_2() {
    let file = repo(SAMPLE);
    for (args, needle) in [
        (vec!["abc-xyz", &file, "--by", "profit"], "profit"),
        (vec!["abc-xyz", &file, "--a-share", "1.5"], "a_share"),
        (
            vec!["recommend", &file, "--customer-col", "Nobody"],
            "Nobody",
        ),
        (vec!["recommend", &file, "--top", "0"], "top"),
    ] {
        let out = shoplens(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}
