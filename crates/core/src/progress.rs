//! How long-running kernels report progress and learn that the user cancelled.
//!
//! A kernel calls [`Progress::report`] at a bounded rate (not every iteration) with the work
//! done and the total. If the observer answers [`Control::Stop`], the kernel stops and
//! returns what it has (marked partial) or [`crate::ErrorKind::Cancelled`]. In the browser,
//! the worker forwards reports to the page; cancel there terminates the worker outright, so
//! `Stop` matters mostly for the CLI and for budgets.

/// What the observer wants the kernel to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Keep going.
    Continue,
    /// Stop as soon as possible.
    Stop,
}

/// Receives progress from a kernel.
pub trait Progress {
    /// `done` units of `total` are finished; `stage` names the phase (for example
    /// `"parse"` or `"mine"`).
    fn report(&mut self, stage: &str, done: u64, total: u64) -> Control;
}

/// An observer that ignores reports and never stops the kernel.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {
    fn report(&mut self, _stage: &str, _done: u64, _total: u64) -> Control {
        Control::Continue
    }
}

impl<F: FnMut(&str, u64, u64) -> Control> Progress for F {
    fn report(&mut self, stage: &str, done: u64, total: u64) -> Control {
        self(stage, done, total)
    }
}
