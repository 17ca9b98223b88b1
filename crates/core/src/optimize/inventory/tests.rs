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

fn quick() -> InventoryParams {
    InventoryParams {
        ga: GaParams {
            generations: 30,
            ..GaParams::new()
        },
        ..InventoryParams::new()
    }
}

fn policies(plan: &InventoryPlan) -> (Vec<Policy>, Vec<Policy>) {
    (
        plan.items.iter().map(|i| i.baseline_policy).collect(),
        plan.items.iter().map(|i| i.optimised_policy).collect(),
    )
}

/// The out-of-sample figures come from the held-out days and nothing else: changing only
/// those days changes them and leaves the tuning alone; changing only the training days
/// changes the tuning, but the policies it gives are scored on the same held-out days.
#[test]
fn out_of_sample_figures_use_only_held_out_demand() {
    let (items, daily) = fixture();
    let params = quick();
    let training = training_days(181, params.holdout).unwrap();
    assert_eq!(training, 127);
    let plan = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    let eval = plan.evaluation.clone().unwrap();
    assert_eq!((eval.training_days, eval.held_out_days), (127, 54));
    let held_out: Vec<Vec<f64>> = daily.iter().map(|d| d[training..].to_vec()).collect();
    let (base, tuned) = policies(&plan);
    let again = evaluate_policies(&items, &base, &tuned, &held_out, training, params.shifts);
    assert_eq!(again.unwrap(), eval);

    // Only held-out days change: same tuning, other out-of-sample figures.
    let mut later = daily.clone();
    for d in &mut later {
        for q in &mut d[training..] {
            *q *= 2.0;
        }
    }
    let plan_later = optimise_inventory(&items, &later, &params, &mut Silent).unwrap();
    assert_eq!(policies(&plan_later), policies(&plan));
    assert_eq!(
        plan_later.optimised_cost.to_bits(),
        plan.optimised_cost.to_bits()
    );
    let eval_later = plan_later.evaluation.unwrap();
    assert!(eval_later.optimised.cost.to_bits() != eval.optimised.cost.to_bits());
    assert!(eval_later.optimised.fill_rate < eval.optimised.fill_rate);

    // Only training days change: other tuning, scored on the unchanged held-out days.
    let mut earlier = daily.clone();
    for d in &mut earlier {
        for q in &mut d[..training] {
            *q *= 1.5;
        }
    }
    let plan_earlier = optimise_inventory(&items, &earlier, &params, &mut Silent).unwrap();
    assert!(plan_earlier.baseline_cost.to_bits() != plan.baseline_cost.to_bits());
    let (base, tuned) = policies(&plan_earlier);
    let on_original = evaluate_policies(&items, &base, &tuned, &held_out, training, params.shifts);
    assert_eq!(plan_earlier.evaluation.unwrap(), on_original.unwrap());
}

/// The figures the held-out check reports are consistent: savings are baseline minus tuned
/// cost, the shifts are all counted, and the recommendation follows the held-out cost.
#[test]
fn the_held_out_report_is_consistent() {
    let (items, daily) = fixture();
    let plan = optimise_inventory(&items, &daily, &quick(), &mut Silent).unwrap();
    let e = plan.evaluation.unwrap();
    assert!((e.savings - (e.baseline.cost - e.optimised.cost)).abs() < 1e-9);
    assert_eq!(e.shifts.count, 54);
    assert!(e.shifts.worse_than_baseline <= e.shifts.count);
    assert!(e.shifts.worst_savings_percent <= e.shifts.mean_savings_percent + 1e-9);
    let cheaper = e.optimised.cost < e.baseline.cost;
    assert_eq!(e.recommendation == Recommendation::Optimised, cheaper);
    assert_eq!(e.items.len(), items.len());
}

#[test]
fn a_history_too_short_to_split_is_scored_in_sample_and_says_so() {
    let (items, daily) = fixture();
    let short: Vec<Vec<f64>> = daily.iter().map(|d| d[..30].to_vec()).collect();
    let plan = optimise_inventory(&items, &short, &quick(), &mut Silent).unwrap();
    assert!(plan.evaluation.is_none());
    // 28 training days at a 30 % holdout need 40 days; 14 held-out days need 47.
    assert_eq!(plan.holdout_days_needed, Some(47));
}

/// Regression: a budget below what any plan ties up was searched anyway and reported as
/// "saves −4006.9 %"; it is now an error naming the budget and the least it must be.
#[test]
fn an_infeasible_budget_is_an_error_naming_the_minimum() {
    let (items, daily) = fixture();
    let params = InventoryParams {
        budget: Some(10.0),
        ..quick()
    };
    let e = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap_err();
    let crate::ErrorKind::Infeasible {
        limit,
        given,
        minimum,
    } = e.kind()
    else {
        panic!("{e}");
    };
    assert_eq!((*limit, *given), (crate::Limit::Budget, 10.0));
    // The smallest plan: one minimum order (whole packs) per product at unit cost.
    let smallest: f64 = items.iter().map(|i| i.round_order(1.0) * i.unit_cost).sum();
    assert!((minimum - smallest).abs() < 1e-9, "{minimum} vs {smallest}");
    assert!(
        e.to_string().starts_with("budget = 10 cannot be met"),
        "{e}"
    );
    assert!(e.message(crate::Lang::Zh).starts_with("预算 = 10 无法满足"));
    // Just above the minimum, a plan is found and it fits.
    let params = InventoryParams {
        budget: Some(smallest * 1.5),
        ..quick()
    };
    let plan = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    assert!(plan.optimised_feasible && plan.optimised_capital <= smallest * 1.5 + 1e-9);
}

