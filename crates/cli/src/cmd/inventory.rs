//! `shoplens inventory DEMAND (--products PRODUCTS | --build-products) [--budget B]
//! [--capacity C] [--holdout H] [--json]`: reorder points and order quantities tuned by a
//! genetic algorithm on the first part of the history and checked on the rest.

use crate::interrupt::Interrupt;
use crate::output::{in_file, print_json, read_table_with, save_job, CliError, WallClock};
use serde_json::json;
use shoplens_core::jobs::optimize::{run_inventory, InventoryJob};
use shoplens_core::jobs::Job;
use shoplens_core::optimize::genetic::GaParams;
use shoplens_core::optimize::inventory::{
    items_from_table, products_csv, InventoryParams, Policy, ProductDefaults, Recommendation,
};
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
sum((R + Q) * volume); a limit below what the smallest plan needs is an error.\n\n\
--build-products makes PRODUCTS from DEMAND itself when it is an order export: unit cost is the \
quantity-weighted mean price (--price-col, times --cost-share), the other costs come from the \
flags below, for the --max-products best sellers; --write-products saves that file to edit.\n\n\
The last --holdout share of the days is held out: the policies are tuned on the days before \
(in-sample figures) and replayed on the held-out days and --shifts cyclic shifts of them \
(out-of-sample figures). When the tuned policies cost no less than the baseline out of sample, \
the baseline is recommended."
)]
pub struct Args {
    /// Daily demand, long format.
    demand: PathBuf,
    /// Product costs and ordering constraints.
    #[arg(long, required_unless_present = "build_products")]
    products: Option<PathBuf>,
    /// Build the products from DEMAND (an order export with prices).
    #[arg(long, conflicts_with = "products")]
    build_products: bool,
    /// Product column of DEMAND (default: detected, else "product").
    #[arg(long)]
    product_col: Option<String>,
    /// Date column of DEMAND (default: detected, else "date").
    #[arg(long)]
    date_col: Option<String>,
    /// Quantity column of DEMAND (default: detected, else "quantity").
    #[arg(long)]
    quantity_col: Option<String>,
    /// Price column for --build-products (default: detected, else "price").
    #[arg(long)]
    price_col: Option<String>,
    /// --build-products: unit cost as a share of the price.
    #[arg(long, default_value_t = ProductDefaults::new().cost_share)]
    cost_share: f64,
    /// --build-products: cost of placing one order.
    #[arg(long, default_value_t = ProductDefaults::new().order_cost)]
    order_cost: f64,
    /// --build-products: holding cost per year as a share of unit cost.
    #[arg(long, default_value_t = ProductDefaults::new().holding_rate)]
    holding_rate: f64,
    /// --build-products: days from order to delivery.
    #[arg(long, default_value_t = ProductDefaults::new().lead_time)]
    lead_time: u32,
    /// --build-products: units per case.
    #[arg(long, default_value_t = ProductDefaults::new().case_pack)]
    case_pack: f64,
    /// --build-products: smallest order in units.
    #[arg(long, default_value_t = ProductDefaults::new().min_order)]
    min_order: f64,
    /// --build-products: products kept, by units sold.
    #[arg(long, default_value_t = ProductDefaults::new().max_products)]
    max_products: usize,
    /// Write the products file the plan used (the template to edit) to this CSV.
    #[arg(long)]
    write_products: Option<PathBuf>,
    /// Share of the days, at the end, held out of the tuning (0: none).
    #[arg(long, default_value_t = InventoryParams::new().holdout)]
    holdout: f64,
    /// Cyclic shifts of the held-out days to replay.
    #[arg(long, default_value_t = InventoryParams::new().shifts)]
    shifts: usize,
    /// Cycle service level of every product's baseline safety stock (default: each
    /// product's from its ABC/XYZ class on the tuning days, AX 0.99 … CZ 0.90).
    #[arg(long)]
    service: Option<f64>,
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
    let items = match &args.products {
        Some(path) => items_from_table(&read_table_with(path, &read)?).map_err(in_file(path))?,
        None => Vec::new(),
    };
    let params = InventoryParams {
        service_level: args.service.unwrap_or(InventoryParams::new().service_level),
        service_level_by_class: args.service.is_none(),
        budget: args.budget,
        capacity: args.capacity,
        ga: GaParams {
            population: args.population,
            generations: args.generations,
            seed: args.seed,
            ..GaParams::new()
        },
        holdout: args.holdout,
        shifts: args.shifts,
    };
    let job = InventoryJob {
        product_column: args.product_col.clone().unwrap_or_default(),
        date_column: args.date_col.clone().unwrap_or_default(),
        quantity_column: args.quantity_col.clone().unwrap_or_default(),
        products: items,
        build_products: args.build_products.then_some(ProductDefaults {
            cost_share: args.cost_share,
            order_cost: args.order_cost,
            holding_rate: args.holding_rate,
            lead_time: args.lead_time,
            case_pack: args.case_pack,
            min_order: args.min_order,
            max_products: args.max_products,
        }),
        price_column: args.price_col.clone().unwrap_or_default(),
        params,
    };
    let checked = job.check(&demand_table).map_err(in_file(&args.demand))?;
    save_job(
        args.save_job.as_deref(),
        &Job::Inventory(checked.spec.clone()),
    )?;
    let out = run_inventory(&checked, &demand_table, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.demand))?;
    if let Some(path) = &args.write_products {
        std::fs::write(path, products_csv(&out.products))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let plan = &out.plan;
    let held_out = plan.evaluation.as_ref();
    if args.json {
        let products: Vec<_> = plan
            .items
            .iter()
            .map(|i| {
                json!({
                    "product": i.id,
                    "class": i.class,
                    "service_level": i.service_level,
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
            "in_sample": {
                "days": held_out.map_or(out.days, |e| e.training_days),
                "baseline_cost": plan.baseline_cost,
                "optimised_cost": plan.optimised_cost,
                "savings_percent": plan.savings_percent,
                "baseline_fill_rate": plan.baseline_fill_rate,
                "optimised_fill_rate": plan.optimised_fill_rate,
            },
            "out_of_sample": held_out.map(|e| json!({
                "days": e.held_out_days,
                "baseline_cost": e.baseline.cost,
                "optimised_cost": e.optimised.cost,
                "savings_percent": e.savings_percent,
                "baseline_fill_rate": e.baseline.fill_rate,
                "optimised_fill_rate": e.optimised.fill_rate,
                "shifts": e.shifts,
                "recommendation": e.recommendation,
            })),
            "holdout_days_needed": plan.holdout_days_needed,
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
        match held_out {
            Some(e) => {
                println!(
                    "  in sample (first {} days, tuned on): saves {:.1}%, fill rate {:.3} -> {:.3}",
                    e.training_days,
                    plan.savings_percent,
                    plan.baseline_fill_rate,
                    plan.optimised_fill_rate,
                );
                println!(
                    "  out of sample (last {} days, not tuned on): baseline {:.2}, optimised {:.2} (saves {:.1}%), fill rate {:.3} -> {:.3}",
                    e.held_out_days,
                    e.baseline.cost,
                    e.optimised.cost,
                    e.savings_percent,
                    e.baseline.fill_rate,
                    e.optimised.fill_rate
                );
                println!(
                    "  over {} cyclic shifts of the held-out days: mean saving {:.1}%, worst {:.1}%, costlier than the baseline in {}, fill rate below {} in {} (baseline {})",
                    e.shifts.count,
                    e.shifts.mean_savings_percent,
                    e.shifts.worst_savings_percent,
                    e.shifts.worse_than_baseline,
                    shoplens_core::optimize::inventory::FILL_RATE_TARGET,
                    e.shifts.below_fill_target,
                    e.shifts.baseline_below_fill_target
                );
                if e.recommendation == Recommendation::Baseline {
                    println!("  recommendation: keep the baseline policies (the tuned ones are no cheaper on days they were not tuned on)");
                } else {
                    println!("  recommendation: the optimised policies");
                }
            }
            None => println!(
                "  in sample only: every day was used for tuning{}",
                plan.holdout_days_needed
                    .map(|n| format!(" (holding days out needs {n} days of history)"))
                    .unwrap_or_default()
            ),
        }
        if !plan.baseline_feasible {
            println!("  the baseline breaks the budget or capacity");
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
