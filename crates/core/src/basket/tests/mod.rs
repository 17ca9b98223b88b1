//! Tests of the basket kernels against the worked example and the pyfim / mlxtend fixtures
//! (`tools/basket_fixtures.py`).

mod algorithms_agree;
mod budget;
pub(crate) mod fixtures;
mod groceries_itemsets;
mod groceries_rules;
mod matrix;
mod worked_example;
