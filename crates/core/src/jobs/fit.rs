//! Train one model on a table with the default preprocessing and evaluate it on held-out
//! rows (or in-sample, plainly labelled, when the test size is 0): the Models tab's
//! "Train" and `shoplens fit`.

use super::defaults::{default_model, model_for_task, ModelData};
use crate::learn::dataset::{DroppedColumn, FeaturePlan, Task};
use crate::learn::metrics::{self, Metric};
use crate::learn::model::{FittedModel, Predictions};
use crate::learn::tree::DecisionTree;
use crate::learn::{train_with_clock, ModelKind, ModelParams, TrainOptions, TrainedModel};
use crate::progress::Progress;
use crate::rt::Clock;
use crate::table::{Column, Table};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// Nodes of a tree sent for drawing at most (deeper nodes are cut off in the diagram).
pub const TREE_NODES_SHOWN: usize = 63;

/// Trees of a forest sent for drawing (the first ones).
pub const FOREST_TREES_SHOWN: usize = 10;

/// Train and evaluate one model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FitJob {
    /// Target, features, task, seed, imputation.
    #[serde(flatten)]
    pub data: ModelData,
    /// The model and its settings; `None`: logistic regression for classes, linear
    /// regression for numbers.
    pub model: Option<ModelParams>,
    /// Share of rows held out, in (0, 1); 0 fits on every row and scores in-sample.
    /// Default 0.2.
    pub test_size: f64,
    /// Keep class shares equal in both parts; `None`: yes for classification.
    pub stratify: Option<bool>,
}

impl Default for FitJob {
    fn default() -> Self {
        FitJob {
            data: ModelData::default(),
            model: None,
            test_size: 0.2,
            stratify: None,
        }
    }
}

/// A [`FitJob`] checked against its table, ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFit {
    /// The spec with every default written in.
    pub spec: FitJob,
    /// The feature plan (columns used, left out and why).
    pub plan: FeaturePlan,
    /// What core's trainer gets.
    pub options: TrainOptions,
}

impl FitJob {
    /// Checks the spec against `table`: the target and feature columns exist, the model can
    /// do the task, the test size is 0 or in (0, 1).
    pub fn check(&self, table: &Table) -> Result<CheckedFit> {
        let (data, plan) = self.data.check(table)?;
        let task = plan.task;
        let model = model_for_task(
            self.model
                .clone()
                .unwrap_or_else(|| default_model(task, data.seed)),
            task,
            data.seed,
        )?;
        let in_range = self.test_size == 0.0 || (self.test_size > 0.0 && self.test_size < 1.0);
        if !in_range {
            return Err(Error::invalid_parameter(
                "test_size",
                self.test_size,
                crate::Allowed::ZeroOrOpenUnit,
            ));
        }
        let stratify =
            self.stratify.unwrap_or(task == Task::Classification) && task == Task::Classification;
        let mut options = TrainOptions::new(&data.target, model.kind());
        options.features = Some(plan.features.clone());
        options.task = Some(task);
        options.params = Some(model.clone());
        options.test_size = self.test_size;
        options.seed = data.seed;
        options.stratify = stratify;
        options.impute = data.impute;
        Ok(CheckedFit {
            spec: FitJob {
                data,
                model: Some(model),
                test_size: self.test_size,
                stratify: Some(stratify),
            },
            plan,
            options,
        })
    }
}

/// One node of a decision tree, for a diagram.
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
    /// Class shares at the node, in the order of [`FitOutput::classes`] (classification;
    /// empty for regression).
    pub class_mix: Vec<f64>,
    /// Index of the majority class (classification; 0 for regression).
    pub majority: usize,
}

/// One evaluated row's prediction.
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

