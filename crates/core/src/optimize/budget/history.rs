//! Spend and outcome history per channel, from a long table (`channel`, `spend`,
//! `outcome`) or a wide one (one spend column per channel and one outcome column, like
//! ISLR's Advertising.csv).

use crate::table::{Column, Table};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Observed (spend, outcome) pairs of one channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelHistory {
    /// Channel name.
    pub name: String,
    /// Spend per observation.
    pub spend: Vec<f64>,
    /// Outcome (sales, conversions) per observation.
    pub outcome: Vec<f64>,
}

fn find<'t>(table: &'t Table, names: &[&str]) -> Option<&'t Column> {
    table.columns().iter().find(|c| {
        names
            .iter()
            .any(|n| c.name().trim().eq_ignore_ascii_case(n))
    })
}

fn value(column: &Column, row: usize) -> Result<f64> {
    column
        .f64(row)
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| {
            Error::new(ErrorKind::BadValue {
                line: row as u64 + 2,
                column: column.name().to_string(),
                value: column.display(row),
                expected: "non-negative number".into(),
            })
        })
}

/// Reads the history. Long format is recognised by columns named `channel`, `spend` and
/// `outcome` (or `sales`, `conversions`, `revenue`); otherwise the table is wide: the outcome
/// is `outcome_column` if given, else a column named like an outcome, else the last column,
/// and every other numeric column is a channel's spend. Channels keep their first-seen order.
pub fn read_history(table: &Table, outcome_column: Option<&str>) -> Result<Vec<ChannelHistory>> {
    const OUTCOMES: [&str; 4] = ["outcome", "sales", "conversions", "revenue"];
    let outcome = match outcome_column {
        Some(name) => Some(table.column_by_name(name)?),
        None => find(table, &OUTCOMES),
    };
    let channel = find(table, &["channel", "medium", "source"]);
    let spend = find(table, &["spend", "cost", "budget"]);
    let mut channels: Vec<ChannelHistory> = Vec::new();
    if let (Some(channel), Some(spend), Some(outcome)) = (channel, spend, outcome) {
        for row in 0..table.n_rows() {
            let name = channel.display(row);
            let (s, o) = (value(spend, row)?, value(outcome, row)?);
            match channels.iter_mut().find(|c| c.name == name) {
                Some(c) => {
                    c.spend.push(s);
                    c.outcome.push(o);
                }
                None => channels.push(ChannelHistory {
                    name,
                    spend: vec![s],
                    outcome: vec![o],
                }),
            }
        }
    } else {
        let columns = table.columns();
        let outcome = match outcome {
            Some(c) => c,
            None => columns
                .last()
                .ok_or_else(|| Error::not_enough("columns", 2, 0))?,
        };
        let outcomes: Vec<f64> = (0..table.n_rows())
            .map(|row| value(outcome, row))
            .collect::<Result<_>>()?;
        for column in columns {
            if column.name() == outcome.name() || !column.dtype().is_numeric() {
                continue;
            }
            let spend = (0..table.n_rows())
                .map(|row| value(column, row))
                .collect::<Result<_>>()?;
            channels.push(ChannelHistory {
                name: column.name().trim().to_string(),
                spend,
                outcome: outcomes.clone(),
            });
        }
    }
    if channels.is_empty() {
        return Err(Error::not_enough("channels", 1, 0));
    }
    Ok(channels)
}
