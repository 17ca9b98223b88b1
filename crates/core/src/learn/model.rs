//! One entry point for the app and the CLI: pick a model kind, train it on a table with
//! the default preprocessing, evaluate it on a held-out part, and keep everything needed
//! to score new tables ([`TrainedModel`], saved as JSON by [`super::model_json`]).

use super::dataset::{
    plan_features, DroppedColumn, FeatureEncoder, FeaturePlan, TargetEncoding, Targets, Task,
};
use super::linear::{
    LinearRegression, LinearRegressionParams, LogisticRegression, LogisticRegressionParams,
};
use super::metrics::{self, Metric, RocCurve};
use super::neighbors::{KnnClassifier, KnnParams, KnnRegressor};
use super::preprocess::ImputeStrategy;
use super::select::{train_test_split, Split};
use super::svm::{LinearSvm, SvmParams};
use super::tree::{Criterion, DecisionTree, ForestParams, MaxFeatures, RandomForest, TreeParams};
use super::{Fit, Matrix, Predict, PredictProba};
use crate::progress::Progress;
use crate::table::Table;
use crate::{Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// The families of models on offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// Linear regression (least squares, optional ridge).
    Linear,
    /// Logistic regression.
    Logistic,
    /// k-nearest neighbours.
    Knn,
    /// Decision tree.
    Tree,
    /// Random forest.
    Forest,
    /// Linear support vector machine.
    Svm,
}

impl ModelKind {
    /// Every kind, in menu order.
    pub const ALL: [ModelKind; 6] = [
        ModelKind::Linear,
        ModelKind::Logistic,
        ModelKind::Knn,
        ModelKind::Tree,
        ModelKind::Forest,
        ModelKind::Svm,
    ];

    /// The key used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ModelKind::Linear => "linear",
            ModelKind::Logistic => "logistic",
            ModelKind::Knn => "knn",
            ModelKind::Tree => "tree",
            ModelKind::Forest => "forest",
            ModelKind::Svm => "svm",
        }
    }

    /// The kind named by [`ModelKind::as_str`].
    pub fn parse(name: &str) -> Result<ModelKind> {
        ModelKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name)
            .ok_or_else(|| {
                Error::invalid_parameter(
                    "model",
                    name,
                    crate::Allowed::one_of(&["linear", "logistic", "knn", "tree", "forest", "svm"]),
                )
            })
    }

    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ModelKind::Linear => lang.pick("线性回归", "Linear regression"),
            ModelKind::Logistic => lang.pick("逻辑回归", "Logistic regression"),
            ModelKind::Knn => lang.pick("K 近邻", "k-nearest neighbours"),
            ModelKind::Tree => lang.pick("决策树", "Decision tree"),
            ModelKind::Forest => lang.pick("随机森林", "Random forest"),
            ModelKind::Svm => lang.pick("线性支持向量机", "Linear support vector machine"),
        }
    }

    /// Whether the kind can do `task`.
    pub fn supports(self, task: Task) -> bool {
        match self {
            ModelKind::Linear => task == Task::Regression,
            ModelKind::Logistic | ModelKind::Svm => task == Task::Classification,
            _ => true,
        }
    }

    /// Whether features are standardised first (distance- and penalty-based models).
    pub fn needs_scaling(self) -> bool {
        matches!(self, ModelKind::Logistic | ModelKind::Knn | ModelKind::Svm)
    }
}

/// Parameters of one model, of any kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModelParams {
    /// Linear regression.
    Linear(LinearRegressionParams),
    /// Logistic regression.
    Logistic(LogisticRegressionParams),
    /// KNN.
    Knn(KnnParams),
    /// Decision tree.
    Tree(TreeParams),
    /// Random forest.
    Forest(ForestParams),
    /// Linear SVM.
    Svm(SvmParams),
}

