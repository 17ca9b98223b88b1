//! First look at raw bytes: is it text at all, which encoding, which delimiter.

use crate::{Error, ErrorKind, Result};

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

/// Rejects input that is empty or clearly not text.
///
/// Text never contains many control bytes; a file where more than 1% of the first 8 KiB are
/// control characters other than tab, CR, LF (and the NUL bytes of UTF-16) is binary.
pub fn check_text(bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::EmptyFile));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Error::new(ErrorKind::NotText {
            looks_like: Some(kind.to_string()),
        }));
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C) && !(utf16 && b == 0))
        .count();
    if control * 100 > head.len() {
        return Err(Error::new(ErrorKind::NotText { looks_like: None }));
    }
    Ok(())
}

/// Picks the delimiter that splits the first lines into the most consistent number of
/// fields (more than one). Candidates: comma, semicolon, tab, pipe. Falls back to comma.
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
    best.0
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
    }
}
