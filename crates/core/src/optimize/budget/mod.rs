//! Ad budget allocation: fit a response model to the spend/outcome history (a base plus a
//! saturating Hill curve of carried-over spend per channel, [`MediaModel`]; or per-channel
//! logarithmic curves floored at zero), then split a total budget to maximise the
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
mod media;
#[cfg(test)]
mod media_tests;
mod plan;
mod response;

pub use allocate::{
    allocate, greedy, AllocateParams, Allocation, AllocationPlan, ChannelBounds, Recommended,
};
pub use history::{currency_of, period_of, read_history, ChannelHistory, Period, TEMPLATE_CSV};
pub use media::{
    adstock, fit_linear, fit_media_model, holdout_check, ChannelResponse, HoldoutCheck, MediaModel,
    DECAY_MAX,
};
pub use plan::{
    is_extrapolation, plan_budget, BudgetParams, BudgetPlan, ChannelFit, ChannelLimit, ModelChoice,
    EXTRAPOLATION_MARGIN,
};
pub use response::{fit_hill, fit_log, Curve, ResponseFit, HILL_H_MAX, HILL_H_MIN};
