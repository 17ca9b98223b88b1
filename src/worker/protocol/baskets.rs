//! The Baskets page's messages: what the page asks for ([`BasketJob`]) and what comes
//! back ([`BasketOutput`]), a search's result capped for the page ([`Mined`]). The worker
//! runs them with core's baskets job (`shoplens_core::jobs::baskets`, the code `shoplens
//! baskets`, `itemsets`, `rules` and `run` call; see `crate::worker::thread::jobs::baskets`).
//!
//! [`BasketJob::Prepare`] only reports what was built and each item's basket count (the
//! page derives its live "items passing support" hint from them without asking again);
//! [`BasketJob::Mine`] searches the itemsets, the rules and the "frequently bought
//! together" lists in one go, and sends back the job that ran (for "Download job");
//! [`BasketJob::Behind`] lists the baskets holding a rule's items.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use shoplens_core::basket::{stop_message, ItemCompanions, Itemset, StopReason};
use shoplens_core::jobs::baskets::{self, BasketsJob};
use shoplens_core::Lang;

pub use shoplens_core::jobs::baskets::{BasketSource, MineSettings, Prepared};

pub use super::rule_list::{RuleList, RuleSlice};
use super::WireError;

/// Most rules sent to the page: enough for any useful table, small enough to cross the
/// worker boundary quickly. The summary still gives the full count.
pub const MAX_RULES: usize = 50_000;

/// Most itemsets sent to the page (for the itemset export).
pub const MAX_ITEMSETS: usize = 50_000;

/// Most baskets listed behind a rule.
pub const MAX_BEHIND: usize = 200;

/// What the Baskets page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BasketJob {
    /// Build the baskets and report their shape and item counts.
    Prepare {
        /// Where the baskets come from.
        source: BasketSource,
    },
    /// Build the baskets, mine itemsets and rules, and list frequent companions.
    Mine {
        /// Where the baskets come from.
        source: BasketSource,
        /// The search.
        settings: MineSettings,
    },
    /// List the baskets that hold all of `items` (a rule's antecedent and consequent).
    Behind {
        /// Where the baskets come from.
        source: BasketSource,
        /// Item names.
        items: Vec<String>,
    },
}

/// A search's results, capped for the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mined {
    /// The baskets searched.
    pub prepared: Prepared,
    /// The settings used.
    pub settings: MineSettings,
    /// The job that ran, shape and columns filled in (what "Download job" saves).
    pub job: BasketsJob,
    /// The basket count an itemset needed.
    pub min_count: u64,
    /// Itemsets of the chosen target found.
    pub itemset_count: usize,
    /// Rules found (before the cap).
    pub rule_count: usize,
    /// Milliseconds the search (itemsets, rules and companions) took, building excluded.
    pub elapsed_ms: f64,
    /// Milliseconds of that spent finding the frequent itemsets alone (what pyfim's
    /// `fpgrowth` call does; the benchmark compares this part).
    #[serde(default)]
    pub itemsets_ms: f64,
    /// Why the search stopped early, when it did.
    pub partial: Option<StopReason>,
    /// The message saying so, in both languages.
    pub partial_message: Option<WireError>,
    /// Item names; rules and itemsets refer to items by position in this list.
    pub items: Vec<String>,
    /// The best rules by lift, at most [`MAX_RULES`].
    pub rules: RuleList,
    /// Itemsets of the chosen target, at most [`MAX_ITEMSETS`], most frequent first.
    pub itemsets: Vec<Itemset>,
    /// "Frequently bought together": each product's best companions.
    pub companions: Vec<ItemCompanions>,
    /// Bytes of WebAssembly memory the worker held after the search. Wasm memory only
    /// grows, so this is the worker's peak so far (the benchmark reads it); 0 off wasm.
    #[serde(default)]
    pub wasm_bytes: u64,
}

impl Mined {
    /// A copy without the rules and itemsets (they are sent and stored apart, in chunks:
    /// see [`super::lists`]); `rules.baskets` is kept.
    pub fn without_lists(&self) -> Mined {
        Mined {
            prepared: self.prepared.clone(),
            settings: self.settings.clone(),
            job: self.job.clone(),
            min_count: self.min_count,
            itemset_count: self.itemset_count,
            rule_count: self.rule_count,
            elapsed_ms: self.elapsed_ms,
            itemsets_ms: self.itemsets_ms,
            partial: self.partial,
            partial_message: self.partial_message.clone(),
            items: self.items.clone(),
            rules: RuleList {
                baskets: self.rules.baskets,
                rules: Vec::new(),
            },
            itemsets: Vec::new(),
            companions: self.companions.clone(),
            wasm_bytes: self.wasm_bytes,
        }
    }
}

