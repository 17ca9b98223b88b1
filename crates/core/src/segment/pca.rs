//! Principal component analysis for the 2-D map of customers.
//!
//! The components are the top eigenvectors of the feature covariance matrix (denominator
//! `n − 1`, as scikit-learn's `PCA.explained_variance_`). The covariance is only `d × d` with
//! `d` the handful of features, so a cyclic **Jacobi eigenvalue solver** written here (Golub &
//! Van Loan, *Matrix Computations*, §8.5) is enough and exact to rounding for every
//! eigenpair; it keeps core free of a linear-algebra crate (nalgebra or ndarray would add
//! much to the wasm bundle for one small symmetric matrix), and unlike power iteration it
//! does not slow down when the top eigenvalues are close.
//!
//! Signs follow scikit-learn's `svd_flip` (1.9, `u_based_decision=False`): in each component
//! the entry of largest magnitude is positive, so the picture does not flip between runs.

use crate::learn::Matrix;
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// A fitted PCA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pca {
    /// Column means subtracted before projecting.
    pub mean: Vec<f64>,
    /// Principal axes, one row per component, largest variance first.
    pub components: Vec<Vec<f64>>,
    /// Variance along each component.
    pub explained_variance: Vec<f64>,
    /// Share of the total variance along each component.
    pub explained_variance_ratio: Vec<f64>,
}

/// Customers projected on the first two components, for the scatter plot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Projection {
    /// `(pc1, pc2)` of each row.
    pub points: Vec<[f64; 2]>,
    /// Share of variance that each axis shows.
    pub explained_variance_ratio: [f64; 2],
}

impl Pca {
    /// Fits the top `n_components` components (1 ≤ n_components ≤ columns; needs 2 rows).
    pub fn fit(data: &Matrix, n_components: usize) -> Result<Pca> {
        let (n, d) = (data.n_rows(), data.n_cols());
        if n_components == 0 || n_components > d {
            return Err(Error::invalid_parameter(
                "n_components",
                n_components,
                Allowed::Between(1.0, d as f64),
            ));
        }
        if n < 2 {
            return Err(Error::not_enough(Counted::Rows, 2, n));
        }
        let mut mean = vec![0.0; d];
        for i in 0..n {
            for (m, v) in mean.iter_mut().zip(data.row(i)) {
                *m += v;
            }
        }
        mean.iter_mut().for_each(|m| *m /= n as f64);
        let mut cov = vec![0.0; d * d];
        for i in 0..n {
            let row = data.row(i);
            for a in 0..d {
                let da = row[a] - mean[a];
                for b in a..d {
                    cov[a * d + b] += da * (row[b] - mean[b]);
                }
            }
        }
        for a in 0..d {
            for b in a..d {
                cov[a * d + b] /= (n - 1) as f64;
                cov[b * d + a] = cov[a * d + b];
            }
        }
        let (values, vectors) = jacobi_eigen(cov, d);
        let mut order: Vec<usize> = (0..d).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
        let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
        let mut components = Vec::with_capacity(n_components);
        let mut explained_variance = Vec::with_capacity(n_components);
        for &j in order.iter().take(n_components) {
            let mut axis: Vec<f64> = (0..d).map(|i| vectors[i * d + j]).collect();
            let largest = axis
                .iter()
                .copied()
                .fold(0.0f64, |m, v| if v.abs() > m.abs() { v } else { m });
            if largest < 0.0 {
                axis.iter_mut().for_each(|v| *v = -*v);
            }
            components.push(axis);
            explained_variance.push(values[j].max(0.0));
        }
        let explained_variance_ratio = explained_variance
            .iter()
            .map(|v| if total > 0.0 { v / total } else { 0.0 })
            .collect();
        Ok(Pca {
            mean,
            components,
            explained_variance,
            explained_variance_ratio,
        })
    }

    /// Coordinates of each row of `data` on the components.
    pub fn transform(&self, data: &Matrix) -> Vec<Vec<f64>> {
        (0..data.n_rows())
            .map(|i| {
                let row = data.row(i);
                self.components
                    .iter()
                    .map(|axis| {
                        axis.iter()
                            .zip(row.iter().zip(&self.mean))
                            .map(|(a, (v, m))| a * (v - m))
                            .sum()
                    })
                    .collect()
            })
            .collect()
    }
}

