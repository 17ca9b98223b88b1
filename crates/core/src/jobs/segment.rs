//! k-means segments, of a customer table's numeric columns or of the recency, frequency
//! and monetary value computed from order lines: the Customers tab's segments view and
//! `shoplens segment`. With `elbow`, inertia and silhouette for k = 2..=10 as well.

use crate::learn::Matrix;
use crate::progress::Progress;
use crate::rt::Clock;
use crate::segment::columns::ChosenColumns;
use crate::segment::customers::{cluster_customers, cluster_features, prepared, rfm_features};
use crate::segment::kmeans::{elbow, ElbowPoint, KMeansParams};
use crate::segment::pca::Projection;
use crate::segment::profile::ClusterProfiles;
use crate::segment::{rfm, OrderColumns, OrderLines, RfmParams};
use crate::table::Table;
use crate::Result;
use serde::{Deserialize, Serialize};

/// The largest k the elbow tries.
pub const ELBOW_MAX_K: usize = 10;

/// Points the elbow's silhouettes are computed on at most (each costs O(n²)).
const ELBOW_SILHOUETTE_SAMPLE: usize = 2_000;

/// What k-means clusters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentSource {
    /// Numeric columns of a table with one row per customer (empty: every numeric column).
    Columns(Vec<String>),
    /// Recency, frequency and monetary value computed from order lines.
    Rfm(OrderColumns),
}

/// k-means segments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SegmentJob {
    /// The features.
    pub source: SegmentSource,
    /// Take log(1 + x) before standardising. Default false.
    pub log: bool,
    /// Number of segments. Default 4.
    pub k: usize,
    /// Seed of the random starts. Default 42.
    pub seed: u64,
    /// Number of k-means++ starts. Default 10.
    pub n_init: usize,
    /// Also compute inertia and silhouette for k = 2..=10. Default false.
    pub elbow: bool,
}

impl Default for SegmentJob {
    fn default() -> Self {
        SegmentJob {
            source: SegmentSource::Columns(Vec::new()),
            log: false,
            k: 4,
            seed: crate::rt::DEFAULT_SEED,
            n_init: 10,
            elbow: false,
        }
    }
}

/// A checked [`SegmentJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedSegment {
    /// The spec.
    pub spec: SegmentJob,
    /// The k-means parameters (checked against the number of rows when they are known).
    pub params: KMeansParams,
}

impl SegmentJob {
    /// Checks what can be checked before the rows are known: at least one segment and one
    /// start.
    pub fn check(&self) -> Result<CheckedSegment> {
        let params = KMeansParams::new(self.k)
            .seed(self.seed)
            .n_init(self.n_init);
        params.check(usize::MAX)?;
        Ok(CheckedSegment {
            spec: self.clone(),
            params,
        })
    }
}

/// k-means as every front shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentOutput {
    /// Feature names.
    pub features: Vec<String>,
    /// Whether log1p was applied.
    pub log: bool,
    /// Segments.
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
    /// Centres of the segments in the clustered (log1p, standardised) feature space.
    #[serde(default)]
    pub centers: Vec<Vec<f64>>,
    /// The k-means++ centres the best start began from, in the same space.
    #[serde(default)]
    pub initial_centers: Vec<Vec<f64>>,
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
    /// Milliseconds of the k-means fit for the chosen k, by the front's clock.
    pub ms: f64,
}

/// Clusters the rows of `table` as the job says.
pub fn run(
    job: &CheckedSegment,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<SegmentOutput> {
    let spec = &job.spec;
    let (raw, ids, clusters, ms) = match &spec.source {
        SegmentSource::Rfm(columns) => {
            let orders = OrderLines::from_table(table, columns)?;
            let result = rfm(&orders, &RfmParams::new())?;
            let started = clock.now_seconds();
            let clusters = cluster_customers(&result, &job.params, spec.log, progress)?;
            let ms = (clock.now_seconds() - started) * 1000.0;
            let ids = result
                .customers
                .iter()
                .map(|c| c.customer.clone())
                .collect();
            (rfm_features(&result)?, ids, clusters, ms)
        }
        SegmentSource::Columns(names) => {
            let raw = ChosenColumns::from_table(table, names)?;
            let started = clock.now_seconds();
            let clusters = cluster_features(&raw, None, &job.params, spec.log, progress)?;
            let ms = (clock.now_seconds() - started) * 1000.0;
            let ids = raw
                .source_rows
                .iter()
                .map(|r| (r + 1).to_string())
                .collect();
            (raw, ids, clusters, ms)
        }
    };
    let elbow = if spec.elbow {
        elbow_points(&prepared(&raw, spec.log)?, &job.params, progress)?
    } else {
        Vec::new()
    };
    Ok(SegmentOutput {
        features: raw.names.clone(),
        log: spec.log,
        k: spec.k,
        seed: spec.seed,
        n_init: spec.n_init,
        inertia: clusters.model.inertia,
        silhouette: clusters.silhouette,
        n_iter: clusters.model.n_iter,
        centers: clusters.model.centers,
        initial_centers: clusters.model.initial_centers,
        profiles: clusters.profiles,
        projection: clusters.projection,
        labels: clusters.model.labels,
        ids,
        skipped_missing: raw.skipped_missing,
        values: raw.values.as_slice().to_vec(),
        elbow,
        ms,
    })
}

/// Inertia and silhouette for k = 2..=10 (as many as there are points).
fn elbow_points(
    data: &Matrix,
    params: &KMeansParams,
    progress: &mut dyn Progress,
) -> Result<Vec<ElbowPoint>> {
    let top = ELBOW_MAX_K.min(data.n_rows().saturating_sub(1));
    if top < 2 {
        return Ok(Vec::new());
    }
    elbow(data, 2..=top, params, ELBOW_SILHOUETTE_SAMPLE, progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::Fit;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    const WHOLESALE: &[u8] =
        include_bytes!("../../../../testdata/uci-wholesale-customers/Wholesale_customers_data.csv");

    /// The columns source clusters the same standardised log1p values as the kernel
    /// called directly, and the elbow covers k = 2..=10.
    #[test]
    fn columns_segments_match_the_kernel_and_carry_an_elbow() {
        let table = read_bytes(WHOLESALE, &ReadOptions::default()).unwrap();
        let names: Vec<String> = ["Fresh", "Milk", "Grocery"].map(String::from).to_vec();
        let job: SegmentJob = serde_json::from_str(
            r#"{"source": {"columns": ["Fresh", "Milk", "Grocery"]}, "k": 3, "log": true, "elbow": true}"#,
        )
        .unwrap();
        let checked = job.check().unwrap();
        let out = run(&checked, &table, &mut Silent, &FrozenClock).unwrap();
        let data = prepared(&ChosenColumns::from_table(&table, &names).unwrap(), true).unwrap();
        let direct = checked.params.fit(&data, &[]).unwrap();
        assert_eq!(out.labels, direct.labels);
        assert!((out.inertia - direct.inertia).abs() < 1e-9);
        assert_eq!(out.ids.len(), 440);
        assert_eq!(
            out.elbow.iter().map(|p| p.k).collect::<Vec<_>>(),
            (2..=10).collect::<Vec<_>>()
        );
        let zero = SegmentJob { k: 0, ..job };
        assert!(zero.check().is_err());
    }
}
