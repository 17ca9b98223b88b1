//! The first rows of the loaded table.

use std::sync::Arc;

use leptos::prelude::*;

use super::format::grouped;
use crate::i18n::{fill, t, Text};
use crate::state::use_app_state;
use crate::worker::summary::TableSummary;

/// A scrollable table of the preview rows, numbered as in a spreadsheet (header is row 1).
#[component]
pub fn PreviewTable(
    /// The loaded table.
    summary: Arc<TableSummary>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let shown = summary.preview.len();
    let total = summary.rows;
    let header = summary
        .columns
        .iter()
        .map(|c| {
            let numeric = c.dtype.is_numeric();
            view! { <th scope="col" class:num=numeric>{c.name.clone()}</th> }
        })
        .collect_view();
    let numeric: Vec<bool> = summary
        .columns
        .iter()
        .map(|c| c.dtype.is_numeric())
        .collect();
    let body = summary
        .preview
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .zip(&numeric)
                .map(|(cell, &num)| view! { <td class:num=num>{cell.clone()}</td> })
                .collect_view();
            view! {
                <tr data-testid="preview-row">
                    <td class="row-number">{i + 2}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="caption" data-testid="preview-caption">
            {move || {
                fill(
                    t(lang.get(), Text::PreviewShowing),
                    &[("shown", grouped(shown as u64)), ("total", grouped(total as u64))],
                )
            }}
        </p>
        <div class="table-scroll preview" tabindex="0" role="region" aria-label=move || t(lang.get(), Text::PreviewTitle)>
            <table class="grid">
                <thead>
                    <tr>
                        <th scope="col" class="row-number">"#"</th>
                        {header}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
