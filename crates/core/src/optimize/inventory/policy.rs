//! Classical inventory formulas (see e.g. Silver, Pyke & Thomas, "Inventory and Production
//! Management in Supply Chains", 4th ed., chapters 4 and 6): economic order quantity, safety
//! stock for a cycle service level, reorder point, and the (s, S) and (R, Q) policies.

use super::normal::normal_ppf;
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

fn positive(name: &str, value: f64) -> Result<()> {
    if value.is_finite() && value > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid_parameter(name, value, Allowed::Positive))
    }
}

fn non_negative(name: &str, value: f64) -> Result<()> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(Error::invalid_parameter(name, value, Allowed::NonNegative))
    }
}

/// Economic order quantity `sqrt(2 D S / H)` (Harris 1913): `annual_demand` D in units per
/// year, `order_cost` S per order, `holding_cost` H per unit per year.
pub fn eoq(annual_demand: f64, order_cost: f64, holding_cost: f64) -> Result<f64> {
    non_negative("annual_demand", annual_demand)?;
    non_negative("order_cost", order_cost)?;
    positive("holding_cost", holding_cost)?;
    Ok((2.0 * annual_demand * order_cost / holding_cost).sqrt())
}

/// Safety stock `z * sigma * sqrt(L)` for a cycle service level (probability of no stock-out
/// in a replenishment cycle), with `sigma` the standard deviation of the per-period forecast
/// error and `lead_time` L in periods.
pub fn safety_stock(service_level: f64, sigma: f64, lead_time: f64) -> Result<f64> {
    if !(service_level > 0.0 && service_level < 1.0) {
        return Err(Error::invalid_parameter(
            "service_level",
            service_level,
            Allowed::OpenUnit,
        ));
    }
    non_negative("sigma", sigma)?;
    non_negative("lead_time", lead_time)?;
    Ok(normal_ppf(service_level)? * sigma * lead_time.sqrt())
}

/// Reorder point: expected demand over the lead time plus the safety stock.
pub fn reorder_point(mean_demand: f64, lead_time: f64, safety_stock: f64) -> Result<f64> {
    non_negative("mean_demand", mean_demand)?;
    non_negative("lead_time", lead_time)?;
    Ok(mean_demand * lead_time + safety_stock)
}

/// When to order and how much, reviewed every period on the inventory position (on hand
/// plus on order).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Policy {
    /// (R, Q): when the position is at or below `reorder_point`, order `quantity` (as many
    /// times as needed to lift the position above the reorder point).
    ReorderPoint {
        /// R, the reorder point.
        reorder_point: f64,
        /// Q, the order quantity.
        quantity: f64,
    },
    /// (s, S): when the position is at or below `min`, order up to `max`.
    MinMax {
        /// s, the reorder level.
        min: f64,
        /// S, the order-up-to level.
        max: f64,
    },
}

impl Policy {
    /// The policy's name in the user's language.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Policy::ReorderPoint { .. }, crate::Lang::En) => "reorder point (R, Q)",
            (Policy::ReorderPoint { .. }, crate::Lang::Zh) => "再订货点 (R, Q)",
            (Policy::MinMax { .. }, crate::Lang::En) => "min-max (s, S)",
            (Policy::MinMax { .. }, crate::Lang::Zh) => "最小-最大 (s, S)",
        }
    }

    /// The highest inventory position the policy aims for, which is the stock the budget
    /// and the warehouse must be able to hold: R + Q, or S.
    pub fn max_position(&self) -> f64 {
        match *self {
            Policy::ReorderPoint {
                reorder_point,
                quantity,
            } => reorder_point + quantity,
            Policy::MinMax { max, .. } => max,
        }
    }

    /// Checks the levels are consistent.
    pub fn check(&self) -> Result<()> {
        match *self {
            Policy::ReorderPoint {
                reorder_point,
                quantity,
            } => {
                non_negative("reorder_point", reorder_point)?;
                positive("quantity", quantity)
            }
            Policy::MinMax { min, max } => {
                non_negative("min", min)?;
                if !(max.is_finite() && max > min) {
                    return Err(Error::invalid_parameter("max", max, Allowed::Above(min)));
                }
                Ok(())
            }
        }
    }

    /// The quantity to order at inventory position `position`, before pack rounding.
    pub fn order_quantity(&self, position: f64) -> f64 {
        match *self {
            Policy::ReorderPoint {
                reorder_point,
                quantity,
            } => {
                if position > reorder_point {
                    0.0
                } else {
                    ((reorder_point - position) / quantity).floor().max(0.0) * quantity + quantity
                }
            }
            Policy::MinMax { min, max } => {
                if position > min {
                    0.0
                } else {
                    max - position
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_eoq_and_safety_stock() {
        // (D, S, H, EOQ): sqrt(2*1000*10/0.5) = 200; sqrt(2*12000*50/2.4) = 707.107;
        // sqrt(2*0*10/1) = 0.
        let eoqs = [
            (1000.0, 10.0, 0.5, 200.0),
            (12000.0, 50.0, 2.4, 707.106_781_186_547_5),
            (0.0, 10.0, 1.0, 0.0),
        ];
        for (d, s, h, want) in eoqs {
            assert!((eoq(d, s, h).unwrap() - want).abs() < 1e-9, "{d} {s} {h}");
        }
        // z(0.95) = 1.6448536269514722 (scipy.stats.norm.ppf); sigma 10, L 4 -> 32.897;
        // z(0.99) = 2.3263478740408408; sigma 2.5, L 9 -> 17.448.
        let stocks = [
            (0.95, 10.0, 4.0, 32.897_072_539_029_44),
            (0.99, 2.5, 9.0, 17.447_609_055_306_306),
            (0.5, 10.0, 4.0, 0.0),
        ];
        for (level, sigma, lead, want) in stocks {
            let got = safety_stock(level, sigma, lead).unwrap();
            assert!((got - want).abs() < 1e-9, "{level}: {got}");
        }
        assert!((reorder_point(20.0, 3.0, 5.0).unwrap() - 65.0).abs() < 1e-12);
    }

    #[test]
    fn bad_inputs_are_named() {
        assert!(eoq(100.0, 10.0, 0.0)
            .unwrap_err()
            .to_string()
            .starts_with("holding_cost"));
        assert!(safety_stock(1.0, 1.0, 1.0)
            .unwrap_err()
            .to_string()
            .starts_with("service_level"));
        let e = Policy::MinMax {
            min: 10.0,
            max: 5.0,
        }
        .check()
        .unwrap_err();
        assert!(e.to_string().starts_with("max = 5"), "{e}");
    }

    #[test]
    fn order_quantities_follow_the_policy() {
        let rq = Policy::ReorderPoint {
            reorder_point: 50.0,
            quantity: 30.0,
        };
        // (position, order): above R nothing; at R one Q; far below, enough Qs to pass R.
        for (position, want) in [
            (51.0, 0.0),
            (50.0, 30.0),
            (21.0, 30.0),
            (20.0, 60.0),
            (-15.0, 90.0),
        ] {
            assert!(
                (rq.order_quantity(position) - want).abs() < 1e-12,
                "{position}"
            );
        }
        let ss = Policy::MinMax {
            min: 20.0,
            max: 100.0,
        };
        for (position, want) in [(21.0, 0.0), (20.0, 80.0), (5.0, 95.0)] {
            assert!(
                (ss.order_quantity(position) - want).abs() < 1e-12,
                "{position}"
            );
        }
    }
}
