//! Regression tests for files that were refused or misread, each named for what broke.

use super::{read_bytes, DataType, ReadOptions, ReadWarning, Table};
use crate::ErrorKind;

fn read(bytes: &[u8]) -> Table {
    read_bytes(bytes, &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend(if big_endian {
            [0xFE, 0xFF]
        } else {
            [0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

/// Excel's "Unicode Text" export (UTF-16, tab-separated) with Chinese names was refused as
/// binary: 堂 (U+5802) and 霜 (U+971C) hold bytes below 0x20.
#[test]
fn utf16_with_chinese_names_is_text_in_every_byte_order() {
    let text = "商品\t数量\r\n自然堂面霜\t1\r\n百雀羚水\t2\r\n";
    for big_endian in [false, true] {
        for bom in [true, false] {
            let t = read(&utf16(text, big_endian, bom));
            let expected = if big_endian { "UTF-16BE" } else { "UTF-16LE" };
            assert_eq!(t.source().encoding, expected, "BOM {bom}");
            assert_eq!(t.column(0).name(), "商品");
            assert_eq!(t.column(0).display(0), "自然堂面霜");
            assert_eq!(t.column(1).dtype(), DataType::Integer);
        }
    }
}

/// `--encoding utf-16le` on a BOM-less file was refused as binary too.
#[test]
fn utf16le_named_by_the_user_reads() {
    let bytes = utf16("商品,数量\r\n自然堂面霜,1\r\n", false, false);
    let options = ReadOptions {
        encoding: Some("utf-16le".into()),
        ..ReadOptions::default()
    };
    let t = read_bytes(&bytes, &options).unwrap();
    assert_eq!(t.column(0).display(0), "自然堂面霜");
}

/// Binary data is still refused.
#[test]
fn binary_is_still_not_text() {
    let bytes: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 256) as u8).collect();
    assert!(matches!(
        read_bytes(&bytes, &ReadOptions::default())
            .unwrap_err()
            .kind(),
        ErrorKind::NotText { .. } | ErrorKind::Encoding { .. }
    ));
}

/// A GBK export with UTF-8 rows appended was read as GB18030 and 咖啡 became 鍜栧暋.
#[test]
fn mixed_utf8_and_gbk_lines_are_each_read_right_and_reported() {
    let mut bytes = encoding_rs::GBK
        .encode("商品,数量\n奶茶,1\n")
        .0
        .into_owned();
    bytes.extend("咖啡,2\n".as_bytes());
    bytes.extend(encoding_rs::GBK.encode("蛋糕,3\n").0.iter());
    let t = read(&bytes);
    let names: Vec<String> = (0..3).map(|r| t.column(0).display(r)).collect();
    assert_eq!(names, ["奶茶", "咖啡", "蛋糕"]);
    assert_eq!(
        t.warnings()[0],
        ReadWarning::MixedEncodings {
            utf8_count: 1,
            utf8_lines: vec![3],
            gb18030_count: 3,
            gb18030_lines: vec![1, 2, 4],
        }
    );
}

/// An unclosed quote swallowed the rest of the file with only a "padded" warning.
#[test]
fn unclosed_quote_is_reported_at_the_line_it_opened() {
    let t = read(b"item,qty\ntea,1\n\"cup,2\npot,3\nmug,4\n");
    assert!(
        t.warnings().contains(&ReadWarning::UnclosedQuote {
            line: 3,
            last_line: 6
        }),
        "{:?}",
        t.warnings()
    );
}

/// One `abc` in an amount column turned it to text, and the error blamed line 2's "10".
#[test]
fn one_bad_cell_keeps_a_number_column_and_names_that_cell() {
    let mut csv = String::from("order,amount\n");
    for i in 0..12 {
        let amount = if i == 2 {
            "abc".to_string()
        } else {
            format!("{}", 10 + i)
        };
        csv.push_str(&format!("{i},{amount}\n"));
    }
    let t = read(csv.as_bytes());
    let amount = t.column(1);
    assert_eq!(amount.dtype(), DataType::Integer);
    assert_eq!(amount.invalid_rows(), [2]);
    assert_eq!(amount.display(2), "abc");
    assert_eq!(
        t.warnings(),
        [ReadWarning::BadCells {
            column: "amount".into(),
            dtype: DataType::Integer,
            count: 1,
            cells: vec![(4, "abc".into())],
        }]
    );
    // Codes with digits are not numbers with a bad cell: invoices C536379 stay text.
    let mut codes = String::from("invoice\n");
    for i in 0..30 {
        codes.push_str(&format!(
            "{}{}\n",
            if i == 7 { "C" } else { "" },
            536_365 + i
        ));
    }
    assert_eq!(read(codes.as_bytes()).column(0).dtype(), DataType::Text);
    // Mostly words: text.
    let t = read(b"x\n1\nabc\ndef\n2\n");
    assert_eq!(t.column(0).dtype(), DataType::Text);
}

/// `19970101` in a CDNOW-style whitespace file was "not a valid date"; plain integers must
/// not become dates.
#[test]
fn compact_dates_read_only_when_the_whole_column_is_dates() {
    let t = read(b"00001 19970101 1 11.77\n00002 19970112 1 12.00\n00002 19970112 5 77.00\n");
    assert_eq!(t.column(1).dtype(), DataType::DateTime);
    assert_eq!(t.column(1).display(1), "1997-01-12");
    let t = read(b"sku,sales\n1,19970101\n2,20231301\n3,5\n");
    assert_eq!(t.column(1).dtype(), DataType::Integer);
}

/// `1987 Jan`, `Jan-1987`, `1992 Q1`, `2020年2月` and `2020年第1季度` were refused as dates.
#[test]
fn months_and_quarters_read_as_their_first_day() {
    let cases: &[(&str, &str)] = &[
        ("1987 Jan\n1987 Feb\n", "1987-02-01"),
        ("Jan-1987\nFeb-1987\n", "1987-02-01"),
        ("1992 Q1\n1992 Q2\n", "1992-04-01"),
        ("2020年2月\n2020年3月\n", "2020-03-01"),
        ("2020年第1季度\n2020年第2季度\n", "2020-04-01"),
    ];
    for (body, second) in cases {
        let t = read(format!("period,sales\n{}", body.replace('\n', ",5\n")).as_bytes());
        assert_eq!(t.column(0).dtype(), DataType::DateTime, "{body}");
        assert_eq!(t.column(0).display(1), *second, "{body}");
    }
}

/// There was no way to name a date format: `02/01/2020` could only be guessed month-first.
#[test]
fn a_named_date_format_overrides_the_guess() {
    let csv = b"day,qty\n02/01/2020,1\n03/01/2020,2\n";
    assert_eq!(read(csv).column(0).display(0), "2020-02-01");
    let options = ReadOptions {
        date_format: Some("%d/%m/%Y".into()),
        ..ReadOptions::default()
    };
    let t = read_bytes(csv, &options).unwrap();
    assert_eq!(t.column(0).display(0), "2020-01-02");
    assert_eq!(t.column(1).dtype(), DataType::Integer);
    let bad = ReadOptions {
        date_format: Some("%d/%m".into()),
        ..ReadOptions::default()
    };
    assert!(matches!(
        read_bytes(csv, &bad).unwrap_err().kind(),
        ErrorKind::InvalidParameter { .. }
    ));
}
