//! `shoplens inspect` and `shoplens baskets` run as a user runs them: the built binary on the
//! files under `testdata/`, checking the JSON contract, exit codes and one-line errors.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn testdata(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(path)
}

fn shoplens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .expect("run shoplens")
}

fn json_of(args: &[&str]) -> Value {
    let out = shoplens(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn inspect_gbk_file_names_encoding_and_chinese_headers() {
    let path = testdata("quirks/gbk_orders.csv");
    let v = json_of(&["inspect", path.to_str().unwrap(), "--json"]);
    assert_eq!(v["rows"], 3);
    assert_eq!(v["encoding"], "gb18030");
    assert_eq!(v["delimiter"], ",");
    let names: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["订单编号", "买家实际支付金额", "收货地址", "订单付款时间"]
    );
    let amount = &v["columns"][1];
    assert_eq!(amount["type"], "decimal");
    assert_eq!(amount["distinct"], 3);
    assert_eq!(amount["min"], 21.0);
    assert_eq!(amount["max"], 178.8);
    assert_eq!(v["columns"][3]["missing"], 1);
}

#[test]
fn inspect_options_override_detection() {
    let path = testdata("quirks/utf16le_bom.tsv");
    let v = json_of(&["inspect", path.to_str().unwrap(), "--json"]);
    assert_eq!(v["encoding"], "UTF-16LE");
    assert_eq!(v["delimiter"], "\t");
    let xlsx = testdata("quirks/orders.xlsx");
    let v = json_of(&[
        "inspect",
        xlsx.to_str().unwrap(),
        "--json",
        "--sheet",
        "Items",
    ]);
    assert_eq!(v["rows"], 2);
    assert_eq!(v["sheet"], "Items");
    assert_eq!(v["columns"][1]["type"], "integer");
    let spaces = testdata("quirks/spaces.txt");
    let v = json_of(&[
        "inspect",
        spaces.to_str().unwrap(),
        "--json",
        "--delimiter",
        "space",
    ]);
    assert_eq!(v["rows"], 4);
    assert_eq!(v["columns"].as_array().unwrap().len(), 4);
}

#[test]
fn baskets_of_groceries_match_reference() {
    let path = testdata("arules-groceries/groceries.csv");
    let v = json_of(&["baskets", path.to_str().unwrap(), "--json"]);
    // REFERENCE.md: 9,835 baskets, 169 items.
    assert_eq!(v["baskets"], 9835);
    assert_eq!(v["items"], 169);
    assert_eq!(v["removed"]["duplicate_items"], 0);
}

#[test]
fn baskets_of_order_lines_with_explicit_columns() {
    let path = testdata("uci-online-retail-first1071/OnlineRetail_first1071.csv");
    let v = json_of(&[
        "baskets",
        path.to_str().unwrap(),
        "--basket-col",
        "InvoiceNo",
        "--item-col",
        "Description",
        "--quantity-col",
        "Quantity",
        "--json",
    ]);
    // pandas groupby (testdata/fixtures/baskets_online_retail_first1071.json): 63 baskets,
    // 617 items, 10 cancelled lines, 1 blank description, 64 repeats.
    assert_eq!(v["baskets"], 63);
    assert_eq!(v["items"], 617);
    assert_eq!(v["removed"]["cancellations"], 10);
    assert_eq!(v["removed"]["blank_items"], 1);
    assert_eq!(v["removed"]["duplicate_items"], 64);
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let cases: &[(&str, &[&str], &str)] = &[
        ("quirks/png_renamed.csv", &["inspect"], "PNG image"),
        ("quirks/header_only.csv", &["inspect"], "no data rows"),
        (
            "quirks/gbk_orders.csv",
            &["inspect", "--encoding", "utf-8"],
            "not valid UTF-8",
        ),
        (
            "quirks/gbk_orders.csv",
            &["inspect", "--encoding", "klingon"],
            "encoding",
        ),
        (
            "quirks/orders.xlsx",
            &["inspect", "--sheet", "Nope"],
            "Nope",
        ),
        (
            "quirks/pipe.csv",
            &["baskets", "--basket-col", "order"],
            "order",
        ),
        ("does/not/exist.csv", &["inspect"], "does/not/exist.csv"),
    ];
    for (file, args, needle) in cases {
        let path = testdata(file);
        let mut all: Vec<&str> = args.to_vec();
        all.insert(1, path.to_str().unwrap());
        let out = shoplens(&all);
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{all:?}: {stderr}");
        assert!(stderr.contains(needle), "{all:?}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}
