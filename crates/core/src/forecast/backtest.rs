//! The backtest protocol used everywhere (page, CLI, automatic choice): rolling origins.
//!
//! With `W` windows (3) of `h` steps, window `k` trains on the first `n - (W - k)·h`
//! values and is scored on the next `h`; the step between origins is `h`, so the last
//! window ends with the series. Each window's MASE divides the mean absolute error by the
//! in-sample seasonal-naive MAE (season `m`) of that window's training part (Hyndman &
//! Koehler 2006); the reported score is the mean over windows. This is statsforecast's
//! `cross_validation(h, n_windows = 3, step_size = h)` scored with `mase(seasonality = m)`.
//!
//! MAPE skips steps whose actual value is zero (it is undefined there); sMAPE
//! `2|e| / (|y| + |ŷ|)` counts a step where both are zero as a perfect 0. Both are percents.
//!
//! Beside the errors, each window reports the empirical coverage of the model's 80 % and
//! 95 % prediction intervals ([`COVERAGE_LEVELS`]): the share of the held-out steps whose
//! actual value lies inside the band fitted on that window's training part only
//! ([`super::intervals::interval`]). A well-calibrated 95 % band holds about 95 % of them;
//! far fewer says the band is too narrow. The score pools the windows' steps. This is what
//! statsforecast's `cross_validation(..., level=[80, 95])` bands give when counted the same way.

use super::fitted::{Model, SeriesFit};
use super::intervals::interval;
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// How a backtest is run. `Protocol::new(h, m)` gives 3 windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    /// Steps forecast in each window, and the step between origins.
    pub horizon: usize,
    /// Season length for the MASE scale (1 = non-seasonal naive).
    pub season: usize,
    /// Number of rolling origins (default 3).
    pub windows: usize,
}

impl Protocol {
    /// The project's protocol: 3 windows of `horizon` steps, MASE scaled with season `season`.
    pub fn new(horizon: usize, season: usize) -> Protocol {
        Protocol {
            horizon,
            season,
            windows: 3,
        }
    }

