//! [`RulesScatter`]: association rules as points, support across and confidence up,
//! coloured by lift; hovering shows the rule, clicking selects it.

use std::sync::Arc;

use leptos::prelude::*;

use super::canvas::{ink, ramp, Area, Plot, Scale};
use super::chart::{Pointer, PointerKind};
use super::tip::ChartTip;
use super::CanvasChart;

/// One rule as the scatter draws it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RulePoint {
    /// Support (x).
    pub support: f64,
    /// Confidence (y).
    pub confidence: f64,
    /// Lift (colour).
    pub lift: f64,
}

/// Pixels within which the pointer picks a point.
const PICK_RADIUS: f64 = 8.0;

/// Height of the chart in CSS pixels.
const HEIGHT: f64 = 360.0;

/// Where the points were drawn last, for hit-testing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    area: Area,
    x: Scale,
    y: Scale,
}

fn frame(plot_width: f64, points: &[RulePoint]) -> Frame {
    let area = Area {
        left: 64.0,
        right: (plot_width - 96.0).max(80.0),
        top: 12.0,
        bottom: HEIGHT - 44.0,
    };
    let x = Scale::fit(points.iter().map(|p| p.support), area.left, area.right);
    let y = Scale::fit(points.iter().map(|p| p.confidence), area.bottom, area.top);
    Frame { area, x, y }
}

/// The index of the point nearest (px, py) within [`PICK_RADIUS`].
fn nearest(frame: &Frame, points: &[RulePoint], px: f64, py: f64) -> Option<usize> {
    let mut best = None;
    let mut best_d = PICK_RADIUS * PICK_RADIUS;
    for (i, p) in points.iter().enumerate() {
        let dx = frame.x.map(p.support) - px;
        let dy = frame.y.map(p.confidence) - py;
        let d = dx * dx + dy * dy;
        if d <= best_d {
            best_d = d;
            best = Some(i);
        }
    }
    best
}

/// A scatter of rules. `describe(i)` gives the hover text of point `i`; a click sets
/// `selected`.
#[component]
pub fn RulesScatter(
    /// The rules, in the order `selected` and `describe` refer to.
    #[prop(into)]
    points: Signal<Arc<Vec<RulePoint>>>,
    /// The selected rule.
    selected: RwSignal<Option<usize>>,
    /// Hover text of a rule.
    describe: Callback<usize, String>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// Axis titles and the colour legend's title.
    #[prop(into)]
    titles: Signal<(String, String, String)>,
) -> impl IntoView {
    let hover = RwSignal::new(None::<(usize, f64, f64)>);
    let last = StoredValue::new(None::<Frame>);
    let draw = Callback::new(move |plot: Plot| {
        let points = points.get();
        let (x_title, y_title, lift_title) = titles.get();
        let chosen = selected.get();
        let hovered = hover.get().map(|h| h.0);
        let f = frame(plot.width, &points);
        last.set_value(Some(f));
        plot.ctx.set_font(ink::FONT);
        plot.axes(&f.area, &f.x, &f.y, &x_title, &y_title);
        let (low, high) = points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.lift), b.max(p.lift))
            });
        let span = if high > low { high - low } else { 1.0 };
        // Small squares draw much faster than circles with tens of thousands of points;
        // draw in order of lift so the strongest rules end on top.
        let mut order: Vec<usize> = (0..points.len()).collect();
        order.sort_by(|&a, &b| points[a].lift.total_cmp(&points[b].lift));
        let size = if points.len() > 5_000 { 2.0 } else { 4.0 };
        for i in order {
            let p = points[i];
            let colour = ramp((p.lift - low) / span);
            plot.rect(
                f.x.map(p.support) - size / 2.0,
                f.y.map(p.confidence) - size / 2.0,
                size,
                size,
                &colour,
            );
        }
        for (i, ring) in [(hovered, "#444"), (chosen, "#d62728")]
            .into_iter()
            .filter_map(|(i, c)| i.map(|i| (i, c)))
        {
            if let Some(p) = points.get(i) {
                let (cx, cy) = (f.x.map(p.support), f.y.map(p.confidence));
                plot.ctx.begin_path();
                plot.ctx.set_stroke_style_str(ring);
                plot.ctx.set_line_width(2.0);
                let _ = plot.ctx.arc(cx, cy, 6.0, 0.0, std::f64::consts::TAU);
                plot.ctx.stroke();
            }
        }
        // Colour legend: a vertical ramp right of the plot.
        if high.is_finite() {
            let left = f.area.right + 24.0;
            let (top, bottom) = (f.area.top + 24.0, f.area.bottom - 8.0);
            let steps = 40;
            let h = (bottom - top) / steps as f64;
            for s in 0..steps {
                let t = 1.0 - s as f64 / (steps - 1) as f64;
                plot.rect(left, top + s as f64 * h, 14.0, h + 0.5, &ramp(t));
            }
            plot.text(
                &lift_title,
                left + 7.0,
                f.area.top + 8.0,
                "center",
                ink::TEXT,
            );
            plot.text(&format!("{high:.2}"), left + 18.0, top, "left", ink::AXIS);
            plot.text(&format!("{low:.2}"), left + 18.0, bottom, "left", ink::AXIS);
        }
    });
    let on_pointer = Callback::new(move |e: Pointer| {
        let Some(f) = last.get_value() else {
            return;
        };
        let points = points.get_untracked();
        match e.kind {
            PointerKind::Move => {
                let found = nearest(&f, &points, e.x, e.y).map(|i| (i, e.x, e.y));
                if hover.get_untracked().map(|h| h.0) != found.map(|h| h.0) {
                    hover.set(found);
                }
            }
            PointerKind::Click => {
                if let Some(i) = nearest(&f, &points, e.x, e.y) {
                    selected.set(Some(i));
                }
            }
            PointerKind::Leave => hover.set(None),
            _ => {}
        }
    });
    view! {
        <div class="rules-scatter">
            <CanvasChart
                label=label
                file_name="rules-scatter.png"
                draw=draw
                height=HEIGHT
                on_pointer=on_pointer
                test_id="rules-scatter"
            />
            <ChartTip hover=hover describe=describe test_id="scatter-tip" />
        </div>
    }
}
