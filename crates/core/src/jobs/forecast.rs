//! Demand forecasts: one series per group of a table, each backtested over every candidate
//! model (3 rolling origins, MASE) and forecast with the best. The Operations tab's
//! forecast and `shoplens forecast`.
//!
//! Left out, the date and value columns come from the file's understanding
//! ([`crate::schema::Suggested`]: the time axis, and an amount, sales or quantity column,
//! never an identifier); the horizon and season from the series' frequency.

use super::Message;
use crate::forecast::{build_series, forecast_auto, AutoParams, ForecastReport, Frequency, Model};
use crate::forecast::{Series, SeriesSpec};
use crate::par;
use crate::progress::{Progress, Silent, Stage};
use crate::rt::Clock;
use crate::schema::understand;
use crate::table::Table;
use crate::{Allowed, ColumnFor, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Forecast the series of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForecastJob {
    /// The date column; empty: the file's time axis.
    pub date_column: String,
    /// The value summed per period; empty: the file's amount, sales or quantity column.
    pub value_column: String,
    /// Multiply the value by this column first (quantity × unit price = revenue).
    pub price_column: Option<String>,
    /// One series per distinct value of this column (product, store).
    pub group_column: Option<String>,
    /// The period; `None`: detected from the dates.
    pub frequency: Option<Frequency>,
    /// Steps ahead; `None`: 14 daily, 8 weekly, 12 monthly.
    pub horizon: Option<usize>,
    /// Season length; `None`: 7 daily, 52 weekly, 12 monthly.
    pub season: Option<usize>,
    /// Coverage of the interval in percent. Default 95.
    pub level: f64,
    /// Models to compare; `None`: every one that fits the series.
    pub models: Option<Vec<Model>>,
    /// Most series forecast (the first groups); `None`: all.
    pub max_series: Option<usize>,
    /// Seed, echoed for reproducibility (every forecasting model here is deterministic).
    pub seed: u64,
}

impl Default for ForecastJob {
    fn default() -> Self {
        ForecastJob {
            date_column: String::new(),
            value_column: String::new(),
            price_column: None,
            group_column: None,
            frequency: None,
            horizon: None,
            season: None,
            level: 95.0,
            models: None,
            max_series: None,
            seed: crate::rt::DEFAULT_SEED,
        }
    }
}

/// A checked [`ForecastJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedForecast {
    /// The spec with the columns written in.
    pub spec: ForecastJob,
    /// The columns making the series.
    pub series: SeriesSpec,
}

