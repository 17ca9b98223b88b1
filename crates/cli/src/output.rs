//! Shared helpers for reading inputs and printing results.

use std::path::Path;

/// An error as the CLI reports it: one line, naming the file.
pub type CliError = String;

/// Reads a whole file, with an error that names it.
pub fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Wraps a core error with the file it came from.
pub fn in_file(path: &Path) -> impl Fn(shoplens_core::Error) -> CliError + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// Prints one JSON value on stdout.
pub fn print_json(value: &serde_json::Value) {
    println!("{value}");
}

/// Writes a JSON document with `write` (a hand-rolled writer for large outputs) to stdout,
/// followed by a newline.
pub fn write_json_with(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    write(&mut out)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing JSON: {e}"))
}

/// Streams a serialisable value as one line of JSON on stdout, buffered: large results
/// (tens of thousands of itemsets) would otherwise cost more to print than to compute.
pub fn write_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer(&mut out, value).map_err(|e| format!("writing JSON: {e}"))?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing JSON: {e}"))
}

/// The wall clock, for the timings jobs report.
pub struct WallClock(std::time::Instant);

impl WallClock {
    /// A clock that starts now.
    pub fn start() -> WallClock {
        WallClock(std::time::Instant::now())
    }
}

impl shoplens_core::rt::Clock for WallClock {
    fn now_seconds(&self) -> f64 {
        self.0.elapsed().as_secs_f64()
    }
}

/// Reads a delimited-text file into a table, with errors that name it.
pub fn read_table(path: &Path) -> Result<shoplens_core::table::Table, CliError> {
    let bytes = read_file(path)?;
    shoplens_core::table::read_bytes(&bytes, &shoplens_core::table::ReadOptions::default())
        .map_err(in_file(path))
}

/// Writes `job` (its defaults already filled in) as pretty JSON to `path`, when given: the
/// spec `shoplens run` reruns.
pub fn save_job(path: Option<&Path>, job: &shoplens_core::jobs::Job) -> Result<(), CliError> {
    let Some(path) = path else {
        return Ok(());
    };
    let text = serde_json::to_string_pretty(job).map_err(|e| format!("writing the job: {e}"))?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))
}
