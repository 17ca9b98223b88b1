//! The Customers page's jobs, run in the worker: each decodes into a core job
//! (`shoplens_core::jobs::{rfm, segment, churn, clv, cohort}`, the same code `shoplens rfm`,
//! `segment`, `churn`, `clv` and `cohort` run), calls it on the loaded table and sends its
//! typed result back. (Speed measurements on generated data live in
//! `crates/core/benches/customers.rs`.)

use serde::{Deserialize, Serialize};
use shoplens_core::jobs::churn::{self, ChurnJob};
use shoplens_core::jobs::clv::{self, ClvJob};
use shoplens_core::jobs::cohort::{self, CohortJob};
use shoplens_core::jobs::rfm::{self, RfmJob};
use shoplens_core::jobs::segment::{self, SegmentJob};
use shoplens_core::jobs::Job;

pub use shoplens_core::jobs::churn::{
    ChurnClassifier, ChurnJob as ChurnRequest, ChurnOutput as ChurnView, ScoredCustomer,
    AT_RISK_LISTED, FACTORS_SHOWN,
};
pub use shoplens_core::jobs::clv::{ClvModel, ClvOutput as ClvView};
pub use shoplens_core::jobs::cohort::CohortOutput as CohortView;
pub use shoplens_core::jobs::rfm::RfmOutput as RfmView;
pub use shoplens_core::jobs::segment::{
    SegmentJob as SegmentRequest, SegmentOutput as SegmentsView, SegmentSource, ELBOW_MAX_K,
};

use super::WorkerClock;
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{compute_progress, with_table};

/// What the Customers page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerJob {
    /// RFM scores and named segments of the order lines in the loaded table.
    Rfm(RfmJob),
    /// k-means segments.
    Segments(SegmentJob),
    /// Churn risk.
    Churn(ChurnJob),
    /// Customer lifetime value.
    Clv(ClvJob),
    /// Cohort retention.
    Cohort(CohortJob),
}

/// What comes back from a [`CustomerJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerOutput {
    /// RFM result.
    Rfm(Box<RfmView>),
    /// k-means result.
    Segments(Box<SegmentsView>),
    /// Churn result.
    Churn(Box<ChurnView>),
    /// Lifetime value result.
    Clv(Box<ClvView>),
    /// Cohort result.
    Cohort(Box<CohortView>),
}

/// The core job `job` runs, defaults filled in from the loaded table.
pub fn spec(job: &CustomerJob) -> Result<Option<Job>, WireError> {
    let core = match job {
        CustomerJob::Rfm(j) => Job::Rfm(j.clone()),
        CustomerJob::Segments(j) => Job::Segment(j.clone()),
        CustomerJob::Churn(j) => Job::Churn(j.clone()),
        CustomerJob::Clv(j) => Job::Clv(j.clone()),
        CustomerJob::Cohort(j) => Job::Cohort(j.clone()),
    };
    with_table(|table| Ok(Some(core.with_defaults(table)?)))
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: CustomerJob) -> Result<Output, WireError> {
    let mut progress = compute_progress(id);
    let output = match job {
        CustomerJob::Rfm(job) => CustomerOutput::Rfm(Box::new(with_table(|table| {
            Ok(rfm::run(&job.check()?, table, &WorkerClock)?)
        })?)),
        CustomerJob::Segments(job) => CustomerOutput::Segments(Box::new(with_table(|table| {
            Ok(segment::run(
                &job.check()?,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?)),
        CustomerJob::Churn(job) => CustomerOutput::Churn(Box::new(with_table(|table| {
            Ok(churn::run(
                &job.check(table)?,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?)),
        CustomerJob::Clv(job) => CustomerOutput::Clv(Box::new(with_table(|table| {
            Ok(clv::run(
                &job.check(table)?,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?)),
        CustomerJob::Cohort(job) => CustomerOutput::Cohort(Box::new(with_table(|table| {
            Ok(cohort::run(&job.check(table)?, table, &WorkerClock)?)
        })?)),
    };
    Ok(Output::Customers(output))
}
