//! Grid search with cross-validation over any model that speaks [`Fit`]: each candidate
//! (a parameter set, or a whole pipeline) is fitted on every fold's training rows and
//! scored on its held-out rows by a metric the user picks; the best mean wins (as
//! scikit-learn's `GridSearchCV`, ties to the first candidate).

use super::split::Split;
use crate::learn::metrics::Metric;
use crate::learn::{Fit, Matrix, Predict, PredictProba};
use crate::par;
use crate::progress::{Progress, Stage};
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// How one candidate scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateScore {
    /// Position of the candidate in the grid.
    pub index: usize,
    /// Score on each fold.
    pub fold_scores: Vec<f64>,
    /// Mean over folds.
    pub mean: f64,
    /// Population standard deviation over folds.
    pub std: f64,
}

/// The outcome of a grid search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridSearchResult {
    /// The metric used.
    pub metric: Metric,
    /// One entry per candidate, in grid order.
    pub scores: Vec<CandidateScore>,
    /// Index of the best candidate.
    pub best: usize,
}

/// Cross-validates every candidate on `folds`. `score(model, x_test, y_test)` gives the
/// metric's value; `greater_is_better` orders them. Reports `("cv", fits done, total)`
/// between rounds of fits (one fit per thread) and stops with [`crate::ErrorKind::Cancelled`] when told to.
pub fn grid_search<P, Y, S>(
    candidates: &[P],
    x: &Matrix,
    y: &[Y],
    folds: &[Split],
    metric: Metric,
    score: S,
    progress: &mut dyn Progress,
) -> Result<GridSearchResult>
where
    P: Fit<Y> + Sync,
    Y: Clone + Send + Sync,
    S: Fn(&P::Model, &Matrix, &[Y]) -> Result<f64> + Sync + Send,
{
    if candidates.is_empty() {
        return Err(Error::invalid_parameter(
            "candidates",
            0,
            Allowed::AtLeastOne(Counted::ParameterSets),
        ));
    }
    if folds.is_empty() {
        return Err(Error::invalid_parameter(
            "folds",
            0,
            Allowed::AtLeastOne(Counted::Folds),
        ));
    }
    // Every (candidate, fold) fit is independent: they run side by side on the CLI's
    // threads (`par`), and their scores come back in grid order.
    let pairs: Vec<(usize, &Split)> = (0..candidates.len())
        .flat_map(|c| folds.iter().map(move |fold| (c, fold)))
        .collect();
    let fold_scores = par::try_map_reporting(&pairs, Stage::GridSearch, progress, |&(c, fold)| {
        let y_train: Vec<Y> = fold.train.iter().map(|&r| y[r].clone()).collect();
        let y_test: Vec<Y> = fold.test.iter().map(|&r| y[r].clone()).collect();
        let model = candidates[c].fit(&x.select_rows(&fold.train), &y_train)?;
        score(&model, &x.select_rows(&fold.test), &y_test)
    })?;
    let scores: Vec<CandidateScore> = fold_scores
        .chunks(folds.len())
        .enumerate()
        .map(|(index, fold_scores)| {
            let mean = fold_scores.iter().sum::<f64>() / fold_scores.len() as f64;
            let std = (fold_scores.iter().map(|s| (s - mean).powi(2)).sum::<f64>()
                / fold_scores.len() as f64)
                .sqrt();
            CandidateScore {
                index,
                fold_scores: fold_scores.to_vec(),
                mean,
                std,
            }
        })
        .collect();
    let better = |a: f64, b: f64| {
        if metric.greater_is_better() {
            a > b
        } else {
            a < b
        }
    };
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if better(s.mean, scores[best].mean) {
            best = i;
        }
    }
    Ok(GridSearchResult {
        metric,
        scores,
        best,
    })
}

/// A scorer for classifiers with `n_classes` classes under `metric`.
pub fn classifier_scorer<M: Predict<usize> + PredictProba>(
    metric: Metric,
    n_classes: usize,
) -> impl Fn(&M, &Matrix, &[usize]) -> Result<f64> {
    move |model, x, y| {
        let pred = model.predict(x)?;
        let proba = match metric {
            Metric::RocAuc | Metric::LogLoss => Some(model.predict_proba(x)?),
            _ => None,
        };
        metric.classification(y, &pred, proba.as_ref(), n_classes)
    }
}

/// A scorer for regressors under `metric`.
pub fn regressor_scorer<M: Predict<f64>>(
    metric: Metric,
) -> impl Fn(&M, &Matrix, &[f64]) -> Result<f64> {
    move |model, x, y| metric.regression(y, &model.predict(x)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::neighbors::{KnnClassifier, KnnParams};
    use crate::learn::select::{k_fold, stratified_k_fold};
    use crate::learn::tree::TreeParams;
    use crate::progress::Control;

    fn two_blobs() -> (Matrix, Vec<usize>) {
        let rows: Vec<Vec<f64>> = (0..40)
            .map(|i| {
                vec![
                    (i % 20) as f64 + if i < 20 { 0.0 } else { 15.0 },
                    (i % 7) as f64,
                ]
            })
            .collect();
        let y = (0..40).map(|i| usize::from(i >= 20)).collect();
        (Matrix::from_rows(&rows).unwrap(), y)
    }

    #[test]
    fn picks_the_best_depth_and_reports_progress() {
        let (x, y) = two_blobs();
        let folds = stratified_k_fold(&y, 4, 1).unwrap();
        let grid = [
            TreeParams::new().max_depth(Some(1)),
            TreeParams::new().max_depth(Some(3)),
        ];
        let mut reports = Vec::new();
        let mut observe = |_: crate::progress::Stage, d: u64, t: u64| {
            reports.push((d, t));
            Control::Continue
        };
        let r = grid_search(
            &grid,
            &x,
            &y,
            &folds,
            Metric::Accuracy,
            classifier_scorer(Metric::Accuracy, 2),
            &mut observe,
        )
        .unwrap();
        assert_eq!(r.scores.len(), 2);
        assert_eq!(reports.last(), Some(&(8, 8)));
        assert!(r.scores[r.best].mean >= r.scores[1 - r.best].mean);
    }

    #[test]
    fn lower_is_better_for_losses_and_stop_cancels() {
        let (x, y) = two_blobs();
        let folds = k_fold(40, 4, true, 3).unwrap();
        let grid = [KnnParams::new().k(1), KnnParams::new().k(15)];
        let score = classifier_scorer::<KnnClassifier>(Metric::LogLoss, 2);
        let r = grid_search(
            &grid,
            &x,
            &y,
            &folds,
            Metric::LogLoss,
            score,
            &mut crate::progress::Silent,
        )
        .unwrap();
        let best = r.scores[r.best].mean;
        assert!(r.scores.iter().all(|s| s.mean >= best));
        let mut stop = |_: crate::progress::Stage, _: u64, _: u64| Control::Stop;
        let e = grid_search(
            &grid,
            &x,
            &y,
            &folds,
            Metric::Accuracy,
            classifier_scorer::<KnnClassifier>(Metric::Accuracy, 2),
            &mut stop,
        )
        .unwrap_err();
        assert_eq!(e.kind(), &crate::ErrorKind::Cancelled);
    }
}
