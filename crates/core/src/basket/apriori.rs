//! Apriori (Agrawal & Srikant, "Fast algorithms for mining association rules", VLDB 1994):
//! level-wise search, with the candidates kept in a prefix tree and counted by walking
//! each basket through it (Borgelt's implementation, as in pyfim, works this way).
//!
//! Items are the frequency ranks of [`Recoded`] (rank 0 the most frequent). The pairs are
//! counted directly: for each item, the baskets that hold it deliver their later items to
//! a counter array, so no pair candidate is ever stored. From then on each level of the
//! tree is a flat array of nodes (item, parent, children as a range of the next level),
//! holding only frequent itemsets once counted; the children of a node are sorted by item.
//! Level k + 1's candidates join two siblings of level k (itemsets that share their first
//! k - 1 items) and survive only if all their k-subsets are in the tree (the Apriori
//! property). To count them, every basket walks the tree from the root, descending only
//! into nodes that have candidates below them. Before each level, the baskets lose the
//! items that no candidate uses, baskets too short for a candidate are dropped, and equal
//! baskets are merged with a weight, so later levels walk ever fewer, shorter baskets.

use super::recode::Recoded;
use super::sink::Sink;

/// Baskets walked between progress reports while counting a level.
const REPORT_EVERY: usize = 1 << 14;

/// Bytes of working memory the search needs besides its levels: the baskets of each item
/// and a reduced copy of the baskets.
pub(crate) fn memory_needed(data: &Recoded) -> u64 {
    data.ranks.len() as u64 * 8 + data.n_baskets() as u64 * 16 + data.n_items() as u64 * 16
}

/// One level of the prefix tree: the nodes of the k-itemsets.
#[derive(Default)]
struct Level {
    /// Last item of each node's itemset.
    item: Vec<u32>,
    /// The node's parent in the level above (unused for single items).
    parent: Vec<u32>,
    /// Children of node `v` are `child[v]..child[v + 1]` of the next level (empty until
    /// the next level is built).
    child: Vec<u32>,
    /// Whether the node has candidates below it in the level being counted.
    live: Vec<bool>,
}

impl Level {
    fn len(&self) -> usize {
        self.item.len()
    }

    fn children(&self, v: usize) -> std::ops::Range<usize> {
        self.child[v] as usize..self.child[v + 1] as usize
    }
}

/// Baskets reduced for the level being counted, with the number of baskets each stands
/// for.
struct Baskets {
    items: Vec<u32>,
    ends: Vec<usize>,
    weights: Vec<u32>,
}

impl Baskets {
    fn get(&self, b: usize) -> &[u32] {
        let start = if b == 0 { 0 } else { self.ends[b - 1] };
        &self.items[start..self.ends[b]]
    }

    /// Keeps the items marked in `used`, drops baskets with fewer than `min_len` items
    /// left, and merges equal baskets.
    fn reduce(&self, used: &[bool], min_len: usize) -> Baskets {
        let mut items = Vec::with_capacity(self.items.len());
        let mut ends = Vec::with_capacity(self.ends.len());
        let mut weights = Vec::with_capacity(self.ends.len());
        for b in 0..self.ends.len() {
            let start = items.len();
            items.extend(self.get(b).iter().filter(|&&x| used[x as usize]));
            if items.len() - start < min_len {
                items.truncate(start);
            } else {
                ends.push(items.len());
                weights.push(self.weights[b]);
            }
        }
        let reduced = Baskets {
            items,
            ends,
            weights,
        };
        let mut order: Vec<u32> = (0..reduced.ends.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| reduced.get(a as usize).cmp(reduced.get(b as usize)));
        let mut merged = Baskets {
            items: Vec::with_capacity(reduced.items.len()),
            ends: Vec::with_capacity(order.len()),
            weights: Vec::with_capacity(order.len()),
        };
        let mut previous: Option<usize> = None;
        for &b in &order {
            let basket = reduced.get(b as usize);
            if let Some(p) = previous {
                if reduced.get(p) == basket {
                    *merged.weights.last_mut().expect("a basket was pushed") +=
                        reduced.weights[b as usize];
                    continue;
                }
            }
            merged.items.extend_from_slice(basket);
            merged.ends.push(merged.items.len());
            merged.weights.push(reduced.weights[b as usize]);
            previous = Some(b as usize);
        }
        merged
    }
}

