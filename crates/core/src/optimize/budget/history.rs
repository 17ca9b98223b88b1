//! Spend and outcome history per channel, from a long table (`channel`, `spend`,
//! `outcome`) or a wide one (one spend column per channel and one outcome column, like
//! ISLR's Advertising.csv).

use crate::table::{Column, Table};
use crate::{Counted, Error, ErrorKind, Result, ValueType};
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
                expected: ValueType::NonNegativeNumber,
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
                .ok_or_else(|| Error::not_enough(Counted::Columns, 2, 0))?,
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
        return Err(Error::not_enough(Counted::Channels, 1, 0));
    }
    Ok(channels)
}

/// How long one row of the history covers, read from a date column's spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
    /// Rows with no date: one observation each (a market, a campaign).
    Row,
}

impl Period {
    /// From the median spacing of a date column, in days.
    fn from_days(days: i64) -> Period {
        match days {
            ..=2 => Period::Day,
            3..=10 => Period::Week,
            11..=45 => Period::Month,
            46..=135 => Period::Quarter,
            _ => Period::Year,
        }
    }
}

/// The currency a file's column names name (`spend_usd`, `cost (¥)`, `花费(元)`), as an ISO
/// code; `None` when no name says.
pub fn currency_of(table: &Table) -> Option<&'static str> {
    const MARKS: [(&str, &str); 9] = [
        ("usd", "USD"),
        ("$", "USD"),
        ("eur", "EUR"),
        ("€", "EUR"),
        ("gbp", "GBP"),
        ("£", "GBP"),
        ("cny", "CNY"),
        ("rmb", "CNY"),
        ("元", "CNY"),
    ];
    table.columns().iter().find_map(|c| {
        let name = c.name().to_lowercase();
        let words: Vec<&str> = name
            .split(|ch: char| !ch.is_alphanumeric() && !"$€£¥元".contains(ch))
            .collect();
        MARKS
            .iter()
            .find(|(mark, _)| {
                if mark.is_ascii() && mark.chars().all(char::is_alphabetic) {
                    words.contains(mark)
                } else {
                    name.contains(mark)
                }
            })
            .map(|(_, code)| *code)
            .or_else(|| name.contains('¥').then_some("CNY"))
    })
}

/// The period of one row: the median spacing of the first date column, or
/// [`Period::Row`] when there is none.
pub fn period_of(table: &Table) -> Period {
    use crate::table::ColumnData;
    let Some(seconds) = table.columns().iter().find_map(|c| match c.data() {
        ColumnData::DateTime(s) => Some(
            s.iter()
                .enumerate()
                .filter(|(row, _)| !c.is_missing(*row))
                .map(|(_, &v)| v.div_euclid(86_400))
                .collect::<Vec<i64>>(),
        ),
        _ => None,
    }) else {
        return Period::Row;
    };
    let mut days = seconds;
    days.sort_unstable();
    days.dedup();
    let mut gaps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
    if gaps.is_empty() {
        return Period::Row;
    }
    gaps.sort_unstable();
    Period::from_days(gaps[gaps.len() / 2])
}

/// A history file to fill in: one row per week, a spend column per channel (currency in
/// the name) and the outcome, in the wide form [`read_history`] reads.
pub const TEMPLATE_CSV: &str = "week,search_usd,social_usd,display_usd,sales_usd\n\
2024-01-01,1200,800,300,15400\n\
2024-01-08,1100,950,300,15900\n\
2024-01-15,1300,700,450,16100\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn table(bytes: &[u8]) -> Table {
        read_bytes(bytes, &ReadOptions::default()).unwrap()
    }

    #[test]
    fn period_and_currency_come_from_the_file() {
        let template = table(TEMPLATE_CSV.as_bytes());
        assert_eq!(period_of(&template), Period::Week);
        assert_eq!(currency_of(&template), Some("USD"));
        let history = read_history(&template, None).unwrap();
        let names: Vec<&str> = history.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["search_usd", "social_usd", "display_usd"]);
        let ads = table(b"TV,radio,sales\n1,2,3\n4,5,6\n");
        assert_eq!((period_of(&ads), currency_of(&ads)), (Period::Row, None));
        let monthly = table(
            "month,花费(元),sales\n2024-01-01,1,2\n2024-02-01,3,4\n2024-03-01,5,6\n".as_bytes(),
        );
        assert_eq!(
            (period_of(&monthly), currency_of(&monthly)),
            (Period::Month, Some("CNY"))
        );
    }
}
