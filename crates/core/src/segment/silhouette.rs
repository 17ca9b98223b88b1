//! The mean silhouette coefficient (Rousseeuw 1987), as scikit-learn's `silhouette_score`.
//!
//! For point `i` in cluster `A`: `a` = mean Euclidean distance to the other points of `A`,
//! `b` = the smallest mean distance to the points of another cluster, `s = (b − a) / max(a, b)`;
//! a point alone in its cluster scores 0. The score is the mean of `s`. It costs O(n²):
//! [`silhouette_score_sampled`] computes it on a seeded random subset, as scikit-learn's
//! `sample_size` does, for the browser on large customer bases.

use crate::learn::Matrix;
use crate::rt::seeded;
use crate::{Allowed, Error, Result};
use rand::seq::index::sample;

/// The mean silhouette of all points. Needs 2 ≤ number of clusters ≤ n − 1.
pub fn silhouette_score(data: &Matrix, labels: &[u32]) -> Result<f64> {
    let all: Vec<usize> = (0..data.n_rows()).collect();
    silhouette_of(data, labels, &all)
}

/// The mean silhouette of a seeded random sample of at most `max_points` points (all of
/// them when there are no more than that).
pub fn silhouette_score_sampled(
    data: &Matrix,
    labels: &[u32],
    max_points: usize,
    seed: u64,
) -> Result<f64> {
    if max_points < 2 {
        return Err(Error::invalid_parameter(
            "silhouette_sample",
            max_points,
            Allowed::AtLeast(2.0),
        ));
    }
    if data.n_rows() <= max_points {
        return silhouette_score(data, labels);
    }
    let mut rng = seeded(seed);
    let mut points = sample(&mut rng, data.n_rows(), max_points).into_vec();
    points.sort_unstable();
    silhouette_of(data, labels, &points)
}

fn silhouette_of(data: &Matrix, labels: &[u32], points: &[usize]) -> Result<f64> {
    if labels.len() != data.n_rows() {
        return Err(Error::invalid_parameter(
            "labels",
            labels.len(),
            crate::Allowed::count(data.n_rows(), crate::Per::Row),
        ));
    }
    let k = points
        .iter()
        .map(|&i| labels[i] as usize + 1)
        .max()
        .unwrap_or(0);
    let mut sizes = vec![0usize; k];
    for &i in points {
        sizes[labels[i] as usize] += 1;
    }
    let clusters = sizes.iter().filter(|&&s| s > 0).count();
    if clusters < 2 || clusters >= points.len() {
        return Err(Error::invalid_parameter(
            "clusters",
            clusters,
            crate::Allowed::Between(2.0, points.len().saturating_sub(1) as f64),
        ));
    }
    let m = points.len();
    // sums[p * k + c]: total distance from point p to the points of cluster c.
    let mut sums = vec![0.0; m * k];
    for p in 0..m {
        let row = data.row(points[p]);
        let cp = labels[points[p]] as usize;
        for q in p + 1..m {
            let dist = row
                .iter()
                .zip(data.row(points[q]))
                .map(|(x, y)| (x - y) * (x - y))
                .sum::<f64>()
                .sqrt();
            sums[p * k + labels[points[q]] as usize] += dist;
            sums[q * k + cp] += dist;
        }
    }
    let mut total = 0.0;
    for p in 0..m {
        let own = labels[points[p]] as usize;
        if sizes[own] <= 1 {
            continue;
        }
        let a = sums[p * k + own] / (sizes[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && sizes[c] > 0)
            .map(|c| sums[p * k + c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let denominator = a.max(b);
        if denominator > 0.0 {
            total += (b - a) / denominator;
        }
    }
    Ok(total / m as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_computed_case() {
        // Points 0, 1 in cluster 0 and 4 in cluster 1 on a line.
        // s(0) = (4 - 1) / 4, s(1) = (3 - 1) / 3, s(4) = 0 (alone).
        let data = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![4.0]]).unwrap();
        let s = silhouette_score(&data, &[0, 0, 1]).unwrap();
        let expected = (0.75 + 2.0 / 3.0) / 3.0;
        assert!((s - expected).abs() < 1e-12);
    }

    #[test]
    fn refuses_one_cluster_or_one_point_per_cluster() {
        let data = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![4.0]]).unwrap();
        assert!(silhouette_score(&data, &[0, 0, 0]).is_err());
        assert!(silhouette_score(&data, &[0, 1, 2]).is_err());
        assert!(silhouette_score(&data, &[0, 1]).is_err());
    }
}
