//! The churn view: a window and a cutoff, a classifier from the Models kernels, held-out
//! metrics, and the active customers most at risk with the factors that drive their risk.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::segment::churn::{feature_label, FEATURES};
use shoplens_core::segment::export::{to_csv, Cell};
use shoplens_core::Lang;

use super::columns::{OrderColumnsForm, OrderPick};
use super::money;
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent, stat};
use crate::components::JobPanel;
use crate::i18n::customers::{t, CustomerText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::customers::{
    ChurnClassifier, ChurnRequest, ChurnView, CustomerJob, CustomerOutput,
};
use crate::worker::protocol::{Job, Output};

fn classifier_name(c: ChurnClassifier) -> T {
    match c {
        ChurnClassifier::Logistic => T::Logistic,
        ChurnClassifier::Tree => T::Tree,
        ChurnClassifier::Forest => T::Forest,
        ChurnClassifier::Knn => T::Knn,
    }
}

/// The churn view.
#[component]
pub fn ChurnTab(pick: OrderPick) -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<ChurnView>>> = RwSignal::new(None);
    let window = RwSignal::new(90i64);
    let cutoff = RwSignal::new(String::new());
    let classifier = RwSignal::new(ChurnClassifier::Logistic);
    let seed = RwSignal::new(42u64);
    let show = move |output: Output| {
        if let Output::Customers(CustomerOutput::Churn(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("customers.churn", move |job, output| {
        if let Job::Customers(CustomerJob::Churn(request)) = job {
            pick.fill(&request.columns);
            cutoff.set(request.cutoff.unwrap_or_default());
            window.set(request.window_days);
            classifier.set(request.classifier);
            seed.set(request.seed);
        }
        show(output);
    });
    let run = move |_| {
        let Some(columns) = pick.columns() else {
            return;
        };
        let request = ChurnRequest {
            columns,
            cutoff: Some(cutoff.get()).filter(|c| !c.is_empty()),
            window_days: window.get(),
            classifier: classifier.get(),
            seed: seed.get(),
        };
        run_task(
            Job::Customers(CustomerJob::Churn(request)),
            t(lang.get_untracked(), T::ChurnTab).to_string(),
            status,
            show,
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card">
            <p class="lead">{move || t(lang.get(), T::ChurnIntro)}</p>
            <OrderColumnsForm pick=pick />
            <div class="fields">
                <label class="field">
                    <span>{move || t(lang.get(), T::WindowDays)}</span>
                    <input
                        type="number"
                        min="1"
                        data-testid="churn-window"
                        prop:value=move || window.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<i64>() {
                                window.set(v.max(1));
                            }
                        }
                    />
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Cutoff)}</span>
                    <input
                        type="date"
                        data-testid="churn-cutoff"
                        prop:value=move || cutoff.get()
                        on:change=move |ev| cutoff.set(event_target_value(&ev))
                    />
                    <small class="hint">{move || t(lang.get(), T::CutoffHint)}</small>
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Classifier)}</span>
                    <select
                        data-testid="churn-classifier"
                        on:change=move |ev| classifier.set(ChurnClassifier::from_key(&event_target_value(&ev)))
                    >
                        {ChurnClassifier::ALL
                            .into_iter()
                            .map(|c| view! {
                                <option value=c.key() selected=move || classifier.get() == c>
                                    {move || t(lang.get(), classifier_name(c))}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Seed)}</span>
                    <input
                        type="number"
                        min="0"
                        data-testid="churn-seed"
                        prop:value=move || seed.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                seed.set(v);
                            }
                        }
                    />
                </label>
            </div>
            <p class="hint">{move || t(lang.get(), T::LeakageNote)}</p>
            <button
                type="button"
                class="button primary"
                data-testid="churn-run"
                disabled=move || pick.columns().is_none()
                on:click=run
            >
                {move || t(lang.get(), T::RunChurn)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <ChurnResults view=view /> })}
    }
}

fn feature_value(index: usize, value: f64) -> String {
    match FEATURES.get(index).copied() {
        Some("monetary" | "average_order_value") => money(value),
        _ => stat((value * 100.0).round() / 100.0),
    }
}

