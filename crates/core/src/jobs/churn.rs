//! Churn risk from order lines: a leakage-safe data set at a cutoff
//! ([`crate::segment::churn`]), a classifier evaluated on held-out customers (with the
//! recency-alone AUC as the baseline to beat), the customers still active ranked by risk,
//! and for each of the riskiest the features that drive it. The Customers tab's churn view
//! and `shoplens churn`.
//!
//! Held-out precision, recall and F1 of "churns" at probability 0.5 and both AUCs come from
//! [`crate::learn::metrics`].

use crate::learn::linear::LogisticRegressionParams;
use crate::learn::metrics;
use crate::learn::model::{FittedModel, ModelParams};
use crate::learn::neighbors::KnnParams;
use crate::learn::pipeline::{FittedPipeline, Pipeline};
use crate::learn::preprocess::{FittedScaler, StandardScaler};
use crate::learn::tree::{ForestParams, TreeParams};
use crate::learn::{Fit, Matrix};
use crate::progress::{Control, Progress, Stage};
use crate::rt::Clock;
use crate::segment::churn::{
    churn_dataset, churn_probabilities, current_features, evaluate_churn, ChurnParams,
};
use crate::segment::{OrderColumns, OrderLines};
use crate::table::infer::format_datetime;
use crate::table::Table;
use crate::{Allowed, Counted, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Customers listed as most at risk.
pub const AT_RISK_LISTED: usize = 50;
/// Factors kept per customer at risk.
pub const FACTORS_SHOWN: usize = 3;
/// Share of customers held out for the evaluation.
pub const TEST_FRACTION: f64 = 0.25;

/// The classifiers a churn job offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ChurnClassifier {
    /// Logistic regression (C = 1) on standardised features (the default).
    #[default]
    Logistic,
    /// A decision tree of depth at most 5, leaves of at least 20 customers.
    Tree,
    /// A random forest of 100 trees, leaves of at least 5 customers.
    Forest,
    /// 25 nearest neighbours on standardised features.
    Knn,
}

impl ChurnClassifier {
    /// Every choice, in menu order.
    pub const ALL: [ChurnClassifier; 4] = [
        ChurnClassifier::Logistic,
        ChurnClassifier::Tree,
        ChurnClassifier::Forest,
        ChurnClassifier::Knn,
    ];

    /// The name used in JSON, on the command line and in `<select>` values.
    pub fn key(self) -> &'static str {
        match self {
            ChurnClassifier::Logistic => "logistic",
            ChurnClassifier::Tree => "tree",
            ChurnClassifier::Forest => "forest",
            ChurnClassifier::Knn => "knn",
        }
    }

    /// The choice named `key`.
    pub fn parse(key: &str) -> Result<ChurnClassifier> {
        Self::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .ok_or_else(|| {
                Error::invalid_parameter(
                    "classifier",
                    key,
                    crate::Allowed::one_of(&["logistic", "tree", "forest", "knn"]),
                )
            })
    }

    /// The choice named `key`, logistic regression for anything else.
    pub fn from_key(key: &str) -> ChurnClassifier {
        Self::parse(key).unwrap_or_default()
    }

    /// The classifier's parameters behind a standard scaler fitted on the training rows
    /// (linear models and KNN need it; trees are unaffected).
    fn build(self, seed: u64) -> Pipeline<StandardScaler, ModelParams> {
        let model = match self {
            ChurnClassifier::Logistic => ModelParams::Logistic(LogisticRegressionParams::new()),
            ChurnClassifier::Tree => {
                let mut params = TreeParams::new();
                params.max_depth = Some(5);
                params.min_samples_leaf = 20;
                params.seed = seed;
                ModelParams::Tree(params)
            }
            ChurnClassifier::Forest => {
                let mut params = ForestParams::new().n_trees(100).seed(seed);
                params.oob_score = false;
                params.tree.min_samples_leaf = 5;
                ModelParams::Forest(params)
            }
            ChurnClassifier::Knn => ModelParams::Knn(KnnParams::new().k(25)),
        };
        Pipeline {
            step: StandardScaler,
            model,
        }
    }
}

