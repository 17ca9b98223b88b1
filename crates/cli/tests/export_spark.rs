//! `shoplens export spark`: a saved job becomes a PySpark program with the job's own
//! parameters in it and a read-me on submitting it; kinds Spark has no counterpart for are
//! refused by name. (That the program computes what the native run computes is checked by
//! `make test-spark`, which needs pyspark: tests/spark/compare.py.)

use std::path::PathBuf;
use std::process::{Command, Output};

fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shoplens-export-spark-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn shoplens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .unwrap()
}

/// The rules job `--save-job` writes (shape detected and filled in) exports with its
/// support and confidence, and the read-me says how to submit it.
#[test]
fn a_saved_rules_job_becomes_a_spark_program() {
    let job = scratch("rules.json");
    let job = job.to_str().unwrap();
    let groceries = repo("testdata/arules-groceries/groceries.csv");
    let saved = shoplens(&[
        "rules",
        &groceries,
        "--min-support",
        "0.02",
        "--min-confidence",
        "0.4",
        "--save-job",
        job,
    ]);
    assert!(saved.status.success());
    let out = scratch("rules-spark");
    let exported = shoplens(&["export", "spark", job, "--out", out.to_str().unwrap()]);
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let script = std::fs::read_to_string(out.join("job.py")).unwrap();
    assert!(script.contains(r#""shape": "line_per_basket""#), "{script}");
    assert!(script.contains(r#""Fraction": 0.02"#));
    assert!(script.contains(r#""min_confidence": 0.4"#));
    assert!(script.contains("from pyspark.ml.fpm import FPGrowth"));
    assert!(!script.contains("@@"));
    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(readme.contains("spark-submit"));
}

/// A job kind with no Spark counterpart is refused with exit code 2, naming the kind; a
/// file that is not a job names the line and column.
#[test]
fn other_kinds_and_bad_jobs_are_refused() {
    let job = scratch("budget.json");
    std::fs::write(&job, r#"{"kind": "budget"}"#).unwrap();
    let out = scratch("budget-spark");
    let refused = shoplens(&[
        "export",
        "spark",
        job.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("\"budget\""), "{message}");
    assert!(!out.join("job.py").exists());
    let bad = scratch("bad.json");
    std::fs::write(&bad, "{\n  \"kind\": \"baskets\",\n  oops\n}").unwrap();
    let refused = shoplens(&[
        "export",
        "spark",
        bad.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("line 3"));
}
