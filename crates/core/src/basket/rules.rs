//! Association rules from frequent itemsets (Agrawal & Srikant 1994, `ap-genrules`).
//!
//! For each frequent itemset Z, consequents grow level by level: a consequent of m + 1
//! items is tried only when all its m-item parts gave rules, because moving items from
//! antecedent to consequent can only lower the confidence. With one-item consequents (the
//! default, as in arules and pyfim) this is one pass over the items of Z; with any size,
//! the rules are those of mlxtend's `association_rules`.

use super::index::BasketIndex;
use super::itemsets::{contains_all, mine_itemsets, Itemsets};
use super::measures::{Measure, Measures};
use super::params::{ItemsetKind, MiningParams, Side};
use super::sink::StopReason;
use super::Transactions;
use crate::progress::Progress;
use crate::{Allowed, Error, Result};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// An association rule antecedent → consequent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Item ids of the antecedent (left-hand side), ascending.
    pub antecedent: Vec<u32>,
    /// Item ids of the consequent (right-hand side), ascending.
    pub consequent: Vec<u32>,
    /// Baskets with antecedent and consequent.
    pub count: u64,
    /// Baskets with the antecedent.
    pub antecedent_count: u64,
    /// Baskets with the consequent.
    pub consequent_count: u64,
    /// Support, confidence, lift and the other interest measures (flattened into the
    /// rule's JSON, so the fields sit beside the counts).
    #[serde(flatten)]
    pub measures: Measures,
    /// Revenue of the baskets with antecedent and consequent, when baskets carry revenue.
    pub revenue: Option<f64>,
}

impl Rule {
    /// The rule `antecedent` → `consequent` with every measure computed from its counts:
    /// `[both, antecedent, consequent]` baskets of `baskets` (no revenue). A front that
    /// moves rules as counts only (the tab's worker does, to keep messages small) gets
    /// back exactly the rule core made.
    pub fn from_counts(
        antecedent: Vec<u32>,
        consequent: Vec<u32>,
        [count, antecedent_count, consequent_count]: [u64; 3],
        baskets: u64,
    ) -> Rule {
        Rule {
            antecedent,
            consequent,
            count,
            antecedent_count,
            consequent_count,
            measures: Measures::from_counts(count, antecedent_count, consequent_count, baskets),
            revenue: None,
        }
    }
}

/// A measure read off a rule. It lives beside [`Rule`] so that [`super::measures`] (what
/// each measure means) needs nothing from the rules.
impl Measure {
    /// The value of this measure for a rule; `None` where it is undefined (or infinite,
    /// for conviction).
    pub fn value(self, rule: &Rule) -> Option<f64> {
        match self {
            Measure::Support => Some(rule.measures.support),
            Measure::Count => Some(rule.count as f64),
            Measure::Confidence => Some(rule.measures.confidence),
            Measure::Lift => Some(rule.measures.lift),
            Measure::Leverage => Some(rule.measures.leverage),
            Measure::Conviction => rule.measures.conviction,
            Measure::Zhang => rule.measures.zhang,
            Measure::Jaccard => Some(rule.measures.jaccard),
            Measure::Kulczynski => Some(rule.measures.kulczynski),
            Measure::Certainty => rule.measures.certainty,
            Measure::Revenue => rule.revenue,
        }
    }

    /// The value used to rank rules, largest first: an infinite conviction ranks above every
    /// finite one; other undefined values rank last.
    pub fn rank_value(self, rule: &Rule) -> f64 {
        match (self, self.value(rule)) {
            (_, Some(v)) => v,
            (Measure::Conviction, None) => f64::INFINITY,
            (_, None) => f64::NEG_INFINITY,
        }
    }
}

/// Parameters of rule generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleParams {
    /// Minimum confidence in [0, 1]. Default 0.8 (arules' default).
    pub min_confidence: f64,
    /// Minimum lift; `None` (the default) for no filter.
    pub min_lift: Option<f64>,
    /// Most items in a consequent. Default 1 (arules and pyfim); `usize::MAX` for any.
    pub max_consequent: usize,
    /// Measure the rules are ranked by, largest first. Default lift.
    pub sort: Measure,
    /// Keep only the first `top` rules after sorting; `None` (the default) keeps all.
    pub top: Option<usize>,
}

