//! `shoplens itemsets FILE --min-support S [--algorithm A] [--target T] [--max-len N] [--json]`:
//! frequent itemsets of a basket file.

use super::basket_source::SourceArgs;
use crate::interrupt::Interrupt;
use crate::output::{in_file, write_json_with, CliError};
use clap::ValueEnum;
use shoplens_core::basket::export::{itemsets_csv, write_itemsets_json};
use shoplens_core::basket::{
    mine_itemsets, stop_message, Algorithm, BuildReport, ItemsetKind, MinSupport, MiningParams,
    StopReason, Transactions,
};
use shoplens_core::jobs::baskets::MineSettings;
use shoplens_core::Lang;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `itemsets`.
#[derive(clap::Args)]
pub struct Args {
    /// Baskets: one per line (`.dat`: spaces), order lines, or a 0/1 matrix.
    file: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    search: SearchArgs,
    /// Which itemsets to report.
    #[arg(long, value_enum, default_value = "all")]
    target: TargetArg,
    /// Print one JSON object instead of a table.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV (UTF-8 with BOM, Excel-safe) instead of a table.
    #[arg(long)]
    csv: bool,
}

/// Search options shared by `itemsets` and `rules`.
#[derive(clap::Args)]
pub struct SearchArgs {
    /// Minimum support: a fraction (0.001), a percentage (0.1%) or a basket count (10).
    #[arg(long, value_parser = parse_support)]
    min_support: MinSupport,
    /// Search algorithm (all give the same itemsets).
    #[arg(long, value_enum, default_value = "fpgrowth")]
    algorithm: AlgorithmArg,
    /// Most items in an itemset.
    #[arg(long)]
    max_len: Option<usize>,
    /// Stop with a partial result after this many itemsets. The default ends an exploding
    /// search (mushroom at 1% has 90 million itemsets) in seconds and under 1 GB of memory;
    /// raise it for a deliberate large run (each itemset takes about 150 bytes).
    #[arg(long, default_value_t = 2_000_000)]
    max_itemsets: usize,
    /// Print the time taken and the counts on stderr.
    #[arg(long)]
    time: bool,
    /// Leave this item out of the search (repeatable).
    #[arg(long, value_name = "ITEM")]
    exclude: Vec<String>,
    /// Report only itemsets (or rules) that contain this item (repeatable: all of them).
    #[arg(long, value_name = "ITEM")]
    require: Vec<String>,
    /// Write the job that ran, shape and columns filled in, to this JSON file (`shoplens run`
    /// reruns it; --exclude, --require, --rhs, --sort and --top are not part of a job).
    #[arg(long)]
    save_job: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum AlgorithmArg {
    Fpgrowth,
    Apriori,
    Eclat,
}

#[derive(Clone, Copy, ValueEnum)]
enum TargetArg {
    All,
    Closed,
    Maximal,
}

/// `0.001` and `0.1%` are fractions; whole numbers above 1 are basket counts.
fn parse_support(text: &str) -> Result<MinSupport, String> {
    let text = text.trim();
    let bad = || format!("{text:?} is not a fraction (0.01), a percentage (1%) or a count (10)");
    if let Some(percent) = text.strip_suffix('%') {
        let p: f64 = percent.trim().parse().map_err(|_| bad())?;
        return Ok(MinSupport::Fraction(p / 100.0));
    }
    let value: f64 = text.parse().map_err(|_| bad())?;
    if value > 1.0 {
        if value.fract().abs() > 0.0 {
            return Err(bad());
        }
        Ok(MinSupport::Count(value as u64))
    } else {
        Ok(MinSupport::Fraction(value))
    }
}

impl SearchArgs {
    /// The core parameters these options ask for.
    pub fn params(&self) -> MiningParams {
        let mut params = MiningParams::new(self.min_support);
        params.algorithm = match self.algorithm {
            AlgorithmArg::Fpgrowth => Algorithm::FpGrowth,
            AlgorithmArg::Apriori => Algorithm::Apriori,
            AlgorithmArg::Eclat => Algorithm::Eclat,
        };
        params.max_len = self.max_len;
        params.appearance.none = self.exclude.clone();
        params.appearance.require = self.require.clone();
        params.budget.max_itemsets = self.max_itemsets;
        // The command line has the machine's memory, not a browser tab's.
        params.budget.max_bytes = u64::MAX;
        params
    }

