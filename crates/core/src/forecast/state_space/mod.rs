//! Exponential smoothing as a state-space model (ETS; Hyndman, Koehler, Ord & Snyder,
//! *Forecasting with Exponential Smoothing*, 2008): error additive or multiplicative, trend
//! none, additive or additive damped, season none, additive or multiplicative, each form
//! fitted by maximum likelihood with its initial states (level, trend, seasonal states)
//! estimated together with the smoothing parameters, and the form chosen by AICc.
//!
//! The estimation follows statsforecast's `ets` (a port of R's `forecast::ets`) so the two
//! agree on fixed forms (fixtures from `tools/ets_fixture.py`):
//! - starting values from [`init`], smoothing parameters starting at `α = 0.2/m`,
//!   `β = α/10`, `γ = (1 - α)/20`, `φ = 0.978`;
//! - the box statsforecast searches in: `α ∈ [1e-4, 0.9999]`, `β ∈ [1e-4, α₀]` (its starting
//!   `α`), `γ ∈ [1e-4, 1 - α₀]`, `φ ∈ [0.8, 0.98]`, states unbounded; multiplicative seasonal
//!   states must stay positive; the `m`-th seasonal state is implied (sum 0, or mean 1);
//! - the objective `n ln Σe² (+ 2 Σ ln|ŷ| for multiplicative errors)`, minus twice the
//!   log-likelihood up to a constant; `e` is the one-step error, relative for
//!   multiplicative errors. The log-likelihood reported is `-objective / 2`, AIC adds twice
//!   the count of parameters (smoothing parameters, free states, the variance), AICc the
//!   small-sample term;
//! - the simplex search of [`simplex`].
//!
//! Multiplicative trends are left out (AutoETS leaves them out by default too), as are
//! additive-error forms with a multiplicative season (unstable, as in R and statsforecast).

pub mod init;
pub mod simplex;
pub mod variance;

use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// A component's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Absent.
    None,
    /// Added.
    Additive,
    /// Multiplied.
    Multiplicative,
}

/// An ETS form such as `MAdM`: error, trend (`d` = damped), season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Spec {
    /// Additive or multiplicative errors.
    pub error: Kind,
    /// No trend or an additive one.
    pub trend: Kind,
    /// Whether the trend is damped.
    pub damped: bool,
    /// No season, additive or multiplicative.
    pub season: Kind,
}

fn letter(kind: Kind) -> char {
    match kind {
        Kind::None => 'N',
        Kind::Additive => 'A',
        Kind::Multiplicative => 'M',
    }
}

impl Spec {
    /// The code, e.g. `AAdN`.
    pub fn code(&self) -> String {
        let mut s = String::new();
        s.push(letter(self.error));
        s.push(letter(self.trend));
        if self.damped {
            s.push('d');
        }
        s.push(letter(self.season));
        s
    }

    /// The textbook notation, e.g. `ETS(A,Ad,N)`.
    pub fn notation(&self) -> String {
        format!(
            "ETS({},{}{},{})",
            letter(self.error),
            letter(self.trend),
            if self.damped { "d" } else { "" },
            letter(self.season)
        )
    }

    /// Reads a code such as `MAdM` (case-insensitive except the `d`).
    pub fn parse(code: &str) -> Result<Spec> {
        let bad =
            || Error::invalid_parameter(crate::Term::EtsForm, code.to_string(), Allowed::EtsForm);
        let chars: Vec<char> = code.trim().chars().collect();
        let kind = |c: char| match c.to_ascii_uppercase() {
            'N' => Some(Kind::None),
            'A' => Some(Kind::Additive),
            'M' => Some(Kind::Multiplicative),
            _ => None,
        };
        let (e, t, d, s) = match chars.as_slice() {
            [e, t, s] => (*e, *t, false, *s),
            [e, t, 'd', s] => (*e, *t, true, *s),
            _ => return Err(bad()),
        };
        let spec = Spec {
            error: kind(e).ok_or_else(bad)?,
            trend: kind(t).ok_or_else(bad)?,
            damped: d,
            season: kind(s).ok_or_else(bad)?,
        };
        let admissible = spec.error != Kind::None
            && spec.trend != Kind::Multiplicative
            && !(spec.damped && spec.trend == Kind::None)
            && !(spec.error == Kind::Additive && spec.season == Kind::Multiplicative);
        if admissible {
            Ok(spec)
        } else {
            Err(bad())
        }
    }

