//! k-fold cross-validation of several candidate models on the same folds: every kind that
//! can do the task with its defaults ([`CompareJob`], the Models tab's "Compare" and
//! `shoplens compare`), or a small grid around one model's main parameter ([`GridJob`],
//! "Tune" and `shoplens grid`).
//!
//! The encoding (one-hot, dates, imputation) is fitted once on every row with a target;
//! scaling, which the distance- and penalty-based models need, is refitted inside each fold
//! through [`Pipeline`], so held-out rows never set the scale. Folds are stratified for
//! classes (scikit-learn's `StratifiedKFold`) and shuffled for numbers (`KFold`); the score
//! is accuracy or R², higher is better.

use super::defaults::{default_model, model_for_task, ModelData};
use crate::learn::dataset::{FeatureEncoder, Targets, Task};
use crate::learn::metrics::Metric;
use crate::learn::pipeline::Pipeline;
use crate::learn::preprocess::StandardScaler;
use crate::learn::select::{
    classifier_scorer, grid_search, k_fold, regressor_scorer, stratified_k_fold, CandidateScore,
    Split,
};
use crate::learn::{Fit, Matrix, ModelKind, ModelParams, Predict, PredictProba};
use crate::par;
use crate::progress::{Progress, Silent, Stage};
use crate::rt::Clock;
use crate::table::Table;
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// Cross-validate every model kind that can do the task, each with its defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompareJob {
    /// Target, features, task, seed, imputation.
    #[serde(flatten)]
    pub data: ModelData,
    /// Number of folds, 2 to the number of rows. Default 5.
    pub folds: usize,
}

impl Default for CompareJob {
    fn default() -> Self {
        CompareJob {
            data: ModelData::default(),
            folds: 5,
        }
    }
}

/// Cross-validate a small grid around one model's main parameter: k 1..=15 for KNN, depth
/// 2..=10 for a tree, the number of trees for a forest, C or alpha on a log scale for the
/// linear models.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GridJob {
    /// Target, features, task, seed, imputation.
    #[serde(flatten)]
    pub data: ModelData,
    /// The model whose main parameter varies (its other settings are kept); `None`: the
    /// task's default model.
    pub model: Option<ModelParams>,
    /// Number of folds. Default 5.
    pub folds: usize,
}

impl Default for GridJob {
    fn default() -> Self {
        GridJob {
            data: ModelData::default(),
            model: None,
            folds: 5,
        }
    }
}

/// One candidate of a cross-validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What varies (`k = 5`), or empty for a kind with its defaults.
    pub label: String,
    /// The model.
    pub params: ModelParams,
}

/// A cross-validation checked against its table.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedCv {
    /// Target, features, task, seed, imputation, written in.
    pub data: ModelData,
    /// The task.
    pub task: Task,
    /// Folds.
    pub folds: usize,
    /// The candidates, in order.
    pub candidates: Vec<Candidate>,
}

/// A checked [`CompareJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedCompare {
    /// The spec with its defaults written in.
    pub spec: CompareJob,
    /// What runs.
    pub cv: CheckedCv,
}

/// A checked [`GridJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedGrid {
    /// The spec with its defaults written in.
    pub spec: GridJob,
    /// What runs.
    pub cv: CheckedCv,
}

fn check_folds(folds: usize) -> Result<()> {
    if folds < 2 {
        return Err(Error::invalid_parameter(
            "folds",
            folds,
            Allowed::AtLeast(2.0),
        ));
    }
    Ok(())
}

impl CompareJob {
    /// Checks the spec against `table`.
    pub fn check(&self, table: &Table) -> Result<CheckedCompare> {
        check_folds(self.folds)?;
        let (data, plan) = self.data.check(table)?;
        let candidates = ModelKind::ALL
            .into_iter()
            .filter(|k| k.supports(plan.task))
            .map(|k| Candidate {
                label: String::new(),
                params: ModelParams::defaults(k, plan.task, data.seed),
            })
            .collect();
        Ok(CheckedCompare {
            spec: CompareJob {
                data: data.clone(),
                folds: self.folds,
            },
            cv: CheckedCv {
                data,
                task: plan.task,
                folds: self.folds,
                candidates,
            },
        })
    }
}

