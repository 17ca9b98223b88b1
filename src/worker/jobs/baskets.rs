//! The Baskets page's jobs, run in the worker.

use serde::{Deserialize, Serialize};

use crate::worker::protocol::{JobId, Output, WireError};

/// What the Baskets page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BasketJob {}

/// What comes back from a [`BasketJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BasketOutput {}

/// Runs `job` (the job with id `_id`) in the worker.
pub fn run(_id: JobId, job: BasketJob) -> Result<Output, WireError> {
    match job {}
}
