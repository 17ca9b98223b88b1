//! Prediction intervals: `ŷ_h ± z · σ · √v_h`, where σ² is the variance of the in-sample
//! one-step errors and `v_h` the model's variance factor for step `h` (the analytical
//! variance of the additive-error state-space model, Hyndman et al. 2008, ch. 6; a random
//! walk's `h` for the naive forecast). Normal errors are assumed. When the history has no
//! negative value, the lower bound is cut at zero: demand cannot be negative. A fit made on
//! a Box-Cox scale gets its band there, bounds turned back to the original scale.

use super::boxcox;
use super::fitted::SeriesFit;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// A band around the point forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Coverage in percent (for example 95).
    pub level: f64,
    /// Lower bound per step.
    pub lower: Vec<f64>,
    /// Upper bound per step.
    pub upper: Vec<f64>,
}

/// The standard normal quantile function (Acklam's rational approximation, relative error
/// below 1.2e-9).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// The `level`% band of a fit; `history` decides whether to cut the lower bound at zero.
pub fn interval(fit: &SeriesFit, history: &[f64], level: f64) -> Result<Interval> {
    if !(level > 0.0 && level < 100.0) {
        return Err(Error::invalid_parameter(
            "level",
            level,
            crate::Allowed::CoveragePercent,
        ));
    }
    let z = normal_quantile(0.5 + level / 200.0);
    let non_negative = history.iter().all(|v| *v >= 0.0);
    let sigma = fit.sigma2.max(0.0).sqrt();
    // A fit on a Box-Cox scale: the band is made there and its bounds turned back (the
    // transform is monotone, so the band keeps its coverage).
    let (centre, back): (&[f64], Box<dyn Fn(f64) -> f64>) = match &fit.transformed {
        Some(t) => {
            let lambda = t.lambda;
            (&t.mean, Box::new(move |w| boxcox::inverse(w, lambda)))
        }
        None => (&fit.mean, Box::new(|v| v)),
    };
    let (lower, upper) = centre
        .iter()
        .zip(&fit.variance_factor)
        .map(|(m, v)| {
            let half = z * sigma * v.sqrt();
            let low = back(m - half);
            (
                if non_negative { low.max(0.0) } else { low },
                back(m + half),
            )
        })
        .unzip();
    Ok(Interval {
        level,
        lower,
        upper,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_quantiles_match_tables() {
        for (p, z) in [
            (0.975, 1.959_963_985),
            (0.9, 1.281_551_566),
            (0.5, 0.0),
            (0.005, -2.575_829_304),
        ] {
            assert!((normal_quantile(p) - z).abs() < 1e-8, "{p}");
        }
    }

    #[test]
    fn naive_band_widens_with_the_square_root_of_the_horizon() {
        let y = [10.0, 12.0, 11.0, 13.0, 12.0];
        let fit = super::super::naive::naive(&y, 4).unwrap();
        let band = interval(&fit, &y, 95.0).unwrap();
        let width = |h: usize| band.upper[h] - fit.mean[h];
        assert!((width(3) / width(0) - 2.0).abs() < 1e-12);
        assert!(interval(&fit, &y, 100.0).is_err());
    }
}
