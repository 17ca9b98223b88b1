//! Why a decision was made, as codes with values: the fronts say them in Chinese or English.

use crate::privacy::PiiKind;
use crate::vocabulary::Concept;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// One reason for a decision about a column or the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Evidence {
    /// The user chose this (an override kept with the session).
    Chosen,
    /// The header names a concept (exactly, or by a word it contains).
    Header {
        /// What it names.
        concept: Concept,
        /// Whether the whole header is the word.
        exact: bool,
    },
    /// The values are dates.
    DateValues,
    /// Numbers in the day range of Excel serial dates under a date-like header, read as
    /// dates by the table reader.
    ExcelSerialDates,
    /// Whole numbers between 1800 and 2200 under a year header: years.
    YearNumbers,
    /// The values count 1, 2, 3… (or 0, 1, 2…) down the rows: a row number.
    RowNumber,
    /// Every present value is different.
    AllDistinct {
        /// How many values.
        count: usize,
    },
    /// Values repeat: ids of something that spans rows.
    Repeats {
        /// Distinct values.
        distinct: usize,
        /// Present values.
        present: usize,
    },
    /// Exactly two values (yes/no, 0/1, true/false).
    TwoValues,
    /// Few distinct values for the number of rows.
    FewValues {
        /// Distinct values.
        distinct: usize,
    },
    /// Long or many-worded text.
    LongText,
    /// The values come in contiguous blocks of a few rows, one block per value: an order's
    /// lines, written together.
    OrderBlocks,
    /// Text with many values, several of them under more than one order: the products.
    ItemAcrossOrders,
    /// Every value is `#` and digits (`#1001`, Shopify's order name), and they repeat.
    HashNumbers,
    /// Every value is different while another column's order ids repeat: a line or
    /// transaction id, not the order.
    LineIds {
        /// The order column whose ids repeat.
        order: usize,
    },
    /// Numbers.
    NumericValues,
    /// The last column, with few values: what such a table is usually about.
    LastColumn,
    /// Values match a personal-data pattern.
    PiiValues {
        /// The kind.
        kind: PiiKind,
        /// Matching sampled values.
        matched: usize,
        /// Sampled values.
        sampled: usize,
    },
    /// File: TSPLIB/CVRPLIB keywords (`TYPE`, `DIMENSION`, `NODE_COORD_SECTION`).
    RouteKeywords,
    /// File: lines of integers with varying counts (FIMI `.dat`).
    IntegerLines {
        /// Lines read.
        lines: usize,
        /// Fewest and most numbers on a line.
        min: usize,
        /// Most numbers on a line.
        max: usize,
    },
    /// File: lines of words with varying counts, the words repeating across lines.
    WordLines {
        /// Lines read.
        lines: usize,
        /// Fewest words on a line.
        min: usize,
        /// Most words on a line.
        max: usize,
    },
    /// File: columns holding only 0 and 1 (or yes/no).
    ZeroOneColumns {
        /// How many.
        count: usize,
        /// Of how many columns.
        of: usize,
    },
    /// File: rows of the 0/1 matrix with no 1 (empty baskets, still counted).
    EmptyRows {
        /// How many.
        count: usize,
    },
    /// File: an id column beside a 0/1 matrix.
    IdColumn {
        /// Its index.
        column: usize,
    },
    /// File: an order column whose ids repeat, and an item column.
    OrderAndItem {
        /// Order column.
        order: usize,
        /// Item column.
        item: usize,
    },
    /// File: a date column at regular steps.
    RegularDates {
        /// The date column.
        column: usize,
        /// Distinct dates.
        dates: usize,
        /// Share of steps equal to the usual one, in percent.
        regular_pct: u32,
    },
}

