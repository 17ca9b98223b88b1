//! What the model jobs share: the data settings (target, features, task, seed, imputation)
//! and the defaults decided from the table when a setting is left out.
//!
//! Identifiers never become features: a column whose role is identifier, an integer column
//! counting the rows, or a text column with a different value in every row is left out (see
//! [`crate::learn::dataset::default_drop_reason`]). A text or yes/no target, or a whole
//! number with few values, is a class to predict: it gets a logistic regression and a
//! stratified split; other numbers get a linear regression.

use crate::learn::dataset::{plan_features, FeaturePlan, Task};
use crate::learn::preprocess::ImputeStrategy;
use crate::learn::{ModelKind, ModelParams};
use crate::table::{Role, Table};
use crate::{Allowed, ColumnFor, Error, Family, Result};
use serde::{Deserialize, Serialize};

/// The data settings of a model job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ModelData {
    /// The column to predict; empty: the column whose role is target.
    pub target: String,
    /// Feature columns; empty: every usable column.
    pub features: Vec<String>,
    /// Columns never used as features.
    pub exclude: Vec<String>,
    /// Regression or classification; `None`: follow the target's type.
    pub task: Option<Task>,
    /// Seed of the split, the folds and random models. Default 42.
    pub seed: u64,
    /// How missing feature values are filled. Default the training mean.
    pub impute: ImputeStrategy,
}

impl Default for ModelData {
    fn default() -> Self {
        ModelData {
            target: String::new(),
            features: Vec::new(),
            exclude: Vec::new(),
            task: None,
            seed: crate::rt::DEFAULT_SEED,
            impute: ImputeStrategy::Mean,
        }
    }
}

impl ModelData {
    /// Checks the settings against `table` and plans the features. Returns the settings
    /// with the target, task and features written in, and the plan (with the columns left
    /// out and why).
    pub fn check(&self, table: &Table) -> Result<(ModelData, FeaturePlan)> {
        let target = if self.target.trim().is_empty() {
            suggested_target(table).ok_or_else(|| {
                Error::invalid_parameter("target", "", Allowed::Column(ColumnFor::Target))
            })?
        } else {
            self.target.clone()
        };
        let features = (!self.features.is_empty()).then_some(self.features.as_slice());
        let plan = plan_features(table, &target, features, &self.exclude, self.task)?;
        let filled = ModelData {
            target,
            features: plan.features.clone(),
            exclude: self.exclude.clone(),
            task: Some(plan.task),
            seed: self.seed,
            impute: self.impute,
        };
        Ok((filled, plan))
    }
}

/// The column marked as target, if exactly one is.
fn suggested_target(table: &Table) -> Option<String> {
    let mut marked = table.columns().iter().filter(|c| c.role() == Role::Target);
    match (marked.next(), marked.next()) {
        (Some(c), None) => Some(c.name().to_string()),
        _ => None,
    }
}

/// The model a job trains when it names none: logistic regression for classes, linear
/// regression for numbers.
pub fn default_model(task: Task, seed: u64) -> ModelParams {
    let kind = match task {
        Task::Classification => ModelKind::Logistic,
        Task::Regression => ModelKind::Linear,
    };
    ModelParams::defaults(kind, task, seed)
}

/// `params` fit for `task`, or an error when its kind cannot do the task.
pub(crate) fn model_for_task(params: ModelParams, task: Task, seed: u64) -> Result<ModelParams> {
    let params = params.for_task(task, seed);
    if !params.kind().supports(task) {
        let expected = match task {
            Task::Regression => {
                Allowed::Regression(Family::models(&["linear", "knn", "tree", "forest"]))
            }
            Task::Classification => Allowed::Classification(Family::models(&[
                "logistic", "knn", "tree", "forest", "svm",
            ])),
        };
        return Err(Error::invalid_parameter(
            "model",
            params.kind().as_str(),
            expected,
        ));
    }
    Ok(params)
}
