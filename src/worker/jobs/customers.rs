//! The Customers page's jobs, run in the worker: RFM segments, k-means segments (with the
//! elbow, silhouette, profiles and PCA map), churn risk, and a speed check on generated data.
//!
//! Every job calls the kernels of `shoplens_core::segment` the way the CLI does
//! (`crates/cli/src/cmd/{rfm,segment}.rs`); this file only picks columns out of the loaded
//! table, times the kernels and shapes what the page shows.

use serde::{Deserialize, Serialize};
use shoplens_core::learn::linear::LogisticRegressionParams;
use shoplens_core::learn::neighbors::KnnParams;
use shoplens_core::learn::tree::{ForestParams, TreeParams};
use shoplens_core::progress::Silent;
use shoplens_core::segment::churn::{
    churn_dataset, current_features, evaluate_churn, roc_auc, BinaryClassifier, ChurnParams,
    LearnClassifier, FEATURES,
};
use shoplens_core::segment::customers::{cluster_customers, SILHOUETTE_SAMPLE};
use shoplens_core::segment::features::Features;
use shoplens_core::segment::kmeans::{elbow, fit, ElbowPoint, KMeansParams};
use shoplens_core::segment::pca::{project_2d, Projection};
use shoplens_core::segment::profile::{cluster_profiles, ClusterProfiles};
use shoplens_core::segment::silhouette::silhouette_score_sampled;
use shoplens_core::segment::{rfm, OrderColumns, OrderLines, RfmParams, RfmResult};
use shoplens_core::table::infer::format_datetime;
use shoplens_core::table::{read_bytes, ReadOptions};
use shoplens_core::Error;

use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{compute_progress, now_ms, with_table};

/// The largest k the elbow and silhouette charts try.
pub const ELBOW_MAX_K: usize = 10;
/// Customers listed as most at risk.
pub const AT_RISK_LISTED: usize = 50;
/// Factors shown per customer at risk.
pub const FACTORS_SHOWN: usize = 3;

/// What the Customers page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerJob {
    /// RFM scores and named segments of the order lines in the loaded table.
    Rfm {
        /// Which columns hold customer, date, amount and order id.
        columns: OrderColumns,
        /// Analysis day `YYYY-MM-DD`; `None`: the day after the last order.
        as_of: Option<String>,
    },
    /// k-means segments.
    Segments(SegmentRequest),
    /// Churn risk.
    Churn(ChurnRequest),
    /// A speed check on generated data (see [`BenchKind`]).
    Bench(BenchKind),
}

/// What k-means clusters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum SegmentSource {
    /// Numeric columns of a table with one row per customer.
    Columns(Vec<String>),
    /// Recency, frequency and monetary value computed from order lines.
    Rfm(OrderColumns),
}

/// A k-means request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRequest {
    /// The features.
    pub source: SegmentSource,
    /// Take log(1 + x) before standardising.
    pub log: bool,
    /// Number of segments.
    pub k: usize,
    /// Seed of the random starts.
    pub seed: u64,
    /// Number of k-means++ starts.
    pub n_init: usize,
    /// Also compute inertia and silhouette for k = 2..=10.
    pub elbow: bool,
}

/// A churn request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnRequest {
    /// Which columns hold customer, date, amount and order id.
    pub columns: OrderColumns,
    /// Cutoff `YYYY-MM-DD`; `None`: the latest day whose window the data still covers.
    pub cutoff: Option<String>,
    /// Churned = no order in this many days from the cutoff.
    pub window_days: i64,
    /// The classifier.
    pub classifier: ChurnClassifier,
    /// Seed of the train/test split (and of the random forest).
    pub seed: u64,
}

/// The classifiers of the Models kernels that the churn view offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChurnClassifier {
    /// Logistic regression (C = 1) on standardised features.
    Logistic,
    /// A decision tree of depth at most 5, leaves of at least 20 customers.
    Tree,
    /// A random forest of 100 trees.
    Forest,
    /// 25 nearest neighbours on standardised features.
    Knn,
}

