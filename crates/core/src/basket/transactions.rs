//! Baskets stored sparsely with dictionary-encoded items.

use crate::trim::trim;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A set of baskets. Items are dictionary-encoded: `items[id]` is the name of item `id`;
/// each basket is a sorted list of distinct item ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Transactions {
    /// Item names, indexed by item id.
    pub items: Vec<String>,
    /// Each basket: sorted, distinct item ids.
    pub baskets: Vec<Vec<u32>>,
    /// Revenue of each basket, when the baskets came from order lines with prices.
    pub revenue: Option<Vec<f64>>,
}

impl Transactions {
    /// Builds transactions from baskets of item names. Names are trimmed; empty names are
    /// dropped; repeats inside a basket count once. Returns the transactions and how many
    /// repeated items were removed.
    pub fn from_named<I, B, S>(baskets: I) -> (Transactions, usize)
    where
        I: IntoIterator<Item = B>,
        B: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut items: Vec<String> = Vec::new();
        let mut out: Vec<Vec<u32>> = Vec::new();
        let mut duplicates = 0;
        // One buffer for every basket; each basket then gets an allocation of its exact size.
        let mut encoded: Vec<u32> = Vec::new();
        for basket in baskets {
            encoded.clear();
            for name in basket {
                let name = trim(name.as_ref());
                if name.is_empty() {
                    continue;
                }
                let id = match ids.get(name) {
                    Some(&id) => id,
                    None => {
                        let id = items.len() as u32;
                        items.push(name.to_string());
                        ids.insert(name.to_string(), id);
                        id
                    }
                };
                encoded.push(id);
            }
            encoded.sort_unstable();
            let before = encoded.len();
            encoded.dedup();
            duplicates += before - encoded.len();
            out.push(encoded.to_vec());
        }
        (
            Transactions {
                items,
                baskets: out,
                revenue: None,
            },
            duplicates,
        )
    }

    /// Number of baskets.
    pub fn len(&self) -> usize {
        self.baskets.len()
    }

    /// Whether there are no baskets.
    pub fn is_empty(&self) -> bool {
        self.baskets.is_empty()
    }

    /// Number of distinct items.
    pub fn n_items(&self) -> usize {
        self.items.len()
    }

    /// Mean number of items per basket.
    pub fn mean_basket_size(&self) -> f64 {
        if self.baskets.is_empty() {
            return 0.0;
        }
        self.baskets.iter().map(Vec::len).sum::<usize>() as f64 / self.baskets.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_dedups() {
        let t = Transactions::from_lines("milk, bread ,milk\n\nbread\n", ',');
        assert_eq!(t.len(), 2);
        assert_eq!(t.items, ["milk", "bread"]);
        assert_eq!(t.baskets, [vec![0, 1], vec![1]]);
        assert!((t.mean_basket_size() - 1.5).abs() < 1e-12);
    }

    #[test]
    fn quoted_names_are_one_item() {
        let t = Transactions::from_lines("\"milk, whole\",bread\nbread\n", ',');
        assert_eq!(t.items, ["milk, whole", "bread"]);
        assert_eq!(t.baskets, [vec![0, 1], vec![1]]);
    }

    #[test]
    fn lines_read_as_named_baskets_do() {
        // Unicode spaces (ideographic, no-break), CRLF, tabs, blank and whitespace-only
        // lines, empty fields, one-byte names and repeats: the fast path must agree with
        // splitting lines and trimming every name.
        let text = "\u{3000}牛奶 ,面包\r\n\n \t \r\nA,,b\u{a0},A\n\u{3000}\nx\n,\n\tc\t,d";
        let fast = Transactions::from_lines(text, ',');
        let lines = text.lines().filter(|l| !l.trim().is_empty());
        let (slow, _) = Transactions::from_named(lines.map(|l| l.split(',')));
        assert_eq!(fast, slow);
        assert_eq!(fast.items, ["牛奶", "面包", "A", "b", "x", "c", "d"]);
        assert_eq!(fast.len(), 5);
    }

    #[test]
    fn packed_names_are_told_apart() {
        // Names of 1 to 20 bytes sharing prefixes (the 15-byte packed keys and the text
        // keys), names that differ only past byte 15, a name ending the text (the short
        // window at the end), space- and tab-separated files, and `.dat`-style numbers.
        let names: Vec<String> = (1..=20)
            .map(|n| "abcdefghijklmnopqrstuvwxyz"[..n].to_string())
            .collect();
        let mut text = String::new();
        for (i, _) in names.iter().enumerate() {
            let basket: Vec<&str> = names
                .iter()
                .skip(i)
                .step_by(3)
                .map(String::as_str)
                .collect();
            text.push_str(&basket.join(","));
            text.push('\n');
        }
        text.push_str("abcdefghijklmnopX,abcdefghijklmnopY,abcdefghijklmnoX,abc");
        for separator in [',', ' ', '\t'] {
            let text = text.replace(',', &separator.to_string());
            let fast = Transactions::from_lines(&text, separator);
            let lines = text.lines().filter(|l| !l.trim().is_empty());
            let (slow, _) = Transactions::from_named(lines.map(|l| l.split(separator)));
            assert_eq!(fast, slow, "separated by {separator:?}");
            assert_eq!(fast.n_items(), 23);
        }
        let dat = "1 2 3\n10 2 100\n  \n3 1 01\n";
        let fast = Transactions::from_lines(dat, ' ');
        assert_eq!(fast.items, ["1", "2", "3", "10", "100", "01"]);
        assert_eq!(fast.baskets, [vec![0, 1, 2], vec![1, 3, 4], vec![0, 2, 5]]);
    }
}
