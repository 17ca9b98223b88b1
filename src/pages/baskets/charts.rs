//! The rule charts, each with a table alternative: the support × confidence scatter
//! coloured by lift (the top rules by lift), the graph of the strongest rules (its edges)
//! and the grouped matrix (its cells; a click on a circle filters the rules table).
//!
//! Each chart is one of the results' later parts ([`SCATTER_PART`], [`GRAPH_PART`],
//! [`MATRIX_PART`], [`MATRIX_TABLE_PART`]) and is drawn once the page lets that part in,
//! each in a task of its own: with 50,000 rules the three charts together held the page's
//! thread for over 200 ms, and the scatter or the matrix with its table still for 100.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::basket::Measure;

use super::grouped::{CellFilter, Grouping};
use super::{rule_names, rule_text, use_baskets};
use crate::charts::rules_graph::{Graph, GraphRule, RulesGraph};
use crate::charts::rules_matrix::RulesMatrix;
use crate::charts::rules_scatter::{RulePoint, RulesScatter};
use crate::components::format::{grouped, share};
use crate::i18n::baskets::{self as text, t, BasketText as T};
use crate::state::use_app_state;
use crate::worker::protocol::baskets::Mined;

/// Rules listed in the scatter's table alternative.
const TABLE_ROWS: usize = 20;

/// Rules drawn in the graph (the best by lift).
const GRAPH_RULES: usize = 25;

/// Rules drawn in the scatter (the best by lift). Past this many the points only pile up
/// into a blur, and each redraw (every hover moves a ring) would hold the page's thread
/// for longer than a frame; the rules table lists them all.
const SCATTER_RULES: usize = 10_000;

/// The results' later part that draws the scatter (see `Results` in the page's module).
pub const SCATTER_PART: u8 = 1;
/// The part that writes the scatter's table and draws the graph.
pub const GRAPH_PART: u8 = 2;
/// The part that groups the rules and draws the matrix.
pub const MATRIX_PART: u8 = 3;
/// The part that writes the matrix's table (up to 400 cells with their buttons).
pub const MATRIX_TABLE_PART: u8 = 4;

/// True from the moment `parts` reaches `part` on: a `Memo`, so a part appears once and
/// the rising count does not draw it again.
fn let_in(parts: Signal<u8>, part: u8) -> Memo<bool> {
    Memo::new(move |_| parts.get() >= part)
}

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
            support: r.measures.support,
            lift: r.measures.lift,
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

