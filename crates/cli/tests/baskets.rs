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
