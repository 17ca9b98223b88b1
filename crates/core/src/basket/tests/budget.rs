//! Bounded searches: mushroom.dat (FIMI coding of UCI Mushroom, dense) at 1% support has
//! far more frequent itemsets than a browser tab can hold; the search must stop at the
//! budget with a partial result, not run out of memory.

use crate::basket::*;
use crate::progress::{Control, Silent};

const MUSHROOM: &str = include_str!("../../../../../testdata/fimi-mushroom/mushroom.dat");

#[test]
fn mushroom_at_one_percent_stops_at_the_default_budget() {
    let tx = Transactions::from_lines(MUSHROOM, ' ');
    assert_eq!((tx.len(), tx.n_items()), (8124, 119));
    let params = MiningParams::new(MinSupport::Fraction(0.01));
    let mut reports = 0u64;
    let mut count_reports = |_: crate::progress::Stage, _: u64, _: u64| {
        reports += 1;
        Control::Continue
    };
    let found = mine_itemsets(&tx, &params, &mut count_reports).unwrap();
    let limit = Budget::default().max_itemsets;
    assert_eq!(found.partial, Some(StopReason::ItemsetBudget { limit }));
    assert_eq!(found.itemsets.len(), limit);
    // Bounded rate: at most one report per first-level item and per 65,536 itemsets.
    assert!(
        reports > 0 && reports <= 119 + 1 + (limit as u64 >> 16) + 1,
        "{reports}"
    );
    // Every reported count is a true count.
    let index = BasketIndex::new(&tx);
    for set in found.itemsets.iter().step_by(9973) {
        assert_eq!(index.baskets_with(&set.items).len() as u64, set.count);
        assert!(set.count >= 82);
    }
}

#[test]
fn every_algorithm_stops_at_a_small_budget() {
    let tx = Transactions::from_lines(MUSHROOM, ' ');
    for algorithm in [Algorithm::FpGrowth, Algorithm::Apriori, Algorithm::Eclat] {
        let mut params = MiningParams::new(MinSupport::Fraction(0.01));
        params.algorithm = algorithm;
        params.budget.max_itemsets = 20_000;
        let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
        assert_eq!(found.itemsets.len(), 20_000, "{algorithm:?}");
        assert!(found.partial.is_some());
    }
}

#[test]
fn memory_budget_refuses_before_searching() {
    let tx = Transactions::from_lines(MUSHROOM, ' ');
    let mut params = MiningParams::new(MinSupport::Fraction(0.01));
    params.budget.max_bytes = 100_000;
    let found = mine_itemsets(&tx, &params, &mut Silent).unwrap();
    assert!(found.itemsets.is_empty());
    assert!(matches!(
        found.partial,
        Some(StopReason::MemoryBudget { limit: 100_000, .. })
    ));
    let zh = found.partial_message(crate::Lang::Zh).unwrap();
    assert!(zh.contains("内存"), "{zh}");
}
