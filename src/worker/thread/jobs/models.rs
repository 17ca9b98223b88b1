//! The Models page's jobs in the worker: each decodes into a core job
//! (`shoplens_core::jobs::{fit, compare, predict}`, the same code `shoplens fit`, `compare`,
//! `grid` and `predict` run), calls it on the loaded table and sends its typed result back.
//! The only state kept here is the last trained model, for "Save model". The messages are
//! in [`crate::worker::protocol::models`].

use std::cell::RefCell;

use shoplens_core::jobs::compare;
use shoplens_core::jobs::fit::{self, FitJob};
use shoplens_core::jobs::predict::{self, PredictJob};
use shoplens_core::learn::{model_json, TrainedModel};
use shoplens_core::Error;

use super::WorkerClock;
use crate::worker::protocol::models::{ModelJob, ModelOutput, ModelView};
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::thread::loaded::with_table;
use crate::worker::thread::runner::compute_progress;

thread_local! {
    /// The last model trained in this worker and its request, kept for
    /// [`ModelJob::SaveModel`].
    static LAST_MODEL: RefCell<Option<(FitJob, TrainedModel)>> = const { RefCell::new(None) };
}

/// The core job `job` runs, defaults filled in from the loaded table (`None` for the
/// steps that are not analyses: plans, saving and scoring).
pub fn spec(job: &ModelJob) -> Result<Option<shoplens_core::jobs::Job>, WireError> {
    use shoplens_core::jobs::Job;
    let core = match job {
        ModelJob::Train(j) => Job::Fit(j.clone()),
        ModelJob::Compare(j) => Job::Compare(j.clone()),
        ModelJob::Grid(j) => Job::Grid(j.clone()),
        _ => return Ok(None),
    };
    with_table(|table| Ok(Some(core.with_defaults(table)?)))
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: ModelJob) -> Result<Output, WireError> {
    let mut progress = compute_progress(id);
    let output = match job {
        ModelJob::Train(request) => ModelOutput::Trained(Box::new(train(id, &request)?)),
        ModelJob::Plan { target } => {
            ModelOutput::Plan(with_table(|table| Ok(fit::plan(table, &target)?))?)
        }
        ModelJob::Compare(job) => ModelOutput::Compared(with_table(|table| {
            let checked = job.check(table)?;
            Ok(compare::run(
                &checked.cv,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?),
        ModelJob::Grid(job) => ModelOutput::Grid(with_table(|table| {
            let checked = job.check(table)?;
            Ok(compare::run(
                &checked.cv,
                table,
                &mut progress,
                &WorkerClock,
            )?)
        })?),
        ModelJob::SaveModel { request } => {
            let trained = LAST_MODEL.with(|slot| {
                slot.borrow()
                    .as_ref()
                    .is_some_and(|(from, _)| *from == request)
            });
            if !trained {
                train(id, &request)?;
            }
            ModelOutput::ModelJson(LAST_MODEL.with(|slot| match slot.borrow().as_ref() {
                Some((_, model)) => Ok(model_json::to_json(model)?),
                None => Err(WireError::from(Error::not_enough(
                    shoplens_core::Counted::Models,
                    1,
                    0,
                ))),
            })?)
        }
        ModelJob::Predict { model_json } => {
            let model = Box::new(model_json::from_json(&model_json)?);
            let out = with_table(|table| Ok(predict::run(&PredictJob { model }, table)?))?;
            ModelOutput::Predicted {
                csv: out.csv,
                rows: out.rows,
            }
        }
    };
    Ok(Output::Models(output))
}

/// Trains `request` on the loaded table and keeps the model for [`ModelJob::SaveModel`].
fn train(id: JobId, request: &FitJob) -> Result<ModelView, WireError> {
    let mut progress = compute_progress(id);
    let fitted = with_table(|table| {
        let checked = request.check(table)?;
        Ok(fit::run(&checked, table, &mut progress, &WorkerClock)?)
    })?;
    LAST_MODEL.with(|slot| *slot.borrow_mut() = Some((request.clone(), fitted.model)));
    Ok(fitted.output)
}
