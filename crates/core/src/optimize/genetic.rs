//! A generational genetic algorithm (Holland 1975; Goldberg 1989, "Genetic Algorithms in
//! Search, Optimization and Machine Learning"): tournament selection, problem-specific
//! crossover and mutation, and elitism. It steps one generation per
//! [`Solver::next_iter`](super::solver::Solver::next_iter).
//!
//! Seeds (for example a textbook baseline) join the first population; with `elitism >= 1`
//! the best cost can therefore never be worse than the best seed's.

use super::solver::{IterStats, Solver};
use crate::rt::{seeded, Rng, DEFAULT_SEED};
use crate::{Allowed, Error, Result};
use rand::Rng as _;
use serde::{Deserialize, Serialize};

/// What the genetic algorithm needs to know about a problem. Costs are minimised and include
/// any constraint penalty.
pub trait GeneticProblem {
    /// One candidate solution.
    type Genome: Clone;
    /// Cost of a genome (lower is better). Must be finite.
    fn cost(&mut self, genome: &Self::Genome) -> f64;
    /// A random genome for the first population.
    fn random(&mut self, rng: &mut Rng) -> Self::Genome;
    /// A child of two parents.
    fn crossover(&mut self, a: &Self::Genome, b: &Self::Genome, rng: &mut Rng) -> Self::Genome;
    /// Changes each gene with probability `rate`.
    fn mutate(&mut self, genome: &mut Self::Genome, rate: f64, rng: &mut Rng);
}

/// Parameters of the genetic algorithm, checked by [`GaParams::check`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GaParams {
    /// Individuals per generation. Default 60.
    pub population: usize,
    /// Generations (iterations). Default 150.
    pub generations: u64,
    /// Probability that a child is a crossover of two parents rather than a copy of one.
    /// Default 0.9.
    pub crossover_rate: f64,
    /// Probability that each gene of a child mutates. Default 0.1.
    pub mutation_rate: f64,
    /// Best individuals copied unchanged into the next generation. Default 2.
    pub elitism: usize,
    /// Individuals drawn per tournament. Default 3.
    pub tournament: usize,
    /// Seed of the random generator. Default [`DEFAULT_SEED`].
    pub seed: u64,
}

impl Default for GaParams {
    fn default() -> Self {
        GaParams::new()
    }
}

impl GaParams {
    /// The defaults listed on each field.
    pub fn new() -> GaParams {
        GaParams {
            population: 60,
            generations: 150,
            crossover_rate: 0.9,
            mutation_rate: 0.1,
            elitism: 2,
            tournament: 3,
            seed: DEFAULT_SEED,
        }
    }

