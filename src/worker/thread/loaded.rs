//! The worker's copy of the loaded file: the table the last `LoadTable` produced, the file
//! handle it came from, its understanding with the user's corrections, and the columns
//! hashed since. One [`Loaded`] value holds them all, so an edit changes them together;
//! jobs reach it only through [`with_table`], [`with_loaded`] and [`loaded_file`].
//!
//! The page keeps its own record of the same file and edits
//! (`crate::worker::page::loaded`), which it replays into a fresh worker after a cancel;
//! this module is what those replays rebuild.

use std::cell::RefCell;

use shoplens_core::privacy::{protect, Protection};
use shoplens_core::schema::{self, Override, Understanding};
use shoplens_core::table::{DataType, Role, Table};
use wasm_bindgen::JsCast;
use web_sys::Blob;

use crate::worker::protocol::summary::TableSummary;
use crate::worker::protocol::{Output, WireError};

/// The loaded file as the worker keeps it between jobs.
pub struct Loaded {
    /// The table, with the user's type changes and protections applied.
    pub table: Table,
    /// The file it came from (a handle, not its bytes: holding no copy keeps memory low),
    /// for jobs that need the raw text, such as one-basket-per-line files.
    pub file: Blob,
    /// What the file is (`shoplens_core::schema`), with the user's corrections.
    pub understanding: Understanding,
    /// Names of the columns hashed since the load: their values no longer look like
    /// personal data but their headers still do, so they are not flagged again.
    hashed: Vec<String>,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Keeps a freshly loaded file for the jobs that follow, replacing the one before.
pub fn keep(table: Table, file: Blob, understanding: Understanding) {
    LOADED.with(|slot| {
        *slot.borrow_mut() = Some(Loaded {
            table,
            file,
            understanding,
            hashed: Vec::new(),
        })
    });
}

fn nothing_loaded() -> WireError {
    WireError {
        zh: "还没有载入数据：请先在“数据”页打开一个文件。".into(),
        en: "No data is loaded yet: open a file on the Data page first.".into(),
    }
}

/// Runs `f` on the loaded file, or fails with a message asking the user to load a file
/// first.
pub fn with_loaded<R>(f: impl FnOnce(&mut Loaded) -> Result<R, WireError>) -> Result<R, WireError> {
    LOADED.with(|slot| match slot.borrow_mut().as_mut() {
        Some(loaded) => f(loaded),
        None => Err(nothing_loaded()),
    })
}

/// Runs `f` on the loaded table (see [`with_loaded`]). Jobs of the analysis pages reach
/// the table only through this.
pub fn with_table<R>(f: impl FnOnce(&mut Table) -> Result<R, WireError>) -> Result<R, WireError> {
    with_loaded(|loaded| f(&mut loaded.table))
}

/// The handle of the loaded file, to read its bytes again outside [`with_loaded`].
pub fn loaded_file() -> Result<Blob, WireError> {
    LOADED
        .with(|slot| slot.borrow().as_ref().map(|l| l.file.clone()))
        .ok_or_else(nothing_loaded)
}

impl Loaded {
    /// Applies the user's type and role for column `index`.
    pub fn set_column(
        &mut self,
        index: usize,
        dtype: DataType,
        role: Role,
    ) -> Result<Output, WireError> {
        let table = &mut self.table;
        if index >= table.n_columns() {
            return Err(WireError::from(&shoplens_core::Error::invalid_parameter(
                "column",
                index,
                shoplens_core::Allowed::Below(table.n_columns() as f64),
            )));
        }
        let retyped = if table.column(index).dtype() != dtype {
            Some(table.set_type(index, dtype)?)
        } else {
            None
        };
        table.set_role(index, role);
        // The understanding card shows the same choice, and the defaults follow it.
        self.understanding.follow_table_role(table, index, role);
        Ok(Output::Retyped {
            summary: self.summary(),
            retyped,
        })
    }

    /// Hashes or drops the chosen columns.
    pub fn protect(
        &mut self,
        choices: &[(usize, Protection)],
        salt: &str,
    ) -> Result<Output, WireError> {
        let table = &mut self.table;
        let hashed = choices
            .iter()
            .filter(|(_, p)| *p == Protection::Hash)
            .filter_map(|&(i, _)| table.columns().get(i).map(|c| c.name().to_string()));
        self.hashed.extend(hashed);
        *table = protect(table, choices, salt.as_bytes());
        // Dropped columns shift the others: understand the protected table again, keeping
        // the corrections the user made before (a file understood from its text alone has
        // no columns to carry).
        if !self.understanding.columns.is_empty() {
            let mut understanding = schema::understand(table);
            understanding.carry_choices(&self.understanding, table);
            schema::apply_roles(table, &understanding);
            self.understanding = understanding;
        }
        Ok(Output::Retyped {
            summary: self.summary(),
            retyped: None,
        })
    }

    /// Applies the user's correction of the understanding; a column's role also sets the
    /// table's coarse role, so every page's defaults follow it.
    pub fn correct(&mut self, choice: &Override) -> Result<Output, WireError> {
        if let Some((index, role)) = self.understanding.apply_override(&self.table, choice) {
            self.table.set_role(index, role);
        }
        Ok(Output::Retyped {
            summary: self.summary(),
            retyped: None,
        })
    }

    /// The page's summary of the table, without flags on columns already hashed.
    pub fn summary(&self) -> TableSummary {
        let mut summary =
            TableSummary::of(&self.table, &file_name(&self.file), self.file.size() as u64);
        summary.understanding = Some(self.understanding.clone());
        summary.pii.retain(|flag| !self.hashed.contains(&flag.name));
        summary
    }
}

/// The name of the file behind `blob` (empty for a blob that is not a `File`).
pub fn file_name(blob: &Blob) -> String {
    blob.clone()
        .dyn_into::<web_sys::File>()
        .map(|f| f.name())
        .unwrap_or_default()
}
