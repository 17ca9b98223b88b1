//! The Models page's messages: train one model, compare model kinds, a small grid, save
//! and apply a model. The worker runs them with core's jobs
//! (`shoplens_core::jobs::{fit, compare, predict}`; see `crate::worker::thread::jobs::models`);
//! the results are core's typed outputs under the names the page uses.

use serde::{Deserialize, Serialize};
use shoplens_core::jobs::compare::{CompareJob, GridJob};
use shoplens_core::jobs::fit::FitJob;

pub use shoplens_core::jobs::compare::{CvResult as CvView, CvRow};
pub use shoplens_core::jobs::fit::{
    FitJob as TrainRequest, FitOutput as ModelView, NodeView, PlanView, PredictionRow,
    FOREST_TREES_SHOWN, TREE_NODES_SHOWN,
};

/// What the Models page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelJob {
    /// Train and evaluate one model.
    Train(FitJob),
    /// The default feature plan for a target (cheap, no fitting), run when it changes.
    Plan {
        /// The column to predict.
        target: String,
    },
    /// k-fold cross-validation of every model kind that can do the task.
    Compare(CompareJob),
    /// k-fold cross-validation of a small grid around one model's main parameter.
    Grid(GridJob),
    /// The model the page shows as `shoplens-model` JSON (preprocessing included).
    SaveModel {
        /// The request that trained it. When this worker's last model came from another
        /// request, or it has none (a reload or a cancel restarted the worker), the model
        /// is trained again first: the seed makes it the same model.
        request: FitJob,
    },
    /// Scores the loaded table with a saved model; the predictions come back as CSV.
    Predict {
        /// A model file's text, as saved by [`ModelJob::SaveModel`] or `shoplens fit --save`.
        model_json: String,
    },
}

/// What comes back from a [`ModelJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelOutput {
    /// A trained model.
    Trained(Box<ModelView>),
    /// A target's feature plan.
    Plan(PlanView),
    /// Every kind cross-validated.
    Compared(CvView),
    /// A grid cross-validated.
    Grid(CvView),
    /// The last model as JSON.
    ModelJson(String),
    /// Predictions of a saved model for the loaded table, as CSV (BOM, formula guard).
    Predicted {
        /// The CSV text.
        csv: String,
        /// Rows scored.
        rows: usize,
    },
}
