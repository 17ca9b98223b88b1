//! What a forecasting method returns: the [`Model`] asked for, its fitted [`Param`]s and
//! the [`SeriesFit`] (point forecast, in-sample predictions, what intervals need). A leaf
//! module: every method (smoothing, naive, Croston, autoregression, Theta) builds a
//! [`SeriesFit`] here, and [`super::model`] dispatches to them, so the methods and the
//! dispatcher never import each other.

use super::state_space::Spec;
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
    /// Exponential smoothing as a state-space model (error, trend, season), every admissible
    /// form fitted by maximum likelihood and the one with the smallest AICc kept, as
    /// `AutoETS` does (see [`super::state_space`]).
    Ets,
    /// [`Model::Ets`] fitted to the Box-Cox transform of the series, λ chosen by Guerrero's
    /// method on the values it is given ([`super::boxcox`]); forecasts and interval bounds
    /// turned back to the original scale.
    EtsBoxCox,
    /// One ETS form, e.g. `MAdM`, fitted by maximum likelihood.
    EtsForm {
        /// The form.
        form: Spec,
    },
    /// Autoregression on a differenced series, order by BIC ([`super::autoreg`]).
    Ar,
    /// Seasonal ARIMA fitted by CSS-ML, orders by the Hyndman-Khandakar stepwise search on
    /// AICc ([`super::arima::auto`]).
    Arima,
    /// The standard Theta method, seasonally adjusted when needed ([`super::theta`]).
    Theta,
    /// The mean of the ETS, autoregression and Theta forecasts (those that fit).
    Combination,
    /// Croston's method for intermittent demand (smoothing 0.1 for sizes and intervals).
    Croston,
    /// Teunter-Syntetos-Babai: demand probability and size smoothed separately.
    Tsb,
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
pub struct SeriesFit {
    /// The model asked for.
    pub model: Model,
    /// For [`Model::Ets`], the form AICc selected ([`Model::EtsForm`]); otherwise `None`.
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
    /// For a model fitted on a transformed scale, that scale's point forecast and λ:
    /// `sigma2` and `variance_factor` then describe errors on that scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transformed: Option<Transformed>,
}

/// The Box-Cox scale a fit was made on ([`super::boxcox`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transformed {
    /// The transform's λ (0: log).
    pub lambda: f64,
    /// The point forecast on the transformed scale.
    pub mean: Vec<f64>,
}

impl SeriesFit {
    /// Builds a fit from in-sample one-step predictions: residual variance with a
    /// degrees-of-freedom correction for the estimated parameters.
    pub(crate) fn from_parts(
        y: &[f64],
        fitted: Vec<Option<f64>>,
        mean: Vec<f64>,
        variance_factor: Vec<f64>,
        params: Vec<Param>,
        n_estimated: usize,
    ) -> SeriesFit {
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
        SeriesFit {
            model: Model::Naive,
            selected: None,
            params,
            fitted,
            mean,
            variance_factor,
            sigma2: sse / dof as f64,
            sse,
            n_estimated,
            transformed: None,
        }
    }
}
