//! Checks of the models on online_shoppers_intention.csv against scikit-learn 1.9.1
//! (`tools/learn_fixtures.py`, fixture `learn_shoppers.json`) and REFERENCE.md: the same
//! train/test rows (exported by the script, since numpy's permutation cannot be
//! reproduced), the same 28 features, the same standardisation.

use super::linear::LogisticRegressionParams;
use super::neighbors::{KnnClassifier, KnnParams};
use super::tree::{ForestParams, TreeParams};
use super::{metrics, Fit, Matrix, Predict, PredictProba};
use crate::table::{read_bytes, ReadOptions};
use serde_json::Value;

const DATA: &[u8] =
    include_bytes!("../../../../testdata/uci-online-shoppers/online_shoppers_intention.csv");
const FIXTURE: &str = include_str!("../../../../testdata/fixtures/learn_shoppers.json");

pub(crate) struct Shoppers {
    pub fixture: Value,
    pub x_train: Matrix,
    pub x_test: Matrix,
    pub y_train: Vec<usize>,
    pub y_test: Vec<usize>,
}

impl Shoppers {
    /// The fixture's encoding built directly (the dataset layer has its own test).
    pub fn load() -> Shoppers {
        let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
        let table = read_bytes(DATA, &ReadOptions::default()).unwrap();
        let names: Vec<&str> = fixture["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let rows: Vec<Vec<f64>> = (0..table.n_rows())
            .map(|i| {
                names
                    .iter()
                    .map(|name| match table.column_by_name(name) {
                        Ok(c) => c.f64(i).unwrap(),
                        Err(_) => {
                            let (col, level) = name.split_once('_').unwrap();
                            f64::from(u8::from(
                                table.column_by_name(col).unwrap().display(i) == level,
                            ))
                        }
                    })
                    .collect()
            })
            .collect();
        let x = Matrix::from_rows(&rows).unwrap();
        let revenue = table.column_by_name("Revenue").unwrap();
        let y: Vec<usize> = (0..table.n_rows())
            .map(|i| revenue.f64(i).unwrap() as usize)
            .collect();
        let idx = |k: &str| -> Vec<usize> {
            fixture[k]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap() as usize)
                .collect()
        };
        let (train, test) = (idx("train_rows"), idx("test_rows"));
        Shoppers {
            x_train: x.select_rows(&train),
            x_test: x.select_rows(&test),
            y_train: train.iter().map(|&r| y[r]).collect(),
            y_test: test.iter().map(|&r| y[r]).collect(),
            fixture,
        }
    }

    /// Standardised with the fixture's train mean and population std.
    pub fn scaled(&self) -> (Matrix, Matrix) {
        let f = |k: &str| -> Vec<f64> {
            self.fixture[k]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect()
        };
        let (mean, scale) = (f("scaler_mean"), f("scaler_scale"));
        let apply = |m: &Matrix| {
            let mut out = m.clone();
            for i in 0..m.n_rows() {
                for (j, v) in out.row_mut(i).iter_mut().enumerate() {
                    *v = (*v - mean[j]) / scale[j];
                }
            }
            out
        };
        (apply(&self.x_train), apply(&self.x_test))
    }

    pub fn metric(&self, key: &str, name: &str) -> f64 {
        self.fixture[key][name].as_f64().unwrap()
    }
}

#[test]
fn shoppers_split_has_reference_shape() {
    let s = Shoppers::load();
    assert_eq!(s.x_test.n_rows(), 2466);
    assert_eq!(s.x_train.n_cols(), 28);
    let majority = 1.0 - s.y_test.iter().sum::<usize>() as f64 / 2466.0;
    assert!((majority - 0.8333).abs() < 1e-4);
}

