//! Exponential smoothing: simple (SES), Holt's linear trend, damped trend and Holt-Winters
//! with additive or multiplicative seasonality, in the error-correction form of Hyndman,
//! Koehler, Ord & Snyder, *Forecasting with Exponential Smoothing* (2008), ch. 2-3.
//!
//! With one-step error `e = y - ŷ`:
//! - level `ℓ' = ℓ + φb + α e` (additive season) or `ℓ' = α y/s + (1-α)(ℓ + φb)`;
//! - trend `b' = φ b + β(ℓ' - ℓ - φb)`;
//! - season `s' = s + γ e` (additive) or `s' = γ y/(ℓ + φb) + (1-γ) s` (multiplicative).
//!
//! Everything is fitted by minimising the in-sample sum of squared one-step errors with the
//! bounded Nelder-Mead of [`super::optim`]. Without seasonality the smoothing parameters and
//! the initial level and trend are searched together. With additive seasonality the
//! simplex moves only the smoothing parameters and all initial states (level, trend, `m`
//! seasonal indices) are solved exactly by least squares at each trial
//! ([`super::linear_init`]). With multiplicative seasonality (not linear) the initial
//! seasonal indices come from a classical decomposition of the first seasons (the heuristic
//! of Hyndman et al. 2008, §2.6.1) and stay fixed.

use super::fitted::{Param, SeriesFit};
use super::optim::{Bounds, NelderMead};
pub use super::recursion::{run, Form, Initial, Run, Season, Smoothing, Trend};
use crate::{Allowed, Counted, Error, Result};

/// Least-squares line through `(1, x[0]), (2, x[1]), ...`: (value at 0, slope).
fn line(x: &[f64]) -> (f64, f64) {
    let k = x.len() as f64;
    if x.len() < 2 {
        return (x.first().copied().unwrap_or(0.0), 0.0);
    }
    let mean_t = (k + 1.0) / 2.0;
    let mean_x = x.iter().sum::<f64>() / k;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (i, v) in x.iter().enumerate() {
        let dt = i as f64 + 1.0 - mean_t;
        sxy += dt * (v - mean_x);
        sxx += dt * dt;
    }
    let slope = sxy / sxx;
    (mean_x - slope * mean_t, slope)
}

/// Initial states by classical decomposition of the first (up to three) seasons: a centred
/// moving average of order `m` estimates the trend, the average detrended value at each
/// position of the season the seasonal index (normalised to sum 0 or average 1), and a line
/// through the first ten seasonally adjusted values the level and trend.
pub fn initial_states(y: &[f64], form: Form, m: usize) -> Result<Initial> {
    let n = y.len();
    if !form.has_season() {
        let needed = if form.has_trend() { 3 } else { 1 };
        if n < needed {
            return Err(Error::not_enough(Counted::Observations, needed, n));
        }
        let (level, trend) = if form.has_trend() {
            line(&y[..n.min(10)])
        } else {
            (y[0], 0.0)
        };
        return Ok(Initial {
            level,
            trend,
            season: Vec::new(),
        });
    }
    if m < 2 {
        return Err(Error::invalid_parameter("season", m, Allowed::AtLeast(2.0)));
    }
    if n < 2 * m {
        return Err(Error::not_enough(Counted::Observations, 2 * m, n));
    }
    let multiplicative = form.season == Season::Multiplicative;
    if multiplicative && y.iter().any(|v| *v <= 0.0) {
        return Err(Error::invalid_parameter(
            "model",
            "holt_winters_multiplicative",
            Allowed::PositiveSeries,
        ));
    }
    let span = n.min(3 * m);
    let half = m / 2;
    let mut sums = vec![0.0; m];
    let mut counts = vec![0usize; m];
    for t in half..span - half {
        // A 2×m moving average for even m, a plain m-term one for odd m, both centred at t.
        let trend = if half * 2 == m {
            let inner: f64 = y[t + 1 - half..t + half].iter().sum();
            (inner + 0.5 * (y[t - half] + y[t + half])) / m as f64
        } else {
            y[t - half..=t + half].iter().sum::<f64>() / m as f64
        };
        let detrended = if multiplicative {
            y[t] / trend
        } else {
            y[t] - trend
        };
        sums[t % m] += detrended;
        counts[t % m] += 1;
    }
    let mut season: Vec<f64> = sums
        .iter()
        .zip(&counts)
        .map(|(s, c)| s / (*c).max(1) as f64)
        .collect();
    let centre = season.iter().sum::<f64>() / m as f64;
    for s in &mut season {
        if multiplicative {
            *s /= centre;
        } else {
            *s -= centre;
        }
    }
    let adjusted: Vec<f64> = y[..n.min(10)]
        .iter()
        .enumerate()
        .map(|(t, v)| {
            if multiplicative {
                v / season[t % m]
            } else {
                v - season[t % m]
            }
        })
        .collect();
    let (level, trend) = line(&adjusted);
    Ok(Initial {
        level,
        trend: if form.has_trend() { trend } else { 0.0 },
        season,
    })
}

