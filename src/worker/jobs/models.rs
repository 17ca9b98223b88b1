//! The Models page's jobs, run in the worker.

use serde::{Deserialize, Serialize};

use crate::worker::protocol::{JobId, Output, WireError};

/// What the Models page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelJob {}

/// What comes back from a [`ModelJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelOutput {}

/// Runs `job` (the job with id `_id`) in the worker.
pub fn run(_id: JobId, job: ModelJob) -> Result<Output, WireError> {
    match job {}
}
