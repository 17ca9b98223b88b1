//! Categorical encodings learned on training rows: one-hot (an unseen category becomes
//! all zeros, scikit-learn's `handle_unknown="ignore"`) and ordinal (an unseen category
//! becomes −1, sklearn's `unknown_value=-1`). Categories are kept sorted, as sklearn's
//! and pandas' `get_dummies`.

use serde::{Deserialize, Serialize};

/// A fitted one-hot encoder for one text column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OneHotEncoder {
    /// The categories seen in training, sorted; one output column each.
    pub categories: Vec<String>,
}

impl OneHotEncoder {
    /// Learns the categories of the present (non-missing) training values.
    pub fn fit<'a>(values: impl Iterator<Item = &'a str>) -> OneHotEncoder {
        let mut categories: Vec<String> = values.map(str::to_string).collect();
        categories.sort_unstable();
        categories.dedup();
        OneHotEncoder { categories }
    }

    /// Writes the indicator columns of `value` into `out` (`None`, missing: all zeros).
    pub fn encode(&self, value: Option<&str>, out: &mut [f64]) {
        out.iter_mut().for_each(|v| *v = 0.0);
        if let Some(i) =
            value.and_then(|v| self.categories.binary_search_by(|c| c.as_str().cmp(v)).ok())
        {
            out[i] = 1.0;
        }
    }
}

/// A fitted ordinal encoder: category → its index in sorted order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrdinalEncoder {
    /// The categories seen in training, sorted.
    pub categories: Vec<String>,
}

impl OrdinalEncoder {
    /// Learns the categories of the training values.
    pub fn fit<'a>(values: impl Iterator<Item = &'a str>) -> OrdinalEncoder {
        OrdinalEncoder {
            categories: OneHotEncoder::fit(values).categories,
        }
    }

    /// The code of `value`: its index, or −1 when unseen.
    pub fn encode(&self, value: &str) -> f64 {
        self.categories
            .binary_search_by(|c| c.as_str().cmp(value))
            .map_or(-1.0, |i| i as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unseen_categories_are_handled() {
        let e = OneHotEncoder::fit(["b", "a", "b"].into_iter());
        assert_eq!(e.categories, vec!["a", "b"]);
        let mut out = [9.0; 2];
        e.encode(Some("b"), &mut out);
        assert_eq!(out, [0.0, 1.0]);
        e.encode(Some("zzz"), &mut out);
        assert_eq!(out, [0.0, 0.0]);
        let o = OrdinalEncoder::fit(["b", "a"].into_iter());
        assert_eq!((o.encode("b"), o.encode("c")), (1.0, -1.0));
    }
}
