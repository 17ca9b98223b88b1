//! Excel serial dates: a spreadsheet saved as CSV writes a date cell formatted "General"
//! as its serial number, days since 1899-12-30 with the time of day as a fraction
//! (`44197` is 2021-01-01, `44197.5` noon that day).
//!
//! A column of numbers is read as serial dates only when both its header and its values say
//! so: the header names a date ([`crate::vocabulary`], `OrderDate`, `下单时间`), and every
//! value lies between 1950-01-01 (18,264) and 2099-12-31 (73,050). A year (2021), a day of
//! the month, a `YYYYMMDD` number or Unix seconds all fall outside that range, so they stay
//! numbers. The reader reports the conversion ([`super::ReadWarning::ExcelSerialDates`]);
//! choosing the number type for the column reads the values back as written.

use super::infer::{Converted, Inference};
use super::{ColumnData, DataType};
use crate::vocabulary::{concept_of, Concept};

/// The serial of 1950-01-01, the first day read.
const FIRST: f64 = 18_264.0;
/// The serial of 2099-12-31, the last day read.
const LAST: f64 = 73_050.0;
/// The serial of 1970-01-01.
const EPOCH: f64 = 25_569.0;

/// `converted` as dates (seconds since 1970), when the column named `name` holds Excel
/// serial dates; `None` leaves it as numbers.
pub(crate) fn as_serial_dates(
    name: &str,
    inference: &Inference,
    converted: &Converted,
) -> Option<ColumnData> {
    if !matches!(inference.dtype, DataType::Integer | DataType::Decimal) {
        return None;
    }
    if !matches!(concept_of(name), Some((Concept::Date, _))) {
        return None;
    }
    let values: Vec<f64> = match &converted.data {
        ColumnData::Integer(v) => v.iter().map(|&i| i as f64).collect(),
        ColumnData::Decimal(v) => v.clone(),
        _ => return None,
    };
    let mut present = values
        .iter()
        .zip(&converted.missing)
        .filter(|(_, missing)| !**missing)
        .map(|(v, _)| *v)
        .peekable();
    present.peek()?;
    if !present.all(|v| (FIRST..=LAST).contains(&v)) {
        return None;
    }
    Some(ColumnData::DateTime(
        values
            .iter()
            .map(|v| ((v - EPOCH) * 86_400.0).round() as i64)
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::table::{read_bytes, ColumnData, ReadOptions, ReadWarning};

    #[test]
    fn serial_numbers_under_a_date_header_are_dates_and_others_stay_numbers() {
        let csv = "OrderDate,下单时间,Year,Amount,day\n44197,44197.5,2021,44197,3\n44228.25,44228,2021,44228,4\n";
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let seconds = |c: usize| match table.columns()[c].data() {
            ColumnData::DateTime(v) => Some(v.clone()),
            _ => None,
        };
        // 2021-01-01 00:00 and 2021-02-01 06:00; 2021-01-01 12:00 and 2021-02-01.
        assert_eq!(seconds(0), Some(vec![1_609_459_200, 1_612_159_200]));
        assert_eq!(seconds(1), Some(vec![1_609_502_400, 1_612_137_600]));
        for c in 2..5 {
            assert_eq!(seconds(c), None, "{}", table.columns()[c].name());
        }
        let said: Vec<_> = table
            .source()
            .warnings
            .iter()
            .filter(|w| matches!(w, ReadWarning::ExcelSerialDates { .. }))
            .collect();
        assert_eq!(said.len(), 2);
        let en = said[0].message(crate::Lang::En);
        assert!(
            en.contains("OrderDate") && en.contains("44197") && en.contains("2021-01-01"),
            "{en}"
        );
        assert!(said[0].message(crate::Lang::Zh).contains("Excel"));
    }
}
