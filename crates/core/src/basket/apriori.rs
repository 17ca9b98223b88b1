//! Apriori (Agrawal & Srikant, "Fast algorithms for mining association rules", VLDB 1994):
//! level-wise search.
//!
//! Level k+1 candidates join two frequent k-itemsets that share their first k-1 items; a
//! candidate survives only if all its k-subsets are frequent (the Apriori property). The
//! levels are kept as flat, lexicographically sorted arrays, so the subset test is a binary
//! search. Candidates are counted on vertical bitsets (one bit per basket per item): the
//! bitset of the joined prefix is computed once per left itemset, then each candidate
//! costs one AND and a popcount per 64 baskets.

use super::recode::Recoded;
use super::sink::Sink;

/// Bytes of working memory the item bitsets need.
pub(crate) fn memory_needed(data: &Recoded) -> u64 {
    (data.n_items() as u64) * (data.n_baskets().div_ceil(64) as u64) * 8
}

/// Finds every frequent itemset of at most `max_len` items and puts it in `sink`.
pub(crate) fn mine(data: &Recoded, min_count: u64, max_len: usize, sink: &mut Sink) {
    let n = data.n_items();
    if n == 0 || max_len == 0 {
        return;
    }
    let words = data.n_baskets().div_ceil(64);
    let mut bits = vec![0u64; n * words];
    for b in 0..data.n_baskets() {
        for &r in data.basket(b) {
            bits[r as usize * words + b / 64] |= 1u64 << (b % 64);
        }
    }
    let bitset = |r: u32| &bits[r as usize * words..(r as usize + 1) * words];
    for r in 0..n as u32 {
        if !sink.push(&[r], data.support[r as usize]) {
            return;
        }
    }
    let mut level: Vec<u32> = (0..n as u32).collect();
    let mut k = 1;
    let mut prefix_bits = vec![0u64; words];
    let mut candidate = Vec::with_capacity(max_len.min(64) + 1);
    while k < max_len && !level.is_empty() {
        let count = level.len() / k;
        let mut next: Vec<u32> = Vec::new();
        let mut g = 0;
        while g < count {
            if g % 64 == 0 && !sink.tick(g as u64, count as u64) {
                return;
            }
            let head = &level[g * k..g * k + k - 1];
            let mut h = g + 1;
            while h < count && &level[h * k..h * k + k - 1] == head {
                h += 1;
            }
            for a in g..h.saturating_sub(1) {
                let left = &level[a * k..a * k + k];
                prefix_bits.copy_from_slice(bitset(left[0]));
                for &item in &left[1..] {
                    for (p, q) in prefix_bits.iter_mut().zip(bitset(item)) {
                        *p &= q;
                    }
                }
                for b in a + 1..h {
                    let last = level[b * k + k - 1];
                    candidate.clear();
                    candidate.extend_from_slice(left);
                    candidate.push(last);
                    if !subsets_frequent(&candidate, &level, k) {
                        continue;
                    }
                    let support: u64 = prefix_bits
                        .iter()
                        .zip(bitset(last))
                        .map(|(p, q)| (p & q).count_ones() as u64)
                        .sum();
                    if support >= min_count {
                        next.extend_from_slice(&candidate);
                        if !sink.push(&candidate, support) {
                            return;
                        }
                    }
                }
            }
            g = h;
        }
        level = next;
        k += 1;
    }
}

/// Whether every k-subset of the (k+1)-item `candidate` is in `level` (sorted, k per
/// itemset). The two subsets that drop one of the last two items are the join's parents
/// and are known to be frequent.
fn subsets_frequent(candidate: &[u32], level: &[u32], k: usize) -> bool {
    let mut subset = Vec::with_capacity(k);
    (0..k.saturating_sub(1)).all(|drop| {
        subset.clear();
        subset.extend(
            candidate
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != drop)
                .map(|(_, &x)| x),
        );
        contains(level, k, &subset)
    })
}

fn contains(level: &[u32], k: usize, itemset: &[u32]) -> bool {
    let (mut lo, mut hi) = (0, level.len() / k);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match level[mid * k..mid * k + k].cmp(itemset) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}
