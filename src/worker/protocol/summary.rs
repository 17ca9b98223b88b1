//! What the Data page shows about a loaded table: counts, each column's type and profile,
//! and the first rows as text. Computed in the worker from the `shoplens_core::table` API
//! so only this small summary crosses to the page, never the whole table.
//!
//! The profile follows what pandas' `DataFrame.describe(include="all")` and
//! `Series.nunique()` / `value_counts()` report: missing cells are left out of every
//! statistic; the mean is the arithmetic mean of the present values.

use serde::{Deserialize, Serialize};
use shoplens_core::privacy::{detect, PiiFlag};
use shoplens_core::schema::Understanding;
use shoplens_core::table::{profile, Column, DataType, Histogram, ReadWarning, Role, Table};

/// How many rows the preview holds.
pub const PREVIEW_ROWS: usize = 100;

/// How many most frequent values a text column's profile lists.
pub const TOP_VALUES: usize = 3;

/// A loaded table as the page sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSummary {
    /// The file's name.
    pub name: String,
    /// The file's size in bytes.
    pub size_bytes: u64,
    /// Data rows (header not counted).
    pub rows: usize,
    /// Encoding the text was read with (WHATWG name).
    pub encoding: String,
    /// Field delimiter.
    pub delimiter: String,
    /// `"csv"` for delimited text, else the spreadsheet kind (`"xlsx"`, `"xls"`, `"ods"`).
    pub format: String,
    /// Whether the first row was read as the header.
    pub has_header: bool,
    /// The sheet read, for a spreadsheet.
    pub sheet: Option<String>,
    /// Every sheet of the workbook, for a spreadsheet.
    pub sheets: Vec<String>,
    /// What the reader repaired or doubts (ragged rows, NUL bytes, renamed headers...).
    pub warnings: Vec<ReadWarning>,
    /// Columns that look like personal data and are not protected yet.
    pub pii: Vec<PiiFlag>,
    /// One profile per column, in file order.
    pub columns: Vec<ColumnProfile>,
    /// The first [`PREVIEW_ROWS`] rows, one string per cell (empty when missing).
    pub preview: Vec<Vec<String>>,
    /// Milliseconds the worker spent in each stage of the load (read, decode, parse,
    /// type, profile), for the reading benchmark; empty after later edits.
    #[serde(default)]
    pub timings_ms: Vec<(String, f64)>,
    /// The worker's WebAssembly memory after the load (its peak so far), for the same
    /// benchmark; 0 after later edits.
    #[serde(default)]
    pub wasm_bytes: u64,
    /// What the file is (`shoplens_core::schema`): its shape and each column's role, with
    /// the evidence and the user's overrides; the same understanding as `shoplens inspect`.
    #[serde(default)]
    pub understanding: Option<Understanding>,
}

/// One column's type and statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnProfile {
    /// Column name.
    pub name: String,
    /// Type (inferred, or chosen by the user).
    pub dtype: DataType,
    /// Role in analyses (feature, target, identifier, date, ignore).
    pub role: Role,
    /// Present values that do not fit the column's type (after an override; counted in
    /// `missing` too, never dropped silently).
    pub invalid: usize,
    /// Equal-width bins of the values, for number and date columns.
    pub histogram: Option<Histogram>,
    /// Missing cells.
    pub missing: usize,
    /// Distinct present values.
    pub distinct: usize,
    /// Minimum, mean, median and maximum, for integer and decimal columns with a present
    /// value.
    pub numeric: Option<NumericSummary>,
    /// Earliest and latest value, formatted, for date/time columns with a present value.
    pub range: Option<(String, String)>,
    /// The most frequent values with their counts, most frequent first (ties: the value
    /// that sorts first), for text and boolean columns.
    pub top: Vec<(String, usize)>,
}

/// Minimum, mean, median and maximum of a numeric column's present values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NumericSummary {
    /// Smallest value.
    pub min: f64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Middle value; the mean of the two middle values for an even count (as pandas).
    pub median: f64,
    /// Largest value.
    pub max: f64,
}

impl TableSummary {
    /// Summarises `table`, read from a file called `name` of `size_bytes` bytes.
    pub fn of(table: &Table, name: &str, size_bytes: u64) -> TableSummary {
        let shown = table.n_rows().min(PREVIEW_ROWS);
        let preview = (0..shown)
            .map(|row| table.columns().iter().map(|c| c.display(row)).collect())
            .collect();
        TableSummary {
            name: name.to_string(),
            size_bytes,
            rows: table.n_rows(),
            encoding: table.source().encoding.clone(),
            delimiter: table.source().delimiter.clone(),
            format: table.source().format.clone(),
            has_header: table.source().has_header,
            sheet: table.source().sheet.clone(),
            sheets: table.source().sheets.clone(),
            warnings: table.warnings().to_vec(),
            pii: detect(table),
            columns: table.columns().iter().map(ColumnProfile::of).collect(),
            preview,
            timings_ms: Vec::new(),
            wasm_bytes: 0,
            understanding: None,
        }
    }

