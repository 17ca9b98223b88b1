//! The neighbourhood of annealing: 2-opt, or-opt, relocate, swap and 2-opt* (tail exchange
//! between two routes), each with an O(1) distance delta on symmetric distances.
//!
//! A [`Plan`] holds the routes (stop indices without the depot) and their loads. A move is
//! first priced with [`Plan::delta`] (none of the routes is touched), checked against the
//! capacity with [`Plan::fits`], and only then applied.

use super::distance::DistanceMatrix;

/// One change to a set of routes. Positions are indices into the routes' stop lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Reverse `route[i..=j]` (`i < j`).
    TwoOpt {
        /// The route.
        route: usize,
        /// First position of the reversed segment.
        i: usize,
        /// Last position of the reversed segment.
        j: usize,
    },
    /// Move the segment `from[i..i+len]` to position `at` of route `to`, counted after the
    /// segment is removed, optionally reversed. `len == 1` is a relocate, 2 or 3 an or-opt.
    Segment {
        /// Route the segment leaves.
        from: usize,
        /// First position of the segment.
        i: usize,
        /// Number of stops moved.
        len: usize,
        /// Route the segment joins (may equal `from`).
        to: usize,
        /// Insertion position in `to` once the segment is removed.
        at: usize,
        /// Insert the segment backwards.
        reversed: bool,
    },
    /// Exchange the stop at `a.1` of route `a.0` with the stop at `b.1` of route `b.0`.
    Swap {
        /// First (route, position).
        a: (usize, usize),
        /// Second (route, position).
        b: (usize, usize),
    },
    /// 2-opt*: route `r1` keeps `..=i` and takes the tail of `r2` after `j`, and the other
    /// way round. `i`/`j` may be `None` to cut before the first stop.
    Cross {
        /// First route.
        r1: usize,
        /// Last kept position in `r1`.
        i: Option<usize>,
        /// Second route (different from `r1`).
        r2: usize,
        /// Last kept position in `r2`.
        j: Option<usize>,
    },
}

/// Routes with their loads, the state annealing changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Stop indices per route, without the depot.
    pub routes: Vec<Vec<usize>>,
    /// Total demand per route.
    pub loads: Vec<f64>,
    /// Index of the depot.
    pub depot: usize,
}

impl Plan {
    /// A plan from routes, computing loads from `demand`.
    pub fn new(routes: Vec<Vec<usize>>, demand: &[f64], depot: usize) -> Plan {
        let loads = routes
            .iter()
            .map(|r| r.iter().map(|&s| demand[s]).sum())
            .collect();
        Plan {
            routes,
            loads,
            depot,
        }
    }

    /// The stop at `pos` of `route`, or the depot just outside either end.
    #[inline]
    fn at(&self, route: usize, pos: isize) -> usize {
        let r = &self.routes[route];
        if pos < 0 || pos as usize >= r.len() {
            self.depot
        } else {
            r[pos as usize]
        }
    }

