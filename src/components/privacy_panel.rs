//! The personal-data check of the loaded table: the columns that look like phone numbers,
//! e-mail addresses, Chinese ID numbers, names or addresses are listed with the evidence,
//! each with a choice (hash, drop, keep), and one click protects them in the worker's table
//! before any analysis or export sees them. Digests are salted with this page session's salt
//! ([`crate::state::salt`]), which is never stored.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::privacy::Protection;
use shoplens_core::Lang;

use crate::state::use_app_state;
use crate::worker::protocol::summary::TableSummary;

/// The flagged columns and the button that protects them.
#[component]
pub fn PrivacyPanel(
    /// The loaded table.
    summary: Arc<TableSummary>,
    /// Applies `(column, protection)` choices.
    on_protect: Callback<Vec<(usize, Protection)>>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let flags = summary.pii.clone();
    if flags.is_empty() {
        return None;
    }
    let choices: Vec<(usize, RwSignal<Protection>)> = flags
        .iter()
        .map(|f| (f.column, RwSignal::new(Protection::Hash)))
        .collect();
    let apply = {
        let choices = choices.clone();
        move |_| {
            let picked: Vec<(usize, Protection)> = choices
                .iter()
                .map(|(i, p)| (*i, p.get_untracked()))
                .filter(|(_, p)| *p != Protection::Keep)
                .collect();
            if !picked.is_empty() {
                on_protect.run(picked);
            }
        }
    };
    let rows = flags
        .into_iter()
        .zip(choices)
        .map(|(flag, (_, choice))| {
            let name = flag.name.clone();
            view! {
                <li data-testid="pii-flag">
                    <span class="pii-text">{move || flag.describe(lang.get())}</span>
                    <select
                        data-testid="pii-choice"
                        aria-label=move || format!("{}{name}", lang.get().pick("处理方式：", "What to do with "))
                        on:change=move |ev| {
                            choice.set(match event_target_value(&ev).as_str() {
                                "drop" => Protection::Drop,
                                "keep" => Protection::Keep,
                                _ => Protection::Hash,
                            })
                        }
                    >
                        <option value="hash" selected=true>{move || lang.get().pick("加盐哈希（可分组，不可读）", "Hash (still groups, unreadable)")}</option>
                        <option value="drop">{move || lang.get().pick("删除此列", "Drop the column")}</option>
                        <option value="keep">{move || lang.get().pick("保留原样", "Keep as it is")}</option>
                    </select>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="privacy" role="region" data-testid="privacy" aria-label=move || label(lang.get())>
            <h3>{move || label(lang.get())}</h3>
            <p class="hint">
                {move || lang.get().pick(
                    "这些列看起来是个人信息。分析前先哈希或删除它们：之后的分析和导出只会看到处理后的值。数据始终只在本机。",
                    "These columns look like personal data. Hash or drop them before analysis: every later analysis and export sees only the result. The data never leaves this computer.",
                )}
            </p>
            <ul>{rows}</ul>
            <button type="button" class="button primary" data-testid="protect" on:click=apply>
                {move || lang.get().pick("保护这些列", "Protect these columns")}
            </button>
        </div>
    })
}

fn label(lang: Lang) -> &'static str {
    lang.pick("个人信息检查", "Personal data check")
}
