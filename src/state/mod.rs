//! State shared across pages: a small `Copy` struct of signals provided through context
//! (the leptos-chartistry pattern). Signals that only one component needs stay local to it.
//!
//! [`AppState`] is created once by `App` with [`provide_app_state`]; components reach it with
//! [`use_app_state`]. The loaded table lives here, not in the Data page, so it survives a
//! visit to another page and later pages can use it.
//!
//! Beside the signals: [`loaded`] owns the loaded file and the user's edits of it (what a
//! fresh worker, a kept session and a second reading of the file start from), [`sessions`]
//! and [`results`] keep sessions on the user's machine, and [`salt`] draws the page
//! session's salt for protected columns.

pub mod loaded;
mod prefs;
pub mod results;
pub mod salt;
pub mod sessions;

pub use prefs::{initial_lang, save_lang};

use leptos::prelude::*;
use shoplens_core::table::{ReadOptions, Retyped};
use shoplens_core::Lang;

use crate::pages::Page;
use crate::worker::protocol::summary::TableSummary;
use crate::worker::protocol::{Stage, WireError};

/// Signals every page may read.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// The page shown.
    pub page: RwSignal<Page>,
    /// The loaded data and the job loading it.
    pub data: DataState,
}

/// The loaded table and the state of the job that loads the next one.
#[derive(Debug, Clone, Copy)]
pub struct DataState {
    /// The table loaded last, as the worker summarised it (`None` before the first file).
    pub table: RwSignal<Option<TableSummary>>,
    /// What the loading job is doing.
    pub job: RwSignal<JobStatus>,
    /// The reading options the loaded table was read with (what the user chose; `None`
    /// fields were detected).
    pub options: RwSignal<ReadOptions>,
    /// What the last change of a column's type did (values that do not fit), shown until
    /// the next change or file.
    pub retyped: RwSignal<Option<Retyped>>,
    /// The session (kept on this machine) the loaded table belongs to.
    pub session: RwSignal<Option<String>>,
    /// Why the session could not be kept or restored, when it could not (the app then
    /// works in memory).
    pub storage_error: RwSignal<Option<WireError>>,
    /// Bumped whenever the list of kept sessions changes, so views listing it refresh.
    pub sessions_changed: RwSignal<u32>,
    /// Bumped whenever the kept analysis results are replaced (a session's results read
    /// from storage, or emptied for a new file), so pages show them (see [`results`]).
    pub results_loaded: RwSignal<u32>,
    /// A route file (name, text) the Data page hands to Delivery routes, taken there.
    pub route_file: RwSignal<Option<(String, String)>>,
}

impl DataState {
    /// The loaded table's column names, in file order (empty before the first file). Reads
    /// the table signal, so a view or effect calling it follows the next file.
    pub fn column_names(&self) -> Vec<String> {
        self.table
            .with(|t| {
                t.as_ref()
                    .map(|t| t.columns.iter().map(|c| c.name.clone()).collect())
            })
            .unwrap_or_default()
    }
}

/// The state of a background job as the page shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum JobStatus {
    /// No job running; nothing to report.
    #[default]
    Idle,
    /// A job is running.
    Running {
        /// The file being read.
        name: String,
        /// The phase.
        stage: Stage,
        /// Units done.
        done: u64,
        /// Units in all (0 when unknown).
        total: u64,
    },
    /// The last job failed.
    Failed {
        /// The file it was reading.
        name: String,
        /// Why, in both languages.
        error: WireError,
    },
    /// The user cancelled the last job.
    Cancelled,
}

impl JobStatus {
    /// Whether a job is running.
    pub fn is_running(&self) -> bool {
        matches!(self, JobStatus::Running { .. })
    }
}

/// Creates the app's state, puts it in context and returns it.
pub fn provide_app_state(lang: Lang, page: Page) -> AppState {
    let state = AppState {
        lang: RwSignal::new(lang),
        page: RwSignal::new(page),
        data: DataState {
            table: RwSignal::new(None),
            job: RwSignal::new(JobStatus::Idle),
            options: RwSignal::new(ReadOptions::default()),
            retyped: RwSignal::new(None),
            session: RwSignal::new(None),
            storage_error: RwSignal::new(None),
            sessions_changed: RwSignal::new(0),
            results_loaded: RwSignal::new(0),
            route_file: RwSignal::new(None),
        },
    };
    results::attach(state.data);
    provide_context(state);
    state
}

/// The app's state, from context.
///
/// # Panics
/// Outside `App` (a component mounted without [`provide_app_state`] is a programming error).
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
