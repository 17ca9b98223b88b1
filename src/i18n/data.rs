//! Texts of the Data page's reading options and column overrides, in Simplified Chinese and
//! English (same pattern as the parent module: one key, both languages side by side, a test
//! that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the Data page's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataText {
    /// Heading of the reading options.
    ReadSettings,
    /// What the reading options are for.
    ReadSettingsHint,
    /// Label: text encoding.
    Encoding,
    /// Label: field delimiter.
    Delimiter,
    /// Label: whether the first row is the header.
    Header,
    /// Label: the sheet of a workbook.
    Sheet,
    /// Label: what to do with rows of the wrong length.
    RaggedRows,
    /// Option: detect automatically.
    Auto,
    /// Option: the first row holds column names.
    HeaderYes,
    /// Option: the first row is data.
    HeaderNo,
    /// Option: pad short rows.
    RaggedPad,
    /// Option: leave ragged rows out.
    RaggedDrop,
    /// Button: read the file again with the settings.
    ReadAgain,
    /// Option: runs of spaces.
    Spaces,
    /// Option: tab.
    Tab,
    /// Heading of the reader's notes.
    ReaderNotes,
    /// Column header: role.
    Role,
    /// Label of a column's type select (screen readers), followed by the column name.
    TypeOf,
    /// Label of a column's role select (screen readers), followed by the column name.
    RoleOf,
    /// "values do not fit" after a count.
    DoNotFit,
    /// Notice after a type change: values that do not fit are kept as missing.
    KeptAsMissing,
    /// Column header: distribution.
    Distribution,
    /// Label of a histogram (screen readers).
    HistogramOf,
    /// "line" before a line number.
    Line,
    /// Heading of what the file is understood to be.
    Understanding,
    /// How to correct the understanding.
    UnderstandingHint,
    /// Label: the file's shape.
    Shape,
    /// Column header and label: the evidence.
    Why,
    /// Column header: column name.
    Column,
    /// Column header: personal data.
    PersonalData,
    /// No personal data found in a column.
    NoPersonalData,
    /// Label: a time series' frequency.
    Frequency,
    /// A route instance dropped on the Data page.
    RouteHint,
    /// Button: open the loaded route file in Delivery routes.
    OpenRoutes,
    /// A basket-per-line file: no header, one basket a line.
    BasketHint,
    /// Count of baskets, `{}` the number.
    BasketsCount,
    /// Heading: the first baskets of the file.
    FirstBaskets,
    /// Link to the Baskets page.
    OpenBaskets,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: DataText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

fn pair(key: DataText) -> (&'static str, &'static str) {
    use DataText::*;
    match key {
        ReadSettings => ("读取设置", "Reading settings"),
        ReadSettingsHint => (
            "自动识别不对？改一下再读一次；已载入的数据在新读取成功前保持不变。",
            "Detected something wrong? Change it and read again; the loaded data stays until the new read succeeds.",
        ),
        Encoding => ("编码", "Encoding"),
        Delimiter => ("分隔符", "Delimiter"),
        Header => ("表头", "Header"),
        Sheet => ("工作表", "Sheet"),
        RaggedRows => ("字段数不符的行", "Rows of the wrong length"),
        Auto => ("自动识别", "Detect"),
        HeaderYes => ("第一行是列名", "First row names the columns"),
        HeaderNo => ("没有表头", "No header row"),
        RaggedPad => ("补齐（缺失值）", "Pad with missing values"),
        RaggedDrop => ("删除这些行", "Leave those rows out"),
        ReadAgain => ("按此设置重新读取", "Read again with these settings"),
        Spaces => ("连续空格", "runs of spaces"),
        Tab => ("制表符", "tab"),
        ReaderNotes => ("读取说明", "Notes from reading"),
        Role => ("用途", "Role"),
        TypeOf => ("类型：", "Type of "),
        RoleOf => ("用途：", "Role of "),
        DoNotFit => ("个值不符合该类型", "values do not fit"),
        KeptAsMissing => (
            "这些值按缺失处理、保留原文；改回原来的类型即可恢复。",
            "They are held as missing, kept as written; choose the earlier type to bring them back.",
        ),
        Distribution => ("分布", "Distribution"),
        HistogramOf => ("直方图：", "Histogram of "),
        Line => ("第 {} 行", "line {}"),
        Understanding => (
            "文件识别",
            "What this file is",
        ),
        UnderstandingHint => (
            "识别有误？在这里改：你的选择随会话保存，其他页面据此给出默认值（编号列不会作为模型特征、预测值或坐标轴）。",
            "Wrong? Change it here: your choice is kept with the session and the other pages take their defaults from it (identifiers are never offered as model features, forecast values or chart axes).",
        ),
        Shape => (
            "文件形态",
            "Shape",
        ),
        Why => (
            "依据",
            "Why",
        ),
        Column => (
            "列名",
            "Column",
        ),
        PersonalData => (
            "个人信息",
            "Personal data",
        ),
        NoPersonalData => (
            "无",
            "none",
        ),
        Frequency => (
            "频率",
            "Frequency",
        ),
        RouteHint => (
            "这是配送路线实例（TSPLIB/CVRPLIB），不是一张表：请在“运营 › 配送路线”中求解。",
            "This is a delivery route instance (TSPLIB/CVRPLIB), not a table: solve it in Operations › Delivery routes.",
        ),
        OpenRoutes => (
            "在配送路线中打开",
            "Open in Delivery routes",
        ),
        BasketHint => (
            "每行一个购物篮，没有表头行。",
            "One basket per line, no header row.",
        ),
        BasketsCount => (
            "{} 个购物篮",
            "{} baskets",
        ),
        FirstBaskets => (
            "前几个购物篮",
            "The first baskets",
        ),
        OpenBaskets => (
            "去购物篮分析",
            "Mine them on Baskets",
        ),
    }
}

/// `"line N"` / `"第 N 行"`.
pub fn line(lang: Lang, line: u64) -> String {
    t(lang, DataText::Line).replace("{}", &line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key; add new keys here too.
    const ALL: [DataText; 38] = [
        DataText::ReadSettings,
        DataText::ReadSettingsHint,
        DataText::Encoding,
        DataText::Delimiter,
        DataText::Header,
        DataText::Sheet,
        DataText::RaggedRows,
        DataText::Auto,
        DataText::HeaderYes,
        DataText::HeaderNo,
        DataText::RaggedPad,
        DataText::RaggedDrop,
        DataText::ReadAgain,
        DataText::Spaces,
        DataText::Tab,
        DataText::ReaderNotes,
        DataText::Role,
        DataText::TypeOf,
        DataText::RoleOf,
        DataText::DoNotFit,
        DataText::KeptAsMissing,
        DataText::Distribution,
        DataText::HistogramOf,
        DataText::Line,
        DataText::Understanding,
        DataText::UnderstandingHint,
        DataText::Shape,
        DataText::Why,
        DataText::Column,
        DataText::PersonalData,
        DataText::NoPersonalData,
        DataText::Frequency,
        DataText::RouteHint,
        DataText::OpenRoutes,
        DataText::BasketHint,
        DataText::BasketsCount,
        DataText::FirstBaskets,
        DataText::OpenBaskets,
    ];

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(&ALL, pair, &[]);
    }

    #[test]
    fn line_numbers_fill_in() {
        assert_eq!(line(Lang::En, 12), "line 12");
        assert_eq!(line(Lang::Zh, 12), "第 12 行");
    }
}