impl ChurnClassifier {
    /// Every choice, in the order the page lists them.
    pub const ALL: [ChurnClassifier; 4] = [
        ChurnClassifier::Logistic,
        ChurnClassifier::Tree,
        ChurnClassifier::Forest,
        ChurnClassifier::Knn,
    ];

    /// A stable name for `<select>` values.
    pub fn key(self) -> &'static str {
        match self {
            ChurnClassifier::Logistic => "logistic",
            ChurnClassifier::Tree => "tree",
            ChurnClassifier::Forest => "forest",
            ChurnClassifier::Knn => "knn",
        }
    }

    /// The choice named `key`, logistic regression for anything else.
    pub fn from_key(key: &str) -> ChurnClassifier {
        Self::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .unwrap_or(ChurnClassifier::Logistic)
    }

    fn build(self, seed: u64) -> Box<dyn BinaryClassifier> {
        match self {
            ChurnClassifier::Logistic => {
                Box::new(LearnClassifier::new(LogisticRegressionParams::new()))
            }
            ChurnClassifier::Tree => {
                let mut params = TreeParams::new();
                params.max_depth = Some(5);
                params.min_samples_leaf = 20;
                params.seed = seed;
                Box::new(LearnClassifier::new(params))
            }
            ChurnClassifier::Forest => {
                let mut params = ForestParams::new().n_trees(100).seed(seed);
                params.oob_score = false;
                params.tree.min_samples_leaf = 5;
                Box::new(LearnClassifier::new(params))
            }
            ChurnClassifier::Knn => Box::new(LearnClassifier::new(KnnParams::new().k(25))),
        }
    }
}

/// What the speed check runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BenchKind {
    /// k-means on `n` generated customers × 3 features, `k` clusters, `n_init` starts.
    KMeans {
        /// Points.
        n: usize,
        /// Clusters.
        k: usize,
        /// Starts.
        n_init: usize,
    },
    /// RFM over `lines` generated order lines (parsed first; only RFM is timed).
    Rfm {
        /// Order lines.
        lines: usize,
    },
}

/// What comes back from a [`CustomerJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerOutput {
    /// RFM result.
    Rfm(Box<RfmView>),
    /// k-means result.
    Segments(Box<SegmentsView>),
    /// Churn result.
    Churn(Box<ChurnView>),
    /// Speed check result.
    Bench(BenchView),
}

/// RFM as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmView {
    /// The kernel's result (customers, segments, what was set aside).
    pub result: RfmResult,
    /// Data rows read.
    pub rows: usize,
    /// Milliseconds spent (order lines out of the table, then RFM).
    pub ms: f64,
}

/// k-means as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentsView {
    /// Feature names.
    pub features: Vec<String>,
    /// Whether log1p was applied.
    pub log: bool,
    /// The parameters used.
    pub k: usize,
    /// Seed used.
    pub seed: u64,
    /// Starts used.
    pub n_init: usize,
    /// Inertia of the best start.
    pub inertia: f64,
    /// Mean silhouette (exact up to 5,000 customers, else on a seeded sample).
    pub silhouette: Option<f64>,
    /// Lloyd iterations of the best start.
    pub n_iter: usize,
    /// Size, revenue share and means per segment.
    pub profiles: ClusterProfiles,
    /// 2-D PCA map.
    pub projection: Projection,
    /// Segment (0-based) of each customer.
    pub labels: Vec<u32>,
    /// Customer ids (the order-line source) or 1-based data rows (the columns source).
    pub ids: Vec<String>,
    /// Untransformed feature values, row-major, for the export.
    pub values: Vec<f64>,
    /// Rows left out for a missing value.
    pub skipped_missing: usize,
    /// Inertia and silhouette for k = 2..=10 (empty when not asked).
    pub elbow: Vec<ElbowPoint>,
    /// Milliseconds of the k-means fit for the chosen k.
    pub ms: f64,
}

