//! Long lists of a result in pieces, so that no single task of the page parses or writes
//! them whole.
//!
//! A basket search returns up to 50,000 rules and 50,000 itemsets. Sent as one message,
//! that is megabytes of JSON that the page parsed in a single task (431 ms measured, the
//! page frozen all along). So the worker takes those lists out of the result with
//! [`split`] and posts them first, as [`Chunk`]s of at most [`CHUNK_LEN`] entries, one
//! message each, then the result itself without them. Each message event is a task of its
//! own: the page parses a chunk as it arrives, gathers the chunks of a job in an
//! [`Assembly`], and puts the lists back ([`Assembly::complete`]) before anyone sees the
//! result. The session's results file keeps a result in the same shape (the result
//! without its lists, then the chunks), written a chunk at a time from [`pieces`], which
//! borrows the lists instead of copying them.
//!
//! Only a search's rules and itemsets travel this way today; another long list would add a
//! [`Chunk`] variant and an arm in [`split`], [`pieces`] and [`Assembly`].

use std::borrow::Cow;
use std::sync::Arc;

use shoplens_core::basket::{Itemset, Rule};

use super::baskets::{BasketOutput, Mined};
use super::chunk::{Chunk, ChunkRef};
use super::messages::Output;
use super::rule_list::{RuleList, RuleSlice};

/// Takes the long lists out of `output`, leaving them empty, and returns them as chunks of
/// at most `len` entries, in order (none for outputs without long lists).
pub fn split(output: &mut Output, len: usize) -> Vec<Chunk> {
    let Output::Baskets(BasketOutput::Mined(mined)) = output else {
        return Vec::new();
    };
    // The worker holds the only reference: this copies nothing.
    let mined = Arc::make_mut(mined);
    let baskets = mined.rules.baskets;
    let rules = in_runs(std::mem::take(&mut mined.rules.rules), len)
        .map(|rules| Chunk::Rules(RuleList { baskets, rules }));
    let itemsets = in_runs(std::mem::take(&mut mined.itemsets), len).map(Chunk::Itemsets);
    rules.chain(itemsets).collect()
}

/// `items` in consecutive runs of at most `len` (at least one per run).
fn in_runs<T>(items: Vec<T>, len: usize) -> impl Iterator<Item = Vec<T>> {
    let len = len.max(1);
    let mut items = items.into_iter().peekable();
    std::iter::from_fn(move || {
        items.peek()?;
        Some(items.by_ref().take(len).collect())
    })
}

/// What [`split`] would make of `output`, without changing or copying its lists: the
/// output without them, and the chunks borrowed from it.
pub fn pieces(output: &Output, len: usize) -> (Cow<'_, Output>, Vec<ChunkRef<'_>>) {
    let Output::Baskets(BasketOutput::Mined(mined)) = output else {
        return (Cow::Borrowed(output), Vec::new());
    };
    let len = len.max(1);
    let rest = Output::Baskets(BasketOutput::Mined(Arc::new(mined.without_lists())));
    let baskets = mined.rules.baskets;
    let rules = mined
        .rules
        .chunks(len)
        .map(|rules| ChunkRef::Rules(RuleSlice { baskets, rules }));
    let itemsets = mined.itemsets.chunks(len).map(ChunkRef::Itemsets);
    (Cow::Owned(rest), rules.chain(itemsets).collect())
}

/// The chunks of one result gathered so far, in arrival order.
#[derive(Debug, Default)]
pub struct Assembly {
    rules: Vec<Rule>,
    itemsets: Vec<Itemset>,
}

impl Assembly {
    /// Appends `chunk` to its list.
    pub fn add(&mut self, chunk: Chunk) {
        match chunk {
            Chunk::Rules(list) => self.rules.extend(list.rules),
            Chunk::Itemsets(itemsets) => self.itemsets.extend(itemsets),
        }
    }

    /// Appends the gathered lists to those of `output` (emptied by [`split`]). Chunks that
    /// do not belong to `output`'s kind are dropped: they can only come from another
    /// version of the worker.
    pub fn complete(self, output: &mut Output) {
        if self.rules.is_empty() && self.itemsets.is_empty() {
            return;
        }
        if let Output::Baskets(BasketOutput::Mined(mined)) = output {
            let mined: &mut Mined = Arc::make_mut(mined);
            mined.rules.rules.extend(self.rules);
            mined.itemsets.extend(self.itemsets);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::protocol::baskets::tests::searched;

    fn lists(output: &Output) -> (&[Rule], &[Itemset]) {
        match output {
            Output::Baskets(BasketOutput::Mined(m)) => (&m.rules, &m.itemsets),
            _ => panic!("not a search"),
        }
    }

    /// Split, sent as JSON message by message and put together again, a result is the
    /// one the worker had: every rule and itemset, in order, and nothing else changed.
    #[test]
    fn a_split_result_comes_back_whole() {
        let original = searched();
        let (rules, itemsets) = lists(&original);
        assert!(rules.len() > 100 && itemsets.len() > 100);
        let mut rest = original.clone();
        let chunks = split(&mut rest, 40);
        assert_eq!(lists(&rest), (&[][..], &[][..]));
        let expected = rules.len().div_ceil(40) + itemsets.len().div_ceil(40);
        assert_eq!(chunks.len(), expected);
        for chunk in &chunks {
            let len = match chunk {
                Chunk::Rules(list) => list.len(),
                Chunk::Itemsets(list) => list.len(),
            };
            assert!((1..=40).contains(&len), "{len}");
        }

        let mut assembly = Assembly::default();
        for chunk in &chunks {
            let text = serde_json::to_string(chunk).unwrap();
            assembly.add(serde_json::from_str(&text).unwrap());
        }
        let text = serde_json::to_string(&rest).unwrap();
        let mut back: Output = serde_json::from_str(&text).unwrap();
        assembly.complete(&mut back);
        assert_eq!(back, original);
    }

    /// The borrowed pieces are written exactly as the chunks `split` makes, and leave the
    /// result untouched.
    #[test]
    fn pieces_are_written_as_chunks_are() {
        let original = searched();
        let (rest, borrowed) = pieces(&original, 64);
        let mut split_rest = original.clone();
        let owned = split(&mut split_rest, 64);
        assert_eq!(*rest, split_rest);
        assert_eq!(borrowed.len(), owned.len());
        for (b, o) in borrowed.iter().zip(&owned) {
            assert_eq!(
                serde_json::to_string(b).unwrap(),
                serde_json::to_string(o).unwrap()
            );
        }
        assert!(lists(&original).0.len() > 100);
    }

    /// Outputs without long lists pass through whole, and an assembly with nothing in it
    /// leaves a result (for instance one stored whole by an earlier version) as it is.
    #[test]
    fn other_outputs_are_not_split() {
        let mut spec = Output::Spec { json: "{}".into() };
        assert!(split(&mut spec, 10).is_empty());
        assert!(pieces(&spec, 10).1.is_empty());
        let original = searched();
        let mut same = original.clone();
        Assembly::default().complete(&mut same);
        assert_eq!(same, original);
    }
}