impl GridJob {
    /// Checks the spec against `table`.
    pub fn check(&self, table: &Table) -> Result<CheckedGrid> {
        check_folds(self.folds)?;
        let (data, plan) = self.data.check(table)?;
        let model = model_for_task(
            self.model
                .clone()
                .unwrap_or_else(|| default_model(plan.task, data.seed)),
            plan.task,
            data.seed,
        )?;
        let candidates = grid(&model)
            .into_iter()
            .map(|(label, params)| Candidate { label, params })
            .collect();
        Ok(CheckedGrid {
            spec: GridJob {
                data: data.clone(),
                model: Some(model),
                folds: self.folds,
            },
            cv: CheckedCv {
                data,
                task: plan.task,
                folds: self.folds,
                candidates,
            },
        })
    }
}

/// The grid around `model`'s main parameter, each candidate with a label saying what
/// varies; every other setting is kept.
pub fn grid(model: &ModelParams) -> Vec<(String, ModelParams)> {
    const PENALTIES: [f64; 5] = [0.01, 0.1, 1.0, 10.0, 100.0];
    match model {
        ModelParams::Linear(p) => [0.0, 0.1, 1.0, 10.0, 100.0]
            .into_iter()
            .map(|alpha| {
                let mut p = p.clone();
                p.ridge_alpha = alpha;
                (format!("alpha = {alpha}"), ModelParams::Linear(p))
            })
            .collect(),
        ModelParams::Logistic(p) => PENALTIES
            .into_iter()
            .map(|c| {
                let mut p = p.clone();
                p.c = c;
                (format!("C = {c}"), ModelParams::Logistic(p))
            })
            .collect(),
        ModelParams::Svm(p) => PENALTIES
            .into_iter()
            .map(|c| {
                let mut p = p.clone();
                p.c = c;
                (format!("C = {c}"), ModelParams::Svm(p))
            })
            .collect(),
        ModelParams::Knn(p) => (1..=15)
            .map(|k| {
                let mut p = p.clone();
                p.k = k;
                (format!("k = {k}"), ModelParams::Knn(p))
            })
            .collect(),
        ModelParams::Tree(p) => (2..=10)
            .map(|d| {
                let mut p = p.clone();
                p.max_depth = Some(d);
                (format!("max_depth = {d}"), ModelParams::Tree(p))
            })
            .collect(),
        ModelParams::Forest(p) => [10, 25, 50, 100]
            .into_iter()
            .map(|n| {
                let mut p = p.clone();
                p.n_trees = n;
                (format!("n_trees = {n}"), ModelParams::Forest(p))
            })
            .collect(),
    }
}

/// Cross-validation scores of the candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvResult {
    /// The score: `accuracy` (classification) or `r2` (regression); higher is better.
    pub metric: String,
    /// Number of folds.
    pub folds: usize,
    /// One row per candidate, in order.
    pub rows: Vec<CvRow>,
    /// Index of the best row (highest mean, ties to the first).
    pub best: usize,
}

/// One candidate's cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvRow {
    /// The model kind.
    pub kind: ModelKind,
    /// What varies (`k = 5`), or empty for a kind with its defaults.
    pub label: String,
    /// Mean score over the folds.
    pub mean: f64,
    /// Standard deviation over the folds.
    pub std: f64,
    /// Milliseconds its folds' fits took, added up, by the front's clock (on several
    /// threads the fits overlap, so the sum can exceed the wall time).
    pub ms: f64,
}

