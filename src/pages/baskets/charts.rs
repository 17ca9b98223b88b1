//! The rule charts: the support × confidence scatter coloured by lift, with its table
//! alternative (the top rules by lift).

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::basket::Measure;

use super::{rule_text, use_baskets};
use crate::charts::rules_graph::{Graph, GraphRule, RulesGraph};
use crate::charts::rules_scatter::{RulePoint, RulesScatter};
use crate::i18n::baskets::{t, BasketText as T};
use crate::state::use_app_state;
use crate::worker::jobs::baskets::Mined;

/// Rules listed in the scatter's table alternative.
const TABLE_ROWS: usize = 20;

/// Rules drawn in the graph (the best by lift).
const GRAPH_RULES: usize = 25;

/// The graph of the best rules by lift (rules arrive ranked by lift).
fn graph(mined: &Mined) -> Graph {
    let mut nodes: Vec<u32> = Vec::new();
    let node = |id: u32, nodes: &mut Vec<u32>| match nodes.iter().position(|&n| n == id) {
        Some(i) => i,
        None => {
            nodes.push(id);
            nodes.len() - 1
        }
    };
    let rules = mined
        .rules
        .iter()
        .take(GRAPH_RULES)
        .map(|r| GraphRule {
            from: r.antecedent.iter().map(|&i| node(i, &mut nodes)).collect(),
            to: r.consequent.iter().map(|&i| node(i, &mut nodes)).collect(),
            support: r.support,
            lift: r.lift,
        })
        .collect();
    Graph {
        nodes: nodes
            .into_iter()
            .map(|i| mined.items.get(i as usize).cloned().unwrap_or_default())
            .collect(),
        rules,
    }
}

/// The charts of a search's rules.
#[component]
pub fn RulesCharts(mined: Arc<Mined>) -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    if mined.rules.is_empty() {
        return ().into_any();
    }
    let points: Arc<Vec<RulePoint>> = Arc::new(
        mined
            .rules
            .iter()
            .map(|r| RulePoint {
                support: r.support,
                confidence: r.confidence,
                lift: r.lift,
            })
            .collect(),
    );
    let hover_data = mined.clone();
    let describe = Callback::new(move |i: usize| {
        let r = &hover_data.rules[i];
        format!(
            "{}  ·  {} {:.4}  ·  {} {:.4}  ·  {} {:.4}",
            rule_text(&hover_data, i),
            Measure::Support.label(lang.get_untracked()),
            r.support,
            Measure::Confidence.label(lang.get_untracked()),
            r.confidence,
            Measure::Lift.label(lang.get_untracked()),
            r.lift
        )
    });
    let titles = Signal::derive(move || {
        let lang = lang.get();
        (
            Measure::Support.label(lang).to_string(),
            Measure::Confidence.label(lang).to_string(),
            Measure::Lift.label(lang).to_string(),
        )
    });
    // Rules arrive ranked by lift: the first rows are the strongest.
    let rows = (0..mined.rules.len().min(TABLE_ROWS))
        .map(|i| {
            let r = &mined.rules[i];
            view! {
                <tr>
                    <td>{rule_text(&mined, i)}</td>
                    <td class="num">{format!("{:.4}", r.support)}</td>
                    <td class="num">{format!("{:.4}", r.confidence)}</td>
                    <td class="num">{format!("{:.4}", r.lift)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="rule-charts">
            <h2>{move || t(lang.get(), T::ScatterHeading)}</h2>
            <RulesScatter
                points=Signal::stored(points)
                selected=state.selected
                describe=describe
                label=Signal::derive(move || t(lang.get(), T::ScatterLabel).to_string())
                titles=titles
            />
            <p class="note">{move || t(lang.get(), T::ColourIsLift)}</p>
            <h2>{move || t(lang.get(), T::GraphHeading)}</h2>
            <RulesGraph
                graph=Signal::stored(Arc::new(graph(&mined)))
                label=Signal::derive(move || t(lang.get(), T::GraphLabel).to_string())
            />
            <details>
                <summary>{move || t(lang.get(), T::AsTable)}</summary>
                <table class="plain">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::RulesHeading)}</th>
                            <th>{move || Measure::Support.label(lang.get())}</th>
                            <th>{move || Measure::Confidence.label(lang.get())}</th>
                            <th>{move || Measure::Lift.label(lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </section>
    }
    .into_any()
}
