//! FP-Growth (Han, Pei & Yin, "Mining frequent patterns without candidate generation",
//! SIGMOD 2000), the default miner.
//!
//! The baskets, recoded to frequency ranks, are stored in a prefix tree (the FP-tree):
//! nodes live in flat arrays (an arena: no allocation per node) with parent pointers, and
//! the nodes of each item are chained so that the prefix paths ending in an item can be
//! walked without a search. For every item, from the least frequent up, the prefix paths
//! are counted, and those items frequent among them form a conditional tree that is mined
//! recursively. Trees are reused between branches and levels, so a search allocates only
//! as deep as its longest itemset. A tree that is a single path yields every combination of
//! its items directly (the single-path shortcut of §3.2).
//!
//! The first tree is built from the baskets sorted lexicographically: each basket then
//! shares its longest common prefix with the previous one, and the rest of its path is new,
//! so building needs no child search at all. With up to 2,048 frequent items (every
//! retail data set we know) the first tree is skipped: the first level's counts are the
//! pair counts of the items, taken in one sequential pass over the baskets, and each
//! item's conditional tree is built from the baskets that contain it.

use super::recode::Recoded;
use super::sink::Sink;

const NONE: u32 = u32::MAX;

/// Largest number of items for which the first level's pair counts are kept in a
/// triangular matrix (2,048 items: 8 MB).
const MAX_PAIR_MATRIX_ITEMS: usize = 2048;

/// A node of an FP-tree. The fields walked together (parent, item, count, next node of
/// the same item) sit in one 32-byte record, so walking a prefix path costs one cache line
/// per node rather than one per field.
#[derive(Clone, Copy)]
struct Node {
    count: u64,
    item: u32,
    parent: u32,
    /// Next node holding the same item.
    next_same: u32,
    first_child: u32,
    next_sibling: u32,
}

/// An FP-tree over local item ids `0..k` (0 is the most frequent, nearest the root).
#[derive(Default)]
struct Tree {
    /// Node 0 is the root.
    nodes: Vec<Node>,
    /// First node of each item.
    head: Vec<u32>,
    /// The root's child holding each item: the root has the most children, so its child
    /// search is a lookup.
    root_child: Vec<u32>,
    /// Count of each item in this tree.
    support: Vec<u64>,
    /// Global rank of each local item.
    global: Vec<u32>,
    /// Scratch for building conditional trees from this one.
    cond: Vec<u64>,
    map: Vec<u32>,
    /// For each node, its copy in the conditional tree being built, valid when stamped
    /// with the current `generation`.
    copies: Vec<(u32, u32)>,
    generation: u32,
}

impl Tree {
    fn reset(&mut self, n_items: usize) {
        self.nodes.clear();
        self.nodes.push(Node {
            count: 0,
            item: NONE,
            parent: NONE,
            next_same: NONE,
            first_child: NONE,
            next_sibling: NONE,
        });
        self.head.clear();
        self.head.resize(n_items, NONE);
        self.root_child.clear();
        self.root_child.resize(n_items, NONE);
        self.support.clear();
        self.global.clear();
    }

    fn new_node(&mut self, item: u32, parent: u32, weight: u64) -> u32 {
        let id = self.nodes.len() as u32;
        let node = Node {
            count: weight,
            item,
            parent,
            next_same: self.head[item as usize],
            first_child: NONE,
            next_sibling: self.nodes[parent as usize].first_child,
        };
        self.nodes.push(node);
        self.nodes[parent as usize].first_child = id;
        self.head[item as usize] = id;
        if parent == 0 {
            self.root_child[item as usize] = id;
        }
        id
    }