/// Cross-validates each candidate of `job` on the same folds of `table`.
pub fn run(
    job: &CheckedCv,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<CvResult> {
    let data = &job.data;
    let targets = Targets::new(table, &data.target, job.task)?;
    let encoder = FeatureEncoder::fit(table, &data.features, &targets.rows, data.impute, false)?;
    let x = encoder.transform(table, Some(&targets.rows))?;
    let splits = match job.task {
        Task::Classification => stratified_k_fold(&targets.classes, job.folds, data.seed)?,
        Task::Regression => k_fold(targets.rows.len(), job.folds, true, data.seed)?,
    };
    let n_classes = targets.classes.iter().max().map_or(0, |m| m + 1);
    let metric = match job.task {
        Task::Classification => Metric::Accuracy,
        Task::Regression => Metric::R2,
    };
    // Every (candidate, fold) fit is independent: they run side by side on the CLI's
    // threads (`par`) and come back in order, so the table is the same on any number.
    let pairs: Vec<(usize, usize)> = (0..job.candidates.len())
        .flat_map(|c| (0..splits.len()).map(move |f| (c, f)))
        .collect();
    let fits = par::try_map_reporting(&pairs, Stage::CrossValidate, progress, |&(c, f)| {
        let started = clock.now_seconds();
        let fold = Folds {
            x: &x,
            splits: &splits[f..=f],
            metric,
        };
        let params = &job.candidates[c].params;
        let score = match job.task {
            Task::Classification => {
                fold.classify(params, &targets.classes, n_classes, &mut Silent)?
            }
            Task::Regression => fold.regress(params, &targets.values, &mut Silent)?,
        };
        Ok((score.mean, (clock.now_seconds() - started) * 1000.0))
    })?;
    let rows: Vec<CvRow> = job
        .candidates
        .iter()
        .zip(fits.chunks(splits.len()))
        .map(|(candidate, fits)| {
            let n = fits.len() as f64;
            let mean = fits.iter().map(|(score, _)| score).sum::<f64>() / n;
            let std = (fits
                .iter()
                .map(|(score, _)| (score - mean).powi(2))
                .sum::<f64>()
                / n)
                .sqrt();
            CvRow {
                kind: candidate.params.kind(),
                label: candidate.label.clone(),
                mean,
                std,
                ms: fits.iter().map(|(_, ms)| ms).sum(),
            }
        })
        .collect();
    let mut best = 0;
    for (i, row) in rows.iter().enumerate() {
        if row.mean > rows[best].mean {
            best = i;
        }
    }
    Ok(CvResult {
        metric: metric.as_str().to_string(),
        folds: splits.len(),
        rows,
        best,
    })
}

/// The encoded rows, the folds and the score of one cross-validation.
struct Folds<'a> {
    x: &'a Matrix,
    splits: &'a [Split],
    metric: Metric,
}

impl Folds<'_> {
    fn classify(
        &self,
        params: &ModelParams,
        y: &[usize],
        n_classes: usize,
        progress: &mut dyn Progress,
    ) -> Result<CandidateScore> {
        fn one<P>(
            f: &Folds,
            model: P,
            y: &[usize],
            n_classes: usize,
            progress: &mut dyn Progress,
        ) -> Result<CandidateScore>
        where
            P: Fit<usize> + Sync,
            P::Model: Predict<usize> + PredictProba,
        {
            let scorer = classifier_scorer(f.metric, n_classes);
            let r = grid_search(&[model], f.x, y, f.splits, f.metric, scorer, progress)?;
            Ok(r.scores[0].clone())
        }
        match params {
            ModelParams::Logistic(p) => one(self, scaled(p.clone()), y, n_classes, progress),
            ModelParams::Knn(p) => one(self, scaled(p.clone()), y, n_classes, progress),
            ModelParams::Svm(p) => one(self, scaled(p.clone()), y, n_classes, progress),
            ModelParams::Tree(p) => one(self, p.clone(), y, n_classes, progress),
            ModelParams::Forest(p) => one(self, p.clone(), y, n_classes, progress),
            ModelParams::Linear(_) => Err(Error::invalid_parameter(
                "model",
                "linear",
                crate::Allowed::Classification(crate::Family::models(&[
                    "logistic", "knn", "tree", "forest", "svm",
                ])),
            )),
        }
    }

    fn regress(
        &self,
        params: &ModelParams,
        y: &[f64],
        progress: &mut dyn Progress,
    ) -> Result<CandidateScore> {
        fn one<P>(
            f: &Folds,
            model: P,
            y: &[f64],
            progress: &mut dyn Progress,
        ) -> Result<CandidateScore>
        where
            P: Fit<f64> + Sync,
            P::Model: Predict<f64>,
        {
            let scorer = regressor_scorer(f.metric);
            let r = grid_search(&[model], f.x, y, f.splits, f.metric, scorer, progress)?;
            Ok(r.scores[0].clone())
        }
        match params {
            ModelParams::Linear(p) => one(self, p.clone(), y, progress),
            ModelParams::Knn(p) => one(self, scaled(p.clone()), y, progress),
            ModelParams::Tree(p) => one(self, p.clone(), y, progress),
            ModelParams::Forest(p) => one(self, p.clone(), y, progress),
            other => Err(Error::invalid_parameter(
                "model",
                other.kind().as_str(),
                crate::Allowed::Regression(crate::Family::models(&[
                    "linear", "knn", "tree", "forest",
                ])),
            )),
        }
    }
}

