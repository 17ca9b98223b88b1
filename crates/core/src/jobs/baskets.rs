//! Baskets, frequent itemsets and association rules as one job: the Baskets tab's
//! "prepare" and "mine", and `shoplens baskets`, `itemsets` and `rules`.
//!
//! A [`BasketsJob`] says how the file becomes baskets ([`BasketSource`], every field left
//! open is detected by the core builder) and, optionally, what to mine ([`MineSettings`]).
//! Without `mine` the job only builds the baskets and reports what was read and removed;
//! with it, the frequent itemsets (all of them, for the rules), the rules when a minimum
//! confidence is given, the itemsets of the chosen target and the "bought together" lists.
//! The output carries the spec with the detected shape and columns written in, so that the
//! job a front saves rebuilds the very same baskets.

use crate::basket::{
    build_baskets, build_from_table, companions, exclusion_reason, mine_itemsets,
    rules_from_itemsets, suggest_exclusions, understood_columns, Algorithm, BasketIndex,
    BasketShape, BuildOptions, BuildReport, CompanionParams, ExclusionReason, ItemCompanions,
    Itemset, ItemsetKind, Measure, MinSupport, MiningParams, Rule, RuleParams, StopReason,
    Transactions,
};
use crate::progress::{Progress, Stage};
use crate::rt::Clock;
use crate::schema::{Shape, Understanding};
use crate::table::{ReadOptions, Table};
use crate::{Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// How to turn a file into baskets. Empty fields are detected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasketSource {
    /// The data's shape, or `None` to detect it.
    pub shape: Option<BasketShape>,
    /// Order lines: the column(s) identifying a basket (detected when empty).
    pub basket_columns: Vec<String>,
    /// Order lines: the item column (detected when absent).
    pub item_column: Option<String>,
    /// Order lines: the quantity column (detected with the others when they are).
    pub quantity_column: Option<String>,
    /// Order lines: the unit price column.
    pub price_column: Option<String>,
    /// Items to leave out (exact names). `None`: nothing chosen yet (the tab fills it
    /// from the suggestions); a job runs it as empty.
    pub exclude_items: Option<Vec<String>>,
    /// Leave baskets with no item out of the count of baskets.
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

    /// This source with the user's corrections of the file's understanding written in
    /// (the Data page's "What this file is" card), so the Baskets page builds what the user
    /// said the file is. When the source already names a shape or columns, or the user
    /// corrected nothing, it is returned as it is and the builder detects the shape from
    /// the same vocabulary the understanding uses (`tests::detection_agrees_with_the_
    /// understanding` checks that both agree on every corpus file).
    pub fn understood(&self, understanding: &Understanding, table: &Table) -> BasketSource {
        let open =
            self.shape.is_none() && self.basket_columns.is_empty() && self.item_column.is_none();
        if !open || !understanding.has_choices() {
            return self.clone();
        }
        let mut source = self.clone();
        match understanding.shape {
            Shape::OrderLines => {
                source.shape = Some(BasketShape::OrderLines);
                if let Some(spec) = understood_columns(understanding, table) {
                    source.basket_columns = spec.basket_columns;
                    source.item_column = Some(spec.item_column);
                    source.quantity_column = source.quantity_column.or(spec.quantity_column);
                    source.price_column = source.price_column.or(spec.price_column);
                }
            }
            Shape::BasketMatrix => source.shape = Some(BasketShape::OneHot),
            Shape::BasketLines => source.shape = Some(BasketShape::LinePerBasket),
            // Not basket-bearing: the builder says so and names the columns to group by.
            Shape::Table | Shape::TimeSeries | Shape::RouteInstance => {}
        }
        source
    }

    /// This source with the shape and columns the builder used written in.
    pub fn filled(&self, report: &BuildReport) -> BasketSource {
        let order_lines = report.shape == BasketShape::OrderLines;
        BasketSource {
            shape: Some(report.shape),
            basket_columns: if order_lines {
                report.basket_columns.clone()
            } else {
                Vec::new()
            },
            item_column: report.item_column.clone().filter(|_| order_lines),
            quantity_column: report.quantity_column.clone().filter(|_| order_lines),
            price_column: report.price_column.clone().filter(|_| order_lines),
            exclude_items: Some(self.exclude_items.clone().unwrap_or_default()),
            drop_empty_baskets: self.drop_empty_baskets,
        }
    }
}