/// KNN k=5 on standardised features: predictions identical to sklearn's.
#[test]
fn knn_predictions_identical_to_sklearn() {
    let s = Shoppers::load();
    let (train, test) = s.scaled();
    let m: KnnClassifier = KnnParams::new().k(5).fit(&train, &s.y_train).unwrap();
    let pred = m.predict(&test).unwrap();
    let want: Vec<usize> = s.fixture["knn_k5_predictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let differ = pred.iter().zip(&want).filter(|(a, b)| a != b).count();
    assert_eq!(
        differ, 0,
        "{differ} of 2466 predictions differ from sklearn"
    );
    let auc = metrics::roc_auc(&s.y_test, &m.predict_proba(&test).unwrap().column(1)).unwrap();
    assert!((auc - s.metric("knn_k5_metrics", "roc_auc")).abs() < 1e-12);
}

/// L2 logistic regression, C = 1: coefficients within 1e-3 of sklearn's (lbfgs, tol 1e-12).
#[test]
fn logistic_coefficients_match_sklearn() {
    let s = Shoppers::load();
    let (train, test) = s.scaled();
    let m = LogisticRegressionParams::new()
        .fit(&train, &s.y_train)
        .unwrap();
    assert!(m.converged);
    let want: Vec<f64> = s.fixture["logistic_coefficients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    for (j, (got, want)) in m.coefficients[0].iter().zip(&want).enumerate() {
        assert!(
            (got - want).abs() < 1e-3,
            "feature {j}: {got} vs sklearn {want}"
        );
    }
    assert!((m.intercepts[0] - s.fixture["logistic_intercept"].as_f64().unwrap()).abs() < 1e-3);
    let acc = metrics::accuracy(&s.y_test, &m.predict(&test).unwrap()).unwrap();
    assert!(
        (acc - 0.8731).abs() < 1e-4,
        "accuracy {acc} vs REFERENCE 0.8731"
    );
}

/// Depth-3 CART: the same node structure as sklearn's (no ties at these levels).
#[test]
fn shallow_tree_structure_matches_sklearn() {
    let s = Shoppers::load();
    let m = TreeParams::new()
        .max_depth(Some(3))
        .fit(&s.x_train, &s.y_train)
        .unwrap();
    let want = s.fixture["tree_depth3"].as_array().unwrap();
    assert_eq!(m.nodes.len(), want.len());
    for (i, (node, w)) in m.nodes.iter().zip(want).enumerate() {
        assert_eq!(
            node.feature,
            w["feature"].as_u64().map(|f| f as usize),
            "node {i}"
        );
        assert_eq!(
            node.left,
            w["left"].as_u64().map(|f| f as usize),
            "node {i}"
        );
        assert_eq!(
            node.samples,
            w["samples"].as_u64().unwrap() as usize,
            "node {i}"
        );
        assert!(
            (node.impurity - w["impurity"].as_f64().unwrap()).abs() < 1e-12,
            "node {i}"
        );
        if let Some(t) = w["threshold"].as_f64() {
            // sklearn stores thresholds as float32 midpoints.
            assert!(
                (node.threshold - t).abs() <= 1e-6 * t.abs().max(1.0),
                "node {i}: {} vs {t}",
                node.threshold
            );
        }
        for (a, b) in node
            .class_fractions()
            .iter()
            .zip(w["value"].as_array().unwrap())
        {
            assert!((a - b.as_f64().unwrap()).abs() < 1e-12);
        }
    }
}

/// Full tree: accuracy within ±0.01 of REFERENCE.md's 0.8573.
#[test]
fn full_tree_accuracy_matches_reference() {
    let s = Shoppers::load();
    let m = TreeParams::new().fit(&s.x_train, &s.y_train).unwrap();
    let acc = metrics::accuracy(&s.y_test, &m.predict(&s.x_test).unwrap()).unwrap();
    assert!((acc - 0.8573).abs() <= 0.01, "accuracy {acc}");
}

/// 100 trees: accuracy within ±0.01 of REFERENCE.md's 0.8909, ROC AUC ≥ 0.91.
#[test]
fn forest_matches_reference() {
    let s = Shoppers::load();
    let m = ForestParams::new().fit(&s.x_train, &s.y_train).unwrap();
    let acc = metrics::accuracy(&s.y_test, &m.predict(&s.x_test).unwrap()).unwrap();
    let auc = metrics::roc_auc(&s.y_test, &m.predict_proba(&s.x_test).unwrap().column(1)).unwrap();
    assert!((acc - 0.8909).abs() <= 0.01, "accuracy {acc}");
    assert!(auc >= 0.91, "ROC AUC {auc}");
    let oob = m.oob_score.unwrap();
    assert!(
        (oob - s.fixture["forest_oob_score"].as_f64().unwrap()).abs() <= 0.01,
        "OOB {oob}"
    );
    let importance_sum: f64 = m.feature_importances.iter().sum();
    assert!((importance_sum - 1.0).abs() < 1e-9);
    // PageValues (feature 8) dominates, as in sklearn.
    let top = (0..28)
        .max_by(|&a, &b| m.feature_importances[a].total_cmp(&m.feature_importances[b]))
        .unwrap();
    assert_eq!(top, 8);
}

#[test]
fn forest_is_deterministic_for_a_seed() {
    let s = Shoppers::load();
    let train: Vec<usize> = (0..2000).collect();
    let x = s.x_train.select_rows(&train);
    let y = &s.y_train[..2000];
    let a = ForestParams::new().n_trees(5).seed(7).fit(&x, y).unwrap();
    let b = ForestParams::new().n_trees(5).seed(7).fit(&x, y).unwrap();
    let c = ForestParams::new().n_trees(5).seed(8).fit(&x, y).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

/// Trees grown two at a time (the CLI's threads) make the same forest, out-of-bag score and
/// cross-validation scores as trees grown one by one.
#[cfg(feature = "parallel")]
#[test]
fn forest_and_cross_validation_are_the_same_on_one_and_two_threads() {
    use super::select::{classifier_scorer, grid_search, stratified_k_fold};
    use crate::par::on_threads;
    let s = Shoppers::load();
    let train: Vec<usize> = (0..3000).collect();
    let x = s.x_train.select_rows(&train);
    let y = &s.y_train[..3000];
    let forest = || ForestParams::new().n_trees(9).seed(3).fit(&x, y).unwrap();
    let (one, two) = (on_threads(1, forest), on_threads(2, forest));
    assert_eq!(one, two);
    assert!(one.oob_score.is_some());
    let folds = stratified_k_fold(y, 3, 5).unwrap();
    let grid = [
        TreeParams::new().max_depth(Some(2)),
        TreeParams::new().max_depth(Some(6)),
    ];
    let metric = metrics::Metric::Accuracy;
    let search = || {
        let scorer = classifier_scorer(metric, 2);
        grid_search(
            &grid,
            &x,
            y,
            &folds,
            metric,
            scorer,
            &mut crate::progress::Silent,
        )
        .unwrap()
    };
    assert_eq!(on_threads(1, search), on_threads(2, search));
}

/// Linear SVM (hinge, C = 1) against sklearn's `LinearSVC(loss="hinge")`: test accuracy
/// within 0.005 (the solvers stop at different points of a flat dual optimum).
#[test]
fn linear_svm_accuracy_close_to_linear_svc() {
    use super::svm::SvmParams;
    let s = Shoppers::load();
    let (train, test) = s.scaled();
    let m = SvmParams::new().fit(&train, &s.y_train).unwrap();
    let acc = metrics::accuracy(&s.y_test, &m.predict(&test).unwrap()).unwrap();
    let want = s.fixture["linear_svc_hinge_accuracy"].as_f64().unwrap();
    eprintln!("linear SVM accuracy {acc}, LinearSVC {want}");
    assert!(
        (acc - want).abs() <= 0.005,
        "accuracy {acc} vs LinearSVC {want}"
    );
    let proba = m.predict_proba(&test).unwrap();
    let auc = metrics::roc_auc(&s.y_test, &proba.column(1)).unwrap();
    assert!(auc > 0.85, "ROC AUC of Platt probabilities {auc}");
}
