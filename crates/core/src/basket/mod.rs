//! Market-basket analysis: transactions, frequent itemsets and association rules.
//!
//! [`Transactions`] is the hand-over point: the Data page (or the CLI) builds it from one
//! basket per line, `.dat` files or order lines; the miners read it.

mod transactions;

pub use transactions::Transactions;
