//! The simplex search statsforecast's `ets` runs (its `nelder_mead.h`), re-derived from its
//! description so that our fits land where its fits land:
//!
//! - the start is clamped into the box; vertex `i` moves coordinate `i` by 5 % (or to
//!   `1e-4` when it is zero), the last vertex is the start itself;
//! - adaptive coefficients for `n` dimensions (Gao & Han 2012): reflection 1, expansion
//!   `1 + 2/n`, contraction `3/4 - 1/(2n)`, shrink `1 - 1/n`; every trial point is clamped;
//! - it stops when the population standard deviation of the vertex values falls below
//!   `tolerance` (1e-4), or after `max_iters` (1000) iterations, and returns the vertex that
//!   was best at the start of the last iteration.
//!
//! The one deliberate difference: a NaN objective counts as +infinity here (statsforecast
//! maps a NaN likelihood to -infinity, which would make the search prefer it).

/// Settings of the search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdaptiveSimplex {
    /// Maximum iterations (statsforecast: 1000).
    pub max_iters: usize,
    /// Stop when the standard deviation of the vertex values is below this (1e-4).
    pub tolerance: f64,
}

impl Default for AdaptiveSimplex {
    fn default() -> AdaptiveSimplex {
        AdaptiveSimplex {
            max_iters: 1000,
            tolerance: 1e-4,
        }
    }
}

/// Where the search stopped.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    /// The point.
    pub x: Vec<f64>,
    /// The objective there.
    pub value: f64,
    /// Iterations run.
    pub iterations: usize,
}

fn clamp(x: &mut [f64], lower: &[f64], upper: &[f64]) {
    for (i, v) in x.iter_mut().enumerate() {
        *v = v.max(lower[i]).min(upper[i]);
    }
}

fn spread(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt()
}

impl AdaptiveSimplex {
    /// Minimises `f` inside the box `[lower, upper]` (infinite bounds allowed) from `x0`.
    pub fn minimize(
        &self,
        f: &mut dyn FnMut(&[f64]) -> f64,
        x0: &[f64],
        lower: &[f64],
        upper: &[f64],
    ) -> Minimum {
        let n = x0.len();
        let mut eval = |x: &[f64]| {
            let v = f(x);
            if v.is_nan() {
                f64::INFINITY
            } else {
                v
            }
        };
        let mut start = x0.to_vec();
        clamp(&mut start, lower, upper);
        if n == 0 {
            let value = eval(&start);
            return Minimum {
                x: start,
                value,
                iterations: 0,
            };
        }
        let nf = n as f64;
        let (reflect, expand, contract, shrink) =
            (1.0, 1.0 + 2.0 / nf, 0.75 - 1.0 / (2.0 * nf), 1.0 - 1.0 / nf);
        let mut simplex: Vec<Vec<f64>> = vec![start.clone(); n + 1];
        for (i, vertex) in simplex.iter_mut().take(n).enumerate() {
            let v = vertex[i];
            let moved = if v == 0.0 { 1e-4 } else { v * 1.05 };
            vertex[i] = moved.max(lower[i]).min(upper[i]);
        }
        let mut values: Vec<f64> = simplex.iter().map(|v| eval(v)).collect();
        let mut best = 0;
        let mut iterations = 0;
        while iterations < self.max_iters {
            iterations += 1;
            let mut order: Vec<usize> = (0..=n).collect();
            order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
            best = order[0];
            let worst = order[n];
            let second_worst = order[n - 1];
            if spread(&values) < self.tolerance {
                break;
            }
            let centroid: Vec<f64> = (0..n)
                .map(|j| (simplex.iter().map(|v| v[j]).sum::<f64>() - simplex[worst][j]) / nf)
                .collect();
            let along = |t: f64, towards: &[f64]| -> Vec<f64> {
                let mut p: Vec<f64> = centroid
                    .iter()
                    .zip(towards)
                    .map(|(c, w)| c + t * (w - c))
                    .collect();
                clamp(&mut p, lower, upper);
                p
            };
            let mut reflected: Vec<f64> = centroid
                .iter()
                .zip(&simplex[worst])
                .map(|(c, w)| c + reflect * (c - w))
                .collect();
            clamp(&mut reflected, lower, upper);
            let fr = eval(&reflected);
            if values[best] <= fr && fr < values[second_worst] {
                simplex[worst] = reflected;
                values[worst] = fr;
                continue;
            }
            if fr < values[best] {
                let expanded = along(expand, &reflected);
                let fe = eval(&expanded);
                if fe < fr {
                    simplex[worst] = expanded;
                    values[worst] = fe;
                } else {
                    simplex[worst] = reflected;
                    values[worst] = fr;
                }
                continue;
            }
            if values[second_worst] <= fr && fr < values[worst] {
                let outside = along(contract, &reflected);
                let fo = eval(&outside);
                if fo <= fr {
                    simplex[worst] = outside;
                    values[worst] = fo;
                    continue;
                }
            } else {
                let inside = along(-contract, &reflected);
                let fi = eval(&inside);
                if fi < values[worst] {
                    simplex[worst] = inside;
                    values[worst] = fi;
                    continue;
                }
            }
            let anchor = simplex[best].clone();
            for j in 0..=n {
                if j == best {
                    continue;
                }
                let mut p: Vec<f64> = anchor
                    .iter()
                    .zip(&simplex[j])
                    .map(|(b, v)| b + shrink * (v - b))
                    .collect();
                clamp(&mut p, lower, upper);
                values[j] = eval(&p);
                simplex[j] = p;
            }
        }
        Minimum {
            x: simplex[best].clone(),
            value: values[best],
            iterations,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_bowl_minimum_inside_and_on_the_box() {
        let mut f = |x: &[f64]| (x[0] - 0.3).powi(2) + 10.0 * (x[1] + 2.0).powi(2);
        let s = AdaptiveSimplex {
            tolerance: 1e-12,
            ..AdaptiveSimplex::default()
        };
        let inf = f64::INFINITY;
        let m = s.minimize(&mut f, &[0.9, 1.0], &[0.0, -inf], &[1.0, inf]);
        assert!(
            (m.x[0] - 0.3).abs() < 1e-4 && (m.x[1] + 2.0).abs() < 1e-4,
            "{m:?}"
        );
        let m = s.minimize(&mut f, &[0.9, 1.0], &[0.5, -1.0], &[1.0, inf]);
        assert!(
            (m.x[0] - 0.5).abs() < 1e-4 && (m.x[1] + 1.0).abs() < 1e-4,
            "{m:?}"
        );
    }

    #[test]
    fn nan_counts_as_worst() {
        let mut f = |x: &[f64]| {
            if x[0] > 2.0 {
                f64::NAN
            } else {
                (x[0] - 1.0).powi(2)
            }
        };
        let m = AdaptiveSimplex::default().minimize(&mut f, &[1.9], &[-10.0], &[10.0]);
        assert!(m.value.is_finite() && m.x[0] <= 2.0, "{m:?}");
    }
}
