//! The Products page's messages: ABC/XYZ classes and recommendations, each a core job
//! spec (`shoplens_core::jobs::products`) whose typed output comes back under the name the
//! page uses. The worker runs them in `crate::worker::thread::jobs::products`.

use serde::{Deserialize, Serialize};

pub use shoplens_core::jobs::products::{
    AbcXyzJob as AbcXyzRequest, AbcXyzOutput as AbcXyzView, RecommendJob as RecommendRequest,
    RecommendOutput as RecommendView,
};

/// What the Products page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ProductJob {
    /// ABC/XYZ classes of the products in the loaded table.
    AbcXyz(AbcXyzRequest),
    /// Per-customer recommendations and their held-out evaluation.
    Recommend(RecommendRequest),
}

/// What comes back from a [`ProductJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ProductOutput {
    /// Classes and matrix.
    AbcXyz(Box<AbcXyzView>),
    /// Recommendations and evaluation.
    Recommend(Box<RecommendView>),
}
