//! Building regular time series from a table: order lines summed per day, week, month,
//! quarter or year (quantity, or revenue when a price column is given), optionally one
//! series per product or store, or a plain date + value file.
//!
//! Dates are read here with a small tolerant parser (`2011-03-10`, `2011/03/10`,
//! `2011-03-10 16:16`, `1991-01` for a month, `1959Q3` for a quarter, `1871` for a year,
//! `05-02-2010` day first as Walmart writes it, `02/05/2010` month first when some middle field exceeds 12), because the table reader
//! types only ISO dates for now.
//!
//! Periods with no line are zero: for order lines no line means no demand, which is what
//! makes intermittent demand intermittent. Each group's series starts at its own first
//! period (a product is not "selling zero" before it exists) and runs to the last period of
//! the whole file (a product that stopped selling did sell zero).

use crate::table::infer::{civil_from_days, days_from_civil};
use crate::table::Table;
use crate::{Error, ErrorKind, Lang, Result, ValueType};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The spacing of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// One value per day.
    Daily,
    /// One value per 7 days, weeks starting on the weekday of the first date.
    Weekly,
    /// One value per calendar month.
    Monthly,
    /// One value per calendar quarter (January, April, July, October).
    Quarterly,
    /// One value per calendar year.
    Yearly,
}

impl Frequency {
    /// The name shown to the user.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Frequency::Daily => lang.pick("日", "daily"),
            Frequency::Weekly => lang.pick("周", "weekly"),
            Frequency::Monthly => lang.pick("月", "monthly"),
            Frequency::Quarterly => lang.pick("季度", "quarterly"),
            Frequency::Yearly => lang.pick("年", "yearly"),
        }
    }

    /// The usual season length: a week of days, a year of weeks, months or quarters; none
    /// (1) for yearly data.
    pub fn default_season(&self) -> usize {
        match self {
            Frequency::Daily => 7,
            Frequency::Weekly => 52,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
            Frequency::Yearly => 1,
        }
    }

    /// The usual forecast horizon: two weeks of days, two months of weeks, a year of
    /// months, two years of quarters, five years.
    pub fn default_horizon(&self) -> usize {
        match self {
            Frequency::Daily => 14,
            Frequency::Weekly => 8,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 8,
            Frequency::Yearly => 5,
        }
    }

    /// Reads `daily`, `weekly`, `monthly`, `quarterly`, `yearly` (or `d`, `w`, `m`, `q`,
    /// `y`, `day`, `week`, `month`, `quarter`, `year`, `annual`).
    pub fn parse(text: &str) -> Option<Frequency> {
        match text.trim().to_ascii_lowercase().as_str() {
            "daily" | "day" | "d" => Some(Frequency::Daily),
            "weekly" | "week" | "w" => Some(Frequency::Weekly),
            "monthly" | "month" | "m" => Some(Frequency::Monthly),
            "quarterly" | "quarter" | "q" => Some(Frequency::Quarterly),
            "yearly" | "year" | "annual" | "y" => Some(Frequency::Yearly),
            _ => None,
        }
    }

    /// The period (index) a day falls in; `anchor` is the first day of the data.
    fn period(&self, day: i64, anchor: i64) -> i64 {
        match self {
            Frequency::Daily => day,
            Frequency::Weekly => (day - anchor).div_euclid(7),
            Frequency::Monthly => {
                let (y, m, _) = civil_from_days(day);
                y * 12 + i64::from(m) - 1
            }
            Frequency::Quarterly => {
                let (y, m, _) = civil_from_days(day);
                y * 4 + (i64::from(m) - 1) / 3
            }
            Frequency::Yearly => civil_from_days(day).0,
        }
    }

    /// The first day of a period, as `YYYY-MM-DD`.
    fn start(&self, period: i64, anchor: i64) -> String {
        let day = match self {
            Frequency::Daily => period,
            Frequency::Weekly => anchor + 7 * period,
            Frequency::Monthly => {
                days_from_civil(period.div_euclid(12), (period.rem_euclid(12) + 1) as u32, 1)
                    .unwrap_or(0)
            }
            Frequency::Quarterly => days_from_civil(
                period.div_euclid(4),
                (3 * period.rem_euclid(4) + 1) as u32,
                1,
            )
            .unwrap_or(0),
            Frequency::Yearly => days_from_civil(period, 1, 1).unwrap_or(0),
        };
        let (y, m, d) = civil_from_days(day);
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// The order of day and month in `xx-xx-yyyy` dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `dd-mm-yyyy` (Europe, Walmart's export).
    DayFirst,
    /// `mm-dd-yyyy` (United States).
    MonthFirst,
}

fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses one date to days since 1970-01-01; any time of day after a space or `T` is
/// ignored. `None` if the text is not a date this parser knows.
pub fn parse_date(text: &str, order: DayOrder) -> Option<i64> {
    let t = text.trim();
    // A quarter (`1959Q1`, `1959-Q1`, `1959 Q1`) or a year (`1959`).
    let upper = t.to_ascii_uppercase();
    if let Some((year, quarter)) = upper.split_once('Q') {
        let year = year.trim_end_matches(['-', ' ']);
        if year.len() == 4 {
            let q = digits(quarter).filter(|q| (1..=4).contains(q))?;
            return days_from_civil(digits(year)?, (3 * q - 2) as u32, 1);
        }
    }
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return days_from_civil(digits(t)?, 1, 1);
    }
    let date = t.split([' ', 'T']).next()?;
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let (year, month, day) = match parts.as_slice() {
        [a, b, c] if a.len() == 4 => (digits(a)?, digits(b)?, digits(c)?),
        [a, b, c] if c.len() == 4 => match order {
            DayOrder::DayFirst => (digits(c)?, digits(b)?, digits(a)?),
            DayOrder::MonthFirst => (digits(c)?, digits(a)?, digits(b)?),
        },
        // A month: `1991-01`, or sktime's original ShampooSales `1-01` (year 1 of the data).
        [a, b] if b.len() == 2 && !a.is_empty() => (digits(a)?, digits(b)?, 1),
        _ => return None,
    };
    days_from_civil(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Decides the day order of a column: month first only if some `xx-xx-yyyy` date has a
/// middle field above 12 (and so cannot be a month).
pub fn day_order<'a>(cells: impl Iterator<Item = &'a str>) -> DayOrder {
    for cell in cells {
        let date = cell.trim().split([' ', 'T']).next().unwrap_or("");
        let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
        if let [_, b, c] = parts.as_slice() {
            if c.len() == 4 && digits(b).is_some_and(|m| m > 12) {
                return DayOrder::MonthFirst;
            }
        }
    }
    DayOrder::DayFirst
}

/// The frequency of a set of dates (days since 1970), from the most common gap between
/// distinct dates (missing periods only add longer gaps, so the mode survives them): up to
/// three days → daily, up to ten → weekly, up to 45 → monthly, up to 200 → quarterly,
/// longer → yearly.
pub fn detect_frequency(days: &[i64]) -> Frequency {
    let mut distinct = days.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for w in distinct.windows(2) {
        *counts.entry(w[1] - w[0]).or_insert(0) += 1;
    }
    // The most common gap; on a tie the shorter one (BTreeMap order, `max_by_key` keeps the
    // last maximum, so iterate in reverse).
    let Some((&gap, _)) = counts.iter().rev().max_by_key(|(_, c)| **c) else {
        return Frequency::Daily;
    };
    match gap {
        ..=3 => Frequency::Daily,
        4..=10 => Frequency::Weekly,
        11..=45 => Frequency::Monthly,
        46..=200 => Frequency::Quarterly,
        _ => Frequency::Yearly,
    }
}

/// Which columns make the series.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SeriesSpec {
    /// The date column.
    pub date_column: String,
    /// The value summed per period (quantity, sales...).
    pub value_column: String,
    /// If set, each value is multiplied by this column (quantity × unit price = revenue).
    pub price_column: Option<String>,
    /// If set, one series per distinct value (product, store).
    pub group_column: Option<String>,
    /// The period; `None` detects it from the dates.
    pub frequency: Option<Frequency>,
}

