//! `shoplens inspect FILE [--json] [--encoding E] [--delimiter D] [--sheet NAME]`: what is in
//! a file — rows, columns, types, missing and distinct counts, numeric ranges, and what the
//! reader repaired.

use crate::output::{in_file, print_json, read_file, CliError};
use serde_json::{json, Map, Value};
use shoplens_core::table::{profile, read_bytes, ReadOptions, WHITESPACE};
use shoplens_core::Lang;
use std::path::PathBuf;

/// Arguments of `inspect`.
#[derive(clap::Args)]
pub struct Args {
    /// The file to read (CSV or other delimited text, XLSX, XLS, ODS).
    file: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Text encoding (WHATWG label: utf-8, gbk, gb18030, utf-16le...); detected by default.
    #[arg(long)]
    encoding: Option<String>,
    /// Field delimiter: one character, or `tab`, `space` (runs of spaces); sniffed by default.
    #[arg(long)]
    delimiter: Option<String>,
    /// Sheet of a spreadsheet (default: the first).
    #[arg(long)]
    sheet: Option<String>,
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

/// Reads the file and prints its shape and column types.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let options = ReadOptions {
        encoding: args.encoding.clone(),
        delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
        sheet: args.sheet.clone(),
        ..ReadOptions::default()
    };
    let table = read_bytes(&bytes, &options).map_err(in_file(&args.file))?;
    let profiles: Vec<_> = table.columns().iter().map(profile).collect();
    if args.json {
        let columns: Vec<Value> = profiles
            .iter()
            .map(|p| {
                let mut c = Map::new();
                c.insert("name".into(), json!(p.name));
                c.insert("type".into(), json!(p.dtype.as_str()));
                c.insert("missing".into(), json!(p.missing));
                c.insert("distinct".into(), json!(p.distinct));
                if p.dtype.is_numeric() {
                    if let Some(n) = &p.numeric {
                        c.insert("min".into(), json!(n.min));
                        c.insert("max".into(), json!(n.max));
                        c.insert("mean".into(), json!(n.mean));
                    }
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
            "columns": columns,
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
        print_json(&out);
    } else {
        let source = table.source();
        let how = match &source.sheet {
            Some(sheet) => format!("{}, sheet {sheet:?}", source.format),
            None => format!("{}, delimiter {:?}", source.encoding, source.delimiter),
        };
        println!(
            "{}: {} rows, {} columns ({how})",
            args.file.display(),
            table.n_rows(),
            table.n_columns(),
        );
        let width = table
            .columns()
            .iter()
            .map(|c| c.name().chars().count())
            .max()
            .unwrap_or(4);
        for p in &profiles {
            let range = match (&p.numeric, p.dtype.is_numeric()) {
                (Some(n), true) => format!("  min {} max {} mean {:.4}", n.min, n.max, n.mean),
                _ => String::new(),
            };
            println!(
                "  {:width$}  {:9}  {} missing  {} distinct{range}",
                p.name,
                p.dtype.as_str(),
                p.missing,
                p.distinct
            );
        }
        for w in table.warnings() {
            println!("  warning: {}", w.message(Lang::En));
        }
    }
    Ok(())
}
