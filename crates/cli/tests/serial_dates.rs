//! A spreadsheet saved as CSV with its dates formatted "General" writes Excel serial day
//! numbers (`testdata/quirks/excel_serial_dates.csv`): under a date header they are read as
//! dates, said so, and every analysis that needs dates runs on them.

mod common;

use common::{json, repo};

const FILE: &str = "testdata/quirks/excel_serial_dates.csv";

#[test]
fn serial_day_numbers_under_a_date_header_are_read_as_dates() {
    let file = repo(FILE);
    let inspect = json(&["inspect", &file, "--json"]);
    let text = inspect.to_string();
    assert!(text.contains("excel_serial_dates"), "{text}");
    assert!(text.contains("2021-01-01"), "{text}");
    let rfm = json(&[
        "rfm",
        &file,
        "--customer-col",
        "Customer ID",
        "--date-col",
        "Order Date",
        "--amount-col",
        "Sales",
        "--json",
    ]);
    // The last order is serial 44287, 2021-04-01: the analysis day is the day after.
    assert_eq!(rfm["as_of"], "2021-04-02", "{rfm}");
    assert_eq!(rfm["customers"], 3);
}
