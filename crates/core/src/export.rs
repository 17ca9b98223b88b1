//! CSV for spreadsheets, shared by every export (rules, itemsets, customers...).
//!
//! UTF-8 with a byte-order mark (so Excel reads Chinese text correctly), CRLF line ends and
//! RFC 4180 quoting. Text cells that start with `=`, `+`, `-` or `@` (or a tab or carriage
//! return) get a leading `'` so a spreadsheet shows them instead of running them as formulas
//! (OWASP "CSV injection"); numbers are written plainly, as they are safe and must stay
//! numbers.

/// Prefixes `'` to text a spreadsheet would run as a formula; other text is unchanged.
pub fn neutralise_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The UTF-8 byte-order mark that starts every CSV export.
pub const BOM: char = '\u{feff}';

/// A text cell: neutralised against formula injection, then quoted when needed.
pub fn csv_text_cell(text: &str) -> String {
    let text = neutralise_formula(text);
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number cell; empty for a missing or non-finite value.
pub fn csv_number_cell(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => String::new(),
    }
}

/// A whole CSV document: BOM, header, rows (cells already formatted), CRLF line ends.
pub fn write_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header: Vec<String> = header.iter().map(|h| csv_text_cell(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
