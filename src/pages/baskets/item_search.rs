//! Item search by whole names: the rules table's and the companion list's search box.
//!
//! A query matches an item when, ignoring case, it is the item's whole name, or each of
//! its words is a whole word of the name. Substrings do not count: in Online Retail the
//! stock code "39" would otherwise find every rule with "3991", "23915"…, thousands of
//! rules the user did not ask for. Words are split on anything that is not a letter or a
//! digit, so "jumbo bag" finds "JUMBO BAG RED RETROSPOT" and "牛奶" finds the item "牛奶"
//! (a Chinese name without spaces is one word, so only the whole name matches it).

/// The lower-case words of `text`, split on anything that is not a letter or a digit.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A search query: its whole text and its words, lower case.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ItemQuery {
    whole: String,
    words: Vec<String>,
}

impl ItemQuery {
    /// The query typed.
    pub(crate) fn new(text: &str) -> ItemQuery {
        ItemQuery {
            whole: text.trim().to_lowercase(),
            words: words(text),
        }
    }

    /// Whether nothing was typed (everything matches).
    pub(crate) fn is_empty(&self) -> bool {
        self.whole.is_empty()
    }

    /// Whether one item's name matches the whole query.
    pub(crate) fn matches(&self, name: &str) -> bool {
        if self.is_empty() || name.trim().to_lowercase() == self.whole {
            return true;
        }
        if self.words.is_empty() {
            return false;
        }
        let name_words = words(name);
        self.words.iter().all(|w| name_words.contains(w))
    }

    /// Whether query word `word` (an index into the query's words) is a whole word or the
    /// whole name of `name` — for rules, where each word may be in a different item.
    pub(crate) fn word_matches(&self, word: usize, name: &str) -> bool {
        let Some(w) = self.words.get(word) else {
            return false;
        };
        words(name).contains(w)
    }

    /// The query's words.
    pub(crate) fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The whole query, lower case.
    pub(crate) fn whole(&self) -> &str {
        &self.whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_names_and_words_match_substrings_do_not() {
        let cases: &[(&str, &str, bool)] = &[
            ("39", "39", true),
            ("39", "3991", false),
            ("39", "23915", false),
            ("milk", "whole milk", true),
            ("MILK", "Whole Milk", true),
            ("mil", "whole milk", false),
            ("jumbo bag", "JUMBO BAG RED RETROSPOT", true),
            ("bag jumbo", "JUMBO BAG RED RETROSPOT", true),
            ("jumbo bags", "JUMBO BAG RED RETROSPOT", false),
            ("牛奶", "牛奶", true),
            ("牛奶", "纯牛奶", false),
            ("  Coffee ", "coffee", true),
            ("", "anything", true),
        ];
        for &(query, name, want) in cases {
            assert_eq!(
                ItemQuery::new(query).matches(name),
                want,
                "{query:?} ~ {name:?}"
            );
        }
    }
}