    /// Whether the form multiplies by anything, so needs positive data.
    pub fn needs_positive(&self) -> bool {
        self.error == Kind::Multiplicative || self.season == Kind::Multiplicative
    }

    fn free_smoothing(&self) -> usize {
        1 + usize::from(self.trend != Kind::None)
            + usize::from(self.season != Kind::None)
            + usize::from(self.damped)
    }
}

impl std::fmt::Display for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

impl From<Spec> for String {
    fn from(s: Spec) -> String {
        s.code()
    }
}

impl TryFrom<String> for Spec {
    type Error = Error;
    fn try_from(s: String) -> Result<Spec> {
        Spec::parse(&s)
    }
}

/// Smoothing parameters; `beta` 0 without trend, `gamma` 0 without season, `phi` 1 undamped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Smoothing {
    /// Level.
    pub alpha: f64,
    /// Trend.
    pub beta: f64,
    /// Season.
    pub gamma: f64,
    /// Damping.
    pub phi: f64,
}

const TOL: f64 = 1e-10;
const HUGE: f64 = 1e10;

/// The states after some observations: level, trend, seasonal states newest first.
#[derive(Debug, Clone, PartialEq)]
struct State {
    level: f64,
    trend: f64,
    season: Vec<f64>,
}

impl State {
    fn from_vector(x: &[f64], spec: Spec, m: usize) -> State {
        let has_trend = spec.trend != Kind::None;
        let start = 1 + usize::from(has_trend);
        State {
            level: x[0],
            trend: if has_trend { x[1] } else { 0.0 },
            season: if spec.season != Kind::None {
                x[start..start + m].to_vec()
            } else {
                Vec::new()
            },
        }
    }

    fn to_vector(&self, spec: Spec) -> Vec<f64> {
        let mut v = vec![self.level];
        if spec.trend != Kind::None {
            v.push(self.trend);
        }
        v.extend(&self.season);
        v
    }

    /// Point forecasts `h` steps ahead.
    fn forecast(&self, spec: Spec, phi: f64, h: usize) -> Vec<f64> {
        let m = self.season.len();
        let mut damp = phi;
        (0..h)
            .map(|i| {
                let mut f = if spec.trend == Kind::None {
                    self.level
                } else {
                    self.level + damp * self.trend
                };
                if m > 0 {
                    let s = self.season[(m - 1 + m * (i / m + 1) - i) % m];
                    match spec.season {
                        Kind::Additive => f += s,
                        Kind::Multiplicative => f *= s,
                        Kind::None => {}
                    }
                }
                damp += if (phi - 1.0).abs() < TOL {
                    1.0
                } else {
                    phi.powi(i as i32 + 1)
                };
                f
            })
            .collect()
    }

    /// The one-step forecast (what [`State::forecast`] gives first, without allocating).
    fn one_step(&self, spec: Spec, phi: f64) -> f64 {
        let f = if spec.trend == Kind::None {
            self.level
        } else {
            self.level + phi * self.trend
        };
        match (spec.season, self.season.last()) {
            (Kind::Additive, Some(s)) => f + s,
            (Kind::Multiplicative, Some(s)) => f * s,
            _ => f,
        }
    }

    /// Moves the states past observation `y`.
    fn update(&mut self, spec: Spec, p: &Smoothing, y: f64) {
        let m = self.season.len();
        let (q, damped_trend) = match spec.trend {
            Kind::None => (self.level, 0.0),
            _ => (self.level + p.phi * self.trend, p.phi * self.trend),
        };
        let oldest = if m > 0 { self.season[m - 1] } else { 0.0 };
        let target = match spec.season {
            Kind::None => y,
            Kind::Additive => y - oldest,
            Kind::Multiplicative => {
                if oldest.abs() < TOL {
                    HUGE
                } else {
                    y / oldest
                }
            }
        };
        let level = q + p.alpha * (target - q);
        if spec.trend != Kind::None {
            let growth = level - self.level;
            self.trend = damped_trend + (p.beta / p.alpha) * (growth - damped_trend);
        }
        if m > 0 {
            let t = match spec.season {
                Kind::Multiplicative => {
                    if q.abs() < TOL {
                        HUGE
                    } else {
                        y / q
                    }
                }
                _ => y - q,
            };
            let newest = oldest + p.gamma * (t - oldest);
            self.season.rotate_right(1);
            self.season[0] = newest;
        }
        self.level = level;
    }
}

