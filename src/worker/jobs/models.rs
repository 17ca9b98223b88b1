//! The Models page's jobs, run in the worker: train one model on the loaded table with the
//! default preprocessing of `shoplens_core::learn` (as `shoplens fit` does, see
//! `crates/cli/src/cmd/fit.rs`) and shape what the page shows: held-out metrics,
//! coefficients, importances, the tree, the ROC curve and the held-out predictions.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use shoplens_core::export;
use shoplens_core::learn::dataset::{plan_features, FeatureEncoder, Targets, Task};
use shoplens_core::learn::linear::{LinearRegressionParams, LogisticRegressionParams};
use shoplens_core::learn::metrics::{self, Metric};
use shoplens_core::learn::model::{FittedModel, ModelParams, TrainedModel};
use shoplens_core::learn::model_json;
use shoplens_core::learn::neighbors::{Distance, KnnParams, Weights};
use shoplens_core::learn::pipeline::Pipeline;
use shoplens_core::learn::preprocess::{ImputeStrategy, StandardScaler};
use shoplens_core::learn::select::{
    classifier_scorer, grid_search, k_fold, regressor_scorer, stratified_k_fold, CandidateScore,
    Split,
};
use shoplens_core::learn::svm::SvmParams;
use shoplens_core::learn::tree::{Criterion, ForestParams, MaxFeatures, TreeParams};
use shoplens_core::learn::{
    train_with_clock, Fit, Matrix, ModelKind, Predict, PredictProba, TrainOptions,
};
use shoplens_core::progress::Progress;
use shoplens_core::rt::Clock;
use shoplens_core::table::Table;
use shoplens_core::{Error, Lang};

use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{compute_progress, now_ms, with_table};

/// Nodes of a tree drawn at most (deeper nodes are cut off in the diagram).
pub const TREE_NODES_SHOWN: usize = 63;

/// Trees of a forest sent to the page (the first ones; each can be drawn).
pub const FOREST_TREES_SHOWN: usize = 10;

/// What the Models page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelJob {
    /// Train and evaluate one model.
    Train(TrainRequest),
    /// The default feature plan for a target: usable columns, the ones left out and why,
    /// and the task the target suggests. Cheap (no fitting), run when the target changes.
    Plan {
        /// The column to predict.
        target: String,
    },
    /// k-fold cross-validation of every model kind that can do the task, each with its
    /// defaults, on the request's features (the score: accuracy or R²).
    Compare {
        /// Target, features, task, seed, imputation (the model is ignored).
        request: TrainRequest,
        /// Number of folds.
        folds: usize,
    },
    /// k-fold cross-validation of a small grid around the request's model (k for KNN,
    /// depth for trees, C for logistic regression and SVM...).
    Grid {
        /// The model whose main parameter varies, and the data settings.
        request: TrainRequest,
        /// Number of folds.
        folds: usize,
    },
    /// The model the page shows as `shoplens-model` JSON (preprocessing included).
    SaveModel {
        /// The request that trained it. When this worker's last model came from another
        /// request, or it has none (the page was reloaded and showed a kept result, or a
        /// cancel restarted the worker), the model is trained again first: the seed makes
        /// it the same model.
        request: TrainRequest,
    },
    /// Scores the loaded table with a saved model; the predictions come back as CSV.
    Predict {
        /// A model file's text, as saved by [`ModelJob::SaveModel`] or `shoplens fit --save`.
        model_json: String,
    },
}

/// The model kinds the page offers, with their settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum KindChoice {
    /// Least squares, with an optional ridge penalty `alpha` (regression).
    Linear {
        /// Ridge penalty (0: ordinary least squares).
        alpha: f64,
    },
    /// Logistic regression with inverse regularisation `c`.
    Logistic {
        /// Inverse regularisation strength.
        c: f64,
    },
    /// k nearest neighbours.
    Knn {
        /// Neighbours.
        k: usize,
        /// How neighbours' votes are weighted.
        weights: Weights,
        /// How distance is measured.
        distance: Distance,
    },
    /// A decision tree.
    Tree {
        /// Split quality (classification; regression always uses squared error).
        criterion: Criterion,
        /// Depth limit (`None`: unlimited).
        max_depth: Option<usize>,
        /// Fewest rows a node needs to be split.
        min_samples_split: usize,
        /// Fewest rows in a leaf.
        min_samples_leaf: usize,
    },
    /// A random forest.
    Forest {
        /// Trees.
        n_trees: usize,
        /// Depth limit of each tree.
        max_depth: Option<usize>,
        /// Features tried per split (`None`: the task's default, √ for classes, all for
        /// numbers).
        max_features: Option<MaxFeatures>,
    },
    /// A linear SVM with penalty `c`.
    Svm {
        /// Penalty.
        c: f64,
    },
}

