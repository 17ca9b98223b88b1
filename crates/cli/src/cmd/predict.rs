//! `shoplens predict MODEL.json FILE [--output OUT.csv]`: score a table with a saved model
//! and write `row,prediction[,probability_<class>...]` as CSV through core's export writer
//! (byte-order mark, formula guard), class labels as the training file wrote them.

use crate::output::{in_file, read_file, CliError};
use shoplens_core::jobs::predict::predictions_csv;
use shoplens_core::learn::model_json;
use shoplens_core::table::read_bytes;
use std::path::PathBuf;

/// Arguments of `predict`.
#[derive(clap::Args)]
pub struct Args {
    /// A model saved by `shoplens fit --save`.
    model: PathBuf,
    /// The table to score; it needs the columns the model was trained on.
    file: PathBuf,
    /// Write the CSV here instead of standard output.
    #[arg(long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: crate::read_args::ReadArgs,
}

/// Loads the model, scores the table, writes the predictions.
pub fn run(args: Args) -> Result<(), CliError> {
    let text = String::from_utf8(read_file(&args.model)?)
        .map_err(|e| format!("{}: {e}", args.model.display()))?;
    let model = model_json::from_json(&text).map_err(in_file(&args.model))?;
    let bytes = read_file(&args.file)?;
    let table = read_bytes(&bytes, &args.read.options()?).map_err(in_file(&args.file))?;
    let predictions = model.predict_table(&table).map_err(in_file(&args.file))?;
    let csv = predictions_csv(&predictions);
    match &args.output {
        Some(path) => std::fs::write(path, csv).map_err(|e| format!("{}: {e}", path.display()))?,
        None => print!("{csv}"),
    }
    Ok(())
}