/// The 2-D projection of `data` for the scatter plot (needs at least 2 features and 2 rows).
pub fn project_2d(data: &Matrix) -> Result<Projection> {
    let pca = Pca::fit(data, 2)?;
    let points = pca
        .transform(data)
        .into_iter()
        .map(|p| [p[0], p[1]])
        .collect();
    Ok(Projection {
        points,
        explained_variance_ratio: [
            pca.explained_variance_ratio[0],
            pca.explained_variance_ratio[1],
        ],
    })
}

/// Eigenvalues and eigenvectors (columns of the returned row-major `d × d` matrix) of the
/// symmetric row-major matrix `a`, by cyclic Jacobi rotations.
fn jacobi_eigen(mut a: Vec<f64>, d: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; d * d];
    for i in 0..d {
        v[i * d + i] = 1.0;
    }
    let scale: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    for _sweep in 0..100 {
        let off: f64 = (0..d)
            .flat_map(|p| (0..d).filter(move |&q| q != p).map(move |q| (p, q)))
            .map(|(p, q)| a[p * d + q] * a[p * d + q])
            .sum::<f64>()
            .sqrt();
        if off <= 1e-15 * scale {
            break;
        }
        for p in 0..d {
            for q in p + 1..d {
                let apq = a[p * d + q];
                if apq.abs() <= f64::MIN_POSITIVE {
                    continue;
                }
                // The rotation that zeroes a[p][q] (the stable form of G&VL 8.5.2); for
                // theta = 0, signum gives 1 and so t = 1, a 45° turn.
                let theta = (a[q * d + q] - a[p * d + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..d {
                    let akp = a[k * d + p];
                    let akq = a[k * d + q];
                    a[k * d + p] = c * akp - s * akq;
                    a[k * d + q] = s * akp + c * akq;
                }
                for k in 0..d {
                    let apk = a[p * d + k];
                    let aqk = a[q * d + k];
                    a[p * d + k] = c * apk - s * aqk;
                    a[q * d + k] = s * apk + c * aqk;
                }
                for k in 0..d {
                    let vkp = v[k * d + p];
                    let vkq = v[k * d + q];
                    v[k * d + p] = c * vkp - s * vkq;
                    v[k * d + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..d).map(|i| a[i * d + i]).collect(), v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::kmeans::tests_support::wholesale;

    const FIXTURE: &str =
        include_str!("../../../../testdata/fixtures/segment_kmeans_wholesale.json");

    #[test]
    fn matches_scikit_learn_pca_on_wholesale_customers() {
        let data = wholesale();
        let fixture: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
        let sk = &fixture["pca"];
        let pca = Pca::fit(&data, 2).unwrap();
        for (c, expected) in pca
            .components
            .iter()
            .zip(sk["components"].as_array().unwrap())
        {
            for (v, e) in c.iter().zip(expected.as_array().unwrap()) {
                assert!((v - e.as_f64().unwrap()).abs() < 1e-9, "{v} vs {e}");
            }
        }
        for (v, e) in pca
            .explained_variance
            .iter()
            .zip(sk["explained_variance"].as_array().unwrap())
        {
            assert!((v - e.as_f64().unwrap()).abs() < 1e-9);
        }
        let projection = project_2d(&data).unwrap();
        for (p, e) in projection
            .points
            .iter()
            .zip(sk["first_rows"].as_array().unwrap())
        {
            assert!((p[0] - e[0].as_f64().unwrap()).abs() < 1e-9);
            assert!((p[1] - e[1].as_f64().unwrap()).abs() < 1e-9);
        }
        let ratio = sk["explained_variance_ratio"][0].as_f64().unwrap();
        assert!((projection.explained_variance_ratio[0] - ratio).abs() < 1e-9);
    }

    #[test]
    fn finds_the_axes_of_a_stretched_cloud() {
        // Points along y = x with a little spread across: the first axis is (1, 1)/√2.
        let rows: Vec<Vec<f64>> = (0..20)
            .map(|i| {
                // Each t twice, wobbled both ways, so the wobble is uncorrelated with t.
                let t = (i / 2) as f64;
                let wobble = if i % 2 == 0 { 0.1 } else { -0.1 };
                vec![t + wobble, t - wobble]
            })
            .collect();
        let data = Matrix::from_rows(&rows).unwrap();
        let pca = Pca::fit(&data, 2).unwrap();
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!(
            (pca.components[0][0] - h).abs() < 1e-12 && (pca.components[0][1] - h).abs() < 1e-12
        );
        assert!(pca.explained_variance_ratio[0] > 0.99);
        assert!(Pca::fit(&data, 3).is_err());
    }
}
