//! The Data page: load a file (drop zone or picker), watch it being read in the worker,
//! cancel it, and inspect the result: counts, column types and profiles, a preview.
//!
//! The page sends the loads and edits; what loaded and which edits were applied is told to
//! [`loaded`], which the bridge, the kept sessions and a second reading of the file start
//! from.

use leptos::prelude::*;
use shoplens_core::privacy::Protection;
use shoplens_core::schema::{Override, Shape};
use shoplens_core::table::{DataType, ReadOptions, ReadWarning, Role};
use web_sys::File;

use crate::components::SessionsPanel;
use crate::components::{
    ColumnTable, DropZone, FileFacts, JobPanel, PreviewTable, PrivacyPanel, ReadSettings,
    SamplePicker,
};
use crate::i18n::data::{line, t as dt, DataText};
use crate::i18n::{t, Text};
use crate::pages::data_understanding::UnderstandingPanel;
use crate::pages::Page;
use crate::state::loaded::{self, Edit};
use crate::state::results;
use crate::state::sessions::{self, storage_error, SessionMeta};
use crate::state::{use_app_state, DataState, JobStatus};
use crate::worker::page::bridge;
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
    let on_file = Callback::new(move |file: File| load_new(data, file));
    let on_cancel = Callback::new(move |()| {
        bridge::cancel();
        data.job.set(JobStatus::Cancelled);
    });
    let on_read = Callback::new(move |options: ReadOptions| {
        if let Some(file) = loaded::file() {
            load(data, file, options, Origin::ReadAgain);
        }
    });
    let on_column = Callback::new(move |(index, dtype, role): (usize, DataType, Role)| {
        change_table(data, Edit::SetColumn { index, dtype, role })
    });
    let on_choice =
        Callback::new(move |choice: Override| change_table(data, Edit::Understand { choice }));
    let on_routes = Callback::new(move |()| open_in_routes(data));
    let on_protect = Callback::new(move |choices: Vec<(usize, Protection)>| {
        change_table(data, Edit::Protect { choices })
    });

    view! {
        <section class="card intro">
            <h1>{move || t(lang.get(), Text::DataTitle)}</h1>
            <p class="lead">{move || t(lang.get(), Text::DataIntro)}</p>
            <DropZone on_file=on_file />
            <SamplePicker />
            <JobPanel on_cancel=on_cancel />
            <SessionsPanel on_open=Callback::new(move |session| restore(data, session)) />
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
                let used = data.options.get_untracked();
                let warnings = summary.warnings.clone();
                // A basket-per-line file is shown as baskets, not as columns of a table.
                let table_like = summary
                    .understanding
                    .as_ref()
                    .is_none_or(|u| u.shape != Shape::BasketLines);
                view! {
                    <section class="card" data-testid="loaded">
                        <FileFacts summary=summary.clone() />
                        <ReaderNotes warnings=warnings />
                        <PrivacyPanel summary=summary.clone() on_protect=on_protect />
                        <ReadSettings summary=summary.clone() used=used on_read=on_read />
                    </section>
                    <UnderstandingPanel summary=summary.clone() on_choice=on_choice on_routes=on_routes />
                    {table_like.then(|| view! {
                        <section class="card">
                            <h2>{move || t(lang.get(), Text::ColumnsTitle)}</h2>
                            <RetypeNotice />
                            <ColumnTable summary=summary.clone() on_change=on_column />
                        </section>
                        <section class="card">
                            <h2>{move || t(lang.get(), Text::PreviewTitle)}</h2>
                            <PreviewTable summary=summary.clone() />
                        </section>
                    })}
                }
                .into_any()
            }
        }}
    }
}

