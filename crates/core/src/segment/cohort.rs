//! Cohort retention: customers grouped by the month (or week) of their first purchase,
//! and for each later period the share of the cohort that bought again and the revenue
//! per cohort customer.
//!
//! Period 0 is the first-purchase period itself (every customer is active in it). A week
//! starts on Monday (pandas' `to_period("W")`). Customers, cancellations and id-less lines
//! are as [`OrderLines`] keeps them; revenue is the sum of kept line amounts. Checked
//! against a pandas computation (`tools/cohort_fixture.py`).

use super::orders::OrderLines;
use crate::table::infer::{civil_from_days, days_from_civil};
use serde::{Deserialize, Serialize};

/// How cohorts and later periods are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CohortPeriod {
    /// Calendar months (the default).
    #[default]
    Month,
    /// Weeks starting on Monday.
    Week,
}

impl CohortPeriod {
    /// The name used in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            CohortPeriod::Month => "month",
            CohortPeriod::Week => "week",
        }
    }

    /// The period number of a calendar day (months since year 0, or Mondays since
    /// 1970-01-05).
    fn index(self, day: i64) -> i64 {
        match self {
            CohortPeriod::Month => {
                let (year, month, _) = civil_from_days(day);
                year * 12 + i64::from(month) - 1
            }
            // 1970-01-01 was a Thursday: day 4 is the first Monday.
            CohortPeriod::Week => (day - 4).div_euclid(7),
        }
    }

    /// The period's label: `2011-01` for a month, the Monday `2011-01-03` for a week.
    fn label(self, index: i64) -> String {
        match self {
            CohortPeriod::Month => format!(
                "{:04}-{:02}",
                index.div_euclid(12),
                index.rem_euclid(12) + 1
            ),
            CohortPeriod::Week => {
                let (y, m, d) = civil_from_days(index * 7 + 4);
                format!("{y:04}-{m:02}-{d:02}")
            }
        }
    }
}

/// One cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    /// The first-purchase period (`2011-01` or the week's Monday).
    pub label: String,
    /// Customers whose first purchase fell in it.
    pub customers: usize,
    /// Customers of the cohort who bought in each period since (index 0: the first).
    pub active: Vec<usize>,
    /// Revenue of the cohort's customers in each period since.
    pub revenue: Vec<f64>,
}

impl Cohort {
    /// Share of the cohort active `offset` periods after its first.
    pub fn retention(&self, offset: usize) -> Option<f64> {
        self.active
            .get(offset)
            .map(|&a| a as f64 / self.customers as f64)
    }

    /// Revenue per cohort customer `offset` periods after its first.
    pub fn revenue_per_customer(&self, offset: usize) -> Option<f64> {
        self.revenue.get(offset).map(|&r| r / self.customers as f64)
    }
}

/// Every cohort of the order lines, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortTable {
    /// How periods are cut.
    pub period: CohortPeriod,
    /// Cohorts, oldest first; each has one entry per period up to the last of the data.
    pub cohorts: Vec<Cohort>,
    /// Customers in all cohorts.
    pub customers: usize,
}

/// Groups the customers of `orders` into cohorts.
pub fn cohorts(orders: &OrderLines, period: CohortPeriod) -> CohortTable {
    let n = orders.customers.len();
    let mut first = vec![i64::MAX; n];
    let mut last_period = i64::MIN;
    for line in &orders.lines {
        let p = period.index(line.day());
        let f = &mut first[line.customer as usize];
        *f = (*f).min(p);
        last_period = last_period.max(p);
    }
    let mut starts: Vec<i64> = first.iter().copied().filter(|&p| p != i64::MAX).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut cohorts: Vec<Cohort> = starts
        .iter()
        .map(|&start| {
            let periods = (last_period - start + 1) as usize;
            Cohort {
                label: period.label(start),
                customers: 0,
                active: vec![0; periods],
                revenue: vec![0.0; periods],
            }
        })
        .collect();
    let cohort_of = |p: i64| starts.binary_search(&p).unwrap_or(0);
    for &f in first.iter().filter(|&&p| p != i64::MAX) {
        cohorts[cohort_of(f)].customers += 1;
    }
    // Active: one mark per distinct (customer, period).
    let mut seen: Vec<(u32, i64)> = Vec::with_capacity(orders.lines.len());
    for line in &orders.lines {
        let p = period.index(line.day());
        let f = first[line.customer as usize];
        let cohort = &mut cohorts[cohort_of(f)];
        cohort.revenue[(p - f) as usize] += line.amount;
        seen.push((line.customer, p));
    }
    seen.sort_unstable();
    seen.dedup();
    for (customer, p) in seen {
        let f = first[customer as usize];
        cohorts[cohort_of(f)].active[(p - f) as usize] += 1;
    }
    let customers = cohorts.iter().map(|c| c.customers).sum();
    CohortTable {
        period,
        cohorts,
        customers,
    }
}

/// The day a period label starts (for tests and exports).
pub fn label_day(period: CohortPeriod, label: &str) -> Option<i64> {
    let mut parts = label.split('-').map(str::parse::<i64>);
    let year = parts.next()?.ok()?;
    let month = u32::try_from(parts.next()?.ok()?).ok()?;
    let day = match period {
        CohortPeriod::Month => 1,
        CohortPeriod::Week => u32::try_from(parts.next()?.ok()?).ok()?,
    };
    days_from_civil(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{AmountColumns, OrderColumns};
    use crate::table::{read_bytes, ReadOptions};

    #[test]
    fn weeks_start_on_monday_and_labels_round_trip() {
        let monday = days_from_civil(2011, 1, 3).unwrap();
        let sunday = days_from_civil(2011, 1, 9).unwrap();
        let p = CohortPeriod::Week;
        assert_eq!(p.index(monday), p.index(sunday));
        assert_eq!(p.index(monday) + 1, p.index(sunday + 1));
        assert_eq!(p.label(p.index(sunday)), "2011-01-03");
        assert_eq!(label_day(p, "2011-01-03"), Some(monday));
        let m = CohortPeriod::Month;
        assert_eq!(m.label(m.index(sunday)), "2011-01");
    }

    #[test]
    fn counts_each_customer_once_per_period() {
        let csv = b"cust,date,amount\nA,2011-01-05,10\nA,2011-01-20,5\nA,2011-03-02,7\n\
                    B,2011-01-30,4\nC,2011-02-01,3\nC,2011-02-02,1\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let columns = OrderColumns {
            customer: "cust".into(),
            date: "date".into(),
            amount: AmountColumns::Amount("amount".into()),
            invoice: None,
        };
        let orders = OrderLines::from_table(&table, &columns).unwrap();
        let t = cohorts(&orders, CohortPeriod::Month);
        assert_eq!(t.customers, 3);
        let jan = &t.cohorts[0];
        assert_eq!((jan.label.as_str(), jan.customers), ("2011-01", 2));
        assert_eq!(jan.active, [2, 0, 1]);
        assert_eq!(jan.revenue, [19.0, 0.0, 7.0]);
        let feb = &t.cohorts[1];
        assert_eq!((feb.customers, feb.active.clone()), (1, vec![1, 0]));
        assert_eq!(jan.retention(2), Some(0.5));
    }
}
