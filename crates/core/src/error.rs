//! One error type for every kernel, whose message exists in Chinese and English.
//!
//! Modelled on rust-csv's `Error(Box<ErrorKind>)`: the kind enum is `#[non_exhaustive]`, each
//! variant says what went wrong with the offending value and, whenever it is known, where
//! (1-based row as a spreadsheet shows it, column name). [`Error::message`] renders it in the
//! user's language; `Display` renders English (for logs and the CLI's default).

use crate::Lang;
use std::fmt;

/// A `Result` whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An error a merchant can act on.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<ErrorKind>);

/// What went wrong. Rows are 1-based line numbers of the file as a text editor shows them
/// (the header is line 1) unless a variant says otherwise.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input has no bytes at all.
    EmptyFile,
    /// The input has a header but no data rows.
    NoDataRows,
    /// The bytes are not text in any encoding we read (for example an image renamed `.csv`).
    NotText {
        /// What the bytes look like, if recognised (for example `"PNG image"`).
        looks_like: Option<String>,
    },
    /// The bytes are not valid in the chosen encoding.
    Encoding {
        /// The encoding that was tried (WHATWG name).
        encoding: String,
        /// Byte offset of the first invalid sequence.
        byte: u64,
    },
    /// A malformed line of delimited text.
    Csv {
        /// Line number (1-based).
        line: u64,
        /// What the reader said.
        detail: String,
    },
    /// A row with a different number of fields from the header.
    RaggedRow {
        /// Line number (1-based).
        line: u64,
        /// Fields the header has.
        expected: usize,
        /// Fields this row has.
        found: usize,
    },
    /// A value that does not fit its column's type.
    BadValue {
        /// Line number (1-based).
        line: u64,
        /// Column name.
        column: String,
        /// The value as written in the file.
        value: String,
        /// The type expected, in English (`"integer"`, `"date"`...).
        expected: String,
    },
    /// A column the user named does not exist.
    MissingColumn {
        /// The name asked for.
        name: String,
        /// The columns that do exist.
        available: Vec<String>,
    },
    /// A parameter outside its allowed range.
    InvalidParameter {
        /// Parameter name as the user sees it (for example `min_support`).
        name: String,
        /// The value given.
        value: String,
        /// What is allowed, in English.
        expected: String,
    },
    /// Not enough data for the analysis.
    NotEnoughData {
        /// What is being counted (for example `"rows"`, `"baskets"`).
        what: String,
        /// How many are needed.
        needed: usize,
        /// How many there are.
        found: usize,
    },
    /// The input is larger than the stated limit.
    TooLarge {
        /// Size in bytes.
        bytes: u64,
        /// Limit in bytes.
        limit: u64,
    },
    /// The user cancelled the computation.
    Cancelled,
    /// A file format this reader does not know or cannot parse (model JSON, TSPLIB...).
    Format {
        /// What kind of file was expected.
        format: String,
        /// Where and what, in English.
        detail: String,
    },
    /// A limit no plan can meet: even the smallest plan needs more than was allowed (an
    /// inventory budget or warehouse capacity below what every product's smallest order
    /// ties up).
    Infeasible {
        /// Which limit, as the parameter is named (`budget`, `capacity`).
        limit: String,
        /// The limit given.
        given: f64,
        /// The least the smallest plan needs.
        minimum: f64,
    },
    /// A table that holds no baskets: not order lines, not one basket per line, not a 0/1
    /// matrix. Names the columns that could be grouped into baskets.
    NotBaskets {
        /// Every column of the table.
        columns: Vec<String>,
        /// Columns whose values repeat, which could identify a basket (with a date).
        group_by: Vec<String>,
        /// Text columns that could name the items.
        items: Vec<String>,
    },
}

impl Error {
    /// Wraps a kind.
    pub fn new(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }

