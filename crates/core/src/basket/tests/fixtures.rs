//! The committed data and reference outputs, embedded so tests need no files at run time.

use crate::basket::Transactions;
use serde_json::Value;

pub const GROCERIES: &str = include_str!("../../../../../testdata/arules-groceries/groceries.csv");

/// Groceries as `Transactions` (one basket per line, comma-separated).
pub fn groceries() -> Transactions {
    Transactions::from_lines(GROCERIES, ',')
}

/// The itemset fixture at a support label (`"1"`, `"05"`, `"01"`).
pub fn itemsets(label: &str) -> Value {
    let text = match label {
        "1" => include_str!("../../../../../testdata/fixtures/basket_groceries_itemsets_1.json"),
        "05" => include_str!("../../../../../testdata/fixtures/basket_groceries_itemsets_05.json"),
        "01" => include_str!("../../../../../testdata/fixtures/basket_groceries_itemsets_01.json"),
        other => panic!("no itemset fixture {other}"),
    };
    serde_json::from_str(text).expect("fixture is JSON")
}

/// The rule fixture at a support label.
pub fn rules(label: &str) -> Value {
    let text = match label {
        "1" => include_str!("../../../../../testdata/fixtures/basket_groceries_rules_1.json"),
        "05" => include_str!("../../../../../testdata/fixtures/basket_groceries_rules_05.json"),
        "01" => include_str!("../../../../../testdata/fixtures/basket_groceries_rules_01.json"),
        other => panic!("no rule fixture {other}"),
    };
    serde_json::from_str(text).expect("fixture is JSON")
}

/// Sorted item names of a JSON array.
pub fn names(value: &Value) -> Vec<String> {
    let mut names: Vec<String> = value
        .as_array()
        .expect("an array of names")
        .iter()
        .map(|v| v.as_str().expect("a name").to_string())
        .collect();
    names.sort();
    names
}

/// Sorted item names of item ids.
pub fn ids_to_names(tx: &Transactions, ids: &[u32]) -> Vec<String> {
    let mut names: Vec<String> = ids.iter().map(|&i| tx.items[i as usize].clone()).collect();
    names.sort();
    names
}