    /// Checks every parameter, naming the first bad one.
    pub fn check(&self) -> Result<()> {
        if self.population < 2 {
            return Err(Error::invalid_parameter(
                "population",
                self.population,
                Allowed::AtLeast(2.0),
            ));
        }
        if self.generations == 0 {
            return Err(Error::invalid_parameter(
                "generations",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        for (name, rate) in [
            ("crossover_rate", self.crossover_rate),
            ("mutation_rate", self.mutation_rate),
        ] {
            if !(0.0..=1.0).contains(&rate) {
                return Err(Error::invalid_parameter(name, rate, Allowed::UnitInterval));
            }
        }
        if self.elitism >= self.population {
            return Err(Error::invalid_parameter(
                "elitism",
                self.elitism,
                Allowed::Below(self.population as f64),
            ));
        }
        if self.tournament == 0 || self.tournament > self.population {
            return Err(Error::invalid_parameter(
                "tournament",
                self.tournament,
                Allowed::Between(1.0, self.population as f64),
            ));
        }
        Ok(())
    }
}

/// The state of a run: a population sorted by cost.
pub struct GeneticAlgorithm<P: GeneticProblem> {
    problem: P,
    params: GaParams,
    rng: Rng,
    population: Vec<(P::Genome, f64)>,
    generation: u64,
}

impl<P: GeneticProblem> GeneticAlgorithm<P> {
    /// The first population: the `seeds`, then random genomes up to the population size.
    pub fn new(mut problem: P, params: &GaParams, seeds: Vec<P::Genome>) -> Result<Self> {
        params.check()?;
        let mut rng = seeded(params.seed);
        let mut population: Vec<(P::Genome, f64)> = seeds
            .into_iter()
            .take(params.population)
            .map(|g| {
                let c = problem.cost(&g);
                (g, c)
            })
            .collect();
        while population.len() < params.population {
            let g = problem.random(&mut rng);
            let c = problem.cost(&g);
            population.push((g, c));
        }
        population.sort_by(|a, b| a.1.total_cmp(&b.1));
        Ok(GeneticAlgorithm {
            problem,
            params: params.clone(),
            rng,
            population,
            generation: 0,
        })
    }

    /// The best genome and its cost.
    pub fn best(&self) -> (&P::Genome, f64) {
        (&self.population[0].0, self.population[0].1)
    }

    /// The problem, for evaluating the best genome in detail.
    pub fn problem_mut(&mut self) -> &mut P {
        &mut self.problem
    }

    /// Mean cost of the current population.
    pub fn mean_cost(&self) -> f64 {
        self.population.iter().map(|p| p.1).sum::<f64>() / self.population.len() as f64
    }

    fn tournament(&mut self) -> usize {
        // The population is sorted, so the smallest index drawn is the fittest.
        (0..self.params.tournament)
            .map(|_| self.rng.random_range(0..self.population.len()))
            .min()
            .unwrap_or(0)
    }
}

impl<P: GeneticProblem> Solver for GeneticAlgorithm<P> {
    fn next_iter(&mut self) -> IterStats {
        let mut next: Vec<(P::Genome, f64)> = self.population[..self.params.elitism].to_vec();
        while next.len() < self.params.population {
            let a = self.tournament();
            let mut child = if self.rng.random::<f64>() < self.params.crossover_rate {
                let b = self.tournament();
                self.problem
                    .crossover(&self.population[a].0, &self.population[b].0, &mut self.rng)
            } else {
                self.population[a].0.clone()
            };
            self.problem
                .mutate(&mut child, self.params.mutation_rate, &mut self.rng);
            let cost = self.problem.cost(&child);
            next.push((child, cost));
        }
        // A stable sort keeps elites ahead of equally good children, so the best never moves
        // back and forth between equals.
        next.sort_by(|a, b| a.1.total_cmp(&b.1));
        self.population = next;
        self.generation += 1;
        IterStats {
            iteration: self.generation,
            best: self.population[0].1,
            current: self.mean_cost(),
        }
    }

    fn is_finished(&self) -> bool {
        self.generation >= self.params.generations
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::solver::{run, Termination};
    use crate::progress::{Silent, Stage};

    /// Minimise the sum of squares of ten integers in [-50, 50]: the optimum is all zeros.
    struct Squares;

    impl GeneticProblem for Squares {
        type Genome = Vec<i64>;
        fn cost(&mut self, g: &Vec<i64>) -> f64 {
            g.iter().map(|v| (v * v) as f64).sum()
        }
        fn random(&mut self, rng: &mut Rng) -> Vec<i64> {
            (0..10).map(|_| rng.random_range(-50..=50)).collect()
        }
        fn crossover(&mut self, a: &Vec<i64>, b: &Vec<i64>, rng: &mut Rng) -> Vec<i64> {
            a.iter()
                .zip(b)
                .map(|(x, y)| if rng.random() { *x } else { *y })
                .collect()
        }
        fn mutate(&mut self, g: &mut Vec<i64>, rate: f64, rng: &mut Rng) {
            for v in g.iter_mut() {
                if rng.random::<f64>() < rate {
                    *v += rng.random_range(-3..=3);
                }
            }
        }
    }

    #[test]
    fn finds_the_optimum_and_never_loses_the_best() {
        let params = GaParams::new();
        let mut ga = GeneticAlgorithm::new(Squares, &params, vec![vec![1; 10]]).unwrap();
        assert!(
            (ga.best().1 - 10.0).abs() < 1e-12,
            "the seed is the best start"
        );
        let summary = run(
            &mut ga,
            &Termination::new(150),
            &mut Silent,
            Stage::Inventory,
        )
        .unwrap();
        let best = &summary.history.best;
        assert!(best.windows(2).all(|w| w[1] <= w[0]));
        assert!(best[0] <= 10.0);
        assert!(ga.best().1 < 1e-12, "{:?}", ga.best());
        // The mean trails the best.
        assert!(summary
            .history
            .current
            .iter()
            .zip(best)
            .all(|(m, b)| m >= b));
    }

    #[test]
    fn same_seed_same_run() {
        let params = GaParams {
            generations: 20,
            ..GaParams::new()
        };
        let go = || {
            let mut ga = GeneticAlgorithm::new(Squares, &params, vec![]).unwrap();
            run(
                &mut ga,
                &Termination::new(20),
                &mut Silent,
                Stage::Inventory,
            )
            .unwrap()
            .history
        };
        assert_eq!(go(), go());
    }

    #[test]
    fn bad_parameters_are_named() {
        let cases = [
            (
                GaParams {
                    population: 1,
                    ..GaParams::new()
                },
                "population",
            ),
            (
                GaParams {
                    mutation_rate: 1.5,
                    ..GaParams::new()
                },
                "mutation_rate",
            ),
            (
                GaParams {
                    elitism: 60,
                    ..GaParams::new()
                },
                "elitism",
            ),
            (
                GaParams {
                    tournament: 0,
                    ..GaParams::new()
                },
                "tournament",
            ),
        ];
        for (params, name) in cases {
            let e = GeneticAlgorithm::new(Squares, &params, vec![])
                .err()
                .unwrap();
            assert!(e.to_string().starts_with(name), "{e}");
        }
    }
}
