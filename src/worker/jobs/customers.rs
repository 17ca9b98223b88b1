//! The Customers page's jobs, run in the worker.

use serde::{Deserialize, Serialize};

use crate::worker::protocol::{JobId, Output, WireError};

/// What the Customers page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerJob {}

/// What comes back from a [`CustomerJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerOutput {}

/// Runs `job` (the job with id `_id`) in the worker.
pub fn run(_id: JobId, job: CustomerJob) -> Result<Output, WireError> {
    match job {}
}
