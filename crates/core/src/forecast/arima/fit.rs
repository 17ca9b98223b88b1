//! Fitting a seasonal ARIMA model by CSS-ML, and its forecasts.
//!
//! The steps are those of R's `arima(method = "CSS-ML")` and of statsforecast's port:
//!
//! 1. A constant term is a regression on `1` (mean) or on `t = 1..n` (drift); its start is
//!    the least-squares coefficient on the differenced series, and its optimisation scale
//!    ten times that coefficient's standard error.
//! 2. The conditional sum of squares ([`super::css`]) is minimised from zero ARMA
//!    coefficients, on the coefficients themselves.
//! 3. From there the exact likelihood ([`super::kalman`]) is maximised with σ²
//!    concentrated out, the AR parts reparametrised to stay stationary
//!    ([`super::polynomial::to_ar`]). A CSS start whose AR part is not stationary is
//!    replaced by zeros there.
//! 4. `loglik = -½ (2 n ℓ + n + n ln 2π)` with `ℓ` the minimised objective and `n` the
//!    observations after differencing; `AIC = -2 loglik + 2 k` with `k` the coefficients
//!    plus σ²; `AICc` and `BIC` on `n* = n - d - m D` observations; σ² is the sum of squared
//!    standardised innovations over `n* - k + 1`, as statsforecast's `Arima` reports it and
//!    uses for intervals.
//!
//! Both optimisations use [`super::bfgs::Bfgs`] with tight tolerances.

use super::bfgs::Bfgs;
use super::css;
use super::kalman::{Likelihood, StateSpace};
use super::polynomial::{differencing, expand, from_ar, is_stationary, to_ar};
use super::spec::{ArimaSpec, Constant};
use crate::forecast::autoreg::differenced;
use crate::forecast::intervals::normal_quantile;
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// The estimated coefficients, with the signs statsforecast reports: AR as
/// `x_t = Σ ar_i x_{t-i} + …`, MA as `e_t + Σ ma_i e_{t-i}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coefficients {
    /// Non-seasonal AR coefficients.
    pub ar: Vec<f64>,
    /// Non-seasonal MA coefficients.
    pub ma: Vec<f64>,
    /// Seasonal AR coefficients.
    pub sar: Vec<f64>,
    /// Seasonal MA coefficients.
    pub sma: Vec<f64>,
    /// The mean or the drift per period, when the model has one.
    pub constant: Option<f64>,
}

impl Coefficients {
    /// Splits a vector laid out `ar, ma, sar, sma, constant`.
    fn from_vector(spec: &ArimaSpec, v: &[f64]) -> Coefficients {
        let (ar, rest) = v.split_at(spec.p);
        let (ma, rest) = rest.split_at(spec.q);
        let (sar, rest) = rest.split_at(spec.seasonal_p);
        let (sma, rest) = rest.split_at(spec.seasonal_q);
        Coefficients {
            ar: ar.to_vec(),
            ma: ma.to_vec(),
            sar: sar.to_vec(),
            sma: sma.to_vec(),
            constant: rest.first().copied(),
        }
    }

    /// The vector laid out `ar, ma, sar, sma, constant`.
    fn to_vector(&self) -> Vec<f64> {
        let mut v = Vec::new();
        v.extend(&self.ar);
        v.extend(&self.ma);
        v.extend(&self.sar);
        v.extend(&self.sma);
        v.extend(self.constant);
        v
    }
}

/// A fitted seasonal ARIMA model.
#[derive(Debug, Clone, PartialEq)]
pub struct ArimaFit {
    /// The model.
    pub spec: ArimaSpec,
    /// Its coefficients.
    pub coefficients: Coefficients,
    /// Innovation variance (statsforecast's definition, see the module documentation).
    pub sigma2: f64,
    /// Gaussian log-likelihood.
    pub loglik: f64,
    /// Akaike's information criterion.
    pub aic: f64,
    /// AIC corrected for small samples.
    pub aicc: f64,
    /// Bayesian information criterion.
    pub bic: f64,
    /// Observations after differencing.
    pub n_used: usize,
    /// Standardised one-step innovations, one per observation.
    pub residuals: Vec<f64>,
    /// One-step in-sample predictions; `None` for the observations the differencing
    /// consumes (still diffuse in the filter).
    pub fitted: Vec<Option<f64>>,
    model: StateSpace,
    state: Vec<f64>,
    covariance: Vec<f64>,
    n: usize,
}

