//! The forecasting models' names and labels and the one entry point [`Model::fit`], which
//! dispatches to each method's module. The types a fit returns live in
//! [`super::fitted`], a leaf every method imports, so no method module needs this one.

pub use super::fitted::{Model, Param, SeriesFit, Transformed};
use super::state_space::{self, EtsFit, Kind, Spec};
use super::{arima, autoreg, boxcox, croston, naive, smoothing, theta};
use crate::{Allowed, Counted, Error, Lang, Result};

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
            Model::Arima => "arima".into(),
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
            Model::Arima,
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
                    Allowed::one_of(&[
                        "naive",
                        "seasonal_naive",
                        "moving_average(K)",
                        "ses",
                        "holt",
                        "damped_holt",
                        "holt_winters_additive",
                        "holt_winters_multiplicative",
                        "ets",
                        "ets_boxcox",
                        "ets(MAdM)",
                        "ar",
                        "arima",
                        "theta",
                        "combination",
                        "croston",
                        "tsb",
                    ]),
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
            Model::Arima => lang.pick("自回归积分滑动平均 ARIMA", "ARIMA").into(),
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
    pub fn fit(&self, y: &[f64], season: usize, horizon: usize) -> Result<SeriesFit> {
        if horizon == 0 {
            return Err(Error::invalid_parameter(
                "horizon",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if season == 0 {
            return Err(Error::invalid_parameter("season", 0, Allowed::AtLeast(1.0)));
        }
        if let Some(i) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                crate::Subject::SeriesValue(i + 1),
                y[i],
                Allowed::FiniteNumber,
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
            Model::Ets => state_space::auto(y, season).map(|f| ets_to_fit(y, &f, horizon)),
            Model::EtsBoxCox => on_boxcox_scale(y, season, horizon, Model::Ets),
            Model::EtsForm { form } => {
                state_space::fit_spec(y, season, *form).map(|f| ets_to_fit(y, &f, horizon))
            }
            Model::Ar => autoreg::fit(y, season, horizon),
            Model::Arima => arima::auto::fit_series(y, season, horizon),
            Model::Theta => theta::fit(y, season, horizon),
            Model::Combination => combine(y, season, horizon),
            Model::Croston => croston::croston(y, 0.1, horizon),
            Model::Tsb => croston::tsb_fitted(y, horizon),
        }?;
        fit.model = *self;
        Ok(fit)
    }
}

/// Packages an ETS fit as a [`SeriesFit`]: parameters, one-step
/// predictions, the forecast, variance factors; `selected` names the form.
fn ets_to_fit(y: &[f64], f: &EtsFit, horizon: usize) -> SeriesFit {
    let mut params = vec![Param::new("alpha", f.smoothing.alpha)];
    if f.spec.trend != Kind::None {
        params.push(Param::new("beta", f.smoothing.beta));
    }
    if f.spec.season != Kind::None {
        params.push(Param::new("gamma", f.smoothing.gamma));
    }
    if f.spec.damped {
        params.push(Param::new("phi", f.smoothing.phi));
    }
    params.push(Param::new("level0", f.initial[0]));
    if f.spec.trend != Kind::None {
        params.push(Param::new("trend0", f.initial[1]));
    }
    params.push(Param::new("loglik", f.loglik));
    params.push(Param::new("aicc", f.aicc));
    let variances = state_space::variance::forecast_variances(f, horizon);
    let one_step = variances.first().copied().unwrap_or(f64::NAN);
    let usable = one_step.is_finite() && one_step > 0.0 && variances.iter().all(|v| v.is_finite());
    let factors = if usable {
        variances.iter().map(|v| v / one_step).collect()
    } else {
        f.variance_factors(horizon)
    };
    let mut fit = SeriesFit::from_parts(
        y,
        f.pass.fitted.iter().map(|v| Some(*v)).collect(),
        f.forecast(horizon),
        factors,
        params,
        f.n_params - 1,
    );
    fit.selected = Some(Model::EtsForm { form: f.spec });
    if usable {
        // The model's own `h`-step variances (see [`state_space::variance`]) from the
        // likelihood fit's `σ² = Σe² / (n - k - 1)` (relative errors for multiplicative
        // forms), as R's and statsforecast's `ets` define it: their analytic bands, and
        // therefore the backtest's interval coverage, are then the same where theirs are
        // right. (With too few values for that divisor, the residual variance `from_parts`
        // gave stays, with the linear forms' factors.)
        fit.sigma2 = one_step;
    }
    fit
}

/// `inner` fitted to the Box-Cox transform of `y` (λ by Guerrero on `y` alone), its
/// forecasts and in-sample predictions turned back; the band is kept on the transformed
/// scale ([`SeriesFit::transformed`]) so that [`super::intervals::interval`] turns its bounds back.
fn on_boxcox_scale(y: &[f64], season: usize, horizon: usize, inner: Model) -> Result<SeriesFit> {
    let lambda = boxcox::guerrero_lambda(y, season);
    let w: Vec<f64> = y.iter().map(|v| boxcox::transform(*v, lambda)).collect();
    if let Some(i) = w.iter().position(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            crate::Subject::SeriesValue(i + 1),
            y[i],
            Allowed::BoxCoxFinite(lambda),
        ));
    }
    let fit = inner.fit(&w, season, horizon)?;
    let back = |v: f64| boxcox::inverse(v, lambda);
    let mut params = vec![Param::new("lambda", lambda)];
    params.extend(fit.params.iter().cloned());
    let mut out = SeriesFit {
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
            crate::Allowed::FiniteForecasts,
        ));
    }
    out.transformed = Some(Transformed {
        lambda,
        mean: fit.mean,
    });
    Ok(out)
}

/// The mean of the ETS, autoregression and Theta forecasts that fit `y` (at least one).
fn combine(y: &[f64], season: usize, horizon: usize) -> Result<SeriesFit> {
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
        return Err(
            first_error.unwrap_or_else(|| Error::not_enough(Counted::Observations, 8, y.len()))
        );
    }
    let k = fits.len() as f64;
    let average = |get: &dyn Fn(&SeriesFit) -> Vec<f64>| -> Vec<f64> {
        let parts: Vec<Vec<f64>> = fits.iter().map(get).collect();
        (0..parts[0].len())
            .map(|i| parts.iter().map(|p| p[i]).sum::<f64>() / k)
            .collect()
    };
    let mean = average(&|f: &SeriesFit| f.mean.clone());
    let factor = average(&|f: &SeriesFit| f.variance_factor.clone());
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
    Ok(SeriesFit::from_parts(
        y, fitted, mean, factor, params, estimated,
    ))
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
            Model::Arima,
            Model::Theta,
            Model::Combination,
            Model::Croston,
            Model::Tsb,
        ] {
            assert_eq!(Model::from_name(&m.name()).unwrap(), m);
            assert_ne!(m.label(Lang::Zh), m.label(Lang::En));
        }
        assert!(Model::from_name("sarimax").is_err());
        assert!(Model::from_name("moving_average(0)").is_err());
    }
}
