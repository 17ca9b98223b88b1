//! Splitting a total budget across channels to maximise the predicted outcome
//! `sum f_c(x_c)` under per-channel minimum and maximum spend, two ways:
//!
//! - greedy marginal return: start every channel at its minimum and hand out the rest in
//!   small equal increments, each to the channel whose curve gains most from it (optimal
//!   for concave curves, the classic Lagrangian argument);
//! - the genetic algorithm of [`crate::optimize::genetic`] over channel weights, decoded
//!   into spends that meet the bounds and the total exactly (water filling). It is seeded
//!   with the greedy split and the current one, so it never predicts less than either; it
//!   matters for S-shaped Hill curves (h > 1), where greedy stalls below the bend.
//!
//! The plan names the split to use ([`Recommended`]): the one predicting most, and today's
//! split unless another predicts more, so a split that predicts less is never offered as
//! an improvement.

use super::response::Curve;
use crate::optimize::genetic::{GaParams, GeneticAlgorithm, GeneticProblem};
use crate::optimize::solver::{run, RunSummary, Termination};
use crate::progress::{Progress, Stage};
use crate::rt::Rng;
use crate::{Allowed, Counted, Error, Result};
use rand::Rng as _;
use serde::{Deserialize, Serialize};

/// One channel to allocate to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelBounds {
    /// Channel name.
    pub name: String,
    /// Its response curve.
    pub curve: Curve,
    /// Least spend allowed.
    pub min: f64,
    /// Most spend allowed.
    pub max: f64,
    /// Share of the budget the channel gets today (its historical share).
    pub current_share: f64,
}

/// Parameters of the allocation, checked by [`AllocateParams::check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllocateParams {
    /// The budget to split.
    pub total: f64,
    /// Increments of the greedy pass. Default 1000.
    pub greedy_steps: usize,
    /// Genetic algorithm settings (population 60, 150 generations, ...).
    pub ga: GaParams,
}

impl AllocateParams {
    /// Defaults for a given total.
    pub fn new(total: f64) -> AllocateParams {
        AllocateParams {
            total,
            greedy_steps: 1000,
            ga: GaParams::new(),
        }
    }

    /// Checks every parameter against the channels' bounds.
    pub fn check(&self, channels: &[ChannelBounds]) -> Result<()> {
        if !(self.total.is_finite() && self.total > 0.0) {
            return Err(Error::invalid_parameter(
                "total",
                self.total,
                Allowed::Positive,
            ));
        }
        if self.greedy_steps == 0 {
            return Err(Error::invalid_parameter(
                "greedy_steps",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if channels.is_empty() {
            return Err(Error::not_enough(Counted::Channels, 1, 0));
        }
        for c in channels {
            if !(c.min.is_finite() && c.min >= 0.0 && c.max >= c.min) {
                return Err(Error::invalid_parameter(
                    crate::Subject::BoundsOf(c.name.clone()),
                    format!("[{}, {}]", c.min, c.max),
                    crate::Allowed::MinWithinMax,
                ));
            }
        }
        let low: f64 = channels.iter().map(|c| c.min).sum();
        let high: f64 = channels.iter().map(|c| c.max).sum();
        if self.total < low || self.total > high {
            return Err(Error::invalid_parameter(
                "total",
                self.total,
                Allowed::Between(low, high),
            ));
        }
        self.ga.check()
    }
}

/// One split of the budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// Spend per channel, in the channels' order.
    pub spend: Vec<f64>,
    /// Predicted outcome per channel.
    pub outcome: Vec<f64>,
    /// Predicted total outcome.
    pub predicted: f64,
    /// Predicted total minus that of the current split.
    pub uplift: f64,
}

/// Which split the plan recommends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommended {
    /// Keep today's split: no other predicts more.
    Current,
    /// The greedy split.
    Greedy,
    /// The genetic algorithm's split.
    Genetic,
}

/// The answer of [`allocate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllocationPlan {
    /// Channel names.
    pub channels: Vec<String>,
    /// Today's split (historical shares, within bounds).
    pub current: Allocation,
    /// Greedy marginal return.
    pub greedy: Allocation,
    /// Genetic algorithm.
    pub genetic: Allocation,
    /// Generations, stop reason, best and mean (negated outcome) per generation.
    pub run: RunSummary,
    /// The seed used.
    pub seed: u64,
    /// The split to use.
    pub recommended: Recommended,
}

fn allocation(channels: &[ChannelBounds], spend: Vec<f64>, baseline: f64) -> Allocation {
    let outcome: Vec<f64> = channels
        .iter()
        .zip(&spend)
        .map(|(c, &x)| c.curve.predict(x))
        .collect();
    let predicted = outcome.iter().sum();
    Allocation {
        spend,
        outcome,
        predicted,
        uplift: predicted - baseline,
    }
}

