//! "Export report": every analysis of the session in one self-contained HTML file — a
//! summary of the headline results, then each analysis with its settings as a short list,
//! its charts as PNG images and its tables with their headings — in the current language,
//! readable offline and laid out for A4 printing.
//!
//! The report is put together from the results kept with the session
//! ([`crate::state::results`]), not only from the page on screen: for each kept analysis,
//! [`sections::section`] says which page and tab show it; the report opens them in turn,
//! lets the page draw the kept result, copies the blocks ([`clean`]) and finally returns to
//! the page the user was on. [`document`] writes the file.

mod clean;
mod document;
mod sections;

use leptos::prelude::*;
use shoplens_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::components::download::download_text;
use crate::i18n::report::{t, ReportText as R};
use crate::state::{results, use_app_state, AppState};
use document::Written;
use sections::Section;

/// The header's button that saves the session's analyses as an HTML report. Disabled until
/// a file is loaded.
#[component]
pub fn ReportButton() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let building = RwSignal::new(false);
    let no_data = move || state.data.table.with(Option::is_none);
    let save = move |_| {
        if building.get_untracked() || no_data() {
            return;
        }
        building.set(true);
        leptos::task::spawn_local(async move {
            if let Some(html) = build(state).await {
                let stamp = now_stamp().replace([':', ' '], "-");
                download_text(
                    &html,
                    &format!("shoplens-report-{stamp}.html"),
                    "text/html;charset=utf-8",
                );
            }
            building.set(false);
        });
    };
    view! {
        <button
            type="button"
            class="button small report-button"
            data-testid="export-report"
            disabled=move || no_data() || building.get()
            title=move || no_data().then(|| t(lang.get(), R::LoadFirst))
            aria-busy=move || building.get().to_string()
            on:click=save
        >
            {move || t(lang.get(), if building.get() { R::Building } else { R::Export })}
        </button>
    }
}

/// Visits every kept analysis and writes the report; `None` outside a browser page.
async fn build(state: AppState) -> Option<String> {
    let lang = state.lang.get_untracked();
    let document = web_sys::window()?.document()?;
    let home = state.page.get_untracked();
    let home_tab = active_tab(&document);

    let mut written = Vec::new();
    for (key, section) in sections::ordered(results::kept_keys()) {
        if state.page.get_untracked() != section.page {
            state.page.set(section.page);
            settle().await;
        }
        if let Some(tab) = section.tab {
            click(&document, &format!("[data-testid=\"{tab}\"]"));
            settle().await;
        }
        // Charts size themselves to their box when the window resizes: a tab that was
        // hidden draws at its real width now.
        if let Some(window) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("resize") {
                let _ = window.dispatch_event(&event);
            }
        }
        drawn(&document, &section).await;
        if let Some(w) = harvest(&document, lang, &key, &section) {
            written.push(w);
        }
    }
    if state.page.get_untracked() != home {
        state.page.set(home);
        settle().await;
    }
    if let Some(tab) = home_tab {
        click(&document, &format!("[data-testid=\"{tab}\"]"));
    }

    let (file_name, data) = state
        .data
        .table
        .with_untracked(|t| t.as_ref().map(|s| (s.name.clone(), data_facts(lang, s))))
        .unwrap_or_default();
    Some(document::write(
        lang,
        &now_stamp(),
        &data,
        &file_name,
        &written,
    ))
}

/// One analysis's settings, results and headline, read from the page now showing it.
fn harvest(document: &Document, lang: Lang, key: &str, section: &Section) -> Option<Written> {
    let main = document.query_selector("main.content").ok()??;
    let settings = section
        .settings
        .and_then(|anchor| main.query_selector(anchor).ok().flatten())
        .and_then(|anchor| anchor.closest("form, section").ok().flatten())
        .map(|form| clean::settings(lang, &form))
        .unwrap_or_default();
    let mut body = String::new();
    let mut headline = Vec::new();
    // A result without figures as a list (no rule reached the support) is summed up by its
    // first sentence instead.
    let mut first_line = None;
    for selector in section.results {
        for block in clean::elements(&main, selector) {
            if let Some(copy) = clean::copy_block(document, lang, &block) {
                if headline.is_empty() {
                    headline = clean::headline(&copy, 4);
                }
                if first_line.is_none() {
                    first_line = copy
                        .query_selector("p")
                        .ok()
                        .flatten()
                        .map(|p| clean::text(&p))
                        .filter(|text| !text.is_empty());
                }
                body.push_str(&copy.outer_html());
            }
        }
    }
    if body.is_empty() {
        return None;
    }
    if headline.is_empty() {
        if let Some(line) = first_line {
            headline.push((t(lang, R::Results).to_owned(), line));
        }
    }
    Some(Written {
        id: key.replace('.', "-"),
        title: t(lang, section.title).to_owned(),
        settings,
        headline,
        body,
    })
}

/// The loaded file's facts for the report's data section.
fn data_facts(
    lang: Lang,
    summary: &crate::worker::protocol::summary::TableSummary,
) -> Vec<(String, String)> {
    use crate::components::format::grouped;
    use crate::i18n::Text;
    vec![
        (
            crate::i18n::t(lang, Text::FileName).to_owned(),
            summary.name.clone(),
        ),
        (
            crate::i18n::t(lang, Text::Rows).to_owned(),
            grouped(summary.rows as u64),
        ),
        (
            crate::i18n::t(lang, Text::Columns).to_owned(),
            grouped(summary.columns.len() as u64),
        ),
    ]
}

/// The `data-testid` of the tab selected on the page now, if it has tabs.
fn active_tab(document: &Document) -> Option<String> {
    document
        .query_selector("main.content [role=tab][aria-selected=true]")
        .ok()??
        .get_attribute("data-testid")
}

fn click(document: &Document, selector: &str) {
    if let Some(element) = document
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e: Element| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        element.click();
    }
}

/// Lets the page react to a change: effects run as microtasks, restored results and
/// charts draw in the tasks after them.
async fn settle() {
    for _ in 0..3 {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    gloo_timers::future::TimeoutFuture::new(30).await;
}

/// Waits until the section's result blocks are on the page and every chart in them is drawn
/// at its present width (a restored result and a chart that was hidden draw a few tasks
/// after the page opens), looking once a frame. A section whose blocks never appear (a
/// result the page cannot show) is given up on after ten seconds.
async fn drawn(document: &Document, section: &Section) {
    let start = js_sys::Date::now();
    while !charts_ready(document, section) && js_sys::Date::now() - start < 10_000.0 {
        gloo_timers::future::TimeoutFuture::new(16).await;
    }
    settle().await;
}

/// True when the section's result blocks exist, none is still drawing its parts
/// (`aria-busy`), and each visible canvas in them carries the width it is shown at as
/// `data-drawn-width`.
fn charts_ready(document: &Document, section: &Section) -> bool {
    let Some(main) = document.query_selector("main.content").ok().flatten() else {
        return false;
    };
    let blocks: Vec<Element> = section
        .results
        .iter()
        .flat_map(|selector| clean::elements(&main, selector))
        .collect();
    !blocks.is_empty()
        && blocks.iter().all(|block| {
            block.get_attribute("aria-busy").as_deref() != Some("true")
                && clean::elements(block, "canvas").iter().all(|canvas| {
                    let width = canvas.client_width();
                    width <= 1
                        || canvas.get_attribute("data-drawn-width").as_deref()
                            == Some(width.to_string().as_str())
                })
        })
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
