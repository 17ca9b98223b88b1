//! From history to advice: fit both curves per channel, choose one, allocate.

use super::allocate::{allocate, AllocateParams, AllocationPlan, ChannelBounds};
use super::history::ChannelHistory;
use super::response::{fit_hill, fit_log, Curve, Fit};
use crate::optimize::genetic::GaParams;
use crate::progress::Progress;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// Which response curve drives the allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelChoice {
    /// Per channel, the curve with the smaller sum of squared errors.
    Best,
    /// The logarithmic curve everywhere.
    Log,
    /// The Hill curve everywhere.
    Hill,
}

impl ModelChoice {
    /// The choice's name in the user's language.
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (ModelChoice::Best, crate::Lang::En) => "best fit per channel",
            (ModelChoice::Best, crate::Lang::Zh) => "每个渠道取拟合最好的曲线",
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
    pub log: Fit,
    /// The Hill fit.
    pub hill: Fit,
    /// The curve used for allocation.
    pub chosen: Curve,
}

/// The answer of [`plan_budget`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetPlan {
    /// Fits per channel (the page draws them over the scatter of the history).
    pub fits: Vec<ChannelFit>,
    /// The three splits.
    pub allocation: AllocationPlan,
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
                format!(
                    "one of {}",
                    history
                        .iter()
                        .map(|h| h.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    let mut fits = Vec::with_capacity(history.len());
    let mut bounds = Vec::with_capacity(history.len());
    for h in history {
        let log = fit_log(&h.spend, &h.outcome)?;
        let hill = fit_hill(&h.spend, &h.outcome)?;
        let chosen = match params.model {
            ModelChoice::Log => log.curve,
            ModelChoice::Hill => hill.curve,
            ModelChoice::Best if hill.sse < log.sse => hill.curve,
            ModelChoice::Best => log.curve,
        };
        let mean_spend = h.spend.iter().sum::<f64>() / h.spend.len() as f64;
        let limit = params.limits.iter().find(|l| l.channel == h.name);
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
        });
    }
    let allocate_params = AllocateParams {
        total: params.total,
        greedy_steps: params.greedy_steps,
        ga: params.ga.clone(),
    };
    let allocation = allocate(&bounds, &allocate_params, progress)?;
    Ok(BudgetPlan { fits, allocation })
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
        assert!(a.greedy.uplift >= 0.0);
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
