//! A 0/1 matrix with an id column and 43 empty rows of 1,000, against mlxtend 0.25 and
//! pyfim 6.28 (`tools/basket_matrix_fixture.py`): empty baskets count in N.

use crate::basket::*;
use crate::progress::Silent;
use serde_json::Value;

const MATRIX: &[u8] = include_bytes!("../../../../../testdata/basket-matrix/matrix_empty_rows.csv");

fn fixture() -> Value {
    serde_json::from_str(include_str!(
        "../../../../../testdata/fixtures/basket_matrix_empty_rows.json"
    ))
    .unwrap()
}

/// Every frequent itemset as (sorted names, count, support).
fn found(tx: &Transactions, min_support: f64) -> Vec<(Vec<String>, u64, f64)> {
    let params = MiningParams::new(MinSupport::Fraction(min_support));
    let found = mine_itemsets(tx, &params, &mut Silent).unwrap();
    let mut sets: Vec<(Vec<String>, u64, f64)> = found
        .itemsets
        .iter()
        .map(|s| {
            let mut names: Vec<String> = s
                .items
                .iter()
                .map(|&i| tx.items[i as usize].clone())
                .collect();
            names.sort();
            (names, s.count, s.support)
        })
        .collect();
    sets.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
    sets
}

#[test]
fn empty_rows_count_in_n_as_in_mlxtend_and_pyfim() {
    let f = fixture();
    let (tx, report) = build_baskets(MATRIX, &BuildOptions::default()).unwrap();
    assert_eq!(report.shape, BasketShape::OneHot);
    assert!(report.detected);
    assert_eq!(report.reason, ShapeReason::BinaryColumns);
    assert_eq!(report.id_column.as_deref(), Some("Customer Number"));
    assert!(!tx
        .items
        .iter()
        .any(|i| i == "0" || i == "1" || i.starts_with('C')));
    assert_eq!(tx.len() as u64, f["rows"].as_u64().unwrap());
    assert_eq!(
        report.empty_baskets as u64,
        f["empty_rows"].as_u64().unwrap()
    );
    let ours = found(&tx, f["min_support"].as_f64().unwrap());
    let theirs = f["itemsets"].as_array().unwrap();
    assert_eq!(ours.len(), theirs.len());
    for ((names, count, support), expected) in ours.iter().zip(theirs) {
        let expected_names: Vec<String> = expected["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(names, &expected_names);
        assert_eq!(*count, expected["count"].as_u64().unwrap());
        assert!((support - expected["support"].as_f64().unwrap()).abs() < 1e-12);
    }
}

#[test]
fn dropping_empty_baskets_is_an_option() {
    let f = fixture();
    let options = BuildOptions {
        drop_empty_baskets: true,
        ..BuildOptions::default()
    };
    let (tx, report) = build_baskets(MATRIX, &options).unwrap();
    let rows = f["rows"].as_u64().unwrap() as usize;
    let empty = f["empty_rows"].as_u64().unwrap() as usize;
    assert_eq!(tx.len(), rows - empty);
    assert_eq!(
        (report.empty_baskets, report.removed.empty_baskets),
        (0, empty)
    );
    // Same counts, supports over the 957 non-empty baskets.
    let first = &f["itemsets"][0];
    let sets = found(&tx, f["min_support"].as_f64().unwrap());
    let (_, count, support) = &sets[0];
    assert_eq!(*count, first["count"].as_u64().unwrap());
    assert!((support - *count as f64 / (rows - empty) as f64).abs() < 1e-12);
}

#[test]
fn matrices_in_every_spelling_with_id_columns() {
    for (text, id) in [
        (
            "TransactionID,milk,eggs\nT1,true,false\nT2,false,false\nT3,TRUE,True\n",
            Some("TransactionID"),
        ),
        (",milk,eggs\n1,Y,N\n2,N,N\n3,y,Y\n", Some("column_1")),
        (
            "row,milk,eggs\n1,1.0,0.0\n2,0.0,0.0\n3,1.0,1.0\n",
            Some("row"),
        ),
        ("milk,eggs\nyes,no\nno,no\nyes,yes\n", None),
    ] {
        let (tx, report) = build_baskets(text.as_bytes(), &BuildOptions::default()).unwrap();
        assert_eq!(report.shape, BasketShape::OneHot, "{text}");
        assert_eq!(tx.items, ["milk", "eggs"], "{text}");
        assert_eq!(tx.baskets, [vec![0], vec![], vec![0, 1]], "{text}");
        if let Some(id) = id {
            assert!(report.id_column.is_some(), "{text}");
            assert!(
                id == "column_1" || report.id_column.as_deref() == Some(id),
                "{text}"
            );
        }
    }
    // A headerless 0/1 matrix never yields items "0" and "1".
    let (tx, report) =
        build_baskets(b"1,0,1\n0,0,1\n1,1,0\n0,0,0\n", &BuildOptions::default()).unwrap();
    assert_eq!(report.shape, BasketShape::OneHot);
    assert_eq!(tx.len(), 4);
    assert!(!tx.items.iter().any(|i| i == "0" || i == "1"));
}