/// Point forecasts and their standard errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArimaForecast {
    /// Point forecast per step ahead.
    pub mean: Vec<f64>,
    /// Standard error of each.
    pub standard_error: Vec<f64>,
}

impl ArimaForecast {
    /// Lower and upper bounds of the central interval of `level` percent (normal errors).
    pub fn interval(&self, level: f64) -> Result<(Vec<f64>, Vec<f64>)> {
        if !(level > 0.0 && level < 100.0) {
            return Err(Error::invalid_parameter(
                "level",
                level,
                Allowed::CoveragePercent,
            ));
        }
        let z = normal_quantile(0.5 + level / 200.0);
        let lower = self
            .mean
            .iter()
            .zip(&self.standard_error)
            .map(|(m, s)| m - z * s)
            .collect();
        let upper = self
            .mean
            .iter()
            .zip(&self.standard_error)
            .map(|(m, s)| m + z * s)
            .collect();
        Ok((lower, upper))
    }
}

impl ArimaFit {
    /// Forecasts `h` steps ahead on the original scale, with the filter's error variance
    /// times σ².
    pub fn forecast(&self, h: usize) -> ArimaForecast {
        let (mut mean, variance) = self.model.forecast(&self.state, &self.covariance, h);
        if let Some(c) = self.coefficients.constant {
            for (k, m) in mean.iter_mut().enumerate() {
                *m += c * regressor(self.spec.constant, self.n + k);
            }
        }
        let standard_error = variance.iter().map(|v| (v * self.sigma2).sqrt()).collect();
        ArimaForecast {
            mean,
            standard_error,
        }
    }
}

/// The regressor of the constant term at 0-based time `t`.
fn regressor(constant: Constant, t: usize) -> f64 {
    match constant {
        Constant::Drift => (t + 1) as f64,
        _ => 1.0,
    }
}

/// The data and model being fitted.
struct Problem<'a> {
    y: &'a [f64],
    spec: ArimaSpec,
    delta: Vec<f64>,
}

