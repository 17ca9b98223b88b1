//! Closed and maximal itemsets, selected from the complete list of frequent itemsets.
//!
//! An itemset is closed when no superset has the same count, and maximal when no superset
//! is frequent (Pasquier et al. 1999; Bayardo 1998). Both properties only need the
//! supersets with one more item: if a larger superset had the same count (or were
//! frequent), so would the one-item extensions below it. So each itemset marks its
//! one-item-smaller subsets.

use super::params::ItemsetKind;
use std::collections::HashMap;

/// Keeps the itemsets of `target` among `itemsets`, which must hold every frequent itemset
/// (subsets before supersets is not required); `key` gives a set's items (ascending) and
/// count.
pub(crate) fn select<T>(
    itemsets: Vec<T>,
    target: ItemsetKind,
    key: for<'a> fn(&'a T) -> (&'a [u32], u64),
) -> Vec<T> {
    if target == ItemsetKind::All {
        return itemsets;
    }
    let position: HashMap<&[u32], usize> = itemsets
        .iter()
        .enumerate()
        .map(|(i, s)| (key(s).0, i))
        .collect();
    let mut keep = vec![true; itemsets.len()];
    let mut subset = Vec::new();
    for set in &itemsets {
        let (items, count) = key(set);
        if items.len() < 2 {
            continue;
        }
        for drop in 0..items.len() {
            subset.clear();
            subset.extend(
                items
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != drop)
                    .map(|(_, &x)| x),
            );
            if let Some(&i) = position.get(subset.as_slice()) {
                if target == ItemsetKind::Maximal || key(&itemsets[i]).1 == count {
                    keep[i] = false;
                }
            }
        }
    }
    drop(position);
    itemsets
        .into_iter()
        .zip(keep)
        .filter_map(|(s, k)| k.then_some(s))
        .collect()
}
