//! # shoplens-core
//!
//! Every shoplens kernel, in pure Rust: no web, no terminal. The Leptos app (`src/` at the
//! workspace root) and the `shoplens` CLI (`crates/cli`) are thin fronts on this crate.
//!
//! Modules by domain:
//! - [`table`]: reading CSV/XLSX exports into a typed, column-oriented [`table::Table`].
//! - [`basket`]: transactions, frequent itemsets (FP-Growth, Apriori, Eclat) and rules.
//! - [`learn`]: preprocessing, models, metrics, model selection.
//! - [`segment`]: RFM scoring and k-means segmentation.
//! - [`clv`]: customer lifetime value (BG/NBD, Pareto/NBD, Gamma-Gamma, holdout checks).
//! - [`forecast`]: demand forecasting and backtests.
//! - [`optimize`]: inventory policies, genetic algorithm, simulated annealing routes, budgets.
//! - [`schema`]: what a file is (shape, column roles, dates, personal data), decided once
//!   for every page and the CLI.
//! - [`products`]: ABC/XYZ product classes and per-customer recommendations.
//! - [`jobs`]: every analysis as a serde job spec, checked once, run by one function.
//! - [`par`]: independent pieces of an analysis over the cores (CLI), in order, seed-exact.
//! - [`vocabulary`]: the header words of merchants' exports, in Chinese and English.
//! - [`privacy`]: finding personal data (phones, e-mails, ID numbers, names, addresses) and
//!   hashing or dropping it before analysis.
//!
//! Shared contracts: [`Error`] (one error type whose messages exist in Chinese and English,
//! see [`Lang`]), [`rt`] (the only place that knows about time and randomness) and
//! [`progress`] (how long-running kernels report progress and learn they are cancelled).
//!
//! Kernels are deterministic for a given seed and never panic on user data.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::float_cmp)]

pub mod basket;
pub mod clv;
pub mod error;
pub mod export;
pub mod forecast;
pub mod jobs;
pub mod lang;
pub mod learn;
pub mod optimize;
pub mod par;
pub mod privacy;
pub mod products;
pub mod progress;
pub mod rt;
pub mod schema;
pub mod segment;
mod short_key;
pub mod table;
mod trim;
pub mod vocabulary;

#[cfg(test)]
mod cancel_tests;

pub use error::{
    Allowed, ColumnFor, Counted, CsvCause, Error, ErrorKind, Family, FileFormat, FormatCause,
    Limit, Per, Result, Subject, Term, ValueType,
};
pub use lang::Lang;
