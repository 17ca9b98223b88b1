//! Every string the app shows, in Simplified Chinese and English.
//!
//! Texts are looked up by [`Text`] key so a missing translation is a compile error, not a
//! blank label: [`t`] matches on the key and returns both languages side by side, which
//! keeps each pair together for review. Messages from core errors are not here: they come
//! from `shoplens_core::Error::message`, carried across the worker boundary in both
//! languages (see `crate::worker::protocol::WireError`).

use shoplens_core::Lang;

pub mod baskets;
pub mod clv;
pub mod customers;
pub mod data;
pub mod jobs;
pub mod models;
pub mod models_results;
pub mod operations;
pub mod products;
pub mod report;

/// A user-visible text of the app shell and the Data page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    /// The product's tagline under its name.
    Tagline,
    /// Label of the language switch (for screen readers).
    LanguageSwitch,
    /// Label of the main navigation (for screen readers).
    Navigation,
    /// Heading of a page that is not built yet.
    ComingSoonTitle,
    /// Body of a page that is not built yet.
    ComingSoonBody,
    /// Heading of the Data page.
    DataTitle,
    /// What the Data page is for.
    DataIntro,
    /// Drop zone call to action.
    DropHere,
    /// The file picker button.
    ChooseFile,
    /// Reassurance that the file never leaves the computer.
    StaysLocal,
    /// Progress while the file is being read.
    Reading,
    /// Progress while the text is being parsed.
    Parsing,
    /// Progress while a kernel computes.
    Computing,
    /// Heading of an error box of an analysis job.
    CouldNotFinish,
    /// Note that earlier results are still shown after an analysis failed or was cancelled.
    ResultsKept,
    /// The cancel button.
    Cancel,
    /// Status after the user cancelled.
    CancelledNote,
    /// Heading of an error box.
    CouldNotRead,
    /// Note that the earlier file is still loaded after an error.
    PreviousKept,
    /// Label: file name.
    FileName,
    /// Label: file size.
    FileSize,
    /// Label: number of rows.
    Rows,
    /// Label: number of columns.
    Columns,
    /// Label: text encoding.
    Encoding,
    /// Label: field delimiter.
    Delimiter,
    /// Heading of the column list.
    ColumnsTitle,
    /// Table header: column name.
    ColumnName,
    /// Table header: inferred type.
    ColumnType,
    /// Table header: missing count.
    Missing,
    /// Table header: number of distinct values.
    Distinct,
    /// Table header: summary (min / mean / max or top values).
    Summary,
    /// Heading of the preview table; followed by the number of rows shown.
    PreviewTitle,
    /// Caption saying how many rows the preview shows of how many.
    PreviewShowing,
    /// Label: minimum.
    Min,
    /// Label: mean.
    Mean,
    /// Label: median.
    Median,
    /// Label: maximum.
    Max,
    /// Label of the empty state before any file is loaded.
    NothingLoaded,
    /// Footer line.
    Footer,
    /// The skip link before the header, to the page's main content.
    SkipToContent,
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: Text) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