/// A trained model's evaluation, as every front shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FitOutput {
    /// Regression or classification.
    pub task: Task,
    /// The model kind.
    pub kind: ModelKind,
    /// The target.
    pub target: String,
    /// Encoded feature names (one-hot columns expanded).
    pub features: Vec<String>,
    /// Columns left out, with the reason.
    pub dropped: Vec<DroppedColumn>,
    /// Rows fitted on.
    pub n_train: usize,
    /// Rows evaluated on.
    pub n_test: usize,
    /// Whether the metrics are in-sample (test size 0): scores on the rows fitted on.
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
    /// Class labels (classification), as written in the file.
    pub classes: Vec<String>,
    /// Confusion matrix (rows: truth, columns: prediction).
    pub confusion: Option<Vec<Vec<usize>>>,
    /// ROC points `(fpr, tpr)` (binary).
    pub roc: Option<Vec<(f64, f64)>>,
    /// Evaluated `(actual, predicted)` pairs (regression).
    pub scatter: Vec<(f64, f64)>,
    /// The tree's nodes (decision tree), root first.
    pub tree: Option<Vec<NodeView>>,
    /// The first [`FOREST_TREES_SHOWN`] trees of a random forest, each root first.
    pub forest_trees: Vec<Vec<NodeView>>,
    /// Raw values of the numeric feature columns on the rows of `scatter`, in the same
    /// order (regression; `None`: missing cell), for a feature-vs-target chart.
    pub feature_values: Vec<(String, Vec<Option<f64>>)>,
    /// Evaluated rows' predictions.
    pub predictions: Vec<PredictionRow>,
    /// Milliseconds fitting the model alone, by the front's clock.
    pub fit_ms: f64,
    /// Milliseconds for the whole job, by the front's clock.
    pub total_ms: f64,
}

/// A trained model and its evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The model, ready to save or to score other tables.
    pub model: TrainedModel,
    /// Its evaluation.
    pub output: FitOutput,
}

/// Trains and evaluates the checked job on `table`.
pub fn run(
    job: &CheckedFit,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<Fitted> {
    let started = clock.now_seconds();
    let report = train_with_clock(table, &job.options, progress, clock)?;
    let model = report.model;
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
    let target = table.column_by_name(&job.spec.data.target)?;
    let test_rows = &report.test_rows;
    let linear = model.model.linear_terms();
    let output = FitOutput {
        task: model.task,
        kind: model.kind,
        target: job.spec.data.target.clone(),
        dropped: job.plan.dropped.clone(),
        n_train: report.n_train,
        n_test: report.n_test,
        in_sample: report.in_sample,
        metrics,
        coefficients: linear.map(|(c, _)| c.to_vec()),
        intercept: linear.map(|(_, b)| b),
        standardized: model.kind.needs_scaling(),
        importances: model.model.feature_importances().map(<[f64]>::to_vec),
        classes: model.class_labels().to_vec(),
        confusion: report.confusion_matrix,
        roc: report
            .roc_curve
            .map(|r| r.fpr.into_iter().zip(r.tpr).collect()),
        scatter: report
            .test_values
            .map(|(t, p)| t.into_iter().zip(p).collect())
            .unwrap_or_default(),
        tree: tree_view(&model.model, &names, model.class_labels()),
        forest_trees: forest_view(&model.model, &names, model.class_labels()),
        feature_values: if model.task == Task::Regression {
            feature_values(table, &job.plan.features, test_rows)
        } else {
            Vec::new()
        },
        predictions: prediction_rows(&all, target, test_rows),
        fit_ms: report.fit_seconds * 1000.0,
        total_ms: (clock.now_seconds() - started) * 1000.0,
        features: names,
    };
    Ok(Fitted { model, output })
}

/// The default feature plan for a target: usable columns, the ones left out and why, and
/// the task the target suggests. Cheap (no fitting).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    /// The target.
    pub target: String,
    /// The task the target's type suggests.
    pub task: Task,
    /// Columns usable as features, in table order.
    pub usable: Vec<String>,
    /// Columns left out, with the reason.
    pub dropped: Vec<DroppedColumn>,
    /// The model a job on this target trains by default.
    pub default_model: ModelKind,
}

/// The default plan for predicting `target` on `table` (see [`PlanView`]).
pub fn plan(table: &Table, target: &str) -> Result<PlanView> {
    let data = ModelData {
        target: target.to_string(),
        ..ModelData::default()
    };
    let (data, plan) = data.check(table)?;
    Ok(PlanView {
        target: data.target,
        task: plan.task,
        usable: plan.features,
        dropped: plan.dropped,
        default_model: default_model(plan.task, data.seed).kind(),
    })
}

