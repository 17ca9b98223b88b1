//! The lifetime-value view: BG/NBD (or Pareto/NBD) and Gamma-Gamma fitted in the worker by
//! core's clv job, the parameters, the holdout chart (predicted against actual repeat
//! purchases per calibration frequency), value segments and the customers by expected
//! value with a CSV export.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::clv::summary::TimeUnit;
use shoplens_core::jobs::clv::ClvJob;
use shoplens_core::jobs::clv_export::clv_csv;

use super::columns::{OrderColumnsForm, OrderPick};
use super::money;
use crate::charts::holdout::{HoldoutChart, HoldoutData};
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent, stat};
use crate::components::JobPanel;
use crate::i18n::clv::{segment_name, t, ClvText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::customers::{ClvModel, ClvView, CustomerJob, CustomerOutput};
use crate::worker::protocol::{Job, Output};

/// Customers listed in the table (the export has all).
const LISTED: usize = 200;

/// The lifetime-value view.
#[component]
pub fn ClvTab(pick: OrderPick) -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<ClvView>>> = RwSignal::new(None);
    let end = RwSignal::new(String::new());
    let calibration = RwSignal::new(String::new());
    let unit = RwSignal::new(TimeUnit::Week);
    let periods = RwSignal::new(52u32);
    let discount = RwSignal::new(0.1f64);
    let model = RwSignal::new(ClvModel::Bgnbd);
    let show = move |output: Output| {
        if let Output::Customers(CustomerOutput::Clv(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("customers.clv", move |job, output| {
        if let Job::Customers(CustomerJob::Clv(request)) = job {
            if let Some(columns) = &request.columns {
                pick.fill(columns);
            }
            end.set(request.end.unwrap_or_default());
            calibration.set(request.calibration_end.unwrap_or_default());
            unit.set(request.unit);
            periods.set(request.periods);
            discount.set(request.discount);
            model.set(request.model);
        }
        show(output);
    });
    let run = move |_| {
        let Some(columns) = pick.columns() else {
            return;
        };
        let request = ClvJob {
            columns: Some(columns),
            end: Some(end.get()).filter(|d| !d.is_empty()),
            calibration_end: Some(calibration.get()).filter(|d| !d.is_empty()),
            unit: unit.get(),
            periods: periods.get(),
            discount: discount.get(),
            model: model.get(),
        };
        run_task(
            Job::Customers(CustomerJob::Clv(request)),
            t(lang.get_untracked(), T::ClvTab).to_string(),
            status,
            show,
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card">
            <p class="lead">{move || t(lang.get(), T::ClvIntro)}</p>
            <OrderColumnsForm pick=pick />
            <div class="fields">
                <label class="field">
                    <span>{move || t(lang.get(), T::End)}</span>
                    <input type="date" data-testid="clv-end" prop:value=move || end.get()
                        on:change=move |ev| end.set(event_target_value(&ev)) />
                    <small class="hint">{move || t(lang.get(), T::EndHint)}</small>
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::CalibrationEnd)}</span>
                    <input type="date" data-testid="clv-calibration" prop:value=move || calibration.get()
                        on:change=move |ev| calibration.set(event_target_value(&ev)) />
                    <small class="hint">{move || t(lang.get(), T::CalibrationHint)}</small>
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Unit)}</span>
                    <select data-testid="clv-unit" on:change=move |ev| {
                        unit.set(if event_target_value(&ev) == "day" { TimeUnit::Day } else { TimeUnit::Week });
                    }>
                        <option value="week" selected=move || unit.get() == TimeUnit::Week>{move || t(lang.get(), T::Weeks)}</option>
                        <option value="day" selected=move || unit.get() == TimeUnit::Day>{move || t(lang.get(), T::Days)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Periods)}</span>
                    <input type="number" min="1" max="10000" data-testid="clv-periods"
                        prop:value=move || periods.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                                periods.set(v.clamp(1, 10_000));
                            }
                        } />
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Discount)}</span>
                    <input type="number" min="0" max="10" step="0.01" data-testid="clv-discount"
                        prop:value=move || discount.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                                discount.set(v.clamp(0.0, 10.0));
                            }
                        } />
                </label>
                <label class="field">
                    <span>{move || t(lang.get(), T::Model)}</span>
                    <select data-testid="clv-model" on:change=move |ev| {
                        model.set(if event_target_value(&ev) == "pareto_nbd" { ClvModel::ParetoNbd } else { ClvModel::Bgnbd });
                    }>
                        <option value="bgnbd" selected=move || model.get() == ClvModel::Bgnbd>{move || t(lang.get(), T::Bgnbd)}</option>
                        <option value="pareto_nbd" selected=move || model.get() == ClvModel::ParetoNbd>{move || t(lang.get(), T::ParetoNbd)}</option>
                    </select>
                </label>
            </div>
            <button type="button" class="button primary" data-testid="clv-run"
                disabled=move || pick.columns().is_none() on:click=run>
                {move || t(lang.get(), T::RunClv)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <ClvResults view=view /> })}
    }
}

