//! Brent's minimisation of a function of one variable on an interval, without derivatives:
//! golden-section steps, replaced by parabolic interpolation through the three best points
//! whenever the parabola's minimum falls well inside the bracket (Brent, *Algorithms for
//! Minimization without Derivatives*, 1973, ch. 5, procedure `localmin`; the same procedure
//! as R's `optimize` and coreforecast's Box-Cox λ search).
//!
//! It is written out here, rather than run through [`crate::optimize::solver`], because the
//! Box-Cox λ must reproduce coreforecast's to 1e-6 while their search stops at a tolerance
//! of about 1e-4: only the same sequence of trial points, with the same stopping rule and the
//! same rounded golden-section constant, lands on the same point.
//!
//! ```
//! use shoplens_core::forecast::brent::minimise;
//! let x = minimise(|x| (x - 0.3) * (x - 0.3), -1.0, 2.0, 1e-8);
//! assert!((x - 0.3).abs() < 1e-6);
//! ```

/// `(3 - √5) / 2`, rounded as Brent's and R's code write it.
const GOLDEN_SECTION: f64 = 0.381_966_0;

/// The point of `[lower, upper]` where `f` is smallest, to within about `tolerance` (plus a
/// relative `√ε`). `f` is assumed unimodal on the interval; otherwise a local minimum.
pub fn minimise(mut f: impl FnMut(f64) -> f64, lower: f64, upper: f64, tolerance: f64) -> f64 {
    let (mut a, mut b) = (lower, upper);
    let sqrt_eps = f64::EPSILON.sqrt();
    let third = tolerance / 3.0;
    // x: best point so far; w: second best; v: the previous w.
    let mut x = a + GOLDEN_SECTION * (b - a);
    let (mut w, mut v) = (x, x);
    let mut fx = f(x);
    let (mut fw, mut fv) = (fx, fx);
    // d: the last step; e: the step before it (parabolic steps must shrink).
    let (mut d, mut e) = (0.0f64, 0.0f64);
    loop {
        let middle = 0.5 * (a + b);
        let tol1 = sqrt_eps * x.abs() + third;
        let tol2 = 2.0 * tol1;
        if (x - middle).abs() <= tol2 - 0.5 * (b - a) {
            return x;
        }
        let (mut p, mut q, mut r) = (0.0, 0.0, 0.0);
        if e.abs() > tol1 {
            // The parabola through x, w and v.
            r = (x - w) * (fx - fv);
            q = (x - v) * (fx - fw);
            p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            } else {
                q = -q;
            }
            r = e;
            e = d;
        }
        if p.abs() >= (0.5 * q * r).abs() || p <= q * (a - x) || p >= q * (b - x) {
            // Golden section into the larger part of the bracket.
            e = if x < middle { b - x } else { a - x };
            d = GOLDEN_SECTION * e;
        } else {
            d = p / q;
            let u = x + d;
            // Never evaluate too close to the ends of the bracket.
            if u - a < tol2 || b - u < tol2 {
                d = if x < middle { tol1 } else { -tol1 };
            }
        }
        let u = if d.abs() >= tol1 {
            x + d
        } else if d > 0.0 {
            x + tol1
        } else {
            x - tol1
        };
        let fu = f(u);
        if fu <= fx {
            if u < x {
                b = x;
            } else {
                a = x;
            }
            (v, fv) = (w, fw);
            (w, fw) = (x, fx);
            (x, fx) = (u, fu);
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            #[allow(clippy::float_cmp)] // Brent's test: has w moved off x yet?
            if fu <= fw || w == x {
                (v, fv) = (w, fw);
                (w, fw) = (u, fu);
            } else if fu <= fv || v == x || v == w {
                (v, fv) = (u, fu);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_smooth_functions() {
        let quartic = minimise(
            |x| (x - 1.5).powi(4) + 0.1 * (x - 1.5).powi(2),
            0.0,
            4.0,
            1e-10,
        );
        assert!((quartic - 1.5).abs() < 1e-4, "{quartic}");
        let cosine = minimise(f64::cos, 2.0, 4.0, 1e-10);
        assert!((cosine - std::f64::consts::PI).abs() < 1e-7, "{cosine}");
        // A minimum on the boundary is approached to within the tolerance.
        let edge = minimise(|x| x, -0.9, 2.0, 1e-8);
        assert!((edge + 0.9).abs() < 1e-6, "{edge}");
    }

    #[test]
    fn counts_how_few_evaluations_a_parabola_needs() {
        let mut calls = 0;
        let x = minimise(
            |x| {
                calls += 1;
                (x - 0.7) * (x - 0.7)
            },
            -0.9,
            2.0,
            1e-6,
        );
        assert!((x - 0.7).abs() < 1e-5);
        assert!(calls < 15, "{calls} evaluations");
    }
}
