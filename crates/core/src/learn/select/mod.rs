//! Model selection: train/test splits, k-fold and stratified k-fold, and grid search with
//! cross-validation (after scikit-learn's `model_selection`).

mod grid;
mod kfold;
mod split;

pub use grid::{
    classifier_scorer, grid_search, regressor_scorer, CandidateScore, GridSearchResult,
};
pub use kfold::{k_fold, stratified_k_fold};
pub use split::{train_test_split, Split};
