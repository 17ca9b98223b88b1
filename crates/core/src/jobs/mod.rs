//! Every analysis as a job: a serde spec with defaults, checked once against the table,
//! then run by one function that returns a typed result.
//!
//! The app's worker and the CLI are fronts on this module: the worker decodes a message
//! into a spec and shapes the result for a view; the CLI builds a spec from its flags (or
//! reads one with `shoplens run JOB.json FILE`) and prints the result. A spec written with
//! its defaults filled in ([`Job::with_defaults`]) reruns anywhere with the same numbers.
//!
//! Each spec follows linfa's `Params → check() → Valid`: `FitJob::check(&table)` returns a
//! `CheckedFit` (or an error naming the bad value) before any work starts, and only a
//! checked form can run.
//!
//! ```
//! use shoplens_core::jobs::Job;
//! let job: Job = serde_json::from_str(r#"{"kind": "compare", "target": "churn"}"#).unwrap();
//! assert!(matches!(job, Job::Compare(ref c) if c.folds == 5));
//! ```

pub mod churn;
pub mod compare;
mod defaults;
pub mod fit;
pub mod predict;
pub mod rfm;
pub mod segment;

pub use defaults::{default_model, ModelData};

use crate::progress::Progress;
use crate::rt::{Clock, FrozenClock};
use crate::table::Table;
use crate::Result;
use serde::{Deserialize, Serialize};

/// One analysis and its parameters, named by `"kind"` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Train one model and evaluate it on held-out rows.
    Fit(fit::FitJob),
    /// Cross-validate every model kind that can do the task.
    Compare(compare::CompareJob),
    /// Cross-validate a grid around one model's main parameter.
    Grid(compare::GridJob),
    /// Score the table with a trained model.
    Predict(predict::PredictJob),
    /// RFM scores and named segments of order lines.
    Rfm(rfm::RfmJob),
    /// k-means segments.
    Segment(segment::SegmentJob),
    /// Churn risk of customers from order lines.
    Churn(churn::ChurnJob),
}

/// What a [`Job`] produced, named by `"kind"` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobOutput {
    /// A trained model's evaluation.
    Fit(Box<fit::FitOutput>),
    /// Every kind cross-validated.
    Compare(compare::CvResult),
    /// A grid cross-validated.
    Grid(compare::CvResult),
    /// Predictions as CSV.
    Predict(predict::PredictOutput),
    /// RFM result.
    Rfm(Box<rfm::RfmOutput>),
    /// k-means result.
    Segment(Box<segment::SegmentOutput>),
    /// Churn result.
    Churn(Box<churn::ChurnOutput>),
}

impl Job {
    /// The spec with every default decided from `table` written in (target task, model,
    /// features, stratification...), after checking it: the job to save so that a rerun
    /// on the same file does exactly the same.
    pub fn with_defaults(&self, table: &Table) -> Result<Job> {
        Ok(match self {
            Job::Fit(j) => Job::Fit(j.check(table)?.spec),
            Job::Compare(j) => Job::Compare(j.check(table)?.spec),
            Job::Grid(j) => Job::Grid(j.check(table)?.spec),
            Job::Predict(j) => Job::Predict(j.clone()),
            Job::Rfm(j) => Job::Rfm(j.check()?.spec),
            Job::Segment(j) => Job::Segment(j.check()?.spec),
            Job::Churn(j) => Job::Churn(j.check(table)?.spec),
        })
    }

    /// Checks and runs the job on `table` (timings read 0: see [`Job::run_timed`]).
    pub fn run(&self, table: &Table, progress: &mut dyn Progress) -> Result<JobOutput> {
        self.run_timed(table, progress, &FrozenClock)
    }

    /// Checks and runs the job on `table`, timing it with the front's `clock`.
    pub fn run_timed(
        &self,
        table: &Table,
        progress: &mut dyn Progress,
        clock: &dyn Clock,
    ) -> Result<JobOutput> {
        Ok(match self {
            Job::Fit(j) => {
                let fitted = fit::run(&j.check(table)?, table, progress, clock)?;
                JobOutput::Fit(Box::new(fitted.output))
            }
            Job::Compare(j) => {
                JobOutput::Compare(compare::run(&j.check(table)?.cv, table, progress, clock)?)
            }
            Job::Grid(j) => {
                JobOutput::Grid(compare::run(&j.check(table)?.cv, table, progress, clock)?)
            }
            Job::Predict(j) => JobOutput::Predict(predict::run(j, table)?),
            Job::Rfm(j) => JobOutput::Rfm(Box::new(rfm::run(&j.check()?, table, clock)?)),
            Job::Segment(j) => {
                JobOutput::Segment(Box::new(segment::run(&j.check()?, table, progress, clock)?))
            }
            Job::Churn(j) => JobOutput::Churn(Box::new(churn::run(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
        })
    }
}
