//! [`TreeDiagram`]: a decision tree drawn top-down, one box per node (split, samples, class
//! mix or value), filled with its majority class's colour. The wheel or the buttons zoom,
//! dragging pans, clicking a node collapses or expands its subtree.
//!
//! Layout is the simple tidy layout of Wetherell and Shannon: leaves of the visible tree
//! take consecutive slots left to right, every split is centred over its two children.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::Lang;

use super::canvas::{ink, Plot};
use super::chart::{Pointer, PointerKind};
use super::CanvasChart;
use crate::state::use_app_state;

/// One node as the diagram draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct DiagramNode {
    /// Left child (the `≤` side).
    pub left: Option<usize>,
    /// Right child.
    pub right: Option<usize>,
    /// Text lines in the box (split or prediction, samples, mix).
    pub lines: Vec<String>,
    /// Fill colour (drawn translucent).
    pub fill: String,
}

/// A node placed by [`layout`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the node list.
    pub node: usize,
    /// Depth (root 0).
    pub depth: usize,
    /// Horizontal position in slots (leaves are one slot apart).
    pub slot: f64,
    /// Whether its children are hidden (collapsed).
    pub folded: bool,
}

/// Places the nodes reachable from the root without passing a collapsed node, parents
/// before children.
pub fn layout(nodes: &[DiagramNode], collapsed: &HashSet<usize>) -> Vec<Placed> {
    fn visit(
        nodes: &[DiagramNode],
        collapsed: &HashSet<usize>,
        i: usize,
        depth: usize,
        next_leaf: &mut f64,
        out: &mut Vec<Placed>,
    ) -> f64 {
        let at = out.len();
        let folded = collapsed.contains(&i);
        out.push(Placed {
            node: i,
            depth,
            slot: 0.0,
            folded,
        });
        let children: Vec<usize> = [nodes[i].left, nodes[i].right]
            .into_iter()
            .flatten()
            .filter(|&c| c < nodes.len())
            .collect();
        let slot = if folded || children.is_empty() {
            *next_leaf += 1.0;
            *next_leaf - 1.0
        } else {
            let slots: Vec<f64> = children
                .iter()
                .map(|&c| visit(nodes, collapsed, c, depth + 1, next_leaf, out))
                .collect();
            slots.iter().sum::<f64>() / slots.len() as f64
        };
        out[at].slot = slot;
        slot
    }
    let mut out = Vec::new();
    if !nodes.is_empty() {
        visit(nodes, collapsed, 0, 0, &mut 0.0, &mut out);
    }
    out
}

/// The split nodes at `depth` (root 0) and below: collapsing them shows `depth` levels
/// under the root.
pub fn collapsed_below(nodes: &[DiagramNode], depth: usize) -> HashSet<usize> {
    let mut out = HashSet::new();
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, d)) = stack.pop() {
        let Some(node) = nodes.get(i) else { continue };
        if node.left.is_none() && node.right.is_none() {
            continue;
        }
        if d >= depth {
            out.insert(i);
        }
        stack.extend(
            [node.left, node.right]
                .into_iter()
                .flatten()
                .map(|c| (c, d + 1)),
        );
    }
    out
}

const BOX_W: f64 = 164.0;
const SLOT_W: f64 = 180.0;
const LEVEL_H: f64 = 100.0;
const LINE_H: f64 = 15.0;
const HEIGHT: f64 = 460.0;

/// Zoom, then pan, from world to canvas pixels: `screen = world * zoom + (dx, dy)`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    zoom: f64,
    dx: f64,
    dy: f64,
}

fn box_height(node: &DiagramNode) -> f64 {
    LINE_H * node.lines.len() as f64 + 10.0
}

/// The view that fits the whole visible tree into the canvas (never enlarging it).
fn fit(width: f64, placed: &[Placed]) -> View {
    let slots = placed.iter().map(|p| p.slot).fold(0.0, f64::max) + 1.0;
    let depth = placed.iter().map(|p| p.depth).max().unwrap_or(0) as f64 + 1.0;
    let (w, h) = (slots * SLOT_W, depth * LEVEL_H);
    let zoom = ((width - 16.0) / w)
        .min((HEIGHT - 16.0) / h)
        .clamp(0.15, 1.0);
    View {
        zoom,
        dx: (width - w * zoom) / 2.0,
        dy: 8.0,
    }
}

/// Where a placed node's box lies in world coordinates: (left, top).
fn corner(p: &Placed) -> (f64, f64) {
    (
        p.slot * SLOT_W + (SLOT_W - BOX_W) / 2.0,
        p.depth as f64 * LEVEL_H,
    )
}

