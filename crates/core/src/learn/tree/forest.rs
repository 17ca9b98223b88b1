//! Random forests (Breiman 2001) as scikit-learn's `RandomForestClassifier` /
//! `RandomForestRegressor`: each tree is grown on a bootstrap sample (drawn as per-row
//! weights, as sklearn does) with a random subset of features tried at every split;
//! probabilities are the mean of the trees' leaf class shares; the out-of-bag score uses,
//! for each row, only the trees that did not see it; importances are the trees' mean
//! impurity decreases.
//!
//! Features are ranked once for the whole forest and shared by every tree; trees grow side
//! by side on the CLI's threads (`par`), each from seeds drawn in tree order beforehand.

use super::cart::{count_classes, rows_with_weight, Builder, DecisionTree, Labels, Presorted};
use super::params::{Criterion, MaxFeatures, TreeParams};
use crate::learn::matrix::{check_fit_shapes, check_predict_shape};
use crate::learn::{metrics, Fit, Matrix, Predict, PredictProba};
use crate::par;
use crate::progress::Progress;
use crate::progress::{stop_if_told, Stage};
use crate::rt::seeded;
use crate::{Allowed, Error, Result};
use rand::Rng as _;
use serde::{Deserialize, Serialize};

/// Parameters of a random forest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForestParams {
    /// Number of trees, ≥ 1. Default 100.
    pub n_trees: usize,
    /// Parameters of each tree; `max_features` defaults to √features for classification
    /// and all features for regression (sklearn's defaults), `seed` is the forest's seed.
    pub tree: TreeParams,
    /// Whether each tree sees a bootstrap sample (else all rows). Default true.
    pub bootstrap: bool,
    /// Whether to compute the out-of-bag score. Default true.
    pub oob_score: bool,
}

impl Default for ForestParams {
    fn default() -> Self {
        ForestParams::new()
    }
}

impl ForestParams {
    /// Defaults for classification: 100 trees, Gini, √features per split, bootstrap,
    /// out-of-bag score, seed 42.
    pub fn new() -> Self {
        ForestParams {
            n_trees: 100,
            tree: TreeParams::new().max_features(MaxFeatures::Sqrt),
            bootstrap: true,
            oob_score: true,
        }
    }

    /// Defaults for regression: as [`ForestParams::new`] with squared error and all
    /// features per split.
    pub fn regression() -> Self {
        ForestParams {
            tree: TreeParams::regression(),
            ..ForestParams::new()
        }
    }

    /// Sets the number of trees.
    pub fn n_trees(mut self, n: usize) -> Self {
        self.n_trees = n;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.tree.seed = seed;
        self
    }

