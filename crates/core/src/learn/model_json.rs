//! Saving and loading a [`TrainedModel`] as JSON (serde), preprocessing included. The
//! file says `"format": "shoplens-model"` and a `version`; a file from a newer version is
//! refused with a message rather than misread.

use super::model::TrainedModel;
use crate::{Error, ErrorKind, FileFormat, FormatCause, Result};

fn format_error(cause: FormatCause) -> Error {
    Error::new(ErrorKind::Format {
        format: FileFormat::ModelJson,
        line: None,
        cause,
    })
}

/// serde_json's refusal, at the line and column it names; its English message stays the
/// detail (see [`FormatCause::Parser`]).
fn json_error(e: serde_json::Error) -> Error {
    let known = |n: usize| (n > 0).then_some(n as u64);
    Error::new(ErrorKind::Format {
        format: FileFormat::ModelJson,
        line: known(e.line()),
        cause: FormatCause::Parser {
            column: known(e.column()),
            detail: e.to_string(),
        },
    })
}

/// The model as JSON text.
pub fn to_json(model: &TrainedModel) -> Result<String> {
    serde_json::to_string(model).map_err(json_error)
}

/// The two fields that say what a file is, read before the model itself.
#[derive(serde::Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

/// A model read back from [`to_json`]'s text.
///
/// The text is read twice: once for the header (every other field skipped without being
/// kept), once straight into the model's types. Reading through a `serde_json::Value`
/// instead would hold every number of a large forest as a map entry, many times the file's
/// size.
pub fn from_json(text: &str) -> Result<TrainedModel> {
    let header: Header = serde_json::from_str(text).map_err(json_error)?;
    if header.format.as_deref() != Some("shoplens-model") {
        return Err(format_error(FormatCause::NotShoplensModel));
    }
    let version = header.version.unwrap_or(0);
    if version == 0 || version > u64::from(TrainedModel::VERSION) {
        return Err(format_error(FormatCause::UnsupportedVersion {
            version,
            newest: u64::from(TrainedModel::VERSION),
        }));
    }
    serde_json::from_str(text).map_err(json_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::model::{train, ModelKind, TrainOptions};
    use crate::learn::Metric;
    use crate::progress::Silent;
    use crate::table::{read_bytes, ReadOptions};

    const ADVERTISING: &[u8] =
        include_bytes!("../../../../testdata/islr-advertising/Advertising.csv");

    fn churn_table() -> crate::table::Table {
        let mut csv = String::from("customerID,plan,tenure,monthly,churn\n");
        for i in 0..60 {
            let plan = ["basic", "pro", "team"][i % 3];
            let tenure = (i * 7) % 40;
            let churn = if tenure < 12 && plan != "team" {
                "Yes"
            } else {
                "No"
            };
            csv.push_str(&format!(
                "C{i:04},{plan},{tenure},{}.5,{churn}\n",
                20 + i % 9
            ));
        }
        read_bytes(csv.as_bytes(), &ReadOptions::default()).unwrap()
    }

    /// Every kind: trained, saved, loaded, and the loaded model predicts the same.
    #[test]
    fn every_model_round_trips_through_json() {
        let churn = churn_table();
        for kind in [
            ModelKind::Logistic,
            ModelKind::Knn,
            ModelKind::Tree,
            ModelKind::Forest,
            ModelKind::Svm,
        ] {
            let report = train(&churn, &TrainOptions::new("churn", kind), &mut Silent).unwrap();
            assert_eq!(report.plan.dropped[0].column, "customerID");
            let loaded = from_json(&to_json(&report.model).unwrap()).unwrap();
            assert_eq!(loaded, report.model, "{kind:?}");
            let p = loaded.predict_table(&churn).unwrap();
            assert_eq!(p.labels.len(), 60);
            // The table reads Yes/No as booleans; labels come back as the file wrote them.
            assert!(p.labels.iter().all(|l| l == "Yes" || l == "No"));
        }
        let ads = read_bytes(ADVERTISING, &ReadOptions::default()).unwrap();
        for kind in [
            ModelKind::Linear,
            ModelKind::Knn,
            ModelKind::Tree,
            ModelKind::Forest,
        ] {
            let report = train(&ads, &TrainOptions::new("sales", kind), &mut Silent).unwrap();
            assert_eq!((report.n_train, report.n_test), (160, 40));
            let r2 = report
                .metrics
                .iter()
                .find(|m| m.metric == Metric::R2)
                .unwrap()
                .value;
            assert!(r2 > 0.8, "{kind:?}: held-out R² {r2}");
            let loaded = from_json(&to_json(&report.model).unwrap()).unwrap();
            assert_eq!(
                loaded.predict_table(&ads).unwrap(),
                report.model.predict_table(&ads).unwrap()
            );
        }
    }

    #[test]
    fn predictions_export_as_csv() {
        let churn = churn_table();
        let report = train(
            &churn,
            &TrainOptions::new("churn", ModelKind::Tree),
            &mut Silent,
        )
        .unwrap();
        let csv =
            crate::jobs::predict::predictions_csv(&report.model.predict_table(&churn).unwrap());
        let mut lines = csv.lines();
        // A Yes/No target keeps its words (not false/true) after a save and a load.
        assert_eq!(
            lines.next(),
            Some("\u{feff}row,prediction,probability_No,probability_Yes")
        );
        assert_eq!(csv.lines().count(), 61);
    }

    #[test]
    fn wrong_files_are_refused() {
        assert!(from_json("{").unwrap_err().to_string().contains("line 1"));
        assert!(from_json("{\"a\":1}")
            .unwrap_err()
            .to_string()
            .contains("not a shoplens model"));
        assert!(from_json("{\"format\":\"shoplens-model\",\"version\":99}")
            .unwrap_err()
            .to_string()
            .contains("version 99"));
    }

    #[test]
    fn wrong_model_for_the_task_is_an_error() {
        let churn = churn_table();
        let e = train(
            &churn,
            &TrainOptions::new("churn", ModelKind::Linear),
            &mut Silent,
        )
        .unwrap_err();
        assert!(e.to_string().contains("model = linear"));
    }
}
