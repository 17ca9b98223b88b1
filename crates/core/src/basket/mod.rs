//! Market-basket analysis: transactions, frequent itemsets and association rules.
//!
//! [`Transactions`] is the hand-over point: the Data page (or the CLI) builds it with
//! [`build_baskets`] from one basket per line, `.dat` files, order lines or one-hot
//! matrices; the miners read it.
//!
//! [`mine_itemsets`] finds frequent itemsets with FP-Growth (default), Apriori or Eclat,
//! which give identical results; the counts match pyfim 6.28 (Borgelt) and mlxtend 0.25
//! exactly on the reference data (see `testdata/fixtures/basket_*`). Searches run inside a
//! [`Budget`] and stop with a partial result rather than exhaust a browser tab.
//! [`mine_rules`] builds association rules with nine interest measures ([`Measure`]);
//! [`frequently_bought_together`] gives each product its best companions; [`export`] writes
//! CSV (Excel-safe) and JSON.
//!
//! ```
//! use shoplens_core::basket::{mine_rules, MinSupport, MiningParams, RuleParams, Transactions};
//! use shoplens_core::progress::Silent;
//! let tx = Transactions::from_lines("A,B,C\nA,D\nB,C,D\nA,B,D\nA,C\n", ',');
//! let mining = MiningParams::new(MinSupport::Fraction(0.4)); // count >= ceil(0.4 × 5) = 2
//! let rules = mine_rules(&tx, &mining, &RuleParams::new(0.6), &mut Silent)?;
//! // Confidence 2/3 each: B → A, C → A, D → A (lift 0.83), and B → C, C → B, B → D,
//! // D → B (lift 0.4 / (0.6 × 0.6) = 1.11), which rank first.
//! assert_eq!(rules.rules.len(), 7);
//! assert!((rules.rules[0].measures.lift - 0.4 / (0.6 * 0.6)).abs() < 1e-12);
//! # Ok::<(), shoplens_core::Error>(())
//! ```
//!
//! References: Han, Pei & Yin (2000) for FP-Growth, Agrawal & Srikant (1994) for Apriori
//! and rule generation, Zaki (2000) for Eclat; conventions and measures follow pyfim
//! (Borgelt) and mlxtend, whose outputs the tests compare against.

mod apriori;
mod build;
mod closed;
mod companions;
mod detect;
mod eclat;
mod exclude;
pub mod export;
mod fp_growth;
mod index;
mod itemsets;
mod lines;
mod measures;
mod params;
mod recode;
mod rules;
mod sink;
mod transactions;

pub use build::{
    build_baskets, build_from_table, from_lines, from_one_hot, from_order_lines, BasketShape,
    BuildOptions, BuildReport, CancelReason, Cancellations, Removed,
};
pub use companions::{
    companions, frequently_bought_together, Companion, CompanionParams, ItemCompanions,
    COMPANION_MIN_COUNT,
};
pub use detect::{
    group_by_suggestions, guess_order_lines, is_binary, is_invoice_name, not_baskets,
    one_hot_layout, understood_columns, OneHotLayout, OrderLines, ShapeReason,
};
pub use exclude::{
    certain_non_product, exclusion_reason, suggest_exclusions, Exclusion, ExclusionReason,
    MOST_BASKETS,
};
pub use index::BasketIndex;
pub use itemsets::{estimate, mine_itemsets, stop_message, Estimate, Itemset, Itemsets};
pub use measures::{Measure, Measures, MEASURES};
pub use params::{Algorithm, Appearance, Budget, ItemsetKind, MinSupport, MiningParams, Side};
pub use rules::{mine_rules, rules_from_itemsets, sort_rules, Rule, RuleParams, Rules};
pub use sink::StopReason;
pub use transactions::Transactions;

#[cfg(test)]
mod tests;