    /// The kind of error.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Shorthand for [`ErrorKind::InvalidParameter`].
    pub fn invalid_parameter(
        name: impl Into<String>,
        value: impl fmt::Display,
        expected: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::InvalidParameter {
            name: name.into(),
            value: value.to_string(),
            expected: expected.into(),
        })
    }

    /// Shorthand for [`ErrorKind::NotEnoughData`].
    pub fn not_enough(what: impl Into<String>, needed: usize, found: usize) -> Error {
        Error::new(ErrorKind::NotEnoughData {
            what: what.into(),
            needed,
            found,
        })
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use ErrorKind::*;
        match (&*self.0, lang) {
            (EmptyFile, Lang::En) => "The file is empty: it has no bytes at all.".into(),
            (EmptyFile, Lang::Zh) => "文件是空的：没有任何内容。".into(),
            (NoDataRows, Lang::En) => "The file has a header but no data rows.".into(),
            (NoDataRows, Lang::Zh) => "文件只有表头，没有数据行。".into(),
            (NotText { looks_like }, Lang::En) => match looks_like {
                Some(kind) => format!(
                    "This is not a text table: it looks like a {kind}. Export the data as CSV or XLSX."
                ),
                None => "This is not a text table (it contains binary data). Export the data as CSV or XLSX.".into(),
            },
            (NotText { looks_like }, Lang::Zh) => match looks_like {
                Some(kind) => format!("这不是文本表格：它看起来是{}。请将数据导出为 CSV 或 XLSX。", zh_kind(kind)),
                None => "这不是文本表格（包含二进制数据）。请将数据导出为 CSV 或 XLSX。".into(),
            },
            (Encoding { encoding, byte }, Lang::En) => format!(
                "The file is not valid {encoding} text (first bad byte at offset {byte}). Choose another encoding."
            ),
            (Encoding { encoding, byte }, Lang::Zh) => format!(
                "文件不是有效的 {encoding} 文本（第一个错误字节位于偏移 {byte}）。请选择其他编码。"
            ),
            (Csv { line, detail }, Lang::En) => format!("Line {line}: {detail}."),
            (Csv { line, detail }, Lang::Zh) => format!("第 {line} 行：{detail}。"),
            (RaggedRow { line, expected, found }, Lang::En) => format!(
                "Line {line} has {found} fields but the header has {expected}. Drop such rows or pad them."
            ),
            (RaggedRow { line, expected, found }, Lang::Zh) => format!(
                "第 {line} 行有 {found} 个字段，但表头有 {expected} 个。可以删除或补齐这些行。"
            ),
            (BadValue { line, column, value, expected }, Lang::En) => format!(
                "Line {line}, column \"{column}\": \"{value}\" is not a valid {expected}."
            ),
            (BadValue { line, column, value, expected }, Lang::Zh) => format!(
                "第 {line} 行，列“{column}”：“{value}”不是有效的{}。",
                zh_type(expected)
            ),
            (MissingColumn { name, available }, Lang::En) => format!(
                "There is no column \"{name}\". Columns: {}.",
                available.join(", ")
            ),
            (MissingColumn { name, available }, Lang::Zh) => format!(
                "没有名为“{name}”的列。现有列：{}。",
                available.join("，")
            ),
            (InvalidParameter { name, value, expected }, Lang::En) => {
                format!("{name} = {value} is not allowed: expected {expected}.")
            }
            (InvalidParameter { name, value, expected }, Lang::Zh) => {
                format!("参数 {name} = {value} 不可用：应为 {}。", zh_expected(expected))
            }
            (NotEnoughData { what, needed, found }, Lang::En) => {
                format!("Not enough data: this needs at least {needed} {what}, the data has {found}.")
            }
            (NotEnoughData { what, needed, found }, Lang::Zh) => {
                format!("数据不足：至少需要 {needed} 个{}，现有 {found} 个。", zh_what(what))
            }
            (TooLarge { bytes, limit }, Lang::En) => format!(
                "The file is {} but the limit here is {}. Use the shoplens command-line tool for files this big.",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
            (TooLarge { bytes, limit }, Lang::Zh) => format!(
                "文件大小为 {}，超过此处上限 {}。如此大的文件请使用 shoplens 命令行工具。",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
            (Cancelled, Lang::En) => "Cancelled.".into(),
            (Cancelled, Lang::Zh) => "已取消。".into(),
            (Format { format, detail }, Lang::En) => format!("Not a valid {format} file: {detail}."),
            (Format { format, detail }, Lang::Zh) => format!("不是有效的 {format} 文件：{detail}。"),
            (Infeasible { limit, given, minimum }, Lang::En) => format!(
                "{limit} = {} cannot be met: even the smallest plan (no safety stock, one minimum order per product) needs {}. Raise the {limit} to at least {} or leave it empty.",
                round_2(*given), round_2(*minimum), round_2(*minimum)
            ),
            (Infeasible { limit, given, minimum }, Lang::Zh) => format!(
                "{} = {} 无法满足：即使最小的方案（不留安全库存、每个商品只订一次最小订货量）也需要 {}。请把{}提高到至少 {}，或留空。",
                zh_limit(limit), round_2(*given), round_2(*minimum), zh_limit(limit), round_2(*minimum)
            ),
            (NotBaskets { columns, group_by, items }, Lang::En) => format!(
                "This table does not hold baskets: it has no invoice/order column with an item column, and it is neither one basket per line nor a 0/1 matrix. Choose the column(s) that group rows into baskets{} and the item column{}. Columns: {}.",
                if group_by.is_empty() { String::new() } else { format!(" (for example {})", group_by.join(" + ")) },
                if items.is_empty() { String::new() } else { format!(" (for example {})", items.join(" or ")) },
                columns.join(", ")
            ),
            (NotBaskets { columns, group_by, items }, Lang::Zh) => format!(
                "这张表不是购物篮数据：没有订单/发票号列和商品列，也不是每行一个购物篮或 0/1 矩阵。请选择把行分组为购物篮的列{}和商品列{}。现有列：{}。",
                if group_by.is_empty() { String::new() } else { format!("（例如 {}）", group_by.join(" + ")) },
                if items.is_empty() { String::new() } else { format!("（例如 {}）", items.join(" 或 ")) },
                columns.join("，")
            ),
        }
    }
}

/// Sizes as people read them: `84.0 MB`, `2.0 GB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn zh_type(expected: &str) -> &str {
    match expected {
        "integer" => "整数",
        "decimal" | "number" => "数字",
        "boolean" => "布尔值",
        "date" | "datetime" | "date/time" => "日期",
        "text" => "文本",
        "product sold at a positive price at least once" => "商品（至少要有一次以正价格售出）",
        other => other,
    }
}

