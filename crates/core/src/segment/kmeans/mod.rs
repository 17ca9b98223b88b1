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
//! show progress and inertia between iterations; [`KMeansParams`]'s [`crate::learn::Fit`]
//! is the loop over starts, on a [`crate::learn::Matrix`].
//!
//! ```
//! use shoplens_core::learn::{Fit, Matrix};
//! use shoplens_core::segment::kmeans::KMeansParams;
//! let rows = vec![vec![0.0], vec![0.1], vec![5.0], vec![5.2]];
//! let data = Matrix::from_rows(&rows).unwrap();
//! let model = KMeansParams::new(2).fit(&data, &[]).unwrap();
//! assert_eq!(model.sizes, [2, 2]);
//! ```

mod algorithm;
mod distance;
mod hyperparams;
mod init;

pub use algorithm::{elbow, ElbowPoint, IterInfo, KMeansFit, LloydState};
pub use hyperparams::KMeansParams;
pub use init::kmeans_plus_plus;

#[cfg(test)]
pub(crate) mod tests_support {
    use crate::learn::Matrix;
    use crate::segment::columns::ChosenColumns;
    use crate::segment::customers::prepared;
    use crate::table::{read_bytes, ReadOptions};

    const WHOLESALE: &[u8] = include_bytes!(
        "../../../../../testdata/uci-wholesale-customers/Wholesale_customers_data.csv"
    );

    /// Standardised log1p of the six spend columns of the UCI wholesale customers set, the
    /// features REFERENCE.md and the scikit-learn fixture use.
    pub(crate) fn wholesale() -> Matrix {
        let table = read_bytes(WHOLESALE, &ReadOptions::default()).unwrap();
        let columns: Vec<String> = [
            "Fresh",
            "Milk",
            "Grocery",
            "Frozen",
            "Detergents_Paper",
            "Delicassen",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        prepared(&ChosenColumns::from_table(&table, &columns).unwrap(), true).unwrap()
    }
}
