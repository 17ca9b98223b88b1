//! The one trait family every model and preprocessing step speaks (after linfa's
//! `Fit` / `Predict` / `Transformer`), so that model selection and pipelines are generic.
//!
//! Targets are slices: `f64` for regression, `usize` class indices `0..n_classes` for
//! classification (the dataset layer maps labels to indices and back).

use super::Matrix;
use crate::progress::{Progress, Silent};
use crate::Result;

/// Checked parameters that fit a model on features `x` and targets `y`.
pub trait Fit<Y> {
    /// The fitted model.
    type Model;

    /// Fits, reporting progress and honouring [`crate::progress::Control::Stop`] (which
    /// returns [`crate::ErrorKind::Cancelled`]).
    fn fit_with(&self, x: &Matrix, y: &[Y], progress: &mut dyn Progress) -> Result<Self::Model>;

    /// Fits without progress reports.
    fn fit(&self, x: &Matrix, y: &[Y]) -> Result<Self::Model> {
        self.fit_with(x, y, &mut Silent)
    }
}

/// A fitted model that predicts one target per row.
pub trait Predict<Y> {
    /// One prediction per row of `x`.
    fn predict(&self, x: &Matrix) -> Result<Vec<Y>>;
}

/// A fitted classifier that gives class probabilities.
pub trait PredictProba {
    /// One row per observation, one column per class (rows sum to 1).
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix>;
}

/// Parameters of a preprocessing step, fitted on training rows only.
pub trait Transformer {
    /// The fitted step.
    type Fitted: Transform;

    /// Learns what the step needs (means, scales...) from `x`.
    fn fit(&self, x: &Matrix) -> Result<Self::Fitted>;
}

/// A fitted preprocessing step.
pub trait Transform {
    /// Applies the step to new rows.
    fn transform(&self, x: &Matrix) -> Result<Matrix>;
}
