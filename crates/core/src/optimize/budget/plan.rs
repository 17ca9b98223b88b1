//! From history to advice: fit the response model, allocate, and say how far to trust it.
//!
//! Channels that share one outcome series (a wide file) are fitted together as one
//! [`MediaModel`] (base + a Hill curve of carried-over spend per channel); channels with an
//! outcome each (a long file) are fitted one by one with the same model. The allocation is
//! then checked against what the history can support: a split that predicts no more than
//! today's is not recommended (today's split is kept), and a spend outside the range the
//! history saw is flagged as extrapolation. For one shared outcome, the model is also refit
//! on the first rows and scored on the rest against a straight line ([`HoldoutCheck`]).

use super::allocate::{allocate, AllocateParams, Allocation, AllocationPlan, ChannelBounds};
use super::history::ChannelHistory;
use super::media::{adstock, fit_media_model, holdout_check, HoldoutCheck, MediaModel};
use super::response::{fit_hill, fit_log, Curve, ResponseFit};
use crate::optimize::genetic::GaParams;
use crate::progress::Progress;
use crate::{Allowed, Error, Result};
use serde::{Deserialize, Serialize};

/// Which response curve drives the allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelChoice {
    /// The default: the Hill curves with carry-over ([`MediaModel`]), the model that can
    /// neither predict a negative outcome nor grow without bound.
    Best,
    /// Per channel, a logarithmic curve `a + b·ln(1 + spend)` floored at zero (no
    /// carry-over, no saturation), fitted to the channel alone.
    Log,
    /// The Hill curves with carry-over, as `Best`.
    Hill,
}

impl ModelChoice {
    /// The choice's name in the user's language.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (ModelChoice::Best, crate::Lang::En) => "Hill saturation with carry-over",
            (ModelChoice::Best, crate::Lang::Zh) => "带延续效应的 Hill 饱和曲线",
            (ModelChoice::Log, crate::Lang::En) => "logarithmic",
            (ModelChoice::Log, crate::Lang::Zh) => "对数曲线",
            (ModelChoice::Hill, crate::Lang::En) => "Hill saturation",
            (ModelChoice::Hill, crate::Lang::Zh) => "Hill 饱和曲线",
        }
    }
}

/// Spend limits for one channel; missing limits are 0 and the whole total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelLimit {
    /// Channel name as in the history.
    pub channel: String,
    /// Least spend.
    pub min: Option<f64>,
    /// Most spend.
    pub max: Option<f64>,
}

/// Parameters of [`plan_budget`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetParams {
    /// The budget to split.
    pub total: f64,
    /// Which curve to use. Default [`ModelChoice::Best`].
    pub model: ModelChoice,
    /// Per-channel limits. Default none (0 to the total).
    pub limits: Vec<ChannelLimit>,
    /// Increments of the greedy pass. Default 1000.
    pub greedy_steps: usize,
    /// Genetic algorithm settings.
    pub ga: GaParams,
    /// Share of the rows, at the end, the fit check holds out. Default 0.25.
    #[serde(default = "default_holdout")]
    pub holdout: f64,
}

fn default_holdout() -> f64 {
    0.25
}

impl BudgetParams {
    /// Defaults for a given total.
    pub fn new(total: f64) -> BudgetParams {
        BudgetParams {
            total,
            model: ModelChoice::Best,
            limits: Vec::new(),
            greedy_steps: 1000,
            ga: GaParams::new(),
            holdout: default_holdout(),
        }
    }
}

/// Both fits of one channel and the one used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelFit {
    /// Channel name.
    pub name: String,
    /// Observations used.
    pub observations: usize,
    /// Mean historical spend.
    pub mean_spend: f64,
    /// The logarithmic fit.
    pub log: ResponseFit,
    /// The Hill fit.
    pub hill: ResponseFit,
    /// The curve used for allocation: the long-run outcome the channel adds at a steady
    /// spend per period.
    pub chosen: Curve,
    /// Carry-over λ of the channel's spend (0 for the logarithmic curve).
    pub decay: f64,
    /// Added to `chosen` to draw it over the observed outcome: the base and the other
    /// channels' mean contribution.
    pub offset: f64,
    /// Least spend in the history.
    pub history_min: f64,
    /// Most spend in the history.
    pub history_max: f64,
}

