//! Runs a page's job in the worker and mirrors its progress into a [`JobStatus`] signal, so
//! every analysis page shows the same progress bar, Cancel button and error box
//! ([`crate::components::JobPanel`]).

use leptos::prelude::*;

use super::bridge;
use crate::state::{results, JobStatus};
use crate::worker::protocol::{Job, Output, Reply, Stage};

/// Sends `job` to the worker. While it runs, `status` is `Running` (named `name`, e.g. the
/// analysis being computed); when it fails, `Failed`; when it succeeds, `status` becomes
/// `Idle` and `on_done` receives the output, which is also kept with the session
/// ([`results::keep`]). A job of this page already running is
/// cancelled first (cancelling terminates the worker, which reloads the table by itself).
pub fn run_task(
    job: Job,
    name: String,
    status: RwSignal<JobStatus>,
    on_done: impl Fn(Output) + 'static,
) {
    if status.get_untracked().is_running() {
        bridge::cancel();
    }
    status.set(JobStatus::Running {
        name: name.clone(),
        stage: Stage::Compute,
        done: 0,
        total: 0,
    });
    let sent = job.clone();
    bridge::run(job, None, move |reply| match reply {
        Reply::Progress { stage, done, total } => status.set(JobStatus::Running {
            name: name.clone(),
            stage,
            done,
            total,
        }),
        Reply::Done { output } => {
            // Kept even when the page has gone: it shows the result when it comes back.
            results::keep(&sent, &output);
            // The page that asked may be gone (the user moved on before the reply came): its
            // signals are disposed, and reading them would panic. Drop the late reply.
            if status.is_disposed() {
                return;
            }
            status.set(JobStatus::Idle);
            on_done(output);
        }
        Reply::Failed { error } => status.set(JobStatus::Failed {
            name: name.clone(),
            error,
        }),
    });
}

/// Cancels the running job (terminating the worker) and marks `status` cancelled.
pub fn cancel_task(status: RwSignal<JobStatus>) {
    bridge::cancel();
    status.set(JobStatus::Cancelled);
}
