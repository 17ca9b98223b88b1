//! Scores for fitted models, computed as scikit-learn 1.9 computes them.
//!
//! Classification metrics take class indices (`usize`); binary ones treat class `1` as the
//! positive class, as sklearn's `pos_label=1`. ROC AUC groups tied scores into one
//! threshold (sklearn's `roc_curve` / `roc_auc_score`); log loss clips probabilities to
//! `[ε, 1 − ε]` with ε the `f64` machine epsilon (sklearn's `eps="auto"`).

use crate::{Allowed, Counted, Error, Lang, Result};
use serde::{Deserialize, Serialize};

fn check_lengths(a: usize, b: usize) -> Result<()> {
    if a == 0 {
        return Err(Error::not_enough(Counted::Observations, 1, 0));
    }
    if a != b {
        return Err(Error::invalid_parameter(
            crate::Term::PredictionCount,
            b,
            crate::Allowed::count(a, crate::Per::Observation),
        ));
    }
    Ok(())
}

/// Share of predictions equal to the truth.
pub fn accuracy(y_true: &[usize], y_pred: &[usize]) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let hits = y_true.iter().zip(y_pred).filter(|(t, p)| t == p).count();
    Ok(hits as f64 / y_true.len() as f64)
}

/// `matrix[true][predicted]` counts for classes `0..n_classes`.
pub fn confusion_matrix(
    y_true: &[usize],
    y_pred: &[usize],
    n_classes: usize,
) -> Result<Vec<Vec<usize>>> {
    check_lengths(y_true.len(), y_pred.len())?;
    let mut m = vec![vec![0; n_classes]; n_classes];
    for (&t, &p) in y_true.iter().zip(y_pred) {
        if t >= n_classes || p >= n_classes {
            return Err(Error::invalid_parameter(
                crate::Term::ClassIndex,
                t.max(p),
                Allowed::Below(n_classes as f64),
            ));
        }
        m[t][p] += 1;
    }
    Ok(m)
}

fn counts_for(y_true: &[usize], y_pred: &[usize], positive: usize) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for (&t, &p) in y_true.iter().zip(y_pred) {
        match (t == positive, p == positive) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (true, false) => fneg += 1.0,
            (false, false) => {}
        }
    }
    (tp, fp, fneg)
}

/// Of those predicted `positive`, the share that are (0 when none is predicted, as sklearn's
/// `zero_division` default).
pub fn precision(y_true: &[usize], y_pred: &[usize], positive: usize) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let (tp, fp, _) = counts_for(y_true, y_pred, positive);
    Ok(if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 })
}

/// Of the true `positive`s, the share found.
pub fn recall(y_true: &[usize], y_pred: &[usize], positive: usize) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let (tp, _, fneg) = counts_for(y_true, y_pred, positive);
    Ok(if tp + fneg > 0.0 {
        tp / (tp + fneg)
    } else {
        0.0
    })
}

/// Harmonic mean of precision and recall for class `positive`.
pub fn f1(y_true: &[usize], y_pred: &[usize], positive: usize) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let (tp, fp, fneg) = counts_for(y_true, y_pred, positive);
    let denominator = 2.0 * tp + fp + fneg;
    Ok(if denominator > 0.0 {
        2.0 * tp / denominator
    } else {
        0.0
    })
}

/// F1 averaged over classes `0..n_classes` with equal weight (sklearn `average="macro"`).
pub fn f1_macro(y_true: &[usize], y_pred: &[usize], n_classes: usize) -> Result<f64> {
    let mut sum = 0.0;
    for c in 0..n_classes {
        sum += f1(y_true, y_pred, c)?;
    }
    Ok(sum / n_classes.max(1) as f64)
}

/// Points of a ROC curve: one per distinct score, highest first, after a starting point at
/// threshold `+∞` (sklearn's `roc_curve(..., drop_intermediate=False)`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RocCurve {
    /// False positive rate at each threshold.
    pub fpr: Vec<f64>,
    /// True positive rate at each threshold.
    pub tpr: Vec<f64>,
    /// Score thresholds (`predict positive when score >= threshold`); the first is `+∞`,
    /// written as `null` in JSON.
    pub thresholds: Vec<Option<f64>>,
}

