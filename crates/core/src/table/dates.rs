//! Dates and times as exports write them, stored as seconds since 1970-01-01T00:00:00 (no
//! time zone: merchants' exports carry local times).
//!
//! Accepted forms, each optionally followed by a time `H:MM[:SS[.fff]]` (after a space or
//! `T`, optionally `AM`/`PM`):
//! - year first, always unambiguous: `2020-02-21`, `2020/2/21`, `2020.02.21`;
//! - Chinese: `2020年2月21日`;
//! - a month named in English, day and year around it: `Mar-05-23` (eBay), `05-Mar-2023`,
//!   `March 5, 2023`, `5 Mar 2023`;
//! - year last: `21-02-2020`, `2/21/2020`, `21.02.2020`: day-first or month-first, decided
//!   per column from the data ([`DateOrder`]): a first field above 12 proves day-first, a
//!   second above 12 proves month-first; when nothing decides, `/` means month-first (the US
//!   spreadsheets behind Online Retail's `12/1/2010 8:26`) and `-`/`.` day-first (Europe,
//!   Kaggle's `21-07-2015`), and the column says the order was a guess. A two-digit year
//!   (`05/01/23`, Etsy) is read as POSIX `%y` does: 69–99 are 1969–1999, 00–68 2000–2068.
//!
//! A time may end in a zone, `Z`, `+08:00` or ` -0500` (Shopify); the zone is dropped and
//! the local time kept, as for every other time here.
//!
//! Calendar arithmetic is Howard Hinnant's `days_from_civil` / `civil_from_days`.

use crate::trim::trim;
use serde::{Deserialize, Serialize};

/// How a year-last date (`01/02/2020`) is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `dd/mm/yyyy`.
    DayFirst,
    /// `mm/dd/yyyy`.
    MonthFirst,
}

impl DateOrder {
    /// The order as shown to the user.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            DateOrder::DayFirst => lang.pick("日/月/年", "day/month/year"),
            DateOrder::MonthFirst => lang.pick("月/日/年", "month/day/year"),
        }
    }
}

/// The written form of a date, used to spot a column that mixes two forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFamily {
    /// Year first (`2020-02-21`).
    YearFirst,
    /// Year last (`21/02/2020`), with this separator.
    YearLast(char),
    /// `2020年2月21日`.
    Chinese,
    /// Eight digits, year first: `19970101` (CDNOW, many ERP exports).
    Compact,
    /// A month without a day: `1987 Jan`, `Jan-1987`, `2020-02`, `2020年2月`; read as its
    /// first day.
    Month,
    /// A quarter: `1992 Q1`, `2020年第1季度`; read as its first day.
    Quarter,
    /// A month named in English with a day and a year: `Mar-05-23`, `5 March 2023`.
    NamedMonth,
}

/// A date split into fields before day/month order is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateShape {
    /// The written form.
    pub family: DateFamily,
    /// Year.
    pub year: i64,
    /// First non-year field (month for year-first forms).
    pub first: u32,
    /// Second non-year field (day for year-first forms).
    pub second: u32,
    /// Seconds after midnight.
    pub time: i64,
}

impl DateShape {
    /// Seconds since 1970 with year-last dates read in `order`, or `None` if no such date.
    pub fn seconds(&self, order: DateOrder) -> Option<i64> {
        let (month, day) = match (self.family, order) {
            (DateFamily::YearLast(_), DateOrder::DayFirst) => (self.second, self.first),
            _ => (self.first, self.second),
        };
        Some(days_from_civil(self.year, month, day)? * 86_400 + self.time)
    }
}

/// Splits a cell into date fields and a time, or `None` if it is not a date in a known form.
pub fn parse_shape(cell: &str) -> Option<DateShape> {
    let t = trim(cell);
    let bytes = t.as_bytes();
    if bytes.len() < 6 {
        return None;
    }
    let full = if !bytes[0].is_ascii_digit() {
        None
    } else if t.is_ascii() {
        parse_ascii(bytes)
    } else {
        parse_chinese(t).or_else(|| parse_general(t))
    };
    full.or_else(|| parse_compact(bytes))
        .or_else(|| parse_period(t))
        .or_else(|| parse_named_month(t))
}

/// The year a two-digit year stands for, as POSIX `%y` reads it.
fn full_year(yy: i64) -> i64 {
    if yy >= 69 {
        1900 + yy
    } else {
        2000 + yy
    }
}

