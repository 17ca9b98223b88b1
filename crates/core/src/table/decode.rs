//! Bytes to text: an explicit encoding wins, then a byte-order mark, then UTF-16 recognised
//! by its zero bytes, then UTF-8 if the bytes are valid UTF-8. Other bytes are a legacy
//! encoding, which `chardetng` (Firefox's detector) guesses from the head of the file:
//! GB18030 (the superset of GBK that Chinese Excel and Taobao/Tmall/JD back-ends write) for
//! simplified Chinese, Big5 for traditional Chinese, Shift_JIS or EUC-JP for Japanese,
//! EUC-KR for Korean, windows-1252 and its siblings for European shops. Encodings are named
//! by their WHATWG names (`encoding_rs`): `"UTF-8"`, `"gb18030"`, `"Big5"`, `"Shift_JIS"`,
//! `"windows-1252"`, `"UTF-16LE"`, `"UTF-16BE"`.
//!
//! NUL bytes inside text (left by some exporters) are removed and reported, not fatal.
//!
//! A file that is not valid UTF-8 but has some lines that are (rows appended by another
//! tool to a GBK export) is read line by line: each line that is valid UTF-8 and has
//! non-ASCII characters as UTF-8, the others as GB18030, and the lines of each kind are
//! reported ([`ReadWarning::MixedEncodings`]), so neither part is silently garbled.

use super::warning::ReadWarning;
use crate::{Allowed, Error, ErrorKind, Result};
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Decoded text, the encoding used and any NUL-byte warning.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) encoding: &'static Encoding,
    pub(crate) warnings: Vec<ReadWarning>,
}

/// Decodes `bytes` with the encoding named by `label`, or the detected one.
pub(crate) fn decode<'a>(bytes: &'a [u8], label: Option<&str>) -> Result<Decoded<'a>> {
    let encoding = match label {
        Some(label) => Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| Error::invalid_parameter("encoding", label, Allowed::EncodingName))?,
        None => detect(bytes),
    };
    if label.is_none() && encoding == encoding_rs::GB18030 {
        if let Some(mixed) = decode_mixed(bytes) {
            return Ok(mixed);
        }
    }
    // `decode_without_bom_handling` keeps the user's choice; a BOM, if any, is removed here.
    let body = match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) if bom_encoding == encoding => &bytes[len..],
        _ => bytes,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let offset = (bytes.len() - body.len()) as u64;
        return Err(Error::new(ErrorKind::Encoding {
            encoding: encoding.name().to_string(),
            byte: offset + first_bad_byte(body, encoding),
        }));
    }
    let (text, warning) = strip_nul(text);
    Ok(Decoded {
        text,
        encoding,
        warnings: warning.into_iter().collect(),
    })
}

/// How many line numbers of each kind a mixed-encoding warning lists.
const LISTED_LINES: usize = 20;

/// Reads bytes that mix UTF-8 lines with GB18030 lines, each line in its own encoding, or
/// `None` when no line is UTF-8 with non-ASCII characters (plain GB18030) or a line is
/// neither.
fn decode_mixed(bytes: &[u8]) -> Option<Decoded<'static>> {
    // A first pass without copying: plain GBK files (nearly all) stop here.
    let utf8_line = |line: &[u8]| !line.is_ascii() && std::str::from_utf8(line).is_ok();
    if !bytes.split(|&b| b == b'\n').any(utf8_line) {
        return None;
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let (mut utf8_lines, mut gb_lines) = (Vec::new(), Vec::new());
    let (mut utf8_count, mut gb_count) = (0usize, 0usize);
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let number = i as u64 + 1;
        if line.is_ascii() {
            // ASCII is the same in both.
            text.push_str(std::str::from_utf8(line).ok()?);
        } else if let Ok(utf8) = std::str::from_utf8(line) {
            text.push_str(utf8.trim_start_matches('\u{feff}'));
            utf8_count += 1;
            if utf8_lines.len() < LISTED_LINES {
                utf8_lines.push(number);
            }
        } else {
            let (decoded, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(line);
            if had_errors {
                return None;
            }
            text.push_str(&decoded);
            gb_count += 1;
            if gb_lines.len() < LISTED_LINES {
                gb_lines.push(number);
            }
        }
    }
    if utf8_count == 0 || gb_count == 0 {
        return None;
    }
    let (text, nul) = strip_nul(Cow::Owned(text));
    let mut warnings = vec![ReadWarning::MixedEncodings {
        utf8_count,
        utf8_lines,
        gb18030_count: gb_count,
        gb18030_lines: gb_lines,
    }];
    warnings.extend(nul);
    Some(Decoded {
        text: Cow::Owned(text.into_owned()),
        encoding: encoding_rs::GB18030,
        warnings,
    })
}

/// Guesses the encoding of bytes without a label.
pub(crate) fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        encoding_rs::UTF_8
    } else {
        legacy(bytes)
    }
}

/// Bytes of the head given to the detector: enough non-ASCII text to decide, quick on any
/// file.
const DETECTOR_HEAD: usize = 1 << 20;

/// The legacy encoding of bytes that are not UTF-8. GBK, the detector's name for
/// simplified Chinese, is read as its superset GB18030.
fn legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(DETECTOR_HEAD)];
    detector.feed(head, head.len() == bytes.len());
    match detector.guess(None, chardetng::Utf8Detection::Deny) {
        e if e == encoding_rs::GBK => encoding_rs::GB18030,
        e => e,
    }
}

