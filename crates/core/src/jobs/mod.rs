//! Every analysis as a job: a serde spec with defaults, checked once against the table,
//! then run by one function that returns a typed result.
//!
//! The app's worker and the CLI are fronts on this module: the worker decodes a message
//! into a spec and shapes the result for a view; the CLI builds a spec from its flags (or
//! reads one with `shoplens run JOB.json FILE`) and prints the result. A spec written with
//! its defaults filled in ([`Job::with_defaults`]) reruns anywhere with the same numbers.
//!
//! Each spec follows linfa's `Params → check() → Valid`: `FitJob::check(&table)` returns a
//! `CheckedFit` (or an error naming the bad value) before any work starts, and only a
//! checked form can run.
//!
//! ```
//! use shoplens_core::jobs::Job;
//! let job: Job = serde_json::from_str(r#"{"kind": "compare", "target": "churn"}"#).unwrap();
//! assert!(matches!(job, Job::Compare(ref c) if c.folds == 5));
//! ```

pub mod baskets;
pub mod churn;
pub mod clv;
pub mod clv_export;
pub mod cohort;
pub mod compare;
mod defaults;
pub mod fit;
pub mod forecast;
pub mod inspect;
pub mod optimize;
mod order_columns;
pub mod predict;
pub mod products;
pub mod rfm;
pub mod segment;

pub use defaults::{default_model, ModelData};

use crate::progress::Progress;
use crate::rt::{Clock, FrozenClock};
use crate::table::{read_bytes, ReadOptions, Table};
use crate::{Allowed, Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// A sentence in both interface languages (an error carried inside a result).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message {
    /// The sentence in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

impl From<&Error> for Message {
    fn from(error: &Error) -> Message {
        Message {
            zh: error.message(Lang::Zh),
            en: error.message(Lang::En),
        }
    }
}

/// The file a job runs on, for the jobs that read it other than as one table (basket lines,
/// route instances, the understanding of a file that is not a table).
#[derive(Debug, Clone, Copy)]
pub struct JobFile<'a> {
    /// The file's name (a route instance is named after it; `.tsp`/`.vrp` mark TSPLIB).
    pub name: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// How to read it as a table.
    pub read: &'a ReadOptions,
}

/// One analysis and its parameters, named by `"kind"` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Train one model and evaluate it on held-out rows.
    Fit(fit::FitJob),
    /// Cross-validate every model kind that can do the task.
    Compare(compare::CompareJob),
    /// Cross-validate a grid around one model's main parameter.
    Grid(compare::GridJob),
    /// Score the table with a trained model.
    Predict(predict::PredictJob),
    /// RFM scores and named segments of order lines.
    Rfm(rfm::RfmJob),
    /// k-means segments.
    Segment(segment::SegmentJob),
    /// Churn risk of customers from order lines.
    Churn(churn::ChurnJob),
    /// What a file is: shape, roles, suggested columns.
    Inspect(inspect::InspectJob),
    /// Baskets, frequent itemsets and association rules.
    Baskets(baskets::BasketsJob),
    /// Demand forecasts, one per series.
    Forecast(forecast::ForecastJob),
    /// Inventory policies tuned by a genetic algorithm.
    Inventory(optimize::InventoryJob),
    /// Delivery routes by simulated annealing.
    Route(optimize::RouteJob),
    /// An ad budget split across channels.
    Budget(optimize::BudgetJob),
    /// Customer lifetime value (BG/NBD or Pareto/NBD with Gamma-Gamma).
    Clv(clv::ClvJob),
    /// Cohort retention by first-purchase month or week.
    Cohort(cohort::CohortJob),
    /// ABC/XYZ classes of products.
    AbcXyz(products::AbcXyzJob),
    /// Per-customer recommendations, evaluated on held-out last orders.
    Recommend(products::RecommendJob),
}

