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
//! so building needs no child search at all.

use super::recode::Recoded;
use super::sink::Sink;

const NONE: u32 = u32::MAX;

/// An FP-tree over local item ids `0..k` (0 is the most frequent, nearest the root).
#[derive(Default)]
struct Tree {
    item: Vec<u32>,
    count: Vec<u64>,
    parent: Vec<u32>,
    first_child: Vec<u32>,
    next_sibling: Vec<u32>,
    /// Next node holding the same item.
    next_same: Vec<u32>,
    /// First node of each item.
    head: Vec<u32>,
    /// Count of each item in this tree.
    support: Vec<u64>,
    /// Global rank of each local item.
    global: Vec<u32>,
    /// Scratch for building conditional trees from this one.
    cond: Vec<u64>,
    map: Vec<u32>,
    path: Vec<u32>,
}

impl Tree {
    fn reset(&mut self, n_items: usize) {
        for v in [
            &mut self.item,
            &mut self.parent,
            &mut self.first_child,
            &mut self.next_sibling,
            &mut self.next_same,
        ] {
            v.clear();
            v.push(NONE);
        }
        self.count.clear();
        self.count.push(0);
        self.head.clear();
        self.head.resize(n_items, NONE);
        self.support.clear();
        self.global.clear();
    }

    fn new_node(&mut self, item: u32, parent: u32, weight: u64) -> u32 {
        let node = self.item.len() as u32;
        self.item.push(item);
        self.count.push(weight);
        self.parent.push(parent);
        self.first_child.push(NONE);
        self.next_sibling.push(self.first_child[parent as usize]);
        self.first_child[parent as usize] = node;
        self.next_same.push(self.head[item as usize]);
        self.head[item as usize] = node;
        node
    }

    /// Adds a path (ascending local ids) with a weight, searching each node's children.
    fn insert(&mut self, path: &[u32], weight: u64) {
        let mut cur = 0u32;
        for &item in path {
            let mut child = self.first_child[cur as usize];
            while child != NONE && self.item[child as usize] != item {
                child = self.next_sibling[child as usize];
            }
            if child == NONE {
                cur = self.new_node(item, cur, weight);
            } else {
                self.count[child as usize] += weight;
                cur = child;
            }
        }
    }

    /// Whether every node has at most one child.
    fn is_single_path(&self) -> bool {
        let mut cur = 0usize;
        loop {
            let child = self.first_child[cur];
            if child == NONE {
                return true;
            }
            if self.next_sibling[child as usize] != NONE {
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
            let weight = self.count[node as usize];
            let mut p = self.parent[node as usize];
            while p != 0 {
                self.cond[self.item[p as usize] as usize] += weight;
                p = self.parent[p as usize];
            }
            node = self.next_same[node as usize];
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
        let mut node = self.head[item];
        while node != NONE {
            let weight = self.count[node as usize];
            self.path.clear();
            let mut p = self.parent[node as usize];
            while p != 0 {
                let local = self.map[self.item[p as usize] as usize];
                if local != NONE {
                    self.path.push(local);
                }
                p = self.parent[p as usize];
            }
            if !self.path.is_empty() {
                self.path.reverse();
                child.insert(&self.path, weight);
            }
            node = self.next_same[node as usize];
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
            tree.count[node as usize] += 1;
        }
        for &item in &basket[common..] {
            let parent = stack.last().copied().unwrap_or(0);
            stack.push(tree.new_node(item, parent, 1));
        }
        previous = basket;
    }
    tree
}

/// Finds every frequent itemset of at most `max_len` items and puts it in `sink`.
pub(crate) fn mine(data: &Recoded, min_count: u64, max_len: usize, sink: &mut Sink) {
    if data.n_items() == 0 || max_len == 0 {
        return;
    }
    let mut tree = first_tree(data);
    let mut spare: Vec<Tree> = Vec::new();
    let mut prefix: Vec<u32> = Vec::new();
    grow(
        &mut tree,
        &mut spare,
        &mut prefix,
        min_count,
        max_len,
        sink,
        true,
    );
}

/// Mines `tree` for itemsets extending `prefix`. Returns false when the sink says stop.
fn grow(
    tree: &mut Tree,
    spare: &mut Vec<Tree>,
    prefix: &mut Vec<u32>,
    min_count: u64,
    max_len: usize,
    sink: &mut Sink,
    top: bool,
) -> bool {
    if tree.is_single_path() {
        let mut path = Vec::new();
        let mut cur = tree.first_child[0];
        while cur != NONE {
            let c = cur as usize;
            path.push((tree.global[tree.item[c] as usize], tree.count[c]));
            cur = tree.first_child[c];
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
            && !grow(&mut child, spare, prefix, min_count, max_len, sink, false)
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