impl ModelParams {
    /// The defaults of `kind` for `task`, with `seed` where the model is random.
    pub fn defaults(kind: ModelKind, task: Task, seed: u64) -> ModelParams {
        match kind {
            ModelKind::Linear => ModelParams::Linear(LinearRegressionParams::new()),
            ModelKind::Logistic => ModelParams::Logistic(LogisticRegressionParams::new()),
            ModelKind::Knn => ModelParams::Knn(KnnParams::new()),
            ModelKind::Tree => ModelParams::Tree(
                match task {
                    Task::Classification => TreeParams::new(),
                    Task::Regression => TreeParams::regression(),
                }
                .seed(seed),
            ),
            ModelKind::Forest => ModelParams::Forest(
                match task {
                    Task::Classification => ForestParams::new(),
                    Task::Regression => ForestParams::regression(),
                }
                .seed(seed),
            ),
            ModelKind::Svm => ModelParams::Svm(SvmParams {
                seed,
                ..SvmParams::new()
            }),
        }
    }

    /// These parameters made fit for `task`, with `seed` where the model is random: the
    /// seed replaces the one inside, and a split criterion of the other task is replaced
    /// by this task's default (Gini for classes, squared error for numbers). A forest
    /// that still carries the classification defaults (Gini, √features per split) gets
    /// the regression defaults (squared error, every feature) for a regression task, so a
    /// job that names only `{"kind": "forest"}` trains what scikit-learn would.
    pub fn for_task(mut self, task: Task, seed: u64) -> ModelParams {
        fn fix(criterion: &mut Criterion, task: Task) -> bool {
            let wrong = match task {
                Task::Regression => *criterion != Criterion::SquaredError,
                Task::Classification => *criterion == Criterion::SquaredError,
            };
            if wrong {
                *criterion = match task {
                    Task::Regression => Criterion::SquaredError,
                    Task::Classification => Criterion::Gini,
                };
            }
            wrong
        }
        match &mut self {
            ModelParams::Tree(p) => {
                p.seed = seed;
                fix(&mut p.criterion, task);
            }
            ModelParams::Forest(p) => {
                p.tree.seed = seed;
                let classification_defaults = matches!(p.tree.max_features, MaxFeatures::Sqrt);
                if fix(&mut p.tree.criterion, task)
                    && task == Task::Regression
                    && classification_defaults
                {
                    p.tree.max_features = MaxFeatures::All;
                }
            }
            ModelParams::Svm(p) => p.seed = seed,
            ModelParams::Linear(_) | ModelParams::Logistic(_) | ModelParams::Knn(_) => {}
        }
        self
    }

    /// The kind of model.
    pub fn kind(&self) -> ModelKind {
        match self {
            ModelParams::Linear(_) => ModelKind::Linear,
            ModelParams::Logistic(_) => ModelKind::Logistic,
            ModelParams::Knn(_) => ModelKind::Knn,
            ModelParams::Tree(_) => ModelKind::Tree,
            ModelParams::Forest(_) => ModelKind::Forest,
            ModelParams::Svm(_) => ModelKind::Svm,
        }
    }

    /// Fits a classifier.
    pub fn fit_classifier(
        &self,
        x: &Matrix,
        y: &[usize],
        progress: &mut dyn Progress,
    ) -> Result<FittedModel> {
        Ok(match self {
            ModelParams::Logistic(p) => FittedModel::Logistic(p.fit_with(x, y, progress)?),
            ModelParams::Knn(p) => FittedModel::KnnClassifier(p.fit_with(x, y, progress)?),
            ModelParams::Tree(p) => FittedModel::Tree(p.fit_with(x, y, progress)?),
            ModelParams::Forest(p) => FittedModel::Forest(p.fit_with(x, y, progress)?),
            ModelParams::Svm(p) => FittedModel::Svm(p.fit_with(x, y, progress)?),
            ModelParams::Linear(_) => {
                return Err(unsupported(ModelKind::Linear, Task::Classification))
            }
        })
    }

