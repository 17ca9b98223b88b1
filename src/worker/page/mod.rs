//! The page's end of the worker: code that runs on the page's (main) thread only. It holds
//! browser handles (`Worker`, `File`) that never leave that thread, and imports the
//! [`crate::worker::protocol`] but nothing of [`crate::worker::thread`].
//!
//! - [`bridge`]: starts the worker, sends jobs, routes replies to callbacks, cancels by
//!   terminating the worker.
//! - [`task`]: runs an analysis page's job and mirrors its progress into a
//!   [`crate::state::JobStatus`].

pub mod bridge;
pub mod task;
