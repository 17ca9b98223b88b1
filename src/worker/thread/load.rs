//! Loading a file in the worker: read the `File` the page sent in chunks (progress in
//! bytes), recognise files that are not tables, parse with core, understand the table, and
//! keep the result ([`super::loaded::keep`]) for the jobs that follow.

use js_sys::Uint8Array;
use shoplens_core::progress::{Control, Progress, Stage as CoreStage};
use shoplens_core::schema;
use shoplens_core::table::{read_owned_with, ReadOptions};
use wasm_bindgen::JsValue;
use web_sys::{Blob, FileReaderSync};

use super::loaded::{self, file_name};
use super::runner::{now_ms, progress, wasm_memory_bytes, PROGRESS_EVERY_MS};
use crate::worker::protocol::summary::TableSummary;
use crate::worker::protocol::{JobId, Output, Stage, WireError};

/// Bytes read from the file per step (4 MiB): small enough for smooth progress, large
/// enough that the per-call overhead does not matter.
const CHUNK_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Reads, parses and understands the file sent with job `id`, keeps it, and answers with
/// its summary.
pub fn load_table(
    id: JobId,
    file: Option<Blob>,
    options: &ReadOptions,
) -> Result<Output, WireError> {
    let file =
        file.ok_or_else(|| WireError::browser("没有收到文件", "No file was sent", "LoadTable"))?;
    let name = file_name(&file);
    let mut timer = LoadTimer::new(id);
    let bytes = read_all(id, &file)?;
    let size = bytes.len() as u64;
    // Files that are not tables (FIMI .dat, baskets per line, TSPLIB) are recognised before
    // reading, so a basket file's first line is not taken for a header.
    let text_shape = (options.has_header.is_none() && options.delimiter.is_none())
        .then(|| schema::text_shape::understand_text(&bytes, options))
        .flatten();
    let read_options = match &text_shape {
        Some(u) if u.shape == schema::Shape::BasketLines => ReadOptions {
            has_header: Some(false),
            ..options.clone()
        },
        _ => options.clone(),
    };
    let mut table =
        read_owned_with(bytes, &read_options, &mut timer).map_err(|e| WireError::from(&e))?;
    timer.enter("profile");
    let understanding = match text_shape {
        Some(u) => u,
        None => schema::prepare(&mut table),
    };
    let mut summary = TableSummary::of(&table, &name, size);
    summary.timings_ms = timer.finish();
    summary.wasm_bytes = wasm_memory_bytes();
    summary.understanding = Some(understanding.clone());
    loaded::keep(table, file, understanding);
    Ok(Output::Table { summary })
}

/// Progress of a file load as the page sees it, and where its time went.
///
/// Core reports [`CoreStage::Decode`], parsing (bytes of text) and [`CoreStage::TypeColumns`]
/// (columns); the page gets
/// one [`Stage::Parse`] bar in per-mille, parsing as the first 90% and typing as the rest,
/// at a bounded rate. The milliseconds of each stage, the file read before them and the
/// profile after, go into the summary (`timings_ms`) for the reading benchmark.
struct LoadTimer {
    id: JobId,
    stage: &'static str,
    stage_start: f64,
    timings: Vec<(String, f64)>,
    last_report: f64,
}

impl LoadTimer {
    fn new(id: JobId) -> LoadTimer {
        LoadTimer {
            id,
            stage: "read",
            stage_start: now_ms(),
            timings: Vec::new(),
            last_report: f64::NEG_INFINITY,
        }
    }

    /// Closes the current stage and starts `stage`.
    fn enter(&mut self, stage: &'static str) {
        if stage != self.stage {
            let now = now_ms();
            self.timings
                .push((self.stage.to_string(), now - self.stage_start));
            self.stage = stage;
            self.stage_start = now;
        }
    }

    /// Every stage's milliseconds, in order.
    fn finish(mut self) -> Vec<(String, f64)> {
        self.enter("");
        self.timings
    }
}

impl Progress for LoadTimer {
    fn report(&mut self, stage: CoreStage, done: u64, total: u64) -> Control {
        let (name, permille) = match stage {
            CoreStage::Decode => ("decode", 0),
            CoreStage::TypeColumns => ("type", 900 + done * 100 / total.max(1)),
            _ => ("parse", done * 900 / total.max(1)),
        };
        self.enter(name);
        let now = now_ms();
        if now - self.last_report >= PROGRESS_EVERY_MS {
            self.last_report = now;
            progress(self.id, Stage::Parse, permille.min(1000), 1000);
        }
        Control::Continue
    }
}

/// Reads the whole blob in chunks, reporting bytes read at a bounded rate.
pub fn read_all(id: JobId, blob: &Blob) -> Result<Vec<u8>, WireError> {
    let browser_error = |e: JsValue| {
        WireError::browser(
            "浏览器无法读取此文件",
            "The browser could not read this file",
            &format!("{e:?}"),
        )
    };
    let total = blob.size();
    let reader = FileReaderSync::new().map_err(browser_error)?;
    let mut bytes = vec![0u8; total as usize];
    let mut last_report = f64::NEG_INFINITY;
    let mut offset = 0.0;
    progress(id, Stage::Read, 0, total as u64);
    while offset < total {
        let end = (offset + CHUNK_BYTES).min(total);
        let chunk = blob
            .slice_with_f64_and_f64(offset, end)
            .map_err(browser_error)?;
        let buffer = reader.read_as_array_buffer(&chunk).map_err(browser_error)?;
        // Straight from the JS buffer into place: one copy, no temporary vector.
        let part = Uint8Array::new(&buffer);
        let span = offset as usize..(offset as usize + part.length() as usize);
        part.copy_to(&mut bytes[span]);
        offset = end;
        let now = js_sys::Date::now();
        if now - last_report >= PROGRESS_EVERY_MS {
            last_report = now;
            progress(id, Stage::Read, offset as u64, total as u64);
        }
    }
    progress(id, Stage::Read, total as u64, total as u64);
    Ok(bytes)
}
