//! Products: which carry the business and how steadily they sell (ABC/XYZ), and what each
//! customer might buy next (recommendations).
//!
//! - [`lines`]: sales lines out of a table (returns, lines without product or customer
//!   set aside and counted).
//! - [`period`]: weeks and months for demand series.
//! - [`abc_xyz`]: ABC by share of revenue, quantity or margin; XYZ by the coefficient of
//!   variation of demand per period; the 3×3 matrix; a service level per class.
//! - [`recommend`]: item-to-item co-purchase (cosine) with a popularity fallback, evaluated
//!   on each customer's held-out last order against popularity.
//! - [`export`]: both as CSV.

pub mod abc_xyz;
pub mod export;
pub mod lines;
pub mod period;
pub mod recommend;

#[cfg(test)]
mod fixture_tests;

pub use abc_xyz::{abc_xyz, service_level, Abc, AbcXyzParams, AbcXyzResult, Measure, Xyz};
pub use lines::{SaleColumns, SaleLines, ValueColumns};
pub use period::Period;
pub use recommend::{
    recommend, BasketUnit, Candidate, RecommendParams, RecommendResult, Selection, SelectionReason,
};