fn zh_what(what: &str) -> &str {
    match what {
        "rows" => "行",
        "baskets" => "购物篮",
        "columns" => "列",
        "customers" => "客户",
        "observations" | "points" => "观测值",
        "classes" => "类别",
        "stops" => "站点",
        other => other,
    }
}

/// The Chinese of the `expected` phrases parameters use (bounds, ranges, model families,
/// dates, lists of choices); other text is shown as it is.
fn zh_expected(expected: &str) -> String {
    let e = expected.trim();
    if let Some(n) = e.strip_prefix("at least ") {
        return format!("至少 {n}");
    }
    if let Some(n) = e.strip_prefix("at most ") {
        return format!("至多 {n}");
    }
    if let Some(list) = e.strip_prefix("one of ") {
        return format!("以下之一：{list}");
    }
    if let Some(list) = e.strip_prefix("a classification model ") {
        return format!("分类模型{}", list.replace('(', "（").replace(')', "）"));
    }
    if let Some(list) = e.strip_prefix("a regression model ") {
        return format!("回归模型{}", list.replace('(', "（").replace(')', "）"));
    }
    match e {
        "between 0 and 1 (exclusive)" => "0 到 1 之间（不含 0 和 1）".into(),
        "0, or between 0 and 1 (exclusive)" => "0，或 0 到 1 之间（不含 0 和 1）".into(),
        "a date YYYY-MM-DD" => "日期 YYYY-MM-DD".into(),
        "the name of the column to predict" => "要预测的列名".into(),
        "columns other than the target" => "目标列以外的列".into(),
        "a finite number" => "有限的数值".into(),
        other => other.to_string(),
    }
}

/// A number with at most two decimals, without trailing zeros.
fn round_2(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn zh_limit(limit: &str) -> &str {
    match limit {
        "budget" => "预算",
        "capacity" => "仓储容量",
        other => other,
    }
}

fn zh_kind(kind: &str) -> &str {
    match kind {
        "PNG image" => "PNG 图片",
        "JPEG image" => "JPEG 图片",
        "GIF image" => "GIF 图片",
        "PDF document" => "PDF 文档",
        "ZIP archive" => "ZIP 压缩包",
        other => other,
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_place_in_both_languages() {
        let e = Error::new(ErrorKind::BadValue {
            line: 12,
            column: "Sales".into(),
            value: "abc".into(),
            expected: "decimal".into(),
        });
        assert_eq!(
            e.message(Lang::En),
            "Line 12, column \"Sales\": \"abc\" is not a valid decimal."
        );
        assert_eq!(
            e.message(Lang::Zh),
            "第 12 行，列“Sales”：“abc”不是有效的数字。"
        );
    }

    #[test]
    fn sizes_are_human() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(84_000_000), "84.0 MB");
        assert_eq!(human_bytes(2_000_000_000), "2.0 GB");
    }
}
