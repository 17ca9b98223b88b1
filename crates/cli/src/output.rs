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

/// Makes a closed stdout (`shoplens inspect f.csv | head -0`) end the program quietly with
/// exit code 0, as Unix tools do, instead of a panic from `println!` (exit 101): the reader
/// has gone, so there is nobody left to tell.
pub fn end_quietly_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("failed printing to stdout") && is_broken_pipe_text(message) {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn is_broken_pipe_text(message: &str) -> bool {
    let broken = std::io::Error::from(std::io::ErrorKind::BrokenPipe).to_string();
    message.contains(&broken) || message.contains("Broken pipe") || message.contains("os error 32")
}

/// A write error on stdout: a closed pipe ends the program quietly (see
/// [`end_quietly_on_closed_pipe`]), anything else becomes a message.
fn stdout_error(e: std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("writing output: {e}")
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
        .map_err(stdout_error)
}

/// Streams a serialisable value as one line of JSON on stdout, buffered: large results
/// (tens of thousands of itemsets) would otherwise cost more to print than to compute.
pub fn write_json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer(&mut out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => stdout_error(std::io::Error::from(kind)),
        None => format!("writing JSON: {e}"),
    })?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(stdout_error)
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
    read_table_with(path, &shoplens_core::table::ReadOptions::default())
}

/// Reads a file into a table as `options` say (`--encoding`, `--date-format`...).
pub fn read_table_with(
    path: &Path,
    options: &shoplens_core::table::ReadOptions,
) -> Result<shoplens_core::table::Table, CliError> {
    let bytes = read_file(path)?;
    shoplens_core::table::read_bytes(&bytes, options).map_err(in_file(path))
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
