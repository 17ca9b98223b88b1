//! The cohort view: customers by first-purchase month or week (core's cohort job in the
//! worker), a heat map of the share still buying (or revenue per customer) in each later
//! period with the same table beside it, and a CSV export.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::jobs::clv_export::cohort_csv;
use shoplens_core::jobs::cohort::CohortJob;
use shoplens_core::segment::cohort::CohortPeriod;

use super::columns::{OrderColumnsForm, OrderPick};
use super::money;
use crate::charts::heat_map::{HeatMap, HeatMapData};
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent};
use crate::components::JobPanel;
use crate::i18n::clv::{t, ClvText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::customers::{CohortView, CustomerJob, CustomerOutput};
use crate::worker::protocol::{Job, Output};

/// What the heat map and table show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Retention,
    Revenue,
}

/// The cohort view.
#[component]
pub fn CohortTab(pick: OrderPick) -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<CohortView>>> = RwSignal::new(None);
    let period = RwSignal::new(CohortPeriod::Month);
    let show = move |output: Output| {
        if let Output::Customers(CustomerOutput::Cohort(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("customers.cohort", move |job, output| {
        if let Job::Customers(CustomerJob::Cohort(request)) = job {
            if let Some(columns) = &request.columns {
                pick.fill(columns);
            }
            period.set(request.period);
        }
        show(output);
    });
    let run = move |_| {
        let Some(columns) = pick.columns() else {
            return;
        };
        let request = CohortJob {
            columns: Some(columns),
            period: period.get(),
        };
        run_task(
            Job::Customers(CustomerJob::Cohort(request)),
            t(lang.get_untracked(), T::CohortTab).to_string(),
            status,
            show,
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card">
            <p class="lead">{move || t(lang.get(), T::CohortIntro)}</p>
            <OrderColumnsForm pick=pick />
            <div class="fields">
                <label class="field">
                    <span>{move || t(lang.get(), T::Period)}</span>
                    <select data-testid="cohort-period" on:change=move |ev| {
                        period.set(if event_target_value(&ev) == "week" { CohortPeriod::Week } else { CohortPeriod::Month });
                    }>
                        <option value="month" selected=move || period.get() == CohortPeriod::Month>{move || t(lang.get(), T::Month)}</option>
                        <option value="week" selected=move || period.get() == CohortPeriod::Week>{move || t(lang.get(), T::Week)}</option>
                    </select>
                </label>
            </div>
            <button type="button" class="button primary" data-testid="cohort-run"
                disabled=move || pick.columns().is_none() on:click=run>
                {move || t(lang.get(), T::RunCohorts)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <CohortResults view=view /> })}
    }
}

/// The value of cohort `c` at `offset` for `measure`, with its display text.
fn cell(view: &CohortView, c: usize, offset: usize, measure: Measure) -> Option<(f64, String)> {
    let cohort = &view.table.cohorts[c];
    match measure {
        Measure::Retention => cohort.retention(offset).map(|r| (r, percent(100.0 * r))),
        Measure::Revenue => cohort.revenue_per_customer(offset).map(|r| (r, money(r))),
    }
}

/// A cell's text on the heat map: shares as whole percents, so "100%" fits a narrow cell
/// (the table beside it keeps one decimal).
fn in_cell(measure: Measure, (value, text): &(f64, String)) -> String {
    match measure {
        Measure::Retention => format!("{:.0}%", 100.0 * value),
        Measure::Revenue => text.clone(),
    }
}

#[component]
fn CohortResults(view: Arc<CohortView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let measure = RwSignal::new(Measure::Retention);
    let export_view = view.clone();
    let export = move |_| {
        let lang = lang.get_untracked();
        download_csv(&cohort_csv(&export_view, lang), t(lang, T::CohortFileName));
    };
    let periods = view
        .table
        .cohorts
        .iter()
        .map(|c| c.active.len())
        .max()
        .unwrap_or(0);
    let heat = Signal::derive({
        let view = view.clone();
        move || {
            let (lang, measure) = (lang.get(), measure.get());
            let n = view.table.cohorts.len();
            let values: Vec<Vec<Option<(f64, String)>>> = (0..n)
                .map(|c| (0..periods).map(|k| cell(&view, c, k, measure)).collect())
                .collect();
            // Revenue shades relative to the largest cell; retention is a share already.
            let top = values
                .iter()
                .flatten()
                .flatten()
                .map(|v| v.0)
                .fold(0.0, f64::max)
                .max(1e-12);
            let scale = if measure == Measure::Retention {
                1.0
            } else {
                top
            };
            Arc::new(HeatMapData {
                rows: view.table.cohorts.iter().map(|c| c.label.clone()).collect(),
                columns: (0..periods).map(|k| k.to_string()).collect(),
                shade: values
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|v| v.as_ref().map(|v| (v.0 / scale).clamp(0.0, 1.0)))
                            .collect()
                    })
                    .collect(),
                text: values
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|v| v.as_ref().map(|v| in_cell(measure, v)).unwrap_or_default())
                            .collect()
                    })
                    .collect(),
                titles: (
                    t(lang, T::FirstPurchase).into(),
                    t(lang, T::PeriodsSince).into(),
                ),
            })
        }
    });
    let table_view = view.clone();
    view! {
        <section class="card" data-testid="cohort-results">
            <crate::components::DownloadJob key="customers.cohort" name="cohort" />
            <h2>{move || t(lang.get(), T::CohortResultsTitle)}</h2>
            <dl class="facts">
                <Fact label=T::Customers value=grouped(view.table.customers as u64) test_id="cohort-customers" raw=view.table.customers as f64 />
                <div class="fact"><dt>{move || t(lang.get(), T::Period)}</dt><dd>{view.table.period.key()}</dd></div>
                <div class="fact"><dt>{move || t(lang.get(), T::Time)}</dt><dd>{format!("{:.0} ms", view.ms)}</dd></div>
            </dl>
            <label class="field">
                <span>{move || t(lang.get(), T::Show)}</span>
                <select data-testid="cohort-measure" on:change=move |ev| {
                    measure.set(if event_target_value(&ev) == "revenue" { Measure::Revenue } else { Measure::Retention });
                }>
                    <option value="retention">{move || t(lang.get(), T::Retention)}</option>
                    <option value="revenue">{move || t(lang.get(), T::RevenuePerCustomer)}</option>
                </select>
            </label>
            <div class="chart-pair">
                <HeatMap data=heat label=Signal::derive(move || t(lang.get(), T::HeatMapLabel).to_string())
                    file_name="cohort-heat-map.png" test_id="chart-cohort-heat-map" />
                <div class="table-scroll" tabindex="0">
                    <table class="grid" data-testid="cohort-table">
                        <thead><tr>
                            <th>{move || t(lang.get(), T::FirstPurchase)}</th>
                            <th class="num">{move || t(lang.get(), T::Customers)}</th>
                            {(0..periods).map(|k| view! { <th class="num">{k}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let measure = measure.get();
                                let view = table_view.clone();
                                (0..view.table.cohorts.len()).map(|c| {
                                    let cohort = &view.table.cohorts[c];
                                    view! {
                                        <tr data-cohort=cohort.label.clone()>
                                            <th>{cohort.label.clone()}</th>
                                            <td class="num" data-value=cohort.customers.to_string()>{grouped(cohort.customers as u64)}</td>
                                            {(0..periods).map(|k| match cell(&view, c, k, measure) {
                                                Some((value, text)) => view! { <td class="num" data-value=value.to_string()>{text}</td> }.into_any(),
                                                None => view! { <td></td> }.into_any(),
                                            }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </div>
            <button type="button" class="button" data-testid="cohort-export" on:click=export>
                {move || t(lang.get(), T::ExportCsv)}
            </button>
        </section>
    }
}
