//! A basket search's rules in their compact wire form ([`RuleList`]), as they cross the
//! worker boundary and as the session's results file keeps them. A module of its own
//! because both the messages ([`super::baskets::Mined`]) and the chunks
//! ([`super::chunk::Chunk`]) carry rules this way.

use serde::{Deserialize, Serialize};
use shoplens_core::basket::Rule;

/// Rules as they cross to the page: items and the three basket counts of each rule, and
/// the basket count they share; the page computes the measures again with core's
/// [`Rule::from_counts`]. Written out with all fourteen measures, 50,000 rules were 17 MB
/// of JSON, which the page parsed in one long task; as counts they are about a tenth.
/// It reads as the list of rules (`Deref` to `Vec<Rule>`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleList {
    /// Baskets the measures are shares of.
    pub baskets: u64,
    /// The rules.
    pub rules: Vec<Rule>,
}

impl std::ops::Deref for RuleList {
    type Target = Vec<Rule>;
    fn deref(&self) -> &Vec<Rule> {
        &self.rules
    }
}

impl std::ops::DerefMut for RuleList {
    fn deref_mut(&mut self) -> &mut Vec<Rule> {
        &mut self.rules
    }
}

/// One rule on the wire: antecedent, consequent, [both, antecedent, consequent] counts,
/// revenue.
type WireRule = (Vec<u32>, Vec<u32>, [u64; 3], Option<f64>);

/// The same, borrowed, for writing.
type WireRuleRef<'a> = (&'a [u32], &'a [u32], [u64; 3], Option<f64>);

#[derive(Deserialize)]
struct WireRules {
    baskets: u64,
    rules: Vec<WireRule>,
}

#[derive(Serialize)]
struct WireRulesRef<'a> {
    baskets: u64,
    rules: Vec<WireRuleRef<'a>>,
}

/// A run of rules written as a [`RuleList`] is, without copying them (the session's
/// results file writes a search's rules a slice at a time, see [`super::lists`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleSlice<'a> {
    /// Baskets the measures are shares of.
    pub baskets: u64,
    /// The rules.
    pub rules: &'a [Rule],
}

impl Serialize for RuleSlice<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireRulesRef {
            baskets: self.baskets,
            rules: self
                .rules
                .iter()
                .map(|r| {
                    (
                        r.antecedent.as_slice(),
                        r.consequent.as_slice(),
                        [r.count, r.antecedent_count, r.consequent_count],
                        r.revenue,
                    )
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

impl Serialize for RuleList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RuleSlice {
            baskets: self.baskets,
            rules: &self.rules,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RuleList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = WireRules::deserialize(deserializer)?;
        let rules = wire
            .rules
            .into_iter()
            .map(|(antecedent, consequent, counts, revenue)| Rule {
                revenue,
                ..Rule::from_counts(antecedent, consequent, counts, wire.baskets)
            })
            .collect();
        Ok(RuleList {
            baskets: wire.baskets,
            rules,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::protocol::baskets::{tests::searched, BasketOutput};
    use crate::worker::protocol::Output;

    /// Rules sent as counts come back as the very rules core made (every measure equal to
    /// the bit), and their JSON is a fraction of the full form's.
    #[test]
    fn rules_cross_as_counts_unchanged() {
        let Output::Baskets(BasketOutput::Mined(mined)) = searched() else {
            unreachable!()
        };
        assert!(mined.rules.len() > 100, "{}", mined.rules.len());
        assert!(mined.rules.iter().any(|r| r.revenue.is_some()));
        let compact = serde_json::to_string(&mined.rules).unwrap();
        let back: RuleList = serde_json::from_str(&compact).unwrap();
        assert_eq!(back, mined.rules);
        let full = serde_json::to_string(&mined.rules.rules).unwrap();
        assert!(
            compact.len() * 3 < full.len(),
            "{} vs {}",
            compact.len(),
            full.len()
        );
    }
}
