//! Cohort retention of the customers in an order-lines table: the Customers tab's cohort
//! view and `shoplens cohort`.

use super::order_columns;
use crate::rt::Clock;
use crate::segment::cohort::{cohorts, CohortPeriod, CohortTable};
use crate::segment::{OrderColumns, OrderLines};
use crate::table::Table;
use crate::Result;
use serde::{Deserialize, Serialize};

/// Cohorts by first-purchase month or week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CohortJob {
    /// Which columns hold customer, date, amount and order id; `None`: the ones the file's
    /// understanding suggests.
    pub columns: Option<OrderColumns>,
    /// Month (default) or week.
    pub period: CohortPeriod,
}

/// A checked [`CohortJob`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedCohort {
    /// The spec with the columns written in.
    pub spec: CohortJob,
    /// The columns.
    pub columns: OrderColumns,
}

impl CohortJob {
    /// Fills the columns from the table.
    pub fn check(&self, table: &Table) -> Result<CheckedCohort> {
        let columns = order_columns::fill(self.columns.as_ref(), table)?;
        Ok(CheckedCohort {
            spec: CohortJob {
                columns: Some(columns.clone()),
                period: self.period,
            },
            columns,
        })
    }
}

/// Cohorts as every front shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CohortOutput {
    /// The cohorts.
    #[serde(flatten)]
    pub table: CohortTable,
    /// Lines without a customer id, left out.
    pub skipped_no_id: usize,
    /// Cancellation lines, left out.
    pub cancelled: usize,
    /// Data rows read.
    pub rows: usize,
    /// Milliseconds spent, by the front's clock.
    pub ms: f64,
}

/// Reads the order lines and groups them into cohorts.
pub fn run(job: &CheckedCohort, table: &Table, clock: &dyn Clock) -> Result<CohortOutput> {
    let started = clock.now_seconds();
    let orders = OrderLines::from_table(table, &job.columns)?;
    let table = cohorts(&orders, job.spec.period);
    Ok(CohortOutput {
        table,
        skipped_no_id: orders.skipped_no_id,
        cancelled: orders.cancelled,
        rows: orders.rows,
        ms: (clock.now_seconds() - started) * 1000.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::FrozenClock;
    use crate::segment::AmountColumns;
    use crate::table::{read_bytes, ReadOptions};
    use serde_json::Value;

    const RETAIL: &[u8] = include_bytes!(
        "../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
    );
    const FIXTURE: &str =
        include_str!("../../../../testdata/uci-online-retail-sample20k/cohort_fixture.json");

    /// Every cohort's size and active counts equal pandas' exactly, revenues to rounding
    /// (pandas sums in another order), for months and for weeks.
    #[test]
    fn cohorts_equal_pandas_on_online_retail() {
        let table = read_bytes(RETAIL, &ReadOptions::default()).unwrap();
        let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
        for (key, period) in [("month", CohortPeriod::Month), ("week", CohortPeriod::Week)] {
            let job = CohortJob {
                columns: Some(OrderColumns {
                    customer: "CustomerID".into(),
                    date: "InvoiceDate".into(),
                    amount: AmountColumns::QuantityPrice {
                        quantity: "Quantity".into(),
                        price: "UnitPrice".into(),
                    },
                    invoice: Some("InvoiceNo".into()),
                }),
                period,
            };
            let out = run(&job.check(&table).unwrap(), &table, &FrozenClock).unwrap();
            let expected = fixture[key].as_array().unwrap();
            assert_eq!(
                out.table.customers as u64,
                fixture["customers"].as_u64().unwrap()
            );
            assert_eq!(out.table.cohorts.len(), expected.len(), "{key}");
            for (ours, theirs) in out.table.cohorts.iter().zip(expected) {
                assert_eq!(ours.label, theirs["label"].as_str().unwrap(), "{key}");
                assert_eq!(ours.customers as u64, theirs["customers"].as_u64().unwrap());
                let active: Vec<usize> = theirs["active"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_u64().unwrap() as usize)
                    .collect();
                assert_eq!(ours.active, active, "{key} {}", ours.label);
                let revenue = theirs["revenue"].as_array().unwrap();
                assert_eq!(ours.revenue.len(), revenue.len());
                for (a, b) in ours.revenue.iter().zip(revenue) {
                    let b = b.as_f64().unwrap();
                    assert!((a - b).abs() <= 1e-9 * (1.0 + b.abs()), "{key} {a} vs {b}");
                }
            }
        }
    }

    /// Without columns, the understanding of the Online Retail export picks them.
    #[test]
    fn columns_default_from_the_understanding() {
        let table = read_bytes(RETAIL, &ReadOptions::default()).unwrap();
        let checked = CohortJob::default().check(&table).unwrap();
        assert_eq!(checked.columns.customer, "CustomerID");
        assert_eq!(checked.columns.date, "InvoiceDate");
    }
}
