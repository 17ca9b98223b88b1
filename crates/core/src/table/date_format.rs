//! Dates in a format the user names, strftime-style, overriding detection
//! ([`super::ReadOptions::date_format`]).
//!
//! Fields: `%Y` (four-digit year), `%y` (two digits: 70–99 are 1970–1999, 00–69 are
//! 2000–2069), `%m` (month, one or two digits), `%b`/`%B` (month name, `Jan`, `January`),
//! `%d` (day), `%H`, `%M`, `%S` (time), `%q` (quarter, read as its first month) and `%%`. A
//! blank in the format matches one or more blanks; any other character matches itself.
//!
//! ```
//! use shoplens_core::table::DatePattern;
//! let p = DatePattern::parse("%d/%m/%Y").unwrap();
//! assert_eq!(p.seconds("02/01/2020"), Some(1_577_923_200));
//! assert_eq!(p.seconds("2020-01-02"), None);
//! ```

use super::dates::{days_from_civil, month_word};
use crate::{Allowed, Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Year4,
    Year2,
    Month,
    MonthName,
    Day,
    Hour,
    Minute,
    Second,
    Quarter,
    Blank,
    Literal(char),
}

/// A parsed date format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePattern {
    tokens: Vec<Token>,
}

impl DatePattern {
    /// Parses a format such as `%Y%m%d`; an unknown `%` field or a format without a year
    /// is an [`crate::ErrorKind::InvalidParameter`] naming it.
    pub fn parse(format: &str) -> Result<DatePattern> {
        let bad = |why| Error::invalid_parameter(crate::Term::DateFormat, format, why);
        let mut tokens = Vec::new();
        let mut chars = format.chars();
        while let Some(c) = chars.next() {
            let token = match c {
                '%' => match chars.next() {
                    Some('Y') => Token::Year4,
                    Some('y') => Token::Year2,
                    Some('m') => Token::Month,
                    Some('b' | 'B' | 'h') => Token::MonthName,
                    Some('d' | 'e') => Token::Day,
                    Some('H') => Token::Hour,
                    Some('M') => Token::Minute,
                    Some('S') => Token::Second,
                    Some('q') => Token::Quarter,
                    Some('%') => Token::Literal('%'),
                    _ => return Err(bad(Allowed::DateFormatFields)),
                },
                c if c.is_whitespace() => Token::Blank,
                c => Token::Literal(c),
            };
            if !(token == Token::Blank && tokens.last() == Some(&Token::Blank)) {
                tokens.push(token);
            }
        }
        if !tokens
            .iter()
            .any(|t| matches!(t, Token::Year4 | Token::Year2))
        {
            return Err(bad(Allowed::DateFormatWithYear));
        }
        Ok(DatePattern { tokens })
    }

    /// Seconds since 1970 of a cell written in this format, or `None`.
    pub fn seconds(&self, cell: &str) -> Option<i64> {
        let mut rest = cell.trim();
        let (mut year, mut month, mut day) = (None, 1u32, 1u32);
        let (mut hour, mut minute, mut second) = (0i64, 0i64, 0i64);
        for token in &self.tokens {
            match *token {
                Token::Year4 => year = Some(take_digits(&mut rest, 4, 4)?),
                Token::Year2 => {
                    let y = take_digits(&mut rest, 2, 2)?;
                    year = Some(if y >= 70 { 1900 + y } else { 2000 + y });
                }
                Token::Month => month = take_digits(&mut rest, 1, 2)? as u32,
                Token::Day => day = take_digits(&mut rest, 1, 2)? as u32,
                Token::Hour => hour = take_digits(&mut rest, 1, 2)?,
                Token::Minute => minute = take_digits(&mut rest, 1, 2)?,
                Token::Second => second = take_digits(&mut rest, 1, 2)?,
                Token::Quarter => {
                    let q = take_digits(&mut rest, 1, 1)? as u32;
                    if !(1..=4).contains(&q) {
                        return None;
                    }
                    month = q * 3 - 2;
                }
                Token::MonthName => {
                    let end = rest
                        .find(|c: char| !c.is_ascii_alphabetic())
                        .unwrap_or(rest.len());
                    month = month_word(&rest[..end])?;
                    rest = &rest[end..];
                }
                Token::Blank => {
                    let trimmed = rest.trim_start();
                    if trimmed.len() == rest.len() {
                        return None;
                    }
                    rest = trimmed;
                }
                Token::Literal(c) => rest = rest.strip_prefix(c)?,
            }
        }
        if !rest.is_empty() || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        Some(days_from_civil(year?, month, day)? * 86_400 + hour * 3600 + minute * 60 + second)
    }
}

/// Takes `min..=max` leading ASCII digits off `rest`.
fn take_digits(rest: &mut &str, min: usize, max: usize) -> Option<i64> {
    let n = rest
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if n < min {
        return None;
    }
    let value = rest[..n].parse().ok()?;
    *rest = &rest[n..];
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::infer::format_datetime;

    #[test]
    fn formats_read_what_they_say() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("%Y%m%d", "19970101", Some("1997-01-01")),
            ("%d/%m/%Y", "02/01/2020", Some("2020-01-02")),
            ("%m/%d/%Y", "02/01/2020", Some("2020-02-01")),
            ("%m/%d/%Y", "13/01/2020", None),
            (
                "%Y-%m-%d %H:%M",
                "2020-02-03 14:05",
                Some("2020-02-03 14:05:00"),
            ),
            ("%b %Y", "Jan 1987", Some("1987-01-01")),
            ("%Y Q%q", "1992 Q3", Some("1992-07-01")),
            ("%d.%m.%y", "21.02.20", Some("2020-02-21")),
            ("%Y%m%d", "1997010", None),
            ("%Y%m%d", "19970101x", None),
        ];
        for (format, cell, expected) in cases {
            let got = DatePattern::parse(format)
                .unwrap()
                .seconds(cell)
                .map(format_datetime);
            assert_eq!(got.as_deref(), *expected, "{format} {cell}");
        }
        assert!(DatePattern::parse("%m/%d").is_err());
        assert!(DatePattern::parse("%Y-%k").is_err());
    }
}
