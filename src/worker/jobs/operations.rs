//! The Operations page's jobs, run in the worker: demand forecasts, inventory policies tuned
//! by the genetic algorithm, delivery routes by simulated annealing, and ad budget splits.
//!
//! Each job calls the same core kernel the CLI calls (`crates/cli/src/cmd/{forecast,
//! inventory,route,budget}.rs`) with the same defaults, so the page and `shoplens` print the
//! same numbers for the same file, parameters and seed. Files picked on the page itself
//! (stops, products, budget history) travel as text inside the job; the table loaded on the
//! Data page is reached through [`with_table`].

use serde::{Deserialize, Serialize};
use shoplens_core::forecast::{
    build_series, forecast_auto, AutoParams, ForecastReport, SeriesSpec,
};
use shoplens_core::optimize::budget::{
    plan_budget, read_history, BudgetParams, BudgetPlan, ChannelHistory,
};
use shoplens_core::optimize::inventory::{
    items_from_table, optimise_inventory, DemandHistory, InventoryParams, InventoryPlan, Item,
};
use shoplens_core::optimize::routes::{
    parse_tsplib, plan_routes, AnnealParams, Instance, RoutePlan,
};
use shoplens_core::table::{read_bytes, ReadOptions, Table};

use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{compute_progress, now_ms, with_table};

/// Most series one forecast job builds (one per group); more groups would only produce
/// a list nobody can read on a page.
pub const MAX_GROUPS: usize = 200;

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
        /// The products file (costs, lead times, case packs).
        products: Source,
        /// Service level, budget, capacity and the genetic algorithm's parameters.
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
    },
}

/// One series' forecast, or why it could not be made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesForecast {
    /// The group's value, `None` without a group column.
    pub group: Option<String>,
    /// Start date of each history period.
    pub periods: Vec<String>,
    /// Start date of each forecast period.
    pub future: Vec<String>,
    /// Season length used.
    pub season: usize,
    /// Horizon used.
    pub horizon: usize,
    /// The forecast, when it could be made.
    pub report: Option<ForecastReport>,
    /// Why not, otherwise.
    pub error: Option<WireError>,
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
        /// Milliseconds the job took in the worker.
        elapsed_ms: f64,
    },
}

fn wire(error: shoplens_core::Error) -> WireError {
    WireError::from(&error)
}

/// Parses the text of a picked file the way the Data page would.
fn parse_text(text: &str) -> Result<Table, WireError> {
    read_bytes(text.as_bytes(), &ReadOptions::default()).map_err(wire)
}

/// Runs `f` on the table `source` names.
fn with_source<R>(
    source: &Source,
    f: impl FnOnce(&mut Table) -> Result<R, WireError>,
) -> Result<R, WireError> {
    match source {
        Source::Loaded => with_table(f),
        Source::Text { text, .. } => f(&mut parse_text(text)?),
    }
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: OperationJob) -> Result<Output, WireError> {
    let started = now_ms();
    let output = match job {
        OperationJob::Forecast {
            spec,
            horizon,
            season,
            level,
        } => forecast(id, &spec, horizon, season, level)?,
        OperationJob::Inventory {
            demand,
            columns,
            products,
            params,
        } => inventory(id, &demand, &columns, &products, &params)?,
        OperationJob::Routes {
            stops,
            depot,
            params,
        } => routes(id, &stops, depot.as_deref(), &params)?,
        OperationJob::Budget {
            history,
            outcome,
            total,
            params,
        } => budget(id, &history, outcome.as_deref(), total, params)?,
    };
    let mut output = output;
    match &mut output {
        OperationOutput::Forecast { elapsed_ms, .. }
        | OperationOutput::Inventory { elapsed_ms, .. }
        | OperationOutput::Routes { elapsed_ms, .. }
        | OperationOutput::Budget { elapsed_ms, .. } => *elapsed_ms = now_ms() - started,
    }
    Ok(Output::Operations(output))
}

/// The horizon the CLI uses when none is given.
pub fn default_horizon(frequency: shoplens_core::forecast::Frequency) -> usize {
    frequency.default_horizon()
}

