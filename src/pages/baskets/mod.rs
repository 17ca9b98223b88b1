//! The Baskets page: build baskets from the loaded data, mine frequent itemsets and
//! association rules in the worker, and show them as a sortable, searchable table, a
//! scatter, and "frequently bought together" lists, with CSV and JSON downloads.
//!
//! Files: [`settings`] (the source and search form, the live support hint), [`rules_table`]
//! (the virtualised table, the selected rule and the baskets behind it), [`charts`] (the
//! scatter, the graph and the grouped matrix with their table alternatives), [`grouped`]
//! (the rules grouped by antecedent for the matrix), [`companions`] (frequently bought
//! together) and [`downloads`].

mod charts;
mod companions;
mod downloads;
mod grouped;
mod item_search;
mod rules_table;
mod settings;

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::format::grouped;
use crate::components::samples::Sample;
use crate::components::{JobPanel, TrySample};
use crate::i18n::baskets::{self as text, t, BasketText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::baskets::{
    BasketJob, BasketOutput, BasketSource, Behind, Mined, Prepared, MAX_RULES,
};
use crate::worker::protocol::{Job, Output};

/// The page's signals, shared with its parts through context.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BasketsState {
    /// How to build the baskets.
    pub source: RwSignal<BasketSource>,
    /// The baskets as built last (for the hint and the report).
    pub prepared: RwSignal<Option<Arc<Prepared>>>,
    /// The building job.
    pub prepare_job: RwSignal<JobStatus>,
    /// The mining job.
    pub job: RwSignal<JobStatus>,
    /// The last search's results.
    pub mined: RwSignal<Option<Arc<Mined>>>,
    /// The selected rule (index into `mined.rules`).
    pub selected: RwSignal<Option<usize>>,
    /// The baskets behind the selected rule.
    pub behind: RwSignal<Option<Behind>>,
    /// The job finding them.
    pub behind_job: RwSignal<JobStatus>,
    /// The grouped-matrix cell picked (its index, and the filter it puts on the rules
    /// table).
    pub cell: RwSignal<Option<(usize, grouped::CellFilter)>>,
}

fn use_baskets() -> BasketsState {
    expect_context::<BasketsState>()
}

/// The item names of rule `i` of `mined`: (antecedent, consequent).
pub(crate) fn rule_names(mined: &Mined, i: usize) -> (Vec<&str>, Vec<&str>) {
    let name = |ids: &[u32]| -> Vec<&str> {
        ids.iter()
            .filter_map(|&id| mined.items.get(id as usize).map(String::as_str))
            .collect()
    };
    mined
        .rules
        .get(i)
        .map(|r| (name(&r.antecedent), name(&r.consequent)))
        .unwrap_or_default()
}

/// "{a, b} → {c}".
pub(crate) fn rule_text(mined: &Mined, i: usize) -> String {
    let (a, c) = rule_names(mined, i);
    format!("{{{}}} → {{{}}}", a.join(", "), c.join(", "))
}

/// Builds the baskets with the current source (for the hint); any earlier build is dropped.
fn prepare(state: BasketsState, name: String) {
    let source = state.source.get_untracked();
    let prepared = state.prepared;
    run_task(
        Job::Baskets(BasketJob::Prepare { source }),
        name,
        state.prepare_job,
        move |output| {
            if let Output::Baskets(BasketOutput::Prepared(p)) = output {
                let placeholders = settings::placeholders(&p);
                prepared.set(Some(Arc::new(p)));
                // Placeholders (NONE, N/A) are never products: exclude them until the
                // user edits the list. Bags and postage are only suggested.
                // The change rebuilds the baskets through the effect below; it runs as a
                // task of its own so that rebuild does not start inside this reply's handler.
                let unset = state.source.with_untracked(|s| s.exclude_items.is_none());
                if unset && !placeholders.is_empty() {
                    leptos::task::spawn_local(async move {
                        state
                            .source
                            .update(|s| s.exclude_items = Some(placeholders));
                    });
                }
            }
        },
    );
}

