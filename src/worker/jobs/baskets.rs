//! The Baskets page's jobs, run in the worker: adapters on core's baskets job
//! (`shoplens_core::jobs::baskets`, the code `shoplens baskets`, `itemsets`, `rules` and
//! `run` call). Order lines and 0/1 matrices are built from the loaded table (so the user's
//! type overrides and personal-data protections apply), one-basket-per-line files from the
//! file's bytes, read again only then.
//!
//! [`BasketJob::Prepare`] only reports what was built and each item's basket count (the
//! page derives its live "items passing support" hint from them without asking again);
//! [`BasketJob::Mine`] searches the itemsets, the rules and the "frequently bought
//! together" lists in one go, and sends back the job that ran (for "Download job");
//! [`BasketJob::Behind`] lists the baskets holding a rule's items.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use shoplens_core::basket::{stop_message, ItemCompanions, Itemset, Rule, StopReason};
use shoplens_core::jobs::baskets::{self, BasketsJob};
use shoplens_core::Lang;

pub use shoplens_core::jobs::baskets::{BasketSource, MineSettings, Prepared};

use super::WorkerClock;
use crate::worker::protocol::Stage;
use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{
    loaded_file_bytes, now_ms, progress, wasm_memory_bytes, with_table, with_understanding,
};
use shoplens_core::progress::Stage as CoreStage;

/// Most rules sent to the page: enough for any useful table, small enough to cross the
/// worker boundary quickly. The summary still gives the full count.
pub const MAX_RULES: usize = 50_000;

/// Rules as they cross to the page: items and the three basket counts of each rule, and
/// the basket count they share; the page computes the measures again with core's
/// [`Rule::from_counts`]. Written out with all fourteen measures, 50,000 rules were 17 MB
/// of JSON, which the page parsed in one long task; as counts they are about a tenth.
/// It reads as the list of rules (`Deref` to `Vec<Rule>`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleList {
    /// Baskets the measures are shares of.
    pub baskets: u64,
    /// The rules.
    pub rules: Vec<Rule>,
}

impl std::ops::Deref for RuleList {
    type Target = Vec<Rule>;
    fn deref(&self) -> &Vec<Rule> {
        &self.rules
    }
}

impl std::ops::DerefMut for RuleList {
    fn deref_mut(&mut self) -> &mut Vec<Rule> {
        &mut self.rules
    }
}

/// One rule on the wire: antecedent, consequent, [both, antecedent, consequent] counts,
/// revenue.
type WireRule = (Vec<u32>, Vec<u32>, [u64; 3], Option<f64>);

/// The same, borrowed, for writing.
type WireRuleRef<'a> = (&'a [u32], &'a [u32], [u64; 3], Option<f64>);

#[derive(Deserialize)]
struct WireRules {
    baskets: u64,
    rules: Vec<WireRule>,
}

#[derive(Serialize)]
struct WireRulesRef<'a> {
    baskets: u64,
    rules: Vec<WireRuleRef<'a>>,
}

/// A run of rules written as a [`RuleList`] is, without copying them (the session's
/// results file writes a search's rules a slice at a time, see `crate::worker::chunks`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleSlice<'a> {
    /// Baskets the measures are shares of.
    pub baskets: u64,
    /// The rules.
    pub rules: &'a [Rule],
}

