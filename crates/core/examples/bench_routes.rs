//! Route annealing on the library instances: length, gap to the proven optimum, time.
//!
//! `cargo run --release -p shoplens-core --example bench_routes [SEED...]` (from the repo
//! root; reads the copies under `testdata/`). Several seeds show the spread.

use shoplens_core::optimize::routes::{parse_tsplib, plan_routes, AnnealParams};
use shoplens_core::progress::Silent;
use std::time::Instant;

fn main() {
    let seeds: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|s| s.parse().ok())
        .collect();
    let seeds = if seeds.is_empty() { vec![42] } else { seeds };
    let cases = [
        ("testdata/tsplib/berlin52.tsp", 7542.0, None),
        ("testdata/tsplib/eil51.tsp", 426.0, None),
        ("testdata/tsplib/st70.tsp", 675.0, None),
        ("testdata/cvrp/A-n32-k5.vrp", 784.0, Some(5)),
    ];
    println!(
        "{:<10} {:>6} {:>9} {:>8} {:>8} {:>9}",
        "instance", "seed", "length", "optimum", "gap %", "time ms"
    );
    for (path, optimum, vehicles) in cases {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e} (run from the repository root)");
                std::process::exit(1);
            }
        };
        let instance = parse_tsplib(&text).expect("library file parses");
        for &seed in &seeds {
            let params = AnnealParams {
                vehicles,
                seed,
                ..AnnealParams::new()
            };
            let start = Instant::now();
            let plan = plan_routes(&instance, &params, &mut Silent).expect("plan");
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            println!(
                "{:<10} {:>6} {:>9.0} {:>8.0} {:>8.2} {:>9.1}",
                instance.name,
                seed,
                plan.length,
                optimum,
                100.0 * (plan.length / optimum - 1.0),
                ms
            );
        }
    }
}