/// The charts of a search's rules, each drawn once `parts` (the results' later parts let in
/// so far) has reached its part.
#[component]
pub fn RulesCharts(mined: Arc<Mined>, #[prop(into)] parts: Signal<u8>) -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    if mined.rules.is_empty() {
        return ().into_any();
    }
    let points: Arc<Vec<RulePoint>> = Arc::new(
        mined
            .rules
            .iter()
            .take(SCATTER_RULES)
            .map(|r| RulePoint {
                support: r.measures.support,
                confidence: r.measures.confidence,
                lift: r.measures.lift,
            })
            .collect(),
    );
    let hover_data = mined.clone();
    let describe = Callback::new(move |i: usize| {
        let r = &hover_data.rules[i];
        let lang = lang.get_untracked();
        format!(
            "{}  ·  {} {}  ·  {} {}  ·  {} {:.2}",
            rule_text(&hover_data, i),
            t(lang, T::ShareOfBaskets),
            share(r.measures.support),
            t(lang, T::HowOften),
            share(r.measures.confidence),
            Measure::Lift.label(lang),
            r.measures.lift
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
    let for_table = mined.clone();
    let rows = move || {
        (0..for_table.rules.len().min(TABLE_ROWS))
            .map(|i| {
                let r = &for_table.rules[i];
                view! {
                    <tr>
                        <td>{rule_text(&for_table, i)}</td>
                        <td class="num">{share(r.measures.support)}</td>
                        <td class="num">{share(r.measures.confidence)}</td>
                        <td class="num">{format!("{:.2}", r.measures.lift)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let (show_scatter, show_graph, show_matrix) = (
        let_in(parts, SCATTER_PART),
        let_in(parts, GRAPH_PART),
        let_in(parts, MATRIX_PART),
    );
    let scatter = move || {
        let table = move || {
            show_graph.get().then(|| {
                view! {
                    <details>
                        <summary>{move || t(lang.get(), T::AsTable)}</summary>
                        <table class="plain">
                            <thead>
                                <tr>
                                    <th>{move || t(lang.get(), T::RulesHeading)}</th>
                                    <th>{move || t(lang.get(), T::ShareOfBaskets)}</th>
                                    <th>{move || t(lang.get(), T::HowOften)}</th>
                                    <th>{move || Measure::Lift.label(lang.get())}</th>
                                </tr>
                            </thead>
                            <tbody>{rows()}</tbody>
                        </table>
                    </details>
                }
            })
        };
        view! {
            <h2>{move || t(lang.get(), T::ScatterHeading)}</h2>
            <RulesScatter
                points=Signal::stored(points.clone())
                selected=state.selected
                describe=describe
                label=Signal::derive(move || t(lang.get(), T::ScatterLabel).to_string())
                titles=titles
            />
            <p class="note">{move || t(lang.get(), T::ColourIsLift)}</p>
            {table}
        }
    };
    let for_graph = mined.clone();
    let graph_view = move || {
        view! {
            <h2>{move || t(lang.get(), T::GraphHeading)}</h2>
            <RulesGraph
                graph=Signal::stored(Arc::new(graph(&for_graph)))
                label=Signal::derive(move || t(lang.get(), T::GraphLabel).to_string())
            />
            <details data-testid="graph-table">
                <summary>{move || t(lang.get(), T::AsTable)}</summary>
                <table class="plain">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::Antecedent)}</th>
                            <th>{move || t(lang.get(), T::Consequent)}</th>
                            <th>{move || t(lang.get(), T::ShareOfBaskets)}</th>
                            <th>{move || Measure::Lift.label(lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>{graph_edges(&for_graph)}</tbody>
                </table>
            </details>
        }
    };
    let for_matrix = mined.clone();
    let matrix = move || view! { <GroupedMatrix mined=for_matrix.clone() parts=parts /> };
    view! {
        <section class="rule-charts">
            {move || show_scatter.get().then(scatter.clone())}
            {move || show_graph.get().then(graph_view.clone())}
            {move || show_matrix.get().then(matrix.clone())}
        </section>
    }
    .into_any()
}

/// The graph's edges as table rows: one per rule drawn, antecedent → consequent.
fn graph_edges(mined: &Mined) -> impl IntoView {
    (0..mined.rules.len().min(GRAPH_RULES))
        .map(|i| {
            let r = &mined.rules[i];
            let (a, c) = rule_names(mined, i);
            view! {
                <tr data-testid="graph-edge">
                    <td>{a.join(", ")}</td>
                    <td>"→ " {c.join(", ")}</td>
                    <td class="num">{share(r.measures.support)}</td>
                    <td class="num">{format!("{:.2}", r.measures.lift)}</td>
                </tr>
            }
        })
        .collect_view()
}

/// The grouped matrix of the rules, its caption and its table alternative (written once
/// `parts` reaches [`MATRIX_TABLE_PART`]).
#[component]
fn GroupedMatrix(mined: Arc<Mined>, parts: Signal<u8>) -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    let grouping = Arc::new(Grouping::new(&mined));
    if grouping.cells.is_empty() {
        return ().into_any();
    }
    let for_matrix = grouping.clone();
    let matrix = Signal::derive(move || Arc::new(for_matrix.matrix(lang.get())));
    let for_tip = grouping.clone();
    let describe = Callback::new(move |i: usize| {
        let lang = lang.get_untracked();
        let g = &for_tip;
        g.cells
            .get(i)
            .map(|c| {
                text::matrix_tip(
                    lang,
                    &g.group_label(lang, c.group),
                    &grouped(g.groups[c.group].rules as u64),
                    &g.consequent_label(c.row),
                    &grouped(c.rules.len() as u64),
                    &share(c.support),
                    c.lift,
                )
            })
            .unwrap_or_default()
    });
    let for_pick = grouping.clone();
    let on_pick = Callback::new(move |i: usize| {
        state
            .cell
            .set(CellFilter::of(&for_pick, i).map(|filter| (i, filter)));
    });
    let picked = Signal::derive(move || state.cell.with(|c| c.as_ref().map(|(i, _)| *i)));
    let titles = Signal::derive(move || {
        let lang = lang.get();
        (
            t(lang, T::MeanSupport).to_string(),
            t(lang, T::MeanLift).to_string(),
        )
    });
    let show_table = let_in(parts, MATRIX_TABLE_PART);
    let for_table = grouping.clone();
    // The table is the matrix's keyboard way in: each cell's button filters the rules
    // table as a click on its circle does.
    let rows = move || {
        let lang = lang.get();
        let g = &for_table;
        g.cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                view! {
                    <tr data-testid="matrix-cell" class:picked=move || picked.get() == Some(i)>
                        <td>{g.group_label(lang, c.group)}</td>
                        <td class="num">{grouped(g.groups[c.group].rules as u64)}</td>
                        <td>{g.consequent_label(c.row)}</td>
                        <td class="num">{grouped(c.rules.len() as u64)}</td>
                        <td class="num">{share(c.support)}</td>
                        <td class="num">{format!("{:.2}", c.lift)}</td>
                        <td>
                            <button
                                type="button"
                                class="button small matrix-pick"
                                data-testid="matrix-pick"
                                aria-pressed=move || (picked.get() == Some(i)).to_string()
                                on:click=move |_| on_pick.run(i)
                            >
                                {t(lang, T::ListRules)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{move || t(lang.get(), T::MatrixHeading)}</h2>
        <RulesMatrix
            matrix=matrix
            picked=picked
            describe=describe
            on_pick=on_pick
            label=Signal::derive(move || t(lang.get(), T::MatrixLabel).to_string())
            titles=titles
        />
        <p class="note" data-testid="matrix-caption">{move || t(lang.get(), T::MatrixCaption)}</p>
        {move || {
            show_table
                .get()
                .then(|| {
                    view! {
                        <details data-testid="matrix-table">
                            <summary>{move || t(lang.get(), T::AsTable)}</summary>
                            <table class="plain">
                                <thead>
                                    <tr>
                                        <th>{move || t(lang.get(), T::Group)}</th>
                                        <th>{move || t(lang.get(), T::RuleCount)}</th>
                                        <th>{move || t(lang.get(), T::Consequent)}</th>
                                        <th>{move || t(lang.get(), T::RuleCount)}</th>
                                        <th>{move || t(lang.get(), T::MeanSupport)}</th>
                                        <th>{move || t(lang.get(), T::MeanLift)}</th>
                                        <th>
                                            <span class="visually-hidden">
                                                {move || t(lang.get(), T::ListRules)}
                                            </span>
                                        </th>
                                    </tr>
                                </thead>
                                <tbody>{rows.clone()}</tbody>
                            </table>
                        </details>
                    }
                })
        }}
    }
    .into_any()
}