/// Spends from weights: the budget above the minimums is shared in proportion to the
/// weights, and whatever a capped channel cannot take is shared again among the others.
fn water_fill(channels: &[ChannelBounds], weights: &[f64], total: f64) -> Vec<f64> {
    let mut spend: Vec<f64> = channels.iter().map(|c| c.min).collect();
    let mut left = total - spend.iter().sum::<f64>();
    let mut open: Vec<bool> = channels.iter().map(|c| c.max > c.min).collect();
    for _ in 0..channels.len() + 1 {
        if left <= 1e-12 * total {
            break;
        }
        let weight: f64 = (0..channels.len())
            .filter(|&i| open[i])
            .map(|i| weights[i].max(1e-9))
            .sum();
        if weight <= 0.0 {
            break;
        }
        let mut handed = 0.0;
        for i in 0..channels.len() {
            if !open[i] {
                continue;
            }
            let share = left * weights[i].max(1e-9) / weight;
            let take = share.min(channels[i].max - spend[i]);
            spend[i] += take;
            handed += take;
            if spend[i] >= channels[i].max - 1e-12 {
                open[i] = false;
            }
        }
        left -= handed;
    }
    spend
}

/// Greedy marginal return in `steps` equal increments.
pub fn greedy(channels: &[ChannelBounds], total: f64, steps: usize) -> Vec<f64> {
    let mut spend: Vec<f64> = channels.iter().map(|c| c.min).collect();
    let mut left = total - spend.iter().sum::<f64>();
    let increment = left / steps as f64;
    while left > 1e-9 * total.max(1.0) {
        let step = increment.min(left);
        let best = (0..channels.len())
            .filter(|&i| spend[i] < channels[i].max)
            .map(|i| {
                let add = step.min(channels[i].max - spend[i]);
                let gain =
                    channels[i].curve.predict(spend[i] + add) - channels[i].curve.predict(spend[i]);
                // Gain per unit, so a channel close to its cap is not favoured for taking less.
                (i, add, gain / add)
            })
            .max_by(|a, b| a.2.total_cmp(&b.2));
        let Some((i, add, _)) = best else { break };
        spend[i] += add;
        left -= add;
    }
    spend
}

struct BudgetProblem<'a> {
    channels: &'a [ChannelBounds],
    total: f64,
}

impl GeneticProblem for BudgetProblem<'_> {
    type Genome = Vec<f64>;

    fn cost(&mut self, weights: &Vec<f64>) -> f64 {
        let spend = water_fill(self.channels, weights, self.total);
        -self
            .channels
            .iter()
            .zip(&spend)
            .map(|(c, &x)| c.curve.predict(x))
            .sum::<f64>()
    }

    fn random(&mut self, rng: &mut Rng) -> Vec<f64> {
        (0..self.channels.len())
            .map(|_| rng.random::<f64>())
            .collect()
    }

    fn crossover(&mut self, a: &Vec<f64>, b: &Vec<f64>, rng: &mut Rng) -> Vec<f64> {
        // Blend crossover: a random mix per gene, which can land between the parents.
        a.iter()
            .zip(b)
            .map(|(x, y)| {
                let t = rng.random::<f64>();
                t * x + (1.0 - t) * y
            })
            .collect()
    }

    fn mutate(&mut self, weights: &mut Vec<f64>, rate: f64, rng: &mut Rng) {
        for w in weights.iter_mut() {
            if rng.random::<f64>() < rate {
                *w = (*w * rng.random_range(0.5..1.5) + rng.random_range(-0.02..0.02))
                    .clamp(0.0, 1.0);
            }
        }
    }
}

/// Weights that [`water_fill`] decodes back into `spend` (when it meets the bounds).
fn weights_of(channels: &[ChannelBounds], spend: &[f64]) -> Vec<f64> {
    let above: Vec<f64> = channels
        .iter()
        .zip(spend)
        .map(|(c, &x)| (x - c.min).max(0.0))
        .collect();
    let sum: f64 = above.iter().sum();
    above
        .iter()
        .map(|a| if sum > 0.0 { a / sum } else { 0.0 })
        .collect()
}

