//! Interest measures of association rules, as defined by mlxtend 0.25's
//! `association_rules` (and Tan, Kumar & Srivastava 2004 for the definitions).
//!
//! With s(X) the fraction of baskets containing X, a rule A → C has
//! support s(AC), confidence s(AC)/s(A), lift confidence/s(C), leverage s(AC) − s(A)s(C),
//! conviction (1 − s(C))/(1 − confidence), Zhang's metric
//! leverage / max(s(AC)(1 − s(A)), s(A)(s(C) − s(AC))), Jaccard s(AC)/(s(A) + s(C) − s(AC)),
//! Kulczynski (s(AC)/s(A) + s(AC)/s(C))/2 and certainty factor
//! (confidence − s(C))/(1 − s(C)). A measure whose denominator is zero is `None`
//! (conviction of a rule with confidence 1 is infinite: `None`, shown as ∞).

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A quantity rules can be filtered and ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Fraction of baskets with antecedent and consequent.
    Support,
    /// Number of baskets with antecedent and consequent.
    Count,
    /// How often the consequent is bought when the antecedent is.
    Confidence,
    /// Confidence over the consequent's support: how much more likely than by chance.
    #[default]
    Lift,
    /// Support minus the support expected under independence.
    Leverage,
    /// How much more often the rule would be wrong by chance (∞ at confidence 1).
    Conviction,
    /// Zhang's metric, in [−1, 1]: association (>0) versus dissociation (<0).
    Zhang,
    /// Jaccard index of the baskets with the antecedent and with the consequent.
    Jaccard,
    /// Mean of the two confidences A → C and C → A.
    Kulczynski,
    /// Certainty factor: relative gain of confidence over the consequent's support.
    Certainty,
    /// Revenue of the baskets with antecedent and consequent.
    Revenue,
}

/// Every measure, in the order tables show them.
pub const MEASURES: [Measure; 11] = [
    Measure::Support,
    Measure::Count,
    Measure::Confidence,
    Measure::Lift,
    Measure::Leverage,
    Measure::Conviction,
    Measure::Zhang,
    Measure::Jaccard,
    Measure::Kulczynski,
    Measure::Certainty,
    Measure::Revenue,
];

impl Measure {
    /// The machine name (CLI flags, JSON keys): `"lift"`, `"zhang"`...
    pub fn name(self) -> &'static str {
        match self {
            Measure::Support => "support",
            Measure::Count => "count",
            Measure::Confidence => "confidence",
            Measure::Lift => "lift",
            Measure::Leverage => "leverage",
            Measure::Conviction => "conviction",
            Measure::Zhang => "zhang",
            Measure::Jaccard => "jaccard",
            Measure::Kulczynski => "kulczynski",
            Measure::Certainty => "certainty",
            Measure::Revenue => "revenue",
        }
    }

    /// The measure of a machine name, if any.
    pub fn from_name(name: &str) -> Option<Measure> {
        MEASURES
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The name shown to the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Measure::Support => lang.pick("支持度", "support"),
            Measure::Count => lang.pick("购物篮数", "baskets"),
            Measure::Confidence => lang.pick("置信度", "confidence"),
            Measure::Lift => lang.pick("提升度", "lift"),
            Measure::Leverage => lang.pick("杠杆率", "leverage"),
            Measure::Conviction => lang.pick("确信度", "conviction"),
            Measure::Zhang => lang.pick("Zhang 指标", "Zhang's metric"),
            Measure::Jaccard => lang.pick("Jaccard 系数", "Jaccard"),
            Measure::Kulczynski => lang.pick("Kulczynski 指标", "Kulczynski"),
            Measure::Certainty => lang.pick("确定性因子", "certainty factor"),
            Measure::Revenue => lang.pick("销售额", "revenue"),
        }
    }
}

/// The interest measures of one rule (every [`Measure`] but the counts and revenue, which
/// the rule holds itself).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Measures {
    /// See [`Measure::Support`].
    pub support: f64,
    /// See [`Measure::Confidence`].
    pub confidence: f64,
    /// See [`Measure::Lift`].
    pub lift: f64,
    /// See [`Measure::Leverage`].
    pub leverage: f64,
    /// See [`Measure::Conviction`]; `None` when the confidence is 1 (infinite).
    pub conviction: Option<f64>,
    /// See [`Measure::Zhang`]; `None` when undefined.
    pub zhang: Option<f64>,
    /// See [`Measure::Jaccard`].
    pub jaccard: f64,
    /// See [`Measure::Kulczynski`].
    pub kulczynski: f64,
    /// See [`Measure::Certainty`]; `None` when the consequent is in every basket.
    pub certainty: Option<f64>,
}

impl Measures {
    /// The measures of a rule from basket counts: the rule's (`both`), the antecedent's and
    /// the consequent's, among `baskets` baskets.
    pub fn from_counts(both: u64, antecedent: u64, consequent: u64, baskets: u64) -> Measures {
        let n = baskets.max(1) as f64;
        let s_ac = both as f64 / n;
        let s_a = antecedent.max(1) as f64 / n;
        let s_c = consequent.max(1) as f64 / n;
        let confidence = s_ac / s_a;
        let leverage = s_ac - s_a * s_c;
        // Compare counts, not floats, to decide the infinite and undefined cases exactly.
        let conviction = (both < antecedent).then(|| (1.0 - s_c) / (1.0 - confidence));
        let denominator = (s_ac * (1.0 - s_a)).max(s_a * (s_c - s_ac));
        let zhang = (denominator > 0.0).then(|| leverage / denominator);
        let certainty = (consequent < baskets).then(|| (confidence - s_c) / (1.0 - s_c));
        Measures {
            support: s_ac,
            confidence,
            lift: confidence / s_c,
            leverage,
            conviction,
            zhang,
            jaccard: s_ac / (s_a + s_c - s_ac),
            kulczynski: 0.5 * (s_ac / s_a + s_ac / s_c),
            certainty,
        }
    }
}
