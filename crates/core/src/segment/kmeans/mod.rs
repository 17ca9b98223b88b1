//! k-means clustering: k-means++ initialisation and Lloyd iterations, best of several starts.
//!
//! Follows scikit-learn's `KMeans` (Arthur & Vassilvitskii 2007, "k-means++: the advantages
//! of careful seeding", in its *greedy* form: `2 + ⌊ln k⌋` candidates per new centre, the
//! one that lowers the potential most is kept; then Lloyd's algorithm with scikit-learn's
//! stopping rule: labels unchanged, or total squared centre shift ≤ `tol` × mean column
//! variance; a final assignment so labels match the centres). The layout follows linfa's
//! `linfa-clustering/src/k_means`.
//!
//! Lloyd iterations *step*: [`LloydState::next_iter`] runs one iteration, so the page can
//! show progress and inertia between iterations; [`fit`] is the loop over starts.
//!
//! ```
//! use shoplens_core::segment::features::Features;
//! use shoplens_core::segment::kmeans::{fit, KMeansParams};
//! use shoplens_core::progress::Silent;
//! let rows = vec![vec![0.0], vec![0.1], vec![5.0], vec![5.2]];
//! let data = Features::from_rows(vec!["spend".into()], &rows).unwrap();
//! let model = fit(&data, &KMeansParams::new(2), &mut Silent).unwrap();
//! assert_eq!(model.sizes, [2, 2]);
//! ```

mod algorithm;
mod hyperparams;
mod init;

pub use algorithm::{elbow, fit, ElbowPoint, IterInfo, KMeansFit, LloydState};
pub use hyperparams::KMeansParams;
pub use init::kmeans_plus_plus;
