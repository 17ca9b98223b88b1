//! What the loaded file is, as core's `schema` understood it: the file's shape with its
//! reasons, and per column its role with the reasons and the personal data it holds. Each
//! decision can be corrected here (a select); the correction goes to the worker, is kept
//! with the session like the other edits, and the other pages take their defaults from it.
//!
//! A route instance (TSPLIB/CVRPLIB) points to Delivery routes; a basket-per-line file
//! (FIMI `.dat`) is shown as baskets, not as a table.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::schema::{ColumnRole, Evidence, Override, Shape, Understanding};

use crate::components::format::grouped;
use crate::i18n::data::{t as dt, DataText};
use crate::state::use_app_state;
use crate::worker::protocol::summary::TableSummary;

/// How many baskets of a basket-per-line file are listed.
const BASKETS_SHOWN: usize = 10;

/// The understanding of the loaded file, with selects to correct it.
#[component]
pub fn UnderstandingPanel(
    /// The loaded table and its understanding.
    summary: Arc<TableSummary>,
    /// Receives the user's correction.
    on_choice: Callback<Override>,
    /// Opens the loaded route file in Delivery routes.
    on_routes: Callback<()>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let understanding = summary.understanding.clone()?;
    let shape = understanding.shape;
    let reasons = understanding
        .shape_evidence
        .iter()
        .cloned()
        .map(|e| view! { <li data-testid="shape-reason">{move || e.message(lang.get())}</li> })
        .collect_view();
    let frequency = understanding.frequency.map(|f| {
        view! {
            <p data-testid="frequency" data-frequency=f.as_str()>
                {move || format!("{}{}{}", dt(lang.get(), DataText::Frequency), lang.get().pick("：", ": "), f.label(lang.get()))}
            </p>
        }
    });
    let hint = match shape {
        Shape::RouteInstance => Some(
            view! {
                <div class="notice" role="status" data-testid="route-hint">
                    <p>{move || dt(lang.get(), DataText::RouteHint)}</p>
                    <button type="button" data-testid="open-routes" on:click=move |_| on_routes.run(())>
                        {move || dt(lang.get(), DataText::OpenRoutes)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        Shape::BasketLines => {
            // FIMI `.dat`: items are the numbers on a line, whatever the reader split.
            let integers = understanding
                .shape_evidence
                .iter()
                .any(|e| matches!(e, Evidence::IntegerLines { .. }));
            Some(baskets_view(&summary, integers).into_any())
        }
        _ => None,
    };
    let columns =
        (!understanding.columns.is_empty()).then(|| columns_view(&understanding, on_choice));
    Some(view! {
        <section class="card understanding" data-testid="understanding" data-shape=shape.as_str()>
            <h2>{move || dt(lang.get(), DataText::Understanding)}</h2>
            <p class="hint">{move || dt(lang.get(), DataText::UnderstandingHint)}</p>
            <label class="field">
                <span>{move || dt(lang.get(), DataText::Shape)}</span>
                <select
                    data-testid="shape-select"
                    on:change=move |ev| {
                        if let Some(shape) = Shape::parse(&event_target_value(&ev)) {
                            on_choice.run(Override::Shape { shape });
                        }
                    }
                >
                    {Shape::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str() selected=s == shape>{move || s.label(lang.get())}</option> })
                        .collect_view()}
                </select>
            </label>
            <p class="why">{move || dt(lang.get(), DataText::Why)}{move || lang.get().pick("：", ": ")}</p>
            <ul class="reasons" data-testid="shape-reasons">{reasons}</ul>
            {frequency}
            {hint}
            {columns}
        </section>
    })
}

/// One row per column: name, role (a select), why, personal data.
fn columns_view(understanding: &Understanding, on_choice: Callback<Override>) -> impl IntoView {
    let lang = use_app_state().lang;
    let rows = understanding
        .columns
        .iter()
        .map(|c| {
            let column = c.index;
            let role = c.role;
            let name = c.name.clone();
            let label = c.name.clone();
            let shown = c.name.clone();
            let evidence = c.evidence.clone();
            let why = move || {
                let lang = lang.get();
                evidence
                    .iter()
                    .map(|e| e.message(lang))
                    .collect::<Vec<_>>()
                    .join(lang.pick("；", "; "))
            };
            let pii = c.pii;
            let pii_cell = move || match pii {
                Some(kind) => kind.label(lang.get()).to_string(),
                None => dt(lang.get(), DataText::NoPersonalData).to_string(),
            };
            view! {
                <tr
                    data-testid="understood-column"
                    data-column=name
                    data-role=role.as_str()
                    data-pii=pii.map(pii_code).unwrap_or_default()
                >
                    <th scope="row">{shown}</th>
                    <td>
                        <select
                            data-testid="understood-role"
                            aria-label=move || format!("{}{label}", dt(lang.get(), DataText::RoleOf))
                            on:change=move |ev| {
                                if let Some(role) = ColumnRole::parse(&event_target_value(&ev)) {
                                    on_choice.run(Override::Role { column, role });
                                }
                            }
                        >
                            {ColumnRole::ALL
                                .into_iter()
                                .map(|r| view! { <option value=r.as_str() selected=r == role>{move || r.label(lang.get())}</option> })
                                .collect_view()}
                        </select>
                    </td>
                    <td class="why" data-testid="role-reason">{why}</td>
                    <td class:pii=pii.is_some() data-testid="column-pii">{pii_cell}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="understood-columns" data-testid="understood-columns">
                <thead>
                    <tr>
                        <th scope="col">{move || dt(lang.get(), DataText::Column)}</th>
                        <th scope="col">{move || dt(lang.get(), DataText::Role)}</th>
                        <th scope="col">{move || dt(lang.get(), DataText::Why)}</th>
                        <th scope="col">{move || dt(lang.get(), DataText::PersonalData)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A basket-per-line file: how many baskets, and the first ones as lists of items.
fn baskets_view(summary: &TableSummary, integers: bool) -> impl IntoView {
    let lang = use_app_state().lang;
    let count = summary.rows;
    let baskets = summary
        .preview
        .iter()
        .take(BASKETS_SHOWN)
        .map(|row| {
            let items: Vec<String> = if integers {
                row.iter()
                    .flat_map(|c| c.split_whitespace())
                    .map(str::to_string)
                    .collect()
            } else {
                row.iter()
                    .filter(|c| !c.trim().is_empty())
                    .cloned()
                    .collect()
            };
            view! { <li data-testid="basket-line">{items.join(", ")}</li> }
        })
        .collect_view();
    view! {
        <div class="notice" role="status" data-testid="basket-hint">
            <p>
                {move || dt(lang.get(), DataText::BasketHint)}
                " "
                <strong data-testid="basket-count" data-count=count>
                    {move || dt(lang.get(), DataText::BasketsCount).replace("{}", &grouped(count as u64))}
                </strong>
            </p>
            <h3>{move || dt(lang.get(), DataText::FirstBaskets)}</h3>
            <ol class="basket-lines">{baskets}</ol>
            <a href="#/baskets" data-testid="open-baskets">{move || dt(lang.get(), DataText::OpenBaskets)}</a>
        </div>
    }
}

/// A personal-data kind as named in JSON (`phone`, `chinese_id`…).
fn pii_code(kind: shoplens_core::privacy::PiiKind) -> String {
    serde_json::to_string(&kind)
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}
