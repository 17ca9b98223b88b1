//! Construction heuristics that give annealing its starting point: nearest neighbour and
//! the Clarke-Wright savings algorithm (Clarke & Wright 1964, "Scheduling of vehicles from a
//! central depot to a number of delivery points", parallel version).
//!
//! Routes are lists of stop indices without the depot, which starts and ends every route.

use super::distance::DistanceMatrix;
use super::instance::Instance;

/// Length of one route, depot to depot.
pub fn route_length(route: &[usize], depot: usize, dist: &DistanceMatrix) -> f64 {
    let mut previous = depot;
    let mut total = 0.0;
    for &stop in route {
        total += dist.get(previous, stop);
        previous = stop;
    }
    if route.is_empty() {
        0.0
    } else {
        total + dist.get(previous, depot)
    }
}

/// Total load of one route.
pub fn route_load(route: &[usize], demand: &[f64]) -> f64 {
    route.iter().map(|&s| demand[s]).sum()
}

/// Customers, that is every stop but the depot.
fn customers(instance: &Instance) -> impl Iterator<Item = usize> + '_ {
    (0..instance.len()).filter(move |&s| s != instance.depot)
}

/// Nearest neighbour: from the depot, drive to the closest unvisited stop that still fits
/// in the vehicle; when none fits, go back and start a new route.
pub fn nearest_neighbour(instance: &Instance, dist: &DistanceMatrix) -> Vec<Vec<usize>> {
    let capacity = instance.capacity.unwrap_or(f64::INFINITY);
    let mut unvisited: Vec<usize> = customers(instance).collect();
    let mut routes = Vec::new();
    while !unvisited.is_empty() {
        let mut route = Vec::new();
        let mut load = 0.0;
        let mut here = instance.depot;
        loop {
            let next = unvisited
                .iter()
                .enumerate()
                .filter(|(_, &s)| load + instance.demand[s] <= capacity)
                .min_by(|(_, &a), (_, &b)| dist.get(here, a).total_cmp(&dist.get(here, b)));
            let Some((k, &stop)) = next else { break };
            unvisited.swap_remove(k);
            load += instance.demand[stop];
            route.push(stop);
            here = stop;
        }
        if route.is_empty() {
            // A stop whose demand alone exceeds the capacity: serve it alone (the result is
            // then marked infeasible) rather than looping forever.
            route.push(unvisited.swap_remove(0));
        }
        routes.push(route);
    }
    routes
}

/// Clarke-Wright savings, parallel version: start with one route per stop and merge the
/// routes whose ends `i`, `j` save the most, `d(0,i) + d(0,j) - d(i,j)`, while the load fits.
pub fn savings(instance: &Instance, dist: &DistanceMatrix) -> Vec<Vec<usize>> {
    let capacity = instance.capacity.unwrap_or(f64::INFINITY);
    let depot = instance.depot;
    let stops: Vec<usize> = customers(instance).collect();
    let mut pairs = Vec::with_capacity(stops.len() * stops.len() / 2);
    for (a, &i) in stops.iter().enumerate() {
        for &j in &stops[a + 1..] {
            let saving = dist.get(depot, i) + dist.get(depot, j) - dist.get(i, j);
            pairs.push((saving, i, j));
        }
    }
    // Sort by saving, then by stop indices so ties break the same way everywhere.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let n = instance.len();
    let mut route_of: Vec<usize> = (0..n).collect();
    let mut routes: Vec<Vec<usize>> = (0..n).map(|s| vec![s]).collect();
    let mut loads: Vec<f64> = instance.demand.clone();
    for (saving, i, j) in pairs {
        if saving <= 0.0 {
            break;
        }
        let (ri, rj) = (route_of[i], route_of[j]);
        if ri == rj || loads[ri] + loads[rj] > capacity {
            continue;
        }
        let (ri_first, ri_last) = (routes[ri][0], *routes[ri].last().unwrap_or(&i));
        let (rj_first, rj_last) = (routes[rj][0], *routes[rj].last().unwrap_or(&j));
        // Join so that i and j become neighbours; both must be at an end of their route.
        let mut left = std::mem::take(&mut routes[ri]);
        let mut right = std::mem::take(&mut routes[rj]);
        if ri_last == i && rj_first == j {
        } else if ri_first == i && rj_last == j {
            std::mem::swap(&mut left, &mut right);
        } else if ri_first == i && rj_first == j {
            left.reverse();
        } else if ri_last == i && rj_last == j {
            right.reverse();
        } else {
            routes[ri] = left;
            routes[rj] = right;
            continue;
        }
        left.extend(right);
        for &s in &left {
            route_of[s] = ri;
        }
        loads[ri] += loads[rj];
        loads[rj] = 0.0;
        routes[ri] = left;
    }
    routes
        .into_iter()
        .enumerate()
        .filter(|(r, route)| {
            !(route.is_empty() || route.len() == 1 && route[0] == depot && *r == depot)
        })
        .map(|(_, route)| route)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::routes::tsplib::parse_tsplib;

    fn covers_every_customer_once(instance: &Instance, routes: &[Vec<usize>]) -> bool {
        let mut seen: Vec<usize> = routes.iter().flatten().copied().collect();
        seen.sort_unstable();
        seen == customers(instance).collect::<Vec<_>>()
    }

    #[test]
    fn constructions_are_complete_and_respect_capacity() {
        let inst = parse_tsplib(include_str!("../../../../../testdata/cvrp/A-n32-k5.vrp")).unwrap();
        let dist = inst.distances();
        for routes in [nearest_neighbour(&inst, &dist), savings(&inst, &dist)] {
            assert!(covers_every_customer_once(&inst, &routes));
            for r in &routes {
                assert!(route_load(r, &inst.demand) <= 100.0);
            }
        }
        // Savings is a good construction: within 10% of the optimum 784 on this instance.
        let total: f64 = savings(&inst, &dist)
            .iter()
            .map(|r| route_length(r, inst.depot, &dist))
            .sum();
        assert!(total < 784.0 * 1.10, "{total}");
    }

    #[test]
    fn without_capacity_each_gives_one_tour() {
        let inst =
            parse_tsplib(include_str!("../../../../../testdata/tsplib/berlin52.tsp")).unwrap();
        let dist = inst.distances();
        for routes in [nearest_neighbour(&inst, &dist), savings(&inst, &dist)] {
            assert_eq!(routes.len(), 1);
            assert!(covers_every_customer_once(&inst, &routes));
        }
    }
}
