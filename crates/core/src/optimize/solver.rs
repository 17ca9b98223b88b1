//! The step-wise solver contract shared by every optimiser in this module.
//!
//! Modelled on argmin's `Solver::next_iter`: a solver owns its state and advances it by one
//! iteration per call (one temperature level of simulated annealing, one generation of the
//! genetic algorithm). The loop around it, [`run`], is shared: it checks [`Termination`],
//! records a [`History`] for the convergence chart and reports to a
//! [`Progress`](crate::progress::Progress) observer, which may answer
//! [`Control::Stop`](crate::progress::Control::Stop) when the user presses Cancel. The browser
//! can instead call `next_iter` itself between animation frames.

use crate::progress::{Control, Progress, Stage};
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// What one iteration produced: the figures the convergence chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IterStats {
    /// Iterations done so far, this one included (1-based).
    pub iteration: u64,
    /// Best objective value found so far (lower is better).
    pub best: f64,
    /// The solver's current value: the current solution for annealing, the population mean
    /// for the genetic algorithm.
    pub current: f64,
}

/// A solver that advances by one iteration per call.
pub trait Solver {
    /// Performs one iteration and says where the search stands.
    fn next_iter(&mut self) -> IterStats;

    /// True when the solver has nothing left to do on its own (for example annealing has
    /// reached its final temperature). The run loop stops then.
    fn is_finished(&self) -> bool {
        false
    }
}

/// When the shared loop stops.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Termination {
    /// Hard cap on iterations.
    pub max_iters: u64,
    /// Stop after this many iterations without improving the best value (`None`: never).
    pub stall_iters: Option<u64>,
    /// Stop once the best value is at or below this (`None`: never).
    pub target: Option<f64>,
}

impl Termination {
    /// At most `max_iters` iterations, no stall or target rule.
    pub fn new(max_iters: u64) -> Termination {
        Termination {
            max_iters,
            stall_iters: None,
            target: None,
        }
    }

    /// Checks that the cap is positive.
    pub fn check(&self) -> Result<()> {
        if self.max_iters == 0 {
            return Err(Error::invalid_parameter(
                "max_iters",
                self.max_iters,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.stall_iters == Some(0) {
            return Err(Error::invalid_parameter(
                "stall_iters",
                0,
                crate::Allowed::AtLeastOneOrNone,
            ));
        }
        Ok(())
    }
}

/// Why a run stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// The iteration cap was reached.
    MaxIters,
    /// The best value did not improve for `stall_iters` iterations.
    Stalled,
    /// The target value was reached.
    Target,
    /// The solver said it was finished.
    Finished,
    /// The observer asked to stop.
    Cancelled,
}

/// The convergence series of a run: one entry per iteration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Best value after each iteration.
    pub best: Vec<f64>,
    /// Current value (or population mean) after each iteration.
    pub current: Vec<f64>,
}

impl History {
    /// Appends one iteration.
    pub fn push(&mut self, stats: IterStats) {
        self.best.push(stats.best);
        self.current.push(stats.current);
    }

    /// Number of iterations recorded.
    pub fn len(&self) -> usize {
        self.best.len()
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.best.is_empty()
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Iterations performed.
    pub iterations: u64,
    /// Why the loop stopped.
    pub stop_reason: StopReason,
    /// The convergence series.
    pub history: History,
}

/// Progress is reported about this many times per run; observers that post messages
/// (the app's worker) throttle by time on their side.
const REPORTS_PER_RUN: u64 = 200;

/// A long run still reports at least this often (in iterations), since a report is also
/// where a stop request (the CLI's Ctrl-C) is heard.
const MAX_ITERATIONS_BETWEEN_REPORTS: u64 = 1_000;

/// Runs `solver` until `termination` or the observer says stop, recording the history.
///
/// `stage` names the phase in progress reports (for example [`Stage::Anneal`]).
pub fn run<S: Solver + ?Sized>(
    solver: &mut S,
    termination: &Termination,
    progress: &mut dyn Progress,
    stage: Stage,
) -> Result<RunSummary> {
    termination.check()?;
    let mut history = History::default();
    let mut last_best = f64::INFINITY;
    let mut since_improvement = 0u64;
    let report_every =
        (termination.max_iters / REPORTS_PER_RUN).clamp(1, MAX_ITERATIONS_BETWEEN_REPORTS);
    let mut iterations = 0u64;
    let stop_reason = loop {
        if solver.is_finished() {
            break StopReason::Finished;
        }
        if iterations >= termination.max_iters {
            break StopReason::MaxIters;
        }
        let stats = solver.next_iter();
        iterations += 1;
        history.push(stats);
        if stats.best < last_best {
            last_best = stats.best;
            since_improvement = 0;
        } else {
            since_improvement += 1;
        }
        if termination.target.is_some_and(|t| stats.best <= t) {
            break StopReason::Target;
        }
        if termination
            .stall_iters
            .is_some_and(|s| since_improvement >= s)
        {
            break StopReason::Stalled;
        }
        if iterations.is_multiple_of(report_every)
            && progress.report(stage, iterations, termination.max_iters) == Control::Stop
        {
            break StopReason::Cancelled;
        }
    };
    Ok(RunSummary {
        iterations,
        stop_reason,
        history,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    /// Halves a value each iteration, improving until it reaches a floor.
    struct Halver {
        value: f64,
        floor: f64,
        iteration: u64,
    }

    impl Solver for Halver {
        fn next_iter(&mut self) -> IterStats {
            self.iteration += 1;
            self.value = (self.value / 2.0).max(self.floor);
            IterStats {
                iteration: self.iteration,
                best: self.value,
                current: self.value,
            }
        }
    }

    fn halver() -> Halver {
        Halver {
            value: 1024.0,
            floor: 1.0,
            iteration: 0,
        }
    }

    #[test]
    fn stops_for_each_reason() {
        let mut s = halver();
        let r = run(&mut s, &Termination::new(5), &mut Silent, Stage::Anneal).unwrap();
        assert_eq!((r.iterations, r.stop_reason), (5, StopReason::MaxIters));
        assert_eq!(r.history.best, vec![512.0, 256.0, 128.0, 64.0, 32.0]);

        let mut s = halver();
        let t = Termination {
            target: Some(8.0),
            ..Termination::new(100)
        };
        let r = run(&mut s, &t, &mut Silent, Stage::Anneal).unwrap();
        assert_eq!((r.iterations, r.stop_reason), (7, StopReason::Target));

        // 1024 reaches the floor 1 after 10 halvings; 3 more without improvement stall.
        let mut s = halver();
        let t = Termination {
            stall_iters: Some(3),
            ..Termination::new(100)
        };
        let r = run(&mut s, &t, &mut Silent, Stage::Anneal).unwrap();
        assert_eq!((r.iterations, r.stop_reason), (13, StopReason::Stalled));
    }

    #[test]
    fn observer_can_cancel() {
        let mut s = halver();
        let mut calls = 0;
        let mut stop_at_third = |_: crate::progress::Stage, _: u64, _: u64| {
            calls += 1;
            if calls == 3 {
                Control::Stop
            } else {
                Control::Continue
            }
        };
        let r = run(
            &mut s,
            &Termination::new(10),
            &mut stop_at_third,
            Stage::Anneal,
        )
        .unwrap();
        assert_eq!((r.iterations, r.stop_reason), (3, StopReason::Cancelled));
    }

    #[test]
    fn zero_iterations_is_a_parameter_error() {
        let mut s = halver();
        let e = run(&mut s, &Termination::new(0), &mut Silent, Stage::Anneal).unwrap_err();
        assert!(e.to_string().contains("max_iters = 0"));
    }
}
