//! Speed of the Customers kernels (k-means and RFM) on generated data, to set beside
//! scikit-learn's and pandas' figures on identical inputs (`tools/bench_customers.py`
//! rebuilds the same values bit for bit with NumPy). Not a test: it prints timings as JSON.
//!
//! ```text
//! cargo bench -p shoplens-core --bench customers                 # time both kernels
//! cargo bench -p shoplens-core --bench customers -- --write-orders FILE.csv [LINES]
//! ```
//!
//! `--write-orders` writes the generated order lines, so `benches/customers.mjs` can time the
//! RFM view in the browser on the very file pandas reads.
//!
//! The data come from SplitMix64 counters (Steele, Lea & Flood 2014):
//! - customers: `n` points × 3 features around 8 centres; point `i` belongs to blob
//!   `i % 8`, whose centre is `10 · uniform(1e9 + 3·blob + j)`; the noise is the sum of three
//!   uniforms minus 1.5;
//! - orders: 20 lines per order, 50,000 customer ids, dates over 2010-12-01..2011-12-09,
//!   quantity 1–12, unit price 0.50–10.49.

use std::time::Instant;

use shoplens_core::learn::{Fit, Matrix};
use shoplens_core::segment::kmeans::KMeansParams;
use shoplens_core::segment::{rfm, AmountColumns, OrderColumns, OrderLines, RfmParams};
use shoplens_core::table::infer::format_datetime;
use shoplens_core::table::{read_bytes, ReadOptions};

/// SplitMix64's mixing of counter `x` (the generator `tools/bench_customers.py` copies).
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in [0, 1) from counter `i`.
fn uniform(i: u64) -> f64 {
    (splitmix64(i) >> 11) as f64 / (1u64 << 53) as f64
}

/// `n` generated customers × 3 features, row-major.
fn points(n: usize) -> Vec<f64> {
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

/// `lines` generated order lines as CSV.
fn orders_csv(lines: usize) -> String {
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--write-orders") {
        let path = args.get(at + 1).expect("--write-orders FILE");
        let lines = args
            .get(at + 2)
            .and_then(|n| n.parse().ok())
            .unwrap_or(1_000_000);
        std::fs::write(path, orders_csv(lines)).expect("write the orders file");
        return;
    }
    // `cargo bench` passes `--bench`; nothing else is read.
    assert_eq!(
        splitmix64(0),
        0xE220_A839_7B1D_CDAF,
        "SplitMix64 reference output"
    );

    let n = 100_000;
    let data = Matrix::new(n, 3, points(n)).expect("n × 3 points");
    let started = Instant::now();
    let model = KMeansParams::new(8)
        .n_init(10)
        .fit(&data, &[])
        .expect("k-means");
    let kmeans_ms = started.elapsed().as_secs_f64() * 1e3;

    let csv = orders_csv(1_000_000);
    let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).expect("generated CSV");
    let columns = OrderColumns {
        customer: "CustomerID".into(),
        date: "InvoiceDate".into(),
        amount: AmountColumns::QuantityPrice {
            quantity: "Quantity".into(),
            price: "UnitPrice".into(),
        },
        invoice: Some("InvoiceNo".into()),
    };
    let started = Instant::now();
    let orders = OrderLines::from_table(&table, &columns).expect("order lines");
    let result = rfm(&orders, &RfmParams::new()).expect("RFM");
    let rfm_ms = started.elapsed().as_secs_f64() * 1e3;
    println!(
        "{{\"kmeans\":{{\"n\":{n},\"k\":8,\"n_init\":10,\"ms\":{kmeans_ms:.1},\"inertia\":{},\"iterations\":{}}},\"rfm\":{{\"lines\":1000000,\"ms\":{rfm_ms:.1},\"customers\":{}}}}}",
        model.inertia,
        model.n_iter,
        result.customers.len()
    );
}
