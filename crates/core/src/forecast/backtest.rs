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

use super::model::Model;
use crate::{Error, Result};
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
            return Err(Error::invalid_parameter("horizon", 0, "at least 1"));
        }
        if self.season == 0 {
            return Err(Error::invalid_parameter("season", 0, "at least 1"));
        }
        if self.windows == 0 {
            return Err(Error::invalid_parameter("windows", 0, "at least 1"));
        }
        // The first training part needs more than one season for the MASE scale.
        let needed = self.windows * self.horizon + self.season + 1;
        if n < needed {
            return Err(Error::not_enough("observations", needed, n));
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
                format!("the first {train_len} values, which repeat every {} periods exactly", protocol.season),
                "a series the seasonal naive forecast does not fit exactly (MASE divides by its error)",
            ));
        }
        let fit = model.fit(train, protocol.season, protocol.horizon)?;
        let (mase, mape, smape) = score_window(actual, &fit.mean, scale);
        windows.push(WindowScore {
            train_len,
            scale,
            mase,
            mape,
            smape,
            actual: actual.to_vec(),
            forecast: fit.mean,
            model: None,
        });
    }
    let count = windows.len() as f64;
    let mapes: Vec<f64> = windows.iter().filter_map(|w| w.mape).collect();
    Ok(Score {
        model,
        name: model.name(),
        mase: windows.iter().map(|w| w.mase).sum::<f64>() / count,
        mape: (!mapes.is_empty()).then(|| mapes.iter().sum::<f64>() / mapes.len() as f64),
        smape: windows.iter().map(|w| w.smape).sum::<f64>() / count,
        windows,
    })
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
}
