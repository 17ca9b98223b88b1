//! The Data page: load a file (drop zone or picker), watch it being read in the worker,
//! cancel it, and inspect the result: counts, column types and profiles, a preview.

use leptos::prelude::*;
use shoplens_core::table::ReadOptions;
use web_sys::File;

use crate::components::{ColumnTable, DropZone, FileFacts, JobPanel, PreviewTable};
use crate::i18n::{t, Text};
use crate::state::{use_app_state, DataState, JobStatus};
use crate::worker::bridge;
use crate::worker::protocol::{Job, Output, Reply, Stage};

/// The largest file the browser app reads; bigger files belong to the CLI. Chosen so a
/// file, its decoded text and its columns fit comfortably in a tab's memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The Data page.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let data = state.data;
    let on_file = Callback::new(move |file: File| load(data, file));
    let on_cancel = Callback::new(move |()| {
        bridge::cancel();
        data.job.set(JobStatus::Cancelled);
    });

    view! {
        <section class="card intro">
            <h1>{move || t(lang.get(), Text::DataTitle)}</h1>
            <p class="lead">{move || t(lang.get(), Text::DataIntro)}</p>
            <DropZone on_file=on_file />
            <JobPanel on_cancel=on_cancel />
        </section>
        {move || match data.table.get() {
            None => view! {
                <p class="empty" data-testid="nothing-loaded">
                    {move || t(lang.get(), Text::NothingLoaded)}
                </p>
            }
            .into_any(),
            Some(summary) => {
                let summary = std::sync::Arc::new(summary);
                view! {
                    <section class="card" data-testid="loaded">
                        <FileFacts summary=summary.clone() />
                    </section>
                    <section class="card">
                        <h2>{move || t(lang.get(), Text::ColumnsTitle)}</h2>
                        <ColumnTable summary=summary.clone() />
                    </section>
                    <section class="card">
                        <h2>{move || t(lang.get(), Text::PreviewTitle)}</h2>
                        <PreviewTable summary=summary />
                    </section>
                }
                .into_any()
            }
        }}
    }
}

/// Starts loading `file` in the worker; a job already running is cancelled first.
fn load(data: DataState, file: File) {
    if data.job.get_untracked().is_running() {
        bridge::cancel();
    }
    let name = file.name();
    data.job.set(JobStatus::Running {
        name: name.clone(),
        stage: Stage::Read,
        done: 0,
        total: file.size() as u64,
    });
    let options = ReadOptions {
        max_bytes: Some(MAX_FILE_BYTES),
        ..ReadOptions::default()
    };
    bridge::run(
        Job::LoadTable { options },
        Some(file),
        move |reply| match reply {
            Reply::Progress { stage, done, total } => data.job.set(JobStatus::Running {
                name: name.clone(),
                stage,
                done,
                total,
            }),
            Reply::Done {
                output: Output::Table { summary },
            } => {
                data.table.set(Some(summary));
                data.job.set(JobStatus::Idle);
            }
            Reply::Failed { error } => data.job.set(JobStatus::Failed {
                name: name.clone(),
                error,
            }),
            // Page jobs answer through `run_task`, never here.
            Reply::Done { .. } => data.job.set(JobStatus::Idle),
        },
    );
}