    /// A node with no parent yet (see [`Tree::attach`]).
    fn new_detached(&mut self, item: u32, weight: u64) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            count: weight,
            item,
            parent: NONE,
            next_same: self.head[item as usize],
            first_child: NONE,
            next_sibling: NONE,
        });
        self.head[item as usize] = id;
        id
    }

    /// Makes `parent` the parent of the detached node `node`.
    fn attach(&mut self, node: u32, parent: u32) {
        let first = self.nodes[parent as usize].first_child;
        let n = &mut self.nodes[node as usize];
        n.parent = parent;
        n.next_sibling = first;
        self.nodes[parent as usize].first_child = node;
        if parent == 0 {
            let item = self.nodes[node as usize].item;
            self.root_child[item as usize] = node;
        }
    }

    /// Adds a path (ascending local ids) with a weight, searching each node's children.
    fn insert(&mut self, path: &[u32], weight: u64) {
        let mut cur = 0u32;
        for &item in path {
            let child = if cur == 0 {
                self.root_child[item as usize]
            } else {
                let mut child = self.nodes[cur as usize].first_child;
                while child != NONE && self.nodes[child as usize].item != item {
                    child = self.nodes[child as usize].next_sibling;
                }
                child
            };
            if child == NONE {
                cur = self.new_node(item, cur, weight);
            } else {
                self.nodes[child as usize].count += weight;
                cur = child;
            }
        }
    }

    /// Whether every node has at most one child.
    fn is_single_path(&self) -> bool {
        let mut cur = 0usize;
        loop {
            let child = self.nodes[cur].first_child;
            if child == NONE {
                return true;
            }
            if self.nodes[child as usize].next_sibling != NONE {
                return false;
            }
            cur = child as usize;
        }
    }

    /// Builds in `child` the conditional tree of local item `item`: the prefix paths of its
    /// nodes, restricted to the items frequent among them. Returns false when no item is.
    fn conditional(&mut self, item: usize, min_count: u64, child: &mut Tree) -> bool {
        self.cond.clear();
        self.cond.resize(item, 0);
        let mut node = self.head[item];
        while node != NONE {
            let n = self.nodes[node as usize];
            let mut p = n.parent;
            while p != 0 {
                let up = self.nodes[p as usize];
                self.cond[up.item as usize] += n.count;
                p = up.parent;
            }
            node = n.next_same;
        }
        self.map.clear();
        self.map.resize(item, NONE);
        let mut k = 0u32;
        for (j, &c) in self.cond.iter().enumerate() {
            if c >= min_count {
                self.map[j] = k;
                k += 1;
            }
        }
        if k == 0 {
            return false;
        }
        child.reset(k as usize);
        for (j, &c) in self.cond.iter().enumerate() {
            if c >= min_count {
                child.global.push(self.global[j]);
                child.support.push(c);
            }
        }
        // Copy the prefix paths, bottom-up. Each node of this tree copied for this item
        // remembers its copy (`copies`, stamped with the call's generation), so a path that
        // reaches an ancestor copied before joins that copy and adds its weight up the
        // child's path: no child search and no path buffer. Paths that differ only in items
        // infrequent here are not merged; counts stay exact.
        if self.copies.len() < self.nodes.len() {
            self.copies.resize(self.nodes.len(), (0, 0));
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.copies.fill((0, 0));
            self.generation = 1;
        }
        let generation = self.generation;
        let mut node = self.head[item];
        while node != NONE {
            let n = self.nodes[node as usize];
            let weight = n.count;
            // The newest copy, whose parent is not known yet.
            let mut pending = NONE;
            let mut joined = false;
            let mut p = n.parent;
            while p != 0 {
                let up = self.nodes[p as usize];
                let local = self.map[up.item as usize];
                if local != NONE {
                    let (stamp, copy) = self.copies[p as usize];
                    if stamp == generation {
                        if pending != NONE {
                            child.attach(pending, copy);
                        }
                        let mut a = copy;
                        while a != 0 {
                            let at = &mut child.nodes[a as usize];
                            at.count += weight;
                            a = at.parent;
                        }
                        joined = true;
                        break;
                    }
                    let copy = child.new_detached(local, weight);
                    self.copies[p as usize] = (generation, copy);
                    if pending != NONE {
                        child.attach(pending, copy);
                    }
                    pending = copy;
                }
                p = up.parent;
            }
            if !joined && pending != NONE {
                child.attach(pending, 0);
            }
            node = n.next_same;
        }
        true
    }
}

