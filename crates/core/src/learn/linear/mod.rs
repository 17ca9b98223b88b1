//! Linear models: least squares (optionally ridge) by Householder QR, and L2-penalised
//! logistic regression (binary and multinomial) by Newton's method. Both follow
//! scikit-learn's definitions (`LinearRegression`, `Ridge`, `LogisticRegression`) so that
//! coefficients can be checked against it.

mod logistic;
mod ols;
mod qr;

pub use logistic::{LogisticRegression, LogisticRegressionParams, LogisticSolver, LogisticStep};
pub use ols::{LinearRegression, LinearRegressionParams, RegressionFit};
