//! The analysis pages' jobs in the worker, one module per page: adapters on core's jobs
//! (`shoplens_core::jobs`). The page's job and output types are in
//! [`crate::worker::protocol`]; each module here has `run`, which decodes a page's job into
//! a core job, checks and runs it on the loaded table (reached through
//! [`super::loaded::with_table`]) with progress through [`super::runner::compute_progress`],
//! and shapes the result for the page, and `spec`, the core job a page's job runs (for
//! "Download job", see [`spec`]). No analysis logic lives here: it is in core, where the
//! CLI reaches it and native tests check it.

use crate::worker::protocol::{Job, JobId, Output, WireError};

pub mod baskets;
pub mod customers;
pub mod models;
pub mod operations;
pub mod products;

/// The worker's clock in seconds, for the timings core's jobs report.
pub struct WorkerClock;

impl shoplens_core::rt::Clock for WorkerClock {
    fn now_seconds(&self) -> f64 {
        crate::worker::thread::runner::now_ms() / 1000.0
    }
}

/// The core job spec a page's analysis job runs, defaults filled in from its table, as
/// pretty JSON: the answer to [`Job::Spec`].
pub fn spec(id: JobId, job: Job) -> Result<Output, WireError> {
    let core = match &job {
        Job::Baskets(j) => baskets::spec(id, j)?,
        Job::Models(j) => models::spec(j)?,
        Job::Customers(j) => customers::spec(j)?,
        Job::Operations(j) => operations::spec(j)?,
        Job::Products(j) => products::spec(j)?,
        _ => None,
    };
    let core = core.ok_or_else(|| WireError {
        zh: "这一步不是一项分析，没有可下载的任务。".into(),
        en: "This step is not an analysis: it has no job to download.".into(),
    })?;
    let json = serde_json::to_string_pretty(&core).map_err(|e| WireError {
        zh: format!("无法写出任务：{e}"),
        en: format!("Could not write the job: {e}"),
    })?;
    Ok(Output::Spec { json: json + "\n" })
}
