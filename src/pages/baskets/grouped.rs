//! The grouped matrix of rules (as arulesViz's `method = "grouped"`): rules are grouped
//! by their antecedent, the groups become columns, the consequents rows, and each cell
//! aggregates the rules of one group with one consequent.
//!
//! Grouping follows the idea of arulesViz (Hahsler & Chelluboina, "Visualizing
//! association rules in hierarchical groups", 2011) with a simpler, deterministic key
//! instead of its k-means on the antecedents: each rule joins the group of its antecedent
//! item that is most frequent among all antecedents (ties: the lower item id), so rules
//! sharing a popular item land together. The [`GROUPS`] largest groups (by rule count)
//! become the columns; the [`CONSEQUENTS`] consequents with the highest lift among their
//! rules become the rows. A cell's circle is sized by the mean support and coloured by the
//! mean lift of its rules.
//!
//! Also the rule filter a click on a cell puts on the rules table.

use std::collections::HashMap;
use std::sync::Arc;

use shoplens_core::basket::Rule;
use shoplens_core::Lang;

use crate::charts::rules_matrix::{Matrix, MatrixCell};
use crate::i18n::baskets as text;
use crate::worker::protocol::baskets::Mined;

/// Most antecedent groups (columns).
pub const GROUPS: usize = 20;

/// Most consequents (rows).
pub const CONSEQUENTS: usize = 20;

/// Items named in a group's label before "+n more".
const LABEL_ITEMS: usize = 2;

/// One antecedent group.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The group's most common antecedent items, most common first (at most
    /// [`LABEL_ITEMS`]).
    pub top: Vec<String>,
    /// Other distinct antecedent items in the group.
    pub more: usize,
    /// Rules in the group (all consequents).
    pub rules: usize,
}

/// One cell: the rules of a group with one consequent.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Column (group) index.
    pub group: usize,
    /// Row (consequent) index.
    pub row: usize,
    /// The rules, as indices into `Mined::rules`, in lift order.
    pub rules: Arc<Vec<u32>>,
    /// Mean support of the rules.
    pub support: f64,
    /// Mean lift of the rules.
    pub lift: f64,
}

/// The grouped matrix of a search's rules.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grouping {
    /// Columns.
    pub groups: Vec<Group>,
    /// Rows: each consequent's item names.
    pub consequents: Vec<Vec<String>>,
    /// Non-empty cells, column by column.
    pub cells: Vec<Cell>,
}

impl Grouping {
    /// Groups the rules of `mined`.
    pub fn new(mined: &Mined) -> Grouping {
        Grouping::of_rules(&mined.rules, &mined.items)
    }

    /// Groups `rules`, whose item ids index `items`.
    pub fn of_rules(rules: &[Rule], items: &[String]) -> Grouping {
        let name = |id: u32| items.get(id as usize).cloned().unwrap_or_default();
        let mut frequency = vec![0u32; items.len()];
        for rule in rules {
            for &item in &rule.antecedent {
                if let Some(f) = frequency.get_mut(item as usize) {
                    *f += 1;
                }
            }
        }
        let frequency_of = |item: u32| frequency.get(item as usize).copied().unwrap_or(0);
        // Each rule's group key: its antecedent's most frequent item.
        let mut by_key: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, rule) in rules.iter().enumerate() {
            let key = rule
                .antecedent
                .iter()
                .copied()
                .max_by(|&a, &b| frequency_of(a).cmp(&frequency_of(b)).then(b.cmp(&a)));
            if let Some(key) = key {
                by_key.entry(key).or_default().push(i as u32);
            }
        }
        let mut keyed: Vec<(u32, Vec<u32>)> = by_key.into_iter().collect();
        keyed.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        keyed.truncate(GROUPS);

        let groups = keyed
            .iter()
            .map(|(_, members)| {
                let mut counts: HashMap<u32, u32> = HashMap::new();
                for &r in members {
                    for &item in &rules[r as usize].antecedent {
                        *counts.entry(item).or_default() += 1;
                    }
                }
                let mut items: Vec<(u32, u32)> = counts.into_iter().collect();
                items.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                Group {
                    top: items
                        .iter()
                        .take(LABEL_ITEMS)
                        .map(|&(item, _)| name(item))
                        .collect(),
                    more: items.len().saturating_sub(LABEL_ITEMS),
                    rules: members.len(),
                }
            })
            .collect();

        // Rows: the consequents of the shown groups with the highest lift.
        let mut best_lift: HashMap<&[u32], f64> = HashMap::new();
        for (_, members) in &keyed {
            for &r in members {
                let rule = &rules[r as usize];
                let best = best_lift
                    .entry(rule.consequent.as_slice())
                    .or_insert(f64::NEG_INFINITY);
                *best = best.max(rule.measures.lift);
            }
        }
        let mut rows: Vec<(&[u32], f64)> = best_lift.into_iter().collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        rows.truncate(CONSEQUENTS);
        let row_of: HashMap<&[u32], usize> = rows
            .iter()
            .enumerate()
            .map(|(row, (key, _))| (*key, row))
            .collect();

