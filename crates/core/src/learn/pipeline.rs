//! A preprocessing step and a model fitted together: the step learns only from the rows
//! the model is fitted on, so cross-validation through [`super::select::grid_search`]
//! never leaks held-out rows into the preprocessing (scikit-learn's `Pipeline`).

use super::{Fit, Matrix, Predict, PredictProba, Transform, Transformer};
use crate::progress::Progress;
use crate::Result;
use serde::{Deserialize, Serialize};

/// Parameters: a [`Transformer`] then a model's [`Fit`] parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pipeline<T, P> {
    /// The preprocessing step.
    pub step: T,
    /// The model's parameters.
    pub model: P,
}

/// A fitted pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FittedPipeline<S, M> {
    /// The fitted preprocessing step.
    pub step: S,
    /// The fitted model.
    pub model: M,
}

impl<T, P, Y> Fit<Y> for Pipeline<T, P>
where
    T: Transformer,
    P: Fit<Y>,
{
    type Model = FittedPipeline<T::Fitted, P::Model>;

    fn fit_with(&self, x: &Matrix, y: &[Y], progress: &mut dyn Progress) -> Result<Self::Model> {
        let step = self.step.fit(x)?;
        let model = self.model.fit_with(&step.transform(x)?, y, progress)?;
        Ok(FittedPipeline { step, model })
    }
}

impl<S: Transform, M: Predict<Y>, Y> Predict<Y> for FittedPipeline<S, M> {
    fn predict(&self, x: &Matrix) -> Result<Vec<Y>> {
        self.model.predict(&self.step.transform(x)?)
    }
}

impl<S: Transform, M: PredictProba> PredictProba for FittedPipeline<S, M> {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        self.model.predict_proba(&self.step.transform(x)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::neighbors::KnnParams;
    use crate::learn::preprocess::StandardScaler;
    use crate::learn::select::{classifier_scorer, grid_search, stratified_k_fold};
    use crate::learn::shoppers_tests::Shoppers;
    use crate::learn::Metric;
    use crate::progress::Silent;

    /// Grid search over k for standardised KNN on 3,000 shoppers rows, ROC AUC by
    /// stratified 3-fold CV: scaling is refitted inside each fold, and k = 15 beats k = 1
    /// (one neighbour gives hard 0/1 votes, a poor ranking).
    #[test]
    fn grid_search_through_a_scaling_pipeline() {
        let s = Shoppers::load();
        let rows: Vec<usize> = (0..3000).collect();
        let x = s.x_train.select_rows(&rows);
        let y = &s.y_train[..3000];
        let folds = stratified_k_fold(y, 3, 42).unwrap();
        let grid: Vec<_> = [1, 15]
            .iter()
            .map(|&k| Pipeline {
                step: StandardScaler,
                model: KnnParams::new().k(k),
            })
            .collect();
        let r = grid_search(
            &grid,
            &x,
            y,
            &folds,
            Metric::RocAuc,
            classifier_scorer(Metric::RocAuc, 2),
            &mut Silent,
        )
        .unwrap();
        assert_eq!(r.best, 1, "{r:?}");
        assert!(r.scores[1].mean > 0.75 && r.scores[0].mean < r.scores[1].mean);
    }
}
