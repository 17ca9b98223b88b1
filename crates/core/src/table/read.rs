//! Bytes to [`Table`]: route spreadsheets to [`super::xlsx`], decode text
//! ([`super::decode`]), sniff the delimiter, split records ([`super::split`]), decide whether
//! the first row is a header, clean the header up, and type each column ([`super::infer`]).

use super::dates::format_datetime;
use super::infer::{
    column_from_converted, infer_and_convert, is_missing, Converted, DecimalMark, Inference,
    ValueFormat,
};
use super::raw::RawCells;
use super::serial_dates;
use super::split::{split_delimited, Grid, RaggedRows, WHITESPACE};
use super::warning::ReadWarning;
use super::{decode, sniff, xlsx, Table};
use super::{Column, ColumnData, DataType, DatePattern};
use crate::par;
use crate::progress::{Control, Progress, Silent, Stage};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// How to read a file. `None` fields are detected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    /// WHATWG encoding label (`"utf-8"`, `"gbk"`, `"utf-16le"`...); detected when `None`.
    pub encoding: Option<String>,
    /// Field delimiter byte; sniffed when `None`. `b' '` ([`super::WHITESPACE`]) means runs of
    /// spaces or tabs.
    pub delimiter: Option<u8>,
    /// Refuse inputs larger than this many bytes (`None`: no limit but the reader's own
    /// 4 GiB). Checked before any work.
    pub max_bytes: Option<u64>,
    /// Whether the first row names the columns; detected when `None`.
    pub has_header: Option<bool>,
    /// What to do with rows that have the wrong number of fields (default: pad).
    pub ragged: RaggedRows,
    /// Which sheet of a spreadsheet to read (default: the first).
    pub sheet: Option<String>,
    /// How dates are written, strftime-style (`%Y%m%d`, `%d/%m/%Y`; see
    /// [`super::DatePattern`]); detected when `None`. Every column whose present values all
    /// fit it is read as dates.
    pub date_format: Option<String>,
}

/// How a source was actually read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// WHATWG name of the encoding used (for example `"UTF-8"`, `"gb18030"`); empty for a
    /// spreadsheet.
    pub encoding: String,
    /// The delimiter used, as a string (`","`, `"\t"`, `" "` for runs of spaces); empty for
    /// a spreadsheet.
    pub delimiter: String,
    /// `"csv"` for delimited text, else the spreadsheet kind (`"xlsx"`, `"xls"`, `"ods"`).
    #[serde(default)]
    pub format: String,
    /// Whether the first row was read as the header.
    #[serde(default)]
    pub has_header: bool,
    /// The sheet read, for a spreadsheet.
    #[serde(default)]
    pub sheet: Option<String>,
    /// Every sheet of the workbook, for a spreadsheet.
    #[serde(default)]
    pub sheets: Vec<String>,
    /// What the reader repaired or doubts, in file order.
    #[serde(default)]
    pub warnings: Vec<ReadWarning>,
}

/// The largest input the reader accepts at all (cell offsets are 32-bit).
pub const HARD_LIMIT: u64 = u32::MAX as u64;

/// Reads delimited text or a spreadsheet into a typed table.
pub fn read_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Table> {
    read_bytes_with(bytes, options, &mut Silent)
}

