//! CART decision trees (Breiman et al. 1984) grown depth-first as scikit-learn's
//! `DecisionTreeClassifier` / `DecisionTreeRegressor`: at each node, try features in a
//! seeded random order, scan every threshold between consecutive distinct values (the
//! midpoint), keep the split that best reduces the weighted impurity, and stop at pure
//! nodes or the size limits. Nodes are numbered in pre-order, as sklearn's.
//!
//! Speed: each feature is ranked once per fit ([`Presorted`]); at a node the rows are
//! sorted by `(rank << 32) | row` as plain `u64` keys, which is several times faster
//! than sorting `f64` pairs, and all scratch buffers are reused across nodes. Rows carry
//! weights so that a forest's bootstrap sample is a weight vector, not a copy.

use super::params::{Criterion, TreeParams};
use crate::learn::matrix::{check_fit_shapes, check_predict_shape};
use crate::learn::{Fit, Matrix, Predict, PredictProba};
use crate::progress::Progress;
use crate::rt::{seeded, Rng};
use crate::{Allowed, Counted, Error, Result};
use rand::Rng as _;
use serde::{Deserialize, Serialize};

/// Values closer than this are treated as equal when looking for a threshold (sklearn's
/// `FEATURE_THRESHOLD`).
const FEATURE_THRESHOLD: f64 = 1e-7;

/// One node of a fitted tree, with what a diagram needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeNode {
    /// The feature split on (`None` for a leaf).
    pub feature: Option<usize>,
    /// Rows with `feature <= threshold` go left.
    pub threshold: f64,
    /// Index of the left child.
    pub left: Option<usize>,
    /// Index of the right child.
    pub right: Option<usize>,
    /// Training rows that reached the node (distinct rows of a bootstrap sample).
    pub samples: usize,
    /// Their total weight (equals `samples` for a single tree).
    pub weighted_samples: f64,
    /// Impurity at the node (Gini, entropy or variance).
    pub impurity: f64,
    /// Weighted class counts for classification, `[mean]` for regression.
    pub value: Vec<f64>,
}

impl TreeNode {
    /// Whether the node is a leaf.
    pub fn is_leaf(&self) -> bool {
        self.feature.is_none()
    }

    /// Class shares at the node (classification), summing to 1.
    pub fn class_fractions(&self) -> Vec<f64> {
        let total: f64 = self.value.iter().sum();
        self.value
            .iter()
            .map(|v| if total > 0.0 { v / total } else { 0.0 })
            .collect()
    }
}

/// A fitted decision tree: its nodes (root first) and impurity-based importances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionTree {
    /// Nodes in pre-order; node 0 is the root.
    pub nodes: Vec<TreeNode>,
    /// Number of features the tree was fitted on.
    pub n_features: usize,
    /// Number of classes (0 for a regression tree).
    pub n_classes: usize,
    /// Total impurity decrease per feature, normalised to sum to 1 (all 0 for a stump).
    pub feature_importances: Vec<f64>,
}

