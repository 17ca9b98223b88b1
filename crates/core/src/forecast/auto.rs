//! Automatic model choice: every candidate runs the backtest protocol
//! ([`super::backtest`]) and the smallest mean MASE wins; the winner is refitted on the whole
//! history to forecast, with a prediction interval. The report carries everything the
//! Operations page draws: history, forecast, band, per-window errors and the model table.

use super::backtest::{seasonal_naive_mae, Protocol, Score, WindowScore};
use super::intervals::{interval, Interval};
use super::model::{Model, Param};
use crate::progress::{Control, Progress, Stage};
use crate::{Allowed, Counted, Error, ErrorKind, Result};
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

    /// Checks the parameters against a series of `n` values (at least [`MIN_POINTS`]).
    pub fn check(&self, n: usize) -> Result<()> {
        if self.horizon == 0 {
            return Err(Error::invalid_parameter(
                "horizon",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.season == 0 {
            return Err(Error::invalid_parameter("season", 0, Allowed::AtLeast(1.0)));
        }
        if n < MIN_POINTS {
            return Err(Error::not_enough(Counted::Observations, MIN_POINTS, n));
        }
        if !(self.level > 0.0 && self.level < 100.0) {
            return Err(Error::invalid_parameter(
                "level",
                self.level,
                crate::Allowed::CoveragePercent,
            ));
        }
        if self.models.as_ref().is_some_and(|m| m.is_empty()) {
            return Err(Error::invalid_parameter(
                "models",
                "[]",
                Allowed::AtLeastOne(Counted::Models),
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

/// The default candidates for a series: ETS chosen by AICc, the autoregression on
/// differences, the Theta method and the mean of the three (the kind of combination the M4
/// competition favoured), and Croston and TSB when demand is intermittent. The benchmarks
/// (naive, seasonal naive), the older least-squares smoothing forms and moving averages
/// stay available by name: on the project's suite, letting the choice fall on a benchmark
/// from three noisy windows cost more than it gained.
pub fn candidates(y: &[f64], _season: usize) -> Vec<Model> {
    let mut models = vec![Model::Ets, Model::Ar, Model::Theta, Model::Combination];
    if is_intermittent(y) {
        models.extend([Model::Croston, Model::Tsb]);
    }
    models
}

fn default_protocol() -> Protocol {
    Protocol::new(1, 1)
}

/// A candidate that could not be backtested, and why (a typed error: the page shows the
/// model's label and the error's message in the user's language).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// The model.
    pub model: Model,
    /// The error it gave.
    pub reason: Error,
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
    /// The automatic choice's out-of-sample backtest: in each window the model chosen from
    /// that window's training part alone ([`WindowScore::model`]), so the figure is not
    /// flattered by choosing on the windows it reports. With one candidate it is that
    /// candidate's backtest. `model` is the model chosen on the whole history.
    pub backtest: Score,
    /// The protocol actually run (shorter windows or a lag-1 MASE scale on short series).
    #[serde(default = "default_protocol")]
    pub protocol: Protocol,
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

/// How many points [`forecast_auto`] needs at least.
pub const MIN_POINTS: usize = 8;

/// One model's forecast from one training length, scored on the `h` values after it.
struct Trial {
    train_len: usize,
    window: Result<WindowScore>,
}

fn trial(y: &[f64], model: Model, train_len: usize, protocol: &Protocol) -> Trial {
    let train = &y[..train_len];
    let actual = &y[train_len..train_len + protocol.horizon];
    let scale = seasonal_naive_mae(train, protocol.season);
    let window = if scale.is_nan() || scale <= 0.0 {
        Err(Error::invalid_parameter(
            "series",
            format!("y[1..={train_len}]"),
            Allowed::NotSeasonalRepeat,
        ))
    } else {
        model
            .fit(train, protocol.season, protocol.horizon)
            .map(|fit| WindowScore::from_fit(train, actual, fit, scale))
            .and_then(|w| {
                if w.mase.is_finite() {
                    Ok(w)
                } else {
                    Err(Error::invalid_parameter(
                        "forecast",
                        "a non-finite value",
                        crate::Allowed::FiniteForecasts,
                    ))
                }
            })
    };
    Trial { train_len, window }
}

/// The rule, applied to `(index, mean MASE)` pairs: the smallest; ties go to the earlier
/// model. (Preferring the combination unless another model beat it by 10 % scored worse
/// on the project's suite: 1.075 against 1.067 mean MASE.)
fn pick(means: &[(usize, f64)]) -> Option<usize> {
    means
        .iter()
        .copied()
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(i, _)| i)
}

/// The automatic choice's own backtest, out of sample: for each scored window, the model
/// is chosen by the same rule (smallest mean MASE over rolling windows) applied to the
/// window's training part only; the window is then scored with that model's forecast.
/// `trials[i]` holds model `i`'s trials at every training length tried; `outer` the
/// training lengths of the scored windows. Where the training part is too short for any
/// inner window, the fallback model is used.
fn honest_choice(
    models: &[Model],
    trials: &[Vec<Trial>],
    outer: &[usize],
    protocol: &Protocol,
    fallback: usize,
) -> Vec<WindowScore> {
    let h = protocol.horizon;
    let find = |i: usize, len: usize| -> Option<&WindowScore> {
        trials[i]
            .iter()
            .find(|t| t.train_len == len)
            .and_then(|t| t.window.as_ref().ok())
    };
    outer
        .iter()
        .map(|&train_len| {
            // Inner windows: the same protocol ending at this origin.
            let inner: Vec<usize> = (1..=protocol.windows)
                .filter_map(|k| train_len.checked_sub(k * h))
                .filter(|len| *len > protocol.season)
                .filter(|len| (0..models.len()).any(|i| find(i, *len).is_some()))
                .collect();
            let mut means = Vec::new();
            if !inner.is_empty() {
                for i in 0..models.len() {
                    let scores: Option<Vec<f64>> = inner
                        .iter()
                        .map(|len| find(i, *len).map(|w| w.mase))
                        .collect();
                    if let (Some(scores), Some(_)) = (scores, find(i, train_len)) {
                        means.push((i, scores.iter().sum::<f64>() / scores.len() as f64));
                    }
                }
            }
            let chosen = pick(&means).unwrap_or(fallback);
            let mut w = find(chosen, train_len)
                .cloned()
                .expect("the fallback was scored on every window");
            w.model = Some(models[chosen]);
            w
        })
        .collect()
}

/// Backtests every candidate on rolling windows and forecasts with the one with the
/// smallest mean MASE (ties go to the earlier model). The choice uses only the
/// past: the report's `backtest` is the automatic choice's own out-of-sample score (each
/// window's model chosen on that window's training part, see [`WindowScore::model`]),
/// while `scores` holds each candidate's backtest. Series shorter than the protocol asks
/// are backtested on shorter windows ([`Protocol::fitting`]); at least [`MIN_POINTS`] values
/// are needed. Reports `("backtest", done, total)` after each model and stops with
/// [`ErrorKind::Cancelled`] when told to.
pub fn forecast_auto(
    y: &[f64],
    params: &AutoParams,
    progress: &mut dyn Progress,
) -> Result<ForecastReport> {
    params.check(y.len())?;
    if let Some(i) = y.iter().position(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            crate::Subject::SeriesValue(i + 1),
            y[i],
            Allowed::FiniteNumber,
        ));
    }
    let n = y.len();
    let protocol = Protocol::new(params.horizon, params.season)
        .fitting(n)
        .ok_or_else(|| Error::not_enough(Counted::Observations, MIN_POINTS, n))?;
    let short = protocol != Protocol::new(params.horizon, params.season);
    let models = params.models.clone().unwrap_or_else(|| {
        let mut models = candidates(y, params.season);
        if short {
            // Too short for the full protocol: the benchmarks, which fit any length, too.
            models.insert(0, Model::Naive);
            if params.season > 1 && protocol.season > 1 {
                models.insert(1, Model::SeasonalNaive);
            }
        }
        models
    });
    let outer = protocol.origins(n);
    // Training lengths: the scored windows and the inner windows of the first of them.
    let lengths: Vec<usize> = (1..=2 * protocol.windows)
        .filter_map(|k| n.checked_sub(k * protocol.horizon))
        .filter(|len| *len > 0)
        .collect();
    let mut scores = Vec::new();
    let mut scored_models = Vec::new();
    let mut trials_kept = Vec::new();
    let mut skipped = Vec::new();
    for (i, model) in models.iter().enumerate() {
        let trials: Vec<Trial> = lengths
            .iter()
            .map(|len| trial(y, *model, *len, &protocol))
            .collect();
        let outer_windows: Result<Vec<WindowScore>> = outer
            .iter()
            .map(|len| {
                trials
                    .iter()
                    .find(|t| t.train_len == *len)
                    .expect("every origin is tried")
                    .window
                    .clone()
            })
            .collect();
        match outer_windows {
            Ok(windows) => {
                scores.push(Score::from_windows(*model, windows));
                scored_models.push(*model);
                trials_kept.push(trials);
            }
            Err(e) => skipped.push(Skipped {
                model: *model,
                reason: e,
            }),
        }
        if progress.report(Stage::Backtest, i as u64 + 1, models.len() as u64) == Control::Stop {
            return Err(Error::new(ErrorKind::Cancelled));
        }
    }
    // Refit in order of backtest score: a model can fail on the full history where it
    // passed on the shorter windows only in odd cases, and then the next best is used.
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].mase.total_cmp(&scores[b].mase).then(a.cmp(&b)));
    let means: Vec<(usize, f64)> = scores.iter().map(|s| s.mase).enumerate().collect();
    if let Some(first) = pick(&means) {
        order.retain(|i| *i != first);
        order.insert(0, first);
    }
    let mut last_error = None;
    for i in order {
        match scores[i].model.fit(y, params.season, params.horizon) {
            Ok(fit) => {
                let band = interval(&fit, y, params.level)?;
                let fallback = scored_models
                    .iter()
                    .position(|m| *m == Model::Ets)
                    .unwrap_or(0);
                let windows =
                    honest_choice(&scored_models, &trials_kept, &outer, &protocol, fallback);
                let mut backtest = Score::from_windows(scores[i].model, windows);
                backtest.name = "auto".into();
                return Ok(ForecastReport {
                    model: fit.model,
                    selected: fit.selected,
                    params: fit.params,
                    backtest,
                    protocol,
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
            Some(s) => s.reason.clone(),
            None => Error::not_enough(Counted::Observations, 1, y.len()),
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
        let mut stop_after_two = |_: crate::progress::Stage, done: u64, _: u64| {
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
        // The model kept for the forecast is the best scored one; the reported backtest is
        // the choice's own, each window naming the model chosen before its origin.
        let best = report
            .scores
            .iter()
            .min_by(|a, b| a.mase.total_cmp(&b.mase))
            .unwrap();
        assert_eq!(report.model, best.model);
        assert!(report.backtest.windows.iter().all(|w| w.model.is_some()));
        assert!(report.backtest.mase >= best.mase - 1e-12);
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
            forecast_auto(&y[..7], &AutoParams::new(4, 4), &mut Silent)
                .unwrap_err()
                .kind(),
            ErrorKind::NotEnoughData { .. }
        ));
    }

    #[test]
    fn short_series_are_forecast_not_refused() {
        // 30 months with a yearly pattern: shorter windows, a full 12-step forecast.
        let y: Vec<f64> = (0..30)
            .map(|t| 100.0 + 2.0 * t as f64 + 10.0 * ((t % 12) as f64 / 2.0).sin())
            .collect();
        let report = forecast_auto(&y, &AutoParams::new(12, 12), &mut Silent).unwrap();
        assert_eq!(report.forecast.len(), 12);
        assert!(report.protocol.horizon < 12);
        let eight = forecast_auto(&y[..8], &AutoParams::new(12, 12), &mut Silent).unwrap();
        assert_eq!(eight.forecast.len(), 12);
        assert_eq!(eight.protocol.season, 1);
    }

    #[test]
    fn the_reported_backtest_chooses_from_the_past_only() {
        // Flat for the first part, then a strong trend: on the early windows' own past the
        // trend is invisible, so the honest figure cannot be better than the best model's.
        let y: Vec<f64> = (0..60)
            .map(|t| {
                if t < 40 {
                    50.0 + (t % 3) as f64
                } else {
                    50.0 + 4.0 * (t - 40) as f64
                }
            })
            .collect();
        let report = forecast_auto(&y, &AutoParams::new(4, 1), &mut Silent).unwrap();
        let best = report
            .scores
            .iter()
            .map(|s| s.mase)
            .fold(f64::INFINITY, f64::min);
        assert!(report.backtest.mase >= best - 1e-12);
        assert_eq!(report.backtest.windows.len(), 3);
        assert_eq!(report.backtest.name, "auto");
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
