//! Decoded text to a grid of raw cells, one [`RawCells`] per column.
//!
//! Delimited text is split by hand ([`Records`]: quotes, doubled quotes, CRLF/LF/CR, no
//! final newline), unquoted cells as slices of the text, so no row allocates. Runs of spaces
//! (`1  19970101  1  11.77`) are split by hand: such files have no quoting.
//! Rows with the wrong number of fields are padded, truncated, dropped or refused as
//! [`RaggedRows`] says, and each is reported with its line.

use super::raw::RawCells;
use super::warning::{RaggedAction, ReadWarning};
use crate::progress::{Control, Progress, Stage};
use crate::trim::is_blank;
use crate::{CsvCause, Error, ErrorKind, Result};
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
    if !delimiter.is_ascii() {
        // Decoded text is UTF-8, where a byte over 127 is part of a character.
        return Err(Error::new(ErrorKind::Csv {
            line: 1,
            cause: CsvCause::NonAsciiDelimiter(delimiter),
        }));
    }
    let total = text.len() as u64;
    let mut records = Records::new(text, delimiter);
    let mut grid: Option<Grid> = None;
    let mut ragged_seen = 0;
    let mut rows = 0usize;
    while let Some(line) = records.next_record() {
        let fields = &records.fields;
        // A line of blanks is not a row (empty lines are skipped as records).
        if fields.len() == 1 && is_blank(records.field(fields[0])) {
            continue;
        }
        let grid = grid.get_or_insert_with(|| Grid::new(fields.len()));
        let cells = fields.iter().map(|&f| records.field(f));
        grid.push_row(line, fields.len(), cells, ragged, &mut ragged_seen)?;
        rows += 1;
        if rows == SIZE_AFTER {
            // The first rows tell how much the whole file will need: reserve it at once.
            let done = records.pos.max(1);
            grid.reserve_scaled(total as f64 / done as f64 * 1.02);
        }
        if rows.is_multiple_of(REPORT_EVERY)
            && progress.report(Stage::Parse, records.pos as u64, total) == Control::Stop
        {
            return Err(Error::new(ErrorKind::Cancelled));
        }
    }
    let mut grid = grid.ok_or_else(|| Error::new(ErrorKind::EmptyFile))?;
    grid.finish(ragged_seen);
    if let Some(line) = records.unclosed_quote {
        grid.warnings.push(ReadWarning::UnclosedQuote {
            line,
            last_line: records.newlines + 1,
        });
    }
    Ok(grid)
}

/// Where a field's text is: a slice of the input, or (a quoted field, unescaped) of the
/// splitter's scratch buffer.
#[derive(Clone, Copy)]
enum Span {
    Input(usize, usize),
    Scratch(usize, usize),
}

/// RFC 4180 records, split by hand.
///
/// The `csv` crate copies every field into a record buffer and validates it as UTF-8
/// again; in the browser that was the largest part of reading a file. Here an unquoted
/// field (nearly all) is a slice of the decoded text, found by a SIMD search for the
/// delimiter or a line end; only quoted fields are copied, unescaped. The rules are the
/// `csv` crate's (a test holds the two equal on every quirk file and on random text):
/// records end at LF, CRLF or CR; empty lines are no record; a quote opens a quoted field
/// only as its first character; inside one, a doubled quote is a quote and line ends are
/// text; after the closing quote the rest of the field is taken as written; a quoted field
/// left open runs to the end of the file; a UTF-8 byte order mark at the start is skipped.
/// A record's line is 1 plus the line ends (LF, CRLF or a lone CR) before it, counted in
/// quoted fields too. (The `csv` crate counts LFs only, and takes a record's position before
/// the LF of a CRLF: every record after the first of a Windows file was reported a line
/// early, and every record of a CR-only file on line 1.)
struct Records<'t> {
    text: &'t str,
    delimiter: u8,
    /// Next byte to read.
    pos: usize,
    /// Line ends before `pos`.
    newlines: u64,
    /// The fields of the last record.
    fields: Vec<Span>,
    scratch: String,
    /// Line where a quoted field opened that never closed (it runs to the end).
    unclosed_quote: Option<u64>,
}

