//! Benchmarks every other model must beat: naive, seasonal naive and moving average,
//! as statsforecast's `Naive`, `SeasonalNaive` and `WindowAverage` define them.

use super::fitted::{Param, SeriesFit};
use crate::{Allowed, Counted, Error, Result};

/// The last value repeated. The `h`-step error is a random walk's: variance `h σ²`.
pub fn naive(y: &[f64], horizon: usize) -> Result<SeriesFit> {
    let last = *y
        .last()
        .ok_or_else(|| Error::not_enough(Counted::Observations, 1, 0))?;
    let fitted = std::iter::once(None)
        .chain(y[..y.len() - 1].iter().map(|v| Some(*v)))
        .collect();
    let factor = (1..=horizon).map(|h| h as f64).collect();
    Ok(SeriesFit::from_parts(
        y,
        fitted,
        vec![last; horizon],
        factor,
        Vec::new(),
        0,
    ))
}

/// The value one season before each forecast step. The error variance grows by one σ²
/// per completed season ahead (Hyndman & Athanasopoulos, FPP3 §5.5).
pub fn seasonal_naive(y: &[f64], season: usize, horizon: usize) -> Result<SeriesFit> {
    let n = y.len();
    if n < season {
        return Err(Error::not_enough(Counted::Observations, season, n));
    }
    let fitted = (0..n)
        .map(|t| {
            if t >= season {
                Some(y[t - season])
            } else {
                None
            }
        })
        .collect();
    // Step h (1-based) repeats the value at n - season + ((h - 1) mod season).
    let mean = (0..horizon).map(|j| y[n - season + j % season]).collect();
    let factor = (0..horizon).map(|j| (j / season + 1) as f64).collect();
    Ok(SeriesFit::from_parts(
        y,
        fitted,
        mean,
        factor,
        Vec::new(),
        0,
    ))
}

/// The mean of the last `window` values, repeated. Intervals treat the series as noise
/// around a level, so the error variance does not grow with the horizon.
pub fn moving_average(y: &[f64], window: usize, horizon: usize) -> Result<SeriesFit> {
    if window == 0 {
        return Err(Error::invalid_parameter("window", 0, Allowed::AtLeast(1.0)));
    }
    let n = y.len();
    if n < window {
        return Err(Error::not_enough(Counted::Observations, window, n));
    }
    let mean_of = |end: usize| y[end - window..end].iter().sum::<f64>() / window as f64;
    let fitted = (0..n)
        .map(|t| if t >= window { Some(mean_of(t)) } else { None })
        .collect();
    Ok(SeriesFit::from_parts(
        y,
        fitted,
        vec![mean_of(n); horizon],
        vec![1.0; horizon],
        vec![Param::new("window", window as f64)],
        0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn benchmarks_on_a_small_series() {
        let y = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        assert_eq!(naive(&y, 2).unwrap().mean, vec![7.0, 7.0]);
        let s = seasonal_naive(&y, 3, 5).unwrap();
        assert_eq!(s.mean, vec![5.0, 6.0, 7.0, 5.0, 6.0]);
        assert_eq!(s.variance_factor, vec![1.0, 1.0, 1.0, 2.0, 2.0]);
        assert_eq!(moving_average(&y, 2, 1).unwrap().mean, vec![6.5]);
        assert!(moving_average(&y, 0, 1).is_err());
        assert!(seasonal_naive(&y, 8, 1).is_err());
        assert!(naive(&[], 1).is_err());
    }
}
