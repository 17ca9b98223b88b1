//! The Baskets page's jobs, run in the worker.
//!
//! Every job first turns the loaded data into baskets ([`build`]) through the core
//! builder (`shoplens_core::basket::build_from_table`), which decides the shape and
//! columns: order lines and 0/1 matrices come from the loaded table (so the user's type
//! overrides and personal-data protections apply), one-basket-per-line files from the
//! file's bytes, read again only then. This module only decodes the job, calls core and
//! encodes the answer.
//! [`BasketJob::Prepare`] only reports what was built and each item's basket count (the
//! page derives its live "items passing support" hint from them without asking again);
//! [`BasketJob::Mine`] searches the itemsets, builds the rules and the "frequently bought
//! together" lists in one go; [`BasketJob::Behind`] lists the baskets holding a rule's
//! items.

use serde::{Deserialize, Serialize};
use shoplens_core::basket::{
    build_from_table, companions, mine_itemsets, rules_from_itemsets, stop_message,
    suggest_exclusions, Algorithm, BasketIndex, BasketShape, BuildOptions, BuildReport,
    CompanionParams, ExclusionReason, ItemCompanions, Itemset, Measure, MinSupport, MiningParams,
    Rule, RuleParams, StopReason, Target, Transactions,
};
use shoplens_core::Lang;

use crate::worker::protocol::{JobId, Output, WireError};
use crate::worker::runner::{
    compute_progress, loaded_file_bytes, now_ms, wasm_memory_bytes, with_table,
};

/// Most rules sent to the page: enough for any useful table, small enough to cross the
/// worker boundary quickly. The summary still gives the full count.
pub const MAX_RULES: usize = 50_000;

/// Most itemsets sent to the page (for the itemset export).
pub const MAX_ITEMSETS: usize = 50_000;

/// Most baskets listed behind a rule.
pub const MAX_BEHIND: usize = 200;

/// How to turn the loaded data into baskets. Empty fields are detected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BasketSource {
    /// The data's shape, or `None` to detect it.
    pub shape: Option<BasketShape>,
    /// Order lines: the column(s) identifying a basket (detected by name when empty).
    pub basket_columns: Vec<String>,
    /// Order lines: the item column (detected by name when absent).
    pub item_column: Option<String>,
    /// Order lines: the quantity column (detected with the others when they are).
    pub quantity_column: Option<String>,
    /// Order lines: the unit price column.
    pub price_column: Option<String>,
    /// Items to leave out (exact names). `None` until the page fills it from the
    /// suggestions (placeholders such as `NONE` are pre-filled); the user's edit is kept.
    #[serde(default)]
    pub exclude_items: Option<Vec<String>>,
    /// Leave baskets with no item out of the count of baskets.
    #[serde(default)]
    pub drop_empty_baskets: bool,
}

impl BasketSource {
    /// The core builder's options.
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            shape: self.shape,
            basket_columns: self.basket_columns.clone(),
            item_column: self.item_column.clone(),
            quantity_column: self.quantity_column.clone(),
            price_column: self.price_column.clone(),
            drop_empty_baskets: self.drop_empty_baskets,
            exclude_items: self.exclude_items.clone().unwrap_or_default(),
            ..BuildOptions::default()
        }
    }
}

/// The search the user asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MineSettings {
    /// Search algorithm (all give the same itemsets).
    pub algorithm: Algorithm,
    /// Minimum support, a fraction or a basket count.
    pub min_support: MinSupport,
    /// Minimum confidence of a rule.
    pub min_confidence: f64,
    /// Minimum lift of a rule.
    pub min_lift: Option<f64>,
    /// Most items in an itemset.
    pub max_len: Option<usize>,
    /// Which itemsets to count and export (rules always come from all of them).
    pub target: Target,
}

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

/// The baskets as built: what the page shows above the settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prepared {
    /// What the builder did (shape, columns, counts, removals).
    pub report: BuildReport,
    /// Every item's basket count, largest first (for the live support hint).
    pub item_counts: Vec<u64>,
    /// Mean items per basket.
    pub mean_basket_size: f64,
    /// Whether baskets carry revenue (order lines with a price).
    pub has_revenue: bool,
    /// Milliseconds spent building.
    pub elapsed_ms: f64,
    /// Items that look like placeholders or non-products, with the reason (those already
    /// excluded included), most frequent first.
    #[serde(default)]
    pub suggested: Vec<(String, ExclusionReason)>,
}

/// A search's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mined {
    /// The baskets searched.
    pub prepared: Prepared,
    /// The settings used.
    pub settings: MineSettings,
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
    pub rules: Vec<Rule>,
    /// Itemsets of the chosen target, at most [`MAX_ITEMSETS`], most frequent first.
    pub itemsets: Vec<Itemset>,
    /// "Frequently bought together": each product's best companions.
    pub companions: Vec<ItemCompanions>,
    /// Bytes of WebAssembly memory the worker held after the search. Wasm memory only
    /// grows, so this is the worker's peak so far (the benchmark reads it); 0 off wasm.
    #[serde(default)]
    pub wasm_bytes: u64,
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
    /// Answer to [`BasketJob::Mine`].
    Mined(Box<Mined>),
    /// Answer to [`BasketJob::Behind`].
    Behind(Behind),
}