/// A fitted smoothing model: parameters, initial states and the run on the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The form.
    pub form: Form,
    /// Fitted smoothing parameters.
    pub smoothing: Smoothing,
    /// Fitted initial states.
    pub initial: Initial,
    /// Recursions run with them.
    pub run: Run,
}

/// Fits a form by minimising the in-sample sum of squared one-step errors.
pub fn optimise(y: &[f64], form: Form, m: usize, horizon: usize) -> Result<Fitted> {
    let heuristic = initial_states(y, form, if form.has_season() { m } else { 1 })?;
    // Additive seasonal forms carry m initial seasonal states, too many for a simplex: they
    // are solved by least squares for each trial of the smoothing parameters. Non-seasonal
    // forms have at most two states, searched jointly with the parameters below (on
    // ShampooSales this also reproduces AutoETS's model choices more closely: least-squares
    // states win Holt some narrow AICc races against SES that AutoETS gives to SES).
    if form.season == Season::Additive {
        if let Some(fitted) = optimise_linear(y, form, m, horizon) {
            return Ok(fitted);
        }
    }
    let lo = y.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let range = if hi > lo { hi - lo } else { 1.0 + hi.abs() };
    // Parameter vector: alpha, [beta], [gamma], [phi], level0, [trend0].
    let mut x0 = vec![0.3];
    let mut steps = vec![0.1];
    let mut lower = vec![1e-4];
    let mut upper = vec![0.9999];
    if form.has_trend() {
        x0.push(0.05);
        steps.push(0.05);
        lower.push(1e-4);
        upper.push(0.9999);
    }
    if form.has_season() {
        x0.push(0.1);
        steps.push(0.05);
        lower.push(1e-4);
        upper.push(0.9999);
    }
    if form.trend == Trend::Damped {
        x0.push(0.95);
        steps.push(0.02);
        lower.push(0.8);
        upper.push(0.98);
    }
    x0.push(heuristic.level);
    steps.push(0.05 * range);
    lower.push(heuristic.level - range);
    upper.push(heuristic.level + range);
    if form.has_trend() {
        x0.push(heuristic.trend);
        let slope_range = range / y.len().max(2) as f64;
        steps.push(0.1 * slope_range);
        lower.push(heuristic.trend - slope_range);
        upper.push(heuristic.trend + slope_range);
    }
    let bounds = Bounds { lower, upper };
    let unpack = |x: &[f64]| -> (Smoothing, Initial) {
        let mut i = 0;
        let mut next = || {
            i += 1;
            x[i - 1]
        };
        let alpha = next();
        let beta = if form.has_trend() { next() } else { 0.0 };
        let gamma = if form.has_season() { next() } else { 0.0 };
        let phi = if form.trend == Trend::Damped {
            next()
        } else {
            1.0
        };
        let level = next();
        let trend = if form.has_trend() { next() } else { 0.0 };
        (
            Smoothing {
                alpha,
                beta,
                gamma,
                phi,
            },
            Initial {
                level,
                trend,
                season: heuristic.season.clone(),
            },
        )
    };
    let mut objective = |x: &[f64]| {
        let (p, init) = unpack(x);
        run(y, form, p, &init, 0).sse
    };
    let (best, value) = NelderMead::default().minimize(&mut objective, &x0, &steps, &bounds);
    if !value.is_finite() {
        return Err(Error::invalid_parameter(
            "model",
            form_name(form),
            Allowed::FittableSeries,
        ));
    }
    let (smoothing, initial) = unpack(&best);
    let run = run(y, form, smoothing, &initial, horizon);
    Ok(Fitted {
        form,
        smoothing,
        initial,
        run,
    })
}

