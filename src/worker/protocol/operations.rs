//! The Operations page's messages: forecasts, inventory policies, delivery routes and
//! budget splits. Files picked on the page itself (stops, products, budget history) travel
//! as text inside the job ([`Source::Text`]); the table loaded on the Data page is
//! [`Source::Loaded`]. The worker runs them with core's jobs
//! (`shoplens_core::jobs::{forecast, optimize}`) in `crate::worker::thread::jobs::operations`.

use serde::{Deserialize, Serialize};
use shoplens_core::forecast::SeriesSpec;
use shoplens_core::optimize::budget::{BudgetParams, BudgetPlan, ChannelHistory, Period};
use shoplens_core::optimize::inventory::{InventoryParams, InventoryPlan, Item, ProductDefaults};
use shoplens_core::optimize::routes::{AnnealParams, Instance, RoutePlan};

pub use shoplens_core::jobs::forecast::SeriesForecast;

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