/// One customer's churn probability and its drivers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredCustomer {
    /// Customer id.
    pub customer: String,
    /// Probability of no order in the next window.
    pub probability: f64,
    /// Feature values (in the order of `churn::FEATURES`).
    pub features: Vec<f64>,
    /// The features that raise the probability most: (feature index, rise in probability
    /// against setting that feature to the training mean), largest first.
    pub factors: Vec<(usize, f64)>,
}

/// Churn risk as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnView {
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
    /// Held-out ROC AUC.
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
    /// The active customers most likely to churn, highest first (at most 50), with factors.
    pub at_risk: Vec<ScoredCustomer>,
    /// Every customer scored as of today (no factors), for the export.
    pub scored: Vec<ScoredCustomer>,
    /// Milliseconds spent.
    pub ms: f64,
}

/// A speed check's timings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchView {
    /// What ran.
    pub kind: BenchKind,
    /// Milliseconds generating (and, for RFM, parsing) the data.
    pub prepare_ms: f64,
    /// Milliseconds of the kernel.
    pub ms: f64,
    /// k-means: inertia; RFM: total revenue.
    pub value: f64,
    /// k-means: iterations of the best start; RFM: customers.
    pub count: usize,
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: CustomerJob) -> Result<Output, WireError> {
    let output = match job {
        CustomerJob::Rfm { columns, as_of } => {
            CustomerOutput::Rfm(Box::new(run_rfm(&columns, as_of.as_deref())?))
        }
        CustomerJob::Segments(request) => {
            CustomerOutput::Segments(Box::new(run_segments(id, &request)?))
        }
        CustomerJob::Churn(request) => CustomerOutput::Churn(Box::new(run_churn(id, &request)?)),
        CustomerJob::Bench(kind) => CustomerOutput::Bench(run_bench(kind)?),
    };
    Ok(Output::Customers(output))
}

fn wire(e: Error) -> WireError {
    WireError::from(&e)
}

fn order_lines(columns: &OrderColumns) -> Result<OrderLines, WireError> {
    with_table(|table| OrderLines::from_table(table, columns).map_err(wire))
}

fn rfm_of(orders: &OrderLines, as_of: Option<&str>) -> Result<RfmResult, WireError> {
    let mut params = RfmParams::new();
    if let Some(day) = as_of.filter(|d| !d.trim().is_empty()) {
        params = params.as_of(day.trim()).map_err(wire)?;
    }
    rfm(orders, &params).map_err(wire)
}

fn run_rfm(columns: &OrderColumns, as_of: Option<&str>) -> Result<RfmView, WireError> {
    let started = now_ms();
    let orders = order_lines(columns)?;
    let result = rfm_of(&orders, as_of)?;
    Ok(RfmView {
        result,
        rows: orders.rows,
        ms: now_ms() - started,
    })
}

