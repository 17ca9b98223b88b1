//! A deterministic stand-in for the cargo-fuzz target (`fuzz/fuzz_targets/read_bytes.rs`)
//! that runs with the ordinary tests: random and mutated bytes (seeded ChaCha8) thrown at
//! the reader, inference, re-typing, profiles and the baskets builder. Nothing may panic.

use super::*;
use crate::basket::{build_baskets, BuildOptions};
use crate::rt::{seeded, Rng};
use rand::Rng as _;

const SEEDS: &[&[u8]] = &[
    include_bytes!("../../../../testdata/quirks/gbk_orders.csv"),
    include_bytes!("../../../../testdata/quirks/utf16le_bom.tsv"),
    include_bytes!("../../../../testdata/quirks/semicolon_decimal_comma.csv"),
    include_bytes!("../../../../testdata/quirks/quotes_doubled.csv"),
    include_bytes!("../../../../testdata/quirks/dates.csv"),
    include_bytes!("../../../../testdata/quirks/ragged.csv"),
    include_bytes!("../../../../testdata/quirks/spaces.txt"),
    include_bytes!("../../../../testdata/quirks/orders.xlsx"),
];

/// Bytes that exercise the parsers: delimiters, quotes, digits, signs, CJK, NUL, BOMs.
const ALPHABET: &[u8] = b",;\t| \"\r\n0123456789.-+/:%$eETFYNC\x00\xef\xbb\xbf\xe5\xb9\xb4\xff\xfe";

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    let edits = rng.random_range(1..8);
    for _ in 0..edits {
        let pos = if bytes.is_empty() {
            0
        } else {
            rng.random_range(0..bytes.len())
        };
        let byte = ALPHABET[rng.random_range(0..ALPHABET.len())];
        match rng.random_range(0..4) {
            0 if !bytes.is_empty() => bytes[pos] = byte,
            1 => bytes.insert(pos, byte),
            2 if !bytes.is_empty() => {
                bytes.remove(pos);
            }
            _ => bytes.truncate(pos),
        }
    }
    bytes
}

fn exercise(bytes: &[u8], options: &ReadOptions) {
    if let Ok(mut table) = read_bytes(bytes, options) {
        for i in 0..table.n_columns() {
            let _ = profile(table.column(i));
            for dtype in [
                DataType::Integer,
                DataType::Decimal,
                DataType::DateTime,
                DataType::Boolean,
            ] {
                let _ = table.set_type(i, dtype);
            }
            for row in 0..table.n_rows() {
                let _ = table.column(i).display(row);
            }
        }
    }
    let _ = build_baskets(bytes, &BuildOptions::default());
}

#[test]
fn random_and_mutated_bytes_never_panic() {
    let mut rng = seeded(crate::rt::DEFAULT_SEED);
    let ragged = [RaggedRows::Pad, RaggedRows::Drop, RaggedRows::Error];
    for i in 0..3000 {
        let bytes = if i % 4 == 0 {
            let n = rng.random_range(0..200);
            (0..n)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())])
                .collect()
        } else {
            mutate(&mut rng, SEEDS[i % SEEDS.len()])
        };
        let options = ReadOptions {
            has_header: [None, Some(true), Some(false)][i % 3],
            ragged: ragged[i / 3 % 3],
            delimiter: [None, Some(b','), Some(WHITESPACE)][i / 9 % 3],
            ..ReadOptions::default()
        };
        exercise(&bytes, &options);
    }
}
