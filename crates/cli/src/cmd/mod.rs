//! One module per subcommand: each has an `Args` (clap) and a `run`.

pub mod baskets;
pub mod forecast;
pub mod inspect;
pub mod itemsets;
pub mod rfm;
pub mod rules;
pub mod segment;
