//! The page's side: starts the worker, sends jobs, routes replies to callbacks, cancels.
//!
//! gloo-worker (the usual choice) offers no way to terminate a worker that is busy, and a
//! blocked worker never reads a polite "stop" message; so this module drives a plain
//! `web_sys::Worker` built by Trunk (`data-type="worker"` with a loader shim, a classic
//! worker) and calls `terminate()` to cancel. The next job starts a fresh worker.
//!
//! A result's long lists arrive ahead of it in chunks ([`crate::worker::protocol::lists`]), one message
//! each, so each is parsed in a task of its own; the bridge gathers them per job and puts
//! them back into the result before handing it to the job's callback.
//!
//! The worker keeps the loaded table in memory between jobs. After a cancel that memory is
//! gone, so a new worker first gets what [`crate::state::loaded`] says rebuilds the table
//! (the last file that loaded, then the user's edits of it) before any later job. The
//! bridge itself keeps no file and tells no job from another.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{File, MessageEvent, Worker};

use crate::state::loaded;
use crate::worker::protocol::{Assembly, Chunk};
use crate::worker::protocol::{Job, JobId, Reply, Request, Response, WireError};

/// Where Trunk puts the worker's loader, relative to the page so the app also works under a
/// sub-path such as `/shoplens/`.
const WORKER_URL: &str = "./worker_loader.js";

type Callback = Box<dyn Fn(Reply)>;

struct Live {
    worker: Worker,
    ready: bool,
    /// Messages posted before the worker's wasm started are queued here.
    queue: Vec<JsValue>,
    callbacks: HashMap<JobId, Callback>,
    /// The chunks of each job's result received so far.
    chunks: HashMap<JobId, Assembly>,
}

#[derive(Default)]
struct Bridge {
    live: Option<Live>,
    next_id: JobId,
}

thread_local! {
    // The bridge holds JS handles, which are not `Send`: it lives on the page's thread only.
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge::default());
}

/// Sends `job` (with `file` for jobs that read one) to the worker, starting it if needed.
/// `on_reply` receives every progress report and the final `Done` or `Failed`.
pub fn run(job: Job, file: Option<File>, on_reply: impl Fn(Reply) + 'static) -> JobId {
    BRIDGE.with(|bridge| {
        let mut bridge = bridge.borrow_mut();
        if bridge.live.is_none() {
            match spawn() {
                Ok(live) => {
                    bridge.live = Some(live);
                    bridge.rebuild();
                }
                Err(error) => {
                    on_reply(Reply::Failed { error });
                    return 0;
                }
            }
        }
        let id = bridge.take_id();
        bridge.post(id, &job, file.as_ref(), Some(Box::new(on_reply)));
        id
    })
}

/// Stops every running job at once by terminating the worker. Callbacks of pending jobs
/// are dropped without a reply; the next [`run`] starts a new worker.
pub fn cancel() {
    BRIDGE.with(|bridge| {
        if let Some(live) = bridge.borrow_mut().live.take() {
            live.worker.set_onmessage(None);
            live.worker.set_onerror(None);
            live.worker.terminate();
        }
    });
}

impl Bridge {
    fn take_id(&mut self) -> JobId {
        self.next_id = self.next_id.wrapping_add(1);
        self.next_id
    }

    /// Sends a new worker the jobs that rebuild the loaded table: the load of the loaded
    /// file, then its edits, in order. Their replies need no one.
    fn rebuild(&mut self) {
        let Some(loaded) = loaded::current() else {
            return;
        };
        let id = self.take_id();
        self.post(id, &loaded.load_job(), Some(&loaded.file), None);
        for job in loaded.edit_jobs() {
            let id = self.take_id();
            self.post(id, &job, None, None);
        }
    }

    fn post(&mut self, id: JobId, job: &Job, file: Option<&File>, callback: Option<Callback>) {
        let Some(live) = self.live.as_mut() else {
            return;
        };
        let request = Request {
            id,
            job: job.clone(),
        };
        let Ok(text) = serde_json::to_string(&request) else {
            return;
        };
        let message = Array::new();
        message.push(&JsValue::from_str(&text));
        if let Some(file) = file {
            message.push(file);
        }
        if let Some(callback) = callback {
            live.callbacks.insert(id, callback);
        }
        if live.ready {
            send(&live.worker, &message);
        } else {
            live.queue.push(message.into());
        }
    }
}

