//! The one shim for platform quirks: seeded randomness and a clock.
//!
//! Nothing else in core creates a random generator from entropy or calls
//! `Instant::now()` (which panics on `wasm32-unknown-unknown`). Kernels take a seed, build
//! their generator with [`seeded`], and the user sees the seed so a run can be repeated.
//! Time is injected by the front (the app passes `web-time`, the CLI `std::time`) through
//! [`Clock`], so core stays free of web dependencies.

use rand::SeedableRng;

/// The random generator every kernel uses: ChaCha8, portable and reproducible across
/// platforms (native and wasm give the same stream for the same seed).
pub type Rng = rand_chacha::ChaCha8Rng;

/// The seed used when the user gives none. Shown in the UI so a run can be repeated.
pub const DEFAULT_SEED: u64 = 42;

/// A generator seeded from a user-visible `u64` seed.
pub fn seeded(seed: u64) -> Rng {
    Rng::seed_from_u64(seed)
}

/// A source of elapsed time in seconds, supplied by the front end. Shared by the pieces of
/// work that run side by side (see [`crate::par`]), hence `Sync`.
pub trait Clock: Sync {
    /// Seconds since some fixed point of the clock's choosing.
    fn now_seconds(&self) -> f64;
}

/// A clock that never advances, for tests and for fronts that do not care about time.
#[derive(Debug, Default, Clone, Copy)]
pub struct FrozenClock;

impl Clock for FrozenClock {
    fn now_seconds(&self) -> f64 {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng as _;

    #[test]
    fn same_seed_same_stream() {
        let a: Vec<u32> = (0..5)
            .map(|_| 0)
            .scan(seeded(7), |r, _| Some(r.random()))
            .collect();
        let b: Vec<u32> = (0..5)
            .map(|_| 0)
            .scan(seeded(7), |r, _| Some(r.random()))
            .collect();
        let c: Vec<u32> = (0..5)
            .map(|_| 0)
            .scan(seeded(8), |r, _| Some(r.random()))
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