/// UTF-16 without a byte-order mark, recognised by its zero bytes: ASCII-heavy text has a
/// zero in every other byte (odd positions for little-endian); text that is mostly Chinese
/// still has one at every line end, tab and digit, and always at the same parity, which
/// single-byte and UTF-8 text never has. The second case is confirmed by decoding the head:
/// it must decode cleanly and contain a line end.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if head.len() >= 8 && zero_odd * 10 > pairs * 4 && zero_even * 20 < pairs {
        return Some(encoding_rs::UTF_16LE);
    }
    if head.len() >= 8 && zero_even * 10 > pairs * 4 && zero_odd * 20 < pairs {
        return Some(encoding_rs::UTF_16BE);
    }
    let candidates = [
        (encoding_rs::UTF_16LE, zero_odd, zero_even),
        (encoding_rs::UTF_16BE, zero_even, zero_odd),
    ];
    candidates
        .into_iter()
        .find(|&(encoding, right, wrong)| {
            right >= 2 && wrong * 20 <= right && decodes_as_lines(head, encoding)
        })
        .map(|(encoding, _, _)| encoding)
}

/// Whether `head` decodes in `encoding` without error (a character cut at the end is
/// fine) to text with a line end and almost no control characters.
fn decodes_as_lines(head: &[u8], encoding: &'static Encoding) -> bool {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(head.len() * 2);
    let (result, _) = decoder.decode_to_string_without_replacement(head, &mut text, false);
    if !matches!(result, encoding_rs::DecoderResult::InputEmpty) {
        return false;
    }
    let chars = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .count();
    text.contains(['\n', '\r']) && control * 100 < chars
}

fn first_bad_byte(bytes: &[u8], encoding: &'static Encoding) -> u64 {
    if encoding == encoding_rs::UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to() as u64);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, _) => read.saturating_sub(bad as usize) as u64,
        _ => 0,
    }
}

fn strip_nul(text: Cow<'_, str>) -> (Cow<'_, str>, Option<ReadWarning>) {
    let Some(first) = text.find('\0') else {
        return (text, None);
    };
    let first_line = 1 + text[..first].bytes().filter(|&b| b == b'\n').count() as u64;
    let count = text.bytes().filter(|&b| b == 0).count();
    let cleaned: String = text.chars().filter(|&c| c != '\0').collect();
    (
        Cow::Owned(cleaned),
        Some(ReadWarning::NulBytes { count, first_line }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_and_names() {
        let (gbk, _, _) = encoding_rs::GBK.encode("订单编号,总金额\n");
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (b"a,b\n".to_vec(), "UTF-8"),
            (b"\xef\xbb\xbfa,b\n".to_vec(), "UTF-8"),
            (gbk.into_owned(), "gb18030"),
            (b"\xff\xfea\0,\0b\0\n\0".to_vec(), "UTF-16LE"),
            (b"\xfe\xff\0a\0,\0b\0\n".to_vec(), "UTF-16BE"),
            (b"a\0,\0b\0\n\0c\0,\0d\0\n\0".to_vec(), "UTF-16LE"),
        ];
        for (bytes, name) in cases {
            let decoded = decode(&bytes, None).unwrap();
            assert_eq!(decoded.encoding.name(), name);
            assert!(decoded.text.starts_with('a') || decoded.text.starts_with('订'));
        }
    }

    /// Exports from Taiwan, Japan and European shops are read in their own encodings,
    /// never as GB18030 (which would garble them silently or refuse them).
    #[test]
    fn legacy_encodings_of_other_countries() {
        let cases: [(&'static Encoding, &str, &str); 4] = [
            (
                encoding_rs::BIG5,
                "訂單編號,商品名稱,數量,單價\n",
                "T001,無線藍牙耳機,2,1290\nT002,保溫杯,1,450\n",
            ),
            (
                encoding_rs::SHIFT_JIS,
                "注文番号,商品名,数量,単価\n",
                "J001,緑茶ティーバッグ,3,580\nJ002,ほうじ茶,1,720\n",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "Order,Item,Qty,Price\n",
                "1,Café crème,2,£3.50\n2,Crêpe,1,£4.20\n3,Thé,1,£2.10\n",
            ),
            (
                encoding_rs::GB18030,
                "订单编号,商品名称,数量\n",
                "1,自然堂面霜,1\n2,百雀羚水,2\n",
            ),
        ];
        for (encoding, header, rows) in cases {
            let text = format!("{header}{}", rows.repeat(5));
            let (bytes, _, unmappable) = encoding.encode(&text);
            assert!(!unmappable);
            let decoded = decode(&bytes, None).unwrap();
            assert_eq!(decoded.encoding, encoding, "{header}");
            assert_eq!(decoded.text, text);
        }
    }

    #[test]
    fn wrong_encoding_names_the_byte() {
        let (gbk, _, _) = encoding_rs::GBK.encode("ab,订单\n");
        let err = decode(&gbk, Some("utf-8")).err().unwrap();
        assert_eq!(
            err.kind(),
            &ErrorKind::Encoding {
                encoding: "UTF-8".into(),
                byte: 3
            }
        );
        assert!(decode(b"a", Some("klingon")).is_err());
    }

    #[test]
    fn nul_bytes_removed_and_reported() {
        let d = decode(b"a,b\n1,x\0y\n", None).unwrap();
        assert_eq!(d.text, "a,b\n1,xy\n");
        assert_eq!(
            d.warnings,
            [ReadWarning::NulBytes {
                count: 1,
                first_line: 2
            }]
        );
    }
}
