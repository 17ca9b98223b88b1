//! Where the time goes in a frequent-itemset search from a basket file: reading the lines
//! into baskets, the search itself and writing the JSON, each timed on its own (best of
//! `RUNS`), so a change to one stage can be measured without process start-up noise.
//!
//! `cargo run --release -p shoplens-core --example basket_profile FILE MIN_SUPPORT [RUNS]`

use shoplens_core::basket::export::write_itemsets_json;
use shoplens_core::basket::{mine_itemsets, MinSupport, MiningParams, Transactions};
use shoplens_core::progress::Silent;
use std::time::{Duration, Instant};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        out = Some(value);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: basket_profile FILE MIN_SUPPORT [RUNS]");
        std::process::exit(2);
    }
    let runs: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(20);
    let support: f64 = args[2].parse().expect("a fraction");
    let bytes = std::fs::read(&args[1]).expect("readable file");
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    let separator = if args[1].ends_with(".dat") { ' ' } else { ',' };
    let (read, tx) = best(runs, || Transactions::from_lines(text, separator));
    let params = MiningParams::new(MinSupport::Fraction(support));
    let (mine, found) = best(runs, || {
        mine_itemsets(&tx, &params, &mut Silent).expect("a search")
    });
    let (write, size) = best(runs, || {
        let mut out = Vec::new();
        write_itemsets_json(&tx, &found, &mut out).expect("written");
        out.len()
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} baskets, {} itemsets; read {:.3} ms, mine {:.3} ms, json {:.3} ms ({} bytes)",
        tx.len(),
        found.itemsets.len(),
        ms(read),
        ms(mine),
        ms(write),
        size
    );
}