/// Targets a tree is grown on.
#[derive(Clone, Copy)]
pub(crate) enum Labels<'a> {
    Classes { y: &'a [usize], n_classes: usize },
    Values(&'a [f64]),
}

/// Each feature's values ranked once: `ranks[f][row]` indexes `values[f]` (sorted, distinct).
pub(crate) struct Presorted {
    ranks: Vec<Vec<u32>>,
    values: Vec<Vec<f64>>,
}

impl Presorted {
    pub(crate) fn new(x: &Matrix) -> Presorted {
        let mut ranks = Vec::with_capacity(x.n_cols());
        let mut values = Vec::with_capacity(x.n_cols());
        let mut order: Vec<usize> = (0..x.n_rows()).collect();
        for f in 0..x.n_cols() {
            order.sort_unstable_by(|&a, &b| x.get(a, f).total_cmp(&x.get(b, f)));
            let mut rank = vec![0u32; x.n_rows()];
            let mut distinct: Vec<f64> = Vec::new();
            for &r in &order {
                let v = x.get(r, f);
                if distinct
                    .last()
                    .is_none_or(|last| last.total_cmp(&v).is_ne())
                {
                    distinct.push(v);
                }
                rank[r] = (distinct.len() - 1) as u32;
            }
            ranks.push(rank);
            values.push(distinct);
        }
        Presorted { ranks, values }
    }
}

/// The best split found at a node.
struct NodeSplit {
    feature: usize,
    /// Rows with rank ≤ this go left.
    left_rank: u32,
    threshold: f64,
    proxy: f64,
}

/// Grows one tree; scratch buffers live here and are reused across nodes.
pub(crate) struct Builder<'a> {
    params: &'a TreeParams,
    data: &'a Presorted,
    target: Labels<'a>,
    weights: Option<&'a [f64]>,
    n_features: usize,
    max_features: usize,
    rng: Rng,
    keys: Vec<u64>,
    hist: Vec<f64>,
    counts: Vec<u32>,
    left: Vec<f64>,
    total: Vec<f64>,
    feature_order: Vec<usize>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(
        params: &'a TreeParams,
        data: &'a Presorted,
        target: Labels<'a>,
        weights: Option<&'a [f64]>,
        seed: u64,
    ) -> Self {
        let n_features = data.ranks.len();
        let width = match target {
            Labels::Classes { n_classes, .. } => n_classes,
            Labels::Values(_) => 2,
        };
        Builder {
            params,
            data,
            target,
            weights,
            n_features,
            max_features: params.max_features.resolve(n_features),
            rng: seeded(seed),
            keys: Vec::new(),
            hist: Vec::new(),
            counts: Vec::new(),
            left: vec![0.0; width],
            total: vec![0.0; width],
            feature_order: (0..n_features).collect(),
        }
    }

    fn weight(&self, row: usize) -> f64 {
        self.weights.map_or(1.0, |w| w[row])
    }

    /// Sufficient statistics of `rows` into `out`: class weights, or (Σw·y, Σw·y²).
    fn stats(&self, rows: &[u32], out: &mut [f64]) -> f64 {
        out.iter_mut().for_each(|v| *v = 0.0);
        let mut w_total = 0.0;
        for &r in rows {
            let r = r as usize;
            let w = self.weight(r);
            w_total += w;
            match self.target {
                Labels::Classes { y, .. } => out[y[r]] += w,
                Labels::Values(y) => {
                    out[0] += w * y[r];
                    out[1] += w * y[r] * y[r];
                }
            }
        }
        w_total
    }

    fn impurity(&self, stats: &[f64], w: f64) -> f64 {
        if w <= 0.0 {
            return 0.0;
        }
        match self.params.criterion {
            Criterion::Gini => 1.0 - stats.iter().map(|c| (c / w) * (c / w)).sum::<f64>(),
            Criterion::Entropy => -stats
                .iter()
                .filter(|c| **c > 0.0)
                .map(|c| (c / w) * (c / w).log2())
                .sum::<f64>(),
            Criterion::SquaredError => (stats[1] / w - (stats[0] / w).powi(2)).max(0.0),
        }
    }

    /// A score that orders splits as the impurity decrease does but is cheaper (sklearn's
    /// `proxy_impurity_improvement`).
    fn proxy(&self, left: &[f64], w_left: f64, total: &[f64], w_total: f64) -> f64 {
        let w_right = w_total - w_left;
        match self.params.criterion {
            Criterion::Gini => {
                let (mut l, mut r) = (0.0, 0.0);
                for (a, t) in left.iter().zip(total) {
                    l += a * a;
                    r += (t - a) * (t - a);
                }
                l / w_left + r / w_right
            }
            Criterion::Entropy => {
                let mut right = vec![0.0; left.len()];
                for ((r, t), a) in right.iter_mut().zip(total).zip(left) {
                    *r = t - a;
                }
                -w_left * self.impurity(left, w_left) - w_right * self.impurity(&right, w_right)
            }
            Criterion::SquaredError => {
                let sum_right = total[0] - left[0];
                left[0] * left[0] / w_left + sum_right * sum_right / w_right
            }
        }
    }

    /// Scans feature `f` by rank buckets. Returns `None` when the feature is constant on
    /// `rows`, else `Some(split better than best_proxy, if any)`.
    fn histogram_split(
        &mut self,
        f: usize,
        rows: &[u32],
        total: &[f64],
        w_total: f64,
        left: &mut [f64],
        best_proxy: Option<f64>,
    ) -> Option<Option<NodeSplit>> {
        let ranks = &self.data.ranks[f];
        let values = &self.data.values[f];
        let n_ranks = values.len();
        let width = left.len();
        // Per rank: the sufficient statistics, then the weight.
        let stride = width + 1;
        let mut hist = std::mem::take(&mut self.hist);
        let mut counts = std::mem::take(&mut self.counts);
        hist.clear();
        hist.resize(n_ranks * stride, 0.0);
        counts.clear();
        counts.resize(n_ranks, 0);
        for &r in rows {
            let r = r as usize;
            let k = ranks[r] as usize;
            let w = self.weight(r);
            counts[k] += 1;
            let bucket = &mut hist[k * stride..(k + 1) * stride];
            match self.target {
                Labels::Classes { y, .. } => bucket[y[r]] += w,
                Labels::Values(y) => {
                    bucket[0] += w * y[r];
                    bucket[1] += w * y[r] * y[r];
                }
            }
            bucket[width] += w;
        }
        let first = counts.iter().position(|&c| c > 0).unwrap_or(0);
        let last = counts.iter().rposition(|&c| c > 0).unwrap_or(0);
        let result = if values[last] <= values[first] + FEATURE_THRESHOLD {
            None
        } else {
            let min_leaf = self.params.min_samples_leaf;
            let n = rows.len();
            left.iter_mut().for_each(|v| *v = 0.0);
            let (mut w_left, mut n_left) = (0.0, 0usize);
            let mut best: Option<NodeSplit> = None;
            let mut best_proxy = best_proxy;
            let mut k = first;
            while k < last {
                let bucket = &hist[k * stride..(k + 1) * stride];
                for (l, b) in left.iter_mut().zip(bucket) {
                    *l += b;
                }
                w_left += bucket[width];
                n_left += counts[k] as usize;
                let mut next = k + 1;
                while counts[next] == 0 {
                    next += 1;
                }
                if n_left >= min_leaf
                    && n - n_left >= min_leaf
                    && values[next] > values[k] + FEATURE_THRESHOLD
                {
                    let proxy = self.proxy(left, w_left, total, w_total);
                    if best_proxy.is_none_or(|b| proxy > b) {
                        let (here, above) = (values[k], values[next]);
                        let mid = here / 2.0 + above / 2.0;
                        let threshold = if mid >= above || !mid.is_finite() {
                            here
                        } else {
                            mid
                        };
                        best = Some(NodeSplit {
                            feature: f,
                            left_rank: k as u32,
                            threshold,
                            proxy,
                        });
                        best_proxy = Some(proxy);
                    }
                }
                k = next;
            }
            Some(best)
        };
        self.hist = hist;
        self.counts = counts;
        result
    }

    /// The best split of `rows`, or `None` when no feature can split them.
    fn best_split(&mut self, rows: &[u32], total: &[f64], w_total: f64) -> Option<NodeSplit> {
        let n = rows.len();
        let min_leaf = self.params.min_samples_leaf;
        let mut best: Option<NodeSplit> = None;
        let mut visited = 0;
        let mut drawn = 0;
        let mut keys = std::mem::take(&mut self.keys);
        let mut left = std::mem::take(&mut self.left);
        // Draw features without replacement until `max_features` non-constant ones were
        // tried (constant features do not count, as in sklearn).
        while drawn < self.n_features && visited < self.max_features {
            let pick = self.rng.random_range(drawn..self.n_features);
            self.feature_order.swap(drawn, pick);
            let f = self.feature_order[drawn];
            drawn += 1;
            let ranks = &self.data.ranks[f];
            let values = &self.data.values[f];
            // Few distinct values (codes, one-hot, flags): bucket the rows by rank instead of
            // sorting them, O(n + distinct) and the same candidate thresholds.
            if values.len() <= n {
                if let Some(found) = self.histogram_split(
                    f,
                    rows,
                    total,
                    w_total,
                    &mut left,
                    best.as_ref().map(|b| b.proxy),
                ) {
                    visited += 1;
                    if let Some(split) = found {
                        best = Some(split);
                    }
                }
                continue;
            }
            keys.clear();
            keys.extend(
                rows.iter()
                    .map(|&r| (u64::from(ranks[r as usize]) << 32) | u64::from(r)),
            );
            keys.sort_unstable();
            let first = (keys[0] >> 32) as u32;
            let last = (keys[n - 1] >> 32) as u32;
            if values[last as usize] <= values[first as usize] + FEATURE_THRESHOLD {
                continue;
            }
            visited += 1;
            left.iter_mut().for_each(|v| *v = 0.0);
            let mut w_left = 0.0;
            for i in 0..n - 1 {
                let row = (keys[i] & 0xFFFF_FFFF) as usize;
                let w = self.weight(row);
                w_left += w;
                match self.target {
                    Labels::Classes { y, .. } => left[y[row]] += w,
                    Labels::Values(y) => {
                        left[0] += w * y[row];
                        left[1] += w * y[row] * y[row];
                    }
                }
                if i + 1 < min_leaf || n - i - 1 < min_leaf {
                    continue;
                }
                let rank_here = (keys[i] >> 32) as u32;
                let rank_next = (keys[i + 1] >> 32) as u32;
                let (here, next) = (values[rank_here as usize], values[rank_next as usize]);
                if next <= here + FEATURE_THRESHOLD {
                    continue;
                }
                let proxy = self.proxy(&left, w_left, total, w_total);
                if best.as_ref().is_none_or(|b| proxy > b.proxy) {
                    let mid = here / 2.0 + next / 2.0;
                    let threshold = if mid >= next || !mid.is_finite() {
                        here
                    } else {
                        mid
                    };
                    best = Some(NodeSplit {
                        feature: f,
                        left_rank: rank_here,
                        threshold,
                        proxy,
                    });
                }
            }
        }
        self.keys = keys;
        self.left = left;
        best
    }

    /// Grows the tree on `rows` (each with a positive weight).
    pub(crate) fn grow(mut self, mut rows: Vec<u32>, n_classes: usize) -> DecisionTree {
        let mut nodes: Vec<TreeNode> = Vec::new();
        let mut importances = vec![0.0; self.n_features];
        // (start, end, depth, parent, is_left)
        let mut stack: Vec<(usize, usize, usize, Option<usize>, bool)> =
            vec![(0, rows.len(), 0, None, false)];
        let mut total = std::mem::take(&mut self.total);
        let mut scratch = total.clone();
        let root_weight = self.stats(&rows, &mut total);
        while let Some((start, end, depth, parent, is_left)) = stack.pop() {
            let w = self.stats(&rows[start..end], &mut total);
            let impurity = self.impurity(&total, w);
            let id = nodes.len();
            if let Some(p) = parent {
                if is_left {
                    nodes[p].left = Some(id);
                } else {
                    nodes[p].right = Some(id);
                }
            }
            let value = match self.target {
                Labels::Classes { .. } => total.clone(),
                Labels::Values(_) => vec![if w > 0.0 { total[0] / w } else { 0.0 }],
            };
            let n = end - start;
            nodes.push(TreeNode {
                feature: None,
                threshold: 0.0,
                left: None,
                right: None,
                samples: n,
                weighted_samples: w,
                impurity,
                value,
            });
            let leaf = self.params.max_depth.is_some_and(|d| depth >= d)
                || n < self.params.min_samples_split
                || n < 2 * self.params.min_samples_leaf
                || impurity <= f64::EPSILON;
            if leaf {
                continue;
            }
            let Some(split) = self.best_split(&rows[start..end], &total, w) else {
                continue;
            };
            // Partition rows in place: rank ≤ split rank to the front.
            let ranks = &self.data.ranks[split.feature];
            let slice = &mut rows[start..end];
            let mut boundary = 0;
            for i in 0..slice.len() {
                if ranks[slice[i] as usize] <= split.left_rank {
                    slice.swap(i, boundary);
                    boundary += 1;
                }
            }
            let mid = start + boundary;
            let w_left = self.stats(&rows[start..mid], &mut scratch);
            let imp_left = self.impurity(&scratch, w_left);
            let w_right = self.stats(&rows[mid..end], &mut scratch);
            let imp_right = self.impurity(&scratch, w_right);
            importances[split.feature] += w * impurity - w_left * imp_left - w_right * imp_right;
            let node = &mut nodes[id];
            node.feature = Some(split.feature);
            node.threshold = split.threshold;
            stack.push((mid, end, depth + 1, Some(id), false));
            stack.push((start, mid, depth + 1, Some(id), true));
        }
        let sum: f64 = importances.iter().sum();
        if sum > 0.0 && root_weight > 0.0 {
            importances.iter_mut().for_each(|v| *v /= sum);
        }
        DecisionTree {
            nodes,
            n_features: self.n_features,
            n_classes,
            feature_importances: importances,
        }
    }
}

