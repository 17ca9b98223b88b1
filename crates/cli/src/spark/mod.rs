//! The Spark hand-off: a job spec written out as a self-contained PySpark program.
//!
//! The program is one template kept beside this file (`job.py`, read with `include_str!`),
//! with four holes filled in: the job itself as a Python literal, the facts core decided
//! that the job does not spell out (which basket column is the invoice number), the notes
//! on what differs from the native run for this kind of job (`notes_*.txt`), and a
//! default. Nothing else is generated, so the program reads as written and the template
//! can be linted and run like any Python file. Only the job kinds Spark's MLlib covers are
//! exported: baskets (FPGrowth), segment (KMeans) and fit (linear models, trees, forests).

use serde_json::{Map, Value};
use shoplens_core::basket::is_invoice_name;
use shoplens_core::jobs::Job;

const TEMPLATE: &str = include_str!("job.py");
const NOTES_BASKETS: &str = include_str!("notes_baskets.txt");
const NOTES_SEGMENT: &str = include_str!("notes_segment.txt");
const NOTES_FIT: &str = include_str!("notes_fit.txt");

/// Quantile bins per continuous feature that trees and forests split on by default (Spark's
/// own default is 32; more bins come closer to core's exact thresholds).
const MAX_BINS: u32 = 64;

/// The exported program and its read-me.
#[derive(Debug, Clone)]
pub struct Program {
    /// `job.py`.
    pub script: String,
    /// `README.md`: how to submit it.
    pub readme: String,
}

/// Writes `job` as a PySpark program, or says why it cannot be exported.
pub fn render(job: &Job) -> Result<Program, String> {
    let (kind, title, notes) = match job {
        Job::Baskets(_) => (
            "baskets",
            "baskets, frequent itemsets and association rules (FPGrowth)",
            NOTES_BASKETS,
        ),
        Job::Segment(_) => ("segment", "k-means segments (KMeans)", NOTES_SEGMENT),
        Job::Fit(_) => (
            "fit",
            "one model trained and evaluated on held-out rows",
            NOTES_FIT,
        ),
        other => {
            let value = serde_json::to_value(other).map_err(|e| e.to_string())?;
            let kind = value.get("kind").and_then(Value::as_str).unwrap_or("?");
            return Err(format!(
                "jobs of kind \"{kind}\" have no Spark export (baskets, segment and fit do)"
            ));
        }
    };
    let value = serde_json::to_value(job).map_err(|e| format!("the job: {e}"))?;
    let script = TEMPLATE
        .replace("@@TITLE@@", title)
        .replace("@@VERSION@@", env!("CARGO_PKG_VERSION"))
        .replace("@@NOTES@@", notes.trim_end())
        .replace("@@MAX_BINS@@", &MAX_BINS.to_string())
        .replace("@@FACTS@@", &python_literal(&facts(job), 0))
        .replace("@@JOB@@", &python_literal(&value, 0));
    Ok(Program {
        script,
        readme: readme(kind, title),
    })
}

/// What core decides from the job that the program must know: for order-line baskets, the
/// basket column whose name says it holds invoice numbers (the only one the `C` rule for
/// cancelled invoices looks at).
fn facts(job: &Job) -> Value {
    let mut facts = Map::new();
    if let Job::Baskets(b) = job {
        let invoice = b
            .source
            .basket_columns
            .iter()
            .find(|c| is_invoice_name(c))
            .cloned();
        facts.insert(
            "invoice_column".into(),
            invoice.map_or(Value::Null, Value::String),
        );
    }
    Value::Object(facts)
}

/// A JSON value as a Python literal, indented four spaces a level. JSON strings and
/// numbers are already valid Python literals; `null`, `true` and `false` are spelled
/// `None`, `True` and `False`.
fn python_literal(value: &Value, level: usize) -> String {
    let pad = "    ".repeat(level + 1);
    let close = "    ".repeat(level);
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => Value::String(s.clone()).to_string(),
        Value::Array(items) if items.is_empty() => "[]".into(),
        Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .map(|v| format!("{pad}{},\n", python_literal(v, level + 1)))
                .collect();
            format!("[\n{}{close}]", inner.concat())
        }
        Value::Object(map) if map.is_empty() => "{}".into(),
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| {
                    let key = Value::String(k.clone()).to_string();
                    format!("{pad}{key}: {},\n", python_literal(v, level + 1))
                })
                .collect();
            format!("{{\n{}{close}}}", inner.concat())
        }
    }
}