/// Runs `job` (the job with id `id`) in the worker.
pub fn run(id: JobId, job: BasketJob) -> Result<Output, WireError> {
    let output = match job {
        BasketJob::Prepare { source } => {
            let (_, prepared) = build(id, &source)?;
            BasketOutput::Prepared(prepared)
        }
        BasketJob::Mine { source, settings } => {
            BasketOutput::Mined(Box::new(mine(id, &source, settings)?))
        }
        BasketJob::Behind { source, items } => {
            let (tx, _) = build(id, &source)?;
            BasketOutput::Behind(behind(&tx, items)?)
        }
    };
    Ok(Output::Baskets(output))
}

fn wire(error: shoplens_core::Error) -> WireError {
    WireError::from(&error)
}

/// A core error, or the worker's own (no file loaded, reading failed).
struct BuildError(WireError);

impl From<shoplens_core::Error> for BuildError {
    fn from(error: shoplens_core::Error) -> BuildError {
        BuildError(wire(error))
    }
}

/// Builds the baskets of the loaded data as `source` says.
pub fn build(id: JobId, source: &BasketSource) -> Result<(Transactions, Prepared), WireError> {
    let started = now_ms();
    let options = source.options();
    let (tx, report) = with_table(|table| {
        build_from_table(
            table,
            || loaded_file_bytes(id).map_err(BuildError),
            &options,
        )
        .map_err(|e| e.0)
    })?;
    if tx.is_empty() {
        return Err(WireError {
            zh: "没有得到任何购物篮：请检查购物篮列和商品列。".into(),
            en: "No baskets were built: check the basket and item columns.".into(),
        });
    }
    // What was excluded was suggested too: keep it on the list so the control shows it.
    let mut suggested: Vec<(String, ExclusionReason)> = report
        .excluded
        .iter()
        .filter(|e| e.baskets > 0)
        .filter_map(|e| {
            shoplens_core::basket::exclusion_reason(&e.name).map(|r| (e.name.clone(), r))
        })
        .collect();
    suggested.extend(suggest_exclusions(&tx));
    let mut item_counts = vec![0u64; tx.n_items()];
    for basket in &tx.baskets {
        for &item in basket {
            item_counts[item as usize] += 1;
        }
    }
    item_counts.sort_unstable_by(|a, b| b.cmp(a));
    let prepared = Prepared {
        report,
        item_counts,
        mean_basket_size: tx.mean_basket_size(),
        has_revenue: tx.revenue.is_some(),
        elapsed_ms: now_ms() - started,
        suggested,
    };
    Ok((tx, prepared))
}

fn mine(id: JobId, source: &BasketSource, settings: MineSettings) -> Result<Mined, WireError> {
    let (tx, prepared) = build(id, source)?;
    let started = now_ms();
    let mut params = MiningParams::new(settings.min_support);
    params.algorithm = settings.algorithm;
    params.max_len = settings.max_len;
    let mut progress = compute_progress(id);
    // Rules need every frequent itemset's count, whatever target the user counts.
    let all = mine_itemsets(&tx, &params, &mut progress).map_err(wire)?;
    let itemsets_ms = now_ms() - started;
    let mut rule_params = RuleParams::new(settings.min_confidence);
    rule_params.min_lift = settings.min_lift;
    rule_params.sort = Measure::Lift;
    let mut rules = rules_from_itemsets(&tx, &all, &rule_params).map_err(wire)?;
    let rule_count = rules.rules.len();
    rules.rules.truncate(MAX_RULES);
    let companions = companions(&tx, &all, &CompanionParams::default()).map_err(wire)?;
    let (itemset_count, mut itemsets, partial) = if settings.target == Target::All {
        (all.itemsets.len(), all.itemsets, all.partial)
    } else {
        let mut target = params.clone();
        target.target = settings.target;
        let found = mine_itemsets(&tx, &target, &mut progress).map_err(wire)?;
        (
            found.itemsets.len(),
            found.itemsets,
            found.partial.or(all.partial),
        )
    };
    let elapsed_ms = now_ms() - started;
    itemsets.sort_by(|a, b| b.count.cmp(&a.count).then(a.items.cmp(&b.items)));
    itemsets.truncate(MAX_ITEMSETS);
    let partial_message = partial.map(|reason| WireError {
        zh: stop_message(reason, Lang::Zh),
        en: stop_message(reason, Lang::En),
    });
    Ok(Mined {
        prepared,
        settings,
        min_count: all.min_count,
        itemset_count,
        rule_count,
        elapsed_ms,
        itemsets_ms,
        partial,
        partial_message,
        items: tx.items,
        rules: rules.rules,
        itemsets,
        companions,
        wasm_bytes: wasm_memory_bytes(),
    })
}

fn behind(tx: &Transactions, items: Vec<String>) -> Result<Behind, WireError> {
    let mut ids = Vec::with_capacity(items.len());
    for name in &items {
        let id = tx.items.iter().position(|i| i == name).ok_or_else(|| {
            wire(shoplens_core::Error::invalid_parameter(
                "item",
                name,
                "an item of the data",
            ))
        })?;
        ids.push(id as u32);
    }
    ids.sort_unstable();
    let found = BasketIndex::new(tx).baskets_with(&ids);
    let baskets = found
        .iter()
        .take(MAX_BEHIND)
        .map(|&b| {
            let names = tx.baskets[b as usize]
                .iter()
                .map(|&i| tx.items[i as usize].clone())
                .collect();
            (b as usize + 1, names)
        })
        .collect();
    Ok(Behind {
        items,
        total: found.len(),
        baskets,
    })
}
