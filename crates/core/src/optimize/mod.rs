//! Operations research for merchants: delivery routes by simulated annealing, inventory
//! policies tuned by a genetic algorithm, and ad budget allocation over fitted response
//! curves.
//!
//! Every iterative solver implements [`solver::Solver`] (argmin's `next_iter` style): the
//! page advances it step by step to draw progress and a convergence chart, and the shared
//! [`solver::run`] loop handles termination, history and cancel for everyone else.

pub mod budget;
pub mod genetic;
pub mod inventory;
pub mod routes;
pub mod solver;
