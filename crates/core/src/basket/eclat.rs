//! Eclat (Zaki, "Scalable algorithms for association mining", IEEE TKDE 2000) with
//! diffsets (Zaki & Gouda, "Fast vertical mining using diffsets", KDD 2003): depth-first
//! search on the vertical layout.
//!
//! Each itemset carries the sorted list of the baskets that contain it (its tidset); the
//! tidset of an extension is the intersection of two tidsets, and its count is the list's
//! length. Items are taken from the least frequent up (ascending support), so the lists
//! intersected again and again are the short ones. The first level's lists are not
//! intersected pair by pair: the baskets of each item deliver themselves to the lists of
//! the item's more frequent companions (occurrence delivery, as in LCM and Borgelt's
//! Eclat), one pass over the item's baskets instead of one intersection per pair.
//!
//! Deeper down, when the extensions of an itemset keep most of its baskets (dense data),
//! the lists switch to diffsets: the baskets of the prefix that an itemset lacks. Their
//! count is the prefix's count minus the list's length, and the diffset of a further
//! extension is a set difference of two diffsets; on dense data these lists are far
//! shorter than tidsets. Every intersection and difference stops as soon as the result
//! cannot reach the minimum count.

use super::recode::Recoded;
use super::sink::Sink;

/// Bytes of working memory the search needs: the first-level lists and the lists of one
/// class per depth.
pub(crate) fn memory_needed(data: &Recoded) -> u64 {
    data.ranks.len() as u64 * 12
}

/// The extensions of one prefix: items, their counts and their basket lists, flat.
#[derive(Default)]
struct Class {
    items: Vec<u32>,
    counts: Vec<u64>,
    /// `lists[ends[i - 1]..ends[i]]` belongs to member `i`.
    ends: Vec<usize>,
    lists: Vec<u32>,
    /// Whether the lists are diffsets (baskets of the prefix the member lacks) rather
    /// than tidsets.
    diff: bool,
}

impl Class {
    fn clear(&mut self) {
        self.items.clear();
        self.counts.clear();
        self.ends.clear();
        self.lists.clear();
        self.diff = false;
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn list(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.lists[start..self.ends[i]]
    }

    /// Closes the member whose list was just appended, or drops it when infrequent.
    fn close(&mut self, item: u32, count: u64, min_count: u64) {
        if count >= min_count {
            self.items.push(item);
            self.counts.push(count);
            self.ends.push(self.lists.len());
        } else {
            let start = self.ends.last().copied().unwrap_or(0);
            self.lists.truncate(start);
        }
    }
}

/// Finds every frequent itemset of at most `max_len` items and puts it in `sink`.
pub(crate) fn mine(data: &Recoded, min_count: u64, max_len: usize, sink: &mut Sink) {
    let n = data.n_items();
    if n == 0 || max_len == 0 {
        return;
    }
    let (starts, tids) = data.item_baskets();
    let mut counter = vec![0u64; n];
    let mut offset = vec![0usize; n];
    let mut prefix = Vec::with_capacity(16);
    let mut class = Class::default();
    let mut spare: Vec<Class> = Vec::new();
    let mut scratch = Scratch {
        slot: vec![NONE; n],
        counts: Vec::new(),
        offsets: Vec::new(),
    };
    // Least frequent first: ranks are by descending frequency.
    for (done, item) in (0..n).rev().enumerate() {
        if !sink.tick(done as u64, n as u64) {
            return;
        }
        prefix.clear();
        prefix.push(item as u32);
        if !sink.push(&prefix, data.support[item]) {
            return;
        }
        if max_len < 2 || item == 0 {
            continue;
        }
        let baskets = &tids[starts[item]..starts[item + 1]];
        // Occurrence delivery: count the more frequent companions, then lay out the
        // frequent ones' lists (least frequent first) and fill them in basket order.
        for &b in baskets {
            for &j in data.basket(b as usize) {
                if j as usize >= item {
                    break;
                }
                counter[j as usize] += 1;
            }
        }
        class.clear();
        let mut total = 0;
        for j in (0..item).rev() {
            let count = std::mem::take(&mut counter[j]);
            if count >= min_count {
                offset[j] = total;
                total += count as usize;
                class.items.push(j as u32);
                class.counts.push(count);
                class.ends.push(total);
            } else {
                offset[j] = usize::MAX;
            }
        }
        if class.len() == 0 {
            continue;
        }
        class.lists.resize(total, 0);
        for &b in baskets {
            for &j in data.basket(b as usize) {
                if j as usize >= item {
                    break;
                }
                let at = &mut offset[j as usize];
                if *at != usize::MAX {
                    class.lists[*at] = b;
                    *at += 1;
                }
            }
        }
        let mut state = State {
            data,
            min_count,
            max_len,
            spare: &mut spare,
            scratch: &mut scratch,
        };
        if !search(&class, &mut prefix, &mut state, sink) {
            return;
        }
    }
    sink.tick(n as u64, n as u64);
}

const NONE: u32 = u32::MAX;

/// Reusable buffers for occurrence delivery below the first level.
struct Scratch {
    /// Member index (counted from the first extension) of each rank in the class being
    /// extended, `NONE` for other ranks.
    slot: Vec<u32>,
    counts: Vec<u64>,
    offsets: Vec<usize>,
}

/// What every level of the search shares.
struct State<'a> {
    data: &'a Recoded,
    min_count: u64,
    max_len: usize,
    spare: &'a mut Vec<Class>,
    scratch: &'a mut Scratch,
}

