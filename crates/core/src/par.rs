//! Independent pieces of one analysis spread over the machine's cores: forest trees,
//! cross-validation folds and grid points, k-means starts and the elbow's k values,
//! per-series forecasts.
//!
//! Built with the `parallel` feature (the CLI turns it on), the pieces run on rayon's
//! thread pool; without it (the browser's wasm, where threads need headers a static host
//! cannot always send) they run one after another on the calling thread. Either way the
//! results are identical for a given seed: every piece depends on its input alone (any
//! randomness is drawn in order by the caller before the pieces start), results come back in
//! input order, and the caller combines them in that order, so floating-point sums add up in
//! the same sequence.
//!
//! Progress and cancelling stay on the calling thread: the pieces run in rounds of
//! [`width`] at a time, and the observer hears about each round before the next starts. A
//! [`Progress`] observer therefore needs to be neither `Send` nor `Sync` (the app's posts
//! messages through the browser).

use crate::progress::{stop_if_told, Progress, Stage};
use crate::{Allowed, Error, Result};

/// How many pieces run at once: the size of rayon's current pool with the `parallel`
/// feature, otherwise 1.
pub fn width() -> usize {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads().max(1)
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}

/// Sets how many threads [`map`] may use for the rest of the process (`0`: one per core).
/// Only the first call counts (rayon's global pool is built once); a later call with a
/// different number is an error naming the one in force. Without the `parallel` feature
/// every number but 0 and 1 is refused.
pub fn use_threads(threads: usize) -> Result<()> {
    #[cfg(feature = "parallel")]
    {
        let built = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
        if built.is_err() && threads != 0 && threads != rayon::current_num_threads() {
            return Err(Error::invalid_parameter(
                "threads",
                threads,
                Allowed::Exactly(rayon::current_num_threads() as f64),
            ));
        }
        Ok(())
    }
    #[cfg(not(feature = "parallel"))]
    {
        if threads > 1 {
            return Err(Error::invalid_parameter(
                "threads",
                threads,
                Allowed::Exactly(1.0),
            ));
        }
        Ok(())
    }
}

/// `f` applied to every item, results in item order; on rayon's pool with the `parallel`
/// feature. Use it for pieces short enough that nobody waits for progress between them.
pub fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// Like [`map`] for fallible pieces, run in rounds of [`width`]: before each round the
/// observer hears `(stage, pieces done, pieces in all)`, and after the last one
/// `(stage, all, all)`. Stops with [`crate::ErrorKind::Cancelled`] when the observer says so, and
/// with the first error in item order when a piece fails.
pub fn try_map_reporting<T, R, F>(
    items: &[T],
    stage: Stage,
    progress: &mut dyn Progress,
    f: F,
) -> Result<Vec<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> Result<R> + Sync + Send,
{
    let total = items.len() as u64;
    let mut out = Vec::with_capacity(items.len());
    for round in items.chunks(width()) {
        stop_if_told(progress, stage, out.len() as u64, total)?;
        for result in map(round, &f) {
            out.push(result?);
        }
    }
    stop_if_told(progress, stage, total, total)?;
    Ok(out)
}

/// `f` run with exactly `threads` threads for [`map`] (a pool of its own), so a test can
/// show that a kernel gives the same answer on one thread and on two.
#[cfg(all(test, feature = "parallel"))]
pub(crate) fn on_threads<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool for the test")
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Control;
    use crate::ErrorKind;

    #[test]
    fn results_keep_item_order_and_progress_reaches_the_total() {
        let items: Vec<u64> = (0..37).collect();
        let mut seen = Vec::new();
        let mut observe = |_: crate::progress::Stage, done: u64, total: u64| {
            seen.push((done, total));
            Control::Continue
        };
        let squares = try_map_reporting(&items, Stage::Fit, &mut observe, |&i| Ok(i * i)).unwrap();
        assert_eq!(squares, items.iter().map(|i| i * i).collect::<Vec<_>>());
        assert_eq!(seen.first(), Some(&(0, 37)));
        assert_eq!(seen.last(), Some(&(37, 37)));
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    #[test]
    fn the_first_failure_in_item_order_wins_and_stop_cancels() {
        let items: Vec<usize> = (0..10).collect();
        let e = try_map_reporting(&items, Stage::Fit, &mut crate::progress::Silent, |&i| {
            if i >= 6 {
                Err(Error::invalid_parameter("i", i, crate::Allowed::Below(6.0)))
            } else {
                Ok(i)
            }
        })
        .unwrap_err();
        assert!(e.to_string().contains('6'), "{e}");
        let mut stop = |_: crate::progress::Stage, _: u64, _: u64| Control::Stop;
        let e = try_map_reporting(&items, Stage::Fit, &mut stop, |&i| Ok(i)).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Cancelled);
    }
}