/// Builds the first FP-tree from the recoded baskets, sorted so that no child search is
/// needed (see the module docs).
fn first_tree(data: &Recoded) -> Tree {
    let mut tree = Tree::default();
    tree.reset(data.n_items());
    tree.support = data.support.clone();
    tree.global = (0..data.n_items() as u32).collect();
    let mut order: Vec<u32> = (0..data.n_baskets() as u32).collect();
    order.sort_unstable_by(|&a, &b| data.basket(a as usize).cmp(data.basket(b as usize)));
    tree.nodes.reserve(data.ranks.len());
    let mut stack: Vec<u32> = Vec::new();
    let mut previous: &[u32] = &[];
    for &b in &order {
        let basket = data.basket(b as usize);
        let common = basket
            .iter()
            .zip(previous)
            .take_while(|(x, y)| x == y)
            .count();
        stack.truncate(common);
        for &node in &stack {
            tree.nodes[node as usize].count += 1;
        }
        for &item in &basket[common..] {
            let parent = stack.last().copied().unwrap_or(0);
            stack.push(tree.new_node(item, parent, 1));
        }
        previous = basket;
    }
    tree
}

/// Counts of every pair of frequent items, in a triangular matrix: pair (i, j) with
/// j < i at `i (i - 1) / 2 + j`. One pass over the baskets, in order, replaces the first
/// level's counting walks, and items with no frequent pair need no further work.
fn pair_counts(data: &Recoded) -> Vec<u64> {
    let k = data.n_items();
    let mut pairs = vec![0u64; k * k.saturating_sub(1) / 2];
    for b in 0..data.n_baskets() {
        let basket = data.basket(b);
        for (x, &i) in basket.iter().enumerate() {
            let row = (i as usize) * (i as usize).saturating_sub(1) / 2;
            for &j in &basket[..x] {
                pairs[row + j as usize] += 1;
            }
        }
    }
    pairs
}

/// Finds every frequent itemset of at most `max_len` items and puts it in `sink`.
pub(crate) fn mine(data: &Recoded, min_count: u64, max_len: usize, sink: &mut Sink) {
    mine_with(data, min_count, max_len, sink, MAX_PAIR_MATRIX_ITEMS);
}

/// [`mine`] with the item limit of the pair matrix as a parameter, so tests can take both
/// paths on the same data.
fn mine_with(
    data: &Recoded,
    min_count: u64,
    max_len: usize,
    sink: &mut Sink,
    max_pair_items: usize,
) {
    if data.n_items() == 0 || max_len == 0 {
        return;
    }
    let mut spare: Vec<Tree> = Vec::new();
    let mut prefix: Vec<u32> = Vec::new();
    let pairs = (data.n_items() <= max_pair_items).then(|| pair_counts(data));
    match pairs {
        Some(pairs) => {
            first_level(data, &pairs, min_count, max_len, sink);
        }
        None => {
            let mut tree = first_tree(data);
            grow(&mut tree, &mut spare, &mut prefix, min_count, max_len, sink);
        }
    }
}

/// The first level of the search without the first tree: the conditional tree of each
/// item is built straight from the baskets that contain it (their items ranked before it
/// are a prefix of the sorted basket), with the items' counts taken from the pair matrix.
/// Reading baskets in order is much kinder to the cache than walking a tree of a million
/// nodes spread over memory, and sparse retail baskets share few prefixes anyway.
fn first_level(data: &Recoded, pairs: &[u64], min_count: u64, max_len: usize, sink: &mut Sink) {
    let k = data.n_items();
    let (starts, lists) = data.item_baskets();
    let mut child = Tree::default();
    let mut spare: Vec<Tree> = Vec::new();
    let mut prefix: Vec<u32> = Vec::with_capacity(16);
    let mut map = vec![NONE; k];
    let mut path: Vec<u32> = Vec::new();
    for item in (0..k).rev() {
        if !sink.tick((k - 1 - item) as u64, k as u64) {
            return;
        }
        prefix.clear();
        prefix.push(item as u32);
        if !sink.push(&prefix, data.support[item]) {
            return;
        }
        if max_len < 2 {
            continue;
        }
        let row = &pairs[item * item.saturating_sub(1) / 2..][..item];
        let mut n = 0u32;
        for (j, &c) in row.iter().enumerate() {
            map[j] = if c >= min_count {
                n += 1;
                n - 1
            } else {
                NONE
            };
        }
        if n == 0 {
            continue;
        }
        child.reset(n as usize);
        for (j, &c) in row.iter().enumerate() {
            if c >= min_count {
                child.global.push(j as u32);
                child.support.push(c);
            }
        }
        for &b in &lists[starts[item]..starts[item + 1]] {
            path.clear();
            path.extend(
                data.basket(b as usize)
                    .iter()
                    .take_while(|&&r| (r as usize) < item)
                    .map(|&r| map[r as usize])
                    .filter(|&local| local != NONE),
            );
            if !path.is_empty() {
                child.insert(&path, 1);
            }
        }
        if !grow(
            &mut child,
            &mut spare,
            &mut prefix,
            min_count,
            max_len,
            sink,
        ) {
            return;
        }
    }
    sink.tick(k as u64, k as u64);
}