    /// Change in total length if `mv` were applied.
    pub fn delta(&self, mv: Move, d: &DistanceMatrix) -> f64 {
        match mv {
            Move::TwoOpt { route, i, j } => {
                let (a, x) = (self.at(route, i as isize - 1), self.routes[route][i]);
                let (y, b) = (self.routes[route][j], self.at(route, j as isize + 1));
                d.get(a, y) + d.get(x, b) - d.get(a, x) - d.get(y, b)
            }
            Move::Segment {
                from,
                i,
                len,
                to,
                at,
                reversed,
            } => {
                let first = self.routes[from][i];
                let last = self.routes[from][i + len - 1];
                let a = self.at(from, i as isize - 1);
                let b = self.at(from, (i + len) as isize);
                let removal = d.get(a, b) - d.get(a, first) - d.get(last, b);
                // Neighbours of the insertion point in the target once the segment is gone.
                let (p, q) = if to == from {
                    let after = |t: usize| if t < i { t } else { t + len };
                    let p = if at == 0 {
                        self.depot
                    } else {
                        self.routes[from][after(at - 1)]
                    };
                    let q = if at + len >= self.routes[from].len() {
                        self.depot
                    } else {
                        self.routes[from][after(at)]
                    };
                    (p, q)
                } else {
                    (self.at(to, at as isize - 1), self.at(to, at as isize))
                };
                let (head, tail) = if reversed {
                    (last, first)
                } else {
                    (first, last)
                };
                removal + d.get(p, head) + d.get(tail, q) - d.get(p, q)
            }
            Move::Swap { a, b } => {
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                let x = self.routes[a.0][a.1];
                let y = self.routes[b.0][b.1];
                let xp = self.at(a.0, a.1 as isize - 1);
                let xn = self.at(a.0, a.1 as isize + 1);
                let yp = self.at(b.0, b.1 as isize - 1);
                let yn = self.at(b.0, b.1 as isize + 1);
                if a.0 == b.0 && b.1 == a.1 + 1 {
                    d.get(xp, y) + d.get(x, yn) - d.get(xp, x) - d.get(y, yn)
                } else {
                    d.get(xp, y) + d.get(y, xn) + d.get(yp, x) + d.get(x, yn)
                        - d.get(xp, x)
                        - d.get(x, xn)
                        - d.get(yp, y)
                        - d.get(y, yn)
                }
            }
            Move::Cross { r1, i, r2, j } => {
                let i = i.map_or(-1, |v| v as isize);
                let j = j.map_or(-1, |v| v as isize);
                let (a, an) = (self.at(r1, i), self.at(r1, i + 1));
                let (b, bn) = (self.at(r2, j), self.at(r2, j + 1));
                d.get(a, bn) + d.get(b, an) - d.get(a, an) - d.get(b, bn)
            }
        }
    }

    /// The loads of the routes `mv` changes, after the move: `(route, new load)` pairs.
    pub fn new_loads(&self, mv: Move, demand: &[f64]) -> [(usize, f64); 2] {
        match mv {
            Move::TwoOpt { route, .. } => [(route, self.loads[route]); 2],
            Move::Segment {
                from, i, len, to, ..
            } => {
                if from == to {
                    return [(from, self.loads[from]); 2];
                }
                let moved: f64 = self.routes[from][i..i + len]
                    .iter()
                    .map(|&s| demand[s])
                    .sum();
                [
                    (from, self.loads[from] - moved),
                    (to, self.loads[to] + moved),
                ]
            }
            Move::Swap { a, b } => {
                if a.0 == b.0 {
                    return [(a.0, self.loads[a.0]); 2];
                }
                let (x, y) = (demand[self.routes[a.0][a.1]], demand[self.routes[b.0][b.1]]);
                [
                    (a.0, self.loads[a.0] - x + y),
                    (b.0, self.loads[b.0] - y + x),
                ]
            }
            Move::Cross { r1, i, r2, j } => {
                let head = |r: usize, cut: Option<usize>| -> f64 {
                    cut.map_or(0.0, |c| {
                        self.routes[r][..=c].iter().map(|&s| demand[s]).sum()
                    })
                };
                let (h1, h2) = (head(r1, i), head(r2, j));
                [
                    (r1, h1 + self.loads[r2] - h2),
                    (r2, h2 + self.loads[r1] - h1),
                ]
            }
        }
    }