/// One pass of the recursion over `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pass {
    /// `n ln Σe² (+ 2 Σ ln|ŷ|)`: minus twice the log-likelihood up to a constant.
    pub objective: f64,
    /// One-step errors (relative for multiplicative errors).
    pub errors: Vec<f64>,
    /// One-step predictions.
    pub fitted: Vec<f64>,
    /// The states after the last observation: level, trend, seasonal states newest first.
    pub last_state: Vec<f64>,
}

/// Runs the recursion from `initial` (level, trend if any, all `m` seasonal states newest
/// first).
pub fn pass(y: &[f64], spec: Spec, m: usize, p: &Smoothing, initial: &[f64]) -> Pass {
    let mut state = State::from_vector(initial, spec, m);
    let mut errors = Vec::with_capacity(y.len());
    let mut fitted = Vec::with_capacity(y.len());
    let (mut sse, mut log_sum) = (0.0, 0.0);
    for &v in y {
        let f = state.one_step(spec, p.phi);
        let e = match spec.error {
            Kind::Multiplicative => {
                let d = if f.abs() < TOL { f + TOL } else { f };
                (v - f) / d
            }
            _ => v - f,
        };
        sse += e * e;
        let a = f.abs();
        log_sum += if a > 0.0 { a.ln() } else { (a + 1e-8).ln() };
        errors.push(e);
        fitted.push(f);
        state.update(spec, p, v);
    }
    let n = y.len() as f64;
    let mut objective = if sse > 0.0 {
        n * sse.ln()
    } else {
        n * (sse + 1e-8).ln()
    };
    if spec.error == Kind::Multiplicative {
        objective += 2.0 * log_sum;
    }
    Pass {
        objective,
        errors,
        fitted,
        last_state: state.to_vector(spec),
    }
}

/// A fitted ETS form.
#[derive(Debug, Clone, PartialEq)]
pub struct EtsFit {
    /// The form.
    pub spec: Spec,
    /// Season length used (1 without season).
    pub season: usize,
    /// Smoothing parameters (`beta` 0, `gamma` 0, `phi` 1 where the form has none).
    pub smoothing: Smoothing,
    /// Estimated initial states: level, trend if any, all seasonal states newest first.
    pub initial: Vec<f64>,
    /// Log-likelihood in statsforecast's and R's convention (constants left out).
    pub loglik: f64,
    /// Akaike's criterion.
    pub aic: f64,
    /// Corrected Akaike criterion.
    pub aicc: f64,
    /// Residual variance `Σe² / (n - k - 1)`, on the error's scale.
    pub sigma2: f64,
    /// Parameters counted by the criteria (smoothing, free states, variance).
    pub n_params: usize,
    /// The final pass.
    pub pass: Pass,
    /// Simplex iterations.
    pub iterations: usize,
}

impl EtsFit {
    /// Point forecasts `h` steps ahead.
    pub fn forecast(&self, h: usize) -> Vec<f64> {
        State::from_vector(&self.pass.last_state, self.spec, self.season).forecast(
            self.spec,
            self.smoothing.phi,
            h,
        )
    }

    /// Variance of the `h`-step error in units of the one-step variance, for the linear
    /// (additive-error) forms (Hyndman et al. 2008, Table 6.1, class 1); the other classes
    /// are in [`variance`].
    pub fn variance_factors(&self, h: usize) -> Vec<f64> {
        let p = self.smoothing;
        let m = self.season;
        let mut out = Vec::with_capacity(h);
        let mut total = 0.0;
        let mut damp_sum = 0.0;
        for j in 0..h {
            out.push(1.0 + total);
            let step = j + 1;
            damp_sum += p.phi.powi(step as i32);
            let mut c = p.alpha;
            if self.spec.trend != Kind::None {
                c += p.beta * damp_sum;
            }
            if self.spec.season != Kind::None && m > 1 && step % m == 0 {
                c += p.gamma;
            }
            total += c * c;
        }
        out
    }
}

