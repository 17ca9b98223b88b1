//! The worker's side: receives [`Request`]s, runs them one at a time, answers with
//! [`Response`]s. Runs inside the dedicated worker started from `src/bin/worker.rs`.
//!
//! A job blocks this worker's thread while it runs, which is the point: the page's thread
//! stays free, and the page cancels by terminating the whole worker (see `bridge`).

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use shoplens_core::table::{read_bytes, ReadOptions, Table};
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

use super::protocol::{Job, JobId, Output, Reply, Request, Response, Stage, WireError};
use super::summary::TableSummary;

/// Bytes read from the file per step; small enough for smooth progress, large enough that
/// the per-call overhead does not matter.
const CHUNK_BYTES: f64 = 1024.0 * 1024.0;

/// Least time between two progress messages, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 50.0;

thread_local! {
    /// The table the last `LoadTable` produced, kept for the jobs that follow.
    static TABLE: RefCell<Option<Table>> = const { RefCell::new(None) };
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
    };
    let reply = match reply {
        Ok(output) => Reply::Done { output },
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
    let bytes = read_all(id, &file)?;
    progress(id, Stage::Parse, 0, 0);
    let table = read_bytes(&bytes, options).map_err(|e| WireError::from(&e))?;
    let summary = TableSummary::of(&table, &name, bytes.len() as u64);
    TABLE.with(|slot| *slot.borrow_mut() = Some(table));
    Ok(Output::Table { summary })
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
    let mut bytes = Vec::with_capacity(total as usize);
    let mut last_report = f64::NEG_INFINITY;
    let mut offset = 0.0;
    progress(id, Stage::Read, 0, total as u64);
    while offset < total {
        let end = (offset + CHUNK_BYTES).min(total);
        let chunk = blob
            .slice_with_f64_and_f64(offset, end)
            .map_err(browser_error)?;
        let buffer = reader.read_as_array_buffer(&chunk).map_err(browser_error)?;
        bytes.extend_from_slice(&Uint8Array::new(&buffer).to_vec());
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

fn progress(id: JobId, stage: Stage, done: u64, total: u64) {
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
