//! Predictive models: preprocessing, linear and logistic regression, KNN, decision trees,
//! random forests, linear SVM, metrics and model selection.
//!
//! Every model speaks one trait family ([`Fit`], [`Predict`], [`PredictProba`],
//! [`Transformer`]) after linfa's `traits.rs`, so grid search and pipelines are generic.
//! Definitions follow scikit-learn 1.9 so results can be checked against it (fixtures from
//! `tools/learn_fixtures.py`).
//!
//! ```
//! use shoplens_core::learn::{linear::LinearRegressionParams, Fit, Matrix, Predict};
//! let x = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![3.0]]).unwrap();
//! let model = LinearRegressionParams::new().fit(&x, &[2.0, 4.0, 6.0]).unwrap();
//! let at_four = model.predict(&Matrix::from_rows(&[vec![4.0]]).unwrap()).unwrap();
//! assert!((at_four[0] - 8.0).abs() < 1e-12);
//! ```

pub mod dataset;
pub mod linear;
mod matrix;
pub mod metrics;
pub mod neighbors;
pub mod preprocess;
pub mod select;
#[cfg(test)]
mod shoppers_tests;
pub mod svm;
mod traits;
pub mod tree;

pub use matrix::Matrix;
pub use traits::{Fit, Predict, PredictProba, Transform, Transformer};
