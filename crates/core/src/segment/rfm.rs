//! RFM: recency, frequency and monetary value per customer, quintile scores and named
//! segments.
//!
//! For each customer with at least one kept order line before the analysis day `as_of`:
//! - **recency**: whole calendar days from the day of the last order to `as_of` (default: the
//!   day after the last order day in the data, so the latest buyers have recency 1);
//! - **frequency**: distinct orders;
//! - **monetary**: the sum of line amounts.
//!
//! Lines on or after `as_of` are left out (and counted), so RFM "as of" an earlier day sees
//! only the history known then; churn features rely on this.
//!
//! **Scores** 1–5 follow the recipe of most RFM tutorials, `pandas.qcut(x.rank(method="first"),
//! 5)`: customers are ranked 1..n by the value, ties broken by first appearance in the file,
//! and rank `i` gets quintile `max(1, ceil(5 (i − 1) / (n − 1)))` (qcut's right-closed bins
//! on the ranks, computed exactly in integers). Frequency and monetary score 5 for the
//! highest values; recency is reversed (5 = most recent). A lone customer scores 3 on all
//! three (pandas cannot cut one value into five bins). Segments come from the (R, F) grid in
//! [`super::names`]. Checked against pandas on the Online Retail sample
//! (`tools/segment_fixtures.py`).
//!
//! A known property of that recipe, kept for compatibility with the tutorials merchants
//! compare against: equal values can land in different quintiles (by file order) when one
//! value covers more than a fifth of the customers, as recency does in a one-day export
//! where every customer has recency 1.

use super::names::Segment;
use super::orders::OrderLines;
use super::reading::{read_segment, Reason, Typical};
use crate::table::infer::format_datetime;
use crate::{Allowed, Counted, Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// RFM parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RfmParams {
    /// Analysis day in days since 1970-01-01; `None` (the default): the day after the last
    /// order day.
    pub as_of_day: Option<i64>,
}

impl RfmParams {
    /// Default parameters: analysis day = the day after the last order.
    pub fn new() -> RfmParams {
        RfmParams::default()
    }

    /// Sets the analysis day from `YYYY-MM-DD` text.
    pub fn as_of(mut self, date: &str) -> Result<RfmParams> {
        let seconds = crate::table::infer::parse_datetime(date)
            .filter(|s| s.rem_euclid(86_400) == 0)
            .ok_or_else(|| Error::invalid_parameter("as_of", date, Allowed::Date))?;
        self.as_of_day = Some(seconds.div_euclid(86_400));
        Ok(self)
    }
}

/// One customer's RFM values and scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerRfm {
    /// Customer id as written.
    pub customer: String,
    /// Days from the last order day to the analysis day (≥ 1).
    pub recency: i64,
    /// Distinct orders.
    pub frequency: u32,
    /// Sum of line amounts.
    pub monetary: f64,
    /// Recency score, 5 = most recent.
    pub r: u8,
    /// Frequency score, 5 = most orders.
    pub f: u8,
    /// Monetary score, 5 = most spent.
    pub m: u8,
    /// Named segment: the (r, f) grid's name when the segment's customers behave as it
    /// says, else the name their behaviour earns ([`super::reading`]).
    pub segment: Segment,
    /// The (r, f) score grid's name, as the tutorials' map gives it.
    pub grid: Segment,
    /// Day of the first order (days since 1970-01-01).
    pub first_day: i64,
    /// Day of the last order.
    pub last_day: i64,
}

/// A segment's size and means, for the profile table and charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmSegmentProfile {
    /// The segment.
    pub segment: Segment,
    /// Its name in English (the page uses [`Segment::label`] for the user's language).
    pub name: String,
    /// Customers in it.
    pub customers: usize,
    /// Their total monetary value.
    pub revenue: f64,
    /// Share of all customers' revenue (0–1; 0 when total revenue is 0).
    pub revenue_share: f64,
    /// Mean recency (days).
    pub mean_recency: f64,
    /// Mean frequency (orders).
    pub mean_frequency: f64,
    /// Mean monetary value.
    pub mean_monetary: f64,
    /// Why the segment has its name: its means beside the typical customer's.
    pub reason: Reason,
}

