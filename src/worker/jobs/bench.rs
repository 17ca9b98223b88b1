//! The Customers page's speed check: k-means and RFM timed on generated data, so the
//! browser's figures can be set beside scikit-learn's and pandas' on identical inputs
//! (`benches/customers.mjs`, `tools/bench_customers.py`). Nothing here analyses the user's
//! file.

use serde::{Deserialize, Serialize};
use shoplens_core::progress::Silent;
use shoplens_core::segment::features::Features;
use shoplens_core::segment::kmeans::{fit, KMeansParams};
use shoplens_core::segment::{rfm, OrderColumns, OrderLines, RfmParams};
use shoplens_core::table::infer::format_datetime;
use shoplens_core::table::{read_bytes, ReadOptions};

use crate::worker::protocol::WireError;
use crate::worker::runner::now_ms;

/// What the speed check runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BenchKind {
    /// k-means on `n` generated customers × 3 features, `k` clusters, `n_init` starts.
    KMeans {
        /// Points.
        n: usize,
        /// Clusters.
        k: usize,
        /// Starts.
        n_init: usize,
    },
    /// RFM over `lines` generated order lines (parsed first; only RFM is timed).
    Rfm {
        /// Order lines.
        lines: usize,
    },
}

/// A speed check's timings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchView {
    /// What ran.
    pub kind: BenchKind,
    /// Milliseconds generating (and, for RFM, parsing) the data.
    pub prepare_ms: f64,
    /// Milliseconds of the kernel.
    pub ms: f64,
    /// k-means: inertia; RFM: total revenue.
    pub value: f64,
    /// k-means: iterations of the best start; RFM: customers.
    pub count: usize,
}

/// SplitMix64 (Steele, Lea & Flood 2014): the generator of the speed check's data, chosen
/// because `tools/bench_customers.py` reproduces it bit for bit with NumPy.
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in [0, 1) from counter `i`.
pub fn uniform(i: u64) -> f64 {
    (splitmix64(i) >> 11) as f64 / (1u64 << 53) as f64
}

/// The speed check's customers: `n` points × 3 features around 8 centres. Point `i` belongs
/// to blob `i % 8`, whose centre is `10 · uniform(1e9 + 3·blob + j)`; the noise is the sum
/// of three uniforms minus 1.5.
pub fn bench_points(n: usize) -> Vec<f64> {
    let mut values = Vec::with_capacity(n * 3);
    for i in 0..n as u64 {
        let blob = i % 8;
        for j in 0..3u64 {
            let centre = 10.0 * uniform(1_000_000_000 + 3 * blob + j);
            let base = (3 * i + j) * 3;
            let noise = uniform(base) + uniform(base + 1) + uniform(base + 2) - 1.5;
            values.push(centre + noise);
        }
    }
    values
}

/// The speed check's order lines as CSV: 20 lines per order, 50,000 customers, dates over
/// 2010-12-01..2011-12-09, quantity 1–12, unit price 0.50–10.49.
pub fn bench_orders_csv(lines: usize) -> String {
    let mut csv = String::with_capacity(lines * 48 + 64);
    csv.push_str("InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n");
    let start_day = 14_944; // 2010-12-01
    let mut order_prefix = String::new();
    for i in 0..lines as u64 {
        let order = i / 20;
        if i % 20 == 0 {
            let customer = 10_000 + splitmix64(order ^ 0xC0FF_EE00) % 50_000;
            let day = start_day + (splitmix64(order ^ 0xDA7E) % 374) as i64;
            let minute = (splitmix64(order ^ 0x7111E) % 600) as i64 + 480;
            let when = format_datetime(day * 86_400 + minute * 60);
            order_prefix = format!("{},{customer},{when},", 500_000 + order);
        }
        let h = splitmix64(i ^ 0x9A17);
        let quantity = 1 + h % 12;
        let cents = 50 + (h >> 8) % 1000;
        csv.push_str(&order_prefix);
        csv.push_str(&format!("{quantity},{}.{:02}\n", cents / 100, cents % 100));
    }
    csv
}

/// Generates the data of `kind` and times the kernel on it.
pub fn run(kind: BenchKind) -> Result<BenchView, WireError> {
    match kind {
        BenchKind::KMeans { n, k, n_init } => {
            let started = now_ms();
            let values = bench_points(n);
            let data = Features {
                names: vec!["a".into(), "b".into(), "c".into()],
                values,
                n_rows: n,
                n_cols: 3,
                source_rows: (0..n).collect(),
                skipped_missing: 0,
            };
            let prepare_ms = now_ms() - started;
            let started = now_ms();
            let model = fit(&data, &KMeansParams::new(k).n_init(n_init), &mut Silent)?;
            Ok(BenchView {
                kind,
                prepare_ms,
                ms: now_ms() - started,
                value: model.inertia,
                count: model.n_iter,
            })
        }
        BenchKind::Rfm { lines } => {
            let started = now_ms();
            let csv = bench_orders_csv(lines);
            let table = read_bytes(csv.as_bytes(), &ReadOptions::default())?;
            drop(csv);
            let prepare_ms = now_ms() - started;
            let started = now_ms();
            let columns = OrderColumns {
                customer: "CustomerID".into(),
                date: "InvoiceDate".into(),
                amount: shoplens_core::segment::AmountColumns::QuantityPrice {
                    quantity: "Quantity".into(),
                    price: "UnitPrice".into(),
                },
                invoice: Some("InvoiceNo".into()),
            };
            let orders = OrderLines::from_table(&table, &columns)?;
            let result = rfm(&orders, &RfmParams::new())?;
            let ms = now_ms() - started;
            Ok(BenchView {
                kind,
                prepare_ms,
                ms,
                value: result.segments.iter().map(|s| s.revenue).sum(),
                count: result.customers.len(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_the_published_sequence() {
        // First outputs of SplitMix64 seeded with 0 (state advanced by the golden gamma
        // before mixing), as in Vigna's reference splitmix64.c.
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
        assert!((0.0..1.0).contains(&uniform(12345)));
    }

    #[test]
    fn generated_orders_parse_and_score() {
        let csv = bench_orders_csv(2_000);
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(table.n_rows(), 2_000);
        let columns = OrderColumns {
            customer: "CustomerID".into(),
            date: "InvoiceDate".into(),
            amount: shoplens_core::segment::AmountColumns::QuantityPrice {
                quantity: "Quantity".into(),
                price: "UnitPrice".into(),
            },
            invoice: Some("InvoiceNo".into()),
        };
        let orders = OrderLines::from_table(&table, &columns).unwrap();
        assert_eq!(orders.cancelled + orders.skipped_no_id, 0);
        let result = rfm(&orders, &RfmParams::new()).unwrap();
        // 100 orders of customers drawn from 50,000 ids: a repeat is possible, rare.
        assert!((95..=100).contains(&result.customers.len()));
    }
}
