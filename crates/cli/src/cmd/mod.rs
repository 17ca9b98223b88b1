//! One module per subcommand: each has an `Args` (clap) and a `run`.

pub mod fit;
pub mod inspect;
pub mod predict;