    /// Fits a regressor.
    pub fn fit_regressor(
        &self,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn Progress,
    ) -> Result<FittedModel> {
        Ok(match self {
            ModelParams::Linear(p) => FittedModel::Linear(p.fit_with(x, y, progress)?),
            ModelParams::Knn(p) => FittedModel::KnnRegressor(p.fit_with(x, y, progress)?),
            ModelParams::Tree(p) => FittedModel::Tree(p.fit_with(x, y, progress)?),
            ModelParams::Forest(p) => FittedModel::Forest(p.fit_with(x, y, progress)?),
            other => return Err(unsupported(other.kind(), Task::Regression)),
        })
    }
}

/// Any classifier kind through the one trait family, so a caller generic over [`Fit`] (a
/// [`super::pipeline::Pipeline`], churn's held-out evaluation) takes every kind.
impl Fit<usize> for ModelParams {
    type Model = FittedModel;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[usize],
        progress: &mut dyn Progress,
    ) -> Result<FittedModel> {
        self.fit_classifier(x, y, progress)
    }
}

impl PredictProba for FittedModel {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        Ok(self.classify(x)?.1)
    }
}

fn unsupported(kind: ModelKind, task: Task) -> Error {
    let expected = match task {
        Task::Regression => {
            crate::Allowed::Regression(crate::Family::models(&["linear", "knn", "tree", "forest"]))
        }
        Task::Classification => crate::Allowed::Classification(crate::Family::models(&[
            "logistic", "knn", "tree", "forest", "svm",
        ])),
    };
    Error::invalid_parameter("model", kind.as_str(), expected)
}

/// A fitted model of any kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "model", rename_all = "snake_case")]
pub enum FittedModel {
    /// Linear regression.
    Linear(LinearRegression),
    /// Logistic regression.
    Logistic(LogisticRegression),
    /// KNN classifier.
    KnnClassifier(KnnClassifier),
    /// KNN regressor.
    KnnRegressor(KnnRegressor),
    /// Decision tree (either task).
    Tree(DecisionTree),
    /// Random forest (either task).
    Forest(RandomForest),
    /// Linear SVM.
    Svm(LinearSvm),
}

impl FittedModel {
    /// Class predictions and probabilities (one column per class).
    pub fn classify(&self, x: &Matrix) -> Result<(Vec<usize>, Matrix)> {
        let proba = match self {
            FittedModel::Logistic(m) => m.predict_proba(x)?,
            FittedModel::KnnClassifier(m) => m.predict_proba(x)?,
            FittedModel::Tree(m) => m.predict_proba(x)?,
            FittedModel::Forest(m) => m.predict_proba(x)?,
            FittedModel::Svm(m) => {
                // The SVM's class is the side of the separator, not the Platt probability.
                return Ok((m.predict(x)?, m.predict_proba(x)?));
            }
            _ => {
                return Err(Error::invalid_parameter(
                    "task",
                    "regression",
                    crate::Allowed::Classification(crate::Family::Learner),
                ))
            }
        };
        Ok((proba.argmax_rows(), proba))
    }

    /// Numeric predictions.
    pub fn regress(&self, x: &Matrix) -> Result<Vec<f64>> {
        match self {
            FittedModel::Linear(m) => m.predict(x),
            FittedModel::KnnRegressor(m) => m.predict(x),
            FittedModel::Tree(m) => Predict::<f64>::predict(m, x),
            FittedModel::Forest(m) => Predict::<f64>::predict(m, x),
            _ => Err(Error::invalid_parameter(
                "task",
                "classification",
                crate::Allowed::Regression(crate::Family::Learner),
            )),
        }
    }

    /// Impurity-based importances of tree models, per feature.
    pub fn feature_importances(&self) -> Option<&[f64]> {
        match self {
            FittedModel::Tree(m) => Some(&m.feature_importances),
            FittedModel::Forest(m) => Some(&m.feature_importances),
            _ => None,
        }
    }

