//! One line per column: name, type and role (each changeable, Orange's File widget is the
//! model), missing count and share, distinct values, values that do not fit an overridden
//! type, a summary (min / mean / median / max for numbers, range for dates, top values for
//! text) and a small histogram for numbers and dates.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::table::{DataType, Histogram, Role};
use shoplens_core::Lang;

use super::format::{grouped, percent, stat};
use crate::i18n::data::{t as dt, DataText};
use crate::i18n::{t, Text};
use crate::state::use_app_state;
use crate::worker::protocol::summary::{ColumnProfile, TableSummary};

/// The column profiles of the loaded table.
#[component]
pub fn ColumnTable(
    /// The loaded table.
    summary: Arc<TableSummary>,
    /// Receives `(column, type, role)` when the user changes a column's type or role; the
    /// selects are shown only when given.
    #[prop(optional)]
    on_change: Option<Callback<(usize, DataType, Role)>>,
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
            let role = column.role;
            let invalid = column.invalid;
            let histogram = column.histogram.clone();
            let type_cell = match on_change {
                Some(change) => {
                    let label = name.clone();
                    view! {
                        <select
                            class=format!("type-select type-{}", dtype.as_str())
                            data-testid="type-select"
                            aria-label=move || format!("{}{label}", dt(lang.get(), DataText::TypeOf))
                            on:change=move |ev| {
                                if let Some(new) = parse_type(&event_target_value(&ev)) {
                                    change.run((index, new, role));
                                }
                            }
                        >
                            {DTYPES
                                .iter()
                                .map(|&d| view! {
                                    <option value=d.as_str() selected=d == dtype>{move || d.label(lang.get())}</option>
                                })
                                .collect_view()}
                        </select>
                    }
                    .into_any()
                }
                None => view! {
                    <span class=format!("type type-{}", dtype.as_str()) data-testid="column-type">
                        {move || dtype.label(lang.get())}
                    </span>
                }
                .into_any(),
            };
            let role_cell = on_change.map(|change| {
                let label = name.clone();
                view! {
                    <td>
                        <select
                            data-testid="role-select"
                            aria-label=move || format!("{}{label}", dt(lang.get(), DataText::RoleOf))
                            on:change=move |ev| {
                                if let Some(new) = Role::ALL.iter().copied().find(|r| r.as_str() == event_target_value(&ev)) {
                                    change.run((index, dtype, new));
                                }
                            }
                        >
                            {Role::ALL
                                .iter()
                                .map(|&r| view! {
                                    <option value=r.as_str() selected=r == role>{move || r.label(lang.get())}</option>
                                })
                                .collect_view()}
                        </select>
                    </td>
                }
            });
            let invalid_note = (invalid > 0).then(|| {
                view! {
                    <span class="invalid" data-testid="column-invalid">
                        {move || format!("{} {}", grouped(invalid as u64), dt(lang.get(), DataText::DoNotFit))}
                    </span>
                }
            });
            let histogram_name = name.clone();
            view! {
                <tr data-testid="column-row">
                    <th scope="row" class="column-name">{name}</th>
                    <td>
                        {type_cell}
                        {invalid_note}
                    </td>
                    {role_cell}
                    <td class="num" data-testid="column-missing">
                        <span class="missing-text">{missing}</span>
                        <meter min="0" max="100" value=missing_share.to_string()></meter>
                    </td>
                    <td class="num">{distinct}</td>
                    <td class="summary">{move || describe(&column, lang.get())}</td>
                    <td class="histogram-cell">
                        {histogram.map(|h| view! { <Bars histogram=h name=histogram_name /> })}
                    </td>
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
                        {on_change.map(|_| view! { <th scope="col">{move || dt(lang.get(), DataText::Role)}</th> })}
                        <th scope="col" class="num">{move || t(lang.get(), Text::Missing)}</th>
                        <th scope="col" class="num">{move || t(lang.get(), Text::Distinct)}</th>
                        <th scope="col">{move || t(lang.get(), Text::Summary)}</th>
                        <th scope="col">{move || dt(lang.get(), DataText::Distribution)}</th>
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

/// The types a column can be set to.
const DTYPES: [DataType; 5] = [
    DataType::Integer,
    DataType::Decimal,
    DataType::Boolean,
    DataType::DateTime,
    DataType::Text,
];

fn parse_type(value: &str) -> Option<DataType> {
    DTYPES.iter().copied().find(|d| d.as_str() == value)
}

/// A small bar histogram drawn with CSS boxes (one per bin, height set through the CSSOM,
/// which the CSP allows); its accessible name lists the bins, as the text alternative.
#[component]
fn Bars(histogram: Histogram, name: String) -> impl IntoView {
    let lang = use_app_state().lang;
    let top = histogram.counts.iter().copied().max().unwrap_or(0).max(1);
    let bins: Vec<String> = histogram
        .counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let lo = histogram.edges.get(i).copied().unwrap_or_default();
            let hi = histogram.edges.get(i + 1).copied().unwrap_or_default();
            format!("{}–{}: {n}", stat(lo), stat(hi))
        })
        .collect();
    let text = bins.join(", ");
    view! {
        <div
            class="bars"
            role="img"
            data-testid="histogram"
            aria-label=move || format!("{}{name}: {text}", dt(lang.get(), DataText::HistogramOf))
        >
            {histogram
                .counts
                .iter()
                .zip(bins)
                .map(|(&n, title)| {
                    let height = format!("{:.1}%", 100.0 * n as f64 / top as f64);
                    view! { <span class="bar" title=title style:height=height></span> }
                })
                .collect_view()}
        </div>
    }
}