/// Both languages of `key`: `(Chinese, English)`.
fn pair(key: Text) -> (&'static str, &'static str) {
    use Text::*;
    match key {
        Tagline => ("网店数据分析工作台", "Analytics workbench for online merchants"),
        LanguageSwitch => ("界面语言", "Interface language"),
        Navigation => ("主导航", "Main navigation"),
        ComingSoonTitle => ("即将推出", "Coming soon"),
        ComingSoonBody => (
            "此页面尚未建成。请先在“数据”页加载文件；分析功能将在后续版本中加入。",
            "This page is not built yet. Load a file on the Data page for now; the analysis arrives in a later version.",
        ),
        DataTitle => ("数据", "Data"),
        DataIntro => (
            "加载一个 CSV 导出文件（订单、商品、客户……），查看每一列的类型、缺失值和前 100 行。",
            "Load a CSV export (orders, products, customers…) to see each column's type, its missing values and the first 100 rows.",
        ),
        DropHere => ("将 CSV 文件拖放到这里", "Drop a CSV file here"),
        ChooseFile => ("选择文件", "Choose a file"),
        StaysLocal => (
            "文件只在本机浏览器中处理，不会上传到任何服务器。",
            "The file is processed in this browser only; it is never uploaded anywhere.",
        ),
        Reading => ("正在读取", "Reading"),
        Parsing => ("正在解析", "Parsing"),
        Computing => ("正在计算", "Computing"),
        CouldNotFinish => ("未能完成", "Could not finish"),
        ResultsKept => ("之前的结果仍然保留。", "The earlier results are still shown."),
        Cancel => ("取消", "Cancel"),
        CancelledNote => ("已取消加载。", "Loading cancelled."),
        CouldNotRead => ("无法读取此文件", "Could not read this file"),
        PreviousKept => ("之前加载的数据仍然保留。", "The data loaded before is still loaded."),
        FileName => ("文件名", "File"),
        FileSize => ("大小", "Size"),
        Rows => ("行数", "Rows"),
        Columns => ("列数", "Columns"),
        Encoding => ("编码", "Encoding"),
        Delimiter => ("分隔符", "Delimiter"),
        ColumnsTitle => ("列", "Columns"),
        ColumnName => ("列名", "Column"),
        ColumnType => ("类型", "Type"),
        Missing => ("缺失", "Missing"),
        Distinct => ("不同值", "Distinct"),
        Summary => ("概要", "Summary"),
        PreviewTitle => ("预览", "Preview"),
        PreviewShowing => ("显示前 {shown} 行，共 {total} 行", "Showing the first {shown} of {total} rows"),
        Min => ("最小", "min"),
        Mean => ("均值", "mean"),
        Median => ("中位数", "median"),
        Max => ("最大", "max"),
        NothingLoaded => ("尚未加载数据。", "No data loaded yet."),
        SkipToContent => ("跳到主要内容", "Skip to main content"),
        Footer => (
            "shoplens · 全部计算在浏览器内完成",
            "shoplens · every computation runs in your browser",
        ),
    }
}

/// Fills `{name}` placeholders in a text.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// How a delimiter should be shown: a tab or a space is invisible as itself.
pub fn delimiter_label(lang: Lang, delimiter: &str) -> String {
    match delimiter {
        "\t" => lang.pick("制表符", "tab").to_string(),
        " " => lang.pick("空格", "space").to_string(),
        other => format!("“{other}”"),
    }
}

/// Checks that every key is translated: both texts present, the Chinese one written with
/// Chinese characters, the two different. `symbols` (such as `F1`) read the same in both
/// languages and skip the last two checks. One helper for every page's text table.
#[cfg(test)]
pub(crate) fn assert_translated<K: Copy + PartialEq + std::fmt::Debug>(
    keys: &[K],
    pair: impl Fn(K) -> (&'static str, &'static str),
    symbols: &[K],
) {
    assert!(!keys.is_empty());
    for &key in keys {
        let (zh, en) = pair(key);
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
        if symbols.contains(&key) {
            continue;
        }
        assert_ne!(zh, en, "{key:?} is not translated");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{key:?}: {zh}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Text; 40] = [
        Text::Computing,
        Text::CouldNotFinish,
        Text::ResultsKept,
        Text::Tagline,
        Text::LanguageSwitch,
        Text::Navigation,
        Text::ComingSoonTitle,
        Text::ComingSoonBody,
        Text::DataTitle,
        Text::DataIntro,
        Text::DropHere,
        Text::ChooseFile,
        Text::StaysLocal,
        Text::Reading,
        Text::Parsing,
        Text::Cancel,
        Text::CancelledNote,
        Text::CouldNotRead,
        Text::PreviousKept,
        Text::FileName,
        Text::FileSize,
        Text::Rows,
        Text::Columns,
        Text::Encoding,
        Text::Delimiter,
        Text::ColumnsTitle,
        Text::ColumnName,
        Text::ColumnType,
        Text::Missing,
        Text::Distinct,
        Text::Summary,
        Text::PreviewTitle,
        Text::PreviewShowing,
        Text::Min,
        Text::Mean,
        Text::Median,
        Text::Max,
        Text::NothingLoaded,
        Text::Footer,
        Text::SkipToContent,
    ];

    #[test]
    fn every_text_exists_in_both_languages_and_they_differ() {
        crate::i18n::assert_translated(&ALL, pair, &[]);
    }

    #[test]
    fn placeholders_are_filled_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let text = fill(
                t(lang, Text::PreviewShowing),
                &[("shown", "100".into()), ("total", "200".into())],
            );
            assert!(text.contains("100") && text.contains("200"), "{text}");
            assert!(!text.contains('{'), "{text}");
        }
    }

    #[test]
    fn invisible_delimiters_get_names() {
        assert_eq!(delimiter_label(Lang::En, "\t"), "tab");
        assert_eq!(delimiter_label(Lang::Zh, "\t"), "制表符");
        assert_eq!(delimiter_label(Lang::En, ";"), "“;”");
    }
}
