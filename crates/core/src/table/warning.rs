//! What the reader noticed but did not stop for: every repair is listed, so nothing
//! changes silently.

use super::{DataType, DateOrder};
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
    /// A column of numbers under a date header was read as Excel serial dates.
    ExcelSerialDates {
        /// Column name.
        column: String,
        /// Its first value as written.
        value: String,
        /// That value as a date (`2021-01-01` or `2021-01-01 12:00:00`).
        date: String,
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
    /// The file mixes UTF-8 lines with GB18030 (GBK) lines; each line was decoded in its own
    /// encoding. Read as one encoding, the other kind of line would have been garbled.
    MixedEncodings {
        /// Lines with non-ASCII text in UTF-8.
        utf8_count: usize,
        /// The first of them (line numbers).
        utf8_lines: Vec<u64>,
        /// Lines with non-ASCII text in GB18030.
        gb18030_count: usize,
        /// The first of them.
        gb18030_lines: Vec<u64>,
    },
    /// A quote opened a field that never closes: the rest of the file became one field.
    UnclosedQuote {
        /// Line where the quote opened.
        line: u64,
        /// The file's last line, where the field ends.
        last_line: u64,
    },
    /// A column of numbers (or dates) has a few cells that are not: they are held as
    /// missing and listed here.
    BadCells {
        /// Column name.
        column: String,
        /// The column's type.
        dtype: DataType,
        /// How many cells do not fit.
        count: usize,
        /// The first of them (at most 5): line and value as written.
        cells: Vec<(u64, String)>,
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
            (ExcelSerialDates { column, value, date }, Lang::En) => format!(
                "Column \"{column}\" holds numbers under a date header: read as Excel serial dates (\"{value}\" is {date}). Choose the number type to keep them as numbers."
            ),
            (ExcelSerialDates { column, value, date }, Lang::Zh) => format!(
                "列“{column}”的列名是日期而值是数字：按 Excel 序列日期读取（“{value}”即 {date}）。如需保留数字，请把该列类型改为数字。"
            ),
            (MixedDateFormats { column, line, value }, Lang::En) => format!(
                "Column \"{column}\" writes dates in more than one form, e.g. \"{value}\" on line {line}."
            ),
            (MixedDateFormats { column, line, value }, Lang::Zh) => format!(
                "列“{column}”的日期有多种写法，例如第 {line} 行的“{value}”。"
            ),
            (MixedEncodings { utf8_count, utf8_lines, gb18030_count, gb18030_lines }, Lang::En) => format!(
                "The file mixes encodings: {utf8_count} line(s) in UTF-8 (lines {}) and {gb18030_count} in GBK/GB18030 (lines {}). Each line was read in its own encoding; read as one, the others would be garbled.",
                list_lines(utf8_lines, *utf8_count),
                list_lines(gb18030_lines, *gb18030_count)
            ),
            (MixedEncodings { utf8_count, utf8_lines, gb18030_count, gb18030_lines }, Lang::Zh) => format!(
                "文件混用了编码：{utf8_count} 行是 UTF-8（第 {} 行），{gb18030_count} 行是 GBK/GB18030（第 {} 行）。已按各行自己的编码读取；若按同一种编码读取，另一种行会变成乱码。",
                list_lines(utf8_lines, *utf8_count),
                list_lines(gb18030_lines, *gb18030_count)
            ),
            (UnclosedQuote { line, last_line }, Lang::En) => format!(
                "A quote opened on line {line} never closes: lines {line}–{last_line} were read as one field. Check that line."
            ),
            (UnclosedQuote { line, last_line }, Lang::Zh) => format!(
                "第 {line} 行的引号没有闭合：第 {line}–{last_line} 行被读成了一个字段。请检查该行。"
            ),
            (BadCells { column, dtype, count, cells }, lang) => {
                let listed: Vec<String> = cells
                    .iter()
                    .map(|(line, value)| match lang {
                        Lang::En => format!("line {line}: \"{value}\""),
                        Lang::Zh => format!("第 {line} 行：“{value}”"),
                    })
                    .collect();
                match lang {
                    Lang::En => format!(
                        "Column \"{column}\" is read as {} but {count} cell(s) are not ({}); they count as missing.",
                        dtype.label(lang),
                        listed.join(", ")
                    ),
                    Lang::Zh => format!(
                        "列“{column}”按{}读取，但有 {count} 个单元格不是（{}）；按缺失值处理。",
                        dtype.label(lang),
                        listed.join("，")
                    ),
                }
            }
        }
    }
}

/// Line numbers as `2, 5, 9` with `…` when more exist than are listed.
fn list_lines(lines: &[u64], count: usize) -> String {
    let mut text = lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if count > lines.len() {
        text.push_str(", …");
    }
    text
}
