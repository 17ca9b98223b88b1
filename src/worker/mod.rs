//! Background work: the page hands jobs to a dedicated Web Worker so parsing and kernels
//! never freeze the tab.
//!
//! - [`protocol`]: the serde messages (jobs, progress, results, errors in both languages).
//! - [`bridge`]: the page's side (start, send, route replies, cancel by terminating).
//! - [`runner`]: the worker's side (read the file, run core, keep the table).
//! - [`summary`]: what a loaded table looks like to the page (counts, types, profile, preview).
//!
//! To add a job: a [`protocol::Job`] variant, an [`protocol::Output`] variant, and a match
//! arm in `runner`. See `ARCHITECTURE.md` for the path a file takes.

pub mod bridge;
pub mod protocol;
pub mod runner;
pub mod summary;
