//! The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
//! curves for customer base analysis"; Colombo & Jiang 1999): the value of each repeat
//! purchase is Gamma(p, ν) around a customer's mean, with ν ~ Gamma(q, γ) across customers
//! (`v` is γ, as lifetimes names it).
//!
//! Fitted on customers with at least one repeat purchase, from their repeat count `x` and
//! mean repeat value `m` (lifetimes' `GammaGammaFitter`). The model assumes that spend
//! per purchase does not depend on how often a customer buys; [`independence`] gives the
//! Pearson correlation between the two, which should be near zero for the model to hold.

use super::mle::{maximize, FitReport};
use super::special::ln_gamma;
use crate::progress::{Progress, Stage};
use crate::{Counted, Error, Result};
use serde::{Deserialize, Serialize};

/// Gamma-Gamma parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GammaGamma {
    /// Shape of a purchase's value around the customer's mean.
    pub p: f64,
    /// Shape of the customers' rate parameter.
    pub q: f64,
    /// Scale of the customers' rate parameter (γ).
    pub v: f64,
}

/// One repeat customer as the spend model reads them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spend {
    /// Repeat purchases (at least 1).
    pub frequency: u32,
    /// Mean value of a repeat purchase (positive).
    pub monetary: f64,
}

impl GammaGamma {
    /// Summed log-likelihood of repeat customers.
    pub fn log_likelihood(&self, spends: &[Spend]) -> f64 {
        let GammaGamma { p, q, v } = *self;
        let constant = -ln_gamma(q) + q * v.ln();
        spends
            .iter()
            .map(|s| {
                let x = f64::from(s.frequency);
                let m = s.monetary;
                constant + ln_gamma(p * x + q) - ln_gamma(p * x)
                    + (p * x - 1.0) * m.ln()
                    + p * x * x.ln()
                    - (p * x + q) * (x * m + v).ln()
            })
            .sum()
    }

    /// Expected mean value of a customer's future purchases: the population mean shrunk
    /// towards their own mean by how much they have bought (q must exceed 1).
    pub fn expected_value(&self, frequency: u32, monetary: f64) -> f64 {
        let GammaGamma { p, q, v } = *self;
        let x = f64::from(frequency);
        let population = p * v / (q - 1.0);
        let weight = p * x / (p * x + q - 1.0);
        (1.0 - weight) * population + weight * monetary
    }
}

/// Fits the spend model on repeat customers with a positive mean value.
pub fn fit(spends: &[Spend], progress: &mut dyn Progress) -> Result<(GammaGamma, FitReport)> {
    if spends.len() < 2 {
        return Err(Error::not_enough(Counted::RepeatCustomers, 2, spends.len()));
    }
    let n = spends.len() as f64;
    let mean = spends.iter().map(|s| s.monetary).sum::<f64>() / n;
    let mut objective = |p: &[f64]| {
        let params = GammaGamma {
            p: p[0].exp(),
            q: p[1].exp(),
            v: p[2].exp(),
        };
        -params.log_likelihood(spends) / n
    };
    let starts = [
        vec![0.0, 0.0, 0.0],
        vec![0.0, 2f64.ln(), mean.max(1e-9).ln()],
        vec![5f64.ln(), 3f64.ln(), mean.max(1e-9).ln()],
    ];
    let (p, report) = maximize(&mut objective, &starts, n, Stage::GammaGamma, progress)?;
    Ok((
        GammaGamma {
            p: p[0],
            q: p[1],
            v: p[2],
        },
        report,
    ))
}

/// Pearson correlation between repeat count and mean repeat value (NaN when either is
/// constant).
pub fn independence(spends: &[Spend]) -> f64 {
    let n = spends.len() as f64;
    let mx = spends.iter().map(|s| f64::from(s.frequency)).sum::<f64>() / n;
    let my = spends.iter().map(|s| s.monetary).sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for s in spends {
        let dx = f64::from(s.frequency) - mx;
        let dy = s.monetary - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    sxy / (sxx * syy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_value_shrinks_towards_the_population_mean() {
        let model = GammaGamma {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        };
        let population = 6.25 * 15.44 / 2.74;
        assert!((model.expected_value(0, 0.0) - population).abs() < 1e-12);
        let one = model.expected_value(1, 100.0);
        let many = model.expected_value(20, 100.0);
        assert!(population < one && one < many && many < 100.0);
    }

    #[test]
    fn correlation_sees_a_dependence() {
        let spends: Vec<Spend> = (1..=10)
            .map(|f| Spend {
                frequency: f,
                monetary: 10.0 * f64::from(f),
            })
            .collect();
        assert!((independence(&spends) - 1.0).abs() < 1e-12);
    }
}
