//! The outputs every analysis command shares: CSV (`--out`), the job that ran
//! (`--save-job`), JSON instead of text (`--json`), and how the file is read. Commands take
//! them with `#[command(flatten)]`.

use crate::output::CliError;
use std::path::PathBuf;

/// Where the result goes, and how the file is read.
#[derive(clap::Args, Debug, Clone)]
pub struct OutputArgs {
    /// Also write the result as CSV to this file.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write the job that ran, defaults filled in, to this JSON file.
    #[arg(long)]
    pub save_job: Option<PathBuf>,
    #[command(flatten)]
    pub read: crate::read_args::ReadArgs,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

impl OutputArgs {
    /// Writes `csv` to `--out`, when given.
    pub fn write_csv(&self, csv: &str) -> Result<(), CliError> {
        match &self.out {
            Some(path) => std::fs::write(path, csv).map_err(|e| format!("{}: {e}", path.display())),
            None => Ok(()),
        }
    }
}
