//! The forecasting models, what a fit returns, and the one entry point [`Model::fit`].

use super::{croston, ets, naive, smoothing};
use crate::{Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// A forecasting model. Parameters that are not listed are fitted by minimising the
/// in-sample squared one-step error (see [`super::smoothing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Model {
    /// The last value, repeated.
    Naive,
    /// The value one season ago.
    SeasonalNaive,
    /// The mean of the last `window` values, repeated.
    MovingAverage {
        /// How many recent values to average (at least 1).
        window: usize,
    },
    /// Simple exponential smoothing (level only).
    Ses,
    /// Holt's linear trend.
    Holt,
    /// Holt's trend, damped (Gardner & McKenzie).
    DampedHolt,
    /// Holt-Winters with additive seasonality.
    HoltWintersAdditive,
    /// Holt-Winters with multiplicative seasonality (positive data only).
    HoltWintersMultiplicative,
    /// Exponential smoothing whose form (level, trend, damping, seasonality) is chosen by
    /// AICc, as `AutoETS` does.
    Ets,
    /// Croston's method for intermittent demand (smoothing 0.1 for sizes and intervals).
    Croston,
    /// Teunter-Syntetos-Babai: demand probability and size smoothed separately.
    Tsb,
}

impl Model {
    /// A stable name for JSON and the CLI: `naive`, `seasonal_naive`, `moving_average(12)`...
    pub fn name(&self) -> String {
        match self {
            Model::Naive => "naive".into(),
            Model::SeasonalNaive => "seasonal_naive".into(),
            Model::MovingAverage { window } => format!("moving_average({window})"),
            Model::Ses => "ses".into(),
            Model::Holt => "holt".into(),
            Model::DampedHolt => "damped_holt".into(),
            Model::HoltWintersAdditive => "holt_winters_additive".into(),
            Model::HoltWintersMultiplicative => "holt_winters_multiplicative".into(),
            Model::Ets => "ets".into(),
            Model::Croston => "croston".into(),
            Model::Tsb => "tsb".into(),
        }
    }

    /// The model a [`Model::name`] names (also `moving_average(K)` for any window `K`).
    pub fn from_name(name: &str) -> Result<Model> {
        let name = name.trim().to_ascii_lowercase();
        let fixed = [
            Model::Naive,
            Model::SeasonalNaive,
            Model::Ses,
            Model::Holt,
            Model::DampedHolt,
            Model::HoltWintersAdditive,
            Model::HoltWintersMultiplicative,
            Model::Ets,
            Model::Croston,
            Model::Tsb,
        ];
        if let Some(m) = fixed.iter().find(|m| m.name() == name) {
            return Ok(*m);
        }
        let window = name
            .strip_prefix("moving_average(")
            .and_then(|rest| rest.strip_suffix(')'))
            .and_then(|k| k.parse::<usize>().ok())
            .filter(|k| *k > 0);
        window
            .map(|window| Model::MovingAverage { window })
            .ok_or_else(|| {
                Error::invalid_parameter(
                    "model",
                    name,
                    "naive, seasonal_naive, moving_average(K), ses, holt, damped_holt, \
                 holt_winters_additive, holt_winters_multiplicative, ets, croston or tsb",
                )
            })
    }