/// What the reader repaired or doubts (ragged rows, NUL bytes, renamed headers, day/month
/// order), one line each in the user's language.
#[component]
fn ReaderNotes(warnings: Vec<ReadWarning>) -> impl IntoView {
    let lang = use_app_state().lang;
    (!warnings.is_empty()).then(|| {
        view! {
            <div class="reader-notes" role="status" data-testid="read-warnings">
                <h3>{move || dt(lang.get(), DataText::ReaderNotes)}</h3>
                <ul>
                    {warnings
                        .into_iter()
                        .map(|w| view! { <li data-testid="read-warning">{move || w.message(lang.get())}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// After a column's type was changed: how many values do not fit, with the first few and
/// their lines.
#[component]
fn RetypeNotice() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    move || {
        let retyped = state.data.retyped.get().filter(|r| r.invalid > 0)?;
        let lang = lang.get();
        let examples = retyped
            .examples
            .iter()
            .take(5)
            .map(|bad| format!("{} “{}”", line(lang, bad.line), bad.value))
            .collect::<Vec<_>>()
            .join(lang.pick("；", "; "));
        Some(view! {
            <div class="notice warning" role="status" data-testid="retype-notice">
                <strong>
                    {format!(
                        "{}{}{}{} {}",
                        lang.pick("列“", "Column “"),
                        retyped.column,
                        lang.pick("”：", "”: "),
                        retyped.invalid,
                        dt(lang, DataText::DoNotFit),
                    )}
                </strong>
                {format!(" ({}): {examples}. ", retyped.dtype.label(lang))}
                {dt(lang, DataText::KeptAsMissing)}
            </div>
        })
    }
}

/// Hands the loaded route file (TSPLIB/CVRPLIB) to Delivery routes and opens it there.
fn open_in_routes(data: DataState) {
    let Some(file) = loaded::file() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
            return;
        };
        data.route_file
            .set(Some((file.name(), text.as_string().unwrap_or_default())));
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(Page::Operations.slug());
        }
    });
}

/// Changes the worker's table by the user's `edit` (a column's type and role, protecting
/// personal data, a correction of the understanding), and keeps it with the session.
fn change_table(data: DataState, edit: Edit) {
    if data.job.get_untracked().is_running() {
        return;
    }
    let name = data
        .table
        .with_untracked(|t| t.as_ref().map(|s| s.name.clone()))
        .unwrap_or_default();
    data.job.set(JobStatus::Running {
        name: name.clone(),
        stage: Stage::Parse,
        done: 0,
        total: 0,
    });
    apply(edit, move |reply| match reply {
        Reply::Progress { .. } => {}
        Reply::Done {
            output: Output::Retyped { summary, retyped },
        } => {
            data.table.set(Some(summary));
            data.retyped.set(retyped);
            data.job.set(JobStatus::Idle);
            if let (Some(id), Some(loaded)) = (data.session.get_untracked(), loaded::current()) {
                keep(data, sessions::store(&id, &loaded));
            }
        }
        Reply::Done { .. } => data.job.set(JobStatus::Idle),
        Reply::Failed { error } => data.job.set(JobStatus::Failed {
            name: name.clone(),
            error,
        }),
    });
}

/// Sends `edit` to the worker and records it with the loaded file once applied (so a fresh
/// worker and the session get it); `on_reply` then receives the reply.
fn apply(edit: Edit, on_reply: impl Fn(Reply) + 'static) {
    bridge::run(edit.job(), None, move |reply| {
        if matches!(
            reply,
            Reply::Done {
                output: Output::Retyped { .. }
            }
        ) {
            loaded::record(edit.clone());
        }
        on_reply(reply);
    });
}

/// Loads a file the user dropped, picked or chose among the samples, with detected
/// settings, as a new session.
pub fn load_new(data: DataState, file: File) {
    load(data, file, ReadOptions::default(), Origin::NewFile);
}

/// Starts loading `file` with `options` in the worker; a job already running is cancelled
/// first. The table loaded before stays until this one has loaded.
fn load(data: DataState, file: File, options: ReadOptions, origin: Origin) {
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
        ..options
    };
    let kept = (file.clone(), options.clone());
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
                // Only now does this file replace the one a fresh worker would rebuild.
                loaded::replace(kept.0.clone(), kept.1.clone());
                data.options.set(kept.1.clone());
                data.retyped.set(None);
                data.table.set(Some(summary));
                data.job.set(JobStatus::Idle);
                remember(data, &origin);
            }
            Reply::Done { .. } => data.job.set(JobStatus::Idle),
            Reply::Failed { error } => data.job.set(JobStatus::Failed {
                name: name.clone(),
                error,
            }),
        },
    );
}

