//! Annealing quality on the library instances with fixed seeds, against the proven optima
//! published with TSPLIB (berlin52 7542, eil51 426, st70 675) and CVRPLIB (A-n32-k5 784).

use super::*;
use crate::progress::Silent;

const BERLIN52: &str = include_str!("../../../../../testdata/tsplib/berlin52.tsp");
const EIL51: &str = include_str!("../../../../../testdata/tsplib/eil51.tsp");
const ST70: &str = include_str!("../../../../../testdata/tsplib/st70.tsp");
const A_N32_K5: &str = include_str!("../../../../../testdata/cvrp/A-n32-k5.vrp");

/// Recomputes a plan's length from its stop sequences, checks every customer is served
/// once and every load fits.
fn check_plan(instance: &Instance, plan: &RoutePlan) -> f64 {
    let dist = instance.distances();
    let mut seen = vec![0usize; instance.len()];
    let mut total = 0.0;
    for route in &plan.routes {
        assert_eq!(route.stops.first(), Some(&instance.depot));
        assert_eq!(route.stops.last(), Some(&instance.depot));
        for pair in route.stops.windows(2) {
            total += dist.get(pair[0], pair[1]);
        }
        let inner = &route.stops[1..route.stops.len() - 1];
        for &s in inner {
            seen[s] += 1;
        }
        let load: f64 = inner.iter().map(|&s| instance.demand[s]).sum();
        assert!(load <= instance.capacity.unwrap_or(f64::INFINITY));
    }
    for (s, &count) in seen.iter().enumerate() {
        assert_eq!(count, usize::from(s != instance.depot), "stop {s}");
    }
    assert!((total - plan.length).abs() < 1e-9);
    total
}

/// Plans `text` with the default parameters (seed 42) and checks the gap to `optimum`.
fn within_gap(text: &str, optimum: f64, gap: f64, vehicles: Option<usize>) {
    let instance = parse_tsplib(text).unwrap();
    let params = AnnealParams {
        vehicles,
        ..AnnealParams::new()
    };
    let plan = plan_routes(&instance, &params, &mut Silent).unwrap();
    let length = check_plan(&instance, &plan);
    assert!(plan.feasible);
    assert!(
        length <= optimum * (1.0 + gap),
        "{}: {length} vs optimum {optimum}",
        instance.name
    );
    assert!(
        length >= optimum,
        "{}: {length} beats the optimum",
        instance.name
    );
    if let Some(k) = vehicles {
        assert!(plan.routes.len() <= k);
    }
}

// One test per instance keeps each under a few seconds on a loaded 2-core runner.
#[test]
fn berlin52_within_1_percent_of_7542() {
    within_gap(BERLIN52, 7542.0, 0.01, None);
}

#[test]
fn eil51_within_2_percent_of_426() {
    within_gap(EIL51, 426.0, 0.02, None);
}

#[test]
fn st70_within_2_percent_of_675() {
    within_gap(ST70, 675.0, 0.02, None);
}

#[test]
fn a_n32_k5_with_5_vehicles_within_3_percent_of_784() {
    within_gap(A_N32_K5, 784.0, 0.03, Some(5));
}

#[test]
fn same_seed_same_plan_and_history_is_monotone() {
    let instance = parse_tsplib(EIL51).unwrap();
    let params = AnnealParams {
        levels: 200,
        ..AnnealParams::new()
    };
    let a = plan_routes(&instance, &params, &mut Silent).unwrap();
    let b = plan_routes(&instance, &params, &mut Silent).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.run.history.len(), 200);
    assert!(a.run.history.best.windows(2).all(|w| w[1] <= w[0]));
    assert!(a.length <= a.construction_length);
}

#[test]
fn time_windows_are_penalised_into_order() {
    // The far stop C must be served by time 10, which only going there first allows; then
    // B, A is the shortest way home.
    let text = "id,x,y,ready,due\ndepot,0,0,0,1000\nA,1,0,0,1000\nB,2,0,0,1000\nC,0,10,0,10\n";
    let table =
        crate::table::read_bytes(text.as_bytes(), &crate::table::ReadOptions::default()).unwrap();
    let instance = Instance::from_table(&table, "line", None).unwrap();
    let plan = plan_routes(&instance, &AnnealParams::new(), &mut Silent).unwrap();
    assert!(plan.lateness.abs() < 1e-9, "{plan:?}");
    let ids = &plan.routes[0].ids;
    assert!(ids == &["depot", "C", "B", "A", "depot"], "{ids:?}");
}

#[test]
fn bad_parameters_are_named() {
    let instance = parse_tsplib(EIL51).unwrap();
    let cases = [
        (
            AnnealParams {
                levels: 0,
                ..AnnealParams::new()
            },
            "levels",
        ),
        (
            AnnealParams {
                final_temperature_ratio: 1.5,
                ..AnnealParams::new()
            },
            "final_temperature_ratio",
        ),
        (
            AnnealParams {
                vehicles: Some(0),
                ..AnnealParams::new()
            },
            "vehicles",
        ),
        (
            AnnealParams {
                speed: -1.0,
                ..AnnealParams::new()
            },
            "speed",
        ),
    ];
    for (params, name) in cases {
        let e = plan_routes(&instance, &params, &mut Silent).unwrap_err();
        assert!(e.to_string().starts_with(name), "{e}");
    }
}
