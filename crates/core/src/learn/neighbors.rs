//! k-nearest neighbours, classifier and regressor, by brute force (every query against
//! every training row), as scikit-learn's `KNeighborsClassifier` / `KNeighborsRegressor`
//! with `algorithm="brute"`.
//!
//! Neighbours are ordered by distance, then by training row (so ties are deterministic).
//! With `Weights::Distance`, a query that coincides with training rows takes their values
//! alone (sklearn's rule for zero distances). Features should be scaled first (the default
//! preprocessing standardises them).

use super::matrix::{check_fit_shapes, check_predict_shape};
use super::{Fit, Matrix, Predict, PredictProba};
use crate::progress::Progress;
use crate::{Allowed, Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// How neighbours' votes are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weights {
    /// Every neighbour counts the same.
    Uniform,
    /// A neighbour counts 1 / distance.
    Distance,
}

/// How distance is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Distance {
    /// Straight-line distance.
    Euclidean,
    /// Sum of absolute differences (city blocks).
    Manhattan,
}

impl Distance {
    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Distance::Euclidean => lang.pick("欧氏距离", "Euclidean"),
            Distance::Manhattan => lang.pick("曼哈顿距离", "Manhattan"),
        }
    }

    fn between(self, a: &[f64], b: &[f64]) -> f64 {
        match self {
            Distance::Euclidean => a
                .iter()
                .zip(b)
                .map(|(x, y)| (x - y) * (x - y))
                .sum::<f64>()
                .sqrt(),
            Distance::Manhattan => a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum(),
        }
    }
}

/// Parameters of a KNN model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KnnParams {
    /// Number of neighbours, ≥ 1. Default 5.
    pub k: usize,
    /// Vote weights. Default uniform.
    pub weights: Weights,
    /// Distance. Default Euclidean.
    pub distance: Distance,
}

impl Default for KnnParams {
    fn default() -> Self {
        KnnParams::new()
    }
}

impl KnnParams {
    /// Defaults: `k = 5`, uniform weights, Euclidean distance (sklearn's defaults).
    pub fn new() -> Self {
        KnnParams {
            k: 5,
            weights: Weights::Uniform,
            distance: Distance::Euclidean,
        }
    }

    /// Sets k.
    pub fn k(mut self, k: usize) -> Self {
        self.k = k;
        self
    }

    /// Sets the weights.
    pub fn weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Sets the distance.
    pub fn distance(mut self, distance: Distance) -> Self {
        self.distance = distance;
        self
    }

    /// Checks the parameters against the number of training rows.
    pub fn check(&self, n_rows: usize) -> Result<()> {
        if self.k == 0 || self.k > n_rows {
            return Err(Error::invalid_parameter(
                "k",
                self.k,
                Allowed::Between(1.0, n_rows as f64),
            ));
        }
        Ok(())
    }
}

/// A fitted KNN model: the training rows themselves. `Y` is `usize` (classes) or `f64`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Knn<Y> {
    params: KnnParams,
    x: Matrix,
    y: Vec<Y>,
    /// Number of classes (0 for a regressor).
    n_classes: usize,
}

/// A fitted KNN classifier.
pub type KnnClassifier = Knn<usize>;
/// A fitted KNN regressor.
pub type KnnRegressor = Knn<f64>;

impl<Y> Knn<Y> {
    /// For each query row, its `k` neighbours as (training row, weight).
    fn neighbours(&self, x: &Matrix) -> Result<Vec<Vec<(usize, f64)>>> {
        check_predict_shape(x, self.x.n_cols())?;
        let k = self.params.k;
        let mut dist: Vec<(f64, usize)> = Vec::with_capacity(self.x.n_rows());
        let mut out = Vec::with_capacity(x.n_rows());
        for q in 0..x.n_rows() {
            let query = x.row(q);
            dist.clear();
            dist.extend(
                (0..self.x.n_rows())
                    .map(|r| (self.params.distance.between(query, self.x.row(r)), r)),
            );
            let by_distance =
                |a: &(f64, usize), b: &(f64, usize)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
            if k < dist.len() {
                dist.select_nth_unstable_by(k - 1, by_distance);
                dist.truncate(k);
            }
            dist.sort_unstable_by(by_distance);
            let exact = dist.iter().any(|d| d.0 == 0.0);
            out.push(
                dist.iter()
                    .map(|&(d, r)| {
                        let w = match self.params.weights {
                            Weights::Uniform => 1.0,
                            Weights::Distance if exact => f64::from(u8::from(d == 0.0)),
                            Weights::Distance => 1.0 / d,
                        };
                        (r, w)
                    })
                    .collect(),
            );
        }
        Ok(out)
    }
}