    /// Coefficients and intercept of linear models (for logistic and SVM with two classes:
    /// the class-1 vector), on the features the model saw (standardised when scaled).
    pub fn linear_terms(&self) -> Option<(&[f64], f64)> {
        match self {
            FittedModel::Linear(m) => Some((&m.coefficients, m.intercept)),
            FittedModel::Logistic(m) if m.coefficients.len() == 1 => {
                Some((&m.coefficients[0], m.intercepts[0]))
            }
            FittedModel::Svm(m) if m.separators.len() == 1 => {
                Some((&m.separators[0].weights, m.separators[0].bias))
            }
            _ => None,
        }
    }
}

/// Everything needed to score a new table: preprocessing, target coding, the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainedModel {
    /// Always `"shoplens-model"`.
    pub format: String,
    /// Format version ([`TrainedModel::VERSION`]).
    pub version: u32,
    /// The task.
    pub task: Task,
    /// The kind of model.
    pub kind: ModelKind,
    /// The parameters it was fitted with.
    pub params: ModelParams,
    /// The target column's name.
    pub target: String,
    /// How targets map to classes.
    pub target_encoding: TargetEncoding,
    /// The fitted preprocessing.
    pub encoder: FeatureEncoder,
    /// Columns left out by default, with reasons.
    pub dropped: Vec<DroppedColumn>,
    /// The fitted model.
    pub model: FittedModel,
}

impl TrainedModel {
    /// The current model file version.
    pub const VERSION: u32 = 1;

    /// Class labels (classification) or an empty list.
    pub fn class_labels(&self) -> &[String] {
        match &self.target_encoding {
            TargetEncoding::Classes { labels } => labels,
            TargetEncoding::Regression => &[],
        }
    }

    /// Scores every row of `table` (which needs the training feature columns).
    pub fn predict_table(&self, table: &Table) -> Result<Predictions> {
        let x = self.encoder.transform(table, None)?;
        match self.task {
            Task::Regression => {
                let values = self.model.regress(&x)?;
                Ok(Predictions {
                    labels: values.iter().map(|v| v.to_string()).collect(),
                    values: Some(values),
                    classes: Vec::new(),
                    probabilities: None,
                })
            }
            Task::Classification => {
                let (pred, proba) = self.model.classify(&x)?;
                let labels = self.class_labels();
                Ok(Predictions {
                    labels: pred
                        .iter()
                        .map(|&c| labels.get(c).cloned().unwrap_or_default())
                        .collect(),
                    values: None,
                    classes: labels.to_vec(),
                    probabilities: Some(proba),
                })
            }
        }
    }
}

/// Predictions for the rows of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Predictions {
    /// The prediction per row as text (class label or number).
    pub labels: Vec<String>,
    /// Numeric predictions (regression).
    pub values: Option<Vec<f64>>,
    /// Class labels in probability-column order (classification).
    pub classes: Vec<String>,
    /// Probability per row and class (classification).
    pub probabilities: Option<Matrix>,
}

/// What to train and how to evaluate it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOptions {
    /// The target column.
    pub target: String,
    /// Feature columns; `None`: every usable column (see [`plan_features`]).
    pub features: Option<Vec<String>>,
    /// Columns never used as features.
    pub exclude: Vec<String>,
    /// The task; `None`: inferred from the target.
    pub task: Option<Task>,
    /// The model's parameters; `None`: the defaults of `kind`.
    pub params: Option<ModelParams>,
    /// The model kind when `params` is `None`.
    pub kind: ModelKind,
    /// Share of rows held out for evaluation, in (0, 1), or 0 to fit on every row and score
    /// the same rows (in-sample metrics, as the reference fits of `testdata/fixtures`).
    /// Default 0.2.
    pub test_size: f64,
    /// Seed of the split and of random models. Default 42.
    pub seed: u64,
    /// Keep class shares equal in both parts (classification only). Default false.
    pub stratify: bool,
    /// How missing feature values are filled. Default mean.
    pub impute: ImputeStrategy,
}

impl TrainOptions {
    /// Defaults for predicting `target` with `kind`.
    pub fn new(target: impl Into<String>, kind: ModelKind) -> TrainOptions {
        TrainOptions {
            target: target.into(),
            features: None,
            exclude: Vec::new(),
            task: None,
            params: None,
            kind,
            test_size: 0.2,
            seed: crate::rt::DEFAULT_SEED,
            stratify: false,
            impute: ImputeStrategy::Mean,
        }
    }
}

