//! The frequent-itemset search: checks the parameters, recodes the baskets, plans the
//! memory, runs the chosen miner inside the budget, and turns its output into
//! [`Itemsets`] with item ids of the [`Transactions`], counts, supports and revenue.

use super::index::BasketIndex;
use super::params::{Algorithm, ItemsetKind, MiningParams};
use super::recode::{item_counts, recode, Recoded};
use super::sink::{Sink, StopReason};
use super::{apriori, closed, eclat, fp_growth, Transactions};
use crate::progress::Progress;
use crate::{Lang, Result};
use serde::{Deserialize, Serialize};

/// A frequent itemset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Itemset {
    /// Item ids ([`Transactions::items`]), ascending.
    pub items: Vec<u32>,
    /// Number of baskets that contain every item.
    pub count: u64,
    /// `count` over the number of baskets.
    pub support: f64,
    /// Revenue of the baskets that contain every item, when the baskets carry revenue.
    pub revenue: Option<f64>,
}

/// The result of a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Itemsets {
    /// Number of baskets searched.
    pub baskets: usize,
    /// Number of distinct items in the baskets.
    pub items: usize,
    /// The basket count an itemset needed.
    pub min_count: u64,
    /// What was searched for.
    pub target: ItemsetKind,
    /// How.
    pub algorithm: Algorithm,
    /// The itemsets, by length and then by item ids.
    pub itemsets: Vec<Itemset>,
    /// Set when the search stopped early: the itemsets are then only a part.
    pub partial: Option<StopReason>,
}

impl Itemsets {
    /// Why the result is incomplete and what to do about it, in the user's language;
    /// `None` for a complete result.
    pub fn partial_message(&self, lang: Lang) -> Option<String> {
        self.partial.map(|reason| stop_message(reason, lang))
    }
}

/// The message for a search that stopped early.
pub fn stop_message(reason: StopReason, lang: Lang) -> String {
    match (reason, lang) {
        (StopReason::ItemsetBudget { limit }, Lang::En) => format!(
            "Stopped after {limit} itemsets: the results are incomplete. Raise the minimum support or lower the maximum itemset length."
        ),
        (StopReason::ItemsetBudget { limit }, Lang::Zh) => format!(
            "已找到 {limit} 个项集，超出上限，搜索已停止：结果不完整。请提高最小支持度或降低最大项集长度。"
        ),
        (StopReason::MemoryBudget { needed, limit }, Lang::En) => format!(
            "The search would need about {} of memory, over the limit of {}: nothing was searched. Raise the minimum support or use the shoplens command-line tool.",
            crate::error::human_bytes(needed),
            crate::error::human_bytes(limit)
        ),
        (StopReason::MemoryBudget { needed, limit }, Lang::Zh) => format!(
            "搜索约需 {} 内存，超过上限 {}，未进行搜索。请提高最小支持度，或使用 shoplens 命令行工具。",
            crate::error::human_bytes(needed),
            crate::error::human_bytes(limit)
        ),
        (StopReason::Cancelled, Lang::En) => {
            "Cancelled: the results found so far are incomplete.".into()
        }
        (StopReason::Cancelled, Lang::Zh) => "已取消：目前的结果不完整。".into(),
    }
}

/// A quick look before a search, for the live hint on the Baskets page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    /// The basket count an itemset needs.
    pub min_count: u64,
    /// Items that reach it.
    pub frequent_items: usize,
}

/// How many items pass the support threshold: one pass over the baskets.
pub fn estimate(tx: &Transactions, params: &MiningParams) -> Result<Estimate> {
    params.check()?;
    let min_count = params.min_support.min_count(tx.len());
    let frequent_items = item_counts(tx).iter().filter(|&&c| c >= min_count).count();
    Ok(Estimate {
        min_count,
        frequent_items,
    })
}

/// Bytes a search of `data` with `algorithm` plans to hold besides its results: the
/// recoded baskets plus the FP-tree (at most one node per item occurrence, 40 bytes each),
/// the basket lists and reduced baskets of Apriori or the basket lists of Eclat.
fn memory_needed(data: &Recoded, algorithm: Algorithm) -> u64 {
    let base = data.ranks.len() as u64 * 4 + data.ends.len() as u64 * 12;
    base + match algorithm {
        Algorithm::FpGrowth => data.ranks.len() as u64 * 40,
        Algorithm::Apriori => apriori::memory_needed(data),
        Algorithm::Eclat => eclat::memory_needed(data),
    }
}