/// Reports every member of `class` (extensions of `prefix`) and searches below each.
/// Returns false when the sink says stop.
fn search(class: &Class, prefix: &mut Vec<u32>, state: &mut State, sink: &mut Sink) -> bool {
    let mut child = state.spare.pop().unwrap_or_default();
    let mut go_on = true;
    for a in 0..class.len() {
        prefix.push(class.items[a]);
        if !sink.push(prefix, class.counts[a]) {
            go_on = false;
            break;
        }
        if prefix.len() < state.max_len && a + 1 < class.len() {
            extend(class, a, state, &mut child);
            if child.len() > 0 && !search(&child, prefix, state, sink) {
                go_on = false;
                break;
            }
        }
        prefix.pop();
    }
    state.spare.push(child);
    go_on
}

/// Builds in `child` the extensions of member `a` of `class` by the members after it.
fn extend(class: &Class, a: usize, state: &mut State, child: &mut Class) {
    child.clear();
    let min_count = state.min_count;
    let list_a = class.list(a);
    let count_a = class.counts[a];
    // The most baskets a member's diffset may hold and still be frequent.
    let max_missing = (count_a - min_count) as usize;
    if class.diff {
        // d(P a b) = d(P b) \ d(P a).
        child.diff = true;
        for b in a + 1..class.len() {
            let missing = difference(class.list(b), list_a, max_missing, &mut child.lists);
            let count = if missing > max_missing {
                0
            } else {
                count_a - missing as u64
            };
            child.close(class.items[b], count, min_count);
        }
        return;
    }
    // t(P a b) = t(P a) ∩ t(P b), by intersecting the lists pairwise or, when that would
    // read more, by letting a's baskets deliver themselves to the members they hold.
    let data = state.data;
    let mean_basket = data.ranks.len() / data.n_baskets().max(1) + 1;
    let pairwise: usize = (a + 1..class.len())
        .map(|b| list_a.len() + class.list(b).len())
        .sum();
    if list_a.len() * mean_basket < pairwise {
        deliver(class, a, state, child);
    } else {
        for b in a + 1..class.len() {
            let found = intersect(list_a, class.list(b), min_count as usize, &mut child.lists);
            child.close(class.items[b], found as u64, min_count);
        }
    }
    // Dense: the members keep most of a's baskets, so their diffsets (a's baskets they
    // lack) are shorter than their tidsets. Switch for this class and everything below.
    let members = child.len();
    if members > 0 && child.lists.len() > members * list_a.len() / 2 {
        let tidsets = std::mem::take(&mut child.lists);
        let ends = std::mem::take(&mut child.ends);
        let mut start = 0;
        for &end in &ends {
            difference(list_a, &tidsets[start..end], usize::MAX, &mut child.lists);
            child.ends.push(child.lists.len());
            start = end;
        }
        child.diff = true;
    }
}

/// Occurrence delivery (as on the first level): each basket of member `a` counts the
/// later members it holds (they are the ranks below a's in the sorted basket), then the
/// frequent ones' tidsets are laid out and filled in basket order.
fn deliver(class: &Class, a: usize, state: &mut State, child: &mut Class) {
    let data = state.data;
    let scratch = &mut *state.scratch;
    let item_a = class.items[a];
    let later = class.len() - a - 1;
    scratch.counts.clear();
    scratch.counts.resize(later, 0);
    for b in a + 1..class.len() {
        scratch.slot[class.items[b] as usize] = (b - a - 1) as u32;
    }
    let list_a = class.list(a);
    for &t in list_a {
        for &j in data.basket(t as usize) {
            if j >= item_a {
                break;
            }
            let s = scratch.slot[j as usize];
            if s != NONE {
                scratch.counts[s as usize] += 1;
            }
        }
    }
    scratch.offsets.clear();
    let mut total = 0;
    for (s, &count) in scratch.counts.iter().enumerate() {
        if count >= state.min_count {
            scratch.offsets.push(total);
            total += count as usize;
            child.items.push(class.items[a + 1 + s]);
            child.counts.push(count);
            child.ends.push(total);
        } else {
            scratch.offsets.push(usize::MAX);
        }
    }
    child.lists.resize(total, 0);
    if total > 0 {
        for &t in list_a {
            for &j in data.basket(t as usize) {
                if j >= item_a {
                    break;
                }
                let s = scratch.slot[j as usize];
                if s != NONE {
                    let at = &mut scratch.offsets[s as usize];
                    if *at != usize::MAX {
                        child.lists[*at] = t;
                        *at += 1;
                    }
                }
            }
        }
    }
    for b in a + 1..class.len() {
        scratch.slot[class.items[b] as usize] = NONE;
    }
}

/// Appends `a ∩ b` (both sorted) to `out` and returns its length, stopping early (with a
/// length below `min_len`) once the intersection cannot reach `min_len`.
fn intersect(a: &[u32], b: &[u32], min_len: usize, out: &mut Vec<u32>) -> usize {
    let start = out.len();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x == y {
            out.push(x);
            i += 1;
            j += 1;
        } else if x < y {
            i += 1;
        } else {
            j += 1;
        }
        // Stop when even matching everything left would not be enough.
        if out.len() - start + (a.len() - i).min(b.len() - j) < min_len {
            return 0;
        }
    }
    out.len() - start
}

/// Appends `a \ b` (both sorted) to `out` and returns its length, stopping early (with a
/// length over `max_len`) once it has more than `max_len` elements.
fn difference(a: &[u32], b: &[u32], max_len: usize, out: &mut Vec<u32>) -> usize {
    let start = out.len();
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        if j < b.len() && b[j] == x {
            j += 1;
        } else {
            out.push(x);
            if out.len() - start > max_len {
                return out.len() - start;
            }
        }
    }
    out.len() - start
}
