//! Per-customer purchase summaries out of order lines: how many repeat purchases
//! (`frequency`), when the last one came (`recency`), how long the customer has been
//! known (`age`, the models' `T`) and the mean value of a repeat purchase (`monetary`).
//!
//! Follows lifetimes' `summary_data_from_transaction_data` with `freq = "D"` (and
//! `freq_multiplier = 7` for weeks): the lines of one customer on one calendar day are one
//! purchase whose value is their sum; the first purchase day is not a repeat, so
//! `frequency` is the number of purchase days minus one and `monetary` the mean over the
//! repeat days (0 without any). Times are whole days divided by the unit's length, as
//! CLVTools and the BTYD papers measure CDNOW in weeks.
//!
//! The models only see distinct `(frequency, recency, age)` triples with a count
//! ([`Triples`]): a million customers from a year of daily data share far fewer triples,
//! and each costs one likelihood term.

use crate::segment::OrderLines;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The time unit of recency, age, the scale `alpha` and the prediction horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Days.
    Day,
    /// Weeks of seven days (the default, as the BTYD literature reports CDNOW).
    #[default]
    Week,
}

impl TimeUnit {
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
        }
    }

    /// The name used in JSON and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
        }
    }
}

/// One customer's summary.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    /// Index into [`OrderLines::customers`].
    pub customer: u32,
    /// Repeat purchase days (purchase days minus one).
    pub frequency: u32,
    /// Time from the first to the last purchase day, in units.
    pub recency: f64,
    /// Time from the first purchase day to the end of observation, in units (`T`).
    pub age: f64,
    /// Mean value of a repeat purchase day (0 without repeats).
    pub monetary: f64,
    /// Calendar day of the first purchase (days since 1970-01-01).
    pub first_day: i64,
}

/// The summaries of every customer who bought on or before the end day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summaries {
    /// One per customer, in order of [`OrderLines::customers`].
    pub customers: Vec<CustomerSummary>,
    /// Last day observed (inclusive).
    pub end_day: i64,
    /// Order lines after the end day, left out.
    pub after_end: usize,
}

/// Summarises the order lines up to and including `end_day`.
pub fn summarize(orders: &OrderLines, end_day: i64, unit: TimeUnit) -> Summaries {
    let days = purchase_days(orders, |day| day <= end_day);
    let after_end = orders.lines.iter().filter(|l| l.day() > end_day).count();
    let unit_days = unit.days();
    let mut customers = Vec::new();
    let mut start = 0;
    while start < days.len() {
        let customer = days[start].0;
        let mut stop = start + 1;
        while stop < days.len() && days[stop].0 == customer {
            stop += 1;
        }
        let run = &days[start..stop];
        let first_day = run[0].1;
        let last_day = run[run.len() - 1].1;
        let repeats = &run[1..];
        let monetary = if repeats.is_empty() {
            0.0
        } else {
            repeats.iter().map(|d| d.2).sum::<f64>() / repeats.len() as f64
        };
        customers.push(CustomerSummary {
            customer,
            frequency: repeats.len() as u32,
            recency: (last_day - first_day) as f64 / unit_days,
            age: (end_day - first_day) as f64 / unit_days,
            monetary,
            first_day,
        });
        start = stop;
    }
    Summaries {
        customers,
        end_day,
        after_end,
    }
}

/// Distinct purchase days per customer index among the lines whose day passes `keep`.
pub fn purchase_day_counts(orders: &OrderLines, keep: impl Fn(i64) -> bool) -> Vec<u32> {
    let mut counts = vec![0u32; orders.customers.len()];
    for (customer, _, _) in purchase_days(orders, keep) {
        counts[customer as usize] += 1;
    }
    counts
}

/// (customer, day, value of the day's lines) for each purchase day, sorted.
fn purchase_days(orders: &OrderLines, keep: impl Fn(i64) -> bool) -> Vec<(u32, i64, f64)> {
    let mut lines: Vec<(u32, i64, f64)> = orders
        .lines
        .iter()
        .filter(|l| keep(l.day()))
        .map(|l| (l.customer, l.day(), l.amount))
        .collect();
    lines.sort_by_key(|&(customer, day, _)| (customer, day));
    let mut merged: Vec<(u32, i64, f64)> = Vec::with_capacity(lines.len());
    for (customer, day, amount) in lines {
        match merged.last_mut() {
            Some(last) if last.0 == customer && last.1 == day => last.2 += amount,
            _ => merged.push((customer, day, amount)),
        }
    }
    merged
}

/// One distinct purchase history as the models read it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Triple {
    /// Repeat purchases (`x`).
    pub frequency: u32,
    /// Time of the last purchase after the first (`t_x`).
    pub recency: f64,
    /// Time observed since the first purchase (`T`).
    pub age: f64,
}