impl KindChoice {
    /// The core model kind.
    pub fn kind(self) -> ModelKind {
        match self {
            KindChoice::Linear { .. } => ModelKind::Linear,
            KindChoice::Logistic { .. } => ModelKind::Logistic,
            KindChoice::Knn { .. } => ModelKind::Knn,
            KindChoice::Tree { .. } => ModelKind::Tree,
            KindChoice::Forest { .. } => ModelKind::Forest,
            KindChoice::Svm { .. } => ModelKind::Svm,
        }
    }

    /// The core parameters for `task` (the defaults of the kind with the chosen values).
    fn params(self, task: Task, seed: u64) -> ModelParams {
        let mut params = ModelParams::defaults(self.kind(), task, seed);
        match (&mut params, self) {
            (ModelParams::Linear(p), KindChoice::Linear { alpha }) => {
                *p = LinearRegressionParams {
                    ridge_alpha: alpha,
                    ..p.clone()
                }
            }
            (ModelParams::Logistic(p), KindChoice::Logistic { c }) => {
                *p = LogisticRegressionParams { c, ..p.clone() }
            }
            (
                ModelParams::Knn(p),
                KindChoice::Knn {
                    k,
                    weights,
                    distance,
                },
            ) => {
                *p = KnnParams {
                    k,
                    weights,
                    distance,
                }
            }
            (
                ModelParams::Tree(p),
                KindChoice::Tree {
                    criterion,
                    max_depth,
                    min_samples_split,
                    min_samples_leaf,
                },
            ) => {
                *p = TreeParams {
                    criterion: pick_criterion(task, criterion, p.criterion),
                    max_depth,
                    min_samples_split,
                    min_samples_leaf,
                    ..p.clone()
                }
            }
            (
                ModelParams::Forest(p),
                KindChoice::Forest {
                    n_trees,
                    max_depth,
                    max_features,
                },
            ) => {
                *p = ForestParams {
                    n_trees,
                    tree: TreeParams {
                        max_depth,
                        max_features: max_features.unwrap_or(p.tree.max_features),
                        ..p.tree.clone()
                    },
                    ..p.clone()
                }
            }
            (ModelParams::Svm(p), KindChoice::Svm { c }) => *p = SvmParams { c, ..p.clone() },
            _ => {}
        }
        params
    }

    /// A small grid around this model's main parameter, each with a label: k 1..=15 for
    /// KNN, depth 2..=10 for a tree, the number of trees for a forest, C or alpha on a
    /// log scale for the linear models.
    fn grid(self) -> Vec<(String, KindChoice)> {
        const PENALTIES: [f64; 5] = [0.01, 0.1, 1.0, 10.0, 100.0];
        match self {
            KindChoice::Linear { .. } => [0.0, 0.1, 1.0, 10.0, 100.0]
                .into_iter()
                .map(|alpha| (format!("alpha = {alpha}"), KindChoice::Linear { alpha }))
                .collect(),
            KindChoice::Logistic { .. } => PENALTIES
                .into_iter()
                .map(|c| (format!("C = {c}"), KindChoice::Logistic { c }))
                .collect(),
            KindChoice::Svm { .. } => PENALTIES
                .into_iter()
                .map(|c| (format!("C = {c}"), KindChoice::Svm { c }))
                .collect(),
            KindChoice::Knn {
                weights, distance, ..
            } => (1..=15)
                .map(|k| {
                    (
                        format!("k = {k}"),
                        KindChoice::Knn {
                            k,
                            weights,
                            distance,
                        },
                    )
                })
                .collect(),
            KindChoice::Tree {
                criterion,
                min_samples_split,
                min_samples_leaf,
                ..
            } => (2..=10)
                .map(|d| {
                    (
                        format!("max_depth = {d}"),
                        KindChoice::Tree {
                            criterion,
                            max_depth: Some(d),
                            min_samples_split,
                            min_samples_leaf,
                        },
                    )
                })
                .collect(),
            KindChoice::Forest {
                max_depth,
                max_features,
                ..
            } => [10, 25, 50, 100]
                .into_iter()
                .map(|n_trees| {
                    (
                        format!("n_trees = {n_trees}"),
                        KindChoice::Forest {
                            n_trees,
                            max_depth,
                            max_features,
                        },
                    )
                })
                .collect(),
        }
    }
}