    /// Checks the parameters against a series of `n` values.
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
        if self.windows == 0 {
            return Err(Error::invalid_parameter(
                "windows",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        // The first training part needs more than one season for the MASE scale.
        let needed = self.windows * self.horizon + self.season + 1;
        if n < needed {
            return Err(Error::not_enough(Counted::Observations, needed, n));
        }
        Ok(())
    }

    /// The protocol a series of `n` values can support when `self` asks for more: the
    /// backtest horizon shortened until three windows fit after more than one season, then
    /// the MASE scale made non-seasonal (lag 1). The forecast horizon is not affected.
    /// `None` below 5 values.
    pub fn fitting(&self, n: usize) -> Option<Protocol> {
        if self.check(n).is_ok() {
            return Some(*self);
        }
        for season in [self.season, 1] {
            let room = n.saturating_sub(season + 1) / self.windows.max(1);
            if room >= 1 {
                let p = Protocol {
                    horizon: room.min(self.horizon),
                    season,
                    windows: self.windows,
                };
                if p.check(n).is_ok() {
                    return Some(p);
                }
            }
        }
        None
    }

    /// Training lengths of the windows, oldest first (meaningful once [`Protocol::check`]
    /// passed; too short a series gives zeros rather than a panic).
    pub fn origins(&self, n: usize) -> Vec<usize> {
        (0..self.windows)
            .map(|k| n.saturating_sub((self.windows - k) * self.horizon))
            .collect()
    }
}

/// The nominal levels (percent) whose interval coverage every backtest reports.
pub const COVERAGE_LEVELS: [f64; 2] = [80.0, 95.0];

/// How many held-out values fell inside a prediction interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// Nominal coverage of the interval in percent (80, 95).
    pub level: f64,
    /// Held-out steps whose actual value lies inside the interval (bounds included).
    pub inside: usize,
    /// Held-out steps counted.
    pub steps: usize,
    /// `inside / steps`, between 0 and 1 (compare with `level / 100`).
    pub share: f64,
}

impl Coverage {
    fn new(level: f64, inside: usize, steps: usize) -> Coverage {
        Coverage {
            level,
            inside,
            steps,
            share: if steps == 0 {
                f64::NAN
            } else {
                inside as f64 / steps as f64
            },
        }
    }
}

/// Levels are written as given (80.0, 95.0); equal to well below any meaningful difference.
fn same_level(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The errors of one window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WindowScore {
    /// Values the model was trained on (the window's origin).
    pub train_len: usize,
    /// In-sample seasonal-naive MAE of the training part (the MASE denominator).
    pub scale: f64,
    /// Mean absolute scaled error.
    pub mase: f64,
    /// Mean absolute percentage error (%), `None` if every actual value is zero.
    pub mape: Option<f64>,
    /// Symmetric MAPE (%).
    pub smape: f64,
    /// What happened.
    pub actual: Vec<f64>,
    /// What the model forecast.
    pub forecast: Vec<f64>,
    /// In an automatic choice's backtest, the model chosen for this window from the data
    /// before its origin; `None` in a single model's backtest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<Model>,
    /// Coverage of the model's intervals at each of [`COVERAGE_LEVELS`], fitted on the
    /// training part only; empty when the model gave no finite interval.
    #[serde(default)]
    pub coverage: Vec<Coverage>,
}

/// A model's backtest: each window and the means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// The model.
    pub model: Model,
    /// Stable model name (see [`Model::name`]).
    pub name: String,
    /// Per window, oldest first.
    pub windows: Vec<WindowScore>,
    /// Mean MASE over windows.
    pub mase: f64,
    /// Mean MAPE over the windows where it is defined.
    pub mape: Option<f64>,
    /// Mean sMAPE.
    pub smape: f64,
    /// Interval coverage pooled over the held-out steps of the windows that have one (see
    /// [`WindowScore::coverage`]); empty when no window has an interval.
    #[serde(default)]
    pub coverage: Vec<Coverage>,
}

impl Score {
    /// A model's score from its windows: the means of the errors, the pooled coverage.
    pub fn from_windows(model: Model, windows: Vec<WindowScore>) -> Score {
        let count = windows.len() as f64;
        let mapes: Vec<f64> = windows.iter().filter_map(|w| w.mape).collect();
        let coverage = COVERAGE_LEVELS
            .iter()
            .filter_map(|level| {
                let counted: Vec<&Coverage> = windows
                    .iter()
                    .flat_map(|w| &w.coverage)
                    .filter(|c| same_level(c.level, *level))
                    .collect();
                (!counted.is_empty()).then(|| {
                    Coverage::new(
                        *level,
                        counted.iter().map(|c| c.inside).sum(),
                        counted.iter().map(|c| c.steps).sum(),
                    )
                })
            })
            .collect();
        Score {
            model,
            name: model.name(),
            mase: windows.iter().map(|w| w.mase).sum::<f64>() / count,
            mape: (!mapes.is_empty()).then(|| mapes.iter().sum::<f64>() / mapes.len() as f64),
            smape: windows.iter().map(|w| w.smape).sum::<f64>() / count,
            coverage,
            windows,
        }
    }

    /// The pooled coverage at `level` percent, if the backtest has one.
    pub fn coverage_at(&self, level: f64) -> Option<&Coverage> {
        self.coverage.iter().find(|c| same_level(c.level, level))
    }
}

impl WindowScore {
    /// Scores `fit`, made from `train` (the first `train.len()` values), against `actual`
    /// (the values after it): errors scaled by `scale` and interval coverage.
    pub fn from_fit(train: &[f64], actual: &[f64], fit: SeriesFit, scale: f64) -> WindowScore {
        let (mase, mape, smape) = score_window(actual, &fit.mean, scale);
        WindowScore {
            train_len: train.len(),
            scale,
            mase,
            mape,
            smape,
            actual: actual.to_vec(),
            coverage: interval_coverage(&fit, train, actual),
            forecast: fit.mean,
            model: None,
        }
    }