/// Finds every frequent itemset of at most `max_len` items and puts it in `sink`.
pub(crate) fn mine(data: &Recoded, min_count: u64, max_len: usize, sink: &mut Sink) {
    let n = data.n_items();
    if n == 0 || max_len == 0 {
        return;
    }
    for r in 0..n as u32 {
        if !sink.push(&[r], data.support[r as usize]) {
            return;
        }
    }
    if max_len < 2 {
        return;
    }
    let singles = Level {
        item: (0..n as u32).collect(),
        parent: vec![u32::MAX; n],
        child: Vec::new(),
        live: vec![false; n],
    };
    let mut levels = vec![singles];
    let Some(pairs) = pairs(data, min_count, &mut levels[0], sink) else {
        return;
    };
    levels.push(pairs);
    let mut baskets = Baskets {
        items: data.ranks.clone(),
        ends: data.ends.clone(),
        weights: vec![1; data.n_baskets()],
    };
    let mut path = Vec::with_capacity(16);
    // `levels[k - 1]` holds the frequent k-itemsets.
    let mut k = 2;
    while k < max_len {
        let candidates = candidates(&mut levels);
        if candidates.len() == 0 {
            return;
        }
        levels.push(candidates);
        let used = mark_live(&mut levels, n);
        baskets = baskets.reduce(&used, k + 1);
        let mut counts = vec![0u32; levels[k].len()];
        for b in 0..baskets.ends.len() {
            if b % REPORT_EVERY == 0 && !sink.tick(b as u64, baskets.ends.len() as u64) {
                return;
            }
            count(
                &levels,
                0,
                0..n,
                baskets.get(b),
                k,
                baskets.weights[b],
                &mut counts,
            );
        }
        // Keep the frequent candidates, report them, and close the level.
        let parents = &levels[..k];
        let last = &levels[k];
        let above = &parents[k - 1];
        let mut kept = Level::default();
        let mut new_child = Vec::with_capacity(above.len() + 1);
        for v in 0..above.len() {
            new_child.push(kept.len() as u32);
            for c in above.children(v) {
                let support = counts[c];
                if u64::from(support) < min_count {
                    continue;
                }
                kept.item.push(last.item[c]);
                kept.parent.push(v as u32);
                itemset_of(parents, k - 1, v, &mut path);
                path.push(last.item[c]);
                if !sink.push(&path, u64::from(support)) {
                    return;
                }
            }
        }
        new_child.push(kept.len() as u32);
        levels[k - 1].child = new_child;
        kept.live = vec![false; kept.len()];
        levels[k] = kept;
        k += 1;
    }
}

