//! The Customers page's k-means view in one call: RFM values → features → k-means →
//! profiles, silhouette and the 2-D map.
//!
//! Features are recency (days), frequency (orders) and monetary value of each customer from
//! an [`RfmResult`], optionally `log1p`-transformed (frequency and spend are heavily skewed),
//! then standardised. Profiles report the untransformed means, so a segment reads "bought 41
//! days ago, 6 orders, 1,200 spent on average".

use super::columns::{log1p, ChosenColumns};
use super::kmeans::{KMeansFit, KMeansParams};
use super::pca::{project_2d, Projection};
use super::profile::{cluster_profiles, ClusterProfiles};
use super::rfm::RfmResult;
use super::silhouette::silhouette_score_sampled;
use crate::learn::preprocess::StandardScaler;
use crate::learn::{Fit, Matrix, Transform, Transformer};
use crate::progress::Progress;
use crate::Result;
use serde::{Deserialize, Serialize};

/// The points the silhouette is computed on at most (it costs O(n²)).
pub const SILHOUETTE_SAMPLE: usize = 5_000;

/// k-means segments of the customers of an RFM result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerClusters {
    /// The model; `labels[i]` is the cluster of `RfmResult::customers[i]`.
    pub model: KMeansFit,
    /// Mean silhouette (on a seeded sample of at most [`SILHOUETTE_SAMPLE`] customers);
    /// `None` for k = 1.
    pub silhouette: Option<f64>,
    /// Size, revenue share and mean recency/frequency/monetary of each cluster.
    pub profiles: ClusterProfiles,
    /// Each customer on the first two principal components of the clustered features.
    pub projection: Projection,
}

/// Recency, frequency and monetary value of each customer, one row each.
pub fn rfm_features(result: &RfmResult) -> Result<ChosenColumns> {
    let rows: Vec<Vec<f64>> = result
        .customers
        .iter()
        .map(|c| vec![c.recency as f64, f64::from(c.frequency), c.monetary])
        .collect();
    ChosenColumns::from_rows(
        vec!["recency".into(), "frequency".into(), "monetary".into()],
        &rows,
    )
}

/// Clusters the customers of `result` on (optionally log1p) standardised R, F, M.
pub fn cluster_customers(
    result: &RfmResult,
    params: &KMeansParams,
    log: bool,
    progress: &mut dyn Progress,
) -> Result<CustomerClusters> {
    let raw = rfm_features(result)?;
    let revenue: Vec<f64> = result.customers.iter().map(|c| c.monetary).collect();
    cluster_features(&raw, Some(&revenue), params, log, progress)
}

/// The matrix k-means runs on: `raw`'s values, log1p-transformed when `log`, then
/// standardised (population standard deviation, a constant column centred only).
pub fn prepared(raw: &ChosenColumns, log: bool) -> Result<Matrix> {
    let data = if log {
        log1p(&raw.values, &raw.names)?
    } else {
        raw.values.clone()
    };
    StandardScaler.fit(&data)?.transform(&data)
}

/// Clusters the rows of `raw` (any numeric features, one row per customer) on optionally
/// log1p, standardised values; profiles report the untransformed means, and the revenue
/// share when `revenue` gives each row's spend. One feature is mapped on a line (the
/// second coordinate 0), two or more on their first two principal components.
pub fn cluster_features(
    raw: &ChosenColumns,
    revenue: Option<&[f64]>,
    params: &KMeansParams,
    log: bool,
    progress: &mut dyn Progress,
) -> Result<CustomerClusters> {
    let data = prepared(raw, log)?;
    let model = params.fit_with(&data, &[], progress)?;
    let silhouette = if params.k >= 2 {
        Some(silhouette_score_sampled(
            &data,
            &model.labels,
            SILHOUETTE_SAMPLE,
            params.seed,
        )?)
    } else {
        None
    };
    let profiles = cluster_profiles(&raw.values, &raw.names, &model.labels, model.k, revenue)?;
    let projection = if data.n_cols() >= 2 {
        project_2d(&data)?
    } else {
        Projection {
            points: (0..data.n_rows()).map(|i| [data.row(i)[0], 0.0]).collect(),
            explained_variance_ratio: [1.0, 0.0],
        }
    };
    Ok(CustomerClusters {
        model,
        silhouette,
        profiles,
        projection,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::segment::export::rfm_csv;
    use crate::segment::orders::{AmountColumns, OrderColumns, OrderLines};
    use crate::segment::rfm::{rfm, RfmParams};
    use crate::table::{read_bytes, ReadOptions};
    use crate::Lang;

    const SAMPLE: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
    );

    #[test]
    fn clusters_the_online_retail_customers_end_to_end() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let columns = OrderColumns {
            customer: "CustomerID".into(),
            date: "InvoiceDate".into(),
            amount: AmountColumns::QuantityPrice {
                quantity: "Quantity".into(),
                price: "UnitPrice".into(),
            },
            invoice: Some("InvoiceNo".into()),
        };
        let orders = OrderLines::from_table(&table, &columns).unwrap();
        let result = rfm(&orders, &RfmParams::new()).unwrap();
        let clusters =
            cluster_customers(&result, &KMeansParams::new(4), true, &mut Silent).unwrap();
        let n = result.customers.len();
        assert_eq!(clusters.model.labels.len(), n);
        assert_eq!(clusters.projection.points.len(), n);
        let sizes: usize = clusters.profiles.clusters.iter().map(|p| p.size).sum();
        assert_eq!(sizes, n);
        let share: f64 = clusters
            .profiles
            .clusters
            .iter()
            .map(|p| p.share_of_revenue)
            .sum();
        assert!((share - 1.0).abs() < 1e-9);
        let total: f64 = result.customers.iter().map(|c| c.monetary).sum();
        let revenue: f64 = clusters.profiles.clusters.iter().map(|p| p.revenue).sum();
        assert!((revenue - total).abs() < 1e-6 * total);
        let s = clusters.silhouette.unwrap();
        assert!((-1.0..=1.0).contains(&s));
        // The JSON the worker sends to the page round-trips.
        let json = serde_json::to_string(&clusters).unwrap();
        let back: CustomerClusters = serde_json::from_str(&json).unwrap();
        assert_eq!(back.model.labels, clusters.model.labels);
        // And the export carries one line per customer plus the header, cluster numbered from 1.
        let csv = rfm_csv(&result, Some(&clusters.model.labels), Lang::Zh);
        assert!(csv.starts_with("\u{feff}客户,"));
        assert_eq!(csv.lines().count(), n + 1);
    }
}