fn prediction_rows(all: &Predictions, target: &Column, rows: &[usize]) -> Vec<PredictionRow> {
    rows.iter()
        .map(|&r| PredictionRow {
            row: r + 1,
            actual: target
                .raw(r)
                .map_or_else(|| target.display(r), |t| t.trim().to_string()),
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

/// The nodes of `tree` as a diagram shows them.
pub fn nodes_view(tree: &DecisionTree, names: &[String], classes: &[String]) -> Vec<NodeView> {
    // JSON has no NaN: a leaf's threshold and an undefined impurity travel as 0.
    let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
    let classification = !classes.is_empty();
    tree.nodes
        .iter()
        .map(|n| {
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
                threshold: finite(n.threshold),
                left: n.left,
                right: n.right,
                samples: n.samples,
                impurity: finite(n.impurity),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    /// A churn-like table with a row-number column, an id column and a Yes/No target.
    fn churn_table() -> Table {
        let mut csv = String::from("rownames,customerID,plan,tenure,monthly,Churn\n");
        for i in 0..80 {
            let plan = ["basic", "pro", "team"][i % 3];
            let tenure = (i * 7) % 40;
            let churn = if tenure < 12 && plan != "team" {
                "Yes"
            } else {
                "No"
            };
            csv.push_str(&format!(
                "{},C{i:04},{plan},{tenure},{}.5,{churn}\n",
                i + 1,
                20 + i % 9
            ));
        }
        read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap()
    }

    /// A Yes/No target with no model named trains a stratified logistic regression, and
    /// neither the row numbers nor the customer ids are features.
    #[test]
    fn yes_no_target_defaults_to_stratified_logistic_without_identifiers() {
        let table = churn_table();
        let job: FitJob = serde_json::from_str(r#"{"target": "Churn"}"#).unwrap();
        let checked = job.check(&table).unwrap();
        assert_eq!(checked.spec.data.task, Some(Task::Classification));
        assert_eq!(
            checked.spec.model.as_ref().map(ModelParams::kind),
            Some(ModelKind::Logistic)
        );
        assert_eq!(checked.spec.stratify, Some(true));
        assert_eq!(checked.spec.data.features, ["plan", "tenure", "monthly"]);
        let dropped: Vec<&str> = checked
            .plan
            .dropped
            .iter()
            .map(|d| d.column.as_str())
            .collect();
        assert_eq!(dropped, ["rownames", "customerID"]);
        let fitted = run(&checked, &table, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(fitted.output.classes, ["No", "Yes"]);
        assert_eq!(fitted.output.n_train + fitted.output.n_test, 80);
        assert!(!fitted.output.in_sample);
    }

    /// The spec with its defaults written in reruns to the same numbers, through JSON.
    #[test]
    fn saved_spec_reruns_to_the_same_metrics() {
        let table = churn_table();
        let job = FitJob {
            data: ModelData {
                target: "Churn".into(),
                exclude: vec!["monthly".into()],
                ..ModelData::default()
            },
            model: Some(ModelParams::defaults(
                ModelKind::Tree,
                Task::Classification,
                1,
            )),
            ..FitJob::default()
        };
        let checked = job.check(&table).unwrap();
        assert_eq!(checked.spec.data.features, ["plan", "tenure"]);
        let first = run(&checked, &table, &mut Silent, &FrozenClock).unwrap();
        let text = serde_json::to_string(&checked.spec).unwrap();
        let again: FitJob = serde_json::from_str(&text).unwrap();
        let second = run(
            &again.check(&table).unwrap(),
            &table,
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert_eq!(first.output.metrics, second.output.metrics);
        assert_eq!(first.output.n_test, second.output.n_test);
    }

    #[test]
    fn refuses_a_regression_model_for_classes_and_a_bad_test_size() {
        let table = churn_table();
        let mut job = FitJob {
            data: ModelData {
                target: "Churn".into(),
                ..ModelData::default()
            },
            model: Some(ModelParams::defaults(
                ModelKind::Linear,
                Task::Regression,
                1,
            )),
            ..FitJob::default()
        };
        assert!(job.check(&table).is_err());
        job.model = None;
        job.test_size = 1.0;
        assert!(job.check(&table).is_err());
        job.test_size = 0.0;
        let fitted = run(
            &job.check(&table).unwrap(),
            &table,
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert!(fitted.output.in_sample);
        assert_eq!(fitted.output.n_test, 80);
    }
}
