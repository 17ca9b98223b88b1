//! The Baskets page's jobs in the worker: adapters on core's baskets job
//! (`shoplens_core::jobs::baskets`, the code `shoplens baskets`, `itemsets`, `rules` and
//! `run` call). Order lines and 0/1 matrices are built from the loaded table (so the user's
//! type overrides and personal-data protections apply), one-basket-per-line files from the
//! file's bytes, read again only then. The understanding the worker keeps for the loaded
//! file (with the user's corrections) goes into core's `build_understood` and
//! `run_understood`, so the file is understood once, at load. The messages are in
//! [`crate::worker::protocol::baskets`].

use std::sync::Arc;

use shoplens_core::jobs::baskets::{self, BasketsJob};
use shoplens_core::progress::Stage as CoreStage;

use super::WorkerClock;
use crate::worker::protocol::baskets::{BasketJob, BasketOutput, Behind, Mined, MAX_BEHIND};
use crate::worker::protocol::{JobId, Output, Stage, WireError};
use crate::worker::thread::load::read_all;
use crate::worker::thread::loaded::{loaded_file, with_loaded};
use crate::worker::thread::runner::{now_ms, progress, wasm_memory_bytes};

/// A core error, or the worker's own (no file loaded, reading failed).
struct BuildError(WireError);

impl From<shoplens_core::Error> for BuildError {
    fn from(error: shoplens_core::Error) -> BuildError {
        BuildError(WireError::from(error))
    }
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: BasketJob) -> Result<Output, WireError> {
    let output = match job {
        BasketJob::Prepare { source } => {
            let job = BasketsJob { source, mine: None };
            BasketOutput::Prepared(run_core(id, &job)?.prepared)
        }
        BasketJob::Mine { source, settings } => {
            let job = BasketsJob {
                source,
                mine: Some(settings.clone()),
            };
            let out = run_core(id, &job)?;
            let mined = out.mined.ok_or_else(|| WireError::from(no_search()))?;
            BasketOutput::Mined(Arc::new(Mined::shaped(
                out.prepared,
                settings,
                out.job,
                mined,
                wasm_memory_bytes(),
            )))
        }
        BasketJob::Behind { source, items } => {
            let bytes = file_bytes(id)?;
            let (total, baskets) = with_loaded(|loaded| {
                let (tx, _) = baskets::build_understood(
                    &source,
                    &loaded.table,
                    &loaded.understanding,
                    bytes,
                    &WorkerClock,
                )
                .map_err(|e| e.0)?;
                Ok(baskets::baskets_with(&tx, &items, MAX_BEHIND)?)
            })?;
            BasketOutput::Behind(Behind {
                items,
                total,
                baskets,
            })
        }
    };
    Ok(Output::Baskets(output))
}

/// The core job a search runs, with the shape and columns the builder uses written in
/// (`None` for building alone and the baskets behind a rule).
pub fn spec(id: JobId, job: &BasketJob) -> Result<Option<shoplens_core::jobs::Job>, WireError> {
    let BasketJob::Mine { source, settings } = job else {
        return Ok(None);
    };
    let spec = BasketsJob {
        source: source.clone(),
        mine: Some(settings.clone()),
    };
    spec.check()?;
    let bytes = file_bytes(id)?;
    let filled = with_loaded(|loaded| {
        let (_, prepared) = baskets::build_understood(
            source,
            &loaded.table,
            &loaded.understanding,
            bytes,
            &WorkerClock,
        )
        .map_err(|e| e.0)?;
        Ok(source.filled(&prepared.report))
    })?;
    Ok(Some(shoplens_core::jobs::Job::Baskets(BasketsJob {
        source: filled,
        ..spec
    })))
}

/// The loaded file's bytes for job `id`, read again only when the builder asks (one basket
/// per line). The file's handle is taken here, before the table is borrowed.
fn file_bytes(id: JobId) -> Result<impl FnOnce() -> Result<Vec<u8>, BuildError>, WireError> {
    let file = loaded_file()?;
    Ok(move || read_all(id, &file).map_err(BuildError))
}

fn no_search() -> shoplens_core::Error {
    shoplens_core::Error::invalid_parameter("mine", "null", shoplens_core::Allowed::SearchSettings)
}

/// Checks and runs core's job on the loaded table.
fn run_core(id: JobId, job: &BasketsJob) -> Result<baskets::BasketsOutput, WireError> {
    let checked = job.check()?;
    let mut progress = search_progress(id);
    let bytes = file_bytes(id)?;
    with_loaded(|loaded| {
        baskets::run_understood(
            &checked,
            &loaded.table,
            &loaded.understanding,
            bytes,
            &mut progress,
            &WorkerClock,
        )
        .map_err(|e| e.0)
    })
}

/// Least milliseconds between two progress messages of a search.
const PROGRESS_EVERY_MS: f64 = 50.0;

/// Forwards core's progress to the page by stage: [`CoreStage::Mine`] as
/// [`Stage::Itemsets`] (first-level branches done of all), [`CoreStage::Rules`] as
/// [`Stage::Rules`]; at most one message per [`PROGRESS_EVERY_MS`], but always the first
/// report of a stage and the last.
fn search_progress(
    id: JobId,
) -> impl FnMut(CoreStage, u64, u64) -> shoplens_core::progress::Control {
    let mut last_report = f64::NEG_INFINITY;
    let mut last_stage = Stage::Compute;
    move |core_stage: CoreStage, done: u64, total: u64| {
        let stage = match core_stage {
            CoreStage::Mine => Stage::Itemsets,
            CoreStage::Rules => Stage::Rules,
            _ => Stage::Compute,
        };
        let now = now_ms();
        if stage != last_stage
            || now - last_report >= PROGRESS_EVERY_MS
            || (total > 0 && done >= total)
        {
            last_report = now;
            last_stage = stage;
            progress(id, stage, done, total);
        }
        shoplens_core::progress::Control::Continue
    }
}
