//! Customer lifetime value from order lines: the Customers tab's lifetime-value view and
//! `shoplens clv`.
//!
//! Summarises the order lines up to the end day, fits BG/NBD (and Pareto/NBD when asked)
//! and the Gamma-Gamma spend model, and predicts per customer P(alive), purchases and
//! discounted value over the horizon. With a calibration end, it also fits on the lines up
//! to that day and compares predicted with actual repeat purchases after it, per
//! calibration frequency: the out-of-sample check of the model.

use super::order_columns;
use crate::clv::bgnbd::{self, BgNbd};
use crate::clv::gamma_gamma::{self, GammaGamma, Spend};
use crate::clv::holdout::{compare, HoldoutComparison};
use crate::clv::mle::FitReport;
use crate::clv::pareto_nbd::{self, ParetoNbd};
use crate::clv::summary::{purchase_day_counts, summarize, Summaries, TimeUnit, Triple, Triples};
use crate::clv::value::{
    customer_values, discount_per_period, CustomerValue, ValueParams, ValueSegment,
};
use crate::clv::PurchaseModel;
use crate::progress::Progress;
use crate::rt::Clock;
use crate::segment::{OrderColumns, OrderLines};
use crate::table::infer::{format_datetime, parse_datetime};
use crate::table::Table;
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Which purchase model predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ClvModel {
    /// BG/NBD (the default).
    #[default]
    Bgnbd,
    /// Pareto/NBD (BG/NBD is fitted as well, for comparison).
    ParetoNbd,
}

/// Customer lifetime value of the order lines in a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvJob {
    /// Which columns hold customer, date, amount and order id; `None`: the ones the file's
    /// understanding suggests.
    pub columns: Option<OrderColumns>,
    /// Last day observed, `YYYY-MM-DD`; `None`: the last order's day.
    pub end: Option<String>,
    /// Calibration end `YYYY-MM-DD` for the holdout check; `None`: no check.
    pub calibration_end: Option<String>,
    /// Time unit. Default week.
    pub unit: TimeUnit,
    /// Periods (units) ahead to predict. Default 52.
    pub periods: u32,
    /// Annual discount rate of the expected value. Default 0.1.
    pub discount: f64,
    /// The purchase model. Default BG/NBD.
    pub model: ClvModel,
}

impl Default for ClvJob {
    fn default() -> Self {
        ClvJob {
            columns: None,
            end: None,
            calibration_end: None,
            unit: TimeUnit::Week,
            periods: 52,
            discount: 0.1,
            model: ClvModel::Bgnbd,
        }
    }
}

/// A checked [`ClvJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClv {
    /// The spec with the columns written in.
    pub spec: ClvJob,
    /// The columns.
    pub columns: OrderColumns,
    /// End day (days since 1970-01-01), if given.
    pub end_day: Option<i64>,
    /// Calibration end day, if given.
    pub calibration_day: Option<i64>,
}

fn day(name: &str, text: &Option<String>) -> Result<Option<i64>> {
    let Some(text) = text.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    parse_datetime(text)
        .filter(|s| s.rem_euclid(86_400) == 0)
        .map(|s| Some(s.div_euclid(86_400)))
        .ok_or_else(|| Error::invalid_parameter(name, text, Allowed::Date))
}

impl ClvJob {
    /// Fills the columns and checks the dates, horizon and discount.
    pub fn check(&self, table: &Table) -> Result<CheckedClv> {
        let columns = order_columns::fill(self.columns.as_ref(), table)?;
        let end_day = day("end", &self.end)?;
        let calibration_day = day("calibration_end", &self.calibration_end)?;
        if let (Some(c), Some(e)) = (calibration_day, end_day) {
            if c >= e {
                return Err(Error::invalid_parameter(
                    "calibration_end",
                    self.calibration_end.clone().unwrap_or_default(),
                    Allowed::DateBefore(format_datetime(e * 86_400)),
                ));
            }
        }
        if self.periods == 0 || self.periods > 10_000 {
            return Err(Error::invalid_parameter(
                "periods",
                self.periods,
                Allowed::Between(1.0, 10000.0),
            ));
        }
        if !(0.0..=10.0).contains(&self.discount) {
            return Err(Error::invalid_parameter(
                "discount",
                self.discount,
                Allowed::Between(0.0, 10.0),
            ));
        }
        let mut spec = self.clone();
        spec.columns = Some(columns.clone());
        Ok(CheckedClv {
            spec,
            columns,
            end_day,
            calibration_day,
        })
    }
}

/// Fitted parameters with how the fit went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fitted<P> {
    /// The parameters.
    #[serde(flatten)]
    pub params: P,
    /// Likelihood, iterations, convergence.
    #[serde(flatten)]
    pub report: FitReport,
}

