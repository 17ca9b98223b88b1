//! `shoplens inspect FILE [--json]`: what is in a file.

use crate::output::{in_file, print_json, read_file, CliError};
use serde_json::json;
use shoplens_core::table::{read_bytes, ReadOptions};
use std::path::PathBuf;

/// Arguments of `inspect`.
#[derive(clap::Args)]
pub struct Args {
    /// The file to read (CSV or other delimited text).
    file: PathBuf,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

/// Reads the file and prints its shape and column types.
pub fn run(args: Args) -> Result<(), CliError> {
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &ReadOptions::default()).map_err(in_file(&args.file))?;
    if args.json {
        let columns: Vec<_> = table
            .columns()
            .iter()
            .map(|c| json!({"name": c.name(), "type": c.dtype().as_str(), "missing": c.missing_count()}))
            .collect();
        print_json(&json!({
            "rows": table.n_rows(),
            "columns": columns,
            "encoding": table.source().encoding,
            "delimiter": table.source().delimiter,
        }));
    } else {
        println!(
            "{}: {} rows, {} columns ({}, delimiter {:?})",
            args.file.display(),
            table.n_rows(),
            table.n_columns(),
            table.source().encoding,
            table.source().delimiter
        );
        let width = table
            .columns()
            .iter()
            .map(|c| c.name().chars().count())
            .max()
            .unwrap_or(4);
        for c in table.columns() {
            println!(
                "  {:width$}  {:9}  {} missing",
                c.name(),
                c.dtype().as_str(),
                c.missing_count()
            );
        }
    }
    Ok(())
}
