//! The Products page: which products carry the business and how steadily they sell
//! ([`abc_xyz`]: the ABC/XYZ matrix, a product list per cell, CSV export) and what each
//! customer might buy next ([`recommend`]: co-purchase recommendations with their hit rate
//! and recall on held-out last orders beside the best-seller baseline). Both run in the
//! worker on core's jobs, with progress and Cancel, and are kept with the session.

mod abc_xyz;
mod columns;
mod recommend;

use leptos::prelude::*;

use crate::components::samples::Sample;
use crate::components::TrySample;
use crate::i18n::products::{t, ProductText as T};
use crate::state::use_app_state;

/// The Products page.
#[component]
pub fn ProductsPage() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let loaded = move || state.data.table.with(Option::is_some);
    view! {
        <section class="card intro">
            <h1>{move || t(lang.get(), T::Title)}</h1>
            <p class="lead">{move || t(lang.get(), T::Intro)}</p>
        </section>
        <Show
            when=loaded
            fallback=move || view! {
                <p class="empty" data-testid="products-empty">{move || t(lang.get(), T::LoadFirst)}</p>
                <TrySample sample=Sample::Orders />
            }
        >
            <abc_xyz::AbcXyzSection />
            <recommend::RecommendSection />
        </Show>
    }
}

/// Revenue with grouped thousands and no decimals (the matrix has room for little more).
fn whole_money(value: f64) -> String {
    let units = value.abs().round() as u64;
    let sign = if value < 0.0 && units > 0 { "-" } else { "" };
    format!("{sign}{}", crate::components::format::grouped(units))
}

#[cfg(test)]
mod tests {
    use super::whole_money;

    #[test]
    fn money_is_grouped_and_rounded() {
        assert_eq!(whole_money(12_345.6), "12,346");
        assert_eq!(whole_money(-0.2), "0");
    }
}