/// Churn risk of the customers of an order-lines table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnJob {
    /// Which columns hold customer, date, amount and order id.
    pub columns: OrderColumns,
    /// Cutoff `YYYY-MM-DD`; `None`: the latest day whose whole window the data covers.
    #[serde(default)]
    pub cutoff: Option<String>,
    /// Churned = no order in this many days from the cutoff. Default 90.
    #[serde(default = "default_window")]
    pub window_days: i64,
    /// The classifier. Default logistic regression.
    #[serde(default)]
    pub classifier: ChurnClassifier,
    /// Seed of the train/test split (and of the random forest). Default 42.
    #[serde(default = "default_seed")]
    pub seed: u64,
}

fn default_window() -> i64 {
    90
}

fn default_seed() -> u64 {
    crate::rt::DEFAULT_SEED
}

/// A checked [`ChurnJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedChurn {
    /// The spec with the cutoff written in.
    pub spec: ChurnJob,
    /// The order lines.
    pub orders: OrderLines,
    /// The data-set parameters, checked against the order lines.
    pub params: ChurnParams,
}

impl ChurnJob {
    /// Reads the order lines and checks the cutoff and window against them.
    pub fn check(&self, table: &Table) -> Result<CheckedChurn> {
        if self.window_days < 1 {
            return Err(Error::invalid_parameter(
                "window_days",
                self.window_days,
                Allowed::AtLeast(1.0),
            ));
        }
        let orders = OrderLines::from_table(table, &self.columns)?;
        let last = orders
            .last_day()
            .ok_or_else(|| Error::not_enough(Counted::OrderLines, 1, 0))?;
        let cutoff = match self.cutoff.as_deref().map(str::trim) {
            Some(day) if !day.is_empty() => day.to_string(),
            _ => format_datetime((last - self.window_days + 1) * 86_400),
        };
        let params = ChurnParams::new(&cutoff)?.window_days(self.window_days);
        params.check(&orders)?;
        Ok(CheckedChurn {
            spec: ChurnJob {
                cutoff: Some(cutoff),
                ..self.clone()
            },
            orders,
            params,
        })
    }
}

/// One customer's churn probability and its drivers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredCustomer {
    /// Customer id.
    pub customer: String,
    /// Probability of no order in the next window.
    pub probability: f64,
    /// Feature values (in the order of [`crate::segment::churn::FEATURES`]).
    pub features: Vec<f64>,
    /// The features that raise the probability most: (feature index, rise in probability
    /// against setting that feature to the training mean), largest first.
    pub factors: Vec<(usize, f64)>,
}

/// Churn risk as every front shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnOutput {
    /// The cutoff used.
    pub cutoff: String,
    /// The window used.
    pub window_days: i64,
    /// The classifier used.
    pub classifier: ChurnClassifier,
    /// Customers with history before the cutoff.
    pub customers: usize,
    /// Of them, churned in the window.
    pub churned: usize,
    /// Customers trained on.
    pub train_size: usize,
    /// Held-out customers.
    pub test_size: usize,
    /// Churn rate of the held-out customers.
    pub test_churn_rate: f64,
    /// Held-out ROC AUC (0.5 when the held-out customers are of one class).
    pub auc: f64,
    /// Held-out AUC of recency alone (a baseline the model must beat).
    pub recency_auc: f64,
    /// Held-out accuracy at 0.5.
    pub accuracy: f64,
    /// Held-out precision of "churns" at 0.5.
    pub precision: f64,
    /// Held-out recall of "churns" at 0.5.
    pub recall: f64,
    /// Held-out F1 at 0.5.
    pub f1: f64,
    /// Customers who ordered within the window before the last order day (still active).
    pub active: usize,
    /// The active customers most likely to churn, highest first (at most
    /// [`AT_RISK_LISTED`]), with factors.
    pub at_risk: Vec<ScoredCustomer>,
    /// Every customer scored as of today (no factors), highest first, for the export.
    pub scored: Vec<ScoredCustomer>,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