/// The spend model and its independence check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpendFit {
    /// Parameters and fit.
    #[serde(flatten)]
    pub fitted: Fitted<GammaGamma>,
    /// Pearson correlation of repeat count and mean repeat value (near 0 for the model to
    /// hold).
    pub correlation: f64,
    /// Repeat customers it was fitted on.
    pub customers: usize,
}

/// One customer's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvRow {
    /// Customer id as written.
    pub id: String,
    /// Predictions.
    #[serde(flatten)]
    pub value: CustomerValue,
}

/// Customers and value per segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentTotal {
    /// The segment.
    pub segment: ValueSegment,
    /// Customers.
    pub customers: usize,
    /// Summed expected value.
    pub expected_value: f64,
}

/// The holdout check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvHoldout {
    /// Calibration end day.
    pub calibration_end: String,
    /// BG/NBD fitted on the calibration lines.
    pub bgnbd: Fitted<BgNbd>,
    /// Pareto/NBD fitted on them, when it is the model.
    pub pareto_nbd: Option<Fitted<ParetoNbd>>,
    /// Predicted against actual.
    #[serde(flatten)]
    pub comparison: HoldoutComparison,
}

/// Lifetime value as every front shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClvOutput {
    /// Time unit.
    pub unit: TimeUnit,
    /// Last day observed.
    pub end: String,
    /// The model that predicts.
    pub model: ClvModel,
    /// BG/NBD fit.
    pub bgnbd: Fitted<BgNbd>,
    /// Pareto/NBD fit, when it is the model.
    pub pareto_nbd: Option<Fitted<ParetoNbd>>,
    /// Spend model, when at least two repeat customers have a positive value and q > 1.
    pub gamma_gamma: Option<SpendFit>,
    /// Customers summarised.
    pub customers: usize,
    /// Distinct (frequency, recency, age) histories the likelihood summed over.
    pub histories: usize,
    /// Periods predicted.
    pub periods: u32,
    /// Annual discount rate.
    pub discount: f64,
    /// Customers and value per segment.
    pub segments: Vec<SegmentTotal>,
    /// Per customer, highest expected value first.
    pub rows: Vec<ClvRow>,
    /// The holdout check, when a calibration end was given.
    pub holdout: Option<ClvHoldout>,
    /// Lines without a customer id, left out.
    pub skipped_no_id: usize,
    /// Cancellation lines, left out.
    pub cancelled: usize,
    /// Lines after the end day, left out.
    pub after_end: usize,
    /// Data rows read.
    pub rows_read: usize,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Runs the job on a table.
