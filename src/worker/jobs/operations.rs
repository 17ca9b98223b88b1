//! The Operations page's jobs, run in the worker.

use serde::{Deserialize, Serialize};

use crate::worker::protocol::{JobId, Output, WireError};

/// What the Operations page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OperationJob {}

/// What comes back from a [`OperationJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OperationOutput {}

/// Runs `job` (the job with id `_id`) in the worker.
pub fn run(_id: JobId, job: OperationJob) -> Result<Output, WireError> {
    match job {}
}