fn readme(kind: &str, title: &str) -> String {
    format!(
        "# shoplens {kind} job on Apache Spark\n\
         \n\
         `job.py` runs the shoplens job it was exported from ({title}) on Spark and prints\n\
         the result as JSON in the schema `shoplens run --json` prints (logs go to stderr).\n\
         Its header says what differs from the native run and why.\n\
         \n\
         On this machine (pyspark installed, Java 17):\n\
         \n\
         ```sh\n\
         python job.py INPUT > result.json                  # local[*]\n\
         spark-submit --master 'local[4]' job.py INPUT > result.json\n\
         ```\n\
         \n\
         On a cluster, with the input on HDFS or S3 (a Parquet copy reads fastest):\n\
         \n\
         ```sh\n\
         spark-submit --master yarn --deploy-mode client job.py hdfs:///shop/orders.parquet > result.json\n\
         spark-submit --master k8s://https://K8S-API:443 --deploy-mode client \\\n\
         \x20 --conf spark.kubernetes.container.image=apache/spark-py:v3.5.3 \\\n\
         \x20 job.py s3a://bucket/orders.parquet > result.json\n\
         ```\n\
         \n\
         INPUT is the file the job ran on natively (CSV or basket lines), or a directory or\n\
         file ending in `.parquet` with the same columns. `python job.py --help` lists the\n\
         options (`--sep`, and for the checks against a native run `--initial-centres` and\n\
         `--test-rows`).\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(json: &str) -> Job {
        serde_json::from_str(json).unwrap()
    }

    /// The job is embedded as a Python literal that reads back to the same JSON, the
    /// notes of its kind fill the header, and no hole of the template is left.
    #[test]
    fn embeds_the_job_and_its_notes() {
        let spec = job(
            r#"{"kind": "baskets", "source": {"shape": "order_lines", "basket_columns": ["InvoiceNo"], "item_column": "Description", "exclude_items": ["POST \"x\""]}, "mine": {"min_support": {"Fraction": 0.02}, "min_confidence": 0.5}}"#,
        );
        let program = render(&spec).unwrap();
        assert!(!program.script.contains("@@"), "a hole is left");
        assert!(program
            .script
            .contains("Spark's FPGrowth takes it only as a fraction"));
        assert!(program.script.contains(r#""invoice_column": "InvoiceNo""#));
        let start = program.script.find("JOB = ").unwrap() + 6;
        let end = program.script[start..].find("\n}\n").unwrap() + start + 2;
        let literal = &program.script[start..end];
        // Back to JSON: the literals' spellings, and no comma before a closing bracket.
        let lines: Vec<String> = literal
            .replace("None", "null")
            .replace("True", "true")
            .replace("False", "false")
            .lines()
            .map(str::to_string)
            .collect();
        let mut as_json = String::new();
        for (i, line) in lines.iter().enumerate() {
            let closes = lines
                .get(i + 1)
                .is_some_and(|next| next.trim_start().starts_with(['}', ']']));
            let line = if closes {
                line.strip_suffix(',').unwrap_or(line)
            } else {
                line
            };
            as_json.push_str(line);
            as_json.push('\n');
        }
        let back: Value = serde_json::from_str(&as_json).unwrap();
        assert_eq!(back, serde_json::to_value(&spec).unwrap());
        assert!(program.readme.contains("spark-submit --master yarn"));
    }

    /// Each exported kind gets its own notes; other kinds are refused by name.
    #[test]
    fn only_spark_kinds_are_exported() {
        let segment = render(&job(r#"{"kind": "segment", "k": 3}"#)).unwrap();
        assert!(segment.script.contains("k-means||"));
        assert!(!segment.script.contains("FPGrowth takes it only"));
        let fit = render(&job(r#"{"kind": "fit", "target": "y"}"#)).unwrap();
        assert!(fit.script.contains("Forest sampling"));
        let error = render(&job(r#"{"kind": "budget"}"#)).unwrap_err();
        assert!(error.contains("\"budget\""), "{error}");
    }
}
