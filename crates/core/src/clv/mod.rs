//! Customer lifetime value: who is still a customer, how much each will buy and what that
//! is worth, from nothing but order lines.
//!
//! - [`summary`]: per-customer repeat purchases, recency, age and mean repeat value (the
//!   "RFM" the models read, lifetimes' conventions), grouped into distinct histories.
//! - [`bgnbd`] and [`pareto_nbd`]: the two "buy till you die" purchase models, fitted by
//!   maximum likelihood ([`mle`]: Nelder–Mead on log-parameters, several starts).
//! - [`gamma_gamma`]: the spend model, with the frequency–value independence check.
//! - [`value`]: per customer P(alive), expected purchases, discounted expected value and a
//!   segment.
//! - [`holdout`]: fit before a calibration day, compare predicted and actual repeat
//!   purchases after it, per calibration frequency.
//! - [`special`]: ln Γ and ₂F₁.
//!
//! Checked against lifetimes 0.11.3 on the CDNOW sample it ships (`tools/clv_fixture.py`),
//! which reproduces CLVTools' published estimates.
//!
//! ```
//! use shoplens_core::clv::bgnbd::BgNbd;
//! use shoplens_core::clv::summary::Triple;
//! use shoplens_core::clv::PurchaseModel;
//! let model = BgNbd { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
//! let history = Triple { frequency: 2, recency: 30.43, age: 38.86 };
//! assert!(model.p_alive(history) > 0.5);
//! ```

pub mod bgnbd;
#[cfg(test)]
mod fixture_tests;
pub mod gamma_gamma;
pub mod holdout;
pub mod mle;
pub mod pareto_nbd;
pub mod special;
pub mod summary;
pub mod value;

use summary::Triple;

/// What the value and holdout computations ask of a purchase model.
pub trait PurchaseModel {
    /// Probability that a customer with this history is still a customer.
    fn p_alive(&self, history: Triple) -> f64;

    /// Expected purchases in the next `horizon` units given the history.
    fn expected_purchases(&self, horizon: f64, history: Triple) -> f64;
}