/// A year field of four digits, or of two (`23`, read by [`full_year`]).
fn year_field(value: Option<i64>, len: usize) -> Option<i64> {
    match len {
        4 => value,
        2 => value.map(full_year),
        _ => None,
    }
}

/// `Mar-05-23`, `Mar 5, 2023`, `March 5 2023`, `05-Mar-2023`, `5 March 2023`, each
/// optionally followed by a time: a month named in English, a day of one or two digits
/// and a year of two or four, separated by `-`, `/`, `.`, `,` or spaces.
fn parse_named_month(t: &str) -> Option<DateShape> {
    if !t.is_ascii() {
        return None;
    }
    let is_separator = |c: char| matches!(c, ' ' | '-' | '/' | '.' | ',');
    let mut fields = Vec::with_capacity(3);
    let mut rest = t;
    while fields.len() < 3 {
        rest = rest.trim_start_matches(is_separator);
        let end = rest.find(is_separator).unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        fields.push(&rest[..end]);
        rest = &rest[end..];
    }
    let (month, day, year) = match fields[..] {
        [m, d, y] if m.as_bytes()[0].is_ascii_alphabetic() => (m, d, y),
        [d, m, y] if m.as_bytes()[0].is_ascii_alphabetic() => (m, d, y),
        _ => return None,
    };
    let month = month_word(month)?;
    let day = digits(day, 1, 2)? as u32;
    let year = year_field(digits(year, 2, 4), year.len())?;
    let rest = rest.trim_start_matches([',', ' ']);
    let time = if rest.is_empty() {
        0
    } else {
        parse_time(rest)?
    };
    days_from_civil(year, month, day)?;
    Some(DateShape {
        family: DateFamily::NamedMonth,
        year,
        first: month,
        second: day,
        time,
    })
}

/// The years a compact `YYYYMMDD` date may fall in: outside them eight digits are more
/// likely a code or an amount than a date.
const COMPACT_YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

/// `19970101`: eight digits that make a real date between 1900 and 2100.
fn parse_compact(t: &[u8]) -> Option<DateShape> {
    if t.len() != 8 {
        return None;
    }
    let year = ascii_digits(&t[..4], 4, 4)?;
    let month = ascii_digits(&t[4..6], 2, 2)? as u32;
    let day = ascii_digits(&t[6..], 2, 2)? as u32;
    if !COMPACT_YEARS.contains(&year) {
        return None;
    }
    days_from_civil(year, month, day)?;
    Some(DateShape {
        family: DateFamily::Compact,
        year,
        first: month,
        second: day,
        time: 0,
    })
}

