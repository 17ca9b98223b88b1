//! The Models page's jobs, run in the worker: train one model on the loaded table with the
//! default preprocessing of `shoplens_core::learn` (as `shoplens fit` does, see
//! `crates/cli/src/cmd/fit.rs`) and shape what the page shows: held-out metrics,
//! coefficients, importances, the tree, the ROC curve and the held-out predictions.

use serde::{Deserialize, Serialize};
use shoplens_core::learn::dataset::{plan_features, FeatureEncoder, Targets, Task};
use shoplens_core::learn::linear::LogisticRegressionParams;
use shoplens_core::learn::metrics::{self, Metric};
use shoplens_core::learn::model::{FittedModel, ModelParams};
use shoplens_core::learn::neighbors::KnnParams;
use shoplens_core::learn::preprocess::ImputeStrategy;
use shoplens_core::learn::select::train_test_split;
use shoplens_core::learn::svm::SvmParams;
use shoplens_core::learn::tree::{ForestParams, TreeParams};
use shoplens_core::learn::{train_with_clock, ModelKind, TrainOptions};
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
}

/// The model kinds the page offers, with their main parameter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum KindChoice {
    /// Ordinary least squares (regression).
    Linear,
    /// Logistic regression with inverse regularisation `c`.
    Logistic {
        /// Inverse regularisation strength.
        c: f64,
    },
    /// k nearest neighbours.
    Knn {
        /// Neighbours.
        k: usize,
    },
    /// A decision tree of at most `max_depth` levels (`None`: unlimited).
    Tree {
        /// Depth limit.
        max_depth: Option<usize>,
    },
    /// A random forest.
    Forest {
        /// Trees.
        n_trees: usize,
        /// Depth limit of each tree.
        max_depth: Option<usize>,
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
            KindChoice::Linear => ModelKind::Linear,
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
            (ModelParams::Logistic(p), KindChoice::Logistic { c }) => {
                *p = LogisticRegressionParams { c, ..p.clone() }
            }
            (ModelParams::Knn(p), KindChoice::Knn { k }) => *p = KnnParams { k, ..p.clone() },
            (ModelParams::Tree(p), KindChoice::Tree { max_depth }) => {
                *p = TreeParams {
                    max_depth,
                    ..p.clone()
                }
            }
            (ModelParams::Forest(p), KindChoice::Forest { n_trees, max_depth }) => {
                *p = ForestParams {
                    n_trees,
                    tree: TreeParams {
                        max_depth,
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
}

/// A training request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainRequest {
    /// The column to predict.
    pub target: String,
    /// Feature columns (empty: every usable column).
    pub features: Vec<String>,
    /// The model and its main parameter.
    pub model: KindChoice,
    /// Share of rows held out; 0 fits on every row and scores in-sample.
    pub test_size: f64,
    /// Seed of the split and of random models.
    pub seed: u64,
    /// Keep class shares equal in both parts (classification).
    pub stratify: bool,
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

/// What comes back from a [`ModelJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelOutput {
    /// A trained model.
    Trained(Box<ModelView>),
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: ModelJob) -> Result<Output, WireError> {
    match job {
        ModelJob::Train(request) => {
            let view = with_table(|table| train(id, table, &request).map_err(wire))?;
            Ok(Output::Models(ModelOutput::Trained(Box::new(view))))
        }
    }
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
    let features = (!request.features.is_empty()).then(|| request.features.clone());
    let plan = plan_features(table, &request.target, features.as_deref(), None)?;
    let params = request.model.params(plan.task, request.seed);
    let mut progress = compute_progress(id);
    if request.test_size <= 0.0 {
        return train_all_rows(table, request, plan, params, started, &mut progress);
    }
    let mut options = TrainOptions::new(&request.target, request.model.kind());
    options.features = features;
    options.params = Some(params);
    options.test_size = request.test_size;
    options.seed = request.seed;
    options.stratify = request.stratify;
    let report = train_with_clock(table, &options, &mut progress, &WorkerClock)?;
    // The same split again, to name the held-out rows.
    let targets = Targets::new(table, &request.target, report.model.task)?;
    let stratify = (request.stratify && report.model.task == Task::Classification)
        .then_some(targets.classes.as_slice());
    let split = train_test_split(
        targets.rows.len(),
        request.test_size,
        request.seed,
        stratify,
    )?;
    let test_rows: Vec<usize> = split.test.iter().map(|&i| targets.rows[i]).collect();
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
    let predictions = prediction_rows(&all, target, &test_rows);
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
        in_sample: false,
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
            feature_values(table, &report.plan.features, &test_rows)
        } else {
            Vec::new()
        },
        predictions,
        fit_ms: report.fit_seconds * 1000.0,
        total_ms: now_ms() - started,
        features: names,
    })
}