impl Evidence {
    /// The reason in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        use Evidence::*;
        let zh = lang == Lang::Zh;
        match self {
            Chosen => lang.pick("由你选定", "chosen by you").into(),
            Header { concept, exact } => {
                let c = concept_label(*concept, lang);
                match (zh, exact) {
                    (true, true) => format!("列名即“{c}”"),
                    (true, false) => format!("列名含“{c}”一类的词"),
                    (false, true) => format!("the header names {c}"),
                    (false, false) => format!("the header contains a word for {c}"),
                }
            }
            DateValues => lang.pick("值是日期", "the values are dates").into(),
            ExcelSerialDates => lang
                .pick(
                    "列名像日期，值是 Excel 日期序号",
                    "a date-like header over Excel serial day numbers",
                )
                .into(),
            YearNumbers => lang
                .pick(
                    "列名是年份，值是 1800–2200 的整数",
                    "a year header over whole numbers 1800–2200",
                )
                .into(),
            RowNumber => lang
                .pick(
                    "值按行依次为 1、2、3……（行号）",
                    "the values count 1, 2, 3… down the rows (a row number)",
                )
                .into(),
            AllDistinct { count } => {
                if zh {
                    format!("{count} 个值各不相同")
                } else {
                    format!("all {count} values differ")
                }
            }
            Repeats { distinct, present } => {
                if zh {
                    format!("{present} 个值中只有 {distinct} 个不同（跨行重复）")
                } else {
                    format!("{distinct} distinct among {present} values (they repeat across rows)")
                }
            }
            TwoValues => lang.pick("只有两种值", "exactly two values").into(),
            FewValues { distinct } => {
                if zh {
                    format!("只有 {distinct} 种值")
                } else {
                    format!("only {distinct} distinct values")
                }
            }
            LongText => lang.pick("长文本", "long text").into(),
            OrderBlocks => lang
                .pick(
                    "值按块连续出现，每个值一块，每块几行：同一订单的明细写在一起",
                    "the values come in blocks of a few rows, one block per value: an order's lines written together",
                )
                .into(),
            ItemAcrossOrders => lang
                .pick(
                    "文本取值多，且有的出现在多个订单里：这是商品",
                    "text with many values, some in more than one order: the products",
                )
                .into(),
            HashNumbers => lang
                .pick(
                    "值都是 # 加数字（如 #1001，订单号的写法），且有重复",
                    "every value is # and digits (like #1001, how order numbers are written) and they repeat",
                )
                .into(),
            LineIds { order } => match lang {
                Lang::Zh => format!("每行的值都不同，而第 {} 列的订单号有重复：这是明细编号", order + 1),
                Lang::En => format!(
                    "every value differs while column {}'s order ids repeat: a line id",
                    order + 1
                ),
            },
            NumericValues => lang.pick("值是数字", "the values are numbers").into(),
            LastColumn => lang
                .pick("最后一列且取值少", "the last column, with few values")
                .into(),
            PiiValues {
                kind,
                matched,
                sampled,
            } => {
                if zh {
                    format!("抽查 {sampled} 个值中 {matched} 个像{}", kind.label(lang))
                } else {
                    format!(
                        "{matched} of {sampled} sampled values look like {}",
                        kind.label(lang)
                    )
                }
            }
            RouteKeywords => lang
                .pick("含 TSPLIB/CVRPLIB 关键字", "TSPLIB/CVRPLIB keywords")
                .into(),
            IntegerLines { lines, min, max } => {
                if zh {
                    format!("{lines} 行整数，每行 {min}–{max} 个（FIMI .dat）")
                } else {
                    format!("{lines} lines of {min}–{max} integers (FIMI .dat)")
                }
            }
            WordLines { lines, min, max } => {
                if zh {
                    format!("{lines} 行，每行 {min}–{max} 个重复出现的词")
                } else {
                    format!("{lines} lines of {min}–{max} words that recur across lines")
                }
            }
            ZeroOneColumns { count, of } => {
                if zh {
                    format!("{of} 列中 {count} 列只有 0 和 1")
                } else {
                    format!("{count} of {of} columns hold only 0 and 1")
                }
            }
            EmptyRows { count } => {
                if zh {
                    format!("{count} 行没有 1（空购物篮，仍计入总数）")
                } else {
                    format!("{count} rows have no 1 (empty baskets, still counted)")
                }
            }
            IdColumn { column } => {
                if zh {
                    format!("第 {} 列是编号", column + 1)
                } else {
                    format!("column {} is an id", column + 1)
                }
            }
            OrderAndItem { order, item } => {
                if zh {
                    format!(
                        "第 {} 列是重复的订单号，第 {} 列是商品",
                        order + 1,
                        item + 1
                    )
                } else {
                    format!(
                        "column {} repeats order ids and column {} names items",
                        order + 1,
                        item + 1
                    )
                }
            }
            RegularDates {
                column,
                dates,
                regular_pct,
            } => {
                if zh {
                    format!(
                        "第 {} 列有 {dates} 个日期，{regular_pct}% 的间隔相同",
                        column + 1
                    )
                } else {
                    format!(
                        "column {} has {dates} dates, {regular_pct}% at the usual step",
                        column + 1
                    )
                }
            }
        }
    }
}

/// A concept's name in the user's language.
pub fn concept_label(concept: Concept, lang: Lang) -> &'static str {
    match concept {
        Concept::Customer => lang.pick("客户", "customer"),
        Concept::Order => lang.pick("订单", "order"),
        Concept::Item => lang.pick("商品", "item"),
        Concept::Date => lang.pick("日期", "date"),
        Concept::Amount => lang.pick("金额", "amount"),
        Concept::Quantity => lang.pick("数量", "quantity"),
        Concept::Price => lang.pick("单价", "price"),
        Concept::Category => lang.pick("类别", "category"),
        Concept::Target => lang.pick("预测目标", "target"),
        Concept::Identifier => lang.pick("编号", "identifier"),
        Concept::Text => lang.pick("文本", "free text"),
    }
}
