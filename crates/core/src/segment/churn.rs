//! Churn risk: a leakage-safe data set (features before a cutoff, label after it) and a hook
//! that trains and checks any binary classifier on held-out customers.
//!
//! For a cutoff day `c` and a churn window of `w` days:
//! - the **customers** are those with at least one kept order line before `c`, in order of
//!   first appearance among those lines;
//! - the **features** use only lines dated strictly before `c` (see [`FEATURES`]): recency,
//!   frequency, monetary value, tenure, average order value, and the order trend: orders in
//!   the `trend_days` before `c` against the `trend_days` before those;
//! - the **label** is `true` (churned) when the customer has no order in `[c, c + w)`.
//!
//! The data must reach `c + w − 1`, else "no order in the window" would only mean "no data",
//! and the builder refuses. Nothing dated on or after `c` feeds a feature: a test changes
//! every such line and checks the features do not move. This is the usual "observation
//! window / performance window" set-up of churn modelling (e.g. Fader & Hardie's holdout
//! periods), applied per customer.
//!
//! Classifiers live in [`crate::learn`]; this module does not fit any. The features are a
//! [`Matrix`], and [`evaluate_churn`] takes any parameters that [`Fit`] class numbers
//! (1 = churned) into a model that can [`PredictProba`]: it splits customers, fits, and
//! reports held-out AUC ([`crate::learn::metrics::roc_auc`]) and accuracy.
//! [`current_features`] builds the same features as of today for ranking customers at risk.

use super::orders::OrderLines;
use crate::learn::{metrics, Fit, Matrix, PredictProba};
use crate::rt::seeded;
use crate::table::infer::{format_datetime, parse_datetime};
use crate::{Allowed, Counted, Error, Lang, Per, Result};
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Feature names, in column order.
pub const FEATURES: [&str; 8] = [
    "recency_days",
    "frequency",
    "monetary",
    "tenure_days",
    "average_order_value",
    "orders_recent",
    "orders_prior",
    "order_trend",
];

/// The name of feature `index` (a column of [`FEATURES`]) for the user.
pub fn feature_label(index: usize, lang: Lang) -> &'static str {
    match index {
        0 => lang.pick("距上次购买天数", "Days since last order"),
        1 => lang.pick("订单数", "Orders"),
        2 => lang.pick("消费金额", "Spend"),
        3 => lang.pick("客户时长（天）", "Days since first order"),
        4 => lang.pick("平均订单金额", "Average order value"),
        5 => lang.pick("近期订单数", "Recent orders"),
        6 => lang.pick("前期订单数", "Earlier orders"),
        7 => lang.pick("订单趋势", "Order trend"),
        _ => "",
    }
}

/// Churn parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnParams {
    /// Cutoff day (days since 1970-01-01): features before it, label from it on.
    pub cutoff_day: i64,
    /// Churn window in days: churned = no order in `[cutoff, cutoff + window_days)`.
    /// Default 90.
    pub window_days: i64,
    /// Length in days of the two periods the order trend compares. Default 90.
    pub trend_days: i64,
}

impl ChurnParams {
    /// Cutoff `YYYY-MM-DD`, window 90 days, trend periods 90 days.
    pub fn new(cutoff: &str) -> Result<ChurnParams> {
        let seconds = parse_datetime(cutoff)
            .filter(|s| s.rem_euclid(86_400) == 0)
            .ok_or_else(|| Error::invalid_parameter("cutoff", cutoff, Allowed::Date))?;
        Ok(ChurnParams {
            cutoff_day: seconds.div_euclid(86_400),
            window_days: 90,
            trend_days: 90,
        })
    }

    /// Sets the churn window.
    pub fn window_days(mut self, days: i64) -> ChurnParams {
        self.window_days = days;
        self
    }

    /// Sets the trend period.
    pub fn trend_days(mut self, days: i64) -> ChurnParams {
        self.trend_days = days;
        self
    }

