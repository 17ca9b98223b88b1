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
