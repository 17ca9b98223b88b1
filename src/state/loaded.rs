//! The loaded file and the user's edits of it, kept in one place on the page's thread.
//!
//! The worker holds the table itself; the page holds what it takes to build that table
//! again: the browser `File`, the reading options it loaded with, and the edits applied
//! since (a column's type and role, protections of personal data, corrections of the
//! understanding), in order. Three readers need exactly that:
//!
//! - the worker's bridge ([`crate::worker::page::bridge`]), which after a cancel starts a
//!   fresh worker and sends it [`LoadedFile::load_job`] and [`LoadedFile::edit_jobs`]
//!   before any later job, so a cancelled job undoes nothing;
//! - the kept sessions ([`super::sessions`]), which store the options and the [`Edit`]s
//!   and hand them back when a session is reopened;
//! - the Data page, which reads the same [`File`] again with other settings.
//!
//! Only the Data page writes, and only on success: [`replace`] when a file has loaded (its
//! edits start empty), [`record`] when an edit has been applied. A load that fails or is
//! cancelled therefore leaves the previous file, with its edits, as the one to rebuild.
//!
//! ```ignore
//! loaded::replace(file, options); // the worker answered the load with a table
//! loaded::record(Edit::Understand { choice }); // the worker applied the correction
//! let jobs = loaded::current().map(|l| l.edit_jobs()); // what a fresh worker replays
//! ```
//!
//! A `File` is a JS handle (not `Send`), so this lives in a thread-local rather than a
//! signal; nothing here is reactive, the page's signals ([`super::DataState`]) show the
//! table.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use shoplens_core::privacy::Protection;
use shoplens_core::schema::Override;
use shoplens_core::table::{DataType, ReadOptions, Role};
use web_sys::File;

use super::salt::session_salt;
use crate::worker::protocol::Job;

thread_local! {
    static LOADED: RefCell<Option<LoadedFile>> = const { RefCell::new(None) };
}

/// The file the worker's table came from, how it was read, and what the user changed since.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    /// The file as the user gave it (reading it again copies nothing on the page's thread).
    pub file: File,
    /// The options it was read with, as sent to the worker (size limit included).
    pub options: ReadOptions,
    /// The edits applied to the table since it loaded, oldest first.
    pub edits: Vec<Edit>,
}

impl LoadedFile {
    /// The file's name.
    pub fn name(&self) -> String {
        self.file.name()
    }

    /// The job that reads [`Self::file`] into the worker's table again (the file travels
    /// next to it).
    pub fn load_job(&self) -> Job {
        Job::LoadTable {
            options: self.options.clone(),
        }
    }

    /// The jobs that apply the edits again, in order, after [`Self::load_job`].
    pub fn edit_jobs(&self) -> Vec<Job> {
        self.edits.iter().map(Edit::job).collect()
    }
}

/// One change of the loaded table by the user, as the page records and a session stores it.
///
/// Stored in the form of the [`Job`] that applies it (`{"job": "set_column", "args": …}`),
/// so sessions kept as lists of jobs read back as edits. A protection is stored without a
/// salt: it is applied with the salt of the page session that applies it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job", content = "args", rename_all = "snake_case")]
pub enum Edit {
    /// Column `index` is read as `dtype` and plays `role` (the Columns card).
    SetColumn {
        /// Column position.
        index: usize,
        /// The type its cells are read as.
        dtype: DataType,
        /// Its role in analyses.
        role: Role,
    },
    /// Columns of personal data are hashed or dropped (`(column index, what to do)`).
    Protect {
        /// The choices, as the privacy panel made them.
        choices: Vec<(usize, Protection)>,
    },
    /// A correction of the file's understanding: a column's role or the file's shape.
    Understand {
        /// The correction.
        choice: Override,
    },
}

impl Edit {
    /// The worker job that applies this edit; a protection digests with this page
    /// session's salt.
    pub fn job(&self) -> Job {
        self.job_with_salt(session_salt())
    }

    fn job_with_salt(&self, salt: String) -> Job {
        match self {
            Edit::SetColumn { index, dtype, role } => Job::SetColumn {
                index: *index,
                dtype: *dtype,
                role: *role,
            },
            Edit::Protect { choices } => Job::Protect {
                choices: choices.clone(),
                salt,
            },
            Edit::Understand { choice } => Job::Understand { choice: *choice },
        }
    }
}

/// Makes `file`, read with `options`, the loaded file, with no edits. Called once the
/// worker has answered the load with a table.
pub fn replace(file: File, options: ReadOptions) {
    LOADED.with(|loaded| {
        *loaded.borrow_mut() = Some(LoadedFile {
            file,
            options,
            edits: Vec::new(),
        });
    });
}

/// Adds `edit` to the loaded file's edits. Called once the worker has applied it; does
/// nothing before the first file has loaded.
pub fn record(edit: Edit) {
    LOADED.with(|loaded| {
        if let Some(loaded) = loaded.borrow_mut().as_mut() {
            loaded.edits.push(edit);
        }
    });
}

/// The loaded file, its options and edits (`None` before the first file has loaded).
pub fn current() -> Option<LoadedFile> {
    LOADED.with(|loaded| loaded.borrow().clone())
}

/// The loaded file alone.
pub fn file() -> Option<File> {
    LOADED.with(|loaded| loaded.borrow().as_ref().map(|l| l.file.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use shoplens_core::schema::{ColumnRole, Shape};

    fn every_kind() -> Vec<Edit> {
        vec![
            Edit::SetColumn {
                index: 1,
                dtype: DataType::Integer,
                role: Role::Target,
            },
            Edit::Protect {
                choices: vec![(2, Protection::Hash), (4, Protection::Drop)],
            },
            Edit::Understand {
                choice: Override::Role {
                    column: 0,
                    role: ColumnRole::Identifier,
                },
            },
            Edit::Understand {
                choice: Override::Shape {
                    shape: Shape::OrderLines,
                },
            },
        ]
    }

    #[test]
    fn sessions_kept_as_jobs_read_back_as_the_same_edits() {
        // A session's edits stored as the jobs that applied them, salt included.
        let edits = every_kind();
        let jobs: Vec<Job> = edits
            .iter()
            .map(|e| e.job_with_salt("00ff00ff".into()))
            .collect();
        let stored = serde_json::to_string(&jobs).unwrap();
        assert!(stored.contains(r#""salt":"00ff00ff""#), "{stored}");
        let read: Vec<Edit> = serde_json::from_str(&stored).unwrap();
        assert_eq!(read, edits);
    }

    #[test]
    fn an_edit_is_stored_as_its_job_without_the_salt() {
        for edit in every_kind() {
            let stored = serde_json::to_value(&edit).unwrap();
            let mut job = serde_json::to_value(edit.job_with_salt("abc".into())).unwrap();
            if let Some(args) = job.get_mut("args").and_then(|a| a.as_object_mut()) {
                args.remove("salt");
            }
            assert_eq!(stored, job, "{edit:?}");
            assert_eq!(serde_json::from_value::<Edit>(stored).unwrap(), edit);
        }
    }

    #[test]
    fn a_job_that_is_no_edit_is_refused() {
        let load = serde_json::to_string(&Job::LoadTable {
            options: ReadOptions::default(),
        })
        .unwrap();
        assert!(serde_json::from_str::<Edit>(&load).is_err(), "{load}");
    }
}