/// The parameter box statsforecast's `ets` searches for a form fitted on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Box4 {
    lower: [f64; 4],
    upper: [f64; 4],
}

fn start_and_box(spec: Spec, m: usize) -> (Smoothing, Box4) {
    let lower = [1e-4, 1e-4, 1e-4, 0.8];
    let mut upper = [0.9999, 0.9999, 0.9999, 0.98];
    let mut alpha = lower[0] + 0.2 * (upper[0] - lower[0]) / m as f64;
    if !(0.0..=1.0).contains(&alpha) {
        alpha = lower[0] + 2e-3;
    }
    let mut beta = 0.0;
    if spec.trend != Kind::None {
        upper[1] = upper[1].min(alpha);
        beta = lower[1] + 0.1 * (upper[1] - lower[1]);
        if beta < 0.0 || beta > alpha {
            beta = alpha - 1e-3;
        }
    }
    let mut gamma = 0.0;
    if spec.season != Kind::None {
        upper[2] = upper[2].min(1.0 - alpha);
        gamma = lower[2] + 0.05 * (upper[2] - lower[2]);
        if gamma < 0.0 || gamma > 1.0 - alpha {
            gamma = 1.0 - alpha - 1e-3;
        }
    }
    let mut phi = 1.0;
    if spec.damped {
        phi = lower[3] + 0.99 * (upper[3] - lower[3]);
    }
    (
        Smoothing {
            alpha,
            beta,
            gamma,
            phi,
        },
        Box4 { lower, upper },
    )
}

/// Splits a search vector into smoothing parameters and the full initial state vector
/// (with the implied seasonal state); `None` if a multiplicative seasonal state is negative.
fn unpack(x: &[f64], spec: Spec, m: usize, fixed: &Smoothing) -> Option<(Smoothing, Vec<f64>)> {
    let mut p = *fixed;
    let mut i = 0;
    let mut next = || {
        i += 1;
        x[i - 1]
    };
    p.alpha = next();
    if spec.trend != Kind::None {
        p.beta = next();
    }
    if spec.season != Kind::None {
        p.gamma = next();
    }
    if spec.damped {
        p.phi = next();
    }
    let mut states = x[spec.free_smoothing()..].to_vec();
    if spec.season != Kind::None {
        let start = 1 + usize::from(spec.trend != Kind::None);
        let sum: f64 = states[start..].iter().sum();
        let total = if spec.season == Kind::Multiplicative {
            m as f64
        } else {
            0.0
        };
        states.push(total - sum);
        if spec.season == Kind::Multiplicative && states[start..].iter().any(|s| *s < 0.0) {
            return None;
        }
    }
    Some((p, states))
}

