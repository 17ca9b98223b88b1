//! Where the miners put what they find: a compact flat store that also enforces the
//! budget and relays progress, so every algorithm stops the same way.

use crate::progress::{Control, Progress, Stage};
use serde::{Deserialize, Serialize};

/// Why a search stopped before it was complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// More itemsets than the budget allows.
    ItemsetBudget {
        /// The budget (itemsets).
        limit: usize,
    },
    /// The working memory the search would need is over the budget.
    MemoryBudget {
        /// Estimated bytes.
        needed: u64,
        /// The budget (bytes).
        limit: u64,
    },
    /// The progress observer answered [`Control::Stop`].
    Cancelled,
}

/// How often (in itemsets found) the sink reports progress besides the miners' own
/// top-level reports.
const REPORT_EVERY: usize = 1 << 16;

/// Collects itemsets as frequency ranks.
pub(crate) struct Sink<'p> {
    /// All items of all itemsets, concatenated.
    pub items: Vec<u32>,
    /// End of each itemset in `items`.
    pub ends: Vec<usize>,
    /// Count of each itemset.
    pub counts: Vec<u64>,
    /// Set when the search must stop.
    pub stop: Option<StopReason>,
    min_len: usize,
    max_itemsets: usize,
    found: usize,
    progress: &'p mut dyn Progress,
    stage_total: u64,
    stage_done: u64,
}

impl<'p> Sink<'p> {
    pub fn new(min_len: usize, max_itemsets: usize, progress: &'p mut dyn Progress) -> Sink<'p> {
        Sink {
            items: Vec::new(),
            ends: Vec::new(),
            counts: Vec::new(),
            stop: None,
            min_len,
            max_itemsets,
            found: 0,
            progress,
            stage_total: 0,
            stage_done: 0,
        }
    }

    /// Records an itemset (ranks, any order) with its count. Returns `false` when the
    /// search must stop.
    #[inline]
    pub fn push(&mut self, itemset: &[u32], count: u64) -> bool {
        if self.stop.is_some() {
            return false;
        }
        if itemset.len() >= self.min_len {
            self.items.extend_from_slice(itemset);
            self.ends.push(self.items.len());
            self.counts.push(count);
        }
        self.found += 1;
        if self.found > self.max_itemsets {
            // Drop the one over the limit, so a partial result holds exactly the budget.
            if itemset.len() >= self.min_len {
                self.ends.pop();
                self.counts.pop();
                let end = self.ends.last().copied().unwrap_or(0);
                self.items.truncate(end);
            }
            self.stop = Some(StopReason::ItemsetBudget {
                limit: self.max_itemsets,
            });
            return false;
        }
        if self.found.is_multiple_of(REPORT_EVERY) {
            return self.report();
        }
        true
    }

    /// Reports top-level progress: `done` of `total` first-level branches finished.
    pub fn tick(&mut self, done: u64, total: u64) -> bool {
        self.stage_done = done;
        self.stage_total = total;
        self.report()
    }

    fn report(&mut self) -> bool {
        if self.stop.is_some() {
            return false;
        }
        if self
            .progress
            .report(Stage::Mine, self.stage_done, self.stage_total)
            == Control::Stop
        {
            self.stop = Some(StopReason::Cancelled);
            return false;
        }
        true
    }

    /// Number of itemsets stored.
    pub fn len(&self) -> usize {
        self.counts.len()
    }
}
