//! One basket per line: the one splitter behind [`Transactions::from_lines`] and the
//! builder's basket-line shape.
//!
//! Fields follow CSV quoting: a field whose first visible character is `"` runs to the
//! next lone `"` (a doubled `""` is one quote, separators and line breaks inside are
//! part of the name), so `"milk, whole",bread` is the items `milk, whole` and `bread`.
//! A quote anywhere else is an ordinary character (`5" pipe`). Names are trimmed.
//!
//! A blank line is not a basket (files end with one, and editors add them). A line with a
//! field but no item (`,` or `""`) is an empty basket: it counts in the number of
//! baskets, as pyfim and mlxtend count an empty transaction.
//!
//! Written for speed (groceries is read in a few milliseconds): fields end at the
//! separator, a line break or a quote, found by one SIMD search; names of up to 15 bytes
//! are interned as one packed integer, without hashing their text.

use super::Transactions;
use crate::short_key::{short_key, short_key_at};
use crate::trim::{is_blank, trim};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// What reading basket lines counted besides the baskets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LineCounts {
    /// Lines read as baskets (blank lines excluded).
    pub(crate) rows: usize,
    /// Empty fields between separators (not counted for whitespace separators, where a
    /// run of spaces is one separator).
    pub(crate) blank_items: usize,
    /// Items repeated within a basket (counted once).
    pub(crate) duplicate_items: usize,
    /// Lines with no item (kept as empty baskets).
    pub(crate) empty_baskets: usize,
}

/// Reads one basket per line, items separated by `separator`.
pub(crate) fn read_lines(text: &str, separator: char) -> (Transactions, LineCounts) {
    let mut reader = Reader::new(text, separator);
    reader.run();
    let Reader {
        items,
        baskets,
        counts,
        ..
    } = reader;
    (
        Transactions {
            items,
            baskets,
            revenue: None,
        },
        counts,
    )
}

/// The unescaped content of a quoted field whose opening quote ends at `start`, and the
/// byte after its closing quote (the end of the text when it is not closed).
fn read_quoted(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut content = String::new();
    let mut from = start;
    loop {
        match memchr::memchr(b'"', &bytes[from..]) {
            Some(i) => {
                let quote = from + i;
                content.push_str(&text[from..quote]);
                if bytes.get(quote + 1) == Some(&b'"') {
                    content.push('"');
                    from = quote + 2;
                } else {
                    return (content, quote + 1);
                }
            }
            None => {
                content.push_str(&text[from..]);
                return (content, bytes.len());
            }
        }
    }
}