impl Problem<'_> {
    fn new<'a>(y: &'a [f64], spec: &ArimaSpec) -> Result<Problem<'a>> {
        let spec = spec.check()?;
        if let Some(position) = y.iter().position(|v| !v.is_finite()) {
            return Err(Error::invalid_parameter(
                format!("y[{}]", position + 1),
                y[position],
                Allowed::FiniteNumber,
            ));
        }
        let needed = spec.n_differenced() + spec.n_arma() + 4;
        if y.len() < needed {
            return Err(Error::not_enough(Counted::Observations, needed, y.len()));
        }
        Ok(Problem {
            y,
            spec,
            delta: differencing(spec.d, spec.seasonal_d, spec.period),
        })
    }

    /// Number of coefficients: ARMA plus the constant.
    fn n_coefficients(&self) -> usize {
        self.spec.n_arma() + usize::from(self.spec.constant != Constant::None)
    }

    /// The series net of the constant term.
    fn net(&self, constant: Option<f64>) -> Vec<f64> {
        match constant {
            Some(c) => self
                .y
                .iter()
                .enumerate()
                .map(|(t, v)| v - c * regressor(self.spec.constant, t))
                .collect(),
            None => self.y.to_vec(),
        }
    }

    fn state_space(&self, c: &Coefficients) -> StateSpace {
        let (phi, theta) = expand(&c.ar, &c.ma, &c.sar, &c.sma, self.spec.period);
        StateSpace::new(&phi, &theta, &self.delta)
    }

    fn likelihood(&self, c: &Coefficients) -> Option<Likelihood> {
        self.state_space(c).filter(&self.net(c.constant))
    }

    fn css(&self, c: &Coefficients) -> Option<f64> {
        let (phi, theta) = expand(&c.ar, &c.ma, &c.sar, &c.sma, self.spec.period);
        let value = css::mean_square(
            &self.net(c.constant),
            &phi,
            &theta,
            self.spec.d,
            self.spec.seasonal_d,
            self.spec.period,
        )?;
        (value > 0.0).then(|| 0.5 * value.ln())
    }

    /// Least-squares start and scale of the constant on the differenced series.
    fn constant_start(&self) -> Option<(f64, f64)> {
        if self.spec.constant == Constant::None {
            return None;
        }
        let x: Vec<f64> = (0..self.y.len())
            .map(|t| regressor(self.spec.constant, t))
            .collect();
        let dy = difference(self.y, &self.spec);
        let dx = difference(&x, &self.spec);
        let sxx: f64 = dx.iter().map(|v| v * v).sum();
        let beta = dx.iter().zip(&dy).map(|(a, b)| a * b).sum::<f64>() / sxx;
        let rss: f64 = dx
            .iter()
            .zip(&dy)
            .map(|(a, b)| (b - beta * a).powi(2))
            .sum();
        let se = (rss / (dy.len() as f64 - 1.0) / sxx).sqrt();
        let scale = if se.is_finite() && se > 0.0 {
            10.0 * se
        } else {
            beta.abs().max(1.0)
        };
        Some((beta, scale))
    }

    /// Maps an optimiser vector for the likelihood (AR parts unconstrained, constant
    /// scaled) to coefficients.
    fn ml_coefficients(&self, z: &[f64], scale: f64) -> Coefficients {
        let mut c = Coefficients::from_vector(&self.spec, z);
        c.ar = to_ar(&c.ar);
        c.sar = to_ar(&c.sar);
        c.constant = c.constant.map(|v| v * scale);
        c
    }
}

/// `y` with the model's differences taken ([`differenced`], shared with the autoregression).
fn difference(y: &[f64], spec: &ArimaSpec) -> Vec<f64> {
    differenced(y, spec.period, spec.d, spec.seasonal_d)
}

/// `½ (ln(ssq/n) + Σ ln F / n)` of the exact likelihood at `c`, or `None`.
fn ml_objective(problem: &Problem, c: &Coefficients) -> Option<f64> {
    problem.likelihood(c)?.objective()
}

fn loglik_from_objective(objective: f64, n_used: usize) -> f64 {
    let n = n_used as f64;
    -0.5 * (2.0 * n * objective + n + n * (2.0 * std::f64::consts::PI).ln())
}

/// The Gaussian log-likelihood of `y` under `spec` with the given coefficients and σ²
/// concentrated out, as statsforecast computes it (for checking a fit at another tool's
/// estimates).
pub fn log_likelihood_at(y: &[f64], spec: &ArimaSpec, coefficients: &Coefficients) -> Result<f64> {
    let problem = Problem::new(y, spec)?;
    let objective = ml_objective(&problem, coefficients)
        .ok_or_else(|| Error::invalid_parameter("coefficients", "-", Allowed::FiniteLikelihood))?;
    Ok(loglik_from_objective(
        objective,
        y.len() - problem.delta.len(),
    ))
}

/// The conditional-sum-of-squares stage from zero ARMA coefficients: the optimiser's
/// vector (constant divided by `scale`).
fn css_stage(problem: &Problem, scale: f64, constant: Option<f64>) -> Vec<f64> {
    let spec = problem.spec;
    let mut start = vec![0.0; spec.n_arma()];
    start.extend(constant.map(|beta| beta / scale));
    let mut css_objective = |z: &[f64]| {
        let mut c = Coefficients::from_vector(&spec, z);
        c.constant = c.constant.map(|v| v * scale);
        problem.css(&c)
    };
    match Bfgs::default().minimize(&mut css_objective, &start) {
        Some((z, _, _)) if z.iter().all(|v| v.is_finite()) => z,
        _ => start,
    }
}