/// Mines `tree` for itemsets extending `prefix`. Returns false when the sink says stop.
fn grow(
    tree: &mut Tree,
    spare: &mut Vec<Tree>,
    prefix: &mut Vec<u32>,
    min_count: u64,
    max_len: usize,
    sink: &mut Sink,
) -> bool {
    // Only the first tree has an empty prefix; its branches are the progress steps.
    let top = prefix.is_empty();
    if tree.is_single_path() {
        let mut path = Vec::new();
        let mut cur = tree.nodes[0].first_child;
        while cur != NONE {
            let c = cur as usize;
            let node = tree.nodes[c];
            path.push((tree.global[node.item as usize], node.count));
            cur = node.first_child;
        }
        return combinations(&path, 0, prefix, max_len, sink);
    }
    let k = tree.head.len();
    let mut child = spare.pop().unwrap_or_default();
    let mut go_on = true;
    for item in (0..k).rev() {
        if top && !sink.tick((k - 1 - item) as u64, k as u64) {
            go_on = false;
            break;
        }
        prefix.push(tree.global[item]);
        if !sink.push(prefix, tree.support[item]) {
            go_on = false;
            break;
        }
        if prefix.len() < max_len
            && tree.conditional(item, min_count, &mut child)
            && !grow(&mut child, spare, prefix, min_count, max_len, sink)
        {
            go_on = false;
            break;
        }
        prefix.pop();
    }
    if top && go_on {
        go_on = sink.tick(k as u64, k as u64);
    }
    spare.push(child);
    go_on
}

/// Every combination of the items of a single path (root first), appended to `prefix`.
/// The count of a combination is the count of its deepest node.
fn combinations(
    path: &[(u32, u64)],
    start: usize,
    prefix: &mut Vec<u32>,
    max_len: usize,
    sink: &mut Sink,
) -> bool {
    if prefix.len() >= max_len {
        return true;
    }
    for j in start..path.len() {
        let (item, count) = path[j];
        prefix.push(item);
        if !sink.push(prefix, count) || !combinations(path, j + 1, prefix, max_len, sink) {
            return false;
        }
        prefix.pop();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basket::params::Side;
    use crate::basket::recode::recode;
    use crate::basket::tests::fixtures::groceries;
    use crate::progress::Silent;

    fn itemsets(sink: &Sink) -> Vec<(Vec<u32>, u64)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (&end, &count) in sink.ends.iter().zip(&sink.counts) {
            let mut items = sink.items[start..end].to_vec();
            items.sort_unstable();
            out.push((items, count));
            start = end;
        }
        out.sort();
        out
    }

    #[test]
    fn first_tree_path_equals_pair_matrix_path() {
        // Data sets with more than 2,048 frequent items take the first-tree path; force it
        // on groceries and compare with the default path.
        let tx = groceries();
        let data = recode(&tx, 10, &vec![Side::Both; tx.n_items()]);
        let (mut quiet_a, mut quiet_b) = (Silent, Silent);
        let mut with_pairs = Sink::new(1, usize::MAX, &mut quiet_a);
        mine_with(&data, 10, usize::MAX, &mut with_pairs, usize::MAX);
        let mut with_tree = Sink::new(1, usize::MAX, &mut quiet_b);
        mine_with(&data, 10, usize::MAX, &mut with_tree, 0);
        assert_eq!(with_pairs.len(), 13_492);
        assert_eq!(itemsets(&with_pairs), itemsets(&with_tree));
    }
}
