//! [`RulesScatter`]: association rules as points, support across and confidence up,
//! coloured by lift; hovering shows the rule, clicking selects it.

use std::sync::Arc;

use leptos::prelude::*;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{ink, padded, ramp_rgb, Drawn, Margins, Plot, XyChart};
use super::chart::{Pointer, PointerKind};
use super::hit::Frame;
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

/// CSS pixels within which the pointer picks a point.
const PICK_RADIUS: f64 = 8.0;

/// Height of the chart in CSS pixels.
const HEIGHT: f64 = 360.0;

/// Space around the points: the axes left and below, the colour legend right.
const MARGINS: Margins = Margins {
    left: 64.0,
    right: 96.0,
    top: 12.0,
    bottom: 44.0,
};

/// Draws the scatter and returns the frame it was drawn in, for hit-testing.
fn draw_scatter(
    plot: &Plot,
    points: &[RulePoint],
    titles: &(String, String, String),
    marked: [(Option<usize>, RGBColor); 2],
) -> Option<Frame> {
    let x = padded(points.iter().map(|p| p.support));
    let y = padded(points.iter().map(|p| p.confidence));
    let mut chart = plot.xy(MARGINS, x, y)?;
    let frame = Frame::new(chart.as_coord_spec().clone(), plot.ratio);
    let _ = draw_points(plot, &mut chart, points, titles, marked);
    Some(frame)
}

fn draw_points(
    plot: &Plot,
    chart: &mut XyChart<'_>,
    points: &[RulePoint],
    (x_title, y_title, lift_title): &(String, String, String),
    marked: [(Option<usize>, RGBColor); 2],
) -> Drawn {
    plot.axes(chart, x_title, y_title, None)?;
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
    let half = plot.px(if points.len() > 5_000 { 1.0 } else { 2.0 });
    chart.draw_series(order.into_iter().map(|i| {
        let p = points[i];
        EmptyElement::at((p.support, p.confidence))
            + Rectangle::new(
                [(-half, -half), (half, half)],
                ramp_rgb((p.lift - low) / span).filled(),
            )
    }))?;
    for (i, ring) in marked {
        if let Some(p) = i.and_then(|i| points.get(i)) {
            chart.draw_series(std::iter::once(Circle::new(
                (p.support, p.confidence),
                plot.upx(6.0),
                ring.stroke_width(plot.upx(2.0)),
            )))?;
        }
    }
    // Colour legend: a vertical ramp right of the plot, high at the top.
    if high.is_finite() {
        let right = plot.width - MARGINS.right;
        let left = right + 24.0;
        let (top, bottom) = (MARGINS.top + 24.0, plot.height - MARGINS.bottom - 8.0);
        let steps = 40;
        let h = (bottom - top) / steps as f64;
        for s in 0..steps {
            let t = 1.0 - s as f64 / (steps - 1) as f64;
            let y = top + s as f64 * h;
            plot.area.draw(&Rectangle::new(
                [plot.at(left, y), plot.at(left + 14.0, y + h + 0.5)],
                ramp_rgb(t).filled(),
            ))?;
        }
        let centred = plot.font(12.0).pos(Pos::new(HPos::Center, VPos::Center));
        plot.area.draw(&Text::new(
            lift_title.as_str(),
            plot.at(left + 7.0, MARGINS.top + 8.0),
            centred,
        ))?;
        let ends = plot.font(12.0).color(&ink::AXIS);
        plot.area.draw(&Text::new(
            format!("{high:.2}"),
            plot.at(left + 18.0, top),
            ends.clone(),
        ))?;
        plot.area.draw(&Text::new(
            format!("{low:.2}"),
            plot.at(left + 18.0, bottom),
            ends,
        ))?;
    }
    Ok(())
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
        let titles = titles.get();
        let marked = [
            (hover.get().map(|h| h.0), ink::AXIS),
            (selected.get(), ink::PICKED),
        ];
        last.set_value(draw_scatter(&plot, &points, &titles, marked));
    });
    let on_pointer = Callback::new(move |e: Pointer| {
        let Some(frame) = last.get_value() else {
            return;
        };
        let points = points.get_untracked();
        let nearest = || {
            let xy = points.iter().map(|p| (p.support, p.confidence));
            frame.nearest(xy, (e.x, e.y), PICK_RADIUS)
        };
        match e.kind {
            PointerKind::Move => {
                let found = nearest().map(|i| (i, e.x, e.y));
                if hover.get_untracked().map(|h| h.0) != found.map(|h| h.0) {
                    hover.set(found);
                }
            }
            PointerKind::Click => {
                if let Some(i) = nearest() {
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