/// Distinct triples with how many customers share each.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Triples {
    /// Distinct triples, sorted by frequency (the likelihoods cache per-frequency terms).
    pub triples: Vec<Triple>,
    /// Customers per triple.
    pub weights: Vec<f64>,
}

impl Triples {
    /// Groups identical triples. Returns them with, for each input, the index of its
    /// triple.
    pub fn group(items: impl IntoIterator<Item = Triple>) -> (Triples, Vec<u32>) {
        let mut index: HashMap<(u32, u64, u64), u32> = HashMap::new();
        let mut out = Triples::default();
        let mut of_item = Vec::new();
        for t in items {
            let key = (t.frequency, t.recency.to_bits(), t.age.to_bits());
            let next = out.triples.len() as u32;
            let slot = *index.entry(key).or_insert_with(|| {
                out.triples.push(t);
                out.weights.push(0.0);
                next
            });
            out.weights[slot as usize] += 1.0;
            of_item.push(slot);
        }
        // Sort by frequency and renumber.
        let mut order: Vec<usize> = (0..out.triples.len()).collect();
        order.sort_by_key(|&i| out.triples[i].frequency);
        let mut new_index = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new as u32;
        }
        let sorted = Triples {
            triples: order.iter().map(|&i| out.triples[i]).collect(),
            weights: order.iter().map(|&i| out.weights[i]).collect(),
        };
        let of_item = of_item.into_iter().map(|i| new_index[i as usize]).collect();
        (sorted, of_item)
    }

    /// Triples given with their counts (for data already summarised, such as a generator's
    /// output or a published summary).
    pub fn from_counts(items: impl IntoIterator<Item = (Triple, f64)>) -> Triples {
        let (mut triples, mut weights): (Vec<Triple>, Vec<f64>) = items.into_iter().unzip();
        let mut order: Vec<usize> = (0..triples.len()).collect();
        order.sort_by_key(|&i| triples[i].frequency);
        triples = order.iter().map(|&i| triples[i]).collect();
        weights = order.iter().map(|&i| weights[i]).collect();
        Triples { triples, weights }
    }

    /// Total customers.
    pub fn customers(&self) -> f64 {
        self.weights.iter().sum()
    }

    /// The mean age (a starting value for the time scale).
    pub fn mean_age(&self) -> f64 {
        let total = self.customers();
        if total <= 0.0 {
            return 1.0;
        }
        self.triples
            .iter()
            .zip(&self.weights)
            .map(|(t, w)| t.age * w)
            .sum::<f64>()
            / total
    }
}

impl From<&CustomerSummary> for Triple {
    fn from(s: &CustomerSummary) -> Triple {
        Triple {
            frequency: s.frequency,
            recency: s.recency,
            age: s.age,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{AmountColumns, OrderColumns};
    use crate::table::{read_bytes, ReadOptions};

    fn orders(csv: &[u8]) -> OrderLines {
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let columns = OrderColumns {
            customer: "cust".into(),
            date: "date".into(),
            amount: AmountColumns::Amount("amount".into()),
            invoice: None,
        };
        OrderLines::from_table(&table, &columns).unwrap()
    }

    /// Same-day lines merge into one purchase; the first day is not a repeat; lines after
    /// the end are counted and left out.
    #[test]
    fn summaries_follow_lifetimes_conventions() {
        let o = orders(
            b"cust,date,amount\nA,2020-01-01,5\nA,2020-01-08,3\nA,2020-01-08 12:00,4\n\
              A,2020-01-15,10\nB,2020-01-10,2\nA,2020-02-01,1\n",
        );
        let end = o.lines[4].day() + 5; // 2020-01-15
        let s = summarize(&o, end, TimeUnit::Week);
        assert_eq!(s.after_end, 1);
        let a = s.customers[0];
        assert_eq!(a.frequency, 2);
        assert!((a.recency - 2.0).abs() < 1e-12 && (a.age - 2.0).abs() < 1e-12);
        assert!((a.monetary - 8.5).abs() < 1e-12);
        let b = s.customers[1];
        assert_eq!((b.frequency, b.monetary), (0, 0.0));
        assert!((b.age - 5.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn identical_histories_share_a_triple() {
        let t = |frequency, recency, age| Triple {
            frequency,
            recency,
            age,
        };
        let (g, idx) = Triples::group([t(2, 1.0, 3.0), t(0, 0.0, 3.0), t(2, 1.0, 3.0)]);
        assert_eq!(g.triples, [t(0, 0.0, 3.0), t(2, 1.0, 3.0)]);
        assert_eq!(g.weights, [1.0, 2.0]);
        assert_eq!(idx, [1, 0, 1]);
    }
}
