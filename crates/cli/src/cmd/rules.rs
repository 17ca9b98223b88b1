//! `shoplens rules FILE --min-support S --min-confidence C [--max-consequent N] [--sort M]
//! [--top N] [--json]`: association rules of a basket file.

use super::basket_source::SourceArgs;
use super::itemsets::{names, warn_partial, SearchArgs};
use crate::interrupt::Interrupt;
use crate::output::{in_file, write_json, CliError};
use shoplens_core::basket::export::{rules_csv, rules_json};
use shoplens_core::basket::{mine_rules, Measure, RuleParams, Side};
use shoplens_core::Lang;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `rules`.
#[derive(clap::Args)]
pub struct Args {
    /// Baskets: one per line (`.dat`: spaces), order lines, or a 0/1 matrix.
    file: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    search: SearchArgs,
    /// Minimum confidence, a fraction.
    #[arg(long)]
    min_confidence: f64,
    /// Minimum lift.
    #[arg(long)]
    min_lift: Option<f64>,
    /// Most items in a consequent (default 1, as arules and pyfim; 0 for any).
    #[arg(long, default_value_t = 1)]
    max_consequent: usize,
    /// Rank by: support, count, confidence, lift, leverage, conviction, zhang, jaccard,
    /// kulczynski, certainty, revenue.
    #[arg(long, default_value = "lift", value_parser = parse_measure)]
    sort: Measure,
    /// Keep only the best N rules.
    #[arg(long)]
    top: Option<usize>,
    /// Only these items may be consequents (repeatable); every other item may then only
    /// be in antecedents (arules' `appearance = list(rhs = ..., default = "lhs")`).
    #[arg(long, value_name = "ITEM")]
    rhs: Vec<String>,
    /// Print one JSON object instead of a table.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV (UTF-8 with BOM, Excel-safe) with every measure instead of a table.
    #[arg(long)]
    csv: bool,
}

fn parse_measure(text: &str) -> Result<Measure, String> {
    Measure::from_name(text).ok_or_else(|| format!("unknown measure {text:?}"))
}

/// Reads the file, mines and prints.
pub fn run(args: Args) -> Result<(), CliError> {
    let start = Instant::now();
    let (tx, report) = args.source.load(&args.file)?;
    let mut params = RuleParams::new(args.min_confidence);
    params.min_lift = args.min_lift;
    params.max_consequent = match args.max_consequent {
        0 => usize::MAX,
        n => n,
    };
    params.sort = args.sort;
    params.top = args.top;
    let mut mining = args.search.params();
    if !args.rhs.is_empty() {
        mining.appearance.rhs = args.rhs.clone();
        mining.appearance.default = Side::Lhs;
    }
    let settings = args.search.settings(
        shoplens_core::basket::ItemsetKind::All,
        Some((args.min_confidence, args.min_lift, params.max_consequent)),
    );
    let extra = !args.rhs.is_empty() || args.top.is_some() || args.sort != Measure::Lift;
    args.search
        .save_job(&args.source, &report, settings, extra)?;
    let found = mine_rules(&tx, &mining, &params, &mut Interrupt).map_err(in_file(&args.file))?;
    if args.search.time() {
        eprintln!(
            "{} baskets, {} itemsets, {} rules: total {:.3} s",
            tx.len(),
            found.itemsets,
            found.rules.len(),
            start.elapsed().as_secs_f64()
        );
    }
    warn_partial(found.partial);
    if args.json {
        write_json(&rules_json(&tx, &found))?;
    } else if args.csv {
        print!("{}", rules_csv(&tx, &found, Lang::En));
    } else {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let _ = writeln!(
            out,
            "{} rules from {} itemsets in {} baskets",
            found.rules.len(),
            found.itemsets,
            tx.len()
        );
        let _ = writeln!(
            out,
            "{:>9} {:>10} {:>8} {:>10}  rule",
            "support", "confidence", "lift", "conviction"
        );
        for r in &found.rules {
            let conviction = r
                .measures
                .conviction
                .map_or_else(|| "inf".to_string(), |c| format!("{c:.4}"));
            let _ = writeln!(
                out,
                "{:>9.5} {:>10.4} {:>8.4} {:>10}  {{{}}} => {{{}}}",
                r.measures.support,
                r.measures.confidence,
                r.measures.lift,
                conviction,
                names(&tx, &r.antecedent).join(", "),
                names(&tx, &r.consequent).join(", ")
            );
        }
    }
    Ok(())
}
