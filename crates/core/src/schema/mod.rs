//! What a file is, decided once for every page and the CLI: its shape, each column's role,
//! how its dates are written and which columns hold personal data, each decision with the
//! evidence for it.
//!
//! ```
//! use shoplens_core::schema::{understand, ColumnRole, Shape};
//! use shoplens_core::table::{read_bytes, ReadOptions};
//! let csv = "InvoiceNo,Description,Quantity,UnitPrice\n1,tea,2,3.5\n1,cup,1,4\n2,tea,1,3.5\n";
//! let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
//! let u = understand(&table);
//! assert_eq!(u.shape, Shape::OrderLines);
//! assert_eq!(u.columns[0].role, ColumnRole::Order);
//! assert_eq!(u.suggested.item_column, Some(1));
//! ```
//!
//! How it decides:
//! - **Before reading a table** ([`understand_text`]): TSPLIB/CVRPLIB keywords make a route
//!   instance; lines of integers with varying counts a FIMI `.dat` basket file; lines of
//!   words with varying counts that repeat across lines a basket-per-line file. Their first
//!   line is then not taken for a header.
//! - **Roles** ([`roles`]): by values first (dates, row numbers `1..n`, every value distinct,
//!   two values, few values, long text), with the header's words ([`crate::vocabulary`]) naming
//!   what numbers and ids are (amount, quantity, price, customer, order, item).
//! - **Shape** ([`shape`]): a 0/1 matrix (with or without an id column), order lines (an
//!   order id that repeats and an item column), a time series (a date column at regular
//!   steps and a value column), else a table of records.
//! - **Personal data** by values ([`crate::privacy`]), the header only as support.
//!
//! Each reason is a code ([`Evidence`]) that the fronts say in Chinese or English.

pub mod cancellations;
mod evidence;
pub mod frequency;
pub mod roles;
pub mod shape;
pub mod text_shape;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;

pub use evidence::Evidence;
pub use frequency::Frequency;
pub use roles::{excel_serial_date, ColumnRole, DateReading, Placeholder};
pub use shape::Shape;

use crate::privacy::PiiKind;
use crate::table::{read_bytes, ReadOptions, Role, Table};
use crate::Result;
use serde::{Deserialize, Serialize};

/// What one column is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnUnderstanding {
    /// Position in the table.
    pub index: usize,
    /// Name (header after clean-up).
    pub name: String,
    /// What the column is for.
    pub role: ColumnRole,
    /// Why.
    pub evidence: Vec<Evidence>,
    /// The kind of personal data it holds, if any.
    pub pii: Option<PiiKind>,
    /// Values standing for "nothing" (`NONE`, `N/A`, `-`, `无`) and how often each occurs.
    pub placeholders: Vec<Placeholder>,
    /// For a date column: the written form and day/month order.
    pub dates: Option<DateReading>,
    /// Distinct present values.
    pub distinct: usize,
}

/// What an analysis would be asked to predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Yes/no or a few categories: a classifier.
    Classification,
    /// A number: a regression.
    Regression,
}

/// A column a model could predict, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCandidate {
    /// Column index.
    pub column: usize,
    /// Classification or regression.
    pub task: Task,
}

/// The defaults pages and the CLI start from; every one can be overridden.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Suggested {
    /// Columns whose values together identify a basket (order lines).
    pub basket_columns: Vec<usize>,
    /// The item column (order lines).
    pub item_column: Option<usize>,
    /// The quantity column.
    pub quantity_column: Option<usize>,
    /// The unit price column.
    pub price_column: Option<usize>,
    /// The customer column.
    pub customer_column: Option<usize>,
    /// A 0/1 matrix's id column (`Customer Number`), if any.
    pub matrix_id_column: Option<usize>,
    /// A 0/1 matrix's item columns.
    pub matrix_item_columns: Vec<usize>,
    /// The time axis.
    pub date_column: Option<usize>,
    /// The value to forecast or sum: an amount, sales or quantity column, never an id.
    pub value_column: Option<usize>,
    /// Columns a model could predict, the most likely first.
    pub targets: Vec<TargetCandidate>,
    /// Model inputs: never identifiers, dates, free text, personal data or the target.
    pub features: Vec<usize>,
}

/// What a file is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Understanding {
    /// The file's shape.
    pub shape: Shape,
    /// Why.
    pub shape_evidence: Vec<Evidence>,
    /// For a time series: how often it is observed.
    pub frequency: Option<Frequency>,
    /// Each column (empty for a file that is not a table: baskets per line, a route
    /// instance).
    pub columns: Vec<ColumnUnderstanding>,
    /// Defaults for the pages and the CLI.
    pub suggested: Suggested,
}

/// The user's correction of one decision, kept with the session and applied again when it
/// is reopened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Override {
    /// Column `column` is `role`.
    Role {
        /// Column index.
        column: usize,
        /// Its role.
        role: ColumnRole,
    },
    /// The file is `shape`.
    Shape {
        /// The shape.
        shape: Shape,
    },
}