/// Additive seasonal forms: Nelder-Mead over the smoothing parameters only, the initial
/// states solved by least squares at every step ([`super::linear_init`]).
fn optimise_linear(y: &[f64], form: Form, m: usize, horizon: usize) -> Option<Fitted> {
    let mut x0 = vec![0.2];
    let mut steps = vec![0.1];
    let mut lower = vec![1e-4];
    let mut upper = vec![0.9999];
    if form.has_trend() {
        x0.push(0.05);
        steps.push(0.05);
        lower.push(1e-4);
        upper.push(0.9999);
    }
    if form.has_season() {
        x0.push(0.1);
        steps.push(0.05);
        lower.push(1e-4);
        upper.push(0.9999);
    }
    if form.trend == Trend::Damped {
        x0.push(0.95);
        steps.push(0.02);
        lower.push(0.8);
        upper.push(0.98);
    }
    let unpack = |x: &[f64]| {
        let mut it = x.iter().copied();
        let alpha = it.next().unwrap_or(0.2);
        let beta = if form.has_trend() {
            it.next().unwrap_or(0.0)
        } else {
            0.0
        };
        let gamma = if form.has_season() {
            it.next().unwrap_or(0.0)
        } else {
            0.0
        };
        let phi = if form.trend == Trend::Damped {
            it.next().unwrap_or(1.0)
        } else {
            1.0
        };
        Smoothing {
            alpha,
            beta,
            gamma,
            phi,
        }
    };
    let mut objective = |x: &[f64]| {
        super::linear_init::best_initial(y, form, m, unpack(x)).map_or(f64::INFINITY, |r| r.0)
    };
    let bounds = Bounds { lower, upper };
    let (best, value) = NelderMead::default().minimize(&mut objective, &x0, &steps, &bounds);
    if !value.is_finite() {
        return None;
    }
    let smoothing = unpack(&best);
    let (_, initial) = super::linear_init::best_initial(y, form, m, smoothing)?;
    let run = run(y, form, smoothing, &initial, horizon);
    Some(Fitted {
        form,
        smoothing,
        initial,
        run,
    })
}

fn form_name(form: Form) -> &'static str {
    match (form.trend, form.season) {
        (Trend::None, Season::None) => "ses",
        (Trend::Additive, Season::None) => "holt",
        (Trend::Damped, Season::None) => "damped_holt",
        (_, Season::Additive) => "holt_winters_additive",
        (_, Season::Multiplicative) => "holt_winters_multiplicative",
    }
}

/// How many values a fit estimates: smoothing parameters and initial states (`m - 1` free
/// seasonal indices, as they are normalised), as counted for AICc.
pub fn n_estimated(form: Form, m: usize) -> usize {
    let smoothing = 1
        + usize::from(form.has_trend())
        + usize::from(form.has_season())
        + usize::from(form.trend == Trend::Damped);
    let states = 1 + usize::from(form.has_trend()) + if form.has_season() { m - 1 } else { 0 };
    smoothing + states
}

/// Variance of the `h`-step error over the one-step variance, for the additive-error model
/// of the same form: `1 + Σ_{j<h} c_j²` with `c_j = α(1 + β Σ_{i≤j} φ^i) + γ·[j mod m = 0]`
/// (Hyndman et al. 2008, Table 6.1, class 1). Multiplicative seasonality uses the same
/// expression, an approximation that is close when seasonal swings are moderate.
pub fn variance_factors(form: Form, p: Smoothing, m: usize, horizon: usize) -> Vec<f64> {
    let phi = match form.trend {
        Trend::None => 0.0,
        Trend::Additive => 1.0,
        Trend::Damped => p.phi,
    };
    let mut out = Vec::with_capacity(horizon);
    let mut total = 1.0;
    let mut damp_sum = 0.0;
    let mut damp_power = 1.0;
    for h in 1..=horizon {
        out.push(total);
        // c_j for j = h feeds the factor of step h + 1.
        damp_power *= phi;
        damp_sum += damp_power;
        let mut c = p.alpha
            * (1.0
                + if form.has_trend() {
                    p.beta * damp_sum
                } else {
                    0.0
                });
        if form.has_season() && m > 0 && h % m == 0 {
            c += p.gamma;
        }
        total += c * c;
    }
    out
}