/// Gini and entropy only apply to classes; a regression tree keeps its squared error.
fn pick_criterion(task: Task, chosen: Criterion, default: Criterion) -> Criterion {
    match (task, chosen) {
        (Task::Classification, Criterion::Gini | Criterion::Entropy) => chosen,
        _ => default,
    }
}

/// A training request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainRequest {
    /// The column to predict.
    pub target: String,
    /// Feature columns (empty: every usable column).
    pub features: Vec<String>,
    /// Regression or classification (`None`: follow the target's type).
    pub task: Option<Task>,
    /// The model and its settings.
    pub model: KindChoice,
    /// Share of rows held out; 0 fits on every row and scores in-sample.
    pub test_size: f64,
    /// Seed of the split and of random models.
    pub seed: u64,
    /// Keep class shares equal in both parts (classification).
    pub stratify: bool,
    /// How missing feature values are filled.
    pub impute: ImputeStrategy,
}

impl TrainRequest {
    fn features(&self) -> Option<Vec<String>> {
        (!self.features.is_empty()).then(|| self.features.clone())
    }

    /// Core's options for this request on `table`.
    fn options(&self, table: &Table) -> Result<TrainOptions, Error> {
        let plan = plan_features(table, &self.target, self.features().as_deref(), self.task)?;
        let mut options = TrainOptions::new(&self.target, self.model.kind());
        options.features = self.features();
        options.task = Some(plan.task);
        options.params = Some(self.model.params(plan.task, self.seed));
        options.test_size = self.test_size;
        options.seed = self.seed;
        options.stratify = self.stratify;
        options.impute = self.impute;
        Ok(options)
    }
}

thread_local! {
    /// The last model trained in this worker and its request, kept for
    /// [`ModelJob::SaveModel`].
    static LAST_MODEL: RefCell<Option<(TrainRequest, TrainedModel)>> = const { RefCell::new(None) };
}

/// One node of a decision tree, for the diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeView {
    /// Split feature name (`None`: a leaf).
    pub feature: Option<String>,
    /// Go left when the value is `<=` this.
    pub threshold: f64,
    /// Left child index.
    pub left: Option<usize>,
    /// Right child index.
    pub right: Option<usize>,
    /// Training rows reaching the node.
    pub samples: usize,
    /// Impurity (Gini or variance).
    pub impurity: f64,
    /// Predicted class label or value.
    pub prediction: String,
    /// Class shares at the node, in the order of `ModelView::classes` (classification;
    /// empty for regression).
    pub class_mix: Vec<f64>,
    /// Index of the majority class (classification; 0 for regression).
    pub majority: usize,
}

/// One held-out row's prediction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictionRow {
    /// Data row number in the file, from 1.
    pub row: usize,
    /// The true value.
    pub actual: String,
    /// The prediction.
    pub predicted: String,
    /// Probability of the positive class (binary) or of the predicted class.
    pub probability: Option<f64>,
}

