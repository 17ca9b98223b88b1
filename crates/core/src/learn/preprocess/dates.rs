//! Date parts as features: month (1–12) and weekday (0 = Monday … 6 = Sunday, as pandas'
//! `dt.weekday`), from the seconds since 1970 that date columns hold.

use crate::table::infer::civil_from_days;

/// Month (1–12) of a date given as seconds since 1970-01-01.
pub fn month(seconds: i64) -> f64 {
    f64::from(civil_from_days(seconds.div_euclid(86_400)).1)
}

/// Weekday (0 = Monday … 6 = Sunday) of a date given as seconds since 1970-01-01.
pub fn weekday(seconds: i64) -> f64 {
    // 1970-01-01 was a Thursday (3).
    (seconds.div_euclid(86_400) + 3).rem_euclid(7) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::infer::parse_datetime;

    #[test]
    fn parts_of_known_dates() {
        let cases = [
            ("2020-02-21", 2.0, 4.0),
            ("1969-12-31", 12.0, 2.0),
            ("2024-09-30 23:59", 9.0, 0.0),
        ];
        for (text, m, w) in cases {
            let s = parse_datetime(text).unwrap();
            assert_eq!((month(s), weekday(s)), (m, w), "{text}");
        }
    }
}
