//! The page/worker protocol: every type that crosses between the page's thread and the
//! worker's, and nothing that runs on either. Both sides import it; it imports neither.
//!
//! - [`messages`]: requests, replies, progress stages and outputs, sent as JSON text.
//! - [`error`]: [`WireError`], an error in both languages.
//! - [`summary`]: what the page sees of a loaded table (counts, types, profile, preview).
//! - [`baskets`], [`models`], [`customers`], [`operations`], [`products`]: each analysis
//!   page's jobs and outputs (mostly core's job specs and typed outputs under the names the
//!   page uses).
//! - [`rule_list`]: a search's rules in their compact wire form.
//! - [`chunk`] and [`lists`]: a result's long lists sent in pieces, and how they are cut
//!   and put together again.
//!
//! The modules form no cycle: [`error`], [`summary`], [`rule_list`] and the page modules
//! other than [`baskets`] are leaves; [`messages`] names the page modules' types;
//! [`lists`] works on [`messages::Output`].

pub mod baskets;
pub mod chunk;
pub mod customers;
pub mod error;
pub mod lists;
pub mod messages;
pub mod models;
pub mod operations;
pub mod products;
pub mod rule_list;
pub mod summary;

pub use chunk::{Chunk, CHUNK_LEN};
pub use error::WireError;
pub use lists::{pieces, split, Assembly};
pub use messages::{Job, JobId, Output, Reply, Request, Response, Stage};
