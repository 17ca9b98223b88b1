//! One module per subcommand: each has an `Args` (clap) and a `run`.

pub mod baskets;
pub mod fit;
pub mod forecast;
pub mod inspect;
pub mod itemsets;
pub mod predict;
pub mod rfm;
pub mod rules;
pub mod segment;
