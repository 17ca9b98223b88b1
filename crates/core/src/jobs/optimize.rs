//! The Operations tab's optimisers as jobs: inventory policies tuned by the genetic
//! algorithm (`shoplens inventory`), delivery routes by simulated annealing
//! (`shoplens route`) and ad budget splits (`shoplens budget`).
//!
//! Each spec holds everything but the main file: the inventory job carries its products'
//! costs (so it reruns on the demand file alone), the route job its depot and annealing
//! schedule, the budget job its total (left out: the mean spend per period of the history,
//! written in by `check`).

use crate::optimize::budget::{
    currency_of, period_of, plan_budget, read_history, BudgetParams, BudgetPlan, ChannelHistory,
    ChannelLimit, ModelChoice, Period,
};
use crate::optimize::genetic::GaParams;
use crate::optimize::inventory::{
    optimise_inventory, products_from_orders, DemandHistory, InventoryParams, InventoryPlan, Item,
    ProductDefaults,
};
use crate::optimize::routes::{parse_tsplib, plan_routes, AnnealParams, Instance, RoutePlan};
use crate::progress::Progress;
use crate::rt::Clock;
use crate::schema::understand;
use crate::table::{read_bytes, ReadOptions, Table};
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// Tune (R, Q) policies of many products at once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InventoryJob {
    /// Product column of the demand; empty: the file's item column, else `product`.
    pub product_column: String,
    /// Date column of the demand; empty: the file's time axis, else `date`.
    pub date_column: String,
    /// Quantity column of the demand; empty: the file's quantity column, else `quantity`.
    pub quantity_column: String,
    /// Costs and ordering constraints of every product with demand.
    pub products: Vec<Item>,
    /// Build the products from the demand file itself (an order export): unit cost from
    /// the prices, the rest from these defaults, the best sellers only. Used when
    /// `products` is empty.
    pub build_products: Option<ProductDefaults>,
    /// Price column for `build_products`; empty: the file's price column, else `price`.
    pub price_column: String,
    /// Service level, budget, capacity, holdout and the genetic algorithm's settings.
    pub params: InventoryParams,
}

/// A checked [`InventoryJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedInventory {
    /// The spec with the columns written in.
    pub spec: InventoryJob,
}

impl InventoryJob {
    /// Fills the columns from the table's understanding and checks the parameters.
    pub fn check(&self, table: &Table) -> Result<CheckedInventory> {
        let mut spec = self.clone();
        let open = [
            &spec.product_column,
            &spec.date_column,
            &spec.quantity_column,
        ]
        .iter()
        .any(|c| c.trim().is_empty());
        let suggested = if open {
            understand(table).suggested
        } else {
            Default::default()
        };
        let fill = |given: &str, index: Option<usize>, fallback: &str| {
            if !given.trim().is_empty() {
                return given.to_string();
            }
            index.map_or(fallback.to_string(), |i| {
                table.columns()[i].name().to_string()
            })
        };
        spec.product_column = fill(&spec.product_column, suggested.item_column, "product");
        spec.date_column = fill(&spec.date_column, suggested.date_column, "date");
        spec.quantity_column = fill(&spec.quantity_column, suggested.quantity_column, "quantity");
        let building = spec.products.is_empty() && spec.build_products.is_some();
        if building && spec.price_column.trim().is_empty() {
            let price = understand(table).suggested.price_column;
            spec.price_column = fill(&spec.price_column, price, "price");
        }
        let price = (building).then_some(("price_column", &spec.price_column));
        for (field, name) in [
            ("product_column", &spec.product_column),
            ("date_column", &spec.date_column),
            ("quantity_column", &spec.quantity_column),
        ]
        .into_iter()
        .chain(price)
        {
            if table.column_by_name(name).is_err() {
                return Err(Error::invalid_parameter(field, name, Allowed::ColumnName));
            }
        }
        if let Some(defaults) = spec.build_products.as_ref().filter(|_| building) {
            defaults.check()?;
        }
        if spec.products.is_empty() && !building {
            return Err(Error::invalid_parameter(
                "products",
                "[]",
                Allowed::ProductCosts,
            ));
        }
        spec.params.check()?;
        Ok(CheckedInventory { spec })
    }
}

