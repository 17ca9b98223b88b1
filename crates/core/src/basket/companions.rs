//! "Frequently bought together": for each product, the products most often in the same
//! basket beyond what chance predicts — the list a merchant pastes into a shop back-end.
//!
//! Built from frequent pairs: for item X and companion Y, confidence is the share of X's
//! baskets that also hold Y, and lift is that confidence over Y's support (above 1: bought
//! together more often than by chance). Companions rank by lift, then confidence.

use super::itemsets::{mine_itemsets, Itemsets};
use super::params::{MinSupport, MiningParams};
use super::recode::item_counts;
use super::Transactions;
use crate::progress::Progress;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// One companion of a product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Companion {
    /// Item id of the companion.
    pub item: u32,
    /// Its name.
    pub name: String,
    /// Baskets holding both products.
    pub count: u64,
    /// Share of the product's baskets that also hold the companion.
    pub confidence: f64,
    /// Confidence over the companion's support.
    pub lift: f64,
}

/// A product and its best companions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemCompanions {
    /// Item id of the product.
    pub item: u32,
    /// Its name.
    pub name: String,
    /// Baskets holding the product.
    pub count: u64,
    /// Best companions first.
    pub companions: Vec<Companion>,
}

/// Parameters of the companion lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanionParams {
    /// Most companions per product. Default 5.
    pub per_item: usize,
    /// A companion needs a lift strictly above this. Default 1 (more than chance).
    pub min_lift: f64,
    /// A companion needs at least this confidence. Default 0.
    pub min_confidence: f64,
}

impl Default for CompanionParams {
    fn default() -> CompanionParams {
        CompanionParams {
            per_item: 5,
            min_lift: 1.0,
            min_confidence: 0.0,
        }
    }
}

impl CompanionParams {
    /// Checks every parameter; the error names the first bad one and its value.
    pub fn check(&self) -> Result<()> {
        if self.per_item == 0 {
            return Err(Error::invalid_parameter("per_item", 0, "at least 1"));
        }
        if !(self.min_lift.is_finite() && self.min_lift >= 0.0) {
            return Err(Error::invalid_parameter(
                "min_lift",
                self.min_lift,
                "a number >= 0",
            ));
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(Error::invalid_parameter(
                "min_confidence",
                self.min_confidence,
                "a fraction in [0, 1]",
            ));
        }
        Ok(())
    }
}

/// Companion lists from the frequent pairs of a finished search. Products with no
/// companion are left out; products are listed from the best-selling down.
pub fn companions(
    tx: &Transactions,
    itemsets: &Itemsets,
    params: &CompanionParams,
) -> Result<Vec<ItemCompanions>> {
    params.check()?;
    let counts = item_counts(tx);
    let n = tx.len().max(1) as f64;
    let mut lists: Vec<Vec<Companion>> = vec![Vec::new(); tx.n_items()];
    let count_of = |i: u32| counts.get(i as usize).copied().unwrap_or(0).max(1);
    for pair in itemsets.itemsets.iter().filter(|s| s.items.len() == 2) {
        let (a, b) = (pair.items[0], pair.items[1]);
        for (x, y) in [(a, b), (b, a)] {
            let confidence = pair.count as f64 / count_of(x) as f64;
            let lift = confidence / (count_of(y) as f64 / n);
            if lift > params.min_lift && confidence >= params.min_confidence {
                if let Some(list) = lists.get_mut(x as usize) {
                    list.push(Companion {
                        item: y,
                        name: tx.items[y as usize].clone(),
                        count: pair.count,
                        confidence,
                        lift,
                    });
                }
            }
        }
    }
    let mut out: Vec<ItemCompanions> = lists
        .into_iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .map(|(item, mut list)| {
            list.sort_by(|p, q| {
                q.lift
                    .total_cmp(&p.lift)
                    .then(q.confidence.total_cmp(&p.confidence))
                    .then(q.count.cmp(&p.count))
                    .then(p.item.cmp(&q.item))
            });
            list.truncate(params.per_item);
            ItemCompanions {
                item: item as u32,
                name: tx.items[item].clone(),
                count: counts[item],
                companions: list,
            }
        })
        .collect();
    out.sort_by(|p, q| q.count.cmp(&p.count).then(p.item.cmp(&q.item)));
    Ok(out)
}

/// Mines the frequent pairs at `min_support` and builds the companion lists.
pub fn frequently_bought_together(
    tx: &Transactions,
    min_support: MinSupport,
    params: &CompanionParams,
    progress: &mut dyn Progress,
) -> Result<Vec<ItemCompanions>> {
    params.check()?;
    let mut search = MiningParams::new(min_support);
    search.max_len = Some(2);
    let itemsets = mine_itemsets(tx, &search, progress)?;
    companions(tx, &itemsets, params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    #[test]
    fn worked_example_companions() {
        // A 4, B 3, C 3, D 3 of 5 baskets; AB 2, AC 2, AD 2, BC 2, BD 2, CD 1. Lift of
        // B with C or D: 0.4 / (0.6 × 0.6) = 1.11; every pair with A: 0.4 / 0.48 < 1.
        let tx = Transactions::from_lines("A,B,C\nA,D\nB,C,D\nA,B,D\nA,C\n", ',');
        let lists = frequently_bought_together(
            &tx,
            MinSupport::Count(1),
            &CompanionParams::default(),
            &mut Silent,
        )
        .unwrap();
        let shown: Vec<(&str, Vec<&str>)> = lists
            .iter()
            .map(|l| {
                (
                    l.name.as_str(),
                    l.companions.iter().map(|c| c.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [("B", vec!["C", "D"]), ("C", vec!["B"]), ("D", vec!["B"])]
        );
        let c = &lists[0].companions[0];
        assert_eq!(c.count, 2);
        assert!((c.confidence - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.lift - 0.4 / 0.36).abs() < 1e-12);
    }

    #[test]
    fn bad_parameters_are_named() {
        let tx = Transactions::from_lines("A,B\n", ',');
        let params = CompanionParams {
            per_item: 0,
            ..CompanionParams::default()
        };
        let err = frequently_bought_together(&tx, MinSupport::Count(1), &params, &mut Silent)
            .unwrap_err();
        assert!(err.to_string().starts_with("per_item = 0"));
    }
}