impl Default for RuleParams {
    fn default() -> RuleParams {
        RuleParams::new(0.8)
    }
}

impl RuleParams {
    /// Parameters with the given minimum confidence and the documented defaults.
    pub fn new(min_confidence: f64) -> RuleParams {
        RuleParams {
            min_confidence,
            min_lift: None,
            max_consequent: 1,
            sort: Measure::Lift,
            top: None,
        }
    }

    /// Checks every parameter; the error names the first bad one and its value.
    pub fn check(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return Err(Error::invalid_parameter(
                "min_confidence",
                self.min_confidence,
                Allowed::UnitInterval,
            ));
        }
        if let Some(lift) = self.min_lift {
            if !(lift.is_finite() && lift >= 0.0) {
                return Err(Error::invalid_parameter(
                    "min_lift",
                    lift,
                    Allowed::NonNegative,
                ));
            }
        }
        if self.max_consequent == 0 {
            return Err(Error::invalid_parameter(
                "max_consequent",
                0,
                Allowed::AtLeast(1.0),
            ));
        }
        if self.top == Some(0) {
            return Err(Error::invalid_parameter("top", 0, Allowed::AtLeast(1.0)));
        }
        Ok(())
    }
}

/// The rules of a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// Number of baskets.
    pub baskets: usize,
    /// The basket count an itemset needed.
    pub min_count: u64,
    /// Number of frequent itemsets the rules came from.
    pub itemsets: usize,
    /// Rules, ranked by the chosen measure (ties: more baskets first, then by item ids).
    pub rules: Vec<Rule>,
    /// Set when the itemset search stopped early: the rules are then only a part.
    pub partial: Option<StopReason>,
}

/// Mines the frequent itemsets of `tx` (all of them, whatever `mining.target` says: rules
/// need every subset's count) and builds the rules. Item constraints of
/// `mining.appearance` apply: sides to antecedent and consequent, `require` to the whole
/// rule.
pub fn mine_rules(
    tx: &Transactions,
    mining: &MiningParams,
    params: &RuleParams,
    progress: &mut dyn Progress,
) -> Result<Rules> {
    params.check()?;
    let mut search = mining.clone();
    search.target = ItemsetKind::All;
    search.min_len = 1;
    search.appearance.require.clear();
    let itemsets = mine_itemsets(tx, &search, progress)?;
    let sides = mining.appearance.sides(&tx.items)?;
    let required = mining.appearance.required(&tx.items)?;
    let mut rules = rules_from_itemsets(tx, &itemsets, params)?;
    if !mining.appearance.is_unconstrained() {
        let side = |i: &u32| sides.get(*i as usize).copied().unwrap_or(Side::Both);
        rules.rules.retain(|r| {
            r.antecedent
                .iter()
                .all(|i| matches!(side(i), Side::Lhs | Side::Both))
                && r.consequent
                    .iter()
                    .all(|i| matches!(side(i), Side::Rhs | Side::Both))
                && (required.is_empty() || {
                    let mut all = r.antecedent.clone();
                    all.extend_from_slice(&r.consequent);
                    all.sort_unstable();
                    contains_all(&all, &required)
                })
        });
    }
    Ok(rules)
}

