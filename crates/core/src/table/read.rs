//! Bytes to [`Table`]: decode, split records with the `csv` crate, type each column.

use super::{infer, sniff, Table};
use crate::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How to read a file. `None` fields are detected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadOptions {
    /// WHATWG encoding label (`"utf-8"`, `"gbk"`, `"utf-16le"`...); detected when `None`.
    pub encoding: Option<String>,
    /// Field delimiter byte; sniffed when `None`.
    pub delimiter: Option<u8>,
    /// Refuse inputs larger than this many bytes (`None`: no limit).
    pub max_bytes: Option<u64>,
}

/// How a source was actually read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// WHATWG name of the encoding used (for example `"UTF-8"`, `"gb18030"`).
    pub encoding: String,
    /// The delimiter used, as a string (`","`, `"\t"`).
    pub delimiter: String,
}

/// Reads delimited text into a typed table.
pub fn read_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Table> {
    if let Some(limit) = options.max_bytes {
        if bytes.len() as u64 > limit {
            return Err(Error::new(ErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit,
            }));
        }
    }
    sniff::check_text(bytes)?;
    let (text, encoding) = decode(bytes, options.encoding.as_deref())?;
    let delimiter = options.delimiter.unwrap_or_else(|| sniff::delimiter(&text));

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err(Error::new(ErrorKind::EmptyFile)),
        Some(r) => r.map_err(|e| csv_error(&e))?,
    };
    let names = clean_header(header.iter());
    let width = names.len();
    let mut rows: Vec<csv::StringRecord> = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(&e))?;
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != width {
            let line = record.position().map_or(0, |p| p.line());
            return Err(Error::new(ErrorKind::RaggedRow {
                line,
                expected: width,
                found: record.len(),
            }));
        }
        rows.push(record);
    }
    if rows.is_empty() {
        return Err(Error::new(ErrorKind::NoDataRows));
    }
    let columns = names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let cells: Vec<&str> = rows.iter().map(|r| r.get(i).unwrap_or("")).collect();
            infer::build_column(name, &cells)
        })
        .collect();
    Ok(Table::new(
        columns,
        SourceInfo {
            encoding,
            delimiter: (delimiter as char).to_string(),
        },
    ))
}

fn csv_error(e: &csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    Error::new(ErrorKind::Csv {
        line,
        detail: e.to_string(),
    })
}

/// Trims names, names empty ones `column_N`, and makes duplicates unique (`name_2`).
fn clean_header<'a>(fields: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, field) in fields.enumerate() {
        let base = match field.trim().trim_start_matches('\u{feff}').trim() {
            "" => format!("column_{}", i + 1),
            name => name.to_string(),
        };
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// Decodes bytes: an explicit label wins, then a BOM, then UTF-8 if valid, else GB18030.
fn decode<'a>(bytes: &'a [u8], label: Option<&str>) -> Result<(Cow<'a, str>, String)> {
    let encoding = match label {
        Some(label) => encoding_rs::Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            Error::invalid_parameter(
                "encoding",
                label,
                "an encoding name such as utf-8, gbk or utf-16le",
            )
        })?,
        None => match encoding_rs::Encoding::for_bom(bytes) {
            Some((enc, _)) => enc,
            None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
            None => encoding_rs::GB18030,
        },
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    if had_errors {
        let byte = first_bad_byte(bytes, used);
        return Err(Error::new(ErrorKind::Encoding {
            encoding: used.name().to_string(),
            byte,
        }));
    }
    Ok((text, used.name().to_string()))
}

fn first_bad_byte(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> u64 {
    if encoding == encoding_rs::UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to() as u64);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 2);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(_, _) => read as u64,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let err = read_bytes(b"a,b\n1,2\n3\n", &ReadOptions::default()).unwrap_err();
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
    }
}
