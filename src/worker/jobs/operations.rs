//! The Operations page's jobs, run in the worker: adapters on core's jobs
//! (`shoplens_core::jobs::{forecast, optimize}`, the code `shoplens forecast`, `inventory`,
//! `route`, `budget` and `run` call). Files picked on the page itself (stops, products,
//! budget history) travel as text inside the job; the table loaded on the Data page is
//! reached through [`with_table`]. [`spec`] gives the core job a page's job runs, for
//! "Download job".

use serde::{Deserialize, Serialize};
use shoplens_core::forecast::SeriesSpec;
use shoplens_core::jobs::forecast::{self, ForecastJob};
use shoplens_core::jobs::optimize::{self, BudgetJob, InventoryJob, RouteJob};
use shoplens_core::optimize::budget::{BudgetParams, BudgetPlan, ChannelHistory, Period};
use shoplens_core::optimize::inventory::{
    items_from_table, InventoryParams, InventoryPlan, Item, ProductDefaults,
};
use shoplens_core::optimize::routes::{AnnealParams, Instance, RoutePlan};
use shoplens_core::table::{read_bytes, ReadOptions, Table};

pub use shoplens_core::jobs::forecast::SeriesForecast;

use super::WorkerClock;
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{compute_progress, with_table};

/// Most series one forecast job builds (one per group); more groups would only produce
/// a list nobody can read on a page.
pub const MAX_GROUPS: usize = 200;

/// The loaded table as a source.
static LOADED: Source = Source::Loaded;

/// Where a table of a job comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Source {
    /// The table loaded on the Data page.
    Loaded,
    /// The text of a file picked on this page (or an example built into the app).
    Text {
        /// The file's name (names the instance of a route file).
        name: String,
        /// Its content.
        text: String,
    },
}

/// What the Operations page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OperationJob {
    /// Forecast one series per group of the loaded table.
    Forecast {
        /// Which columns make the series.
        spec: SeriesSpec,
        /// Steps ahead; `None` uses the frequency's default (as the CLI does).
        horizon: Option<usize>,
        /// Season length; `None` uses the frequency's default.
        season: Option<usize>,
        /// Coverage of the interval in percent.
        level: f64,
    },
    /// Tune (R, Q) policies of many products at once.
    Inventory {
        /// Daily demand in long form.
        demand: Source,
        /// Product, date and quantity columns of the demand.
        columns: [String; 3],
        /// The products file (costs, lead times, case packs); unread when `build` is set.
        products: Source,
        /// Build the products from the demand (an order export) with these defaults.
        #[serde(default)]
        build: Option<ProductDefaults>,
        /// Price column of the demand for `build`; empty: detected.
        #[serde(default)]
        price_column: String,
        /// Service level, budget, capacity, holdout and the genetic algorithm's parameters.
        params: InventoryParams,
    },
    /// Plan delivery routes.
    Routes {
        /// A TSPLIB/CVRPLIB file or a table of stops.
        stops: Source,
        /// Id of the depot in a table of stops.
        depot: Option<String>,
        /// Vehicles, capacity, temperature schedule and seed.
        params: AnnealParams,
    },
    /// Fit response curves and split a budget.
    Budget {
        /// Spend and outcome history, long or wide.
        history: Source,
        /// Outcome column of a wide file.
        outcome: Option<String>,
        /// The total to split; `None` splits the mean spend per period of the history.
        total: Option<f64>,
        /// Model choice, limits and the genetic algorithm's parameters (`total` is replaced).
        params: BudgetParams,
        /// Currency of spend; empty: from the file.
        #[serde(default)]
        currency: String,
        /// What one row covers; `None`: from the file's dates.
        #[serde(default)]
        period: Option<Period>,
    },
}

/// What comes back from a [`OperationJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OperationOutput {
    /// Forecasts, one per series.
    Forecast {
        /// The series in order of first appearance.
        series: Vec<SeriesForecast>,
        /// Series left out beyond [`MAX_GROUPS`].
        omitted: usize,
        /// Milliseconds the job took in the worker.
        elapsed_ms: f64,
    },
    /// The tuned inventory plan.
    Inventory {
        /// Baseline and optimised policies, simulations and the convergence history.
        plan: Box<InventoryPlan>,
        /// First day of the demand history.
        start: String,
        /// Milliseconds the job took in the worker.
        elapsed_ms: f64,
        /// The products the plan used (built from the orders, or the products file).
        #[serde(default)]
        products: Vec<Item>,
    },
    /// The planned routes.
    Routes {
        /// The stops (for the map).
        instance: Box<Instance>,
        /// Routes, length and the convergence history.
        plan: Box<RoutePlan>,
        /// Milliseconds the job took in the worker.
        elapsed_ms: f64,
    },
    /// The fitted curves and the three splits.
    Budget {
        /// The history the curves were fitted to.
        history: Vec<ChannelHistory>,
        /// Fits and allocations.
        plan: Box<BudgetPlan>,
        /// The total that was split.
        total: f64,
        /// Currency of spend; empty when the file does not say.
        #[serde(default)]
        currency: String,
        /// What one row (and the total) covers.
        #[serde(default = "row_period")]
        period: Period,
        /// Milliseconds the job took in the worker.
        elapsed_ms: f64,
    },
}

fn row_period() -> Period {
    Period::Row
}

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