        let mut cells = Vec::new();
        for (group, (_, members)) in keyed.iter().enumerate() {
            let mut by_row: Vec<Vec<u32>> = vec![Vec::new(); rows.len()];
            for &r in members {
                if let Some(&row) = row_of.get(rules[r as usize].consequent.as_slice()) {
                    by_row[row].push(r);
                }
            }
            for (row, members) in by_row.into_iter().enumerate() {
                if members.is_empty() {
                    continue;
                }
                let n = members.len() as f64;
                let support = members
                    .iter()
                    .map(|&r| rules[r as usize].measures.support)
                    .sum::<f64>()
                    / n;
                let lift = members
                    .iter()
                    .map(|&r| rules[r as usize].measures.lift)
                    .sum::<f64>()
                    / n;
                cells.push(Cell {
                    group,
                    row,
                    rules: Arc::new(members),
                    support,
                    lift,
                });
            }
        }
        Grouping {
            groups,
            consequents: rows
                .iter()
                .map(|(key, _)| key.iter().map(|&i| name(i)).collect())
                .collect(),
            cells,
        }
    }

    /// Column `group`'s label in `lang`: "{a, b, +3 more}".
    pub fn group_label(&self, lang: Lang, group: usize) -> String {
        self.groups
            .get(group)
            .map(|g| text::group_label(lang, &g.top.join(", "), g.more))
            .unwrap_or_default()
    }

    /// Row `row`'s label: "{c}".
    pub fn consequent_label(&self, row: usize) -> String {
        self.consequents
            .get(row)
            .map(|c| format!("{{{}}}", c.join(", ")))
            .unwrap_or_default()
    }

    /// The matrix the chart draws, labelled in `lang`.
    pub fn matrix(&self, lang: Lang) -> Matrix {
        Matrix {
            columns: (0..self.groups.len())
                .map(|g| self.group_label(lang, g))
                .collect(),
            rows: (0..self.consequents.len())
                .map(|r| self.consequent_label(r))
                .collect(),
            cells: self
                .cells
                .iter()
                .map(|c| MatrixCell {
                    column: c.group,
                    row: c.row,
                    size: c.support,
                    colour: c.lift,
                })
                .collect(),
        }
    }
}

/// The rules table's filter set by a click on a matrix cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellFilter {
    /// The group's label items and "+n more" count.
    pub group: Group,
    /// The consequent, "{c}".
    pub consequent: String,
    /// The rules shown, as indices into `Mined::rules`.
    pub rules: Arc<Vec<u32>>,
}

impl CellFilter {
    /// The filter of cell `cell` of `grouping`.
    pub fn of(grouping: &Grouping, cell: usize) -> Option<CellFilter> {
        let c = grouping.cells.get(cell)?;
        Some(CellFilter {
            group: grouping.groups.get(c.group)?.clone(),
            consequent: grouping.consequent_label(c.row),
            rules: c.rules.clone(),
        })
    }

    /// "{a, b, +3 more} → {c}" in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        format!(
            "{} → {}",
            text::group_label(lang, &self.group.top.join(", "), self.group.more),
            self.consequent
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shoplens_core::basket::Measures;

    fn rule(antecedent: &[u32], consequent: &[u32], support: f64, lift: f64) -> Rule {
        Rule {
            antecedent: antecedent.to_vec(),
            consequent: consequent.to_vec(),
            count: 1,
            antecedent_count: 1,
            consequent_count: 1,
            measures: Measures {
                support,
                confidence: 0.5,
                lift,
                leverage: 0.0,
                conviction: None,
                zhang: None,
                jaccard: 0.0,
                kulczynski: 0.0,
                certainty: None,
            },
            revenue: None,
        }
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rules_group_by_their_most_common_antecedent_item() {
        // milk (0) is in three antecedents, bread (1) in two, eggs (2) in one.
        let rules = [
            rule(&[0, 1], &[3], 0.2, 3.0),
            rule(&[0], &[3], 0.1, 2.0),
            rule(&[0, 2], &[4], 0.3, 1.5),
            rule(&[1], &[4], 0.4, 1.2),
        ];
        let g = Grouping::of_rules(&rules, &names(&["milk", "bread", "eggs", "jam", "tea"]));
        assert_eq!(g.groups.len(), 2);
        assert_eq!(g.groups[0].rules, 3);
        assert_eq!(g.groups[0].top, ["milk", "bread"]);
        assert_eq!(g.groups[0].more, 1);
        assert_eq!(g.group_label(Lang::En, 0), "{milk, bread, +1 more}");
        assert_eq!(g.group_label(Lang::En, 1), "{bread}");
        // Rows by best lift: jam (3.0) before tea (1.5).
        assert_eq!(g.consequents, [vec!["jam"], vec!["tea"]]);
        let milk_jam = g.cells.iter().find(|c| c.group == 0 && c.row == 0).unwrap();
        assert_eq!(*milk_jam.rules, [0, 1]);
        assert!((milk_jam.support - 0.15).abs() < 1e-12);
        assert!((milk_jam.lift - 2.5).abs() < 1e-12);
        assert_eq!(g.cells.len(), 3);
        let filter = CellFilter::of(&g, 0).unwrap();
        assert_eq!(filter.label(Lang::En), "{milk, bread, +1 more} → {jam}");
    }

    #[test]
    fn at_most_twenty_columns_and_rows() {
        let rules: Vec<Rule> = (0..30u32)
            .flat_map(|a| (0..30u32).map(move |c| rule(&[a], &[100 + c], 0.1, f64::from(c))))
            .collect();
        let items: Vec<String> = (0..130).map(|i| format!("item {i}")).collect();
        let g = Grouping::of_rules(&rules, &items);
        assert_eq!((g.groups.len(), g.consequents.len()), (GROUPS, CONSEQUENTS));
        assert_eq!(g.cells.len(), GROUPS * CONSEQUENTS);
        // The highest lifts are the rows.
        assert_eq!(g.consequents[0], ["item 129"]);
    }
}