/// What a [`Job`] produced, named by `"kind"` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobOutput {
    /// A trained model's evaluation.
    Fit(Box<fit::FitOutput>),
    /// Every kind cross-validated.
    Compare(compare::CvResult),
    /// A grid cross-validated.
    Grid(compare::CvResult),
    /// Predictions as CSV.
    Predict(predict::PredictOutput),
    /// RFM result.
    Rfm(Box<rfm::RfmOutput>),
    /// k-means result.
    Segment(Box<segment::SegmentOutput>),
    /// Churn result.
    Churn(Box<churn::ChurnOutput>),
    /// The file's understanding.
    Inspect(Box<inspect::InspectOutput>),
    /// Baskets, itemsets and rules.
    Baskets(Box<baskets::BasketsOutput>),
    /// Forecasts.
    Forecast(Box<forecast::ForecastOutput>),
    /// Inventory plan.
    Inventory(Box<optimize::InventoryOutput>),
    /// Routes.
    Route(Box<optimize::RouteOutput>),
    /// Budget split.
    Budget(Box<optimize::BudgetOutput>),
    /// Lifetime value.
    Clv(Box<clv::ClvOutput>),
    /// Cohorts.
    Cohort(Box<cohort::CohortOutput>),
    /// Product classes.
    AbcXyz(Box<products::AbcXyzOutput>),
    /// Recommendations.
    Recommend(Box<products::RecommendOutput>),
}

impl Job {
    /// The spec with every default decided from `table` written in (target task, model,
    /// features, stratification...), after checking it: the job to save so that a rerun
    /// on the same file does exactly the same.
    pub fn with_defaults(&self, table: &Table) -> Result<Job> {
        Ok(match self {
            Job::Fit(j) => Job::Fit(j.check(table)?.spec),
            Job::Compare(j) => Job::Compare(j.check(table)?.spec),
            Job::Grid(j) => Job::Grid(j.check(table)?.spec),
            Job::Predict(j) => Job::Predict(j.clone()),
            Job::Rfm(j) => Job::Rfm(j.check()?.spec),
            Job::Segment(j) => Job::Segment(j.check()?.spec),
            Job::Churn(j) => Job::Churn(j.check(table)?.spec),
            Job::Inspect(j) => Job::Inspect(j.clone()),
            Job::Baskets(j) => Job::Baskets(j.check()?.spec),
            Job::Forecast(j) => Job::Forecast(j.check(table)?.spec),
            Job::Inventory(j) => Job::Inventory(j.check(table)?.spec),
            Job::Route(j) => Job::Route(j.check()?.spec),
            Job::Budget(j) => Job::Budget(j.check(table)?.spec),
            Job::Clv(j) => Job::Clv(j.check(table)?.spec),
            Job::Cohort(j) => Job::Cohort(j.check(table)?.spec),
            Job::AbcXyz(j) => Job::AbcXyz(j.check(table)?.spec),
            Job::Recommend(j) => Job::Recommend(j.check(table)?.spec),
        })
    }

    /// Checks and runs the job on a file: basket jobs build from the bytes (one basket per
    /// line needs them), route jobs read TSPLIB/CVRPLIB instances, inspect understands files
    /// that are not tables; every other job reads the file as one table first.
    pub fn run_file(
        &self,
        file: JobFile<'_>,
        progress: &mut dyn Progress,
        clock: &dyn Clock,
    ) -> Result<JobOutput> {
        Ok(match self {
            Job::Baskets(j) => JobOutput::Baskets(Box::new(baskets::run_bytes(
                &j.check()?,
                file.bytes,
                file.read,
                progress,
                clock,
            )?)),
            Job::Route(j) => {
                let checked = j.check()?;
                let stops = optimize::read_stops(
                    file.name,
                    file.bytes,
                    file.read,
                    checked.spec.depot.as_deref(),
                )?;
                JobOutput::Route(Box::new(optimize::run_route(
                    &checked, stops, progress, clock,
                )?))
            }
            Job::Inspect(j) => {
                JobOutput::Inspect(Box::new(inspect::run_bytes(j, file.bytes, file.read)?))
            }
            _ => self.run_timed(&read_bytes(file.bytes, file.read)?, progress, clock)?,
        })
    }