/// The ROC curve of scores for class `1` against `y_true` (class `1` positive, any other
/// class negative). Needs both classes present.
pub fn roc_curve(y_true: &[usize], scores: &[f64]) -> Result<RocCurve> {
    check_lengths(y_true.len(), scores.len())?;
    if let Some(p) = scores.iter().position(|s| !s.is_finite()) {
        return Err(Error::invalid_parameter(
            crate::Subject::Score(p + 1),
            scores[p],
            Allowed::FiniteNumber,
        ));
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let positives = y_true.iter().filter(|&&t| t == 1).count() as f64;
    let negatives = y_true.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return Err(Error::not_enough(Counted::Classes, 2, 1));
    }
    let mut curve = RocCurve {
        fpr: vec![0.0],
        tpr: vec![0.0],
        thresholds: vec![None],
    };
    let (mut tp, mut fp) = (0.0, 0.0);
    for (k, &i) in order.iter().enumerate() {
        if y_true[i] == 1 {
            tp += 1.0;
        } else {
            fp += 1.0;
        }
        // Tied scores form one threshold: emit a point only after the last of a tie.
        let last_of_tie = order
            .get(k + 1)
            .is_none_or(|&next| scores[next].total_cmp(&scores[i]).is_ne());
        if last_of_tie {
            curve.fpr.push(fp / negatives);
            curve.tpr.push(tp / positives);
            curve.thresholds.push(Some(scores[i]));
        }
    }
    Ok(curve)
}

/// Area under the ROC curve by the trapezoidal rule over tie-grouped points (a tie between a
/// positive and a negative counts one half, as in sklearn).
pub fn roc_auc(y_true: &[usize], scores: &[f64]) -> Result<f64> {
    let c = roc_curve(y_true, scores)?;
    let mut area = 0.0;
    for k in 1..c.fpr.len() {
        area += (c.fpr[k] - c.fpr[k - 1]) * (c.tpr[k] + c.tpr[k - 1]) / 2.0;
    }
    Ok(area)
}

/// One-vs-rest ROC AUC averaged over classes with equal weight (sklearn
/// `multi_class="ovr", average="macro"`). `proba` has one column per class.
pub fn roc_auc_ovr(y_true: &[usize], proba: &super::Matrix) -> Result<f64> {
    check_lengths(y_true.len(), proba.n_rows())?;
    let k = proba.n_cols();
    if k == 2 {
        return roc_auc(y_true, &proba.column(1));
    }
    let mut sum = 0.0;
    for c in 0..k {
        let binary: Vec<usize> = y_true.iter().map(|&t| usize::from(t == c)).collect();
        sum += roc_auc(&binary, &proba.column(c))?;
    }
    Ok(sum / k.max(1) as f64)
}

/// Mean negative log-likelihood of the true classes; `proba` has one column per class.
pub fn log_loss(y_true: &[usize], proba: &super::Matrix) -> Result<f64> {
    check_lengths(y_true.len(), proba.n_rows())?;
    let eps = f64::EPSILON;
    let mut sum = 0.0;
    for (i, &t) in y_true.iter().enumerate() {
        if t >= proba.n_cols() {
            return Err(Error::invalid_parameter(
                crate::Term::ClassIndex,
                t,
                Allowed::Below(proba.n_cols() as f64),
            ));
        }
        // sklearn renormalises each row after clipping.
        let row = proba.row(i);
        let total: f64 = row.iter().map(|p| p.clamp(eps, 1.0 - eps)).sum();
        sum -= (row[t].clamp(eps, 1.0 - eps) / total).ln();
    }
    Ok(sum / y_true.len() as f64)
}

/// Log loss for binary labels and probabilities of class `1`.
pub fn log_loss_binary(y_true: &[usize], p_positive: &[f64]) -> Result<f64> {
    check_lengths(y_true.len(), p_positive.len())?;
    let rows: Vec<Vec<f64>> = p_positive.iter().map(|&p| vec![1.0 - p, p]).collect();
    log_loss(y_true, &super::Matrix::from_rows(&rows)?)
}

/// Coefficient of determination: 1 − SS_res / SS_tot (1 for a perfect fit; 0 when
/// SS_tot is 0 and the fit is not perfect, as sklearn).
pub fn r2(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let mean = y_true.iter().sum::<f64>() / y_true.len() as f64;
    let ss_tot: f64 = y_true.iter().map(|y| (y - mean).powi(2)).sum();
    let ss_res: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(y, p)| (y - p).powi(2))
        .sum();
    Ok(if ss_tot > 0.0 {
        1.0 - ss_res / ss_tot
    } else if ss_res > 0.0 {
        0.0
    } else {
        1.0
    })
}

/// R² adjusted for `n_features` predictors: 1 − (1 − R²)(n − 1)/(n − p − 1).
pub fn adjusted_r2(r2: f64, n: usize, n_features: usize) -> Option<f64> {
    (n > n_features + 1)
        .then(|| 1.0 - (1.0 - r2) * (n as f64 - 1.0) / ((n - n_features - 1) as f64))
}

/// Root mean squared error.
pub fn rmse(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let sum: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(y, p)| (y - p).powi(2))
        .sum();
    Ok((sum / y_true.len() as f64).sqrt())
}

