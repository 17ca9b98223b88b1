//! Greedy k-means++ seeding, as scikit-learn's `_kmeans_plusplus`.
//!
//! The first centre is a uniformly drawn point. Each next centre: draw `2 + ⌊ln k⌋`
//! candidates with probability proportional to their squared distance to the nearest centre
//! so far, and keep the candidate that leaves the smallest total squared distance. The
//! greedy trials make a bad seeding (and so a bad local optimum) much rarer than plain
//! k-means++.

use super::distance::squared_distance;
use crate::learn::Matrix;
use crate::rt::Rng;
use rand::Rng as _;

/// `k` initial centres (row-major, `k × n_cols`) for `data`; `k` must be in `1..=n_rows`.
pub fn kmeans_plus_plus(data: &Matrix, k: usize, rng: &mut Rng) -> Vec<f64> {
    let (n, d) = (data.n_rows(), data.n_cols());
    let trials = 2 + (k as f64).ln() as usize;
    let mut centers = Vec::with_capacity(k * d);
    let first = rng.random_range(0..n);
    centers.extend_from_slice(data.row(first));
    let mut closest: Vec<f64> = (0..n)
        .map(|i| squared_distance(data.row(i), data.row(first)))
        .collect();
    let mut potential: f64 = closest.iter().sum();
    let mut cumulative = vec![0.0; n];
    let mut candidate_dist = vec![0.0; n];
    let mut best_dist = vec![0.0; n];
    for _ in 1..k {
        let mut running = 0.0;
        for (c, d2) in cumulative.iter_mut().zip(&closest) {
            running += d2;
            *c = running;
        }
        let mut best: Option<(f64, usize)> = None;
        for _ in 0..trials {
            let target = rng.random::<f64>() * potential;
            // The first point whose cumulative weight reaches the target (numpy searchsorted,
            // side left), clipped to the last point against rounding.
            let candidate = cumulative.partition_point(|&c| c < target).min(n - 1);
            let mut candidate_potential = 0.0;
            for (i, (out, d2)) in candidate_dist.iter_mut().zip(&closest).enumerate() {
                *out = d2.min(squared_distance(data.row(i), data.row(candidate)));
                candidate_potential += *out;
            }
            if best.is_none_or(|(p, _)| candidate_potential < p) {
                best = Some((candidate_potential, candidate));
                std::mem::swap(&mut best_dist, &mut candidate_dist);
            }
        }
        if let Some((p, candidate)) = best {
            potential = p;
            std::mem::swap(&mut closest, &mut best_dist);
            centers.extend_from_slice(data.row(candidate));
        }
    }
    centers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::seeded;

    #[test]
    fn seeds_one_centre_in_each_far_apart_group() {
        let rows: Vec<Vec<f64>> = (0..30)
            .map(|i| vec![(i / 10) as f64 * 100.0 + (i % 10) as f64 * 0.01])
            .collect();
        let data = Matrix::from_rows(&rows).unwrap();
        for seed in 0..20 {
            let mut groups: Vec<i64> = kmeans_plus_plus(&data, 3, &mut seeded(seed))
                .iter()
                .map(|c| (c / 100.0).round() as i64)
                .collect();
            groups.sort_unstable();
            assert_eq!(groups, [0, 1, 2], "seed {seed}");
        }
    }
}
