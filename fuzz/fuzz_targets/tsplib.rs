//! Throws arbitrary text at the TSPLIB reader (`.tsp`, `.vrp`) and, when it accepts an
//! instance, at the distance matrix and the construction heuristics: none may panic.
//! Run with `make fuzz` (see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens_core::optimize::routes::{nearest_neighbour, parse_tsplib, savings};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(instance) = parse_tsplib(&text) {
        // Keep each run fast: the matrix is quadratic in the stops.
        if instance.len() <= 300 {
            let matrix = instance.distances();
            let _ = nearest_neighbour(&instance, &matrix);
            let _ = savings(&instance, &matrix);
        }
    }
});