/// Builds the rules of complete frequent itemsets (target all, as [`mine_itemsets`] gives
/// them). Rules whose parts are missing from a partial result are skipped.
pub fn rules_from_itemsets(
    tx: &Transactions,
    itemsets: &Itemsets,
    params: &RuleParams,
) -> Result<Rules> {
    params.check()?;
    let counts: FxHashMap<&[u32], u64> = itemsets
        .itemsets
        .iter()
        .map(|s| (s.items.as_slice(), s.count))
        .collect();
    let baskets = itemsets.baskets as u64;
    let mut rules = Vec::new();
    let mut antecedent = Vec::new();
    for set in &itemsets.itemsets {
        let z = &set.items;
        if z.len() < 2 {
            continue;
        }
        let mut candidate = Candidate {
            z,
            count: set.count,
            counts: &counts,
            baskets,
            min_confidence: params.min_confidence,
            antecedent: &mut antecedent,
            rules: &mut rules,
        };
        // One-item consequents, without an allocation each (the default, and on dense data
        // such as mushroom millions of them).
        let deeper = params.max_consequent > 1 && z.len() > 2;
        let mut passed: Vec<Vec<u32>> = Vec::new();
        for &item in z {
            if candidate.try_rule(std::slice::from_ref(&item)) && deeper {
                passed.push(vec![item]);
            }
        }
        // Consequents of the current size that gave rules, as sorted item lists.
        let mut level = if deeper { join(&passed) } else { Vec::new() };
        let mut size = 2;
        while !level.is_empty() && size < z.len() && size <= params.max_consequent {
            passed.clear();
            for consequent in level {
                if candidate.try_rule(&consequent) {
                    passed.push(consequent);
                }
            }
            level = join(&passed);
            size += 1;
        }
    }
    if let Some(min_lift) = params.min_lift {
        rules.retain(|r| r.measures.lift >= min_lift);
    }
    if tx.revenue.is_some() {
        let index = BasketIndex::new(tx);
        for rule in &mut rules {
            let mut all = rule.antecedent.clone();
            all.extend_from_slice(&rule.consequent);
            all.sort_unstable();
            rule.revenue = index.revenue(tx, &all);
        }
    }
    sort_rules(&mut rules, params.sort);
    if let Some(top) = params.top {
        rules.truncate(top);
    }
    Ok(Rules {
        baskets: itemsets.baskets,
        min_count: itemsets.min_count,
        itemsets: itemsets.itemsets.len(),
        rules,
        partial: itemsets.partial,
    })
}

/// One frequent itemset Z whose rules are being built, and where they go.
struct Candidate<'a> {
    z: &'a [u32],
    count: u64,
    counts: &'a FxHashMap<&'a [u32], u64>,
    baskets: u64,
    min_confidence: f64,
    antecedent: &'a mut Vec<u32>,
    rules: &'a mut Vec<Rule>,
}

impl Candidate<'_> {
    /// Adds the rule Z minus `consequent` → `consequent` when both parts are frequent and
    /// it is confident enough; returns whether it was added.
    fn try_rule(&mut self, consequent: &[u32]) -> bool {
        self.antecedent.clear();
        self.antecedent
            .extend(self.z.iter().copied().filter(|i| !consequent.contains(i)));
        let (Some(&a), Some(&c)) = (
            self.counts.get(self.antecedent.as_slice()),
            self.counts.get(consequent),
        ) else {
            return false;
        };
        // The ratio, as pyfim and mlxtend compare it (a product could round away from an
        // exact tie such as 3/5 against 0.6).
        if (self.count as f64 / a as f64) < self.min_confidence {
            return false;
        }
        self.rules.push(Rule::from_counts(
            self.antecedent.clone(),
            consequent.to_vec(),
            [self.count, a, c],
            self.baskets,
        ));
        true
    }
}

/// Ranks rules by `measure`, largest first; ties by count (largest first), then by
/// antecedent and consequent ids, so the order is the same on every run and platform.
pub fn sort_rules(rules: &mut [Rule], measure: Measure) {
    rules.sort_by(|a, b| {
        measure
            .rank_value(b)
            .total_cmp(&measure.rank_value(a))
            .then(b.count.cmp(&a.count))
            .then_with(|| a.antecedent.cmp(&b.antecedent))
            .then_with(|| a.consequent.cmp(&b.consequent))
    });
}

/// Candidate consequents one item longer: sorted lists (all of one size, sorted) sharing
/// all but their last item are joined, and kept when every part one item shorter is
/// among `passed`.
fn join(passed: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    for (i, a) in passed.iter().enumerate() {
        for b in &passed[i + 1..] {
            let m = a.len();
            if a[..m - 1] != b[..m - 1] {
                continue;
            }
            let mut candidate = a.clone();
            candidate.push(b[m - 1]);
            if candidate[m - 1] > candidate[m] {
                candidate.swap(m - 1, m);
            }
            let all_parts = (0..candidate.len()).all(|drop| {
                let part: Vec<u32> = candidate
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != drop)
                    .map(|(_, &x)| x)
                    .collect();
                passed.contains(&part)
            });
            if all_parts {
                out.push(candidate);
            }
        }
    }
    out.sort();
    out
}
