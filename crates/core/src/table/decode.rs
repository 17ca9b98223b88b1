//! Bytes to text: an explicit encoding wins, then a byte-order mark, then UTF-16 recognised
//! by its zero bytes, then UTF-8 if the bytes are valid UTF-8, else GB18030 (the superset of
//! GBK that Chinese Excel and Taobao/Tmall/JD back-ends write). Encodings are named by their
//! WHATWG names (`encoding_rs`): `"UTF-8"`, `"gb18030"`, `"UTF-16LE"`, `"UTF-16BE"`.
//!
//! NUL bytes inside text (left by some exporters) are removed and reported, not fatal.

use super::warning::ReadWarning;
use crate::{Error, ErrorKind, Result};
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Decoded text, the encoding used and any NUL-byte warning.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) encoding: &'static Encoding,
    pub(crate) warning: Option<ReadWarning>,
}

/// Decodes `bytes` with the encoding named by `label`, or the detected one.
pub(crate) fn decode<'a>(bytes: &'a [u8], label: Option<&str>) -> Result<Decoded<'a>> {
    let encoding = match label {
        Some(label) => Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            Error::invalid_parameter(
                "encoding",
                label,
                "an encoding name such as utf-8, gbk, gb18030, utf-16le or utf-16be",
            )
        })?,
        None => detect(bytes),
    };
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
        warning,
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
        encoding_rs::GB18030
    }
}

/// ASCII-heavy UTF-16 has a zero in every other byte: odd positions for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 > pairs * 4 && zero_even * 20 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if zero_even * 10 > pairs * 4 && zero_odd * 20 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
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
            d.warning,
            Some(ReadWarning::NulBytes {
                count: 1,
                first_line: 2
            })
        );
    }
}