    /// Applies `mv`; `new_loads` must be what [`Plan::new_loads`] returned for it.
    pub fn apply(&mut self, mv: Move, new_loads: [(usize, f64); 2]) {
        match mv {
            Move::TwoOpt { route, i, j } => self.routes[route][i..=j].reverse(),
            Move::Segment {
                from,
                i,
                len,
                to,
                at,
                reversed,
            } => {
                let mut segment: Vec<usize> = self.routes[from].drain(i..i + len).collect();
                if reversed {
                    segment.reverse();
                }
                self.routes[to].splice(at..at, segment);
            }
            Move::Swap { a, b } => {
                let x = self.routes[a.0][a.1];
                self.routes[a.0][a.1] = self.routes[b.0][b.1];
                self.routes[b.0][b.1] = x;
            }
            Move::Cross { r1, i, r2, j } => {
                let cut1 = i.map_or(0, |v| v + 1);
                let cut2 = j.map_or(0, |v| v + 1);
                let tail1 = self.routes[r1].split_off(cut1);
                let tail2 = self.routes[r2].split_off(cut2);
                self.routes[r1].extend(tail2);
                self.routes[r2].extend(tail1);
            }
        }
        for (route, load) in new_loads {
            self.loads[route] = load;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::routes::construct::route_length;
    use crate::optimize::routes::distance::Metric;
    use crate::rt::seeded;
    use rand::Rng as _;

    fn total(plan: &Plan, d: &DistanceMatrix) -> f64 {
        plan.routes
            .iter()
            .map(|r| route_length(r, plan.depot, d))
            .sum()
    }

    /// Every delta must equal the change of the recomputed length: try many random moves of
    /// each kind on random points and compare.
    #[test]
    fn deltas_match_recomputed_lengths() {
        let mut rng = seeded(3);
        let points: Vec<[f64; 2]> = (0..25)
            .map(|_| [rng.random_range(0.0..100.0), rng.random_range(0.0..100.0)])
            .collect();
        let d = DistanceMatrix::new(&points, Metric::Euclidean);
        let demand = vec![1.0; 25];
        let routes = vec![
            (1..9).collect(),
            (9..10).collect(),
            (10..25).collect(),
            vec![],
        ];
        let mut plan = Plan::new(routes, &demand, 0);
        for step in 0..4000 {
            let r1 = rng.random_range(0..4);
            let r2 = rng.random_range(0..4);
            let (n1, n2) = (plan.routes[r1].len(), plan.routes[r2].len());
            let mv = match step % 4 {
                0 if n1 >= 2 => {
                    let i = rng.random_range(0..n1 - 1);
                    Move::TwoOpt {
                        route: r1,
                        i,
                        j: rng.random_range(i + 1..n1),
                    }
                }
                1 if n1 >= 1 => {
                    let len = rng.random_range(1..=n1.min(3));
                    let i = rng.random_range(0..=n1 - len);
                    let room = if r1 == r2 { n1 - len } else { n2 };
                    Move::Segment {
                        from: r1,
                        i,
                        len,
                        to: r2,
                        at: rng.random_range(0..=room),
                        reversed: rng.random(),
                    }
                }
                2 if n1 >= 1 && n2 >= 1 => {
                    let a = (r1, rng.random_range(0..n1));
                    let b = (r2, rng.random_range(0..n2));
                    if a == b {
                        continue;
                    }
                    Move::Swap { a, b }
                }
                3 if r1 != r2 => Move::Cross {
                    r1,
                    i: rng.random_range(0..=n1).checked_sub(1),
                    r2,
                    j: rng.random_range(0..=n2).checked_sub(1),
                },
                _ => continue,
            };
            let before = total(&plan, &d);
            let delta = plan.delta(mv, &d);
            let loads = plan.new_loads(mv, &demand);
            plan.apply(mv, loads);
            let after = total(&plan, &d);
            assert!(
                (after - before - delta).abs() < 1e-9,
                "{mv:?}: {} vs {delta}",
                after - before
            );
            for (r, route) in plan.routes.iter().enumerate() {
                assert!((plan.loads[r] - route.len() as f64).abs() < 1e-9, "{mv:?}");
            }
        }
        let mut stops: Vec<usize> = plan.routes.concat();
        stops.sort_unstable();
        assert_eq!(stops, (1..25).collect::<Vec<_>>());
    }
}