/// What a trained model looks like on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelView {
    /// Regression or classification.
    pub task: Task,
    /// The model kind.
    pub kind: ModelKind,
    /// The target.
    pub target: String,
    /// Encoded feature names (one-hot columns expanded).
    pub features: Vec<String>,
    /// Columns left out, with the reason in both languages `(column, zh, en)`.
    pub dropped: Vec<(String, String, String)>,
    /// Rows fitted on.
    pub n_train: usize,
    /// Rows evaluated on.
    pub n_test: usize,
    /// Whether the metrics are in-sample (test size 0).
    pub in_sample: bool,
    /// Metrics `(key, value)`: accuracy, precision, recall, f1, roc_auc, log_loss or r2,
    /// adjusted_r2, rmse, mae, mape.
    pub metrics: Vec<(String, f64)>,
    /// Coefficients (linear models) per feature.
    pub coefficients: Option<Vec<f64>>,
    /// Intercept (linear models).
    pub intercept: Option<f64>,
    /// Whether the coefficients are on standardised features.
    pub standardized: bool,
    /// Impurity importances (trees).
    pub importances: Option<Vec<f64>>,
    /// Class labels (classification).
    pub classes: Vec<String>,
    /// Confusion matrix (rows: truth, columns: prediction).
    pub confusion: Option<Vec<Vec<usize>>>,
    /// ROC points `(fpr, tpr)` (binary).
    pub roc: Option<Vec<(f64, f64)>>,
    /// Held-out `(actual, predicted)` pairs (regression).
    pub scatter: Vec<(f64, f64)>,
    /// The tree's nodes (decision tree), root first.
    pub tree: Option<Vec<NodeView>>,
    /// The first [`FOREST_TREES_SHOWN`] trees of a random forest, each root first.
    pub forest_trees: Vec<Vec<NodeView>>,
    /// Raw values of the numeric feature columns on the rows of `scatter`, in the same
    /// order (regression; `None`: missing cell), for the feature-vs-target chart.
    pub feature_values: Vec<(String, Vec<Option<f64>>)>,
    /// Held-out predictions.
    pub predictions: Vec<PredictionRow>,
    /// Milliseconds fitting the model alone.
    pub fit_ms: f64,
    /// Milliseconds for the whole job.
    pub total_ms: f64,
}

/// The default feature plan for a target (see [`ModelJob::Plan`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    /// The target.
    pub target: String,
    /// The task the target's type suggests.
    pub task: Task,
    /// Columns usable as features, in table order.
    pub usable: Vec<String>,
    /// Columns left out, with the reason in both languages `(column, zh, en)`.
    pub dropped: Vec<(String, String, String)>,
}

/// Cross-validation scores (see [`ModelJob::Compare`] and [`ModelJob::Grid`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvView {
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
    /// Milliseconds for all its folds.
    pub ms: f64,
}

/// What comes back from a [`ModelJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelOutput {
    /// A trained model.
    Trained(Box<ModelView>),
    /// A target's feature plan.
    Plan(PlanView),
    /// Every kind cross-validated.
    Compared(CvView),
    /// A grid cross-validated.
    Grid(CvView),
    /// The last model as JSON.
    ModelJson(String),
    /// Predictions of a saved model for the loaded table, as CSV (BOM, formula guard).
    Predicted {
        /// The CSV text.
        csv: String,
        /// Rows scored.
        rows: usize,
    },
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: ModelJob) -> Result<Output, WireError> {
    let output = match job {
        ModelJob::Train(request) => {
            let view = with_table(|table| train(id, table, &request).map_err(wire))?;
            ModelOutput::Trained(Box::new(view))
        }
        ModelJob::Plan { target } => with_table(|table| plan(table, &target).map_err(wire))?,
        ModelJob::Compare { request, folds } => {
            let candidates: Vec<(ModelKind, String, KindChoice)> = with_table(|table| {
                let task = request.options(table).map_err(wire)?.task;
                Ok(ModelKind::ALL
                    .into_iter()
                    .filter(|k| task.is_some_and(|t| k.supports(t)))
                    .map(|k| (k, String::new(), default_choice(k)))
                    .collect())
            })?;
            let view = with_table(|table| {
                cross_validate(id, table, &request, folds, &candidates).map_err(wire)
            })?;
            ModelOutput::Compared(view)
        }
        ModelJob::Grid { request, folds } => {
            let kind = request.model.kind();
            let candidates: Vec<(ModelKind, String, KindChoice)> = request
                .model
                .grid()
                .into_iter()
                .map(|(label, choice)| (kind, label, choice))
                .collect();
            let view = with_table(|table| {
                cross_validate(id, table, &request, folds, &candidates).map_err(wire)
            })?;
            ModelOutput::Grid(view)
        }
        ModelJob::SaveModel { request } => {
            let trained = LAST_MODEL.with(|slot| {
                slot.borrow()
                    .as_ref()
                    .is_some_and(|(from, _)| *from == request)
            });
            if !trained {
                with_table(|table| train(id, table, &request).map_err(wire))?;
            }
            let json = LAST_MODEL.with(|slot| match slot.borrow().as_ref() {
                Some((_, model)) => model_json::to_json(model).map_err(wire),
                None => Err(wire(Error::not_enough("trained models", 1, 0))),
            })?;
            ModelOutput::ModelJson(json)
        }
        ModelJob::Predict { model_json } => {
            let model = model_json::from_json(&model_json).map_err(wire)?;
            with_table(|table| predict_csv(&model, table).map_err(wire))?
        }
    };
    Ok(Output::Models(output))
}

