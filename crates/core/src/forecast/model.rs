//! The forecasting models, what a fit returns, and the one entry point [`Model::fit`].

use super::state_space::{self, Spec};
use super::{autoreg, boxcox, croston, naive, smoothing, theta};
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
    /// The standard Theta method, seasonally adjusted when needed ([`super::theta`]).
    Theta,
    /// The mean of the ETS, autoregression and Theta forecasts (those that fit).
    Combination,
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
            Model::EtsBoxCox => "ets_boxcox".into(),
            Model::EtsForm { form } => format!("ets({form})"),
            Model::Ar => "ar".into(),
            Model::Theta => "theta".into(),
            Model::Combination => "combination".into(),
            Model::Croston => "croston".into(),
            Model::Tsb => "tsb".into(),
        }
    }

    /// The model a [`Model::name`] names (also `moving_average(K)` for any window `K`).
    pub fn from_name(name_in: &str) -> Result<Model> {
        let name = name_in.trim().to_ascii_lowercase();
        let fixed = [
            Model::Naive,
            Model::SeasonalNaive,
            Model::Ses,
            Model::Holt,
            Model::DampedHolt,
            Model::HoltWintersAdditive,
            Model::HoltWintersMultiplicative,
            Model::Ets,
            Model::EtsBoxCox,
            Model::Ar,
            Model::Theta,
            Model::Combination,
            Model::Croston,
            Model::Tsb,
        ];
        if let Some(m) = fixed.iter().find(|m| m.name() == name) {
            return Ok(*m);
        }
        // `ets(MAdM)`: the form keeps its case-sensitive `d`.
        let original = name_in.trim();
        if let Some(code) = original
            .strip_prefix("ets(")
            .or_else(|| original.strip_prefix("ETS("))
            .and_then(|rest| rest.strip_suffix(')'))
        {
            return Spec::parse(code).map(|form| Model::EtsForm { form });
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
                 holt_winters_additive, holt_winters_multiplicative, ets, ets_boxcox, ets(FORM) \
                 such as ets(MAdM), ar, theta, combination, croston or tsb",
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
            Model::EtsBoxCox => lang
                .pick(
                    "Box-Cox 变换后的自动指数平滑（Guerrero 选 λ）",
                    "ETS on a Box-Cox transform (λ by Guerrero)",
                )
                .into(),
            Model::EtsForm { form } => match lang {
                Lang::Zh => format!("指数平滑状态空间 {}", form.notation()),
                Lang::En => form.notation(),
            },
            Model::Ar => lang
                .pick(
                    "差分自回归（AICc 定阶）",
                    "Autoregression on differences (AICc)",
                )
                .into(),
            Model::Theta => lang.pick("Theta 法", "Theta method").into(),
            Model::Combination => lang
                .pick(
                    "组合：ETS、自回归、Theta 的平均",
                    "Combination: mean of ETS, AR, Theta",
                )
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
            Model::Ets => state_space::auto(y, season).map(|f| state_space::to_fit(y, &f, horizon)),
            Model::EtsBoxCox => on_boxcox_scale(y, season, horizon, Model::Ets),
            Model::EtsForm { form } => {
                state_space::fit_spec(y, season, *form).map(|f| state_space::to_fit(y, &f, horizon))
            }
            Model::Ar => autoreg::fit(y, season, horizon),
            Model::Theta => theta::fit(y, season, horizon),
            Model::Combination => combine(y, season, horizon),
            Model::Croston => croston::croston(y, 0.1, horizon),
            Model::Tsb => croston::tsb_fitted(y, horizon),
        }?;
        fit.model = *self;
        Ok(fit)
    }
}

/// `inner` fitted to the Box-Cox transform of `y` (λ by Guerrero on `y` alone), its
/// forecasts and in-sample predictions turned back; the band is kept on the transformed
/// scale ([`Fit::transformed`]) so that [`super::intervals::interval`] turns its bounds back.
fn on_boxcox_scale(y: &[f64], season: usize, horizon: usize, inner: Model) -> Result<Fit> {
    let lambda = boxcox::guerrero_lambda(y, season);
    let w: Vec<f64> = y.iter().map(|v| boxcox::transform(*v, lambda)).collect();
    if let Some(i) = w.iter().position(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            format!("value #{}", i + 1),
            y[i],
            format!("a value the Box-Cox transform with λ = {lambda:.3} keeps finite"),
        ));
    }
    let fit = inner.fit(&w, season, horizon)?;
    let back = |v: f64| boxcox::inverse(v, lambda);
    let mut params = vec![Param::new("lambda", lambda)];
    params.extend(fit.params.iter().cloned());
    let mut out = Fit {
        model: Model::EtsBoxCox,
        selected: fit.selected,
        params,
        fitted: fit.fitted.iter().map(|v| v.map(back)).collect(),
        mean: fit.mean.iter().map(|v| back(*v)).collect(),
        variance_factor: fit.variance_factor,
        sigma2: fit.sigma2,
        sse: fit.sse,
        n_estimated: fit.n_estimated + 1,
        transformed: None,
    };
    if out.mean.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            "forecast",
            "a value outside the Box-Cox transform's range",
            "finite forecasts",
        ));
    }
    out.transformed = Some(Transformed {
        lambda,
        mean: fit.mean,
    });
    Ok(out)
}

/// The mean of the ETS, autoregression and Theta forecasts that fit `y` (at least one).
fn combine(y: &[f64], season: usize, horizon: usize) -> Result<Fit> {
    let mut fits = Vec::new();
    let mut first_error = None;
    for model in [Model::Ets, Model::Ar, Model::Theta] {
        match model.fit(y, season, horizon) {
            Ok(f) => fits.push(f),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if fits.is_empty() {
        return Err(first_error.unwrap_or_else(|| Error::not_enough("observations", 8, y.len())));
    }
    let k = fits.len() as f64;
    let average = |get: &dyn Fn(&Fit) -> Vec<f64>| -> Vec<f64> {
        let parts: Vec<Vec<f64>> = fits.iter().map(get).collect();
        (0..parts[0].len())
            .map(|i| parts.iter().map(|p| p[i]).sum::<f64>() / k)
            .collect()
    };
    let mean = average(&|f: &Fit| f.mean.clone());
    let factor = average(&|f: &Fit| f.variance_factor.clone());
    let fitted = (0..y.len())
        .map(|t| {
            let values: Option<Vec<f64>> = fits.iter().map(|f| f.fitted[t]).collect();
            values.map(|v| v.iter().sum::<f64>() / k)
        })
        .collect();
    let params = fits
        .iter()
        .map(|f| Param::new(&f.model.name(), 1.0 / k))
        .collect();
    let estimated = fits.iter().map(|f| f.n_estimated).max().unwrap_or(0);
    Ok(Fit::from_parts(y, fitted, mean, factor, params, estimated))
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
            Model::EtsBoxCox,
            Model::EtsForm {
                form: Spec::parse("MAdM").unwrap(),
            },
            Model::Ar,
            Model::Theta,
            Model::Combination,
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
            transformed: None,
        }
    }
}