/// The answer of [`plan_budget`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetPlan {
    /// Fits per channel (the page draws them over the scatter of the history).
    pub fits: Vec<ChannelFit>,
    /// The three splits; `predicted` includes `base`.
    pub allocation: AllocationPlan,
    /// Outcome with no spend (the models' bases summed; 0 for the logarithmic curves).
    pub base: f64,
    /// Share of the outcome's variance the fitted model explains, in sample (for the
    /// logarithmic curves, pooled over the channels, each against its own outcome).
    pub r2: f64,
    /// The fit refitted on the first rows and scored on the rest, against a straight line
    /// (one shared outcome only).
    pub holdout: Option<HoldoutCheck>,
    /// Per allocation (current, greedy, genetic), per channel: spend outside the range
    /// the history saw by more than [`EXTRAPOLATION_MARGIN`].
    pub extrapolated: [Vec<bool>; 3],
}

/// How far outside the history's spend range a spend may go, as a share of that range's
/// bound, before it is flagged: 25 % above the most or below the least spend seen.
pub const EXTRAPOLATION_MARGIN: f64 = 0.25;

/// Whether `spend` lies well outside `[min, max]`.
pub fn is_extrapolation(spend: f64, min: f64, max: f64) -> bool {
    spend > max * (1.0 + EXTRAPOLATION_MARGIN) || spend < min * (1.0 - EXTRAPOLATION_MARGIN)
}

/// Channels grouped by the outcome series they share, in first-seen order.
fn groups(history: &[ChannelHistory]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, h) in history.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|g| history[g[0]].outcome == h.outcome)
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// Fits every channel and allocates `params.total`.
pub fn plan_budget(
    history: &[ChannelHistory],
    params: &BudgetParams,
    progress: &mut dyn Progress,
) -> Result<BudgetPlan> {
    for limit in &params.limits {
        if !history.iter().any(|h| h.name == limit.channel) {
            return Err(Error::invalid_parameter(
                "channel",
                &limit.channel,
                Allowed::OneOf(history.iter().map(|h| h.name.clone()).collect()),
            ));
        }
    }
    let mut fits = Vec::with_capacity(history.len());
    let mut bounds = Vec::with_capacity(history.len());
    let (mut base, mut sse, mut sst) = (0.0, 0.0, 0.0);
    let mut holdout = None;
    let media = params.model != ModelChoice::Log;
    let groups = groups(history);
    let variation = |outcome: &[f64]| {
        let mean = outcome.iter().sum::<f64>() / outcome.len().max(1) as f64;
        outcome.iter().map(|y| (y - mean).powi(2)).sum::<f64>()
    };
    // Per channel: its group's model, the channel's place in it, and the group.
    let mut models: Vec<Option<(MediaModel, usize, usize)>> = vec![None; history.len()];
    for (g, group) in groups.iter().enumerate() {
        let outcome = &history[group[0]].outcome;
        if !media {
            continue;
        }
        sst += variation(outcome);
        let spend: Vec<Vec<f64>> = group.iter().map(|&c| history[c].spend.clone()).collect();
        let model = fit_media_model(&spend, outcome)?;
        base += model.base;
        sse += model.sse;
        if groups.len() == 1 {
            // A history too short to split still gets its plan, without the check.
            holdout = holdout_check(&spend, outcome, params.holdout).ok();
        }
        for (slot, &c) in group.iter().enumerate() {
            models[c] = Some((model.clone(), slot, g));
        }
    }
    for (c, h) in history.iter().enumerate() {
        let log = fit_log(&h.spend, &h.outcome)?;
        let hill = fit_hill(&h.spend, &h.outcome)?;
        let mean_spend = h.spend.iter().sum::<f64>() / h.spend.len() as f64;
        let (chosen, decay, offset) = match &models[c] {
            Some((model, slot, g)) => {
                let r = model.channels[*slot];
                // The other channels at their mean fitted contribution over the history.
                let others: f64 = model
                    .channels
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i != slot)
                    .map(|(i, other)| {
                        let a = adstock(&history[groups[*g][i]].spend, other.decay);
                        a.iter().map(|&v| other.response(v)).sum::<f64>() / a.len().max(1) as f64
                    })
                    .sum();
                let curve = Curve::Hill {
                    top: r.top,
                    k: r.k,
                    h: r.h,
                };
                (curve, r.decay, model.base + others)
            }
            None => {
                // Pooled over the channels, each against its own outcome.
                sse += log.sse;
                sst += variation(&h.outcome);
                (log.curve, 0.0, 0.0)
            }
        };
        let limit = params.limits.iter().find(|l| l.channel == h.name);
        let history_min = h.spend.iter().copied().fold(f64::INFINITY, f64::min);
        let history_max = h.spend.iter().copied().fold(0.0, f64::max);
        bounds.push(ChannelBounds {
            name: h.name.clone(),
            curve: chosen,
            min: limit.and_then(|l| l.min).unwrap_or(0.0),
            max: limit.and_then(|l| l.max).unwrap_or(params.total),
            current_share: mean_spend,
        });
        fits.push(ChannelFit {
            name: h.name.clone(),
            observations: h.spend.len(),
            mean_spend,
            log,
            hill,
            chosen,
            decay,
            offset,
            history_min,
            history_max,
        });
    }
    let allocate_params = AllocateParams {
        total: params.total,
        greedy_steps: params.greedy_steps,
        ga: params.ga.clone(),
    };
    let mut allocation = allocate(&bounds, &allocate_params, progress)?;
    for a in [
        &mut allocation.current,
        &mut allocation.greedy,
        &mut allocation.genetic,
    ] {
        a.predicted += base;
    }
    let flags = |a: &Allocation| -> Vec<bool> {
        a.spend
            .iter()
            .zip(&fits)
            .map(|(&x, f)| is_extrapolation(x, f.history_min, f.history_max))
            .collect()
    };
    let extrapolated = [
        flags(&allocation.current),
        flags(&allocation.greedy),
        flags(&allocation.genetic),
    ];
    Ok(BudgetPlan {
        fits,
        allocation,
        base,
        r2: if sst > 0.0 { 1.0 - sse / sst } else { 0.0 },
        holdout,
        extrapolated,
    })
}

