//! The analyses' settings and results, kept with the session so a reload, a closed tab or a
//! visit to another page brings them back without running a kernel again.
//!
//! Every analysis job goes through [`crate::worker::page::task::run_task`], which hands the job
//! sent and the output received to [`keep`]. Entries are keyed by what they answer
//! ([`key_of`]: `"baskets.mine"`, `"models.train"`...), so each page and tab has its last
//! result; they live in memory for the page's lifetime and in one OPFS file per session,
//! `session-…-results.json` ([`file_name`]), written after the page has drawn the result.
//! A page brings its entry back with [`restore`]:
//!
//! ```ignore
//! results::restore("customers.rfm", move |job, output| {
//!     // fill the form from `job`, show `output`
//! });
//! ```
//!
//! A new file starts with no results and no session ([`detach`]) until its session is
//! stored ([`bind`]); reading the file again with other settings drops the session's results
//! ([`reset`]); reopening a session reads its file ([`open`]); "clear all local data"
//! deletes the files with the sessions. A storage
//! failure is shown as the sessions' storage error, and the results stay in memory.

use std::cell::RefCell;
use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::sessions;
use super::{use_app_state, DataState};
use crate::worker::protocol::operations::OperationJob;
use crate::worker::protocol::products::ProductJob;
use crate::worker::protocol::{baskets::BasketJob, customers::CustomerJob, models::ModelJob};
use crate::worker::protocol::{pieces, Assembly, Chunk, CHUNK_LEN};
use crate::worker::protocol::{Job, Output};

/// Version of the stored file's layout; a file of another version is ignored, except
/// version 1, whose results hold their long lists inline (read as they are).
const VERSION: u32 = 2;

/// The earlier layout still read.
const VERSION_INLINE: u32 = 1;

/// An analysis as it ran: the job sent (its settings) and the output received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// The job, with every setting the page sent.
    pub job: Job,
    /// What the worker answered.
    pub output: Output,
}

/// The stored file, as read (written by [`stored_pieces`]).
#[derive(Deserialize)]
struct StoredResults {
    version: u32,
    results: BTreeMap<String, StoredKept>,
}

/// A kept result as stored: the output without its long lists, then those lists in chunks
/// (none in a version-1 file).
#[derive(Deserialize)]
struct StoredKept {
    job: Job,
    output: Output,
    #[serde(default)]
    chunks: Vec<Chunk>,
}

impl StoredKept {
    /// The result with its lists put back.
    fn into_kept(self) -> Kept {
        let mut assembly = Assembly::default();
        for chunk in self.chunks {
            assembly.add(chunk);
        }
        let mut output = self.output;
        assembly.complete(&mut output);
        Kept {
            job: self.job,
            output,
        }
    }
}

/// The results in memory and where they are written.
///
/// Results are written only to the file of the session they belong to (`session`) and only
/// once that file has been read (`read`): a write is never made from a session id and a set of
/// results taken at different moments, and never over a file not yet read (which would lose
/// what it holds).
#[derive(Default)]
struct Store {
    entries: BTreeMap<String, Kept>,
    /// The session the results belong to; `None` while a new file has no session yet.
    session: Option<String>,
    /// The session's file has been read into `entries` (or its contents no longer apply).
    read: bool,
    /// Counts openings, new files and new readings: a file read that finishes after
    /// another of these is dropped.
    generation: u32,
    /// Counts [`detach`] calls: a session stored for a file that has since been replaced
    /// is not bound to the results of the new one.
    detached: u32,
    /// The app's data signals (storage error, reload counters), once attached.
    data: Option<DataState>,
    /// A write is under way; `dirty` asks for one (now, or as soon as writing is allowed).
    writing: bool,
    dirty: bool,
}

impl Store {
    /// Forgets the results in memory; a reading of the session's file under way is dropped.
    fn clear(&mut self) {
        self.entries.clear();
        self.generation += 1;
        self.read = true;
    }

    /// Forgets the results and the session, for a file that has none yet.
    fn detach(&mut self) {
        self.clear();
        self.session = None;
        self.detached += 1;
    }

    /// Names the session of the file detached with `token`; false when it is not the
    /// file shown any more.
    fn bind(&mut self, session: &str, token: u32) -> bool {
        if token != self.detached || self.session.is_some() {
            return false;
        }
        self.session = Some(session.to_string());
        self.read = true;
        self.dirty = true;
        true
    }

