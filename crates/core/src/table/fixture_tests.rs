//! The reader against pandas 2.3 / openpyxl on the quirk files and real snippets under
//! `testdata/` (expected values in `testdata/fixtures/*.json`, written by
//! `tools/make_table_fixtures.py`). Where shoplens deliberately reads more than pandas
//! (detected headers, currency signs, booleans beyond TRUE/FALSE, dates), the expectation is
//! stated in the case table below.

use super::infer::{parse_boolean_forced, parse_datetime_in, parse_decimal};
use super::*;
use crate::ErrorKind;
use serde_json::Value;

const QUIRKS_JSON: &str = include_str!("../../../../testdata/fixtures/quirks.json");

macro_rules! quirk {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("../../../../testdata/quirks/", $name)) as &[u8],
        )
    };
}

const FILES: &[(&str, &[u8])] = &[
    quirk!("gbk_orders.csv"),
    quirk!("utf8_bom_crlf.csv"),
    quirk!("utf16le_bom.tsv"),
    quirk!("utf16be_bom.tsv"),
    quirk!("semicolon_decimal_comma.csv"),
    quirk!("pipe.csv"),
    quirk!("spaces.txt"),
    quirk!("quotes_doubled.csv"),
    quirk!("cr_only.csv"),
    quirk!("no_final_newline.csv"),
    quirk!("missing_tokens.csv"),
    quirk!("leading_zeros.csv"),
    quirk!("thousands_currency.csv"),
    quirk!("duplicate_empty_header.csv"),
    quirk!("headerless.csv"),
    quirk!("booleans.csv"),
    quirk!("dates.csv"),
    quirk!("ragged.csv"),
    quirk!("orders.xlsx"),
];

fn bytes_of(name: &str) -> &'static [u8] {
    FILES.iter().find(|(n, _)| *n == name).expect(name).1
}

/// Whether our cell matches pandas' value: null ↔ missing; numbers within 1e-9; strings as
/// displayed, or read with our parser when we typed the column (pandas left `¥12`,
/// `2020年2月21日`, `yes` as text).
fn cell_matches(column: &Column, row: usize, expected: &Value) -> bool {
    match expected {
        Value::Null => column.is_missing(row),
        Value::Bool(b) => column.f64(row) == Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => {
            let want = n.as_f64().unwrap_or(f64::NAN);
            column.f64(row).is_some_and(|v| (v - want).abs() < 1e-9)
        }
        Value::String(s) => match column.dtype() {
            DataType::Text => column.display(row) == *s,
            DataType::DateTime => {
                let order = column.format().date_order.unwrap_or(DateOrder::DayFirst);
                parse_datetime_in(s, order).map(|v| v as f64) == column.f64(row)
            }
            DataType::Boolean => {
                parse_boolean_forced(s).map(|b| if b { 1.0 } else { 0.0 }) == column.f64(row)
            }
            _ => parse_decimal(s)
                .is_some_and(|v| column.f64(row).is_some_and(|c| (c - v).abs() < 1e-9)),
        },
        _ => false,
    }
}

fn check_cells(name: &str, table: &Table, expected: &Value, skip_columns: &[usize]) {
    let rows = expected["cells"].as_array().unwrap();
    assert_eq!(table.n_rows(), rows.len(), "{name}: rows");
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.as_array().unwrap().iter().enumerate() {
            if skip_columns.contains(&c) {
                continue;
            }
            let column = table.column(c);
            assert!(
                cell_matches(column, r, value),
                "{name}: row {r} column {:?}: ours {:?} ({:?}), pandas {value}",
                column.name(),
                column.display(r),
                column.dtype()
            );
        }
    }
}