fn run_segments(id: JobId, request: &SegmentRequest) -> Result<SegmentsView, WireError> {
    let params = KMeansParams::new(request.k)
        .seed(request.seed)
        .n_init(request.n_init);
    let mut progress = compute_progress(id);
    match &request.source {
        SegmentSource::Rfm(columns) => {
            let orders = order_lines(columns)?;
            let result = rfm_of(&orders, None)?;
            let started = now_ms();
            let clusters =
                cluster_customers(&result, &params, request.log, &mut progress).map_err(wire)?;
            let ms = now_ms() - started;
            let raw = shoplens_core::segment::customers::rfm_features(&result).map_err(wire)?;
            let elbow = if request.elbow {
                let mut data = raw.clone();
                if request.log {
                    data.log1p().map_err(wire)?;
                }
                data.standardise();
                elbow_points(&data, &params, &mut progress)?
            } else {
                Vec::new()
            };
            Ok(SegmentsView {
                features: raw.names.clone(),
                log: request.log,
                k: request.k,
                seed: request.seed,
                n_init: request.n_init,
                inertia: clusters.model.inertia,
                silhouette: clusters.silhouette,
                n_iter: clusters.model.n_iter,
                profiles: clusters.profiles,
                projection: clusters.projection,
                labels: clusters.model.labels,
                ids: result
                    .customers
                    .iter()
                    .map(|c| c.customer.clone())
                    .collect(),
                values: raw.values,
                skipped_missing: 0,
                elbow,
                ms,
            })
        }
        SegmentSource::Columns(names) => {
            let raw = with_table(|table| Features::from_table(table, names).map_err(wire))?;
            let mut data = raw.clone();
            if request.log {
                data.log1p().map_err(wire)?;
            }
            data.standardise();
            let started = now_ms();
            let model = fit(&data, &params, &mut progress).map_err(wire)?;
            let ms = now_ms() - started;
            let silhouette = if request.k >= 2 {
                Some(
                    silhouette_score_sampled(&data, &model.labels, SILHOUETTE_SAMPLE, request.seed)
                        .map_err(wire)?,
                )
            } else {
                None
            };
            let profiles = cluster_profiles(&raw, &model.labels, model.k, None).map_err(wire)?;
            let projection = if data.n_cols >= 2 {
                project_2d(&data).map_err(wire)?
            } else {
                Projection {
                    points: (0..data.n_rows).map(|i| [data.row(i)[0], 0.0]).collect(),
                    explained_variance_ratio: [1.0, 0.0],
                }
            };
            let elbow = if request.elbow {
                elbow_points(&data, &params, &mut progress)?
            } else {
                Vec::new()
            };
            Ok(SegmentsView {
                features: raw.names.clone(),
                log: request.log,
                k: request.k,
                seed: request.seed,
                n_init: request.n_init,
                inertia: model.inertia,
                silhouette,
                n_iter: model.n_iter,
                profiles,
                projection,
                labels: model.labels,
                ids: raw
                    .source_rows
                    .iter()
                    .map(|r| (r + 1).to_string())
                    .collect(),
                values: raw.values,
                skipped_missing: raw.skipped_missing,
                elbow,
                ms,
            })
        }
    }
}

/// Inertia and silhouette for k = 2..=10 (as many as there are points).
fn elbow_points(
    data: &Features,
    params: &KMeansParams,
    progress: &mut dyn shoplens_core::progress::Progress,
) -> Result<Vec<ElbowPoint>, WireError> {
    let top = ELBOW_MAX_K.min(data.n_rows.saturating_sub(1));
    if top < 2 {
        return Ok(Vec::new());
    }
    // The silhouette is O(n²) per k: nine of them on a 2,000-point sample keep this quick.
    elbow(data, 2..=top, params, 2_000, progress).map_err(wire)
}

