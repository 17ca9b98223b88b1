//! Out-of-sample evaluation of tuned inventory policies.
//!
//! A policy tuned on a demand history always looks good on that same history: the genetic
//! algorithm has fitted its reorder points to the very days it is scored on. To say how it
//! will do next, the history is split in time: the first days train (the baseline's mean and
//! σ and the genetic algorithm's search see only them), the last days are held out, and
//! both policies are then run over the held-out days they never saw
//! ([`evaluate_policies`]). Because a short window's cost depends on where in the demand
//! cycle it starts, the held-out days are also replayed from evenly spaced cyclic shifts
//! (day `s` first, wrapping round), and the spread of savings and fill rates across the
//! shifts is reported.
//!
//! ```
//! use shoplens_core::optimize::inventory::training_days;
//! assert_eq!(training_days(100, 0.3).unwrap(), 70);
//! assert_eq!(training_days(100, 0.0).unwrap(), 100);
//! ```

use super::policy::Policy;
use super::simulate::{simulate, Item, Simulation};
use crate::{Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Fewest days the tuning may see when a share is held out.
pub const MIN_TRAINING_DAYS: usize = 28;
/// Fewest held-out days worth an evaluation.
pub const MIN_HELD_OUT_DAYS: usize = 14;
/// Fill rate below which a shift counts as a service failure in [`ShiftSummary`].
pub const FILL_RATE_TARGET: f64 = 0.99;

/// Days used for tuning when `holdout` (a share in `[0, 0.9]`) of `days` is held out.
/// Zero holdout trains on every day; otherwise both parts must be long enough.
pub fn training_days(days: usize, holdout: f64) -> Result<usize> {
    if !(0.0..=0.9).contains(&holdout) {
        return Err(Error::invalid_parameter(
            "holdout",
            holdout,
            crate::Allowed::ShareUpTo(0.9),
        ));
    }
    if holdout <= 0.0 {
        return Ok(days);
    }
    let held_out = (days as f64 * holdout).round() as usize;
    let training = days.saturating_sub(held_out);
    if training < MIN_TRAINING_DAYS || held_out < MIN_HELD_OUT_DAYS {
        return Err(Error::not_enough(
            Counted::DaysToHoldOut {
                percent: (holdout * 100.0).round() as u32,
            },
            // The fewest days for which both parts are long enough.
            ((MIN_TRAINING_DAYS as f64 / (1.0 - holdout)).max(MIN_HELD_OUT_DAYS as f64 / holdout))
                .ceil() as usize,
            days,
        ));
    }
    Ok(training)
}

/// Totals of several products' simulations over the same days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Holding, ordering and lost-sales cost summed over the products.
    pub cost: f64,
    /// Units served over units wanted, all products together (1 with no demand).
    pub fill_rate: f64,
}

impl Totals {
    /// Sums simulations; `demand[i]` is what `sims[i]` ran on.
    pub(crate) fn of(sims: &[Simulation], demand: &[&[f64]]) -> Totals {
        let wanted: f64 = demand
            .iter()
            .map(|d| d.iter().map(|q| q.max(0.0)).sum::<f64>())
            .sum();
        let lost: f64 = sims.iter().map(|s| s.lost_units).sum();
        Totals {
            cost: sims.iter().map(|s| s.total_cost).sum(),
            fill_rate: if wanted > 0.0 {
                1.0 - lost / wanted
            } else {
                1.0
            },
        }
    }
}

/// How the policies did over the cyclic shifts of the held-out days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftSummary {
    /// Shifts replayed.
    pub count: usize,
    /// Mean saving of the tuned policies against the baseline, in percent of its cost.
    pub mean_savings_percent: f64,
    /// Smallest saving over the shifts, in percent (negative: the tuned policies cost more).
    pub worst_savings_percent: f64,
    /// Shifts in which the tuned policies cost more than the baseline.
    pub worse_than_baseline: usize,
    /// Lowest fill rate of the tuned policies over the shifts.
    pub worst_fill_rate: f64,
    /// Shifts in which the tuned policies' fill rate fell below [`FILL_RATE_TARGET`].
    pub below_fill_target: usize,
    /// The same count for the baseline policies.
    pub baseline_below_fill_target: usize,
}

/// Which policies the evaluation recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    /// The tuned policies cost less on the held-out days.
    Optimised,
    /// The tuned policies are no cheaper than the baseline on days they were not tuned on.
    Baseline,
}