    /// Checks the parameters.
    pub fn check(&self, classification: bool) -> Result<()> {
        if self.n_trees == 0 {
            return Err(Error::invalid_parameter(
                "n_trees",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        self.tree.check(classification)
    }
}

/// A fitted random forest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RandomForest {
    /// The trees (each can be drawn like a single tree).
    pub trees: Vec<DecisionTree>,
    /// Number of features.
    pub n_features: usize,
    /// Number of classes (0 for regression).
    pub n_classes: usize,
    /// Out-of-bag accuracy (classification) or R² (regression) over the rows that at least
    /// one tree left out; `None` when not asked for or without bootstrap.
    pub oob_score: Option<f64>,
    /// Mean impurity decrease per feature, summing to 1.
    pub feature_importances: Vec<f64>,
}

fn grow_forest(
    params: &ForestParams,
    x: &Matrix,
    target: Labels<'_>,
    n_classes: usize,
    progress: &mut dyn Progress,
) -> Result<RandomForest> {
    let n = x.n_rows();
    let data = Presorted::new(x);
    let mut rng = seeded(params.tree.seed);
    let mut trees = Vec::with_capacity(params.n_trees);
    let mut oob_sum = Matrix::zeros(n, n_classes.max(1));
    let mut oob_count = vec![0usize; n];
    let mut t = 0;
    while t < params.n_trees {
        stop_if_told(progress, Stage::Forest, t as u64, params.n_trees as u64)?;
        // The seeds and bootstrap weights of a round are drawn in tree order before the
        // trees grow side by side, so the forest is the same on any number of threads.
        let round = par::width().min(params.n_trees - t);
        let draws: Vec<(u64, Vec<f64>)> = (0..round)
            .map(|_| {
                let tree_seed: u64 = rng.random();
                let mut weights = vec![if params.bootstrap { 0.0 } else { 1.0 }; n];
                if params.bootstrap {
                    for _ in 0..n {
                        weights[rng.random_range(0..n)] += 1.0;
                    }
                }
                (tree_seed, weights)
            })
            .collect();
        let grown = par::map(&draws, |(tree_seed, weights)| -> Result<DecisionTree> {
            let rows = rows_with_weight(n, Some(weights))?;
            Ok(
                Builder::new(&params.tree, &data, target, Some(weights), *tree_seed)
                    .grow(rows, n_classes),
            )
        });
        for ((_, weights), tree) in draws.iter().zip(grown) {
            let tree = tree?;
            if params.oob_score && params.bootstrap {
                for (r, &w) in weights.iter().enumerate() {
                    if w > 0.0 {
                        continue;
                    }
                    let leaf = &tree.nodes[tree.leaf_of(x.row(r))];
                    if n_classes > 0 {
                        for (c, p) in leaf.class_fractions().iter().enumerate() {
                            oob_sum.set(r, c, oob_sum.get(r, c) + p);
                        }
                    } else {
                        oob_sum.set(r, 0, oob_sum.get(r, 0) + leaf.value[0]);
                    }
                    oob_count[r] += 1;
                }
            }
            trees.push(tree);
        }
        t += round;
    }
    stop_if_told(
        progress,
        Stage::Forest,
        params.n_trees as u64,
        params.n_trees as u64,
    )?;
    let oob_rows: Vec<usize> = (0..n).filter(|&r| oob_count[r] > 0).collect();
    let oob_score = if params.oob_score && params.bootstrap && !oob_rows.is_empty() {
        Some(match target {
            Labels::Classes { y, .. } => {
                let pred = oob_sum.select_rows(&oob_rows).argmax_rows();
                let truth: Vec<usize> = oob_rows.iter().map(|&r| y[r]).collect();
                metrics::accuracy(&truth, &pred)?
            }
            Labels::Values(y) => {
                let pred: Vec<f64> = oob_rows
                    .iter()
                    .map(|&r| oob_sum.get(r, 0) / oob_count[r] as f64)
                    .collect();
                let truth: Vec<f64> = oob_rows.iter().map(|&r| y[r]).collect();
                metrics::r2(&truth, &pred)?
            }
        })
    } else {
        None
    };
    let mut importances = vec![0.0; x.n_cols()];
    for tree in &trees {
        for (a, b) in importances.iter_mut().zip(&tree.feature_importances) {
            *a += b;
        }
    }
    let sum: f64 = importances.iter().sum();
    if sum > 0.0 {
        importances.iter_mut().for_each(|v| *v /= sum);
    }
    Ok(RandomForest {
        trees,
        n_features: x.n_cols(),
        n_classes,
        oob_score,
        feature_importances: importances,
    })
}

impl Fit<usize> for ForestParams {
    type Model = RandomForest;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[usize],
        progress: &mut dyn Progress,
    ) -> Result<RandomForest> {
        self.check(true)?;
        check_fit_shapes(x, y.len(), 1)?;
        let n_classes = count_classes(y)?;
        grow_forest(
            self,
            x,
            Labels::Classes { y, n_classes },
            n_classes,
            progress,
        )
    }
}

impl Fit<f64> for ForestParams {
    type Model = RandomForest;

    fn fit_with(&self, x: &Matrix, y: &[f64], progress: &mut dyn Progress) -> Result<RandomForest> {
        let mut params = self.clone();
        if params.tree.criterion != Criterion::SquaredError {
            params.tree.criterion = Criterion::SquaredError;
        }
        params.check(false)?;
        check_fit_shapes(x, y.len(), 1)?;
        if let Some(p) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                crate::Subject::TargetAtRow(p + 1),
                y[p],
                Allowed::FiniteNumber,
            ));
        }
        grow_forest(&params, x, Labels::Values(y), 0, progress)
    }
}

impl PredictProba for RandomForest {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        check_predict_shape(x, self.n_features)?;
        if self.n_classes == 0 {
            return Err(Error::invalid_parameter(
                "task",
                "regression",
                Allowed::Classification(crate::Family::Forest),
            ));
        }
        let mut out = Matrix::zeros(x.n_rows(), self.n_classes);
        let share = 1.0 / self.trees.len() as f64;
        for i in 0..x.n_rows() {
            let row = x.row(i);
            for tree in &self.trees {
                let leaf = &tree.nodes[tree.leaf_of(row)];
                let total: f64 = leaf.value.iter().sum();
                for (c, v) in leaf.value.iter().enumerate() {
                    out.set(i, c, out.get(i, c) + share * v / total);
                }
            }
        }
        Ok(out)
    }
}

impl Predict<usize> for RandomForest {
    fn predict(&self, x: &Matrix) -> Result<Vec<usize>> {
        Ok(self.predict_proba(x)?.argmax_rows())
    }
}

impl Predict<f64> for RandomForest {
    fn predict(&self, x: &Matrix) -> Result<Vec<f64>> {
        check_predict_shape(x, self.n_features)?;
        if self.n_classes > 0 {
            return Err(Error::invalid_parameter(
                "task",
                "classification",
                Allowed::Regression(crate::Family::Forest),
            ));
        }
        let share = 1.0 / self.trees.len() as f64;
        Ok((0..x.n_rows())
            .map(|i| {
                self.trees
                    .iter()
                    .map(|t| t.nodes[t.leaf_of(x.row(i))].value[0])
                    .sum::<f64>()
                    * share
            })
            .collect())
    }
}