#[cfg(test)]
mod tests {
    use super::super::history::read_history;
    use super::*;
    use crate::progress::Silent;
    use crate::table::{read_bytes, ReadOptions};

    #[test]
    fn advertising_wide_and_fixture_long_both_plan() {
        let read = |bytes: &[u8]| read_bytes(bytes, &ReadOptions::default()).unwrap();
        let wide = read(include_bytes!(
            "../../../../../testdata/islr-advertising/Advertising.csv"
        ));
        let history = read_history(&wide, None).unwrap();
        let names: Vec<&str> = history.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["TV", "radio", "newspaper"]);
        assert!(history.iter().all(|h| h.spend.len() == 200));
        // Mean spends from the data: TV 147.0425, radio 23.264, newspaper 30.554.
        let total = 147.0425 + 23.264 + 30.554;
        let plan = plan_budget(&history, &BudgetParams::new(total), &mut Silent).unwrap();
        let a = &plan.allocation;
        assert!((a.current.spend[0] - 147.0425).abs() < 1e-9);
        assert!(a.genetic.predicted >= a.greedy.predicted - 1e-9);
        // The genetic algorithm starts from today's split, so it never predicts less; the
        // recommended split predicts at least today's.
        assert!(a.genetic.uplift >= 0.0);
        let recommended = match a.recommended {
            crate::optimize::budget::Recommended::Current => &a.current,
            crate::optimize::budget::Recommended::Greedy => &a.greedy,
            crate::optimize::budget::Recommended::Genetic => &a.genetic,
        };
        assert!(recommended.predicted >= a.current.predicted);
        assert!(plan.r2 > 0.9 && plan.holdout.is_some());
        let long = read(include_bytes!(
            "../../../../../testdata/fixtures/optimize_budget_long.csv"
        ));
        let history = read_history(&long, None).unwrap();
        assert_eq!(history.len(), 3);
        let mut params = BudgetParams::new(150.0);
        params.limits.push(ChannelLimit {
            channel: "display".into(),
            min: Some(20.0),
            max: Some(30.0),
        });
        let plan = plan_budget(&history, &params, &mut Silent).unwrap();
        let spend = &plan.allocation.genetic.spend;
        assert!(spend[2] >= 20.0 - 1e-9 && spend[2] <= 30.0 + 1e-9);
        assert!((spend.iter().sum::<f64>() - 150.0).abs() < 1e-6);
        // The synthetic data are Hill curves: Hill is the better fit on every channel.
        assert!(plan
            .fits
            .iter()
            .all(|f| matches!(f.chosen, Curve::Hill { .. })));
        params.limits[0].channel = "radio".into();
        let e = plan_budget(&history, &params, &mut Silent).unwrap_err();
        assert!(e.to_string().starts_with("channel = radio"), "{e}");
    }
}
