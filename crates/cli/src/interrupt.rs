//! Ctrl-C as a polite stop: the first press asks the running kernel to stop at its next
//! step (through core's [`Progress`] observer), so the command ends cleanly with a
//! "cancelled" message, or prints the optimisers' best plan so far; a second press ends
//! the program at once, for a step that takes too long.
//!
//! The same observer prints the kernel's progress on standard error when `--progress` is
//! given: a line when a stage starts and at each further tenth of its work, so a long run
//! shows where it is without flooding a log.

use shoplens_core::progress::{Control, Progress, Stage};
use shoplens_core::Lang;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Set by the Ctrl-C handler, read by [`Interrupt`] between kernel steps.
static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Whether `--progress` asked for progress lines.
static SHOW_PROGRESS: AtomicBool = AtomicBool::new(false);

/// The stage and tenth of its work last printed, so each is printed once.
static LAST_PRINTED: Mutex<Option<(Stage, u64)>> = Mutex::new(None);

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

/// Prints progress lines on standard error from now on (`--progress`).
pub fn show_progress() {
    SHOW_PROGRESS.store(true, Ordering::SeqCst);
}

/// The progress line for `done` of `total` units in `stage`, when it is the first of its
/// stage or of a new tenth of the work since `last`; `None` when nothing new is to be said.
fn progress_line(
    last: Option<(Stage, u64)>,
    stage: Stage,
    done: u64,
    total: u64,
) -> Option<(String, u64)> {
    let tenth = (done.min(total) * 10).checked_div(total).unwrap_or(0);
    if last == Some((stage, tenth)) || matches!(last, Some((s, t)) if s == stage && t > tenth) {
        return None;
    }
    let label = stage.label(Lang::En);
    let line = match (done.min(total) * 100).checked_div(total) {
        Some(percent) => format!("shoplens: {label}: {done} of {total} ({percent}%)"),
        None => format!("shoplens: {label}…"),
    };
    Some((line, tenth))
}

/// Whether Ctrl-C was pressed during this run.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The progress observer every command passes to core: prints progress lines when asked
/// ([`show_progress`]), and says `Stop` once Ctrl-C was pressed.
#[derive(Debug, Default, Clone, Copy)]
pub struct Interrupt;

impl Progress for Interrupt {
    fn report(&mut self, stage: Stage, done: u64, total: u64) -> Control {
        if SHOW_PROGRESS.load(Ordering::SeqCst) {
            // A poisoned lock only means another thread panicked while printing; the last
            // printed stage is still usable.
            let mut last = LAST_PRINTED.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((line, tenth)) = progress_line(*last, stage, done, total) {
                eprintln!("{line}");
                *last = Some((stage, tenth));
            }
        }
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

    #[test]
    fn a_progress_line_is_printed_once_per_stage_and_tenth() {
        let first = progress_line(None, Stage::Anneal, 0, 1000).unwrap();
        let label = Stage::Anneal.label(Lang::En);
        assert_eq!(first.0, format!("shoplens: {label}: 0 of 1000 (0%)"));
        assert_eq!(
            progress_line(Some((Stage::Anneal, first.1)), Stage::Anneal, 99, 1000),
            None
        );
        let next = progress_line(Some((Stage::Anneal, 0)), Stage::Anneal, 100, 1000).unwrap();
        assert!(next.0.ends_with("100 of 1000 (10%)"), "{}", next.0);
        // A new stage is announced even at the same tenth, and a stage without a total once.
        assert!(progress_line(Some((Stage::Anneal, 1)), Stage::KMeans, 100, 1000).is_some());
        let open = progress_line(None, Stage::Fit, 3, 0).unwrap();
        assert!(open.0.ends_with('…'), "{}", open.0);
        assert_eq!(progress_line(Some((Stage::Fit, 0)), Stage::Fit, 4, 0), None);
    }
}
