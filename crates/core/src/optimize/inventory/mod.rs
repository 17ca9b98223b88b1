//! Inventory: textbook policies, a simulator and a genetic algorithm that tunes reorder
//! points and order quantities for many products under a budget and a warehouse capacity.
//!
//! - [`eoq`], [`safety_stock`], [`reorder_point`] and [`Policy`] ((R, Q) and (s, S));
//! - [`simulate`] runs a policy over a daily demand history (lost sales);
//! - [`optimise_inventory`] starts from the EOQ/safety-stock baseline and improves it with
//!   the genetic algorithm ([`InventoryOptimiser`] steps one generation at a time) on the
//!   first part of the history, and [`evaluate_policies`] replays both on the held-out rest;
//! - [`products_from_orders`] builds the products file from an order export (unit cost from
//!   prices, the rest from defaults the user fills in).
//!
//! ```
//! use shoplens_core::optimize::inventory::{eoq, safety_stock};
//! assert!((eoq(1000.0, 10.0, 0.5).unwrap() - 200.0).abs() < 1e-9);
//! assert!((safety_stock(0.95, 10.0, 4.0).unwrap() - 32.897).abs() < 1e-3);
//! ```
//!
//! References: Harris (1913) for EOQ; Silver, Pyke & Thomas (2017) for safety stock and the
//! (s, S), (R, Q) policies; Acklam's inverse normal approximation.

mod ga;
mod history;
mod holdout;
mod normal;
mod policy;
mod products;
mod simulate;

pub use ga::{
    baseline, optimise_inventory, Baseline, InventoryOptimiser, InventoryParams, InventoryPlan,
    ItemPlan,
};
pub use history::{items_from_table, DemandHistory};
pub use holdout::{
    evaluate_policies, training_days, HoldoutEvaluation, Recommendation, ShiftSummary, Totals,
    FILL_RATE_TARGET, MIN_HELD_OUT_DAYS, MIN_TRAINING_DAYS,
};
pub use normal::{normal_cdf, normal_pdf, normal_ppf};
pub use policy::{eoq, reorder_point, safety_stock, Policy};
pub use products::{products_csv, products_from_orders, ProductDefaults, PRODUCT_COLUMNS};
pub use simulate::{simulate, Item, Simulation, DAYS_PER_YEAR};

#[cfg(test)]
mod tests;
