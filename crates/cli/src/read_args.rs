//! The options every command that reads a table shares: encoding, delimiter, sheet and
//! date format. Commands take them with `#[command(flatten)] read: ReadArgs`.

use crate::cmd::inspect::parse_delimiter;
use crate::output::CliError;
use shoplens_core::table::ReadOptions;

/// How to read the input file; everything is detected when left out.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ReadArgs {
    /// Text encoding (WHATWG label: utf-8, gbk, gb18030, utf-16le, utf-16be); detected by
    /// default.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Field delimiter: one character, or `tab`, `space` (runs of spaces); sniffed by default.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// Sheet of a spreadsheet (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// How dates are written, strftime-style (`%Y%m%d`, `%d/%m/%Y`, `%Y-%m-%d %H:%M`, `%b %Y`,
    /// `%Y Q%q`); detected by default. Every column whose values all fit is read as dates.
    #[arg(long)]
    pub date_format: Option<String>,
}

impl ReadArgs {
    /// The core's read options.
    pub fn options(&self) -> Result<ReadOptions, CliError> {
        Ok(ReadOptions {
            encoding: self.encoding.clone(),
            delimiter: self.delimiter.as_deref().map(parse_delimiter).transpose()?,
            sheet: self.sheet.clone(),
            date_format: self.date_format.clone(),
            ..ReadOptions::default()
        })
    }
}
