//! Runs an inventory policy over a daily demand history, period by period, with lost sales.
//!
//! Each day: orders due that day arrive; demand is served from stock (what cannot be served
//! is lost and costs `stockout_cost` per unit); then the inventory position (on hand plus on
//! order) is reviewed and the policy may order, rounded up to whole case packs and to the
//! minimum order. An order placed on day `t` arrives at the start of day `t + lead_time`
//! (at least the next day). Holding cost accrues on the stock left at the end of each day.

use super::policy::Policy;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// Days per year, to turn annual holding rates into daily costs.
pub const DAYS_PER_YEAR: f64 = 365.0;

/// What it costs to stock one product, and how it can be ordered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Product identifier.
    pub id: String,
    /// Purchase cost of one unit.
    pub unit_cost: f64,
    /// Fixed cost of placing one order.
    pub order_cost: f64,
    /// Holding cost per year as a fraction of the unit cost (0.25 = 25% a year).
    pub holding_rate: f64,
    /// Days from order to delivery.
    pub lead_time: u32,
    /// Units per case; orders are whole cases.
    pub case_pack: f64,
    /// Smallest order in units.
    pub min_order: f64,
    /// Cost of a unit of demand that could not be served (lost margin, goodwill).
    pub stockout_cost: f64,
    /// Warehouse space one unit takes (1 when space is counted in units).
    pub volume: f64,
}

impl Item {
    /// Holding cost of one unit for one year.
    pub fn holding_cost_per_year(&self) -> f64 {
        self.unit_cost * self.holding_rate
    }

    /// Checks that every cost and size is usable, naming the product.
    pub fn check(&self) -> Result<()> {
        let fields = [
            ("unit_cost", self.unit_cost, false),
            ("order_cost", self.order_cost, true),
            ("holding_rate", self.holding_rate, false),
            ("case_pack", self.case_pack, false),
            ("min_order", self.min_order, true),
            ("stockout_cost", self.stockout_cost, true),
            ("volume", self.volume, true),
        ];
        for (name, value, zero_ok) in fields {
            let ok = value.is_finite() && (value > 0.0 || (zero_ok && value >= 0.0));
            if !ok {
                return Err(Error::invalid_parameter(
                    crate::Subject::ParamOf {
                        param: name.to_string(),
                        of: self.id.to_string(),
                    },
                    value,
                    if zero_ok {
                        crate::Allowed::NonNegative
                    } else {
                        crate::Allowed::Positive
                    },
                ));
            }
        }
        Ok(())
    }

    /// `quantity` rounded up to whole case packs and at least the minimum order.
    pub fn round_order(&self, quantity: f64) -> f64 {
        if quantity <= 0.0 {
            return 0.0;
        }
        let packs = (quantity.max(self.min_order) / self.case_pack - 1e-9)
            .ceil()
            .max(1.0);
        packs * self.case_pack
    }
}

/// What a policy did over the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// Holding cost over the history.
    pub holding_cost: f64,
    /// Ordering cost over the history.
    pub ordering_cost: f64,
    /// Cost of lost sales over the history.
    pub stockout_cost: f64,
    /// The sum of the three costs.
    pub total_cost: f64,
    /// Orders placed.
    pub orders: usize,
    /// Days on which some demand could not be served.
    pub stockout_days: usize,
    /// Units of demand lost.
    pub lost_units: f64,
    /// Share of demand served from stock (1 when there was no demand).
    pub fill_rate: f64,
    /// Stock on hand at the end of each day, for the chart.
    pub stock: Vec<f64>,
}

/// Runs `policy` for `item` over `demand` (units per day), starting with the policy's
/// highest position on hand.
pub fn simulate(item: &Item, policy: &Policy, demand: &[f64]) -> Result<Simulation> {
    item.check()?;
    policy.check()?;
    let mut stock = Vec::with_capacity(demand.len());
    let totals = run(item, policy, demand, Some(&mut stock));
    Ok(Simulation { stock, ..totals })
}

/// The cost of `policy` without recording the stock series (the genetic algorithm's inner
/// loop). Inputs are assumed checked.
pub(crate) fn total_cost(item: &Item, policy: &Policy, demand: &[f64]) -> f64 {
    run(item, policy, demand, None).total_cost
}

