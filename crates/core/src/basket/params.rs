//! Parameters of a frequent-itemset search, checked before any work (linfa `param_guard`
//! style): build with [`MiningParams::new`], adjust the public fields, call
//! [`MiningParams::check`].

use crate::{Allowed, Error, Lang, Result};
use serde::{Deserialize, Serialize};

/// Minimum support: a fraction of the baskets or an absolute basket count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum MinSupport {
    /// A fraction of the baskets in `(0, 1]`: `0.001` means 0.1%.
    Fraction(f64),
    /// An absolute number of baskets, at least 1.
    Count(u64),
}

impl MinSupport {
    /// The smallest basket count that makes an itemset frequent among `baskets` baskets:
    /// `ceil(fraction × baskets)` (ties count), at least 1.
    ///
    /// The product is rounded first when it lies within floating-point noise of an
    /// integer, so `0.01 × 100_000` gives 1,000 and not 1,001 (the product in binary can
    /// come out as 1000.0000000000001); `0.001 × 9835 = 9.835` gives 10.
    pub fn min_count(self, baskets: usize) -> u64 {
        match self {
            MinSupport::Count(c) => c.max(1),
            MinSupport::Fraction(f) => {
                let exact = f * baskets as f64;
                let nearest = exact.round();
                let count = if (exact - nearest).abs() <= 1e-9 * nearest.max(1.0) {
                    nearest
                } else {
                    exact.ceil()
                };
                (count as u64).max(1)
            }
        }
    }

    fn check(self) -> Result<()> {
        match self {
            MinSupport::Fraction(f) if !(f > 0.0 && f <= 1.0) => Err(Error::invalid_parameter(
                "min_support",
                f,
                Allowed::SupportFractionOrCount,
            )),
            MinSupport::Count(0) => Err(Error::invalid_parameter(
                "min_support",
                0,
                Allowed::SupportFractionOrCount,
            )),
            _ => Ok(()),
        }
    }
}

/// Which frequent itemsets to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemsetKind {
    /// Every frequent itemset.
    #[default]
    All,
    /// Frequent itemsets with no superset of the same count.
    Closed,
    /// Frequent itemsets with no frequent superset.
    Maximal,
}

impl ItemsetKind {
    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ItemsetKind::All => lang.pick("全部频繁项集", "all frequent itemsets"),
            ItemsetKind::Closed => lang.pick("闭频繁项集", "closed itemsets"),
            ItemsetKind::Maximal => lang.pick("极大频繁项集", "maximal itemsets"),
        }
    }
}

/// The search algorithm. All three give identical itemsets; FP-Growth is the fastest on
/// retail data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// Han, Pei & Yin (2000): pattern growth on a prefix tree.
    #[default]
    FpGrowth,
    /// Agrawal & Srikant (1994): level-wise candidates, pruned by their subsets.
    Apriori,
    /// Zaki (2000): depth-first intersection of basket-id lists.
    Eclat,
}

impl Algorithm {
    /// The name shown to the user.
    pub fn label(self, _lang: Lang) -> &'static str {
        // Algorithm names are the same in Chinese literature.
        match self {
            Algorithm::FpGrowth => "FP-Growth",
            Algorithm::Apriori => "Apriori",
            Algorithm::Eclat => "Eclat",
        }
    }
}

/// Where an item may appear, as in arules' `appearance` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// In the antecedent (left-hand side) of a rule only.
    Lhs,
    /// In the consequent (right-hand side) of a rule only.
    Rhs,
    /// Anywhere.
    #[default]
    Both,
    /// Nowhere: the item is ignored by the search.
    None,
}

/// Item constraints by item name (arules' `appearance`): each listed item gets its side;
/// every other item gets `default`. Items on side [`Side::None`] are dropped before the
/// search; the rule sides are enforced when rules are built. `require` lists items every
/// reported itemset (or every rule, antecedent and consequent together) must contain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Appearance {
    /// Items allowed only in antecedents.
    pub lhs: Vec<String>,
    /// Items allowed only in consequents.
    pub rhs: Vec<String>,
    /// Items allowed on both sides.
    pub both: Vec<String>,
    /// Items that must not appear at all.
    pub none: Vec<String>,
    /// The side of every item not listed above.
    pub default: Side,
    /// Items that every reported itemset or rule must contain.
    pub require: Vec<String>,
}

impl Appearance {
    /// Whether the constraints change nothing.
    pub fn is_unconstrained(&self) -> bool {
        self.lhs.is_empty()
            && self.rhs.is_empty()
            && self.none.is_empty()
            && self.require.is_empty()
            && self.default == Side::Both
    }

