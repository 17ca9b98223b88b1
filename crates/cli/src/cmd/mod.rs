//! One module per subcommand: each has an `Args` (clap) and a `run`.

pub mod abc_xyz;
pub mod basket_source;
pub mod baskets;
pub mod budget;
pub mod churn;
pub mod clv;
pub mod cohort;
pub mod compare;
pub mod export;
pub mod fit;
pub mod forecast;
pub mod inspect;
pub mod inventory;
pub mod itemsets;
pub mod predict;
pub mod recommend;
pub mod rfm;
pub mod route;
pub mod rules;
pub mod run;
pub mod segment;
