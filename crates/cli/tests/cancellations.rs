//! Order ids that start with C are cancellations only when the quantities agree: every
//! analysis that reads order lines (RFM, lifetime value, recommendations, baskets) keeps
//! Superstore-style `CA-2016-…` orders and plain `C1001` numbers, and sets aside the one
//! line with a negative quantity (`testdata/quirks/orders_numbered_with_c.csv`).

mod common;

use common::{json, repo};

const FILE: &str = "testdata/quirks/orders_numbered_with_c.csv";

/// The customer, date and amount columns of the file, as flags.
const CUSTOMER_DATE_AMOUNT: [&str; 6] = [
    "--customer-col",
    "Customer ID",
    "--date-col",
    "Order Date",
    "--amount-col",
    "Sales",
];

/// `shoplens COMMAND FILE <the columns> EXTRA… --json`.
fn with_columns(command: &str, extra: &[&str]) -> serde_json::Value {
    let file = repo(FILE);
    let mut args = vec![command, file.as_str()];
    args.extend(CUSTOMER_DATE_AMOUNT);
    args.extend(extra);
    args.push("--json");
    json(&args)
}

#[test]
fn rfm_and_lifetime_value_keep_orders_numbered_with_c() {
    let rfm = with_columns("rfm", &["--invoice-col", "Order ID"]);
    assert_eq!(rfm["cancelled"], 1, "{rfm}");
    assert_eq!(rfm["customers"], 3, "{rfm}");
    let clv = with_columns("clv", &[]);
    assert_eq!(clv["customers"], 3, "{clv}");
}

#[test]
fn recommendations_and_baskets_keep_orders_numbered_with_c() {
    let file = repo(FILE);
    let rec = json(&["recommend", &file, "--json"]);
    assert_eq!(rec["lines"], 9, "{}", rec["lines"]);
    assert_eq!(rec["cancelled"], 1);
    let baskets = json(&["baskets", &file, "--json"]);
    assert_eq!(baskets["baskets"], 8, "{baskets}");
    assert_eq!(baskets["cancellations"]["applied"], false);
    assert_eq!(baskets["cancellations"]["reason"], "quantities_disagree");
}