impl Serialize for RuleSlice<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireRulesRef {
            baskets: self.baskets,
            rules: self
                .rules
                .iter()
                .map(|r| {
                    (
                        r.antecedent.as_slice(),
                        r.consequent.as_slice(),
                        [r.count, r.antecedent_count, r.consequent_count],
                        r.revenue,
                    )
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

impl Serialize for RuleList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RuleSlice {
            baskets: self.baskets,
            rules: &self.rules,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RuleList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = WireRules::deserialize(deserializer)?;
        let rules = wire
            .rules
            .into_iter()
            .map(|(antecedent, consequent, counts, revenue)| Rule {
                revenue,
                ..Rule::from_counts(antecedent, consequent, counts, wire.baskets)
            })
            .collect();
        Ok(RuleList {
            baskets: wire.baskets,
            rules,
        })
    }
}

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
    /// see `crate::worker::chunks`); `rules.baskets` is kept.
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

/// A core error, or the worker's own (no file loaded, reading failed).
struct BuildError(WireError);

impl From<shoplens_core::Error> for BuildError {
    fn from(error: shoplens_core::Error) -> BuildError {
        BuildError(WireError::from(error))
    }
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: BasketJob) -> Result<Output, WireError> {
    let output = match understood(job)? {
        BasketJob::Prepare { source } => {
            let job = BasketsJob { source, mine: None };
            BasketOutput::Prepared(run_core(id, &job)?.prepared)
        }
        BasketJob::Mine { source, settings } => {
            let job = BasketsJob {
                source,
                mine: Some(settings.clone()),
            };
            let out = run_core(id, &job)?;
            let mined = out.mined.ok_or_else(|| WireError::from(no_search()))?;
            BasketOutput::Mined(Arc::new(shape(out.prepared, settings, out.job, mined)))
        }
        BasketJob::Behind { source, items } => {
            let (total, baskets) = with_table(|table| {
                let (tx, _) =
                    baskets::build(&source, table, || bytes(id), &WorkerClock).map_err(|e| e.0)?;
                Ok(baskets::baskets_with(&tx, &items, MAX_BEHIND)?)
            })?;
            BasketOutput::Behind(Behind {
                items,
                total,
                baskets,
            })
        }
    };
    Ok(Output::Baskets(output))
}

/// The core job a search runs, with the shape and columns the builder uses written in
/// (`None` for building alone and the baskets behind a rule).
pub fn spec(id: JobId, job: &BasketJob) -> Result<Option<shoplens_core::jobs::Job>, WireError> {
    let BasketJob::Mine { source, settings } = understood(job.clone())? else {
        return Ok(None);
    };
    let spec = BasketsJob {
        source: source.clone(),
        mine: Some(settings.clone()),
    };
    spec.check()?;
    let filled = with_table(|table| {
        let (_, prepared) =
            baskets::build(&source, table, || bytes(id), &WorkerClock).map_err(|e| e.0)?;
        Ok(source.filled(&prepared.report))
    })?;
    Ok(Some(shoplens_core::jobs::Job::Baskets(BasketsJob {
        source: filled,
        ..spec
    })))
}

/// `job` with the user's corrections of the file's understanding written into its source
/// ([`BasketSource::understood`]): what the Data page says the file is decides the baskets.
fn understood(job: BasketJob) -> Result<BasketJob, WireError> {
    let fill = |source: BasketSource| -> Result<BasketSource, WireError> {
        with_table(|table| {
            Ok(with_understanding(|u| match u {
                Some(u) => source.understood(u, table),
                None => source.clone(),
            }))
        })
    };
    Ok(match job {
        BasketJob::Prepare { source } => BasketJob::Prepare {
            source: fill(source)?,
        },
        BasketJob::Mine { source, settings } => BasketJob::Mine {
            source: fill(source)?,
            settings,
        },
        BasketJob::Behind { source, items } => BasketJob::Behind {
            source: fill(source)?,
            items,
        },
    })
}

fn bytes(id: JobId) -> Result<Vec<u8>, BuildError> {
    loaded_file_bytes(id).map_err(BuildError)
}

fn no_search() -> shoplens_core::Error {
    shoplens_core::Error::invalid_parameter("mine", "null", "search settings")
}

/// Checks and runs core's job on the loaded table.
fn run_core(id: JobId, job: &BasketsJob) -> Result<baskets::BasketsOutput, WireError> {
    let checked = job.check()?;
    let mut progress = search_progress(id);
    with_table(|table| {
        baskets::run(&checked, table, || bytes(id), &mut progress, &WorkerClock).map_err(|e| e.0)
    })
}

/// Least milliseconds between two progress messages of a search.
const PROGRESS_EVERY_MS: f64 = 50.0;

/// Forwards core's progress to the page by stage: [`CoreStage::Mine`] as
/// [`Stage::Itemsets`] (first-level branches done of all), [`CoreStage::Rules`] as
/// [`Stage::Rules`]; at most one message per [`PROGRESS_EVERY_MS`], but always the first
/// report of a stage and the last.
fn search_progress(
    id: JobId,
) -> impl FnMut(CoreStage, u64, u64) -> shoplens_core::progress::Control {
    let mut last_report = f64::NEG_INFINITY;
    let mut last_stage = Stage::Compute;
    move |core_stage: CoreStage, done: u64, total: u64| {
        let stage = match core_stage {
            CoreStage::Mine => Stage::Itemsets,
            CoreStage::Rules => Stage::Rules,
            _ => Stage::Compute,
        };
        let now = now_ms();
        if stage != last_stage
            || now - last_report >= PROGRESS_EVERY_MS
            || (total > 0 && done >= total)
        {
            last_report = now;
            last_stage = stage;
            progress(id, stage, done, total);
        }
        shoplens_core::progress::Control::Continue
    }
}

/// The page's view of a search: rules and itemsets capped, the stop reason in words.
fn shape(
    prepared: Prepared,
    settings: MineSettings,
    job: BasketsJob,
    mut mined: baskets::Mined,
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
        wasm_bytes: wasm_memory_bytes(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use shoplens_core::jobs::baskets::{run_bytes, BasketsJob};
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
        let mined = shape(out.prepared, settings, out.job, out.mined.unwrap());
        Output::Baskets(BasketOutput::Mined(Arc::new(mined)))
    }

    /// Rules sent as counts come back as the very rules core made (every measure equal to
    /// the bit), and their JSON is a fraction of the full form's.
    #[test]
    fn rules_cross_as_counts_unchanged() {
        let Output::Baskets(BasketOutput::Mined(mined)) = searched() else {
            unreachable!()
        };
        assert!(mined.rules.len() > 100, "{}", mined.rules.len());
        assert!(mined.rules.iter().any(|r| r.revenue.is_some()));
        let compact = serde_json::to_string(&mined.rules).unwrap();
        let back: RuleList = serde_json::from_str(&compact).unwrap();
        assert_eq!(back, mined.rules);
        let full = serde_json::to_string(&mined.rules.rules).unwrap();
        assert!(
            compact.len() * 3 < full.len(),
            "{} vs {}",
            compact.len(),
            full.len()
        );
    }
}