fn run_churn(id: JobId, request: &ChurnRequest) -> Result<ChurnView, WireError> {
    let started = now_ms();
    let mut progress = compute_progress(id);
    let orders = order_lines(&request.columns)?;
    let last = orders
        .last_day()
        .ok_or_else(|| wire(Error::not_enough("order lines", 1, 0)))?;
    let cutoff = match request.cutoff.as_deref().map(str::trim) {
        Some(day) if !day.is_empty() => day.to_string(),
        // The latest cutoff whose whole window the data covers.
        _ => format_datetime((last - request.window_days + 1) * 86_400),
    };
    let params = ChurnParams::new(&cutoff)
        .map_err(wire)?
        .window_days(request.window_days);
    let dataset = churn_dataset(&orders, &params).map_err(wire)?;
    let _ = progress("churn", 1, 4);
    let mut held_out = request.classifier.build(request.seed);
    let evaluation =
        evaluate_churn(&dataset, held_out.as_mut(), 0.25, request.seed).map_err(wire)?;
    let _ = progress("churn", 2, 4);
    let test_labels: Vec<bool> = evaluation
        .test_rows
        .iter()
        .map(|&i| dataset.churned[i])
        .collect();
    let test_recency: Vec<f64> = evaluation
        .test_rows
        .iter()
        .map(|&i| dataset.features.row(i)[0])
        .collect();
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (p, &y) in evaluation.test_probabilities.iter().zip(&test_labels) {
        match (*p >= 0.5, y) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = ratio(2.0 * precision * recall, precision + recall);

    // The model that scores today's customers learns from every customer of the data set.
    let mut model = request.classifier.build(request.seed);
    model
        .fit(&dataset.features, &dataset.churned)
        .map_err(wire)?;
    let _ = progress("churn", 3, 4);
    let (ids, today) = current_features(&orders, params.trend_days).map_err(wire)?;
    let probabilities = model.predict_proba(&today).map_err(wire)?;
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
        .filter(|&i| scored[i].features[0] <= request.window_days as f64)
        .collect();
    let active_count = active.len();
    active.sort_by(|&a, &b| {
        scored[b]
            .probability
            .total_cmp(&scored[a].probability)
            .then(a.cmp(&b))
    });
    active.truncate(AT_RISK_LISTED);
    let means = column_means(&dataset.features);
    let mut at_risk: Vec<ScoredCustomer> = active.iter().map(|&i| scored[i].clone()).collect();
    explain(model.as_ref(), &mut at_risk, &means)?;
    let _ = progress("churn", 4, 4);
    scored.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    Ok(ChurnView {
        cutoff,
        window_days: request.window_days,
        classifier: request.classifier,
        customers: dataset.customers.len(),
        churned: dataset.churned.iter().filter(|&&c| c).count(),
        train_size: evaluation.train_size,
        test_size: evaluation.test_size,
        test_churn_rate: evaluation.test_churn_rate,
        auc: evaluation.auc,
        recency_auc: roc_auc(&test_recency, &test_labels),
        accuracy: evaluation.accuracy,
        precision,
        recall,
        f1,
        active: active_count,
        at_risk,
        scored,
        ms: now_ms() - started,
    })
}

fn column_means(features: &Features) -> Vec<f64> {
    let n = features.n_rows.max(1) as f64;
    (0..features.n_cols)
        .map(|j| {
            (0..features.n_rows)
                .map(|i| features.row(i)[j])
                .sum::<f64>()
                / n
        })
        .collect()
}

/// Fills in each customer's factors: how much the probability falls when one feature is set
/// to the training mean, all others kept (a one-feature-at-a-time attribution that works
/// for any classifier). The features whose typical value would lower the risk most are the
/// ones driving it.
fn explain(
    model: &dyn BinaryClassifier,
    customers: &mut [ScoredCustomer],
    means: &[f64],
) -> Result<(), WireError> {
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
    let names = FEATURES.iter().map(|s| s.to_string()).collect();
    let x = Features::from_rows(names, &rows).map_err(wire)?;
    let p = model.predict_proba(&x).map_err(wire)?;
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

/// SplitMix64 (Steele, Lea & Flood 2014): the generator of the speed check's data, chosen
/// because `tools/bench_customers.py` reproduces it bit for bit with NumPy.
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in [0, 1) from counter `i`.
pub fn uniform(i: u64) -> f64 {
    (splitmix64(i) >> 11) as f64 / (1u64 << 53) as f64
}

/// The speed check's customers: `n` points × 3 features around 8 centres. Point `i` belongs
/// to blob `i % 8`, whose centre is `10 · uniform(1e9 + 3·blob + j)`; the noise is the sum
/// of three uniforms minus 1.5.
pub fn bench_points(n: usize) -> Vec<f64> {
    let mut values = Vec::with_capacity(n * 3);
    for i in 0..n as u64 {
        let blob = i % 8;
        for j in 0..3u64 {
            let centre = 10.0 * uniform(1_000_000_000 + 3 * blob + j);
            let base = (3 * i + j) * 3;
            let noise = uniform(base) + uniform(base + 1) + uniform(base + 2) - 1.5;
            values.push(centre + noise);
        }
    }
    values
}

/// The speed check's order lines as CSV: 20 lines per order, 50,000 customers, dates over
/// 2010-12-01..2011-12-09, quantity 1–12, unit price 0.50–10.49.
pub fn bench_orders_csv(lines: usize) -> String {
    let mut csv = String::with_capacity(lines * 48 + 64);
    csv.push_str("InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n");
    let start_day = 14_944; // 2010-12-01
    let mut order_prefix = String::new();
    for i in 0..lines as u64 {
        let order = i / 20;
        if i % 20 == 0 {
            let customer = 10_000 + splitmix64(order ^ 0xC0FF_EE00) % 50_000;
            let day = start_day + (splitmix64(order ^ 0xDA7E) % 374) as i64;
            let minute = (splitmix64(order ^ 0x7111E) % 600) as i64 + 480;
            let when = format_datetime(day * 86_400 + minute * 60);
            order_prefix = format!("{},{customer},{when},", 500_000 + order);
        }
        let h = splitmix64(i ^ 0x9A17);
        let quantity = 1 + h % 12;
        let cents = 50 + (h >> 8) % 1000;
        csv.push_str(&order_prefix);
        csv.push_str(&format!("{quantity},{}.{:02}\n", cents / 100, cents % 100));
    }
    csv
}

fn run_bench(kind: BenchKind) -> Result<BenchView, WireError> {
    match kind {
        BenchKind::KMeans { n, k, n_init } => {
            let started = now_ms();
            let values = bench_points(n);
            let data = Features {
                names: vec!["a".into(), "b".into(), "c".into()],
                values,
                n_rows: n,
                n_cols: 3,
                source_rows: (0..n).collect(),
                skipped_missing: 0,
            };
            let prepare_ms = now_ms() - started;
            let started = now_ms();
            let model =
                fit(&data, &KMeansParams::new(k).n_init(n_init), &mut Silent).map_err(wire)?;
            Ok(BenchView {
                kind,
                prepare_ms,
                ms: now_ms() - started,
                value: model.inertia,
                count: model.n_iter,
            })
        }
        BenchKind::Rfm { lines } => {
            let started = now_ms();
            let csv = bench_orders_csv(lines);
            let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).map_err(wire)?;
            drop(csv);
            let prepare_ms = now_ms() - started;
            let started = now_ms();
            let columns = OrderColumns {
                customer: "CustomerID".into(),
                date: "InvoiceDate".into(),
                amount: shoplens_core::segment::AmountColumns::QuantityPrice {
                    quantity: "Quantity".into(),
                    price: "UnitPrice".into(),
                },
                invoice: Some("InvoiceNo".into()),
            };
            let orders = OrderLines::from_table(&table, &columns).map_err(wire)?;
            let result = rfm(&orders, &RfmParams::new()).map_err(wire)?;
            let ms = now_ms() - started;
            Ok(BenchView {
                kind,
                prepare_ms,
                ms,
                value: result.segments.iter().map(|s| s.revenue).sum(),
                count: result.customers.len(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_published_sequence() {
        // First outputs of SplitMix64 seeded with 0 (state advanced by the golden gamma
        // before mixing), as in Vigna's reference splitmix64.c.
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
        assert!((0.0..1.0).contains(&uniform(12345)));
    }

    #[test]
    fn generated_orders_parse_and_score() {
        let csv = bench_orders_csv(2_000);
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(table.n_rows(), 2_000);
        let columns = OrderColumns {
            customer: "CustomerID".into(),
            date: "InvoiceDate".into(),
            amount: shoplens_core::segment::AmountColumns::QuantityPrice {
                quantity: "Quantity".into(),
                price: "UnitPrice".into(),
            },
            invoice: Some("InvoiceNo".into()),
        };
        let orders = OrderLines::from_table(&table, &columns).unwrap();
        assert_eq!(orders.cancelled + orders.skipped_no_id, 0);
        let result = rfm(&orders, &RfmParams::new()).unwrap();
        // 100 orders of customers drawn from 50,000 ids: a repeat is possible, rare.
        assert!((95..=100).contains(&result.customers.len()));
    }
}