    /// This window's coverage at `level` percent, if the model gave an interval.
    pub fn coverage_at(&self, level: f64) -> Option<&Coverage> {
        self.coverage.iter().find(|c| same_level(c.level, level))
    }
}

/// The coverage at each of [`COVERAGE_LEVELS`] of the intervals of `fit` (made from `train`
/// alone) on the held-out `actual` values; empty when the fit's band is not finite (no
/// usable error variance).
pub fn interval_coverage(fit: &SeriesFit, train: &[f64], actual: &[f64]) -> Vec<Coverage> {
    if !fit.sigma2.is_finite() {
        // `interval` would clamp a NaN variance to a zero-width band; that is no interval.
        return Vec::new();
    }
    let mut out = Vec::with_capacity(COVERAGE_LEVELS.len());
    for level in COVERAGE_LEVELS {
        let Ok(band) = interval(fit, train, level) else {
            return Vec::new();
        };
        let steps = actual.len().min(band.lower.len());
        let finite = band.lower[..steps]
            .iter()
            .chain(&band.upper[..steps])
            .all(|v| v.is_finite());
        if steps == 0 || !finite {
            return Vec::new();
        }
        let inside = actual[..steps]
            .iter()
            .zip(band.lower.iter().zip(&band.upper))
            .filter(|&(a, (low, high))| low <= a && a <= high)
            .count();
        out.push(Coverage::new(level, inside, steps));
    }
    out
}

/// In-sample MAE of the seasonal naive forecast (lag `season`).
pub fn seasonal_naive_mae(train: &[f64], season: usize) -> f64 {
    let diffs = train.len().saturating_sub(season);
    if diffs == 0 {
        return f64::NAN;
    }
    train[season..]
        .iter()
        .zip(train)
        .map(|(a, b)| (a - b).abs())
        .sum::<f64>()
        / diffs as f64
}

/// Scores one forecast against what happened.
pub fn score_window(actual: &[f64], forecast: &[f64], scale: f64) -> (f64, Option<f64>, f64) {
    let h = actual.len() as f64;
    let mae = actual
        .iter()
        .zip(forecast)
        .map(|(a, f)| (a - f).abs())
        .sum::<f64>()
        / h;
    let (ape, count) = actual
        .iter()
        .zip(forecast)
        .filter(|(a, _)| a.abs() > 0.0)
        .fold((0.0, 0usize), |(s, c), (a, f)| {
            (s + ((a - f) / a).abs(), c + 1)
        });
    let mape = (count > 0).then(|| 100.0 * ape / count as f64);
    let smape = 100.0
        * actual
            .iter()
            .zip(forecast)
            .map(|(a, f)| {
                let denominator = a.abs() + f.abs();
                if denominator > 0.0 {
                    2.0 * (a - f).abs() / denominator
                } else {
                    0.0
                }
            })
            .sum::<f64>()
        / h;
    (mae / scale, mape, smape)
}

/// Runs the protocol for one model on a series.
pub fn backtest(y: &[f64], model: Model, protocol: &Protocol) -> Result<Score> {
    protocol.check(y.len())?;
    let mut windows = Vec::with_capacity(protocol.windows);
    for train_len in protocol.origins(y.len()) {
        let train = &y[..train_len];
        let actual = &y[train_len..train_len + protocol.horizon];
        let scale = seasonal_naive_mae(train, protocol.season);
        if scale.is_nan() || scale <= 0.0 {
            return Err(Error::invalid_parameter(
                "series",
                format!("y[1..={train_len}]"),
                Allowed::NotSeasonalRepeat,
            ));
        }
        let fit = model.fit(train, protocol.season, protocol.horizon)?;
        windows.push(WindowScore::from_fit(train, actual, fit, scale));
    }
    Ok(Score::from_windows(model, windows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_step_by_the_horizon_and_end_with_the_series() {
        let p = Protocol::new(6, 12);
        assert_eq!(p.origins(36), vec![18, 24, 30]);
        assert!(p.check(36).is_ok());
        assert!(p.check(30).is_err());
        assert!(Protocol::new(0, 12).check(100).is_err());
        // A 36-month series: 7-step windows after one season; 8 months: lag-1 scale.
        assert_eq!(p.fitting(36), Some(p));
        let short = Protocol::new(12, 12).fitting(36).unwrap();
        assert_eq!((short.horizon, short.season), (7, 12));
        assert_eq!(short.origins(36), vec![15, 22, 29]);
        let tiny = Protocol::new(12, 12).fitting(8).unwrap();
        assert_eq!((tiny.horizon, tiny.season), (2, 1));
        assert_eq!(Protocol::new(12, 12).fitting(4), None);
    }

    #[test]
    fn window_errors_by_hand() {
        // errors 1 and 3 → MAE 2, scale 4 → MASE 0.5; APE 10% and 30%; sMAPE 2/21, 6/23.
        let (mase, mape, smape) = score_window(&[10.0, 10.0], &[11.0, 13.0], 4.0);
        assert!((mase - 0.5).abs() < 1e-12);
        assert!((mape.unwrap() - 20.0).abs() < 1e-12);
        assert!((smape - 50.0 * (2.0 / 21.0 + 6.0 / 23.0)).abs() < 1e-12);
        assert_eq!(score_window(&[0.0], &[1.0], 1.0).1, None);
    }

    /// Alternating 10, 12 has naive one-step errors of ±2 (σ = 2): the 80 % band at step 1
    /// is `12 ± 1.2816·2`, the 95 % band `12 ± 1.96·2`, widening by `√h`.
    fn alternating(n: usize) -> Vec<f64> {
        (0..n)
            .map(|t| if t % 2 == 0 { 10.0 } else { 12.0 })
            .collect()
    }

    #[test]
    fn coverage_counts_held_out_values_inside_the_band_by_construction() {
        // Three windows of 2 steps after 20 values. Window 1 continues the pattern (inside
        // both bands); window 2's first value is 15.2, outside the 80 % band (≤ 14.57) but
        // inside the 95 % one (≥ 15.91); window 3 jumps to 100, outside both.
        let mut y = alternating(26);
        y[22] = 15.2;
        y[24] = 100.0;
        y[25] = 100.0;
        let score = backtest(&y, Model::Naive, &Protocol::new(2, 1)).unwrap();
        let counts = |level: f64| -> Vec<usize> {
            score
                .windows
                .iter()
                .map(|w| w.coverage_at(level).unwrap().inside)
                .collect()
        };
        assert_eq!(score.windows[0].train_len, 20);
        assert_eq!(counts(80.0), vec![2, 1, 0]);
        assert_eq!(counts(95.0), vec![2, 2, 0]);
        let pooled = score.coverage_at(95.0).unwrap();
        assert_eq!((pooled.inside, pooled.steps), (4, 6));
        assert!((pooled.share - 4.0 / 6.0).abs() < 1e-12);
        assert!((score.coverage_at(80.0).unwrap().share - 0.5).abs() < 1e-12);
    }

    #[test]
    fn coverage_uses_only_each_windows_training_part() {
        // Wild values after the first window must not change its band: were the interval
        // fitted on more than the training part, their errors would widen it.
        let y = alternating(26);
        let mut wild = y.clone();
        for (i, v) in wild.iter_mut().enumerate().skip(22) {
            *v = if i % 2 == 0 { -500.0 } else { 900.0 };
        }
        let p = Protocol::new(2, 1);
        let calm = backtest(&y, Model::Ses, &p).unwrap();
        let spoilt = backtest(&wild, Model::Ses, &p).unwrap();
        assert_eq!(calm.windows[0], spoilt.windows[0]);
        // ...while the later windows, trained on the wild values, see different bands.
        let train = &wild[..24];
        let fit = Model::Ses.fit(train, 1, 2).unwrap();
        let band = interval(&fit, train, 95.0).unwrap();
        let by_hand = wild[24..]
            .iter()
            .zip(band.lower.iter().zip(&band.upper))
            .filter(|&(a, (l, h))| l <= a && a <= h)
            .count();
        assert_eq!(spoilt.windows[2].coverage_at(95.0).unwrap().inside, by_hand);
        assert_ne!(calm.windows[2].coverage, spoilt.windows[2].coverage);
    }

    #[test]
    fn a_band_that_is_not_finite_reports_no_coverage() {
        let y = alternating(12);
        let mut fit = Model::Naive.fit(&y, 1, 2).unwrap();
        fit.sigma2 = f64::NAN;
        assert!(interval_coverage(&fit, &y, &[10.0, 12.0]).is_empty());
        let windows = vec![WindowScore::from_fit(&y, &[10.0, 12.0], fit, 2.0)];
        assert!(Score::from_windows(Model::Naive, windows)
            .coverage
            .is_empty());
    }
}
