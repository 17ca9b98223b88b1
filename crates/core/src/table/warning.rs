//! What the reader noticed but did not stop for: every repair is listed, so nothing
//! changes silently.

use super::DateOrder;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// What was done with a row whose field count differs from the header's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaggedAction {
    /// Missing fields were added at the end (as missing values).
    Padded,
    /// Extra fields at the end were cut off.
    Truncated,
    /// The row was left out.
    Dropped,
}

/// A repair or a doubt the reader reports. Lines are 1-based as a text editor shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReadWarning {
    /// NUL bytes were removed from the text.
    NulBytes {
        /// How many.
        count: usize,
        /// Line of the first.
        first_line: u64,
    },
    /// A row with the wrong number of fields.
    RaggedRow {
        /// Line number.
        line: u64,
        /// Fields the header has.
        expected: usize,
        /// Fields the row has.
        found: usize,
        /// What was done.
        action: RaggedAction,
    },
    /// More ragged rows than are listed one by one.
    MoreRaggedRows {
        /// How many more.
        count: usize,
    },
    /// The first line holds data, not column names; columns are named `column_1`...
    NoHeader,
    /// A header cell was renamed (empty, or a duplicate).
    HeaderRenamed {
        /// Column position (0-based).
        index: usize,
        /// The name as written (trimmed).
        from: String,
        /// The name given.
        to: String,
    },
    /// Nothing in a date column decided day/month order; this one was assumed.
    AmbiguousDates {
        /// Column name.
        column: String,
        /// The order assumed.
        order: DateOrder,
    },
    /// A date column writes dates in more than one form.
    MixedDateFormats {
        /// Column name.
        column: String,
        /// First line whose form differs from the first date's.
        line: u64,
        /// The value on that line.
        value: String,
    },
}

impl ReadWarning {
    /// The warning in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use ReadWarning::*;
        match (self, lang) {
            (NulBytes { count, first_line }, Lang::En) => {
                format!("Removed {count} NUL byte(s), the first on line {first_line}.")
            }
            (NulBytes { count, first_line }, Lang::Zh) => {
                format!("已删除 {count} 个 NUL 字节，第一个在第 {first_line} 行。")
            }
            (RaggedRow { line, expected, found, action }, Lang::En) => format!(
                "Line {line} has {found} fields, the header {expected}: {}.",
                match action {
                    RaggedAction::Padded => "padded with missing values",
                    RaggedAction::Truncated => "extra fields cut off",
                    RaggedAction::Dropped => "row left out",
                }
            ),
            (RaggedRow { line, expected, found, action }, Lang::Zh) => format!(
                "第 {line} 行有 {found} 个字段，表头有 {expected} 个：{}。",
                match action {
                    RaggedAction::Padded => "已用缺失值补齐",
                    RaggedAction::Truncated => "多余字段已截去",
                    RaggedAction::Dropped => "该行已删除",
                }
            ),
            (MoreRaggedRows { count }, Lang::En) => {
                format!("{count} more rows with the wrong number of fields.")
            }
            (MoreRaggedRows { count }, Lang::Zh) => {
                format!("另有 {count} 行字段数不符。")
            }
            (NoHeader, Lang::En) => {
                "The first line holds data, not column names: columns are named column_1, column_2…".into()
            }
            (NoHeader, Lang::Zh) => "第一行是数据而不是列名：各列命名为 column_1、column_2……".into(),
            (HeaderRenamed { index, from, to }, Lang::En) => {
                if from.is_empty() {
                    format!("Column {} has no name: named \"{to}\".", index + 1)
                } else {
                    format!("Column {} repeats the name \"{from}\": renamed \"{to}\".", index + 1)
                }
            }
            (HeaderRenamed { index, from, to }, Lang::Zh) => {
                if from.is_empty() {
                    format!("第 {} 列没有列名：命名为“{to}”。", index + 1)
                } else {
                    format!("第 {} 列与其他列同名“{from}”：改名为“{to}”。", index + 1)
                }
            }
            (AmbiguousDates { column, order }, lang) => match lang {
                Lang::En => format!(
                    "Column \"{column}\": nothing shows whether dates are day or month first; read as {}.",
                    order.label(lang)
                ),
                Lang::Zh => format!(
                    "列“{column}”：无法从数据判断日期是日在前还是月在前；按{}读取。",
                    order.label(lang)
                ),
            },
            (MixedDateFormats { column, line, value }, Lang::En) => format!(
                "Column \"{column}\" writes dates in more than one form, e.g. \"{value}\" on line {line}."
            ),
            (MixedDateFormats { column, line, value }, Lang::Zh) => format!(
                "列“{column}”的日期有多种写法，例如第 {line} 行的“{value}”。"
            ),
        }
    }
}
