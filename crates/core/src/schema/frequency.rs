//! How often a time series is observed, from the steps between its distinct dates.

use crate::table::infer::DateFamily;
use serde::{Deserialize, Serialize};

/// How often a series is observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
}

impl Frequency {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        }
    }

    /// The name shown to the user.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Frequency::Daily => lang.pick("每日", "daily"),
            Frequency::Weekly => lang.pick("每周", "weekly"),
            Frequency::Monthly => lang.pick("每月", "monthly"),
            Frequency::Quarterly => lang.pick("每季度", "quarterly"),
            Frequency::Yearly => lang.pick("每年", "yearly"),
        }
    }

    /// The frequency a step of `days` days belongs to (months and years vary in length).
    fn of_step(days: i64) -> Option<Frequency> {
        match days {
            1 => Some(Frequency::Daily),
            7 => Some(Frequency::Weekly),
            28..=31 => Some(Frequency::Monthly),
            89..=92 => Some(Frequency::Quarterly),
            365 | 366 => Some(Frequency::Yearly),
            _ => None,
        }
    }
}

/// The frequency of dates (seconds since 1970), and the share (percent) of steps between
/// consecutive distinct dates that have it; `None` with fewer than four distinct dates, a
/// time of day on them, or no usual step. A month or quarter form decides by itself.
pub fn detect(seconds: &[i64], form: Option<DateFamily>) -> Option<(Frequency, u32)> {
    let mut dates: Vec<i64> = seconds.to_vec();
    dates.sort_unstable();
    dates.dedup();
    if dates.len() < 4 || dates.iter().any(|s| s.rem_euclid(86_400) != 0) {
        return None;
    }
    let steps: Vec<Option<Frequency>> = dates
        .windows(2)
        .map(|w| Frequency::of_step((w[1] - w[0]) / 86_400))
        .collect();
    let forced = match form {
        Some(DateFamily::Month) => Some(Frequency::Monthly),
        Some(DateFamily::Quarter) => Some(Frequency::Quarterly),
        _ => None,
    };
    let all = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Yearly,
    ];
    let (frequency, count) = all
        .into_iter()
        .filter(|f| forced.is_none_or(|g| g == *f))
        .map(|f| (f, steps.iter().filter(|s| **s == Some(f)).count()))
        .max_by_key(|&(_, n)| n)?;
    let pct = (count * 100 / steps.len()) as u32;
    (pct >= 80).then_some((frequency, pct))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(list: &[i64]) -> Vec<i64> {
        list.iter().map(|d| d * 86_400).collect()
    }

    #[test]
    fn steps_make_frequencies() {
        assert_eq!(
            detect(&days(&[0, 1, 2, 3, 4]), None),
            Some((Frequency::Daily, 100))
        );
        assert_eq!(
            detect(&days(&[0, 7, 14, 21, 21, 28]), None),
            Some((Frequency::Weekly, 100))
        );
        assert_eq!(
            detect(&days(&[0, 31, 59, 90, 120]), None),
            Some((Frequency::Monthly, 100))
        );
        assert_eq!(
            detect(&days(&[0, 90, 181, 273, 365]), None),
            Some((Frequency::Quarterly, 100))
        );
        assert_eq!(
            detect(&days(&[0, 365, 730, 1096]), None),
            Some((Frequency::Yearly, 100))
        );
        assert_eq!(detect(&days(&[0, 3, 4, 20, 21]), None), None);
        assert_eq!(detect(&[0, 3600, 7200, 10_800], None), None);
    }
}
