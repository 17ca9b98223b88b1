//! `shoplens inspect` says what a file is (shape, roles, personal data), reads UTF-16 and
//! named date formats, and ends quietly when its reader closes the pipe.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn shoplens() -> Command {
    Command::new(env!("CARGO_BIN_EXE_shoplens"))
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shoplens-understanding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn inspect_json(path: &std::path::Path, extra: &[&str]) -> Value {
    let out = shoplens()
        .arg("inspect")
        .arg(path)
        .arg("--json")
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `shoplens inspect f.csv | head -0` panicked with exit code 101.
#[test]
fn a_closed_pipe_ends_quietly_with_exit_zero() {
    let mut csv = String::from("InvoiceNo,Description,Quantity\n");
    for i in 0..20_000 {
        csv.push_str(&format!("{},item {},{}\n", i / 3, i % 50, i % 7 + 1));
    }
    let path = temp_file("pipe.csv", csv.as_bytes());
    for json in [false, true] {
        let mut child = shoplens()
            .arg("inspect")
            .arg(&path)
            .args(if json { &["--json"][..] } else { &[][..] })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before the program writes.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Excel "Unicode Text" with Chinese names was refused, even with `--encoding utf-16le`.
#[test]
fn utf16_unicode_text_reads_with_or_without_the_encoding_named() {
    let text = "商品\t数量\r\n自然堂面霜\t1\r\n百雀羚水\t2\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.write_all(&unit.to_le_bytes()).unwrap();
    }
    let path = temp_file("unicode.txt", &bytes);
    for extra in [&[][..], &["--encoding", "utf-16le"][..]] {
        let v = inspect_json(&path, extra);
        assert_eq!(v["rows"], 2);
        assert_eq!(v["columns"][0]["name"], "商品");
    }
}

#[test]
fn inspect_json_has_shape_roles_and_pii() {
    let csv = "rownames,customerID,PhoneService,手机号,MonthlyCharges,Churn\n\
        1,7590-VHVEG,No,13812345678,29.85,No\n2,5575-GNVDE,Yes,13912345678,56.95,No\n\
        3,3668-QPYBK,Yes,13712345678,53.85,Yes\n4,7795-CFOCW,No,13612345678,42.30,No\n\
        5,9237-HQITU,Yes,13512345678,70.70,Yes\n";
    let v = inspect_json(&temp_file("telco.csv", csv.as_bytes()), &[]);
    assert_eq!(v["shape"], "table");
    assert_eq!(v["frequency"], Value::Null);
    let roles: Vec<&str> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        [
            "identifier",
            "customer",
            "category",
            "identifier",
            "amount",
            "target"
        ]
    );
    let pii: Vec<Value> = v["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["pii"].clone())
        .collect();
    assert_eq!(pii[2], Value::Null, "PhoneService Yes/No is not a phone");
    assert_eq!(pii[3], "phone");
    assert_eq!(pii[0], Value::Null);
}

#[test]
fn inspect_names_time_series_frequency_and_non_tables() {
    let mut csv = String::from("Month,Sales\n");
    for m in 1..=12 {
        csv.push_str(&format!("2020年{m}月,{}\n", 100 + m));
    }
    let v = inspect_json(&temp_file("monthly.csv", csv.as_bytes()), &[]);
    assert_eq!(v["shape"], "time_series");
    assert_eq!(v["frequency"], "monthly");
    assert_eq!(v["suggested"]["value_column"], 1);
    let tsp = "NAME: kroA100\nTYPE: TSP\nDIMENSION: 2\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nEOF\n";
    let v = inspect_json(&temp_file("a.tsp", tsp.as_bytes()), &[]);
    assert_eq!(v["shape"], "route_instance");
    let v = inspect_json(&temp_file("b.dat", b"1 2 3\n4 5\n1 4 6 7\n"), &[]);
    assert_eq!(v["shape"], "basket_lines");
}

/// `--date-format` reads what detection could only guess.
#[test]
fn date_format_flag_overrides_detection() {
    let path = temp_file(
        "dates.csv",
        b"day,qty\n02/01/2020,1\n03/01/2020,2\n04/01/2020,3\n05/01/2020,1\n",
    );
    let v = inspect_json(&path, &["--date-format", "%d/%m/%Y"]);
    assert_eq!(v["frequency"], "daily");
    let v = inspect_json(&path, &[]);
    assert_eq!(v["frequency"], "monthly");
}