/// Posts a message. Posting an array of a string and a `File` cannot fail by its content;
/// it fails only when the worker is gone, which its error handler reports.
fn send(worker: &Worker, message: &JsValue) {
    if let Err(e) = worker.post_message(message) {
        web_sys::console::warn_1(&e);
    }
}

fn spawn() -> Result<Live, WireError> {
    let worker = Worker::new(WORKER_URL).map_err(|e| {
        WireError::browser(
            "无法启动后台线程",
            "Could not start the background worker",
            &format!("{e:?}"),
        )
    })?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        match serde_json::from_str::<Response>(&text) {
            Ok(Response::Ready) => flush_queue(),
            Ok(Response::Job { id, reply }) => deliver(id, assembled(id, reply)),
            Ok(Response::Chunk { id, chunk }) => gather(id, chunk),
            Err(e) => web_sys::console::warn_1(&format!("page: bad response: {e}").into()),
        }
    });
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        // The worker died (for example a panic, or out of memory): fail every pending job and
        // drop the worker so the next job starts a fresh one.
        event.prevent_default();
        let detail = event.message();
        let pending: Vec<JobId> = BRIDGE.with(|b| {
            b.borrow()
                .live
                .as_ref()
                .map(|l| l.callbacks.keys().copied().collect())
                .unwrap_or_default()
        });
        for id in pending {
            deliver(
                id,
                Reply::Failed {
                    error: WireError::browser(
                        "后台线程出错",
                        "The background worker failed",
                        &detail,
                    ),
                },
            );
        }
        cancel();
    });
    // Handing the closures to JS lets the garbage collector free them with the worker;
    // keeping them in `Live` would free the error handler while it runs `cancel()`.
    worker.set_onmessage(Some(on_message.into_js_value().unchecked_ref()));
    worker.set_onerror(Some(on_error.into_js_value().unchecked_ref()));
    Ok(Live {
        worker,
        ready: false,
        queue: Vec::new(),
        callbacks: HashMap::new(),
        chunks: HashMap::new(),
    })
}

fn flush_queue() {
    BRIDGE.with(|bridge| {
        let mut bridge = bridge.borrow_mut();
        if let Some(live) = bridge.live.as_mut() {
            live.ready = true;
            for message in std::mem::take(&mut live.queue) {
                send(&live.worker, &message);
            }
        }
    });
}

/// Keeps a chunk of job `id`'s result until the result arrives.
fn gather(id: JobId, chunk: Chunk) {
    BRIDGE.with(|bridge| {
        if let Some(live) = bridge.borrow_mut().live.as_mut() {
            live.chunks.entry(id).or_default().add(chunk);
        }
    });
}

/// `reply` with the chunks gathered for job `id` put back into its result; a job's chunks
/// are dropped once it has finished either way.
fn assembled(id: JobId, mut reply: Reply) -> Reply {
    if matches!(reply, Reply::Progress { .. }) {
        return reply;
    }
    let assembly = BRIDGE.with(|bridge| {
        bridge
            .borrow_mut()
            .live
            .as_mut()
            .and_then(|live| live.chunks.remove(&id))
    });
    if let (Some(assembly), Reply::Done { output }) = (assembly, &mut reply) {
        assembly.complete(output);
    }
    reply
}

/// Hands `reply` to the callback of job `id`; the callback runs with the bridge unlocked,
/// so it may start new jobs.
fn deliver(id: JobId, reply: Reply) {
    let finished = !matches!(reply, Reply::Progress { .. });
    let callback = BRIDGE.with(|bridge| {
        bridge
            .borrow_mut()
            .live
            .as_mut()
            .and_then(|live| live.callbacks.remove(&id))
    });
    if let Some(callback) = callback {
        callback(reply);
        if !finished {
            BRIDGE.with(|bridge| {
                if let Some(live) = bridge.borrow_mut().live.as_mut() {
                    live.callbacks.entry(id).or_insert(callback);
                }
            });
        }
    }
}
