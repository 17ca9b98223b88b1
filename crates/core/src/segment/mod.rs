//! Customers: RFM scoring, k-means segmentation, profiles, a 2-D projection and churn data.
//!
//! - [`orders`]: order lines out of a table (cancellations and id-less lines counted).
//! - [`rfm`] and [`names`]: recency, frequency, monetary value, quintile scores and the named
//!   segments (pandas `qcut` conventions, checked against pandas).
//! - [`columns`], [`kmeans`], [`silhouette`]: numeric columns as a [`crate::learn::Matrix`]
//!   (optionally log1p, then standardised), k-means++ / Lloyd k-means (a
//!   [`crate::learn::Fit`]) and the silhouette score (checked against scikit-learn).
//! - [`profile`], [`pca`], [`export`]: segment profiles, a 2-D PCA projection and CSV export.
//! - [`customers`]: the page's k-means view in one call (RFM → clusters → profiles, map).
//! - [`churn`]: a leakage-safe churn data set (features before a cutoff, label after it)
//!   evaluated held out with any `learn` classifier.
//! - [`cohort`]: cohort retention by first-purchase month or week.
//! - [`dates`]: a tolerant reader for order dates that the table leaves as text.

pub mod churn;
pub mod cohort;
pub mod columns;
pub mod customers;
pub mod dates;
pub mod export;
pub mod kmeans;
pub mod names;
pub mod orders;
pub mod pca;
pub mod profile;
pub mod reading;
pub mod rfm;
pub mod silhouette;

pub use names::Segment;
pub use orders::{AmountColumns, OrderColumns, OrderLine, OrderLines};
pub use rfm::{rfm, CustomerRfm, RfmParams, RfmResult, RfmSegmentProfile};