/// `model` behind a standard scaler refitted on each fold's training rows.
fn scaled<P>(model: P) -> Pipeline<StandardScaler, P> {
    Pipeline {
        step: StandardScaler,
        model,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::select::stratified_k_fold;
    use crate::learn::tree::TreeParams;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    const WHOLESALE: &[u8] =
        include_bytes!("../../../../testdata/uci-wholesale-customers/Wholesale_customers_data.csv");

    /// Compare scores each kind on the same stratified folds: the tree's row equals a
    /// direct `grid_search` of the same tree on the same folds, and the best row is the
    /// highest mean.
    #[test]
    fn compare_scores_every_classifier_on_the_same_folds() {
        let table = read_bytes(WHOLESALE, &ReadOptions::default()).unwrap();
        let target = "Channel".to_string();
        let job: CompareJob =
            serde_json::from_str(&format!(r#"{{"target": "{target}", "folds": 4}}"#)).unwrap();
        let checked = job.check(&table).unwrap();
        let kinds: Vec<ModelKind> = checked
            .cv
            .candidates
            .iter()
            .map(|c| c.params.kind())
            .collect();
        assert_eq!(
            kinds,
            [
                ModelKind::Logistic,
                ModelKind::Knn,
                ModelKind::Tree,
                ModelKind::Forest,
                ModelKind::Svm
            ]
        );
        let result = run(&checked.cv, &table, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(result.metric, "accuracy");
        assert_eq!(result.rows.len(), 5);
        let best = result.rows[result.best].mean;
        assert!(result.rows.iter().all(|r| r.mean <= best));

        let targets = Targets::new(&table, &target, Task::Classification).unwrap();
        let data = &checked.cv.data;
        let encoder =
            FeatureEncoder::fit(&table, &data.features, &targets.rows, data.impute, false).unwrap();
        let x = encoder.transform(&table, Some(&targets.rows)).unwrap();
        let splits = stratified_k_fold(&targets.classes, 4, data.seed).unwrap();
        let tree = TreeParams::new().seed(data.seed);
        let direct = grid_search(
            &[tree],
            &x,
            &targets.classes,
            &splits,
            Metric::Accuracy,
            classifier_scorer(Metric::Accuracy, 2),
            &mut Silent,
        )
        .unwrap();
        assert!((result.rows[2].mean - direct.scores[0].mean).abs() < 1e-12);
    }

    #[test]
    fn grid_varies_one_parameter_and_refuses_one_fold() {
        let table = read_bytes(WHOLESALE, &ReadOptions::default()).unwrap();
        let target = "Channel".to_string();
        let job = GridJob {
            data: ModelData {
                target: target.clone(),
                ..ModelData::default()
            },
            model: Some(ModelParams::defaults(
                ModelKind::Knn,
                Task::Classification,
                42,
            )),
            folds: 3,
        };
        let checked = job.check(&table).unwrap();
        let labels: Vec<&str> = checked
            .cv
            .candidates
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(labels.len(), 15);
        assert_eq!(labels[4], "k = 5");
        let result = run(&checked.cv, &table, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(result.folds, 3);
        let one_fold = GridJob { folds: 1, ..job };
        assert!(one_fold.check(&table).is_err());
    }
}
