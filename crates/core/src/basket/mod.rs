//! Market-basket analysis: transactions, frequent itemsets and association rules.
//!
//! [`Transactions`] is the hand-over point: the Data page (or the CLI) builds it with
//! [`build_baskets`] from one basket per line, `.dat` files, order lines or one-hot
//! matrices; the miners read it.

mod build;
mod transactions;

pub use build::{
    build_baskets, from_lines, from_one_hot, from_order_lines, guess_order_lines, BasketShape,
    BuildOptions, BuildReport, OrderLines, Removed,
};
pub use transactions::Transactions;
