//! The Customers page's messages: RFM, k-means segments, churn, lifetime value and cohort
//! retention, each a core job spec (`shoplens_core::jobs::{rfm, segment, churn, clv,
//! cohort}`) whose typed output comes back under the name the page uses. The worker runs
//! them in `crate::worker::thread::jobs::customers`.

use serde::{Deserialize, Serialize};
use shoplens_core::jobs::churn::ChurnJob;
use shoplens_core::jobs::clv::ClvJob;
use shoplens_core::jobs::cohort::CohortJob;
use shoplens_core::jobs::rfm::RfmJob;
use shoplens_core::jobs::segment::SegmentJob;

pub use shoplens_core::jobs::churn::{
    ChurnClassifier, ChurnJob as ChurnRequest, ChurnOutput as ChurnView, ScoredCustomer,
    AT_RISK_LISTED, FACTORS_SHOWN,
};
pub use shoplens_core::jobs::clv::{ClvModel, ClvOutput as ClvView};
pub use shoplens_core::jobs::cohort::CohortOutput as CohortView;
pub use shoplens_core::jobs::rfm::RfmOutput as RfmView;
pub use shoplens_core::jobs::segment::{
    SegmentJob as SegmentRequest, SegmentOutput as SegmentsView, SegmentSource, ELBOW_MAX_K,
};

/// What the Customers page asks the worker to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerJob {
    /// RFM scores and named segments of the order lines in the loaded table.
    Rfm(RfmJob),
    /// k-means segments.
    Segments(SegmentJob),
    /// Churn risk.
    Churn(ChurnJob),
    /// Customer lifetime value.
    Clv(ClvJob),
    /// Cohort retention.
    Cohort(CohortJob),
}

/// What comes back from a [`CustomerJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CustomerOutput {
    /// RFM result.
    Rfm(Box<RfmView>),
    /// k-means result.
    Segments(Box<SegmentsView>),
    /// Churn result.
    Churn(Box<ChurnView>),
    /// Lifetime value result.
    Clv(Box<ClvView>),
    /// Cohort result.
    Cohort(Box<CohortView>),
}
