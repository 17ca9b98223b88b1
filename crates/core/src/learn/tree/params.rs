//! Parameters shared by decision trees and random forests, checked before any work.

use crate::{Allowed, Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// How the quality of a split is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Gini impurity `1 − Σ p²` (classification).
    Gini,
    /// Entropy `−Σ p log₂ p` (classification).
    Entropy,
    /// Variance of the values (regression).
    SquaredError,
}

impl Criterion {
    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Criterion::Gini => lang.pick("基尼不纯度", "Gini impurity"),
            Criterion::Entropy => lang.pick("信息熵", "Entropy"),
            Criterion::SquaredError => lang.pick("平方误差", "Squared error"),
        }
    }
}

/// How many features each split considers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaxFeatures {
    /// All features.
    All,
    /// √(number of features), rounded down, at least 1.
    Sqrt,
    /// log₂(number of features), rounded down, at least 1.
    Log2,
    /// A fixed number (capped at the number of features).
    Count(usize),
    /// A fraction of the features in (0, 1].
    Fraction(f64),
}

impl MaxFeatures {
    /// The number of features to try at each split, given `n_features`.
    pub fn resolve(self, n_features: usize) -> usize {
        let n = match self {
            MaxFeatures::All => n_features,
            MaxFeatures::Sqrt => (n_features as f64).sqrt().floor() as usize,
            MaxFeatures::Log2 => (n_features as f64).log2().floor() as usize,
            MaxFeatures::Count(c) => c,
            MaxFeatures::Fraction(f) => (f * n_features as f64).floor() as usize,
        };
        n.clamp(1, n_features.max(1))
    }
}

/// Parameters of a CART decision tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TreeParams {
    /// Split criterion. Default Gini (use squared error for regression).
    pub criterion: Criterion,
    /// Deepest level (root is depth 0); `None` grows until leaves are pure. Default `None`.
    pub max_depth: Option<usize>,
    /// A node needs at least this many rows to be split, ≥ 2. Default 2.
    pub min_samples_split: usize,
    /// Each child keeps at least this many rows, ≥ 1. Default 1.
    pub min_samples_leaf: usize,
    /// Features tried per split. Default all.
    pub max_features: MaxFeatures,
    /// Seed for the order in which features are tried (it breaks ties). Default 42.
    pub seed: u64,
}

impl Default for TreeParams {
    fn default() -> Self {
        TreeParams::new()
    }
}

impl TreeParams {
    /// Defaults (sklearn's): Gini, no depth limit, `min_samples_split = 2`,
    /// `min_samples_leaf = 1`, all features, seed 42.
    pub fn new() -> Self {
        TreeParams {
            criterion: Criterion::Gini,
            max_depth: None,
            min_samples_split: 2,
            min_samples_leaf: 1,
            max_features: MaxFeatures::All,
            seed: crate::rt::DEFAULT_SEED,
        }
    }

    /// Defaults for regression: as [`TreeParams::new`] with squared error.
    pub fn regression() -> Self {
        TreeParams {
            criterion: Criterion::SquaredError,
            ..TreeParams::new()
        }
    }

    /// Sets the criterion.
    pub fn criterion(mut self, criterion: Criterion) -> Self {
        self.criterion = criterion;
        self
    }

    /// Sets the depth limit.
    pub fn max_depth(mut self, depth: Option<usize>) -> Self {
        self.max_depth = depth;
        self
    }

    /// Sets the rows a node needs to be split.
    pub fn min_samples_split(mut self, n: usize) -> Self {
        self.min_samples_split = n;
        self
    }

    /// Sets the rows each leaf keeps.
    pub fn min_samples_leaf(mut self, n: usize) -> Self {
        self.min_samples_leaf = n;
        self
    }

    /// Sets the features tried per split.
    pub fn max_features(mut self, m: MaxFeatures) -> Self {
        self.max_features = m;
        self
    }

    /// Sets the seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks the parameters; `classification` says which criteria are allowed.
    pub fn check(&self, classification: bool) -> Result<()> {
        if self.min_samples_split < 2 {
            return Err(Error::invalid_parameter(
                "min_samples_split",
                self.min_samples_split,
                Allowed::AtLeast(2.0),
            ));
        }
        if self.min_samples_leaf < 1 {
            return Err(Error::invalid_parameter(
                "min_samples_leaf",
                self.min_samples_leaf,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.max_depth == Some(0) {
            return Err(Error::invalid_parameter(
                "max_depth",
                0,
                crate::Allowed::AtLeastOneOrNone,
            ));
        }
        match self.max_features {
            MaxFeatures::Count(0) => {
                return Err(Error::invalid_parameter(
                    "max_features",
                    0,
                    Allowed::AtLeast(1.0),
                ))
            }
            MaxFeatures::Fraction(f) if !(f > 0.0 && f <= 1.0) => {
                return Err(Error::invalid_parameter(
                    "max_features",
                    f,
                    Allowed::UpToOne,
                ))
            }
            _ => {}
        }
        let fits = match self.criterion {
            Criterion::Gini | Criterion::Entropy => classification,
            Criterion::SquaredError => !classification,
        };
        if !fits {
            let expected = if classification {
                Allowed::one_of(&["gini", "entropy"])
            } else {
                Allowed::one_of(&["squared_error"])
            };
            return Err(Error::invalid_parameter(
                "criterion",
                format!("{:?}", self.criterion).to_lowercase(),
                expected,
            ));
        }
        Ok(())
    }
}
