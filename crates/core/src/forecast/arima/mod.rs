//! Seasonal ARIMA(p, d, q)(P, D, Q)_m models fitted by CSS-ML: a conditional-sum-of-squares
//! start, then the exact Gaussian likelihood through a Kalman filter, as R's `arima` and
//! statsforecast's `ARIMA(method="CSS-ML")` do, with forecasts and their error variance from
//! the same filter.
//!
//! - [`spec`]: the orders, season length and constant term ([`ArimaSpec`]), checked first;
//! - [`polynomial`]: seasonal factors multiplied out, differencing, and the
//!   partial-autocorrelation transform that keeps AR parts stationary;
//! - [`css`]: the conditional sum of squares;
//! - [`kalman`]: the state-space form, its likelihood and forecasts;
//! - [`bfgs`]: the quasi-Newton minimiser both stages use;
//! - [`fit`]: the procedure, the information criteria and the forecasts ([`ArimaFit`]);
//! - [`auto`]: the orders chosen by the Hyndman-Khandakar stepwise search on AICc
//!   ([`auto_arima`]), behind [`crate::forecast::Model::Arima`].
//!
//! References: Box, Jenkins & Reinsel, *Time Series Analysis* (1976/2008); Gardner, Harvey &
//! Phillips (1980), "Algorithm AS 154"; Jones (1980) for the transform; Durbin & Koopman,
//! *Time Series Analysis by State Space Methods* (2012). Figures are checked against
//! statsforecast 2.1.1 (`tools/arima_fixture.py`, `testdata/fixtures/forecast_arima.json`).
//!
//! ```
//! use shoplens_core::forecast::arima::{fit, ArimaSpec, Constant};
//! let y: Vec<f64> = (0..60).map(|t| 50.0 + (t as f64 * 0.7).sin() * 5.0 + t as f64 * 0.1).collect();
//! let model = fit(&y, &ArimaSpec::new(1, 0, 1).with_constant(Constant::Mean)).unwrap();
//! let forecast = model.forecast(6);
//! assert_eq!(forecast.mean.len(), 6);
//! assert!(forecast.standard_error.windows(2).all(|w| w[1] >= w[0] - 1e-9));
//! ```

pub mod auto;
pub mod bfgs;
pub mod css;
pub mod fit;
pub mod kalman;
pub mod polynomial;
pub mod spec;

pub use auto::auto_arima;
pub use fit::{
    conditional_mean_square, css_estimate, fit, fit_fixed, log_likelihood_at, ArimaFit,
    ArimaForecast, Coefficients,
};
pub use spec::{ArimaSpec, Constant};

#[cfg(test)]
mod fixture_tests;