/// A metric's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MetricValue {
    /// Which metric.
    pub metric: Metric,
    /// Its value on the held-out rows.
    pub value: f64,
}

/// A trained model and how it did on the held-out rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainReport {
    /// The model, ready to save.
    pub model: TrainedModel,
    /// The feature plan used.
    pub plan: FeaturePlan,
    /// Rows fitted on.
    pub n_train: usize,
    /// Rows evaluated on.
    pub n_test: usize,
    /// The evaluated rows' indices in the table (every row with a target when the test
    /// size is 0), in the order of `test_values` and the predictions behind the metrics.
    pub test_rows: Vec<usize>,
    /// Whether the metrics are in-sample (test size 0).
    pub in_sample: bool,
    /// Held-out metrics (classification: accuracy, precision, recall, f1, roc_auc,
    /// log_loss; regression: r2, rmse, mae, mape).
    pub metrics: Vec<MetricValue>,
    /// Confusion matrix on the held-out rows (classification).
    pub confusion_matrix: Option<Vec<Vec<usize>>>,
    /// ROC curve of class 1 on the held-out rows (binary classification).
    pub roc_curve: Option<RocCurve>,
    /// Held-out truth and predictions (regression), for predicted-vs-actual plots.
    pub test_values: Option<(Vec<f64>, Vec<f64>)>,
    /// Seconds spent fitting the model alone (preprocessing and scoring excluded), by the
    /// clock given to [`train_with_clock`]; 0 with [`train`].
    pub fit_seconds: f64,
}

/// Plans features, splits, fits the preprocessing and the model on the training part and
/// evaluates on the rest.
pub fn train(
    table: &Table,
    options: &TrainOptions,
    progress: &mut dyn Progress,
) -> Result<TrainReport> {
    train_with_clock(table, options, progress, &crate::rt::FrozenClock)
}