/// Where a load comes from, which decides what happens to the kept session.
#[derive(Debug, Clone)]
enum Origin {
    /// A file the user dropped or picked: a new session.
    NewFile,
    /// The same file read again with other settings: the session's options change and its
    /// edits are dropped (they were made on the other reading).
    ReadAgain,
    /// A session restored from this machine, with its edits to replay.
    Restore {
        /// Its id.
        id: String,
        /// Its edits, to apply again in order.
        edits: Vec<Edit>,
    },
}

/// Records a successful load, which [`loaded`] now holds, in the kept sessions.
fn remember(data: DataState, origin: &Origin) {
    let Some(loaded) = loaded::current() else {
        return;
    };
    match origin {
        Origin::NewFile => {
            data.session.set(None);
            let token = results::detach();
            leptos::task::spawn_local(async move {
                match sessions::save_new(&loaded).await {
                    Ok(id) => {
                        results::bind(&id, token);
                        data.session.set(Some(id.clone()));
                        data.storage_error.set(None);
                        // Edits (or another reading) applied while the file was being
                        // stored go with it.
                        if let Some(now) = loaded::current().filter(|now| {
                            now.file == loaded.file
                                && (now.edits != loaded.edits || now.options != loaded.options)
                        }) {
                            keep(data, sessions::store(&id, &now));
                        }
                    }
                    Err(detail) => data.storage_error.set(Some(storage_error(&detail))),
                }
                data.sessions_changed.update(|n| *n += 1);
            });
        }
        Origin::ReadAgain => {
            // Results of the other reading no longer describe this table.
            results::reset();
            // The edits were made on the other reading: the session drops them with it.
            if let Some(id) = data.session.get_untracked() {
                keep(data, sessions::store(&id, &loaded));
            }
        }
        Origin::Restore { id, edits } => {
            data.session.set(Some(id.clone()));
            // The reopened session becomes the most recent one.
            keep(data, sessions::update(id, |_| {}));
            replay(data, edits.clone());
            let id = id.clone();
            leptos::task::spawn_local(async move { results::open(&id).await });
        }
    }
}

/// Applies a restored session's edits again, in order, each recorded with the loaded file
/// once applied (protections digest with this page session's salt: digests are per session
/// by design).
fn replay(data: DataState, edits: Vec<Edit>) {
    for edit in edits {
        apply(edit, move |reply| {
            if let Reply::Done {
                output: Output::Retyped { summary, .. },
            } = reply
            {
                data.table.set(Some(summary));
            }
        });
    }
}

/// Shows a storage failure (the app keeps working in memory) or clears the last one.
fn keep(data: DataState, result: Result<(), String>) {
    match result {
        Ok(()) => data.sessions_changed.update(|n| *n += 1),
        Err(detail) => data.storage_error.set(Some(storage_error(&detail))),
    }
}

/// Reopens a kept session: its file, read with its options, then its edits.
fn restore(data: DataState, session: SessionMeta) {
    leptos::task::spawn_local(async move {
        match sessions::open(&session).await {
            Ok(file) => load(
                data,
                file,
                session.options.clone(),
                Origin::Restore {
                    id: session.id.clone(),
                    edits: session.edits.clone(),
                },
            ),
            Err(detail) => data.storage_error.set(Some(storage_error(&detail))),
        }
    });
}

/// At start-up: reopens the most recent kept session, so a reload or a closed tab loses
/// nothing. Does nothing when none is kept or storage is unavailable.
pub fn restore_last_session(data: DataState) {
    if let Some(last) = sessions::list().into_iter().next() {
        restore(data, last);
    }
}
