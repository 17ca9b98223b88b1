//! Simulated annealing over routes (Kirkpatrick, Gelatt & Vecchi 1983), stepping one
//! temperature level per [`Solver::next_iter`].
//!
//! Start: the shorter of nearest neighbour and Clarke-Wright savings. Each level tries
//! `moves_per_level` random moves (2-opt 35%, or-opt 15%, relocate 20%, swap 15%, 2-opt*
//! 15% when there are several routes), accepts a worse one with probability
//! `exp(-delta / T)`, and never breaks the capacity. The temperature falls geometrically from
//! `T0` to `T0 * final_temperature_ratio` over `levels` levels ([`Schedule`]); `T0` is
//! estimated from the start when not given. Time-window lateness is added to the cost with
//! weight `lateness_penalty`. The best plan seen is polished by steepest descent.

use super::construct::{nearest_neighbour, route_length, savings};
use super::distance::DistanceMatrix;
use super::instance::Instance;
use super::moves::{Move, Plan};
use crate::optimize::solver::{run, IterStats, RunSummary, Solver, Termination};
use crate::progress::{Progress, Stage};
use crate::rt::{seeded, Rng, DEFAULT_SEED};
use crate::{Allowed, Counted, Error, Result};
use rand::Rng as _;
use serde::{Deserialize, Serialize};

/// Parameters of route annealing, checked by [`AnnealParams::check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnealParams {
    /// Temperature levels (iterations). Default 1000.
    pub levels: u64,
    /// Moves tried per level; `None` means 100 per stop. Default `None`.
    pub moves_per_level: Option<u64>,
    /// Starting temperature; `None` estimates it from the start solution. Default `None`.
    pub initial_temperature: Option<f64>,
    /// Final temperature as a fraction of the initial one, in (0, 1). Default 0.001.
    pub final_temperature_ratio: f64,
    /// Maximum number of vehicles; `None`: as many as the construction needs, plus one
    /// spare when loads are capacitated. Default `None`.
    pub vehicles: Option<usize>,
    /// Vehicle capacity, overriding the instance's. Default `None`.
    pub capacity: Option<f64>,
    /// Distance units per unit of time, to turn distances into travel times for time
    /// windows. Default 1.
    pub speed: f64,
    /// Cost added per unit of lateness at a time window. Default 100.
    pub lateness_penalty: f64,
    /// Seed of the random generator. Default [`DEFAULT_SEED`].
    pub seed: u64,
}

impl Default for AnnealParams {
    fn default() -> Self {
        AnnealParams::new()
    }
}

impl AnnealParams {
    /// The defaults listed on each field.
    pub fn new() -> AnnealParams {
        AnnealParams {
            levels: 1000,
            moves_per_level: None,
            initial_temperature: None,
            final_temperature_ratio: 0.001,
            vehicles: None,
            capacity: None,
            speed: 1.0,
            lateness_penalty: 100.0,
            seed: DEFAULT_SEED,
        }
    }

