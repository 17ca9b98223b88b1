//! The Pareto/NBD purchase model (Schmittlein, Morrison & Colombo 1987), the alternative
//! to BG/NBD: while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α)
//! and dies at an exponential time with rate μ ~ Gamma(s, β), at any moment rather than
//! only after a purchase.
//!
//! The likelihood is Fader, Hardie & Lee's note "A note on deriving the Pareto/NBD model
//! and related expressions" (2005), equation (22), through the Gauss hypergeometric
//! function as lifetimes' `ParetoNBDFitter` writes it; P(alive) and the expected purchases
//! follow from the same term.

use super::mle::{maximize, FitReport};
use super::special::{hyp2f1, ln_gamma, log_add_exp};
use super::summary::{Triple, Triples};
use super::PurchaseModel;
use crate::progress::{Progress, Stage};
use crate::{Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Pareto/NBD parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ParetoNbd {
    /// Shape of the purchase-rate distribution.
    pub r: f64,
    /// Scale of the purchase-rate distribution, in time units.
    pub alpha: f64,
    /// Shape of the death-rate distribution.
    pub s: f64,
    /// Scale of the death-rate distribution, in time units.
    pub beta: f64,
}

impl ParetoNbd {
    /// ln A₀ of the note's equation (22): the probability mass of dying between the last
    /// purchase and the end, up to the factors outside.
    fn log_a0(&self, t: Triple) -> f64 {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let x = f64::from(t.frequency);
        let rsx = r + s + x;
        let (low, high, second) = if alpha < beta {
            (alpha, beta, r + x)
        } else {
            (beta, alpha, s + 1.0)
        };
        let gap = high - low;
        let at = |time: f64| {
            let h = hyp2f1(rsx, second, rsx + 1.0, gap / (high + time));
            h.ln() - rsx * (high + time).ln()
        };
        let (early, late) = (at(t.recency), at(t.age));
        // ln(e^early − e^late); early ≥ late since the term falls with time.
        early + (-(late - early).exp()).ln_1p()
    }

    /// Log-likelihood of one history.
    pub fn log_likelihood_one(&self, t: Triple) -> f64 {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let x = f64::from(t.frequency);
        let head = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln() + s * beta.ln();
        head + log_add_exp(
            -(r + x) * (alpha + t.age).ln() - s * (beta + t.age).ln(),
            s.ln() + self.log_a0(t) - (r + s + x).ln(),
        )
    }

    /// Summed log-likelihood of weighted histories.
    pub fn log_likelihood(&self, data: &Triples) -> f64 {
        data.triples
            .iter()
            .zip(&data.weights)
            .map(|(t, w)| w * self.log_likelihood_one(*t))
            .sum()
    }
}

impl PurchaseModel for ParetoNbd {
    fn p_alive(&self, t: Triple) -> f64 {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let x = f64::from(t.frequency);
        let log_ratio = (s / (r + s + x)).ln()
            + (r + x) * (alpha + t.age).ln()
            + s * (beta + t.age).ln()
            + self.log_a0(t);
        1.0 / (1.0 + log_ratio.exp())
    }

    fn expected_purchases(&self, horizon: f64, t: Triple) -> f64 {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let x = f64::from(t.frequency);
        let rate = (r + x) * (beta + t.age) / ((alpha + t.age) * (s - 1.0));
        let lasting = 1.0 - ((beta + t.age) / (beta + t.age + horizon)).powf(s - 1.0);
        rate * lasting * self.p_alive(t)
    }
}

/// Fits Pareto/NBD by maximum likelihood on weighted histories.
pub fn fit(data: &Triples, progress: &mut dyn Progress) -> Result<(ParetoNbd, FitReport)> {
    let customers = data.customers();
    if customers < 2.0 || data.triples.iter().all(|t| t.frequency == 0) {
        return Err(Error::not_enough(Counted::RepeatCustomers, 1, 0));
    }
    let scale = data.mean_age().max(1e-6).ln();
    let mut objective = |p: &[f64]| {
        let params = ParetoNbd {
            r: p[0].exp(),
            alpha: p[1].exp(),
            s: p[2].exp(),
            beta: p[3].exp(),
        };
        -params.log_likelihood(data) / customers
    };
    let starts = [
        vec![0.0, 0.0, 0.0, 0.0],
        vec![0.0, scale, 0.0, scale],
        vec![(0.5f64).ln(), scale, (0.5f64).ln(), scale + 1.0],
    ];
    let (p, report) = maximize(
        &mut objective,
        &starts,
        customers,
        Stage::ParetoNbd,
        progress,
    )?;
    Ok((
        ParetoNbd {
            r: p[0],
            alpha: p[1],
            s: p[2],
            beta: p[3],
        },
        report,
    ))
}