    /// Missing cells of column `index` as a percentage of the rows (0 for an empty table).
    pub fn missing_percent(&self, index: usize) -> f64 {
        match (self.columns.get(index), self.rows) {
            (Some(column), rows) if rows > 0 => 100.0 * column.missing as f64 / rows as f64,
            _ => 0.0,
        }
    }
}

impl ColumnProfile {
    /// Profiles one column with core's [`profile`] (one pass over the values; the same
    /// conventions as pandas, which core's tests check).
    pub fn of(column: &Column) -> ColumnProfile {
        let core = profile(column);
        let dtype = column.dtype();
        let (numeric, range) = match (dtype, core.numeric) {
            (DataType::DateTime, Some(n)) => {
                let format = shoplens_core::table::infer::format_datetime;
                (None, Some((format(n.min as i64), format(n.max as i64))))
            }
            (DataType::Integer | DataType::Decimal, Some(n)) => (
                Some(NumericSummary {
                    min: n.min,
                    mean: n.mean,
                    median: n.median,
                    max: n.max,
                }),
                None,
            ),
            _ => (None, None),
        };
        ColumnProfile {
            name: core.name,
            dtype,
            role: column.role(),
            invalid: column.invalid_rows().len(),
            histogram: core.histogram,
            missing: core.missing,
            distinct: core.distinct,
            numeric,
            range,
            top: core
                .top
                .into_iter()
                .take(TOP_VALUES)
                .map(|t| (t.value, t.count))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Profiles checked against pandas (fixtures from `tools/profile_fixture.py`; the tool and
    //! version are named inside each fixture). Counts and min/median/max are exact up to 1e-9 relative; means within 1e-9
    //! relative (summation order differs).
    use super::*;
    use serde_json::Value;
    use shoplens_core::table::{read_bytes, ReadOptions};

    fn check_against_pandas(csv: &[u8], fixture: &str) {
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let summary = TableSummary::of(&table, "file.csv", csv.len() as u64);
        let fixture: Value = serde_json::from_str(fixture).unwrap();
        assert_eq!(summary.rows as u64, fixture["rows"].as_u64().unwrap());
        let expected = fixture["columns"].as_array().unwrap();
        assert_eq!(summary.columns.len(), expected.len());
        for (got, want) in summary.columns.iter().zip(expected) {
            let name = want["name"].as_str().unwrap();
            assert_eq!(got.name, name);
            assert_eq!(
                got.missing as u64,
                want["missing"].as_u64().unwrap(),
                "{name}"
            );
            assert_eq!(
                got.distinct as u64,
                want["distinct"].as_u64().unwrap(),
                "{name}"
            );
            assert_eq!(
                got.dtype.is_numeric(),
                want["numeric"].as_bool().unwrap(),
                "{name}"
            );
            if let Some(numbers) = got.numeric {
                for (value, key) in [
                    (numbers.min, "min"),
                    (numbers.mean, "mean"),
                    (numbers.max, "max"),
                ] {
                    let expected = want[key].as_f64().unwrap();
                    assert!(
                        (value - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                        "{name} {key}: {value} vs pandas {expected}"
                    );
                }
            } else if got.dtype == DataType::DateTime {
                // pandas reads dates as text, so its top values are strings as written;
                // shoplens types them as dates and shows their range instead. The missing
                // and distinct counts above still come from pandas.
                assert!(got.range.is_some(), "{name}: a date column shows its range");
            } else {
                let top: Vec<(String, usize)> = want["top"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|pair| {
                        (
                            pair[0].as_str().unwrap().to_string(),
                            pair[1].as_u64().unwrap() as usize,
                        )
                    })
                    .collect();
                assert_eq!(got.top, top, "{name}");
            }
        }
        assert_eq!(summary.preview.len(), summary.rows.min(PREVIEW_ROWS));
    }

    #[test]
    fn advertising_profile_matches_pandas() {
        check_against_pandas(
            include_bytes!("../../../testdata/islr-advertising/Advertising.csv"),
            include_str!("../../../testdata/fixtures/profile_islr-advertising.json"),
        );
    }

    #[test]
    fn online_retail_profile_matches_pandas() {
        check_against_pandas(
            include_bytes!(
                "../../../testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv"
            ),
            include_str!("../../../testdata/fixtures/profile_uci-online-retail-first1071.json"),
        );
    }

    #[test]
    fn advertising_preview_shows_the_first_rows_as_written() {
        let csv = include_bytes!("../../../testdata/islr-advertising/Advertising.csv");
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let summary = TableSummary::of(&table, "Advertising.csv", csv.len() as u64);
        assert_eq!(summary.size_bytes, 4061);
        assert_eq!(summary.preview.len(), 100);
        assert_eq!(summary.preview[0], ["230.1", "37.8", "69.2", "22.1"]);
        assert!(summary.columns.iter().all(|c| c.dtype == DataType::Decimal));
    }

    #[test]
    fn missing_share_is_zero_for_an_empty_table_and_unknown_columns() {
        let csv = b"a,b\n1,\n2,x\n";
        let table = read_bytes(csv, &ReadOptions::default()).unwrap();
        let summary = TableSummary::of(&table, "t.csv", csv.len() as u64);
        assert!((summary.missing_percent(1) - 50.0).abs() < 1e-12);
        assert!(summary.missing_percent(9).abs() < 1e-12);
    }
}
