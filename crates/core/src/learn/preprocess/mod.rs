//! Preprocessing steps, each fitted on training rows only and stored with the model:
//! imputation, one-hot and ordinal encoding, standard and min-max scaling, date parts.
//! Matrix-level steps implement [`crate::learn::Transformer`]; the table-level feature
//! builder that chains them is [`crate::learn::dataset`].

pub mod dates;
mod encode;
mod impute;
mod scale;

pub use encode::{OneHotEncoder, OrdinalEncoder};
pub use impute::{FittedImputer, ImputeStrategy, Imputer};
pub use scale::{FittedScaler, MinMaxScaler, StandardScaler};

use crate::learn::Matrix;
use crate::{Error, Result};

fn check_width(x: &Matrix, width: usize) -> Result<()> {
    if x.n_cols() != width {
        return Err(Error::invalid_parameter(
            crate::Term::FeatureCount,
            x.n_cols(),
            crate::Allowed::count(width, crate::Per::Training),
        ));
    }
    Ok(())
}