pub fn run(
    job: &CheckedClv,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<ClvOutput> {
    let started = clock.now_seconds();
    let orders = OrderLines::from_table(table, &job.columns)?;
    let mut out = run_orders(job, &orders, progress)?;
    out.ms = (clock.now_seconds() - started) * 1000.0;
    Ok(out)
}

/// Runs the job on order lines already read.
pub fn run_orders(
    job: &CheckedClv,
    orders: &OrderLines,
    progress: &mut dyn Progress,
) -> Result<ClvOutput> {
    let spec = &job.spec;
    let end_day = job
        .end_day
        .or_else(|| orders.last_day())
        .ok_or_else(|| Error::not_enough(Counted::Customers, 2, 0))?;
    let summaries = summarize(orders, end_day, spec.unit);
    let models = fit_models(&summaries, spec.model, progress)?;
    let spend = fit_spend(&summaries, progress)?;
    let fallback = mean_repeat_value(&summaries);
    let params = ValueParams {
        periods: spec.periods,
        discount_per_period: discount_per_period(spec.discount, spec.unit.days()),
    };
    let values = customer_values(
        models.predictor(),
        spend.as_ref().map(|s| &s.fitted.params),
        fallback,
        &summaries.customers,
        params,
    );
    let segments = ValueSegment::ALL
        .iter()
        .map(|&segment| {
            let of: Vec<&CustomerValue> = values.iter().filter(|v| v.segment == segment).collect();
            SegmentTotal {
                segment,
                customers: of.len(),
                expected_value: of.iter().map(|v| v.expected_value).sum(),
            }
        })
        .collect();
    let mut rows: Vec<ClvRow> = values
        .into_iter()
        .map(|value| ClvRow {
            id: orders.customers[value.customer as usize].clone(),
            value,
        })
        .collect();
    rows.sort_by(|a, b| b.value.expected_value.total_cmp(&a.value.expected_value));
    let holdout = match job.calibration_day {
        Some(day) => Some(holdout(orders, day, end_day, spec, progress)?),
        None => None,
    };
    Ok(ClvOutput {
        unit: spec.unit,
        end: format_datetime(end_day * 86_400),
        model: spec.model,
        customers: summaries.customers.len(),
        histories: models.histories,
        bgnbd: models.bgnbd,
        pareto_nbd: models.pareto_nbd,
        gamma_gamma: spend,
        periods: spec.periods,
        discount: spec.discount,
        segments,
        rows,
        holdout,
        skipped_no_id: orders.skipped_no_id,
        cancelled: orders.cancelled,
        after_end: summaries.after_end,
        rows_read: orders.rows,
        ms: 0.0,
    })
}

/// The purchase models fitted on one summary.
struct Models {
    bgnbd: Fitted<BgNbd>,
    pareto_nbd: Option<Fitted<ParetoNbd>>,
    histories: usize,
}

impl Models {
    fn predictor(&self) -> &dyn PurchaseModel {
        match &self.pareto_nbd {
            Some(p) => &p.params,
            None => &self.bgnbd.params,
        }
    }
}

fn fit_models(
    summaries: &Summaries,
    model: ClvModel,
    progress: &mut dyn Progress,
) -> Result<Models> {
    let (triples, _) = Triples::group(summaries.customers.iter().map(Triple::from));
    let (params, report) = bgnbd::fit(&triples, progress)?;
    let pareto_nbd = match model {
        ClvModel::Bgnbd => None,
        ClvModel::ParetoNbd => {
            let (params, report) = pareto_nbd::fit(&triples, progress)?;
            Some(Fitted { params, report })
        }
    };
    Ok(Models {
        bgnbd: Fitted { params, report },
        pareto_nbd,
        histories: triples.triples.len(),
    })
}

/// The spend model on repeat customers with a positive mean value; `None` when there are
/// too few or the fit has q ≤ 1 (no finite mean).
fn fit_spend(summaries: &Summaries, progress: &mut dyn Progress) -> Result<Option<SpendFit>> {
    let spends: Vec<Spend> = summaries
        .customers
        .iter()
        .filter(|s| s.frequency > 0 && s.monetary > 0.0)
        .map(|s| Spend {
            frequency: s.frequency,
            monetary: s.monetary,
        })
        .collect();
    if spends.len() < 2 {
        return Ok(None);
    }
    let (params, report) = gamma_gamma::fit(&spends, progress)?;
    if params.q <= 1.0 {
        return Ok(None);
    }
    Ok(Some(SpendFit {
        fitted: Fitted { params, report },
        correlation: gamma_gamma::independence(&spends),
        customers: spends.len(),
    }))
}

fn mean_repeat_value(summaries: &Summaries) -> f64 {
    let repeat: Vec<f64> = summaries
        .customers
        .iter()
        .filter(|s| s.frequency > 0)
        .map(|s| s.monetary)
        .collect();
    if repeat.is_empty() {
        0.0
    } else {
        repeat.iter().sum::<f64>() / repeat.len() as f64
    }
}

fn holdout(
    orders: &OrderLines,
    calibration_day: i64,
    end_day: i64,
    spec: &ClvJob,
    progress: &mut dyn Progress,
) -> Result<ClvHoldout> {
    if calibration_day >= end_day {
        return Err(Error::invalid_parameter(
            "calibration_end",
            format_datetime(calibration_day * 86_400),
            Allowed::DateBefore(format_datetime(end_day * 86_400)),
        ));
    }
    let calibration = summarize(orders, calibration_day, spec.unit);
    let models = fit_models(&calibration, spec.model, progress)?;
    let actual = purchase_day_counts(orders, |d| d > calibration_day && d <= end_day);
    let duration = (end_day - calibration_day) as f64 / spec.unit.days();
    let comparison = compare(
        models.predictor(),
        &calibration.customers,
        &actual,
        duration,
    );
    Ok(ClvHoldout {
        calibration_end: format_datetime(calibration_day * 86_400),
        bgnbd: models.bgnbd,
        pareto_nbd: models.pareto_nbd,
        comparison,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::segment::AmountColumns;
    use crate::table::{read_bytes, ReadOptions};
    use serde_json::Value;

    const LINES: &[u8] = include_bytes!("../../../../testdata/cdnow-sample/cdnow_sample.csv");
    const FIXTURE: &str = include_str!("../../../../testdata/cdnow-sample/clv_fixture.json");

    fn job(calibration_end: Option<&str>) -> CheckedClv {
        let table = read_bytes(LINES, &ReadOptions::default()).unwrap();
        ClvJob {
            columns: Some(OrderColumns {
                customer: "customer".into(),
                date: "date".into(),
                amount: AmountColumns::Amount("amount".into()),
                invoice: None,
            }),
            end: Some("1998-06-30".into()),
            calibration_end: calibration_end.map(String::from),
            ..ClvJob::default()
        }
        .check(&table)
        .unwrap()
    }

    fn run_cdnow(calibration_end: Option<&str>) -> ClvOutput {
        let table = read_bytes(LINES, &ReadOptions::default()).unwrap();
        run(&job(calibration_end), &table, &mut Silent, &FrozenClock).unwrap()
    }

    fn close(ours: f64, theirs: &Value, tol: f64, what: &str) {
        let theirs = theirs.as_f64().unwrap();
        assert!(
            (ours - theirs).abs() <= tol * theirs.abs().max(1e-12),
            "{what}: ours {ours}, lifetimes {theirs}"
        );
    }

    /// From the CDNOW order lines: every customer's summary equals lifetimes'
    /// (`freq="D"`, `freq_multiplier=7`), the fits equal lifetimes' to 1e-3, and the
    /// discounted expected values of a sample of customers equal lifetimes' building
    /// blocks to 1e-3.
    #[test]
    fn order_lines_give_lifetimes_summaries_fits_and_values() {
        let fx: Value = serde_json::from_str(FIXTURE).unwrap();
        let theirs = &fx["order_lines"];
        let out = run_cdnow(None);
        let summary = theirs["summary"].as_object().unwrap();
        assert_eq!(out.customers, summary.len());
        for row in &out.rows {
            let s = &summary[&row.id];
            let v = &row.value;
            assert_eq!(u64::from(v.frequency), s[0].as_u64().unwrap(), "{}", row.id);
            close(v.recency + 1e-300, &s[1], 1e-12, "recency");
            close(v.age, &s[2], 1e-12, "T");
            close(v.monetary + 1e-300, &s[3], 1e-9, "monetary");
        }
        let bg = &out.bgnbd.params;
        for (ours, key) in [(bg.r, "r"), (bg.alpha, "alpha"), (bg.a, "a"), (bg.b, "b")] {
            close(ours, &theirs["bgnbd"][key], 1e-3, key);
        }
        let gg = &out.gamma_gamma.as_ref().unwrap().fitted.params;
        for (ours, key) in [(gg.p, "p"), (gg.q, "q"), (gg.v, "v")] {
            close(ours, &theirs["gamma_gamma"][key], 1e-3, key);
        }
        for expected in theirs["values"].as_array().unwrap() {
            let id = expected["id"].to_string();
            let row = out.rows.iter().find(|r| r.id == id).unwrap();
            for (ours, key) in [
                (row.value.expected_purchases, "expected_purchases"),
                (row.value.expected_spend, "expected_spend"),
                (row.value.expected_value, "expected_value"),
            ] {
                close(ours, &expected[key], 2e-3, &format!("{key} of {id}"));
            }
        }
        assert!(out
            .rows
            .windows(2)
            .all(|w| w[0].value.expected_value >= w[1].value.expected_value));
        let total: usize = out.segments.iter().map(|s| s.customers).sum();
        assert_eq!(total, out.customers);
    }

    /// Calibration to 1997-09-30 (the published CDNOW split): the calibration fit, and per
    /// frequency group the customers, actual and predicted holdout purchases, equal
    /// lifetimes'.
    #[test]
    fn holdout_equals_lifetimes_per_frequency_group() {
        let fx: Value = serde_json::from_str(FIXTURE).unwrap();
        let theirs = &fx["holdout"];
        let out = run_cdnow(Some("1997-09-30"));
        let h = out.holdout.unwrap();
        close(
            h.comparison.duration,
            &theirs["duration"],
            1e-12,
            "duration",
        );
        let bg = &h.bgnbd.params;
        for (ours, key) in [(bg.r, "r"), (bg.alpha, "alpha"), (bg.a, "a"), (bg.b, "b")] {
            close(ours, &theirs["bgnbd"][key], 1e-3, key);
        }
        let groups = theirs["groups"].as_array().unwrap();
        assert_eq!(h.comparison.groups.len(), groups.len());
        for (ours, g) in h.comparison.groups.iter().zip(groups) {
            assert_eq!(u64::from(ours.frequency), g["frequency"].as_u64().unwrap());
            assert_eq!(ours.customers as u64, g["customers"].as_u64().unwrap());
            close(ours.actual + 1e-300, &g["actual"], 1e-12, "actual");
            close(ours.predicted, &g["predicted"], 1e-3, "predicted");
        }
        close(
            h.comparison.actual_total,
            &theirs["actual_total"],
            1e-12,
            "actual total",
        );
        close(
            h.comparison.predicted_total,
            &theirs["predicted_total"],
            1e-3,
            "predicted total",
        );
    }

    #[test]
    fn bad_dates_and_horizons_are_named() {
        let table = read_bytes(LINES, &ReadOptions::default()).unwrap();
        let mut spec = job(None).spec;
        spec.calibration_end = Some("1998-07-01".into());
        assert!(spec.check(&table).is_err());
        spec.calibration_end = Some("someday".into());
        let err = spec.check(&table).unwrap_err();
        assert!(err.to_string().contains("someday"), "{err}");
        spec.calibration_end = None;
        spec.periods = 0;
        assert!(spec.check(&table).is_err());
    }
}