/// The rows with a positive weight (all rows without weights), as `u32`.
pub(crate) fn rows_with_weight(n: usize, weights: Option<&[f64]>) -> Result<Vec<u32>> {
    if n > u32::MAX as usize {
        return Err(Error::invalid_parameter(
            "rows",
            n,
            Allowed::AtMost(f64::from(u32::MAX)),
        ));
    }
    Ok((0..n as u32)
        .filter(|&r| weights.is_none_or(|w| w[r as usize] > 0.0))
        .collect())
}

/// Number of classes in `y` (largest index + 1), at least 2 distinct present.
pub(crate) fn count_classes(y: &[usize]) -> Result<usize> {
    let n_classes = y.iter().max().map_or(0, |m| m + 1);
    let mut seen = vec![false; n_classes];
    y.iter().for_each(|&c| seen[c] = true);
    let present = seen.iter().filter(|s| **s).count();
    if present < 2 {
        return Err(Error::not_enough(Counted::Classes, 2, present));
    }
    Ok(n_classes)
}

impl Fit<usize> for TreeParams {
    type Model = DecisionTree;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[usize],
        _progress: &mut dyn Progress,
    ) -> Result<DecisionTree> {
        self.check(true)?;
        check_fit_shapes(x, y.len(), 1)?;
        let n_classes = count_classes(y)?;
        let data = Presorted::new(x);
        let rows = rows_with_weight(x.n_rows(), None)?;
        Ok(Builder::new(
            self,
            &data,
            Labels::Classes { y, n_classes },
            None,
            self.seed,
        )
        .grow(rows, n_classes))
    }
}

