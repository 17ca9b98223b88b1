//! Operations research: inventory policies, genetic algorithm, simulated-annealing routes,
//! ad budget allocation. (Being built: see issue 7.)
