//! Starting values of the states, found the way statsforecast's `ets` (and R's
//! `forecast::ets`, Hyndman et al. 2008 §2.6.1) finds them before the likelihood search
//! refines them:
//!
//! - seasonal states: with at least three seasons of data, a classical decomposition
//!   (centred moving average of one season, `2×m` when `m` is even; the mean detrended
//!   value per position, normalised to sum 0 or average 1); with fewer, a regression on a
//!   line and one Fourier pair (`cos`, `sin` of `2πt/m`), the seasonal part being what the
//!   line leaves;
//! - level and trend: a straight line fitted by least squares to the first
//!   `max(10, 2m)` seasonally adjusted values (the mean of them when there is no trend).
//!
//! The returned vector is what the search starts from: level, trend (if any), then the
//! `m - 1` newest seasonal states newest first (the oldest is implied by the normalisation).

use super::{Kind, Spec};
use crate::{Allowed, Counted, Error, Result};

/// Seasonal component of a classical decomposition: one value per position in the season,
/// repeated over the series. `None` if some position has no detrended value.
pub fn classical_seasonal(y: &[f64], m: usize, multiplicative: bool) -> Option<Vec<f64>> {
    let n = y.len();
    let half = m / 2;
    if m < 2 || n < 2 * half + 1 {
        return None;
    }
    // Centred moving average: weights 1/m (odd m) or 1/(2m), 1/m..., 1/(2m) (even m).
    let weights: Vec<f64> = if m.is_multiple_of(2) {
        (0..=m)
            .map(|k| if k == 0 || k == m { 0.5 } else { 1.0 } / m as f64)
            .collect()
    } else {
        vec![1.0 / m as f64; m]
    };
    let mut sums = vec![0.0; m];
    let mut counts = vec![0usize; m];
    for t in half..n - (weights.len() - 1 - half) {
        let trend: f64 = weights
            .iter()
            .enumerate()
            .map(|(k, w)| w * y[t + k - half])
            .sum();
        let detrended = if multiplicative {
            y[t] / trend
        } else {
            y[t] - trend
        };
        if detrended.is_finite() {
            sums[t % m] += detrended;
            counts[t % m] += 1;
        }
    }
    if counts.contains(&0) {
        return None;
    }
    let mut averages: Vec<f64> = sums
        .iter()
        .zip(&counts)
        .map(|(s, c)| s / *c as f64)
        .collect();
    let mean = averages.iter().sum::<f64>() / m as f64;
    for a in averages.iter_mut() {
        if multiplicative {
            *a /= mean;
        } else {
            *a -= mean;
        }
    }
    Some((0..n).map(|t| averages[t % m]).collect())
}

/// Least squares by the normal equations, solved with partial pivoting (small, well-scaled
/// designs only). `None` if the design is singular.
pub fn least_squares(rows: &[Vec<f64>], y: &[f64]) -> Option<Vec<f64>> {
    let p = rows.first()?.len();
    let mut a = vec![vec![0.0; p + 1]; p];
    for (row, v) in rows.iter().zip(y) {
        for i in 0..p {
            for j in 0..p {
                a[i][j] += row[i] * row[j];
            }
            a[i][p] += row[i] * v;
        }
    }
    for col in 0..p {
        let pivot = (col..p).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        let pivot_row = a[col].clone();
        for (r, row) in a.iter_mut().enumerate() {
            if r != col {
                let factor = row[col] / pivot_row[col];
                for (cell, p) in row.iter_mut().zip(&pivot_row).skip(col) {
                    *cell -= factor * p;
                }
            }
        }
    }
    Some((0..p).map(|i| a[i][p] / a[i][i]).collect())
}

/// The starting states of `spec` on `y` with season length `m` (ignored without season).
pub fn initial_states(y: &[f64], m: usize, spec: Spec) -> Result<Vec<f64>> {
    let n = y.len();
    let seasonal = spec.season != Kind::None;
    let multiplicative = spec.season == Kind::Multiplicative;
    let m = if seasonal { m } else { 1 };
    let mut states = Vec::new();
    let mut adjusted = y.to_vec();
    let mut season_states = Vec::new();
    if seasonal {
        if n < 4 {
            return Err(Error::not_enough(Counted::Observations, 4, n));
        }
        let component: Vec<f64> = if n < 3 * m {
            // A line and one Fourier pair (m = 2 has no sine term).
            let rows: Vec<Vec<f64>> = (1..=n)
                .map(|t| {
                    let angle = 2.0 * std::f64::consts::PI * t as f64 / m as f64;
                    let mut row = vec![1.0, t as f64, angle.cos()];
                    if m > 2 {
                        row.push(angle.sin());
                    }
                    row
                })
                .collect();
            let coef = least_squares(&rows, y)
                .ok_or_else(|| Error::invalid_parameter("series", "y", Allowed::SeriesNotOnLine))?;
            (1..=n)
                .map(|t| {
                    let line = coef[0] + coef[1] * t as f64;
                    if multiplicative {
                        y[t - 1] / line
                    } else {
                        y[t - 1] - line
                    }
                })
                .collect()
        } else {
            classical_seasonal(y, m, multiplicative).ok_or_else(|| {
                Error::invalid_parameter("series", "y", Allowed::SeasonalPatternEstimable)
            })?
        };
        season_states = component[1..m].iter().rev().copied().collect();
        if multiplicative {
            for s in season_states.iter_mut() {
                *s = s.max(1e-2);
            }
            let total: f64 = season_states.iter().sum();
            if total > m as f64 {
                let scale: f64 = season_states.iter().map(|s| s + 1e-2).sum();
                for s in season_states.iter_mut() {
                    *s /= scale;
                }
            }
            for (a, c) in adjusted.iter_mut().zip(&component) {
                *a /= c.max(1e-2);
            }
        } else {
            for (a, c) in adjusted.iter_mut().zip(&component) {
                *a -= c;
            }
        }
    }
    let first = (2 * m).max(10).min(n);
    if spec.trend == Kind::None {
        states.push(adjusted[..first].iter().sum::<f64>() / first as f64);
    } else {
        let rows: Vec<Vec<f64>> = (1..=first).map(|t| vec![1.0, t as f64]).collect();
        let coef = least_squares(&rows, &adjusted[..first])
            .ok_or_else(|| Error::not_enough(Counted::Observations, 2, first))?;
        let (mut level, mut slope) = (coef[0], coef[1]);
        if (level + slope).abs() < 1e-8 {
            level *= 1.0 + 1e-3;
            slope *= 1.0 - 1e-3;
        }
        states.push(level);
        states.push(slope);
    }
    states.extend(season_states);
    Ok(states)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposition_recovers_an_exact_pattern() {
        let pattern = [3.0, -1.0, -4.0, 2.0];
        let y: Vec<f64> = (0..16)
            .map(|t| 10.0 + 0.5 * t as f64 + pattern[t % 4])
            .collect();
        let s = classical_seasonal(&y, 4, false).unwrap();
        for t in 0..16 {
            assert!((s[t] - pattern[t % 4]).abs() < 1e-9, "{s:?}");
        }
    }

    #[test]
    fn line_fit_by_least_squares() {
        let rows: Vec<Vec<f64>> = (0..5).map(|t| vec![1.0, t as f64]).collect();
        let y: Vec<f64> = (0..5).map(|t| 2.0 + 3.0 * t as f64).collect();
        let c = least_squares(&rows, &y).unwrap();
        assert!((c[0] - 2.0).abs() < 1e-12 && (c[1] - 3.0).abs() < 1e-12);
    }
}