#[test]
fn quirk_files_match_pandas() {
    use DataType::*;
    let fixture: Value = serde_json::from_str(QUIRKS_JSON).unwrap();
    // (file, encoding, delimiter, header detected, types, names if not pandas', columns pandas
    // reads differently on purpose)
    let zh_types = [Integer, Decimal, Text, DateTime];
    let zh_names = ["订单编号", "买家实际支付金额", "收货地址", "订单付款时间"];
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        bool,
        &'a [DataType],
        Option<&'a [&'a str]>,
        &'a [usize],
    );
    let cases: &[Case] = &[
        (
            "gbk_orders.csv",
            "gb18030",
            ",",
            true,
            &zh_types,
            Some(&zh_names),
            &[],
        ),
        (
            "utf8_bom_crlf.csv",
            "UTF-8",
            ",",
            true,
            &zh_types,
            Some(&zh_names),
            &[],
        ),
        (
            "utf16le_bom.tsv",
            "UTF-16LE",
            "\t",
            true,
            &zh_types,
            Some(&zh_names),
            &[],
        ),
        (
            "utf16be_bom.tsv",
            "UTF-16BE",
            "\t",
            true,
            &zh_types,
            Some(&zh_names),
            &[],
        ),
        // pandas with thousands="." reads 21.02.2020 as the number 21022020; we read a date.
        (
            "semicolon_decimal_comma.csv",
            "UTF-8",
            ";",
            true,
            &[Text, Decimal, Integer, DateTime],
            None,
            &[3],
        ),
        (
            "pipe.csv",
            "UTF-8",
            "|",
            true,
            &[Text, Integer, Decimal],
            None,
            &[],
        ),
        (
            "spaces.txt",
            "UTF-8",
            " ",
            false,
            // CDNOW's YYYYMMDD column is dates here; pandas reads it as integers.
            &[Integer, DateTime, Integer, Decimal],
            Some(&["column_1", "column_2", "column_3", "column_4"]),
            &[1],
        ),
        (
            "quotes_doubled.csv",
            "UTF-8",
            ",",
            true,
            &[Integer, Text, Decimal],
            None,
            &[],
        ),
        (
            "cr_only.csv",
            "UTF-8",
            ",",
            true,
            &[Integer, Integer],
            None,
            &[],
        ),
        (
            "no_final_newline.csv",
            "UTF-8",
            ",",
            true,
            &[Integer, Text],
            None,
            &[],
        ),
        (
            "missing_tokens.csv",
            "UTF-8",
            ",",
            true,
            &[Integer, Decimal, Text],
            None,
            &[],
        ),
        (
            "leading_zeros.csv",
            "UTF-8",
            ",",
            true,
            &[Text, Integer],
            None,
            &[],
        ),
        (
            "thousands_currency.csv",
            "UTF-8",
            ",",
            true,
            &[Decimal, Decimal],
            None,
            &[],
        ),
        (
            "duplicate_empty_header.csv",
            "UTF-8",
            ",",
            true,
            &[Text, Text, Text, Integer],
            Some(&["name", "name_2", "column_3", "qty"]),
            &[],
        ),
        (
            "headerless.csv",
            "UTF-8",
            ",",
            false,
            &[Integer, Decimal, DateTime],
            Some(&["column_1", "column_2", "column_3"]),
            &[],
        ),
        (
            "booleans.csv",
            "UTF-8",
            ",",
            true,
            &[Boolean, Boolean, Boolean, Boolean],
            None,
            &[],
        ),
        (
            "dates.csv",
            "UTF-8",
            ",",
            true,
            &[DateTime, DateTime, DateTime, DateTime, DateTime],
            None,
            &[],
        ),
    ];
    for (name, encoding, delimiter, header, types, names, skip) in cases {
        let expected = &fixture["files"][name];
        let table = read_bytes(bytes_of(name), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(table.source().encoding, *encoding, "{name}");
        assert_eq!(table.source().delimiter, *delimiter, "{name}");
        assert_eq!(table.source().has_header, *header, "{name}");
        let ours: Vec<DataType> = table.columns().iter().map(Column::dtype).collect();
        assert_eq!(ours, *types, "{name}: types");
        let our_names: Vec<&str> = table.columns().iter().map(Column::name).collect();
        match names {
            Some(names) => assert_eq!(our_names, *names, "{name}: names"),
            None => {
                let pandas: Vec<&str> = expected["columns"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap())
                    .collect();
                assert_eq!(our_names, pandas, "{name}: names");
            }
        }
        check_cells(name, &table, expected, skip);
    }
}

