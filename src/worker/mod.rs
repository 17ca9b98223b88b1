//! Background work: the page hands jobs to a dedicated Web Worker so parsing and kernels
//! never freeze the tab. The code is split by the thread it runs on:
//!
//! - [`protocol`]: the messages both sides exchange (jobs, progress, results, errors in
//!   both languages), imported by both and importing neither.
//! - [`page`]: what runs on the page's thread (the bridge to the worker, the job runner
//!   that drives a page's progress bar, the owner of the loaded file and its edits).
//! - [`thread`]: what runs inside the worker (the message loop, loading a file, the kept
//!   table, and the analysis jobs as adapters over `shoplens_core::jobs`).
//!
//! `page` and `thread` never import each other: the only way between them is a message.
//! See `ARCHITECTURE.md` for the path a file takes and the recipe for adding an analysis.

pub mod page;
pub mod protocol;
pub mod thread;
