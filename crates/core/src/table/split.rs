//! Decoded text to a grid of raw cells, one [`RawCells`] per column.
//!
//! Delimited text goes through the `csv` crate (quotes, doubled quotes, CRLF/LF/CR, no final
//! newline), reusing one record buffer so no row allocates. Runs of spaces
//! (`1  19970101  1  11.77`) are split by hand: such files have no quoting.
//! Rows with the wrong number of fields are padded, truncated, dropped or refused as
//! [`RaggedRows`] says, and each is reported with its line.

use super::raw::RawCells;
use super::warning::{RaggedAction, ReadWarning};
use crate::progress::{Control, Progress};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// What to do with a row whose field count differs from the first row's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaggedRows {
    /// Pad short rows with missing values and cut extra fields off long ones (the default).
    #[default]
    Pad,
    /// Leave such rows out.
    Drop,
    /// Stop with [`ErrorKind::RaggedRow`] at the first one.
    Error,
}

/// The delimiter value that means "runs of spaces or tabs".
pub const WHITESPACE: u8 = b' ';

/// How many ragged rows are listed one by one; the rest are counted.
const LISTED_RAGGED: usize = 100;

/// Rows of raw cells; row 0 is the first record (header or not).
pub(crate) struct Grid {
    pub(crate) columns: Vec<RawCells>,
    /// Line (1-based) where each row starts.
    pub(crate) lines: Vec<u64>,
    pub(crate) warnings: Vec<ReadWarning>,
}