/// The coefficients that minimise the conditional sum of squares (the start of CSS-ML).
pub fn css_estimate(y: &[f64], spec: &ArimaSpec) -> Result<Coefficients> {
    let problem = Problem::new(y, spec)?;
    let constant = problem.constant_start();
    let scale = constant.map_or(1.0, |(_, s)| s);
    let z = css_stage(&problem, scale, constant.map(|(beta, _)| beta));
    let mut c = Coefficients::from_vector(&problem.spec, &z);
    c.constant = c.constant.map(|v| v * scale);
    Ok(c)
}

/// The conditional mean squared innovation of `y` under `spec` with the given
/// coefficients: the quantity the CSS stage minimises (for checking it at another tool's
/// estimates).
pub fn conditional_mean_square(
    y: &[f64],
    spec: &ArimaSpec,
    coefficients: &Coefficients,
) -> Result<f64> {
    let problem = Problem::new(y, spec)?;
    problem
        .css(coefficients)
        .map(|half_log| (2.0 * half_log).exp())
        .ok_or_else(|| {
            Error::not_enough(
                Counted::Observations,
                problem.spec.n_differenced() + 2,
                y.len(),
            )
        })
}

/// Fits `spec` to `y` by CSS-ML (see the module documentation).
pub fn fit(y: &[f64], spec: &ArimaSpec) -> Result<ArimaFit> {
    let problem = Problem::new(y, spec)?;
    let spec = problem.spec;
    let constant = problem.constant_start();
    let scale = constant.map_or(1.0, |(_, s)| s);
    let start = css_stage(&problem, scale, constant.map(|(beta, _)| beta));

    // Exact likelihood from the CSS estimate, AR parts reparametrised.
    let mut c = Coefficients::from_vector(&spec, &start);
    let raw_ar = from_ar(&c.ar).filter(|_| is_stationary(&c.ar));
    let raw_sar = from_ar(&c.sar).filter(|_| is_stationary(&c.sar));
    c.ar = raw_ar.unwrap_or_else(|| vec![0.0; spec.p]);
    c.sar = raw_sar.unwrap_or_else(|| vec![0.0; spec.seasonal_p]);
    let ml_start = c.to_vector();
    let mut ml = |z: &[f64]| ml_objective(&problem, &problem.ml_coefficients(z, scale));
    let (z, _, _) = Bfgs::default()
        .minimize(&mut ml, &ml_start)
        .ok_or_else(|| Error::invalid_parameter("start", "CSS", Allowed::FiniteLikelihood))?;
    finish(&problem, problem.ml_coefficients(&z, scale))
}

/// The model with the given coefficients on `y`, without estimation: its likelihood,
/// σ², criteria (counting the coefficients as estimated) and forecasts, as if a fit had
/// ended there.
pub fn fit_fixed(y: &[f64], spec: &ArimaSpec, coefficients: &Coefficients) -> Result<ArimaFit> {
    let problem = Problem::new(y, spec)?;
    let expected = Coefficients::from_vector(&problem.spec, &vec![0.0; problem.n_coefficients()]);
    let lengths = |c: &Coefficients| {
        (
            c.ar.len(),
            c.ma.len(),
            c.sar.len(),
            c.sma.len(),
            c.constant.is_some(),
        )
    };
    if lengths(coefficients) != lengths(&expected) {
        return Err(Error::invalid_parameter(
            "coefficients",
            coefficients.to_vector().len(),
            Allowed::Between(
                expected.to_vector().len() as f64,
                expected.to_vector().len() as f64,
            ),
        ));
    }
    finish(&problem, coefficients.clone())
}