/// RFM of every customer, with what was left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmResult {
    /// The analysis day, `YYYY-MM-DD`.
    pub as_of: String,
    /// The analysis day in days since 1970-01-01.
    pub as_of_day: i64,
    /// Customers in order of first appearance.
    pub customers: Vec<CustomerRfm>,
    /// Lines with no customer id (not merged into any customer).
    pub skipped_no_id: usize,
    /// Cancellation lines left out.
    pub cancelled: usize,
    /// Kept lines on or after the analysis day, left out.
    pub after_as_of: usize,
    /// Non-empty segments, best first.
    pub segments: Vec<RfmSegmentProfile>,
}

/// Computes RFM values, scores and segments.
pub fn rfm(orders: &OrderLines, params: &RfmParams) -> Result<RfmResult> {
    let last = orders
        .last_day()
        .ok_or_else(|| Error::not_enough(Counted::OrderLines, 1, 0))?;
    let as_of_day = params.as_of_day.unwrap_or(last + 1);
    let n_ids = orders.customers.len();
    let mut first_day = vec![i64::MAX; n_ids];
    let mut last_day = vec![i64::MIN; n_ids];
    let mut monetary = vec![0.0; n_ids];
    let mut pairs: Vec<u64> = Vec::with_capacity(orders.lines.len());
    let mut after_as_of = 0;
    for line in &orders.lines {
        let day = line.day();
        if day >= as_of_day {
            after_as_of += 1;
            continue;
        }
        let c = line.customer as usize;
        first_day[c] = first_day[c].min(day);
        last_day[c] = last_day[c].max(day);
        monetary[c] += line.amount;
        pairs.push(u64::from(line.customer) << 32 | u64::from(line.order));
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut frequency = vec![0u32; n_ids];
    for pair in pairs {
        frequency[(pair >> 32) as usize] += 1;
    }
    // Customers whose lines all fall on or after `as_of` do not exist yet at `as_of`.
    let present: Vec<usize> = (0..n_ids).filter(|&c| frequency[c] > 0).collect();
    if present.is_empty() {
        return Err(Error::not_enough(Counted::Customers, 1, 0));
    }
    let recency: Vec<i64> = present.iter().map(|&c| as_of_day - last_day[c]).collect();
    let freq: Vec<u32> = present.iter().map(|&c| frequency[c]).collect();
    let money: Vec<f64> = present.iter().map(|&c| monetary[c]).collect();
    let r_scores = quintile_scores(&recency, |a, b| a.cmp(b), true);
    let f_scores = quintile_scores(&freq, |a, b| a.cmp(b), false);
    let m_scores = quintile_scores(&money, |a, b| a.total_cmp(b), false);
    let customers: Vec<CustomerRfm> = present
        .iter()
        .enumerate()
        .map(|(i, &c)| CustomerRfm {
            customer: orders.customers[c].clone(),
            recency: recency[i],
            frequency: freq[i],
            monetary: money[i],
            r: r_scores[i],
            f: f_scores[i],
            m: m_scores[i],
            segment: Segment::from_scores(r_scores[i], f_scores[i]),
            grid: Segment::from_scores(r_scores[i], f_scores[i]),
            first_day: first_day[c],
            last_day: last_day[c],
        })
        .collect();
    let mut customers = customers;
    let segments = named_profiles(&mut customers);
    Ok(RfmResult {
        as_of: format_datetime(as_of_day * 86_400),
        as_of_day,
        customers,
        skipped_no_id: orders.skipped_no_id,
        cancelled: orders.cancelled,
        after_as_of,
        segments,
    })
}

/// Quintile scores 1–5 of `values` by `pandas.qcut(rank(method="first"), 5)`; `reverse`
/// gives 5 to the smallest values.
pub fn quintile_scores<T>(
    values: &[T],
    compare: impl Fn(&T, &T) -> std::cmp::Ordering,
    reverse: bool,
) -> Vec<u8> {
    let n = values.len();
    if n == 1 {
        return vec![3];
    }
    let mut order: Vec<usize> = (0..n).collect();
    // A stable sort keeps ties in order of appearance: rank(method="first").
    order.sort_by(|&a, &b| compare(&values[a], &values[b]));
    let mut scores = vec![0u8; n];
    for (rank0, &i) in order.iter().enumerate() {
        // Rank i = rank0 + 1 falls in bin ceil(5 (i − 1) / (n − 1)), the first bin closed.
        let bin = (5 * rank0).div_ceil(n - 1).max(1) as u8;
        scores[i] = if reverse { 6 - bin } else { bin };
    }
    scores
}

/// Checks each grid segment's name against its customers' behaviour, renames the
/// customers of segments whose name does not hold, and profiles the named segments. Two
/// grid cells renamed alike merge into one segment (whose means keep the behaviour, being
/// weighted means of groups that both have it).
fn named_profiles(customers: &mut [CustomerRfm]) -> Vec<RfmSegmentProfile> {
    let column = |f: fn(&CustomerRfm) -> f64| customers.iter().map(f).collect::<Vec<f64>>();
    let typical = Typical::of(
        &column(|c| c.recency as f64),
        &column(|c| f64::from(c.frequency)),
        &column(|c| c.monetary),
    );
    let renamed: Vec<(Segment, Segment)> = profiles(customers, typical)
        .iter()
        .map(|p| (p.segment, read_segment(p.segment, p.reason).0))
        .collect();
    for c in customers.iter_mut() {
        if let Some(&(_, name)) = renamed.iter().find(|(grid, _)| *grid == c.grid) {
            c.segment = name;
        }
    }
    let mut named = profiles(customers, typical);
    for p in &mut named {
        // The grid names merged into this one, when it was renamed.
        let sources: Vec<Segment> = renamed
            .iter()
            .filter(|(grid, name)| *name == p.segment && grid != name)
            .map(|(grid, _)| *grid)
            .collect();
        p.reason.grid = sources.first().copied();
    }
    named
}

fn profiles(customers: &[CustomerRfm], typical: Typical) -> Vec<RfmSegmentProfile> {
    let total: f64 = customers.iter().map(|c| c.monetary).sum();
    Segment::ALL
        .iter()
        .filter_map(|&segment| {
            let members: Vec<&CustomerRfm> =
                customers.iter().filter(|c| c.segment == segment).collect();
            if members.is_empty() {
                return None;
            }
            let count = members.len() as f64;
            let revenue: f64 = members.iter().map(|c| c.monetary).sum();
            Some(RfmSegmentProfile {
                segment,
                name: segment.label(Lang::En).to_string(),
                customers: members.len(),
                revenue,
                revenue_share: if total.abs() > 0.0 {
                    revenue / total
                } else {
                    0.0
                },
                mean_recency: members.iter().map(|c| c.recency as f64).sum::<f64>() / count,
                mean_frequency: members.iter().map(|c| f64::from(c.frequency)).sum::<f64>() / count,
                mean_monetary: revenue / count,
                reason: Reason {
                    recency: members.iter().map(|c| c.recency as f64).sum::<f64>() / count,
                    frequency: members.iter().map(|c| f64::from(c.frequency)).sum::<f64>() / count,
                    monetary: revenue / count,
                    typical,
                    grid: None,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::orders::{AmountColumns, OrderColumns};
    use crate::table::{read_bytes, ReadOptions};

    const SAMPLE: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
    );
    const FIXTURE: &str = include_str!("../../../../testdata/fixtures/segment_rfm_sample20k.csv");
    const SUMMARY: &str = include_str!("../../../../testdata/fixtures/segment_rfm_sample20k.json");

    fn online_retail_columns() -> OrderColumns {
        OrderColumns {
            customer: "CustomerID".into(),
            date: "InvoiceDate".into(),
            amount: AmountColumns::QuantityPrice {
                quantity: "Quantity".into(),
                price: "UnitPrice".into(),
            },
            invoice: Some("InvoiceNo".into()),
        }
    }

    #[test]
    fn matches_pandas_on_the_online_retail_sample() {
        let table = read_bytes(SAMPLE, &ReadOptions::default()).unwrap();
        let orders = OrderLines::from_table(&table, &online_retail_columns()).unwrap();
        let result = rfm(&orders, &RfmParams::new()).unwrap();
        let summary: serde_json::Value = serde_json::from_str(SUMMARY).unwrap();
        assert_eq!(
            result.skipped_no_id,
            summary["skipped_no_id"].as_u64().unwrap() as usize
        );
        assert_eq!(
            result.cancelled,
            summary["cancelled"].as_u64().unwrap() as usize
        );
        assert_eq!(
            result.customers.len(),
            summary["customers"].as_u64().unwrap() as usize
        );
        assert_eq!(result.as_of, summary["as_of"].as_str().unwrap());
        assert_eq!(result.after_as_of, 0);

        let rows: Vec<Vec<&str>> = FIXTURE
            .lines()
            .skip(2)
            .map(|l| l.split(',').collect())
            .collect();
        assert_eq!(rows.len(), result.customers.len());
        for (c, row) in result.customers.iter().zip(&rows) {
            assert_eq!(c.customer, row[0]);
            assert_eq!(c.recency.to_string(), row[1], "recency of {}", c.customer);
            assert_eq!(
                c.frequency.to_string(),
                row[2],
                "frequency of {}",
                c.customer
            );
            let m: f64 = row[3].parse().unwrap();
            assert!(
                (c.monetary - m).abs() <= 1e-6 * m.abs().max(1.0),
                "monetary of {}",
                c.customer
            );
            let scores = format!("{},{},{}", c.r, c.f, c.m);
            assert_eq!(scores, row[4..7].join(","), "scores of {}", c.customer);
            assert_eq!(c.grid.key(), row[7], "segment of {}", c.customer);
        }
        // The grid's segments are pandas's; the named ones are checked below.
        let mut by_grid = result.customers.clone();
        by_grid.iter_mut().for_each(|c| c.segment = c.grid);
        let grid_profiles = profiles(&by_grid, Typical::default());
        for profile in &grid_profiles {
            let expected = &summary["segments"][profile.segment.key()];
            assert_eq!(
                profile.customers as u64,
                expected["customers"].as_u64().unwrap()
            );
            let revenue = expected["revenue"].as_f64().unwrap();
            assert!((profile.revenue - revenue).abs() < 1e-6 * revenue.abs());
        }
        assert_eq!(
            grid_profiles.len(),
            summary["segments"].as_object().unwrap().len()
        );
        // Every named segment behaves as its name says, relative to the median customer.
        for p in &result.segments {
            assert_eq!(read_segment(p.segment, p.reason).0, p.segment, "{p:?}");
            if matches!(p.segment, Segment::Loyal | Segment::Champions) {
                assert!(p.mean_recency <= p.reason.typical.recency, "{p:?}");
            }
        }
        let named: usize = result.segments.iter().map(|p| p.customers).sum();
        assert_eq!(named, result.customers.len());
    }

    #[test]
    fn quintiles_break_ties_by_appearance() {
        // qcut(rank(first), 5) on ten values: two ranks per bin.
        let values = [3, 1, 1, 2, 5, 5, 5, 4, 0, 9];
        let scores = quintile_scores(&values, |a, b| a.cmp(b), false);
        assert_eq!(scores, [3, 1, 2, 2, 4, 4, 5, 3, 1, 5]);
        let reversed = quintile_scores(&values, |a, b| a.cmp(b), true);
        assert_eq!(reversed, [3, 5, 4, 4, 2, 2, 1, 3, 5, 1]);
    }

    #[test]
    fn as_of_leaves_later_lines_out() {
        let csv = b"inv,cust,date,amount\n1,A,2011-01-01,10\n2,A,2011-01-05,20\n3,B,2011-01-06,5\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let columns = OrderColumns {
            customer: "cust".into(),
            date: "date".into(),
            amount: AmountColumns::Amount("amount".into()),
            invoice: Some("inv".into()),
        };
        let orders = OrderLines::from_table(&table, &columns).unwrap();
        let result = rfm(&orders, &RfmParams::new().as_of("2011-01-05").unwrap()).unwrap();
        assert_eq!(result.after_as_of, 2);
        assert_eq!(result.customers.len(), 1);
        assert_eq!(result.customers[0].recency, 4);
        assert_eq!(result.customers[0].frequency, 1);
        assert!(RfmParams::new().as_of("5 Jan").is_err());
    }
}