/// A decision tree diagram. `collapsed` holds the split nodes whose subtree is hidden (the
/// page owns it so its text alternative can toggle nodes too).
#[component]
pub fn TreeDiagram(
    /// The nodes, root first.
    #[prop(into)]
    nodes: Signal<Arc<Vec<DiagramNode>>>,
    /// Collapsed split nodes.
    collapsed: RwSignal<HashSet<usize>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let view_state = RwSignal::new(None::<View>);
    let last = StoredValue::new((
        View {
            zoom: 1.0,
            dx: 0.0,
            dy: 0.0,
        },
        Vec::<Placed>::new(),
    ));
    let width = StoredValue::new(800.0f64);
    let drag = StoredValue::new(None::<(f64, f64, View)>);
    let dragged = StoredValue::new(false);
    let root_at = RwSignal::new((0.0f64, 0.0f64));
    let visible = Memo::new(move |_| nodes.with(|n| collapsed.with(|c| layout(n, c).len())));
    let draw = Callback::new(move |plot: Plot| {
        let nodes = nodes.get();
        let placed = collapsed.with(|c| layout(&nodes, c));
        let view = view_state.get().unwrap_or_else(|| fit(plot.width, &placed));
        last.set_value((view, placed.clone()));
        width.set_value(plot.width);
        let ctx = &plot.ctx;
        ctx.save();
        let _ = ctx.translate(view.dx, view.dy);
        let _ = ctx.scale(view.zoom, view.zoom);
        let by_node: std::collections::HashMap<usize, &Placed> =
            placed.iter().map(|p| (p.node, p)).collect();
        // Edges first, from the bottom of a parent to the top of each child.
        for p in &placed {
            if p.folded {
                continue;
            }
            let node = &nodes[p.node];
            let (x, y) = corner(p);
            for child in [node.left, node.right].into_iter().flatten() {
                if let Some(c) = by_node.get(&child) {
                    let (cx, cy) = corner(c);
                    plot.line(
                        x + BOX_W / 2.0,
                        y + box_height(node),
                        cx + BOX_W / 2.0,
                        cy,
                        ink::AXIS,
                        1.0,
                    );
                }
            }
        }
        for p in &placed {
            let node = &nodes[p.node];
            let (x, y) = corner(p);
            let h = box_height(node);
            ctx.set_global_alpha(0.35);
            plot.rect(x, y, BOX_W, h, &node.fill);
            ctx.set_global_alpha(1.0);
            ctx.set_stroke_style_str(&node.fill);
            ctx.set_line_width(1.5);
            ctx.stroke_rect(x, y, BOX_W, h);
            for (k, line) in node.lines.iter().enumerate() {
                plot.text(
                    &clip_text(&plot, line, BOX_W - 8.0),
                    x + BOX_W / 2.0,
                    y + 12.0 + LINE_H * k as f64,
                    "center",
                    ink::TEXT,
                );
            }
            // A folded split shows "+" under its box; an open one "−".
            if node.left.is_some() || node.right.is_some() {
                let mark = if p.folded { "+" } else { "−" };
                plot.dot(x + BOX_W / 2.0, y + h + 7.0, 7.0, "#fff");
                ctx.set_stroke_style_str(ink::AXIS);
                ctx.begin_path();
                let _ = ctx.arc(
                    x + BOX_W / 2.0,
                    y + h + 7.0,
                    7.0,
                    0.0,
                    std::f64::consts::TAU,
                );
                ctx.stroke();
                plot.text(mark, x + BOX_W / 2.0, y + h + 7.0, "center", ink::TEXT);
            }
        }
        ctx.restore();
        if let Some(root) = placed.first() {
            let (x, y) = corner(root);
            let at = (
                x.mul_add(view.zoom, view.dx) + BOX_W * view.zoom / 2.0,
                y.mul_add(view.zoom, view.dy) + 10.0 * view.zoom,
            );
            if root_at.get_untracked() != at {
                root_at.set(at);
            }
        }
    });
    let hit = move |px: f64, py: f64| -> Option<usize> {
        let (view, placed) = last.get_value();
        let (wx, wy) = ((px - view.dx) / view.zoom, (py - view.dy) / view.zoom);
        nodes.with_untracked(|nodes| {
            placed.iter().find_map(|p| {
                let (x, y) = corner(p);
                let h = box_height(&nodes[p.node]) + 14.0;
                (wx >= x && wx <= x + BOX_W && wy >= y && wy <= y + h).then_some(p.node)
            })
        })
    };
    let zoom_at = move |factor: f64, px: f64, py: f64| {
        let view = last.get_value().0;
        let zoom = (view.zoom * factor).clamp(0.1, 4.0);
        let k = zoom / view.zoom;
        view_state.set(Some(View {
            zoom,
            dx: px - (px - view.dx) * k,
            dy: py - (py - view.dy) * k,
        }));
    };
    let on_pointer = Callback::new(move |e: Pointer| match e.kind {
        PointerKind::Down => {
            drag.set_value(Some((e.x, e.y, last.get_value().0)));
            dragged.set_value(false);
        }
        PointerKind::Move => {
            if let Some((x0, y0, start)) = drag.get_value() {
                let (dx, dy) = (e.x - x0, e.y - y0);
                if dx.abs() + dy.abs() > 3.0 {
                    dragged.set_value(true);
                }
                if dragged.get_value() {
                    view_state.set(Some(View {
                        dx: start.dx + dx,
                        dy: start.dy + dy,
                        ..start
                    }));
                }
            }
        }
        PointerKind::Up | PointerKind::Leave => drag.set_value(None),
        PointerKind::Click => {
            if dragged.get_value() {
                dragged.set_value(false);
                return;
            }
            if let Some(i) = hit(e.x, e.y) {
                let is_split =
                    nodes.with_untracked(|n| n[i].left.is_some() || n[i].right.is_some());
                if is_split {
                    collapsed.update(|c| {
                        if !c.remove(&i) {
                            c.insert(i);
                        }
                    });
                }
            }
        }
        PointerKind::Wheel(delta) => zoom_at((-delta * 0.0015).exp(), e.x, e.y),
    });
    // The buttons zoom about the top middle of the canvas, so the root stays in view.
    let centre = move || (width.get_value() / 2.0, 0.0);
    view! {
        <div
            class="tree-diagram"
            data-testid="tree-diagram"
            data-visible=move || visible.get().to_string()
            data-root-x=move || format!("{:.1}", root_at.get().0)
            data-root-y=move || format!("{:.1}", root_at.get().1)
        >
            <div class="tree-tools">
                <button type="button" class="button small" data-testid="tree-zoom-in"
                    on:click=move |_| { let (x, y) = centre(); zoom_at(1.25, x, y) }>
                    {move || Lang::pick(lang.get(), "放大", "Zoom in")}
                </button>
                <button type="button" class="button small" data-testid="tree-zoom-out"
                    on:click=move |_| { let (x, y) = centre(); zoom_at(0.8, x, y) }>
                    {move || Lang::pick(lang.get(), "缩小", "Zoom out")}
                </button>
                <button type="button" class="button small" data-testid="tree-fit"
                    on:click=move |_| view_state.set(None)>
                    {move || Lang::pick(lang.get(), "适应窗口", "Fit to view")}
                </button>
            </div>
            <CanvasChart label=label file_name="decision-tree.png" draw=draw height=HEIGHT on_pointer=on_pointer test_id="chart-tree" />
        </div>
    }
}

