//! "Frequently bought together": each product's best companions, best-selling products
//! first, filtered by product name.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::basket::Measure;

use crate::components::format::{grouped, percent};
use crate::i18n::baskets::{t, BasketText as T};
use crate::state::use_app_state;
use crate::worker::jobs::baskets::Mined;

/// Products listed at most (the CSV has them all).
const SHOWN: usize = 200;

/// The companions table.
#[component]
pub fn Companions(mined: Arc<Mined>) -> impl IntoView {
    let lang = use_app_state().lang;
    let query = RwSignal::new(String::new());
    let empty = mined.companions.is_empty();
    let body = move || {
        let q = query.get().trim().to_lowercase();
        mined
            .companions
            .iter()
            .filter(|l| q.is_empty() || l.name.to_lowercase().contains(&q))
            .take(SHOWN)
            .map(|list| {
                let with = list
                    .companions
                    .iter()
                    .map(|c| {
                        format!(
                            "{} ({} {:.2}, {} {})",
                            c.name,
                            Measure::Lift.label(lang.get()),
                            c.lift,
                            Measure::Confidence.label(lang.get()),
                            percent(c.confidence * 100.0)
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
                                <th>{move || t(lang.get(), T::BoughtWith)}</th>
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
