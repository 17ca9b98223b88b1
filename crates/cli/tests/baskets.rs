//! `shoplens itemsets` and `shoplens rules` run as a user runs them: the built binary on
//! files, JSON parsed back. Counts from REFERENCE.md (pyfim 6.28).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn groceries() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/arules-groceries/groceries.csv")
}

fn shoplens(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = shoplens(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).expect("one JSON object")
}

/// A file in the temp folder, unique to this test.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shoplens-cli-baskets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn itemsets_json_counts_match_reference() {
    let file = groceries();
    let file = file.to_str().unwrap();
    for (support, expected) in [("0.01", 333), ("0.5%", 1_001), ("10", 13_492)] {
        let out = json(&["itemsets", file, "--min-support", support, "--json"]);
        assert_eq!(out["baskets"], 9835);
        assert_eq!(out["items"], 169);
        let itemsets = out["itemsets"].as_array().unwrap();
        assert_eq!(itemsets.len(), expected, "{support}");
        let first = itemsets[0].as_object().unwrap();
        assert_eq!(
            first.keys().collect::<Vec<_>>(),
            ["items", "count", "support"]
        );
    }
    for (algorithm, target, expected) in [
        ("apriori", "all", 1_001),
        ("eclat", "maximal", 708),
        ("fpgrowth", "closed", 1_001),
    ] {
        let out = json(&[
            "itemsets",
            file,
            "--min-support",
            "0.005",
            "--algorithm",
            algorithm,
            "--target",
            target,
            "--json",
        ]);
        assert_eq!(out["itemsets"].as_array().unwrap().len(), expected);
    }
}

#[test]
fn item_names_are_trimmed_as_in_the_file() {
    // groceries.csv writes "cream cheese " with a trailing space on some lines.
    let file = groceries();
    let out = json(&[
        "itemsets",
        file.to_str().unwrap(),
        "--min-support",
        "0.01",
        "--json",
    ]);
    let has = |name: &str| {
        out["itemsets"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["items"] == serde_json::json!([name]))
    };
    assert!(has("cream cheese"));
    assert!(!has("cream cheese "));
}

#[test]
fn rules_json_counts_and_measures() {
    let file = groceries();
    let file = file.to_str().unwrap();
    let base = [
        "rules",
        file,
        "--min-confidence",
        "0.5",
        "--json",
        "--min-support",
    ];
    for (support, rules_1c, rules_all) in [("0.01", 15, 15), ("0.001", 5_668, 5_829)] {
        let mut args = base.to_vec();
        args.push(support);
        let out = json(&args);
        assert_eq!(
            out["rules"].as_array().unwrap().len(),
            rules_1c,
            "{support}"
        );
        args.extend(["--max-consequent", "0"]);
        let out = json(&args);
        assert_eq!(
            out["rules"].as_array().unwrap().len(),
            rules_all,
            "{support}"
        );
    }
    let mut args = base.to_vec();
    args.extend(["0.01", "--sort", "lift", "--top", "1"]);
    let out = json(&args);
    let rule = &out["rules"][0];
    assert_eq!(
        rule.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "antecedent",
            "consequent",
            "support",
            "confidence",
            "lift",
            "leverage",
            "conviction"
        ]
    );
    assert_eq!(
        rule["antecedent"],
        serde_json::json!(["citrus fruit", "root vegetables"])
    );
    assert_eq!(rule["consequent"], serde_json::json!(["other vegetables"]));
    assert!((rule["lift"].as_f64().unwrap() - 3.0296).abs() < 5e-5);
}

