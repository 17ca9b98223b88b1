//! Throws arbitrary bytes at the reader, type inference, re-typing, profiles and the baskets
//! builder: none may panic, whatever the input. Run with
//! `make fuzz` (see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens_core::basket::{build_baskets, BuildOptions};
use shoplens_core::table::{profile, read_bytes, DataType, RaggedRows, ReadOptions};

fuzz_target!(|data: &[u8]| {
    // The first byte picks reader options so the fuzzer explores them too.
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let options = ReadOptions {
        delimiter: [None, Some(b','), Some(b';'), Some(b' ')][usize::from(choice & 3)],
        has_header: [None, Some(true), Some(false), None][usize::from(choice >> 2 & 3)],
        ragged: [RaggedRows::Pad, RaggedRows::Drop, RaggedRows::Error, RaggedRows::Pad]
            [usize::from(choice >> 4 & 3)],
        encoding: (choice & 0x40 != 0).then(|| "gbk".to_string()),
        ..ReadOptions::default()
    };
    if let Ok(mut table) = read_bytes(bytes, &options) {
        for i in 0..table.n_columns() {
            let _ = profile(table.column(i));
            for dtype in [DataType::Integer, DataType::DateTime, DataType::Text] {
                let _ = table.set_type(i, dtype);
            }
            for row in 0..table.n_rows().min(50) {
                let _ = table.column(i).display(row);
            }
        }
    }
    let _ = build_baskets(bytes, &BuildOptions::default());
});
