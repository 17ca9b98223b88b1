//! Ad budget allocation: fit a diminishing-returns response curve per channel (logarithmic
//! or Hill) to the spend/outcome history, then split a total budget to maximise the
//! predicted outcome under per-channel bounds, by greedy marginal return and by the genetic
//! algorithm, against today's split.
//!
//! ```
//! use shoplens_core::optimize::budget::{fit_log, Curve};
//! let spend = [0.0, 10.0, 100.0, 1000.0];
//! let outcome: Vec<f64> = spend.iter().map(|s: &f64| 2.0 + 3.0 * s.ln_1p()).collect();
//! let fit = fit_log(&spend, &outcome).unwrap();
//! let Curve::Log { a, b } = fit.curve else { unreachable!() };
//! assert!((a - 2.0).abs() < 1e-9 && (b - 3.0).abs() < 1e-9);
//! ```

mod allocate;
mod history;
mod plan;
mod response;

pub use allocate::{allocate, greedy, AllocateParams, Allocation, AllocationPlan, ChannelBounds};
pub use history::{read_history, ChannelHistory};
pub use plan::{plan_budget, BudgetParams, BudgetPlan, ChannelFit, ChannelLimit, ModelChoice};
pub use response::{fit_hill, fit_log, Curve, Fit, HILL_H_MAX, HILL_H_MIN};
