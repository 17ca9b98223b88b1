//! Per-customer predictions: P(alive), expected purchases over a horizon, the expected
//! value of a purchase, the discounted expected value and a segment.
//!
//! The expected value sums, period by period, the purchases expected in that period times
//! the expected value of a purchase, discounted to today:
//! `Σ_{i=1..N} (E[Y(i)] − E[Y(i−1)]) · E[M] / (1 + d)^i` — lifetimes'
//! `customer_lifetime_value` with the period being the summary's unit. Predictions depend
//! only on a customer's history, so they are computed once per distinct history.

use super::gamma_gamma::GammaGamma;
use super::summary::{CustomerSummary, Triple, Triples};
use super::PurchaseModel;
use serde::{Deserialize, Serialize};

/// P(alive) below which a repeat customer counts as lost.
pub const LOST_BELOW: f64 = 0.3;
/// P(alive) below which a repeat customer counts as at risk.
pub const AT_RISK_BELOW: f64 = 0.7;
/// Share of the live repeat customers, by expected value, that counts as top.
pub const TOP_SHARE: f64 = 0.2;

/// Where a customer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueSegment {
    /// Bought once only: the purchase models cannot yet tell (BG/NBD calls them alive).
    OneTime,
    /// Likely alive and among the top fifth by expected value.
    Top,
    /// Likely alive.
    Active,
    /// P(alive) between 0.3 and 0.7.
    AtRisk,
    /// P(alive) below 0.3.
    Lost,
}

impl ValueSegment {
    /// Every segment, in display order.
    pub const ALL: [ValueSegment; 5] = [
        ValueSegment::Top,
        ValueSegment::Active,
        ValueSegment::AtRisk,
        ValueSegment::Lost,
        ValueSegment::OneTime,
    ];

    /// The name used in JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            ValueSegment::OneTime => "one_time",
            ValueSegment::Top => "top",
            ValueSegment::Active => "active",
            ValueSegment::AtRisk => "at_risk",
            ValueSegment::Lost => "lost",
        }
    }
}

/// One customer's predictions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CustomerValue {
    /// Index into the order lines' customers.
    pub customer: u32,
    /// Repeat purchases.
    pub frequency: u32,
    /// Recency, in units.
    pub recency: f64,
    /// Age `T`, in units.
    pub age: f64,
    /// Mean repeat value (0 without repeats).
    pub monetary: f64,
    /// Probability of still being a customer.
    pub p_alive: f64,
    /// Purchases expected over the horizon.
    pub expected_purchases: f64,
    /// Expected value of one future purchase.
    pub expected_spend: f64,
    /// Discounted expected value over the horizon.
    pub expected_value: f64,
    /// Segment.
    pub segment: ValueSegment,
}

/// Settings of the predictions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueParams {
    /// Periods (units) ahead.
    pub periods: u32,
    /// Discount rate per period.
    pub discount_per_period: f64,
}

/// Predictions for every summarised customer, in the summaries' order. Without a spend
/// model, `fallback_spend` (the mean repeat value) prices every purchase.
pub fn customer_values(
    model: &dyn PurchaseModel,
    spend: Option<&GammaGamma>,
    fallback_spend: f64,
    summaries: &[CustomerSummary],
    params: ValueParams,
) -> Vec<CustomerValue> {
    let (triples, of_customer) = Triples::group(summaries.iter().map(Triple::from));
    let per_triple: Vec<(f64, f64, f64)> = triples
        .triples
        .iter()
        .map(|&t| {
            let mut previous = 0.0;
            let mut discounted = 0.0;
            for i in 1..=params.periods {
                let cumulative = model.expected_purchases(f64::from(i), t);
                discounted +=
                    (cumulative - previous) / (1.0 + params.discount_per_period).powi(i as i32);
                previous = cumulative;
            }
            (model.p_alive(t), previous, discounted)
        })
        .collect();
    let mut values: Vec<CustomerValue> = summaries
        .iter()
        .zip(&of_customer)
        .map(|(s, &k)| {
            let (p_alive, purchases, discounted) = per_triple[k as usize];
            let expected_spend = match spend {
                Some(g) => g.expected_value(s.frequency, s.monetary),
                None => fallback_spend,
            };
            CustomerValue {
                customer: s.customer,
                frequency: s.frequency,
                recency: s.recency,
                age: s.age,
                monetary: s.monetary,
                p_alive,
                expected_purchases: purchases,
                expected_spend,
                expected_value: discounted * expected_spend,
                segment: ValueSegment::Active,
            }
        })
        .collect();
    label_segments(&mut values);
    values
}

/// Sets each customer's segment (see [`ValueSegment`]).
fn label_segments(values: &mut [CustomerValue]) {
    let mut live: Vec<f64> = values
        .iter()
        .filter(|v| v.frequency > 0 && v.p_alive >= AT_RISK_BELOW)
        .map(|v| v.expected_value)
        .collect();
    live.sort_by(|a, b| b.total_cmp(a));
    let top_count = (live.len() as f64 * TOP_SHARE).ceil() as usize;
    let threshold = live
        .get(top_count.saturating_sub(1))
        .copied()
        .unwrap_or(f64::INFINITY);
    for v in values {
        v.segment = if v.frequency == 0 {
            ValueSegment::OneTime
        } else if v.p_alive < LOST_BELOW {
            ValueSegment::Lost
        } else if v.p_alive < AT_RISK_BELOW {
            ValueSegment::AtRisk
        } else if v.expected_value >= threshold {
            ValueSegment::Top
        } else {
            ValueSegment::Active
        };
    }
}

/// Converts an annual discount rate to a rate per period of `unit_days` days.
pub fn discount_per_period(annual: f64, unit_days: f64) -> f64 {
    (1.0 + annual).powf(unit_days / 365.25) - 1.0
}