/// English month names and their three-letter abbreviations.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names (`Jan`, `january`, `Sept`), 1-based.
pub(crate) fn month_word(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(w.as_str()) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// A month or quarter without a day: `1987 Jan`, `Jan-1987`, `January 1987`, `2020-02`,
/// `1992 Q1`, `Q1 1992`, `1992Q1`, `2020年2月`, `2020年第1季度`.
fn parse_period(t: &str) -> Option<DateShape> {
    let month = |year: i64, month: u32| {
        (1..=12).contains(&month).then_some(DateShape {
            family: DateFamily::Month,
            year,
            first: month,
            second: 1,
            time: 0,
        })
    };
    let quarter = |year: i64, q: u32| {
        (1..=4).contains(&q).then_some(DateShape {
            family: DateFamily::Quarter,
            year,
            first: q * 3 - 2,
            second: 1,
            time: 0,
        })
    };
    if let Some((year, rest)) = t.split_once('年') {
        let year = digits(year.trim(), 4, 4)?;
        let rest = rest.trim();
        if let Some(m) = rest.strip_suffix('月') {
            return month(year, digits(m.trim(), 1, 2)? as u32);
        }
        let q = rest
            .strip_suffix("季度")
            .or_else(|| rest.strip_suffix('季'))?
            .trim();
        let q = q.strip_prefix('第').unwrap_or(q).trim();
        let q = match q {
            "一" => 1,
            "二" => 2,
            "三" => 3,
            "四" => 4,
            _ => digits(q.strip_prefix(['Q', 'q']).unwrap_or(q), 1, 1)? as u32,
        };
        return quarter(year, q);
    }
    if !t.is_ascii() {
        return None;
    }
    // `1992Q1` has no separator: split it before the `Q`.
    let spaced;
    let t = match t.find(['Q', 'q']) {
        Some(i) if i == 4 && t[..4].bytes().all(|b| b.is_ascii_digit()) => {
            spaced = format!("{} {}", &t[..4], &t[4..]);
            spaced.as_str()
        }
        _ => t,
    };
    let parts: Vec<&str> = t
        .split([' ', '-', '/', '.', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b] = parts[..] else {
        return None;
    };
    let (year, other) = if a.len() == 4 && a.bytes().all(|c| c.is_ascii_digit()) {
        (a.parse().ok()?, b)
    } else if b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()) {
        (b.parse().ok()?, a)
    } else {
        return None;
    };
    if let Some(q) = other.strip_prefix(['Q', 'q']) {
        return quarter(year, digits(q, 1, 1)? as u32);
    }
    if let Some(m) = month_word(other) {
        return month(year, m);
    }
    // `2020-02`: year first, then one or two digits.
    if a.len() == 4 && matches!(t.as_bytes()[4], b'-' | b'/') {
        return month(year, digits(other, 1, 2)? as u32);
    }
    None
}

/// The written forms in full generality (any text; [`parse_ascii`] is the fast path).
fn parse_general(t: &str) -> Option<DateShape> {
    let date_end = t.find([' ', 'T']).unwrap_or(t.len());
    let (date, rest) = t.split_at(date_end);
    let separator = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = date.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let time = match rest.get(1..) {
        None => 0,
        Some(time) => parse_time(time)?,
    };
    if a.len() == 4 {
        Some(DateShape {
            family: DateFamily::YearFirst,
            year: digits(a, 4, 4)?,
            first: digits(b, 1, 2)? as u32,
            second: digits(c, 1, 2)? as u32,
            time,
        })
    } else {
        Some(DateShape {
            family: DateFamily::YearLast(separator),
            year: year_field(digits(c, 2, 4), c.len())?,
            first: digits(a, 1, 2)? as u32,
            second: digits(b, 1, 2)? as u32,
            time,
        })
    }
}

/// [`parse_general`] for ASCII text, on bytes: a million-row date column is read twice
/// (type inference, then conversion) and the general path's searches dominated reading.
/// Gives exactly what the general path gives (a test compares them).
fn parse_ascii(t: &[u8]) -> Option<DateShape> {
    let date_end = t
        .iter()
        .position(|&c| c == b' ' || c == b'T')
        .unwrap_or(t.len());
    let date = &t[..date_end];
    let separator = *date.iter().find(|c| matches!(c, b'-' | b'/' | b'.'))?;
    let mut bounds = [(0, 0); 3];
    let (mut n, mut start) = (0, 0);
    for (i, &c) in date.iter().enumerate() {
        if c == separator {
            if n == 2 {
                return None;
            }
            bounds[n] = (start, i);
            n += 1;
            start = i + 1;
        }
    }
    if n != 2 {
        return None;
    }
    bounds[2] = (start, date.len());
    let field = |i: usize, min, max| ascii_digits(&date[bounds[i].0..bounds[i].1], min, max);
    let time = if date_end == t.len() {
        0
    } else {
        let rest = &t[date_end + 1..];
        match plain_time(rest) {
            Some(time) => time?,
            // AM/PM, a zone, fractions, extra blanks: the general reader.
            None => parse_time(std::str::from_utf8(rest).ok()?)?,
        }
    };
    if bounds[0].1 - bounds[0].0 == 4 {
        Some(DateShape {
            family: DateFamily::YearFirst,
            year: field(0, 4, 4)?,
            first: field(1, 1, 2)? as u32,
            second: field(2, 1, 2)? as u32,
            time,
        })
    } else {
        Some(DateShape {
            family: DateFamily::YearLast(separator as char),
            year: year_field(field(2, 2, 4), bounds[2].1 - bounds[2].0)?,
            first: field(0, 1, 2)? as u32,
            second: field(1, 1, 2)? as u32,
            time,
        })
    }
}

/// `H:MM` or `HH:MM:SS` in digits only: `Some(seconds or None when out of range)`; `None`
/// when written in any other way.
fn plain_time(t: &[u8]) -> Option<Option<i64>> {
    let (h, rest) = match t {
        [_, b':', rest @ ..] => (&t[..1], rest),
        [_, _, b':', rest @ ..] => (&t[..2], rest),
        _ => return None,
    };
    let (m, s) = match rest {
        [_, _] => (rest, None),
        [_, _, b':', _, _] => (&rest[..2], Some(&rest[3..])),
        _ => return None,
    };
    let h = ascii_digits(h, 1, 2)?;
    let m = ascii_digits(m, 2, 2)?;
    let s = match s {
        Some(s) => ascii_digits(s, 2, 2)?,
        None => 0,
    };
    Some((h <= 23 && m <= 59 && s <= 60).then_some(h * 3600 + m * 60 + s))
}

/// A field of `min..=max` ASCII digits as a number.
fn ascii_digits(s: &[u8], min: usize, max: usize) -> Option<i64> {
    if s.len() < min || s.len() > max {
        return None;
    }
    s.iter().try_fold(0i64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
    })
}