    /// Starts opening `session`: its results are not written until its file is read.
    /// Returns the opening's generation, for [`Store::opened`].
    fn opening(&mut self, session: &str) -> u32 {
        self.clear();
        self.session = Some(session.to_string());
        self.read = false;
        self.generation
    }

    /// Takes in the results read from the session's file, under those kept since the
    /// opening began (they are newer). False, and nothing changes, when the opening of
    /// `generation` has been overtaken.
    fn opened(&mut self, generation: u32, mut stored: BTreeMap<String, Kept>) -> bool {
        if generation != self.generation {
            return false;
        }
        stored.append(&mut self.entries);
        self.entries = stored;
        self.read = true;
        true
    }

    /// What to write now, taken at one moment: the session's file name and its results.
    /// `None` when nothing is asked for or writing is not allowed yet.
    fn next_write(&mut self) -> Option<(String, BTreeMap<String, Kept>)> {
        let session = self.session.as_ref().filter(|_| self.read && self.dirty)?;
        self.dirty = false;
        // Searches are shared (`Arc`): this copies no rules.
        Some((file_name(session), self.entries.clone()))
    }
}

thread_local! {
    // Outputs hold plain data, but the store lives on the page's thread with its signals.
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

/// The key a job's result is kept under, or `None` for jobs that are not analyses (loading,
/// basket building for the hint, feature plans, saving and scoring).
pub fn key_of(job: &Job) -> Option<&'static str> {
    Some(match job {
        Job::Baskets(BasketJob::Mine { .. }) => "baskets.mine",
        Job::Models(ModelJob::Train(_)) => "models.train",
        Job::Models(ModelJob::Compare(_)) => "models.compare",
        Job::Models(ModelJob::Grid(_)) => "models.grid",
        Job::Customers(CustomerJob::Rfm(_)) => "customers.rfm",
        Job::Customers(CustomerJob::Segments(_)) => "customers.segments",
        Job::Customers(CustomerJob::Churn(_)) => "customers.churn",
        Job::Customers(CustomerJob::Clv(_)) => "customers.clv",
        Job::Customers(CustomerJob::Cohort(_)) => "customers.cohort",
        Job::Operations(OperationJob::Forecast { .. }) => "operations.forecast",
        Job::Operations(OperationJob::Inventory { .. }) => "operations.inventory",
        Job::Operations(OperationJob::Routes { .. }) => "operations.routes",
        Job::Operations(OperationJob::Budget { .. }) => "operations.budget",
        Job::Products(ProductJob::AbcXyz(_)) => "products.abc_xyz",
        Job::Products(ProductJob::Recommend(_)) => "products.recommend",
        _ => return None,
    })
}

/// The OPFS file holding session `id`'s results.
pub fn file_name(session_id: &str) -> String {
    format!("{session_id}-results.json")
}

/// Connects the store to the app's signals (called once, by `provide_app_state`).
pub fn attach(data: DataState) {
    STORE.with(|s| s.borrow_mut().data = Some(data));
}

/// Keeps `output` as the result of `job` (ignored for jobs [`key_of`] does not name) and
/// schedules writing the session's results.
pub fn keep(job: &Job, output: &Output) {
    let Some(key) = key_of(job) else { return };
    STORE.with(|s| {
        s.borrow_mut().entries.insert(
            key.to_string(),
            Kept {
                job: job.clone(),
                output: output.clone(),
            },
        )
    });
    save();
}

/// The last result kept under `key`.
pub fn last(key: &str) -> Option<Kept> {
    STORE.with(|s| s.borrow().entries.get(key).cloned())
}

/// The keys of every result kept now, in key order (the report lists them all).
pub fn kept_keys() -> Vec<String> {
    STORE.with(|s| s.borrow().entries.keys().cloned().collect())
}

/// Shows the kept result of `key` on the page calling this: `apply` receives the job and
/// the output now (when there is one) and again whenever a session's results have been
/// read from storage. `apply` runs untracked.
pub fn restore(key: &'static str, apply: impl Fn(Job, Output) + 'static) {
    let data = use_app_state().data;
    // Signals `apply` creates belong to the page, not to this effect (which would dispose
    // of them when it runs again).
    let owner = Owner::current();
    Effect::new(move || {
        data.results_loaded.track();
        if let Some(kept) = last(key) {
            let show = || untrack(|| apply(kept.job, kept.output));
            match &owner {
                Some(owner) => owner.with(show),
                None => show(),
            }
        }
    });
}

