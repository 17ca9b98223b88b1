//! Numbers as merchants write them: `1,234.50`, `12,5` (decimal comma), `¥12`, `-$5`,
//! `15%`, `1e-3`. Identifiers with leading zeros (`007`) are not numbers.
//!
//! The rules follow what spreadsheet imports (LibreOffice Calc's text import, pandas'
//! `thousands=`/`decimal=`) accept: thousands separators only between groups of exactly three
//! digits, a currency sign before or after the number, a percent sign after it (the value is
//! divided by 100, as a spreadsheet does).

use serde::{Deserialize, Serialize};

/// Which character separates the fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// `1,234.5`: point for the fraction, comma (or space) for thousands.
    #[default]
    Point,
    /// `1.234,5`: comma for the fraction, point (or space) for thousands.
    Comma,
}

/// A parsed number: its value and, when it has no fraction, percent or exponent, the whole
/// number it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// The value (percentages divided by 100).
    pub value: f64,
    /// The value as a whole number, when written as one.
    pub integer: Option<i64>,
}

/// Currency signs and codes written before or after an amount, longest first so `US$` is
/// not read as `US` and `$`.
const CURRENCY: [&str; 28] = [
    "US$", "HK$", "NT$", "S$", "A$", "C$", "R$", "RM", "Rp", "IDR", "VND", "INR", "USD", "EUR",
    "GBP", "CNY", "RMB", "¥", "￥", "$", "€", "£", "元", "₹", "₫", "₩", "₱", "฿",
];

/// Currencies without a fraction in practice, written with `.` between thousands
/// (`Rp 59.000`, `150.000₫`): their amounts are read with a decimal comma whatever the
/// file's mark.
const DOT_THOUSANDS: [&str; 4] = ["Rp", "IDR", "VND", "₫"];

/// `t` without a leading currency sign, and the sign. A code in letters (`RM`, `USD`) must
/// be followed by a digit, so a product code such as `RM-123` stays text.
fn strip_currency_prefix(t: &str) -> Option<(&str, &'static str)> {
    CURRENCY.iter().find_map(|&c| {
        let rest = t.strip_prefix(c)?;
        let lettered = c.starts_with(|ch: char| ch.is_ascii_alphabetic());
        let digit_next = rest
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit());
        (!lettered || digit_next).then_some((rest, c))
    })
}

/// `t` without a trailing currency sign, and the sign; a code in letters must follow a
/// digit.
fn strip_currency_suffix(t: &str) -> Option<(&str, &'static str)> {
    CURRENCY.iter().find_map(|&c| {
        let rest = t.strip_suffix(c)?;
        let lettered = c.starts_with(|ch: char| ch.is_ascii_alphabetic());
        let digit_before = rest.trim_end().ends_with(|ch: char| ch.is_ascii_digit());
        (!lettered || digit_before).then_some((rest, c))
    })
}

/// Parses a number written with `mark` as the decimal mark.
pub fn parse_number(cell: &str, mark: DecimalMark) -> Option<Number> {
    if let Some(plain) = parse_plain(cell, mark) {
        return Some(plain);
    }
    let mut mark = mark;
    let mut t = crate::trim::trim(cell);
    let mut negative = false;
    // Accounting writes a negative amount in brackets, `(18.00)`, or with the minus after
    // it, `34.00-` (SAP, QuickBooks).
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        t = inner.trim();
    } else if let Some(head) = t.strip_suffix('-') {
        if head.ends_with(|c: char| c.is_ascii_digit()) {
            negative = true;
            t = head;
        }
    }
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.trim_end();
    }
    // A sign may stand before or after the currency sign: `-$5`, `$-5`.
    for _ in 0..2 {
        if let Some(rest) = t.strip_prefix('-') {
            if negative {
                return None;
            }
            negative = true;
            t = rest;
        } else if let Some(rest) = t.strip_prefix('+') {
            t = rest;
        } else if let Some((rest, sign)) = strip_currency_prefix(t) {
            t = rest.trim_start();
            if DOT_THOUSANDS.contains(&sign) {
                mark = DecimalMark::Comma;
            }
        }
    }
    if let Some((rest, sign)) = strip_currency_suffix(t) {
        t = rest.trim_end();
        if DOT_THOUSANDS.contains(&sign) {
            mark = DecimalMark::Comma;
        }
    }
    if t.is_empty()
        || !t.as_bytes()[0].is_ascii_digit() && t.as_bytes()[0] != b'.' && t.as_bytes()[0] != b','
    {
        return None;
    }
    let (int_part, frac_part, exponent) = split_number(t, mark)?;
    // Leading zeros mark identifiers (`007`, `0123`), which must keep their zeros.
    if int_part.len() > 1 && int_part.starts_with('0') {
        return None;
    }
    let integer_written = frac_part.is_none() && exponent.is_none() && !percent;
    let mut plain = String::with_capacity(t.len() + 1);
    if negative {
        plain.push('-');
    }
    plain.push_str(if int_part.is_empty() { "0" } else { &int_part });
    if let Some(frac) = frac_part {
        plain.push('.');
        plain.push_str(frac);
    }
    if let Some(exp) = exponent {
        plain.push('e');
        plain.push_str(exp);
    }
    let value: f64 = plain.parse().ok().filter(|v: &f64| v.is_finite())?;
    let integer = if integer_written {
        plain.parse::<i64>().ok()
    } else {
        None
    };
    Some(Number {
        value: if percent { value / 100.0 } else { value },
        integer,
    })
}