impl ForecastJob {
    /// Fills the columns from the table's understanding and checks every parameter that
    /// does not depend on a series' length.
    pub fn check(&self, table: &Table) -> Result<CheckedForecast> {
        let mut spec = self.clone();
        if spec.date_column.trim().is_empty() || spec.value_column.trim().is_empty() {
            let suggested = understand(table).suggested;
            let name = |i: Option<usize>| i.map(|i| table.columns()[i].name().to_string());
            if spec.date_column.trim().is_empty() {
                spec.date_column = name(suggested.date_column).ok_or_else(|| {
                    Error::invalid_parameter("date_column", "", Allowed::Column(ColumnFor::Date))
                })?;
            }
            if spec.value_column.trim().is_empty() {
                spec.value_column = name(suggested.value_column).ok_or_else(|| {
                    Error::invalid_parameter("value_column", "", Allowed::Column(ColumnFor::Value))
                })?;
            }
        }
        for (field, name) in [
            ("date_column", Some(&spec.date_column)),
            ("value_column", Some(&spec.value_column)),
            ("price_column", spec.price_column.as_ref()),
            ("group_column", spec.group_column.as_ref()),
        ] {
            if let Some(name) = name {
                if table.column_by_name(name).is_err() {
                    return Err(Error::invalid_parameter(field, name, Allowed::ColumnName));
                }
            }
        }
        if spec.horizon == Some(0) {
            return Err(Error::invalid_parameter(
                "horizon",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if spec.season == Some(0) {
            return Err(Error::invalid_parameter("season", 0, Allowed::AtLeast(1.0)));
        }
        if !(spec.level > 0.0 && spec.level < 100.0) {
            return Err(Error::invalid_parameter(
                "level",
                spec.level,
                crate::Allowed::CoveragePercent,
            ));
        }
        if spec.models.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::invalid_parameter(
                "models",
                "[]",
                Allowed::AtLeastOne(Counted::Models),
            ));
        }
        if spec.max_series == Some(0) {
            return Err(Error::invalid_parameter(
                "max_series",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        let series = SeriesSpec {
            date_column: spec.date_column.clone(),
            value_column: spec.value_column.clone(),
            price_column: spec.price_column.clone(),
            group_column: spec.group_column.clone(),
            frequency: spec.frequency,
        };
        Ok(CheckedForecast { spec, series })
    }
}

/// One series' forecast, or why it could not be made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeriesForecast {
    /// The group's value, `None` without a group column.
    pub group: Option<String>,
    /// The series' period.
    pub frequency: Frequency,
    /// Start date of each history period.
    pub periods: Vec<String>,
    /// The history, one sum per period.
    pub values: Vec<f64>,
    /// Start date of each forecast period.
    pub future: Vec<String>,
    /// Season length used.
    pub season: usize,
    /// Horizon used.
    pub horizon: usize,
    /// The forecast, when it could be made.
    pub report: Option<ForecastReport>,
    /// Why not, otherwise.
    pub error: Option<Message>,
}

/// Forecasts as every front shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastOutput {
    /// The series in order of first appearance.
    pub series: Vec<SeriesForecast>,
    /// Series left out beyond `max_series`.
    pub omitted: usize,
    /// Seed echoed.
    pub seed: u64,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Forecasts one series as the job says; the error too when it could not be made.
pub fn forecast_series(
    spec: &ForecastJob,
    series: Series,
    progress: &mut dyn Progress,
) -> (SeriesForecast, Option<Error>) {
    let season = spec
        .season
        .unwrap_or_else(|| series.frequency.default_season());
    let horizon = spec
        .horizon
        .unwrap_or_else(|| series.frequency.default_horizon());
    let mut params = AutoParams::new(horizon, season);
    params.level = spec.level;
    params.models = spec.models.clone();
    let (report, error) = match forecast_auto(&series.values, &params, progress) {
        Ok(report) => (Some(report), None),
        Err(e) => (None, Some(e)),
    };
    let done = SeriesForecast {
        future: series.future_periods(horizon),
        group: series.group,
        frequency: series.frequency,
        periods: series.periods,
        values: series.values,
        season,
        horizon,
        report,
        error: error.as_ref().map(Message::from),
    };
    (done, error)
}

/// Builds the series of `table` and forecasts each. Fails only when no series could be
/// forecast (with the first reason).
pub fn run(
    job: &CheckedForecast,
    table: &Table,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<ForecastOutput> {
    let started = clock.now_seconds();
    let all = build_series(table, &job.series)?;
    let keep = job.spec.max_series.unwrap_or(usize::MAX);
    let omitted = all.len().saturating_sub(keep);
    let all: Vec<Series> = all.into_iter().take(keep).collect();
    let results = if par::width() == 1 || all.len() == 1 {
        // One at a time, each series' model search reporting its own progress.
        all.into_iter()
            .map(|s| forecast_series(&job.spec, s, progress))
            .collect()
    } else {
        // Series are independent: side by side on the CLI's threads, in order.
        par::try_map_reporting(&all, Stage::Series, progress, |s| {
            Ok(forecast_series(&job.spec, s.clone(), &mut Silent))
        })?
    };
    let mut first_error = None;
    let mut series = Vec::with_capacity(results.len());
    for (done, error) in results {
        if first_error.is_none() {
            first_error = error;
        }
        series.push(done);
    }
    if series.iter().all(|s| s.report.is_none()) {
        return Err(first_error.unwrap_or_else(|| Error::not_enough(Counted::Series, 1, 0)));
    }
    Ok(ForecastOutput {
        series,
        omitted,
        seed: job.spec.seed,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    const DAILY: &[u8] = include_bytes!("../../../../public/samples/daily-sales.csv");

    fn table() -> Table {
        read_bytes(DAILY, &ReadOptions::default()).unwrap()
    }

    /// An empty spec takes the date and revenue columns from the understanding and gives
    /// the numbers `forecast_auto` gives on the same series.
    #[test]
    fn defaults_come_from_the_understanding_and_match_the_kernel() {
        let table = table();
        let job: ForecastJob = serde_json::from_str("{}").unwrap();
        let checked = job.check(&table).unwrap();
        assert_eq!(checked.spec.date_column, "date");
        assert_eq!(checked.spec.value_column, "revenue");
        let out = run(&checked, &table, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(out.series.len(), 1);
        let s = &out.series[0];
        assert_eq!((s.horizon, s.season), (14, 7));
        let series = build_series(&table, &checked.series).unwrap();
        let direct =
            forecast_auto(&series[0].values, &AutoParams::new(14, 7), &mut Silent).unwrap();
        assert_eq!(s.report.as_ref().unwrap().forecast, direct.forecast);
        let text =
            serde_json::to_string(&crate::jobs::Job::Forecast(checked.spec.clone())).unwrap();
        let back: crate::jobs::Job = serde_json::from_str(&text).unwrap();
        assert_eq!(back, crate::jobs::Job::Forecast(checked.spec));
    }

    /// Bad values are refused before any work, naming the field.
    #[test]
    fn check_names_the_bad_field() {
        let table = table();
        let err = |json: &str| {
            let job: ForecastJob = serde_json::from_str(json).unwrap();
            job.check(&table).unwrap_err().to_string()
        };
        assert!(err(r#"{"value_column": "nope"}"#).contains("value_column"));
        assert!(err(r#"{"horizon": 0}"#).contains("horizon"));
        assert!(err(r#"{"level": 100}"#).contains("level"));
        assert!(err(r#"{"group_column": "x"}"#).contains("group_column"));
    }
}