#[test]
fn dates_read_as_written() {
    let t = read_bytes(bytes_of("dates.csv"), &ReadOptions::default()).unwrap();
    let shown: Vec<String> = t.columns().iter().map(|c| c.display(1)).collect();
    assert_eq!(
        shown,
        [
            "2020-03-01",
            "2020-03-01",
            "2020-03-01",
            "2010-12-01 16:05:00",
            "2020-03-01"
        ]
    );
    assert_eq!(t.column(2).format().date_order, Some(DateOrder::DayFirst));
    assert_eq!(t.column(3).format().date_order, Some(DateOrder::MonthFirst));
    let s = read_bytes(
        bytes_of("semicolon_decimal_comma.csv"),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(s.column(3).display(0), "2020-02-21");
    assert_eq!(s.column(1).format().decimal_mark, DecimalMark::Comma);
}

#[test]
fn ragged_rows_padded_or_dropped_with_lines() {
    let fixture: Value = serde_json::from_str(QUIRKS_JSON).unwrap();
    // pandas (on_bad_lines="skip") pads the short line 3 and skips the long line 4.
    let pandas = fixture["files"]["ragged.csv"]["cells"].as_array().unwrap();
    let padded = read_bytes(bytes_of("ragged.csv"), &ReadOptions::default()).unwrap();
    assert_eq!(padded.n_rows(), pandas.len() + 1);
    for (r, ours) in [(0, 0), (1, 1), (2, 3)] {
        for (c, value) in pandas[r].as_array().unwrap().iter().enumerate() {
            assert!(
                cell_matches(padded.column(c), ours, value),
                "row {r} col {c}"
            );
        }
    }
    let lines: Vec<(u64, RaggedAction)> = padded
        .warnings()
        .iter()
        .filter_map(|w| match w {
            ReadWarning::RaggedRow { line, action, .. } => Some((*line, *action)),
            _ => None,
        })
        .collect();
    assert_eq!(
        lines,
        [(3, RaggedAction::Padded), (4, RaggedAction::Truncated)]
    );
    let dropped = read_bytes(
        bytes_of("ragged.csv"),
        &ReadOptions {
            ragged: RaggedRows::Drop,
            ..ReadOptions::default()
        },
    )
    .unwrap();
    assert_eq!(dropped.n_rows(), 2);
    assert_eq!(dropped.line(1), 5);
}

#[test]
fn xlsx_sheets_dates_and_chinese_headers_match_openpyxl() {
    use DataType::*;
    let fixture: Value = serde_json::from_str(QUIRKS_JSON).unwrap();
    let sheets = &fixture["files"]["orders.xlsx"]["sheets"];
    let bytes = bytes_of("orders.xlsx");
    assert_eq!(xlsx::sheet_names(bytes).unwrap(), ["订单", "Items"]);
    let t = read_bytes(bytes, &ReadOptions::default()).unwrap();
    assert_eq!(t.source().format, "xlsx");
    assert_eq!(t.source().sheet.as_deref(), Some("订单"));
    let types: Vec<DataType> = t.columns().iter().map(Column::dtype).collect();
    assert_eq!(types, [Integer, DateTime, Decimal, Text, Boolean]);
    let names: Vec<&str> = t.columns().iter().map(Column::name).collect();
    assert_eq!(names, ["订单编号", "下单时间", "金额", "城市", "是否退款"]);
    check_cells("orders.xlsx 订单", &t, &sheets["订单"], &[]);
    let items = read_bytes(
        bytes,
        &ReadOptions {
            sheet: Some("Items".into()),
            ..ReadOptions::default()
        },
    )
    .unwrap();
    check_cells("orders.xlsx Items", &items, &sheets["Items"], &[]);
    let missing = read_bytes(
        bytes,
        &ReadOptions {
            sheet: Some("Nope".into()),
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(missing.kind(), ErrorKind::MissingColumn { .. }));
}

#[test]
fn nul_bytes_are_skipped_and_reported() {
    let t = read_bytes(b"a,b\n1,x\x00y\n2,z\n", &ReadOptions::default()).unwrap();
    assert_eq!(t.column(1).display(0), "xy");
    assert_eq!(
        t.warnings()[0],
        ReadWarning::NulBytes {
            count: 1,
            first_line: 2
        }
    );
}

#[test]
fn bad_input_gets_a_clear_error() {
    let cases: &[(&[u8], ErrorKind)] = &[
        (b"", ErrorKind::EmptyFile),
        (b"a,b,c\n", ErrorKind::NoDataRows),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            ErrorKind::NotText {
                looks_like: Some("PNG image".into()),
            },
        ),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00garbage",
            ErrorKind::NotText {
                looks_like: Some("ZIP archive".into()),
            },
        ),
    ];
    for (bytes, kind) in cases {
        assert_eq!(
            read_bytes(bytes, &ReadOptions::default())
                .unwrap_err()
                .kind(),
            kind
        );
    }
    // GBK bytes read as UTF-8: the first bad byte is named.
    let wrong = read_bytes(
        bytes_of("gbk_orders.csv"),
        &ReadOptions {
            encoding: Some("utf-8".into()),
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        wrong.kind(),
        &ErrorKind::Encoding {
            encoding: "UTF-8".into(),
            byte: 0
        }
    );
    // A date column with two forms is read, and the second form is reported by line.
    let t = read_bytes(
        b"day,qty\n2020-02-21,1\n2020-02-22,2\n23/02/2020,3\n",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(t.column(0).dtype(), DataType::DateTime);
    assert!(t.warnings().contains(&ReadWarning::MixedDateFormats {
        column: "day".into(),
        line: 4,
        value: "23/02/2020".into()
    }));
}

#[test]
fn profiles_match_pandas_and_numpy() {
    let files: &[(&str, &[u8])] = &[
        (
            include_str!("../../../../testdata/fixtures/profile_advertising.json"),
            include_bytes!("../../../../testdata/islr-advertising/Advertising.csv"),
        ),
        (
            include_str!("../../../../testdata/fixtures/profile_online_retail_first1071.json"),
            include_bytes!(
                "../../../../testdata/uci-online-retail-first1071/OnlineRetail_first1071.csv"
            ),
        ),
    ];
    for (json, bytes) in files {
        let fixture: Value = serde_json::from_str(json).unwrap();
        let table = read_bytes(bytes, &ReadOptions::default()).unwrap();
        assert_eq!(table.n_rows() as u64, fixture["rows"].as_u64().unwrap());
        for expected in fixture["columns"].as_array().unwrap() {
            let name = expected["name"].as_str().unwrap();
            let p = profile(table.column_by_name(name.trim()).unwrap());
            assert_eq!(
                p.missing as u64,
                expected["missing"].as_u64().unwrap(),
                "{name}"
            );
            assert_eq!(
                p.distinct as u64,
                expected["distinct"].as_u64().unwrap(),
                "{name}"
            );
            if let Some(min) = expected["min"].as_f64() {
                let n = p.numeric.unwrap_or_else(|| panic!("{name}: not numeric"));
                let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
                assert!(close(n.min, min), "{name} min");
                assert!(
                    close(n.max, expected["max"].as_f64().unwrap()),
                    "{name} max"
                );
                assert!(
                    close(n.mean, expected["mean"].as_f64().unwrap()),
                    "{name} mean"
                );
                assert!(
                    close(n.median, expected["median"].as_f64().unwrap()),
                    "{name} median"
                );
                let h = p.histogram.unwrap();
                let counts: Vec<u64> = expected["histogram"]["counts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_u64().unwrap())
                    .collect();
                assert_eq!(
                    h.counts.iter().map(|&c| c as u64).collect::<Vec<_>>(),
                    counts,
                    "{name}"
                );
            }
        }
        if let Some(first) = fixture["invoice_date_min"].as_str() {
            let p = profile(table.column_by_name("InvoiceDate").unwrap());
            let n = p.numeric.unwrap();
            assert_eq!(dates::format_datetime(n.min as i64), first);
            assert_eq!(
                dates::format_datetime(n.max as i64),
                fixture["invoice_date_max"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn owned_bytes_read_as_borrowed_ones() {
    // The worker hands its bytes over so they are freed before typing; the table must be
    // the same, for every quirk file and the spreadsheet.
    for (name, bytes) in FILES {
        let options = ReadOptions::default();
        let borrowed = read_bytes(bytes, &options);
        let owned = read_owned_with(bytes.to_vec(), &options, &mut crate::progress::Silent);
        match (borrowed, owned) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
            (a, b) => panic!("{name}: {:?} vs {:?}", a.is_ok(), b.is_ok()),
        }
    }
}