/// Mean absolute error.
pub fn mae(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let sum: f64 = y_true.iter().zip(y_pred).map(|(y, p)| (y - p).abs()).sum();
    Ok(sum / y_true.len() as f64)
}

/// Mean absolute percentage error as a fraction (sklearn: `|y − p| / max(|y|, ε)`).
pub fn mape(y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
    check_lengths(y_true.len(), y_pred.len())?;
    let sum: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(y, p)| (y - p).abs() / y.abs().max(f64::EPSILON))
        .sum();
    Ok(sum / y_true.len() as f64)
}

/// A score the user can pick for evaluation and grid search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Share of correct class predictions.
    Accuracy,
    /// Precision of class 1 (binary) or of each class averaged (multi-class).
    Precision,
    /// Recall of class 1 (binary) or of each class averaged (multi-class).
    Recall,
    /// F1 of class 1 (binary) or macro F1 (multi-class).
    F1,
    /// ROC AUC (one-vs-rest macro average for more than two classes).
    RocAuc,
    /// Log loss (lower is better).
    LogLoss,
    /// R² of a regression.
    R2,
    /// Root mean squared error (lower is better).
    Rmse,
    /// Mean absolute error (lower is better).
    Mae,
    /// Mean absolute percentage error (lower is better).
    Mape,
}

impl Metric {
    /// Whether a larger value is a better model.
    pub fn greater_is_better(self) -> bool {
        !matches!(
            self,
            Metric::LogLoss | Metric::Rmse | Metric::Mae | Metric::Mape
        )
    }

    /// Whether the metric scores regressions (else classifiers).
    pub fn is_regression(self) -> bool {
        matches!(self, Metric::R2 | Metric::Rmse | Metric::Mae | Metric::Mape)
    }

