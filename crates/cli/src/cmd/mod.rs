//! One module per subcommand: each has an `Args` (clap) and a `run`.

pub mod budget;
pub mod inspect;
pub mod inventory;
pub mod route;
