//! Writes the report file: one HTML document with its own print-ready stylesheet, no
//! script and no link outside itself, so it opens offline and prints on A4.

use shoplens_core::Lang;

use crate::i18n::report::{t, ReportText as R};

/// One analysis, ready to write.
pub struct Written {
    /// Anchor id, e.g. `customers-rfm`.
    pub id: String,
    /// Heading.
    pub title: String,
    /// Settings as `(label, value)`.
    pub settings: Vec<(String, String)>,
    /// Headline facts for the summary.
    pub headline: Vec<(String, String)>,
    /// The copied result blocks, as HTML.
    pub body: String,
}

/// The report's stylesheet: system fonts only, tables with their headers repeated on each
/// printed page, one analysis per printed page, A4 with 15 mm margins.
const CSS: &str = "
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1d2433;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.5}
header.report{border-bottom:2px solid #3a5bd9;margin-bottom:1.5rem}
header.report h1{margin:0}
.meta{color:#5b6475;font-size:.9rem}
h2{border-bottom:1px solid #d5d9e3;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
section.analysis{margin:0 0 2rem}
dl.settings{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 1rem;font-size:.9rem}
dl.settings dt{color:#5b6475}
dl.settings dd{margin:0;font-weight:600;overflow-wrap:anywhere}
dl.facts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
dl.facts .fact,dl.facts>div{border:1px solid #d5d9e3;border-radius:4px;padding:.3rem .6rem;min-width:8rem}
dl.facts dt{font-size:.8rem;color:#5b6475}
dl.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #d5d9e3;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f2f8}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.summary td:first-child{white-space:nowrap;font-weight:600}
.rules-scroll,.table-scroll,.scroll{height:auto!important;max-height:none!important;overflow:visible!important}
img{max-width:100%;height:auto;border:1px solid #e3e6ee}
figure{margin:0 0 1rem}
.value{font-weight:600}
.card{margin:0 0 1rem}
footer.report{margin-top:2rem;color:#8a93a5;font-size:.8rem}
@page{size:A4;margin:15mm}
@media print{
 body{margin:0;max-width:none;padding:0;font-size:10pt}
 a{color:inherit;text-decoration:none}
 section.analysis{break-before:page}
 thead{display:table-header-group}
 tr,img,figure,dl.facts .fact{break-inside:avoid}
 h2,h3{break-after:avoid}
}
";

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A definition list of `(label, value)` pairs.
pub fn definitions(class: &str, pairs: &[(String, String)]) -> String {
    let items: String = pairs
        .iter()
        .map(|(k, v)| format!("<dt>{}</dt><dd>{}</dd>", escape(k), escape(v)))
        .collect();
    format!("<dl class=\"{class}\">{items}</dl>")
}

/// The whole file.
pub fn write(
    lang: Lang,
    stamp: &str,
    data: &[(String, String)],
    file_name: &str,
    analyses: &[Written],
) -> String {
    let title = format!("shoplens · {}", t(lang, R::Title));
    let file = if file_name.is_empty() {
        String::new()
    } else {
        format!(" · {}{}", t(lang, R::DataFile), escape(file_name))
    };
    let meta = format!("{} {stamp}{file}", t(lang, R::Generated));

    let summary_rows: String = analyses
        .iter()
        .map(|a| {
            let facts = a
                .headline
                .iter()
                .map(|(k, v)| format!("{}: <b>{}</b>", escape(k), escape(v)))
                .collect::<Vec<_>>()
                .join(" · ");
            format!(
                "<tr><td><a href=\"#{}\">{}</a></td><td>{facts}</td></tr>",
                a.id,
                escape(&a.title)
            )
        })
        .collect();
    let summary = if analyses.is_empty() {
        format!("<p>{}</p>", t(lang, R::NoAnalyses))
    } else {
        format!(
            "<table class=\"summary\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>{summary_rows}</tbody></table>",
            t(lang, R::Analysis),
            t(lang, R::Results)
        )
    };
    let sections: String = analyses
        .iter()
        .map(|a| {
            let settings = if a.settings.is_empty() {
                String::new()
            } else {
                format!(
                    "<h3>{}</h3>{}",
                    t(lang, R::Settings),
                    definitions("settings", &a.settings)
                )
            };
            format!(
                "<section class=\"analysis\" id=\"{}\" data-section=\"{}\"><h2>{}</h2>{settings}<h3>{}</h3>{}</section>",
                a.id,
                a.id,
                escape(&a.title),
                t(lang, R::Results),
                a.body
            )
        })
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body>\
<header class=\"report\"><h1>{}</h1><p class=\"meta\">{meta}</p></header>\
<section class=\"summary\" data-section=\"summary\"><h2>{}</h2>{summary}</section>\
<section class=\"data\" data-section=\"data\"><h2>{}</h2>{}</section>\
{sections}<footer class=\"report\">{}</footer></body></html>\n",
        lang.pick("zh-CN", "en"),
        escape(&title),
        escape(&title),
        t(lang, R::Summary),
        t(lang, R::Data),
        definitions("settings", data),
        t(lang, R::Footer),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_a_summary_sections_and_a_print_sheet() {
        let analyses = [Written {
            id: "customers-rfm".into(),
            title: "Customer value (RFM)".into(),
            settings: vec![("Customer column".into(), "CustomerID".into())],
            headline: vec![("Customers".into(), "4,338".into())],
            body: "<table><thead><tr><th>a</th></tr></thead></table>".into(),
        }];
        let html = write(
            Lang::En,
            "2026-01-02 03:04",
            &[("Rows".into(), "10".into())],
            "orders <1>.csv",
            &analyses,
        );
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("@page{size:A4"));
        assert!(html.contains("data file: orders &lt;1&gt;.csv"));
        assert!(html.contains("<dt>Customer column</dt><dd>CustomerID</dd>"));
        assert!(html.contains("Customers: <b>4,338</b>"));
        let summary = html.find("data-section=\"summary\"").unwrap();
        let section = html.find("data-section=\"customers-rfm\"").unwrap();
        assert!(summary < section, "the summary comes first");
        assert!(!html.contains("<script"));
        let empty = write(Lang::Zh, "x", &[], "", &[]);
        assert!(empty.contains("还没有运行任何分析"));
    }
}