/// `text` shortened with "…" to fit `width` pixels in the current font.
fn clip_text(plot: &Plot, text: &str, width: f64) -> String {
    if plot.text_width(text) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while chars.len() > 1 {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if plot.text_width(&candidate) <= width {
            return candidate;
        }
    }
    "…".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(left: Option<usize>, right: Option<usize>) -> DiagramNode {
        DiagramNode {
            left,
            right,
            lines: vec![String::new()],
            fill: String::new(),
        }
    }

    /// root(0) → 1, 2; 1 → 3, 4.
    fn small() -> Vec<DiagramNode> {
        vec![
            node(Some(1), Some(2)),
            node(Some(3), Some(4)),
            node(None, None),
            node(None, None),
            node(None, None),
        ]
    }

    #[test]
    fn leaves_take_slots_and_splits_sit_between_their_children() {
        let placed = layout(&small(), &HashSet::new());
        let slot = |n: usize| placed.iter().find(|p| p.node == n).unwrap().slot;
        assert_eq!(placed.len(), 5);
        assert_eq!((slot(3), slot(4), slot(2)), (0.0, 1.0, 2.0));
        assert_eq!(slot(1), 0.5);
        assert_eq!(slot(0), 1.25);
    }

    #[test]
    fn collapsing_hides_the_subtree() {
        let nodes = small();
        let collapsed = collapsed_below(&nodes, 1);
        assert_eq!(collapsed, HashSet::from([1]));
        let placed = layout(&nodes, &collapsed);
        assert_eq!(placed.len(), 3);
        assert!(placed.iter().find(|p| p.node == 1).unwrap().folded);
        assert!(collapsed_below(&nodes, 3).is_empty());
    }
}