impl Fit<f64> for TreeParams {
    type Model = DecisionTree;

    fn fit_with(
        &self,
        x: &Matrix,
        y: &[f64],
        _progress: &mut dyn Progress,
    ) -> Result<DecisionTree> {
        self.check(false)?;
        check_fit_shapes(x, y.len(), 1)?;
        if let Some(p) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                crate::Subject::TargetAtRow(p + 1),
                y[p],
                Allowed::FiniteNumber,
            ));
        }
        let data = Presorted::new(x);
        let rows = rows_with_weight(x.n_rows(), None)?;
        Ok(Builder::new(self, &data, Labels::Values(y), None, self.seed).grow(rows, 0))
    }
}

impl DecisionTree {
    /// The leaf that `row` falls into.
    pub fn leaf_of(&self, row: &[f64]) -> usize {
        let mut i = 0;
        while let (Some(f), Some(l), Some(r)) = (
            self.nodes[i].feature,
            self.nodes[i].left,
            self.nodes[i].right,
        ) {
            i = if row[f] <= self.nodes[i].threshold {
                l
            } else {
                r
            };
        }
        i
    }

    /// Depth of the deepest leaf (a lone root has depth 0).
    pub fn depth(&self) -> usize {
        let mut depth = vec![0usize; self.nodes.len()];
        let mut max = 0;
        for (i, n) in self.nodes.iter().enumerate() {
            for c in [n.left, n.right].into_iter().flatten() {
                depth[c] = depth[i] + 1;
                max = max.max(depth[c]);
            }
        }
        max
    }

