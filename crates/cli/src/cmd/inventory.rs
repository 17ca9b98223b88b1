//! `shoplens inventory DEMAND --products PRODUCTS [--budget B] [--capacity C] [--json]`:
//! reorder points and order quantities tuned by a genetic algorithm.

use crate::output::{in_file, print_json, read_table_with, save_job, CliError, WallClock};
use serde_json::json;
use shoplens_core::jobs::optimize::{run_inventory, InventoryJob};
use shoplens_core::jobs::Job;
use shoplens_core::optimize::genetic::GaParams;
use shoplens_core::optimize::inventory::{items_from_table, InventoryParams, Policy};
use shoplens_core::progress::Silent;
use shoplens_core::rt::DEFAULT_SEED;
use std::path::PathBuf;

/// Arguments of `inventory`.
#[derive(clap::Args)]
#[command(
    after_help = "DEMAND is a long CSV of demand: one row per product and date \
(columns product, date, quantity; names set by --product-col/--date-col/--quantity-col). Rows of \
the same product and day are summed; days with no row are zero demand.\n\n\
PRODUCTS is a CSV with one row per product: product, unit_cost, order_cost (per order), \
holding_rate (per year, as a fraction of unit cost), lead_time (days), and optionally case_pack \
(units per case, default 1), min_order (units, default 0), stockout_cost (per unit of lost \
demand, default the unit cost), volume (space per unit, default 1).\n\n\
The baseline is the textbook (R, Q) policy: Q = EOQ in whole cases, R = mean demand over the \
lead time + z * sigma * sqrt(lead time). The genetic algorithm starts from it, so the optimised \
cost is never above the baseline cost. --budget caps sum((R + Q) * unit_cost), --capacity caps \
sum((R + Q) * volume)."
)]
pub struct Args {
    /// Daily demand, long format.
    demand: PathBuf,
    /// Product costs and ordering constraints.
    #[arg(long)]
    products: PathBuf,
    /// Product column of DEMAND.
    #[arg(long, default_value = "product")]
    product_col: String,
    /// Date column of DEMAND.
    #[arg(long, default_value = "date")]
    date_col: String,
    /// Quantity column of DEMAND.
    #[arg(long, default_value = "quantity")]
    quantity_col: String,
    /// Cycle service level of the baseline safety stock.
    #[arg(long, default_value_t = 0.95)]
    service: f64,
    /// Most money the stock may tie up.
    #[arg(long)]
    budget: Option<f64>,
    /// Most warehouse space the stock may take.
    #[arg(long)]
    capacity: Option<f64>,
    /// Individuals per generation.
    #[arg(long, default_value_t = 60)]
    population: usize,
    /// Generations.
    #[arg(long, default_value_t = 150)]
    generations: u64,
    /// Random seed; the same seed gives the same answer.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Print one JSON object with "baseline_cost" and "optimised_cost".
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Write the job that ran (the products' costs included) to this JSON file; `shoplens
    /// run JOB.json DEMAND` reruns it.
    #[arg(long)]
    save_job: Option<PathBuf>,
}

fn policy_json(policy: &Policy) -> serde_json::Value {
    match *policy {
        Policy::ReorderPoint {
            reorder_point,
            quantity,
        } => json!({"reorder_point": reorder_point, "order_quantity": quantity}),
        Policy::MinMax { min, max } => json!({"min": min, "max": max}),
    }
}

/// Reads both files, optimises and prints the comparison.
pub fn run(args: Args) -> Result<(), CliError> {
    let read = args.read.options()?;
    let demand_table = read_table_with(&args.demand, &read)?;
    let items = items_from_table(&read_table_with(&args.products, &read)?)
        .map_err(in_file(&args.products))?;
    let params = InventoryParams {
        service_level: args.service,
        budget: args.budget,
        capacity: args.capacity,
        ga: GaParams {
            population: args.population,
            generations: args.generations,
            seed: args.seed,
            ..GaParams::new()
        },
    };
    let job = InventoryJob {
        product_column: args.product_col.clone(),
        date_column: args.date_col.clone(),
        quantity_column: args.quantity_col.clone(),
        products: items,
        params,
    };
    let checked = job.check(&demand_table).map_err(in_file(&args.demand))?;
    save_job(
        args.save_job.as_deref(),
        &Job::Inventory(checked.spec.clone()),
    )?;
    let out = run_inventory(&checked, &demand_table, &mut Silent, &WallClock::start())
        .map_err(in_file(&args.demand))?;
    let plan = &out.plan;
    if args.json {
        let products: Vec<_> = plan
            .items
            .iter()
            .map(|i| {
                json!({
                    "product": i.id,
                    "eoq": i.baseline.eoq,
                    "safety_stock": i.baseline.safety_stock,
                    "baseline": policy_json(&i.baseline_policy),
                    "optimised": policy_json(&i.optimised_policy),
                    "baseline_cost": i.baseline_simulation.total_cost,
                    "optimised_cost": i.optimised_simulation.total_cost,
                    "baseline_fill_rate": i.baseline_simulation.fill_rate,
                    "optimised_fill_rate": i.optimised_simulation.fill_rate,
                })
            })
            .collect();
        print_json(&json!({
            "baseline_cost": plan.baseline_cost,
            "optimised_cost": plan.optimised_cost,
            "savings": plan.savings,
            "savings_percent": plan.savings_percent,
            "baseline_feasible": plan.baseline_feasible,
            "optimised_feasible": plan.optimised_feasible,
            "baseline_capital": plan.baseline_capital,
            "optimised_capital": plan.optimised_capital,
            "days": out.days,
            "products": products,
            "best_cost_per_generation": plan.run.history.best,
            "seed": plan.seed,
        }));
    } else {
        println!(
            "{} products over {} days from {}: baseline cost {:.2}, optimised {:.2} (saves {:.2}, {:.1}%), seed {}",
            plan.items.len(),
            out.days,
            out.start,
            plan.baseline_cost,
            plan.optimised_cost,
            plan.savings,
            plan.savings_percent,
            plan.seed
        );
        if !plan.baseline_feasible {
            println!("  the baseline breaks the budget or capacity");
        }
        if !plan.optimised_feasible {
            println!("  warning: no policy found within the budget and capacity");
        }
        for i in &plan.items {
            let (
                Policy::ReorderPoint {
                    reorder_point: r0,
                    quantity: q0,
                },
                Policy::ReorderPoint {
                    reorder_point: r1,
                    quantity: q1,
                },
            ) = (i.baseline_policy, i.optimised_policy)
            else {
                continue;
            };
            println!(
                "  {}: R {r0} Q {q0} -> R {r1} Q {q1}; cost {:.2} -> {:.2}; fill rate {:.3} -> {:.3}",
                i.id,
                i.baseline_simulation.total_cost,
                i.optimised_simulation.total_cost,
                i.baseline_simulation.fill_rate,
                i.optimised_simulation.fill_rate
            );
        }
    }
    Ok(())
}