/// The search: itemsets, and rules when a minimum confidence is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MineSettings {
    /// Search algorithm (all give the same itemsets). Default FP-Growth.
    pub algorithm: Algorithm,
    /// Minimum support, a fraction or a basket count. Default 1% of the baskets.
    pub min_support: MinSupport,
    /// Minimum confidence of a rule; `None`: no rules (itemsets only).
    pub min_confidence: Option<f64>,
    /// Minimum lift of a rule.
    pub min_lift: Option<f64>,
    /// Most items in an itemset.
    pub max_len: Option<usize>,
    /// Most items in a rule's consequent. Default 1 (arules and pyfim).
    pub max_consequent: usize,
    /// Which itemsets to count and report (rules always come from all of them).
    pub target: ItemsetKind,
    /// Stop with a partial result after this many itemsets; `None`: the core default.
    pub max_itemsets: Option<usize>,
    /// The "frequently bought together" lists' floors (support, lift) and length.
    pub companions: CompanionParams,
}

impl Default for MineSettings {
    fn default() -> Self {
        MineSettings {
            algorithm: Algorithm::FpGrowth,
            min_support: MinSupport::Fraction(0.01),
            min_confidence: None,
            min_lift: None,
            max_len: None,
            max_consequent: 1,
            target: ItemsetKind::All,
            max_itemsets: None,
            companions: CompanionParams::default(),
        }
    }
}

impl MineSettings {
    /// The itemset search's parameters (every frequent itemset, for the rules).
    pub fn mining(&self) -> MiningParams {
        let mut params = MiningParams::new(self.min_support);
        params.algorithm = self.algorithm;
        params.max_len = self.max_len;
        if let Some(max) = self.max_itemsets {
            params.budget.max_itemsets = max;
        }
        params
    }

    /// The rules' parameters (ranked by lift), when rules are asked for.
    pub fn rules(&self) -> Option<RuleParams> {
        self.min_confidence.map(|c| {
            let mut params = RuleParams::new(c);
            params.min_lift = self.min_lift;
            params.max_consequent = self.max_consequent;
            params.sort = Measure::Lift;
            params
        })
    }
}

/// Build baskets, and mine them when `mine` is given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasketsJob {
    /// Where the baskets come from.
    pub source: BasketSource,
    /// The search; `None`: only build and report.
    pub mine: Option<MineSettings>,
}

/// A checked [`BasketsJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedBaskets {
    /// The spec.
    pub spec: BasketsJob,
    /// The itemset search, when asked.
    pub mining: Option<MiningParams>,
    /// The rules, when asked.
    pub rules: Option<RuleParams>,
}

impl BasketsJob {
    /// Checks the search's parameters (support, lengths, confidence, lift).
    pub fn check(&self) -> Result<CheckedBaskets> {
        let (mining, rules) = match &self.mine {
            Some(settings) => {
                let mining = settings.mining();
                mining.check()?;
                let rules = settings.rules();
                if let Some(rules) = &rules {
                    rules.check()?;
                }
                settings.companions.check()?;
                (Some(mining), rules)
            }
            None => (None, None),
        };
        Ok(CheckedBaskets {
            spec: self.clone(),
            mining,
            rules,
        })
    }
}

/// The baskets as built.
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
    /// Milliseconds spent building, by the front's clock.
    pub elapsed_ms: f64,
    /// Items that look like placeholders or non-products, with the reason (those already
    /// excluded included), most frequent first.
    #[serde(default)]
    pub suggested: Vec<(String, ExclusionReason)>,
}

/// A search's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mined {
    /// The basket count an itemset needed.
    pub min_count: u64,
    /// Itemsets of the chosen target found.
    pub itemset_count: usize,
    /// Frequent itemsets of every kind (what the rules came from).
    pub frequent_count: usize,
    /// Rules found.
    pub rule_count: usize,
    /// Why the search stopped early, when it did.
    pub partial: Option<StopReason>,
    /// Item names; rules and itemsets refer to items by position in this list.
    pub items: Vec<String>,
    /// The rules by lift.
    pub rules: Vec<Rule>,
    /// Itemsets of the chosen target, most frequent first.
    pub itemsets: Vec<Itemset>,
    /// "Frequently bought together": each product's best companions.
    pub companions: Vec<ItemCompanions>,
    /// Milliseconds of the whole search (itemsets, rules, companions).
    pub elapsed_ms: f64,
    /// Milliseconds finding the frequent itemsets alone.
    pub itemsets_ms: f64,
}

