//! A tolerant reader for the order-date column.
//!
//! The table reader types date columns as [`DataType::DateTime`] (deciding day-first or
//! month-first from the whole column), and [`order_seconds`] then takes its values as they
//! are. A date column that stays text (for example one with a few odd cells the reader
//! refused to type) falls back to [`parse_order_date`], which reads the Online Retail
//! export's `12/1/2010 8:26` (month/day/year, US) and the `dd-mm-yyyy` of many European and
//! Kaggle exports.
//!
//! Rules for text: `a/b/yyyy` is month/day (the US order exports use) unless `a > 12`, then
//! day/month; `dd-mm-yyyy` and `dd.mm.yyyy` are day/month; ISO forms go through the table
//! reader's own parser. A time after the date (`H:MM[:SS]`) is read and kept.
//!
//! [`DataType::DateTime`]: crate::table::DataType::DateTime

use crate::table::infer::{days_from_civil, parse_datetime};
use crate::table::{Column, ColumnData};

/// Seconds since 1970-01-01 of row `row` of a date column, typed or text; `None` when the
/// cell is missing or is not a date in any form we read.
pub fn order_seconds(column: &Column, row: usize) -> Option<i64> {
    if column.is_missing(row) {
        return None;
    }
    match column.data() {
        ColumnData::DateTime(v) => Some(v[row]),
        ColumnData::Text(v) => parse_order_date(&v[row]),
        _ => None,
    }
}

/// Parses one date written as text (see the module doc for the forms), into seconds since
/// 1970-01-01.
pub fn parse_order_date(cell: &str) -> Option<i64> {
    let t = cell.trim();
    // Year-first (ISO) forms go to the table reader's parser; its guess for the ambiguous
    // `a/b/yyyy` of a lone cell (day first) is not the one order exports need.
    if t.len() >= 4 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return parse_datetime(t);
    }
    let (date, time) = match t.find([' ', 'T']) {
        Some(i) => (&t[..i], Some(t[i + 1..].trim())),
        None => (t, None),
    };
    let separator = if date.contains('/') {
        '/'
    } else if date.contains('-') {
        '-'
    } else {
        '.'
    };
    let mut parts = date.split(separator);
    let a = number(parts.next()?, 1, 2)?;
    let b = number(parts.next()?, 1, 2)?;
    let year = number(parts.next()?, 4, 4)?;
    if parts.next().is_some() {
        return None;
    }
    let (month, day) = if separator == '/' && a <= 12 {
        (a, b)
    } else {
        (b, a)
    };
    let days = days_from_civil(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let seconds = match time {
        None | Some("") => 0,
        Some(time) => {
            let mut hms = time.split(':');
            let h = number(hms.next()?, 1, 2)?;
            let m = number(hms.next()?, 2, 2)?;
            let s = match hms.next() {
                Some(s) => number(s, 2, 2)?,
                None => 0,
            };
            if h > 23 || m > 59 || s > 60 || hms.next().is_some() {
                return None;
            }
            h * 3600 + m * 60 + s
        }
    };
    Some(days * 86_400 + seconds)
}

fn number(s: &str, min: usize, max: usize) -> Option<i64> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::infer::format_datetime;

    #[test]
    fn reads_the_forms_order_exports_use() {
        let cases = [
            ("2011-03-10 16:16:00", Some("2011-03-10 16:16:00")),
            ("12/1/2010 8:26", Some("2010-12-01 08:26:00")),
            ("1/12/2010", Some("2010-01-12")),
            ("25/12/2010 10:00", Some("2010-12-25 10:00:00")),
            ("21-07-2015", Some("2015-07-21")),
            ("05.03.2019", Some("2019-03-05")),
            ("2/30/2011", None),
            ("13/13/2011", None),
            ("12/1/10", None),
            ("yesterday", None),
            ("12/1/2010 25:00", None),
        ];
        for (cell, expected) in cases {
            assert_eq!(
                parse_order_date(cell).map(format_datetime).as_deref(),
                expected,
                "{cell}"
            );
        }
    }
}
