//! RFM scores and named segments of order lines: the Customers tab's RFM view and
//! `shoplens rfm`.

use crate::rt::Clock;
use crate::segment::{rfm, OrderColumns, OrderLines, RfmParams, RfmResult};
use crate::table::Table;
use crate::Result;
use serde::{Deserialize, Serialize};

/// RFM of the order lines in a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmJob {
    /// Which columns hold customer, date, amount and order id.
    pub columns: OrderColumns,
    /// Analysis day `YYYY-MM-DD`; `None`: the day after the last order.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// A checked [`RfmJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedRfm {
    /// The spec (a blank analysis day read as none).
    pub spec: RfmJob,
    /// The kernel's parameters.
    pub params: RfmParams,
}

impl RfmJob {
    /// Checks the analysis day.
    pub fn check(&self) -> Result<CheckedRfm> {
        let as_of = self
            .as_of
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let params = match as_of {
            Some(day) => RfmParams::new().as_of(day)?,
            None => RfmParams::new(),
        };
        Ok(CheckedRfm {
            spec: RfmJob {
                columns: self.columns.clone(),
                as_of: as_of.map(str::to_string),
            },
            params,
        })
    }
}

/// RFM as every front shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RfmOutput {
    /// The kernel's result (customers, segments, what was set aside).
    pub result: RfmResult,
    /// Data rows read.
    pub rows: usize,
    /// Milliseconds spent (order lines out of the table, then RFM), by the front's clock.
    pub ms: f64,
}

/// Reads the order lines of `table` and scores them.
pub fn run(job: &CheckedRfm, table: &Table, clock: &dyn Clock) -> Result<RfmOutput> {
    let started = clock.now_seconds();
    let orders = OrderLines::from_table(table, &job.spec.columns)?;
    let result = rfm(&orders, &job.params)?;
    Ok(RfmOutput {
        result,
        rows: orders.rows,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}
