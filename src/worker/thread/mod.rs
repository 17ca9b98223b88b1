//! The worker's end: code that runs inside the dedicated Web Worker (started by
//! `src/bin/worker.rs`), on its own thread. It imports the [`crate::worker::protocol`] and
//! core, never the page's code ([`crate::worker::page`], pages, components or state), so
//! the worker's wasm module carries no UI.
//!
//! - [`runner`]: the message loop and the progress helpers every job uses.
//! - [`load`]: reading, parsing and understanding a file the page sent.
//! - [`loaded`]: the worker's copy of the loaded table and the edits applied to it.
//! - [`jobs`]: one adapter per analysis page over `shoplens_core::jobs`.

pub mod jobs;
pub mod load;
pub mod loaded;
pub mod runner;