/// A kind with the page's default settings (the same as core's defaults).
pub fn default_choice(kind: ModelKind) -> KindChoice {
    match kind {
        ModelKind::Linear => KindChoice::Linear { alpha: 0.0 },
        ModelKind::Logistic => KindChoice::Logistic { c: 1.0 },
        ModelKind::Knn => KindChoice::Knn {
            k: 5,
            weights: Weights::Uniform,
            distance: Distance::Euclidean,
        },
        ModelKind::Tree => KindChoice::Tree {
            criterion: Criterion::Gini,
            max_depth: None,
            min_samples_split: 2,
            min_samples_leaf: 1,
        },
        ModelKind::Forest => KindChoice::Forest {
            n_trees: 100,
            max_depth: None,
            max_features: None,
        },
        ModelKind::Svm => KindChoice::Svm { c: 1.0 },
    }
}

fn plan(table: &Table, target: &str) -> Result<ModelOutput, Error> {
    let plan = plan_features(table, target, None, None)?;
    Ok(ModelOutput::Plan(PlanView {
        target: target.to_string(),
        task: plan.task,
        usable: plan.features.clone(),
        dropped: dropped(&plan),
    }))
}

/// Cross-validates each candidate with core's [`grid_search`] on the same folds (one
/// call per candidate, as the kinds differ in type). The encoding (one-hot, dates,
/// imputation) is fitted once on every row with a target; scaling, which the distance-
/// and penalty-based models need, is refitted inside each fold through core's
/// [`Pipeline`], so held-out rows never set the scale.
fn cross_validate(
    id: JobId,
    table: &Table,
    request: &TrainRequest,
    folds: usize,
    candidates: &[(ModelKind, String, KindChoice)],
) -> Result<CvView, Error> {
    let features = request.features();
    let plan = plan_features(table, &request.target, features.as_deref(), request.task)?;
    let targets = Targets::new(table, &request.target, plan.task)?;
    let encoder = FeatureEncoder::fit(table, &plan.features, &targets.rows, request.impute, false)?;
    let x = encoder.transform(table, Some(&targets.rows))?;
    let splits = match plan.task {
        Task::Classification => stratified_k_fold(&targets.classes, folds, request.seed)?,
        Task::Regression => k_fold(targets.rows.len(), folds, true, request.seed)?,
    };
    let n_classes = targets.classes.iter().max().map_or(0, |m| m + 1);
    let metric = match plan.task {
        Task::Classification => Metric::Accuracy,
        Task::Regression => Metric::R2,
    };
    let mut report = compute_progress(id);
    let total = (candidates.len() * splits.len()) as u64;
    let mut rows = Vec::with_capacity(candidates.len());
    for (i, (kind, label, choice)) in candidates.iter().enumerate() {
        let base = (i * splits.len()) as u64;
        let mut progress = |stage: &str, done: u64, _: u64| report(stage, base + done, total);
        let params = choice.params(plan.task, request.seed);
        let started = now_ms();
        let data = CvData {
            x: &x,
            folds: &splits,
            metric,
        };
        let score = match plan.task {
            Task::Classification => {
                data.classify(&params, &targets.classes, n_classes, &mut progress)?
            }
            Task::Regression => data.regress(&params, &targets.values, &mut progress)?,
        };
        rows.push(CvRow {
            kind: *kind,
            label: label.clone(),
            mean: score.mean,
            std: score.std,
            ms: now_ms() - started,
        });
    }
    let mut best = 0;
    for (i, row) in rows.iter().enumerate() {
        if row.mean > rows[best].mean {
            best = i;
        }
    }
    Ok(CvView {
        metric: metric.as_str().to_string(),
        folds: splits.len(),
        rows,
        best,
    })
}

/// The encoded rows, the folds and the score of one cross-validation.
struct CvData<'a> {
    x: &'a Matrix,
    folds: &'a [Split],
    metric: Metric,
}

