//! Downloads of a search's results. CSV goes through core's writers (UTF-8 with BOM,
//! formula cells neutralised); JSON is the CLI's `--json` shape.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::basket::export::{companions_csv, itemsets_csv, rules_csv, rules_json};
use shoplens_core::basket::{Itemsets, Rules, Transactions};

use crate::components::download::{download_csv, download_text};
use crate::i18n::baskets::{t, BasketText as T};
use crate::state::use_app_state;
use crate::worker::protocol::baskets::Mined;

/// The item dictionary of a search, as core's exporters want it (no baskets needed).
fn dictionary(mined: &Mined) -> Transactions {
    Transactions {
        items: mined.items.clone(),
        baskets: Vec::new(),
        revenue: mined.prepared.has_revenue.then(Vec::new),
    }
}

fn rules(mined: &Mined) -> Rules {
    Rules {
        baskets: mined.prepared.report.baskets,
        min_count: mined.min_count,
        itemsets: mined.itemset_count,
        rules: mined.rules.rules.clone(),
        partial: mined.partial,
    }
}

fn itemsets(mined: &Mined) -> Itemsets {
    Itemsets {
        baskets: mined.prepared.report.baskets,
        items: mined.items.len(),
        min_count: mined.min_count,
        target: mined.settings.target,
        algorithm: mined.settings.algorithm,
        itemsets: mined.itemsets.clone(),
        partial: mined.partial,
    }
}

/// The download buttons.
#[component]
pub fn Downloads(mined: Arc<Mined>) -> impl IntoView {
    let lang = use_app_state().lang;
    let m = mined.clone();
    let rules_as_csv = move |_| {
        let csv = rules_csv(&dictionary(&m), &rules(&m), lang.get_untracked());
        download_csv(&csv, "shoplens-rules.csv");
    };
    let m = mined.clone();
    let rules_as_json = move |_| {
        let tx = dictionary(&m);
        let found = rules(&m);
        if let Ok(json) = serde_json::to_string_pretty(&rules_json(&tx, &found)) {
            download_text(&json, "shoplens-rules.json", "application/json");
        }
    };
    let m = mined.clone();
    let itemsets_as_csv = move |_| {
        let csv = itemsets_csv(&dictionary(&m), &itemsets(&m), lang.get_untracked());
        download_csv(&csv, "shoplens-itemsets.csv");
    };
    let m = mined;
    let companions_as_csv = move |_| {
        let csv = companions_csv(&m.companions, lang.get_untracked());
        download_csv(&csv, "shoplens-bought-together.csv");
    };
    view! {
        <div class="downloads" role="group" aria-label=move || t(lang.get(), T::Downloads)>
            <span>{move || t(lang.get(), T::Downloads)} ": "</span>
            <button type="button" class="button small" data-testid="download-rules-csv" on:click=rules_as_csv>
                {move || t(lang.get(), T::RulesCsv)}
            </button>
            <button type="button" class="button small" data-testid="download-rules-json" on:click=rules_as_json>
                {move || t(lang.get(), T::RulesJson)}
            </button>
            <button type="button" class="button small" data-testid="download-itemsets-csv" on:click=itemsets_as_csv>
                {move || t(lang.get(), T::ItemsetsCsv)}
            </button>
            <button type="button" class="button small" data-testid="download-companions-csv" on:click=companions_as_csv>
                {move || t(lang.get(), T::CompanionsCsv)}
            </button>
            <crate::components::DownloadJob key="baskets.mine" name="baskets" />
        </div>
    }
}
