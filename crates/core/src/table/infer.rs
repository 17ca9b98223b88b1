//! Type inference: which type fits every present value of a column.
//!
//! A column is the narrowest of integer ⊂ decimal, boolean, date/time, text that every
//! non-missing value parses as. Missing tokens: empty, blanks, `NA`, `N/A`, `null`, `NaN`,
//! `-`. Identifiers with leading zeros (`007`) stay text so they keep their zeros.

use super::{Column, ColumnData, DataType};

/// Whether a cell counts as missing.
pub fn is_missing(cell: &str) -> bool {
    let t = cell.trim();
    t.is_empty()
        || matches!(
            t,
            "-" | "NA" | "N/A" | "n/a" | "na" | "null" | "NULL" | "Null" | "NaN" | "nan" | "None"
        )
}

/// Parses a whole number; `007` is not one (it is an identifier).
pub fn parse_integer(cell: &str) -> Option<i64> {
    let t = cell.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    t.parse().ok()
}

/// Parses a real number written in the plain `1234.5` / `-1e3` form.
pub fn parse_decimal(cell: &str) -> Option<f64> {
    let t = cell.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.") {
        return None;
    }
    if !digits.bytes().any(|b| b.is_ascii_digit())
        || !digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parses `true/false`, `yes/no`, `是/否` (case-insensitive).
pub fn parse_boolean(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "是" => Some(true),
        "false" | "no" | "否" => Some(false),
        _ => None,
    }
}

/// Parses `YYYY-MM-DD`, `YYYY/MM/DD`, optionally followed by ` HH:MM[:SS]` or `THH:MM[:SS]`,
/// into seconds since 1970-01-01.
pub fn parse_datetime(cell: &str) -> Option<i64> {
    let t = cell.trim();
    let (date, time) = match t.find([' ', 'T']) {
        Some(i) => (&t[..i], Some(t[i + 1..].trim())),
        None => (t, None),
    };
    let mut parts = date.split(['-', '/']);
    let year: i64 = parse_digits(parts.next()?, 4, 4)?;
    let month: u32 = parse_digits(parts.next()?, 1, 2)? as u32;
    let day: u32 = parse_digits(parts.next()?, 1, 2)? as u32;
    if parts.next().is_some() {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    let seconds = match time {
        None => 0,
        Some(time) => {
            let mut hms = time.split(':');
            let h = parse_digits(hms.next()?, 1, 2)?;
            let m = parse_digits(hms.next()?, 2, 2)?;
            let s = match hms.next() {
                Some(s) => parse_digits(s, 2, 2)?,
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

fn parse_digits(s: &str, min: usize, max: usize) -> Option<i64> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Days since 1970-01-01 of a proleptic Gregorian date, or `None` if the date does not exist.
/// (Howard Hinnant's `days_from_civil`.)
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The (year, month, day) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Formats seconds since 1970 as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
pub fn format_datetime(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if rest == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            rest / 3600,
            rest / 60 % 60,
            rest % 60
        )
    }
}

/// The narrowest type that every present cell parses as.
pub fn infer_type<'a>(cells: impl Iterator<Item = &'a str> + Clone) -> DataType {
    let present = || cells.clone().filter(|c| !is_missing(c));
    if present().next().is_none() {
        return DataType::Text;
    }
    if present().all(|c| parse_integer(c).is_some()) {
        DataType::Integer
    } else if present().all(|c| parse_decimal(c).is_some()) {
        DataType::Decimal
    } else if present().all(|c| parse_boolean(c).is_some()) {
        DataType::Boolean
    } else if present().all(|c| parse_datetime(c).is_some()) {
        DataType::DateTime
    } else {
        DataType::Text
    }
}

/// Builds a typed column from raw cells, inferring the type.
pub fn build_column(name: String, cells: &[&str]) -> Column {
    let dtype = infer_type(cells.iter().copied());
    let missing: Vec<bool> = cells.iter().map(|c| is_missing(c)).collect();
    let data = match dtype {
        DataType::Integer => ColumnData::Integer(
            cells
                .iter()
                .map(|c| parse_integer(c).unwrap_or(0))
                .collect(),
        ),
        DataType::Decimal => ColumnData::Decimal(
            cells
                .iter()
                .map(|c| parse_decimal(c).unwrap_or(0.0))
                .collect(),
        ),
        DataType::Boolean => ColumnData::Boolean(
            cells
                .iter()
                .map(|c| parse_boolean(c).unwrap_or(false))
                .collect(),
        ),
        DataType::DateTime => ColumnData::DateTime(
            cells
                .iter()
                .map(|c| parse_datetime(c).unwrap_or(0))
                .collect(),
        ),
        DataType::Text => ColumnData::Text(
            cells
                .iter()
                .zip(&missing)
                .map(|(c, m)| {
                    if *m {
                        String::new()
                    } else {
                        c.trim().to_string()
                    }
                })
                .collect(),
        ),
    };
    Column::new(name, data, missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inference_cases() {
        let cases: &[(&[&str], DataType)] = &[
            (&["1", "2", "-3"], DataType::Integer),
            (&["1", "2.5", "NA"], DataType::Decimal),
            (&["007", "008"], DataType::Text),
            (&["TRUE", "FALSE", ""], DataType::Boolean),
            (&["2020-02-21", "2020/2/3 14:05"], DataType::DateTime),
            (&["1", "abc"], DataType::Text),
            (&["", "NA", "-"], DataType::Text),
        ];
        for (cells, expected) in cases {
            assert_eq!(infer_type(cells.iter().copied()), *expected, "{cells:?}");
        }
    }

    #[test]
    fn dates_round_trip() {
        let s = parse_datetime("2020-02-29 13:45:10").unwrap();
        assert_eq!(format_datetime(s), "2020-02-29 13:45:10");
        assert_eq!(parse_datetime("2021-02-29"), None);
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(civil_from_days(18_313), (2020, 2, 21));
    }
}
