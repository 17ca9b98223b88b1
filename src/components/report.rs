//! "Export report": the page on screen saved as one self-contained HTML file — charts
//! embedded as PNG images, tables, the settings chosen in the forms (seed included), the
//! date — in the current language, readable offline and laid out for printing.
//!
//! It works on the page's DOM rather than asking each page for a report model, so every
//! analysis page gets it for free: the live `<main>` is deep-cloned, each canvas is swapped
//! for an `<img>` of its pixels, each form control for the value it holds, buttons and
//! file pickers are removed, and collapsed `<details>` (the charts' table alternatives)
//! are opened.

use leptos::prelude::*;
use shoplens_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement};

use crate::components::download::download_text;
use crate::state::use_app_state;

/// The report's own stylesheet: plain, print-friendly, system fonts only.
const REPORT_CSS: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;color:#1d2433;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.5}
header.report{border-bottom:2px solid #3a5bd9;margin-bottom:1.5rem}
header.report h1{margin:0}
.meta{color:#5b6475;font-size:.9rem}
section,.card{margin:0 0 1.5rem;page-break-inside:avoid}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #d5d9e3;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f2f8}
img{max-width:100%;height:auto;border:1px solid #e3e6ee}
.value{font-weight:600}
figure{margin:0 0 1rem}
footer.report{margin-top:2rem;color:#8a93a5;font-size:.8rem}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}
";

/// A button that saves the current page as an HTML report.
#[component]
pub fn ReportButton() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let save = move |_| {
        let lang = lang.get_untracked();
        let page = state.page.get_untracked();
        let file = state
            .data
            .table
            .with_untracked(|t| t.as_ref().map(|s| s.name.clone()))
            .unwrap_or_default();
        if let Some(html) = build_report(lang, page.label(lang), &file) {
            let stamp = now_stamp().replace([':', ' '], "-");
            download_text(
                &html,
                &format!("shoplens-{}-{stamp}.html", page.slug()),
                "text/html;charset=utf-8",
            );
        }
    };
    view! {
        <button
            type="button"
            class="button small report-button"
            data-testid="export-report"
            on:click=save
        >
            {move || lang.get().pick("导出报告", "Export report")}
        </button>
    }
}

/// The report for what `main.content` shows now, or `None` outside a browser page.
fn build_report(lang: Lang, page_title: &str, file_name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let live = document.query_selector("main.content").ok()??;
    let copy: Element = live.clone_node_with_deep(true).ok()?.dyn_into().ok()?;

    // Canvases: the clone has none of the pixels, so take them from the live ones.
    let live_canvases = live.query_selector_all("canvas").ok()?;
    let copied_canvases = copy.query_selector_all("canvas").ok()?;
    for i in 0..live_canvases.length().min(copied_canvases.length()) {
        let (Some(from), Some(to)) = (live_canvases.item(i), copied_canvases.item(i)) else {
            continue;
        };
        let Ok(from) = from.dyn_into::<HtmlCanvasElement>() else {
            continue;
        };
        let Ok(to) = to.dyn_into::<Element>() else {
            continue;
        };
        let img = document.create_element("img").ok()?;
        let _ = img.set_attribute("src", &from.to_data_url().unwrap_or_default());
        let _ = img.set_attribute("alt", &from.get_attribute("aria-label").unwrap_or_default());
        let _ = to.replace_with_with_node_1(&img);
    }

    // Form controls: keep what they hold, as text.
    let live_controls = live.query_selector_all("input, select, textarea").ok()?;
    let copied_controls = copy.query_selector_all("input, select, textarea").ok()?;
    for i in 0..live_controls.length().min(copied_controls.length()) {
        let (Some(from), Some(to)) = (live_controls.item(i), copied_controls.item(i)) else {
            continue;
        };
        let Ok(to) = to.dyn_into::<Element>() else {
            continue;
        };
        match control_value(lang, &from) {
            Some(value) => {
                let span = document.create_element("span").ok()?;
                span.set_class_name("value");
                span.set_text_content(Some(&value));
                let _ = to.replace_with_with_node_1(&span);
            }
            None => to.remove(),
        }
    }

    remove_all(
        &copy,
        "button, progress, script, [data-report-skip], .drop-zone",
    );
    let details = copy.query_selector_all("details").ok()?;
    for i in 0..details.length() {
        if let Some(element) = details.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = element.set_attribute("open", "");
        }
    }

    Some(wrap(
        &document,
        lang,
        page_title,
        file_name,
        &copy.inner_html(),
    ))
}

/// The text a control holds, or `None` for controls with nothing to report (file pickers).
fn control_value(lang: Lang, node: &web_sys::Node) -> Option<String> {
    if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
        let index = select.selected_index();
        return Some(if index >= 0 {
            select
                .item(index as u32)
                .and_then(|o| o.text_content())
                .unwrap_or_default()
        } else {
            String::new()
        });
    }
    if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "file" | "hidden" => None,
            "checkbox" | "radio" => Some(
                if input.checked() {
                    lang.pick("✓ 是", "✓ yes")
                } else {
                    lang.pick("✗ 否", "✗ no")
                }
                .to_owned(),
            ),
            _ => Some(input.value()),
        };
    }
    if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(area.value());
    }
    None
}

fn remove_all(root: &Element, selector: &str) {
    if let Ok(nodes) = root.query_selector_all(selector) {
        for i in 0..nodes.length() {
            if let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                element.remove();
            }
        }
    }
}

fn wrap(document: &Document, lang: Lang, page_title: &str, file_name: &str, body: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let _ = document;
    let title = format!("shoplens · {page_title}");
    let meta = match lang {
        Lang::Zh => format!(
            "生成于 {}{}",
            now_stamp(),
            if file_name.is_empty() {
                String::new()
            } else {
                format!(" · 数据文件：{}", escape(file_name))
            }
        ),
        Lang::En => format!(
            "Generated {}{}",
            now_stamp(),
            if file_name.is_empty() {
                String::new()
            } else {
                format!(" · data file: {}", escape(file_name))
            }
        ),
    };
    let footer = lang.pick(
        "本报告由 shoplens 在您的浏览器中生成；数据从未离开您的电脑。",
        "Made by shoplens in your browser; the data never left your computer.",
    );
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{REPORT_CSS}</style></head><body><header class=\"report\"><h1>{}</h1><p class=\"meta\">{meta}</p></header>{body}<footer class=\"report\">{footer}</footer></body></html>\n",
        lang.pick("zh-CN", "en"),
        escape(&title),
        escape(&title),
    )
}

/// The local date and time as `YYYY-MM-DD HH:MM`.
fn now_stamp() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}