/// Finds the frequent itemsets of `tx`.
///
/// Reports progress as [`crate::progress::Stage::Mine`] with the first-level branches done and stops when
/// told to; either way, or past the budget, the result is marked
/// [partial](Itemsets::partial). Errors only on bad parameters or an unknown item name in
/// the constraints.
///
/// ```
/// use shoplens_core::basket::{mine_itemsets, MinSupport, MiningParams, Transactions};
/// use shoplens_core::progress::Silent;
/// let tx = Transactions::from_lines("bread,milk\nbread\nmilk,bread,eggs\n", ',');
/// let found = mine_itemsets(&tx, &MiningParams::new(MinSupport::Count(2)), &mut Silent)?;
/// assert_eq!(found.itemsets.len(), 3); // {bread}, {milk}, {bread, milk}
/// # Ok::<(), shoplens_core::Error>(())
/// ```
pub fn mine_itemsets(
    tx: &Transactions,
    params: &MiningParams,
    progress: &mut dyn Progress,
) -> Result<Itemsets> {
    params.check()?;
    let min_count = params.min_support.min_count(tx.len());
    let sides = params.appearance.sides(&tx.items)?;
    let required = params.appearance.required(&tx.items)?;
    let data = recode(tx, min_count, &sides);
    let mut result = Itemsets {
        baskets: tx.len(),
        items: tx.n_items(),
        min_count,
        target: params.target,
        algorithm: params.algorithm,
        itemsets: Vec::new(),
        partial: None,
    };
    let needed = memory_needed(&data, params.algorithm);
    if needed > params.budget.max_bytes {
        result.partial = Some(StopReason::MemoryBudget {
            needed,
            limit: params.budget.max_bytes,
        });
        return Ok(result);
    }
    let max_len = params.max_len.unwrap_or(usize::MAX);
    let mut sink = Sink::new(params.min_len, params.budget.max_itemsets, progress);
    match params.algorithm {
        Algorithm::FpGrowth => fp_growth::mine(&data, min_count, max_len, &mut sink),
        Algorithm::Apriori => apriori::mine(&data, min_count, max_len, &mut sink),
        Algorithm::Eclat => eclat::mine(&data, min_count, max_len, &mut sink),
    }
    result.partial = sink.stop;
    let n = tx.len().max(1) as f64;
    let mut itemsets: Vec<Itemset> = Vec::with_capacity(sink.len());
    let mut start = 0;
    for (&end, &count) in sink.ends.iter().zip(&sink.counts) {
        let mut items: Vec<u32> = sink.items[start..end]
            .iter()
            .map(|&r| data.original[r as usize])
            .collect();
        start = end;
        items.sort_unstable();
        itemsets.push(Itemset {
            items,
            count,
            support: count as f64 / n,
            revenue: None,
        });
    }
    drop(sink);
    let mut itemsets = closed::select(itemsets, params.target, |s| (s.items.as_slice(), s.count));
    if !required.is_empty() {
        itemsets.retain(|s| contains_all(&s.items, &required));
    }
    sort_by_size_then_items(&mut itemsets);
    if tx.revenue.is_some() {
        let index = BasketIndex::new(tx);
        for set in &mut itemsets {
            set.revenue = index.revenue(tx, &set.items);
        }
    }
    result.itemsets = itemsets;
    Ok(result)
}

