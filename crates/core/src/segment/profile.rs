//! Profiles of k-means clusters: size, share of customers and revenue, mean of each feature.
//!
//! Means are taken on the features as the user knows them (before log and scaling), so the
//! table reads "spends 12,000 on Fresh on average", not "0.8 standard deviations".

use crate::learn::Matrix;
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// One cluster's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterProfile {
    /// Cluster number (0-based, as in the labels).
    pub cluster: u32,
    /// Customers in it.
    pub size: usize,
    /// Share of all customers (0–1).
    pub share_of_customers: f64,
    /// Revenue of its customers (0 when no revenue was given).
    pub revenue: f64,
    /// Share of all revenue (0–1; 0 when there is none).
    pub share_of_revenue: f64,
    /// Mean of each feature, in the order of [`ClusterProfiles::features`].
    pub means: Vec<f64>,
}

/// Profiles of every cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterProfiles {
    /// Feature names.
    pub features: Vec<String>,
    /// One profile per cluster `0..k`, empty clusters included.
    pub clusters: Vec<ClusterProfile>,
}

/// Profiles of `k` clusters of `data` (untransformed features, columns named by `names`)
/// given each row's label and, optionally, each row's revenue.
pub fn cluster_profiles(
    data: &Matrix,
    names: &[String],
    labels: &[u32],
    k: usize,
    revenue: Option<&[f64]>,
) -> Result<ClusterProfiles> {
    if labels.len() != data.n_rows() {
        return Err(Error::invalid_parameter(
            "labels",
            labels.len(),
            crate::Allowed::count(data.n_rows(), crate::Per::Row),
        ));
    }
    if let Some(r) = revenue {
        if r.len() != data.n_rows() {
            return Err(Error::invalid_parameter(
                "revenue",
                r.len(),
                crate::Allowed::count(data.n_rows(), crate::Per::Row),
            ));
        }
    }
    if let Some(&bad) = labels.iter().find(|&&l| l as usize >= k) {
        return Err(Error::invalid_parameter(
            "label",
            bad,
            Allowed::Below(k as f64),
        ));
    }
    let d = data.n_cols();
    let mut sizes = vec![0usize; k];
    let mut sums = vec![0.0; k * d];
    let mut money = vec![0.0; k];
    for (i, &label) in labels.iter().enumerate() {
        let c = label as usize;
        sizes[c] += 1;
        for (s, v) in sums[c * d..(c + 1) * d].iter_mut().zip(data.row(i)) {
            *s += v;
        }
        if let Some(r) = revenue {
            money[c] += r[i];
        }
    }
    let total_revenue: f64 = money.iter().sum();
    let n = data.n_rows().max(1) as f64;
    let clusters = (0..k)
        .map(|c| ClusterProfile {
            cluster: c as u32,
            size: sizes[c],
            share_of_customers: sizes[c] as f64 / n,
            revenue: money[c],
            share_of_revenue: if total_revenue.abs() > 0.0 {
                money[c] / total_revenue
            } else {
                0.0
            },
            means: sums[c * d..(c + 1) * d]
                .iter()
                .map(|s| {
                    if sizes[c] > 0 {
                        s / sizes[c] as f64
                    } else {
                        0.0
                    }
                })
                .collect(),
        })
        .collect();
    Ok(ClusterProfiles {
        features: names.to_vec(),
        clusters,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_shares_and_means() {
        let data =
            Matrix::from_rows(&[vec![10.0, 1.0], vec![30.0, 3.0], vec![100.0, 8.0]]).unwrap();
        let names = ["recency".to_string(), "orders".to_string()];
        let p = cluster_profiles(&data, &names, &[0, 0, 2], 3, Some(&[10.0, 30.0, 60.0])).unwrap();
        assert_eq!(p.clusters[0].size, 2);
        assert_eq!(p.clusters[0].means, [20.0, 2.0]);
        assert_eq!(p.clusters[1].size, 0);
        assert!((p.clusters[2].share_of_revenue - 0.6).abs() < 1e-12);
        assert!((p.clusters[0].share_of_customers - 2.0 / 3.0).abs() < 1e-12);
        assert!(cluster_profiles(&data, &names, &[0, 0, 3], 3, None).is_err());
    }
}
