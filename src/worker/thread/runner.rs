//! The worker's message loop: receives [`Request`]s, runs them one at a time, answers with
//! [`Response`]s, and the helpers every job uses to report progress and time. Runs inside
//! the dedicated worker started from `src/bin/worker.rs`.
//!
//! A job blocks this worker's thread while it runs, which is the point: the page's thread
//! stays free, and the page cancels by terminating the whole worker (see
//! `crate::worker::page::bridge`).

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use super::jobs;
use super::load::load_table;
use super::loaded::with_loaded;
use crate::worker::protocol::Job;
use crate::worker::protocol::{split, JobId, Reply, Request, Response, Stage, CHUNK_LEN};

/// Least time between two progress messages, in milliseconds.
pub const PROGRESS_EVERY_MS: f64 = 50.0;

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
        Job::SetColumn { index, dtype, role } => {
            with_loaded(|loaded| loaded.set_column(index, dtype, role))
        }
        Job::Protect { choices, salt } => with_loaded(|loaded| loaded.protect(&choices, &salt)),
        Job::Understand { choice } => with_loaded(|loaded| loaded.correct(&choice)),
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
            for chunk in split(&mut output, CHUNK_LEN) {
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

/// A progress observer for core kernels that forwards reports for job `id` to the page at
/// a bounded rate (at most one message per [`PROGRESS_EVERY_MS`]), as [`Stage::Compute`].
/// Cancel terminates the worker, so it always answers `Continue`.
pub fn compute_progress(
    id: JobId,
) -> impl FnMut(shoplens_core::progress::Stage, u64, u64) -> shoplens_core::progress::Control {
    let mut last_report = f64::NEG_INFINITY;
    move |_stage: shoplens_core::progress::Stage, done: u64, total: u64| {
        let now = now_ms();
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
