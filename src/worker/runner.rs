//! The worker's side: receives [`Request`]s, runs them one at a time, answers with
//! [`Response`]s. Runs inside the dedicated worker started from `src/bin/worker.rs`.
//!
//! A job blocks this worker's thread while it runs, which is the point: the page's thread
//! stays free, and the page cancels by terminating the whole worker (see `bridge`).

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use shoplens_core::privacy::{protect, Protection};
use shoplens_core::progress::{Control, Progress, Stage as CoreStage};
use shoplens_core::schema::{self, Override, Understanding};
use shoplens_core::table::{read_owned_with, DataType, ReadOptions, Role, Table};
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

use super::chunks::{self, CHUNK_LEN};
use super::jobs;
use super::protocol::{Job, JobId, Output, Reply, Request, Response, Stage, WireError};
use super::summary::TableSummary;

/// Bytes read from the file per step; small enough for smooth progress, large enough that
/// the per-call overhead does not matter.
const CHUNK_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Least time between two progress messages, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 50.0;

thread_local! {
    /// The table the last `LoadTable` produced, kept for the jobs that follow.
    static TABLE: RefCell<Option<Table>> = const { RefCell::new(None) };
    /// The file that table came from (a handle, not its bytes: holding no copy keeps memory
    /// low), for jobs that need the raw text, such as one-basket-per-line files.
    static FILE: RefCell<Option<Blob>> = const { RefCell::new(None) };
    /// Names of the columns hashed since that load: their values no longer look like
    /// personal data but their headers still do, so they are not flagged again.
    static HASHED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// What the loaded file is (`shoplens_core::schema`), with the user's corrections.
    static UNDERSTOOD: RefCell<Option<Understanding>> = const { RefCell::new(None) };
}

/// Starts listening for requests and tells the page the worker is ready.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The closure lives as long as the worker does.
    handler.forget();
    post(&Response::Ready);
}

fn on_message(event: MessageEvent) {
    // Every message is `[json, file?]`.
    let data = Array::from(&event.data());
    let Some(text) = data.get(0).as_string() else {
        return;
    };
    let request: Request = match serde_json::from_str(&text) {
        Ok(request) => request,
        Err(e) => {
            // Only a page/worker version mismatch gets here; there is no job id to answer.
            web_sys::console::warn_1(&format!("worker: bad request: {e}").into());
            return;
        }
    };
    let file = data.get(1).dyn_into::<Blob>().ok();
    let reply = match request.job {
        Job::LoadTable { options } => load_table(request.id, file, &options),
        Job::SetColumn { index, dtype, role } => set_column(index, dtype, role),
        Job::Protect { choices, salt } => protect_columns(&choices, &salt),
        Job::Understand { choice } => correct_understanding(&choice),
        Job::Baskets(job) => jobs::baskets::run(request.id, job),
        Job::Models(job) => jobs::models::run(request.id, job),
        Job::Customers(job) => jobs::customers::run(request.id, job),
        Job::Operations(job) => jobs::operations::run(request.id, job),
        Job::Products(job) => jobs::products::run(request.id, job),
        Job::Spec(job) => jobs::spec(request.id, *job),
    };
    let reply = match reply {
        Ok(mut output) => {
            // Long lists go ahead in pieces, so the page never parses them in one task.
            for chunk in chunks::split(&mut output, CHUNK_LEN) {
                post(&Response::Chunk {
                    id: request.id,
                    chunk,
                });
            }
            Reply::Done { output }
        }
        Err(error) => Reply::Failed { error },
    };
    post(&Response::Job {
        id: request.id,
        reply,
    });
}

fn load_table(id: JobId, file: Option<Blob>, options: &ReadOptions) -> Result<Output, WireError> {
    let file =
        file.ok_or_else(|| WireError::browser("没有收到文件", "No file was sent", "LoadTable"))?;
    let name = file
        .clone()
        .dyn_into::<web_sys::File>()
        .map(|f| f.name())
        .unwrap_or_default();
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
    UNDERSTOOD.with(|slot| *slot.borrow_mut() = Some(understanding));
    TABLE.with(|slot| *slot.borrow_mut() = Some(table));
    FILE.with(|slot| *slot.borrow_mut() = Some(file));
    HASHED.with(|h| h.borrow_mut().clear());
    Ok(Output::Table { summary })
}

/// Progress of a file load as the page sees it, and where its time went.
///
/// Core reports `"decode"`, `"parse"` (bytes of text) and `"type"` (columns); the page gets
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
        let now = js_sys::Date::now();
        if now - self.last_report >= PROGRESS_EVERY_MS {
            self.last_report = now;
            progress(self.id, Stage::Parse, permille.min(1000), 1000);
        }
        Control::Continue
    }
}

/// Applies the user's type and role for column `index` to the kept table.
fn set_column(index: usize, dtype: DataType, role: Role) -> Result<Output, WireError> {
    with_table(|table| {
        if index >= table.n_columns() {
            return Err(WireError::from(&shoplens_core::Error::invalid_parameter(
                "column",
                index,
                format!("a column index below {}", table.n_columns()),
            )));
        }
        let retyped = if table.column(index).dtype() != dtype {
            Some(
                table
                    .set_type(index, dtype)
                    .map_err(|e| WireError::from(&e))?,
            )
        } else {
            None
        };
        table.set_role(index, role);
        // The understanding card shows the same choice, and the defaults follow it.
        UNDERSTOOD.with(|slot| {
            if let Some(understanding) = slot.borrow_mut().as_mut() {
                understanding.follow_table_role(table, index, role);
            }
        });
        Ok(Output::Retyped {
            summary: summarise(table),
            retyped,
        })
    })
}