/// The common case without allocating: `-?digits(.digits)?` with no leading zero.
fn parse_plain(cell: &str, mark: DecimalMark) -> Option<Number> {
    let bytes = cell.as_bytes();
    let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let point = digits.iter().position(|&b| b == b'.');
    let (int_part, frac) = match point {
        Some(i) => (&digits[..i], Some(&digits[i + 1..])),
        None => (digits, None),
    };
    if int_part.is_empty()
        || (int_part.len() > 1 && int_part[0] == b'0')
        || !int_part.iter().all(u8::is_ascii_digit)
        || frac.is_some_and(|f| f.is_empty() || !f.iter().all(u8::is_ascii_digit))
        || (frac.is_some() && mark == DecimalMark::Comma)
        || int_part.len() > 15
    {
        return None;
    }
    let negative = digits.len() < bytes.len();
    let frac = frac.unwrap_or(&[]);
    if int_part.len() + frac.len() > 15 {
        let value: f64 = cell.parse().ok()?;
        let integer = point.is_none().then(|| cell.parse::<i64>().ok()).flatten();
        return Some(Number { value, integer });
    }
    // At most 15 digits: the digits as an integer are exact in an f64, and so is 10^k for
    // k <= 15, so one division gives the correctly rounded value, as `str::parse` does
    // (Clinger's fast path), without its general machinery.
    let mantissa = int_part
        .iter()
        .chain(frac)
        .fold(0u64, |m, &d| m * 10 + u64::from(d - b'0'));
    let magnitude = mantissa as f64 / POWERS_OF_TEN[frac.len()];
    let value = if negative { -magnitude } else { magnitude };
    let integer = point.is_none().then(|| {
        let m = mantissa as i64;
        if negative {
            -m
        } else {
            m
        }
    });
    Some(Number { value, integer })
}

