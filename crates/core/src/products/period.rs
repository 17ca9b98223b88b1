//! Calendar periods for demand series: Monday-based weeks or calendar months.
//!
//! A period is numbered so that consecutive periods differ by one: weeks count from the
//! Monday on or before 1970-01-01 (pandas' `to_period("W-SUN")`, ISO weeks), months are
//! `year × 12 + month − 1` (pandas' `to_period("M")`). The label is the first day of the
//! period, `YYYY-MM-DD`.

use crate::table::infer::civil_from_days;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// How demand is bucketed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Monday to Sunday.
    Week,
    /// Calendar month.
    #[default]
    Month,
}

impl Period {
    /// The period's name in specs and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// Reads `week` or `month`.
    pub fn parse(text: &str) -> Result<Period> {
        match text.trim() {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            other => Err(Error::invalid_parameter(
                "period",
                other,
                crate::Allowed::one_of(&["week", "month"]),
            )),
        }
    }

    /// The number of the period holding `seconds` (since 1970-01-01).
    pub fn index(self, seconds: i64) -> i64 {
        let day = seconds.div_euclid(86_400);
        match self {
            // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
            Period::Week => (day + 3).div_euclid(7),
            Period::Month => {
                let (year, month, _) = civil_from_days(day);
                year * 12 + i64::from(month) - 1
            }
        }
    }

    /// The first day of period `index`, `YYYY-MM-DD`.
    pub fn label(self, index: i64) -> String {
        match self {
            Period::Week => {
                let (y, m, d) = civil_from_days(index * 7 - 3);
                format!("{y:04}-{m:02}-{d:02}")
            }
            Period::Month => {
                let year = index.div_euclid(12);
                let month = index.rem_euclid(12) + 1;
                format!("{year:04}-{month:02}-01")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(y: i64, m: u32, d: u32) -> i64 {
        crate::table::infer::days_from_civil(y, m, d).unwrap() * 86_400
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2010-12-05 was a Sunday, 2010-12-06 a Monday.
        let sunday = Period::Week.index(seconds(2010, 12, 5) + 3600);
        let monday = Period::Week.index(seconds(2010, 12, 6));
        assert_eq!(monday, sunday + 1);
        assert_eq!(Period::Week.label(monday), "2010-12-06");
        assert_eq!(Period::Week.label(sunday), "2010-11-29");
        let dec = Period::Month.index(seconds(2010, 12, 31));
        let jan = Period::Month.index(seconds(2011, 1, 1));
        assert_eq!(
            (jan - dec, Period::Month.label(jan).as_str()),
            (1, "2011-01-01")
        );
        assert!(Period::parse("day").is_err());
    }
}
