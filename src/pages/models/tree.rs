//! The tree diagram of a decision tree, or of one of a forest's first trees (a number input
//! picks it), with a table of its nodes as the text alternative: each split row has a
//! button that folds or unfolds the branch, as clicking the node in the diagram does.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::Lang;

use crate::charts::canvas::{category, ramp};
use crate::charts::tree_diagram::{collapsed_below, DiagramNode, TreeDiagram};
use crate::components::format::stat;
use crate::i18n::fill;
use crate::i18n::models_results::{t, ResultText as R};
use crate::state::use_app_state;
use crate::worker::protocol::models::{ModelView, NodeView};

/// Levels under the root shown before the user unfolds anything.
const OPEN_DEPTH: usize = 3;

/// Rows shown at most in the node table.
const TABLE_NODES: usize = 300;

/// The split text of a node: `feature ≤ threshold`, or the leaf's prediction.
fn split_text(lang: Lang, node: &NodeView) -> String {
    match &node.feature {
        Some(feature) => format!("{feature} ≤ {}", stat(node.threshold)),
        None => format!("{} {}", t(lang, R::Predicts), node.prediction),
    }
}

/// The class mix (`label 85% · label 15%`) or the value of a node.
fn mix_text(lang: Lang, node: &NodeView, classes: &[String]) -> String {
    if node.class_mix.is_empty() {
        format!("{} = {}", t(lang, R::NodeValue), node.prediction)
    } else {
        node.class_mix
            .iter()
            .enumerate()
            .map(|(i, share)| {
                let label = classes.get(i).map(String::as_str).unwrap_or("?");
                format!("{label} {:.0}%", share * 100.0)
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// The nodes as the diagram draws them: classification boxes take their majority class's
/// colour; regression boxes a colour of the value's place between the smallest and the
/// largest node value.
fn diagram_nodes(lang: Lang, nodes: &[NodeView], classes: &[String]) -> Vec<DiagramNode> {
    let values: Vec<f64> = nodes
        .iter()
        .map(|n| n.prediction.parse::<f64>().unwrap_or(0.0))
        .collect();
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    nodes
        .iter()
        .zip(&values)
        .map(|(node, &value)| DiagramNode {
            left: node.left,
            right: node.right,
            lines: vec![
                split_text(lang, node),
                format!("{} = {}", t(lang, R::Samples), node.samples),
                mix_text(lang, node, classes),
            ],
            fill: if classes.is_empty() {
                let span = if high > low { high - low } else { 1.0 };
                ramp((value - low) / span)
            } else {
                category(node.majority).to_string()
            },
        })
        .collect()
}

/// Node indices in depth-first order (root, left branch, right branch) with their depths.
fn preorder(nodes: &[NodeView]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, depth)) = stack.pop() {
        let Some(node) = nodes.get(i) else { continue };
        out.push((i, depth));
        stack.extend(node.right.map(|r| (r, depth + 1)));
        stack.extend(node.left.map(|l| (l, depth + 1)));
    }
    out
}

/// The tree section of the results.
#[component]
pub fn TreeSection(view: Arc<ModelView>) -> impl IntoView {
    let lang = use_app_state().lang;
    let trees: Arc<Vec<Vec<NodeView>>> = Arc::new(match &view.tree {
        Some(tree) => vec![tree.clone()],
        None => view.forest_trees.clone(),
    });
    let is_forest = view.tree.is_none();
    let n_trees = trees.len();
    let classes = Arc::new(view.classes.clone());
    let index = RwSignal::new(0usize);
    let current = {
        let trees = trees.clone();
        Memo::new(move |_| Arc::new(trees.get(index.get()).cloned().unwrap_or_default()))
    };
    let diagram = {
        let classes = classes.clone();
        Memo::new(move |_| Arc::new(diagram_nodes(lang.get(), &current.get(), &classes)))
    };
    // Each tree starts folded below OPEN_DEPTH: now, and whenever another tree is picked.
    let collapsed: RwSignal<HashSet<usize>> =
        RwSignal::new(diagram.with_untracked(|d| collapsed_below(d, OPEN_DEPTH)));
    Effect::new(move |shown: Option<usize>| {
        let picked = index.get();
        if shown.is_some_and(|s| s != picked) {
            collapsed.set(diagram.with_untracked(|d| collapsed_below(d, OPEN_DEPTH)));
        }
        picked
    });
    let table = move || {
        let lang = lang.get();
        let nodes = current.get();
        let order = preorder(&nodes);
        let total = order.len();
        let rows = order
            .into_iter()
            .take(TABLE_NODES)
            .map(|(i, depth)| {
                let node = &nodes[i];
                let split = node.feature.is_some();
                let folded = move || collapsed.with(|c| c.contains(&i));
                view! {
                    <tr data-node=i data-depth=depth>
                        <td class="num">{i}</td>
                        <td class="num">{depth}</td>
                        <td class="tree-split" style:padding-left=format!("{}em", 0.4 + depth as f64)>{split_text(lang, node)}</td>
                        <td class="num">{node.samples}</td>
                        <td>{mix_text(lang, node, &classes)}</td>
                        <td>
                            {split.then(|| view! {
                                <button type="button" class="button small" data-testid="tree-toggle"
                                    aria-expanded=move || (!folded()).to_string()
                                    on:click=move |_| collapsed.update(|c| { if !c.remove(&i) { c.insert(i); } })>
                                    {move || if folded() { t(lang, R::Unfold) } else { t(lang, R::Fold) }}
                                </button>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {(total > TABLE_NODES).then(|| view! {
                <p class="note">{fill(t(lang, R::FirstRows), &[("shown", TABLE_NODES.to_string()), ("total", total.to_string())])}</p>
            })}
            <table class="plain" data-testid="tree-text">
                <thead><tr>
                    <th class="num">{t(lang, R::Node)}</th>
                    <th class="num">{t(lang, R::Depth)}</th>
                    <th>{t(lang, R::SplitOrLeaf)}</th>
                    <th class="num">{t(lang, R::Samples)}</th>
                    <th>{t(lang, R::Mix)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };
    view! {
        <section class="card model-charts" data-testid="tree-section">
            <h3>{move || t(lang.get(), R::TreeHeading)}</h3>
            {(is_forest && n_trees > 0).then(|| view! {
                <label class="field inline">
                    <span>{move || fill(t(lang.get(), R::ForestTreePick), &[("n", n_trees.to_string())])}</span>
                    <input type="number" min="1" max=n_trees step="1" data-testid="models-tree-index"
                        prop:value=move || (index.get() + 1).to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<usize>() {
                                index.set(v.clamp(1, n_trees) - 1);
                            }
                        }
                    />
                </label>
            })}
            <p class="note">{move || t(lang.get(), R::TreeHelp)}</p>
            <TreeDiagram
                nodes=diagram
                collapsed=collapsed
                label=Signal::derive(move || t(lang.get(), R::TreeHeading).to_string())
            />
            <details>
                <summary>{move || t(lang.get(), R::AsTable)}</summary>
                {table}
            </details>
        </section>
    }
}