/// What a [`BasketsJob`] produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BasketsOutput {
    /// The spec with the shape and columns used written in.
    pub job: BasketsJob,
    /// The baskets.
    pub prepared: Prepared,
    /// The search's results, when asked.
    pub mined: Option<Mined>,
}

/// Builds the baskets of `table` (order lines or a 0/1 matrix); `bytes` gives the file
/// again when it holds one basket per line.
pub fn build<E: From<Error>>(
    source: &BasketSource,
    table: &Table,
    bytes: impl FnOnce() -> std::result::Result<Vec<u8>, E>,
    clock: &dyn Clock,
) -> std::result::Result<(Transactions, Prepared), E> {
    let started = clock.now_seconds();
    let (tx, report) = build_from_table(table, bytes, &source.options())?;
    Ok(prepared(tx, report, started, clock)?)
}

/// [`build`] for a table whose understanding the caller keeps (the app keeps one per
/// loaded file, with the user's corrections): the corrections decide the source
/// ([`BasketSource::understood`]), and detection reads `understanding` instead of
/// understanding the table a second time.
pub fn build_understood<E: From<Error>>(
    source: &BasketSource,
    table: &Table,
    understanding: &Understanding,
    bytes: impl FnOnce() -> std::result::Result<Vec<u8>, E>,
    clock: &dyn Clock,
) -> std::result::Result<(Transactions, Prepared), E> {
    let started = clock.now_seconds();
    let options = BuildOptions {
        understanding: Some(understanding.clone()),
        ..source.understood(understanding, table).options()
    };
    let (tx, report) = build_from_table(table, bytes, &options)?;
    Ok(prepared(tx, report, started, clock)?)
}

/// Builds the baskets of a file's bytes, read as `read` says (what the CLI does).
pub fn build_bytes(
    source: &BasketSource,
    bytes: &[u8],
    read: &ReadOptions,
    clock: &dyn Clock,
) -> Result<(Transactions, Prepared)> {
    let started = clock.now_seconds();
    let options = BuildOptions {
        read: read.clone(),
        ..source.options()
    };
    let (tx, report) = build_baskets(bytes, &options)?;
    prepared(tx, report, started, clock)
}

fn prepared(
    tx: Transactions,
    report: BuildReport,
    started: f64,
    clock: &dyn Clock,
) -> Result<(Transactions, Prepared)> {
    if tx.is_empty() {
        return Err(Error::not_enough(Counted::Baskets, 1, 0));
    }
    // What was excluded was suggested too: keep it on the list so the control shows it.
    let mut suggested: Vec<(String, ExclusionReason)> = report
        .excluded
        .iter()
        .filter(|e| e.baskets > 0)
        .filter_map(|e| exclusion_reason(&e.name).map(|r| (e.name.clone(), r)))
        .collect();
    suggested.extend(suggest_exclusions(&tx, &report.unpriced_items));
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
        elapsed_ms: (clock.now_seconds() - started) * 1000.0,
        suggested,
    };
    Ok((tx, prepared))
}

