//! The messages between the page and the worker, as serde types sent as JSON text.
//!
//! The page sends a [`Request`] (a job id and a [`Job`]); for a job that reads a file, the
//! browser `File` handle travels next to the JSON in the same `postMessage` (a `File` is
//! structured-cloneable and costs nothing to send: the worker reads the bytes itself). The
//! worker answers with [`Response`]s: one `Ready` when it has started, then for each job any
//! number of [`Reply::Progress`] and exactly one [`Reply::Done`] or [`Reply::Failed`]. A
//! result with long lists (a search's rules) sends them first as [`Response::Chunk`]s and
//! then the `Done` without them; the page's bridge puts them back, so callers only ever see
//! whole results (see [`super::lists`]).
//!
//! Each analysis page has one [`Job`] and one [`Output`] variant wrapping that page's
//! job and output enums (`super::baskets` and the others); a new analysis adds a variant
//! there (see `ARCHITECTURE.md`, "Adding an analysis"). Jobs run one at a time, in order,
//! on the table the last [`Job::LoadTable`] kept in the worker's memory.

use serde::{Deserialize, Serialize};
use shoplens_core::privacy::Protection;
use shoplens_core::schema::Override;
use shoplens_core::table::{DataType, ReadOptions, Retyped, Role};

use super::chunk::Chunk;
use super::error::WireError;
use super::summary::TableSummary;
use super::{baskets, customers, models, operations, products};

/// Identifies a job so replies reach the right caller.
pub type JobId = u32;

/// A job for the worker, with its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The id replies will carry.
    pub id: JobId,
    /// What to do.
    pub job: Job,
}

/// What the worker can do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", content = "args", rename_all = "snake_case")]
pub enum Job {
    /// Read the file sent along with this request, parse it into a table, keep the table
    /// for later jobs and answer with [`Output::Table`].
    LoadTable {
        /// How to read it (encoding, delimiter, size limit).
        options: ReadOptions,
    },
    /// Change the type and role of column `index` of the loaded table (the user's
    /// override); answers with [`Output::Retyped`].
    SetColumn {
        /// Column position.
        index: usize,
        /// The type to read the column's cells as.
        dtype: DataType,
        /// The column's role in analyses.
        role: Role,
    },
    /// Hash or drop the columns that hold personal data, in the loaded table, before any
    /// analysis sees them; answers with [`Output::Retyped`] (no re-typing report).
    Protect {
        /// `(column index, what to do)`.
        choices: Vec<(usize, Protection)>,
        /// This session's salt for the digests (drawn by the page, never stored).
        salt: String,
    },
    /// Correct the understanding of the loaded file (a column's role or the file's shape);
    /// answers with [`Output::Retyped`]. Kept with the session like the other edits.
    Understand {
        /// The correction.
        choice: Override,
    },
    /// A Baskets page job (see [`baskets`]).
    Baskets(baskets::BasketJob),
    /// A Models page job (see [`models`]).
    Models(models::ModelJob),
    /// A Customers page job (see [`customers`]).
    Customers(customers::CustomerJob),
    /// An Operations page job (see [`operations`]).
    Operations(operations::OperationJob),
    /// A Products page job (see [`products`]).
    Products(products::ProductJob),
    /// The core job spec (`shoplens_core::jobs::Job`) an analysis job runs, with the
    /// defaults decided from the loaded table written in: what "Download job" saves and
    /// `shoplens run` reruns. Answers with [`Output::Spec`].
    Spec(Box<Job>),
}

/// A message from the worker.
// A message lives only between being parsed and being handled, one at a time: boxing the
// large variant would save nothing worth an allocation per message.
// Tag and content apart: the tag comes first, so serde reads the content straight into its
// type, where an internal tag makes serde read every message into a generic tree first and
// then again into its type (a second pass over each chunk of rules).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "body", rename_all = "snake_case")]
pub enum Response {
    /// The worker's wasm module has started and listens for requests.
    Ready,
    /// News about job `id`.
    Job {
        /// The job this is about.
        id: JobId,
        /// The news.
        reply: Reply,
    },
    /// A piece of the long lists of job `id`'s result, sent before its [`Reply::Done`].
    Chunk {
        /// The job whose result it belongs to.
        id: JobId,
        /// The piece.
        chunk: Chunk,
    },
}

/// News about one job.
// A message lives only between being parsed and being handled, one at a time: boxing the
// large variant would save nothing worth an allocation per message. Tag and content apart,
// as in `Response`, so a result is read in one pass.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply", content = "body", rename_all = "snake_case")]
pub enum Reply {
    /// `done` of `total` units of `stage` are finished.
    Progress {
        /// The phase.
        stage: Stage,
        /// Units done (bytes while reading).
        done: u64,
        /// Units in all.
        total: u64,
    },
    /// The job finished.
    Done {
        /// Its result.
        output: Output,
    },
    /// The job failed; the message exists in both languages.
    Failed {
        /// What went wrong.
        error: WireError,
    },
}

/// The phases a job reports progress for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading the file's bytes (units: bytes).
    Read,
    /// Parsing text into typed columns (units: per-mille of the work, total 1000; 0 when
    /// unknown).
    Parse,
    /// A kernel is computing (units are the kernel's own steps; total 0 when unknown).
    Compute,
    /// A basket search is finding frequent itemsets (units: first-level branches of the
    /// search done, as core's progress callback reports them).
    Itemsets,
    /// A basket search is deriving rules and companion lists from its itemsets (units:
    /// 0 of 1 until done).
    Rules,
}

/// The result of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "output", content = "data", rename_all = "snake_case")]
pub enum Output {
    /// A table was loaded: what the Data page shows.
    Table {
        /// Counts, types, profile and preview.
        summary: TableSummary,
    },
    /// A column's type or role was changed: the new summary and, when the type changed,
    /// how many values do not fit it.
    Retyped {
        /// Counts, types, profile and preview after the change.
        summary: TableSummary,
        /// What re-typing did (`None` when only the role changed).
        retyped: Option<Retyped>,
    },
    /// A Baskets page result.
    Baskets(baskets::BasketOutput),
    /// A Models page result.
    Models(models::ModelOutput),
    /// A Customers page result.
    Customers(customers::CustomerOutput),
    /// An Operations page result.
    Operations(operations::OperationOutput),
    /// A Products page result.
    Products(products::ProductOutput),
    /// A job spec as pretty JSON (answer to [`Job::Spec`]).
    Spec {
        /// The spec's JSON text.
        json: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use shoplens_core::{Error, ErrorKind};

    #[test]
    fn requests_and_responses_survive_json() {
        let request = Request {
            id: 7,
            job: Job::LoadTable {
                options: ReadOptions {
                    encoding: Some("gbk".into()),
                    delimiter: Some(b';'),
                    max_bytes: Some(1 << 30),
                    ..ReadOptions::default()
                },
            },
        };
        let text = serde_json::to_string(&request).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);

        let request = Request {
            id: 8,
            job: Job::SetColumn {
                index: 2,
                dtype: DataType::Decimal,
                role: Role::Target,
            },
        };
        let text = serde_json::to_string(&request).unwrap();
        assert!(text.contains(r#""job":"set_column""#), "{text}");
        assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);

        for reply in [
            Reply::Progress {
                stage: Stage::Read,
                done: 10,
                total: 20,
            },
            Reply::Failed {
                error: WireError::from(&Error::new(ErrorKind::EmptyFile)),
            },
        ] {
            let response = Response::Job { id: 3, reply };
            let text = serde_json::to_string(&response).unwrap();
            assert_eq!(serde_json::from_str::<Response>(&text).unwrap(), response);
        }
    }
}