/// The baskets behind a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Behind {
    /// The items asked about.
    pub items: Vec<String>,
    /// How many baskets hold them all.
    pub total: usize,
    /// The first [`MAX_BEHIND`] of them: (basket number from 1, its items).
    pub baskets: Vec<(usize, Vec<String>)>,
}

/// What comes back from a [`BasketJob`].
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BasketOutput {
    /// Answer to [`BasketJob::Prepare`].
    Prepared(Prepared),
    /// Answer to [`BasketJob::Mine`]; shared, so keeping it with the session and showing it
    /// copy no rules.
    Mined(Arc<Mined>),
    /// Answer to [`BasketJob::Behind`].
    Behind(Behind),
}

impl Mined {
    /// The page's view of a core search: rules and itemsets capped at [`MAX_RULES`] and
    /// [`MAX_ITEMSETS`], the stop reason in both languages; `wasm_bytes` is the worker's
    /// memory after the search.
    pub fn shaped(
        prepared: Prepared,
        settings: MineSettings,
        job: BasketsJob,
        mut mined: baskets::Mined,
        wasm_bytes: u64,
    ) -> Mined {
        mined.rules.truncate(MAX_RULES);
        mined.itemsets.truncate(MAX_ITEMSETS);
        let baskets = prepared.report.baskets as u64;
        Mined {
            prepared,
            settings,
            job,
            min_count: mined.min_count,
            itemset_count: mined.itemset_count,
            rule_count: mined.rule_count,
            elapsed_ms: mined.elapsed_ms,
            itemsets_ms: mined.itemsets_ms,
            partial: mined.partial,
            partial_message: mined.partial.map(|reason| WireError {
                zh: stop_message(reason, Lang::Zh),
                en: stop_message(reason, Lang::En),
            }),
            items: mined.items,
            rules: RuleList {
                baskets,
                rules: mined.rules,
            },
            itemsets: mined.itemsets,
            companions: mined.companions,
            wasm_bytes,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::worker::protocol::Output;
    use shoplens_core::jobs::baskets::run_bytes;
    use shoplens_core::progress::Silent;
    use shoplens_core::rt::FrozenClock;
    use shoplens_core::table::ReadOptions;

    /// A real search's result as the worker shapes it (thousands of rules and itemsets,
    /// some with revenue, ties in their counts), for the app's tests.
    pub(crate) fn searched() -> Output {
        let bytes = include_bytes!(
            "../../../testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv"
        );
        let job: BasketsJob = serde_json::from_str(
            r#"{"mine": {"min_support": {"Count": 3}, "min_confidence": 0.3}}"#,
        )
        .unwrap();
        let out = run_bytes(
            &job.check().unwrap(),
            bytes,
            &ReadOptions::default(),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        let settings = job.mine.clone().unwrap();
        let mined = Mined::shaped(out.prepared, settings, out.job, out.mined.unwrap(), 0);
        Output::Baskets(BasketOutput::Mined(Arc::new(mined)))
    }

    /// Capping keeps the best rules by lift and the count of all of them.
    #[test]
    fn shaped_caps_the_lists_and_keeps_the_counts() {
        let Output::Baskets(BasketOutput::Mined(mined)) = searched() else {
            unreachable!()
        };
        assert!(mined.rule_count > MAX_RULES, "{}", mined.rule_count);
        assert_eq!(mined.rules.len(), MAX_RULES);
        assert_eq!(mined.itemsets.len(), mined.itemset_count.min(MAX_ITEMSETS));
        let lifts: Vec<f64> = mined.rules.iter().map(|r| r.measures.lift).collect();
        assert!(lifts.windows(2).all(|w| w[0] >= w[1]), "best by lift first");
        assert_eq!(mined.rules.baskets, mined.prepared.report.baskets as u64);
        assert!(mined.partial_message.is_none());
    }
}