/// `value` with four significant decimals, its full value in `data-value`.
fn param(label: &'static str, value: f64, test_id: &'static str) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd data-testid=test_id data-value=value.to_string()>{stat(value)}</dd>
        </div>
    }
}

#[component]
fn ClvResults(view: Arc<ClvView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let v = view.clone();
    let export_view = view.clone();
    let export = move |_| {
        let lang = lang.get_untracked();
        download_csv(&clv_csv(&export_view, lang), t(lang, T::ClvFileName));
    };
    let bg = v.bgnbd.clone();
    let converged = bg.report.converged;
    let pareto = v.pareto_nbd.clone().map(|p| {
        view! {
            <h3>{move || t(lang.get(), T::ParetoNbd)}</h3>
            <dl class="facts">
                {param("r", p.params.r, "clv-pareto-r")}
                {param("α", p.params.alpha, "clv-pareto-alpha")}
                {param("s", p.params.s, "clv-pareto-s")}
                {param("β", p.params.beta, "clv-pareto-beta")}
                <Fact label=T::LogLikelihood value=stat(p.report.log_likelihood) test_id="clv-pareto-ll" raw=p.report.log_likelihood />
            </dl>
        }
    });
    let spend = match v.gamma_gamma.clone() {
        Some(g) => view! {
            <h3>{move || t(lang.get(), T::SpendModel)}</h3>
            <dl class="facts">
                {param("p", g.fitted.params.p, "clv-gg-p")}
                {param("q", g.fitted.params.q, "clv-gg-q")}
                {param("v", g.fitted.params.v, "clv-gg-v")}
                <Fact label=T::Correlation value=stat(g.correlation) test_id="clv-gg-correlation" raw=g.correlation />
            </dl>
            <p class="hint">{move || t(lang.get(), T::CorrelationNote)}</p>
        }
        .into_any(),
        None => view! { <p class="hint" data-testid="clv-no-spend">{move || t(lang.get(), T::NoSpendModel)}</p> }.into_any(),
    };
    let holdout = v.holdout.clone().map(|h| {
        let c = h.comparison.clone();
        let labels: Vec<String> = c
            .groups
            .iter()
            .map(|g| format!("{}{}", g.frequency, if g.and_more { "+" } else { "" }))
            .collect();
        let data = Signal::derive({
            let c = c.clone();
            let labels = labels.clone();
            move || {
                let lang = lang.get();
                Arc::new(HoldoutData {
                    groups: labels.clone(),
                    actual: c.groups.iter().map(|g| g.actual).collect(),
                    predicted: c.groups.iter().map(|g| g.predicted).collect(),
                    names: (t(lang, T::Actual).into(), t(lang, T::Predicted).into()),
                    titles: (t(lang, T::CalibrationFrequency).into(), t(lang, T::HoldoutPurchases).into()),
                })
            }
        });
        let rows = c.groups.iter().zip(labels).map(|(g, label)| view! {
            <tr>
                <th>{label}</th>
                <td class="num">{grouped(g.customers as u64)}</td>
                <td class="num" data-value=g.actual.to_string()>{stat(g.actual)}</td>
                <td class="num" data-value=g.predicted.to_string()>{stat(g.predicted)}</td>
            </tr>
        }).collect_view();
        view! {
            <h3>{move || format!("{} ({})", t(lang.get(), T::HoldoutTitle), h.calibration_end)}</h3>
            <HoldoutChart data=data label=Signal::derive(move || t(lang.get(), T::HoldoutTitle).to_string()) />
            <table class="grid" data-testid="clv-holdout">
                <thead><tr>
                    <th>{move || t(lang.get(), T::CalibrationFrequency)}</th>
                    <th class="num">{move || t(lang.get(), T::Customers)}</th>
                    <th class="num">{move || t(lang.get(), T::Actual)}</th>
                    <th class="num">{move || t(lang.get(), T::Predicted)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr>
                    <th>{move || t(lang.get(), T::Total)}</th>
                    <td class="num">{grouped(c.customers as u64)}</td>
                    <td class="num" data-testid="clv-holdout-actual" data-value=c.actual_total.to_string()>{stat(c.actual_total)}</td>
                    <td class="num" data-testid="clv-holdout-predicted" data-value=c.predicted_total.to_string()>{stat(c.predicted_total)}</td>
                </tr></tfoot>
            </table>
            <p class="hint">{move || t(lang.get(), T::HoldoutNote)}</p>
        }
    });
    let segments = v.segments.clone();
    let listed: Vec<_> = v.rows.iter().take(LISTED).cloned().collect();
    view! {
        <section class="card" data-testid="clv-results">
            <crate::components::DownloadJob key="customers.clv" name="clv" />
            <h2>{move || t(lang.get(), T::ClvResultsTitle)}</h2>
            <dl class="facts">
                <Fact label=T::Customers value=grouped(v.customers as u64) test_id="clv-customers" raw=v.customers as f64 />
                <div class="fact"><dt>{move || t(lang.get(), T::Histories)}</dt><dd data-testid="clv-histories">{grouped(v.histories as u64)}</dd></div>
                <div class="fact"><dt>{move || t(lang.get(), T::End)}</dt><dd data-testid="clv-end-used">{v.end.clone()}</dd></div>
                <div class="fact"><dt>{move || t(lang.get(), T::Time)}</dt><dd>{format!("{:.0} ms", v.ms)}</dd></div>
            </dl>
            <h3>{move || format!("{} · {}", t(lang.get(), T::Bgnbd), t(lang.get(), if converged { T::Converged } else { T::NotConverged }))}</h3>
            <dl class="facts">
                {param("r", bg.params.r, "clv-r")}
                {param("α", bg.params.alpha, "clv-alpha")}
                {param("a", bg.params.a, "clv-a")}
                {param("b", bg.params.b, "clv-b")}
                <div class="fact"><dt>{move || t(lang.get(), T::LogLikelihood)}</dt><dd data-testid="clv-ll" data-value=bg.report.log_likelihood.to_string()>{stat(bg.report.log_likelihood)}</dd></div>
            </dl>
            {pareto}
            {spend}
            {holdout}
            <h3>{move || t(lang.get(), T::SegmentsTitle)}</h3>
            <table class="grid" data-testid="clv-segments">
                <thead><tr>
                    <th>{move || t(lang.get(), T::Segment)}</th>
                    <th class="num">{move || t(lang.get(), T::Customers)}</th>
                    <th class="num">{move || t(lang.get(), T::ExpectedValue)}</th>
                </tr></thead>
                <tbody>
                    {segments.into_iter().map(|s| view! {
                        <tr data-segment=s.segment.key()>
                            <th>{move || segment_name(lang.get(), s.segment)}</th>
                            <td class="num">{grouped(s.customers as u64)}</td>
                            <td class="num">{money(s.expected_value)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>{move || t(lang.get(), T::CustomersTitle)}</h3>
            <p class="hint">{move || format!("{} {}", t(lang.get(), T::ShowingFirst), grouped(view.rows.len() as u64))}</p>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="clv-customers-table">
                    <thead><tr>
                        <th>{move || t(lang.get(), T::Customer)}</th>
                        <th class="num">{move || t(lang.get(), T::Frequency)}</th>
                        <th class="num">{move || t(lang.get(), T::PAlive)}</th>
                        <th class="num">{move || t(lang.get(), T::ExpectedPurchases)}</th>
                        <th class="num">{move || t(lang.get(), T::ExpectedSpend)}</th>
                        <th class="num">{move || t(lang.get(), T::ExpectedValue)}</th>
                        <th>{move || t(lang.get(), T::Segment)}</th>
                    </tr></thead>
                    <tbody>
                        {listed.into_iter().map(|r| {
                            let c = r.value;
                            view! {
                                <tr data-customer=r.id.clone() data-value=c.expected_value.to_string()>
                                    <th>{r.id.clone()}</th>
                                    <td class="num">{c.frequency}</td>
                                    <td class="num">{percent(100.0 * c.p_alive)}</td>
                                    <td class="num">{stat(c.expected_purchases)}</td>
                                    <td class="num">{money(c.expected_spend)}</td>
                                    <td class="num">{money(c.expected_value)}</td>
                                    <td>{move || segment_name(lang.get(), c.segment)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" data-testid="clv-export" on:click=export>
                {move || t(lang.get(), T::ExportCsv)}
            </button>
        </section>
    }
}