    /// The name shown to the user in their language.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Model::Naive => lang.pick("朴素预测", "Naive").into(),
            Model::SeasonalNaive => lang.pick("季节朴素预测", "Seasonal naive").into(),
            Model::MovingAverage { window } => match lang {
                Lang::Zh => format!("移动平均（{window} 期）"),
                Lang::En => format!("Moving average ({window})"),
            },
            Model::Ses => lang
                .pick("简单指数平滑", "Simple exponential smoothing")
                .into(),
            Model::Holt => lang.pick("Holt 线性趋势", "Holt linear trend").into(),
            Model::DampedHolt => lang.pick("阻尼趋势 Holt", "Damped Holt").into(),
            Model::HoltWintersAdditive => lang
                .pick("Holt-Winters（加法季节）", "Holt-Winters additive")
                .into(),
            Model::HoltWintersMultiplicative => lang
                .pick("Holt-Winters（乘法季节）", "Holt-Winters multiplicative")
                .into(),
            Model::Ets => lang
                .pick("自动指数平滑（AICc）", "ETS (chosen by AICc)")
                .into(),
            Model::Croston => lang.pick("Croston 间歇需求", "Croston").into(),
            Model::Tsb => lang.pick("TSB 间歇需求", "TSB").into(),
        }
    }

    /// Fits the model to `y` (season length `season`, 1 for none) and forecasts `horizon`
    /// steps.
    pub fn fit(&self, y: &[f64], season: usize, horizon: usize) -> Result<Fit> {
        if horizon == 0 {
            return Err(Error::invalid_parameter("horizon", 0, "at least 1"));
        }
        if season == 0 {
            return Err(Error::invalid_parameter("season", 0, "at least 1"));
        }
        if let Some(i) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                format!("value #{}", i + 1),
                y[i],
                "a finite number",
            ));
        }
        let mut fit = match self {
            Model::Naive => naive::naive(y, horizon),
            Model::SeasonalNaive => naive::seasonal_naive(y, season, horizon),
            Model::MovingAverage { window } => naive::moving_average(y, *window, horizon),
            Model::Ses => smoothing::fit(y, smoothing::Form::SES, season, horizon),
            Model::Holt => smoothing::fit(y, smoothing::Form::HOLT, season, horizon),
            Model::DampedHolt => smoothing::fit(y, smoothing::Form::DAMPED, season, horizon),
            Model::HoltWintersAdditive => {
                smoothing::fit(y, smoothing::Form::HW_ADDITIVE, season, horizon)
            }
            Model::HoltWintersMultiplicative => {
                smoothing::fit(y, smoothing::Form::HW_MULTIPLICATIVE, season, horizon)
            }
            Model::Ets => ets::fit(y, season, horizon),
            Model::Croston => croston::croston(y, 0.1, horizon),
            Model::Tsb => croston::tsb_fitted(y, horizon),
        }?;
        fit.model = *self;
        Ok(fit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_labels_exist_in_both_languages() {
        for m in [
            Model::Naive,
            Model::SeasonalNaive,
            Model::MovingAverage { window: 12 },
            Model::Ses,
            Model::Holt,
            Model::DampedHolt,
            Model::HoltWintersAdditive,
            Model::HoltWintersMultiplicative,
            Model::Ets,
            Model::Croston,
            Model::Tsb,
        ] {
            assert_eq!(Model::from_name(&m.name()).unwrap(), m);
            assert_ne!(m.label(Lang::Zh), m.label(Lang::En));
        }
        assert!(Model::from_name("arima").is_err());
        assert!(Model::from_name("moving_average(0)").is_err());
    }
}

/// A named parameter value of a fitted model (shown in the model table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    /// Parameter name (`alpha`, `beta`, `gamma`, `phi`, `window`...).
    pub name: String,
    /// Its value.
    pub value: f64,
}

impl Param {
    pub(crate) fn new(name: &str, value: f64) -> Param {
        Param {
            name: name.into(),
            value,
        }
    }
}

/// A model fitted to one series, with its point forecast and what prediction intervals
/// need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// The model asked for.
    pub model: Model,
    /// For [`Model::Ets`], the form AICc selected; otherwise `None`.
    pub selected: Option<Model>,
    /// Fitted parameter values.
    pub params: Vec<Param>,
    /// One-step in-sample predictions, `None` where the model has none yet (the first
    /// value, the first season...).
    pub fitted: Vec<Option<f64>>,
    /// The point forecast, one value per step ahead.
    pub mean: Vec<f64>,
    /// Variance of the `h`-step error in units of the one-step variance (1 for `h = 1`).
    pub variance_factor: Vec<f64>,
    /// Variance of the one-step in-sample error.
    pub sigma2: f64,
    /// Sum of squared one-step errors (used by AICc).
    pub sse: f64,
    /// Parameters estimated, including initial states (used by AICc).
    pub n_estimated: usize,
}

impl Fit {
    /// Builds a fit from in-sample one-step predictions: residual variance with a
    /// degrees-of-freedom correction for the estimated parameters.
    pub(crate) fn from_parts(
        y: &[f64],
        fitted: Vec<Option<f64>>,
        mean: Vec<f64>,
        variance_factor: Vec<f64>,
        params: Vec<Param>,
        n_estimated: usize,
    ) -> Fit {
        let (sse, count) = y
            .iter()
            .zip(&fitted)
            .filter_map(|(v, f)| f.map(|f| (v - f) * (v - f)))
            .fold((0.0, 0usize), |(s, c), e| (s + e, c + 1));
        let dof = if count > n_estimated {
            count - n_estimated
        } else {
            count.max(1)
        };
        Fit {
            model: Model::Naive,
            selected: None,
            params,
            fitted,
            mean,
            variance_factor,
            sigma2: sse / dof as f64,
            sse,
            n_estimated,
        }
    }
}