fn parse_chinese(t: &str) -> Option<DateShape> {
    let (year, rest) = t.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once(['日', '号'])?;
    let rest = rest.trim();
    Some(DateShape {
        family: DateFamily::Chinese,
        year: digits(year.trim(), 4, 4)?,
        first: digits(month.trim(), 1, 2)? as u32,
        second: digits(day.trim(), 1, 2)? as u32,
        time: if rest.is_empty() {
            0
        } else {
            parse_time(rest)?
        },
    })
}

/// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, optional `AM`/`PM` and `Z`; seconds after midnight.
fn parse_time(text: &str) -> Option<i64> {
    let t = trim(text);
    let t = t
        .strip_suffix("UTC")
        .or_else(|| t.strip_suffix("GMT"))
        .map_or(t, str::trim_end);
    let mut t = without_zone(t.trim_end_matches('Z'));
    let mut pm = None;
    for (suffix, is_pm) in [("AM", false), ("am", false), ("PM", true), ("pm", true)] {
        if let Some(rest) = t.strip_suffix(suffix) {
            pm = Some(is_pm);
            t = rest.trim_end();
        }
    }
    let mut fields = t.split(':');
    let mut h = digits(fields.next()?, 1, 2)?;
    let m = digits(fields.next()?, 2, 2)?;
    let s = match fields.next() {
        None => 0,
        Some(s) => {
            let whole = s.split_once('.').map_or(s, |(w, frac)| {
                if frac.bytes().all(|b| b.is_ascii_digit()) {
                    w
                } else {
                    "x"
                }
            });
            digits(whole, 2, 2)?
        }
    };
    if fields.next().is_some() || m > 59 || s > 60 {
        return None;
    }
    match pm {
        Some(is_pm) => {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = h % 12 + if is_pm { 12 } else { 0 };
        }
        None if h > 23 => return None,
        None => {}
    }
    Some(h * 3600 + m * 60 + s)
}

/// `t` without a trailing zone offset: `+08:00`, `+0800`, `-05` or the same after a space.
fn without_zone(t: &str) -> &str {
    let Some(at) = t.rfind(['+', '-']) else {
        return t;
    };
    let zone = &t[at + 1..];
    let well_formed = match zone.len() {
        2 | 4 => zone.bytes().all(|b| b.is_ascii_digit()),
        5 => zone.as_bytes()[2] == b':' && zone.bytes().filter(u8::is_ascii_digit).count() == 4,
        _ => false,
    };
    // Only after a time (`12:03:44-0500`), never inside a date.
    if well_formed && t[..at].trim_end().contains(':') {
        t[..at].trim_end()
    } else {
        t
    }
}

fn digits(s: &str, min: usize, max: usize) -> Option<i64> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses the unambiguous forms (year first, Chinese) and, for year-last forms, reads them in
/// `order`.
pub fn parse_datetime_in(cell: &str, order: DateOrder) -> Option<i64> {
    parse_shape(cell)?.seconds(order)
}

