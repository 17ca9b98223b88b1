//! The three miners must find the same itemsets with the same counts on sparse and on
//! dense data: the first 10,000 baskets of FIMI's T10I4D100K (synthetic, sparse; counts
//! checked against pyfim 6.28, `tools/basket_agree_fixture.py`) and mushroom.dat (dense,
//! where Eclat switches to diffsets and Apriori's levels go deep; checked against
//! mlxtend's count in `basket_mushroom.json`).

use crate::basket::*;
use crate::progress::Silent;
use serde_json::Value;
use std::collections::BTreeMap;

const T10_FIRST_10K: &str =
    include_str!("../../../../../testdata/fimi-T10I4D100K/T10I4D100K-first10k.dat");
const T10_FIXTURE: &str =
    include_str!("../../../../../testdata/fixtures/basket_t10i4d100k_first10k.json");
const MUSHROOM: &str = include_str!("../../../../../testdata/fimi-mushroom/mushroom.dat");
const MUSHROOM_FIXTURE: &str =
    include_str!("../../../../../testdata/fixtures/basket_mushroom.json");

const ALGORITHMS: [Algorithm; 3] = [Algorithm::FpGrowth, Algorithm::Apriori, Algorithm::Eclat];

fn mine(tx: &Transactions, min_support: MinSupport, algorithm: Algorithm) -> Vec<Itemset> {
    let mut params = MiningParams::new(min_support);
    params.algorithm = algorithm;
    params.budget.max_itemsets = usize::MAX;
    let found = mine_itemsets(tx, &params, &mut Silent).unwrap();
    assert!(found.partial.is_none(), "{algorithm:?}");
    found.itemsets
}

/// Every algorithm's itemsets, checked equal to FP-Growth's; returns those.
fn agreed(tx: &Transactions, min_support: MinSupport) -> Vec<Itemset> {
    let reference = mine(tx, min_support, Algorithm::FpGrowth);
    for algorithm in &ALGORITHMS[1..] {
        let other = mine(tx, min_support, *algorithm);
        assert_eq!(
            other.len(),
            reference.len(),
            "{algorithm:?} {min_support:?}"
        );
        assert!(other == reference, "{algorithm:?} {min_support:?}");
    }
    reference
}

#[test]
fn three_algorithms_agree_with_pyfim_on_t10i4d100k() {
    let tx = Transactions::from_lines(T10_FIRST_10K, ' ');
    let fixture: Value = serde_json::from_str(T10_FIXTURE).unwrap();
    assert_eq!(tx.len() as u64, fixture["baskets"].as_u64().unwrap());
    for case in fixture["cases"].as_array().unwrap() {
        let min_count = case["min_count"].as_u64().unwrap();
        let found = agreed(&tx, MinSupport::Count(min_count));
        let mut by_length: BTreeMap<String, u64> = BTreeMap::new();
        for set in &found {
            *by_length.entry(set.items.len().to_string()).or_default() += 1;
        }
        let expected: BTreeMap<String, u64> = case["by_length"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
            .collect();
        assert_eq!(by_length, expected, "min count {min_count}");
        let count_sum: u64 = found.iter().map(|s| s.count).sum();
        assert_eq!(count_sum, case["count_sum"].as_u64().unwrap());
    }
}

#[test]
fn three_algorithms_agree_on_dense_mushroom() {
    let tx = Transactions::from_lines(MUSHROOM, ' ');
    let fixture: Value = serde_json::from_str(MUSHROOM_FIXTURE).unwrap();
    let at_22 = &fixture["at_22pct"];
    let found = agreed(&tx, MinSupport::Fraction(0.22));
    assert_eq!(
        found.len() as u64,
        at_22["itemsets_mlxtend"].as_u64().unwrap()
    );
    // Lower, where the lists are long and the diffsets take over.
    let found = agreed(&tx, MinSupport::Fraction(0.15));
    let index = BasketIndex::new(&tx);
    for set in found.iter().step_by(997) {
        assert_eq!(index.baskets_with(&set.items).len() as u64, set.count);
    }
}

#[test]
fn max_len_cuts_dense_searches_alike() {
    let tx = Transactions::from_lines(MUSHROOM, ' ');
    let mut lists = Vec::new();
    for algorithm in ALGORITHMS {
        let mut params = MiningParams::new(MinSupport::Fraction(0.1));
        params.algorithm = algorithm;
        params.max_len = Some(3);
        lists.push(mine_itemsets(&tx, &params, &mut Silent).unwrap().itemsets);
    }
    assert!(lists[0].len() > 5_000);
    assert!(lists[1] == lists[0] && lists[2] == lists[0]);
}