/// The Baskets page.
#[component]
pub fn BasketsPage() -> impl IntoView {
    let app = use_app_state();
    let lang = app.lang;
    let state = BasketsState {
        source: RwSignal::new(BasketSource::default()),
        prepared: RwSignal::new(None),
        prepare_job: RwSignal::new(JobStatus::Idle),
        job: RwSignal::new(JobStatus::Idle),
        mined: RwSignal::new(None),
        selected: RwSignal::new(None),
        behind: RwSignal::new(None),
        behind_job: RwSignal::new(JobStatus::Idle),
        cell: RwSignal::new(None),
    };
    provide_context(state);
    // The last search, kept with the session (its settings fill the form in `settings`).
    results::restore("baskets.mine", move |_, output| {
        settings::show_mined(state, output)
    });

    // Build the baskets whenever the data or the source settings change, so the hint and
    // the detected columns are there before the first search.
    Effect::new(move || {
        let loaded = app.data.table.with(Option::is_some);
        state.source.track();
        if loaded && !app.data.job.get_untracked().is_running() {
            state.prepared.set(None);
            prepare(state, t(lang.get_untracked(), T::BuildingJob).to_string());
        }
    });

    let cancel = Callback::new(move |()| {
        cancel_task(state.job);
        // Terminating the worker stops every job in it.
        for other in [state.prepare_job, state.behind_job] {
            if other.get_untracked().is_running() {
                other.set(JobStatus::Idle);
            }
        }
    });
    let has_results = Signal::derive(move || state.mined.with(Option::is_some));
    let loaded = move || app.data.table.with(Option::is_some);

    view! {
        <section class="page baskets" data-testid="baskets-page">
            <h1>{move || t(lang.get(), T::Title)}</h1>
            <p class="intro">{move || t(lang.get(), T::Intro)}</p>
            <Show
                when=loaded
                fallback=move || {
                    view! {
                        <p class="notice" data-testid="baskets-no-data">
                            {move || t(lang.get(), T::NoData)}
                        </p>
                        <TrySample sample=Sample::Orders />
                    }
                }
            >
                <settings::Settings />
                <JobPanel
                    on_cancel=cancel
                    job=state.job
                    has_results=has_results
                    cancelled_note=Signal::derive(move || t(lang.get(), T::SearchCancelled))
                />
                <JobPanel on_cancel=cancel job=state.prepare_job />
                <Results />
            </Show>
        </section>
    }
}

/// Parts of the results drawn after the summary and the rules table, one per task: the
/// charts and their tables ([`charts::SCATTER_PART`] to [`charts::MATRIX_TABLE_PART`]),
/// then the "frequently bought together" lists. Drawn in the same task as the table,
/// 50,000 rules held the page's thread for over 400 ms.
const LATER_PARTS: u8 = COMPANIONS_PART;

/// The later part that lists "frequently bought together".
const COMPANIONS_PART: u8 = charts::MATRIX_TABLE_PART + 1;

/// Everything shown after a search: the summary, downloads and rules table at once, the
/// other parts each in a later task of its own; the block is `aria-busy` until all are
/// drawn (the report waits for that).
#[component]
fn Results() -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    // Counts the searches shown, for benches/baskets.mjs: a new search re-renders the same
    // elements in place, so the bench waits for this number to change.
    let shown = std::cell::Cell::new(0u32);
    move || {
        shown.set(shown.get() + 1);
        let run = shown.get();
        state.mined.get().map(|mined| {
            let counts = (mined.itemset_count, mined.rule_count, mined.elapsed_ms);
            // Machine-readable figures for benches/baskets.mjs: the search's (and its
            // itemset part's) and the basket building's milliseconds, and the worker's wasm
            // memory.
            let (build_ms, wasm_bytes) = (mined.prepared.elapsed_ms, mined.wasm_bytes);
            let itemsets_ms = mined.itemsets_ms;
            let summary = move || {
                text::summary(
                    lang.get(),
                    &grouped(counts.0 as u64),
                    &grouped(counts.1 as u64),
                    counts.2 / 1000.0,
                )
            };
            let partial = mined.partial_message.clone();
            let capped = (mined.rule_count > MAX_RULES)
                .then_some(move || text::capped(lang.get(), &grouped(MAX_RULES as u64)));
            // The later parts drawn so far; each timer fires in a task of its own.
            let drawn = RwSignal::new(0u8);
            leptos::task::spawn_local(async move {
                for part in 1..=LATER_PARTS {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    // A newer search disposes of the signal: setting it then does nothing.
                    drawn.set(part);
                }
            });
            let for_companions = mined.clone();
            let companions = Memo::new(move |_| drawn.get() >= COMPANIONS_PART);
            view! {
                <div
                    class="results"
                    data-testid="baskets-results"
                    aria-busy=move || (drawn.get() < LATER_PARTS).then_some("true")
                >
                    <p
                        class="run-summary"
                        data-testid="run-summary"
                        data-ms=format!("{:.1}", counts.2)
                        data-build-ms=format!("{build_ms:.1}")
                        data-itemsets-ms=format!("{itemsets_ms:.1}")
                        data-run=run.to_string()
                        data-wasm-bytes=wasm_bytes.to_string()
                    >
                        {summary}
                    </p>
                    {partial
                        .map(|m| {
                            view! {
                                <p class="notice warning" data-testid="partial">
                                    {move || m.message(lang.get()).to_string()}
                                </p>
                            }
                        })}
                    {capped.map(|c| view! { <p class="note">{c}</p> })}
                    <downloads::Downloads mined=mined.clone() />
                    <rules_table::RulesTable mined=mined.clone() />
                    <charts::RulesCharts mined=mined.clone() parts=drawn />
                    {move || {
                        companions
                            .get()
                            .then(|| {
                                view! { <companions::Companions mined=for_companions.clone() /> }
                            })
                    }}
                </div>
            }
        })
    }
}
