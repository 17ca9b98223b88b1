//! Reading the statsforecast fixtures in the forecast tests: the arrays of numbers that every
//! fixture holds (series, coefficients, forecasts, bounds), in one place.

use serde_json::Value;

/// The numbers of a JSON array; a fixture that holds anything else fails the test.
pub(crate) fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}