    /// The key used in JSON and on the command line (`accuracy`, `roc_auc`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Accuracy => "accuracy",
            Metric::Precision => "precision",
            Metric::Recall => "recall",
            Metric::F1 => "f1",
            Metric::RocAuc => "roc_auc",
            Metric::LogLoss => "log_loss",
            Metric::R2 => "r2",
            Metric::Rmse => "rmse",
            Metric::Mae => "mae",
            Metric::Mape => "mape",
        }
    }

    /// The metric named by [`Metric::as_str`].
    pub fn parse(name: &str) -> Result<Metric> {
        const ALL: [Metric; 10] = [
            Metric::Accuracy,
            Metric::Precision,
            Metric::Recall,
            Metric::F1,
            Metric::RocAuc,
            Metric::LogLoss,
            Metric::R2,
            Metric::Rmse,
            Metric::Mae,
            Metric::Mape,
        ];
        ALL.into_iter().find(|m| m.as_str() == name).ok_or_else(|| {
            Error::invalid_parameter(
                "metric",
                name,
                crate::Allowed::one_of(&ALL.map(Metric::as_str)),
            )
        })
    }

    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Metric::Accuracy => lang.pick("准确率", "Accuracy"),
            Metric::Precision => lang.pick("精确率", "Precision"),
            Metric::Recall => lang.pick("召回率", "Recall"),
            Metric::F1 => lang.pick("F1 分数", "F1 score"),
            Metric::RocAuc => lang.pick("ROC 曲线下面积", "ROC AUC"),
            Metric::LogLoss => lang.pick("对数损失", "Log loss"),
            Metric::R2 => lang.pick("决定系数 R²", "R²"),
            Metric::Rmse => lang.pick("均方根误差", "RMSE"),
            Metric::Mae => lang.pick("平均绝对误差", "MAE"),
            Metric::Mape => lang.pick("平均绝对百分比误差", "MAPE"),
        }
    }

    /// Scores class predictions; `proba` (one column per class) is needed for ROC AUC and
    /// log loss.
    pub fn classification(
        self,
        y_true: &[usize],
        y_pred: &[usize],
        proba: Option<&super::Matrix>,
        n_classes: usize,
    ) -> Result<f64> {
        let binary = n_classes <= 2;
        let need_proba = || {
            proba.ok_or_else(|| {
                Error::invalid_parameter(
                    "metric",
                    self.as_str(),
                    Allowed::MetricWithoutProbabilities,
                )
            })
        };
        match self {
            Metric::Accuracy => accuracy(y_true, y_pred),
            Metric::F1 if binary => f1(y_true, y_pred, 1),
            Metric::F1 => f1_macro(y_true, y_pred, n_classes),
            Metric::Precision if binary => precision(y_true, y_pred, 1),
            Metric::Recall if binary => recall(y_true, y_pred, 1),
            Metric::Precision | Metric::Recall => {
                let mut sum = 0.0;
                for c in 0..n_classes {
                    sum += if self == Metric::Precision {
                        precision(y_true, y_pred, c)?
                    } else {
                        recall(y_true, y_pred, c)?
                    };
                }
                Ok(sum / n_classes as f64)
            }
            Metric::RocAuc => roc_auc_ovr(y_true, need_proba()?),
            Metric::LogLoss => log_loss(y_true, need_proba()?),
            _ => Err(Error::invalid_parameter(
                "metric",
                self.as_str(),
                Allowed::Classification(crate::Family::metrics(&[
                    "accuracy",
                    "precision",
                    "recall",
                    "f1",
                    "roc_auc",
                    "log_loss",
                ])),
            )),
        }
    }

    /// Scores numeric predictions.
    pub fn regression(self, y_true: &[f64], y_pred: &[f64]) -> Result<f64> {
        match self {
            Metric::R2 => r2(y_true, y_pred),
            Metric::Rmse => rmse(y_true, y_pred),
            Metric::Mae => mae(y_true, y_pred),
            Metric::Mape => mape(y_true, y_pred),
            _ => Err(Error::invalid_parameter(
                "metric",
                self.as_str(),
                Allowed::Regression(crate::Family::metrics(&["r2", "rmse", "mae", "mape"])),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const FIXTURE: &str = include_str!("../../../../testdata/fixtures/learn_metrics.json");

    fn floats(v: &Value) -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    }
    fn classes(v: &Value) -> Vec<usize> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as usize)
            .collect()
    }

    /// Expected values from scikit-learn 1.9.1 (tools/learn_fixtures.py), to 1e-12.
    #[test]
    fn classification_metrics_match_sklearn() {
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        let (t, p, s) = (
            classes(&f["y_true"]),
            classes(&f["y_pred"]),
            floats(&f["y_score"]),
        );
        let cases: [(&str, f64); 6] = [
            ("accuracy", accuracy(&t, &p).unwrap()),
            ("precision", precision(&t, &p, 1).unwrap()),
            ("recall", recall(&t, &p, 1).unwrap()),
            ("f1", f1(&t, &p, 1).unwrap()),
            ("roc_auc", roc_auc(&t, &s).unwrap()),
            ("log_loss", log_loss_binary(&t, &s).unwrap()),
        ];
        for (name, got) in cases {
            let want = f[name].as_f64().unwrap();
            assert!(
                (got - want).abs() < 1e-12,
                "{name}: {got} vs sklearn {want}"
            );
        }
        let cm = confusion_matrix(&t, &p, 2).unwrap();
        let want: Vec<Vec<usize>> = f["confusion_matrix"]
            .as_array()
            .unwrap()
            .iter()
            .map(classes)
            .collect();
        assert_eq!(cm, want);
    }

    #[test]
    fn roc_curve_groups_ties_like_sklearn() {
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        let c = roc_curve(&classes(&f["y_true"]), &floats(&f["y_score"])).unwrap();
        assert_eq!(c.fpr.len(), f["roc_fpr"].as_array().unwrap().len());
        for (got, want) in c.fpr.iter().zip(floats(&f["roc_fpr"])) {
            assert!((got - want).abs() < 1e-12);
        }
        for (got, want) in c.tpr.iter().zip(floats(&f["roc_tpr"])) {
            assert!((got - want).abs() < 1e-12);
        }
        let thresholds = f["roc_thresholds"].as_array().unwrap();
        assert!(thresholds[0].is_null() && c.thresholds[0].is_none());
        for (got, want) in c.thresholds[1..].iter().zip(&thresholds[1..]) {
            assert!((got.unwrap() - want.as_f64().unwrap()).abs() < 1e-12);
        }
    }

    #[test]
    fn regression_metrics_match_sklearn() {
        let f: Value = serde_json::from_str(FIXTURE).unwrap();
        let (t, p) = (floats(&f["r_true"]), floats(&f["r_pred"]));
        for m in [Metric::R2, Metric::Rmse, Metric::Mae, Metric::Mape] {
            let got = m.regression(&t, &p).unwrap();
            let want = f[m.as_str()].as_f64().unwrap();
            assert!(
                (got - want).abs() < 1e-12,
                "{}: {got} vs {want}",
                m.as_str()
            );
        }
    }

    #[test]
    fn bad_inputs_are_errors() {
        assert!(accuracy(&[], &[]).is_err());
        assert!(accuracy(&[1, 0], &[1]).is_err());
        assert!(roc_auc(&[1, 1], &[0.2, 0.4]).is_err());
        assert!(Metric::parse("auc").is_err());
        assert!(Metric::R2.classification(&[1], &[1], None, 2).is_err());
    }
}