/// Both policy sets over the held-out days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldoutEvaluation {
    /// Days the baseline and the search saw (the first ones).
    pub training_days: usize,
    /// Days held out (the last ones).
    pub held_out_days: usize,
    /// The baseline policies over the held-out days.
    pub baseline: Totals,
    /// The tuned policies over the held-out days.
    pub optimised: Totals,
    /// Baseline cost minus tuned cost over the held-out days.
    pub savings: f64,
    /// The saving in percent of the baseline's held-out cost.
    pub savings_percent: f64,
    /// Per product, (baseline, tuned) over the held-out days (stock series left out).
    pub items: Vec<(Simulation, Simulation)>,
    /// The held-out days replayed from cyclic shifts.
    pub shifts: ShiftSummary,
    /// What to use.
    pub recommendation: Recommendation,
}

fn percent(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}

fn run_all(items: &[Item], policies: &[Policy], demand: &[&[f64]]) -> Result<Vec<Simulation>> {
    items
        .iter()
        .zip(policies)
        .zip(demand)
        .map(|((item, policy), d)| {
            simulate(item, policy, d).map(|s| Simulation {
                stock: Vec::new(),
                ..s
            })
        })
        .collect()
}

/// Runs `baseline` and `optimised` (one policy per item) over `held_out` (one series per
/// item, the days the policies were not tuned on) and over `shifts` cyclic shifts of it.
/// Nothing but `held_out` is read, so the training days cannot leak into the figures.
pub fn evaluate_policies(
    items: &[Item],
    baseline: &[Policy],
    optimised: &[Policy],
    held_out: &[Vec<f64>],
    training_days: usize,
    shifts: usize,
) -> Result<HoldoutEvaluation> {
    if baseline.len() != items.len() || optimised.len() != items.len() {
        return Err(Error::invalid_parameter(
            "policies",
            baseline.len().min(optimised.len()),
            crate::Allowed::count(items.len(), crate::Per::Product),
        ));
    }
    if held_out.len() != items.len() {
        return Err(Error::invalid_parameter(
            "demand",
            held_out.len(),
            crate::Allowed::count(items.len(), crate::Per::ProductSeries),
        ));
    }
    let days = held_out.first().map_or(0, Vec::len);
    let series: Vec<&[f64]> = held_out.iter().map(Vec::as_slice).collect();
    let base_sims = run_all(items, baseline, &series)?;
    let tuned_sims = run_all(items, optimised, &series)?;
    let base = Totals::of(&base_sims, &series);
    let tuned = Totals::of(&tuned_sims, &series);

    let count = shifts.min(days);
    let mut summary = ShiftSummary {
        count,
        mean_savings_percent: 0.0,
        worst_savings_percent: f64::INFINITY,
        worse_than_baseline: 0,
        worst_fill_rate: 1.0,
        below_fill_target: 0,
        baseline_below_fill_target: 0,
    };
    for k in 0..count {
        let start = k * days / count;
        let rotated: Vec<Vec<f64>> = held_out
            .iter()
            .map(|d| d[start..].iter().chain(&d[..start]).copied().collect())
            .collect();
        let rotated: Vec<&[f64]> = rotated.iter().map(Vec::as_slice).collect();
        let b = Totals::of(&run_all(items, baseline, &rotated)?, &rotated);
        let o = Totals::of(&run_all(items, optimised, &rotated)?, &rotated);
        let saving = percent(b.cost - o.cost, b.cost);
        summary.mean_savings_percent += saving / count as f64;
        summary.worst_savings_percent = summary.worst_savings_percent.min(saving);
        summary.worse_than_baseline += usize::from(o.cost > b.cost);
        summary.worst_fill_rate = summary.worst_fill_rate.min(o.fill_rate);
        summary.below_fill_target += usize::from(o.fill_rate < FILL_RATE_TARGET);
        summary.baseline_below_fill_target += usize::from(b.fill_rate < FILL_RATE_TARGET);
    }
    if count == 0 {
        summary.worst_savings_percent = 0.0;
    }
    let savings = base.cost - tuned.cost;
    Ok(HoldoutEvaluation {
        training_days,
        held_out_days: days,
        baseline: base,
        optimised: tuned,
        savings,
        savings_percent: percent(savings, base.cost),
        items: base_sims.into_iter().zip(tuned_sims).collect(),
        shifts: summary,
        recommendation: if tuned.cost < base.cost {
            Recommendation::Optimised
        } else {
            Recommendation::Baseline
        },
    })
}
