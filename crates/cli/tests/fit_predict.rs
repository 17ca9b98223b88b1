//! `shoplens fit` and `shoplens predict`, run as the built binary.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shoplens-cli-test-{}", std::process::id()));
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

/// Advertising.csv: the linear model's coefficients on 80% of rows are close to the
/// all-rows REFERENCE.md figures, and the JSON has the documented shape.
#[test]
fn fit_linear_json_has_coefficients() {
    let file = repo("testdata/islr-advertising/Advertising.csv");
    let (ok, out, err) = shoplens(&[
        "fit",
        file.to_str().unwrap(),
        "--target",
        "sales",
        "--model",
        "linear",
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "regression");
    assert_eq!(v["model"], "linear");
    assert_eq!(
        (v["n_train"].as_u64(), v["n_test"].as_u64()),
        (Some(160), Some(40))
    );
    for key in ["r2", "rmse", "mae"] {
        assert!(v["metrics"][key].is_f64(), "{key}");
    }
    assert!(v["metrics"]["r2"].as_f64().unwrap() > 0.85);
    let tv = v["coefficients"]["TV"].as_f64().unwrap();
    let radio = v["coefficients"]["radio"].as_f64().unwrap();
    assert!(
        (tv - 0.04576).abs() < 0.003 && (radio - 0.18853).abs() < 0.02,
        "TV {tv}, radio {radio}"
    );
    assert!(v["intercept"].is_f64());
}

/// An identifier column is dropped by default and the output says so; the saved model
/// scores the file again as CSV.
#[test]
fn identifier_dropped_and_saved_model_predicts() {
    let mut csv = String::from("customerID,plan,tenure,churn\n");
    for i in 0..80 {
        let plan = ["basic", "pro"][i % 2];
        let tenure = (i * 13) % 50;
        csv.push_str(&format!(
            "7590-V{i:04},{plan},{tenure},{}\n",
            if tenure < 15 { "Yes" } else { "No" }
        ));
    }
    let data = scratch("churn.csv");
    std::fs::write(&data, csv).unwrap();
    let model = scratch("churn-model.json");
    let (ok, out, err) = shoplens(&[
        "fit",
        data.to_str().unwrap(),
        "--target",
        "churn",
        "--model",
        "tree",
        "--stratify",
        "--save",
        model.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("Dropped column \"customerID\": identifier"),
        "{out}"
    );
    let (ok, out, _) = shoplens(&[
        "fit",
        data.to_str().unwrap(),
        "--target",
        "churn",
        "--model",
        "logistic",
        "--json",
    ]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "classification");
    assert_eq!(v["dropped"][0]["column"], "customerID");
    for key in ["accuracy", "f1", "roc_auc"] {
        assert!(v["metrics"][key].is_f64(), "{key}");
    }
    let predictions = scratch("predictions.csv");
    let (ok, _, err) = shoplens(&[
        "predict",
        model.to_str().unwrap(),
        data.to_str().unwrap(),
        "--output",
        predictions.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&predictions).unwrap();
    // The one export writer (byte-order mark) and the labels as the file wrote them.
    assert_eq!(
        text.lines().next(),
        Some("\u{feff}row,prediction,probability_No,probability_Yes")
    );
    assert_eq!(text.lines().count(), 81);
    assert!(text
        .lines()
        .skip(1)
        .all(|l| matches!(l.split(',').nth(1), Some("Yes" | "No"))));
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let file = repo("testdata/islr-advertising/Advertising.csv");
    let (ok, _, err) = shoplens(&[
        "fit",
        file.to_str().unwrap(),
        "--target",
        "sales",
        "--model",
        "logistic",
    ]);
    assert!(!ok);
    assert!(err.contains("model = logistic"), "{err}");
    let (ok, _, err) = shoplens(&["fit", file.to_str().unwrap(), "--target", "revenue"]);
    assert!(!ok);
    assert!(err.contains("no column \"revenue\""), "{err}");
    let (ok, _, err) = shoplens(&["predict", file.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("shoplens model"), "{err}");
}
