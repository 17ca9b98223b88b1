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
        (ItemsetKind::All, 13),
        (ItemsetKind::Closed, 12),
        (ItemsetKind::Maximal, 3),
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
        let mut stop_at_first = |_: crate::progress::Stage, _: u64, _: u64| {
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

#[test]
fn revenue_follows_the_baskets_and_ranks_rules() {
    // Baskets {A,B,C}=10, {A,D}=20, {B,C,D}=30, {A,B,D}=40, {A,C}=50.
    let mut tx = example();
    tx.revenue = Some(vec![10.0, 20.0, 30.0, 40.0, 50.0]);
    let found = mine_itemsets(&tx, &MiningParams::new(MinSupport::Count(2)), &mut Silent).unwrap();
    let revenue_of = |names: &[&str]| {
        let mut ids: Vec<u32> = names
            .iter()
            .map(|n| tx.items.iter().position(|i| i == n).unwrap() as u32)
            .collect();
        ids.sort_unstable();
        found
            .itemsets
            .iter()
            .find(|s| s.items == ids)
            .and_then(|s| s.revenue)
            .unwrap()
    };
    let cases: [(&[&str], f64); 4] = [
        (&["A"], 120.0),
        (&["A", "B"], 50.0),
        (&["A", "C"], 60.0),
        (&["B", "D"], 70.0),
    ];
    for (names, expected) in cases {
        assert!((revenue_of(names) - expected).abs() < 1e-9, "{names:?}");
    }
    let mut params = RuleParams::new(0.0);
    params.sort = Measure::Revenue;
    let rules = mine_rules(
        &tx,
        &MiningParams::new(MinSupport::Count(2)),
        &params,
        &mut Silent,
    )
    .unwrap();
    let revenues: Vec<f64> = rules.rules.iter().map(|r| r.revenue.unwrap()).collect();
    assert!((revenues[0] - 70.0).abs() < 1e-9, "{revenues:?}");
    assert!(revenues.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn estimate_counts_items_over_the_threshold() {
    let tx = example();
    let cases = [(0.4, 2, 4), (0.7, 4, 1), (0.9, 5, 0)];
    for (fraction, min_count, frequent_items) in cases {
        let e = estimate(&tx, &MiningParams::new(MinSupport::Fraction(fraction))).unwrap();
        assert_eq!((e.min_count, e.frequent_items), (min_count, frequent_items));
    }
}

#[test]
fn basket_index_finds_the_baskets_behind_a_rule() {
    let tx = example();
    let index = BasketIndex::new(&tx);
    let id = |n: &str| tx.items.iter().position(|i| i == n).unwrap() as u32;
    let mut ab = vec![id("A"), id("B")];
    ab.sort_unstable();
    assert_eq!(index.baskets_with(&ab), [0, 3]);
    assert_eq!(index.baskets_with(&[id("C")]), [0, 2, 4]);
    assert!(index.baskets_with(&[99]).is_empty());
    assert_eq!(index.revenue(&tx, &ab), None);
}
