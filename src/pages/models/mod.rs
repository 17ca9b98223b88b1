//! The Models page: pick a target, the features (with the columns left out and why), a
//! model and its settings; train it in the worker (progress, Cancel), read the metrics and
//! the charts of the model ([`results`], [`tree`]), compare every model or a grid by k-fold
//! cross-validation, save the model and score a table with it.

mod compare;
mod files;
mod form;
mod results;
mod tree;

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::learn::dataset::Task;
use shoplens_core::learn::ModelKind;
use shoplens_core::table::Role;

use crate::components::samples::Sample;
use crate::components::{JobPanel, TrySample};
use crate::i18n::models::{t, ModelText as T};
use crate::state::{results as kept, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::models::{CvView, ModelJob, ModelOutput, ModelView};
use crate::worker::protocol::{Job, Output};

use compare::CvTable;
use files::ModelFiles;
use form::{DataSettings, FeaturePicker, FormState, ModelSettings};
use results::Results;

const KINDS: [&str; 6] = ["linear", "logistic", "knn", "tree", "forest", "svm"];

/// The Models page.
#[component]
pub fn ModelsPage() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<ModelView>>> = RwSignal::new(None);
    let compared: RwSignal<Option<CvView>> = RwSignal::new(None);
    let grid: RwSignal<Option<CvView>> = RwSignal::new(None);
    let form = FormState::new();
    let target = form.target;
    let kind = form.kind;
    // The features of a kept result, to tick instead of the target's defaults when its
    // feature plan arrives.
    let kept_features: StoredValue<Option<Vec<String>>> = StoredValue::new(None);
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
    // The target defaults to the column whose role is Target. Set only when it changes:
    // setting the same name again would ask for a new feature plan, and starting that job
    // cancels (terminates) a training the user has just started.
    Effect::new(move || {
        let cols = columns.get();
        let pick = cols
            .iter()
            .find(|(_, r)| *r == Role::Target)
            .or(cols.last())
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        if target.get_untracked() != pick {
            target.set(pick);
        }
    });
    // A new target: ask the worker which columns are usable, and tick those whose role is
    // Feature (identifiers, dates and ignored columns stay unticked).
    Effect::new(move || {
        let name = target.get();
        form.plan.set(None);
        if name.is_empty() {
            return;
        }
        run_task(
            Job::Models(ModelJob::Plan { target: name }),
            t(lang.get_untracked(), T::Planning).to_string(),
            status,
            move |output| {
                if let Output::Models(ModelOutput::Plan(plan)) = output {
                    let roles = columns.try_get_untracked().unwrap_or_default();
                    let kept = kept_features.try_update_value(Option::take).flatten();
                    if kept.is_none() {
                        // Defaults from the file: a model the target's task cannot use
                        // gives way to the task's default (logistic for classes, linear
                        // for numbers); a class target is split stratified.
                        let chosen = ModelKind::parse(&form.kind.get_untracked());
                        if !chosen.is_ok_and(|k| k.supports(plan.task)) {
                            form.kind.set(plan.default_model.as_str().into());
                        }
                        form.stratify.set(plan.task == Task::Classification);
                    }
                    let ticked = kept.unwrap_or_else(|| {
                        plan.usable
                            .iter()
                            .filter(|n| roles.iter().any(|(c, r)| c == *n && *r == Role::Feature))
                            .cloned()
                            .collect()
                    });
                    form.features.set(ticked);
                    form.plan.set(Some(plan));
                }
            },
        );
    });
    let show = move |output: Output| match output {
        Output::Models(ModelOutput::Trained(view)) => result.set(Some(Arc::from(view))),
        Output::Models(ModelOutput::Compared(view)) => compared.set(Some(view)),
        Output::Models(ModelOutput::Grid(view)) => grid.set(Some(view)),
        _ => {}
    };
    // The kept results; the form shows the settings of the last training.
    for key in ["models.compare", "models.grid", "models.train"] {
        kept::restore(key, move |job, output| {
            let data = match &job {
                Job::Models(ModelJob::Train(request)) => {
                    form.fill(request);
                    Some(&request.data)
                }
                Job::Models(ModelJob::Compare(c)) => {
                    form.fill_data(&c.data);
                    form.folds.set(c.folds);
                    Some(&c.data)
                }
                Job::Models(ModelJob::Grid(g)) => {
                    form.fill_data(&g.data);
                    if let Some(model) = &g.model {
                        form.fill_model(model);
                    }
                    form.folds.set(g.folds);
                    Some(&g.data)
                }
                _ => None,
            };
            if let Some(request) = data {
                // A feature plan on its way (a new target, or the first one) would tick
                // the defaults: it takes these instead.
                let replan = target.get_untracked() != request.target;
                if replan || form.plan.with_untracked(Option::is_none) {
                    kept_features.set_value(Some(request.features.clone()));
                }
                if replan {
                    target.set(request.target.clone());
                }
            }
            show(output);
        });
    }
    let run = move |_| {
        run_task(
            Job::Models(ModelJob::Train(form.request())),
            t(lang.get_untracked(), T::Training).to_string(),
            status,
            show,
        );
    };
    let compare_all = move |_| {
        run_task(
            Job::Models(ModelJob::Compare(form.compare())),
            t(lang.get_untracked(), T::Comparing).to_string(),
            status,
            show,
        );
    };
    let grid_search = move |_| {
        run_task(
            Job::Models(ModelJob::Grid(form.grid())),
            t(lang.get_untracked(), T::Searching).to_string(),
            status,
            show,
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
            fallback=move || view! {
                <p class="empty" data-testid="models-empty">{move || t(lang.get(), T::LoadFirst)}</p>
                <TrySample sample=Sample::Churn />
            }
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
                            {KINDS.into_iter().map(|k| view! {
                                <option value=k selected=move || kind.get() == k>
                                    {move || ModelKind::parse(k).map(|m| m.label(lang.get())).unwrap_or(k)}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::TestSize)}</span>
                        <input type="number" min="0" max="0.9" step="0.05" data-testid="models-test-size"
                            prop:value=move || form.test_size.get().to_string()
                            on:change=move |ev| {
                                if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                                    form.test_size.set(v.clamp(0.0, 0.9));
                                }
                            }
                        />
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::Seed)}</span>
                        <input type="number" min="0" data-testid="models-seed"
                            prop:value=move || form.seed.get().to_string()
                            on:change=move |ev| {
                                if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                    form.seed.set(v);
                                }
                            }
                        />
                    </label>
                </div>
                <DataSettings form=form />
                <FeaturePicker form=form />
                <ModelSettings form=form />
                <div class="actions">
                    <button type="button" class="button primary" data-testid="models-run" on:click=run>
                        {move || t(lang.get(), T::Train)}
                    </button>
                    <button type="button" class="button" data-testid="models-compare-all" on:click=compare_all>
                        {move || t(lang.get(), T::CompareAll)}
                    </button>
                    <button type="button" class="button" data-testid="models-grid-search" on:click=grid_search>
                        {move || t(lang.get(), T::GridSearch)}
                    </button>
                </div>
                <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
                {move || result.get().map(|v| {
                    let fit_ms = v.fit_ms;
                    view! {
                    <p class="fit-time" data-testid="models-fit-ms" data-value=fit_ms.to_string() data-kind=v.kind.as_str()>
                        {move || format!("{}: {fit_ms:.1} ms", t(lang.get(), T::FitTime))}
                    </p>
                }})}
            </section>
            {move || compared.get().map(|v| view! { <CvTable view=v heading=T::CompareHeading test_id="models-compare" /> })}
            {move || grid.get().map(|v| view! { <CvTable view=v heading=T::GridHeading test_id="models-grid" /> })}
            <ModelFiles status=status result=result />
            {move || result.get().map(|v| view! { <Results view=v /> })}
        </Show>
    }
}