fn step(progress: &mut dyn Progress, done: u64) -> Result<()> {
    match progress.report(Stage::Churn, done, 4) {
        Control::Continue => Ok(()),
        Control::Stop => Err(Error::new(ErrorKind::Cancelled)),
    }
}

/// Builds the data set, evaluates the classifier on held-out customers, then trains it on
/// every customer and ranks today's active customers by risk.
pub fn run(
    job: &CheckedChurn,
    _table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<ChurnOutput> {
    let started = clock.now_seconds();
    let spec = &job.spec;
    let dataset = churn_dataset(&job.orders, &job.params)?;
    step(progress, 1)?;
    let classifier = spec.classifier.build(spec.seed);
    let evaluation = evaluate_churn(&dataset, &classifier, TEST_FRACTION, spec.seed)?;
    step(progress, 2)?;
    let truth: Vec<usize> = evaluation
        .test_rows
        .iter()
        .map(|&i| usize::from(dataset.churned[i]))
        .collect();
    let predicted: Vec<usize> = evaluation
        .test_probabilities
        .iter()
        .map(|&p| usize::from(p >= 0.5))
        .collect();
    let recency: Vec<f64> = evaluation
        .test_rows
        .iter()
        .map(|&i| dataset.features.row(i)[0])
        .collect();

    // The model that scores today's customers learns from every customer of the data set.
    let classes: Vec<usize> = dataset.churned.iter().map(|&c| usize::from(c)).collect();
    let model = classifier.fit(&dataset.features, &classes)?;
    step(progress, 3)?;
    let (ids, today) = current_features(&job.orders, job.params.trend_days)?;
    let probabilities = churn_probabilities(&model, &today)?;
    let mut scored: Vec<ScoredCustomer> = ids
        .into_iter()
        .zip(&probabilities)
        .enumerate()
        .map(|(i, (customer, &probability))| ScoredCustomer {
            customer,
            probability,
            features: today.row(i).to_vec(),
            factors: Vec::new(),
        })
        .collect();
    // Still active: ordered within the window before today (recency is days to the day
    // after the last order, so recency ≤ window).
    let mut active: Vec<usize> = (0..scored.len())
        .filter(|&i| scored[i].features[0] <= spec.window_days as f64)
        .collect();
    let active_count = active.len();
    active.sort_by(|&a, &b| {
        scored[b]
            .probability
            .total_cmp(&scored[a].probability)
            .then(a.cmp(&b))
    });
    active.truncate(AT_RISK_LISTED);
    let mut at_risk: Vec<ScoredCustomer> = active.iter().map(|&i| scored[i].clone()).collect();
    explain(&model, &mut at_risk, &column_means(&dataset.features))?;
    step(progress, 4)?;
    scored.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    Ok(ChurnOutput {
        cutoff: spec.cutoff.clone().unwrap_or_default(),
        window_days: spec.window_days,
        classifier: spec.classifier,
        customers: dataset.customers.len(),
        churned: dataset.churned.iter().filter(|&&c| c).count(),
        train_size: evaluation.train_size,
        test_size: evaluation.test_size,
        test_churn_rate: evaluation.test_churn_rate,
        auc: metrics::roc_auc(&truth, &evaluation.test_probabilities).unwrap_or(0.5),
        recency_auc: metrics::roc_auc(&truth, &recency).unwrap_or(0.5),
        accuracy: metrics::accuracy(&truth, &predicted)?,
        precision: metrics::precision(&truth, &predicted, 1)?,
        recall: metrics::recall(&truth, &predicted, 1)?,
        f1: metrics::f1(&truth, &predicted, 1)?,
        active: active_count,
        at_risk,
        scored,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

fn column_means(features: &Matrix) -> Vec<f64> {
    let n = features.n_rows().max(1) as f64;
    (0..features.n_cols())
        .map(|j| features.column(j).iter().sum::<f64>() / n)
        .collect()
}

/// Fills in each customer's factors: how much the probability falls when one feature is set
/// to the training mean, all others kept (a one-feature-at-a-time attribution that works
/// for any classifier). The features whose typical value would lower the risk most are the
/// ones driving it.
fn explain(
    model: &FittedPipeline<FittedScaler, FittedModel>,
    customers: &mut [ScoredCustomer],
    means: &[f64],
) -> Result<()> {
    if customers.is_empty() {
        return Ok(());
    }
    let d = means.len();
    let mut rows = Vec::with_capacity(customers.len() * d);
    for c in customers.iter() {
        for (j, &mean) in means.iter().enumerate() {
            let mut row = c.features.clone();
            row[j] = mean;
            rows.push(row);
        }
    }
    let p = churn_probabilities(model, &Matrix::from_rows(&rows)?)?;
    for (i, c) in customers.iter_mut().enumerate() {
        let mut effects: Vec<(usize, f64)> = (0..d)
            .map(|j| (j, c.probability - p[i * d + j]))
            .filter(|(_, e)| *e > 1e-6)
            .collect();
        effects.sort_by(|a, b| b.1.total_cmp(&a.1));
        effects.truncate(FACTORS_SHOWN);
        c.factors = effects;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    const SAMPLE: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
    );

    fn job() -> ChurnJob {
        serde_json::from_str(
            r#"{"columns": {"customer": "CustomerID", "date": "InvoiceDate",
                "amount": {"QuantityPrice": {"quantity": "Quantity", "price": "UnitPrice"}},
                "invoice": "InvoiceNo"}, "window_days": 60}"#,
        )
        .unwrap()
    }

    /// The held-out figures agree with a count by hand over the same probabilities, the
    /// metrics AUC with the rank (Mann–Whitney) AUC, and the default cutoff puts the
    /// window's last day on the last order day.
    #[test]
    fn churn_figures_agree_with_counts_by_hand() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let checked = job().check(&table).unwrap();
        let last = checked.orders.last_day().unwrap();
        assert_eq!(checked.params.cutoff_day + 60 - 1, last);
        let out = run(&checked, &table, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(out.train_size + out.test_size, out.customers);
        assert!(out.at_risk.len() <= AT_RISK_LISTED);
        assert!(out.at_risk.iter().all(|c| c.factors.len() <= FACTORS_SHOWN));

        let dataset = churn_dataset(&checked.orders, &checked.params).unwrap();
        let classifier = ChurnClassifier::Logistic.build(42);
        let e = evaluate_churn(&dataset, &classifier, TEST_FRACTION, 42).unwrap();
        let labels: Vec<bool> = e.test_rows.iter().map(|&i| dataset.churned[i]).collect();
        let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
        for (&p, &y) in e.test_probabilities.iter().zip(&labels) {
            match (p >= 0.5, y) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fneg += 1.0,
                _ => {}
            }
        }
        assert!((out.precision - tp / (tp + fp)).abs() < 1e-12);
        assert!((out.recall - tp / (tp + fneg)).abs() < 1e-12);
        let classes: Vec<usize> = labels.iter().map(|&c| usize::from(c)).collect();
        let auc = metrics::roc_auc(&classes, &e.test_probabilities).unwrap();
        assert!((out.auc - auc).abs() < 1e-12);
        assert!((out.accuracy - e.accuracy).abs() < 1e-12);
    }

    #[test]
    fn refuses_a_window_the_data_does_not_cover() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let mut j = job();
        j.cutoff = Some("2011-12-01".into());
        assert!(j.check(&table).is_err());
        j.window_days = 0;
        assert!(j.check(&table).is_err());
    }
}