    /// The job's search settings (rules when `min_confidence` is given).
    pub fn settings(
        &self,
        target: ItemsetKind,
        rules: Option<(f64, Option<f64>, usize)>,
    ) -> MineSettings {
        let params = self.params();
        MineSettings {
            algorithm: params.algorithm,
            min_support: params.min_support,
            min_confidence: rules.map(|r| r.0),
            min_lift: rules.and_then(|r| r.1),
            max_len: params.max_len,
            max_consequent: rules.map_or(1, |r| r.2),
            target,
            max_itemsets: Some(self.max_itemsets),
            companions: Default::default(),
        }
    }

    /// Writes the job when `--save-job` asks, refusing options a job cannot hold.
    pub fn save_job(
        &self,
        source: &SourceArgs,
        report: &BuildReport,
        settings: MineSettings,
        extra: bool,
    ) -> Result<(), CliError> {
        if self.save_job.is_none() {
            return Ok(());
        }
        if extra || !self.exclude.is_empty() || !self.require.is_empty() {
            return Err(
                "--save-job: --exclude, --require, --rhs, --sort and --top are not part of a job"
                    .into(),
            );
        }
        source.save_job(self.save_job.as_deref(), report, Some(settings))
    }

    /// Whether to print timings.
    pub fn time(&self) -> bool {
        self.time
    }
}

/// Warns on stderr when a result is partial.
pub fn warn_partial(partial: Option<StopReason>) {
    if let Some(reason) = partial {
        eprintln!("shoplens: {}", stop_message(reason, Lang::En));
    }
}

/// Item names of item ids.
pub fn names<'a>(tx: &'a Transactions, ids: &[u32]) -> Vec<&'a str> {
    ids.iter().map(|&i| tx.items[i as usize].as_str()).collect()
}

/// Reads the file, mines and prints.
pub fn run(args: Args) -> Result<(), CliError> {
    let start = Instant::now();
    let (tx, report) = args.source.load(&args.file)?;
    let parsed = start.elapsed().as_secs_f64();
    let mut params = args.search.params();
    params.target = match args.target {
        TargetArg::All => ItemsetKind::All,
        TargetArg::Closed => ItemsetKind::Closed,
        TargetArg::Maximal => ItemsetKind::Maximal,
    };
    let settings = args.search.settings(params.target, None);
    args.search
        .save_job(&args.source, &report, settings, false)?;
    let found = mine_itemsets(&tx, &params, &mut Interrupt).map_err(in_file(&args.file))?;
    if args.search.time {
        eprintln!(
            "{} baskets, {} itemsets: read {:.3} s, total {:.3} s",
            tx.len(),
            found.itemsets.len(),
            parsed,
            start.elapsed().as_secs_f64()
        );
    }
    warn_partial(found.partial);
    if args.json {
        write_json_with(|out| write_itemsets_json(&tx, &found, out))?;
    } else if args.csv {
        print!("{}", itemsets_csv(&tx, &found, Lang::En));
    } else {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let _ = writeln!(
            out,
            "{} itemsets in {} baskets (count >= {})",
            found.itemsets.len(),
            tx.len(),
            found.min_count
        );
        for s in &found.itemsets {
            let _ = writeln!(
                out,
                "{:>8}  {:.6}  {{{}}}",
                s.count,
                s.support,
                names(&tx, &s.items).join(", ")
            );
        }
    }
    // The process ends here: leave the baskets and itemsets (one allocation each) to the
    // operating system rather than freeing them one by one (a few percent of a small run).
    std::mem::forget(tx);
    std::mem::forget(found);
    Ok(())
}