/// Hashes or drops the chosen columns of the kept table.
fn protect_columns(choices: &[(usize, Protection)], salt: &str) -> Result<Output, WireError> {
    with_table(|table| {
        let hashed: Vec<String> = choices
            .iter()
            .filter(|(_, p)| *p == Protection::Hash)
            .filter_map(|&(i, _)| table.columns().get(i).map(|c| c.name().to_string()))
            .collect();
        *table = protect(table, choices, salt.as_bytes());
        HASHED.with(|h| h.borrow_mut().extend(hashed));
        // Dropped columns shift the others: understand the protected table again, keeping
        // the corrections the user made before.
        UNDERSTOOD.with(|slot| {
            let mut slot = slot.borrow_mut();
            if let Some(previous) = slot.as_ref().filter(|u| !u.columns.is_empty()) {
                let mut understanding = schema::understand(table);
                understanding.carry_choices(previous, table);
                schema::apply_roles(table, &understanding);
                *slot = Some(understanding);
            }
        });
        Ok(Output::Retyped {
            summary: summarise(table),
            retyped: None,
        })
    })
}

/// Applies the user's correction of the understanding; a column's role also sets the
/// kept table's coarse role, so every page's defaults follow it.
fn correct_understanding(choice: &Override) -> Result<Output, WireError> {
    with_table(|table| {
        UNDERSTOOD.with(|slot| {
            if let Some(understanding) = slot.borrow_mut().as_mut() {
                if let Some((index, role)) = understanding.apply_override(table, choice) {
                    table.set_role(index, role);
                }
            }
        });
        Ok(Output::Retyped {
            summary: summarise(table),
            retyped: None,
        })
    })
}

/// The page's summary of the kept table, without flags on columns already hashed.
fn summarise(table: &Table) -> TableSummary {
    let (name, size) = FILE.with(|slot| {
        slot.borrow()
            .as_ref()
            .map(|blob| {
                let name = blob
                    .clone()
                    .dyn_into::<web_sys::File>()
                    .map(|f| f.name())
                    .unwrap_or_default();
                (name, blob.size() as u64)
            })
            .unwrap_or_default()
    });
    let mut summary = TableSummary::of(table, &name, size);
    summary.understanding = UNDERSTOOD.with(|u| u.borrow().clone());
    HASHED.with(|h| {
        let hashed = h.borrow();
        summary.pii.retain(|flag| !hashed.contains(&flag.name));
    });
    summary
}

/// Reads the whole blob in chunks, reporting bytes read at a bounded rate.
fn read_all(id: JobId, blob: &Blob) -> Result<Vec<u8>, WireError> {
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

/// Runs `f` on the loaded table, or fails with a message asking the user to load a file
/// first. Jobs of the analysis pages reach the table only through this.
pub fn with_table<R>(f: impl FnOnce(&mut Table) -> Result<R, WireError>) -> Result<R, WireError> {
    TABLE.with(|slot| match slot.borrow_mut().as_mut() {
        Some(table) => f(table),
        None => Err(WireError {
            zh: "还没有载入数据：请先在“数据”页打开一个文件。".into(),
            en: "No data is loaded yet: open a file on the Data page first.".into(),
        }),
    })
}

/// Calls `f` with the loaded file's understanding (the user's corrections included), if any.
pub fn with_understanding<R>(f: impl FnOnce(Option<&Understanding>) -> R) -> R {
    UNDERSTOOD.with(|slot| f(slot.borrow().as_ref()))
}

/// Reads the raw bytes of the loaded file again (reporting [`Stage::Read`] progress for job
/// `id`), for jobs that parse the file themselves; fails when no file is loaded.
pub fn loaded_file_bytes(id: JobId) -> Result<Vec<u8>, WireError> {
    let file = FILE
        .with(|slot| slot.borrow().clone())
        .ok_or_else(|| WireError {
            zh: "还没有载入数据：请先在“数据”页打开一个文件。".into(),
            en: "No data is loaded yet: open a file on the Data page first.".into(),
        })?;
    read_all(id, &file)
}

/// A progress observer for core kernels that forwards reports for job `id` to the page at
/// a bounded rate (at most one message per [`PROGRESS_EVERY_MS`]), as [`Stage::Compute`].
/// Cancel terminates the worker, so it always answers `Continue`.
pub fn compute_progress(
    id: JobId,
) -> impl FnMut(CoreStage, u64, u64) -> shoplens_core::progress::Control {
    let mut last_report = f64::NEG_INFINITY;
    move |_stage: CoreStage, done: u64, total: u64| {
        let now = js_sys::Date::now();
        if now - last_report >= PROGRESS_EVERY_MS || (total > 0 && done >= total) {
            last_report = now;
            progress(id, Stage::Compute, done, total);
        }
        shoplens_core::progress::Control::Continue
    }
}

/// The size of this worker's WebAssembly memory in bytes (64 KiB pages). Wasm memory only
/// grows, so this is the worker's peak so far (the benchmarks read it); 0 off wasm.
pub fn wasm_memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size::<0>() as u64 * 65_536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Milliseconds since the worker started, for timing kernels shown to the user.
pub fn now_ms() -> f64 {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    scope
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Reports progress of job `id` to the page (unthrottled: callers throttle).
pub fn progress(id: JobId, stage: Stage, done: u64, total: u64) {
    post(&Response::Job {
        id,
        reply: Reply::Progress { stage, done, total },
    });
}

fn post(response: &Response) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // Serialising our own types cannot fail; if posting fails the page is gone.
    if let Ok(text) = serde_json::to_string(response) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}
