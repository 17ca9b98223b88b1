//! Throws arbitrary text at the saved-model reader (`shoplens fit --save` / `predict
//! --model`): a model file from anywhere must be refused with an error, never a panic, and
//! an accepted one must write back out. Run with
//! `make fuzz` (see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shoplens_core::learn::model_json::{from_json, to_json};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(model) = from_json(text) {
            let _ = to_json(&model);
        }
    }
});
