//! "Download job": saves the core job spec an analysis ran (its defaults decided from the
//! loaded table written in) as JSON, which `shoplens run JOB.json FILE` reruns with the same
//! numbers. The spec comes from the worker, which holds the table ([`Job::Spec`]).

use leptos::prelude::*;

use super::download::download_text;
use crate::i18n::jobs::{t, JobText};
use crate::state::{results, use_app_state};
use crate::worker::page::bridge;
use crate::worker::protocol::{Job, Output, Reply, WireError};

/// A button that downloads the job behind the result kept under `key` (see
/// [`results::key_of`]) as `shoplens-<name>-job.json`.
#[component]
pub fn DownloadJob(
    /// The result's key (`"baskets.mine"`, `"customers.churn"`...).
    key: &'static str,
    /// The file name's middle part (`baskets`, `churn`...).
    name: &'static str,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let error: RwSignal<Option<WireError>> = RwSignal::new(None);
    let click = move |_| {
        let Some(kept) = results::last(key) else {
            return;
        };
        error.set(None);
        bridge::run(
            Job::Spec(Box::new(kept.job)),
            None,
            move |reply| match reply {
                Reply::Done {
                    output: Output::Spec { json },
                } => download_text(
                    &json,
                    &format!("shoplens-{name}-job.json"),
                    "application/json",
                ),
                Reply::Failed { error: e } if !error.is_disposed() => error.set(Some(e)),
                _ => {}
            },
        );
    };
    view! {
        <button
            type="button"
            class="button"
            data-testid=format!("download-job-{name}")
            title=move || t(lang.get(), JobText::DownloadJobHint)
            on:click=click
        >
            {move || t(lang.get(), JobText::DownloadJob)}
        </button>
        {move || error.get().map(|e| view! {
            <p class="job failed" data-testid="download-job-error">
                {t(lang.get(), JobText::DownloadJobFailed)}{e.message(lang.get()).to_string()}
            </p>
        })}
    }
}