/// [`read_bytes`], reporting progress (`"decode"` once at the start, then `"parse"`: bytes
/// of text; `"type"`: columns) and stopping with [`ErrorKind::Cancelled`] when told to.
pub fn read_bytes_with(
    bytes: &[u8],
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<Table> {
    match split_input(bytes, options, progress)? {
        Input::Done(table) => Ok(table),
        Input::Grid(grid) => grid.assemble(options, progress),
    }
}

/// [`read_bytes_with`] on bytes it owns: they are freed as soon as the text is split into
/// cells, before typing. In a browser tab, whose memory never shrinks, this keeps the
/// file's bytes and its typed columns from being held at the same time, and the peak
/// near twice the file's size rather than three times.
pub fn read_owned_with(
    bytes: Vec<u8>,
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<Table> {
    let split = split_input(&bytes, options, progress)?;
    drop(bytes);
    match split {
        Input::Done(table) => Ok(table),
        Input::Grid(grid) => grid.assemble(options, progress),
    }
}

/// The input after splitting: a spreadsheet is read whole; delimited text gives cells
/// still to be typed.
enum Input {
    Done(Table),
    Grid(TextCells),
}

/// Delimited text split into raw cells, with what typing them needs.
struct TextCells {
    grid: Grid,
    mark: DecimalMark,
    source: SourceInfo,
}

impl TextCells {
    fn assemble(self, options: &ReadOptions, progress: &mut dyn Progress) -> Result<Table> {
        assemble(self.grid, self.mark, options, self.source, progress)
    }
}

fn split_input(bytes: &[u8], options: &ReadOptions, progress: &mut dyn Progress) -> Result<Input> {
    let limit = options.max_bytes.unwrap_or(HARD_LIMIT).min(HARD_LIMIT);
    if bytes.len() as u64 > limit {
        return Err(Error::new(ErrorKind::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        }));
    }
    if let Some(container) = sniff::container(bytes) {
        return read_spreadsheet(bytes, container, options, progress).map(Input::Done);
    }
    let total = bytes.len() as u64;
    if progress.report(Stage::Decode, 0, total) == Control::Stop {
        return Err(Error::new(ErrorKind::Cancelled));
    }
    sniff::check_text_as(bytes, options.encoding.as_deref())?;
    let decoded = decode::decode(bytes, options.encoding.as_deref())?;
    let (text, declared) = without_sep_line(decoded.text);
    let text = without_preamble(text);
    let delimiter = options
        .delimiter
        .or(declared)
        .unwrap_or_else(|| sniff::delimiter(&text));
    if progress.report(Stage::Parse, 0, total) == Control::Stop {
        return Err(Error::new(ErrorKind::Cancelled));
    }
    let mut grid = split_delimited(&text, delimiter, options.ragged, progress)?;
    grid.warnings.splice(0..0, decoded.warnings);
    let source = SourceInfo {
        encoding: decoded.encoding.name().to_string(),
        delimiter: if delimiter == WHITESPACE {
            " ".to_string()
        } else {
            (delimiter as char).to_string()
        },
        format: "csv".into(),
        ..SourceInfo::default()
    };
    let mark = if delimiter == b';' {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    };
    Ok(Input::Grid(TextCells { grid, mark, source }))
}

/// Excel's `sep=;` first line declares the delimiter (Excel writes and honours it; other
/// readers take it for a one-column header). Returns the text with that line blanked, so
/// it is skipped like any empty line while every later line keeps its number, and the
/// declared delimiter.
fn without_sep_line(text: std::borrow::Cow<'_, str>) -> (std::borrow::Cow<'_, str>, Option<u8>) {
    let first = text.split(['\n', '\r']).next().unwrap_or("");
    let declared = match first.trim_end().strip_prefix("sep=").map(str::as_bytes) {
        Some(&[d]) if d.is_ascii() && d != b'"' => d,
        _ => return (text, None),
    };
    let len = first.len();
    let mut owned = text.into_owned();
    owned.replace_range(..len, &" ".repeat(len));
    (std::borrow::Cow::Owned(owned), Some(declared))
}

/// Characters that separate fields in a delimited line.
const FIELD_SEPARATORS: [char; 4] = [',', ';', '\t', '|'];

/// Lines above the header that are not part of the table, blanked (so later lines keep
/// their numbers): `#` comment lines without field separators (Google Analytics'
/// `# ----` block), and a title of up to three lines (`Sales report 2023`) that a blank
/// line parts from a header with two or more separators, when the title lines hold at
/// most one separator each.
fn without_preamble(text: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let separators = |line: &str| {
        line.chars()
            .filter(|c| FIELD_SEPARATORS.contains(c))
            .count()
    };
    let mut offset = 0;
    let mut blank_until = 0;
    let mut title_lines = 0;
    let mut seen_blank = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']).trim();
        let end = offset + line.len();
        if content.is_empty() {
            seen_blank = true;
        } else if content.starts_with('#') && separators(content) == 0 {
            blank_until = end;
            seen_blank = false;
        } else if seen_blank && title_lines > 0 && separators(content) >= 2 {
            // The header after a title and a blank line.
            break;
        } else if !seen_blank && title_lines < 3 && separators(content) <= 1 {
            title_lines += 1;
        } else {
            // The header or data straight away: nothing but comments to blank.
            title_lines = 0;
            break;
        }
        if title_lines > 0 && seen_blank {
            blank_until = end;
        }
        offset = end;
    }
    if title_lines > 0 && !seen_blank {
        // Lines without separators and no blank line after them: a one-column file.
        return text;
    }
    if blank_until == 0 {
        return text;
    }
    let mut owned = text.into_owned();
    let blanked: String = owned[..blank_until]
        .chars()
        .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
        .collect();
    owned.replace_range(..blank_until, &blanked);
    std::borrow::Cow::Owned(owned)
}