/// A regular series: one value per period, gaps filled with zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The group's value (product, store), `None` without a group column.
    pub group: Option<String>,
    /// The spacing.
    pub frequency: Frequency,
    /// Start date of each period, `YYYY-MM-DD`.
    pub periods: Vec<String>,
    /// Sum per period.
    pub values: Vec<f64>,
}

impl Series {
    /// Start dates of the `horizon` periods after the last one, `YYYY-MM-DD`.
    pub fn future_periods(&self, horizon: usize) -> Vec<String> {
        let Some(last) = self
            .periods
            .last()
            .and_then(|p| parse_date(p, DayOrder::DayFirst))
        else {
            return Vec::new();
        };
        // Periods of a built series are period starts, so weeks can count from the last one.
        let period = self.frequency.period(last, last);
        (1..=horizon as i64)
            .map(|k| self.frequency.start(period + k, last))
            .collect()
    }
}

fn bad_value(row: usize, column: &str, value: String, expected: ValueType) -> Error {
    Error::new(ErrorKind::BadValue {
        // Data row `row` is line `row + 2`: the header is line 1.
        line: row as u64 + 2,
        column: column.into(),
        value,
        expected,
    })
}

/// Builds the series a spec describes, groups in order of first appearance.
pub fn build_series(table: &Table, spec: &SeriesSpec) -> Result<Vec<Series>> {
    let date_col = table.column_by_name(&spec.date_column)?;
    let value_col = table.column_by_name(&spec.value_column)?;
    let price_col = match &spec.price_column {
        Some(name) => Some(table.column_by_name(name)?),
        None => None,
    };
    let group_col = match &spec.group_column {
        Some(name) => Some(table.column_by_name(name)?),
        None => None,
    };
    let n = table.n_rows();
    if n == 0 {
        return Err(Error::new(ErrorKind::NoDataRows));
    }
    let texts: Vec<String> = (0..n).map(|r| date_col.display(r)).collect();
    let order = day_order(texts.iter().map(String::as_str));
    let mut days = Vec::with_capacity(n);
    for (row, text) in texts.iter().enumerate() {
        let day = parse_date(text, order)
            .ok_or_else(|| bad_value(row, date_col.name(), text.clone(), ValueType::Date))?;
        days.push(day);
    }
    let frequency = spec.frequency.unwrap_or_else(|| detect_frequency(&days));
    let anchor = days.iter().copied().min().unwrap_or(0);
    let mut group_index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(Option<String>, BTreeMap<i64, f64>)> = Vec::new();
    let mut last_period = i64::MIN;
    for (row, &day) in days.iter().enumerate() {
        let mut value = value_col.f64(row).ok_or_else(|| {
            bad_value(
                row,
                value_col.name(),
                value_col.display(row),
                ValueType::Number,
            )
        })?;
        if let Some(price) = price_col {
            value *= price.f64(row).ok_or_else(|| {
                bad_value(row, price.name(), price.display(row), ValueType::Number)
            })?;
        }
        let key = group_col.map(|g| g.display(row));
        let index = *group_index
            .entry(key.clone().unwrap_or_default())
            .or_insert_with(|| {
                groups.push((key, BTreeMap::new()));
                groups.len() - 1
            });
        let period = frequency.period(day, anchor);
        last_period = last_period.max(period);
        *groups[index].1.entry(period).or_insert(0.0) += value;
    }
    Ok(groups
        .into_iter()
        .map(|(group, sums)| {
            let first = sums.keys().next().copied().unwrap_or(last_period);
            let periods = (first..=last_period)
                .map(|p| frequency.start(p, anchor))
                .collect();
            let values = (first..=last_period)
                .map(|p| sums.get(&p).copied().unwrap_or(0.0))
                .collect();
            Series {
                group,
                frequency,
                periods,
                values,
            }
        })
        .collect())
}

