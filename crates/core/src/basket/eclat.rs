//! Eclat (Zaki, "Scalable algorithms for association mining", IEEE TKDE 2000): depth-first
//! search on the vertical layout.
//!
//! Each item has the sorted list of the baskets that contain it; the list of an itemset is
//! the intersection of its items' lists, and its count is the list's length. Items are
//! taken from the least frequent up, so the lists that are intersected again and again are
//! the short ones.

use super::recode::Recoded;
use super::sink::Sink;

/// Bytes of working memory the first-level basket lists need.
pub(crate) fn memory_needed(data: &Recoded) -> u64 {
    data.ranks.len() as u64 * 4
}

/// Finds every frequent itemset of at most `max_len` items and puts it in `sink`.
pub(crate) fn mine(data: &Recoded, min_count: u64, max_len: usize, sink: &mut Sink) {
    let n = data.n_items();
    if n == 0 || max_len == 0 {
        return;
    }
    let mut lists: Vec<Vec<u32>> = data
        .support
        .iter()
        .map(|&c| Vec::with_capacity(c as usize))
        .collect();
    for b in 0..data.n_baskets() {
        for &r in data.basket(b) {
            lists[r as usize].push(b as u32);
        }
    }
    // Least frequent first: ranks are by descending frequency.
    let class: Vec<(u32, Vec<u32>)> = lists
        .into_iter()
        .enumerate()
        .rev()
        .map(|(r, l)| (r as u32, l))
        .collect();
    let mut prefix = Vec::new();
    search(&class, &mut prefix, min_count, max_len, sink, true);
}

fn search(
    class: &[(u32, Vec<u32>)],
    prefix: &mut Vec<u32>,
    min_count: u64,
    max_len: usize,
    sink: &mut Sink,
    top: bool,
) -> bool {
    for (i, (item, list)) in class.iter().enumerate() {
        if top && !sink.tick(i as u64, class.len() as u64) {
            return false;
        }
        prefix.push(*item);
        if !sink.push(prefix, list.len() as u64) {
            return false;
        }
        if prefix.len() < max_len {
            let next: Vec<(u32, Vec<u32>)> = class[i + 1..]
                .iter()
                .filter_map(|(other, other_list)| {
                    let both = intersect(list, other_list);
                    (both.len() as u64 >= min_count).then_some((*other, both))
                })
                .collect();
            if !next.is_empty() && !search(&next, prefix, min_count, max_len, sink, false) {
                return false;
            }
        }
        prefix.pop();
    }
    !top || sink.tick(class.len() as u64, class.len() as u64)
}

/// Intersection of two sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
