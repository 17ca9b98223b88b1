//! A small, deterministic Nelder-Mead simplex minimiser with box bounds.
//!
//! Follows Nelder & Mead (1965) with the standard coefficients (reflection 1, expansion 2,
//! contraction 1/2, shrink 1/2) as described by Lagarias et al. (1998). Bounds are kept by
//! clamping every trial point into the box, which is enough for the few, well-scaled
//! parameters of exponential smoothing (the same approach as R's `forecast::ets`, which
//! uses Nelder-Mead with a penalty outside the admissible region).
//!
//! The solver *steps*: [`NelderMead::init`] builds a [`SimplexState`] and
//! [`NelderMead::next_iter`] performs one iteration on it, so a front can show convergence
//! between iterations. [`NelderMead::minimize`] runs the loop to termination.

/// Settings of the simplex search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NelderMead {
    /// Maximum number of iterations (default 1000).
    pub max_iters: usize,
    /// Stop when the spread of objective values over the simplex, relative to the best value,
    /// falls below this (default 1e-10).
    pub tolerance: f64,
    /// Or when every vertex lies within this distance of the best in each coordinate
    /// (default 1e-7: smoothing parameters live in [0, 1], where finer steps change no
    /// forecast a merchant would read).
    pub step_tolerance: f64,
}

impl Default for NelderMead {
    fn default() -> NelderMead {
        NelderMead {
            max_iters: 1000,
            tolerance: 1e-10,
            step_tolerance: 1e-7,
        }
    }
}

/// A box: lower and upper bound per parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    /// Lower bounds.
    pub lower: Vec<f64>,
    /// Upper bounds.
    pub upper: Vec<f64>,
}

impl Bounds {
    fn clamp(&self, x: &mut [f64]) {
        for (i, v) in x.iter_mut().enumerate() {
            *v = v.clamp(self.lower[i], self.upper[i]);
        }
    }
}

/// The state between iterations: the simplex, its objective values (sorted best first) and
/// the iteration count.
#[derive(Debug, Clone, PartialEq)]
pub struct SimplexState {
    /// `dim + 1` vertices.
    pub vertices: Vec<Vec<f64>>,
    /// Objective value of each vertex (non-finite values are stored as +infinity).
    pub values: Vec<f64>,
    /// Iterations done.
    pub iter: usize,
    /// Whether the tolerance was reached.
    pub converged: bool,
}

impl SimplexState {
    /// The best vertex and its value.
    pub fn best(&self) -> (&[f64], f64) {
        (&self.vertices[0], self.values[0])
    }

    fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.values.len()).collect();
        order.sort_by(|&a, &b| self.values[a].total_cmp(&self.values[b]));
        self.vertices = order.iter().map(|&i| self.vertices[i].clone()).collect();
        self.values = order.iter().map(|&i| self.values[i]).collect();
    }
}

fn evaluate(f: &mut dyn FnMut(&[f64]) -> f64, x: &[f64]) -> f64 {
    let v = f(x);
    // A NaN would poison the ordering; treat it (and overflow) as "infinitely bad".
    if v.is_finite() {
        v
    } else {
        f64::INFINITY
    }
}

impl NelderMead {
    /// The initial simplex: `x0` and, for each parameter, `x0` moved by `steps[i]` (towards
    /// the inside of the box when the step would leave it).
    pub fn init(
        &self,
        f: &mut dyn FnMut(&[f64]) -> f64,
        x0: &[f64],
        steps: &[f64],
        bounds: &Bounds,
    ) -> SimplexState {
        let mut start = x0.to_vec();
        bounds.clamp(&mut start);
        let mut vertices = vec![start.clone()];
        for (i, step) in steps.iter().enumerate() {
            let mut v = start.clone();
            v[i] = if v[i] + step <= bounds.upper[i] {
                v[i] + step
            } else {
                v[i] - step
            };
            bounds.clamp(&mut v);
            vertices.push(v);
        }
        let values = vertices.iter().map(|v| evaluate(f, v)).collect();
        let mut state = SimplexState {
            vertices,
            values,
            iter: 0,
            converged: false,
        };
        state.sort();
        state
    }

