//! Which baskets contain an itemset: the "baskets behind a rule" view and the revenue of
//! itemsets and rules both ask this after the search, for the (few) sets a user looks at.

use super::Transactions;

/// For every item, the sorted indices of the baskets that contain it.
#[derive(Debug, Clone)]
pub struct BasketIndex {
    lists: Vec<Vec<u32>>,
}

impl BasketIndex {
    /// Indexes the baskets of `tx`.
    pub fn new(tx: &Transactions) -> BasketIndex {
        let mut lists = vec![Vec::new(); tx.items.len()];
        for (b, basket) in tx.baskets.iter().enumerate() {
            for &item in basket {
                if let Some(list) = lists.get_mut(item as usize) {
                    list.push(b as u32);
                }
            }
        }
        BasketIndex { lists }
    }

    /// Indices of the baskets that contain every item of `items` (item ids of the indexed
    /// transactions; an unknown id matches no basket). An empty itemset matches none.
    pub fn baskets_with(&self, items: &[u32]) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = Vec::with_capacity(items.len());
        for &item in items {
            match self.lists.get(item as usize) {
                Some(list) => lists.push(list),
                None => return Vec::new(),
            }
        }
        // Start from the shortest list so the work is bounded by the rarest item.
        lists.sort_by_key(|l| l.len());
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let mut out: Vec<u32> = first.to_vec();
        for list in rest {
            let mut j = 0;
            out.retain(|&b| {
                while j < list.len() && list[j] < b {
                    j += 1;
                }
                j < list.len() && list[j] == b
            });
        }
        out
    }

    /// Total revenue of the baskets that contain every item of `items`, or `None` when the
    /// transactions carry no revenue.
    pub fn revenue(&self, tx: &Transactions, items: &[u32]) -> Option<f64> {
        let revenue = tx.revenue.as_ref()?;
        Some(
            self.baskets_with(items)
                .iter()
                .filter_map(|&b| revenue.get(b as usize))
                .sum(),
        )
    }
}
