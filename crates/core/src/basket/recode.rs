//! Dense recoding of the baskets for the miners: frequent items only, renumbered by
//! descending frequency (rank 0 is the most frequent item), each basket a sorted slice of
//! ranks in one flat buffer.
//!
//! Ordering items by frequency is what makes FP-trees small (Han, Pei & Yin 2000, §2) and
//! keeps every miner's inner loop on small dense arrays instead of hash maps.

use super::params::Side;
use super::Transactions;

/// Baskets as frequency ranks of their frequent items.
#[derive(Debug, Clone)]
pub(crate) struct Recoded {
    /// `original[rank]` is the item id in [`Transactions::items`].
    pub original: Vec<u32>,
    /// Basket count of each rank (descending).
    pub support: Vec<u64>,
    /// All baskets' ranks, concatenated; each basket sorted ascending.
    pub ranks: Vec<u32>,
    /// `ranks[ends[b - 1]..ends[b]]` is basket `b` (only baskets with a frequent item).
    pub ends: Vec<usize>,
}

impl Recoded {
    /// Number of frequent items.
    pub fn n_items(&self) -> usize {
        self.original.len()
    }

    /// Number of kept baskets.
    pub fn n_baskets(&self) -> usize {
        self.ends.len()
    }

    /// The baskets of each rank, ascending: those of rank `r` are
    /// `lists[starts[r]..starts[r + 1]]` in the returned `(starts, lists)`. One counting
    /// sort; every miner starts from this vertical layout.
    pub fn item_baskets(&self) -> (Vec<usize>, Vec<u32>) {
        let n = self.n_items();
        let mut starts = vec![0usize; n + 1];
        for &r in &self.ranks {
            starts[r as usize + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut lists = vec![0u32; self.ranks.len()];
        for b in 0..self.n_baskets() {
            for &r in self.basket(b) {
                lists[fill[r as usize]] = b as u32;
                fill[r as usize] += 1;
            }
        }
        (starts, lists)
    }

    /// Basket `b` as ranks.
    pub fn basket(&self, b: usize) -> &[u32] {
        let start = if b == 0 { 0 } else { self.ends[b - 1] };
        &self.ranks[start..self.ends[b]]
    }
}

/// Basket count of every item id.
pub(crate) fn item_counts(tx: &Transactions) -> Vec<u64> {
    let mut counts = vec![0u64; tx.items.len()];
    for basket in &tx.baskets {
        for &item in basket {
            if let Some(c) = counts.get_mut(item as usize) {
                *c += 1;
            }
        }
    }
    counts
}

/// Keeps the items with count >= `min_count` whose side is not [`Side::None`], ranks them
/// by descending count (ties by item id, so the result is deterministic), and rewrites the
/// baskets.
pub(crate) fn recode(tx: &Transactions, min_count: u64, sides: &[Side]) -> Recoded {
    let counts = item_counts(tx);
    let mut kept: Vec<u32> = (0..counts.len() as u32)
        .filter(|&i| counts[i as usize] >= min_count && sides[i as usize] != Side::None)
        .collect();
    kept.sort_by(|&a, &b| counts[b as usize].cmp(&counts[a as usize]).then(a.cmp(&b)));
    let mut rank_of = vec![u32::MAX; counts.len()];
    for (rank, &item) in kept.iter().enumerate() {
        rank_of[item as usize] = rank as u32;
    }
    let mut ranks = Vec::new();
    let mut ends = Vec::new();
    for basket in &tx.baskets {
        let start = ranks.len();
        ranks.extend(
            basket
                .iter()
                .filter_map(|&i| rank_of.get(i as usize).copied())
                .filter(|&r| r != u32::MAX),
        );
        if ranks.len() > start {
            ranks[start..].sort_unstable();
            ends.push(ranks.len());
        }
    }
    Recoded {
        support: kept.iter().map(|&i| counts[i as usize]).collect(),
        original: kept,
        ranks,
        ends,
    }
}
