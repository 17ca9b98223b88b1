//! A column at a glance for the Data page: missing share, distinct count, min/max/mean/
//! median for numbers, the most frequent values for text, a small histogram.
//!
//! Conventions follow pandas (`Series.describe`, `nunique`, `median` averaging the two
//! middle values) and numpy's `histogram` (equal-width bins over [min, max], the last bin
//! closed), which the tests compare against.

use super::{Column, ColumnData, DataType, Role};
use serde::{Deserialize, Serialize};

/// Bins of the histogram.
const BINS: usize = 10;
/// Most frequent values listed.
const TOP: usize = 10;

/// Summary of one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnProfile {
    /// Column name.
    pub name: String,
    /// Type.
    pub dtype: DataType,
    /// Role.
    pub role: Role,
    /// Rows.
    pub rows: usize,
    /// Missing cells (including values that do not fit the type).
    pub missing: usize,
    /// Missing share in percent.
    pub missing_pct: f64,
    /// Present values that do not fit the type.
    pub invalid: usize,
    /// Distinct present values.
    pub distinct: usize,
    /// For numbers and dates (dates in seconds since 1970).
    pub numeric: Option<NumericSummary>,
    /// The most frequent present values (text and booleans), most frequent first, ties by
    /// value.
    pub top: Vec<TopValue>,
    /// For numbers and dates.
    pub histogram: Option<Histogram>,
}

/// Min, max, mean and median of the present values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumericSummary {
    /// Smallest.
    pub min: f64,
    /// Largest.
    pub max: f64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Median (mean of the two middle values for an even count).
    pub median: f64,
}

/// A value and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopValue {
    /// The value as displayed.
    pub value: String,
    /// Occurrences.
    pub count: usize,
}

/// Equal-width bins: `counts[i]` values fall in `[edges[i], edges[i+1])`, the last bin closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// `counts.len() + 1` bin edges.
    pub edges: Vec<f64>,
    /// Values per bin.
    pub counts: Vec<usize>,
}

/// Summarises a column.
pub fn profile(column: &Column) -> ColumnProfile {
    let rows = column.len();
    let missing = column.missing_count();
    let present = (0..rows).filter(|&r| !column.is_missing(r));
    let mut numeric = None;
    let mut histogram = None;
    let mut top = Vec::new();
    let distinct;
    match column.data() {
        ColumnData::Integer(_) | ColumnData::Decimal(_) | ColumnData::DateTime(_) => {
            let mut values: Vec<f64> = present.filter_map(|r| column.f64(r)).collect();
            values.sort_unstable_by(f64::total_cmp);
            distinct = count_distinct_sorted(&values);
            if let (Some(&min), Some(&max)) = (values.first(), values.last()) {
                let n = values.len();
                let median = if n % 2 == 1 {
                    values[n / 2]
                } else {
                    (values[n / 2 - 1] + values[n / 2]) / 2.0
                };
                numeric = Some(NumericSummary {
                    min,
                    max,
                    mean: values.iter().sum::<f64>() / n as f64,
                    median,
                });
                histogram = Some(histogram_of(&values, min, max));
            }
        }
        ColumnData::Text(v) => {
            let codes = v.codes();
            let mut counts = vec![0usize; v.dictionary().len()];
            for r in present {
                counts[codes[r] as usize] += 1;
            }
            distinct = counts.iter().filter(|&&c| c > 0).count();
            top = top_values(
                counts
                    .iter()
                    .zip(v.dictionary())
                    .filter(|(&c, _)| c > 0)
                    .map(|(&c, value)| (value.clone(), c)),
            );
        }
        ColumnData::Boolean(v) => {
            let (mut yes, mut no) = (0, 0);
            for r in present {
                if v[r] {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
            distinct = usize::from(yes > 0) + usize::from(no > 0);
            top = top_values(
                [("true".to_string(), yes), ("false".to_string(), no)]
                    .into_iter()
                    .filter(|(_, c)| *c > 0),
            );
        }
    }
    ColumnProfile {
        name: column.name().to_string(),
        dtype: column.dtype(),
        role: column.role(),
        rows,
        missing,
        missing_pct: if rows == 0 {
            0.0
        } else {
            missing as f64 * 100.0 / rows as f64
        },
        invalid: column.invalid_rows().len(),
        distinct,
        numeric,
        top,
        histogram,
    }
}

fn count_distinct_sorted(values: &[f64]) -> usize {
    let mut distinct = 0;
    let mut last: Option<f64> = None;
    for &v in values {
        // Adding 0.0 folds -0.0 into 0.0, as pandas' `nunique` counts them as one value.
        if last.is_none_or(|l| (l + 0.0).to_bits() != (v + 0.0).to_bits()) {
            distinct += 1;
            last = Some(v);
        }
    }
    distinct
}

fn top_values(counts: impl Iterator<Item = (String, usize)>) -> Vec<TopValue> {
    let mut all: Vec<(String, usize)> = counts.collect();
    all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.into_iter()
        .take(TOP)
        .map(|(value, count)| TopValue { value, count })
        .collect()
}

/// numpy's rule: `BINS` equal bins over [min, max]; a value equal to max goes in the last
/// bin; a constant column gets the range [v − 0.5, v + 0.5].
fn histogram_of(sorted: &[f64], min: f64, max: f64) -> Histogram {
    let (lo, hi) = if max > min {
        (min, max)
    } else {
        (min - 0.5, max + 0.5)
    };
    let width = (hi - lo) / BINS as f64;
    let edges: Vec<f64> = (0..=BINS).map(|i| lo + width * i as f64).collect();
    let mut counts = vec![0usize; BINS];
    for &v in sorted {
        let bin = (((v - lo) / width) as usize).min(BINS - 1);
        counts[bin] += 1;
    }
    Histogram { edges, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::infer::build_column;

    #[test]
    fn numbers_and_text() {
        let c = build_column("x".into(), &["1", "2", "NA", "4", "4"]);
        let p = profile(&c);
        assert_eq!((p.rows, p.missing, p.distinct), (5, 1, 3));
        let n = p.numeric.unwrap();
        assert!((n.median - 3.0).abs() < 1e-12 && (n.mean - 2.75).abs() < 1e-12);
        assert_eq!(p.histogram.unwrap().counts.iter().sum::<usize>(), 4);
        let t = profile(&build_column("t".into(), &["b", "a", "b", ""]));
        assert_eq!(
            t.top,
            [
                TopValue {
                    value: "b".into(),
                    count: 2
                },
                TopValue {
                    value: "a".into(),
                    count: 1
                }
            ]
        );
        assert!((t.missing_pct - 25.0).abs() < 1e-12);
    }
}