    /// The side of every item id of `items`, or an error naming an unknown item.
    pub fn sides(&self, items: &[String]) -> Result<Vec<Side>> {
        let mut sides = vec![self.default; items.len()];
        let lists = [
            (&self.lhs, Side::Lhs),
            (&self.rhs, Side::Rhs),
            (&self.both, Side::Both),
            (&self.none, Side::None),
        ];
        for (list, side) in lists {
            for id in resolve(list, items)? {
                sides[id as usize] = side;
            }
        }
        Ok(sides)
    }

    /// The ids of the required items, sorted, or an error naming an unknown item.
    pub fn required(&self, items: &[String]) -> Result<Vec<u32>> {
        let mut ids = resolve(&self.require, items)?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }
}

fn resolve(names: &[String], items: &[String]) -> Result<Vec<u32>> {
    names
        .iter()
        .map(|name| {
            let name = name.trim();
            items
                .iter()
                .position(|item| item == name)
                .map(|id| id as u32)
                .ok_or_else(|| {
                    Error::invalid_parameter("appearance", name, crate::Allowed::ItemOfData)
                })
        })
        .collect()
}

/// Limits that keep a search inside a browser tab. Past them the search stops and the
/// result is marked partial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    /// Most itemsets found before the search stops. Default 1,000,000 (some 60 MB of
    /// results, and as much again as JSON between worker and page).
    pub max_itemsets: usize,
    /// Most bytes of working memory the search may plan for (vertical bitsets and lists of
    /// Apriori and Eclat, the FP-tree of FP-Growth). Default 512 MB.
    pub max_bytes: u64,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_itemsets: 1_000_000,
            max_bytes: 512_000_000,
        }
    }
}

/// Parameters of a frequent-itemset search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MiningParams {
    /// Minimum support. Default 1% of the baskets.
    pub min_support: MinSupport,
    /// Which itemsets to report. Default all.
    pub target: ItemsetKind,
    /// Search algorithm. Default FP-Growth.
    pub algorithm: Algorithm,
    /// Fewest items in a reported itemset. Default 1.
    pub min_len: usize,
    /// Most items in an itemset; `None` (the default) for no limit.
    pub max_len: Option<usize>,
    /// Item constraints. Default none.
    pub appearance: Appearance,
    /// Search limits. Default [`Budget::default`].
    pub budget: Budget,
}

impl Default for MiningParams {
    fn default() -> MiningParams {
        MiningParams::new(MinSupport::Fraction(0.01))
    }
}

impl MiningParams {
    /// Parameters with the given minimum support and the documented defaults.
    pub fn new(min_support: MinSupport) -> MiningParams {
        MiningParams {
            min_support,
            target: ItemsetKind::All,
            algorithm: Algorithm::FpGrowth,
            min_len: 1,
            max_len: None,
            appearance: Appearance::default(),
            budget: Budget::default(),
        }
    }

    /// Checks every parameter; the error names the first bad one and its value.
    pub fn check(&self) -> Result<()> {
        self.min_support.check()?;
        if self.min_len == 0 {
            return Err(Error::invalid_parameter(
                "min_len",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if let Some(max) = self.max_len {
            if max < self.min_len {
                return Err(Error::invalid_parameter(
                    "max_len",
                    max,
                    Allowed::AtLeast(self.min_len as f64),
                ));
            }
        }
        if self.budget.max_itemsets == 0 {
            return Err(Error::invalid_parameter(
                "max_itemsets",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_round_up_robustly() {
        let cases = [
            (0.001, 9835, 10),
            (0.01, 9835, 99),
            (0.005, 9835, 50),
            (0.01, 100_000, 1000),
            (0.005, 100_000, 500),
            (0.001, 100_000, 100),
            (0.4, 5, 2),
            (1.0, 7, 7),
            (1e-9, 10, 1),
        ];
        for (fraction, baskets, expected) in cases {
            assert_eq!(
                MinSupport::Fraction(fraction).min_count(baskets),
                expected,
                "{fraction} × {baskets}"
            );
        }
        assert_eq!(MinSupport::Count(12).min_count(5), 12);
    }

    #[test]
    fn bad_parameters_are_named() {
        for bad in [0.0, -0.1, 1.5, f64::NAN] {
            let err = MiningParams::new(MinSupport::Fraction(bad))
                .check()
                .unwrap_err();
            assert!(err.to_string().starts_with("min_support"), "{err}");
        }
        let p = MiningParams {
            min_len: 3,
            max_len: Some(2),
            ..MiningParams::default()
        };
        assert!(p
            .check()
            .unwrap_err()
            .to_string()
            .starts_with("max_len = 2"));
    }
}
