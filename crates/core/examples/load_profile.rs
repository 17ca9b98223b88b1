//! Where the time goes when a file is loaded: reading (decode, split, infer types), the
//! per-column profile and the personal-data scan, each timed on its own.
//!
//! `cargo run --release -p shoplens-core --example load_profile FILE`

use shoplens_core::privacy::detect;
use shoplens_core::table::{profile, read_bytes, ReadOptions};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_profile FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).expect("readable file");
    let start = Instant::now();
    let table = read_bytes(&bytes, &ReadOptions::default()).expect("a table");
    let read = start.elapsed();
    println!(
        "read      {:>8.1} ms  ({} rows × {} columns, {:.1} MB/s)",
        read.as_secs_f64() * 1e3,
        table.n_rows(),
        table.columns().len(),
        bytes.len() as f64 / 1e6 / read.as_secs_f64()
    );
    for column in table.columns() {
        let start = Instant::now();
        let _ = profile(column);
        println!(
            "profile   {:>8.1} ms  {} ({:?})",
            start.elapsed().as_secs_f64() * 1e3,
            column.name(),
            column.dtype()
        );
    }
    let start = Instant::now();
    let flags = detect(&table);
    println!(
        "detect    {:>8.1} ms  ({} flags)",
        start.elapsed().as_secs_f64() * 1e3,
        flags.len()
    );
}