    /// Checks the parameters against the data: the window must be covered by it.
    pub fn check(&self, orders: &OrderLines) -> Result<()> {
        if self.window_days < 1 {
            return Err(Error::invalid_parameter(
                "window_days",
                self.window_days,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.trend_days < 1 {
            return Err(Error::invalid_parameter(
                "trend_days",
                self.trend_days,
                Allowed::AtLeast(1.0),
            ));
        }
        let last = orders
            .last_day()
            .ok_or_else(|| Error::not_enough(Counted::OrderLines, 1, 0))?;
        let window_end = self.cutoff_day + self.window_days - 1;
        if last < window_end {
            return Err(Error::invalid_parameter(
                "cutoff",
                format_datetime(self.cutoff_day * 86_400),
                Allowed::CutoffBeforeLastOrder {
                    days: self.window_days,
                    last: format_datetime(last * 86_400),
                },
            ));
        }
        Ok(())
    }
}

/// Features and churn labels of every customer known at the cutoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnDataset {
    /// Customer ids, row order of `features`.
    pub customers: Vec<String>,
    /// One row per customer, columns [`FEATURES`], from lines before the cutoff only.
    pub features: Matrix,
    /// `true` when the customer placed no order in the window after the cutoff.
    pub churned: Vec<bool>,
    /// Share of customers churned.
    pub churn_rate: f64,
    /// The parameters used.
    pub params: ChurnParams,
}

/// Builds the churn data set: features strictly before the cutoff, label from the window.
pub fn churn_dataset(orders: &OrderLines, params: &ChurnParams) -> Result<ChurnDataset> {
    params.check(orders)?;
    let (customer_index, features) = features_before(orders, params.cutoff_day, params.trend_days)?;
    let window_end = params.cutoff_day + params.window_days;
    let active: HashSet<u32> = orders
        .lines
        .iter()
        .filter(|l| (params.cutoff_day..window_end).contains(&l.day()))
        .map(|l| l.customer)
        .collect();
    let churned: Vec<bool> = customer_index.iter().map(|c| !active.contains(c)).collect();
    let churn_rate = churned.iter().filter(|&&c| c).count() as f64 / churned.len() as f64;
    Ok(ChurnDataset {
        customers: customer_index
            .iter()
            .map(|&c| orders.customers[c as usize].clone())
            .collect(),
        features,
        churned,
        churn_rate,
        params: params.clone(),
    })
}

/// The same features as of the day after the last order (every line counts), for scoring
/// today's customers with a model trained on [`churn_dataset`].
pub fn current_features(orders: &OrderLines, trend_days: i64) -> Result<(Vec<String>, Matrix)> {
    let last = orders
        .last_day()
        .ok_or_else(|| Error::not_enough(Counted::OrderLines, 1, 0))?;
    let (index, features) = features_before(orders, last + 1, trend_days)?;
    Ok((
        index
            .iter()
            .map(|&c| orders.customers[c as usize].clone())
            .collect(),
        features,
    ))
}

/// Features of each customer from lines dated before `cutoff` only; returns the customer
/// indices (first appearance order) and the feature rows.
fn features_before(
    orders: &OrderLines,
    cutoff: i64,
    trend_days: i64,
) -> Result<(Vec<u32>, Matrix)> {
    let n = orders.customers.len();
    let mut first = vec![i64::MAX; n];
    let mut last = vec![i64::MIN; n];
    let mut money = vec![0.0; n];
    // (customer, order, day) of each line before the cutoff; an order's day is its first.
    let mut orders_seen: Vec<(u32, u32, i64)> = Vec::new();
    for line in orders.lines.iter().filter(|l| l.day() < cutoff) {
        let c = line.customer as usize;
        first[c] = first[c].min(line.day());
        last[c] = last[c].max(line.day());
        money[c] += line.amount;
        orders_seen.push((line.customer, line.order, line.day()));
    }
    orders_seen.sort_unstable();
    orders_seen.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut frequency = vec![0u32; n];
    let mut recent = vec![0u32; n];
    let mut prior = vec![0u32; n];
    for &(c, _, day) in &orders_seen {
        let c = c as usize;
        frequency[c] += 1;
        if day >= cutoff - trend_days {
            recent[c] += 1;
        } else if day >= cutoff - 2 * trend_days {
            prior[c] += 1;
        }
    }
    // Rows in order of first appearance among the lines before the cutoff, so that not even
    // the row order depends on what happened after it.
    let mut index: Vec<u32> = Vec::new();
    let mut listed = vec![false; n];
    for line in orders.lines.iter().filter(|l| l.day() < cutoff) {
        let c = line.customer as usize;
        if !listed[c] {
            listed[c] = true;
            index.push(line.customer);
        }
    }
    if index.is_empty() {
        return Err(Error::not_enough(Counted::Customers, 1, 0));
    }
    let rows: Vec<Vec<f64>> = index
        .iter()
        .map(|&c| {
            let c = c as usize;
            let f = f64::from(frequency[c]);
            vec![
                (cutoff - last[c]) as f64,
                f,
                money[c],
                (cutoff - first[c]) as f64,
                money[c] / f,
                f64::from(recent[c]),
                f64::from(prior[c]),
                f64::from(recent[c]) - f64::from(prior[c]),
            ]
        })
        .collect();
    let features = Matrix::from_rows(&rows)?;
    features.check_finite()?;
    Ok((index, features))
}

/// The probability of class 1 (churned) for each row of `x`.
pub fn churn_probabilities(model: &impl PredictProba, x: &Matrix) -> Result<Vec<f64>> {
    let proba = model.predict_proba(x)?;
    if proba.n_cols() < 2 {
        // Training saw one class only: there is nothing to tell apart.
        return Err(Error::not_enough(Counted::Classes, 2, proba.n_cols()));
    }
    Ok((0..proba.n_rows()).map(|i| proba.get(i, 1)).collect())
}

/// How a classifier did on held-out customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnEvaluation {
    /// Customers trained on.
    pub train_size: usize,
    /// Held-out customers.
    pub test_size: usize,
    /// Churn rate among held-out customers.
    pub test_churn_rate: f64,
    /// Area under the ROC curve on held-out customers (ties count one half).
    pub auc: f64,
    /// Accuracy at probability 0.5 on held-out customers.
    pub accuracy: f64,
    /// Indices (rows of the data set) of the held-out customers.
    pub test_rows: Vec<usize>,
    /// Churn probability of each held-out customer, same order.
    pub test_probabilities: Vec<f64>,
}

/// Splits the customers (seeded shuffle, `test_fraction` held out), fits `classifier` on
/// the rest (class 1 = churned) and scores it on the held-out customers.
pub fn evaluate_churn<P>(
    dataset: &ChurnDataset,
    classifier: &P,
    test_fraction: f64,
    seed: u64,
) -> Result<ChurnEvaluation>
where
    P: Fit<usize>,
    P::Model: PredictProba,
{
    if !(test_fraction > 0.0 && test_fraction < 1.0) {
        return Err(Error::invalid_parameter(
            "test_fraction",
            test_fraction,
            Allowed::OpenUnit,
        ));
    }
    let n = dataset.features.n_rows();
    let test_size = ((n as f64) * test_fraction).round() as usize;
    if test_size == 0 || test_size == n {
        return Err(Error::not_enough(Counted::Customers, 2, n));
    }
    let mut rows: Vec<usize> = (0..n).collect();
    rows.shuffle(&mut seeded(seed));
    let (test_rows, train_rows) = rows.split_at(test_size);
    let mut test_rows = test_rows.to_vec();
    let mut train_rows = train_rows.to_vec();
    test_rows.sort_unstable();
    train_rows.sort_unstable();
    let labels = |which: &[usize]| -> Vec<usize> {
        which
            .iter()
            .map(|&i| usize::from(dataset.churned[i]))
            .collect()
    };
    let (y_train, y_test) = (labels(&train_rows), labels(&test_rows));
    let model = classifier.fit(&dataset.features.select_rows(&train_rows), &y_train)?;
    let p = churn_probabilities(&model, &dataset.features.select_rows(&test_rows))?;
    if p.len() != y_test.len() || p.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            crate::Term::ClassifierOutput,
            p.len(),
            Allowed::count(y_test.len(), Per::TestCustomer),
        ));
    }
    let correct = p
        .iter()
        .zip(&y_test)
        .filter(|(p, &y)| usize::from(**p >= 0.5) == y)
        .count();
    Ok(ChurnEvaluation {
        train_size: train_rows.len(),
        test_size,
        test_churn_rate: y_test.iter().sum::<usize>() as f64 / test_size as f64,
        // Ties count one half; 0.5 when the held-out customers are all of one class.
        auc: metrics::roc_auc(&y_test, &p).unwrap_or(0.5),
        accuracy: correct as f64 / test_size as f64,
        test_rows,
        test_probabilities: p,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::orders::{AmountColumns, OrderColumns, OrderLine};
    use crate::table::{read_bytes, ReadOptions};

    const SAMPLE: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
    );

    fn sample_orders() -> OrderLines {
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
        OrderLines::from_table(&table, &columns).unwrap()
    }

    const CHURN_FIXTURE: &str =
        include_str!("../../../../testdata/fixtures/segment_churn_sample20k.csv");
    const CHURN_SUMMARY: &str =
        include_str!("../../../../testdata/fixtures/segment_churn_sample20k.json");

    #[test]
    fn matches_pandas_features_labels_and_sklearn_auc() {
        let orders = sample_orders();
        let data = churn_dataset(&orders, &ChurnParams::new("2011-09-01").unwrap()).unwrap();
        let summary: serde_json::Value = serde_json::from_str(CHURN_SUMMARY).unwrap();
        assert_eq!(
            data.customers.len() as u64,
            summary["customers"].as_u64().unwrap()
        );
        let churned = data.churned.iter().filter(|&&c| c).count() as u64;
        assert_eq!(churned, summary["churned"].as_u64().unwrap());
        let rows: Vec<Vec<&str>> = CHURN_FIXTURE
            .lines()
            .skip(2)
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(rows.len(), data.customers.len());
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(data.customers[i], row[0]);
            for (j, cell) in row[1..=FEATURES.len()].iter().enumerate() {
                let expected: f64 = cell.parse().unwrap();
                let got = data.features.row(i)[j];
                assert!(
                    (got - expected).abs() <= 1e-6 * expected.abs().max(1.0),
                    "{} {}: {got} vs {expected}",
                    row[0],
                    FEATURES[j]
                );
            }
            assert_eq!(
                data.churned[i],
                row[FEATURES.len() + 1] == "1",
                "{}",
                row[0]
            );
        }
        let recency = data.features.column(0);
        let auc = summary["auc_recency_all_customers"].as_f64().unwrap();
        assert!((auc_of(&recency, &data.churned) - auc).abs() < 1e-12);
    }

    #[test]
    fn learn_logistic_regression_plugs_in_and_matches_scikit_learn() {
        use crate::learn::linear::LogisticRegressionParams;
        use crate::learn::pipeline::Pipeline;
        use crate::learn::preprocess::StandardScaler;
        let orders = sample_orders();
        let data = churn_dataset(&orders, &ChurnParams::new("2011-09-01").unwrap()).unwrap();
        let summary: serde_json::Value = serde_json::from_str(CHURN_SUMMARY).unwrap();
        let expected = &summary["logistic_all_customers"];
        // Fit and score on all customers, as the fixture does, to check the wiring.
        // Standardised on the training rows first, as the churn job does.
        let classifier = Pipeline {
            step: StandardScaler,
            model: LogisticRegressionParams::new(),
        };
        let model = classifier
            .fit(&data.features, &classes(&data.churned))
            .unwrap();
        let p = churn_probabilities(&model, &data.features).unwrap();
        for (got, want) in p
            .iter()
            .zip(expected["first_probabilities"].as_array().unwrap())
        {
            let want = want.as_f64().unwrap();
            assert!((got - want).abs() < 1e-4, "{got} vs {want}");
        }
        let auc = auc_of(&p, &data.churned);
        assert!(
            (auc - expected["auc"].as_f64().unwrap()).abs() < 1e-4,
            "auc {auc}"
        );
        // And on held-out customers.
        let eval = evaluate_churn(&data, &classifier, 0.25, 42).unwrap();
        assert!(eval.auc > 0.6, "held-out auc {}", eval.auc);
    }

    fn day(date: &str) -> i64 {
        parse_datetime(date).unwrap() / 86_400
    }

    #[test]
    fn nothing_after_the_cutoff_moves_a_feature() {
        let orders = sample_orders();
        let params = ChurnParams::new("2011-09-01").unwrap();
        let before = churn_dataset(&orders, &params).unwrap();
        // Rewrite every line on or after the cutoff: other amounts, other customers, other
        // orders, and add a new customer and a huge order after the cutoff.
        let mut changed = orders.clone();
        let cutoff = params.cutoff_day;
        let n_customers = changed.customers.len() as u32;
        let mut touched = 0;
        for (i, line) in changed.lines.iter_mut().enumerate() {
            if line.day() >= cutoff {
                line.amount *= 7.0;
                line.customer = (line.customer + i as u32) % n_customers;
                line.order += 1_000_000;
                touched += 1;
            }
        }
        changed.customers.push("NEW".into());
        changed.lines.push(OrderLine {
            customer: n_customers,
            order: 9_999_999,
            seconds: cutoff * 86_400,
            amount: 1e9,
            row: 0,
        });
        assert!(
            touched > 1000,
            "the test must change many lines ({touched})"
        );
        let after = churn_dataset(&changed, &params).unwrap();
        assert_eq!(after.customers, before.customers);
        assert_eq!(after.features, before.features);
        // Labels do depend on the window, so they may move; the features may not.
        assert_ne!(after.churned, before.churned);
    }

    #[test]
    fn labels_come_from_the_window_and_features_from_before() {
        let csv = b"inv,cust,date,amount\n\
            1,A,2011-01-01,10\n\
            2,A,2011-03-01,30\n\
            3,B,2011-02-15,5\n\
            4,A,2011-04-02,50\n\
            5,C,2011-04-10,8\n\
            6,B,2011-05-30,1\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let columns = OrderColumns {
            customer: "cust".into(),
            date: "date".into(),
            amount: AmountColumns::Amount("amount".into()),
            invoice: Some("inv".into()),
        };
        let orders = OrderLines::from_table(&table, &columns).unwrap();
        let params = ChurnParams::new("2011-04-01")
            .unwrap()
            .window_days(30)
            .trend_days(45);
        let data = churn_dataset(&orders, &params).unwrap();
        // C only appears after the cutoff; B's next order is after the 30-day window.
        assert_eq!(data.customers, ["A", "B"]);
        assert_eq!(data.churned, [false, true]);
        let cutoff = day("2011-04-01");
        let a = data.features.row(0);
        let expected_a = [
            (cutoff - day("2011-03-01")) as f64,
            2.0,
            40.0,
            (cutoff - day("2011-01-01")) as f64,
            20.0,
            1.0, // 2011-03-01 is within 45 days of the cutoff
            1.0, // 2011-01-01 falls in the 45 days before that
            0.0,
        ];
        assert_eq!(a, expected_a);
        // A window that runs past the data is refused.
        let late = ChurnParams::new("2011-05-15").unwrap().window_days(30);
        assert!(churn_dataset(&orders, &late).is_err());
        assert!(ChurnParams::new("2011-04-01")
            .unwrap()
            .window_days(0)
            .check(&orders)
            .is_err());
    }

    /// Class numbers of churn labels (1 = churned).
    fn classes(churned: &[bool]) -> Vec<usize> {
        churned.iter().map(|&c| usize::from(c)).collect()
    }

    /// ROC AUC of `scores` for the churn labels.
    fn auc_of(scores: &[f64], churned: &[bool]) -> f64 {
        metrics::roc_auc(&classes(churned), scores).unwrap()
    }

    /// A test double standing in for a real classifier from `learn`: the churn probability
    /// rises with days since the last order, relative to the training median.
    struct RecencyRuleParams;

    struct RecencyRule {
        median: f64,
    }

    impl Fit<usize> for RecencyRuleParams {
        type Model = RecencyRule;

        fn fit_with(
            &self,
            x: &Matrix,
            _y: &[usize],
            _progress: &mut dyn crate::progress::Progress,
        ) -> Result<RecencyRule> {
            let mut r = x.column(0);
            r.sort_by(f64::total_cmp);
            Ok(RecencyRule {
                median: r[r.len() / 2],
            })
        }
    }

    impl PredictProba for RecencyRule {
        fn predict_proba(&self, x: &Matrix) -> Result<Matrix> {
            let rows: Vec<Vec<f64>> = (0..x.n_rows())
                .map(|i| {
                    let p = 1.0 / (1.0 + (-(x.row(i)[0] - self.median) / 30.0).exp());
                    vec![1.0 - p, p]
                })
                .collect();
            Matrix::from_rows(&rows)
        }
    }

    #[test]
    fn the_hook_trains_and_scores_any_classifier_on_held_out_customers() {
        let orders = sample_orders();
        let data = churn_dataset(&orders, &ChurnParams::new("2011-09-01").unwrap()).unwrap();
        let eval = evaluate_churn(&data, &RecencyRuleParams, 0.25, 7).unwrap();
        assert_eq!(eval.train_size + eval.test_size, data.customers.len());
        assert_eq!(eval.test_rows.len(), eval.test_size);
        // The rule is monotone in recency, so its held-out AUC is that of recency itself on
        // the held-out rows: the hook passed the right rows and labels through.
        let recency: Vec<f64> = eval
            .test_rows
            .iter()
            .map(|&i| data.features.row(i)[0])
            .collect();
        let labels: Vec<bool> = eval.test_rows.iter().map(|&i| data.churned[i]).collect();
        assert!((eval.auc - auc_of(&recency, &labels)).abs() < 1e-12);
        assert!(eval.auc > 0.55, "auc {}", eval.auc);
        let again = evaluate_churn(&data, &RecencyRuleParams, 0.25, 7).unwrap();
        assert_eq!(eval, again);
        assert!(evaluate_churn(&data, &RecencyRuleParams, 1.0, 7).is_err());
        let (ids, current) = current_features(&orders, 90).unwrap();
        assert_eq!(ids.len(), orders.customers.len());
        assert_eq!(current.n_cols(), FEATURES.len());
        for i in 0..FEATURES.len() {
            assert!(
                !feature_label(i, Lang::Zh).is_empty() && !feature_label(i, Lang::En).is_empty()
            );
        }
    }
}