impl<'t> Records<'t> {
    fn new(text: &'t str, delimiter: u8) -> Records<'t> {
        Records {
            text,
            delimiter,
            pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
            newlines: 0,
            fields: Vec::new(),
            scratch: String::new(),
            unclosed_quote: None,
        }
    }

    fn field(&self, span: Span) -> &str {
        match span {
            Span::Input(a, b) => &self.text[a..b],
            Span::Scratch(a, b) => &self.scratch[a..b],
        }
    }

    /// Reads the next record into `fields`; returns its line, or `None` at the end.
    fn next_record(&mut self) -> Option<u64> {
        let bytes = self.text.as_bytes();
        // Empty lines are not records.
        loop {
            match bytes.get(self.pos) {
                None => return None,
                Some(b'\n') => {
                    self.newlines += 1;
                    self.pos += 1;
                }
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) != Some(&b'\n') {
                        self.newlines += 1;
                    }
                }
                Some(_) => break,
            }
        }
        let line = self.newlines + 1;
        self.fields.clear();
        self.scratch.clear();
        loop {
            let end = if bytes.get(self.pos) == Some(&b'"') {
                self.quoted_field()
            } else {
                let (start, end) = (self.pos, self.field_end(self.pos));
                self.fields.push(Span::Input(start, end));
                end
            };
            match bytes.get(end) {
                Some(&b) if b == self.delimiter => self.pos = end + 1,
                Some(b'\n') => {
                    self.newlines += 1;
                    self.pos = end + 1;
                    return Some(line);
                }
                Some(b'\r') => {
                    self.newlines += 1;
                    self.pos = end + 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    return Some(line);
                }
                _ => {
                    self.pos = bytes.len();
                    return Some(line);
                }
            }
        }
    }

    /// Where an unquoted field (or the rest of a quoted one) starting at `from` ends: the
    /// next delimiter or line end, found by a SIMD search, or the end of the text.
    fn field_end(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        memchr::memchr3(self.delimiter, b'\n', b'\r', &bytes[from..])
            .map_or(bytes.len(), |i| from + i)
    }

    /// Reads a field that starts with a quote at `pos` into the scratch buffer; returns
    /// the position of the byte that ends it (delimiter, line end or the end of the text).
    fn quoted_field(&mut self) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.scratch.len();
        let mut pos = self.pos + 1;
        let opened = self.newlines + 1;
        // Inside the quotes.
        loop {
            match memchr::memchr(b'"', &bytes[pos..]) {
                None => {
                    self.unclosed_quote = Some(opened);
                    self.take(pos, bytes.len());
                    self.fields.push(Span::Scratch(start, self.scratch.len()));
                    return bytes.len();
                }
                Some(i) => {
                    self.take(pos, pos + i);
                    pos += i + 1;
                    if bytes.get(pos) == Some(&b'"') {
                        self.scratch.push('"');
                        pos += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        // After the closing quote, up to the end of the field, as written.
        let end = self.field_end(pos);
        self.take(pos, end);
        self.fields.push(Span::Scratch(start, self.scratch.len()));
        end
    }

    /// Appends `text[a..b]` (boundaries at ASCII bytes) to the scratch buffer, counting
    /// its line ends.
    fn take(&mut self, a: usize, b: usize) {
        let bytes = self.text.as_bytes();
        let part = &bytes[a..b];
        self.newlines += memchr::memchr2_iter(b'\n', b'\r', part)
            .filter(|&i| part[i] == b'\n' || bytes.get(a + i + 1) != Some(&b'\n'))
            .count() as u64;
        self.scratch.push_str(&self.text[a..b]);
    }
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
            && progress.report(Stage::Parse, done.min(total), total) == Control::Stop
        {
            return Err(Error::new(ErrorKind::Cancelled));
        }
    }
    let mut grid = grid.ok_or_else(|| Error::new(ErrorKind::EmptyFile))?;
    grid.finish(ragged_seen);
    Ok(grid)
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
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Records as the `csv` crate reads them (flexible, no header): (line, fields).
    fn csv_crate(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader
            .read_record(&mut record)
            .expect("UTF-8 in, UTF-8 out")
        {
            let line = record.position().map_or(0, |p| p.line());
            out.push((line, record.iter().map(str::to_string).collect()));
        }
        out
    }

    /// Records as [`Records`] reads them.
    fn by_hand(text: &str, delimiter: u8) -> Vec<(u64, Vec<String>)> {
        let mut records = Records::new(text, delimiter);
        let mut out = Vec::new();
        while let Some(line) = records.next_record() {
            let fields = records.fields.iter().map(|&f| records.field(f).to_string());
            out.push((line, fields.collect()));
        }
        out
    }

    /// The same records as the `csv` crate, on the same lines where the text has no CR and
    /// no empty line (the crate takes a record's position before the line ends it skips:
    /// see [`Records`]).
    fn assert_same(text: &str, delimiter: u8) {
        let (mine, theirs) = (by_hand(text, delimiter), csv_crate(text, delimiter));
        let fields =
            |r: &[(u64, Vec<String>)]| r.iter().map(|(_, f)| f.clone()).collect::<Vec<_>>();
        assert_eq!(
            fields(&mine),
            fields(&theirs),
            "{text:?} split at {:?}",
            delimiter as char
        );
        if !text.contains('\r') && !text.starts_with('\n') && !text.contains("\n\n") {
            assert_eq!(mine, theirs, "lines of {text:?}");
        }
    }

    #[test]
    fn lines_count_every_kind_of_line_end() {
        let text = "\na\r\nb\rc\n\r\n\"d\r\ne\"\r\nf\r\rg\n\n\"h\ri\"";
        let lines: Vec<u64> = by_hand(text, b',').iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 3, 4, 6, 8, 10, 12]);
    }

    #[test]
    fn records_equal_the_csv_crates_on_random_text() {
        // Short random texts over the characters that matter (delimiters, quotes, every
        // line end, spaces, a multi-byte character): 20,000 of them per delimiter.
        let alphabet = [
            "a", "b", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", " ", "é", "牛", "\t", "|",
        ];
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        for delimiter in [b',', b';', b'\t', b'|'] {
            for _ in 0..20_000 {
                let len = rng.random_range(0..24);
                let text: String = (0..len)
                    .map(|_| alphabet[rng.random_range(0..alphabet.len())])
                    .collect();
                assert_same(&text, delimiter);
            }
        }
    }

    #[test]
    fn records_equal_the_csv_crates_on_every_quirk_file() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/quirks");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("quirk files") {
            let path = entry.expect("an entry").path();
            let bytes = std::fs::read(&path).expect("readable");
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            for delimiter in [b',', b';', b'\t', b'|'] {
                assert_same(text, delimiter);
            }
            seen += 1;
        }
        assert!(seen >= 15, "only {seen} UTF-8 quirk files");
    }

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
        let mut stop = |_: crate::progress::Stage, _: u64, _: u64| Control::Stop;
        let err = split_delimited(&text, b',', RaggedRows::Pad, &mut stop)
            .err()
            .unwrap();
        assert_eq!(err.kind(), &ErrorKind::Cancelled);
    }
}
