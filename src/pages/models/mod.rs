//! The Models page: pick a target and a model, train it in the worker (progress, Cancel),
//! and read the held-out metrics, the coefficients and the charts of the model
//! ([`results`], [`tree`]).

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::table::Role;

use crate::components::JobPanel;
use crate::i18n::models::{t, ModelText as T};
use crate::state::{use_app_state, JobStatus};
use crate::worker::jobs::models::{KindChoice, ModelJob, ModelOutput, ModelView, TrainRequest};
use crate::worker::protocol::{Job, Output};
use crate::worker::task::{cancel_task, run_task};

mod results;
mod tree;

use results::Results;

const KINDS: [&str; 6] = ["linear", "logistic", "knn", "tree", "forest", "svm"];

fn choice(key: &str) -> KindChoice {
    match key {
        "linear" => KindChoice::Linear,
        "logistic" => KindChoice::Logistic { c: 1.0 },
        "knn" => KindChoice::Knn { k: 5 },
        "tree" => KindChoice::Tree { max_depth: None },
        "svm" => KindChoice::Svm { c: 1.0 },
        _ => KindChoice::Forest {
            n_trees: 100,
            max_depth: None,
        },
    }
}

/// The Models page.
#[component]
pub fn ModelsPage() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<ModelView>>> = RwSignal::new(None);
    let target = RwSignal::new(String::new());
    let kind = RwSignal::new("linear".to_string());
    let test_size = RwSignal::new(0.2f64);
    let seed = RwSignal::new(42u64);
    let columns = Memo::new(move |_| {
        state.data.table.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.columns
                        .iter()
                        .map(|c| (c.name.clone(), c.role))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The target defaults to the column whose role is Target.
    Effect::new(move || {
        let cols = columns.get();
        let pick = cols
            .iter()
            .find(|(_, r)| *r == Role::Target)
            .or(cols.last())
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        target.set(pick);
    });
    let run = move |_| {
        let features: Vec<String> = columns
            .get_untracked()
            .into_iter()
            .filter(|(n, r)| *r == Role::Feature && *n != target.get_untracked())
            .map(|(n, _)| n)
            .collect();
        let request = TrainRequest {
            target: target.get_untracked(),
            features,
            model: choice(&kind.get_untracked()),
            test_size: test_size.get_untracked(),
            seed: seed.get_untracked(),
            stratify: false,
        };
        run_task(
            Job::Models(ModelJob::Train(request)),
            t(lang.get_untracked(), T::Training).to_string(),
            status,
            move |output| {
                if let Output::Models(ModelOutput::Trained(view)) = output {
                    result.set(Some(Arc::from(view)));
                }
            },
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    let loaded = move || state.data.table.with(Option::is_some);
    view! {
        <section class="card intro">
            <h1>{move || t(lang.get(), T::Title)}</h1>
        </section>
        <Show
            when=loaded
            fallback=move || view! { <p class="empty" data-testid="models-empty">{move || t(lang.get(), T::LoadFirst)}</p> }
        >
            <section class="card">
                <div class="fields">
                    <label class="field">
                        <span>{move || t(lang.get(), T::Target)}</span>
                        <select data-testid="models-target" prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                            {move || columns.get().into_iter().map(|(n, _)| {
                                let sel = n == target.get_untracked();
                                view! { <option value=n.clone() selected=sel>{n.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::Model)}</span>
                        <select data-testid="models-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                            {KINDS.into_iter().map(|k| view! { <option value=k selected=move || kind.get() == k>{k}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::TestSize)}</span>
                        <input type="number" min="0" max="0.9" step="0.05" data-testid="models-test-size"
                            prop:value=move || test_size.get().to_string()
                            on:change=move |ev| {
                                if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                                    test_size.set(v.clamp(0.0, 0.9));
                                }
                            }
                        />
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::Seed)}</span>
                        <input type="number" min="0" data-testid="models-seed"
                            prop:value=move || seed.get().to_string()
                            on:change=move |ev| {
                                if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                    seed.set(v);
                                }
                            }
                        />
                    </label>
                </div>
                <button type="button" class="button primary" data-testid="models-run" on:click=run>
                    {move || t(lang.get(), T::Train)}
                </button>
                <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
            </section>
            {move || result.get().map(|v| view! { <Results view=v /> })}
        </Show>
    }
}