/// Days since 1970-01-01 of a proleptic Gregorian date, or `None` if the date does not exist.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_path_reads_as_the_general_path() {
        let cells = [
            "2020-02-21",
            "2020/2/3 14:05",
            "12/1/2010 8:26",
            "12/13/2010 09:00:59",
            "21-07-2015",
            "01.02.2020",
            "2020-02-21T10:11:12",
            "2020-02-21T10:11:12.5Z",
            "1/2/2011 9:00 PM",
            "1/2/2011 12:30am",
            "2020-02-21 24:00",
            "2020-02-21 7:60",
            "2020-02-21 10:11:61",
            "2020-02-21  8:26",
            "2020-02-21T",
            "2020-13-01",
            "2020-02-30",
            "99/99/9999",
            "2020-01.05",
            "1-2-3-4",
            "123456",
            "2020--01",
            "20200221",
            "2020-2-21 8:2",
            "2020-02-21 8:26:5",
            "2020-02-21 x",
            "1/2/20",
            "2020-02-21 08:26:00.123",
            "12/1/2010 8:26 ",
            "05/01/23",
            "05/01/23 10:00",
            "2023-03-01 20:32:16 -0500",
            "2023-03-01T20:32:16+08:00",
            "2023-05-01 12:34:56 UTC",
        ];
        for cell in cells {
            let t = trim(cell);
            assert_eq!(parse_ascii(t.as_bytes()), parse_general(t), "{cell}");
        }
    }

    #[test]
    fn forms_and_orders() {
        use DateOrder::*;
        let cases: &[(&str, DateOrder, Option<&str>)] = &[
            ("2020-02-21", DayFirst, Some("2020-02-21")),
            ("2020/2/3 14:05", DayFirst, Some("2020-02-03 14:05:00")),
            (
                "2020-02-29T13:45:10Z",
                MonthFirst,
                Some("2020-02-29 13:45:10"),
            ),
            ("2021-02-29", DayFirst, None),
            ("21-07-2015", DayFirst, Some("2015-07-21")),
            ("21-07-2015", MonthFirst, None),
            ("12/1/2010 8:26", MonthFirst, Some("2010-12-01 08:26:00")),
            ("12/1/2010 8:26", DayFirst, Some("2010-01-12 08:26:00")),
            ("2/21/2020 4:05 PM", MonthFirst, Some("2020-02-21 16:05:00")),
            ("21.02.2020", DayFirst, Some("2020-02-21")),
            ("2020年2月21日", DayFirst, Some("2020-02-21")),
            ("2020年12月1日 08:30", DayFirst, Some("2020-12-01 08:30:00")),
            (
                "2020-02-21 00:00:03.5",
                DayFirst,
                Some("2020-02-21 00:00:03"),
            ),
            ("2020-02-21 24:00", DayFirst, None),
            ("19970101", DayFirst, Some("1997-01-01")),
            ("18991231", DayFirst, None),
            ("20200230", DayFirst, None),
            ("1987 Jan", DayFirst, Some("1987-01-01")),
            ("Jan-1987", DayFirst, Some("1987-01-01")),
            ("September 2001", DayFirst, Some("2001-09-01")),
            ("2020-02", DayFirst, Some("2020-02-01")),
            ("1992 Q1", DayFirst, Some("1992-01-01")),
            ("1992Q3", DayFirst, Some("1992-07-01")),
            ("Q4 1992", DayFirst, Some("1992-10-01")),
            ("1992 Q5", DayFirst, None),
            ("2020年2月", DayFirst, Some("2020-02-01")),
            ("Mar-05-23", DayFirst, Some("2023-03-05")),
            ("05-Mar-2023 14:02", MonthFirst, Some("2023-03-05 14:02:00")),
            ("March 5, 2023", DayFirst, Some("2023-03-05")),
            (
                "5 March 2023 2:30 PM",
                DayFirst,
                Some("2023-03-05 14:30:00"),
            ),
            ("Sept 30 1999", DayFirst, Some("1999-09-30")),
            ("Mar-32-23", DayFirst, None),
            ("Foo-05-23", DayFirst, None),
            ("Mar-05", DayFirst, None),
            ("05/01/23", MonthFirst, Some("2023-05-01")),
            ("31.12.99", DayFirst, Some("1999-12-31")),
            ("1/2/123", DayFirst, None),
            (
                "2023-03-01 20:32:16 -0500",
                DayFirst,
                Some("2023-03-01 20:32:16"),
            ),
            (
                "2023-03-01T20:32:16+08:00",
                DayFirst,
                Some("2023-03-01 20:32:16"),
            ),
            ("2023-03-01 20:32 +0800x", DayFirst, None),
            (
                "2023-05-01 12:34:56 UTC",
                DayFirst,
                Some("2023-05-01 12:34:56"),
            ),
            ("2020年第1季度", DayFirst, Some("2020-01-01")),
            ("2020年第三季度", DayFirst, Some("2020-07-01")),
            ("2020 1", DayFirst, None),
            ("Janet 1987", DayFirst, None),
            ("1.5", DayFirst, None),
            ("tea", DayFirst, None),
        ];
        for (cell, order, expected) in cases {
            let got = parse_datetime_in(cell, *order).map(format_datetime);
            assert_eq!(got.as_deref(), *expected, "{cell} {order:?}");
        }
    }

    #[test]
    fn calendar() {
        assert_eq!(days_from_civil(1970, 1, 1), Some(0));
        assert_eq!(civil_from_days(18_313), (2020, 2, 21));
        assert_eq!(days_from_civil(1900, 2, 29), None);
        assert_eq!(days_from_civil(2000, 2, 29), Some(11_016));
    }
}
