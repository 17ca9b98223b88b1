//! The exponential-smoothing recursion itself: the [`Form`] (trend and season kinds), the
//! [`Smoothing`] parameters, the [`Initial`] states and one pass of [`run`] over a series.
//! A leaf module: [`super::smoothing`] fits these by Nelder-Mead and [`super::linear_init`]
//! solves initial states for them, so neither needs the other for these types.

/// The kind of trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// No trend.
    None,
    /// A linear trend.
    Additive,
    /// A trend damped by `φ < 1`.
    Damped,
}

/// The kind of seasonality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    /// No seasonality.
    None,
    /// Seasonal effects added to the level.
    Additive,
    /// Seasonal factors multiplying the level (positive data only).
    Multiplicative,
}

/// A model form: which components it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    /// Trend component.
    pub trend: Trend,
    /// Seasonal component.
    pub season: Season,
}

impl Form {
    /// Level only.
    pub const SES: Form = Form {
        trend: Trend::None,
        season: Season::None,
    };
    /// Level and trend.
    pub const HOLT: Form = Form {
        trend: Trend::Additive,
        season: Season::None,
    };
    /// Level and damped trend.
    pub const DAMPED: Form = Form {
        trend: Trend::Damped,
        season: Season::None,
    };
    /// Level, trend and additive season.
    pub const HW_ADDITIVE: Form = Form {
        trend: Trend::Additive,
        season: Season::Additive,
    };
    /// Level, trend and multiplicative season.
    pub const HW_MULTIPLICATIVE: Form = Form {
        trend: Trend::Additive,
        season: Season::Multiplicative,
    };

    pub(crate) fn has_trend(self) -> bool {
        self.trend != Trend::None
    }

    pub(crate) fn has_season(self) -> bool {
        self.season != Season::None
    }
}

/// Smoothing parameters (`beta`, `gamma`, `phi` ignored when the form lacks the component).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Smoothing {
    /// Level smoothing.
    pub alpha: f64,
    /// Trend smoothing.
    pub beta: f64,
    /// Seasonal smoothing.
    pub gamma: f64,
    /// Trend damping (1 for an undamped trend).
    pub phi: f64,
}

/// Initial states.
#[derive(Debug, Clone, PartialEq)]
pub struct Initial {
    /// Level before the first observation.
    pub level: f64,
    /// Trend before the first observation.
    pub trend: f64,
    /// Seasonal index for each time `t < m` (`t mod m` thereafter); empty without season.
    pub season: Vec<f64>,
}

/// The result of running the recursions once.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Sum of squared one-step errors (infinite if the states became invalid).
    pub sse: f64,
    /// One-step predictions.
    pub fitted: Vec<f64>,
    /// Forecasts for the requested horizon.
    pub forecast: Vec<f64>,
}

/// Runs the recursions over `y` with given parameters and initial states, and forecasts
/// `horizon` steps.
pub fn run(y: &[f64], form: Form, p: Smoothing, init: &Initial, horizon: usize) -> Run {
    let phi = match form.trend {
        Trend::None => 0.0,
        Trend::Additive => 1.0,
        Trend::Damped => p.phi,
    };
    let m = init.season.len().max(1);
    let mut level = init.level;
    let mut trend = if form.has_trend() { init.trend } else { 0.0 };
    let mut season = init.season.clone();
    let mut fitted = Vec::with_capacity(y.len());
    let mut sse = 0.0;
    for (t, &obs) in y.iter().enumerate() {
        let base = level + phi * trend;
        let (pred, s) = match form.season {
            Season::None => (base, 0.0),
            Season::Additive => (base + season[t % m], season[t % m]),
            Season::Multiplicative => (base * season[t % m], season[t % m]),
        };
        let error = obs - pred;
        fitted.push(pred);
        sse += error * error;
        let new_level = match form.season {
            Season::Multiplicative => {
                if s.abs() < 1e-12 || base.abs() < 1e-12 {
                    return invalid(y.len(), horizon);
                }
                p.alpha * obs / s + (1.0 - p.alpha) * base
            }
            _ => base + p.alpha * error,
        };
        if form.has_trend() {
            trend = phi * trend + p.beta * (new_level - base);
        }
        match form.season {
            Season::None => {}
            Season::Additive => season[t % m] = s + p.gamma * error,
            Season::Multiplicative => {
                season[t % m] = p.gamma * obs / base + (1.0 - p.gamma) * s;
            }
        }
        level = new_level;
        if !level.is_finite() || !trend.is_finite() {
            return invalid(y.len(), horizon);
        }
    }
    let n = y.len();
    let mut damp_sum = 0.0;
    let mut damp_power = 1.0;
    let forecast = (0..horizon)
        .map(|j| {
            damp_power *= phi;
            damp_sum += damp_power;
            let base = level + damp_sum * trend;
            match form.season {
                Season::None => base,
                Season::Additive => base + season[(n + j) % m],
                Season::Multiplicative => base * season[(n + j) % m],
            }
        })
        .collect();
    Run {
        sse,
        fitted,
        forecast,
    }
}

fn invalid(n: usize, horizon: usize) -> Run {
    Run {
        sse: f64::INFINITY,
        fitted: vec![f64::NAN; n],
        forecast: vec![f64::NAN; horizon],
    }
}