    /// One Nelder-Mead iteration (reflect, expand, contract or shrink).
    pub fn next_iter(
        &self,
        f: &mut dyn FnMut(&[f64]) -> f64,
        state: &mut SimplexState,
        bounds: &Bounds,
    ) {
        let n = state.vertices.len() - 1;
        let worst = n;
        let centroid: Vec<f64> = (0..n)
            .map(|j| state.vertices[..n].iter().map(|v| v[j]).sum::<f64>() / n as f64)
            .collect();
        let towards = |t: f64, from: &[f64]| -> Vec<f64> {
            let mut p: Vec<f64> = centroid
                .iter()
                .zip(from)
                .map(|(c, w)| c + t * (c - w))
                .collect();
            bounds.clamp(&mut p);
            p
        };
        let worst_vertex = state.vertices[worst].clone();
        let reflected = towards(1.0, &worst_vertex);
        let fr = evaluate(f, &reflected);
        if fr < state.values[0] {
            let expanded = towards(2.0, &worst_vertex);
            let fe = evaluate(f, &expanded);
            if fe < fr {
                state.vertices[worst] = expanded;
                state.values[worst] = fe;
            } else {
                state.vertices[worst] = reflected;
                state.values[worst] = fr;
            }
        } else if fr < state.values[n - 1] {
            state.vertices[worst] = reflected;
            state.values[worst] = fr;
        } else {
            // Contract outside if the reflection improved on the worst point, else inside.
            let (point, value) = if fr < state.values[worst] {
                let p = towards(0.5, &worst_vertex);
                let v = evaluate(f, &p);
                (p, v)
            } else {
                let p = towards(-0.5, &worst_vertex);
                let v = evaluate(f, &p);
                (p, v)
            };
            if value < state.values[worst].min(fr) {
                state.vertices[worst] = point;
                state.values[worst] = value;
            } else {
                let best = state.vertices[0].clone();
                for i in 1..=n {
                    let mut p: Vec<f64> = best
                        .iter()
                        .zip(&state.vertices[i])
                        .map(|(b, v)| b + 0.5 * (v - b))
                        .collect();
                    bounds.clamp(&mut p);
                    state.values[i] = evaluate(f, &p);
                    state.vertices[i] = p;
                }
            }
        }
        state.sort();
        state.iter += 1;
        let spread = state.values[n] - state.values[0];
        let size: f64 = state
            .vertices
            .iter()
            .skip(1)
            .map(|v| {
                v.iter()
                    .zip(&state.vertices[0])
                    .map(|(a, b)| (a - b).abs())
                    .fold(0.0, f64::max)
            })
            .fold(0.0, f64::max);
        state.converged = (spread.is_finite()
            && spread <= self.tolerance * (1.0 + state.values[0].abs()))
            || size < self.step_tolerance;
    }

    /// Minimises `f` from `x0` and returns the best point and its value. Restarts once from
    /// the best point (a fresh simplex escapes the premature collapse Nelder-Mead is known
    /// for).
    pub fn minimize(
        &self,
        f: &mut dyn FnMut(&[f64]) -> f64,
        x0: &[f64],
        steps: &[f64],
        bounds: &Bounds,
    ) -> (Vec<f64>, f64) {
        let mut start = x0.to_vec();
        let mut best = (start.clone(), f64::INFINITY);
        for _restart in 0..2 {
            let mut state = self.init(f, &start, steps, bounds);
            while !state.converged && state.iter < self.max_iters {
                self.next_iter(f, &mut state, bounds);
            }
            let (x, v) = state.best();
            if v <= best.1 {
                best = (x.to_vec(), v);
            }
            start = best.0.clone();
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let mut f = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let bounds = Bounds {
            lower: vec![-5.0, -5.0],
            upper: vec![5.0, 5.0],
        };
        let nm = NelderMead {
            max_iters: 5000,
            ..NelderMead::default()
        };
        let (x, v) = nm.minimize(&mut f, &[-1.2, 1.0], &[0.5, 0.5], &bounds);
        assert!(
            (x[0] - 1.0).abs() < 1e-4 && (x[1] - 1.0).abs() < 1e-4,
            "{x:?}"
        );
        assert!(v < 1e-8);
    }

    #[test]
    fn respects_bounds() {
        // The unconstrained minimum (3) lies outside the box: the answer is on the edge.
        let mut f = |x: &[f64]| (x[0] - 3.0).powi(2);
        let bounds = Bounds {
            lower: vec![0.0],
            upper: vec![1.0],
        };
        let (x, _) = NelderMead::default().minimize(&mut f, &[0.5], &[0.1], &bounds);
        assert!((x[0] - 1.0).abs() < 1e-9, "{x:?}");
    }

    #[test]
    fn steps_report_progress_and_improve() {
        let mut f = |x: &[f64]| x[0] * x[0] + x[1] * x[1];
        let bounds = Bounds {
            lower: vec![-10.0, -10.0],
            upper: vec![10.0, 10.0],
        };
        let nm = NelderMead::default();
        let mut state = nm.init(&mut f, &[3.0, 4.0], &[1.0, 1.0], &bounds);
        let first = state.best().1;
        for _ in 0..20 {
            nm.next_iter(&mut f, &mut state, &bounds);
        }
        assert_eq!(state.iter, 20);
        assert!(state.best().1 < first);
    }
}