impl Grid {
    fn new(width: usize) -> Grid {
        Grid {
            columns: (0..width).map(|_| RawCells::with_capacity(1024)).collect(),
            lines: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Reserves room in every column (and the line list) for `factor` times what they
    /// hold now.
    fn reserve_scaled(&mut self, factor: f64) {
        for column in &mut self.columns {
            column.reserve_scaled(factor);
        }
        let more = ((self.lines.len() as f64) * (factor - 1.0)).ceil().max(0.0) as usize;
        self.lines.reserve(more);
    }

    pub(crate) fn n_rows(&self) -> usize {
        self.lines.len()
    }

    /// Adds a row, repairing its width as `ragged` says. `fields` yields the cells.
    fn push_row<'a>(
        &mut self,
        line: u64,
        n_fields: usize,
        fields: impl Iterator<Item = &'a str>,
        ragged: RaggedRows,
        ragged_seen: &mut usize,
    ) -> Result<()> {
        let width = self.columns.len();
        if n_fields != width {
            if ragged == RaggedRows::Error {
                return Err(Error::new(ErrorKind::RaggedRow {
                    line,
                    expected: width,
                    found: n_fields,
                }));
            }
            let action = match ragged {
                RaggedRows::Drop => RaggedAction::Dropped,
                _ if n_fields < width => RaggedAction::Padded,
                _ => RaggedAction::Truncated,
            };
            *ragged_seen += 1;
            if *ragged_seen <= LISTED_RAGGED {
                self.warnings.push(ReadWarning::RaggedRow {
                    line,
                    expected: width,
                    found: n_fields,
                    action,
                });
            }
            if action == RaggedAction::Dropped {
                return Ok(());
            }
        }
        let mut pushed = 0;
        for (column, cell) in self.columns.iter_mut().zip(fields) {
            column.push(cell);
            pushed += 1;
        }
        for column in &mut self.columns[pushed..] {
            column.push("");
        }
        self.lines.push(line);
        Ok(())
    }

    fn finish(&mut self, ragged_seen: usize) {
        if ragged_seen > LISTED_RAGGED {
            self.warnings.push(ReadWarning::MoreRaggedRows {
                count: ragged_seen - LISTED_RAGGED,
            });
        }
    }
}

/// After how many rows the splitter sizes the columns for the whole file.
const SIZE_AFTER: usize = 4096;

/// How often (in rows) the splitter reports progress.
const REPORT_EVERY: usize = 1 << 14;

/// Splits delimited text.
pub(crate) fn split_delimited(
    text: &str,
    delimiter: u8,
    ragged: RaggedRows,
    progress: &mut dyn Progress,
) -> Result<Grid> {
    if delimiter == WHITESPACE {
        return split_whitespace(text, ragged, progress);
    }
    let total = text.len() as u64;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut grid: Option<Grid> = None;
    let mut ragged_seen = 0;
    let mut rows = 0usize;
    while reader.read_record(&mut record).map_err(|e| csv_error(&e))? {
        let line = record.position().map_or(0, |p| p.line());
        // A line of blanks is not a row (the csv crate already skips empty lines).
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        let grid = grid.get_or_insert_with(|| Grid::new(record.len()));
        grid.push_row(line, record.len(), record.iter(), ragged, &mut ragged_seen)?;
        rows += 1;
        if rows == SIZE_AFTER {
            // The first rows tell how much the whole file will need: reserve it at once.
            let done = record.position().map_or(0, |p| p.byte()).max(1);
            grid.reserve_scaled(total as f64 / done as f64 * 1.02);
        }
        if rows.is_multiple_of(REPORT_EVERY) {
            let done = record.position().map_or(0, |p| p.byte());
            if progress.report("parse", done, total) == Control::Stop {
                return Err(Error::new(ErrorKind::Cancelled));
            }
        }
    }
    let mut grid = grid.ok_or_else(|| Error::new(ErrorKind::EmptyFile))?;
    grid.finish(ragged_seen);
    Ok(grid)
}

fn split_whitespace(text: &str, ragged: RaggedRows, progress: &mut dyn Progress) -> Result<Grid> {
    let total = text.len() as u64;
    let mut grid: Option<Grid> = None;
    let mut ragged_seen = 0;
    let mut done = 0u64;
    let mut fields: Vec<&str> = Vec::new();
    for (i, line) in text.split(['\n', '\r']).enumerate() {
        done += line.len() as u64 + 1;
        fields.clear();
        fields.extend(line.split_whitespace());
        if fields.is_empty() {
            continue;
        }
        let grid = grid.get_or_insert_with(|| Grid::new(fields.len()));
        grid.push_row(
            i as u64 + 1,
            fields.len(),
            fields.iter().copied(),
            ragged,
            &mut ragged_seen,
        )?;
        if grid.n_rows().is_multiple_of(REPORT_EVERY)
            && progress.report("parse", done.min(total), total) == Control::Stop
        {
            return Err(Error::new(ErrorKind::Cancelled));
        }
    }
    let mut grid = grid.ok_or_else(|| Error::new(ErrorKind::EmptyFile))?;
    grid.finish(ragged_seen);
    Ok(grid)
}

fn csv_error(e: &csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    Error::new(ErrorKind::Csv {
        line,
        detail: e.to_string(),
    })
}

/// Builds a grid from rows already split (spreadsheets). `rows` yields (line, cells).
pub(crate) fn grid_from_rows(rows: Vec<(u64, Vec<String>)>) -> Grid {
    let width = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let mut grid = Grid::new(width);
    let mut seen = 0;
    for (line, cells) in &rows {
        // Spreadsheet rows are rectangular: padding never warns.
        let _ = grid.push_row(
            *line,
            width,
            cells.iter().map(String::as_str),
            RaggedRows::Pad,
            &mut seen,
        );
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn rows(grid: &Grid) -> Vec<Vec<&str>> {
        (0..grid.n_rows())
            .map(|r| grid.columns.iter().map(|c| c.get(r)).collect())
            .collect()
    }

    #[test]
    fn ragged_rows_each_way() {
        let text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n";
        let pad = split_delimited(text, b',', RaggedRows::Pad, &mut Silent).unwrap();
        assert_eq!(
            rows(&pad),
            [
                vec!["a", "b", "c"],
                vec!["1", "2", "3"],
                vec!["4", "5", ""],
                vec!["6", "7", "8"]
            ]
        );
        assert_eq!(pad.lines, [1, 2, 3, 4]);
        let drop = split_delimited(text, b',', RaggedRows::Drop, &mut Silent).unwrap();
        assert_eq!(drop.n_rows(), 2);
        assert_eq!(
            drop.warnings[1],
            ReadWarning::RaggedRow {
                line: 4,
                expected: 3,
                found: 4,
                action: RaggedAction::Dropped
            }
        );
        let err = split_delimited(text, b',', RaggedRows::Error, &mut Silent)
            .err()
            .unwrap();
        assert_eq!(
            err.kind(),
            &ErrorKind::RaggedRow {
                line: 3,
                expected: 3,
                found: 2
            }
        );
    }

    #[test]
    fn runs_of_spaces() {
        let grid = split_delimited(
            "1  19970101  1  11.77\n2\t19970112 1 12.00\n",
            WHITESPACE,
            RaggedRows::Error,
            &mut Silent,
        )
        .unwrap();
        assert_eq!(rows(&grid)[1], ["2", "19970112", "1", "12.00"]);
    }

    #[test]
    fn cancel_stops() {
        let text = "a\n".repeat(REPORT_EVERY + 5);
        let mut stop = |_: &str, _: u64, _: u64| Control::Stop;
        let err = split_delimited(&text, b',', RaggedRows::Pad, &mut stop)
            .err()
            .unwrap();
        assert_eq!(err.kind(), &ErrorKind::Cancelled);
    }
}
