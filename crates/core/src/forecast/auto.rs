//! Automatic model choice: every candidate runs the backtest protocol
//! ([`super::backtest`]) and the smallest mean MASE wins; the winner is refitted on the whole
//! history to forecast, with a prediction interval. The report carries everything the
//! Operations page draws: history, forecast, band, per-window errors and the model table.

use super::backtest::{backtest, Protocol, Score};
use super::intervals::{interval, Interval};
use super::model::{Model, Param};
use crate::progress::{Control, Progress};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Parameters of [`forecast_auto`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AutoParams {
    /// Steps to forecast, also the backtest horizon.
    pub horizon: usize,
    /// Season length (12 for monthly data, 52 weekly, 7 daily; 1 for none).
    pub season: usize,
    /// Coverage of the prediction interval in percent (default 95).
    pub level: f64,
    /// Models to compare; `None` means [`candidates`].
    pub models: Option<Vec<Model>>,
}

impl AutoParams {
    /// `horizon` steps, season `season`, a 95% interval, the default candidates.
    pub fn new(horizon: usize, season: usize) -> AutoParams {
        AutoParams {
            horizon,
            season,
            level: 95.0,
            models: None,
        }
    }

    /// Checks the parameters against a series of `n` values.
    pub fn check(&self, n: usize) -> Result<()> {
        Protocol::new(self.horizon, self.season).check(n)?;
        if !(self.level > 0.0 && self.level < 100.0) {
            return Err(Error::invalid_parameter(
                "level",
                self.level,
                "a coverage strictly between 0 and 100 (percent)",
            ));
        }
        if self.models.as_ref().is_some_and(|m| m.is_empty()) {
            return Err(Error::invalid_parameter(
                "models",
                "[]",
                "at least one model",
            ));
        }
        Ok(())
    }
}

/// Whether a series looks like intermittent demand: non-negative with at least a quarter of
/// its periods at zero.
pub fn is_intermittent(y: &[f64]) -> bool {
    !y.is_empty()
        && y.iter().all(|v| *v >= 0.0)
        && y.iter().filter(|v| **v == 0.0).count() * 4 >= y.len()
}

/// The default candidates for a series: the benchmarks, moving averages over 3 periods and
/// one season, every exponential smoothing form, AICc-chosen ETS, and Croston and TSB when
/// demand is intermittent.
pub fn candidates(y: &[f64], season: usize) -> Vec<Model> {
    let mut models = vec![Model::Naive];
    if season > 1 {
        models.push(Model::SeasonalNaive);
    }
    models.push(Model::MovingAverage { window: 3 });
    if season > 3 {
        models.push(Model::MovingAverage { window: season });
    }
    models.extend([Model::Ses, Model::Holt, Model::DampedHolt]);
    if season > 1 {
        models.push(Model::HoltWintersAdditive);
        if y.iter().all(|v| *v > 0.0) {
            models.push(Model::HoltWintersMultiplicative);
        }
    }
    models.push(Model::Ets);
    if is_intermittent(y) {
        models.extend([Model::Croston, Model::Tsb]);
    }
    models
}

/// A candidate that could not be backtested, and why (in English; the page shows the
/// model's label and the error's message in the user's language).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// The model.
    pub model: Model,
    /// The error it gave.
    pub reason: String,
}

/// Everything the page shows about one series' forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForecastReport {
    /// The chosen model.
    pub model: Model,
    /// For [`Model::Ets`], the form AICc picked on the whole history.
    pub selected: Option<Model>,
    /// The chosen model's parameters fitted on the whole history.
    pub params: Vec<Param>,
    /// The chosen model's backtest (per-window errors included).
    pub backtest: Score,
    /// Every candidate's backtest, in the order tried.
    pub scores: Vec<Score>,
    /// Candidates that could not be backtested on this series.
    pub skipped: Vec<Skipped>,
    /// The history the forecast continues.
    pub history: Vec<f64>,
    /// One-step in-sample predictions of the chosen model (`None` where it has none).
    pub fitted: Vec<Option<f64>>,
    /// The point forecast.
    pub forecast: Vec<f64>,
    /// The prediction interval.
    pub interval: Interval,
}

