//! The state of the loading job: a progress bar with Cancel while it runs, the error in the
//! user's language when it failed, a note when it was cancelled.

use leptos::prelude::*;
use shoplens_core::error::human_bytes;

use crate::i18n::{t, Text};
use crate::state::{use_app_state, JobStatus};
use crate::worker::protocol::Stage;

/// Shows the current job's status; `on_cancel` stops it.
#[component]
pub fn JobPanel(
    /// Called when the user presses Cancel.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// The job to show; the Data page's loading job when absent. An analysis page passes
    /// its own job, and then messages speak of results rather than of a file.
    #[prop(optional)]
    job: Option<RwSignal<JobStatus>>,
    /// For an analysis job: whether earlier results are still on screen.
    #[prop(optional, into)]
    has_results: Option<Signal<bool>>,
    /// What to say once cancelled, when "loading cancelled" would be wrong (a search).
    #[prop(optional, into)]
    cancelled_note: Option<Signal<&'static str>>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let analysis = job.is_some();
    let job = job.unwrap_or(state.data.job);
    let (failed_title, kept_note) = if analysis {
        (Text::CouldNotFinish, Text::ResultsKept)
    } else {
        (Text::CouldNotRead, Text::PreviousKept)
    };
    let has_table = move || match has_results {
        Some(results) => results.get(),
        None => !analysis && state.data.table.with(Option::is_some),
    };
    move || match job.get() {
        JobStatus::Idle => ().into_any(),
        JobStatus::Running {
            name,
            stage,
            done,
            total,
        } => {
            let (verb, amount) = match stage {
                Stage::Read => (
                    Text::Reading,
                    format!("{} / {}", human_bytes(done), human_bytes(total)),
                ),
                Stage::Parse if total > 0 => (
                    Text::Parsing,
                    format!("{:.0}%", done as f64 * 100.0 / total as f64),
                ),
                Stage::Parse => (Text::Parsing, String::new()),
                Stage::Compute if total > 0 => (
                    Text::Computing,
                    format!("{:.0}%", done as f64 * 100.0 / total as f64),
                ),
                Stage::Compute => (Text::Computing, String::new()),
                Stage::Itemsets | Stage::Rules => {
                    let amount = if total > 0 {
                        format!("{:.0}%", done as f64 * 100.0 / total as f64)
                    } else {
                        String::new()
                    };
                    return search_running(lang, stage, name, amount, done, total, on_cancel);
                }
            };
            // A stage without a total leaves the bar indeterminate (no `value`).
            let value = (stage == Stage::Read || total > 0).then(|| done.to_string());
            let max = total.max(1).to_string();
            view! {
                <div class="job running" role="status" data-testid="job-running">
                    <div class="job-line">
                        <span class="job-verb">{move || t(lang.get(), verb)}</span>
                        <span class="job-name">{name}</span>
                        <span class="job-amount">{amount}</span>
                    </div>
                    <div class="job-line">
                        <progress max=max value=value></progress>
                        <button
                            type="button"
                            class="button"
                            data-testid="cancel"
                            on:click=move |_| on_cancel.run(())
                        >
                            {move || t(lang.get(), Text::Cancel)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
        JobStatus::Failed { name, error } => view! {
            <div class="job failed" role="alert" data-testid="job-error">
                <p class="job-title">
                    {move || t(lang.get(), failed_title)}
                    <span class="job-name">{name}</span>
                </p>
                <p class="job-message">{move || error.message(lang.get()).to_string()}</p>
                <Show when=has_table>
                    <p class="job-note">{move || t(lang.get(), kept_note)}</p>
                </Show>
            </div>
        }
        .into_any(),
        JobStatus::Cancelled => view! {
            <div class="job cancelled" role="status" data-testid="job-cancelled">
                <p>
                    {move || match cancelled_note {
                        Some(note) => note.get(),
                        None => t(lang.get(), Text::CancelledNote),
                    }}
                </p>
                <Show when=has_table>
                    <p class="job-note">{move || t(lang.get(), kept_note)}</p>
                </Show>
            </div>
        }
        .into_any(),
    }
}

/// The bar of a basket search: which stage it is in (itemsets, then rules) and how far.
fn search_running(
    lang: RwSignal<shoplens_core::Lang>,
    stage: Stage,
    name: String,
    amount: String,
    done: u64,
    total: u64,
    on_cancel: Callback<()>,
) -> AnyView {
    use crate::i18n::baskets::{t as bt, BasketText};
    let verb = if stage == Stage::Itemsets {
        BasketText::SearchingItemsets
    } else {
        BasketText::BuildingRules
    };
    let value = (total > 0).then(|| done.to_string());
    let max = total.max(1).to_string();
    view! {
        <div class="job running" role="status" data-testid="job-running" data-stage=format!("{stage:?}").to_lowercase()>
            <div class="job-line">
                <span class="job-verb">{move || bt(lang.get(), verb)}</span>
                <span class="job-name">{name}</span>
                <span class="job-amount" data-testid="job-amount">{amount}</span>
            </div>
            <div class="job-line">
                <progress max=max value=value></progress>
                <button type="button" class="button" data-testid="cancel" on:click=move |_| on_cancel.run(())>
                    {move || t(lang.get(), Text::Cancel)}
                </button>
            </div>
        </div>
    }
    .into_any()
}