    /// Checks and runs the job on `table` (timings read 0: see [`Job::run_timed`]).
    pub fn run(&self, table: &Table, progress: &mut dyn Progress) -> Result<JobOutput> {
        self.run_timed(table, progress, &FrozenClock)
    }

    /// Checks and runs the job on `table`, timing it with the front's `clock`.
    pub fn run_timed(
        &self,
        table: &Table,
        progress: &mut dyn Progress,
        clock: &dyn Clock,
    ) -> Result<JobOutput> {
        Ok(match self {
            Job::Fit(j) => {
                let fitted = fit::run(&j.check(table)?, table, progress, clock)?;
                JobOutput::Fit(Box::new(fitted.output))
            }
            Job::Compare(j) => {
                JobOutput::Compare(compare::run(&j.check(table)?.cv, table, progress, clock)?)
            }
            Job::Grid(j) => {
                JobOutput::Grid(compare::run(&j.check(table)?.cv, table, progress, clock)?)
            }
            Job::Predict(j) => JobOutput::Predict(predict::run(j, table)?),
            Job::Rfm(j) => JobOutput::Rfm(Box::new(rfm::run(&j.check()?, table, clock)?)),
            Job::Segment(j) => {
                JobOutput::Segment(Box::new(segment::run(&j.check()?, table, progress, clock)?))
            }
            Job::Churn(j) => JobOutput::Churn(Box::new(churn::run(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
            Job::Inspect(j) => JobOutput::Inspect(Box::new(inspect::run(j, table))),
            Job::Baskets(j) => JobOutput::Baskets(Box::new(baskets::run(
                &j.check()?,
                table,
                || {
                    Err(Error::invalid_parameter(
                        "shape",
                        "line_per_basket",
                        Allowed::TableBasketShape,
                    ))
                },
                progress,
                clock,
            )?)),
            Job::Forecast(j) => JobOutput::Forecast(Box::new(forecast::run(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
            Job::Inventory(j) => JobOutput::Inventory(Box::new(optimize::run_inventory(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
            Job::Route(j) => {
                let checked = j.check()?;
                let stops = crate::optimize::routes::Instance::from_table(
                    table,
                    "stops",
                    checked.spec.depot.as_deref(),
                )?;
                JobOutput::Route(Box::new(optimize::run_route(
                    &checked, stops, progress, clock,
                )?))
            }
            Job::Budget(j) => JobOutput::Budget(Box::new(optimize::run_budget(
                &j.check(table)?,
                progress,
                clock,
            )?)),
            Job::Clv(j) => JobOutput::Clv(Box::new(clv::run(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
            Job::AbcXyz(j) => JobOutput::AbcXyz(Box::new(products::run_abc_xyz(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
            Job::Recommend(j) => JobOutput::Recommend(Box::new(products::run_recommend(
                &j.check(table)?,
                table,
                progress,
                clock,
            )?)),
            Job::Cohort(j) => {
                JobOutput::Cohort(Box::new(cohort::run(&j.check(table)?, table, clock)?))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind reads from its name alone (defaults for the rest) and writes back to the
    /// same job.
    #[test]
    fn every_kind_round_trips_from_its_name() {
        for kind in [
            "inspect",
            "baskets",
            "forecast",
            "inventory",
            "route",
            "budget",
            "compare",
            "segment",
            "clv",
            "cohort",
            "abc_xyz",
            "recommend",
        ] {
            let job: Job = serde_json::from_str(&format!(r#"{{"kind": "{kind}"}}"#))
                .unwrap_or_else(|e| panic!("{kind}: {e}"));
            let text = serde_json::to_string(&job).unwrap();
            assert!(text.contains(&format!(r#""kind":"{kind}""#)), "{text}");
            assert_eq!(serde_json::from_str::<Job>(&text).unwrap(), job);
        }
        assert!(serde_json::from_str::<Job>(r#"{"kind": "nope"}"#).is_err());
    }
}