/// Forgets every result in memory because the session's file is read again with other
/// settings: the session's stored results are replaced by none.
pub fn reset() {
    let data = STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.clear();
        s.data
    });
    if let Some(data) = data {
        data.results_loaded.update(|n| *n += 1);
    }
    save();
}

/// Forgets every result in memory for a file that has no session yet (a new file, or
/// after "clear all local data"). Results kept from now on are written once [`bind`]
/// names the new session. Returns the token [`bind`] takes.
pub fn detach() -> u32 {
    let (data, token) = STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.detach();
        (s.data, s.detached)
    });
    if let Some(data) = data {
        data.results_loaded.update(|n| *n += 1);
    }
    token
}

/// Names the session created for the new file that [`detach`] returned `token` for, and
/// writes the results kept since it was loaded. Ignored when another file or session has
/// been loaded since.
pub fn bind(session_id: &str, token: u32) {
    if STORE.with(|s| s.borrow_mut().bind(session_id, token)) {
        save();
    }
}

/// Reads session `id`'s results from storage, replacing those in memory (results kept
/// while it reads are added to them), and tells the pages to show them. Nothing is written
/// to the session's file before it has been read. A missing file means no results; an
/// unreadable one is reported as a storage error.
pub async fn open(session_id: &str) {
    let generation = STORE.with(|s| s.borrow_mut().opening(session_id));
    // A write of the previous session still under way finishes first (its results and
    // file were taken together), so this reads a whole file.
    while STORE.with(|s| s.borrow().writing) {
        next_task().await;
    }
    let started = js_sys::Date::now();
    let read = sessions::read_text(&file_name(session_id)).await;
    let data = STORE.with(|s| s.borrow().data);
    mark("data-results-file-ms", js_sys::Date::now() - started);
    let entries = match read {
        Ok(Some(text)) => {
            // A file from another version of the app, or cut short, is dropped rather
            // than half-read: the results are computed again on request.
            parse_stored(&text).unwrap_or_default()
        }
        Ok(None) => BTreeMap::new(),
        Err(detail) => {
            if let Some(data) = data {
                data.storage_error
                    .set(Some(sessions::storage_error(&detail)));
            }
            BTreeMap::new()
        }
    };
    if !STORE.with(|s| s.borrow_mut().opened(generation, entries)) {
        return;
    }
    mark("data-results-read-ms", js_sys::Date::now() - started);
    if let Some(data) = data {
        data.results_loaded.update(|n| *n += 1);
    }
    // Results kept while the file was read are written with it.
    if STORE.with(|s| s.borrow().dirty) {
        save();
    }
}

/// The results in a stored file's text; `None` for a file of another version or one that is
/// not whole.
fn parse_stored(text: &str) -> Option<BTreeMap<String, Kept>> {
    serde_json::from_str::<StoredResults>(text)
        .ok()
        .filter(|stored| [VERSION, VERSION_INLINE].contains(&stored.version))
        .map(|stored| {
            stored
                .results
                .into_iter()
                .map(|(key, kept)| (key, kept.into_kept()))
                .collect()
        })
}

/// Writes the results of the current session, after the page has had a chance to draw,
/// serialising one piece of the file per task ([`stored_pieces`]: the serialising runs on
/// the page's thread). Writes do not overlap: one asked for while another runs happens
/// after it, with the newest results.
pub fn save() {
    let start = STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.dirty = true;
        !std::mem::replace(&mut s.writing, true)
    });
    if !start {
        return;
    }
    leptos::task::spawn_local(async {
        next_task().await;
        loop {
            let started = js_sys::Date::now();
            let job = STORE.with(|s| {
                let mut s = s.borrow_mut();
                let job = s.data.zip(s.next_write());
                // Nothing to write, or not allowed yet: a later `save` (from `bind` or
                // `open`) starts writing again.
                s.writing = job.is_some();
                job
            });
            let Some((data, (file, entries))) = job else {
                return;
            };
            let mut text = String::new();
            let mut written = Ok(());
            for piece in stored_pieces(&entries) {
                match piece {
                    Ok(piece) => text.push_str(&piece),
                    Err(e) => {
                        written = Err(e);
                        break;
                    }
                }
                next_task().await;
            }
            // Serialising our own types does not fail; if it did, the file is left as it
            // was rather than written cut short.
            if written.is_ok() {
                mark("data-results-serialize-ms", js_sys::Date::now() - started);
                mark("data-results-bytes", text.len() as f64);
                match sessions::write_text(&file, &text).await {
                    Ok(()) => data.sessions_changed.update(|n| *n += 1),
                    Err(detail) => data
                        .storage_error
                        .set(Some(sessions::storage_error(&detail))),
                }
                mark("data-results-write-ms", js_sys::Date::now() - started);
            }
        }
    });
}

