//! The speed check: k-means on 100,000 generated customers × 3 features (k = 8, 10 starts)
//! and RFM over 1,000,000 generated order lines, both in this tab's worker. The data comes
//! from SplitMix64 counters, so `tools/bench_customers.py` builds the very same points for
//! scikit-learn (`benches/customers.mjs` runs both and prints the ratio).

use leptos::prelude::*;

use super::Fact;
use crate::components::format::{grouped, stat};
use crate::components::JobPanel;
use crate::i18n::customers::{t, CustomerText as T};
use crate::state::{use_app_state, JobStatus};
use crate::worker::jobs::customers::{BenchKind, BenchView, CustomerJob, CustomerOutput};
use crate::worker::protocol::{Job, Output};
use crate::worker::task::{cancel_task, run_task};

/// k-means speed check size.
pub const KMEANS_POINTS: usize = 100_000;
/// RFM speed check size.
pub const RFM_LINES: usize = 1_000_000;

/// The speed check, folded away under the views.
#[component]
pub fn BenchPanel() -> impl IntoView {
    let lang = use_app_state().lang;
    let status = RwSignal::new(JobStatus::Idle);
    let kmeans: RwSignal<Option<BenchView>> = RwSignal::new(None);
    let rfm: RwSignal<Option<BenchView>> = RwSignal::new(None);
    let run = move |_| {
        kmeans.set(None);
        rfm.set(None);
        let name = t(lang.get_untracked(), T::BenchTitle).to_string();
        let next_name = name.clone();
        run_task(
            Job::Customers(CustomerJob::Bench(BenchKind::KMeans {
                n: KMEANS_POINTS,
                k: 8,
                n_init: 10,
            })),
            name,
            status,
            move |output| {
                if let Output::Customers(CustomerOutput::Bench(view)) = output {
                    kmeans.set(Some(view));
                    run_task(
                        Job::Customers(CustomerJob::Bench(BenchKind::Rfm { lines: RFM_LINES })),
                        next_name.clone(),
                        status,
                        move |output| {
                            if let Output::Customers(CustomerOutput::Bench(view)) = output {
                                rfm.set(Some(view));
                            }
                        },
                    );
                }
            },
        );
    };
    view! {
        <details class="card bench" data-testid="bench">
            <summary>{move || t(lang.get(), T::BenchTitle)}</summary>
            <p class="hint">{move || t(lang.get(), T::BenchIntro)}</p>
            <button type="button" class="button" data-testid="bench-run" on:click=run>
                {move || t(lang.get(), T::BenchRun)}
            </button>
            <JobPanel on_cancel=Callback::new(move |()| cancel_task(status)) job=status />
            <dl class="facts">
                {move || kmeans.get().map(|b| view! {
                    <Fact label=T::BenchKmeans value=format!("{:.0} ms", b.ms) test_id="bench-kmeans-ms" raw=b.ms />
                    <Fact label=T::Inertia value=stat(b.value) test_id="bench-kmeans-inertia" raw=b.value />
                    <Fact label=T::BenchPrepare value=format!("{:.0} ms", b.prepare_ms) test_id="bench-kmeans-prepare" raw=b.prepare_ms />
                })}
                {move || rfm.get().map(|b| view! {
                    <Fact label=T::BenchRfm value=format!("{:.0} ms", b.ms) test_id="bench-rfm-ms" raw=b.ms />
                    <Fact label=T::Customers value=grouped(b.count as u64) test_id="bench-rfm-customers" raw=b.count as f64 />
                    <Fact label=T::BenchPrepare value=format!("{:.0} ms", b.prepare_ms) test_id="bench-rfm-prepare" raw=b.prepare_ms />
                })}
            </dl>
        </details>
    }
}