impl CvData<'_> {
    fn classify(
        &self,
        params: &ModelParams,
        y: &[usize],
        n_classes: usize,
        progress: &mut dyn Progress,
    ) -> Result<CandidateScore, Error> {
        fn one<P>(
            data: &CvData,
            model: P,
            y: &[usize],
            n_classes: usize,
            progress: &mut dyn Progress,
        ) -> Result<CandidateScore, Error>
        where
            P: Fit<usize>,
            P::Model: Predict<usize> + PredictProba,
        {
            let scorer = classifier_scorer(data.metric, n_classes);
            let r = grid_search(
                &[model],
                data.x,
                y,
                data.folds,
                data.metric,
                scorer,
                progress,
            )?;
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
                "a classification model (logistic, knn, tree, forest, svm)",
            )),
        }
    }

    fn regress(
        &self,
        params: &ModelParams,
        y: &[f64],
        progress: &mut dyn Progress,
    ) -> Result<CandidateScore, Error> {
        fn one<P>(
            data: &CvData,
            model: P,
            y: &[f64],
            progress: &mut dyn Progress,
        ) -> Result<CandidateScore, Error>
        where
            P: Fit<f64>,
            P::Model: Predict<f64>,
        {
            let scorer = regressor_scorer(data.metric);
            let r = grid_search(
                &[model],
                data.x,
                y,
                data.folds,
                data.metric,
                scorer,
                progress,
            )?;
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
                "a regression model (linear, knn, tree, forest)",
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

/// Scores every row of `table` with `model`: `row,prediction[,probability_<class>...]`
/// through core's CSV writer (BOM, formula guard).
fn predict_csv(model: &TrainedModel, table: &Table) -> Result<ModelOutput, Error> {
    let predictions = model.predict_table(table)?;
    let mut header = vec!["row".to_string(), "prediction".to_string()];
    header.extend(
        predictions
            .classes
            .iter()
            .map(|c| format!("probability_{c}")),
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = predictions
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![export::csv_number_cell(Some((i + 1) as f64))];
            row.push(match &predictions.values {
                Some(values) => export::csv_number_cell(values.get(i).copied()),
                None => export::csv_text_cell(label),
            });
            if let Some(p) = &predictions.probabilities {
                row.extend(p.row(i).iter().map(|&v| export::csv_number_cell(Some(v))));
            }
            row
        })
        .collect();
    Ok(ModelOutput::Predicted {
        csv: export::write_csv(&header, &rows),
        rows: rows.len(),
    })
}

fn wire(error: Error) -> WireError {
    WireError::from(&error)
}

/// The worker's clock in seconds.
struct WorkerClock;

impl Clock for WorkerClock {
    fn now_seconds(&self) -> f64 {
        now_ms() / 1000.0
    }
}

fn train(id: JobId, table: &Table, request: &TrainRequest) -> Result<ModelView, Error> {
    let started = now_ms();
    let options = request.options(table)?;
    let mut progress = compute_progress(id);
    let report = train_with_clock(table, &options, &mut progress, &WorkerClock)?;
    LAST_MODEL.with(|slot| *slot.borrow_mut() = Some((request.clone(), report.model.clone())));
    let test_rows = &report.test_rows;
    let model = &report.model;
    let names = model.encoder.feature_names.clone();
    let mut metrics: Vec<(String, f64)> = Vec::new();
    for m in &report.metrics {
        metrics.push((m.metric.as_str().to_string(), m.value));
        if m.metric == Metric::R2 {
            if let Some(adj) = metrics::adjusted_r2(m.value, report.n_test, names.len()) {
                metrics.push(("adjusted_r2".into(), adj));
            }
        }
    }
    let all = model.predict_table(table)?;
    let target = table.column_by_name(&request.target)?;
    let predictions = prediction_rows(&all, target, test_rows);
    let scatter = report
        .test_values
        .as_ref()
        .map(|(t, p)| t.iter().copied().zip(p.iter().copied()).collect())
        .unwrap_or_default();
    let roc = report
        .roc_curve
        .as_ref()
        .map(|r| r.fpr.iter().copied().zip(r.tpr.iter().copied()).collect());
    let linear = model.model.linear_terms();
    Ok(ModelView {
        task: model.task,
        kind: model.kind,
        target: request.target.clone(),
        dropped: dropped(&report.plan),
        n_train: report.n_train,
        n_test: report.n_test,
        in_sample: report.in_sample,
        metrics,
        coefficients: linear.map(|(c, _)| c.to_vec()),
        intercept: linear.map(|(_, b)| b),
        standardized: model.kind.needs_scaling(),
        importances: model.model.feature_importances().map(<[f64]>::to_vec),
        classes: model.class_labels().to_vec(),
        confusion: report.confusion_matrix.clone(),
        roc,
        scatter,
        tree: tree_view(&model.model, &names, model.class_labels()),
        forest_trees: forest_view(&model.model, &names, model.class_labels()),
        feature_values: if model.task == Task::Regression {
            feature_values(table, &report.plan.features, test_rows)
        } else {
            Vec::new()
        },
        predictions,
        fit_ms: report.fit_seconds * 1000.0,
        total_ms: now_ms() - started,
        features: names,
    })
}

fn dropped(plan: &shoplens_core::learn::dataset::FeaturePlan) -> Vec<(String, String, String)> {
    plan.dropped
        .iter()
        .map(|d| {
            (
                d.column.clone(),
                d.reason.label(Lang::Zh).to_string(),
                d.reason.label(Lang::En).to_string(),
            )
        })
        .collect()
}

fn prediction_rows(
    all: &shoplens_core::learn::model::Predictions,
    target: &shoplens_core::table::Column,
    rows: &[usize],
) -> Vec<PredictionRow> {
    rows.iter()
        .map(|&r| PredictionRow {
            row: r + 1,
            actual: target.display(r),
            predicted: all.labels.get(r).cloned().unwrap_or_default(),
            probability: all.probabilities.as_ref().map(|p| {
                let row = p.row(r);
                if row.len() == 2 {
                    row[1]
                } else {
                    row.iter().copied().fold(0.0, f64::max)
                }
            }),
        })
        .collect()
}

/// The raw values of the numeric columns among `features` on `rows` (in that order).
fn feature_values(
    table: &Table,
    features: &[String],
    rows: &[usize],
) -> Vec<(String, Vec<Option<f64>>)> {
    features
        .iter()
        .filter_map(|name| {
            let column = table.column_by_name(name).ok()?;
            column.dtype().is_numeric().then(|| {
                let values = rows
                    .iter()
                    .map(|&r| column.f64(r).filter(|v| v.is_finite()))
                    .collect();
                (name.clone(), values)
            })
        })
        .collect()
}

fn tree_view(model: &FittedModel, names: &[String], classes: &[String]) -> Option<Vec<NodeView>> {
    let FittedModel::Tree(tree) = model else {
        return None;
    };
    Some(nodes_view(tree, names, classes))
}

fn forest_view(model: &FittedModel, names: &[String], classes: &[String]) -> Vec<Vec<NodeView>> {
    let FittedModel::Forest(forest) = model else {
        return Vec::new();
    };
    forest
        .trees
        .iter()
        .take(FOREST_TREES_SHOWN)
        .map(|tree| nodes_view(tree, names, classes))
        .collect()
}

/// The nodes of `tree` as the diagram shows them.
fn nodes_view(
    tree: &shoplens_core::learn::tree::DecisionTree,
    names: &[String],
    classes: &[String],
) -> Vec<NodeView> {
    tree.nodes
        .iter()
        .map(|n| {
            let classification = !classes.is_empty();
            let majority = if classification {
                (0..n.value.len())
                    .max_by(|&a, &b| n.value[a].total_cmp(&n.value[b]))
                    .unwrap_or(0)
            } else {
                0
            };
            let prediction = if classification {
                classes.get(majority).cloned().unwrap_or_default()
            } else {
                n.value
                    .first()
                    .map(|v| format!("{v:.3}"))
                    .unwrap_or_default()
            };
            NodeView {
                feature: n.feature.and_then(|f| names.get(f).cloned()),
                // A JSON number: the page's reply is JSON, which has no NaN.
                threshold: if n.threshold.is_finite() {
                    n.threshold
                } else {
                    0.0
                },
                left: n.left,
                right: n.right,
                samples: n.samples,
                impurity: if n.impurity.is_finite() {
                    n.impurity
                } else {
                    0.0
                },
                prediction,
                class_mix: if classification {
                    n.class_fractions()
                } else {
                    Vec::new()
                },
                majority,
            }
        })
        .collect()
}
