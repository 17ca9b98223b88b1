//! The Products page's jobs in the worker: each decodes into a core job
//! (`shoplens_core::jobs::products`, the same code `shoplens abc-xyz` and `shoplens
//! recommend` run), calls it on the loaded table with progress and sends its typed result
//! back. The messages are in [`crate::worker::protocol::products`].

use shoplens_core::jobs::products::{run_abc_xyz, run_recommend};
use shoplens_core::jobs::Job;

use super::WorkerClock;
use crate::worker::protocol::products::{ProductJob, ProductOutput};
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::thread::loaded::with_table;
use crate::worker::thread::runner::compute_progress;

/// The core job `job` runs, defaults filled in from the loaded table.
pub fn spec(job: &ProductJob) -> Result<Option<Job>, WireError> {
    let core = match job {
        ProductJob::AbcXyz(j) => Job::AbcXyz(j.clone()),
        ProductJob::Recommend(j) => Job::Recommend(j.clone()),
    };
    with_table(|table| Ok(Some(core.with_defaults(table)?)))
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: ProductJob) -> Result<Output, WireError> {
    let mut progress = compute_progress(id);
    let output = match job {
        ProductJob::AbcXyz(job) => ProductOutput::AbcXyz(Box::new(with_table(|table| {
            Ok(run_abc_xyz(
                &job.check(table)?,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?)),
        ProductJob::Recommend(job) => ProductOutput::Recommend(Box::new(with_table(|table| {
            Ok(run_recommend(
                &job.check(table)?,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?)),
    };
    Ok(Output::Products(output))
}