/// The fit at final coefficients: one more filter pass for the residuals and the state the
/// forecasts start from, and the criteria.
fn finish(problem: &Problem, coefficients: Coefficients) -> Result<ArimaFit> {
    let spec = problem.spec;
    let likelihood = problem.likelihood(&coefficients);
    let objective = likelihood.as_ref().and_then(Likelihood::objective);
    let (Some(likelihood), Some(objective)) = (likelihood, objective) else {
        return Err(Error::invalid_parameter(
            "coefficients",
            format!("{:?}", coefficients.to_vector()),
            Allowed::FiniteLikelihood,
        ));
    };
    let n = problem.y.len();
    let n_used = n - problem.delta.len();
    let loglik = loglik_from_objective(objective, n_used);
    let k = problem.n_coefficients() + 1;
    let kf = k as f64;
    let aic = -2.0 * loglik + 2.0 * kf;
    let n_star = (n - spec.n_differenced()) as f64;
    let aicc = aic + 2.0 * kf * (kf + 1.0) / (n_star - kf - 1.0);
    let bic = aic + kf * (n_star.ln() - 2.0);
    let sigma2 = likelihood.residuals.iter().map(|r| r * r).sum::<f64>() / (n_star - kf + 1.0);
    Ok(ArimaFit {
        spec,
        model: problem.state_space(&coefficients),
        coefficients,
        sigma2,
        loglik,
        aic,
        aicc,
        bic,
        n_used,
        fitted: problem
            .y
            .iter()
            .zip(&likelihood.innovations)
            .map(|(y, (v, used))| used.then_some(y - v))
            .collect(),
        residuals: likelihood.residuals,
        state: likelihood.state,
        covariance: likelihood.covariance,
        n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An AR(1) series with φ = 0.6 from a fixed innovation sequence.
    fn ar1(n: usize) -> Vec<f64> {
        let mut state = 12345u64;
        let mut noise = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        let mut y = vec![0.0];
        for t in 1..n {
            let next = 0.6 * y[t - 1] + noise();
            y.push(next);
        }
        y.iter().map(|v| v + 10.0).collect()
    }

    #[test]
    fn recovers_an_ar1_coefficient_and_mean() {
        let y = ar1(400);
        let fit = fit(&y, &ArimaSpec::new(1, 0, 0).with_constant(Constant::Mean)).unwrap();
        assert!(
            (fit.coefficients.ar[0] - 0.6).abs() < 0.1,
            "{:?}",
            fit.coefficients
        );
        assert!((fit.coefficients.constant.unwrap() - 10.0).abs() < 0.2);
        // The optimum is a maximum: moving the coefficient lowers the likelihood.
        let spec = fit.spec;
        let mut moved = fit.coefficients.clone();
        moved.ar[0] += 1e-3;
        assert!(log_likelihood_at(&y, &spec, &moved).unwrap() < fit.loglik);
        let at = log_likelihood_at(&y, &spec, &fit.coefficients).unwrap();
        assert!((at - fit.loglik).abs() < 1e-9);
    }

    #[test]
    fn fits_a_weekly_seasonal_ar_with_a_long_state() {
        // 52 ARMA states: the stationary covariance goes through the doubling path.
        let y: Vec<f64> = ar1(156)
            .iter()
            .enumerate()
            .map(|(t, v)| v + 3.0 * ((t % 52) as f64 / 52.0 * std::f64::consts::TAU).sin())
            .collect();
        let spec = ArimaSpec::new(0, 0, 0)
            .seasonal(1, 0, 0, 52)
            .with_constant(Constant::Mean);
        let model = fit(&y, &spec).unwrap();
        assert!(model.coefficients.sar[0] > 0.3, "{:?}", model.coefficients);
        let forecast = model.forecast(52);
        assert!(forecast.mean.iter().all(|v| v.is_finite()));
        assert!(model.loglik.is_finite());
    }

    #[test]
    fn refuses_short_or_non_finite_series() {
        let spec = ArimaSpec::new(1, 1, 1);
        assert!(fit(&[1.0, 2.0, 3.0], &spec).is_err());
        let mut y = ar1(50);
        y[7] = f64::NAN;
        assert!(fit(&y, &spec).is_err());
        assert!(fit(
            &[5.0; 30],
            &ArimaSpec::new(1, 0, 0).with_constant(Constant::Mean)
        )
        .is_err());
    }
}