/// Counts every pair and returns the level of the frequent ones (children of the single
/// items, whose `child` ranges it fills), after putting them in `sink`. `None` when the
/// sink says stop.
fn pairs(data: &Recoded, min_count: u64, singles: &mut Level, sink: &mut Sink) -> Option<Level> {
    let n = data.n_items();
    let (starts, lists) = data.item_baskets();
    let mut counter = vec![0u32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut level = Level::default();
    singles.child = Vec::with_capacity(n + 1);
    for a in 0..n {
        if !sink.tick(a as u64, n as u64) {
            return None;
        }
        singles.child.push(level.len() as u32);
        for &b in &lists[starts[a]..starts[a + 1]] {
            let basket = data.basket(b as usize);
            let after = basket.partition_point(|&x| x as usize <= a);
            for &j in &basket[after..] {
                let slot = &mut counter[j as usize];
                if *slot == 0 {
                    touched.push(j);
                }
                *slot += 1;
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let support = std::mem::take(&mut counter[j as usize]);
            if u64::from(support) >= min_count {
                level.item.push(j);
                level.parent.push(a as u32);
                if !sink.push(&[a as u32, j], u64::from(support)) {
                    return None;
                }
            }
        }
        touched.clear();
    }
    singles.child.push(level.len() as u32);
    level.live = vec![false; level.len()];
    Some(level)
}

/// Writes the itemset of node `v` of `levels[depth]` into `path`, root first.
fn itemset_of(levels: &[Level], depth: usize, v: usize, path: &mut Vec<u32>) {
    path.clear();
    let mut node = v;
    for d in (0..=depth).rev() {
        path.push(levels[d].item[node]);
        node = levels[d].parent[node] as usize;
    }
    path.reverse();
}

/// The node of `levels[depth + 1]` below `parent` (a node of `levels[depth]`) with
/// `item`.
fn find_child(levels: &[Level], depth: usize, parent: usize, item: u32) -> Option<usize> {
    let range = levels[depth].children(parent);
    let items = &levels[depth + 1].item[range.clone()];
    items.binary_search(&item).ok().map(|i| range.start + i)
}

/// Builds the candidates of the next level from the last one (the frequent k-itemsets),
/// filling the last level's `child` ranges.
fn candidates(levels: &mut [Level]) -> Level {
    let k = levels.len();
    let tree = &*levels;
    let last = &tree[k - 1];
    let parents = &tree[k - 2];
    let mut next = Level::default();
    let mut child = Vec::with_capacity(last.len() + 1);
    // The nodes on the path to x (chain[d] at depth d) and the candidate's items.
    let mut chain = vec![0usize; k];
    let mut items = vec![0u32; k + 1];
    for x in 0..last.len() {
        child.push(next.len() as u32);
        let siblings_end = parents.child[last.parent[x] as usize + 1] as usize;
        if x + 1 >= siblings_end {
            continue;
        }
        let mut node = x;
        for d in (0..k).rev() {
            chain[d] = node;
            items[d] = tree[d].item[node];
            node = tree[d].parent[node] as usize;
        }
        for y in x + 1..siblings_end {
            items[k] = last.item[y];
            // Dropping item k - 1 or k leaves y or x; look the other subsets up.
            let all_frequent = (0..k - 1).all(|drop| {
                let (mut at, mut depth, rest) = if drop == 0 {
                    (items[1] as usize, 0, &items[2..=k])
                } else {
                    (chain[drop - 1], drop - 1, &items[drop + 1..=k])
                };
                for &item in rest {
                    match find_child(tree, depth, at, item) {
                        Some(c) => at = c,
                        None => return false,
                    }
                    depth += 1;
                }
                true
            });
            if all_frequent {
                next.item.push(items[k]);
                next.parent.push(x as u32);
            }
        }
    }
    child.push(next.len() as u32);
    levels[k - 1].child = child;
    next.live = vec![false; next.len()];
    next
}

/// Marks the nodes with candidates below them (the candidates are the last level) and
/// returns which items any candidate holds.
fn mark_live(levels: &mut [Level], n: usize) -> Vec<bool> {
    let mut used = vec![false; n];
    let k = levels.len();
    for &item in &levels[k - 1].item {
        used[item as usize] = true;
    }
    for d in (0..k - 1).rev() {
        let (upper, lower) = levels.split_at_mut(d + 1);
        let level = &mut upper[d];
        let below = &lower[0];
        for v in 0..level.len() {
            let range = level.children(v);
            let live = if d == k - 2 {
                !range.is_empty()
            } else {
                below.live[range].iter().any(|&l| l)
            };
            level.live[v] = live;
            if live {
                used[level.item[v] as usize] = true;
            }
        }
    }
    used
}

/// Walks `basket` (ranks, ascending) through the tree: `nodes` is a range of
/// `levels[depth]` (siblings, sorted by item); at the candidates' depth `target`, every
/// match adds `weight` to its count.
fn count(
    levels: &[Level],
    depth: usize,
    nodes: std::ops::Range<usize>,
    basket: &[u32],
    target: usize,
    weight: u32,
    counts: &mut [u32],
) {
    let items = &levels[depth].item[nodes.clone()];
    // Items still needed below a match, so the basket must hold that many after it.
    let needed = target - depth;
    if basket.len() <= needed {
        return;
    }
    let usable = &basket[..basket.len() - needed];
    let mut visit = |p: usize, i: usize| {
        let c = nodes.start + i;
        if depth == target {
            counts[c] += weight;
        } else if levels[depth].live[c] {
            let below = levels[depth].children(c);
            count(
                levels,
                depth + 1,
                below,
                &basket[p + 1..],
                target,
                weight,
                counts,
            );
        }
    };
    if depth == 0 {
        // The single items: node i is item i.
        for (p, &x) in usable.iter().enumerate() {
            visit(p, x as usize);
        }
    } else if items.len() > 4 * usable.len() {
        for (p, &x) in usable.iter().enumerate() {
            if let Ok(i) = items.binary_search(&x) {
                visit(p, i);
            }
        }
    } else {
        let (mut p, mut i) = (0, 0);
        while p < usable.len() && i < items.len() {
            match usable[p].cmp(&items[i]) {
                std::cmp::Ordering::Less => p += 1,
                std::cmp::Ordering::Greater => i += 1,
                std::cmp::Ordering::Equal => {
                    visit(p, i);
                    p += 1;
                    i += 1;
                }
            }
        }
    }
}
