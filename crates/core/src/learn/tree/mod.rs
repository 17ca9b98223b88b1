//! Decision trees (CART) and random forests, following scikit-learn's
//! `DecisionTreeClassifier`/`Regressor` and `RandomForestClassifier`/`Regressor`.
//!
//! A fitted [`DecisionTree`] keeps every node ([`TreeNode`]: split feature and threshold,
//! samples, class counts or value, impurity) so the app can draw it; a [`RandomForest`]
//! keeps its trees, so any one of them can be drawn too.

mod cart;
mod forest;
mod params;

pub(crate) use cart::count_classes as count_classes_of;
pub use cart::{DecisionTree, TreeNode};
pub use forest::{ForestParams, RandomForest};
pub use params::{Criterion, MaxFeatures, TreeParams};
