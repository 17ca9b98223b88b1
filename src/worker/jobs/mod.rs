//! The analysis pages' jobs, one module per page. Each module defines its job enum (what the
//! page asks for), its output enum (what comes back) and `run`, which executes a job inside
//! the worker on the loaded table (reached through [`super::runner::with_table`]) and
//! reports progress with [`super::runner::compute_progress`].

pub mod baskets;
pub mod bench;
pub mod customers;
pub mod models;
pub mod operations;
