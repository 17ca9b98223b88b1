//! Spreadsheets (XLSX, XLSB, XLS, ODS) via `calamine`, which is pure Rust and builds for
//! `wasm32-unknown-unknown`.
//!
//! A sheet becomes the same grid of raw cells as a text file, so header detection, typing
//! and re-typing work the same way. Cells keep what the spreadsheet knows: numbers print in
//! their shortest exact form, booleans as `TRUE`/`FALSE`, and date cells as ISO
//! `YYYY-MM-DD[ HH:MM:SS]` so they type as dates. Lines are the sheet's row numbers.

use super::split::{grid_from_rows, Grid};
use crate::{Error, ErrorKind, FileFormat, FormatCause, Result};
use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use std::io::Cursor;

/// A sheet read into a grid, with the workbook's sheet list.
pub(crate) struct Sheet {
    pub(crate) grid: Grid,
    pub(crate) name: String,
    pub(crate) sheets: Vec<String>,
    pub(crate) format: &'static str,
}

fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>> {
    open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(calamine_error)
}

/// calamine's refusal. Its message is English and names no position we could type, so it
/// stays the detail of [`FormatCause::Parser`].
fn calamine_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Format {
        format: FileFormat::Spreadsheet,
        line: None,
        cause: FormatCause::Parser {
            column: None,
            detail: e.to_string(),
        },
    })
}

/// The sheet names of a workbook, in workbook order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>> {
    Ok(open(bytes)?.sheet_names())
}

/// Reads the sheet named `sheet`, or the first one.
pub(crate) fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet> {
    let mut workbook = open(bytes)?;
    let format = match &workbook {
        Sheets::Xls(_) => "xls",
        Sheets::Xlsx(_) => "xlsx",
        Sheets::Xlsb(_) => "xlsb",
        Sheets::Ods(_) => "ods",
    };
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.as_str() == wanted || s.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| {
                Error::new(ErrorKind::MissingColumn {
                    name: wanted.to_string(),
                    available: sheets.clone(),
                })
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| Error::new(ErrorKind::EmptyFile))?,
    };
    let range = workbook.worksheet_range(&name).map_err(calamine_error)?;
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let rows: Vec<(u64, Vec<String>)> = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let mut cells: Vec<String> = vec![String::new(); first_col];
            cells.extend(row.iter().map(cell_text));
            (first_row + i as u64 + 1, cells)
        })
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(Error::new(ErrorKind::EmptyFile));
    }
    Ok(Sheet {
        grid: grid_from_rows(rows),
        name,
        sheets,
        format,
    })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Int(i) => i.to_string(),
        // Rust prints the shortest text that reads back as the same f64 (`3` for 3.0).
        Data::Float(f) => f.to_string(),
        Data::String(s) => s.clone(),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}
