//! "Frequently bought together": for each product, the products most often in the same
//! basket beyond what chance predicts — the list a merchant pastes into a shop back-end.
//!
//! Built from frequent pairs: for item X and companion Y, confidence is the share of X's
//! baskets that also hold Y, and lift is that confidence over Y's support (above 1: bought
//! together more often than by chance). Companions rank by confidence — how often the
//! companion is bought when the product is, which is what a shopper of X is likely to add
//! — among the pairs above two floors: a minimum support (a pair seen in a handful of
//! baskets is chance, however high its lift) and a minimum lift (a companion every basket
//! holds, such as the bakery's coffee, is not a recommendation). Ranking by lift alone
//! put rare pairs first: Coffee's top companions were bought with it 0.6–1.1 % of the
//! time.

use super::itemsets::{mine_itemsets, Itemsets};
use super::params::{MinSupport, MiningParams};
use super::recode::item_counts;
use super::Transactions;
use crate::progress::Progress;
use crate::{Allowed, Error, Result};
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
#[serde(default)]
pub struct CompanionParams {
    /// Most companions per product. Default 5.
    pub per_item: usize,
    /// A pair needs at least this support (a fraction or a basket count) besides the
    /// search's. Default 5 baskets.
    pub min_support: MinSupport,
    /// A companion needs a lift strictly above this. Default 1 (more than chance).
    pub min_lift: f64,
    /// A companion needs at least this confidence. Default 0.
    pub min_confidence: f64,
}

/// The default companion floor: a pair must be in at least this many baskets.
pub const COMPANION_MIN_COUNT: u64 = 5;

impl Default for CompanionParams {
    fn default() -> CompanionParams {
        CompanionParams {
            per_item: 5,
            min_support: MinSupport::Count(COMPANION_MIN_COUNT),
            min_lift: 1.0,
            min_confidence: 0.0,
        }
    }
}

impl CompanionParams {
    /// Checks every parameter; the error names the first bad one and its value.
    pub fn check(&self) -> Result<()> {
        if self.per_item == 0 {
            return Err(Error::invalid_parameter(
                "per_item",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if !(self.min_lift.is_finite() && self.min_lift >= 0.0) {
            return Err(Error::invalid_parameter(
                "min_lift",
                self.min_lift,
                Allowed::NonNegative,
            ));
        }
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(Error::invalid_parameter(
                "min_confidence",
                self.min_confidence,
                Allowed::UnitInterval,
            ));
        }
        match self.min_support {
            MinSupport::Fraction(f) if !(0.0..=1.0).contains(&f) => Err(Error::invalid_parameter(
                "min_support",
                f,
                Allowed::UnitInterval,
            )),
            _ => Ok(()),
        }
    }

    /// The basket count a pair needs among `baskets` baskets, given the search's own
    /// minimum `search_count`: the larger of the two floors.
    pub fn min_count(&self, baskets: usize, search_count: u64) -> u64 {
        self.min_support.min_count(baskets).max(search_count)
    }
}

/// Companion lists from the frequent pairs of a finished search: pairs in at least
/// [`CompanionParams::min_count`] baskets with a lift above the floor, each product's
/// companions by confidence (then lift, count, item). Products with no companion are left
/// out; products are listed from the best-selling down.
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
    let floor = params.min_count(tx.len(), itemsets.min_count);
    for pair in itemsets
        .itemsets
        .iter()
        .filter(|s| s.items.len() == 2 && s.count >= floor)
    {
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
                q.confidence
                    .total_cmp(&p.confidence)
                    .then(q.lift.total_cmp(&p.lift))
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
        let params = CompanionParams {
            min_support: MinSupport::Count(1),
            ..CompanionParams::default()
        };
        let lists =
            frequently_bought_together(&tx, MinSupport::Count(1), &params, &mut Silent).unwrap();
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

    /// Regression: companions ranked by lift put a pair seen twice first. Here bread is
    /// bought with jam in 30 of its 40 baskets (lift 1.53) and with caviar twice (lift
    /// 2.5): jam comes first, and caviar goes under the default five-basket floor. Water,
    /// in every basket, and milk, in every other, are no better than chance.
    #[test]
    fn companions_rank_by_confidence_above_the_floors() {
        let mut lines = String::new();
        for b in 0..100 {
            let mut basket = vec!["water"];
            if b < 40 {
                basket.push("bread");
            }
            if b < 30 || (60..79).contains(&b) {
                basket.push("jam");
            }
            if (38..40).contains(&b) {
                basket.push("caviar");
            }
            if b % 2 == 0 {
                basket.push("milk");
            }
            lines.push_str(&basket.join(","));
            lines.push('\n');
        }
        let tx = Transactions::from_lines(&lines, ',');
        let bread = tx.items.iter().position(|i| i == "bread").unwrap();
        let list_of = |params: &CompanionParams| -> Vec<(String, u64)> {
            frequently_bought_together(&tx, MinSupport::Count(1), params, &mut Silent)
                .unwrap()
                .into_iter()
                .find(|l| l.item as usize == bread)
                .map(|l| {
                    l.companions
                        .into_iter()
                        .map(|c| (c.name, c.count))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            list_of(&CompanionParams::default()),
            [("jam".to_string(), 30)]
        );
        let loose = CompanionParams {
            min_support: MinSupport::Count(1),
            ..CompanionParams::default()
        };
        assert_eq!(
            list_of(&loose),
            [("jam".to_string(), 30), ("caviar".to_string(), 2)]
        );
        // A lift floor above jam's leaves only caviar.
        let strict = CompanionParams {
            min_lift: 2.0,
            ..loose
        };
        assert_eq!(list_of(&strict), [("caviar".to_string(), 2)]);
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