/// Splits `params.total` three ways (current shares, greedy, genetic) and predicts each.
pub fn allocate(
    channels: &[ChannelBounds],
    params: &AllocateParams,
    progress: &mut dyn Progress,
) -> Result<AllocationPlan> {
    params.check(channels)?;
    let shares: f64 = channels.iter().map(|c| c.current_share.max(0.0)).sum();
    let current_weights: Vec<f64> = channels
        .iter()
        .map(|c| {
            if shares > 0.0 {
                c.current_share.max(0.0) / shares
            } else {
                1.0
            }
        })
        .collect();
    // Today's split within the bounds: the shares applied to the total, clipped and refilled.
    let naive: Vec<f64> = current_weights.iter().map(|w| w * params.total).collect();
    let current_spend = if channels
        .iter()
        .zip(&naive)
        .all(|(c, &x)| x >= c.min && x <= c.max)
    {
        naive
    } else {
        water_fill(channels, &current_weights, params.total)
    };
    let greedy_spend = greedy(channels, params.total, params.greedy_steps);
    let problem = BudgetProblem {
        channels,
        total: params.total,
    };
    let seeds = vec![
        weights_of(channels, &greedy_spend),
        weights_of(channels, &current_spend),
    ];
    let mut ga = GeneticAlgorithm::new(problem, &params.ga, seeds)?;
    let summary = run(
        &mut ga,
        &Termination::new(params.ga.generations),
        progress,
        Stage::Budget,
    )?;
    let genetic_spend = water_fill(channels, ga.best().0, params.total);
    let current = allocation(channels, current_spend, 0.0);
    let base = current.predicted;
    let current = Allocation {
        uplift: 0.0,
        ..current
    };
    let greedy = allocation(channels, greedy_spend, base);
    let genetic = allocation(channels, genetic_spend, base);
    // A gain within rounding of the current prediction is no gain.
    let noise = 1e-9 * base.abs().max(1.0);
    let recommended = if genetic.uplift > noise && genetic.predicted >= greedy.predicted {
        Recommended::Genetic
    } else if greedy.uplift > noise {
        Recommended::Greedy
    } else {
        Recommended::Current
    };
    Ok(AllocationPlan {
        channels: channels.iter().map(|c| c.name.clone()).collect(),
        greedy,
        genetic,
        current,
        run: summary,
        seed: params.ga.seed,
        recommended,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn channel(name: &str, curve: Curve, min: f64, max: f64, share: f64) -> ChannelBounds {
        ChannelBounds {
            name: name.into(),
            curve,
            min,
            max,
            current_share: share,
        }
    }

    /// Two logarithmic channels b·ln(1+x): the optimum equalises marginal returns
    /// b1/(1+x1) = b2/(1+x2), so with b = 2 and 1 and total 100, 1 + x1 = 2(1 + x2):
    /// x1 = 67, x2 = 33.
    #[test]
    fn concave_curves_split_where_marginal_returns_meet() {
        let channels = [
            channel("a", Curve::Log { a: 0.0, b: 2.0 }, 0.0, 100.0, 0.5),
            channel("b", Curve::Log { a: 0.0, b: 1.0 }, 0.0, 100.0, 0.5),
        ];
        let plan = allocate(&channels, &AllocateParams::new(100.0), &mut Silent).unwrap();
        for alloc in [&plan.greedy, &plan.genetic] {
            assert!((alloc.spend[0] - 67.0).abs() < 0.2, "{:?}", alloc.spend);
            assert!((alloc.spend.iter().sum::<f64>() - 100.0).abs() < 1e-6);
        }
        assert!((plan.current.spend[0] - 50.0).abs() < 1e-9);
        assert!(plan.genetic.uplift > 0.0 && plan.greedy.uplift > 0.0);
        assert!(plan.genetic.predicted >= plan.greedy.predicted - 1e-12);
    }

    /// Bounds bind: channel a would take 67 but may take only 40.
    #[test]
    fn bounds_and_total_are_met() {
        let channels = [
            channel("a", Curve::Log { a: 0.0, b: 2.0 }, 10.0, 40.0, 0.9),
            channel("b", Curve::Log { a: 0.0, b: 1.0 }, 20.0, 100.0, 0.1),
        ];
        let plan = allocate(&channels, &AllocateParams::new(100.0), &mut Silent).unwrap();
        for alloc in [&plan.current, &plan.greedy, &plan.genetic] {
            assert!((alloc.spend[0] - 40.0).abs() < 1e-6 || alloc.spend[0] <= 40.0 + 1e-9);
            assert!(alloc.spend[1] >= 20.0 - 1e-9);
            assert!(
                (alloc.spend.iter().sum::<f64>() - 100.0).abs() < 1e-6,
                "{:?}",
                alloc.spend
            );
        }
        assert!((plan.genetic.spend[0] - 40.0).abs() < 1e-3);
        let e = allocate(&channels, &AllocateParams::new(200.0), &mut Silent).unwrap_err();
        assert!(e.to_string().starts_with("total = 200"), "{e}");
    }

    /// An S-shaped Hill channel: greedy sees almost no gain from the first increments and
    /// leaves it empty; the genetic algorithm crosses the bend and predicts more.
    #[test]
    fn the_genetic_algorithm_crosses_an_s_curve_bend() {
        let channels = [
            channel(
                "steep",
                Curve::Hill {
                    top: 100.0,
                    k: 50.0,
                    h: 4.0,
                },
                0.0,
                100.0,
                0.5,
            ),
            channel("flat", Curve::Log { a: 0.0, b: 5.0 }, 0.0, 100.0, 0.5),
        ];
        let plan = allocate(&channels, &AllocateParams::new(100.0), &mut Silent).unwrap();
        assert!(
            plan.genetic.predicted > plan.greedy.predicted + 10.0,
            "{plan:?}"
        );
        assert!(plan.genetic.spend[0] > 50.0);
    }
}
