//! What a file is, as `shoplens inspect` and the Data page see it: its shape, each column's
//! role and personal data, and the columns every other job takes as its defaults.

use crate::schema::{understand, understand_bytes, Understanding};
use crate::table::{ReadOptions, Table};
use crate::Result;
use serde::{Deserialize, Serialize};

/// Understand a file. No parameters: how to read the file is the front's (`--encoding`,
/// `--date-format`...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InspectJob {}

/// A file's understanding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectOutput {
    /// Data rows, when the file is a table.
    pub rows: Option<usize>,
    /// Shape, roles, evidence and suggested columns.
    pub understanding: Understanding,
}

/// Understands a table already read.
pub fn run(_job: &InspectJob, table: &Table) -> InspectOutput {
    InspectOutput {
        rows: Some(table.n_rows()),
        understanding: understand(table),
    }
}

/// Understands a file's bytes (files that are not tables included).
pub fn run_bytes(_job: &InspectJob, bytes: &[u8], read: &ReadOptions) -> Result<InspectOutput> {
    let understood = understand_bytes(bytes, read)?;
    Ok(InspectOutput {
        rows: understood.table.as_ref().map(Table::n_rows),
        understanding: understood.understanding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::{Job, JobFile, JobOutput};
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::schema::Shape;

    /// `{"kind": "inspect"}` reads as the job, and a basket-lines file is understood as
    /// such from its bytes, a table as a table.
    #[test]
    fn inspect_job_understands_files() {
        let job: Job = serde_json::from_str(r#"{"kind": "inspect"}"#).unwrap();
        let groceries = include_bytes!("../../../../testdata/arules-groceries/groceries.csv");
        let file = JobFile {
            name: "groceries.csv",
            bytes: groceries,
            read: &ReadOptions::default(),
        };
        let JobOutput::Inspect(out) = job.run_file(file, &mut Silent, &FrozenClock).unwrap() else {
            panic!("not an inspection");
        };
        assert_eq!(out.understanding.shape, Shape::BasketLines);
        assert_eq!(out.rows, None);
        let daily = include_bytes!("../../../../public/samples/daily-sales.csv");
        let table = crate::table::read_bytes(daily, &ReadOptions::default()).unwrap();
        let out = run(&InspectJob {}, &table);
        assert_eq!(out.rows, Some(table.n_rows()));
        assert_eq!(out.rows, Some(374));
        assert_eq!(out.understanding, understand(&table));
    }
}
