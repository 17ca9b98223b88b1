//! The RFM view: pick the columns and the analysis day, run, read the named segments as a
//! table and a bar chart, export every customer with scores and segment.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::segment::export::rfm_csv;
use shoplens_core::segment::Segment;

use super::columns::{OrderColumnsForm, OrderPick};
use super::money;
use crate::charts::bars::{Bar, BarChart};
use crate::charts::canvas::category;
use crate::components::download::download_csv;
use crate::components::fact::Fact;
use crate::components::format::{grouped, percent, stat};
use crate::components::JobPanel;
use crate::i18n::customers::{t, CustomerText as T};
use crate::state::{results, use_app_state, JobStatus};
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::customers::{CustomerJob, CustomerOutput, RfmView};
use crate::worker::protocol::{Job, Output};
use shoplens_core::jobs::rfm::RfmJob;

/// The RFM view.
#[component]
pub fn RfmTab(pick: OrderPick) -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let result: RwSignal<Option<Arc<RfmView>>> = RwSignal::new(None);
    let as_of = RwSignal::new(String::new());
    let ready = move || pick.columns().is_some();
    let show = move |output: Output| {
        if let Output::Customers(CustomerOutput::Rfm(view)) = output {
            result.set(Some(Arc::from(view)));
        }
    };
    results::restore("customers.rfm", move |job, output| {
        if let Job::Customers(CustomerJob::Rfm(job)) = job {
            pick.fill(&job.columns);
            as_of.set(job.as_of.unwrap_or_default());
        }
        show(output);
    });
    let run = move |_| {
        let Some(columns) = pick.columns() else {
            return;
        };
        let day = as_of.get();
        let job = CustomerJob::Rfm(RfmJob {
            columns,
            as_of: Some(day).filter(|d| !d.is_empty()),
        });
        run_task(
            Job::Customers(job),
            t(lang.get_untracked(), T::RfmTab).to_string(),
            status,
            show,
        );
    };
    let has_results = Signal::derive(move || result.with(Option::is_some));
    view! {
        <section class="card">
            <p class="lead">{move || t(lang.get(), T::RfmIntro)}</p>
            <OrderColumnsForm pick=pick />
            <div class="fields">
                <label class="field">
                    <span>{move || t(lang.get(), T::AnalysisDate)}</span>
                    <input
                        type="date"
                        data-testid="rfm-as-of"
                        prop:value=move || as_of.get()
                        on:change=move |ev| as_of.set(event_target_value(&ev))
                    />
                    <small class="hint">{move || t(lang.get(), T::AnalysisDateHint)}</small>
                </label>
            </div>
            <button
                type="button"
                class="button primary"
                data-testid="rfm-run"
                disabled=move || !ready()
                on:click=run
            >
                {move || t(lang.get(), T::RunRfm)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status has_results=has_results />
        </section>
        {move || result.get().map(|view| view! { <RfmResults view=view /> })}
    }
}

#[component]
fn RfmResults(view: Arc<RfmView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let r = &view.result;
    let total_customers = r.customers.len();
    let bars_view = view.clone();
    let bars = Signal::derive(move || {
        let lang = lang.get();
        bars_view
            .result
            .segments
            .iter()
            .map(|s| Bar {
                label: s.segment.label(lang).to_string(),
                value: s.customers as f64,
                colour: segment_colour(s.segment),
            })
            .collect::<Vec<_>>()
    });
    let export_view = view.clone();
    let export = move |_| {
        let lang = lang.get_untracked();
        download_csv(
            &rfm_csv(&export_view.result, None, lang),
            t(lang, T::RfmFileName),
        );
    };
    let rows = view.result.segments.clone();
    view! {
        <section class="card" data-testid="rfm-results">
            <crate::components::DownloadJob key="customers.rfm" name="rfm" />
            <h2>{move || t(lang.get(), T::RfmResultsTitle)}</h2>
            <dl class="facts">
                <Fact label=T::Customers value=grouped(total_customers as u64) test_id="rfm-customers" />
                <Fact label=T::AsOf value=r.as_of.clone() test_id="rfm-as-of-used" />
                <Fact label=T::NoIdLines value=grouped(r.skipped_no_id as u64) test_id="rfm-no-id" />
                <Fact label=T::CancelledLines value=grouped(r.cancelled as u64) test_id="rfm-cancelled" />
                <Fact label=T::AfterAsOf value=grouped(r.after_as_of as u64) test_id="rfm-after" />
                <Fact label=T::Time value=format!("{:.0} ms", view.ms) test_id="rfm-ms" />
            </dl>
            <p class="hint">{move || t(lang.get(), T::NoIdNote)}</p>
            <div class="table-scroll" tabindex="0">
                <table class="grid" data-testid="rfm-segments">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::Segment)}</th>
                            <th class="num">{move || t(lang.get(), T::Customers)}</th>
                            <th class="num">{move || t(lang.get(), T::ShareOfCustomers)}</th>
                            <th class="num">{move || t(lang.get(), T::Revenue)}</th>
                            <th class="num">{move || t(lang.get(), T::ShareOfRevenue)}</th>
                            <th class="num">{move || t(lang.get(), T::MeanRecency)}</th>
                            <th class="num">{move || t(lang.get(), T::MeanFrequency)}</th>
                            <th class="num">{move || t(lang.get(), T::MeanMonetary)}</th>
                            <th>{move || t(lang.get(), T::WhyName)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|s| {
                                let segment = s.segment;
                                let reason = s.reason;
                                view! {
                                    <tr data-testid=format!("rfm-row-{}", segment.key()) data-customers=s.customers.to_string() data-revenue=s.revenue.to_string()>
                                        <th>{move || segment.label(lang.get())}</th>
                                        <td class="num">{grouped(s.customers as u64)}</td>
                                        <td class="num">{percent(100.0 * s.customers as f64 / total_customers.max(1) as f64)}</td>
                                        <td class="num">{money(s.revenue)}</td>
                                        <td class="num">{percent(100.0 * s.revenue_share)}</td>
                                        <td class="num">{format!("{:.1}", s.mean_recency)}</td>
                                        <td class="num">{format!("{:.2}", s.mean_frequency)}</td>
                                        <td class="num">{stat((s.mean_monetary * 100.0).round() / 100.0)}</td>
                                        <td class="why" data-testid="rfm-why">{move || reason.text(lang.get())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{move || t(lang.get(), T::CustomersPerSegment)}</h3>
            <BarChart
                label=Signal::derive(move || t(lang.get(), T::CustomersPerSegment).to_string())
                file_name="rfm-segments.png"
                bars=bars
                test_id="rfm-chart"
            />
            <details>
                <summary>{move || t(lang.get(), T::ChartAsText)}</summary>
                <ul>
                    {move || {
                        bars.get()
                            .into_iter()
                            .map(|b| view! { <li>{format!("{}: {}", b.label, b.value)}</li> })
                            .collect_view()
                    }}
                </ul>
            </details>
            <button type="button" class="button" data-testid="rfm-export" on:click=export>
                {move || t(lang.get(), T::ExportCsv)}
            </button>
        </section>
    }
}

/// A stable colour per segment: the ten palette colours in the standard order, and grey
/// for the eleventh (Lost), so no two segments share one.
fn segment_colour(segment: Segment) -> &'static str {
    match Segment::ALL.iter().position(|&s| s == segment) {
        Some(i) if i < 10 => category(i),
        _ => "#6b6b6b",
    }
}
