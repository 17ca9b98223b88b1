//! What ARIMA model to fit: the orders, the season length and the constant term, checked
//! before any work.

use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// The largest AR or MA order, seasonal or not, accepted.
pub const MAX_ORDER: usize = 10;
/// The largest number of differences (regular plus seasonal) accepted.
pub const MAX_DIFFERENCES: usize = 2;

/// The constant term of the model, as statsforecast's `include_mean` / `include_drift`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constant {
    /// No constant.
    None,
    /// A mean (only without differencing, `d + D = 0`).
    Mean,
    /// A linear drift `β t` (only with one difference, `d + D = 1`).
    Drift,
}

/// A seasonal ARIMA(p, d, q)(P, D, Q)_m specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArimaSpec {
    /// Non-seasonal AR order `p`.
    pub p: usize,
    /// Regular differences `d`.
    pub d: usize,
    /// Non-seasonal MA order `q`.
    pub q: usize,
    /// Seasonal AR order `P`.
    pub seasonal_p: usize,
    /// Seasonal differences `D`.
    pub seasonal_d: usize,
    /// Seasonal MA order `Q`.
    pub seasonal_q: usize,
    /// Season length `m` (1: no season).
    pub period: usize,
    /// The constant term.
    pub constant: Constant,
}

impl ArimaSpec {
    /// A non-seasonal ARIMA(p, d, q) without constant.
    pub fn new(p: usize, d: usize, q: usize) -> ArimaSpec {
        ArimaSpec {
            p,
            d,
            q,
            seasonal_p: 0,
            seasonal_d: 0,
            seasonal_q: 0,
            period: 1,
            constant: Constant::None,
        }
    }

    /// The same with a seasonal part (P, D, Q) of period `period`.
    pub fn seasonal(
        self,
        seasonal_p: usize,
        seasonal_d: usize,
        seasonal_q: usize,
        period: usize,
    ) -> ArimaSpec {
        ArimaSpec {
            seasonal_p,
            seasonal_d,
            seasonal_q,
            period,
            ..self
        }
    }

    /// The same with a constant term.
    pub fn with_constant(self, constant: Constant) -> ArimaSpec {
        ArimaSpec { constant, ..self }
    }

    /// Number of ARMA coefficients `p + q + P + Q`.
    pub fn n_arma(&self) -> usize {
        self.p + self.q + self.seasonal_p + self.seasonal_q
    }

    /// Observations lost to differencing, `d + m D`.
    pub fn n_differenced(&self) -> usize {
        self.d + self.period * self.seasonal_d
    }

    /// Checks the orders, the period and that the constant suits the differencing.
    pub fn check(&self) -> Result<ArimaSpec> {
        for (name, value) in [
            ("p", self.p),
            ("q", self.q),
            ("P", self.seasonal_p),
            ("Q", self.seasonal_q),
        ] {
            if value > MAX_ORDER {
                return Err(Error::invalid_parameter(
                    name,
                    value,
                    Allowed::AtMost(MAX_ORDER as f64),
                ));
            }
        }
        let differences = self.d + self.seasonal_d;
        if differences > MAX_DIFFERENCES {
            return Err(Error::invalid_parameter(
                "d + D",
                differences,
                Allowed::AtMost(MAX_DIFFERENCES as f64),
            ));
        }
        if self.period == 0 {
            return Err(Error::invalid_parameter("period", 0, Allowed::AtLeast(1.0)));
        }
        let seasonal = self.seasonal_p + self.seasonal_d + self.seasonal_q;
        if seasonal > 0 && self.period < 2 {
            return Err(Error::invalid_parameter(
                "period",
                self.period,
                Allowed::AtLeast(2.0),
            ));
        }
        match self.constant {
            Constant::Mean if differences != 0 => Err(Error::invalid_parameter(
                "d + D",
                differences,
                Allowed::AtMost(0.0),
            )),
            Constant::Drift if differences != 1 => Err(Error::invalid_parameter(
                "d + D",
                differences,
                Allowed::Between(1.0, 1.0),
            )),
            _ => Ok(*self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_a_constant_that_does_not_suit_the_differences() {
        assert!(ArimaSpec::new(1, 0, 1)
            .with_constant(Constant::Mean)
            .check()
            .is_ok());
        assert!(ArimaSpec::new(1, 1, 1)
            .with_constant(Constant::Mean)
            .check()
            .is_err());
        assert!(ArimaSpec::new(1, 1, 1)
            .with_constant(Constant::Drift)
            .check()
            .is_ok());
        assert!(ArimaSpec::new(0, 1, 1)
            .seasonal(0, 1, 1, 12)
            .with_constant(Constant::Drift)
            .check()
            .is_err());
        assert!(ArimaSpec::new(0, 0, 0)
            .seasonal(1, 0, 0, 1)
            .check()
            .is_err());
        assert!(ArimaSpec::new(11, 0, 0).check().is_err());
    }
}
