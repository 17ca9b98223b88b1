//! The facts about a loaded file: name, size, rows, columns, encoding, delimiter.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::error::human_bytes;

use super::format::grouped;
use crate::i18n::{delimiter_label, t, Text};
use crate::state::use_app_state;
use crate::worker::protocol::summary::TableSummary;

/// A row of labelled facts about the loaded table.
#[component]
pub fn FileFacts(
    /// The loaded table.
    summary: Arc<TableSummary>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let delimiter = summary.delimiter.clone();
    // Machine-readable stage timings for benches/read.mjs ("read:512.0 decode:80.1 ...").
    let timings = summary
        .timings_ms
        .iter()
        .map(|(stage, ms)| format!("{stage}:{ms:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let facts: Vec<(Text, &'static str, String)> = vec![
        (Text::FileName, "file-name", summary.name.clone()),
        (Text::FileSize, "file-size", human_bytes(summary.size_bytes)),
        (Text::Rows, "rows", grouped(summary.rows as u64)),
        (
            Text::Columns,
            "columns",
            grouped(summary.columns.len() as u64),
        ),
        (Text::Encoding, "encoding", summary.encoding.clone()),
    ];
    view! {
        <dl class="facts" data-timings=timings data-wasm-bytes=summary.wasm_bytes.to_string()>
            {facts
                .into_iter()
                .map(|(label, id, value)| {
                    view! {
                        // File names are long: give the name two cells of the grid.
                        <div class="fact" class:wide=id == "file-name">
                            <dt>{move || t(lang.get(), label)}</dt>
                            <dd data-testid=id>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
            <div class="fact">
                <dt>{move || t(lang.get(), Text::Delimiter)}</dt>
                <dd data-testid="delimiter">{move || delimiter_label(lang.get(), &delimiter)}</dd>
            </div>
        </dl>
    }
}