impl Fit<usize> for KnnParams {
    type Model = KnnClassifier;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[usize],
        _progress: &mut dyn Progress,
    ) -> Result<KnnClassifier> {
        check_fit_shapes(x, y.len(), 1)?;
        self.check(x.n_rows())?;
        Ok(Knn {
            params: self.clone(),
            x: x.clone(),
            y: y.to_vec(),
            n_classes: y.iter().max().map_or(0, |m| m + 1),
        })
    }
}

impl Fit<f64> for KnnParams {
    type Model = KnnRegressor;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[f64],
        _progress: &mut dyn Progress,
    ) -> Result<KnnRegressor> {
        check_fit_shapes(x, y.len(), 1)?;
        self.check(x.n_rows())?;
        if let Some(p) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                crate::Subject::TargetAtRow(p + 1),
                y[p],
                Allowed::FiniteNumber,
            ));
        }
        Ok(Knn {
            params: self.clone(),
            x: x.clone(),
            y: y.to_vec(),
            n_classes: 0,
        })
    }
}

impl PredictProba for KnnClassifier {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        let neighbours = self.neighbours(x)?;
        let mut out = Matrix::zeros(x.n_rows(), self.n_classes);
        for (q, list) in neighbours.iter().enumerate() {
            let total: f64 = list.iter().map(|n| n.1).sum();
            for &(r, w) in list {
                let c = self.y[r];
                out.set(q, c, out.get(q, c) + w / total);
            }
        }
        Ok(out)
    }
}

impl Predict<usize> for KnnClassifier {
    fn predict(&self, x: &Matrix) -> Result<Vec<usize>> {
        // Vote ties go to the smallest class, as sklearn's argmax.
        Ok(self.predict_proba(x)?.argmax_rows())
    }
}

impl Predict<f64> for KnnRegressor {
    fn predict(&self, x: &Matrix) -> Result<Vec<f64>> {
        Ok(self
            .neighbours(x)?
            .iter()
            .map(|list| {
                let total: f64 = list.iter().map(|n| n.1).sum();
                list.iter().map(|&(r, w)| w * self.y[r]).sum::<f64>() / total
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};
    use serde_json::Value;

    const ADVERTISING: &[u8] =
        include_bytes!("../../../../testdata/islr-advertising/Advertising.csv");
    const FIXTURE: &str = include_str!("../../../../testdata/fixtures/learn_advertising.json");

    /// scikit-learn 1.9.1 `KNeighborsRegressor` predictions on Advertising rows 150..200.
    #[test]
    fn regressor_matches_sklearn() {
        let t = read_bytes(ADVERTISING, &ReadOptions::default()).unwrap();
        let cols: Vec<_> = ["TV", "radio", "newspaper"]
            .iter()
            .map(|n| t.column_by_name(n).unwrap())
            .collect();
        let rows: Vec<Vec<f64>> = (0..t.n_rows())
            .map(|i| cols.iter().map(|c| c.f64(i).unwrap()).collect())
            .collect();
        let y: Vec<f64> = (0..t.n_rows())
            .map(|i| t.column_by_name("sales").unwrap().f64(i).unwrap())
            .collect();
        let x = Matrix::from_rows(&rows).unwrap();
        let train: Vec<usize> = (0..150).collect();
        let test: Vec<usize> = (150..200).collect();
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        let cases = [
            (
                KnnParams::new()
                    .k(5)
                    .weights(Weights::Distance)
                    .distance(Distance::Manhattan),
                "knn_distance_manhattan_k5",
            ),
            (KnnParams::new().k(3), "knn_uniform_euclidean_k3"),
        ];
        for (params, key) in cases {
            let m: KnnRegressor = params.fit(&x.select_rows(&train), &y[..150]).unwrap();
            let p = m.predict(&x.select_rows(&test)).unwrap();
            for (got, want) in p.iter().zip(f[key].as_array().unwrap()) {
                assert!(
                    (got - want.as_f64().unwrap()).abs() < 1e-9,
                    "{key}: {got} vs {want}"
                );
            }
        }
    }

    #[test]
    fn exact_matches_take_all_the_weight() {
        let x = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![5.0]]).unwrap();
        let m: KnnRegressor = KnnParams::new()
            .k(3)
            .weights(Weights::Distance)
            .fit(&x, &[10.0, 20.0, 30.0])
            .unwrap();
        assert_eq!(
            m.predict(&Matrix::from_rows(&[vec![1.0]]).unwrap())
                .unwrap(),
            vec![20.0]
        );
    }

    #[test]
    fn k_larger_than_the_data_is_an_error() {
        let x = Matrix::from_rows(&[vec![0.0], vec![1.0]]).unwrap();
        let e = <KnnParams as Fit<usize>>::fit(&KnnParams::new(), &x, &[0, 1]).unwrap_err();
        assert!(e.to_string().contains("k = 5"));
    }
}