/// The stored file's text in pieces, each serialised only when the iteration reaches it:
/// the start, then per kept result its key, job and output without the long lists, then
/// each chunk of those lists ([`pieces`], borrowed, not copied), then the end.
/// Joined, the pieces are one JSON document that [`open`] reads as [`StoredResults`].
fn stored_pieces(
    entries: &BTreeMap<String, Kept>,
) -> impl Iterator<Item = serde_json::Result<String>> + '_ {
    let start = format!(r#"{{"version":{VERSION},"results":{{"#);
    let results = entries.iter().enumerate().flat_map(|(n, (key, kept))| {
        let (output, chunks) = pieces(&kept.output, CHUNK_LEN);
        let head = (|| {
            Ok(format!(
                r#"{}{}:{{"job":{},"output":{},"chunks":["#,
                if n == 0 { "" } else { "," },
                serde_json::to_string(key)?,
                serde_json::to_string(&kept.job)?,
                serde_json::to_string(&output)?,
            ))
        })();
        let body = chunks.into_iter().enumerate().map(|(i, chunk)| {
            let text = serde_json::to_string(&chunk)?;
            Ok(if i == 0 { text } else { format!(",{text}") })
        });
        std::iter::once(head)
            .chain(body)
            .chain(std::iter::once(Ok("]}".to_string())))
    });
    std::iter::once(Ok(start))
        .chain(results)
        .chain(std::iter::once(Ok("}}".to_string())))
}

