//! One line per column: name, inferred type, missing count and share, distinct values,
//! and a summary (min / mean / median / max for numbers, range for dates, top values for text).

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::Lang;

use super::format::{grouped, percent, stat};
use crate::i18n::{t, Text};
use crate::state::use_app_state;
use crate::worker::summary::{ColumnProfile, TableSummary};

/// The column profiles of the loaded table.
#[component]
pub fn ColumnTable(
    /// The loaded table.
    summary: Arc<TableSummary>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let rows = summary
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let column = column.clone();
            let dtype = column.dtype;
            let missing_share = summary.missing_percent(index);
            let missing = format!("{} ({})", grouped(column.missing as u64), percent(missing_share));
            let distinct = grouped(column.distinct as u64);
            let name = column.name.clone();
            view! {
                <tr data-testid="column-row">
                    <th scope="row" class="column-name">{name}</th>
                    <td>
                        <span class=format!("type type-{}", dtype.as_str()) data-testid="column-type">
                            {move || dtype.label(lang.get())}
                        </span>
                    </td>
                    <td class="num" data-testid="column-missing">
                        <span class="missing-text">{missing}</span>
                        <meter min="0" max="100" value=missing_share.to_string()></meter>
                    </td>
                    <td class="num">{distinct}</td>
                    <td class="summary">{move || describe(&column, lang.get())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="grid columns">
                <thead>
                    <tr>
                        <th scope="col">{move || t(lang.get(), Text::ColumnName)}</th>
                        <th scope="col">{move || t(lang.get(), Text::ColumnType)}</th>
                        <th scope="col" class="num">{move || t(lang.get(), Text::Missing)}</th>
                        <th scope="col" class="num">{move || t(lang.get(), Text::Distinct)}</th>
                        <th scope="col">{move || t(lang.get(), Text::Summary)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The one-line summary of a column in `lang`.
fn describe(column: &ColumnProfile, lang: Lang) -> String {
    if let Some(numbers) = column.numeric {
        return format!(
            "{} {} · {} {} · {} {} · {} {}",
            t(lang, Text::Min),
            stat(numbers.min),
            t(lang, Text::Mean),
            stat(numbers.mean),
            t(lang, Text::Median),
            stat(numbers.median),
            t(lang, Text::Max),
            stat(numbers.max)
        );
    }
    if let Some((first, last)) = &column.range {
        return format!("{first} → {last}");
    }
    column
        .top
        .iter()
        .map(|(value, count)| format!("{value} ({})", grouped(*count as u64)))
        .collect::<Vec<_>>()
        .join(" · ")
}
