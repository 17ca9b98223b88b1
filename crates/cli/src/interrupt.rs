//! Ctrl-C as a polite stop: the first press asks the running kernel to stop at its next
//! step (through core's [`Progress`] observer), so the command ends cleanly with a
//! "cancelled" message, or prints the optimisers' best plan so far; a second press ends
//! the program at once, for a step that takes too long.

use shoplens_core::progress::{Control, Progress, Stage};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by the Ctrl-C handler, read by [`Interrupt`] between kernel steps.
static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const EXIT_CODE: u8 = 130;

/// Installs the Ctrl-C handler. Failing to install one (no signals on this platform)
/// leaves the default behaviour, which ends the program at once.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_CODE));
        }
        eprintln!("shoplens: stopping at the next step (Ctrl-C again to quit now)…");
    });
}

/// Whether Ctrl-C was pressed during this run.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The progress observer every command passes to core: silent, and `Stop` once Ctrl-C
/// was pressed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Interrupt;

impl Progress for Interrupt {
    fn report(&mut self, _stage: Stage, _done: u64, _total: u64) -> Control {
        if requested() {
            Control::Stop
        } else {
            Control::Continue
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_observer_says_stop_once_ctrl_c_was_pressed() {
        assert_eq!(Interrupt.report(Stage::KMeans, 1, 10), Control::Continue);
        REQUESTED.store(true, Ordering::SeqCst);
        assert_eq!(Interrupt.report(Stage::KMeans, 2, 10), Control::Stop);
        REQUESTED.store(false, Ordering::SeqCst);
    }
}