/// Fits a form and packages it as a [`SeriesFit`].
pub fn fit(y: &[f64], form: Form, m: usize, horizon: usize) -> Result<SeriesFit> {
    let fitted = optimise(y, form, m, horizon)?;
    Ok(to_fit(y, &fitted, m, horizon))
}

pub(crate) fn to_fit(y: &[f64], f: &Fitted, m: usize, horizon: usize) -> SeriesFit {
    let mut params = vec![Param::new("alpha", f.smoothing.alpha)];
    if f.form.has_trend() {
        params.push(Param::new("beta", f.smoothing.beta));
    }
    if f.form.has_season() {
        params.push(Param::new("gamma", f.smoothing.gamma));
    }
    if f.form.trend == Trend::Damped {
        params.push(Param::new("phi", f.smoothing.phi));
    }
    params.push(Param::new("level0", f.initial.level));
    if f.form.has_trend() {
        params.push(Param::new("trend0", f.initial.trend));
    }
    SeriesFit::from_parts(
        y,
        f.run.fitted.iter().map(|v| Some(*v)).collect(),
        f.run.forecast.clone(),
        variance_factors(f.form, f.smoothing, m, horizon),
        params,
        n_estimated(f.form, m),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ses_with_fixed_alpha_is_the_textbook_recursion() {
        let y = [3.0, 5.0, 4.0, 6.0];
        let p = Smoothing {
            alpha: 0.5,
            beta: 0.0,
            gamma: 0.0,
            phi: 1.0,
        };
        let init = Initial {
            level: 3.0,
            trend: 0.0,
            season: Vec::new(),
        };
        let r = run(&y, Form::SES, p, &init, 2);
        // Levels: 3, 4, 4, 5.
        assert_eq!(r.fitted, vec![3.0, 3.0, 4.0, 4.0]);
        assert_eq!(r.forecast, vec![5.0, 5.0]);
    }

    #[test]
    fn holt_recovers_a_straight_line() {
        let y: Vec<f64> = (0..20).map(|t| 10.0 + 2.0 * t as f64).collect();
        let f = optimise(&y, Form::HOLT, 1, 3).unwrap();
        for (j, v) in f.run.forecast.iter().enumerate() {
            assert!(
                (v - (50.0 + 2.0 * j as f64)).abs() < 1e-3,
                "{:?}",
                f.run.forecast
            );
        }
    }

    #[test]
    fn holt_winters_recovers_a_pure_seasonal_pattern() {
        let pattern = [5.0, -3.0, 1.0, -3.0];
        let y: Vec<f64> = (0..24).map(|t| 100.0 + t as f64 + pattern[t % 4]).collect();
        let f = optimise(&y, Form::HW_ADDITIVE, 4, 4).unwrap();
        for (j, v) in f.run.forecast.iter().enumerate() {
            let want = 100.0 + (24 + j) as f64 + pattern[(24 + j) % 4];
            assert!((v - want).abs() < 0.05, "{:?}", f.run.forecast);
        }
    }

    #[test]
    fn multiplicative_season_needs_positive_data() {
        let y: Vec<f64> = (0..24).map(|t| t as f64 - 3.0).collect();
        assert!(optimise(&y, Form::HW_MULTIPLICATIVE, 4, 1).is_err());
        assert!(optimise(&y[..7], Form::HW_ADDITIVE, 4, 1).is_err());
    }

    #[test]
    fn ses_variance_grows_by_alpha_squared() {
        let p = Smoothing {
            alpha: 0.5,
            beta: 0.0,
            gamma: 0.0,
            phi: 1.0,
        };
        assert_eq!(variance_factors(Form::SES, p, 1, 3), vec![1.0, 1.25, 1.5]);
    }
}
