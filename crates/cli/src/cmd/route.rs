//! `shoplens route FILE [--vehicles K] [--capacity C] [--seed S] [--json]`: delivery routes
//! by simulated annealing.

use crate::interrupt::Interrupt;
use crate::output::{in_file, print_json, read_file, save_job, CliError, WallClock};
use serde_json::json;
use shoplens_core::jobs::optimize::{read_stops, run_route, RouteJob};
use shoplens_core::jobs::Job;
use shoplens_core::optimize::routes::{AnnealParams, Instance, Metric, RoutePlan};
use shoplens_core::rt::DEFAULT_SEED;
use std::path::PathBuf;

/// Arguments of `route`.
#[derive(clap::Args)]
#[command(
    after_help = "FILE is a TSPLIB .tsp / CVRPLIB .vrp file (EUC_2D; lengths are sums of \
nint-rounded edges, the library's convention) or a CSV of stops with columns id, lat/lon \
(haversine, km) or x/y (Euclidean), and optionally demand, ready, due, service (time windows, \
in distance units / --speed). The depot is the stop with id \"depot\", --depot, or the first row."
)]
pub struct Args {
    /// The stops file.
    file: PathBuf,
    /// Most vehicles (routes) to use.
    #[arg(long)]
    vehicles: Option<usize>,
    /// Vehicle capacity (overrides CAPACITY of a .vrp file).
    #[arg(long)]
    capacity: Option<f64>,
    /// Id of the depot stop in a CSV file.
    #[arg(long)]
    depot: Option<String>,
    /// Temperature levels of the annealing.
    #[arg(long, default_value_t = 1000)]
    levels: u64,
    /// Distance units per time unit, for time windows.
    #[arg(long, default_value_t = 1.0)]
    speed: f64,
    /// Random seed; the same seed gives the same routes.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Print one JSON object: {"length": L, "routes": [[stop ids...], ...], ...}.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
    /// Write the job that ran to this JSON file (`shoplens run` reruns it).
    #[arg(long)]
    save_job: Option<PathBuf>,
}

/// Reads the stops, plans the routes and prints them.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let params = AnnealParams {
        levels: args.levels,
        vehicles: args.vehicles,
        capacity: args.capacity,
        speed: args.speed,
        seed: args.seed,
        ..AnnealParams::new()
    };
    let job = RouteJob {
        depot: args.depot.clone(),
        params,
    };
    let checked = job.check().map_err(|e| e.to_string())?;
    save_job(args.save_job.as_deref(), &Job::Route(checked.spec.clone()))?;
    let name = args.file.to_string_lossy();
    let instance = read_stops(&name, &bytes, &args.read.options()?, job.depot.as_deref())
        .map_err(in_file(&args.file))?;
    let out = run_route(&checked, instance, &mut Interrupt, &WallClock::start())
        .map_err(in_file(&args.file))?;
    let (instance, plan) = (&out.instance, &out.plan);
    if args.json {
        print_json(&to_json(instance, plan));
    } else {
        print_text(instance, plan);
    }
    Ok(())
}

/// Lengths in the file's convention: whole numbers for TSPLIB's rounded distances.
fn length_value(metric: Metric, length: f64) -> serde_json::Value {
    if metric == Metric::Euc2dRounded {
        json!(length.round() as i64)
    } else {
        json!(length)
    }
}

fn to_json(instance: &Instance, plan: &RoutePlan) -> serde_json::Value {
    let routes: Vec<_> = plan.routes.iter().map(|r| json!(r.ids)).collect();
    json!({
        "length": length_value(instance.metric, plan.length),
        "routes": routes,
        "vehicles": plan.routes.len(),
        "loads": plan.routes.iter().map(|r| r.load).collect::<Vec<_>>(),
        "feasible": plan.feasible,
        "lateness": plan.lateness,
        "construction": plan.construction,
        "construction_length": length_value(instance.metric, plan.construction_length),
        "metric": instance.metric,
        "seed": plan.seed,
    })
}

fn print_text(instance: &Instance, plan: &RoutePlan) {
    let unit = instance.metric.unit(shoplens_core::Lang::En);
    println!(
        "{}: {} stops, {} route(s), length {} {unit} (start {}: {}), seed {}",
        instance.name,
        instance.len(),
        plan.routes.len(),
        length_value(instance.metric, plan.length),
        plan.construction,
        length_value(instance.metric, plan.construction_length),
        plan.seed
    );
    if !plan.feasible {
        println!("  warning: the vehicle count or capacity could not be met");
    }
    if plan.lateness > 0.0 {
        println!("  total lateness at time windows: {:.2}", plan.lateness);
    }
    for (k, r) in plan.routes.iter().enumerate() {
        println!(
            "  route {}: load {}, length {}: {}",
            k + 1,
            r.load,
            length_value(instance.metric, r.length),
            r.ids.join(" ")
        );
    }
}
