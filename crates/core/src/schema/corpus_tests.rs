//! Every file of `testdata/understanding/` (written by `tools/make_understanding_corpus.py`)
//! read and understood, checked against `expected.json`, which says what each file is.

use super::*;
use crate::table::{Column, ReadWarning};
use serde_json::Value;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/understanding")
}

fn column<'t>(table: &'t Table, name: &str) -> (usize, &'t Column) {
    let i = table
        .column_index(name)
        .unwrap_or_else(|e| panic!("no column {name}: {e}"));
    (i, table.column(i))
}

fn warning_kind(w: &ReadWarning) -> String {
    serde_json::to_value(w).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Checks one file; returns the problems found.
fn check(name: &str, expected: &Value) -> Vec<String> {
    let bytes = std::fs::read(dir().join(name)).unwrap();
    let problems = std::cell::RefCell::new(Vec::new());
    let expect = |what: &str, ours: Value, theirs: &Value| {
        if ours != *theirs {
            problems
                .borrow_mut()
                .push(format!("{name}: {what}: ours {ours}, expected {theirs}"));
        }
    };
    let understood = match understand_bytes(&bytes, &ReadOptions::default()) {
        Ok(u) => u,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    let u = &understood.understanding;
    if let Some(shape) = expected.get("shape") {
        expect("shape", Value::from(u.shape.as_str()), shape);
    }
    if let Some(f) = expected.get("frequency") {
        expect("frequency", Value::from(u.frequency.map(|f| f.as_str())), f);
    }
    let Some(table) = &understood.table else {
        return problems.into_inner();
    };
    let name_of = |i: usize| Value::from(table.column(i).name());
    let names = |list: &[usize]| Value::from(list.iter().map(|&i| name_of(i)).collect::<Vec<_>>());
    for (key, value) in expected.as_object().unwrap() {
        match key.as_str() {
            "rows" => expect("rows", Value::from(table.n_rows()), value),
            "encoding" => expect(
                "encoding",
                Value::from(table.source().encoding.as_str()),
                value,
            ),
            "delimiter" => expect(
                "delimiter",
                Value::from(table.source().delimiter.as_str()),
                value,
            ),
            "roles" => {
                for (col, role) in value.as_object().unwrap() {
                    let (i, _) = column(table, col);
                    expect(
                        &format!("role of {col}"),
                        Value::from(u.columns[i].role.as_str()),
                        role,
                    );
                }
            }
            "types" => {
                for (col, dtype) in value.as_object().unwrap() {
                    let (_, c) = column(table, col);
                    expect(
                        &format!("type of {col}"),
                        Value::from(c.dtype().as_str()),
                        dtype,
                    );
                }
            }
            "pii" => {
                for (col, kind) in value.as_object().unwrap() {
                    let (i, _) = column(table, col);
                    expect(
                        &format!("pii of {col}"),
                        serde_json::to_value(u.columns[i].pii).unwrap(),
                        kind,
                    );
                }
            }
            "placeholders" => {
                for (col, pair) in value.as_object().unwrap() {
                    let (i, _) = column(table, col);
                    let ours = u.columns[i].placeholders.first().map(|p| {
                        Value::from(vec![Value::from(p.value.as_str()), Value::from(p.count)])
                    });
                    expect(
                        &format!("placeholders of {col}"),
                        ours.unwrap_or(Value::Null),
                        pair,
                    );
                }
            }
            "basket_columns" => expect("basket columns", names(&u.suggested.basket_columns), value),
            "item_column" => expect(
                "item column",
                Value::from(u.suggested.item_column.map(name_of)),
                value,
            ),
            "value_column" => expect(
                "value column",
                Value::from(u.suggested.value_column.map(name_of)),
                value,
            ),
            "date_column" => expect(
                "date column",
                Value::from(u.suggested.date_column.map(name_of)),
                value,
            ),
            "matrix_id_column" => expect(
                "matrix id",
                Value::from(u.suggested.matrix_id_column.map(name_of)),
                value,
            ),
            "target" => expect(
                "target",
                Value::from(u.suggested.targets.first().map(|t| name_of(t.column))),
                value,
            ),
            "target_task" => expect(
                "target task",
                serde_json::to_value(u.suggested.targets.first().map(|t| t.task)).unwrap(),
                value,
            ),
            "features_exclude" => {
                for col in value.as_array().unwrap() {
                    let (i, _) = column(table, col.as_str().unwrap());
                    if u.suggested.features.contains(&i) {
                        problems
                            .borrow_mut()
                            .push(format!("{name}: {col} is a feature"));
                    }
                }
            }
            "empty_rows" => {
                let ours = u.shape_evidence.iter().find_map(|e| match e {
                    Evidence::EmptyRows { count } => Some(*count),
                    _ => None,
                });
                expect("empty rows", Value::from(ours), value);
            }
            "date_order" | "date_order_from_data" => {
                let reading = u.columns.iter().find_map(|c| c.dates);
                let ours = match key.as_str() {
                    "date_order" => serde_json::to_value(reading.and_then(|d| d.order)).unwrap(),
                    _ => Value::from(reading.map(|d| d.order_from_data)),
                };
                expect(key, ours, value);
            }
            "warnings" => {
                for kind in value.as_array().unwrap() {
                    if !table.warnings().iter().any(|w| warning_kind(w) == *kind) {
                        problems.borrow_mut().push(format!(
                            "{name}: no {kind} warning in {:?}",
                            table.warnings()
                        ));
                    }
                }
            }
            "unclosed_quote_line" => {
                let ours = table.warnings().iter().find_map(|w| match w {
                    ReadWarning::UnclosedQuote { line, .. } => Some(*line),
                    _ => None,
                });
                expect("unclosed quote line", Value::from(ours), value);
            }
            "bad_cells" => {
                for (col, cells) in value.as_object().unwrap() {
                    let ours = table.warnings().iter().find_map(|w| match w {
                        ReadWarning::BadCells { column, cells, .. } if column == col => {
                            Some(serde_json::to_value(cells).unwrap())
                        }
                        _ => None,
                    });
                    expect(
                        &format!("bad cells of {col}"),
                        ours.unwrap_or(Value::Null),
                        cells,
                    );
                }
            }
            "first_values" => {
                for (col, v) in value.as_object().unwrap() {
                    let (_, c) = column(table, col);
                    expect(
                        &format!("first value of {col}"),
                        Value::from(c.display(0)),
                        v,
                    );
                }
            }
            "values" => {
                for (col, pair) in value.as_object().unwrap() {
                    let (_, c) = column(table, col);
                    let row = pair[0].as_u64().unwrap() as usize;
                    expect(
                        &format!("value of {col} at {row}"),
                        Value::from(c.display(row)),
                        &pair[1],
                    );
                }
            }
            "shape" | "frequency" => {}
            other => problems
                .borrow_mut()
                .push(format!("{name}: unknown expectation {other}")),
        }
    }
    problems.into_inner()
}

#[test]
fn every_corpus_file_is_understood_as_expected() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap())
            .unwrap();
    let files = expected.as_object().unwrap();
    assert!(files.len() >= 40, "only {} files", files.len());
    let problems: Vec<String> = files.iter().flat_map(|(name, e)| check(name, e)).collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
