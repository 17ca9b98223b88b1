//! The `rfm` and `segment` subcommands, run as the binary, against the fixtures that
//! `tools/segment_fixtures.py` wrote with pandas and scikit-learn 1.9.1.

mod common;

use common::{repo, RETAIL_COLUMNS};
use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .expect("the shoplens binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(repo(&format!("testdata/fixtures/{name}"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn rfm_json(file: &str) -> Value {
    let file = repo(file);
    let mut args = vec!["rfm", file.as_str()];
    args.extend(RETAIL_COLUMNS);
    args.push("--json");
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn rfm_json_matches_pandas_on_the_online_retail_sample() {
    let got = rfm_json("testdata/uci-online-retail-sample20k/online_retail_sample20k.csv");
    let expected = fixture("segment_rfm_sample20k.json");
    for key in ["customers", "skipped_no_id", "cancelled", "as_of"] {
        assert_eq!(got[key], expected[key], "{key}");
    }
    let segments = got["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 11);
    for s in segments {
        let e = &expected["segments"][s["key"].as_str().unwrap()];
        assert_eq!(s["customers"], e["customers"], "{}", s["name"]);
        let (r, er) = (
            s["revenue"].as_f64().unwrap(),
            e["revenue"].as_f64().unwrap(),
        );
        assert!(
            (r - er).abs() < 1e-6 * er.abs(),
            "{}: {r} vs {er}",
            s["name"]
        );
    }
}

#[test]
fn rfm_reads_us_dates_and_counts_cancellations_in_the_full_export_head() {
    let got = rfm_json("testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv");
    let expected = fixture("segment_rfm_first1071.json");
    for key in ["customers", "skipped_no_id", "cancelled", "as_of"] {
        assert_eq!(got[key], expected[key], "{key}");
    }
    let revenue: f64 = got["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["revenue"].as_f64().unwrap())
        .sum();
    let er = expected["revenue"].as_f64().unwrap();
    assert!((revenue - er).abs() < 1e-6 * er);
}

#[test]
fn segment_matches_the_reference_on_wholesale_customers() {
    let file = repo("testdata/uci-wholesale-customers/Wholesale_customers_data.csv");
    // REFERENCE.md (scikit-learn 1.9.1, 10 starts): inertia within 0.5%, silhouette 0.01.
    for (k, inertia, silhouette) in [(2, 1844.06, 0.2903), (3, 1553.42, 0.2594)] {
        let k_text = k.to_string();
        let (code, stdout, stderr) = run(&[
            "segment",
            &file,
            "--k",
            &k_text,
            "--columns",
            "Fresh,Milk,Grocery,Frozen,Detergents_Paper,Delicassen",
            "--log",
            "--json",
        ]);
        assert_eq!(code, 0, "{stderr}");
        let got: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(got["k"], k);
        let i = got["inertia"].as_f64().unwrap();
        let s = got["silhouette"].as_f64().unwrap();
        assert!((i - inertia).abs() <= 0.005 * inertia, "k={k}: {i}");
        assert!((s - silhouette).abs() <= 0.01, "k={k}: {s}");
        let sizes: Vec<u64> = got["profiles"]["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["size"].as_u64().unwrap())
            .collect();
        assert_eq!(sizes.len(), k);
        assert_eq!(sizes.iter().sum::<u64>(), 440);
    }
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let wholesale = repo("testdata/uci-wholesale-customers/Wholesale_customers_data.csv");
    let sample = repo("testdata/uci-online-retail-sample20k/online_retail_sample20k.csv");
    let cases: [(&[&str], &str); 4] = [
        (&["segment", &wholesale, "--k", "0"], "k = 0"),
        (
            &["segment", &wholesale, "--k", "2", "--columns", "Nope"],
            "Nope",
        ),
        (
            &[
                "rfm",
                &sample,
                "--customer-col",
                "Who",
                "--date-col",
                "InvoiceDate",
                "--amount-col",
                "UnitPrice",
            ],
            "Who",
        ),
        (
            &[
                "rfm",
                &sample,
                "--customer-col",
                "CustomerID",
                "--date-col",
                "InvoiceDate",
                "--amount-col",
                "UnitPrice",
                "--as-of",
                "tomorrow",
            ],
            "as_of",
        ),
    ];
    for (args, needle) in cases {
        let (code, _, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
}

#[test]
fn rfm_out_writes_a_spreadsheet_safe_csv() {
    let file = repo("testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv");
    let out = std::env::temp_dir().join(format!("shoplens-rfm-{}.csv", std::process::id()));
    let out_text = out.to_string_lossy().into_owned();
    let mut args = vec!["rfm", file.as_str()];
    args.extend(RETAIL_COLUMNS);
    args.extend(["--out", &out_text]);
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let csv = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).ok();
    assert!(csv.starts_with("\u{feff}customer,recency_days,frequency,monetary,R,F,M,segment"));
    let expected = fixture("segment_rfm_first1071.json");
    assert_eq!(
        csv.lines().count() as u64,
        expected["customers"].as_u64().unwrap() + 1
    );
}
