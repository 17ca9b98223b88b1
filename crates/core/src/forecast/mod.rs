//! Demand forecasting with rolling-origin backtests.
//!
//! - [`series`]: order lines or a date + value file → regular series per product or store
//!   (daily, weekly, monthly, quarterly, yearly; gaps are zero demand).
//! - Models ([`Model`]): naive, seasonal naive, moving average ([`naive`]); simple, Holt,
//!   damped and Holt-Winters exponential smoothing fitted by least squares
//!   ([`smoothing`], optimiser in [`optim`]); ETS as a state-space model fitted by maximum
//!   likelihood, its form chosen by AICc ([`state_space`], checked against statsforecast);
//!   an autoregression on differences ([`autoreg`]); seasonal ARIMA fitted by CSS-ML, its
//!   orders by the Hyndman-Khandakar stepwise search ([`arima`], checked against
//!   statsforecast); the Theta method ([`theta`]); the
//!   mean of those three; Croston and TSB for intermittent demand ([`croston`]); ETS on a
//!   Box-Cox transform with λ by Guerrero ([`boxcox`], minimiser in [`brent`]).
//! - [`backtest`]: the project's protocol (3 rolling origins, step = horizon, MASE scaled by
//!   each training part's seasonal-naive MAE), the one statsforecast's `cross_validation`
//!   runs; [`auto`] chooses the model with the smallest backtest MASE, reports the choice's
//!   own out-of-sample score (each window chosen from its past only) and forecasts with a
//!   prediction interval ([`intervals`]). Short series (8 points and up) get shorter
//!   backtest windows instead of a refusal.
//!
//! References: Hyndman, Koehler, Ord & Snyder, *Forecasting with Exponential Smoothing*
//! (2008); Hyndman & Koehler, "Another look at measures of forecast accuracy" (2006);
//! Croston (1972); Teunter, Syntetos & Babai (2011). Figures are checked against
//! statsforecast 2.1.1 (`tools/forecast_fixtures.py`).
//!
//! ```
//! use shoplens_core::forecast::{forecast_auto, AutoParams};
//! use shoplens_core::progress::Silent;
//! let y: Vec<f64> = (0..48).map(|t| 100.0 + t as f64 + [8.0, -3.0, -5.0, 0.0][t % 4]).collect();
//! let report = forecast_auto(&y, &AutoParams::new(4, 4), &mut Silent).unwrap();
//! assert_eq!(report.forecast.len(), 4);
//! assert!(report.backtest.mase < 0.5);
//! ```

pub mod arima;
pub mod auto;
pub mod autoreg;
pub mod backtest;
pub mod boxcox;
pub mod brent;
pub mod croston;
pub mod ets;
pub mod fitted;
pub mod intervals;
pub mod linear_init;
pub mod model;
pub mod naive;
pub mod optim;
pub mod recursion;
pub mod series;
pub mod smoothing;
pub mod state_space;
pub mod theta;

pub use auto::{candidates, forecast_auto, AutoParams, ForecastReport, Skipped};
pub use backtest::{backtest, Coverage, Protocol, Score, WindowScore, COVERAGE_LEVELS};
pub use fitted::{Model, Param, SeriesFit};
pub use intervals::Interval;
pub use series::{build_series, Frequency, Series, SeriesSpec};

#[cfg(test)]
mod fixture_json;
#[cfg(test)]
mod fixture_tests;
