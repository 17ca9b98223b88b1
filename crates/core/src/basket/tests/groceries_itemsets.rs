//! Itemsets on groceries.csv against pyfim 6.28 (fixtures from `tools/basket_fixtures.py`):
//! the exact counts of REFERENCE.md and every itemset's basket count.

use super::fixtures::{groceries, ids_to_names, itemsets, names};
use crate::basket::*;
use crate::progress::Silent;
use std::collections::BTreeMap;

/// Itemsets as sorted names → count.
fn as_map(tx: &Transactions, found: &[Itemset]) -> BTreeMap<Vec<String>, u64> {
    found
        .iter()
        .map(|s| (ids_to_names(tx, &s.items), s.count))
        .collect()
}

fn fixture_map(list: &serde_json::Value) -> BTreeMap<Vec<String>, u64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|pair| (names(&pair[0]), pair[1].as_u64().unwrap()))
        .collect()
}

fn mine(tx: &Transactions, fraction: f64, target: ItemsetKind, algorithm: Algorithm) -> Itemsets {
    let mut params = MiningParams::new(MinSupport::Fraction(fraction));
    params.target = target;
    params.algorithm = algorithm;
    let found = mine_itemsets(tx, &params, &mut Silent).unwrap();
    assert!(found.partial.is_none());
    found
}

// (support label, fraction, all, closed, maximal): counts of REFERENCE.md; closed and
// maximal from pyfim.
const CASES: [(&str, f64, usize, usize, usize); 3] = [
    ("1", 0.01, 333, 333, 243),
    ("05", 0.005, 1_001, 1_001, 708),
    ("01", 0.001, 13_492, 13_464, 7_794),
];

#[test]
fn fp_growth_matches_pyfim_itemset_by_itemset() {
    let tx = groceries();
    assert_eq!((tx.len(), tx.n_items()), (9835, 169));
    for (label, fraction, all, closed, maximal) in CASES {
        let fixture = itemsets(label);
        assert_eq!(fixture["counts"]["all"].as_u64(), Some(all as u64));
        assert_eq!(fixture["counts"]["mlxtend_all"].as_u64(), Some(all as u64));
        assert_eq!(fixture["counts"]["closed"].as_u64(), Some(closed as u64));
        assert_eq!(fixture["counts"]["maximal"].as_u64(), Some(maximal as u64));
        let found = mine(&tx, fraction, ItemsetKind::All, Algorithm::FpGrowth);
        assert_eq!(found.min_count, fixture["min_count"].as_u64().unwrap());
        assert_eq!(found.itemsets.len(), all, "{label}");
        assert!(
            as_map(&tx, &found.itemsets) == fixture_map(&fixture["itemsets"]),
            "{label}"
        );
        let n = |target| {
            mine(&tx, fraction, target, Algorithm::FpGrowth)
                .itemsets
                .len()
        };
        assert_eq!(n(ItemsetKind::Closed), closed, "{label}");
        assert_eq!(n(ItemsetKind::Maximal), maximal, "{label}");
    }
}

#[test]
fn closed_and_maximal_lists_match_pyfim() {
    let tx = groceries();
    let fixture = itemsets("05");
    for (target, key) in [
        (ItemsetKind::Closed, "closed"),
        (ItemsetKind::Maximal, "maximal"),
    ] {
        let found = mine(&tx, 0.005, target, Algorithm::FpGrowth);
        assert!(
            as_map(&tx, &found.itemsets) == fixture_map(&fixture[key]),
            "{key}"
        );
    }
}

#[test]
fn apriori_and_eclat_equal_fp_growth() {
    let tx = groceries();
    for (_, fraction, ..) in CASES {
        for target in [ItemsetKind::All, ItemsetKind::Maximal] {
            let reference = mine(&tx, fraction, target, Algorithm::FpGrowth);
            for algorithm in [Algorithm::Apriori, Algorithm::Eclat] {
                let other = mine(&tx, fraction, target, algorithm);
                assert!(
                    other.itemsets == reference.itemsets,
                    "{algorithm:?} {fraction}"
                );
            }
        }
    }
}

#[test]
fn max_len_limits_every_algorithm_alike() {
    let tx = groceries();
    let full = mine(&tx, 0.001, ItemsetKind::All, Algorithm::FpGrowth);
    for algorithm in [Algorithm::FpGrowth, Algorithm::Apriori, Algorithm::Eclat] {
        let mut params = MiningParams::new(MinSupport::Fraction(0.001));
        params.algorithm = algorithm;
        params.max_len = Some(2);
        let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
        let expected: Vec<&Itemset> = full
            .itemsets
            .iter()
            .filter(|s| s.items.len() <= 2)
            .collect();
        assert_eq!(
            found.itemsets.iter().collect::<Vec<_>>(),
            expected,
            "{algorithm:?}"
        );
    }
}
