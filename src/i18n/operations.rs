//! Texts of the Operations page, in Simplified Chinese and English (same pattern as the parent
//! module: one key, both languages side by side, a test that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the Operations page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationText {
    /// The page's heading.
    Title,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: OperationText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

fn pair(key: OperationText) -> (&'static str, &'static str) {
    use OperationText::*;
    match key {
        Title => ("运营优化", "Operations"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key; add new keys here too.
    const ALL: [OperationText; 1] = [OperationText::Title];

    #[test]
    fn every_text_exists_in_both_languages() {
        for key in ALL {
            let (zh, en) = pair(key);
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{key:?}: {zh}"
            );
        }
    }
}