#[test]
fn dat_files_and_infinite_conviction() {
    // Space-separated, trailing spaces as in the FIMI files. Items 1 and 2 always come
    // together: 1 → 2 and 2 → 1 have confidence 1 and a null conviction; at count 2 no
    // other pair is frequent.
    let file = temp_file("tiny.dat", "1 2 3 \n1 2 \n3 4\n1 2 4\n");
    let out = json(&[
        "rules",
        file.to_str().unwrap(),
        "--min-support",
        "2",
        "--min-confidence",
        "0.9",
        "--json",
    ]);
    assert_eq!(out["baskets"], 4);
    let rules = out["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 2, "{out}");
    assert_eq!(rules[0]["antecedent"], serde_json::json!(["1"]));
    assert_eq!(rules[0]["consequent"], serde_json::json!(["2"]));
    assert!((rules[0]["lift"].as_f64().unwrap() - 4.0 / 3.0).abs() < 1e-12);
    assert!(rules.iter().all(|r| r["conviction"].is_null()));
}

#[test]
fn bad_support_is_refused_with_the_value() {
    let file = groceries();
    let (code, _, stderr) = shoplens(&["itemsets", file.to_str().unwrap(), "--min-support", "0"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("min_support = 0"), "{stderr}");
    let (code, _, stderr) = shoplens(&["itemsets", file.to_str().unwrap(), "--min-support", "x"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("\"x\""), "{stderr}");
}

#[test]
fn constraints_and_csv() {
    let file = groceries();
    let file = file.to_str().unwrap();
    let out = json(&[
        "rules",
        file,
        "--min-support",
        "0.001",
        "--min-confidence",
        "0.5",
        "--rhs",
        "whole milk",
        "--json",
    ]);
    let rules = out["rules"].as_array().unwrap();
    assert!(rules.len() > 100);
    assert!(rules
        .iter()
        .all(|r| r["consequent"] == serde_json::json!(["whole milk"])));
    let out = json(&[
        "itemsets",
        file,
        "--min-support",
        "0.01",
        "--require",
        "yogurt",
        "--exclude",
        "whole milk",
        "--json",
    ]);
    for set in out["itemsets"].as_array().unwrap() {
        let items = set["items"].as_array().unwrap();
        assert!(items.contains(&serde_json::json!("yogurt")));
        assert!(!items.contains(&serde_json::json!("whole milk")));
    }
    let (code, csv, _) = shoplens(&[
        "rules",
        file,
        "--min-support",
        "0.01",
        "--min-confidence",
        "0.5",
        "--csv",
    ]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("\u{feff}antecedent,consequent,baskets,support,confidence,lift"));
    // Header plus 15 rules, CRLF line ends.
    assert_eq!(csv.split("\r\n").filter(|l| !l.is_empty()).count(), 16);
}

#[test]
fn an_exploding_search_stops_at_the_default_budget() {
    // mushroom at 1% has 90,751,400 frequent itemsets (pyfim): the default budget ends the
    // search with a partial result and says so, rather than filling the machine's memory.
    let file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/fimi-mushroom/mushroom.dat");
    let (code, stdout, stderr) = shoplens(&[
        "rules",
        file.to_str().unwrap(),
        "--min-support",
        "0.01",
        "--min-confidence",
        "0.99",
        "--top",
        "5",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("Stopped after 2000000 itemsets"),
        "{stderr}"
    );
    let out: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(out["baskets"], 8124);
    let rules = out["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 5);
    assert!(rules
        .iter()
        .all(|r| r["confidence"].as_f64().unwrap() >= 0.99));
}

/// Order lines as a merchant exports them: a header, dates, prices, a quoted description
/// with a comma, a cancelled invoice and a member id starting with C.
const ORDERS: &str = "InvoiceNo,InvoiceDate,Description,Quantity,UnitPrice,CustomerID\n\
    1001,2024-01-02 10:00,\"MUG, BLUE\",2,3.5,C17\n\
    1001,2024-01-02 10:00,TEA,1,2.0,C17\n\
    1002,2024-01-02 11:00,\"MUG, BLUE\",1,3.5,C18\n\
    1002,2024-01-02 11:00,TEA,3,2.0,C18\n\
    1002,2024-01-02 11:00,POSTAGE,1,15,C18\n\
    C1003,2024-01-03 09:00,TEA,-1,2.0,C17\n\
    1004,2024-01-03 12:00,SPOON,1,1.0,C19\n";

fn itemset_names(v: &Value) -> Vec<String> {
    let mut names: Vec<String> = v["itemsets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut items: Vec<&str> = s["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_str().unwrap())
                .collect();
            items.sort_unstable();
            items.join("+")
        })
        .collect();
    names.sort();
    names
}

#[test]
fn order_lines_are_grouped_never_mined_as_lines() {
    let file = temp_file("orders.csv", ORDERS);
    let v = json(&[
        "itemsets",
        file.to_str().unwrap(),
        "--min-support",
        "2",
        "--json",
    ]);
    assert_eq!(v["baskets"], 3, "{v}");
    assert_eq!(itemset_names(&v), ["MUG, BLUE", "MUG, BLUE+TEA", "TEA"]);
    // The same baskets written out and read back as basket lines.
    let out = file.with_file_name("orders_baskets.csv");
    let b = json(&[
        "baskets",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(b["cancellations"]["reason"], "negative_quantities");
    assert_eq!(b["suggested_exclusions"][0]["item"], "POSTAGE");
    assert_eq!(b["suggested_exclusions"][0]["reason"], "shipping");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("\"MUG, BLUE\",TEA\n"), "{written}");
    let again = json(&[
        "itemsets",
        out.to_str().unwrap(),
        "--min-support",
        "2",
        "--json",
    ]);
    assert_eq!(itemset_names(&again), itemset_names(&v));
    // --basket-col alone: the item column is detected.
    let by_customer = json(&[
        "baskets",
        file.to_str().unwrap(),
        "--basket-col",
        "CustomerID",
        "--json",
    ]);
    assert_eq!(by_customer["baskets"], 3, "{by_customer}");
    assert_eq!(by_customer["item_column"], "Description");
    // Rules take the same builder.
    let (code, stdout, stderr) = shoplens(&[
        "rules",
        file.to_str().unwrap(),
        "--min-support",
        "2",
        "--min-confidence",
        "0.5",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("in 3 baskets"), "{stdout}");
    assert!(!stdout.contains("2024"), "{stdout}");
}

#[test]
fn exclude_items_and_empty_baskets() {
    let file = temp_file("orders_x.csv", ORDERS);
    let (code, stdout, stderr) = shoplens(&[
        "baskets",
        file.to_str().unwrap(),
        "--exclude-item",
        "POSTAGE",
        "--exclude-item",
        "spoon",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["removed"]["excluded_items"], 1);
    assert_eq!(v["excluded"][0]["baskets"], 1);
    assert!(stderr.contains("did you mean \"SPOON\""), "{stderr}");
    // A 0/1 matrix with an empty row: N counts it unless asked not to.
    let matrix = temp_file(
        "matrix.csv",
        "Customer Number,milk,eggs\nC1,1,0\nC2,0,0\nC3,1,1\nC4,1,1\n",
    );
    let v = json(&[
        "itemsets",
        matrix.to_str().unwrap(),
        "--min-support",
        "0.5",
        "--json",
    ]);
    assert_eq!(v["baskets"], 4);
    assert_eq!(itemset_names(&v), ["eggs", "eggs+milk", "milk"]);
    let v = json(&[
        "itemsets",
        matrix.to_str().unwrap(),
        "--min-support",
        "0.5",
        "--drop-empty-baskets",
        "--json",
    ]);
    assert_eq!(v["baskets"], 3);
}

#[test]
fn a_table_without_baskets_says_what_to_group_by() {
    let file = temp_file(
        "sales.csv",
        "Order Date,Region,Store No,Product,Sales\n2024-01-02,north,A1,tea,1.5\n2024-01-03,south,A1,cup,3.25\n2024-01-04,north,B2,tea,2.5\n",
    );
    let (code, _, stderr) = shoplens(&["itemsets", file.to_str().unwrap(), "--min-support", "0.1"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("does not hold baskets"), "{stderr}");
    assert!(stderr.contains("Store No + Order Date"), "{stderr}");
    // Quoted names in basket lines stay whole.
    let lines = temp_file("quoted.csv", "\"milk, whole\",bread\n\"milk, whole\",jam\n");
    let v = json(&[
        "itemsets",
        lines.to_str().unwrap(),
        "--min-support",
        "2",
        "--json",
    ]);
    assert_eq!(itemset_names(&v), ["milk, whole"]);
}