/// Sorts itemsets by size, then by their (sorted) items.
///
/// The comparison runs on integer keys, so it touches no itemset's heap memory. When the
/// item ids and the longest itemset fit (the size in the top 8 bits, then every item in a
/// fixed width: 15 items of up to 256 ids, 7 of up to 65,536), the key is the whole itemset
/// and a radix sort orders them. Otherwise the key holds the size and the first
/// three items, and only itemsets that agree on all of that compare their items in full.
/// On groceries at 0.1% a plain sort by `(len, items)` was a tenth of the whole search.
fn sort_by_size_then_items(itemsets: &mut Vec<Itemset>) {
    let max_id = itemsets
        .iter()
        .flat_map(|s| s.items.last())
        .copied()
        .max()
        .unwrap_or(0);
    let width = (32 - max_id.leading_zeros()).max(1);
    let longest = itemsets.iter().map(|s| s.items.len()).max().unwrap_or(0);
    let exact = longest <= (120 / width) as usize && longest < 256;
    let mut keys: Vec<(u128, u32)> = itemsets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let key = if exact {
                let mut key = (s.items.len() as u128) << 120;
                for (slot, &item) in s.items.iter().enumerate() {
                    key |= u128::from(item) << (120 - width * (slot as u32 + 1));
                }
                key
            } else {
                let item = |i: usize| s.items.get(i).map_or(0, |&x| u128::from(x));
                (s.items.len() as u128) << 96 | item(0) << 64 | item(1) << 32 | item(2)
            };
            (key, i as u32)
        })
        .collect();
    if exact {
        radix_sort(&mut keys);
    } else {
        keys.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| {
                let (x, y) = (&itemsets[a.1 as usize], &itemsets[b.1 as usize]);
                x.items.cmp(&y.items)
            })
        });
    }
    let mut slots: Vec<Option<Itemset>> = std::mem::take(itemsets).into_iter().map(Some).collect();
    itemsets.extend(keys.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

/// Sorts by the `u128` key (distinct keys), least significant byte first, one counting pass
/// per byte that is not the same in every key. Packed itemset keys use only a few bytes
/// (groceries: 6 of 16), so this is a few linear passes where a comparison sort of 13,492
/// keys took more instructions than writing them out as JSON.
fn radix_sort(keys: &mut Vec<(u128, u32)>) {
    let (all_or, all_and) = keys
        .iter()
        .fold((0u128, u128::MAX), |(or, and), &(key, _)| {
            (or | key, and & key)
        });
    let varying = all_or ^ all_and;
    let mut buffer = vec![(0u128, 0u32); keys.len()];
    for byte in 0..16 {
        let shift = byte * 8;
        if (varying >> shift) & 0xff == 0 {
            continue;
        }
        let mut starts = [0usize; 257];
        for &(key, _) in keys.iter() {
            starts[((key >> shift) & 0xff) as usize + 1] += 1;
        }
        for d in 0..256 {
            starts[d + 1] += starts[d];
        }
        for &entry in keys.iter() {
            let d = ((entry.0 >> shift) & 0xff) as usize;
            buffer[starts[d]] = entry;
            starts[d] += 1;
        }
        std::mem::swap(keys, &mut buffer);
    }
}

/// Whether sorted `items` contains every element of sorted `required`.
pub(crate) fn contains_all(items: &[u32], required: &[u32]) -> bool {
    required.iter().all(|r| items.binary_search(r).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn random_itemsets(
        rng: &mut ChaCha8Rng,
        n: usize,
        max_id: u32,
        max_len: usize,
    ) -> Vec<Itemset> {
        (0..n)
            .map(|_| {
                let len = rng.random_range(1..=max_len);
                let mut items: Vec<u32> = (0..len).map(|_| rng.random_range(0..=max_id)).collect();
                items.sort_unstable();
                items.dedup();
                Itemset {
                    items,
                    count: 1,
                    support: 0.0,
                    revenue: None,
                }
            })
            .collect()
    }

    #[test]
    fn packed_sort_orders_by_size_then_items() {
        // Whole-itemset keys (small ids, short itemsets), 16-bit ids, and the fallback
        // (ids or lengths too large to pack): each must equal a plain sort.
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for (max_id, max_len) in [(200, 6), (60_000, 7), (3, 40), (1 << 30, 9), (0, 1)] {
            let mut sets = random_itemsets(&mut rng, 3_000, max_id, max_len);
            let mut expected: Vec<Vec<u32>> = sets.iter().map(|s| s.items.clone()).collect();
            expected.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
            sort_by_size_then_items(&mut sets);
            let got: Vec<Vec<u32>> = sets.into_iter().map(|s| s.items).collect();
            assert_eq!(got, expected, "ids up to {max_id}, up to {max_len} items");
        }
    }
}
