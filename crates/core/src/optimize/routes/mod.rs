//! Delivery routes: travelling salesman and capacitated vehicle routing by simulated
//! annealing.
//!
//! Stops come from TSPLIB/CVRPLIB files ([`parse_tsplib`]) or a table of stops
//! ([`Instance::from_table`]); [`plan_routes`] builds a start with nearest neighbour or
//! Clarke-Wright savings and anneals it ([`RouteAnnealer`] steps one temperature level at a
//! time for the page).
//!
//! ```
//! use shoplens_core::optimize::routes::{parse_tsplib, plan_routes, AnnealParams};
//! use shoplens_core::progress::Silent;
//! let text = "NAME: square\nTYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n\
//!             1 0 0\n2 0 10\n3 10 0\n4 10 10\nEOF\n";
//! let instance = parse_tsplib(text).unwrap();
//! let plan = plan_routes(&instance, &AnnealParams::new(), &mut Silent).unwrap();
//! assert_eq!(plan.length, 40.0);
//! ```
//!
//! References: Kirkpatrick, Gelatt & Vecchi (1983) for annealing; Clarke & Wright (1964)
//! for savings; Or (1976) for or-opt; Potvin & Rousseau (1995) for 2-opt*; TSPLIB
//! (Reinelt 1991) for the file format and the `nint` distance convention.

mod anneal;
mod construct;
mod distance;
mod instance;
mod moves;
mod tsplib;

pub use anneal::{plan_routes, AnnealParams, PlannedRoute, RouteAnnealer, RoutePlan, Schedule};
pub use construct::{nearest_neighbour, route_length, route_load, savings};
pub use distance::{haversine_km, DistanceMatrix, Metric, EARTH_RADIUS_KM};
pub use instance::{Instance, TimeWindow};
pub use moves::{Move, Plan};
pub use tsplib::parse_tsplib;

#[cfg(test)]
mod quality_tests;
