//! Demand forecasting with rolling-origin backtests. (Being built: see issue 7.)