fn read_spreadsheet(
    bytes: &[u8],
    container: sniff::Container,
    options: &ReadOptions,
    progress: &mut dyn Progress,
) -> Result<Table> {
    let sheet = xlsx::read_sheet(bytes, options.sheet.as_deref()).map_err(|e| {
        // A ZIP that is not a workbook is some other archive: say so plainly.
        let unreadable = matches!(e.kind(), ErrorKind::Format { .. });
        if unreadable && container == sniff::Container::Zip {
            Error::new(ErrorKind::NotText {
                looks_like: Some("ZIP archive".into()),
            })
        } else {
            e
        }
    })?;
    let source = SourceInfo {
        format: sheet.format.into(),
        sheet: Some(sheet.name),
        sheets: sheet.sheets,
        ..SourceInfo::default()
    };
    assemble(sheet.grid, DecimalMark::Point, options, source, progress)
}

/// Header decision and clean-up, then one typed column per grid column.
fn assemble(
    mut grid: Grid,
    mark: DecimalMark,
    options: &ReadOptions,
    mut source: SourceInfo,
    progress: &mut dyn Progress,
) -> Result<Table> {
    let has_header = options.has_header;
    let pattern = options
        .date_format
        .as_deref()
        .map(DatePattern::parse)
        .transpose()?;
    let header = has_header.unwrap_or_else(|| sniff::first_row_is_header(&grid.columns, mark));
    let mut warnings = std::mem::take(&mut grid.warnings);
    let names = if header {
        let written: Vec<String> = grid.columns.iter_mut().map(|c| c.pop_front()).collect();
        grid.lines.remove(0);
        clean_header(&written, &mut warnings)
    } else {
        if has_header.is_none() {
            warnings.push(ReadWarning::NoHeader);
        }
        (1..=grid.columns.len())
            .map(|i| format!("column_{i}"))
            .collect()
    };
    if grid.lines.is_empty() {
        return Err(Error::new(ErrorKind::NoDataRows));
    }
    // Each column is typed on its own: side by side on the CLI's threads (`par`), then
    // assembled in file order with its warnings.
    let named: Vec<(RawCells, String)> = grid.columns.into_iter().zip(names).collect();
    let typed = par::try_map_reporting(&named, Stage::TypeColumns, progress, |(raw, name)| {
        Ok(
            match pattern.as_ref().and_then(|p| dated_column(name, raw, p)) {
                Some(column) => Typed::Dated(column),
                None => {
                    let (inference, converted) = infer_and_convert(raw, mark);
                    Typed::Inferred(inference, converted)
                }
            },
        )
    })?;
    let mut columns = Vec::with_capacity(named.len());
    for ((raw, name), typed) in named.into_iter().zip(typed) {
        let (inference, converted) = match typed {
            Typed::Dated(column) => {
                columns.push(column);
                continue;
            }
            Typed::Inferred(inference, converted) => (inference, converted),
        };
        if let Some(order) = inference.format.date_order {
            if inference.format.date_order_guessed {
                warnings.push(ReadWarning::AmbiguousDates {
                    column: name.clone(),
                    order,
                });
            }
        }
        if let Some(row) = inference.mixed_dates_at {
            warnings.push(ReadWarning::MixedDateFormats {
                column: name.clone(),
                line: grid.lines[row],
                value: raw.get(row).trim().to_string(),
            });
        }
        let (inference, converted) =
            match serial_dates::as_serial_dates(&name, &inference, &converted) {
                Some(dates) => {
                    if let Some(first) = (0..raw.len()).find(|&r| !converted.missing[r]) {
                        let seconds = match &dates {
                            ColumnData::DateTime(v) => v[first],
                            _ => 0,
                        };
                        warnings.push(ReadWarning::ExcelSerialDates {
                            column: name.clone(),
                            value: raw.get(first).trim().to_string(),
                            date: format_datetime(seconds),
                        });
                    }
                    let inference = Inference {
                        dtype: DataType::DateTime,
                        format: ValueFormat {
                            excel_serial: true,
                            ..inference.format
                        },
                        ..inference
                    };
                    (
                        inference,
                        Converted {
                            data: dates,
                            ..converted
                        },
                    )
                }
                None => (inference, converted),
            };
        if !converted.invalid.is_empty() {
            warnings.push(ReadWarning::BadCells {
                column: name.clone(),
                dtype: inference.dtype,
                count: converted.invalid.len(),
                cells: converted
                    .invalid
                    .iter()
                    .take(5)
                    .map(|&row| (grid.lines[row], raw.get(row).trim().to_string()))
                    .collect(),
            });
        }
        columns.push(column_from_converted(
            name,
            raw,
            inference.dtype,
            inference.format,
            converted,
        ));
    }
    source.has_header = header;
    source.warnings = warnings;
    Ok(Table::from_parts(columns, source, grid.lines))
}

