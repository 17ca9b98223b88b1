//! Text columns stored as a dictionary: each distinct value once, one `u32` code per row.
//!
//! A merchant's text columns repeat a few thousand values (products, countries, invoice
//! numbers) over a million rows. Holding a `String` per row cost one allocation per cell,
//! which dominated reading time in the browser (wasm's allocator is slow); the codes also
//! make counting values (profiles, baskets, one-hot encoding) a vector index instead of a
//! hash per row. Written by hand because the interning is five lines over `rustc-hash`, and
//! the arrow-style crates that do this pull in far more than a browser bundle should carry.

use crate::short_key::short_key;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Index;

/// The values of a text column, dictionary-encoded. Codes are given in order of first
/// appearance, so the dictionary lists values in the order the file first uses them.
#[derive(Debug, Clone, Default)]
pub struct TextValues {
    codes: Vec<u32>,
    dictionary: Vec<String>,
}

impl TextValues {
    /// An empty column with room for `rows` values.
    pub fn with_capacity(rows: usize) -> TextValues {
        TextValues {
            codes: Vec::with_capacity(rows),
            dictionary: Vec::new(),
        }
    }

    /// Builds the store from values in row order.
    pub fn from_values<'a>(values: impl IntoIterator<Item = &'a str>) -> TextValues {
        let mut builder = TextBuilder::default();
        for value in values {
            builder.push(value);
        }
        builder.finish()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Row `row`'s value.
    pub fn get(&self, row: usize) -> &str {
        &self.dictionary[self.codes[row] as usize]
    }

    /// Values in row order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        self.codes
            .iter()
            .map(|&c| self.dictionary[c as usize].as_str())
    }

    /// One code per row, indexing [`TextValues::dictionary`].
    pub fn codes(&self) -> &[u32] {
        &self.codes
    }

    /// The distinct values (including the empty string when a row holds it), by code.
    pub fn dictionary(&self) -> &[String] {
        &self.dictionary
    }
}

impl Index<usize> for TextValues {
    type Output = str;

    fn index(&self, row: usize) -> &str {
        self.get(row)
    }
}

/// Equal when every row holds the same value (codes may differ).
impl PartialEq for TextValues {
    fn eq(&self, other: &TextValues) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl FromIterator<String> for TextValues {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> TextValues {
        let mut builder = TextBuilder::default();
        for value in iter {
            builder.push_owned(value);
        }
        builder.finish()
    }
}

/// Appends values one at a time, interning each.
#[derive(Debug, Default)]
pub struct TextBuilder {
    /// Codes of values of up to 15 bytes, by [`short_key`] (nearly all values).
    short: FxHashMap<u128, u32>,
    /// Codes of longer values.
    lookup: FxHashMap<String, u32>,
    values: TextValues,
}

impl TextBuilder {
    /// A builder with room for `rows` values.
    pub fn with_capacity(rows: usize) -> TextBuilder {
        TextBuilder {
            short: FxHashMap::default(),
            lookup: FxHashMap::default(),
            values: TextValues::with_capacity(rows),
        }
    }

    /// Appends `value`.
    pub fn push(&mut self, value: &str) {
        self.push_cow(Cow::Borrowed(value));
    }

    /// Appends `value`, reusing its buffer when the value is new.
    pub fn push_owned(&mut self, value: String) {
        self.push_cow(Cow::Owned(value));
    }

    /// Appends `value`, interning it when it is new (its key is computed once).
    fn push_cow(&mut self, value: Cow<'_, str>) {
        let key = short_key(&value);
        let known = match key {
            Some(key) => self.short.get(&key),
            None => self.lookup.get(value.as_ref()),
        };
        let code = match known {
            Some(&code) => code,
            None => {
                // More than u32::MAX distinct values would need a file over the 4 GiB read
                // limit.
                let code = self.values.dictionary.len() as u32;
                let value = value.into_owned();
                match key {
                    Some(key) => {
                        self.short.insert(key, code);
                    }
                    None => {
                        self.lookup.insert(value.clone(), code);
                    }
                }
                self.values.dictionary.push(value);
                code
            }
        };
        self.values.codes.push(code);
    }

    /// The finished store.
    pub fn finish(self) -> TextValues {
        self.values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_values_intern_alike() {
        // Values on both sides of the 15-byte packed keys, pushed borrowed and owned.
        let long = "WHITE HANGING HEART T-LIGHT HOLDER";
        let values = [
            "85123A",
            long,
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "",
            "85123A",
            long,
            "abcdefghijklmnop",
            "abcdefghijklmno",
        ];
        let mut borrowed = TextBuilder::with_capacity(0);
        let mut owned = TextBuilder::with_capacity(0);
        for v in values {
            borrowed.push(v);
            owned.push_owned(v.to_string());
        }
        let (borrowed, owned) = (borrowed.finish(), owned.finish());
        assert_eq!(borrowed.codes(), [0, 1, 2, 3, 4, 0, 1, 3, 2]);
        assert_eq!(borrowed, owned);
        assert_eq!(borrowed.iter().collect::<Vec<_>>(), values);
    }

    #[test]
    fn interns_in_order_of_first_use() {
        let t = TextValues::from_values(["tea", "cup", "tea", "", "cup"]);
        assert_eq!(t.len(), 5);
        assert_eq!(t.dictionary(), ["tea", "cup", ""]);
        assert_eq!(t.codes(), [0, 1, 0, 2, 1]);
        assert_eq!(&t[2], "tea");
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            ["tea", "cup", "tea", "", "cup"]
        );
        let owned: TextValues = ["tea", "cup", "tea", "", "cup"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(owned, t);
        assert_ne!(TextValues::from_values(["tea"]), t);
    }
}