/// As [`train`], timing the model fit with the front's `clock`.
pub fn train_with_clock(
    table: &Table,
    options: &TrainOptions,
    progress: &mut dyn Progress,
    clock: &dyn crate::rt::Clock,
) -> Result<TrainReport> {
    let plan = plan_features(
        table,
        &options.target,
        options.features.as_deref(),
        &options.exclude,
        options.task,
    )?;
    let params = options
        .params
        .clone()
        .unwrap_or_else(|| ModelParams::defaults(options.kind, plan.task, options.seed));
    let kind = params.kind();
    if !kind.supports(plan.task) {
        return Err(unsupported(kind, plan.task));
    }
    let targets = Targets::new(table, &options.target, plan.task)?;
    let stratify = (options.stratify && plan.task == Task::Classification)
        .then_some(targets.classes.as_slice());
    let in_sample = options.test_size == 0.0;
    let split = if in_sample {
        let every: Vec<usize> = (0..targets.rows.len()).collect();
        Split {
            train: every.clone(),
            test: every,
        }
    } else {
        train_test_split(
            targets.rows.len(),
            options.test_size,
            options.seed,
            stratify,
        )?
    };
    let train_rows: Vec<usize> = split.train.iter().map(|&i| targets.rows[i]).collect();
    let test_rows: Vec<usize> = split.test.iter().map(|&i| targets.rows[i]).collect();
    let encoder = FeatureEncoder::fit(
        table,
        &plan.features,
        &train_rows,
        options.impute,
        kind.needs_scaling(),
    )?;
    let x_train = encoder.transform(table, Some(&train_rows))?;
    let x_test = encoder.transform(table, Some(&test_rows))?;
    let mut report_metrics = Vec::new();
    let fit_seconds;
    let (model, confusion, roc, test_values) = match plan.task {
        Task::Classification => {
            let y_train: Vec<usize> = split.train.iter().map(|&i| targets.classes[i]).collect();
            let y_test: Vec<usize> = split.test.iter().map(|&i| targets.classes[i]).collect();
            let started = clock.now_seconds();
            let model = params.fit_classifier(&x_train, &y_train, progress)?;
            fit_seconds = clock.now_seconds() - started;
            let (pred, proba) = model.classify(&x_test)?;
            let n_classes = proba.n_cols();
            for m in [
                Metric::Accuracy,
                Metric::Precision,
                Metric::Recall,
                Metric::F1,
                Metric::RocAuc,
                Metric::LogLoss,
            ] {
                // A held-out part with one class has no ROC AUC: leave it out.
                if let Ok(value) = m.classification(&y_test, &pred, Some(&proba), n_classes) {
                    report_metrics.push(MetricValue { metric: m, value });
                }
            }
            let confusion = metrics::confusion_matrix(&y_test, &pred, n_classes)?;
            let roc = if n_classes == 2 {
                metrics::roc_curve(&y_test, &proba.column(1)).ok()
            } else {
                None
            };
            (model, Some(confusion), roc, None)
        }
        Task::Regression => {
            let y_train: Vec<f64> = split.train.iter().map(|&i| targets.values[i]).collect();
            let y_test: Vec<f64> = split.test.iter().map(|&i| targets.values[i]).collect();
            let started = clock.now_seconds();
            let model = params.fit_regressor(&x_train, &y_train, progress)?;
            fit_seconds = clock.now_seconds() - started;
            let pred = model.regress(&x_test)?;
            for m in [Metric::R2, Metric::Rmse, Metric::Mae, Metric::Mape] {
                report_metrics.push(MetricValue {
                    metric: m,
                    value: m.regression(&y_test, &pred)?,
                });
            }
            (model, None, None, Some((y_test, pred)))
        }
    };
    let trained = TrainedModel {
        format: "shoplens-model".into(),
        version: TrainedModel::VERSION,
        task: plan.task,
        kind,
        params,
        target: options.target.clone(),
        target_encoding: targets.encoding,
        encoder,
        dropped: plan.dropped.clone(),
        model,
    };
    Ok(TrainReport {
        model: trained,
        plan,
        n_train: train_rows.len(),
        n_test: test_rows.len(),
        test_rows,
        in_sample,
        metrics: report_metrics,
        confusion_matrix: confusion,
        roc_curve: roc,
        test_values,
        fit_seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::table::{read_bytes, ReadOptions};

    const ADVERTISING: &[u8] =
        include_bytes!("../../../../testdata/islr-advertising/Advertising.csv");

    /// Test size 0 fits on all 200 rows and scores them in-sample: OLS of sales on TV,
    /// radio and newspaper gives scikit-learn 1.9.1's R² and intercept
    /// (`testdata/fixtures/learn_advertising.json`, `tools/learn_fixtures.py`) to 1e-9.
    #[test]
    fn test_size_zero_fits_and_scores_every_row() {
        let table = read_bytes(ADVERTISING, &ReadOptions::default()).unwrap();
        let mut options = TrainOptions::new("sales", ModelKind::Linear);
        options.features = Some(vec!["TV".into(), "radio".into(), "newspaper".into()]);
        options.test_size = 0.0;
        let report = train(&table, &options, &mut Silent).unwrap();
        assert!(report.in_sample);
        assert_eq!((report.n_train, report.n_test), (200, 200));
        assert_eq!(report.test_rows, (0..200).collect::<Vec<_>>());
        let r2 = report.metrics[0];
        assert_eq!(r2.metric, Metric::R2);
        assert!(
            (r2.value - 0.897_210_638_178_952_2).abs() < 1e-9,
            "{}",
            r2.value
        );
        let (_, intercept) = report.model.model.linear_terms().unwrap();
        assert!(
            (intercept - 2.938_889_369_459_412).abs() < 1e-9,
            "{intercept}"
        );
        // A negative or whole share is still refused.
        options.test_size = 1.0;
        assert!(train(&table, &options, &mut Silent).is_err());
    }
}
