//! "Frequently bought together": each product's companions by how often they are bought
//! with it (confidence, written as a percentage as everywhere on the page), best-selling
//! products first, filtered by whole product names; above the list, the floors a pair
//! passed (its basket count and lift), which the search form lets the user change.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::basket::Measure;

use super::item_search::ItemQuery;
use crate::components::format::{grouped, share};
use crate::i18n::baskets::{self as text, t, BasketText as T};
use crate::state::use_app_state;
use crate::worker::protocol::baskets::Mined;

/// Products listed at most (the CSV has them all).
const SHOWN: usize = 200;

/// The companions table.
#[component]
pub fn Companions(mined: Arc<Mined>) -> impl IntoView {
    let lang = use_app_state().lang;
    let query = RwSignal::new(String::new());
    let empty = mined.companions.is_empty();
    let baskets = mined.prepared.report.baskets;
    let floor = mined
        .settings
        .companions
        .min_count(baskets, mined.min_count);
    let min_lift = mined.settings.companions.min_lift;
    let floors = move || {
        text::companion_floors(
            lang.get(),
            &grouped(floor),
            &share(floor as f64 / baskets.max(1) as f64),
            &format!("{min_lift:.2}"),
        )
    };
    let body = move || {
        let q = ItemQuery::new(&query.get());
        mined
            .companions
            .iter()
            .filter(|l| q.matches(&l.name))
            .take(SHOWN)
            .map(|list| {
                let with = list
                    .companions
                    .iter()
                    .map(|c| {
                        format!(
                            "{} ({}, {} {:.2})",
                            c.name,
                            share(c.confidence),
                            Measure::Lift.label(lang.get()),
                            c.lift,
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                view! {
                    <tr data-testid="companion-row">
                        <td class="product">{list.name.clone()}</td>
                        <td class="num">{grouped(list.count)}</td>
                        <td>{with}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="companions" data-testid="companions">
            <h2>{move || t(lang.get(), T::CompanionsHeading)}</h2>
            <p class="note">{move || t(lang.get(), T::CompanionsIntro)}</p>
            <p class="note" data-testid="companion-floors">{floors}</p>
            {if empty {
                view! { <p class="notice">{move || t(lang.get(), T::NoCompanions)}</p> }.into_any()
            } else {
                view! {
                    <input
                        type="search"
                        data-testid="companion-search"
                        placeholder=move || t(lang.get(), T::SearchItems)
                        aria-label=move || t(lang.get(), T::SearchItems)
                        prop:value=query
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                    <table class="plain companions-table">
                        <thead>
                            <tr>
                                <th>{move || t(lang.get(), T::Product)}</th>
                                <th>{move || Measure::Count.label(lang.get())}</th>
                                <th>
                                    {move || t(lang.get(), T::BoughtWith)} " ("
                                    {move || t(lang.get(), T::HowOften)} ", "
                                    {move || Measure::Lift.label(lang.get())} ")"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
    }
}
