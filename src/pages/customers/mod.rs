//! The Customers page: who the customers are and who is slipping away, from the loaded
//! table, in five views run in the worker with progress and Cancel:
//! - [`rfm`]: recency, frequency and monetary scores and the eleven named segments;
//! - [`segments`]: k-means segments with elbow, silhouette, profiles and a PCA map;
//! - [`churn`]: a leakage-safe churn model and the customers most at risk;
//! - [`clv`]: lifetime value (BG/NBD or Pareto/NBD with Gamma-Gamma) and its holdout check;
//! - [`cohorts`]: cohort retention by first-purchase month or week.
//!
//! [`columns`] guesses which columns hold customer, order, date and money.

mod churn;
mod clv;
mod cohorts;
mod columns;
mod rfm;
mod segments;

use leptos::prelude::*;

use crate::components::samples::Sample;
use crate::components::TrySample;
use crate::i18n::customers::{t, CustomerText as T};
use crate::state::use_app_state;
use columns::{guess, OrderPick};

/// The five views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Rfm,
    Segments,
    Churn,
    Clv,
    Cohorts,
}

impl Tab {
    const ALL: [Tab; 5] = [Tab::Rfm, Tab::Segments, Tab::Churn, Tab::Clv, Tab::Cohorts];

    fn text(self, lang: shoplens_core::Lang) -> &'static str {
        use crate::i18n::clv::{t as clv_t, ClvText};
        match self {
            Tab::Rfm => t(lang, T::RfmTab),
            Tab::Segments => t(lang, T::SegmentsTab),
            Tab::Churn => t(lang, T::ChurnTab),
            Tab::Clv => clv_t(lang, ClvText::ClvTab),
            Tab::Cohorts => clv_t(lang, ClvText::CohortTab),
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Tab::Rfm => "rfm",
            Tab::Segments => "segments",
            Tab::Churn => "churn",
            Tab::Clv => "clv",
            Tab::Cohorts => "cohorts",
        }
    }
}

/// The Customers page.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let tab = RwSignal::new(Tab::Rfm);
    let pick = OrderPick::new();
    // Guess the columns again whenever another table is loaded.
    Effect::new(move || {
        let names = state.data.column_names();
        // No table yet (a reload opens the page before the session's file is read): keep
        // the RFM view rather than switching away from it on an empty guess.
        if names.is_empty() {
            return;
        }
        let g = guess(&names);
        // A table of customers rather than order lines opens on the segments view.
        if g.customer.is_none() {
            tab.set(Tab::Segments);
        }
        pick.apply(g);
    });
    let loaded = move || state.data.table.with(Option::is_some);
    view! {
        <section class="card intro">
            <h1>{move || t(lang.get(), T::Title)}</h1>
            <p class="lead">{move || t(lang.get(), T::Intro)}</p>
        </section>
        <Show
            when=loaded
            fallback=move || view! {
                <p class="empty" data-testid="customers-empty">{move || t(lang.get(), T::LoadFirst)}</p>
                <TrySample sample=Sample::Orders />
            }
        >
            <nav class="tabs" role="tablist">
                {Tab::ALL
                    .into_iter()
                    .map(|which| view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            class:active=move || tab.get() == which
                            aria-selected=move || (tab.get() == which).to_string()
                            data-testid=format!("tab-{}", which.slug())
                            on:click=move |_| tab.set(which)
                        >
                            {move || which.text(lang.get())}
                        </button>
                    })
                    .collect_view()}
            </nav>
            // Each view stays mounted (hidden when not chosen) so its results survive a
            // switch between tabs.
            <div class:hidden=move || tab.get() != Tab::Rfm>
                <rfm::RfmTab pick=pick />
            </div>
            <div class:hidden=move || tab.get() != Tab::Segments>
                <segments::SegmentsTab pick=pick />
            </div>
            <div class:hidden=move || tab.get() != Tab::Churn>
                <churn::ChurnTab pick=pick />
            </div>
            <div class:hidden=move || tab.get() != Tab::Clv>
                <clv::ClvTab pick=pick />
            </div>
            <div class:hidden=move || tab.get() != Tab::Cohorts>
                <cohorts::CohortTab pick=pick />
            </div>
        </Show>
    }
}

/// Money with grouped thousands and two decimals: `12,345.60`, `-3.50`.
fn money(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let cents = (value.abs() * 100.0).round() as u64;
    let sign = if value < 0.0 && cents > 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        crate::components::format::grouped(cents / 100),
        cents % 100
    )
}

#[cfg(test)]
mod tests {
    use super::money;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(12_345.6), "12,345.60");
        assert_eq!(money(-3.5), "-3.50");
        assert_eq!(money(0.004), "0.00");
    }
}