/// Period start dates as a reader names the periods: a run of month starts (every date
/// `YYYY-MM-01`, no two in the same month) reads `1987-01`, `1987-02`...; anything else is
/// returned unchanged. Charts and tables show these; the outputs keep full dates so that
/// files and later jobs can read them back.
pub fn period_labels(starts: &[String]) -> Vec<String> {
    let month = |s: &str| -> Option<String> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && s.ends_with("-01")
            && s[..4].bytes().all(|c| c.is_ascii_digit())
            && s[5..7].bytes().all(|c| c.is_ascii_digit());
        shape.then(|| s[..7].to_owned())
    };
    let months: Option<Vec<String>> = starts.iter().map(|s| month(s)).collect();
    match months {
        Some(months) if !months.is_empty() && months.windows(2).all(|w| w[0] != w[1]) => months,
        _ => starts.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn day(y: i64, m: u32, d: u32) -> Option<i64> {
        days_from_civil(y, m, d)
    }

    #[test]
    fn parses_the_date_styles_of_the_data_sets() {
        use DayOrder::*;
        let cases = [
            ("2011-03-10", DayFirst, day(2011, 3, 10)),
            ("2011/03/10 16:16:00", DayFirst, day(2011, 3, 10)),
            ("2011-03-10T08:00", DayFirst, day(2011, 3, 10)),
            ("1991-01", DayFirst, day(1991, 1, 1)),
            ("1-01", DayFirst, day(1, 1, 1)),
            ("05-02-2010", DayFirst, day(2010, 2, 5)),
            ("05-02-2010", MonthFirst, day(2010, 5, 2)),
            ("31.12.2020", DayFirst, day(2020, 12, 31)),
            ("1959Q3", DayFirst, day(1959, 7, 1)),
            ("1959-q1", DayFirst, day(1959, 1, 1)),
            ("1871", DayFirst, day(1871, 1, 1)),
            ("1959Q5", DayFirst, None),
            ("2011-02-30", DayFirst, None),
            ("yesterday", DayFirst, None),
            ("", DayFirst, None),
        ];
        for (text, order, want) in cases {
            assert_eq!(parse_date(text, order), want, "{text}");
        }
        assert_eq!(
            day_order(["05-02-2010", "12-25-2010"].into_iter()),
            DayOrder::MonthFirst
        );
        assert_eq!(day_order(["25-12-2010"].into_iter()), DayOrder::DayFirst);
    }

    #[test]
    fn detects_daily_weekly_monthly() {
        let start = day(2010, 2, 5).unwrap();
        let weekly: Vec<i64> = (0..10).map(|k| start + 7 * k).collect();
        assert_eq!(detect_frequency(&weekly), Frequency::Weekly);
        let daily: Vec<i64> = (0..10).map(|k| start + k).collect();
        assert_eq!(detect_frequency(&daily), Frequency::Daily);
        let monthly: Vec<i64> = (1..=10).map(|m| day(2010, m, 1).unwrap()).collect();
        assert_eq!(detect_frequency(&monthly), Frequency::Monthly);
        let quarterly: Vec<i64> = (0..12)
            .map(|q| day(2010 + q / 4, 3 * (q % 4) as u32 + 1, 1).unwrap())
            .collect();
        assert_eq!(detect_frequency(&quarterly), Frequency::Quarterly);
        let yearly: Vec<i64> = (0..8).map(|y| day(1990 + y, 1, 1).unwrap()).collect();
        assert_eq!(detect_frequency(&yearly), Frequency::Yearly);
        for f in ["q", "Quarterly", "annual", "y", "monthly"] {
            assert!(Frequency::parse(f).is_some(), "{f}");
        }
        assert_eq!(Frequency::parse("hourly"), None);
    }

    #[test]
    fn quarterly_and_yearly_buckets() {
        let csv = "d,v\n2010-02-10,1\n2010-03-31,2\n2010-04-01,5\n2011-01-15,7\n";
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let spec = SeriesSpec {
            date_column: "d".into(),
            value_column: "v".into(),
            frequency: Some(Frequency::Quarterly),
            ..SeriesSpec::default()
        };
        let q = &build_series(&table, &spec).unwrap()[0];
        assert_eq!(q.values, vec![3.0, 5.0, 0.0, 0.0, 7.0]);
        assert_eq!(q.periods[0], "2010-01-01");
        assert_eq!(q.periods[4], "2011-01-01");
        assert_eq!(q.future_periods(2), vec!["2011-04-01", "2011-07-01"]);
        assert_eq!(Frequency::Quarterly.default_season(), 4);
        let yearly = SeriesSpec {
            frequency: Some(Frequency::Yearly),
            ..spec
        };
        let y = &build_series(&table, &yearly).unwrap()[0];
        assert_eq!(y.values, vec![8.0, 7.0]);
        assert_eq!(y.future_periods(1), vec!["2012-01-01"]);
        assert_eq!(Frequency::Yearly.default_season(), 1);
    }

    #[test]
    fn order_lines_sum_per_day_and_group_with_zero_gaps() {
        let csv = "date,sku,qty,price\n\
                   2011-03-01 09:00,A,2,1.5\n\
                   2011-03-01 17:00,A,1,1.5\n\
                   2011-03-04,A,5,1.0\n\
                   2011-03-02,B,3,2.0\n\
                   2011-03-03,B,1,2.0\n";
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let spec = SeriesSpec {
            date_column: "date".into(),
            value_column: "qty".into(),
            group_column: Some("sku".into()),
            ..SeriesSpec::default()
        };
        let series = build_series(&table, &spec).unwrap();
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].group.as_deref(), Some("A"));
        assert_eq!(series[0].frequency, Frequency::Daily);
        assert_eq!(series[0].values, vec![3.0, 0.0, 0.0, 5.0]);
        assert_eq!(series[0].periods[0], "2011-03-01");
        // B starts on its first day and runs to the file's last day.
        assert_eq!(series[1].values, vec![3.0, 1.0, 0.0]);
        let revenue = SeriesSpec {
            price_column: Some("price".into()),
            group_column: None,
            ..spec
        };
        let total = build_series(&table, &revenue).unwrap();
        assert_eq!(total[0].values, vec![4.5, 6.0, 2.0, 5.0]);
    }

    #[test]
    fn weekly_and_monthly_buckets() {
        let csv = "Store,Date,Weekly_Sales\n1,05-02-2010,10\n1,12-02-2010,20\n1,26-02-2010,5\n";
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let spec = SeriesSpec {
            date_column: "Date".into(),
            value_column: "Weekly_Sales".into(),
            ..SeriesSpec::default()
        };
        let s = &build_series(&table, &spec).unwrap()[0];
        assert_eq!(s.frequency, Frequency::Weekly);
        assert_eq!(s.values, vec![10.0, 20.0, 0.0, 5.0]);
        assert_eq!(s.periods[2], "2010-02-19");
        let monthly = SeriesSpec {
            frequency: Some(Frequency::Monthly),
            ..spec
        };
        let m = &build_series(&table, &monthly).unwrap()[0];
        assert_eq!(m.values, vec![35.0]);
        assert_eq!(m.periods, vec!["2010-02-01"]);
        assert_eq!(m.future_periods(2), vec!["2010-03-01", "2010-04-01"]);
        assert_eq!(s.future_periods(1), vec!["2010-03-05"]);
    }

    #[test]
    fn bad_cells_name_their_line() {
        let csv = "d,v\n2011-01-01,1\nnot a date,2\n";
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let spec = SeriesSpec {
            date_column: "d".into(),
            value_column: "v".into(),
            ..SeriesSpec::default()
        };
        let e = build_series(&table, &spec).unwrap_err();
        assert!(
            matches!(e.kind(), ErrorKind::BadValue { line: 3, .. }),
            "{e}"
        );
        let missing = SeriesSpec {
            value_column: "sales".into(),
            ..spec
        };
        assert!(matches!(
            build_series(&table, &missing).unwrap_err().kind(),
            ErrorKind::MissingColumn { .. }
        ));
    }

    #[test]
    fn month_starts_read_as_months_and_other_dates_stay_whole() {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases: [(&[&str], &[&str]); 5] = [
            (&["1987-01-01", "1987-02-01"], &["1987-01", "1987-02"]),
            (&["1987-01-01", "1987-01-08"], &["1987-01-01", "1987-01-08"]),
            (&["1987-01-01", "1987-02-15"], &["1987-01-01", "1987-02-15"]),
            (&["1987", "1988"], &["1987", "1988"]),
            (&[], &[]),
        ];
        for (given, want) in cases {
            assert_eq!(period_labels(&own(given)), own(want), "{given:?}");
        }
    }
}
