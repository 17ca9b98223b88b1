//! Calibration and holdout: the standard check of a purchase model. Fit on the purchases
//! up to a calibration day, predict each calibration customer's repeat purchases over the
//! rest of the data, and compare with what they did, per calibration frequency
//! (0, 1, …, 6 and 7 or more: lifetimes' `plot_calibration_purchases_vs_holdout_purchases`)
//! and in total. Every figure here is out of sample.

use super::summary::{CustomerSummary, Triple};
use super::PurchaseModel;
use serde::{Deserialize, Serialize};

/// Frequencies from this one up share the last group.
pub const LAST_GROUP: u32 = 7;

/// Customers with one calibration frequency (or `LAST_GROUP` and more).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HoldoutGroup {
    /// Calibration repeat purchases (the last group: at least this many).
    pub frequency: u32,
    /// Whether the group holds every frequency from `frequency` up.
    pub and_more: bool,
    /// Customers in the group.
    pub customers: usize,
    /// Mean actual repeat purchases in the holdout.
    pub actual: f64,
    /// Mean predicted purchases in the holdout.
    pub predicted: f64,
}

/// Predicted against actual holdout purchases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldoutComparison {
    /// Holdout length, in units.
    pub duration: f64,
    /// Per calibration frequency 0..=6 and 7+ (groups without customers left out).
    pub groups: Vec<HoldoutGroup>,
    /// Calibration customers.
    pub customers: usize,
    /// Total actual purchases in the holdout.
    pub actual_total: f64,
    /// Total predicted purchases.
    pub predicted_total: f64,
}

/// Compares the model's predictions for the calibration customers with `actual`, their
/// purchase days in the holdout indexed by customer (the order lines' index).
pub fn compare(
    model: &dyn PurchaseModel,
    calibration: &[CustomerSummary],
    actual: &[u32],
    duration: f64,
) -> HoldoutComparison {
    let groups_len = LAST_GROUP as usize + 1;
    let mut count = vec![0usize; groups_len];
    let mut actual_sum = vec![0.0; groups_len];
    let mut predicted_sum = vec![0.0; groups_len];
    let mut memo: std::collections::HashMap<(u32, u64, u64), f64> = Default::default();
    for s in calibration {
        let t = Triple::from(s);
        let key = (t.frequency, t.recency.to_bits(), t.age.to_bits());
        let predicted = *memo
            .entry(key)
            .or_insert_with(|| model.expected_purchases(duration, t));
        let g = s.frequency.min(LAST_GROUP) as usize;
        count[g] += 1;
        actual_sum[g] += f64::from(actual.get(s.customer as usize).copied().unwrap_or(0));
        predicted_sum[g] += predicted;
    }
    let groups = (0..groups_len)
        .filter(|&g| count[g] > 0)
        .map(|g| HoldoutGroup {
            frequency: g as u32,
            and_more: g as u32 == LAST_GROUP,
            customers: count[g],
            actual: actual_sum[g] / count[g] as f64,
            predicted: predicted_sum[g] / count[g] as f64,
        })
        .collect();
    HoldoutComparison {
        duration,
        groups,
        customers: calibration.len(),
        actual_total: actual_sum.iter().sum(),
        predicted_total: predicted_sum.iter().sum(),
    }
}
