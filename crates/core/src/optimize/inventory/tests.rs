//! The optimiser on the seeded fixture history (`testdata/fixtures/optimize_inventory_*.csv`,
//! written by `tools/optimize_fixtures.py`): six products, 181 days.

use super::*;
use crate::optimize::genetic::GaParams;
use crate::progress::Silent;
use crate::table::{read_bytes, ReadOptions};

fn fixture() -> (Vec<Item>, Vec<Vec<f64>>) {
    let read = |bytes: &[u8]| read_bytes(bytes, &ReadOptions::default()).unwrap();
    let demand = read(include_bytes!(
        "../../../../../testdata/fixtures/optimize_inventory_demand.csv"
    ));
    let products = read(include_bytes!(
        "../../../../../testdata/fixtures/optimize_inventory_products.csv"
    ));
    let history = DemandHistory::from_table(&demand, "product", "date", "quantity").unwrap();
    let items = items_from_table(&products).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(history.products, ids);
    (items, history.daily)
}

#[test]
fn history_fills_missing_days_with_zero() {
    let (items, daily) = fixture();
    assert_eq!(items.len(), 6);
    // 2025-01-01 .. 2025-06-30 is 181 days for every product, including the intermittent
    // P06 whose zero days have no row in the file.
    assert!(daily.iter().all(|d| d.len() == 181));
    let zero_days = daily[5].iter().filter(|&&q| q == 0.0).count();
    assert!(zero_days > 100, "{zero_days}");
    assert!((items[2].unit_cost - 1.5).abs() < 1e-12 && items[2].lead_time == 2);
    assert!((items[0].stockout_cost - items[0].unit_cost).abs() < 1e-12);
}

#[test]
fn never_worse_than_the_baseline_and_saves_on_the_fixture() {
    let (items, daily) = fixture();
    for seed in [1, 2, 3] {
        let params = InventoryParams {
            ga: GaParams {
                generations: 60,
                seed,
                ..GaParams::new()
            },
            ..InventoryParams::new()
        };
        let plan = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
        assert!(plan.optimised_cost <= plan.baseline_cost, "seed {seed}");
        assert!(
            plan.savings_percent > 1.0,
            "seed {seed}: {}",
            plan.savings_percent
        );
        let best = &plan.run.history.best;
        assert!(best.windows(2).all(|w| w[1] <= w[0]));
        assert!((best[best.len() - 1] - plan.optimised_cost).abs() < 1e-6);
        for item in &plan.items {
            let Policy::ReorderPoint { quantity, .. } = item.optimised_policy else {
                panic!("(R, Q) expected");
            };
            let product = items.iter().find(|i| i.id == item.id).unwrap();
            let packs = quantity / product.case_pack;
            assert!((packs - packs.round()).abs() < 1e-9 && quantity >= product.min_order);
        }
    }
}

#[test]
fn a_tight_budget_is_respected() {
    let (items, daily) = fixture();
    let unconstrained =
        optimise_inventory(&items, &daily, &InventoryParams::new(), &mut Silent).unwrap();
    let budget = 0.7 * unconstrained.baseline_capital;
    let params = InventoryParams {
        budget: Some(budget),
        capacity: Some(0.8 * unconstrained.baseline_space),
        ..InventoryParams::new()
    };
    let plan = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    assert!(!plan.baseline_feasible);
    assert!(plan.optimised_feasible);
    assert!(plan.optimised_capital <= budget + 1e-9);
    assert!(plan.optimised_space <= 0.8 * unconstrained.baseline_space + 1e-9);
}

#[test]
fn the_baseline_follows_the_formulas() {
    let (items, daily) = fixture();
    let b = baseline(&items[0], &daily[0], 0.95).unwrap();
    let mean = daily[0].iter().sum::<f64>() / 181.0;
    let eoq_units = (2.0 * mean * 365.0 * 30.0 / (4.0 * 0.25)).sqrt();
    assert!((b.eoq - eoq_units).abs() < 1e-9);
    let z95 = 1.6448536269514722;
    assert!((b.safety_stock - z95 * b.sigma_daily * 3f64.sqrt()).abs() < 1e-9);
    assert!((b.reorder_point - (3.0 * mean + b.safety_stock)).abs() < 1e-9);
}

#[test]
fn same_seed_same_plan() {
    let (items, daily) = fixture();
    let params = InventoryParams {
        ga: GaParams {
            generations: 20,
            ..GaParams::new()
        },
        ..InventoryParams::new()
    };
    let a = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    let b = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    assert_eq!(a, b);
}
