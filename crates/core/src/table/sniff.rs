//! First look at raw bytes: a spreadsheet, text at all, which delimiter, a header or not.

use super::infer::{convert, infer, is_missing, DecimalMark};
use super::raw::RawCells;
use super::split::WHITESPACE;
use crate::{Error, ErrorKind, Result};

/// A spreadsheet container recognised by its magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// A ZIP archive: XLSX, XLSB or ODS (or another ZIP, refused later).
    Zip,
    /// An OLE compound file: legacy XLS.
    Ole,
}

/// The encoding [`super::read_bytes`] would use for these bytes without a label.
pub fn encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    super::decode::detect(bytes)
}

/// Whether the bytes are a spreadsheet container that [`super::read_bytes`] hands to the
/// spreadsheet reader.
pub fn container(bytes: &[u8]) -> Option<Container> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(Container::Zip)
    } else if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        Some(Container::Ole)
    } else {
        None
    }
}

/// Recognises common binary formats by their magic bytes, so a PNG renamed `.csv` gets a
/// message that says what it is.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Rejects input that is empty or clearly not text, in the encoding it would be read in.
///
/// Text never contains many control characters; a file where more than 1% of the first 8 KiB
/// are control characters other than tab, CR, LF (and the NUL bytes of UTF-16) is binary.
pub fn check_text(bytes: &[u8]) -> Result<()> {
    check_text_as(bytes, None)
}

/// [`check_text`] for bytes read in the encoding `label` names (detected when `None` or
/// not an encoding's name). UTF-16 is judged on its decoded characters: the bytes of
/// ordinary Chinese characters such as 堂 (U+5802) and 霜 (U+971C) include values below
/// 0x20 that would look like control bytes.
pub fn check_text_as(bytes: &[u8], label: Option<&str>) -> Result<()> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::EmptyFile));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Error::new(ErrorKind::NotText {
            looks_like: Some(kind.to_string()),
        }));
    }
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .unwrap_or_else(|| super::decode::detect(bytes));
    let not_text = || Err(Error::new(ErrorKind::NotText { looks_like: None }));
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        let head = &bytes[..bytes.len().min(8192) & !1];
        let (text, _) = encoding.decode_without_bom_handling(head);
        let chars = text.chars().count().max(1);
        let control = text
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C' | '\0'))
            .count();
        let nul = text.chars().filter(|&c| c == '\0').count();
        if control * 100 > chars || nul * 10 > chars {
            return not_text();
        }
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0))
        .count();
    // Stray NUL bytes are removed (and reported) after decoding; many of them mean binary.
    let nul = head.iter().filter(|&&b| b == 0).count();
    if control * 100 > head.len() || nul * 10 > head.len() {
        return not_text();
    }
    Ok(())
}

/// Picks the delimiter that splits the first lines into the most consistent number of
/// fields (more than one). Candidates: comma, semicolon, tab, pipe; then runs of spaces
/// ([`WHITESPACE`]) when none of those splits anything. Falls back to comma.
pub fn delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let mut best = (b',', 0usize);
    for candidate in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, candidate))
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        if first == 0 {
            continue;
        }
        let consistent = counts.iter().filter(|&&c| c == first).count();
        let score = consistent * 1000 + first;
        if score > best.1 {
            best = (candidate, score);
        }
    }
    if best.1 == 0 && whitespace_splits(&lines) {
        return WHITESPACE;
    }
    best.0
}

/// Whether every sample line splits on runs of spaces into the same number (> 1) of fields.
fn whitespace_splits(lines: &[&str]) -> bool {
    let mut counts = lines.iter().map(|l| l.split_whitespace().count());
    match counts.next() {
        Some(first) if first > 1 => counts.all(|c| c == first),
        _ => false,
    }
}

/// How many rows after the first one [`first_row_is_header`] looks at.
const HEADER_SAMPLE: usize = 200;

/// Whether the first row of `columns` names the columns rather than holding data.
///
/// A column whose other values share a type (number, date, boolean) votes "header" when
/// its first cell does not have that type (`qty` over numbers) and "data" when it does. With
/// no typed column, the first row is a header unless one of its cells repeats further down
/// its column (a header names a column once; a basket file repeats items).
pub(crate) fn first_row_is_header(columns: &[RawCells], mark: DecimalMark) -> bool {
    let mut header_votes = 0;
    let mut data_votes = 0;
    let mut repeats = false;
    for column in columns {
        if column.len() < 2 {
            continue;
        }
        let first = column.get(0);
        let end = column.len().min(HEADER_SAMPLE + 1);
        let body = (1..end).map(|i| column.get(i));
        let inference = infer(body.clone(), mark);
        if inference.dtype != super::DataType::Text {
            if is_missing(first) {
                continue;
            }
            let fits = convert(
                std::iter::once(first),
                1,
                inference.dtype,
                &inference.format,
            )
            .invalid
            .is_empty();
            if fits {
                data_votes += 1;
            } else {
                header_votes += 1;
            }
        } else if !is_missing(first) && body.clone().any(|c| c.trim() == first.trim()) {
            repeats = true;
        }
    }
    if header_votes > 0 {
        true
    } else if data_votes > 0 {
        false
    } else {
        !repeats
    }
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut count = 0;
    for &b in line.as_bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_renamed_csv_is_named() {
        let err = check_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::NotText {
                looks_like: Some("PNG image".into())
            }
        );
    }

    #[test]
    fn empty_is_empty() {
        assert_eq!(check_text(b"").unwrap_err().kind(), &ErrorKind::EmptyFile);
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(delimiter("\"x,y\"|b\n1|2\n"), b'|');
        assert_eq!(
            delimiter("1  19970101  1  11.77\n2 19970112 1 12.00\n"),
            WHITESPACE
        );
        assert_eq!(delimiter("one\ntwo\n"), b',');
    }

    #[test]
    fn header_or_data() {
        fn grid(rows: &[&[&str]]) -> Vec<RawCells> {
            let mut columns: Vec<RawCells> =
                (0..rows[0].len()).map(|_| RawCells::default()).collect();
            for row in rows {
                for (c, cell) in columns.iter_mut().zip(row.iter()) {
                    c.push(cell);
                }
            }
            columns
        }
        let cases: &[(&[&[&str]], bool)] = &[
            (&[&["sku", "qty"], &["A", "1"], &["B", "2"]], true),
            (&[&["1", "2.5"], &["2", "3.5"], &["3", "4"]], false),
            (
                &[&["name", "city"], &["tea", "上海"], &["cup", "北京"]],
                true,
            ),
            (
                &[&["milk", "bread"], &["bread", "eggs"], &["milk", "tea"]],
                false,
            ),
            (&[&["2020-01-01", "x"], &["2020-01-02", "y"]], false),
        ];
        for (rows, expected) in cases {
            assert_eq!(
                first_row_is_header(&grid(rows), DecimalMark::Point),
                *expected,
                "{rows:?}"
            );
        }
    }
}
