//! [`RulesGraph`]: the top rules as a graph — items as nodes on a circle, each rule an
//! arrow from its antecedent items to its consequent, thicker with support, coloured by
//! lift.

use std::sync::Arc;

use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{ink, ramp_rgb, Drawn, Plot};
use super::CanvasChart;

/// One rule as the graph draws it: item indices into the node list.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphRule {
    /// Antecedent nodes.
    pub from: Vec<usize>,
    /// Consequent nodes.
    pub to: Vec<usize>,
    /// Support (line width).
    pub support: f64,
    /// Lift (colour).
    pub lift: f64,
}

/// The nodes (item names) and the rules between them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    /// Item names.
    pub nodes: Vec<String>,
    /// Rules.
    pub rules: Vec<GraphRule>,
}

const HEIGHT: f64 = 460.0;

/// An arrow from `a` to `b` (CSS pixels) that stops short of the nodes' dots: a line and a
/// filled head.
fn arrow(
    plot: &Plot,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    colour: RGBColor,
    width: f64,
) -> Drawn {
    let (dx, dy) = (x1 - x0, y1 - y0);
    let length = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / length, dy / length);
    let (ex, ey) = (x1 - ux * 7.0, y1 - uy * 7.0);
    plot.area.draw(&PathElement::new(
        vec![plot.at(x0 + ux * 5.0, y0 + uy * 5.0), plot.at(ex, ey)],
        colour.stroke_width(plot.upx(width)),
    ))?;
    let head = 6.0 + width;
    plot.area.draw(&Polygon::new(
        vec![
            plot.at(ex, ey),
            plot.at(
                ex - ux * head - uy * head * 0.5,
                ey - uy * head + ux * head * 0.5,
            ),
            plot.at(
                ex - ux * head + uy * head * 0.5,
                ey - uy * head - ux * head * 0.5,
            ),
        ],
        colour.filled(),
    ))
}

/// A graph of rules.
#[component]
pub fn RulesGraph(
    /// What to draw.
    #[prop(into)]
    graph: Signal<Arc<Graph>>,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let draw = Callback::new(move |plot: Plot| {
        let _ = draw_graph(&plot, &graph.get());
    });
    view! {
        <CanvasChart
            label=label
            file_name="rules-graph.png"
            draw=draw
            height=HEIGHT
            test_id="rules-graph"
        />
    }
}

fn draw_graph(plot: &Plot, graph: &Graph) -> Drawn {
    let n = graph.nodes.len().max(1);
    let (cx, cy) = (plot.width / 2.0, HEIGHT / 2.0);
    let radius = (HEIGHT / 2.0 - 40.0)
        .min(plot.width / 2.0 - 160.0)
        .max(60.0);
    let at = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        (cx + radius * angle.cos(), cy + radius * angle.sin(), angle)
    };
    let (low, high) = graph
        .rules
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), r| {
            (a.min(r.lift), b.max(r.lift))
        });
    let lift_span = if high > low { high - low } else { 1.0 };
    let top_support = graph
        .rules
        .iter()
        .map(|r| r.support)
        .fold(0.0f64, f64::max)
        .max(1e-12);
    for rule in graph.rules.iter().rev() {
        let colour = ramp_rgb((rule.lift - low) / lift_span);
        let width = 1.0 + 4.0 * rule.support / top_support;
        for &a in &rule.from {
            for &c in &rule.to {
                let (x0, y0, _) = at(a);
                let (x1, y1, _) = at(c);
                arrow(plot, (x0, y0), (x1, y1), colour, width)?;
            }
        }
    }
    let font = plot.font(12.0);
    for (i, name) in graph.nodes.iter().enumerate() {
        let (x, y, angle) = at(i);
        plot.area.draw(&Circle::new(
            plot.at(x, y),
            plot.upx(5.0),
            ink::AXIS.filled(),
        ))?;
        let (side, offset) = if angle.cos() >= 0.0 {
            (HPos::Left, 9.0)
        } else {
            (HPos::Right, -9.0)
        };
        plot.area.draw(&Text::new(
            name.as_str(),
            plot.at(x + offset, y),
            font.pos(Pos::new(side, VPos::Center)),
        ))?;
    }
    Ok(())
}
