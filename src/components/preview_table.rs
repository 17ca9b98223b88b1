//! The first rows of the loaded table.

use std::sync::Arc;

use leptos::prelude::*;

use super::format::grouped;
use crate::i18n::{fill, t, Text};
use crate::state::use_app_state;
use crate::worker::protocol::summary::TableSummary;
use shoplens_core::table::DataType;
use shoplens_core::Lang;

/// A yes/no cell as the word in `lang` (是/否, yes/no); other text as it is.
pub fn yes_no_word(lang: Lang, cell: &str) -> String {
    match cell {
        "true" => lang.pick("是", "yes").to_owned(),
        "false" => lang.pick("否", "no").to_owned(),
        other => other.to_owned(),
    }
}

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
    // Yes/no columns read as words, not as `true`/`false`.
    let boolean: Vec<bool> = summary
        .columns
        .iter()
        .map(|c| c.dtype == DataType::Boolean)
        .collect();
    let body = summary
        .preview
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = row
                .iter()
                .zip(numeric.iter().zip(&boolean))
                .map(|(cell, (&num, &yes_no))| {
                    let cell = cell.clone();
                    if yes_no {
                        view! { <td>{move || yes_no_word(lang.get(), &cell)}</td> }.into_any()
                    } else {
                        view! { <td class:num=num>{cell}</td> }.into_any()
                    }
                })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_cells_read_as_words() {
        assert_eq!(yes_no_word(Lang::En, "true"), "yes");
        assert_eq!(yes_no_word(Lang::Zh, "false"), "否");
        assert_eq!(yes_no_word(Lang::En, ""), "");
    }
}