/// Fits one form by maximum likelihood. `m` is the season length (ignored for forms
/// without season).
pub fn fit_spec(y: &[f64], m: usize, spec: Spec) -> Result<EtsFit> {
    let n = y.len();
    if let Some(i) = y.iter().position(|v| !v.is_finite()) {
        return Err(Error::invalid_parameter(
            crate::Subject::SeriesValue(i + 1),
            y[i],
            Allowed::FiniteNumber,
        ));
    }
    let seasonal = spec.season != Kind::None;
    if seasonal && (m < 2 || n <= m) {
        return Err(Error::not_enough(Counted::Observations, m + 1, n));
    }
    if spec.needs_positive() && y.iter().any(|v| *v <= 0.0) {
        return Err(Error::invalid_parameter(
            "model",
            spec.notation(),
            Allowed::PositiveSeries,
        ));
    }
    let m = if seasonal { m } else { 1 };
    // statsforecast refuses "tiny" series: n ≤ 2 per component + damping + 4.
    let tiny = 2 * (1 + usize::from(spec.trend != Kind::None) + usize::from(seasonal))
        + usize::from(spec.damped)
        + 4;
    if n <= tiny {
        return Err(Error::not_enough(Counted::Observations, tiny + 1, n));
    }
    let (start, bounds) = start_and_box(spec, m);
    let states = init::initial_states(y, m, spec)?;
    let mut x0 = vec![start.alpha];
    let (mut lower, mut upper) = (vec![bounds.lower[0]], vec![bounds.upper[0]]);
    for (on, value, k) in [
        (spec.trend != Kind::None, start.beta, 1),
        (seasonal, start.gamma, 2),
        (spec.damped, start.phi, 3),
    ] {
        if on {
            x0.push(value);
            lower.push(bounds.lower[k]);
            upper.push(bounds.upper[k]);
        }
    }
    let free = x0.len() + states.len();
    if free + 1 >= n {
        return Err(Error::not_enough(Counted::Observations, free + 2, n));
    }
    x0.extend(&states);
    lower.resize(x0.len(), f64::NEG_INFINITY);
    upper.resize(x0.len(), f64::INFINITY);
    let fixed = Smoothing {
        alpha: start.alpha,
        beta: 0.0,
        gamma: 0.0,
        phi: 1.0,
    };
    let mut objective = |x: &[f64]| match unpack(x, spec, m, &fixed) {
        Some((p, initial)) => pass(y, spec, m, &p, &initial).objective.max(-1e10),
        None => f64::INFINITY,
    };
    let best = simplex::AdaptiveSimplex::default().minimize(&mut objective, &x0, &lower, &upper);
    let (smoothing, initial) = unpack(&best.x, spec, m, &fixed).ok_or_else(|| {
        Error::invalid_parameter("model", spec.notation(), Allowed::FittableSeries)
    })?;
    let run = pass(y, spec, m, &smoothing, &initial);
    if !run.objective.is_finite() {
        return Err(Error::invalid_parameter(
            "model",
            spec.notation(),
            Allowed::FittableSeries,
        ));
    }
    let k = free + 1;
    let nf = n as f64;
    let kf = k as f64;
    let aic = run.objective + 2.0 * kf;
    let aicc = if n > k + 1 {
        aic + 2.0 * kf * (kf + 1.0) / (nf - kf - 1.0)
    } else {
        f64::INFINITY
    };
    let sse: f64 = run.errors.iter().map(|e| e * e).sum();
    Ok(EtsFit {
        spec,
        season: m,
        smoothing,
        initial,
        loglik: -0.5 * run.objective,
        aic,
        aicc,
        sigma2: sse / (nf - kf - 1.0),
        n_params: k,
        pass: run,
        iterations: best.iterations,
    })
}

/// The forms [`auto`] tries on `y` with season `m`: additive errors always, multiplicative
/// ones on positive data; seasonal forms only with `1 < m ≤ 24` (R's `ets` limit; weekly
/// data get non-seasonal forms) and at least two full seasons (shorter series get the
/// non-seasonal forms). In statsforecast's order.
pub fn candidate_specs(y: &[f64], m: usize) -> Vec<Spec> {
    let positive = y.iter().all(|v| *v > 0.0);
    let seasonal = (2..=24).contains(&m) && y.len() >= 2 * m;
    let mut out = Vec::new();
    for error in [Kind::Additive, Kind::Multiplicative] {
        if error == Kind::Multiplicative && !positive {
            continue;
        }
        for trend in [Kind::None, Kind::Additive] {
            for season in [Kind::None, Kind::Additive, Kind::Multiplicative] {
                if season != Kind::None && !seasonal {
                    continue;
                }
                if season == Kind::Multiplicative && (!positive || error == Kind::Additive) {
                    continue;
                }
                for damped in [true, false] {
                    if damped && trend == Kind::None {
                        continue;
                    }
                    out.push(Spec {
                        error,
                        trend,
                        damped,
                        season,
                    });
                }
            }
        }
    }
    out
}

/// A constant series: the level, nothing to estimate (statsforecast fixes `α = 0.9999`).
fn constant_fit(y: &[f64]) -> EtsFit {
    let spec = Spec {
        error: Kind::Additive,
        trend: Kind::None,
        damped: false,
        season: Kind::None,
    };
    let smoothing = Smoothing {
        alpha: 0.9999,
        beta: 0.0,
        gamma: 0.0,
        phi: 1.0,
    };
    let initial = vec![y[0]];
    let run = pass(y, spec, 1, &smoothing, &initial);
    let n = y.len() as f64;
    EtsFit {
        spec,
        season: 1,
        smoothing,
        initial,
        loglik: -0.5 * run.objective,
        aic: run.objective + 4.0,
        aicc: run.objective + 4.0 + 12.0 / (n - 3.0).max(1.0),
        sigma2: 0.0,
        n_params: 2,
        pass: run,
        iterations: 0,
    }
}

