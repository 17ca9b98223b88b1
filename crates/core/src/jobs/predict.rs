//! Score a table with a trained model: the Models tab's "Predict" and `shoplens predict`.
//! Predictions are written through [`crate::export`], the one CSV writer of every export
//! (byte-order mark, formula guard), with class labels as the training file wrote them.

use crate::export;
use crate::learn::model::Predictions;
use crate::learn::TrainedModel;
use crate::table::Table;
use crate::Result;
use serde::{Deserialize, Serialize};

/// Score the table with a trained model (kept in the spec, preprocessing included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictJob {
    /// The model, as saved by a fit.
    pub model: Box<TrainedModel>,
}

/// Predictions as CSV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictOutput {
    /// `row,prediction[,probability_<class>...]`, rows numbered from 1 as the file's data
    /// rows.
    pub csv: String,
    /// Rows scored.
    pub rows: usize,
}

/// Scores every row of `table` with the job's model.
pub fn run(job: &PredictJob, table: &Table) -> Result<PredictOutput> {
    let predictions = job.model.predict_table(table)?;
    Ok(PredictOutput {
        csv: predictions_csv(&predictions),
        rows: predictions.labels.len(),
    })
}

/// `row,prediction[,probability_<class>...]` through the export writer.
pub fn predictions_csv(predictions: &Predictions) -> String {
    let mut header = vec!["row".to_string(), "prediction".to_string()];
    header.extend(
        predictions
            .classes
            .iter()
            .map(|c| format!("probability_{c}")),
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = predictions
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![export::csv_number_cell(Some((i + 1) as f64))];
            row.push(match &predictions.values {
                Some(values) => export::csv_number_cell(values.get(i).copied()),
                None => export::csv_text_cell(label),
            });
            if let Some(p) = &predictions.probabilities {
                row.extend(p.row(i).iter().map(|&v| export::csv_number_cell(Some(v))));
            }
            row
        })
        .collect();
    export::write_csv(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::fit::FitJob;
    use crate::progress::Silent;
    use crate::rt::FrozenClock;
    use crate::table::{read_bytes, ReadOptions};

    /// Labels come back as the training file wrote them (Yes/No, not true/false), behind
    /// the byte-order mark, and a text label that looks like a formula is neutralised.
    #[test]
    fn predictions_keep_the_files_labels() {
        let mut csv = String::from("x,y,answer\n");
        for i in 0..40 {
            let answer = if i % 2 == 0 { "Yes" } else { "No" };
            csv.push_str(&format!("{i},{},{answer}\n", (i * 7) % 5));
        }
        let table = read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap();
        let job: FitJob = serde_json::from_str(r#"{"target": "answer", "test_size": 0}"#).unwrap();
        let fitted = crate::jobs::fit::run(
            &job.check(&table).unwrap(),
            &table,
            &mut Silent,
            &FrozenClock,
        )
        .unwrap();
        let out = run(
            &PredictJob {
                model: Box::new(fitted.model),
            },
            &table,
        )
        .unwrap();
        assert_eq!(out.rows, 40);
        let mut lines = out.csv.lines();
        assert_eq!(
            lines.next(),
            Some("\u{feff}row,prediction,probability_No,probability_Yes")
        );
        let labels: Vec<&str> = lines.map(|l| l.split(',').nth(1).unwrap()).collect();
        assert!(
            labels.iter().all(|l| *l == "Yes" || *l == "No"),
            "{labels:?}"
        );
        assert_eq!(export::csv_text_cell("=1+1"), "'=1+1");
    }
}
