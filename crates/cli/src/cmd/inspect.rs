//! `shoplens inspect FILE [--json] [--encoding E] [--delimiter D] [--sheet NAME]
//! [--date-format F]`: what is in a file — its shape, rows, columns, types, each column's
//! role and personal data with the reasons, missing and distinct counts, numeric ranges,
//! and what the reader repaired.

use crate::output::{in_file, print_json, read_file, CliError};
use crate::read_args::ReadArgs;
use serde_json::{json, Map, Value};
use shoplens_core::schema::{understand_bytes, Understanding};
use shoplens_core::table::{profile, Table, WHITESPACE};
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `inspect`.
#[derive(clap::Args)]
pub struct Args {
    /// The file to read (CSV or other delimited text, XLSX, XLS, ODS, FIMI .dat, TSPLIB).
    file: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    read: ReadArgs,
}

/// Parses a `--delimiter` value.
pub fn parse_delimiter(text: &str) -> Result<u8, CliError> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "space" | "spaces" | " " => Ok(WHITESPACE),
        "comma" => Ok(b','),
        "semicolon" => Ok(b';'),
        "pipe" => Ok(b'|'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        t => Err(format!(
            "--delimiter {t:?}: expected one ASCII character, or tab, space, comma, semicolon, pipe"
        )),
    }
}

/// Reads the file and prints its shape, column types and roles.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let options = args.read.options()?;
    let understood = understand_bytes(&bytes, &options).map_err(in_file(&args.file))?;
    let u = &understood.understanding;
    match (&understood.table, args.json) {
        (Some(table), true) => print_json(&table_json(table, u)),
        (Some(table), false) => print_table(&args.file, table, u),
        (None, true) => print_json(&json!({
            "shape": u.shape.as_str(),
            "frequency": null,
            "shape_evidence": u.shape_evidence,
            "reasons": reasons(&u.shape_evidence, Lang::En),
            "columns": [],
        })),
        (None, false) => println!(
            "{}: {} ({})",
            args.file.display(),
            u.shape.label(Lang::En),
            reasons(&u.shape_evidence, Lang::En).join("; ")
        ),
    }
    Ok(())
}

fn reasons(evidence: &[shoplens_core::schema::Evidence], lang: Lang) -> Vec<String> {
    evidence.iter().map(|e| e.message(lang)).collect()
}

fn table_json(table: &Table, u: &Understanding) -> Value {
    let columns: Vec<Value> = table
        .columns()
        .iter()
        .zip(&u.columns)
        .map(|(column, cu)| {
            let p = profile(column);
            let mut c = Map::new();
            c.insert("name".into(), json!(p.name));
            c.insert("type".into(), json!(p.dtype.as_str()));
            c.insert("role".into(), json!(cu.role.as_str()));
            c.insert("pii".into(), json!(cu.pii));
            c.insert("missing".into(), json!(p.missing));
            c.insert("invalid".into(), json!(p.invalid));
            c.insert("distinct".into(), json!(p.distinct));
            if p.dtype.is_numeric() {
                if let Some(n) = &p.numeric {
                    c.insert("min".into(), json!(n.min));
                    c.insert("max".into(), json!(n.max));
                    c.insert("mean".into(), json!(n.mean));
                }
            }
            c.insert("evidence".into(), json!(cu.evidence));
            c.insert("reasons".into(), json!(reasons(&cu.evidence, Lang::En)));
            if !cu.placeholders.is_empty() {
                c.insert("placeholders".into(), json!(cu.placeholders));
            }
            if let Some(dates) = &cu.dates {
                c.insert("dates".into(), json!(dates));
            }
            Value::Object(c)
        })
        .collect();
    let warnings: Vec<String> = table
        .warnings()
        .iter()
        .map(|w| w.message(Lang::En))
        .collect();
    let mut out = json!({
        "rows": table.n_rows(),
        "shape": u.shape.as_str(),
        "frequency": u.frequency.map(|f| f.as_str()),
        "shape_evidence": u.shape_evidence,
        "columns": columns,
        "suggested": u.suggested,
        "encoding": table.source().encoding,
        "delimiter": table.source().delimiter,
    });
    if let Value::Object(map) = &mut out {
        map.insert("format".into(), json!(table.source().format));
        if let Some(sheet) = &table.source().sheet {
            map.insert("sheet".into(), json!(sheet));
            map.insert("sheets".into(), json!(table.source().sheets));
        }
        map.insert("warnings".into(), json!(warnings));
    }
    out
}

fn print_table(file: &std::path::Path, table: &Table, u: &Understanding) {
    let source = table.source();
    let how = match &source.sheet {
        Some(sheet) => format!("{}, sheet {sheet:?}", source.format),
        None => format!("{}, delimiter {:?}", source.encoding, source.delimiter),
    };
    println!(
        "{}: {} rows, {} columns ({how})",
        file.display(),
        table.n_rows(),
        table.n_columns(),
    );
    let frequency = u
        .frequency
        .map(|f| format!(", {}", f.label(Lang::En)))
        .unwrap_or_default();
    let why = reasons(&u.shape_evidence, Lang::En);
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(" ({})", why.join("; "))
    };
    println!("  shape: {}{frequency}{why}", u.shape.label(Lang::En));
    let width = table
        .columns()
        .iter()
        .map(|c| c.name().chars().count())
        .max()
        .unwrap_or(4);
    for (column, cu) in table.columns().iter().zip(&u.columns) {
        let p = profile(column);
        let range = match (&p.numeric, p.dtype.is_numeric()) {
            (Some(n), true) => format!("  min {} max {} mean {:.4}", n.min, n.max, n.mean),
            _ => String::new(),
        };
        let pii = cu
            .pii
            .map(|k| format!("  personal data: {}", k.label(Lang::En)))
            .unwrap_or_default();
        println!(
            "  {:width$}  {:9}  {:10}  {} missing  {} distinct{range}{pii}",
            p.name,
            p.dtype.as_str(),
            cu.role.as_str(),
            p.missing,
            p.distinct
        );
        let why = reasons(&cu.evidence, Lang::En);
        if !why.is_empty() {
            println!("  {:width$}  because {}", "", why.join("; "));
        }
    }
    for w in table.warnings() {
        println!("  warning: {}", w.message(Lang::En));
    }
}