/// The tuned inventory plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryOutput {
    /// Baseline and optimised policies, simulations and the convergence history.
    pub plan: InventoryPlan,
    /// First day of the demand history.
    pub start: String,
    /// Days of demand history.
    pub days: usize,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
    /// The products the plan used (built from the orders when the job asked for it); the
    /// fronts offer them as the products file to edit.
    #[serde(default)]
    pub products: Vec<Item>,
}

/// Reads the demand of `table`, matches every product to its costs (or builds the costs
/// from the orders) and tunes the policies.
pub fn run_inventory(
    job: &CheckedInventory,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<InventoryOutput> {
    let started = clock.now_seconds();
    let spec = &job.spec;
    let mut history = DemandHistory::from_table(
        table,
        &spec.product_column,
        &spec.date_column,
        &spec.quantity_column,
    )?;
    let built;
    let products = match &spec.build_products {
        Some(defaults) if spec.products.is_empty() => {
            built = products_from_orders(
                table,
                [
                    &spec.product_column,
                    &spec.quantity_column,
                    &spec.price_column,
                ],
                defaults,
            )?;
            // Keep the demand of the products built (the best sellers) only.
            let keep: Vec<bool> = history
                .products
                .iter()
                .map(|p| built.iter().any(|i| &i.id == p))
                .collect();
            let mut flags = keep.iter();
            history.products.retain(|_| *flags.next().unwrap_or(&false));
            let mut flags = keep.iter();
            history.daily.retain(|_| *flags.next().unwrap_or(&false));
            &built
        }
        _ => &spec.products,
    };
    let mut chosen = Vec::with_capacity(history.products.len());
    for product in &history.products {
        let item = products
            .iter()
            .find(|i| &i.id == product)
            .ok_or_else(|| Error::invalid_parameter("products", product, Allowed::ProductCosts))?;
        chosen.push(item.clone());
    }
    let plan = optimise_inventory(&chosen, &history.daily, &spec.params, progress)?;
    Ok(InventoryOutput {
        plan,
        days: history.daily.first().map_or(0, Vec::len),
        start: history.start,
        ms: (clock.now_seconds() - started) * 1000.0,
        products: chosen,
    })
}

/// Plan delivery routes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteJob {
    /// Id of the depot in a table of stops; `None`: the stop named `depot`, else the first.
    pub depot: Option<String>,
    /// Vehicles, capacity, temperature schedule and seed.
    pub params: AnnealParams,
}

/// A checked [`RouteJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedRoute {
    /// The spec.
    pub spec: RouteJob,
}

impl RouteJob {
    /// Checks the annealing parameters.
    pub fn check(&self) -> Result<CheckedRoute> {
        self.params.check()?;
        Ok(CheckedRoute { spec: self.clone() })
    }
}

/// Whether a file is a TSPLIB/CVRPLIB instance rather than a table of stops.
pub fn looks_like_tsplib(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".tsp")
        || lower.ends_with(".vrp")
        || bytes
            .windows(b"NODE_COORD_SECTION".len())
            .any(|w| w == b"NODE_COORD_SECTION")
}

/// The stops of a file named `name`: a TSPLIB/CVRPLIB instance, or a table of stops read
/// as `read` says (the instance is named after the file).
pub fn read_stops(
    name: &str,
    bytes: &[u8],
    read: &ReadOptions,
    depot: Option<&str>,
) -> Result<Instance> {
    if looks_like_tsplib(name, bytes) {
        return parse_tsplib(&String::from_utf8_lossy(bytes));
    }
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    Instance::from_table(&read_bytes(bytes, read)?, stem, depot)
}

/// The planned routes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteOutput {
    /// The stops (for the map).
    pub instance: Instance,
    /// Routes, length and the convergence history.
    pub plan: RoutePlan,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Plans routes through `instance`.
