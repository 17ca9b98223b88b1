//! One piece of a result's long lists ([`Chunk`]), the message a worker sends ahead of a
//! result with long lists, and its borrowed twin ([`ChunkRef`]) for writing. How results
//! are cut into chunks and put together again is in [`super::lists`].

use serde::{Deserialize, Serialize};
use shoplens_core::basket::Itemset;

use super::rule_list::{RuleList, RuleSlice};

/// Entries per chunk. Parsing a chunk of 5,000 rules (measures included) took up to 90 ms
/// of the page's thread on a busy 2-core machine; half that keeps each well inside the
/// 100 ms a task may take.
pub const CHUNK_LEN: usize = 2_500;

/// Consecutive entries of one long list of a result, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "list", content = "entries", rename_all = "snake_case")]
pub enum Chunk {
    /// Rules of a basket search ([`super::baskets::Mined::rules`]).
    Rules(RuleList),
    /// Itemsets of a basket search ([`super::baskets::Mined::itemsets`]).
    Itemsets(Vec<Itemset>),
}

/// A [`Chunk`] borrowed from a result, written exactly as the chunk is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "list", content = "entries", rename_all = "snake_case")]
pub enum ChunkRef<'a> {
    /// Rules of a basket search.
    Rules(RuleSlice<'a>),
    /// Itemsets of a basket search.
    Itemsets(&'a [Itemset]),
}