/// Fits every form of [`candidate_specs`] and keeps the smallest AICc.
pub fn auto(y: &[f64], m: usize) -> Result<EtsFit> {
    // Exactly constant: every value equal to the first (a spread of zero).
    let (lo, hi) = y
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    if y.len() >= 2 && hi - lo <= 0.0 {
        return Ok(constant_fit(y));
    }
    let mut best: Option<EtsFit> = None;
    let mut first_error = None;
    for spec in candidate_specs(y, m) {
        match fit_spec(y, m, spec) {
            Ok(f) if f.aicc.is_finite() => {
                if best.as_ref().is_none_or(|b| f.aicc < b.aicc) {
                    best = Some(f);
                }
            }
            Ok(_) => {}
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    best.ok_or_else(|| {
        first_error.unwrap_or_else(|| Error::not_enough(Counted::Observations, 8, y.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_forbidden_forms_are_refused() {
        for code in ["ANN", "AAN", "AAdN", "ANA", "AAdA", "MNM", "MAdM", "MAA"] {
            assert_eq!(Spec::parse(code).unwrap().code(), code);
        }
        for bad in ["ANM", "AMN", "ANdN", "XNN", "AA"] {
            assert!(Spec::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Spec::parse("MAdM").unwrap().notation(), "ETS(M,Ad,M)");
    }

    #[test]
    fn a_fixed_recursion_by_hand() {
        // ANN with alpha 0.5 from level 3: levels 3, 4, 4, 5.
        let spec = Spec::parse("ANN").unwrap();
        let p = Smoothing {
            alpha: 0.5,
            beta: 0.0,
            gamma: 0.0,
            phi: 1.0,
        };
        let r = pass(&[3.0, 5.0, 4.0, 6.0], spec, 1, &p, &[3.0]);
        assert_eq!(r.fitted, vec![3.0, 3.0, 4.0, 4.0]);
        assert_eq!(r.last_state, vec![5.0]);
        // n ln(SSE) with errors 0, 2, 0, 2.
        assert!((r.objective - 4.0 * 8f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn seasonal_forecast_cycles_through_the_states() {
        let spec = Spec::parse("ANA").unwrap();
        let state = State {
            level: 10.0,
            trend: 0.0,
            season: vec![1.0, 2.0, 3.0],
        };
        // The oldest state (last) comes next.
        assert_eq!(
            state.forecast(spec, 1.0, 5),
            vec![13.0, 12.0, 11.0, 13.0, 12.0]
        );
    }

    #[test]
    fn auto_finds_trend_and_season() {
        let pattern = [1.2, 0.8, 0.9, 1.1];
        let y: Vec<f64> = (0..40)
            .map(|t| {
                (50.0 + 2.0 * t as f64) * pattern[t % 4] * (1.0 + 0.01 * ((t * 7 % 5) as f64 - 2.0))
            })
            .collect();
        let f = auto(&y, 4).unwrap();
        assert_ne!(f.spec.trend, Kind::None, "{}", f.spec);
        assert_ne!(f.spec.season, Kind::None, "{}", f.spec);
        let fc = f.forecast(4);
        for (j, v) in fc.iter().enumerate() {
            let want = (50.0 + 2.0 * (40 + j) as f64) * pattern[j % 4];
            assert!((v - want).abs() / want < 0.05, "{fc:?}");
        }
    }

    #[test]
    fn short_series_get_non_seasonal_forms_and_constants_a_level() {
        let y: Vec<f64> = (0..10).map(|t| 5.0 + (t % 3) as f64).collect();
        assert!(candidate_specs(&y, 12)
            .iter()
            .all(|s| s.season == Kind::None));
        assert!(auto(&y, 12).is_ok());
        let c = auto(&[4.0; 9], 12).unwrap();
        assert_eq!(c.forecast(2), vec![4.0, 4.0]);
    }
}

#[cfg(test)]
mod fixture_tests;
