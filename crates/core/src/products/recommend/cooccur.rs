//! Item-to-item co-purchase counts, kept sparse: for every item the items that share a
//! basket with it and in how many baskets, as one compressed-row array.
//!
//! Built item by item through an inverted index (item → baskets), with a dense scratch row
//! reused across items, so memory grows with the number of co-purchased pairs, never with
//! items². On the Online Retail sample that is a few hundred thousand pairs.

use crate::progress::{Control, Progress, Stage};
use crate::{Error, ErrorKind, Result};

/// Co-purchase counts over a set of baskets.
#[derive(Debug, Clone, PartialEq)]
pub struct CoPurchase {
    /// Baskets holding each item.
    pub counts: Vec<u32>,
    /// Baskets counted.
    pub baskets: usize,
    /// Row `i` is `offsets[i]..offsets[i + 1]` of `neighbours` and `together`.
    offsets: Vec<usize>,
    /// Items sharing a basket with the row's item, ascending.
    neighbours: Vec<u32>,
    /// Baskets holding both.
    together: Vec<u32>,
}

impl CoPurchase {
    /// Counts co-purchases of `n_items` items over `baskets` (each a sorted list of
    /// distinct items), keeping the pairs that share at least `min_together` baskets.
    /// Reports progress as [`crate::progress::Stage::CoPurchase`] and stops with
    /// [`ErrorKind::Cancelled`] when told to.
    pub fn build(
        baskets: &[Vec<u32>],
        n_items: usize,
        min_together: u32,
        progress: &mut dyn Progress,
    ) -> Result<CoPurchase> {
        let mut counts = vec![0u32; n_items];
        for basket in baskets {
            for &item in basket {
                counts[item as usize] += 1;
            }
        }
        let mut starts = vec![0usize; n_items + 1];
        for (i, c) in counts.iter().enumerate() {
            starts[i + 1] = starts[i] + *c as usize;
        }
        let mut holding = vec![0u32; starts[n_items]];
        let mut fill = starts.clone();
        for (b, basket) in baskets.iter().enumerate() {
            for &item in basket {
                holding[fill[item as usize]] = b as u32;
                fill[item as usize] += 1;
            }
        }
        let mut offsets = Vec::with_capacity(n_items + 1);
        offsets.push(0);
        let mut neighbours = Vec::new();
        let mut together = Vec::new();
        let mut row = vec![0u32; n_items];
        let mut touched: Vec<u32> = Vec::new();
        for item in 0..n_items {
            if item % 256 == 0
                && progress.report(Stage::CoPurchase, item as u64, n_items as u64) == Control::Stop
            {
                return Err(Error::new(ErrorKind::Cancelled));
            }
            for &b in &holding[starts[item]..starts[item + 1]] {
                for &other in &baskets[b as usize] {
                    if other as usize == item {
                        continue;
                    }
                    if row[other as usize] == 0 {
                        touched.push(other);
                    }
                    row[other as usize] += 1;
                }
            }
            touched.sort_unstable();
            for &other in &touched {
                if row[other as usize] >= min_together {
                    neighbours.push(other);
                    together.push(row[other as usize]);
                }
                row[other as usize] = 0;
            }
            touched.clear();
            offsets.push(neighbours.len());
        }
        progress.report(Stage::CoPurchase, n_items as u64, n_items as u64);
        Ok(CoPurchase {
            counts,
            baskets: baskets.len(),
            offsets,
            neighbours,
            together,
        })
    }

    /// The items sharing a basket with `item` and the baskets they share, ascending.
    pub fn row(&self, item: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let range = self.offsets[item as usize]..self.offsets[item as usize + 1];
        self.neighbours[range.clone()]
            .iter()
            .copied()
            .zip(self.together[range].iter().copied())
    }

    /// Co-purchased pairs kept (each unordered pair twice).
    pub fn pairs(&self) -> usize {
        self.neighbours.len()
    }

    /// Cosine similarity of two items given the baskets they share:
    /// `together / sqrt(count(a) × count(b))`.
    pub fn cosine(&self, a: u32, b: u32, together: u32) -> f64 {
        let product = f64::from(self.counts[a as usize]) * f64::from(self.counts[b as usize]);
        f64::from(together) / product.sqrt()
    }

    /// Items in at least one basket, most baskets first, ties by item number (name).
    pub fn popularity(&self) -> Vec<u32> {
        let mut items: Vec<u32> = (0..self.counts.len() as u32)
            .filter(|i| self.counts[*i as usize] > 0)
            .collect();
        items.sort_by(|a, b| self.counts[*b as usize].cmp(&self.counts[*a as usize]));
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    #[test]
    fn counts_pairs_sparsely() {
        let baskets = vec![vec![0, 1, 2], vec![0, 1], vec![3]];
        let co = CoPurchase::build(&baskets, 5, 1, &mut Silent).unwrap();
        assert_eq!(co.counts, [2, 2, 1, 1, 0]);
        assert_eq!(co.row(0).collect::<Vec<_>>(), [(1, 2), (2, 1)]);
        assert_eq!(co.row(3).count(), 0);
        assert_eq!(co.pairs(), 6);
        assert!((co.cosine(0, 2, 1) - 1.0 / 2f64.sqrt()).abs() < 1e-15);
        assert_eq!(co.popularity(), [0, 1, 2, 3]);
        // Pairs seen in one basket only are dropped from the evidence, not the counts.
        let strict = CoPurchase::build(&baskets, 5, 2, &mut Silent).unwrap();
        assert_eq!(strict.row(0).collect::<Vec<_>>(), [(1, 2)]);
        assert_eq!(strict.counts, co.counts);
    }

    #[test]
    fn stops_when_cancelled() {
        let baskets = vec![vec![0, 1]];
        let mut stop = |_: crate::progress::Stage, _: u64, _: u64| Control::Stop;
        let err = CoPurchase::build(&baskets, 2, 1, &mut stop).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Cancelled));
    }
}
