//! [`TreeDiagram`]: a decision tree drawn top-down, one box per node (split, samples, class
//! mix or value), filled with its majority class's colour. The wheel or the buttons zoom,
//! dragging pans, clicking a node collapses or expands its subtree.
//!
//! The layout ([`layout`], kept with the hit-testing in [`super::hit`]) is the simple tidy
//! layout of Wetherell and Shannon: leaves of the visible tree take consecutive slots left
//! to right, every split is centred over its two children.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use shoplens_core::Lang;

use super::backend::Canvas;
use super::canvas::{ink, rgb, Drawn, Plot};
use super::chart::{Pointer, PointerKind};
use super::hit::{Coords, Frame, View};
use super::CanvasChart;
use crate::state::use_app_state;

pub use super::hit::{collapsed_below, layout, DiagramNode, Placed};

const BOX_W: f64 = 164.0;
const SLOT_W: f64 = 180.0;
const LEVEL_H: f64 = 100.0;
const LINE_H: f64 = 15.0;
const HEIGHT: f64 = 460.0;

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
    let start = View {
        zoom: 1.0,
        dx: 0.0,
        dy: 0.0,
    };
    // The view and frame of the last drawing and the nodes it placed, for hit-testing.
    let last = StoredValue::new((start, None::<Frame>, Vec::<Placed>::new()));
    let width = StoredValue::new(800.0f64);
    let drag = StoredValue::new(None::<(f64, f64, View)>);
    let dragged = StoredValue::new(false);
    let root_at = RwSignal::new((0.0f64, 0.0f64));
    let visible = Memo::new(move |_| nodes.with(|n| collapsed.with(|c| layout(n, c).len())));
    let draw = Callback::new(move |plot: Plot| {
        let nodes = nodes.get();
        let placed = collapsed.with(|c| layout(&nodes, c));
        let view = view_state.get().unwrap_or_else(|| fit(plot.width, &placed));
        let frame = view.frame(plot.width, plot.height, plot.ratio);
        let world = plot
            .area
            .apply_coord_spec(view.coords(plot.width, plot.height, plot.ratio));
        let _ = draw_tree(&plot, &world, view.zoom, &nodes, &placed);
        if let Some(root) = placed.first() {
            let (x, y) = corner(root);
            let at = frame.to_css(x + BOX_W / 2.0, y + 10.0);
            if root_at.get_untracked() != at {
                root_at.set(at);
            }
        }
        last.set_value((view, Some(frame), placed));
        width.set_value(plot.width);
    });
    let hit = move |px: f64, py: f64| -> Option<usize> {
        let (_, frame, placed) = last.get_value();
        let (wx, wy) = frame?.to_data(px, py)?;
        nodes.with_untracked(|nodes| {
            placed.iter().find_map(|p| {
                let (x, y) = corner(p);
                let h = box_height(&nodes[p.node]) + 14.0;
                (wx >= x && wx <= x + BOX_W && wy >= y && wy <= y + h).then_some(p.node)
            })
        })
    };
    let zoom_at = move |factor: f64, px: f64, py: f64| {
        view_state.set(Some(last.get_value().0.zoomed(factor, px, py)));
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

/// Draws the placed nodes in world coordinates on `world`; text scales with `zoom`.
fn draw_tree(
    plot: &Plot,
    world: &DrawingArea<Canvas, Coords>,
    zoom: f64,
    nodes: &[DiagramNode],
    placed: &[Placed],
) -> Drawn {
    let by_node: HashMap<usize, &Placed> = placed.iter().map(|p| (p.node, p)).collect();
    let thin = ink::AXIS.stroke_width(plot.upx(zoom).max(1));
    // Edges first, from the bottom of a parent to the top of each child.
    for p in placed.iter().filter(|p| !p.folded) {
        let node = &nodes[p.node];
        let (x, y) = corner(p);
        for child in [node.left, node.right].into_iter().flatten() {
            if let Some(c) = by_node.get(&child) {
                let (cx, cy) = corner(c);
                world.draw(&PathElement::new(
                    vec![
                        (x + BOX_W / 2.0, y + box_height(node)),
                        (cx + BOX_W / 2.0, cy),
                    ],
                    thin,
                ))?;
            }
        }
    }
    let text = plot
        .font(12.0 * zoom)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for p in placed {
        let node = &nodes[p.node];
        let (x, y) = corner(p);
        let h = box_height(node);
        let fill = rgb(&node.fill);
        world.draw(&Rectangle::new(
            [(x, y), (x + BOX_W, y + h)],
            fill.mix(0.35).filled(),
        ))?;
        world.draw(&Rectangle::new(
            [(x, y), (x + BOX_W, y + h)],
            fill.stroke_width(plot.upx(1.5 * zoom).max(1)),
        ))?;
        for (k, line) in node.lines.iter().enumerate() {
            world.draw(&Text::new(
                clip_text(plot, line, BOX_W - 8.0),
                (x + BOX_W / 2.0, y + 12.0 + LINE_H * k as f64),
                text.clone(),
            ))?;
        }
        // A folded split shows "+" under its box; an open one "−".
        if node.left.is_some() || node.right.is_some() {
            let mark = if p.folded { "+" } else { "−" };
            let at = (x + BOX_W / 2.0, y + h + 7.0);
            let radius = plot.upx(7.0 * zoom);
            world.draw(&Circle::new(at, radius, WHITE.filled()))?;
            world.draw(&Circle::new(at, radius, thin))?;
            world.draw(&Text::new(mark, at, text.clone()))?;
        }
    }
    Ok(())
}

/// `text` shortened with "…" to fit `width` CSS pixels at zoom 1.
fn clip_text(plot: &Plot, text: &str, width: f64) -> String {
    if plot.text_width(text, 12.0) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while chars.len() > 1 {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>() + "…";
        if plot.text_width(&candidate, 12.0) <= width {
            return candidate;
        }
    }
    "…".into()
}