    /// Number of leaves.
    pub fn n_leaves(&self) -> usize {
        self.nodes.iter().filter(|n| n.is_leaf()).count()
    }
}

impl PredictProba for DecisionTree {
    fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
        check_predict_shape(x, self.n_features)?;
        if self.n_classes == 0 {
            return Err(Error::invalid_parameter(
                "task",
                "regression",
                Allowed::Classification(crate::Family::Tree),
            ));
        }
        let mut out = Matrix::zeros(x.n_rows(), self.n_classes);
        for i in 0..x.n_rows() {
            let leaf = &self.nodes[self.leaf_of(x.row(i))];
            out.row_mut(i).copy_from_slice(&leaf.class_fractions());
        }
        Ok(out)
    }
}

impl Predict<usize> for DecisionTree {
    fn predict(&self, x: &Matrix) -> Result<Vec<usize>> {
        Ok(self.predict_proba(x)?.argmax_rows())
    }
}

impl Predict<f64> for DecisionTree {
    fn predict(&self, x: &Matrix) -> Result<Vec<f64>> {
        check_predict_shape(x, self.n_features)?;
        if self.n_classes > 0 {
            return Err(Error::invalid_parameter(
                "task",
                "classification",
                Allowed::Regression(crate::Family::Tree),
            ));
        }
        Ok((0..x.n_rows())
            .map(|i| self.nodes[self.leaf_of(x.row(i))].value[0])
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};
    use serde_json::Value;

    const ADVERTISING: &[u8] =
        include_bytes!("../../../../../testdata/islr-advertising/Advertising.csv");
    const FIXTURE: &str = include_str!("../../../../../testdata/fixtures/learn_advertising.json");

    /// `DecisionTreeRegressor(max_depth=3)` from scikit-learn 1.9.1: same nodes, values
    /// and impurities (1e-9; thresholds 1e-6 as sklearn stores float32).
    #[test]
    fn regression_tree_matches_sklearn() {
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
        let m = TreeParams::regression()
            .max_depth(Some(3))
            .fit(&Matrix::from_rows(&rows).unwrap(), &y)
            .unwrap();
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        let want = f["tree"].as_array().unwrap();
        assert_eq!(m.nodes.len(), want.len());
        for (i, (node, w)) in m.nodes.iter().zip(want).enumerate() {
            assert_eq!(
                node.feature,
                w["feature"].as_u64().map(|v| v as usize),
                "node {i}"
            );
            assert_eq!(
                node.right,
                w["right"].as_u64().map(|v| v as usize),
                "node {i}"
            );
            assert_eq!(
                node.samples,
                w["samples"].as_u64().unwrap() as usize,
                "node {i}"
            );
            assert!(
                (node.value[0] - w["value"].as_f64().unwrap()).abs() < 1e-9,
                "node {i}"
            );
            assert!(
                (node.impurity - w["impurity"].as_f64().unwrap()).abs() < 1e-9,
                "node {i}"
            );
            if let Some(th) = w["threshold"].as_f64() {
                assert!(
                    (node.threshold - th).abs() <= 1e-6 * th.abs().max(1.0),
                    "node {i}"
                );
            }
        }
        assert_eq!(m.depth(), 3);
    }

    #[test]
    fn bad_parameters_are_errors_before_work() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0]]).unwrap();
        let cases = [
            TreeParams::new().min_samples_split(1),
            TreeParams::new().min_samples_leaf(0),
            TreeParams::new().max_depth(Some(0)),
            TreeParams::new().criterion(Criterion::SquaredError),
        ];
        for params in cases {
            assert!(
                <TreeParams as Fit<usize>>::fit(&params, &x, &[0, 1]).is_err(),
                "{params:?}"
            );
        }
    }
}
