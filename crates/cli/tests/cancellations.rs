//! Order ids that start with C are cancellations only when the quantities agree: every
//! analysis that reads order lines (RFM, lifetime value, recommendations, baskets) keeps
//! Superstore-style `CA-2016-…` orders and plain `C1001` numbers, and sets aside the one
//! line with a negative quantity (`testdata/quirks/orders_numbered_with_c.csv`).

mod common;

use common::{json, repo};

const FILE: &str = "testdata/quirks/orders_numbered_with_c.csv";

#[test]
fn rfm_and_lifetime_value_keep_orders_numbered_with_c() {
    let file = repo(FILE);
    let rfm = json(&[
        "rfm",
        &file,
        "--customer-col",
        "Customer ID",
        "--date-col",
        "Order Date",
        "--amount-col",
        "Sales",
        "--invoice-col",
        "Order ID",
        "--json",
    ]);
    assert_eq!(rfm["cancelled"], 1, "{rfm}");
    assert_eq!(rfm["customers"], 3, "{rfm}");
    let clv = json(&[
        "clv",
        &file,
        "--customer-col",
        "Customer ID",
        "--date-col",
        "Order Date",
        "--amount-col",
        "Sales",
        "--json",
    ]);
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
