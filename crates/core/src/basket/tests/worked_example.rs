//! The worked example, small cases checked by hand, and the three miners agreeing.

use crate::basket::*;
use crate::progress::{Control, Silent};

fn example() -> Transactions {
    Transactions::from_lines("A,B,C\nA,D\nB,C,D\nA,B,D\nA,C\n", ',')
}

fn support_of(found: &Itemsets, tx: &Transactions, names: &[&str]) -> Option<f64> {
    let mut ids: Vec<u32> = names
        .iter()
        .map(|n| tx.items.iter().position(|i| i == n).unwrap() as u32)
        .collect();
    ids.sort_unstable();
    found
        .itemsets
        .iter()
        .find(|s| s.items == ids)
        .map(|s| s.support)
}

const ALGORITHMS: [Algorithm; 3] = [Algorithm::FpGrowth, Algorithm::Apriori, Algorithm::Eclat];

#[test]
fn worked_example_supports() {
    let tx = example();
    for algorithm in ALGORITHMS {
        let mut params = MiningParams::new(MinSupport::Fraction(0.4));
        params.algorithm = algorithm;
        let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
        assert_eq!(found.min_count, 2);
        for pair in [["A", "B"], ["A", "C"], ["B", "D"]] {
            let s = support_of(&found, &tx, &pair).expect("pair is frequent");
            assert!((s - 0.4).abs() < 1e-12, "{algorithm:?} {pair:?} {s}");
        }
        // By hand: A 4, B 3, C 3, D 3; AB 2, AC 2, AD 2, BC 2, BD 2, CD 1; no triple twice.
        assert_eq!(found.itemsets.len(), 9, "{algorithm:?}");
        assert_eq!(support_of(&found, &tx, &["C", "D"]), None);
        assert!(found.partial.is_none());
    }
}

#[test]
fn targets_on_the_worked_example() {
    let tx = example();
    // At count 1 every subset of a basket is frequent: 4 items, 6 pairs, and the triples
    // ABC, ABD, BCD. All are closed except CD (its superset BCD also has count 1); the
    // maximal ones are the three triples ({A,D} and {A,C} lie inside other baskets).
    let cases = [
        (Target::All, 13),
        (Target::Closed, 12),
        (Target::Maximal, 3),
    ];
    for (target, expected) in cases {
        for algorithm in ALGORITHMS {
            let mut params = MiningParams::new(MinSupport::Count(1));
            params.target = target;
            params.algorithm = algorithm;
            let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
            assert_eq!(found.itemsets.len(), expected, "{target:?} {algorithm:?}");
        }
    }
}

#[test]
fn max_len_and_constraints() {
    let tx = example();
    let mut params = MiningParams::new(MinSupport::Count(1));
    params.max_len = Some(2);
    let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
    // 4 items + 6 pairs, all present in some basket.
    assert_eq!(found.itemsets.len(), 10);
    params.appearance.none = vec!["D".into()];
    params.appearance.require = vec!["A".into()];
    let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
    // {A}, {A,B}, {A,C}.
    assert_eq!(found.itemsets.len(), 3);
    params.appearance.require = vec!["Z".into()];
    let err = mine_itemsets(&tx, &params, &mut Silent).unwrap_err();
    assert!(err.to_string().contains("appearance = Z"), "{err}");
}

#[test]
fn budget_stops_with_a_partial_result() {
    let tx = example();
    for algorithm in ALGORITHMS {
        let mut params = MiningParams::new(MinSupport::Count(1));
        params.algorithm = algorithm;
        params.budget.max_itemsets = 7;
        let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
        assert_eq!(found.itemsets.len(), 7, "{algorithm:?}");
        assert_eq!(
            found.partial,
            Some(StopReason::ItemsetBudget { limit: 7 }),
            "{algorithm:?}"
        );
        let zh = found.partial_message(crate::Lang::Zh).unwrap();
        let en = found.partial_message(crate::Lang::En).unwrap();
        assert!(zh.contains("最小支持度") && en.contains("minimum support"));
    }
}

#[test]
fn stop_from_the_observer_is_honoured() {
    let tx = example();
    for algorithm in ALGORITHMS {
        let mut params = MiningParams::new(MinSupport::Count(1));
        params.algorithm = algorithm;
        let mut calls = 0;
        let mut stop_at_first = |_: &str, _: u64, _: u64| {
            calls += 1;
            Control::Stop
        };
        let found = mine_itemsets(&tx, &params, &mut stop_at_first).unwrap();
        assert_eq!(found.partial, Some(StopReason::Cancelled), "{algorithm:?}");
        assert!(found.itemsets.len() < 13);
        assert_eq!(calls, 1);
    }
}

#[test]
fn empty_input_gives_nothing() {
    let tx = Transactions::default();
    let found = mine_itemsets(&tx, &MiningParams::default(), &mut Silent).unwrap();
    assert!(found.itemsets.is_empty());
    assert!(found.partial.is_none());
}
