//! Baskets stored sparsely with dictionary-encoded items.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A set of baskets. Items are dictionary-encoded: `items[id]` is the name of item `id`;
/// each basket is a sorted list of distinct item ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Transactions {
    /// Item names, indexed by item id.
    pub items: Vec<String>,
    /// Each basket: sorted, distinct item ids.
    pub baskets: Vec<Vec<u32>>,
    /// Revenue of each basket, when the baskets came from order lines with prices.
    pub revenue: Option<Vec<f64>>,
}

impl Transactions {
    /// Builds transactions from baskets of item names. Names are trimmed; empty names are
    /// dropped; repeats inside a basket count once. Returns the transactions and how many
    /// repeated items were removed.
    pub fn from_named<I, B, S>(baskets: I) -> (Transactions, usize)
    where
        I: IntoIterator<Item = B>,
        B: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut items: Vec<String> = Vec::new();
        let mut out: Vec<Vec<u32>> = Vec::new();
        let mut duplicates = 0;
        for basket in baskets {
            let mut encoded: Vec<u32> = Vec::new();
            for name in basket {
                let name = name.as_ref().trim();
                if name.is_empty() {
                    continue;
                }
                let id = match ids.get(name) {
                    Some(&id) => id,
                    None => {
                        let id = items.len() as u32;
                        items.push(name.to_string());
                        ids.insert(name.to_string(), id);
                        id
                    }
                };
                encoded.push(id);
            }
            encoded.sort_unstable();
            let before = encoded.len();
            encoded.dedup();
            duplicates += before - encoded.len();
            out.push(encoded);
        }
        (
            Transactions {
                items,
                baskets: out,
                revenue: None,
            },
            duplicates,
        )
    }

    /// Reads one basket per line, items separated by `separator`. Blank lines are skipped.
    pub fn from_lines(text: &str, separator: char) -> Transactions {
        let lines = text.lines().filter(|l| !l.trim().is_empty());
        Transactions::from_named(lines.map(|l| l.split(separator))).0
    }

    /// Number of baskets.
    pub fn len(&self) -> usize {
        self.baskets.len()
    }

    /// Whether there are no baskets.
    pub fn is_empty(&self) -> bool {
        self.baskets.is_empty()
    }

    /// Number of distinct items.
    pub fn n_items(&self) -> usize {
        self.items.len()
    }

    /// Mean number of items per basket.
    pub fn mean_basket_size(&self) -> f64 {
        if self.baskets.is_empty() {
            return 0.0;
        }
        self.baskets.iter().map(Vec::len).sum::<usize>() as f64 / self.baskets.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_dedups() {
        let t = Transactions::from_lines("milk, bread ,milk\n\nbread\n", ',');
        assert_eq!(t.len(), 2);
        assert_eq!(t.items, ["milk", "bread"]);
        assert_eq!(t.baskets, [vec![0, 1], vec![1]]);
        assert!((t.mean_basket_size() - 1.5).abs() < 1e-12);
    }
}