pub fn run_route(
    job: &CheckedRoute,
    instance: Instance,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<RouteOutput> {
    let started = clock.now_seconds();
    let plan = plan_routes(&instance, &job.spec.params, progress)?;
    Ok(RouteOutput {
        instance,
        plan,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

/// Fit response curves and split a budget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetJob {
    /// Outcome column of a wide file; `None`: `outcome`, `sales`, `conversions`, `revenue`
    /// or the last column.
    pub outcome: Option<String>,
    /// The total to split; `None`: the mean spend per period of the history.
    pub total: Option<f64>,
    /// Which curve drives the split. Default the better fit per channel.
    pub model: ModelChoice,
    /// Least and most spend per channel.
    pub limits: Vec<ChannelLimit>,
    /// Increments of the greedy pass. Default 1000.
    pub greedy_steps: usize,
    /// The genetic algorithm's settings.
    pub ga: GaParams,
    /// Currency of spend (ISO code or a symbol); empty: named by a column, else unstated.
    pub currency: String,
    /// What one row covers; `None`: from the spacing of the file's dates, else a row.
    pub period: Option<Period>,
    /// Share of the rows, at the end, the fit check holds out. Default 0.25.
    pub holdout: f64,
}

impl Default for BudgetJob {
    fn default() -> Self {
        let params = BudgetParams::new(0.0);
        BudgetJob {
            outcome: None,
            total: None,
            model: params.model,
            limits: params.limits,
            greedy_steps: params.greedy_steps,
            ga: params.ga,
            currency: String::new(),
            period: None,
            holdout: params.holdout,
        }
    }
}

/// A checked [`BudgetJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedBudget {
    /// The spec with the total written in.
    pub spec: BudgetJob,
    /// The history read from the table.
    pub history: Vec<ChannelHistory>,
    /// The kernel's parameters.
    pub params: BudgetParams,
}

impl BudgetJob {
    /// Reads the history of `table`, fills the total and checks the parameters.
    pub fn check(&self, table: &Table) -> Result<CheckedBudget> {
        let history = read_history(table, self.outcome.as_deref())?;
        let total = self.total.unwrap_or_else(|| {
            history
                .iter()
                .map(|h| h.spend.iter().sum::<f64>() / h.spend.len().max(1) as f64)
                .sum()
        });
        if !(total.is_finite() && total > 0.0) {
            return Err(Error::invalid_parameter("total", total, Allowed::Positive));
        }
        if self.greedy_steps == 0 {
            return Err(Error::invalid_parameter(
                "greedy_steps",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        self.ga.check()?;
        let currency = if self.currency.trim().is_empty() {
            currency_of(table).unwrap_or_default().to_string()
        } else {
            self.currency.trim().to_string()
        };
        let spec = BudgetJob {
            total: Some(total),
            currency,
            period: Some(self.period.unwrap_or_else(|| period_of(table))),
            ..self.clone()
        };
        let params = BudgetParams {
            total,
            model: spec.model,
            limits: spec.limits.clone(),
            greedy_steps: spec.greedy_steps,
            ga: spec.ga.clone(),
            holdout: spec.holdout,
        };
        Ok(CheckedBudget {
            spec,
            history,
            params,
        })
    }
}

/// The fitted curves and the three splits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetOutput {
    /// The history the curves were fitted to.
    pub history: Vec<ChannelHistory>,
    /// Fits and allocations.
    pub plan: BudgetPlan,
    /// The total that was split.
    pub total: f64,
    /// Currency of spend; empty when the file does not say.
    pub currency: String,
    /// What one row of the history (and the total) covers.
    pub period: Period,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Fits the curves and splits the budget.
pub fn run_budget(
    job: &CheckedBudget,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<BudgetOutput> {
    let started = clock.now_seconds();
    let plan = plan_budget(&job.history, &job.params, progress)?;
    Ok(BudgetOutput {
        history: job.history.clone(),
        plan,
        total: job.params.total,
        currency: job.spec.currency.clone(),
        period: job.spec.period.unwrap_or(Period::Row),
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::inventory::items_from_table;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;

    const BERLIN: &[u8] = include_bytes!("../../../../testdata/tsplib/berlin52.tsp");
    const STOPS: &[u8] = include_bytes!("../../../../public/samples/berlin52-stops.csv");
    const ADS: &[u8] = include_bytes!("../../../../testdata/islr-advertising/Advertising.csv");

    fn table(bytes: &[u8]) -> Table {
        read_bytes(bytes, &ReadOptions::default()).unwrap()
    }

    /// The route job plans what `plan_routes` plans, from a TSPLIB file or a table, and
    /// round-trips through JSON.
    #[test]
    fn route_job_matches_the_kernel() {
        let job: RouteJob = serde_json::from_str(r#"{"params": {"levels": 50, "moves_per_level": null, "initial_temperature": null, "final_temperature_ratio": 0.001, "vehicles": null, "capacity": null, "speed": 1.0, "lateness_penalty": 100.0, "seed": 7}}"#).unwrap();
        let checked = job.check().unwrap();
        let instance = read_stops("berlin52.tsp", BERLIN, &ReadOptions::default(), None).unwrap();
        let direct = plan_routes(&instance, &job.params, &mut Silent).unwrap();
        let out = run_route(&checked, instance, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(out.plan.length.to_bits(), direct.length.to_bits());
        let stops = read_stops("berlin52-stops.csv", STOPS, &ReadOptions::default(), None).unwrap();
        assert_eq!(stops.name, "berlin52-stops");
        assert_eq!(stops.len(), 52);
        let text = serde_json::to_string(&crate::jobs::Job::Route(job.clone())).unwrap();
        assert_eq!(
            serde_json::from_str::<crate::jobs::Job>(&text).unwrap(),
            crate::jobs::Job::Route(job)
        );
        let bad = RouteJob {
            params: AnnealParams {
                levels: 0,
                ..AnnealParams::new()
            },
            ..RouteJob::default()
        };
        assert!(bad.check().unwrap_err().to_string().contains("levels"));
    }

    /// The budget job fills the total with the mean spend and splits as `plan_budget` does.
    #[test]
    fn budget_job_fills_the_total_and_matches_the_kernel() {
        let ads = table(ADS);
        let job: BudgetJob = serde_json::from_str(r#"{"ga": {"population": 20, "generations": 10, "crossover_rate": 0.9, "mutation_rate": 0.1, "elitism": 2, "tournament": 3, "seed": 42}}"#).unwrap();
        let checked = job.check(&ads).unwrap();
        let total = checked.spec.total.unwrap();
        let history = read_history(&ads, None).unwrap();
        let mean: f64 = history
            .iter()
            .map(|h| h.spend.iter().sum::<f64>() / h.spend.len() as f64)
            .sum();
        assert!((total - mean).abs() < 1e-9);
        let out = run_budget(&checked, &mut Silent, &FrozenClock).unwrap();
        let direct = plan_budget(&history, &checked.params, &mut Silent).unwrap();
        assert_eq!(
            out.plan.allocation.genetic.predicted.to_bits(),
            direct.allocation.genetic.predicted.to_bits()
        );
        let bad = BudgetJob {
            total: Some(-1.0),
            ..job
        };
        assert!(bad.check(&ads).unwrap_err().to_string().contains("total"));
    }

    /// The inventory job matches every product with demand to its costs, names a missing
    /// one, and gives the kernel's costs.
    #[test]
    fn inventory_job_matches_the_kernel() {
        let demand = table(
            b"product,date,quantity\nA,2024-01-01,3\nB,2024-01-01,1\nA,2024-01-02,4\nB,2024-01-03,2\nA,2024-01-04,5\nB,2024-01-05,2\n",
        );
        let products = items_from_table(&table(
            b"product,unit_cost,order_cost,holding_rate,lead_time\nA,10,20,0.2,2\nB,5,10,0.2,1\n",
        ))
        .unwrap();
        let mut job = InventoryJob {
            products: products.clone(),
            ..InventoryJob::default()
        };
        job.params.ga.generations = 5;
        job.params.ga.population = 10;
        let checked = job.check(&demand).unwrap();
        assert_eq!(checked.spec.product_column, "product");
        let out = run_inventory(&checked, &demand, &mut Silent, &FrozenClock).unwrap();
        let history = DemandHistory::from_table(&demand, "product", "date", "quantity").unwrap();
        let direct =
            optimise_inventory(&products, &history.daily, &job.params, &mut Silent).unwrap();
        assert_eq!(
            out.plan.optimised_cost.to_bits(),
            direct.optimised_cost.to_bits()
        );
        assert_eq!(out.days, 5);
        let missing = InventoryJob {
            products: products[..1].to_vec(),
            ..job.clone()
        };
        let err = run_inventory(
            &missing.check(&demand).unwrap(),
            &demand,
            &mut Silent,
            &FrozenClock,
        )
        .unwrap_err();
        assert!(err.to_string().contains("products"));
        let none = InventoryJob {
            products: Vec::new(),
            ..job
        };
        assert!(none
            .check(&demand)
            .unwrap_err()
            .to_string()
            .contains("products"));
    }
}
