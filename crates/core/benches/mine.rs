//! Times the frequent-itemset search alone, the way pyfim's calls are timed: the basket
//! file is read and parsed first (not timed), then `mine_itemsets` runs `--repeat` times
//! and the best wall and CPU times are printed with the itemset count, as one JSON line.
//!
//! `tools/bench_baskets.py --algorithms` runs it beside pyfim's `fpgrowth`, `apriori` and
//! `eclat`:
//!
//! ```text
//! cargo bench -p shoplens-core --bench mine -- FILE.dat 0.001 eclat --repeat 3
//! ```

use shoplens_core::basket::{mine_itemsets, Algorithm, MinSupport, MiningParams, Transactions};
use shoplens_core::progress::Silent;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.len() < 3 {
        eprintln!("usage: mine FILE SUPPORT fpgrowth|apriori|eclat [--repeat N]");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[0]).expect("readable basket file");
    let support: f64 = args[1].parse().expect("support as a fraction");
    let algorithm = match args[2].as_str() {
        "fpgrowth" => Algorithm::FpGrowth,
        "apriori" => Algorithm::Apriori,
        "eclat" => Algorithm::Eclat,
        other => panic!("unknown algorithm {other}"),
    };
    let repeat = match args.iter().position(|a| a == "--repeat") {
        Some(i) => args[i + 1].parse().expect("a number of runs"),
        None => 1,
    };
    let separator = if args[0].ends_with(".csv") { ',' } else { ' ' };
    let tx = Transactions::from_lines(&text, separator);
    let mut params = MiningParams::new(MinSupport::Fraction(support));
    params.algorithm = algorithm;
    params.budget.max_itemsets = usize::MAX;
    params.budget.max_bytes = u64::MAX;
    let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
    let mut found = 0;
    for _ in 0..repeat {
        let (start, cpu_start) = (Instant::now(), cpu_seconds());
        let result = mine_itemsets(&tx, &params, &mut Silent).expect("valid parameters");
        wall = wall.min(start.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_seconds() - cpu_start);
        found = result.itemsets.len();
    }
    println!("{{\"itemsets\": {found}, \"wall\": {wall}, \"cpu\": {cpu}}}");
}

/// CPU time of this thread (Linux `/proc/thread-self/schedstat`, nanoseconds on the CPU),
/// steadier than wall time on a shared machine; 0 elsewhere.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}
