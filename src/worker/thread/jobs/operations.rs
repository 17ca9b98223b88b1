//! The Operations page's jobs in the worker: adapters on core's jobs
//! (`shoplens_core::jobs::{forecast, optimize}`, the code `shoplens forecast`, `inventory`,
//! `route`, `budget` and `run` call). A picked file's text is read as the Data page would
//! read it; the loaded table is reached through [`with_table`]. [`spec`] gives the core job
//! a page's job runs, for "Download job". The messages are in
//! [`crate::worker::protocol::operations`].

use shoplens_core::jobs::forecast::{self, ForecastJob};
use shoplens_core::jobs::optimize::{self, BudgetJob, InventoryJob, RouteJob};
use shoplens_core::optimize::inventory::items_from_table;
use shoplens_core::optimize::routes::Instance;
use shoplens_core::table::{read_bytes, ReadOptions, Table};

use super::WorkerClock;
use crate::worker::protocol::operations::{OperationJob, OperationOutput, Source, MAX_GROUPS};
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::thread::loaded::with_table;
use crate::worker::thread::runner::compute_progress;

/// The loaded table as a source.
static LOADED: Source = Source::Loaded;

/// Runs `f` on the table `source` names (a picked file is read as the Data page would).
fn with_source<R>(
    source: &Source,
    f: impl FnOnce(&mut Table) -> Result<R, WireError>,
) -> Result<R, WireError> {
    match source {
        Source::Loaded => with_table(f),
        Source::Text { text, .. } => f(&mut read_bytes(text.as_bytes(), &ReadOptions::default())?),
    }
}

/// The core job `job` runs, and the source of the table it runs on.
pub fn core_job(job: &OperationJob) -> Result<(shoplens_core::jobs::Job, &Source), WireError> {
    use shoplens_core::jobs::Job;
    Ok(match job {
        OperationJob::Forecast {
            spec,
            horizon,
            season,
            level,
        } => {
            let job = ForecastJob {
                date_column: spec.date_column.clone(),
                value_column: spec.value_column.clone(),
                price_column: spec.price_column.clone(),
                group_column: spec.group_column.clone(),
                frequency: spec.frequency,
                horizon: *horizon,
                season: *season,
                level: *level,
                max_series: Some(MAX_GROUPS),
                ..ForecastJob::default()
            };
            (Job::Forecast(job), &LOADED)
        }
        OperationJob::Inventory {
            demand,
            columns,
            products,
            build,
            price_column,
            params,
        } => {
            let [product_column, date_column, quantity_column] = columns.clone();
            let job = InventoryJob {
                product_column,
                date_column,
                quantity_column,
                products: match build {
                    Some(_) => Vec::new(),
                    None => with_source(products, |table| Ok(items_from_table(table)?))?,
                },
                build_products: build.clone(),
                price_column: price_column.clone(),
                params: params.clone(),
            };
            (Job::Inventory(job), demand)
        }
        OperationJob::Routes {
            stops,
            depot,
            params,
        } => {
            let job = RouteJob {
                depot: depot.clone(),
                params: params.clone(),
            };
            (Job::Route(job), stops)
        }
        OperationJob::Budget {
            history,
            outcome,
            total,
            params,
            currency,
            period,
        } => {
            let job = BudgetJob {
                outcome: outcome.clone(),
                total: *total,
                model: params.model,
                limits: params.limits.clone(),
                greedy_steps: params.greedy_steps,
                ga: params.ga.clone(),
                currency: currency.clone(),
                period: *period,
                holdout: params.holdout,
            };
            (Job::Budget(job), history)
        }
    })
}

/// The core job `job` runs, with every default decided from its table written in.
pub fn spec(job: &OperationJob) -> Result<Option<shoplens_core::jobs::Job>, WireError> {
    let (core, source) = core_job(job)?;
    with_source(source, |table| Ok(Some(core.with_defaults(table)?)))
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: OperationJob) -> Result<Output, WireError> {
    let (core, source) = core_job(&job)?;
    let mut progress = compute_progress(id);
    let clock = &WorkerClock;
    use shoplens_core::jobs::Job;
    let output = match core {
        Job::Forecast(j) => with_table(|table| {
            let out = forecast::run(&j.check(table)?, table, &mut progress, clock)?;
            Ok(OperationOutput::Forecast {
                series: out.series,
                omitted: out.omitted,
                elapsed_ms: out.ms,
            })
        })?,
        Job::Inventory(j) => with_source(source, |table| {
            let out = optimize::run_inventory(&j.check(table)?, table, &mut progress, clock)?;
            Ok(OperationOutput::Inventory {
                plan: Box::new(out.plan),
                start: out.start,
                elapsed_ms: out.ms,
                products: out.products,
            })
        })?,
        Job::Route(j) => {
            let checked = j.check()?;
            let depot = checked.spec.depot.as_deref();
            let instance = match source {
                Source::Text { name, text } => {
                    optimize::read_stops(name, text.as_bytes(), &ReadOptions::default(), depot)?
                }
                Source::Loaded => {
                    with_table(|table| Ok(Instance::from_table(table, "stops", depot)?))?
                }
            };
            let out = optimize::run_route(&checked, instance, &mut progress, clock)?;
            OperationOutput::Routes {
                instance: Box::new(out.instance),
                plan: Box::new(out.plan),
                elapsed_ms: out.ms,
            }
        }
        Job::Budget(j) => {
            let checked = with_source(source, |table| Ok(j.check(table)?))?;
            let out = optimize::run_budget(&checked, &mut progress, clock)?;
            OperationOutput::Budget {
                history: out.history,
                plan: Box::new(out.plan),
                total: out.total,
                currency: out.currency,
                period: out.period,
                elapsed_ms: out.ms,
            }
        }
        _ => {
            return Err(WireError {
                zh: "不是运营优化的任务。".into(),
                en: "Not an Operations job.".into(),
            })
        }
    };
    Ok(Output::Operations(output))
}