impl Understanding {
    /// Applies the user's correction and derives the defaults again from the corrected
    /// roles and shape (an identifier chosen for a column leaves the features, the value
    /// and the axes). Returns the column's coarse table role for a role override.
    pub fn apply_override(&mut self, table: &Table, choice: &Override) -> Option<(usize, Role)> {
        let mut changed = None;
        match *choice {
            Override::Role { column, role } => {
                if let Some(c) = self.columns.get_mut(column) {
                    c.role = role;
                    c.evidence.retain(|e| *e != Evidence::Chosen);
                    c.evidence.insert(0, Evidence::Chosen);
                    changed = Some((column, role.table_role()));
                }
            }
            Override::Shape { shape } => {
                if shape != self.shape {
                    self.shape = shape;
                    self.shape_evidence = vec![Evidence::Chosen];
                    if shape != Shape::TimeSeries {
                        self.frequency = None;
                    }
                }
            }
        }
        if self.columns.len() == table.n_columns() {
            self.suggested = shape::suggest(table, &self.columns, self.shape);
        }
        changed
    }

    /// Whether the user corrected any decision (a role or the shape).
    pub fn has_choices(&self) -> bool {
        self.shape_evidence.contains(&Evidence::Chosen)
            || self
                .columns
                .iter()
                .any(|c| c.evidence.contains(&Evidence::Chosen))
    }

    /// The coarse role a table column gets from its understood role.
    pub fn table_role(&self, index: usize) -> Option<Role> {
        self.columns.get(index).map(|c| c.role.table_role())
    }

    /// Follows a coarse role the user chose for column `index` elsewhere (the Columns
    /// card, `Role::Identifier` for a row number): when the understood role does not
    /// already imply it, the column takes the fine role closest to it, as a choice of
    /// the user's, so both views and every default agree. Returns whether it changed.
    pub fn follow_table_role(&mut self, table: &Table, index: usize, role: Role) -> bool {
        match self.columns.get(index) {
            Some(c) if c.role.table_role() != role => {
                let role = ColumnRole::closest_to(role);
                self.apply_override(
                    table,
                    &Override::Role {
                        column: index,
                        role,
                    },
                );
                true
            }
            _ => false,
        }
    }

    /// The choices the user made on `previous` (roles and shape marked
    /// [`Evidence::Chosen`]), applied again to this understanding of a changed table.
    /// Columns are matched by name, since protecting personal data drops columns and
    /// shifts the others; a choice for a column that is gone is dropped with it.
    /// [`apply_roles`] then gives the table the coarse roles of the result.
    pub fn carry_choices(&mut self, previous: &Understanding, table: &Table) {
        for old in previous
            .columns
            .iter()
            .filter(|c| c.evidence.contains(&Evidence::Chosen))
        {
            let Some(column) = self.columns.iter().position(|c| c.name == old.name) else {
                continue;
            };
            let choice = Override::Role {
                column,
                role: old.role,
            };
            self.apply_override(table, &choice);
        }
        if previous.shape_evidence.contains(&Evidence::Chosen) {
            self.apply_override(
                table,
                &Override::Shape {
                    shape: previous.shape,
                },
            );
        }
    }
}

/// Understands a table: each column's role, the shape, the defaults.
pub fn understand(table: &Table) -> Understanding {
    let mut columns: Vec<ColumnUnderstanding> = table
        .columns()
        .iter()
        .enumerate()
        .map(|(i, c)| roles::understand_column(i, c))
        .collect();
    let (shape, shape_evidence, frequency) = shape::decide(table, &mut columns);
    if shape == Shape::Table {
        roles::pick_target(&mut columns);
    } else {
        // Only a table of records is about one column: elsewhere a named target is a
        // category like any other.
        for c in columns.iter_mut().filter(|c| c.role == ColumnRole::Target) {
            c.role = ColumnRole::Category;
        }
    }
    let suggested = shape::suggest(table, &columns, shape);
    Understanding {
        shape,
        shape_evidence,
        frequency,
        columns,
        suggested,
    }
}

/// Gives each column of `table` the coarse [`Role`] its understood role implies
/// (identifiers, customers and orders are [`Role::Identifier`]; dates [`Role::Date`]; the
/// target [`Role::Target`]; free text [`Role::Ignore`]).
pub fn apply_roles(table: &mut Table, understanding: &Understanding) {
    for c in &understanding.columns {
        if c.index < table.n_columns() {
            table.set_role(c.index, c.role.table_role());
        }
    }
}

/// A file read and understood: the table (with roles set) when the file is one, and what it
/// is.
#[derive(Debug, Clone)]
pub struct Understood {
    /// The table, or `None` for baskets per line or a route instance, which are not tables.
    pub table: Option<Table>,
    /// What the file is.
    pub understanding: Understanding,
}

/// Reads `bytes` and understands them: files that are not tables (FIMI `.dat`, basket
/// lines, TSPLIB/CVRPLIB) are recognised before reading, so their first line is never a
/// header.
pub fn understand_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Understood> {
    if options.has_header.is_none() && options.delimiter.is_none() {
        if let Some(understanding) = text_shape::understand_text(bytes, options) {
            return Ok(Understood {
                table: None,
                understanding,
            });
        }
    }
    let mut table = read_bytes(bytes, options)?;
    let understanding = understand(&table);
    apply_roles(&mut table, &understanding);
    Ok(Understood {
        table: Some(table),
        understanding,
    })
}

/// Understands a table and sets its columns' roles from the understanding.
pub fn prepare(table: &mut Table) -> Understanding {
    let understanding = understand(table);
    apply_roles(table, &understanding);
    understanding
}
