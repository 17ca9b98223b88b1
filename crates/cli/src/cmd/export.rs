//! `shoplens export spark JOB.json --out DIR`: writes a job as a PySpark program
//! (`DIR/job.py`) and how to submit it (`DIR/README.md`), for data that outgrows one
//! machine. The program itself is rendered by [`crate::spark`].

use crate::output::{read_file, CliError};
use shoplens_core::jobs::Job;
use std::path::{Path, PathBuf};

/// Arguments of `export`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    engine: Engine,
}

/// Where a job can be exported to.
#[derive(clap::Subcommand)]
enum Engine {
    /// A self-contained PySpark program (baskets, segment and fit jobs): run it with
    /// `spark-submit job.py INPUT` or `python job.py INPUT`.
    Spark {
        /// The job spec (as written by --save-job or the tab's "Download job").
        job: PathBuf,
        /// The directory to write job.py and README.md into (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}

/// Reads the job and writes the program.
pub fn run(args: Args) -> Result<(), CliError> {
    let Engine::Spark { job, out } = args.engine;
    let spec = read_job(&job)?;
    let program = crate::spark::render(&spec).map_err(|e| format!("{}: {e}", job.display()))?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    write(&out.join("job.py"), &program.script)?;
    write(&out.join("README.md"), &program.readme)?;
    println!(
        "wrote {} and README.md: spark-submit {} INPUT",
        out.join("job.py").display(),
        out.join("job.py").display()
    );
    Ok(())
}

fn read_job(path: &Path) -> Result<Job, CliError> {
    let text =
        String::from_utf8(read_file(path)?).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}: not a shoplens job (line {}, column {}): {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

fn write(path: &Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
