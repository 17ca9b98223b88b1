//! Reorder points and order quantities for many products at once, by the genetic
//! algorithm of [`crate::optimize::genetic`], under a total budget and a warehouse capacity.
//!
//! A genome holds, per product, a reorder point R (units) and an order quantity Q as a
//! number of case packs (at least the minimum order). Its cost is the simulated cost of
//! every product's (R, Q) policy over the demand history ([`super::simulate`]) plus a
//! penalty when the stock the policies aim for, `sum(R + Q)` valued at unit cost, exceeds
//! the budget, or in volume exceeds the capacity. The textbook baseline (R = demand over the
//! lead time + z·σ·√L, Q = EOQ in whole packs) is in the first population and elitism keeps
//! the best, so the answer never costs more than the baseline on the same simulation.
//!
//! That guarantee holds on the days the search saw, which is why [`optimise_inventory`]
//! tunes on the first part of the history only and replays both policies on the held-out
//! rest ([`super::holdout`]). A budget or capacity below what the smallest plan (no
//! safety stock, one minimum order per product) ties up is refused as
//! [`ErrorKind::Infeasible`]; otherwise the smallest plan is in the first population and
//! any plan over a limit costs more than it, so the answer always fits.

use super::holdout::{evaluate_policies, training_days, HoldoutEvaluation, Totals};
use super::policy::{eoq, reorder_point, safety_stock, Policy};
use super::simulate::{simulate, total_cost, Item, Simulation, DAYS_PER_YEAR};
use crate::optimize::genetic::{GaParams, GeneticAlgorithm, GeneticProblem};
use crate::optimize::solver::{run, IterStats, RunSummary, Solver, Termination};
use crate::products::abc_xyz::{abc_classes, mean_and_cv, service_level, xyz_class, AbcXyzParams};
use crate::progress::{Progress, Stage};
use crate::rt::Rng;
use crate::{Allowed, Counted, Error, ErrorKind, Limit, Result};
use rand::Rng as _;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Parameters of the inventory optimiser, checked by [`InventoryParams::check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryParams {
    /// Cycle service level of the baseline safety stock, for every product, or for none
    /// when `service_level_by_class` is on. Default 0.95.
    pub service_level: f64,
    /// Set each product's service level from its ABC/XYZ class instead (AX 0.99 … CZ 0.90,
    /// [`crate::products::abc_xyz::service_level`]), classed on the tuning days only: ABC by
    /// the value of units used at cost, XYZ by the steadiness of weekly demand. Default on.
    #[serde(default = "default_by_class")]
    pub service_level_by_class: bool,
    /// Most money the aimed-for stock (sum of (R + Q) × unit cost) may tie up. Default none.
    pub budget: Option<f64>,
    /// Most warehouse space the aimed-for stock (sum of (R + Q) × volume) may take.
    /// Default none.
    pub capacity: Option<f64>,
    /// The genetic algorithm's settings (population 60, 150 generations, ...).
    pub ga: GaParams,
    /// Share of the history, at its end, held out of the tuning and used to evaluate the
    /// policies out of sample; 0 tunes and scores on every day. Default 0.3.
    #[serde(default = "default_holdout")]
    pub holdout: f64,
    /// Cyclic shifts of the held-out days to replay. Default 60.
    #[serde(default = "default_shifts")]
    pub shifts: usize,
}

fn default_by_class() -> bool {
    true
}

fn default_holdout() -> f64 {
    0.3
}

fn default_shifts() -> usize {
    60
}

impl Default for InventoryParams {
    fn default() -> Self {
        InventoryParams::new()
    }
}

impl InventoryParams {
    /// The defaults listed on each field.
    pub fn new() -> InventoryParams {
        InventoryParams {
            service_level: 0.95,
            service_level_by_class: default_by_class(),
            budget: None,
            capacity: None,
            ga: GaParams::new(),
            holdout: default_holdout(),
            shifts: default_shifts(),
        }
    }

    /// Checks every parameter, naming the first bad one.
    pub fn check(&self) -> Result<()> {
        if !(self.service_level > 0.0 && self.service_level < 1.0) {
            return Err(Error::invalid_parameter(
                "service_level",
                self.service_level,
                Allowed::OpenUnit,
            ));
        }
        for (name, limit) in [("budget", self.budget), ("capacity", self.capacity)] {
            if let Some(v) = limit {
                if !(v.is_finite() && v > 0.0) {
                    return Err(Error::invalid_parameter(name, v, Allowed::Positive));
                }
            }
        }
        if !(0.0..=0.9).contains(&self.holdout) {
            return Err(Error::invalid_parameter(
                "holdout",
                self.holdout,
                crate::Allowed::ShareUpTo(0.9),
            ));
        }
        self.ga.check()
    }
}

/// The textbook figures for one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Mean daily demand.
    pub mean_daily_demand: f64,
    /// Standard deviation of daily demand around its mean (the forecast error of a mean
    /// forecast).
    pub sigma_daily: f64,
    /// Economic order quantity, unrounded.
    pub eoq: f64,
    /// Safety stock for the service level.
    pub safety_stock: f64,
    /// Reorder point, unrounded.
    pub reorder_point: f64,
}

/// One product in the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemPlan {
    /// Product id.
    pub id: String,
    /// ABC/XYZ class (`"AX"`) when the service level came from it.
    #[serde(default)]
    pub class: Option<String>,
    /// Cycle service level of the baseline's safety stock.
    #[serde(default)]
    pub service_level: f64,
    /// The textbook figures.
    pub baseline: Baseline,
    /// The baseline policy, rounded to whole units and packs.
    pub baseline_policy: Policy,
    /// The optimised policy.
    pub optimised_policy: Policy,
    /// The baseline over the history.
    pub baseline_simulation: Simulation,
    /// The optimised policy over the history.
    pub optimised_simulation: Simulation,
}

/// The answer of [`optimise_inventory`]. Costs, savings and simulations are **in sample**:
/// over the training days the policies were tuned on; `evaluation` holds the out-of-sample
/// figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryPlan {
    /// Per product.
    pub items: Vec<ItemPlan>,
    /// Total simulated cost of the baseline policies over the training days.
    pub baseline_cost: f64,
    /// Total simulated cost of the optimised policies over the training days.
    pub optimised_cost: f64,
    /// `baseline_cost - optimised_cost`.
    pub savings: f64,
    /// Units served over units wanted by the baseline over the training days, all products.
    pub baseline_fill_rate: f64,
    /// The same for the optimised policies.
    pub optimised_fill_rate: f64,
    /// Savings as a percentage of the baseline cost.
    pub savings_percent: f64,
    /// Money tied up by the baseline's aimed-for stock, sum of (R + Q) × unit cost.
    pub baseline_capital: f64,
    /// The same for the optimised policies.
    pub optimised_capital: f64,
    /// Space taken by the baseline's aimed-for stock, sum of (R + Q) × volume.
    pub baseline_space: f64,
    /// The same for the optimised policies.
    pub optimised_space: f64,
    /// True when the baseline fits the budget and capacity.
    pub baseline_feasible: bool,
    /// True when the optimised policies fit the budget and capacity.
    pub optimised_feasible: bool,
    /// Generations, stop reason, and best and mean cost per generation.
    pub run: RunSummary,
    /// The seed used.
    pub seed: u64,
    /// Both policy sets over the held-out days; `None` when nothing was held out.
    pub evaluation: Option<HoldoutEvaluation>,
    /// When a holdout was asked for but the history is too short for it: the days it
    /// would need (the plan is then in sample only).
    pub holdout_days_needed: Option<usize>,
}

/// (reorder point in units, order quantity in packs) per product.
type Genome = Vec<(i64, i64)>;

/// The problem the genetic algorithm sees.
struct InventoryProblem<'a> {
    items: &'a [Item],
    demand: &'a [Vec<f64>],
    budget: Option<f64>,
    capacity: Option<f64>,
    min_packs: Vec<i64>,
    base: Genome,
    penalty_scale: f64,
    infeasible_floor: f64,
    // Simulated cost per (product, R, packs): children share most genes with their parents,
    // so most lookups hit.
    memo: HashMap<(usize, i64, i64), f64>,
}

impl InventoryProblem<'_> {
    fn policy(&self, product: usize, gene: (i64, i64)) -> Policy {
        Policy::ReorderPoint {
            reorder_point: gene.0 as f64,
            quantity: gene.1 as f64 * self.items[product].case_pack,
        }
    }

    /// (capital, space) of the stock a genome aims for.
    fn footprint(&self, genome: &Genome) -> (f64, f64) {
        genome
            .iter()
            .enumerate()
            .fold((0.0, 0.0), |(money, space), (p, &g)| {
                let units = self.policy(p, g).max_position();
                (
                    money + units * self.items[p].unit_cost,
                    space + units * self.items[p].volume,
                )
            })
    }

    /// Relative excess over the budget and the capacity (0 when both hold).
    fn excess(&self, genome: &Genome) -> f64 {
        let (money, space) = self.footprint(genome);
        let over = |used: f64, limit: Option<f64>| limit.map_or(0.0, |l| ((used - l) / l).max(0.0));
        over(money, self.budget) + over(space, self.capacity)
    }

    fn simulated(&mut self, genome: &Genome) -> f64 {
        let mut total = 0.0;
        for (p, &gene) in genome.iter().enumerate() {
            let cost = match self.memo.get(&(p, gene.0, gene.1)) {
                Some(&c) => c,
                None => {
                    let c = total_cost(&self.items[p], &self.policy(p, gene), &self.demand[p]);
                    self.memo.insert((p, gene.0, gene.1), c);
                    c
                }
            };
            total += cost;
        }
        total
    }

    fn clamp(&self, genome: &mut Genome) {
        for (p, gene) in genome.iter_mut().enumerate() {
            gene.0 = gene.0.max(0);
            gene.1 = gene.1.max(self.min_packs[p]);
        }
    }
}

impl GeneticProblem for InventoryProblem<'_> {
    type Genome = Genome;

    fn cost(&mut self, genome: &Genome) -> f64 {
        // A plan over a limit costs more than the smallest plan (which fits, or the limits
        // were refused), so the best plan always fits; the excess keeps the penalty graded
        // so the search can walk back into the feasible region.
        let excess = self.excess(genome);
        let cost = self.simulated(genome);
        if excess > 0.0 {
            self.infeasible_floor + cost + self.penalty_scale * excess
        } else {
            cost
        }
    }

    fn random(&mut self, rng: &mut Rng) -> Genome {
        let mut g: Genome = self
            .base
            .iter()
            .map(|&(r, q)| {
                let mut scale = |v: i64| (v as f64 * rng.random_range(0.3..1.7)).round() as i64;
                (scale(r), scale(q))
            })
            .collect();
        self.clamp(&mut g);
        g
    }

    fn crossover(&mut self, a: &Genome, b: &Genome, rng: &mut Rng) -> Genome {
        // Uniform crossover per product: R and Q of a product travel together, since they
        // only make sense as a pair.
        a.iter()
            .zip(b)
            .map(|(x, y)| if rng.random_bool(0.5) { *x } else { *y })
            .collect()
    }

    fn mutate(&mut self, genome: &mut Genome, rate: f64, rng: &mut Rng) {
        for (p, gene) in genome.iter_mut().enumerate() {
            if rng.random::<f64>() < rate {
                let step_r = (self.base[p].0 / 3).max(1);
                gene.0 += rng.random_range(-step_r..=step_r);
            }
            if rng.random::<f64>() < rate {
                let step_q = (self.base[p].1 / 3).max(1);
                gene.1 += rng.random_range(-step_q..=step_q);
            }
        }
        self.clamp(genome);
    }
}

/// The textbook baseline of one product over its history.
pub fn baseline(item: &Item, demand: &[f64], service_level: f64) -> Result<Baseline> {
    if demand.is_empty() {
        return Err(Error::not_enough(
            Counted::DaysOfDemand {
                product: item.id.clone(),
            },
            1,
            0,
        ));
    }
    let n = demand.len() as f64;
    let mean = demand.iter().sum::<f64>() / n;
    let sigma = if demand.len() > 1 {
        (demand.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
    } else {
        0.0
    };
    let lead = f64::from(item.lead_time);
    let quantity = eoq(
        mean * DAYS_PER_YEAR,
        item.order_cost,
        item.holding_cost_per_year(),
    )?;
    let safety = safety_stock(service_level, sigma, lead)?.max(0.0);
    Ok(Baseline {
        mean_daily_demand: mean,
        sigma_daily: sigma,
        eoq: quantity,
        safety_stock: safety,
        reorder_point: reorder_point(mean, lead, safety)?,
    })
}

/// Each product's (class, service level): from its ABC/XYZ class over `demand` (the
/// tuning days) when `params.service_level_by_class`, else `params.service_level` for all.
/// ABC ranks the value of the units used at cost (the classic "annual usage value" of
/// inventory ABC); XYZ takes the coefficient of variation of demand per whole week from
/// the first day (per day when there are fewer than four weeks), with the ABC/XYZ page's
/// default thresholds.
fn service_levels(
    items: &[Item],
    demand: &[Vec<f64>],
    params: &InventoryParams,
) -> Vec<(Option<String>, f64)> {
    if !params.service_level_by_class {
        return vec![(None, params.service_level); items.len()];
    }
    let thresholds = AbcXyzParams::default();
    let value: Vec<f64> = items
        .iter()
        .zip(demand)
        .map(|(item, days)| days.iter().sum::<f64>() * item.unit_cost)
        .collect();
    let abc = abc_classes(&value, &thresholds);
    demand
        .iter()
        .zip(abc)
        .map(|(days, abc)| {
            let weeks: Vec<f64> = days.chunks_exact(7).map(|w| w.iter().sum()).collect();
            let periods = if weeks.len() >= 4 {
                &weeks[..]
            } else {
                &days[..]
            };
            let (_, cv) = mean_and_cv(periods);
            let xyz = xyz_class(cv, &thresholds);
            let class = format!("{}{}", abc.as_str(), xyz.as_str());
            (Some(class), service_level(abc, xyz))
        })
        .collect()
}

/// The optimiser's state: step it with [`Solver::next_iter`], read it with
/// [`InventoryOptimiser::result`].
pub struct InventoryOptimiser<'a> {
    ga: GeneticAlgorithm<InventoryProblem<'a>>,
    items: &'a [Item],
    demand: &'a [Vec<f64>],
    baselines: Vec<Baseline>,
    /// (class, service level) of each product's baseline.
    levels: Vec<(Option<String>, f64)>,
    base: Genome,
    params: InventoryParams,
}

impl<'a> InventoryOptimiser<'a> {
    /// Computes the baselines and the first population. `demand[i]` is the daily demand of
    /// `items[i]`.
    pub fn new(
        items: &'a [Item],
        demand: &'a [Vec<f64>],
        params: &InventoryParams,
    ) -> Result<InventoryOptimiser<'a>> {
        params.check()?;
        if items.is_empty() {
            return Err(Error::not_enough(Counted::Products, 1, 0));
        }
        if items.len() != demand.len() {
            return Err(Error::invalid_parameter(
                "demand",
                demand.len(),
                crate::Allowed::count(items.len(), crate::Per::ProductSeries),
            ));
        }
        let mut baselines = Vec::with_capacity(items.len());
        let mut base = Vec::with_capacity(items.len());
        let mut min_packs = Vec::with_capacity(items.len());
        for item in items {
            item.check()?;
        }
        let levels = service_levels(items, demand, params);
        for ((item, series), (_, level)) in items.iter().zip(demand).zip(&levels) {
            let b = baseline(item, series, *level)?;
            let packs = (item.round_order(b.eoq.max(1.0)) / item.case_pack).round() as i64;
            min_packs.push((item.round_order(1.0) / item.case_pack).round() as i64);
            base.push((b.reorder_point.ceil() as i64, packs));
            baselines.push(b);
        }
        let mut problem = InventoryProblem {
            items,
            demand,
            budget: params.budget,
            capacity: params.capacity,
            min_packs,
            base: base.clone(),
            penalty_scale: 0.0,
            infeasible_floor: 0.0,
            memo: HashMap::new(),
        };
        problem.penalty_scale = 10.0 * (problem.simulated(&base) + 1.0);
        let mut seeds = vec![base.clone()];
        if params.budget.is_some() || params.capacity.is_some() {
            let smallest: Genome = problem.min_packs.iter().map(|&q| (0, q)).collect();
            let (money, space) = problem.footprint(&smallest);
            for (limit, given, needed) in [
                (Limit::Budget, params.budget, money),
                (Limit::Capacity, params.capacity, space),
            ] {
                if let Some(given) = given.filter(|&g| needed > g * (1.0 + 1e-12)) {
                    return Err(Error::new(ErrorKind::Infeasible {
                        limit,
                        given,
                        minimum: needed,
                    }));
                }
            }
            problem.infeasible_floor = problem.simulated(&smallest) + 1.0;
            seeds.push(smallest);
        }
        let ga = GeneticAlgorithm::new(problem, &params.ga, seeds)?;
        Ok(InventoryOptimiser {
            ga,
            items,
            demand,
            baselines,
            levels,
            base,
            params: params.clone(),
        })
    }

    /// The answer so far, with `run` the summary of the loop that drove it.
    pub fn result(&mut self, run: RunSummary) -> Result<InventoryPlan> {
        let best = self.ga.best().0.clone();
        let problem = self.ga.problem_mut();
        let (baseline_capital, baseline_space) = problem.footprint(&self.base);
        let (optimised_capital, optimised_space) = problem.footprint(&best);
        let baseline_feasible = problem.excess(&self.base) <= 0.0;
        let optimised_feasible = problem.excess(&best) <= 0.0;
        let mut items = Vec::with_capacity(self.items.len());
        for (p, item) in self.items.iter().enumerate() {
            let baseline_policy = problem.policy(p, self.base[p]);
            let optimised_policy = problem.policy(p, best[p]);
            items.push(ItemPlan {
                id: item.id.clone(),
                class: self.levels[p].0.clone(),
                service_level: self.levels[p].1,
                baseline: self.baselines[p].clone(),
                baseline_simulation: simulate(item, &baseline_policy, &self.demand[p])?,
                optimised_simulation: simulate(item, &optimised_policy, &self.demand[p])?,
                baseline_policy,
                optimised_policy,
            });
        }
        let baseline_cost: f64 = items.iter().map(|i| i.baseline_simulation.total_cost).sum();
        let optimised_cost: f64 = items
            .iter()
            .map(|i| i.optimised_simulation.total_cost)
            .sum();
        let savings = baseline_cost - optimised_cost;
        let series: Vec<&[f64]> = self.demand.iter().map(Vec::as_slice).collect();
        let fill = |sims: Vec<Simulation>| Totals::of(&sims, &series).fill_rate;
        let baseline_fill_rate = fill(
            items
                .iter()
                .map(|i| i.baseline_simulation.clone())
                .collect(),
        );
        let optimised_fill_rate = fill(
            items
                .iter()
                .map(|i| i.optimised_simulation.clone())
                .collect(),
        );
        Ok(InventoryPlan {
            items,
            baseline_cost,
            optimised_cost,
            savings,
            baseline_fill_rate,
            optimised_fill_rate,
            savings_percent: if baseline_cost > 0.0 {
                100.0 * savings / baseline_cost
            } else {
                0.0
            },
            baseline_capital,
            optimised_capital,
            baseline_space,
            optimised_space,
            baseline_feasible,
            optimised_feasible,
            run,
            seed: self.params.ga.seed,
            evaluation: None,
            holdout_days_needed: None,
        })
    }
}

impl Solver for InventoryOptimiser<'_> {
    fn next_iter(&mut self) -> IterStats {
        self.ga.next_iter()
    }

    fn is_finished(&self) -> bool {
        self.ga.is_finished()
    }
}

/// Holds out the last `params.holdout` of the history, computes the baseline and runs the
/// genetic algorithm on the days before (for `params.ga.generations`, or until `progress`
/// says stop), then replays both policy sets on the held-out days. A history too short to
/// split is tuned and scored on every day, and the plan says how many days a split needs.
pub fn optimise_inventory(
    items: &[Item],
    demand: &[Vec<f64>],
    params: &InventoryParams,
    progress: &mut dyn Progress,
) -> Result<InventoryPlan> {
    params.check()?;
    let days = demand.first().map_or(0, Vec::len);
    let (training, needed) = match training_days(days, params.holdout) {
        Ok(t) => (t, None),
        Err(e) => match e.kind() {
            ErrorKind::NotEnoughData { needed, .. } => (days, Some(*needed)),
            _ => return Err(e),
        },
    };
    let train: Vec<Vec<f64>> = demand
        .iter()
        .map(|d| d[..training.min(d.len())].to_vec())
        .collect();
    let mut optimiser = InventoryOptimiser::new(items, &train, params)?;
    let summary = run(
        &mut optimiser,
        &Termination::new(params.ga.generations),
        progress,
        Stage::Inventory,
    )?;
    let mut plan = optimiser.result(summary)?;
    if !plan.optimised_feasible {
        // Unreachable when the smallest plan fits (it is seeded and beats any plan over a
        // limit), kept so a broken invariant is an error rather than a misleading saving.
        let minimum = if plan.optimised_capital > params.budget.unwrap_or(f64::INFINITY) {
            (Limit::Budget, params.budget, plan.optimised_capital)
        } else {
            (Limit::Capacity, params.capacity, plan.optimised_space)
        };
        return Err(Error::new(ErrorKind::Infeasible {
            limit: minimum.0,
            given: minimum.1.unwrap_or(0.0),
            minimum: minimum.2,
        }));
    }
    plan.holdout_days_needed = needed;
    if training < days {
        let held_out: Vec<Vec<f64>> = demand.iter().map(|d| d[training..].to_vec()).collect();
        let baseline: Vec<Policy> = plan.items.iter().map(|i| i.baseline_policy).collect();
        let tuned: Vec<Policy> = plan.items.iter().map(|i| i.optimised_policy).collect();
        plan.evaluation = Some(evaluate_policies(
            items,
            &baseline,
            &tuned,
            &held_out,
            training,
            params.shifts,
        )?);
    }
    Ok(plan)
}