fn run(
    item: &Item,
    policy: &Policy,
    demand: &[f64],
    mut series: Option<&mut Vec<f64>>,
) -> Simulation {
    let lead = item.lead_time.max(1) as usize;
    // Arrivals by day, as a ring over the next `lead` days.
    let mut arriving = vec![0.0; lead + 1];
    let mut on_hand = policy.max_position();
    let mut on_order = 0.0;
    let daily_holding = item.holding_cost_per_year() / DAYS_PER_YEAR;
    let (mut holding, mut orders, mut stockout_days) = (0.0, 0usize, 0usize);
    let (mut lost, mut served, mut wanted) = (0.0, 0.0, 0.0);
    for (day, &want) in demand.iter().enumerate() {
        let slot = day % arriving.len();
        on_hand += arriving[slot];
        on_order -= arriving[slot];
        arriving[slot] = 0.0;
        let want = want.max(0.0);
        let serve = want.min(on_hand);
        on_hand -= serve;
        served += serve;
        wanted += want;
        if want > serve {
            lost += want - serve;
            stockout_days += 1;
        }
        let quantity = item.round_order(policy.order_quantity(on_hand + on_order));
        if quantity > 0.0 {
            orders += 1;
            on_order += quantity;
            let due = (day + lead) % arriving.len();
            arriving[due] += quantity;
        }
        holding += on_hand * daily_holding;
        if let Some(s) = series.as_deref_mut() {
            s.push(on_hand);
        }
    }
    let ordering = orders as f64 * item.order_cost;
    let stockout = lost * item.stockout_cost;
    Simulation {
        holding_cost: holding,
        ordering_cost: ordering,
        stockout_cost: stockout,
        total_cost: holding + ordering + stockout,
        orders,
        stockout_days,
        lost_units: lost,
        fill_rate: if wanted > 0.0 { served / wanted } else { 1.0 },
        stock: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> Item {
        Item {
            id: "A".into(),
            unit_cost: 3.65,
            order_cost: 10.0,
            holding_rate: 1.0,
            lead_time: 2,
            case_pack: 5.0,
            min_order: 10.0,
            stockout_cost: 2.0,
            volume: 1.0,
        }
    }

    /// A hand-worked week: R = 4, Q = 10, start with 14 on hand, lead time 2 days,
    /// holding 3.65 * 1.0 / 365 = 0.01 per unit-day.
    #[test]
    fn a_week_worked_by_hand() {
        let policy = Policy::ReorderPoint {
            reorder_point: 4.0,
            quantity: 10.0,
        };
        let demand = [5.0, 6.0, 2.0, 4.0, 9.0, 0.0, 3.0];
        let sim = simulate(&item(), &policy, &demand).unwrap();
        // day 1: 14-5=9;  day 2: 9-6=3 -> position 3 <= 4, order 10 (arrives day 4);
        // day 3: 3-2=1;   day 4: +10 = 11, -4 = 7; day 5: 7-9 -> 0, lost 2, order 10 (day 7);
        // day 6: 0;       day 7: +10, -3 = 7.
        assert_eq!(sim.stock, vec![9.0, 3.0, 1.0, 7.0, 0.0, 0.0, 7.0]);
        assert_eq!((sim.orders, sim.stockout_days), (2, 1));
        assert!((sim.lost_units - 2.0).abs() < 1e-12);
        assert!((sim.fill_rate - 27.0 / 29.0).abs() < 1e-12);
        assert!((sim.holding_cost - 27.0 * 0.01).abs() < 1e-9);
        assert!((sim.ordering_cost - 20.0).abs() < 1e-12);
        assert!((sim.stockout_cost - 4.0).abs() < 1e-12);
        assert!((sim.total_cost - 24.27).abs() < 1e-9);
    }

    #[test]
    fn orders_are_whole_packs_above_the_minimum() {
        let it = item();
        for (want, got) in [
            (0.0, 0.0),
            (1.0, 10.0),
            (10.0, 10.0),
            (11.0, 15.0),
            (15.0, 15.0),
        ] {
            assert!((it.round_order(want) - got).abs() < 1e-12, "{want}");
        }
    }

    #[test]
    fn min_max_orders_up_to_the_maximum() {
        let policy = Policy::MinMax {
            min: 3.0,
            max: 12.0,
        };
        let it = Item {
            case_pack: 1.0,
            min_order: 0.0,
            lead_time: 1,
            ..item()
        };
        // 12-10=2 -> order 10 (arrives day 2); day 2: 12-1=11; day 3: 11-9=2 -> order 10.
        let sim = simulate(&it, &policy, &[10.0, 1.0, 9.0]).unwrap();
        assert_eq!(sim.stock, vec![2.0, 11.0, 2.0]);
        assert_eq!(sim.orders, 2);
    }
}