/// Backtests every candidate, picks the smallest mean MASE (ties go to the earlier, simpler
/// model), and forecasts with it. Reports `("backtest", done, total)` after each model and
/// stops with [`ErrorKind::Cancelled`] when told to.
pub fn forecast_auto(
    y: &[f64],
    params: &AutoParams,
    progress: &mut dyn Progress,
) -> Result<ForecastReport> {
    params.check(y.len())?;
    if let Some(i) = y.iter().position(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            format!("value #{}", i + 1),
            y[i],
            "a finite number",
        ));
    }
    let protocol = Protocol::new(params.horizon, params.season);
    let models = params
        .models
        .clone()
        .unwrap_or_else(|| candidates(y, params.season));
    let mut scores = Vec::new();
    let mut skipped = Vec::new();
    for (i, model) in models.iter().enumerate() {
        match backtest(y, *model, &protocol) {
            Ok(score) if score.mase.is_finite() => scores.push(score),
            Ok(_) => skipped.push(Skipped {
                model: *model,
                reason: "non-finite backtest error".into(),
            }),
            Err(e) => skipped.push(Skipped {
                model: *model,
                reason: e.to_string(),
            }),
        }
        if progress.report("backtest", i as u64 + 1, models.len() as u64) == Control::Stop {
            return Err(Error::new(ErrorKind::Cancelled));
        }
    }
    // Refit in order of backtest score: a model can fail on the full history where it
    // passed on the shorter windows only in odd cases, and then the next best is used.
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].mase.total_cmp(&scores[b].mase).then(a.cmp(&b)));
    let mut last_error = None;
    for i in order {
        match scores[i].model.fit(y, params.season, params.horizon) {
            Ok(fit) => {
                let band = interval(&fit, y, params.level)?;
                return Ok(ForecastReport {
                    model: fit.model,
                    selected: fit.selected,
                    params: fit.params,
                    backtest: scores[i].clone(),
                    scores,
                    skipped,
                    history: y.to_vec(),
                    fitted: fit.fitted,
                    forecast: fit.mean,
                    interval: band,
                });
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| {
        match skipped.first() {
            // Every model failed the same way on short data: say so with the first reason.
            Some(s) => Error::invalid_parameter("series", "this series", s.reason.clone()),
            None => Error::not_enough("observations", 1, y.len()),
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn seasonal_series() -> Vec<f64> {
        (0..48)
            .map(|t| 100.0 + t as f64 + [8.0, -3.0, -5.0, 0.0][t % 4])
            .collect()
    }

    #[test]
    fn cancel_stops_the_comparison() {
        let y = seasonal_series();
        let mut seen = 0;
        let mut stop_after_two = |_: &str, done: u64, _: u64| {
            seen = done;
            if done >= 2 {
                Control::Stop
            } else {
                Control::Continue
            }
        };
        let e = forecast_auto(&y, &AutoParams::new(4, 4), &mut stop_after_two).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Cancelled);
        assert_eq!(seen, 2);
    }

    #[test]
    fn intermittent_demand_adds_croston_and_tsb() {
        let y: Vec<f64> = (0..60)
            .map(|t| {
                if t % 3 == 0 {
                    (t % 7) as f64 + 1.0
                } else {
                    0.0
                }
            })
            .collect();
        assert!(is_intermittent(&y));
        let models = candidates(&y, 7);
        assert!(models.contains(&Model::Croston) && models.contains(&Model::Tsb));
        assert!(!models.contains(&Model::HoltWintersMultiplicative));
        let report = forecast_auto(&y, &AutoParams::new(7, 7), &mut Silent).unwrap();
        assert!(report.scores.iter().any(|s| s.model == Model::Tsb));
        // The chosen model is the best scored one.
        let best = report
            .scores
            .iter()
            .map(|s| s.mase)
            .fold(f64::INFINITY, f64::min);
        assert!((report.backtest.mase - best).abs() < 1e-12);
        assert!(report.interval.lower.iter().all(|v| *v >= 0.0));
    }

    #[test]
    fn parameters_are_checked_before_work() {
        let y = seasonal_series();
        let mut p = AutoParams::new(4, 4);
        p.level = 120.0;
        assert!(forecast_auto(&y, &p, &mut Silent).is_err());
        p.level = 95.0;
        p.models = Some(Vec::new());
        assert!(forecast_auto(&y, &p, &mut Silent).is_err());
        assert!(matches!(
            forecast_auto(&y[..10], &AutoParams::new(4, 4), &mut Silent)
                .unwrap_err()
                .kind(),
            ErrorKind::NotEnoughData { .. }
        ));
    }

    #[test]
    fn the_report_serialises_to_json() {
        let report =
            forecast_auto(&seasonal_series(), &AutoParams::new(4, 4), &mut Silent).unwrap();
        let json = serde_json::to_string(&report).unwrap();
        let back: ForecastReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back.model, report.model);
        assert_eq!(back.backtest.windows.len(), 3);
    }
}