/// The reading state: the dictionary, the baskets built and the counts.
struct Reader<'a> {
    text: &'a str,
    separator: Vec<u8>,
    separator_is_blank: bool,
    quoting: bool,
    /// Names of up to 15 bytes, by their packed key.
    short: FxHashMap<u128, u32>,
    /// Longer names, by their text.
    long: FxHashMap<Cow<'a, str>, u32>,
    items: Vec<String>,
    baskets: Vec<Vec<u32>>,
    counts: LineCounts,
    /// The current line's item ids.
    encoded: Vec<u32>,
    /// Whether the current line has a field (a name, a separator or a quote).
    visible: bool,
    /// Empty fields of the current line.
    blanks: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, separator: char) -> Reader<'a> {
        let mut buffer = [0u8; 4];
        Reader {
            text,
            separator: separator.encode_utf8(&mut buffer).as_bytes().to_vec(),
            separator_is_blank: separator.is_whitespace(),
            quoting: separator != '"',
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            items: Vec::new(),
            baskets: Vec::with_capacity(text.len() / 64 + 1),
            counts: LineCounts::default(),
            encoded: Vec::new(),
            visible: false,
            blanks: 0,
        }
    }

    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let first = self.separator[0];
        let mut field_start = 0;
        let mut search = 0;
        // A quoted field read so far: its content and where its closing quote ended.
        let mut quoted: Option<(String, usize)> = None;
        loop {
            let hit = memchr::memchr3(first, b'\n', b'"', &bytes[search..])
                .map_or(bytes.len(), |i| i + search);
            let byte = bytes.get(hit).copied();
            if byte == Some(b'"') && self.quoting && first != b'"' {
                if quoted.is_none() && is_blank(&text[field_start..hit]) {
                    let (content, end) = read_quoted(text, hit + 1);
                    quoted = Some((content, end));
                    search = end;
                } else {
                    search = hit + 1;
                }
                continue;
            }
            if byte == Some(first) && !bytes[hit..].starts_with(&self.separator) {
                // The first byte of a multi-byte separator that is not the separator.
                search = hit + 1;
                continue;
            }
            let at_separator = byte.is_some() && byte != Some(b'\n');
            match quoted.take() {
                Some((mut content, end)) => {
                    content.push_str(&text[end..hit]);
                    self.visible = true;
                    let name = trim(&content);
                    if name.is_empty() {
                        self.blanks += 1;
                    } else {
                        let owned = name.to_string();
                        self.push_owned(owned);
                    }
                }
                None => {
                    let name = trim(&text[field_start..hit]);
                    if !name.is_empty() {
                        self.visible = true;
                        self.push_borrowed(name);
                    } else if !self.separator_is_blank && (at_separator || self.visible) {
                        self.visible = true;
                        self.blanks += 1;
                    }
                }
            }
            if !at_separator {
                self.end_line();
                if byte.is_none() {
                    return;
                }
                field_start = hit + 1;
            } else {
                field_start = hit + self.separator.len();
            }
            search = field_start;
        }
    }

    /// A name that is a slice of the text: looked up by its packed key when short.
    fn push_borrowed(&mut self, name: &'a str) {
        let next = self.items.len() as u32;
        let offset = name.as_ptr() as usize - self.text.as_ptr() as usize;
        let id = *match short_key_at(self.text.as_bytes(), offset, name.len()) {
            Some(key) => self.short.entry(key).or_insert(next),
            None => self.long.entry(Cow::Borrowed(name)).or_insert(next),
        };
        if id == next {
            self.items.push(name.to_string());
        }
        self.encoded.push(id);
    }

    /// A name unescaped from a quoted field.
    fn push_owned(&mut self, name: String) {
        let next = self.items.len() as u32;
        let id = match short_key(&name) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => match self.long.get(name.as_str()) {
                Some(&id) => id,
                None => {
                    self.long.insert(Cow::Owned(name.clone()), next);
                    next
                }
            },
        };
        if id == next {
            self.items.push(name);
        }
        self.encoded.push(id);
    }

    fn end_line(&mut self) {
        if self.visible {
            self.counts.rows += 1;
            self.counts.blank_items += self.blanks;
            if self.encoded.len() > 1 {
                self.encoded.sort_unstable();
                let before = self.encoded.len();
                self.encoded.dedup();
                self.counts.duplicate_items += before - self.encoded.len();
            }
            if self.encoded.is_empty() {
                self.counts.empty_baskets += 1;
            }
            self.baskets.push(self.encoded.to_vec());
        }
        self.encoded.clear();
        self.visible = false;
        self.blanks = 0;
    }
}

impl Transactions {
    /// Reads one basket per line, items separated by `separator`, with CSV quoting
    /// (`"milk, whole",bread` is two items). Blank lines are skipped; a line with fields
    /// but no item is an empty basket; names are trimmed and empty ones dropped, as in
    /// [`Transactions::from_named`]. The builder's basket-line shape reads through the
    /// same splitter. (Written here, beside the splitter, so that `transactions` needs
    /// nothing from this module.)
    pub fn from_lines(text: &str, separator: char) -> Transactions {
        read_lines(text, separator).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &Transactions) -> Vec<Vec<&str>> {
        t.baskets
            .iter()
            .map(|b| {
                let mut n: Vec<&str> = b.iter().map(|&i| t.items[i as usize].as_str()).collect();
                n.sort_unstable();
                n
            })
            .collect()
    }

    #[test]
    fn quoted_names_keep_their_separators() {
        let text =
            "\"milk, whole\",bread\n bread , \"say \"\"hi\"\"\" ,\"5\"\" pipe\"\n5\" pipe,x\n";
        let (t, c) = read_lines(text, ',');
        assert_eq!(
            names(&t),
            [
                vec!["bread", "milk, whole"],
                vec!["5\" pipe", "bread", "say \"hi\""],
                vec!["5\" pipe", "x"],
            ]
        );
        assert_eq!(c.rows, 3);
        // A quoted name may span lines, as in CSV.
        let (t, _) = read_lines("\"a\nb\",c\nd\n", ',');
        assert_eq!(names(&t), [vec!["a\nb", "c"], vec!["d"]]);
    }

    #[test]
    fn blank_lines_are_not_baskets_but_empty_ones_are() {
        let (t, c) = read_lines("a,b\n\n  \n,\n\"\"\na,,b,a\n", ',');
        assert_eq!(t.len(), 4);
        assert_eq!(names(&t), [vec!["a", "b"], vec![], vec![], vec!["a", "b"]]);
        assert_eq!(
            c,
            LineCounts {
                rows: 4,
                blank_items: 4,
                duplicate_items: 1,
                empty_baskets: 2
            }
        );
    }

    #[test]
    fn multi_byte_separators() {
        let (t, _) = read_lines("牛奶，面包\n“x”，面包\n", '，');
        assert_eq!(names(&t), [vec!["牛奶", "面包"], vec!["“x”", "面包"]]);
    }
}