    /// Checks every parameter, naming the first bad one.
    pub fn check(&self) -> Result<()> {
        if self.levels == 0 {
            return Err(Error::invalid_parameter(
                "levels",
                self.levels,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.moves_per_level == Some(0) {
            return Err(Error::invalid_parameter(
                "moves_per_level",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if let Some(t) = self.initial_temperature {
            if !(t.is_finite() && t > 0.0) {
                return Err(Error::invalid_parameter(
                    "initial_temperature",
                    t,
                    Allowed::Positive,
                ));
            }
        }
        let r = self.final_temperature_ratio;
        if !(r > 0.0 && r < 1.0) {
            return Err(Error::invalid_parameter(
                "final_temperature_ratio",
                r,
                Allowed::OpenUnit,
            ));
        }
        if self.vehicles == Some(0) {
            return Err(Error::invalid_parameter(
                "vehicles",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if let Some(c) = self.capacity {
            if !(c.is_finite() && c > 0.0) {
                return Err(Error::invalid_parameter("capacity", c, Allowed::Positive));
            }
        }
        if !(self.speed.is_finite() && self.speed > 0.0) {
            return Err(Error::invalid_parameter(
                "speed",
                self.speed,
                Allowed::Positive,
            ));
        }
        if !(self.lateness_penalty.is_finite() && self.lateness_penalty >= 0.0) {
            return Err(Error::invalid_parameter(
                "lateness_penalty",
                self.lateness_penalty,
                Allowed::NonNegative,
            ));
        }
        Ok(())
    }
}

/// A geometric cooling schedule: `T(k) = initial * (final / initial)^(k / levels)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Temperature at level 0.
    pub initial: f64,
    /// Temperature at the last level.
    pub final_temperature: f64,
    /// Number of levels.
    pub levels: u64,
}

impl Schedule {
    /// Temperature at level `k` (0-based).
    pub fn temperature(&self, k: u64) -> f64 {
        let fraction = k as f64 / (self.levels.max(2) - 1) as f64;
        self.initial * (self.final_temperature / self.initial).powf(fraction.min(1.0))
    }
}

/// One vehicle's route in a result, ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedRoute {
    /// Stop indices from depot to depot.
    pub stops: Vec<usize>,
    /// Stop ids from depot to depot.
    pub ids: Vec<String>,
    /// Coordinates of each stop, in order, for the canvas.
    pub coords: Vec<[f64; 2]>,
    /// Total demand carried.
    pub load: f64,
    /// Length depot to depot.
    pub length: f64,
    /// Total lateness at time windows (0 without windows).
    pub lateness: f64,
}

/// The answer of [`plan_routes`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutePlan {
    /// Total length of all routes, in the instance's distance convention.
    pub length: f64,
    /// Total lateness at time windows.
    pub lateness: f64,
    /// True when capacity and the vehicle count hold.
    pub feasible: bool,
    /// The non-empty routes.
    pub routes: Vec<PlannedRoute>,
    /// Name of the construction annealing started from.
    pub construction: String,
    /// Length of that start.
    pub construction_length: f64,
    /// The temperature schedule used.
    pub schedule: Schedule,
    /// Iterations, stop reason and the convergence series (best and current cost per level).
    pub run: RunSummary,
    /// The seed used.
    pub seed: u64,
}

/// The annealing state: advance it with [`Solver::next_iter`], read it with
/// [`RouteAnnealer::result`].
pub struct RouteAnnealer<'a> {
    instance: &'a Instance,
    dist: DistanceMatrix,
    params: AnnealParams,
    capacity: f64,
    rng: Rng,
    plan: Plan,
    lateness: Vec<f64>,
    cost: f64,
    best: Plan,
    best_cost: f64,
    schedule: Schedule,
    level: u64,
    moves_per_level: u64,
    construction: String,
    construction_length: f64,
}

impl<'a> RouteAnnealer<'a> {
    /// Builds the start solution and the schedule.
    pub fn new(instance: &'a Instance, params: &AnnealParams) -> Result<RouteAnnealer<'a>> {
        params.check()?;
        let dist = instance.distances();
        let capacity = params
            .capacity
            .or(instance.capacity)
            .unwrap_or(f64::INFINITY);
        let capacitated = capacity.is_finite();
        let capacity_instance;
        let inst_for_build = if params.capacity.is_some() {
            capacity_instance = instance.clone().with_capacity(params.capacity);
            &capacity_instance
        } else {
            instance
        };
        let starts = [
            ("savings", savings(inst_for_build, &dist)),
            (
                "nearest_neighbour",
                nearest_neighbour(inst_for_build, &dist),
            ),
        ];
        let total = |routes: &[Vec<usize>]| -> f64 {
            routes
                .iter()
                .map(|r| route_length(r, instance.depot, &dist))
                .sum()
        };
        let (name, mut routes) = starts
            .into_iter()
            .min_by(|a, b| total(&a.1).total_cmp(&total(&b.1)))
            .ok_or_else(|| Error::not_enough(Counted::Stops, 2, instance.len()))?;
        let construction_length = total(&routes);
        let slots = match params.vehicles {
            Some(k) => k.max(routes.len()),
            None if capacitated => routes.len() + 1,
            None => routes.len(),
        };
        routes.resize(slots, Vec::new());
        let plan = Plan::new(routes, &instance.demand, instance.depot);
        let mut annealer = RouteAnnealer {
            instance,
            dist,
            params: params.clone(),
            capacity,
            rng: seeded(params.seed),
            lateness: vec![0.0; plan.routes.len()],
            best: plan.clone(),
            plan,
            cost: 0.0,
            best_cost: 0.0,
            schedule: Schedule {
                initial: 1.0,
                final_temperature: params.final_temperature_ratio,
                levels: params.levels,
            },
            level: 0,
            moves_per_level: params
                .moves_per_level
                .unwrap_or(100 * instance.len() as u64),
            construction: name.to_string(),
            construction_length,
        };
        for r in 0..annealer.plan.routes.len() {
            annealer.lateness[r] = annealer.route_lateness(&annealer.plan.routes[r]);
        }
        annealer.cost = annealer.full_cost(&annealer.plan);
        annealer.best_cost = annealer.cost;
        let initial = match params.initial_temperature {
            Some(t) => t,
            None => annealer.estimate_temperature(),
        };
        annealer.schedule = Schedule {
            initial,
            final_temperature: initial * params.final_temperature_ratio,
            levels: params.levels,
        };
        Ok(annealer)
    }

    /// The schedule in use.
    pub fn schedule(&self) -> Schedule {
        self.schedule
    }

    fn has_windows(&self) -> bool {
        self.instance.time_windows.is_some()
    }

    /// Lateness summed over the stops of a route, driving at `speed` and waiting when early.
    fn route_lateness(&self, route: &[usize]) -> f64 {
        let Some(windows) = &self.instance.time_windows else {
            return 0.0;
        };
        let depot = self.instance.depot;
        let mut time = windows[depot].ready;
        let mut late = 0.0;
        let mut here = depot;
        for &stop in route.iter().chain(std::iter::once(&depot)) {
            time += self.dist.get(here, stop) / self.params.speed;
            let w = windows[stop];
            time = time.max(w.ready);
            late += (time - w.due).max(0.0);
            if stop != depot {
                time += w.service;
            }
            here = stop;
        }
        if route.is_empty() {
            0.0
        } else {
            late
        }
    }

    fn full_cost(&self, plan: &Plan) -> f64 {
        plan.routes
            .iter()
            .map(|r| {
                route_length(r, plan.depot, &self.dist)
                    + self.params.lateness_penalty * self.route_lateness(r)
            })
            .sum()
    }

    /// A random move, or `None` when the drawn one does not apply (too short a route).
    fn random_move(&mut self) -> Option<Move> {
        let routes = &self.plan.routes;
        let n_routes = routes.len();
        // A route drawn with probability proportional to its length, through a random stop.
        let customers: usize = routes.iter().map(Vec::len).sum();
        let mut k = self.rng.random_range(0..customers.max(1));
        let mut r1 = 0;
        while r1 < n_routes && k >= routes[r1].len() {
            k -= routes[r1].len();
            r1 += 1;
        }
        if r1 == n_routes {
            return None;
        }
        let n1 = routes[r1].len();
        let roll = self.rng.random_range(0..100u32);
        let mv = if roll < 35 {
            if n1 < 3 {
                return None;
            }
            let j = self.rng.random_range(0..n1);
            if j == k {
                return None;
            }
            Move::TwoOpt {
                route: r1,
                i: k.min(j),
                j: k.max(j),
            }
        } else if roll < 70 {
            // Relocate (one stop) or or-opt (two or three).
            let len = if roll < 55 {
                1
            } else {
                self.rng.random_range(2..=3)
            };
            if len > n1 {
                return None;
            }
            let i = k.min(n1 - len);
            let to = self.rng.random_range(0..n_routes);
            let room = if to == r1 { n1 - len } else { routes[to].len() };
            let at = self.rng.random_range(0..=room);
            if to == r1 && at == i {
                return None;
            }
            Move::Segment {
                from: r1,
                i,
                len,
                to,
                at,
                reversed: len > 1 && self.rng.random_bool(0.5),
            }
        } else if roll < 85 || n_routes < 2 {
            let mut k2 = self.rng.random_range(0..customers);
            let mut r2 = 0;
            while k2 >= routes[r2].len() {
                k2 -= routes[r2].len();
                r2 += 1;
            }
            if (r1, k) == (r2, k2) {
                return None;
            }
            Move::Swap {
                a: (r1, k),
                b: (r2, k2),
            }
        } else {
            let r2 = self.rng.random_range(0..n_routes);
            if r2 == r1 {
                return None;
            }
            let cut = self.rng.random_range(0..=routes[r2].len());
            Move::Cross {
                r1,
                i: Some(k),
                r2,
                j: cut.checked_sub(1),
            }
        };
        Some(mv)
    }

    /// Prices `mv` fully (distance, lateness) and returns the cost change with the new loads,
    /// or `None` when it breaks the capacity.
    fn price(&self, mv: Move) -> Option<(f64, [(usize, f64); 2])> {
        let loads = self.plan.new_loads(mv, &self.instance.demand);
        if loads
            .iter()
            .any(|&(r, load)| load > self.capacity && load > self.plan.loads[r])
        {
            return None;
        }
        Some((self.plan.delta(mv, &self.dist), loads))
    }

    /// Tries one move at temperature `t`; true when it was applied.
    fn try_move(&mut self, mv: Move, t: f64) -> bool {
        let Some((delta, loads)) = self.price(mv) else {
            return false;
        };
        if !self.has_windows() {
            if delta <= 0.0 || self.rng.random::<f64>() < (-delta / t).exp() {
                self.plan.apply(mv, loads);
                self.cost += delta;
                return true;
            }
            return false;
        }
        // With time windows the lateness of the touched routes is recomputed after applying;
        // the move is undone if refused.
        let touched = [loads[0].0, loads[1].0];
        let saved: Vec<Vec<usize>> = touched
            .iter()
            .map(|&r| self.plan.routes[r].clone())
            .collect();
        let saved_loads = [self.plan.loads[touched[0]], self.plan.loads[touched[1]]];
        let old_late = self.lateness[touched[0]]
            + if touched[1] != touched[0] {
                self.lateness[touched[1]]
            } else {
                0.0
            };
        self.plan.apply(mv, loads);
        let new0 = self.route_lateness(&self.plan.routes[touched[0]]);
        let new1 = self.route_lateness(&self.plan.routes[touched[1]]);
        let new_late = new0 + if touched[1] != touched[0] { new1 } else { 0.0 };
        let total = delta + self.params.lateness_penalty * (new_late - old_late);
        if total <= 0.0 || self.rng.random::<f64>() < (-total / t).exp() {
            self.lateness[touched[0]] = new0;
            self.lateness[touched[1]] = new1;
            self.cost += total;
            true
        } else {
            for (k, &r) in touched.iter().enumerate() {
                self.plan.routes[r].clone_from(&saved[k]);
                self.plan.loads[r] = saved_loads[k];
            }
            false
        }
    }

    /// Mean cost increase of random worsening moves from the start, divided by ln 2 so that
    /// an average worsening move is first accepted half the time.
    fn estimate_temperature(&mut self) -> f64 {
        let mut sum = 0.0;
        let mut count = 0u32;
        for _ in 0..2000 {
            if let Some(mv) = self.random_move() {
                if let Some((delta, _)) = self.price(mv) {
                    if delta > 0.0 {
                        sum += delta;
                        count += 1;
                    }
                }
            }
        }
        if count == 0 || sum <= 0.0 {
            1.0
        } else {
            // A fifth of the textbook start: construction already gives a good tour, and
            // starting cooler keeps its structure while still escaping its local optima.
            0.2 * sum / f64::from(count) / std::f64::consts::LN_2
        }
    }

    /// Steepest descent with relocate and 2-opt until no move improves the best plan.
    fn polish(&mut self) {
        self.plan = self.best.clone();
        for r in 0..self.plan.routes.len() {
            self.lateness[r] = self.route_lateness(&self.plan.routes[r]);
        }
        self.cost = self.full_cost(&self.plan);
        for _round in 0..1000 {
            let mut improved = false;
            for r in 0..self.plan.routes.len() {
                let n = self.plan.routes[r].len();
                for i in 0..n {
                    for j in (i + 1)..n {
                        let mv = Move::TwoOpt { route: r, i, j };
                        improved |= self.improve(mv);
                    }
                }
            }
            for from in 0..self.plan.routes.len() {
                let mut i = 0;
                while i < self.plan.routes[from].len() {
                    'targets: for to in 0..self.plan.routes.len() {
                        let room = self.plan.routes[to].len() - usize::from(to == from);
                        for at in 0..=room {
                            if to == from && at == i {
                                continue;
                            }
                            let mv = Move::Segment {
                                from,
                                i,
                                len: 1,
                                to,
                                at,
                                reversed: false,
                            };
                            if self.improve(mv) {
                                // The routes changed shape: look at position i afresh.
                                improved = true;
                                break 'targets;
                            }
                        }
                    }
                    i += 1;
                }
            }
            if !improved {
                break;
            }
        }
        if self.cost < self.best_cost {
            self.best = self.plan.clone();
            self.best_cost = self.cost;
        }
    }

    /// Applies `mv` if it lowers the cost by a clear margin (rounding noise is no gain).
    fn improve(&mut self, mv: Move) -> bool {
        let before = self.cost;
        if let Some((delta, _)) = self.price(mv) {
            if delta < -1e-9 || self.has_windows() {
                let applied = self.try_move(mv, 1e-300);
                if applied && self.cost < before - 1e-9 {
                    return true;
                }
            }
        }
        false
    }

    /// The best plan found, as a result for the page or the CLI.
    pub fn result(&self, run: RunSummary) -> RoutePlan {
        let depot = self.instance.depot;
        let mut routes = Vec::new();
        for r in self.best.routes.iter().filter(|r| !r.is_empty()) {
            let mut stops = Vec::with_capacity(r.len() + 2);
            stops.push(depot);
            stops.extend_from_slice(r);
            stops.push(depot);
            routes.push(PlannedRoute {
                ids: stops
                    .iter()
                    .map(|&s| self.instance.ids[s].clone())
                    .collect(),
                coords: stops.iter().map(|&s| self.instance.coords[s]).collect(),
                stops,
                load: r.iter().map(|&s| self.instance.demand[s]).sum(),
                length: route_length(r, depot, &self.dist),
                lateness: self.route_lateness(r),
            });
        }
        let length = routes.iter().map(|r| r.length).sum();
        let lateness = routes.iter().map(|r| r.lateness).sum();
        let feasible = routes.iter().all(|r| r.load <= self.capacity)
            && self.params.vehicles.is_none_or(|k| routes.len() <= k);
        RoutePlan {
            length,
            lateness,
            feasible,
            routes,
            construction: self.construction.clone(),
            construction_length: self.construction_length,
            schedule: self.schedule,
            run,
            seed: self.params.seed,
        }
    }
}

impl Solver for RouteAnnealer<'_> {
    fn next_iter(&mut self) -> IterStats {
        let t = self.schedule.temperature(self.level);
        for _ in 0..self.moves_per_level {
            if let Some(mv) = self.random_move() {
                if self.try_move(mv, t) && self.cost < self.best_cost - 1e-9 {
                    self.best_cost = self.cost;
                    self.best.clone_from(&self.plan);
                }
            }
        }
        // Re-add the lengths once per level so rounding errors of the deltas cannot pile up.
        self.cost = self.full_cost(&self.plan);
        self.level += 1;
        if self.level >= self.schedule.levels {
            self.polish();
        }
        IterStats {
            iteration: self.level,
            best: self.best_cost,
            current: self.cost,
        }
    }

    fn is_finished(&self) -> bool {
        self.level >= self.schedule.levels
    }
}

/// Builds a start, anneals it for `params.levels` levels (or until `progress` says stop),
/// polishes the best plan and returns it.
pub fn plan_routes(
    instance: &Instance,
    params: &AnnealParams,
    progress: &mut dyn Progress,
) -> Result<RoutePlan> {
    let mut annealer = RouteAnnealer::new(instance, params)?;
    let summary = run(
        &mut annealer,
        &Termination::new(params.levels),
        progress,
        Stage::Anneal,
    )?;
    if annealer.level < annealer.schedule.levels {
        // Cancelled: still polish what was found so the answer is a local optimum.
        annealer.polish();
    }
    Ok(annealer.result(summary))
}
