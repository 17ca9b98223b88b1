//! What the CLI's integration tests share: paths in the checkout and in a scratch
//! directory, and running the built `shoplens` binary (as text or as JSON).

// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

/// `path` (relative to the checkout's root) as an absolute path.
pub fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

/// A file `name` in this test process's own scratch directory (created on first use).
pub fn scratch(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("shoplens-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

/// Runs `shoplens` with `args`.
pub fn shoplens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `shoplens` with `args`, which must succeed, and parses what it prints as JSON.
pub fn json(args: &[&str]) -> Value {
    let out = shoplens(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The Online Retail order-line columns, as flags (`clv`, `cohort`, `rfm`, `churn`).
pub const RETAIL_COLUMNS: [&str; 10] = [
    "--customer-col",
    "CustomerID",
    "--date-col",
    "InvoiceDate",
    "--quantity-col",
    "Quantity",
    "--price-col",
    "UnitPrice",
    "--invoice-col",
    "InvoiceNo",
];