fn forecast(
    id: JobId,
    spec: &SeriesSpec,
    horizon: Option<usize>,
    season: Option<usize>,
    level: f64,
) -> Result<OperationOutput, WireError> {
    let all = with_table(|table| build_series(table, spec).map_err(wire))?;
    let omitted = all.len().saturating_sub(MAX_GROUPS);
    let mut progress = compute_progress(id);
    let mut out = Vec::with_capacity(all.len().min(MAX_GROUPS));
    for series in all.into_iter().take(MAX_GROUPS) {
        let season = season.unwrap_or_else(|| series.frequency.default_season());
        let horizon = horizon.unwrap_or_else(|| default_horizon(series.frequency));
        let mut params = AutoParams::new(horizon, season);
        params.level = level;
        let (report, error) = match forecast_auto(&series.values, &params, &mut progress) {
            Ok(report) => (Some(report), None),
            Err(e) => (None, Some(wire(e))),
        };
        out.push(SeriesForecast {
            future: series.future_periods(horizon),
            group: series.group,
            periods: series.periods,
            season,
            horizon,
            report,
            error,
        });
    }
    Ok(OperationOutput::Forecast {
        series: out,
        omitted,
        elapsed_ms: 0.0,
    })
}

fn inventory(
    id: JobId,
    demand: &Source,
    columns: &[String; 3],
    products: &Source,
    params: &InventoryParams,
) -> Result<OperationOutput, WireError> {
    let history = with_source(demand, |table| {
        DemandHistory::from_table(table, &columns[0], &columns[1], &columns[2]).map_err(wire)
    })?;
    let items = with_source(products, |table| items_from_table(table).map_err(wire))?;
    // Every product with demand needs a row of costs (as in the CLI's `align`).
    let mut chosen: Vec<Item> = Vec::with_capacity(history.products.len());
    for product in &history.products {
        let item = items
            .iter()
            .find(|i| &i.id == product)
            .ok_or_else(|| WireError {
                zh: format!("产品文件里没有“{product}”这一行，但需求数据里有它。"),
                en: format!("The products file has no row for \"{product}\", which has demand."),
            })?;
        chosen.push(item.clone());
    }
    let mut progress = compute_progress(id);
    let plan = optimise_inventory(&chosen, &history.daily, params, &mut progress).map_err(wire)?;
    Ok(OperationOutput::Inventory {
        plan: Box::new(plan),
        start: history.start,
        elapsed_ms: 0.0,
    })
}

/// Whether `text` is a TSPLIB/CVRPLIB file rather than a table of stops.
pub fn looks_like_tsplib(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".tsp") || lower.ends_with(".vrp") || text.contains("NODE_COORD_SECTION")
}

fn routes(
    id: JobId,
    stops: &Source,
    depot: Option<&str>,
    params: &AnnealParams,
) -> Result<OperationOutput, WireError> {
    let instance = match stops {
        Source::Text { name, text } if looks_like_tsplib(name, text) => {
            parse_tsplib(text).map_err(wire)?
        }
        Source::Text { name, .. } => {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            with_source(stops, |table| {
                Instance::from_table(table, stem, depot).map_err(wire)
            })?
        }
        Source::Loaded => {
            with_table(|table| Instance::from_table(table, "stops", depot).map_err(wire))?
        }
    };
    let mut progress = compute_progress(id);
    let plan = plan_routes(&instance, params, &mut progress).map_err(wire)?;
    Ok(OperationOutput::Routes {
        instance: Box::new(instance),
        plan: Box::new(plan),
        elapsed_ms: 0.0,
    })
}

fn budget(
    id: JobId,
    source: &Source,
    outcome: Option<&str>,
    total: Option<f64>,
    mut params: BudgetParams,
) -> Result<OperationOutput, WireError> {
    let history = with_source(source, |table| read_history(table, outcome).map_err(wire))?;
    let total = total.unwrap_or_else(|| {
        history
            .iter()
            .map(|h| h.spend.iter().sum::<f64>() / h.spend.len().max(1) as f64)
            .sum()
    });
    params.total = total;
    let mut progress = compute_progress(id);
    let plan = plan_budget(&history, &params, &mut progress).map_err(wire)?;
    Ok(OperationOutput::Budget {
        history,
        plan: Box::new(plan),
        total,
        elapsed_ms: 0.0,
    })
}
