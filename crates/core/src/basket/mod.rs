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

mod apriori;
mod build;
mod closed;
mod eclat;
mod fp_growth;
mod index;
mod itemsets;
mod measures;
mod params;
mod recode;
mod rules;
mod sink;
mod transactions;

pub use build::{
    build_baskets, from_lines, from_one_hot, from_order_lines, guess_order_lines, BasketShape,
    BuildOptions, BuildReport, OrderLines, Removed,
};
pub use index::BasketIndex;
pub use itemsets::{estimate, mine_itemsets, stop_message, Estimate, Itemset, Itemsets};
pub use measures::{Measure, MEASURES};
pub use params::{Algorithm, Appearance, Budget, MinSupport, MiningParams, Side, Target};
pub use rules::{mine_rules, rules_from_itemsets, sort_rules, Rule, RuleParams, Rules};
pub use sink::StopReason;
pub use transactions::Transactions;

#[cfg(test)]
mod tests;
