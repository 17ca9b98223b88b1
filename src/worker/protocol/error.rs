//! Errors as they cross the worker boundary ([`WireError`]): both languages of a core
//! error, or of a failure of the browser itself.

use serde::{Deserialize, Serialize};
use shoplens_core::{Error, Lang};

/// An error as it crosses the worker boundary: its message in both languages, so the page
/// renders it in whatever language is current when (or after) it arrives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireError {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl WireError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// A failure of the browser itself (a worker that did not start, a file the browser
    /// could not read), described in both languages.
    pub fn browser(zh: &str, en: &str, detail: &str) -> WireError {
        WireError {
            zh: format!("{zh}：{detail}"),
            en: format!("{en}: {detail}"),
        }
    }
}

/// Lets a job's `?` turn a core error into the wire form.
impl From<Error> for WireError {
    fn from(error: Error) -> WireError {
        WireError::from(&error)
    }
}

impl From<&Error> for WireError {
    fn from(error: &Error) -> WireError {
        WireError {
            zh: error.message(Lang::Zh),
            en: error.message(Lang::En),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shoplens_core::ErrorKind;

    #[test]
    fn errors_carry_both_languages() {
        let wire = WireError::from(&Error::new(ErrorKind::EmptyFile));
        assert_eq!(
            wire.message(Lang::En),
            "The file is empty: it has no bytes at all."
        );
        assert_eq!(wire.message(Lang::Zh), "文件是空的：没有任何内容。");
    }
}
