//! k-means parameters, checked before any work (linfa's `param_guard` style).

use crate::rt::DEFAULT_SEED;
use crate::{Allowed, Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// k-means parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansParams {
    /// Number of clusters (≥ 1, ≤ number of points).
    pub k: usize,
    /// Independent k-means++ starts; the lowest inertia wins. Default 10.
    pub n_init: usize,
    /// Lloyd iterations per start at most. Default 300.
    pub max_iter: usize,
    /// Relative tolerance on the total squared centre shift (scaled by the mean column
    /// variance, as scikit-learn). Default 1e-4.
    pub tol: f64,
    /// Seed of the random generator. Default [`DEFAULT_SEED`].
    pub seed: u64,
}

impl KMeansParams {
    /// `k` clusters with the defaults: 10 starts, 300 iterations, tol 1e-4, seed 42.
    pub fn new(k: usize) -> KMeansParams {
        KMeansParams {
            k,
            n_init: 10,
            max_iter: 300,
            tol: 1e-4,
            seed: DEFAULT_SEED,
        }
    }

    /// Sets the number of starts.
    pub fn n_init(mut self, n_init: usize) -> KMeansParams {
        self.n_init = n_init;
        self
    }

    /// Sets the iteration limit.
    pub fn max_iter(mut self, max_iter: usize) -> KMeansParams {
        self.max_iter = max_iter;
        self
    }

    /// Sets the tolerance.
    pub fn tol(mut self, tol: f64) -> KMeansParams {
        self.tol = tol;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> KMeansParams {
        self.seed = seed;
        self
    }

    /// Checks the parameters against a data set of `n_points` points.
    pub fn check(&self, n_points: usize) -> Result<()> {
        if self.k == 0 {
            return Err(Error::invalid_parameter("k", self.k, Allowed::AtLeast(1.0)));
        }
        if self.k > n_points {
            // As many customers as segments at least: a count both languages can say.
            return Err(Error::not_enough(Counted::Customers, self.k, n_points));
        }
        if self.n_init == 0 {
            return Err(Error::invalid_parameter(
                "n_init",
                self.n_init,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.max_iter == 0 {
            return Err(Error::invalid_parameter(
                "max_iter",
                self.max_iter,
                Allowed::AtLeast(1.0),
            ));
        }
        if !(self.tol.is_finite() && self.tol >= 0.0) {
            return Err(Error::invalid_parameter(
                "tol",
                self.tol,
                Allowed::NonNegative,
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    /// Regression: k above the number of customers printed English inside the Chinese
    /// message ("参数 k = 11 不可用：应为 at most the number of customers (10)").
    #[test]
    fn too_many_segments_are_said_in_each_language() {
        let e = KMeansParams::new(11).check(10).unwrap_err();
        let zh = e.message(Lang::Zh);
        assert!(
            zh.contains("11") && zh.contains("10") && zh.contains("客户"),
            "{zh}"
        );
        assert!(!zh.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
        assert!(e.message(Lang::En).contains("11 customers"));
        let e = KMeansParams::new(3).n_init(0).check(10).unwrap_err();
        assert!(
            e.message(Lang::Zh).contains("至少 1"),
            "{}",
            e.message(Lang::Zh)
        );
    }

    #[test]
    fn bad_parameters_are_named() {
        let cases = [
            (KMeansParams::new(0), "k"),
            (KMeansParams::new(2).n_init(0), "n_init"),
            (KMeansParams::new(2).max_iter(0), "max_iter"),
            (KMeansParams::new(2).tol(-1.0), "tol"),
            (KMeansParams::new(2).tol(f64::NAN), "tol"),
        ];
        for (params, name) in cases {
            let err = params.check(10).unwrap_err();
            assert!(
                matches!(err.kind(), crate::ErrorKind::InvalidParameter { name: n, .. } if n.is_param(name)),
                "{err}"
            );
        }
        assert!(KMeansParams::new(10).check(10).is_ok());
    }
}