/// 10^0 to 10^15, each exact in an f64.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Splits `1,234.5e3` into integer digits without separators, fraction digits and exponent.
fn split_number(t: &str, mark: DecimalMark) -> Option<(String, Option<&str>, Option<&str>)> {
    let (decimal, thousands) = match mark {
        DecimalMark::Point => ('.', ','),
        DecimalMark::Comma => (',', '.'),
    };
    let (mantissa, exponent) = match t.find(['e', 'E']) {
        Some(i) => {
            let exp = &t[i + 1..];
            let digits = exp.strip_prefix(['-', '+']).unwrap_or(exp);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (&t[..i], Some(exp))
        }
        None => (t, None),
    };
    let (int_text, frac) = match mantissa.find(decimal) {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    if let Some(frac) = frac {
        if frac.is_empty() && int_text.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int_text.split([thousands, ' ', '\u{a0}']).collect();
    if groups.len() > 1 {
        // Grouped digits: 1-3 digits, then groups of exactly 3; no exponent with grouping.
        if exponent.is_some()
            || groups[0].is_empty()
            || groups[0].len() > 3
            || groups[1..].iter().any(|g| g.len() != 3)
        {
            return None;
        }
    }
    if !groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac.is_none_or(str::is_empty) {
        return None;
    }
    Some((digits, frac.filter(|f| !f.is_empty()), exponent))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn plain_numbers_equal_str_parse_bit_for_bit() {
        // Up to 15 digits (the fast path) and beyond (the fallback), with and without a
        // sign and a fraction, including -0 and fractions ending in zeros.
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let mut cases: Vec<String> = vec!["0".into(), "-0".into(), "-0.0".into(), "0.1".into()];
        for _ in 0..50_000 {
            let int_len = rng.random_range(1..=15);
            let mut text = String::new();
            if rng.random_bool(0.3) {
                text.push('-');
            }
            for i in 0..int_len {
                let first = i == 0 && int_len > 1;
                text.push(char::from(b'0' + rng.random_range(u8::from(first)..10)));
            }
            if rng.random_bool(0.6) {
                text.push('.');
                for _ in 0..rng.random_range(1..=8) {
                    text.push(char::from(b'0' + rng.random_range(0..10)));
                }
            }
            cases.push(text);
        }
        for text in &cases {
            let got = parse_plain(text, DecimalMark::Point).expect("a plain number");
            let want: f64 = text.parse().expect("a number");
            assert_eq!(got.value.to_bits(), want.to_bits(), "{text}");
            let integer = (!text.contains('.')).then(|| text.parse::<i64>().expect("an integer"));
            assert_eq!(got.integer, integer, "{text}");
        }
    }

    #[test]
    fn numbers_as_written() {
        let point = DecimalMark::Point;
        let comma = DecimalMark::Comma;
        type Case<'a> = (&'a str, DecimalMark, Option<(f64, Option<i64>)>);
        let cases: &[Case] = &[
            ("12", point, Some((12.0, Some(12)))),
            ("-3", point, Some((-3.0, Some(-3)))),
            ("1,234.50", point, Some((1234.5, None))),
            ("1,234", point, Some((1234.0, Some(1234)))),
            ("12,5", comma, Some((12.5, None))),
            ("1.234,50", comma, Some((1234.5, None))),
            ("¥12", point, Some((12.0, Some(12)))),
            ("Rp 59.000", point, Some((59000.0, Some(59000)))),
            ("Rp1.250.000", point, Some((1250000.0, Some(1250000)))),
            ("150.000₫", point, Some((150000.0, Some(150000)))),
            ("₹1,047.00", point, Some((1047.0, None))),
            ("US$ 12.50", point, Some((12.5, None))),
            ("R$ 1.234,56", comma, Some((1234.56, None))),
            ("12.50 EUR", point, Some((12.5, None))),
            ("RMB", point, None),
            ("Rpx", point, None),
            ("RM-123", point, None),
            ("(18.00)", point, Some((-18.0, None))),
            ("(1,234.00)", point, Some((-1234.0, None))),
            ("34.00-", point, Some((-34.0, None))),
            ("(-5)", point, None),
            ("12-", point, Some((-12.0, Some(-12)))),
            ("--5", point, None),
            ("RM 12.90", point, Some((12.9, None))),
            ("-$5.25", point, Some((-5.25, None))),
            ("12 €", point, Some((12.0, Some(12)))),
            ("15%", point, Some((0.15, None))),
            ("1e-3", point, Some((0.001, None))),
            (".5", point, Some((0.5, None))),
            ("0.5", point, Some((0.5, None))),
            ("007", point, None),
            ("12,5", point, None),
            ("1,23", point, None),
            ("abc", point, None),
            ("", point, None),
            ("-", point, None),
            ("1.2.3", point, None),
            ("2020-01-01", point, None),
            ("inf", point, None),
        ];
        for (cell, mark, expected) in cases {
            let got = parse_number(cell, *mark).map(|n| (n.value, n.integer));
            match (got, expected) {
                (Some((v, i)), Some((ev, ei))) => {
                    assert!((v - ev).abs() < 1e-12, "{cell}: {v} vs {ev}");
                    assert_eq!(i, *ei, "{cell}");
                }
                (None, None) => {}
                _ => panic!("{cell:?} with {mark:?}: got {got:?}, expected {expected:?}"),
            }
        }
    }
}