#[component]
fn ChurnResults(view: Arc<ChurnView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let v = view.clone();
    let export_view = view.clone();
    let export = move |_| {
        let lang = lang.get_untracked();
        let mut header: Vec<&str> = vec![t(lang, T::CustomerHeader), t(lang, T::ProbabilityHeader)];
        header.extend(FEATURES.iter().copied());
        let rows: Vec<Vec<Cell>> = export_view
            .scored
            .iter()
            .map(|c| {
                let mut row = vec![Cell::Text(c.customer.clone()), Cell::Number(c.probability)];
                row.extend(c.features.iter().map(|&x| Cell::Number(x)));
                row
            })
            .collect();
        download_csv(&to_csv(&header, &rows), t(lang, T::ChurnFileName));
    };
    let at_risk = view.at_risk.clone();
    view! {
        <section class="card" data-testid="churn-results">
            <crate::components::DownloadJob key="customers.churn" name="churn" />
            <h2>{move || t(lang.get(), T::ChurnResultsTitle)}</h2>
            <dl class="facts">
                <Fact label=T::Cutoff value=v.cutoff.clone() test_id="churn-cutoff-used" />
                <Fact label=T::Customers value=grouped(v.customers as u64) test_id="churn-customers" raw=v.customers as f64 />
                <Fact label=T::Churned value=format!("{} ({})", grouped(v.churned as u64), percent(100.0 * v.churned as f64 / v.customers.max(1) as f64)) test_id="churn-churned" raw=v.churned as f64 />
                <Fact label=T::TrainTest value=format!("{} / {}", grouped(v.train_size as u64), grouped(v.test_size as u64)) test_id="churn-split" />
                <Fact label=T::Auc value=stat(v.auc) test_id="churn-auc" raw=v.auc />
                <Fact label=T::RecencyAuc value=stat(v.recency_auc) test_id="churn-recency-auc" raw=v.recency_auc />
                <Fact label=T::Accuracy value=stat(v.accuracy) test_id="churn-accuracy" raw=v.accuracy />
                <Fact label=T::Precision value=stat(v.precision) test_id="churn-precision" raw=v.precision />
                <Fact label=T::Recall value=stat(v.recall) test_id="churn-recall" raw=v.recall />
                <Fact label=T::F1 value=stat(v.f1) test_id="churn-f1" raw=v.f1 />
                <Fact label=T::TestChurnRate value=percent(100.0 * v.test_churn_rate) test_id="churn-test-rate" />
                <Fact label=T::Time value=format!("{:.0} ms", v.ms) test_id="churn-ms" />
            </dl>
            {(v.auc < v.recency_auc).then(|| {
                let (model, baseline) = (stat(v.auc), stat(v.recency_auc));
                view! {
                <p class="notice warning" role="status" data-testid="churn-below-baseline">
                    {move || crate::i18n::fill(
                        t(lang.get(), T::BelowBaseline),
                        &[("model", model.clone()), ("baseline", baseline.clone())],
                    )}
                </p>
            }})}
            <p class="hint">
                {move || format!("{} · {} {} {}", t(lang.get(), classifier_name(v.classifier)), t(lang.get(), T::WindowDays), v.window_days, t(lang.get(), T::HeldOutNote))}
            </p>
            <h3>{move || t(lang.get(), T::AtRiskTitle)}</h3>
            <p class="hint">
                {move || format!("{} {}", t(lang.get(), T::AtRiskNote), grouped(view.active as u64))}
            </p>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="churn-at-risk">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::CustomerHeader)}</th>
                            <th class="num">{move || t(lang.get(), T::Probability)}</th>
                            <th class="num">{move || feature_label(0, lang.get())}</th>
                            <th class="num">{move || feature_label(1, lang.get())}</th>
                            <th class="num">{move || feature_label(2, lang.get())}</th>
                            <th>{move || t(lang.get(), T::Factors)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {at_risk
                            .into_iter()
                            .map(|c| {
                                let factors = c.factors.clone();
                                let values = c.features.clone();
                                view! {
                                    <tr data-probability=c.probability.to_string()>
                                        <th>{c.customer.clone()}</th>
                                        <td class="num">{percent(100.0 * c.probability)}</td>
                                        <td class="num">{stat(c.features[0])}</td>
                                        <td class="num">{stat(c.features[1])}</td>
                                        <td class="num">{money(c.features[2])}</td>
                                        <td>
                                            {move || {
                                                let lang: Lang = lang.get();
                                                factors
                                                    .iter()
                                                    .map(|&(j, effect)| format!(
                                                        "{} {} (+{:.0} {})",
                                                        feature_label(j, lang),
                                                        feature_value(j, values[j]),
                                                        100.0 * effect,
                                                        t(lang, T::Points),
                                                    ))
                                                    .collect::<Vec<_>>()
                                                    .join("; ")
                                            }}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint">{move || t(lang.get(), T::FactorsNote)}</p>
            <button type="button" class="button" data-testid="churn-export" on:click=export>
                {move || t(lang.get(), T::ExportCsv)}
            </button>
        </section>
    }
}
