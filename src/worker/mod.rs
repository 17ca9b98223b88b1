//! Background work: the page hands jobs to a dedicated Web Worker so parsing and kernels
//! never freeze the tab.
//!
//! - [`protocol`]: the serde messages (jobs, progress, results, errors in both languages).
//! - [`chunks`]: a result's long lists in pieces, so no task of the page parses them whole.
//! - [`bridge`]: the page's side (start, send, route replies, cancel by terminating).
//! - [`runner`]: the worker's side (read the file, run core, keep the table).
//! - [`summary`]: what a loaded table looks like to the page (counts, types, profile, preview).
//! - [`jobs`]: one module per analysis page: its job and output types and the code that runs
//!   them in the worker.
//! - [`task`]: the page-side helper that runs a job and tracks its [`crate::state::JobStatus`].
//!
//! To add a job to a page: a variant in that page's `jobs::<page>` job and output enums and
//! a match arm in its `run`. See `ARCHITECTURE.md` for the path a file takes.

pub mod bridge;
pub mod chunks;
pub mod jobs;
pub mod protocol;
pub mod runner;
pub mod summary;
pub mod task;