/// Fits on every row with a target and scores the same rows (regression and
/// classification), as the reference fits of `testdata/fixtures` do.
fn train_all_rows(
    table: &Table,
    request: &TrainRequest,
    plan: shoplens_core::learn::dataset::FeaturePlan,
    params: ModelParams,
    started: f64,
    progress: &mut dyn shoplens_core::progress::Progress,
) -> Result<ModelView, Error> {
    let kind = params.kind();
    if !kind.supports(plan.task) {
        return Err(Error::invalid_parameter(
            "model",
            kind.as_str(),
            plan.task.as_str(),
        ));
    }
    let targets = Targets::new(table, &request.target, plan.task)?;
    let encoder = FeatureEncoder::fit(
        table,
        &plan.features,
        &targets.rows,
        ImputeStrategy::Mean,
        kind.needs_scaling(),
    )?;
    let x = encoder.transform(table, Some(&targets.rows))?;
    let names = encoder.feature_names.clone();
    let target = table.column_by_name(&request.target)?;
    let mut metrics_out = Vec::new();
    let fit_started = now_ms();
    let (model, classes, confusion, roc, scatter, predictions);
    match plan.task {
        Task::Regression => {
            model = params.fit_regressor(&x, &targets.values, progress)?;
            let pred = model.regress(&x)?;
            for m in [Metric::R2, Metric::Rmse, Metric::Mae, Metric::Mape] {
                let value = m.regression(&targets.values, &pred)?;
                metrics_out.push((m.as_str().to_string(), value));
                if m == Metric::R2 {
                    if let Some(adj) = metrics::adjusted_r2(value, pred.len(), names.len()) {
                        metrics_out.push(("adjusted_r2".into(), adj));
                    }
                }
            }
            classes = Vec::new();
            confusion = None;
            roc = None;
            scatter = targets
                .values
                .iter()
                .copied()
                .zip(pred.iter().copied())
                .collect();
            predictions = targets
                .rows
                .iter()
                .zip(&pred)
                .map(|(&r, p)| PredictionRow {
                    row: r + 1,
                    actual: target.display(r),
                    predicted: p.to_string(),
                    probability: None,
                })
                .collect();
        }
        Task::Classification => {
            model = params.fit_classifier(&x, &targets.classes, progress)?;
            let (pred, proba) = model.classify(&x)?;
            let n = proba.n_cols();
            for m in [
                Metric::Accuracy,
                Metric::Precision,
                Metric::Recall,
                Metric::F1,
                Metric::RocAuc,
                Metric::LogLoss,
            ] {
                if let Ok(v) = m.classification(&targets.classes, &pred, Some(&proba), n) {
                    metrics_out.push((m.as_str().to_string(), v));
                }
            }
            let labels = match &targets.encoding {
                shoplens_core::learn::dataset::TargetEncoding::Classes { labels } => labels.clone(),
                _ => Vec::new(),
            };
            confusion = Some(metrics::confusion_matrix(&targets.classes, &pred, n)?);
            roc = if n == 2 {
                metrics::roc_curve(&targets.classes, &proba.column(1))
                    .ok()
                    .map(|r| r.fpr.into_iter().zip(r.tpr).collect())
            } else {
                None
            };
            scatter = Vec::new();
            predictions = targets
                .rows
                .iter()
                .enumerate()
                .map(|(i, &r)| PredictionRow {
                    row: r + 1,
                    actual: target.display(r),
                    predicted: labels.get(pred[i]).cloned().unwrap_or_default(),
                    probability: Some(if n == 2 {
                        proba.row(i)[1]
                    } else {
                        proba.row(i)[pred[i]]
                    }),
                })
                .collect();
            classes = labels;
        }
    }
    let fit_ms = now_ms() - fit_started;
    let linear = model.linear_terms();
    Ok(ModelView {
        task: plan.task,
        kind,
        target: request.target.clone(),
        dropped: dropped(&plan),
        n_train: targets.rows.len(),
        n_test: targets.rows.len(),
        in_sample: true,
        metrics: metrics_out,
        coefficients: linear.map(|(c, _)| c.to_vec()),
        intercept: linear.map(|(_, b)| b),
        standardized: kind.needs_scaling(),
        importances: model.feature_importances().map(<[f64]>::to_vec),
        tree: tree_view(&model, &names, &classes),
        forest_trees: forest_view(&model, &names, &classes),
        feature_values: if plan.task == Task::Regression {
            feature_values(table, &plan.features, &targets.rows)
        } else {
            Vec::new()
        },
        classes,
        confusion,
        roc,
        scatter,
        predictions,
        fit_ms,
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
