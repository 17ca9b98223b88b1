//! The Customers page's jobs in the worker: each decodes into a core job
//! (`shoplens_core::jobs::{rfm, segment, churn, clv, cohort}`, the same code `shoplens rfm`,
//! `segment`, `churn`, `clv` and `cohort` run), calls it on the loaded table and sends its
//! typed result back. The messages are in [`crate::worker::protocol::customers`].

use shoplens_core::jobs::{churn, clv, cohort, rfm, segment, Job};

use super::WorkerClock;
use crate::worker::protocol::customers::{CustomerJob, CustomerOutput};
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::thread::loaded::with_table;
use crate::worker::thread::runner::compute_progress;

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