/// Resolves on the event loop's next task, after the page has drawn.
async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Puts a figure on `<html>` as a data attribute, for the end-to-end test and benches
/// (how long reading and writing the results took, how large they are).
fn mark(name: &str, value: f64) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, &format!("{value:.1}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::protocol::baskets::BasketOutput;
    use crate::worker::protocol::customers::CustomerJob;

    #[test]
    fn analyses_have_keys_and_helpers_do_not() {
        let rfm = Job::Customers(CustomerJob::Rfm(shoplens_core::jobs::rfm::RfmJob {
            columns: shoplens_core::segment::OrderColumns {
                customer: "customer".into(),
                date: "date".into(),
                amount: shoplens_core::segment::AmountColumns::Amount("amount".into()),
                invoice: None,
            },
            as_of: None,
        }));
        assert_eq!(key_of(&rfm), Some("customers.rfm"));
        let plan = Job::Models(ModelJob::Plan {
            target: "sales".into(),
        });
        assert_eq!(key_of(&plan), None);
        assert_eq!(file_name("session-1"), "session-1-results.json");
    }

    fn kept_search() -> BTreeMap<String, Kept> {
        let job = Job::Baskets(BasketJob::Prepare {
            source: Default::default(),
        });
        BTreeMap::from([
            (
                "baskets.mine".to_string(),
                Kept {
                    job: job.clone(),
                    output: crate::worker::protocol::baskets::tests::searched(),
                },
            ),
            (
                "other".to_string(),
                Kept {
                    job,
                    output: Output::Spec { json: "{}".into() },
                },
            ),
        ])
    }

    /// The file written in pieces reads back as the very results kept, the search's rules
    /// and itemsets stored apart from it and put back.
    #[test]
    fn results_stored_in_pieces_read_back_whole() {
        let entries = kept_search();
        let pieces: Vec<String> = stored_pieces(&entries)
            .collect::<serde_json::Result<_>>()
            .unwrap();
        let Output::Baskets(BasketOutput::Mined(mined)) = &entries["baskets.mine"].output else {
            unreachable!()
        };
        let chunks =
            mined.rules.len().div_ceil(CHUNK_LEN) + mined.itemsets.len().div_ceil(CHUNK_LEN);
        assert!(chunks >= 2);
        // The start, each result's head and end, one piece per chunk, the end.
        assert_eq!(pieces.len(), 1 + 2 * entries.len() + chunks + 1);
        let text = pieces.concat();
        let stored: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(stored["version"], VERSION);
        let search = &stored["results"]["baskets.mine"];
        assert_eq!(search["chunks"].as_array().unwrap().len(), chunks);
        assert_eq!(
            search["output"]["data"]["Mined"]["itemsets"],
            serde_json::json!([])
        );
        assert_eq!(parse_stored(&text).unwrap(), entries);
    }

    /// A version-1 file (each result whole, as the previous release wrote it) still reads;
    /// a file of an unknown version or cut short reads as none.
    #[test]
    fn earlier_files_still_read() {
        let entries = kept_search();
        let text = serde_json::json!({ "version": 1, "results": &entries }).to_string();
        assert_eq!(parse_stored(&text).unwrap(), entries);
        let text = serde_json::json!({ "version": 9, "results": &entries }).to_string();
        assert_eq!(parse_stored(&text), None);
        let whole: String = stored_pieces(&entries).map(Result::unwrap).collect();
        assert_eq!(parse_stored(&whole[..whole.len() - 1]), None);
    }

    fn kept(name: &str) -> Kept {
        Kept {
            job: Job::Models(ModelJob::Plan {
                target: name.into(),
            }),
            output: Output::Spec { json: "{}".into() },
        }
    }

    fn keep_in(store: &mut Store, key: &str) {
        store.entries.insert(key.to_string(), kept(key));
        store.dirty = true;
    }

    /// While a session's file is being read, nothing is written to it; results kept
    /// meanwhile join those read (and win over them) and are then written to that file.
    #[test]
    fn an_unread_file_is_never_written() {
        let mut store = Store::default();
        let generation = store.opening("session-1");
        keep_in(&mut store, "customers.rfm");
        assert_eq!(store.next_write(), None);
        let stored = BTreeMap::from([
            ("baskets.mine".to_string(), kept("stored")),
            ("customers.rfm".to_string(), kept("stored")),
        ]);
        assert!(store.opened(generation, stored));
        let (file, entries) = store.next_write().unwrap();
        assert_eq!(file, "session-1-results.json");
        assert_eq!(entries["baskets.mine"], kept("stored"));
        assert_eq!(entries["customers.rfm"], kept("customers.rfm"));
        assert_eq!(store.next_write(), None, "written once");
    }

    /// A reading overtaken by another session's opening, a new file or a new reading of
    /// the same file is dropped, and the overtaken session's file is not written.
    #[test]
    fn an_overtaken_reading_is_dropped() {
        let mut store = Store::default();
        let first = store.opening("session-1");
        let second = store.opening("session-2");
        assert!(!store.opened(first, BTreeMap::from([("a".to_string(), kept("a"))])));
        assert!(store.entries.is_empty());
        assert!(store.opened(second, BTreeMap::new()));
        keep_in(&mut store, "b");
        assert_eq!(store.next_write().unwrap().0, "session-2-results.json");

        let generation = store.opening("session-3");
        store.clear();
        store.dirty = true;
        assert!(!store.opened(generation, BTreeMap::from([("a".to_string(), kept("a"))])));
        let (file, entries) = store.next_write().unwrap();
        assert_eq!(file, "session-3-results.json");
        assert!(
            entries.is_empty(),
            "the other reading's results are dropped"
        );
    }

    /// A new file's results wait for its session; a session stored for a file that has
    /// since been replaced, or after another session was opened, is not bound.
    #[test]
    fn a_new_file_is_written_once_its_session_exists() {
        let mut store = Store::default();
        let generation = store.opening("session-1");
        assert!(store.opened(generation, BTreeMap::new()));
        store.detach();
        let token = store.detached;
        keep_in(&mut store, "customers.rfm");
        assert_eq!(store.next_write(), None);
        store.detach();
        assert!(!store.bind("session-2", token), "another file was loaded");
        keep_in(&mut store, "customers.rfm");
        let token = store.detached;
        store.opening("session-1");
        assert!(!store.bind("session-3", token), "a session was opened");
        store.detach();
        keep_in(&mut store, "models.train");
        assert!(store.bind("session-4", store.detached));
        let (file, entries) = store.next_write().unwrap();
        assert_eq!(file, "session-4-results.json");
        assert_eq!(entries.keys().collect::<Vec<_>>(), ["models.train"]);
    }
}