/// The measurement the report quotes: products built from the UCI Online Retail sample
/// (20,000 order lines, 2010-12-01 .. 2011-12-09, the 30 best sellers by units, default
/// costs), tuned with the default settings on the first 70 % of the days and replayed on the
/// last 30 % and 60 cyclic shifts of it. Run with `--nocapture` to see the figures.
#[test]
fn measured_on_the_uci_order_sample() {
    let orders = read_bytes(
        include_bytes!(
            "../../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
        ),
        &ReadOptions::default(),
    )
    .unwrap();
    let columns = ["StockCode", "Quantity", "UnitPrice"];
    let items = products_from_orders(&orders, columns, &ProductDefaults::new()).unwrap();
    assert_eq!(items.len(), 30);
    let history =
        DemandHistory::from_table(&orders, "StockCode", "InvoiceDate", "Quantity").unwrap();
    let daily: Vec<Vec<f64>> = items
        .iter()
        .map(|i| {
            let p = history.products.iter().position(|p| p == &i.id).unwrap();
            history.daily[p].clone()
        })
        .collect();
    let params = InventoryParams::new();
    let plan = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    let e = plan.evaluation.clone().unwrap();
    let days = daily[0].len();
    assert_eq!(e.training_days + e.held_out_days, days);
    let held_out: Vec<Vec<f64>> = daily
        .iter()
        .map(|d| d[e.training_days..].to_vec())
        .collect();
    let (base, tuned) = policies(&plan);
    let again = evaluate_policies(
        &items,
        &base,
        &tuned,
        &held_out,
        e.training_days,
        params.shifts,
    );
    assert_eq!(again.unwrap(), e);
    eprintln!(
        "UCI sample, {} products, {} days: in sample ({} days) baseline {:.2} optimised {:.2} saves {:.1}% fill {:.4} -> {:.4}; out of sample ({} days) baseline {:.2} optimised {:.2} saves {:.1}% fill {:.4} -> {:.4}; shifts {}: mean {:.1}% worst {:.1}% worse {} below99 {} (baseline {}); recommend {:?}",
        items.len(),
        days,
        e.training_days,
        plan.baseline_cost,
        plan.optimised_cost,
        plan.savings_percent,
        plan.baseline_fill_rate,
        plan.optimised_fill_rate,
        e.held_out_days,
        e.baseline.cost,
        e.optimised.cost,
        e.savings_percent,
        e.baseline.fill_rate,
        e.optimised.fill_rate,
        e.shifts.count,
        e.shifts.mean_savings_percent,
        e.shifts.worst_savings_percent,
        e.shifts.worse_than_baseline,
        e.shifts.below_fill_target,
        e.shifts.baseline_below_fill_target,
        e.recommendation
    );
}

/// By default each product's baseline service level comes from its ABC/XYZ class on the
/// tuning days alone: the held-out days can change without changing a level, a flat level
/// applies to every product when asked for, and the higher level buys more safety stock.
#[test]
fn service_levels_follow_the_class_of_the_tuning_days() {
    let (items, daily) = fixture();
    let params = InventoryParams {
        ga: GaParams {
            generations: 5,
            ..GaParams::new()
        },
        ..InventoryParams::new()
    };
    assert!(params.service_level_by_class);
    let plan = optimise_inventory(&items, &daily, &params, &mut Silent).unwrap();
    let levels: Vec<(Option<String>, f64)> = plan
        .items
        .iter()
        .map(|i| (i.class.clone(), i.service_level))
        .collect();
    for (class, level) in &levels {
        let class = class.as_deref().expect("a class for every product");
        assert!(class.len() == 2, "{class}");
        assert!((0.90..=0.99).contains(level), "{class} {level}");
    }
    // The intermittent P06 sells unsteadily week to week: not X, and a lower level than the
    // steadiest products.
    assert!(
        !levels[5].0.as_deref().unwrap().ends_with('X'),
        "{levels:?}"
    );
    let top = levels.iter().map(|l| l.1).fold(0.0, f64::max);
    assert!(levels[5].1 < top, "{levels:?}");

    // Doubling every held-out day leaves the levels alone.
    let training = plan.evaluation.as_ref().unwrap().training_days;
    let mut changed = daily.clone();
    for series in &mut changed {
        series[training..].iter_mut().for_each(|d| *d *= 2.0);
    }
    let again = optimise_inventory(&items, &changed, &params, &mut Silent).unwrap();
    let again: Vec<(Option<String>, f64)> = again
        .items
        .iter()
        .map(|i| (i.class.clone(), i.service_level))
        .collect();
    assert_eq!(levels, again);

    let flat = InventoryParams {
        service_level_by_class: false,
        ..params.clone()
    };
    let plan_flat = optimise_inventory(&items, &daily, &flat, &mut Silent).unwrap();
    for (by_class, flat) in plan.items.iter().zip(&plan_flat.items) {
        assert_eq!(flat.class, None);
        assert!((flat.service_level - 0.95).abs() < 1e-12);
        let (a, b) = (by_class.baseline.safety_stock, flat.baseline.safety_stock);
        assert_eq!(
            by_class.service_level > 0.95,
            a > b,
            "{} {a} {b}",
            by_class.id
        );
    }
}
