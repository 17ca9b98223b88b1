//! The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy
//! way"): while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α), and
//! after each purchase drops out with probability p ~ Beta(a, b).
//!
//! The likelihood of a history `(x, t_x, T)` is the paper's equation (6), written in logs
//! as lifetimes' `BetaGeoFitter` does; P(alive) is equation (11) and the expected purchases
//! in the next `t` units equation (10). α is in the summary's time unit.

use super::mle::{maximize, FitReport};
use super::special::{hyp2f1, ln_gamma, log_add_exp};
use super::summary::{Triple, Triples};
use super::PurchaseModel;
use crate::progress::{Progress, Stage};
use crate::{Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// BG/NBD parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BgNbd {
    /// Shape of the purchase-rate distribution.
    pub r: f64,
    /// Scale of the purchase-rate distribution, in time units.
    pub alpha: f64,
    /// First shape of the drop-out probability distribution.
    pub a: f64,
    /// Second shape of the drop-out probability distribution.
    pub b: f64,
}

impl BgNbd {
    fn from_slice(p: &[f64]) -> BgNbd {
        BgNbd {
            r: p[0],
            alpha: p[1],
            a: p[2],
            b: p[3],
        }
    }

    /// Log-likelihood of one history.
    pub fn log_likelihood_one(&self, t: Triple) -> f64 {
        let x = f64::from(t.frequency);
        let BgNbd { r, alpha, a, b } = *self;
        let head =
            ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln() + ln_gamma(a + b) + ln_gamma(b + x)
                - ln_gamma(b)
                - ln_gamma(a + b + x);
        head + self.tail(t, x)
    }

    /// The part of the log-likelihood that depends on the times (equation 6's bracket).
    fn tail(&self, t: Triple, x: f64) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let survived = -(r + x) * (alpha + t.age).ln();
        if t.frequency == 0 {
            return survived;
        }
        let dropped = a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + t.recency).ln();
        log_add_exp(survived, dropped)
    }

    /// Summed log-likelihood of weighted histories (the frequency-only terms computed once
    /// per frequency: the triples are sorted by it).
    pub fn log_likelihood(&self, data: &Triples) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let constant = -ln_gamma(r) + r * alpha.ln() + ln_gamma(a + b) - ln_gamma(b);
        let mut total = 0.0;
        let mut cached: Option<(u32, f64)> = None;
        for (t, w) in data.triples.iter().zip(&data.weights) {
            let x = f64::from(t.frequency);
            let head = match cached {
                Some((f, h)) if f == t.frequency => h,
                _ => {
                    let h = ln_gamma(r + x) + ln_gamma(b + x) - ln_gamma(a + b + x);
                    cached = Some((t.frequency, h));
                    h
                }
            };
            total += w * (constant + head + self.tail(*t, x));
        }
        total
    }
}

impl PurchaseModel for BgNbd {
    fn p_alive(&self, t: Triple) -> f64 {
        if t.frequency == 0 {
            return 1.0;
        }
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(t.frequency);
        let log_odds = a.ln() - (b + x - 1.0).ln()
            + (r + x) * ((alpha + t.age).ln() - (alpha + t.recency).ln());
        1.0 / (1.0 + log_odds.exp())
    }

    fn expected_purchases(&self, horizon: f64, t: Triple) -> f64 {
        if horizon <= 0.0 {
            return 0.0;
        }
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(t.frequency);
        let z = horizon / (alpha + t.age + horizon);
        let hyp = hyp2f1(r + x, b + x, a + b + x - 1.0, z);
        let first = (a + b + x - 1.0) / (a - 1.0);
        let second = 1.0 - hyp * ((alpha + t.age) / (alpha + t.age + horizon)).powf(r + x);
        let denominator = if t.frequency > 0 {
            1.0 + a / (b + x - 1.0) * ((alpha + t.age) / (alpha + t.recency)).powf(r + x)
        } else {
            1.0
        };
        first * second / denominator
    }
}

/// Fits BG/NBD by maximum likelihood on weighted histories.
pub fn fit(data: &Triples, progress: &mut dyn Progress) -> Result<(BgNbd, FitReport)> {
    let customers = data.customers();
    if customers < 2.0 || data.triples.iter().all(|t| t.frequency == 0) {
        return Err(Error::not_enough(Counted::RepeatCustomers, 1, 0));
    }
    let scale = data.mean_age().max(1e-6).ln();
    let mut objective = |p: &[f64]| {
        let params = BgNbd::from_slice(&p.iter().map(|v| v.exp()).collect::<Vec<_>>());
        -params.log_likelihood(data) / customers
    };
    // lifetimes starts at all ones; the others start α at the mean age, and from a
    // low-shape corner where shop data often lands.
    let starts = [
        vec![0.0, 0.0, 0.0, 0.0],
        vec![0.0, scale, 0.0, 0.0],
        vec![(0.3f64).ln(), scale, (0.8f64).ln(), (2.5f64).ln()],
    ];
    let (p, report) = maximize(&mut objective, &starts, customers, Stage::BgNbd, progress)?;
    Ok((BgNbd::from_slice(&p), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The summed likelihood with cached frequency terms equals the sum of single terms.
    #[test]
    fn cached_likelihood_equals_the_plain_sum() {
        let model = BgNbd {
            r: 0.24,
            alpha: 4.4,
            a: 0.79,
            b: 2.4,
        };
        let t = |frequency, recency, age| Triple {
            frequency,
            recency,
            age,
        };
        let data = Triples::from_counts([
            (t(0, 0.0, 30.0), 3.0),
            (t(1, 2.0, 30.0), 1.0),
            (t(1, 5.0, 20.0), 2.0),
            (t(4, 19.0, 38.0), 1.0),
        ]);
        let plain: f64 = data
            .triples
            .iter()
            .zip(&data.weights)
            .map(|(t, w)| w * model.log_likelihood_one(*t))
            .sum();
        assert!((model.log_likelihood(&data) - plain).abs() < 1e-9);
        // A customer with no repeats is alive for sure; a long silence lowers P(alive).
        assert!((model.p_alive(t(0, 0.0, 30.0)) - 1.0).abs() < 1e-15);
        assert!(model.p_alive(t(4, 5.0, 38.0)) < model.p_alive(t(4, 37.0, 38.0)));
    }

    /// A fit near the no-heterogeneity, no-dropout limit (r and α huge with r/α finite, a
    /// and b small, as on the Superstore sample) still predicts: every customer, one-time
    /// buyers included (where a + b − 1 < 0), expects about (r/α)·h purchases.
    #[test]
    fn the_poisson_limit_still_predicts() {
        let model = BgNbd {
            r: 205_586_630_589.558,
            alpha: 6_360_609_213_281.32,
            a: 2.0366e-5,
            b: 0.037_029_58,
        };
        let rate = model.r / model.alpha * 52.0;
        for t in [
            Triple {
                frequency: 0,
                recency: 0.0,
                age: 10.0,
            },
            Triple {
                frequency: 3,
                recency: 150.0,
                age: 200.0,
            },
        ] {
            let expected = model.expected_purchases(52.0, t);
            assert!(
                (expected - rate).abs() < 1e-3 * rate,
                "{t:?}: {expected} vs {rate}"
            );
        }
    }
}