/// Mines built baskets as the checked job says (nothing when it asks for no search).
pub fn mine(
    job: &CheckedBaskets,
    tx: &Transactions,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<Option<Mined>> {
    let (Some(mining), Some(settings)) = (&job.mining, &job.spec.mine) else {
        return Ok(None);
    };
    let started = clock.now_seconds();
    // Rules need every frequent itemset's count, whatever target is reported.
    let all = mine_itemsets(tx, mining, progress)?;
    let itemsets_ms = (clock.now_seconds() - started) * 1000.0;
    // The itemset search reported as [`Stage::Mine`]; rules and companions are one more
    // stage, so a front's bar does not sit at 100 % while they are derived.
    progress.report(Stage::Rules, 0, 1);
    let rules = match &job.rules {
        Some(params) => rules_from_itemsets(tx, &all, params)?.rules,
        None => Vec::new(),
    };
    let companions = companions(tx, &all, &settings.companions)?;
    progress.report(Stage::Rules, 1, 1);
    let frequent_count = all.itemsets.len();
    let (mut itemsets, partial) = if settings.target == ItemsetKind::All {
        (all.itemsets, all.partial)
    } else {
        let mut target = mining.clone();
        target.target = settings.target;
        let found = mine_itemsets(tx, &target, progress)?;
        (found.itemsets, found.partial.or(all.partial))
    };
    itemsets.sort_by(|a, b| b.count.cmp(&a.count).then(a.items.cmp(&b.items)));
    Ok(Some(Mined {
        min_count: all.min_count,
        itemset_count: itemsets.len(),
        frequent_count,
        rule_count: rules.len(),
        partial,
        items: tx.items.clone(),
        rules,
        itemsets,
        companions,
        elapsed_ms: (clock.now_seconds() - started) * 1000.0,
        itemsets_ms,
    }))
}

/// Builds the baskets of `table` and mines them.
pub fn run<E: From<Error>>(
    job: &CheckedBaskets,
    table: &Table,
    bytes: impl FnOnce() -> std::result::Result<Vec<u8>, E>,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> std::result::Result<BasketsOutput, E> {
    let (tx, prepared) = build(&job.spec.source, table, bytes, clock)?;
    Ok(finish(job, &tx, prepared, progress, clock)?)
}

/// Builds the baskets of `table` as [`build_understood`] does and mines them (the app's
/// path: its loaded table comes with an understanding).
pub fn run_understood<E: From<Error>>(
    job: &CheckedBaskets,
    table: &Table,
    understanding: &Understanding,
    bytes: impl FnOnce() -> std::result::Result<Vec<u8>, E>,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> std::result::Result<BasketsOutput, E> {
    let (tx, prepared) = build_understood(&job.spec.source, table, understanding, bytes, clock)?;
    Ok(finish(job, &tx, prepared, progress, clock)?)
}

/// Builds the baskets of a file's bytes and mines them (the CLI's path).
pub fn run_bytes(
    job: &CheckedBaskets,
    bytes: &[u8],
    read: &ReadOptions,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<BasketsOutput> {
    let (tx, prepared) = build_bytes(&job.spec.source, bytes, read, clock)?;
    finish(job, &tx, prepared, progress, clock)
}

fn finish(
    job: &CheckedBaskets,
    tx: &Transactions,
    prepared: Prepared,
    progress: &mut dyn Progress,
    clock: &dyn Clock,
) -> Result<BasketsOutput> {
    let mined = mine(job, tx, progress, clock)?;
    Ok(BasketsOutput {
        job: BasketsJob {
            source: job.spec.source.filled(&prepared.report),
            mine: job.spec.mine.clone(),
        },
        prepared,
        mined,
    })
}

/// Baskets listed by number (from 1) with their items.
pub type NumberedBaskets = Vec<(usize, Vec<String>)>;

/// The baskets that hold all of `items`: how many, and the first `limit` of them as
/// (basket number from 1, its items).
pub fn baskets_with(
    tx: &Transactions,
    items: &[String],
    limit: usize,
) -> Result<(usize, NumberedBaskets)> {
    let mut ids = Vec::with_capacity(items.len());
    for name in items {
        let id =
            tx.items.iter().position(|i| i == name).ok_or_else(|| {
                Error::invalid_parameter("item", name, crate::Allowed::ItemOfData)
            })?;
        ids.push(id as u32);
    }
    ids.sort_unstable();
    let found = BasketIndex::new(tx).baskets_with(&ids);
    let baskets = found
        .iter()
        .take(limit)
        .map(|&b| {
            let names = tx.baskets[b as usize]
                .iter()
                .map(|&i| tx.items[i as usize].clone())
                .collect();
            (b as usize + 1, names)
        })
        .collect();
    Ok((found.len(), baskets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basket::mine_rules;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::read_bytes;

    const GROCERIES: &[u8] = include_bytes!("../../../../testdata/arules-groceries/groceries.csv");
    const RETAIL: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv"
    );

    fn job(json: &str) -> BasketsJob {
        serde_json::from_str(json).unwrap()
    }

    /// A file whose headers name nothing the builder knows: once the user marks the
    /// slip column as the order and the thing column as the item on the Data page, the
    /// Baskets page builds one basket per slip from them.
    #[test]
    fn corrections_of_the_understanding_decide_the_baskets() {
        use crate::schema::{understand, ColumnRole, Override};
        let csv = "Slip,Thing,Units\nT1,tea,2\nT1,cup,1\nT2,tea,1\nT3,jam,1\nT3,tea,3\nT3,cup,1\n";
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let mut u = understand(&table);
        let open = BasketSource::default();
        assert_eq!(open.understood(&u, &table), open, "nothing corrected");
        for (column, role) in [(0, ColumnRole::Order), (1, ColumnRole::Item)] {
            u.apply_override(&table, &Override::Role { column, role });
        }
        u.apply_override(
            &table,
            &Override::Shape {
                shape: Shape::OrderLines,
            },
        );
        let source = open.understood(&u, &table);
        assert_eq!(source.shape, Some(BasketShape::OrderLines));
        assert_eq!(source.basket_columns, ["Slip"]);
        assert_eq!(source.item_column.as_deref(), Some("Thing"));
        let (tx, prepared) =
            build(&source, &table, || Ok::<_, Error>(Vec::new()), &FrozenClock).unwrap();
        assert_eq!(tx.len(), 3);
        assert_eq!(prepared.report.shape, BasketShape::OrderLines);
        // Columns the user gives on the Baskets page win over the understanding.
        let given = BasketSource {
            item_column: Some("Units".into()),
            ..BasketSource::default()
        };
        assert_eq!(given.understood(&u, &table), given);
    }

    /// The app keeps the loaded table's understanding: building with it reads that
    /// understanding instead of computing one again. An understanding whose suggested
    /// item column differs from what `understand` finds proves which one was read.
    #[test]
    fn a_kept_understanding_is_read_not_computed_again() {
        use crate::schema::understand;
        let table = read_bytes(RETAIL, &ReadOptions::default()).unwrap();
        let open = BasketSource::default();
        let none = || Ok::<_, Error>(Vec::new());
        let (_, own) = build(&open, &table, none, &FrozenClock).unwrap();
        assert_eq!(own.report.item_column.as_deref(), Some("Description"));

        let mut kept = understand(&table);
        let (_, same) = build_understood(&open, &table, &kept, none, &FrozenClock).unwrap();
        assert_eq!(
            same, own,
            "the table's own understanding builds the same baskets"
        );

        let stock_code = table.column_index("StockCode").unwrap();
        kept.suggested.item_column = Some(stock_code);
        assert!(!kept.has_choices());
        let (_, read) = build_understood(&open, &table, &kept, none, &FrozenClock).unwrap();
        assert_eq!(read.report.item_column.as_deref(), Some("StockCode"));
        assert!(read.report.detected);
    }

    /// Mining through [`run_understood`] gives the job and numbers [`run`] gives.
    #[test]
    fn run_understood_mines_as_run_does() {
        use crate::schema::understand;
        let table = read_bytes(RETAIL, &ReadOptions::default()).unwrap();
        let checked = job(r#"{"mine": {"min_support": {"Count": 5}, "min_confidence": 0.5}}"#)
            .check()
            .unwrap();
        let none = || Ok::<_, Error>(Vec::new());
        let plain = run(&checked, &table, none, &mut Silent, &FrozenClock).unwrap();
        let kept = understand(&table);
        let understood =
            run_understood(&checked, &table, &kept, none, &mut Silent, &FrozenClock).unwrap();
        assert_eq!(understood, plain);
        assert!(plain.mined.as_ref().unwrap().rule_count > 0);
    }

    /// On every basket-bearing file of the understanding corpus, the builder's own
    /// detection (what runs when the user corrected nothing) finds the shape and columns
    /// the understanding suggests, so the Data page and the Baskets page never disagree.
    #[test]
    fn detection_agrees_with_the_understanding() {
        use crate::schema::understand_bytes;
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/understanding");
        let expected: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
        let mut checked = 0;
        let mut problems = Vec::new();
        for (name, what) in expected.as_object().unwrap() {
            let shape = what.get("shape").and_then(|s| s.as_str());
            if !matches!(shape, Some("order_lines" | "basket_matrix")) {
                continue;
            }
            let bytes = std::fs::read(dir.join(name)).unwrap();
            let understood = understand_bytes(&bytes, &ReadOptions::default()).unwrap();
            let (u, table) = (
                &understood.understanding,
                understood.table.as_ref().unwrap(),
            );
            let built = build(
                &BasketSource::default(),
                table,
                || Ok::<_, Error>(bytes.clone()),
                &FrozenClock,
            );
            let report = match built {
                Ok((_, prepared)) => prepared.report,
                Err(e) => {
                    problems.push(format!("{name}: {e}"));
                    continue;
                }
            };
            checked += 1;
            let names = |list: &[usize]| -> Vec<String> {
                list.iter()
                    .map(|&i| table.column(i).name().to_string())
                    .collect()
            };
            let expected_shape = match u.shape {
                Shape::OrderLines => BasketShape::OrderLines,
                _ => BasketShape::OneHot,
            };
            if report.shape != expected_shape {
                problems.push(format!(
                    "{name}: built {:?}, understood {:?}",
                    report.shape, u.shape
                ));
            } else if report.shape == BasketShape::OrderLines {
                let item = u
                    .suggested
                    .item_column
                    .map(|i| table.column(i).name().to_string());
                if report.basket_columns != names(&u.suggested.basket_columns)
                    || report.item_column != item
                {
                    problems.push(format!(
                        "{name}: built {:?}/{:?}, understood {:?}/{:?}",
                        report.basket_columns,
                        report.item_column,
                        names(&u.suggested.basket_columns),
                        item
                    ));
                }
            }
        }
        assert!(checked >= 10, "only {checked} files checked");
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// A job with only a support reads its defaults, mines the same itemsets and rules as
    /// the kernels called directly, and round-trips through JSON with the detected shape.
    #[test]
    fn basket_lines_mine_as_the_kernels_do() {
        let spec = job(r#"{"mine": {"min_support": {"Fraction": 0.01}, "min_confidence": 0.3}}"#);
        let settings = spec.mine.clone().unwrap();
        assert_eq!(settings.algorithm, Algorithm::FpGrowth);
        assert_eq!(settings.max_consequent, 1);
        let out = run_bytes(
            &spec.check().unwrap(),
            GROCERIES,
            &ReadOptions::default(),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert_eq!(out.job.source.shape, Some(BasketShape::LinePerBasket));
        let (tx, _) = build_baskets(GROCERIES, &BuildOptions::default()).unwrap();
        assert_eq!(out.prepared.report.baskets, 9835);
        let mined = out.mined.as_ref().unwrap();
        let direct_sets = mine_itemsets(&tx, &settings.mining(), &mut Silent).unwrap();
        let direct_rules = mine_rules(
            &tx,
            &settings.mining(),
            &settings.rules().unwrap(),
            &mut Silent,
        )
        .unwrap();
        assert_eq!(mined.itemset_count, direct_sets.itemsets.len());
        assert_eq!(mined.rule_count, direct_rules.rules.len());
        assert_eq!(mined.rule_count, 125);
        let text = serde_json::to_string(&crate::jobs::Job::Baskets(out.job.clone())).unwrap();
        let back: crate::jobs::Job = serde_json::from_str(&text).unwrap();
        assert_eq!(back, crate::jobs::Job::Baskets(out.job));
    }

    /// Order lines from the table (the tab's path) and from the bytes (the CLI's path) give
    /// the same baskets and counts, and the filled spec names the columns detected.
    #[test]
    fn order_lines_from_table_and_bytes_agree() {
        let spec = job(r#"{"mine": {"min_support": {"Count": 5}, "min_confidence": 0.5}}"#);
        let checked = spec.check().unwrap();
        let table = read_bytes(RETAIL, &ReadOptions::default()).unwrap();
        let from_table = run(
            &checked,
            &table,
            || Ok::<_, Error>(RETAIL.to_vec()),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        let from_bytes = run_bytes(
            &checked,
            RETAIL,
            &ReadOptions::default(),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert_eq!(from_table.job.source.shape, Some(BasketShape::OrderLines));
        assert_eq!(from_table.job.source.basket_columns, vec!["InvoiceNo"]);
        assert_eq!(
            from_table.prepared.report.baskets,
            from_bytes.prepared.report.baskets
        );
        let (a, b) = (from_table.mined.unwrap(), from_bytes.mined.unwrap());
        assert_eq!(a.itemset_count, b.itemset_count);
        assert_eq!(a.rule_count, b.rule_count);
        assert!(a.rule_count > 0);
        // The filled spec rebuilds the same baskets with nothing left to detect.
        let again = run_bytes(
            &from_table.job.check().unwrap(),
            RETAIL,
            &ReadOptions::default(),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert_eq!(again.mined.unwrap().rule_count, a.rule_count);
    }

    /// A bad support or confidence is refused before any work, naming the field.
    #[test]
    fn check_names_the_bad_field() {
        let bad = job(r#"{"mine": {"min_support": {"Fraction": 1.5}}}"#);
        assert!(bad.check().unwrap_err().to_string().contains("min_support"));
        let bad = job(r#"{"mine": {"min_confidence": 2.0}}"#);
        assert!(bad
            .check()
            .unwrap_err()
            .to_string()
            .contains("min_confidence"));
        let bad = job(r#"{"mine": {"max_consequent": 0, "min_confidence": 0.5}}"#);
        assert!(bad
            .check()
            .unwrap_err()
            .to_string()
            .contains("max_consequent"));
        assert!(job("{}").check().unwrap().mining.is_none());
    }

    /// Regression: on the bakery data `{NONE, Tartine} → Coffee` led the rules. A job
    /// that excludes the suggested placeholder keeps it out of every rule and companion
    /// list, and its JSON (what `shoplens run` reads) carries the exclusion and the
    /// companion floors.
    #[test]
    fn excluded_placeholders_stay_out_of_a_rerun() {
        const BAKERY: &[u8] = include_bytes!("../../../../testdata/basket-quirks/bakery_none.csv");
        let search = r#""mine": {"min_support": {"Fraction": 0.05}, "min_confidence": 0.5}"#;
        let plain = job(&format!("{{{search}}}"));
        let out = run_bytes(
            &plain.check().unwrap(),
            BAKERY,
            &ReadOptions::default(),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert_eq!(
            out.prepared.suggested,
            [("NONE".to_string(), ExclusionReason::Placeholder)]
        );
        let mined = out.mined.unwrap();
        let names = |m: &Mined, r: &Rule| -> Vec<String> {
            r.antecedent
                .iter()
                .chain(&r.consequent)
                .map(|&i| m.items[i as usize].clone())
                .collect()
        };
        assert!(mined
            .rules
            .iter()
            .any(|r| names(&mined, r).contains(&"NONE".to_string())));

        let spec = job(&format!(
            r#"{{"source": {{"exclude_items": ["NONE"]}}, {search}}}"#
        ));
        let text = serde_json::to_string(&crate::jobs::Job::Baskets(spec)).unwrap();
        let crate::jobs::Job::Baskets(spec) = serde_json::from_str(&text).unwrap() else {
            panic!("not a baskets job: {text}");
        };
        assert_eq!(
            spec.mine.as_ref().unwrap().companions,
            CompanionParams::default()
        );
        let out = run_bytes(
            &spec.check().unwrap(),
            BAKERY,
            &ReadOptions::default(),
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        assert_eq!(out.job.source.exclude_items, Some(vec!["NONE".to_string()]));
        let mined = out.mined.unwrap();
        assert!(!mined.rules.is_empty());
        for rule in &mined.rules {
            assert!(!names(&mined, rule).contains(&"NONE".to_string()));
        }
        assert!(mined
            .companions
            .iter()
            .all(|l| l.name != "NONE" && l.companions.iter().all(|c| c.name != "NONE")));
    }

    /// The baskets behind a rule are found by item name.
    #[test]
    fn baskets_with_items() {
        let (tx, _) = build_baskets(GROCERIES, &BuildOptions::default()).unwrap();
        let items = ["whole milk".to_string(), "yogurt".to_string()];
        let (total, first) = baskets_with(&tx, &items, 3).unwrap();
        assert!(total > 500);
        assert_eq!(first.len(), 3);
        assert!(first[0].1.contains(&items[0]));
        assert!(baskets_with(&tx, &["no such".into()], 3).is_err());
    }
}