/// A column's cells typed: read in the user's date format, or by inference.
enum Typed {
    Dated(Column),
    Inferred(Inference, Converted),
}

/// The column read as dates in `pattern`, when every present cell fits it.
fn dated_column(name: &str, raw: &RawCells, pattern: &DatePattern) -> Option<Column> {
    let mut values = Vec::with_capacity(raw.len());
    let mut missing = Vec::with_capacity(raw.len());
    let mut present = 0;
    for cell in raw.iter() {
        if is_missing(cell) {
            values.push(0);
            missing.push(true);
            continue;
        }
        values.push(pattern.seconds(cell)?);
        missing.push(false);
        present += 1;
    }
    (present > 0).then(|| {
        Column::new(name, ColumnData::DateTime(values), missing).with_source(
            Some(raw.clone()),
            ValueFormat::default(),
            Vec::new(),
        )
    })
}

/// Trims names (real Tmall headers end in spaces), names empty ones `column_N`, and makes
/// duplicates unique (`name_2`), reporting each rename.
fn clean_header(written: &[String], warnings: &mut Vec<ReadWarning>) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(written.len());
    for (i, field) in written.iter().enumerate() {
        let trimmed = field.trim().trim_start_matches('\u{feff}').trim();
        let base = if trimmed.is_empty() {
            format!("column_{}", i + 1)
        } else {
            trimmed.to_string()
        };
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        if name != trimmed {
            warnings.push(ReadWarning::HeaderRenamed {
                index: i,
                from: trimmed.to_string(),
                to: name.clone(),
            });
        }
        names.push(name);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Columns typed side by side give the table, warnings included, that one thread gives.
    #[cfg(feature = "parallel")]
    #[test]
    fn typing_on_two_threads_gives_the_one_thread_table() {
        use crate::par::on_threads;
        for bytes in [
            &include_bytes!(
                "../../../../testdata/uci-online-retail-sample20k/online_retail_sample20k.csv"
            )[..],
            include_bytes!("../../../../testdata/quirks/two_date_formats.csv"),
            include_bytes!("../../../../testdata/quirks/thousands_currency.csv"),
        ] {
            let read = || read_bytes(bytes, &ReadOptions::default()).unwrap();
            let (one, two) = (on_threads(1, read), on_threads(2, read));
            assert!(one.n_columns() > 1);
            assert_eq!(one, two);
        }
    }
    use crate::table::DataType;

    #[test]
    fn crlf_no_final_newline_quotes_and_na() {
        let t = read_bytes(
            b"id,name,price,qty\r\n1,\"Tea, green\",12.5,3\r\n2,Cup,NA,\r\n3,Pot,7,1",
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(t.n_rows(), 3);
        let types: Vec<DataType> = t.columns().iter().map(|c| c.dtype()).collect();
        assert_eq!(
            types,
            [
                DataType::Integer,
                DataType::Text,
                DataType::Decimal,
                DataType::Integer
            ]
        );
        assert_eq!(t.column(1).display(0), "Tea, green");
        assert_eq!(t.column(2).missing_count(), 1);
        assert_eq!(t.column(3).missing_count(), 1);
    }

    #[test]
    fn ragged_row_names_its_line() {
        let strict = ReadOptions {
            ragged: RaggedRows::Error,
            ..ReadOptions::default()
        };
        let err = read_bytes(b"a,b\n1,2\n3\n", &strict).unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::RaggedRow {
                line: 3,
                expected: 2,
                found: 1
            }
        );
    }

    #[test]
    fn an_excel_sep_line_sets_the_delimiter_and_is_no_row() {
        let csv = "sep=;\r\nN° commande;Produit;Prix\r\n7001;Bougie, figue;19,00\r\n7001;Savon;4,50\r\n7002;Bougie, figue;19,00\r\n";
        let t = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(t.source().delimiter, ";");
        assert_eq!(t.n_rows(), 3);
        assert_eq!(t.column(0).name(), "N° commande");
        assert_eq!(t.column(1).raw(0), Some("Bougie, figue"));
        assert_eq!(t.column(2).f64(1), Some(4.5));
        // Lines keep their numbers in the file: the first row is line 3.
        assert_eq!(t.line(0), 3);
    }

    #[test]
    fn comment_lines_and_a_title_above_the_header_are_no_rows() {
        let ga = "# ----------------\n# All Web Site Data\n# 20230101-20230131\n# ----------------\n\nProduct,Unique Purchases,Revenue\nTea,3,12.5\nCup,1,4\n";
        let t = read_bytes(ga.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(t.column(0).name(), "Product");
        assert_eq!((t.n_columns(), t.n_rows(), t.line(0)), (3, 2, 7));
        let titled = "Sales report 2023\n\nDate,Item,Qty\n2023-01-02,tea,2\n2023-01-03,cup,1\n";
        let t = read_bytes(titled.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(t.column(1).name(), "Item");
        assert_eq!((t.n_columns(), t.n_rows(), t.line(0)), (3, 2, 4));
        // A `#` header with separators, and one-column files, are read as they are.
        let numbered = "#,Item\n1,tea\n2,cup\n";
        let t = read_bytes(numbered.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!((t.column(0).name(), t.n_rows()), ("#", 2));
        let one_column = "milk\nbread\nmilk\n";
        let t = read_bytes(one_column.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(t.n_rows() + usize::from(t.source().has_header), 3);
    }

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode("订单编号,总金额\n1,9.9\n");
        let t = read_bytes(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(t.column(0).name(), "订单编号");
        assert_eq!(t.source().encoding, "gb18030");
    }

    #[test]
    fn header_only_and_duplicates() {
        assert_eq!(
            read_bytes(b"a,b\n", &ReadOptions::default())
                .unwrap_err()
                .kind(),
            &ErrorKind::NoDataRows
        );
        let t = read_bytes(b" a ,a,\n1,2,3\n", &ReadOptions::default()).unwrap();
        let names: Vec<&str> = t.columns().iter().map(|c| c.name()).collect();
        assert_eq!(names, ["a", "a_2", "column_3"]);
        assert_eq!(t.source().warnings.len(), 2);
    }

    #[test]
    fn limit_checked_before_reading() {
        let options = ReadOptions {
            max_bytes: Some(4),
            ..ReadOptions::default()
        };
        assert_eq!(
            read_bytes(b"\x89PNG and more", &options)
                .unwrap_err()
                .kind(),
            &ErrorKind::TooLarge {
                bytes: 13,
                limit: 4
            }
        );
    }
}
